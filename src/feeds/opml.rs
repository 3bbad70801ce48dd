//! OPML subscription lists, as feed readers import and export them: every
//! `<outline>` with an `xmlUrl` is a feed, named by its `title`, else its
//! `text`, else its address's host; the folders outlines nest in are not
//! kept. Reading never expands an entity other than XML's five (quick-xml
//! resolves no DTD) and never fetches anything. Writing gives OPML 2.0.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::config::FeedConfig;
use crate::fetch::record::escape;

/// One subscription found in an OPML file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    pub name: String,
    pub url: String,
}

/// What an OPML file held: its feeds, and outlines that were skipped.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Read {
    pub feeds: Vec<Subscription>,
    /// Outlines with an `xmlUrl` that is not an http(s) address, or with
    /// an attribute that could not be read.
    pub skipped: Vec<String>,
}

/// Reads OPML text; the error says what is wrong and where (byte offset
/// and line).
pub fn read(text: &str) -> Result<Read, String> {
    let mut reader = Reader::from_str(text);
    let mut out = Read::default();
    let mut root_seen = false;
    loop {
        let at = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| format!("not valid XML at line {}: {e}", line_of(text, at)))?;
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let local = e.local_name();
                let name = local.into_inner();
                if !root_seen {
                    if !name.eq_ignore_ascii_case("opml") {
                        return Err(format!("not OPML: the document is <{}>, not <opml>", name));
                    }
                    root_seen = true;
                } else if name.eq_ignore_ascii_case("outline") {
                    outline(&e, &mut out);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !root_seen {
        return Err("not OPML: no <opml> element".to_string());
    }
    Ok(out)
}

fn outline(e: &BytesStart, out: &mut Read) {
    let mut url = None;
    let mut title = None;
    let mut text = None;
    for attr in e.attributes() {
        let Ok(attr) = attr else {
            out.skipped
                .push("an outline with a malformed attribute".into());
            return;
        };
        let value = match attr.normalized_value(quick_xml::XmlVersion::Implicit1_0) {
            Ok(v) => v.trim().to_string(),
            Err(err) => {
                out.skipped
                    .push(format!("an outline whose attribute cannot be read ({err})"));
                return;
            }
        };
        match attr.key.local_name().into_inner() {
            "xmlUrl" | "xmlurl" => url = Some(value),
            "title" => title = Some(value),
            "text" => text = Some(value),
            _ => {}
        }
    }
    let Some(url) = url.filter(|u| !u.is_empty()) else {
        // A folder, or a link that is no feed.
        return;
    };
    let lower = url.to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://")) {
        out.skipped
            .push(format!("{}: not an http(s) address", one_line(&url)));
        return;
    }
    let name = [title, text]
        .into_iter()
        .flatten()
        .map(|n: String| one_line(&n))
        .find(|n| !crate::config::feeds::slug(n).is_empty())
        .or_else(|| crate::ingest::source::host(&url).map(str::to_string))
        .unwrap_or_else(|| url.clone());
    out.feeds.push(Subscription { name, url });
}

/// OPML 2.0 of the feeds.
pub fn write(feeds: &[FeedConfig]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n    <title>revue feeds</title>\n  </head>\n  <body>\n",
    );
    for f in feeds {
        out.push_str(&format!(
            "    <outline type=\"rss\" text=\"{0}\" title=\"{0}\" xmlUrl=\"{1}\"/>\n",
            escape(f.name()),
            escape(&f.url)
        ));
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

fn line_of(text: &str, at: u64) -> usize {
    let at = (at as usize).min(text.len());
    text.as_bytes()[..at]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

fn one_line(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .filter(|c| !crate::ingest::decode::is_unsafe(*c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlines_with_feeds_are_read_at_any_depth() {
        let opml = r#"<?xml version="1.0"?>
<opml version="2.0"><head><title>Mes abonnements</title></head><body>
  <outline text="Monde">
    <outline type="rss" text="La Gazette" xmlUrl="https://gazette.example/rss"/>
    <outline type="rss" title="Le Veilleur &amp; fils" text="v" xmlUrl="https://veilleur.example/atom.xml"></outline>
  </outline>
  <outline type="rss" xmlUrl="https://www.sans-nom.example/feed"/>
  <outline type="rss" text="Local" xmlUrl="file:///etc/passwd"/>
</body></opml>"#;
        let r = read(opml).unwrap();
        let names: Vec<_> = r.feeds.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            ["La Gazette", "Le Veilleur & fils", "sans-nom.example"]
        );
        assert_eq!(r.skipped.len(), 1);
        assert!(r.skipped[0].contains("file:///etc/passwd"));
    }

    #[test]
    fn export_reads_back() {
        let feeds = [
            FeedConfig::new("A & B", "https://x.example/f?a=1&b=2", false),
            FeedConfig::new("\"C\"", "https://y.example/", true),
        ];
        let r = read(&write(&feeds)).unwrap();
        assert_eq!(
            r.feeds,
            [
                Subscription {
                    name: "A & B".into(),
                    url: "https://x.example/f?a=1&b=2".into()
                },
                Subscription {
                    name: "\"C\"".into(),
                    url: "https://y.example/".into()
                },
            ]
        );
    }

    #[test]
    fn malformed_opml_is_an_error_with_its_line() {
        let e = read(
            "<opml><body>\n<outline text=\"a\" xmlUrl=\"https://a.example/\">\n</body></opml>",
        )
        .unwrap_err();
        assert!(e.contains("not valid XML at line"), "{e}");
        assert!(
            read("<rss version=\"2.0\"></rss>")
                .unwrap_err()
                .contains("not OPML")
        );
        assert!(read("").unwrap_err().contains("no <opml>"));
        // An entity the document declares is never expanded.
        let bomb = "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>\
            <opml><body><outline text=\"&b;\" xmlUrl=\"https://a.example/\"/></body></opml>";
        let r = read(bomb).unwrap();
        assert!(r.feeds.is_empty() && r.skipped.len() == 1, "{r:?}");
    }
}
