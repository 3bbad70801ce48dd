//! One walk of a page's DOM that removes its chrome and its marked boxes
//! and, in the same pass, reads what the page path needs of the rest: the
//! canonical URL, the modified time of the meta tags, the first `<time
//! datetime>`, the first `<h1>`, the article containers and the page's
//! character counts. Each of these was a selector pass over the whole
//! DOM, a tenth of a page's time together.
//!
//! The tests match every element as the selectors did (names in any
//! namespace, attribute selectors on attributes without one, `rel`
//! compared ignoring ASCII case on HTML elements), and compare the walk
//! with those selector passes on tricky pages.

use dom_query::{Document, Element, NodeData, NodeId, NodeRef, local_name};

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

/// What the walk read of the page, its chrome removed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Scan {
    /// `link[rel=canonical]`'s `href`, else `meta[property="og:url"]`'s
    /// `content`, when it is an http(s) URL.
    pub canonical: Option<String>,
    /// The first of `article:modified_time`, `og:updated_time`,
    /// `itemprop=dateModified` meta tags.
    pub modified: Option<String>,
    /// The first `<time datetime>` marked as the publication's, else the
    /// first of any.
    pub time: Option<String>,
    /// The text of the first `<h1>`.
    pub h1: Option<String>,
    /// The `[itemprop=articleBody]` elements: how many, and the first.
    pub body_props: (usize, Option<NodeId>),
    /// The `<article>` elements: how many, and the first.
    pub articles: (usize, Option<NodeId>),
    /// Characters of every `<p>`'s text, trimmed (a `<p>` inside another
    /// counts in both, as the sum over a selection of them did).
    pub paragraph_chars: usize,
    /// Characters of the body's text nodes, each trimmed.
    pub body_chars: usize,
}

/// First values seen, kept raw until the walk ends.
#[derive(Default)]
struct Firsts {
    canonical_href: Option<String>,
    og_url: Option<String>,
    modified: [Option<String>; 3],
    first_time: Option<String>,
    any_time: Option<String>,
    h1: Option<NodeId>,
}

/// A `<p>`'s text being counted: characters in all, whitespace before the
/// first other character and after the last.
#[derive(Default, Clone, Copy)]
struct Trimmed {
    total: usize,
    lead: usize,
    trail: usize,
    seen: bool,
}

impl Trimmed {
    fn of(s: &str) -> Trimmed {
        let total = s.chars().count();
        let rest = s.trim_start();
        if rest.is_empty() {
            return Trimmed {
                total,
                lead: total,
                trail: 0,
                seen: false,
            };
        }
        let body = rest.trim_end();
        Trimmed {
            total,
            lead: s[..s.len() - rest.len()].chars().count(),
            trail: rest[body.len()..].chars().count(),
            seen: true,
        }
    }

    fn push(&mut self, piece: Trimmed) {
        self.total += piece.total;
        if !piece.seen {
            if self.seen {
                self.trail += piece.total;
            } else {
                self.lead += piece.total;
            }
            return;
        }
        if !self.seen {
            self.lead += piece.lead;
            self.seen = true;
        }
        self.trail = piece.trail;
    }

    fn chars(self) -> usize {
        if self.seen {
            self.total - self.lead - self.trail
        } else {
            0
        }
    }
}

/// What an element opened that its end closes.
enum Open {
    Body,
    Paragraph(Trimmed),
}

/// Removes the chrome and the marked boxes from the document and reads
/// the rest, in one walk.
pub fn scan(doc: &Document) -> Scan {
    let body = doc.body().map(|b| b.id);
    let mut out = Scan::default();
    let mut firsts = Firsts::default();
    // Elements open around the node being visited that a count ends with.
    let mut open: Vec<(NodeId, Open)> = Vec::new();
    let mut in_body = false;
    let root = doc.root();
    let mut next = root.first_child();
    while let Some(node) = next {
        let (sibling, parent, first_child) = node
            .query(|n| (n.next_sibling, n.parent, n.first_child))
            .unwrap_or_default();
        let mut descend = false;
        match visit(&node) {
            Visit::Text(t) => {
                if in_body {
                    out.body_chars += t.chars();
                }
                for (_, o) in &mut open {
                    if let Open::Paragraph(p) = o {
                        p.push(t);
                    }
                }
            }
            Visit::Chrome => node.remove_from_parent(),
            Visit::Element(kind) => {
                descend = true;
                read_element(&node, kind, &mut out, &mut firsts);
                if Some(node.id) == body {
                    open.push((node.id, Open::Body));
                    in_body = true;
                }
                if kind.paragraph {
                    open.push((node.id, Open::Paragraph(Trimmed::default())));
                }
            }
            Visit::Other => descend = true,
        }
        if descend && let Some(child) = first_child {
            next = doc.tree.get(&child);
            continue;
        }
        // Closes the node and, while there is no next sibling, its
        // ancestors, up to the next node in document order.
        let mut at = Some(node.id);
        let (mut sibling, mut parent) = (sibling, parent);
        next = None;
        while let Some(id) = at {
            while open.last().is_some_and(|(o, _)| *o == id) {
                match open.pop() {
                    Some((_, Open::Paragraph(p))) => out.paragraph_chars += p.chars(),
                    Some((_, Open::Body)) => in_body = false,
                    None => {}
                }
            }
            if let Some(s) = sibling {
                next = doc.tree.get(&s);
                break;
            }
            match parent {
                Some(p) if p != root.id => {
                    at = Some(p);
                    (sibling, parent) = doc
                        .tree
                        .get_unchecked(&p)
                        .query(|n| (n.next_sibling, n.parent))
                        .unwrap_or_default();
                }
                _ => at = None,
            }
        }
    }
    finish(doc, firsts, &mut out);
    out
}

