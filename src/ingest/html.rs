//! Saved web pages: the article's text without the page around it (menus,
//! ads, captions, "lire aussi" boxes, comments) by readability
//! (`dom_smoothie`), and what the page says of itself: headline, byline,
//! published and modified times (`article:published_time`, JSON-LD,
//! `<time datetime>`), site name, canonical URL. Also the HTML-to-text path
//! of feed items and newsletters ([`fragment_text`]). Nothing is fetched:
//! links, images and scripts stay unread.

use std::borrow::Cow;
use std::sync::LazyLock;

use dom_query::{Document, Matcher};
use dom_smoothie::{Config, ParsePolicy, Readability, TextMode};

use super::article_body;
use super::charset;
use super::format::Format;
use super::item::{Item, Parsed, tidied};
use super::page_scan::{self, Scan};
use super::source::{Source, parse_when};
use super::text_format;

/// A page larger than this is not parsed: no article page is, and a DOM
/// of it would take several times its size in memory.
pub const MAX_PAGE_BYTES: usize = 16 * 1024 * 1024;

/// Readability stops scoring past this many elements (a page of a
/// hundred thousand elements is a listing, not an article).
const MAX_ELEMENTS: usize = 100_000;

static BODY: LazyLock<Matcher> = LazyLock::new(|| Matcher::new("body").expect("a selector"));

/// Readability's `char_threshold`: an attempt whose article is shorter
/// makes it try again with looser rules.
const CHAR_THRESHOLD: usize = 500;

/// Lines that introduce a link to another article rather than say
/// anything: dropped from the text wherever the markup did not mark them.
const LINK_LEADS: &[&str] = &[
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "lire plus",
    "voir aussi",
    "sur le même sujet",
    "read also",
    "read more",
    "see also",
    "related:",
];

/// Reads a page file.
pub fn read(bytes: &[u8]) -> Parsed {
    if bytes.len() > MAX_PAGE_BYTES {
        return Parsed::failed(format!(
            "skipped: page of {} MB, over the {} MB a page may have",
            bytes.len() / (1024 * 1024),
            MAX_PAGE_BYTES / (1024 * 1024)
        ));
    }
    let page = charset::decode_page(bytes);
    let mut parsed = Parsed::default();
    parsed.problems.extend(page.warning);
    match page_item(&page.text) {
        Some(item) => parsed.items.push(item),
        None => parsed
            .problems
            .push("no article text in the page".to_string()),
    }
    parsed
}

/// The article of a page's text, if it has any text.
pub fn page_item(html: &str) -> Option<Item> {
    let (scan, read) = readable(html);
    let mut source = Source::new(Format::Html);
    source.url = scan.canonical;
    let (title, text, tidy, published) = match read {
        Ok(a) => {
            source.outlet = a.site_name.filter(|s| !s.trim().is_empty());
            source.author = a.byline.filter(|s| !s.trim().is_empty());
            source.modified = a
                .modified_time
                .as_deref()
                .and_then(parse_when)
                .and_then(|w| w.stamp());
            let title = Some(a.title).filter(|t| !t.trim().is_empty());
            let published = a.published_time.as_deref().and_then(parse_when);
            (title, a.text, a.tidy, published)
        }
        // Too short or too odd for readability: the body, chrome removed.
        Err(doc) => (
            scan.h1.clone(),
            doc.select_matcher(&BODY).formatted_text().to_string(),
            false,
            None,
        ),
    };
    let published = published.or_else(|| scan.time.as_deref().and_then(parse_when));
    source.modified = source.modified.or_else(|| {
        scan.modified
            .as_deref()
            .and_then(parse_when)
            .and_then(|w| w.stamp())
    });
    let text = page_text(text, tidy);
    let mut item = Item {
        title,
        text,
        source,
        day: None,
        tidy: true,
    };
    item.set_published(published);
    (!item.text.is_empty() || item.title.is_some()).then_some(item)
}

/// The text of an article, tidied unless it is known to be tidy, and
/// without its link leads, copied only where it changes.
fn page_text(text: String, tidy: bool) -> String {
    let text = if tidy { text } else { tidied(text) };
    let kept = match drop_link_leads(&text) {
        Cow::Owned(t) => Some(t),
        Cow::Borrowed(_) => None,
    };
    kept.unwrap_or(text)
}

