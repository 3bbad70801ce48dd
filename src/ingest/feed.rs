//! RSS 2.0 (and 0.9x/1.0), Atom and JSON Feed files, read by `feed-rs`:
//! every item one article, with the feed's title as its source, the item's
//! link, GUID, authors and dates, and its HTML content through the page
//! text path. An item with a summary and no content is kept and marked
//! summary-only. XML entities other than the five predefined ones are left
//! as written (never expanded, so an entity bomb is a few bytes of text),
//! and no external entity or DTD is ever fetched: feed-rs reads the bytes
//! it is given and nothing else.

use feed_rs::model::{Entry, Feed, Text};

use super::format::Format;
use super::html::fragment_text;
use super::item::{Item, Parsed};
use super::source::{Source, When, from_utc};

/// Items read from one feed file: a feed keeps its latest items, a few
/// dozen; one with more is an archive dump or an attack, and past this
/// its items would crowd out the rest of the corpus.
pub const MAX_ITEMS: usize = 10_000;

/// Reads a feed file.
pub fn read(bytes: &[u8]) -> Parsed {
    let parser = feed_rs::parser::Builder::new().build();
    let feed = match parser.parse(bytes) {
        Ok(f) => f,
        Err(e) => {
            return Parsed::failed(format!("not a readable feed: {}", one_line(&e.to_string())));
        }
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
        parsed.items.push(item_of(&feed, entry, outlet.clone()));
    }
    parsed
}

fn item_of(feed: &Feed, e: &Entry, outlet: Option<String>) -> Item {
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
    source.modified = e.updated.map(from_utc);
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
        text: content.or(summary).unwrap_or_default(),
        source,
        day: None,
    };
    // An item without a publication date was at least there when updated.
    item.set_published(e.published.or(e.updated).map(|t| When::At(from_utc(t))));
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