/// What an element is to the walk.
#[derive(Clone, Copy, Default)]
struct Kind {
    paragraph: bool,
    article: bool,
    h1: bool,
    time: bool,
    link: bool,
    meta: bool,
}

enum Visit {
    Text(Trimmed),
    Chrome,
    Element(Kind),
    Other,
}

fn visit(node: &NodeRef) -> Visit {
    node.query(|n| match &n.data {
        NodeData::Text { contents } => Visit::Text(Trimmed::of(contents)),
        NodeData::Element(e) => {
            if is_chrome(e) {
                Visit::Chrome
            } else {
                Visit::Element(kind(e))
            }
        }
        _ => Visit::Other,
    })
    .unwrap_or(Visit::Other)
}

fn kind(e: &Element) -> Kind {
    let name = &e.name.local;
    Kind {
        paragraph: *name == local_name!("p"),
        article: *name == local_name!("article"),
        h1: *name == local_name!("h1"),
        time: *name == local_name!("time"),
        link: *name == local_name!("link"),
        meta: *name == local_name!("meta"),
    }
}

/// An attribute as an attribute selector reads it: without a namespace.
fn sel_attr<'e>(e: &'e Element, name: &str) -> Option<&'e str> {
    e.attrs
        .iter()
        .find(|a| a.name.ns.is_empty() && &*a.name.local == name)
        .map(|a| &*a.value)
}

/// An attribute as `NodeRef::attr` reads it: the first of that name.
fn any_attr<'e>(e: &'e Element, name: &str) -> Option<&'e str> {
    e.attrs
        .iter()
        .find(|a| &*a.name.local == name)
        .map(|a| &*a.value)
}

/// Navigation, asides, captions, forms, embedded frames, scripts and
/// whatever the page hides; then the boxes marked by their class or id,
/// never the whole page (a theme may put "share" on `<body>`).
fn is_chrome(e: &Element) -> bool {
    let name = &e.name.local;
    let chrome_name = matches!(
        &**name,
        "nav"
            | "aside"
            | "figcaption"
            | "footer"
            | "form"
            | "iframe"
            | "noscript"
            | "script"
            | "style"
            | "template"
            | "button"
    );
    if chrome_name
        || sel_attr(e, "role")
            .is_some_and(|r| matches!(r, "navigation" | "complementary" | "banner" | "contentinfo"))
        || sel_attr(e, "aria-hidden") == Some("true")
        || sel_attr(e, "hidden").is_some()
    {
        return true;
    }
    if matches!(&**name, "body" | "html" | "main" | "article") {
        return false;
    }
    ["class", "id"]
        .iter()
        .any(|a| any_attr(e, a).is_some_and(marks_a_box))
}

/// Whether a class or id value holds one of the box marks, in any case.
fn marks_a_box(value: &str) -> bool {
    let v = value.as_bytes();
    BOX_MARKS.iter().any(|m| {
        v.windows(m.len())
            .any(|w| w.eq_ignore_ascii_case(m.as_bytes()))
    })
}

