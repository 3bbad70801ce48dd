//! RSS 2.0 (and 0.9x/1.0), Atom and JSON Feed files, read by `feed-rs`:
//! every item one article, with the feed's title as its source, the item's
//! link, GUID, authors and dates, and its HTML content through the page
//! text path. An item with a summary and no content is kept and marked
//! summary-only. XML entities other than the five predefined ones are left
//! as written (never expanded, so an entity bomb is a few bytes of text),
//! and no external entity or DTD is ever fetched: feed-rs reads the bytes
//! it is given and nothing else. Timestamps keep the zone the feed wrote
//! them in (feed-rs gives UTC; [`parse`] reads each date again with its
//! offset).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use feed_rs::model::{Entry, Feed, Text};

use super::format::Format;
use super::html::fragment_text;
use super::item::{Item, Parsed};
use super::source::{Source, Timestamp, When, from_utc, parse_when};

/// Items read from one feed file: a feed keeps its latest items, a few
/// dozen; one with more is an archive dump or an attack, and past this
/// its items would crowd out the rest of the corpus.
pub const MAX_ITEMS: usize = 10_000;

/// The dates of a feed as it wrote them, by the UTC moment feed-rs gives
/// for each.
#[derive(Debug, Default)]
pub struct Zones(HashMap<DateTime<Utc>, When>);

impl Zones {
    /// What the feed wrote for this moment: a time with its zone, or a day
    /// alone (UTC when the feed's text for it was not seen).
    pub fn of(&self, t: DateTime<Utc>) -> When {
        self.0
            .get(&t)
            .copied()
            .unwrap_or_else(|| When::At(from_utc(t)))
    }

    /// The moment with the zone the feed gave it in.
    pub fn at(&self, t: DateTime<Utc>) -> Timestamp {
        self.of(t).stamp().unwrap_or_else(|| from_utc(t))
    }
}

/// Parses a feed with feed-rs, keeping each date as written (its zone, or
/// that it is a day alone); the error is one line. Dates are read by
/// [`parse_when`], which takes the forms feeds use.
pub fn parse(bytes: &[u8]) -> Result<(Feed, Zones), String> {
    let seen: Arc<Mutex<HashMap<DateTime<Utc>, When>>> = Arc::default();
    let record = Arc::clone(&seen);
    let parser = feed_rs::parser::Builder::new()
        .timestamp_parser(move |text| {
            let when = parse_when(text).or_else(|| sloppy_2822(text))?;
            let utc = match when {
                When::At(t) => t.0.with_timezone(&Utc),
                When::Day(d) => d.naive()?.and_hms_opt(0, 0, 0)?.and_utc(),
            };
            // The first text of a moment wins: two texts of one moment in
            // different zones are rare and either is right.
            if let Ok(mut map) = record.lock() {
                map.entry(utc).or_insert(when);
            }
            Some(utc)
        })
        .build();
    let feed = parser
        .parse(bytes)
        .map_err(|e| format!("not a readable feed: {}", one_line(&e.to_string())))?;
    drop(parser);
    let zones = Arc::try_unwrap(seen)
        .ok()
        .and_then(|m| m.into_inner().ok())
        .unwrap_or_default();
    Ok((feed, Zones(zones)))
}

/// An RFC 2822 date as feeds get it wrong, mended as feed-rs's own
/// parser mends it: any weekday word dropped (`Thurs, `), `UTC` and a
/// trailing `Z` as `+0000`, a long month name shortened, a one-digit
/// hour padded, hour 24 as 00.
fn sloppy_2822(text: &str) -> Option<When> {
    let mut words: Vec<String> = text.split_whitespace().map(str::to_string).collect();
    if words.first().is_some_and(|w| w.ends_with(',')) {
        words.remove(0);
    }
    for w in &mut words {
        if w == "UTC" || w == "Z" {
            *w = "+0000".into();
        } else if w.len() > 3
            && w.chars().all(|c| c.is_ascii_alphabetic())
            && let Some(short) = MONTHS.iter().find(|m| w.starts_with(**m))
        {
            *w = (*short).to_string();
        } else if w.contains(':') && w.chars().all(|c| c.is_ascii_digit() || c == ':') {
            let mut parts: Vec<String> = w.split(':').map(str::to_string).collect();
            if parts[0].len() == 1 {
                parts[0].insert(0, '0');
            }
            if parts[0] == "24" {
                parts[0] = "00".into();
            }
            *w = parts.join(":");
        }
    }
    DateTime::parse_from_rfc2822(&words.join(" "))
        .ok()
        .map(|t| When::At(Timestamp(t)))
}

