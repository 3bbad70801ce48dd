//! An archived item: one JSON Feed document (version 1.1) holding one
//! item, so that the archive is read by revue's feed path like any feed
//! on disk (and by any other JSON Feed reader). Its bytes depend only on
//! the item, never on when it was fetched: an unchanged item serialises to
//! the same bytes, which is how the archive knows not to rewrite it.

use chrono::{DateTime, Utc};
use feed_rs::model::{Entry, Text};
use serde::{Deserialize, Serialize};

use crate::ingest::feed::Zones;

pub const VERSION: &str = "https://jsonfeed.org/version/1.1";

/// The document of one archived item. Field order is the file's: the
/// version first, where format sniffing looks for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub version: String,
    /// The feed's name in config.toml: the article's source.
    pub title: String,
    pub feed_url: String,
    pub items: Vec<Record>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// The item's GUID (feed-rs makes one from the link and title when the
    /// feed gives none).
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_html: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// RFC 3339, in the zone the feed wrote it in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_modified: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Author>,
    /// revue's own: whether `content_html` is the text of the item's page
    /// (`full_text`), so that the page is fetched only once.
    #[serde(default, rename = "_revue", skip_serializing_if = "Extra::is_empty")]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Author {
    pub name: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extra {
    #[serde(default)]
    pub full_text: bool,
}

impl Extra {
    fn is_empty(&self) -> bool {
        !self.full_text
    }
}

impl Document {
    pub fn new(feed_name: &str, feed_url: &str, record: Record) -> Document {
        Document {
            version: VERSION.to_string(),
            title: feed_name.to_string(),
            feed_url: feed_url.to_string(),
            items: vec![record],
        }
    }

    /// The file's bytes: pretty JSON, a newline at the end.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out =
            serde_json::to_vec_pretty(self).expect("a document of strings always serialises");
        out.push(b'\n');
        out
    }

    /// A document read back; `None` for a file that is not one.
    pub fn from_bytes(bytes: &[u8]) -> Option<Document> {
        serde_json::from_slice(bytes)
            .ok()
            .filter(|d: &Document| d.items.len() == 1)
    }
}

impl Record {
    /// The record of a feed-rs entry, its HTML kept as the feed gave it
    /// (the feed path reads it when the archive is loaded).
    pub fn of(e: &Entry, zones: &Zones) -> Record {
        let stamp = |t: Option<DateTime<Utc>>| {
            t.map(|t| match zones.of(t) {
                crate::ingest::source::When::At(s) => s.to_string(),
                crate::ingest::source::When::Day(d) => d.to_string(),
            })
        };
        Record {
            id: e.id.clone(),
            url: link(e),
            title: e.title.as_ref().map(|t| t.content.clone()),
            content_html: e
                .content
                .as_ref()
                .and_then(|c| c.body.clone())
                .filter(|b| !b.trim().is_empty()),
            summary: e.summary.as_ref().map(html_of).filter(|s| !s.is_empty()),
            date_published: stamp(e.published),
            date_modified: stamp(e.updated),
            authors: e
                .authors
                .iter()
                .filter_map(|p| p.name.as_deref().map(str::trim))
                .filter(|n| !n.is_empty())
                .map(|n| Author {
                    name: n.to_string(),
                })
                .collect(),
            extra: Extra::default(),
        }
    }

    /// The GUID when the feed gave a real one, else the link.
    pub fn guid(&self) -> Option<&str> {
        Some(self.id.as_str()).filter(|g| !g.trim().is_empty())
    }
}

/// The item's page: its alternate link, else its first.
fn link(e: &Entry) -> Option<String> {
    e.links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(e.links.first())
        .map(|l| l.href.clone())
}

/// A feed text as HTML: plain text is escaped so that the feed path,
/// which reads summaries that look like markup as HTML, reads it as
/// written.
fn html_of(t: &Text) -> String {
    let html = t.content_type.essence().to_string().contains("html");
    if html {
        t.content.trim().to_string()
    } else {
        escape(t.content.trim())
    }
}

/// Text made safe to put in HTML.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// Plain text paragraphs (blank-line separated) as HTML paragraphs.
pub fn paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| format!("<p>{}</p>", escape(p).replace('\n', "<br>")))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_round_trips_to_the_same_bytes() {
        let r = Record {
            id: "urn:x:1".into(),
            url: Some("https://example.org/a".into()),
            title: Some("Un titre".into()),
            content_html: Some("<p>Texte & suite</p>".into()),
            summary: None,
            date_published: Some("2026-11-30T07:45:00+01:00".into()),
            date_modified: None,
            authors: vec![Author {
                name: "Ana Ruiz".into(),
            }],
            extra: Extra { full_text: true },
        };
        let d = Document::new("La Gazette", "https://example.org/feed", r);
        let bytes = d.to_bytes();
        assert!(bytes.starts_with(b"{\n  \"version\": \"https://jsonfeed.org/version/1.1\""));
        let back = Document::from_bytes(&bytes).unwrap();
        assert_eq!(back, d);
        assert_eq!(back.to_bytes(), bytes);
    }

    #[test]
    fn text_becomes_escaped_paragraphs() {
        assert_eq!(
            paragraphs("a < b\n\n\nc & d\ne"),
            "<p>a &lt; b</p>\n<p>c &amp; d<br>e</p>"
        );
    }
}
