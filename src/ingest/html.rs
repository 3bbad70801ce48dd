//! Saved web pages: the article's text without the page around it (menus,
//! ads, captions, "lire aussi" boxes, comments) by readability
//! (`dom_smoothie`), and what the page says of itself: headline, byline,
//! published and modified times (`article:published_time`, JSON-LD,
//! `<time datetime>`), site name, canonical URL. Also the HTML-to-text path
//! of feed items and newsletters ([`fragment_text`]). Nothing is fetched:
//! links, images and scripts stay unread.

use std::sync::LazyLock;

use dom_query::{Document, Matcher};
use dom_smoothie::{Config, ParsePolicy, Readability, TextMode};

use super::article_body;
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

/// Selectors compiled once: parsing one costs more than matching it
/// against a small page.
fn matcher(sel: &str) -> Matcher {
    Matcher::new(sel).expect("a selector of this file")
}
static CHROME_MATCHER: LazyLock<Matcher> = LazyLock::new(|| matcher(CHROME));
static MARKED: LazyLock<Matcher> = LazyLock::new(|| matcher("[class], [id]"));
static CANONICAL: LazyLock<Matcher> = LazyLock::new(|| matcher("link[rel=canonical]"));
static OG_URL: LazyLock<Matcher> = LazyLock::new(|| matcher("meta[property=\"og:url\"]"));
static MODIFIED: LazyLock<[Matcher; 3]> = LazyLock::new(|| {
    [
        matcher("meta[property=\"article:modified_time\"]"),
        matcher("meta[property=\"og:updated_time\"]"),
        matcher("meta[itemprop=dateModified]"),
    ]
});
static FIRST_TIME: LazyLock<Matcher> =
    LazyLock::new(|| matcher("time[pubdate][datetime], time[itemprop=datePublished][datetime]"));
static ANY_TIME: LazyLock<Matcher> = LazyLock::new(|| matcher("time[datetime]"));
static H1: LazyLock<Matcher> = LazyLock::new(|| matcher("h1"));
static BODY: LazyLock<Matcher> = LazyLock::new(|| matcher("body"));

/// Readability's `char_threshold`: an attempt whose article is shorter
/// makes it try again with looser rules.
const CHAR_THRESHOLD: usize = 500;

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
    let doc = stripped(html);
    let extra = Extra::of(&doc);
    let read = readable(doc, html);
    let mut source = Source::new(Format::Html);
    source.url = extra.canonical;
    let (title, text, published) = match read {
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
            (title, a.text, published)
        }
        // Too short or too odd for readability: the body, chrome removed.
        Err(doc) => (
            extra.h1.clone(),
            doc.select_matcher(&BODY).formatted_text().to_string(),
            None,
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

/// The page's DOM without its chrome and marked boxes.
fn stripped(html: &str) -> Document {
    let doc = Document::from(html);
    strip_chrome(&doc);
    doc
}

fn readability_config() -> Config {
    Config {
        max_elements_to_parse: MAX_ELEMENTS,
        text_mode: TextMode::Formatted,
        char_threshold: CHAR_THRESHOLD,
        ..Config::default()
    }
}

/// What was read of a page's article: its text and what the page says
/// of it.
struct Read {
    title: String,
    text: String,
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
            byline: a.byline,
            site_name: a.site_name,
            published_time: a.published_time,
            modified_time: a.modified_time,
        }
    }
}

