//! The article of a page that marks it: one `[itemprop=articleBody]`
//! element, or the page's one `<article>`, holding the page's paragraphs.
//! Such a page is read from that container directly, without readability's
//! scoring of every element of the page (most of the time a page takes);
//! a page whose container is not clearly the article — too little
//! paragraph text, mostly links, text outside paragraphs, one of several
//! `<article>` teasers — is left to readability.
//!
//! What readability would drop from such an article is dropped here too:
//! the headline and the article's `<header>`, the byline, figures and
//! their captions, nodes hidden by `style`, boxes whose class says they
//! are beside the text, and link lists. The page's chrome and its marked
//! boxes ("lire aussi", share bars, comments) are already gone, and the
//! page's containers and character counts read, by the walk of
//! [`super::page_scan`].

use std::collections::HashSet;
use std::sync::LazyLock;

use dom_query::{Document, Matcher, NodeData, NodeId, NodeRef};

use super::page_scan::Scan;
use super::text_format;

static ARTICLE: LazyLock<Matcher> =
    LazyLock::new(|| Matcher::new("article").expect("a selector of this file"));

/// Paragraph text, in characters, below which a container is not
/// clearly an article: readability's own threshold for an attempt.
const MIN_TEXT: usize = 500;

/// The share of the container's text that may be link text: above it the
/// container is a list of links (a section front, a teaser list).
const MAX_LINK_DENSITY: f32 = 0.25;

/// The share of the container's text its paragraphs must hold: text in
/// bare `<div>`s or tables is what readability's scoring is for.
const MIN_PARAGRAPH_SHARE: f32 = 0.8;

/// The share of the page's paragraph text the container must hold: a
/// container beside the real text (a quote box, an embedded post) is not
/// the article.
const MIN_PAGE_SHARE: f32 = 0.8;

/// The share of the text of the page's body (its chrome removed) the
/// container must hold, for a page whose other text is not in `<p>`s.
const MIN_BODY_SHARE: f32 = 0.5;

/// Elements of an article that are never its text.
const NOT_TEXT: &[&str] = &[
    "h1",
    "header",
    "figure",
    "figcaption",
    "picture",
    "img",
    "video",
    "audio",
    "object",
    "embed",
    "input",
    "textarea",
    "select",
    "svg",
    "canvas",
    "map",
];

/// Class or id words of a box beside the text that readability drops as
/// an unlikely candidate, unless the element also says it holds content.
const UNLIKELY: &[&str] = &[
    "-ad-",
    "banner",
    "breadcrumbs",
    "combx",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "gdpr",
    "legends",
    "menu",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "caption",
    "credit",
];
const LIKELY: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "shadow",
];

/// Words of a class or id, or an attribute, that mark a byline.
const BYLINE: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];

/// What the direct path read: the text and, when the page's metadata had
/// none, the byline found in the article.
pub struct Body {
    pub text: String,
    /// Whether the text is known to be tidy already.
    pub tidy: bool,
    pub byline: Option<String>,
}

/// The article of a page whose container is clearly it, or `None` for
/// readability to find. `has_byline` says whether the page's metadata
/// names the author: if not, the first byline of the body is taken as
/// readability takes it.
///
/// The document is changed only when the article is taken.
/// `scan` is the page's walk ([`super::page_scan::scan`]), made on
/// `doc` as it is.
pub fn read(doc: &Document, scan: &Scan, has_byline: bool) -> Option<Body> {
    let container = container(doc, scan)?;
    // An <article> inside the container makes two of them on the page.
    if scan.articles.0 > 1
        && container.is_match(&ARTICLE)
        && container
            .descendants_it()
            .skip(1)
            .any(|n| n.is_match(&ARTICLE))
    {
        return None;
    }
    let mut dropped = Vec::new();
    collect_dropped(&container, &mut dropped);
    let ids: HashSet<NodeId> = dropped.iter().map(|n| n.id).collect();
    let counts = Counts::of(&container, &ids);
    if !counts.is_an_article(scan.paragraph_chars, scan.body_chars) {
        return None;
    }
    let byline = if has_byline { None } else { first_byline(doc) };
    for n in &dropped {
        n.remove_from_parent();
    }
    let text = text_format::formatted(&container);
    Some(Body {
        text: text.text,
        tidy: text.tidy,
        byline,
    })
}

