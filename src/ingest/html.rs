//! Saved web pages: the article's text without the page around it (menus,
//! ads, captions, "lire aussi" boxes, comments) by readability
//! (`dom_smoothie`), and what the page says of itself: headline, byline,
//! published and modified times (`article:published_time`, JSON-LD,
//! `<time datetime>`), site name, canonical URL. Also the HTML-to-text path
//! of feed items and newsletters ([`fragment_text`]). Nothing is fetched:
//! links, images and scripts stay unread.

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

use super::charset;
use super::format::Format;
use super::item::{Item, Parsed, tidy};
use super::source::{Source, parse_when};

/// A page larger than this is not parsed: no article page is, and a DOM
/// of it would take several times its size in memory.
pub const MAX_PAGE_BYTES: usize = 16 * 1024 * 1024;

/// Readability stops scoring past this many elements (a page of a
/// hundred thousand elements is a listing, not an article).
const MAX_ELEMENTS: usize = 100_000;

/// Elements that are never the article: navigation, asides, captions,
/// forms, embedded frames and whatever the page hides.
const CHROME: &str = "nav, aside, figcaption, footer, form, iframe, noscript, script, style, \
     template, button, [role=navigation], [role=complementary], [role=banner], \
     [role=contentinfo], [aria-hidden=true], [hidden]";

/// Class or id words that mark a box beside the article: a "lire aussi"
/// box, related links, comments, ads, share buttons, newsletter sign-up.
const BOX_MARKS: &[&str] = &[
    "lire-aussi",
    "lire_aussi",
    "lireaussi",
    "read-also",
    "read-more",
    "related",
    "comment",
    "advert",
    "ad-slot",
    "ad-container",
    "publicite",
    "share",
    "social",
    "newsletter",
    "paywall",
    "cookie",
];

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
    let doc = Document::from(html);
    let extra = Extra::of(&doc);
    strip_chrome(&doc);
    let cfg = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let read = Readability::with_document(doc.clone(), None, Some(cfg))
        .ok()
        .and_then(|mut r| r.parse().ok());
    let mut source = Source::new(Format::Html);
    source.url = extra.canonical;
    let mut published = None;
    let (title, text) = match read {
        Some(a) => {
            source.outlet = a.site_name.filter(|s| !s.trim().is_empty());
            source.author = a.byline.filter(|s| !s.trim().is_empty());
            published = a.published_time.as_deref().and_then(parse_when);
            source.modified = a
                .modified_time
                .as_deref()
                .and_then(parse_when)
                .and_then(|w| w.stamp());
            let title = Some(a.title).filter(|t| !t.trim().is_empty());
            (title, a.text_content.to_string())
        }
        // Too short or too odd for readability: the body, chrome removed.
        None => (
            extra.h1.clone(),
            doc.select("body").formatted_text().to_string(),
        ),
    };
    let published = published.or_else(|| extra.time.as_deref().and_then(parse_when));
    source.modified = source.modified.or_else(|| {
        extra
            .modified
            .as_deref()
            .and_then(parse_when)
            .and_then(|w| w.stamp())
    });
    let text = drop_link_leads(&tidy(&text));
    let mut item = Item {
        title,
        text,
        source,
        day: None,
    };
    item.set_published(published);
    (!item.text.is_empty() || item.title.is_some()).then_some(item)
}

/// The text of an HTML fragment (a feed item's content, a message's HTML
/// part), chrome and link boxes removed as from a page.
pub fn fragment_text(html: &str) -> String {
    let doc = Document::from(html);
    strip_chrome(&doc);
    drop_link_leads(&tidy(&doc.formatted_text()))
}

/// What readability does not read: the canonical URL, the modified time
/// of the meta tags, the first `<time datetime>`, the first `<h1>`.
struct Extra {
    canonical: Option<String>,
    modified: Option<String>,
    time: Option<String>,
    h1: Option<String>,
}

impl Extra {
    fn of(doc: &Document) -> Extra {
        let attr = |sel: &str, name: &str| {
            doc.select(sel)
                .nodes()
                .iter()
                .find_map(|n| n.attr(name).map(|v| v.trim().to_string()))
                .filter(|v| !v.is_empty())
        };
        let canonical = attr("link[rel=canonical]", "href")
            .or_else(|| attr("meta[property=\"og:url\"]", "content"))
            .filter(|u| u.starts_with("http://") || u.starts_with("https://"));
        let modified = attr("meta[property=\"article:modified_time\"]", "content")
            .or_else(|| attr("meta[property=\"og:updated_time\"]", "content"))
            .or_else(|| attr("meta[itemprop=dateModified]", "content"));
        // A time marked as the publication's first, then any.
        let time = attr(
            "time[pubdate][datetime], time[itemprop=datePublished][datetime]",
            "datetime",
        )
        .or_else(|| attr("time[datetime]", "datetime"));
        let h1 = doc
            .select("h1")
            .nodes()
            .first()
            .map(|n| n.text().trim().to_string())
            .filter(|t| !t.is_empty());
        Extra {
            canonical,
            modified,
            time,
            h1,
        }
    }
}

/// Removes the page chrome and the marked boxes from the document.
fn strip_chrome(doc: &Document) {
    doc.select(CHROME).remove();
    for attr in ["class", "id"] {
        let marked: Vec<_> = doc
            .select(&format!("[{attr}]"))
            .nodes()
            .iter()
            .filter(|n| {
                n.attr(attr).is_some_and(|v| {
                    let v = v.to_ascii_lowercase();
                    BOX_MARKS.iter().any(|m| v.contains(m))
                })
            })
            .cloned()
            .collect();
        for n in marked {
            // Never the whole page: a theme may put "share" on <body>.
            if !matches!(
                n.node_name().as_deref(),
                Some("body" | "html" | "main" | "article")
            ) {
                n.remove_from_parent();
            }
        }
    }
}

/// The text without lines that only point to another article.
fn drop_link_leads(text: &str) -> String {
    let kept: Vec<&str> = text
        .split("\n\n")
        .filter(|p| {
            let lower = p.trim_start().to_lowercase();
            !LINK_LEADS.iter().any(|l| lower.starts_with(l))
        })
        .collect();
    kept.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_lose_captions_and_link_boxes() {
        let t = fragment_text(
            "<p>Le conseil a voté.</p><figure><img src=x><figcaption>Photo: X</figcaption></figure>\
             <p>Lire aussi : un autre article</p><aside>Pub</aside><p>Fin.</p>",
        );
        assert_eq!(t, "Le conseil a voté.\n\nFin.");
    }
}