/// The page's DOM without its chrome and marked boxes.
fn stripped(html: &str) -> Document {
    let doc = Document::from(html);
    page_scan::scan(&doc);
    doc
}

fn readability_config() -> Config {
    Config {
        max_elements_to_parse: MAX_ELEMENTS,
        text_mode: TextMode::Formatted,
        char_threshold: CHAR_THRESHOLD,
        // The scripts are gone with the chrome when readability runs: the
        // page's JSON-LD is read before (see [`readable`]).
        disable_json_ld: true,
        ..Config::default()
    }
}

/// What was read of a page's article: its text and what the page says
/// of it.
struct Read {
    title: String,
    text: String,
    /// Whether `text` is known to be tidy already.
    tidy: bool,
    byline: Option<String>,
    site_name: Option<String>,
    published_time: Option<String>,
    modified_time: Option<String>,
}

impl From<dom_smoothie::Article> for Read {
    fn from(a: dom_smoothie::Article) -> Read {
        Read {
            title: a.title,
            text: a.text_content.to_string(),
            tidy: false,
            byline: a.byline,
            site_name: a.site_name,
            published_time: a.published_time,
            modified_time: a.modified_time,
        }
    }
}

/// The page's article, or its stripped DOM when none is found, and what
/// the walk of the page read.
///
/// The page's JSON-LD is read first: it is in `<script>`s, which go with
/// the chrome. A page whose article container is clearly the article is
/// then read from it ([`article_body`]) with readability's metadata, no
/// scoring. Otherwise readability's loop clones the whole DOM before each
/// attempt so that a looser one can start again from the page; most pages
/// need only the first, strict attempt. That attempt runs alone on the
/// page's DOM, no copy made, and when its article is long enough it is
/// the one the loop would have returned. A shorter one is the rare case:
/// the page is parsed again and the whole loop runs, as if the first try
/// had not been made, so the text is the same either way. What the
/// metadata says (JSON-LD first) dates and names the article whichever
/// way its text was found.
fn readable(html: &str) -> (Scan, Result<Read, Document>) {
    let doc = Document::from(html);
    let Ok(mut r) = Readability::with_document(doc, None, Some(readability_config())) else {
        // Only a document URL can be refused, and none is given.
        let doc = Document::from(html);
        return (page_scan::scan(&doc), Err(doc));
    };
    let json_ld = if may_have_json_ld(html) {
        r.parse_json_ld()
    } else {
        None
    };
    let scan = page_scan::scan(&r.doc);
    let from_json_ld = json_ld.is_some();
    let meta = r.get_article_metadata(json_ld);
    // Readability's own attempts read the metadata again, without the
    // JSON-LD: where the page had some, the first reading stands.
    let with_meta = |read: Read| {
        if !from_json_ld {
            return read;
        }
        Read {
            title: meta.title.clone(),
            byline: meta.byline.clone().or(read.byline),
            site_name: meta.site_name.clone(),
            published_time: meta.published_time.clone(),
            modified_time: meta.modified_time.clone(),
            text: read.text,
            tidy: read.tidy,
        }
    };
    if let Some(body) = article_body::read(&r.doc, &scan, meta.byline.is_some()) {
        return (
            scan,
            Ok(Read {
                title: meta.title,
                text: body.text,
                tidy: body.tidy,
                byline: meta.byline.or(body.byline),
                site_name: meta.site_name,
                published_time: meta.published_time,
                modified_time: meta.modified_time,
            }),
        );
    }
    if let Ok(a) = r.parse_with_policy(ParsePolicy::Strict)
        && normalized_len(&a.text_content) >= CHAR_THRESHOLD + MARGIN
    {
        let read = with_meta(a.into());
        return (scan, Ok(read));
    }
    let doc = stripped(html);
    let read = Readability::with_document(doc.clone(), None, Some(readability_config()))
        .ok()
        .and_then(|mut r| r.parse().ok());
    let read = read.map(|a| with_meta(a.into())).ok_or(doc);
    (scan, read)
}