/// The single element marked as the article's body, else the page's only
/// `<article>`.
fn container<'a>(doc: &'a Document, scan: &Scan) -> Option<NodeRef<'a>> {
    let only = |(count, first): (usize, Option<NodeId>)| {
        first
            .filter(|_| count == 1)
            .and_then(|id| doc.tree.get(&id))
    };
    only(scan.body_props).or_else(|| only(scan.articles))
}

/// The nodes of the container that are not its text, outermost only.
fn collect_dropped<'a>(node: &NodeRef<'a>, out: &mut Vec<NodeRef<'a>>) {
    for child in node.children_it(false) {
        if child.is_comment() {
            out.push(child);
        } else if child.is_element() {
            if is_not_text(&child) {
                out.push(child);
            } else {
                collect_dropped(&child, out);
            }
        }
    }
}

fn is_not_text(n: &NodeRef) -> bool {
    let Some(name) = n.node_name() else {
        return false;
    };
    if NOT_TEXT.contains(&name.as_ref()) {
        return true;
    }
    let marks = marks(n);
    if is_byline(n, &marks) || is_hidden(n) {
        return true;
    }
    if contains_any(&marks, UNLIKELY) && !contains_any(&marks, LIKELY) {
        return true;
    }
    // A list or box of links inside the text: "related", "more on this".
    matches!(name.as_ref(), "ul" | "ol" | "div" | "section" | "table") && link_density(n) > 0.5
}

/// The class and id of an element, lower-cased, as readability matches
/// them.
fn marks(n: &NodeRef) -> String {
    let mut s = String::new();
    for a in ["class", "id"] {
        if let Some(v) = n.attr(a) {
            s.push_str(&v.to_ascii_lowercase());
            s.push(' ');
        }
    }
    s
}

fn contains_any(marks: &str, words: &[&str]) -> bool {
    words.iter().any(|w| marks.contains(w))
}

/// Readability's byline test: marked as the author, short.
fn is_byline(n: &NodeRef, marks: &str) -> bool {
    let marked = n.attr("rel").is_some_and(|r| r.as_ref() == "author")
        || n.attr("itemprop").is_some_and(|p| p.contains("author"))
        || contains_any(marks, BYLINE);
    marked && {
        let len = n.text().trim().chars().count();
        len > 0 && len < 100
    }
}