/// The page's article, or its stripped DOM when none is found.
///
/// A page whose article container is clearly the article is read from it
/// ([`article_body`]) with readability's metadata, no scoring. Otherwise
/// readability's loop clones the whole DOM before each attempt so that a
/// looser one can start again from the page; most pages need only the
/// first, strict attempt. That attempt runs alone on the page's DOM, no
/// copy made, and when its article is long enough it is the one the loop
/// would have returned. A shorter one is the rare case: the page is
/// parsed again and the whole loop runs, as if the first try had not been
/// made, so the text is the same either way.
fn readable(doc: Document, html: &str) -> Result<Read, Document> {
    if let Ok(mut r) = Readability::with_document(doc, None, Some(readability_config())) {
        let meta = r.get_article_metadata(r.parse_json_ld());
        if let Some(body) = article_body::read(&r.doc, meta.byline.is_some()) {
            return Ok(Read {
                title: meta.title,
                text: body.text,
                byline: meta.byline.or(body.byline),
                site_name: meta.site_name,
                published_time: meta.published_time,
                modified_time: meta.modified_time,
            });
        }
        if let Ok(a) = r.parse_with_policy(ParsePolicy::Strict)
            && normalized_len(&a.text_content) >= CHAR_THRESHOLD + MARGIN
        {
            return Ok(a.into());
        }
    }
    let doc = stripped(html);
    let read = Readability::with_document(doc.clone(), None, Some(readability_config()))
        .ok()
        .and_then(|mut r| r.parse().ok());
    read.map(Read::from).ok_or(doc)
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
        let attr = |m: &Matcher, name: &str| {
            doc.select_matcher(m)
                .nodes()
                .iter()
                .find_map(|n| n.attr(name).map(|v| v.trim().to_string()))
                .filter(|v| !v.is_empty())
        };
        let canonical = attr(&CANONICAL, "href")
            .or_else(|| attr(&OG_URL, "content"))
            .filter(|u| u.starts_with("http://") || u.starts_with("https://"));
        let modified = MODIFIED.iter().find_map(|m| attr(m, "content"));
        // A time marked as the publication's first, then any.
        let time = attr(&FIRST_TIME, "datetime").or_else(|| attr(&ANY_TIME, "datetime"));
        let h1 = doc
            .select_matcher(&H1)
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
pub(super) fn strip_chrome(doc: &Document) {
    doc.select_matcher(&CHROME_MATCHER).remove();
    let marked: Vec<_> = doc
        .select_matcher(&MARKED)
        .nodes()
        .iter()
        .filter(|n| {
            ["class", "id"]
                .iter()
                .any(|a| n.attr(a).is_some_and(|v| marks_a_box(&v)))
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

/// Whether a class or id value holds one of the box marks, in any case.
fn marks_a_box(value: &str) -> bool {
    let v = value.as_bytes();
    BOX_MARKS.iter().any(|m| {
        v.windows(m.len())
            .any(|w| w.eq_ignore_ascii_case(m.as_bytes()))
    })
}

/// The text without lines that only point to another article.
fn drop_link_leads(text: &str) -> String {
    let kept: Vec<&str> = text
        .split("\n\n")
        .filter(|p| {
            // The longest lead decides how much of a paragraph is read.
            let head: String = p.trim_start().chars().take(LEAD_CHARS).collect();
            let lower = head.to_lowercase();
            !LINK_LEADS.iter().any(|l| lower.starts_with(l))
        })
        .collect();
    kept.join("\n\n")
}

/// Characters of a paragraph compared with [`LINK_LEADS`]: more than the
/// longest of them.
const LEAD_CHARS: usize = 24;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_link_lead_is_read_whole() {
        let longest = LINK_LEADS.iter().map(|l| l.chars().count()).max();
        assert!(longest.unwrap() < LEAD_CHARS);
        let text = "Sur le même sujet : un autre\n\nLe texte.\n\nÀ LIRE AUSSI un lien";
        assert_eq!(drop_link_leads(text), "Le texte.");
    }

    #[test]
    fn box_marks_are_found_in_any_case_anywhere_in_the_value() {
        for (value, marked) in [
            ("article-Related-links", true),
            ("SHARE", true),
            ("c-newsletter__form", true),
            ("article-body", false),
            ("", false),
            ("é", false),
        ] {
            assert_eq!(marks_a_box(value), marked, "{value}");
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
}