/// Whether a page may hold a JSON-LD script: its `type` names
/// `application/ld+json` in any case. A page that spelled that name with
/// character references would be missed, and none does.
fn may_have_json_ld(html: &str) -> bool {
    let b = html.as_bytes();
    memchr::memchr_iter(b'+', b).any(|i| {
        i >= 2
            && b[i - 2..i].eq_ignore_ascii_case(b"ld")
            && b.get(i + 1..i + 5)
                .is_some_and(|j| j.eq_ignore_ascii_case(b"json"))
    })
}

/// How far past the threshold the strict attempt's text must be for the
/// loop to have accepted it too: readability measures the article's raw
/// text, in which two blocks may touch, while the formatted text puts a
/// line between them; a page within this of the threshold takes the loop.
const MARGIN: usize = 100;

/// Characters with every run of whitespace counted as one, as
/// readability counts an article's length.
fn normalized_len(text: &str) -> usize {
    let mut n = 0;
    let mut space = false;
    for c in text.trim().chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            n += 1 + usize::from(space);
            space = false;
        }
    }
    n
}

/// The text of an HTML fragment (a feed item's content, a message's HTML
/// part), chrome and link boxes removed as from a page.
pub fn fragment_text(html: &str) -> String {
    let doc = stripped(html);
    let text = text_format::formatted(&doc.root());
    page_text(text.text, text.tidy)
}

/// The text without lines that only point to another article; the text
/// itself, borrowed, when it has none.
fn drop_link_leads(text: &str) -> Cow<'_, str> {
    let is_lead = |p: &&str| is_link_lead(p);
    if !text.split("\n\n").any(|p| is_lead(&p)) {
        return Cow::Borrowed(text);
    }
    let kept: Vec<&str> = text.split("\n\n").filter(|p| !is_lead(p)).collect();
    Cow::Owned(kept.join("\n\n"))
}

/// Characters of a paragraph compared with [`LINK_LEADS`]: more than the
/// longest of them.
const LEAD_CHARS: usize = 24;