fn is_hidden(n: &NodeRef) -> bool {
    n.attr("style").is_some_and(|s| {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        let s = s.to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// The first byline of the page's body, as readability finds it when the
/// metadata names no author.
fn first_byline(doc: &Document) -> Option<String> {
    let body = doc.body()?;
    body.descendants_it()
        .filter(NodeRef::is_element)
        .find(|n| is_byline(n, &marks(n)))
        .map(|n| n.text().split_whitespace().collect::<Vec<_>>().join(" "))
}

fn chars(n: &NodeRef) -> usize {
    n.text().trim().chars().count()
}

fn link_density(n: &NodeRef) -> f32 {
    let total = chars(n);
    if total == 0 {
        return 0.0;
    }
    let links: usize = n
        .descendants_it()
        .filter(|d| d.has_name("a"))
        .map(|a| chars(&a))
        .sum();
    links as f32 / total as f32
}

/// What the container's text is made of, the dropped nodes left out.
struct Counts {
    text: usize,
    paragraph_text: usize,
    link_text: usize,
}

impl Counts {
    fn of(container: &NodeRef, dropped: &HashSet<NodeId>) -> Counts {
        let mut c = Counts {
            text: 0,
            paragraph_text: 0,
            link_text: 0,
        };
        c.walk(container, dropped, false, false);
        c
    }

    fn walk(&mut self, node: &NodeRef, dropped: &HashSet<NodeId>, in_p: bool, in_a: bool) {
        for child in node.children_it(false) {
            // A text node's own characters, read in place: `text()` would
            // copy them first.
            let own = child.query(|t| match &t.data {
                NodeData::Text { contents } => Some(contents.trim().chars().count()),
                _ => None,
            });
            if let Some(Some(n)) = own {
                self.text += n;
                if in_p {
                    self.paragraph_text += n;
                }
                if in_a {
                    self.link_text += n;
                }
            } else if child.is_element() && !dropped.contains(&child.id) {
                let p = child.has_name("p");
                let a = child.has_name("a");
                self.walk(&child, dropped, in_p || p, in_a || a);
            }
        }
    }

    fn is_an_article(&self, page_paragraph_text: usize, body_text: usize) -> bool {
        let share = |part: usize, whole: usize| part as f32 / whole.max(1) as f32;
        self.paragraph_text >= MIN_TEXT
            && share(self.link_text, self.text) <= MAX_LINK_DENSITY
            && share(self.paragraph_text, self.text) >= MIN_PARAGRAPH_SHARE
            && share(self.paragraph_text, page_paragraph_text) >= MIN_PAGE_SHARE
            && share(self.text, body_text) >= MIN_BODY_SHARE
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::page_scan::scan;

    fn page(name: &str) -> (Document, Scan) {
        let path = format!("{}/tests/fixtures/pages/{name}", env!("CARGO_MANIFEST_DIR"));
        let doc = Document::from(std::fs::read_to_string(path).unwrap());
        let scan = scan(&doc);
        (doc, scan)
    }

    fn read_page(name: &str, has_byline: bool) -> Option<Body> {
        let (doc, scan) = page(name);
        read(&doc, &scan, has_byline)
    }

    /// The article's paragraphs, in order, and nothing of the page or of
    /// the boxes inside the article.
    #[test]
    fn an_article_of_paragraphs_is_taken_from_its_container() {
        let body = read_page("article.html", false).expect("the <article> is the article");
        let text = body.text;
        for kept in [
            "The foot ferry between Quayside",
            "About sixty people queued",
            "The operator, a community trust",
            "A second boat, bought from an operator",
        ] {
            assert!(text.contains(kept), "{kept}: {text}");
        }
        assert!(text.find("About sixty").unwrap() < text.find("A second boat").unwrap());
        for dropped in [
            "Harbour ferry returns",
            "Rosalind Achebe",
            "Share:",
            "Photo:",
            "Read more",
            "Ferry timetable",
            "Additional reporting",
            "Subscribe",
            "Finally!",
            "Local",
        ] {
            assert!(!text.contains(dropped), "{dropped}: {text}");
        }
        assert_eq!(
            body.byline.as_deref(),
            Some("By Rosalind Achebe, transport reporter")
        );
    }

    #[test]
    fn the_byline_is_not_looked_for_when_the_metadata_has_one() {
        assert_eq!(read_page("article.html", true).unwrap().byline, None);
    }

    /// Several `<article>` teasers are a section front, and an `<article>`
    /// beside the page's paragraphs is not the article: readability reads
    /// those pages, from a document the attempt left as it was.
    #[test]
    fn teasers_and_a_container_beside_the_text_are_left_to_readability() {
        for name in ["teasers.html", "outside.html"] {
            let (doc, scan) = page(name);
            let before = doc.html();
            assert!(read(&doc, &scan, false).is_none(), "{name}");
            assert_eq!(doc.html(), before, "{name}");
        }
    }

    #[test]
    fn a_container_of_links_or_of_too_little_text_is_not_an_article() {
        let links: String = (0..12)
            .map(|i| format!("<p><a href=/{i}>A headline of another story, number {i}</a></p>"))
            .collect();
        let short = "<p>One line.</p><p>Another line.</p>";
        for inner in [links.as_str(), short] {
            let doc = Document::from(format!(
                "<html><body><article>{inner}</article></body></html>"
            ));
            assert!(read(&doc, &scan(&doc), false).is_none(), "{inner}");
        }
    }
}