fn read_element(node: &NodeRef, kind: Kind, out: &mut Scan, firsts: &mut Firsts) {
    let Some(e) = node.element_ref() else {
        return;
    };
    let keep = |slot: &mut Option<String>, value: Option<&str>| {
        if slot.is_none()
            && let Some(v) = value
        {
            *slot = Some(v.to_string());
        }
    };
    if sel_attr(&e, "itemprop") == Some("articleBody") {
        out.body_props.0 += 1;
        out.body_props.1.get_or_insert(node.id);
    }
    if kind.article {
        out.articles.0 += 1;
        out.articles.1.get_or_insert(node.id);
    }
    if kind.h1 && firsts.h1.is_none() {
        firsts.h1 = Some(node.id);
    }
    if kind.link {
        let html = &*e.name.ns == "http://www.w3.org/1999/xhtml";
        let canonical = sel_attr(&e, "rel").is_some_and(|r| {
            if html {
                r.eq_ignore_ascii_case("canonical")
            } else {
                r == "canonical"
            }
        });
        if canonical {
            keep(&mut firsts.canonical_href, any_attr(&e, "href"));
        }
    }
    if kind.meta {
        let content = any_attr(&e, "content");
        match sel_attr(&e, "property") {
            Some("og:url") => keep(&mut firsts.og_url, content),
            Some("article:modified_time") => keep(&mut firsts.modified[0], content),
            Some("og:updated_time") => keep(&mut firsts.modified[1], content),
            _ => {}
        }
        if sel_attr(&e, "itemprop") == Some("dateModified") {
            keep(&mut firsts.modified[2], content);
        }
    }
    if kind.time && sel_attr(&e, "datetime").is_some() {
        let datetime = any_attr(&e, "datetime");
        if sel_attr(&e, "pubdate").is_some() || sel_attr(&e, "itemprop") == Some("datePublished") {
            keep(&mut firsts.first_time, datetime);
        }
        keep(&mut firsts.any_time, datetime);
    }
}