/// Whether a paragraph starts with one of the [`LINK_LEADS`], in any
/// case. Its head is lower-cased a character at a time, without a copy:
/// every paragraph of every page is tested. That is the lower-casing of
/// the whole head but for a final sigma, which no lead holds either way.
fn is_link_lead(p: &str) -> bool {
    let head = || {
        p.trim_start()
            .chars()
            .take(LEAD_CHARS)
            .flat_map(char::to_lowercase)
    };
    LINK_LEADS.iter().any(|l| {
        let mut lower = head();
        l.chars().all(|c| lower.next() == Some(c))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::item::tidy;

    #[test]
    fn every_link_lead_is_read_whole() {
        let longest = LINK_LEADS.iter().map(|l| l.chars().count()).max();
        assert!(longest.unwrap() < LEAD_CHARS);
        let text = "Sur le même sujet : un autre\n\nLe texte.\n\nÀ LIRE AUSSI un lien";
        assert_eq!(drop_link_leads(text), "Le texte.");
    }

    /// The lead test is the lower-casing of the paragraph's head compared
    /// with each lead, as it was.
    #[test]
    fn link_leads_are_told_as_by_the_lowercased_head() {
        let by_copy = |p: &str| {
            let head: String = p.trim_start().chars().take(LEAD_CHARS).collect();
            let lower = head.to_lowercase();
            LINK_LEADS.iter().any(|l| lower.starts_with(l))
        };
        for p in [
            "Lire aussi : x",
            "  À LIRE AUSSI",
            "lire",
            "",
            "ΣLire aussi",
            "İlire aussi",
            "RELATED: x",
            "Related",
            "Sur le MÊME sujet",
            "sur le meme sujet",
            "Voir",
            "Le texte.",
        ] {
            assert_eq!(is_link_lead(p), by_copy(p), "{p:?}");
        }
    }

    #[test]
    fn lengths_count_each_whitespace_run_once() {
        assert_eq!(normalized_len("  a \n\n b  "), 3);
        assert_eq!(normalized_len("été"), 3);
        assert_eq!(normalized_len(""), 0);
    }

    /// A page whose article is short of the threshold takes readability's
    /// whole loop: its text is still found.
    #[test]
    fn a_short_article_is_read_by_the_looser_attempts() {
        let html = "<html><head><title>Court</title></head><body><nav><a href=/>Accueil</a></nav>\
                    <div class=content><p>Le conseil municipal a voté le budget mardi soir, \
                    après trois heures de débat.</p></div></body></html>";
        let item = page_item(html).unwrap();
        assert!(
            item.text.contains("Le conseil municipal a voté le budget"),
            "{}",
            item.text
        );
        assert!(!item.text.contains("Accueil"));
    }

    #[test]
    fn fragments_lose_captions_and_link_boxes() {
        let t = fragment_text(
            "<p>Le conseil a voté.</p><figure><img src=x><figcaption>Photo: X</figcaption></figure>\
             <p>Lire aussi : un autre article</p><aside>Pub</aside><p>Fin.</p>",
        );
        assert_eq!(t, "Le conseil a voté.\n\nFin.");
    }

    /// A page read from its container has the text `dom_query`'s formatted
    /// text of the container, tidied, gives, whether or not the text was
    /// known to be tidy; a page without a container still takes
    /// readability and finds its text.
    #[test]
    fn a_container_is_read_as_dom_query_formats_it() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests");
        let mut known_tidy = 0;
        for page in [
            "fixtures/pages/article.html",
            "fixtures/pages/jsonld.html",
            "fixtures/formats/page.html",
            "devset/formats-en/en_01_courts_verdict.html",
            "devset/formats-fr/fr_03_politique_censure.html",
            "devset/formats-fr/fr_08_afrique_election.html",
        ] {
            let html = std::fs::read_to_string(format!("{dir}/{page}")).unwrap();
            let doc = Document::from(html.as_str());
            let scan = page_scan::scan(&doc);
            let body = article_body::read(&doc, &scan, false).expect(page);
            let id = scan.body_props.1.or(scan.articles.1).unwrap();
            let old = doc.tree.get(&id).unwrap().formatted_text();
            let old = drop_link_leads(&tidy(&old)).into_owned();
            known_tidy += usize::from(body.tidy);
            assert_eq!(page_text(body.text, body.tidy), old, "{page}");
            assert_eq!(page_item(&html).unwrap().text, old, "{page}");
        }
        assert!(known_tidy > 0);
        let path = format!("{dir}/fixtures/pages/outside.html");
        let html = std::fs::read_to_string(path).unwrap();
        let doc = Document::from(html.as_str());
        assert!(article_body::read(&doc, &page_scan::scan(&doc), false).is_none());
        assert!(!page_item(&html).unwrap().text.is_empty());
    }

    /// A page whose headline, dates and author are only in its JSON-LD:
    /// the JSON-LD is read before the scripts go with the chrome, whether
    /// the page's container or readability's attempts give the text.
    #[test]
    fn what_only_the_json_ld_says_is_read() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/pages/jsonld.html"
        );
        let html = std::fs::read_to_string(path).unwrap();
        // The same page without its <article>: readability finds the text.
        let bare = html
            .replace("<article>", "<div class=\"story\">")
            .replace("</article>", "</div>");
        for page in [html.as_str(), bare.as_str()] {
            let item = page_item(page).unwrap();
            assert_eq!(
                item.title.as_deref(),
                Some("Lighthouse keepers' cottages to become a field station")
            );
            let s = &item.source;
            assert_eq!(s.author.as_deref(), Some("Tomasz Wren"));
            assert_eq!(s.outlet.as_deref(), Some("The Headland Courier"));
            let stamp = |t: &str| parse_when(t).and_then(|w| w.stamp());
            assert_eq!(s.published, stamp("2026-10-14T08:20:00+01:00"));
            assert_eq!(s.modified, stamp("2026-10-15T17:05:00+01:00"));
            assert!(item.text.starts_with("The three cottages"), "{}", item.text);
            assert!(!item.text.contains("schema.org"), "{}", item.text);
        }
    }

    #[test]
    fn json_ld_is_looked_for_in_any_case() {
        assert!(may_have_json_ld("<script type=\"application/LD+JSON\">"));
        assert!(may_have_json_ld("<script type=application/ld+json>"));
        assert!(!may_have_json_ld("<p>1 + 1, ld+jso</p>"));
        assert!(!may_have_json_ld("+json"));
    }
}