const MONTHS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Reads a feed file.
pub fn read(bytes: &[u8]) -> Parsed {
    let (feed, zones) = match parse(bytes) {
        Ok(f) => f,
        Err(why) => return Parsed::failed(why),
    };
    let mut parsed = Parsed::default();
    let total = feed.entries.len();
    if total > MAX_ITEMS {
        parsed.problems.push(format!(
            "{total} items: the first {MAX_ITEMS} read, the rest skipped"
        ));
    }
    let outlet = feed.title.as_ref().map(plain).filter(|t| !t.is_empty());
    for entry in feed.entries.iter().take(MAX_ITEMS) {
        parsed
            .items
            .push(item_of(&feed, entry, outlet.clone(), &zones));
    }
    parsed
}

fn item_of(feed: &Feed, e: &Entry, outlet: Option<String>, zones: &Zones) -> Item {
    let mut source = Source::new(Format::Feed);
    source.outlet = outlet;
    source.url = e
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(e.links.first())
        .map(|l| l.href.clone());
    source.guid = Some(e.id.clone()).filter(|g| !g.is_empty());
    source.author = e
        .authors
        .iter()
        .chain(&feed.authors)
        .filter_map(|p| p.name.as_deref().map(str::trim))
        .map(str::to_string)
        .find(|n| !n.is_empty());
    source.modified = e.updated.map(|t| zones.at(t));
    let content = e
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref())
        .map(fragment_text)
        .filter(|t| !t.is_empty());
    let summary = e.summary.as_ref().map(plain).filter(|t| !t.is_empty());
    source.summary_only = content.is_none() && summary.is_some();
    let mut item = Item {
        title: e.title.as_ref().map(plain),
        // The content comes tidied from the fragment path; a summary may not.
        tidy: content.is_some(),
        text: content.or(summary).unwrap_or_default(),
        source,
        day: None,
    };
    // An item without a publication date was at least there when updated.
    // A date without a time stays a day, not midnight UTC.
    item.set_published(e.published.or(e.updated).map(|t| zones.of(t)));
    item
}

/// A feed text as plain text: HTML-typed text through the page path.
fn plain(t: &Text) -> String {
    if t.content_type.essence().to_string().contains("html") || t.content.contains('<') {
        fragment_text(&t.content)
    } else {
        t.content.trim().to_string()
    }
}

fn one_line(s: &str) -> String {
    super::item::one_line(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sloppy_dates_are_mended() {
        let at = |s: &str| {
            sloppy_2822(s)
                .and_then(|w| w.stamp())
                .map(|t| t.to_string())
        };
        for (text, want) in [
            (
                "Thurs, 13 Jul 2026 07:38:00 GMT",
                "2026-07-13T07:38:00+00:00",
            ),
            (
                "Mon, 30 November 2026 7:45:00 +0100",
                "2026-11-30T07:45:00+01:00",
            ),
            ("30 Nov 2026 07:45:00 UTC", "2026-11-30T07:45:00+00:00"),
            ("Mon, 30 Nov 2026 07:45:00 Z", "2026-11-30T07:45:00+00:00"),
        ] {
            assert_eq!(at(text).as_deref(), Some(want), "{text}");
        }
        assert_eq!(at("sometime soon"), None);
    }

    #[test]
    fn timestamps_keep_their_zone() {
        let rss = br#"<rss version="2.0"><channel><title>T</title>
<item><title>A</title><link>https://example.org/a</link><description>x</description>
<pubDate>Mon, 30 Nov 2026 07:45:00 +0100</pubDate></item>
<item><title>B</title><link>https://example.org/b</link><description>y</description>
<pubDate>2026-11-30</pubDate></item>
</channel></rss>"#;
        let p = read(rss);
        let a = &p.items[0].source;
        assert_eq!(
            a.published.map(|t| t.to_string()).as_deref(),
            Some("2026-11-30T07:45:00+01:00")
        );
        assert_eq!(p.items[1].source.published, None);
        assert_eq!(
            p.items[1].day.map(|d| d.to_string()).as_deref(),
            Some("2026-11-30")
        );
    }

    #[test]
    fn an_entity_bomb_is_not_expanded() {
        let bomb = br#"<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY ext SYSTEM "file:///etc/passwd">
]>
<rss version="2.0"><channel><title>T</title>
<item><title>Boom &d;</title><description>x &ext; y</description></item>
</channel></rss>"#;
        let p = read(bomb);
        let text: usize = p
            .items
            .iter()
            .map(|i| i.text.len() + i.title.as_ref().map_or(0, |t| t.len()))
            .sum();
        assert!(text < 200, "{:?}", p.items);
        assert!(!p.items.iter().any(|i| i.text.contains("root:")));
    }
}