/// The readings from the first values, as the selector passes gave them:
/// the first element's value trimmed, none when it is empty.
fn finish(doc: &Document, firsts: Firsts, out: &mut Scan) {
    let value = |v: Option<String>| {
        v.map(|v| v.trim().to_string())
            .filter(|v: &String| !v.is_empty())
    };
    out.canonical = value(firsts.canonical_href)
        .or_else(|| value(firsts.og_url))
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    out.modified = firsts.modified.into_iter().find_map(value);
    out.time = value(firsts.first_time).or_else(|| value(firsts.any_time));
    out.h1 = firsts
        .h1
        .map(|id| doc.tree.get_unchecked(&id).text().trim().to_string())
        .filter(|t| !t.is_empty());
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::Matcher;

    /// The selector passes the walk replaces, as they were: chrome removed
    /// first, then each reading taken by its own selector.
    mod by_selectors {
        use super::super::marks_a_box;
        use super::*;

        fn m(sel: &str) -> Matcher {
            Matcher::new(sel).unwrap()
        }

        const CHROME: &str = "nav, aside, figcaption, footer, form, iframe, noscript, script, \
             style, template, button, [role=navigation], [role=complementary], [role=banner], \
             [role=contentinfo], [aria-hidden=true], [hidden]";

        pub fn strip_chrome(doc: &Document) {
            doc.select_matcher(&m(CHROME)).remove();
            let marked: Vec<_> = doc
                .select_matcher(&m("[class], [id]"))
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
                if !matches!(
                    n.node_name().as_deref(),
                    Some("body" | "html" | "main" | "article")
                ) {
                    n.remove_from_parent();
                }
            }
        }

        pub fn readings(doc: &Document) -> Scan {
            let attr = |sel: &str, name: &str| {
                doc.select_matcher(&m(sel))
                    .nodes()
                    .iter()
                    .find_map(|n| n.attr(name).map(|v| v.trim().to_string()))
                    .filter(|v| !v.is_empty())
            };
            let canonical = attr("link[rel=canonical]", "href")
                .or_else(|| attr("meta[property=\"og:url\"]", "content"))
                .filter(|u| u.starts_with("http://") || u.starts_with("https://"));
            let modified = [
                "meta[property=\"article:modified_time\"]",
                "meta[property=\"og:updated_time\"]",
                "meta[itemprop=dateModified]",
            ]
            .iter()
            .find_map(|s| attr(s, "content"));
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
            let all = |sel: &str| {
                let s = doc.select_matcher(&m(sel));
                let nodes = s.nodes();
                (nodes.len(), nodes.first().map(|n| n.id))
            };
            let chars = |n: &NodeRef| n.text().trim().chars().count();
            Scan {
                canonical,
                modified,
                time,
                h1,
                body_props: all("[itemprop=articleBody]"),
                articles: all("article"),
                paragraph_chars: doc.select("p").nodes().iter().map(chars).sum(),
                body_chars: doc.body().map_or(0, |b| {
                    b.descendants_it()
                        .filter(NodeRef::is_text)
                        .map(|t| t.text().trim().chars().count())
                        .sum()
                }),
            }
        }
    }

    /// The walk's readings and DOM against the selector passes'.
    fn same_as_selectors(html: &str) -> Scan {
        let old = Document::from(html);
        by_selectors::strip_chrome(&old);
        let want = by_selectors::readings(&old);
        let new = Document::from(html);
        let got = scan(&new);
        assert_eq!(got, want, "{html}");
        assert_eq!(new.html(), old.html(), "{html}");
        got
    }

    const TRICKY: &[&str] = &[
        // Nested containers, several <time>s, chrome inside the article.
        r#"<html><head><title>T</title>
           <link rel="CANONICAL" href="  https://a.example/x ">
           <meta property="og:url" content="https://b.example/y">
           <meta property="og:updated_time" content="2026-01-02">
           <meta itemprop="dateModified" content="2026-01-03">
           <script type="application/ld+json">{"a":1}</script></head>
           <body class="share-theme"><nav><h1>Menu</h1><time datetime="2020-01-01">x</time></nav>
           <main class="social"><article class="related"><h1> Le <button>Partager</button>titre </h1>
           <time datetime=" 2026-02-01 ">1er</time>
           <time pubdate datetime="2026-02-02">2</time>
           <div itemprop="articleBody"><p> Un <b>deux</b> <aside>pub</aside> trois. </p>
           <p><span> </span></p><article><p>Dans un autre.</p></article>
           <div class="Lire-Aussi"><p>Lien</p></div><p hidden>caché</p>
           <p aria-hidden="true">caché</p><p aria-hidden="TRUE">montré</p>
           <div role="navigation">nav</div><div role="Navigation">gardé</div>
           </div></article></main>
           <footer><p>pied</p></footer><p>Fin <!-- c --> du corps.</p></body></html>"#,
        // Empty first values hide later ones; og:url when there is no
        // canonical link; a relative canonical URL is none.
        r#"<html><head><link rel="canonical"><link rel="canonical" href="">
           <link rel="canonical" href="https://late.example/">
           <meta property="article:modified_time" content=" ">
           <meta property="og:updated_time" content="2026-03-04T05:06:07Z"></head>
           <body><h1>  </h1><h1>Second</h1><time itemprop="datePublished" datetime="">a</time>
           <time datetime="2026-05-06">b</time>
           <div itemprop="articleBody">un</div><div itemprop="articleBody">deux</div>
           <table><tr><td><p>cellule</p></td></tr></table></body></html>"#,
        r#"<html><head><meta property="og:url" content="/relatif">
           <meta property="og:url" content="https://ignored.example/"></head>
           <body><article><p>Seul.</p></article><article><p>Deux.</p></article></body></html>"#,
        // A page that hides its body, and quirks-mode paragraphs nested
        // through a table.
        "<p>a<table><tr><td><p>b</p></td></tr></table>c</p>",
        "<html hidden><body><p>rien</p></body></html>",
        "<html><body hidden><p>rien</p></body></html>",
        // Foreign content: names in any namespace, a namespaced role not
        // read by attribute selectors.
        r#"<html><body><svg><style>x</style><g class="share"><text>t</text></g>
           <a xlink:role="navigation"><text>kept</text></a></svg>
           <math><mi hidden>x</mi></math><p>Texte.</p></body></html>"#,
        "",
        "just text",
        "<article></article>",
    ];

    #[test]
    fn the_walk_reads_what_the_selector_passes_read() {
        for html in TRICKY {
            same_as_selectors(html);
        }
        let got = same_as_selectors(TRICKY[0]);
        assert_eq!(got.canonical.as_deref(), Some("https://a.example/x"));
        assert_eq!(got.modified.as_deref(), Some("2026-01-02"));
        assert_eq!(got.time.as_deref(), Some("2026-02-02"));
        assert_eq!(got.h1.as_deref(), Some("Le titre"));
        assert_eq!(got.articles.0, 2);
        assert_eq!(got.body_props.0, 1);
    }

    #[test]
    fn the_walk_reads_the_fixture_pages_as_the_selector_passes_did() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests");
        for page in [
            "fixtures/pages/article.html",
            "fixtures/pages/outside.html",
            "fixtures/pages/teasers.html",
            "fixtures/pages/jsonld.html",
            "fixtures/formats/page.html",
            "devset/formats-en/en_01_courts_verdict.html",
            "devset/formats-fr/fr_03_politique_censure.html",
        ] {
            let html = std::fs::read_to_string(format!("{dir}/{page}")).unwrap();
            same_as_selectors(&html);
        }
    }

    #[test]
    fn trimmed_counts_add_up_across_pieces() {
        let whole = "  a b \n c  ";
        for cut in 0..=whole.len() {
            let mut t = Trimmed::default();
            t.push(Trimmed::of(&whole[..cut]));
            t.push(Trimmed::of(&whole[cut..]));
            assert_eq!(t.chars(), whole.trim().chars().count(), "{cut}");
        }
        assert_eq!(Trimmed::default().chars(), 0);
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
}
