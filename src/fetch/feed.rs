//! Fetching one feed into its archive folder: the conditional GET, the
//! checks of what came back (a feed, not a page or an image), one record
//! per item written when new or changed, and, with `full_text`, each new
//! item's page fetched once and read through the page path. A feed that
//! fails leaves its folder as it was: items are parsed whole before the
//! first is written, and the state (with the new validators) is saved
//! only after every item is.

use std::collections::HashSet;

use super::archive::{Archive, Written};
use super::http::{Answer, Body, Client, Validators};
use super::record::{Document, Record, paragraphs};
use crate::config::FeedConfig;
use crate::ingest::dedupe::normal_url;
use crate::ingest::format::{Format, sniff};

/// What fetching a feed came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// 304: the feed has not changed since the last fetch.
    NotModified,
    Fetched(Counts),
    Failed(String),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Items without GUID or link, which could not be named.
    pub unnamed: usize,
    /// Items past [`crate::ingest::feed::MAX_ITEMS`].
    pub skipped: usize,
    /// Pages of `full_text` items that could not be read, and why the
    /// first could not.
    pub pages_failed: usize,
    pub page_problem: Option<String>,
}

/// Fetches `feed` into `archive`.
pub fn fetch(client: &Client, feed: &FeedConfig, archive: &Archive) -> Outcome {
    let mut state = archive.state();
    let body = match client.get(&feed.url, &state.validators(&feed.url)) {
        Ok(Answer::NotModified) => return Outcome::NotModified,
        Ok(Answer::Body(b)) => b,
        Err((failure, tries)) => return Outcome::Failed(with_tries(&failure.to_string(), tries)),
    };
    if let Err(why) = looks_like_feed(&body) {
        return Outcome::Failed(why);
    }
    let (parsed, zones) = match crate::ingest::feed::parse(&body.bytes) {
        Ok(p) => p,
        Err(why) => return Outcome::Failed(why),
    };
    let mut counts = Counts::default();
    let max = crate::ingest::feed::MAX_ITEMS;
    counts.skipped = parsed.entries.len().saturating_sub(max);
    let mut seen = HashSet::new();
    for entry in parsed.entries.iter().take(max) {
        let mut record = Record::of(entry, &zones);
        let Some(stem) = archive.stem(&state, &seen, record.guid(), record.url.as_deref()) else {
            counts.unnamed += 1;
            continue;
        };
        // One item twice in one feed is archived once.
        if !seen.insert(stem.clone()) {
            continue;
        }
        if feed.full_text {
            full_text(client, archive, &stem, &mut record, &mut counts);
        }
        let bytes = Document::new(feed.name(), &feed.url, record.clone()).to_bytes();
        match archive.write_item(&stem, &bytes) {
            Ok(Written::New) => counts.new += 1,
            Ok(Written::Updated) => counts.updated += 1,
            Ok(Written::Unchanged) => counts.unchanged += 1,
            Err(e) => {
                return Outcome::Failed(format!(
                    "cannot write {}: {e}",
                    archive.item_path(&stem).display()
                ));
            }
        }
        if let Some(url) = &record.url {
            state.urls.insert(normal_url(url), stem);
        }
    }
    state.url = feed.url.clone();
    let Validators {
        etag,
        last_modified,
    } = body.validators;
    state.etag = etag;
    state.last_modified = last_modified;
    if let Err(e) = archive.save_state(&state) {
        return Outcome::Failed(format!("cannot save the fetch state: {e}"));
    }
    Outcome::Fetched(counts)
}

fn with_tries(why: &str, tries: u32) -> String {
    if tries > 1 {
        format!("{why} ({tries} tries)")
    } else {
        why.to_string()
    }
}

/// Refuses what is plainly no feed: a media type of images, audio,
/// video, archives or binaries, or an HTML page (a site's home page given
/// for its feed).
fn looks_like_feed(body: &Body) -> Result<(), String> {
    let kind = body.content_type.as_deref().unwrap_or("");
    let binary = ["image/", "audio/", "video/", "font/"]
        .iter()
        .any(|p| kind.starts_with(p))
        || matches!(
            kind,
            "application/octet-stream" | "application/pdf" | "application/zip" | "application/gzip"
        );
    if binary {
        return Err(format!("wrong content type {kind}: not a feed"));
    }
    match sniff(&body.bytes) {
        Some(Format::Feed) => Ok(()),
        Some(Format::Html) => Err(format!(
            "{} is a web page ({}), not a feed: give the feed's own address",
            body.url,
            if kind.is_empty() {
                "no content type"
            } else {
                kind
            }
        )),
        // feed-rs says what is wrong with anything else.
        _ => Ok(()),
    }
}

/// Puts the text of the item's page in `record`: the archived one when
/// the page was read before, else the page fetched now. A page that cannot
/// be read leaves the feed's own text, and is counted.
fn full_text(
    client: &Client,
    archive: &Archive,
    stem: &str,
    record: &mut Record,
    counts: &mut Counts,
) {
    let before = archive
        .read_item(stem)
        .and_then(|b| Document::from_bytes(&b))
        .and_then(|d| d.items.into_iter().next())
        .filter(|r| r.extra.full_text);
    if let Some(old) = before {
        // What the page gave the first time, the feed still lacking it.
        record.content_html = old.content_html;
        record.extra = old.extra;
        if record.authors.is_empty() {
            record.authors = old.authors;
        }
        record.date_published = record.date_published.take().or(old.date_published);
        return;
    }
    let Some(url) = record.url.clone() else {
        return;
    };
    match page_text(client, &url) {
        Ok(page) => {
            record.content_html = Some(paragraphs(&page.text));
            record.extra.full_text = true;
            if record.authors.is_empty()
                && let Some(name) = page.source.author
            {
                record.authors.push(super::record::Author { name });
            }
            if record.date_published.is_none() {
                record.date_published = page.source.published.map(|t| t.to_string());
            }
        }
        Err(why) => {
            counts.pages_failed += 1;
            counts.page_problem.get_or_insert(format!("{url}: {why}"));
        }
    }
}

/// The article of a page, read as a saved page is.
fn page_text(client: &Client, url: &str) -> Result<crate::ingest::item::Item, String> {
    let body = match client.get(url, &Validators::default()) {
        Ok(Answer::Body(b)) => b,
        Ok(Answer::NotModified) => return Err("HTTP 304 without a request for it".into()),
        Err((failure, tries)) => return Err(with_tries(&failure.to_string(), tries)),
    };
    let kind = body.content_type.as_deref().unwrap_or("text/html");
    if !(kind.contains("html") || kind == "text/plain") {
        return Err(format!("wrong content type {kind}: not a page"));
    }
    let page = crate::ingest::charset::decode_page(&body.bytes);
    crate::ingest::html::page_item(&page.text)
        .filter(|i| !i.text.is_empty())
        .ok_or_else(|| "no article text in the page".to_string())
}
