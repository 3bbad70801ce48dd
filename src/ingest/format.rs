//! The formats revue reads, declared once: each with its name (shown by
//! `revue check` and in the export), the extensions that name it, and how
//! it is recognised from its first bytes when the extension says nothing
//! (an extensionless file) or too little (an `.xml` may be a feed or not,
//! a `.json` a JSON Feed or an export of articles). Which adapter reads a
//! format is `ingest::read_as`'s one match.

use std::path::Path;

use serde::{Deserialize, Serialize};

macro_rules! formats {
    ($($(#[$attr:meta])* $variant:ident => $name:literal, [$($ext:literal),*], $doc:literal;)*) => {
        /// A format of article file.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
        #[serde(rename_all = "lowercase")]
        pub enum Format {
            $(#[doc = $doc] $(#[$attr])* $variant,)*
        }

        impl Format {
            /// Every format, in the order `revue check` and the README list them.
            pub const ALL: &'static [Format] = &[$(Format::$variant),*];

            /// The format's name, as `revue check` and the export give it.
            pub fn name(self) -> &'static str {
                match self {
                    $(Format::$variant => $name,)*
                }
            }

            /// The extensions (lowercase, without the dot) that name it.
            pub fn extensions(self) -> &'static [&'static str] {
                match self {
                    $(Format::$variant => &[$($ext),*],)*
                }
            }
        }

        /// Every extension a folder walk takes by default.
        pub const EXTENSIONS: &[&str] = &[$($($ext,)*)*];
    };
}

formats! {
    // Plain text is what an article is when nothing says otherwise.
    #[default]
    Text => "text", ["txt", "text", "md"], "Plain text with an optional ` date` header, `*****` between articles.";
    Html => "html", ["html", "htm", "xhtml"], "A saved web page: one article.";
    Feed => "feed", ["rss", "atom", "xml"], "RSS 2.0, Atom or JSON Feed: one article per item.";
    Json => "json", ["json", "jsonl", "ndjson"], "JSON Lines or a JSON array of articles, as news APIs export them.";
    Mail => "mail", ["eml"], "One e-mail message (a newsletter).";
    Mbox => "mbox", ["mbox"], "A mailbox of messages, each `From ` line starting one.";
}

impl Format {
    /// The format a file's extension names, then its first bytes confirm
    /// or correct: `.txt`/`.md` are always text (their exports must not
    /// change), an `.xml` or `.json` is what its content says, an
    /// extensionless file is whatever it looks like. `None`: not a format
    /// revue reads.
    pub fn detect(path: &Path, head: &[u8]) -> Option<Format> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let named = ext.as_deref().and_then(|e| {
            Format::ALL
                .iter()
                .copied()
                .find(|f| f.extensions().contains(&e))
        });
        match (ext.as_deref(), named) {
            (Some("xml"), _) => sniff(head).filter(|f| *f == Format::Feed),
            (Some("json"), _) => match sniff(head) {
                Some(Format::Feed) => Some(Format::Feed),
                _ => Some(Format::Json),
            },
            (_, Some(f)) => Some(f),
            // Any other extension (or none) the user chose to read: the
            // content decides, and plain text is the fallback for a file
            // named in `[corpus] extensions`.
            (Some(_), None) => sniff(head).or(Some(Format::Text)),
            (None, None) => sniff(head),
        }
    }
}

/// The format the first bytes of a file look like, if any but text.
pub fn sniff(head: &[u8]) -> Option<Format> {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let lead = &head[start..head.len().min(start + 1024)];
    let lower = lead.to_ascii_lowercase();
    let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    if head.starts_with(b"From ") {
        return Some(Format::Mbox);
    }
    if lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html") {
        return Some(Format::Html);
    }
    if lower.starts_with(b"<") {
        // An XML prolog or a comment may come before the root element.
        if has(b"<rss") || has(b"<feed") || has(b"<rdf:rdf") {
            return Some(Format::Feed);
        }
        if has(b"<html") || has(b"<body") || has(b"<head") {
            return Some(Format::Html);
        }
        return None;
    }
    if lower.starts_with(b"{") || lower.starts_with(b"[") {
        if has(b"jsonfeed.org/version") {
            return Some(Format::Feed);
        }
        return Some(Format::Json);
    }
    if looks_like_mail(lead) {
        return Some(Format::Mail);
    }
    None
}

/// A message starts with header fields; two of the usual ones are enough
/// to tell it from prose that happens to open with `From:`.
fn looks_like_mail(lead: &[u8]) -> bool {
    const FIELDS: &[&[u8]] = &[
        b"from:",
        b"to:",
        b"subject:",
        b"date:",
        b"message-id:",
        b"mime-version:",
        b"received:",
        b"return-path:",
        b"content-type:",
        b"delivered-to:",
    ];
    let text = lead.to_ascii_lowercase();
    let mut lines = text
        .split(|b| *b == b'\n')
        .take_while(|l| !l.trim_ascii().is_empty());
    let Some(first) = lines.next() else {
        return false;
    };
    let is_field = |l: &[u8]| FIELDS.iter().any(|f| l.starts_with(f));
    is_field(first) && lines.any(is_field)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_extensions_are_declared_once() {
        let names: Vec<_> = Format::ALL.iter().map(|f| f.name()).collect();
        assert_eq!(names, ["text", "html", "feed", "json", "mail", "mbox"]);
        assert!(EXTENSIONS.contains(&"jsonl") && EXTENSIONS.contains(&"txt"));
    }

    #[test]
    fn detection_by_extension_then_content() {
        let cases: &[(&str, &[u8], Option<Format>)] = &[
            ("a.txt", b"<html>", Some(Format::Text)),
            ("a.html", b"hello", Some(Format::Html)),
            (
                "a.xml",
                b"<?xml version=\"1.0\"?>\n<feed xmlns=",
                Some(Format::Feed),
            ),
            ("a.xml", b"<?xml version=\"1.0\"?>\n<config/>", None),
            (
                "a.json",
                b"{\"version\": \"https://jsonfeed.org/version/1.1\"",
                Some(Format::Feed),
            ),
            ("a.json", b"[{\"title\": \"x\"}]", Some(Format::Json)),
            (
                "page",
                b"\xEF\xBB\xBF  <!DOCTYPE html><html>",
                Some(Format::Html),
            ),
            ("feed", b"<rss version=\"2.0\">", Some(Format::Feed)),
            (
                "letter",
                b"From: a@b.c\nSubject: x\n\nhi",
                Some(Format::Mail),
            ),
            (
                "box",
                b"From a@b.c Mon Nov 30 07:00:00 2026\n",
                Some(Format::Mbox),
            ),
            ("README", b"From: the team, with love\nhello", None),
            ("notes", b"just words", None),
        ];
        for (name, head, want) in cases {
            assert_eq!(Format::detect(Path::new(name), head), *want, "{name}");
        }
    }
}
