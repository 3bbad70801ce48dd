//! Headless printing: which list a command prints ([`Listing`]), in which
//! format, cut to `--limit`, with or without colour. Every piece of text
//! that comes from the corpus passes through [`clean`] (or serde_json's
//! escaping) so that nothing printed can drive a terminal; the only escape
//! sequences ever written are this module's own bold on/off, and only when
//! colour is on.

use std::io::{self, Write};

use crate::model::{Article, ArticleId, Corpus, EventId};
use crate::search::{EntityRow, View};

use super::{Format, json, markdown, tsv};

/// What a headless command prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    Articles,
    Entities,
    Events,
    /// Everything: the export, or the Markdown briefing.
    Export,
}

impl Listing {
    pub fn name(self) -> &'static str {
        match self {
            Listing::Articles => "articles",
            Listing::Entities => "entities",
            Listing::Events => "events",
            Listing::Export => "export",
        }
    }

    /// Whether the view has anything for this listing: the exit status
    /// (0 when it does, 1 when not). Counted before `--limit`.
    pub fn matched(self, view: &View) -> bool {
        match self {
            Listing::Articles | Listing::Export => !view.articles.is_empty(),
            Listing::Entities => !view.entities.is_empty(),
            Listing::Events => !view.events.is_empty(),
        }
    }
}

/// Bold for headings when colour is on; nothing otherwise.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
}

impl Style {
    pub fn bold(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

/// A view ready to print: the lists in their final order, the limit, and
/// what produced them (for the briefing's heading).
#[derive(Debug, Clone, Copy)]
pub struct Report<'a> {
    pub corpus: &'a Corpus,
    pub view: &'a View,
    /// Review marks by article id (empty: none).
    pub marks: &'a [crate::review::Marks],
    /// At most this many items per list (per entity type in the briefing).
    pub limit: Option<usize>,
    /// The preset's name and description, when one is applied.
    pub preset: Option<(&'a str, Option<&'a str>)>,
    /// The whole query applied (preset and `--query`).
    pub query: &'a str,
    pub style: Style,
}

impl<'a> Report<'a> {
    fn cut<T>(&self, items: &'a [T]) -> &'a [T] {
        &items[..self.limit.unwrap_or(usize::MAX).min(items.len())]
    }

    pub fn articles(&self) -> &'a [ArticleId] {
        self.cut(&self.view.articles)
    }

    pub fn entities(&self) -> &'a [EntityRow] {
        self.cut(&self.view.entities)
    }

    pub fn events(&self) -> &'a [EventId] {
        self.cut(&self.view.events)
    }
}

/// Why a listing cannot be printed in a format.
pub fn unsupported(listing: Listing, format: Format) -> Option<String> {
    (listing == Listing::Export && format == Format::Tsv).then(|| {
        "TSV holds one table: use `revue articles|entities|events --format tsv`, \
         or `revue export --format json|md`"
            .to_string()
    })
}

/// Prints a listing of the report in a format.
pub fn print(
    report: &Report,
    listing: Listing,
    format: Format,
    out: &mut impl Write,
) -> io::Result<()> {
    match format {
        Format::Json => {
            let keep: &[&str] = match listing {
                Listing::Articles => &["articles"],
                Listing::Entities => &["entities"],
                Listing::Events => &["events"],
                Listing::Export => &["articles", "entities", "events", "stories"],
            };
            let export =
                json::export_lists(report.corpus, report.view, report.marks, keep, report.limit);
            serde_json::to_writer_pretty(&mut *out, &export)?;
            writeln!(out)
        }
        Format::Tsv => tsv::print(report, listing, out),
        Format::Md => markdown::print(report, listing, out),
    }
}

/// Text from the corpus made safe for one line of output: control
/// characters (tabs and newlines included) become spaces, runs of spaces
/// one space.
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = if c.is_control() || is_bidi_control(c) {
            ' '
        } else {
            c
        };
        if !(c == ' ' && (out.is_empty() || out.ends_with(' '))) {
            out.push(c);
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// A message for a terminal: newlines kept, every other control character
/// a space, nothing else changed (indentation stays).
pub fn printable(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c != '\n' && (c.is_control() || is_bidi_control(c)) {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// Bidi controls, zero-width characters and line separators reorder,
/// hide or break what surrounds them on screen; they never belong in a
/// line of output (the one list is ingest's, which cleans article text).
fn is_bidi_control(c: char) -> bool {
    crate::ingest::decode::is_unsafe(c) && !c.is_control()
}

/// An article's date as the dashboard shows it: `2017-11-21`, `~2023-07`
/// for a date guessed from the text, `undated`.
pub fn article_date(a: &Article) -> String {
    match a.display_date() {
        Some((d, false)) => d.to_string(),
        Some((d, true)) => format!("~{d}"),
        None => "undated".to_string(),
    }
}

/// The opening of an article after its headline: whole sentences up to
/// about `max` characters, cut at a word with `…` when one sentence is
/// longer.
pub fn lede(a: &Article, max: usize) -> String {
    // A title line is the headline itself; the lede starts after it.
    let body_start = if a.has_title {
        a.text.find('\n').map_or(a.text.len(), |i| i + 1)
    } else {
        0
    };
    let headline = clean(&a.headline);
    let mut out = String::new();
    for r in a.sentences.iter().filter(|r| r.start >= body_start) {
        let s = clean(&a.text[r.clone()]);
        // A first sentence standing in as the headline is not said twice.
        if s.is_empty() || (out.is_empty() && s.trim_end_matches(['.', '!', '?']) == headline) {
            continue;
        }
        let joined = if out.is_empty() {
            s.clone()
        } else {
            format!("{out} {s}")
        };
        if joined.chars().count() > max {
            if out.is_empty() {
                out = shorten(&s, max);
            }
            break;
        }
        out = joined;
        if out.chars().count() >= max / 2 {
            break;
        }
    }
    if out.is_empty() && a.sentences.is_empty() {
        out = shorten(&clean(&a.text[body_start..]), max);
    }
    out
}

/// At most `max` characters, cut after a whole word, with `…`.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max.saturating_sub(1)).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > 0 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_leaves_no_control_characters() {
        assert_eq!(
            clean("a\tb\nc\x1b[31md\u{9b}e\u{202e}f  "),
            "a b c [31md e f"
        );
        assert_eq!(clean("  x  "), "x");
    }

    #[test]
    fn shorten_cuts_at_a_word() {
        assert_eq!(shorten("un deux trois", 20), "un deux trois");
        assert_eq!(shorten("un deux trois", 10), "un deux…");
        assert_eq!(shorten("anticonstitutionnellement", 6), "antic…");
    }

    #[test]
    fn bold_only_with_colour() {
        assert_eq!(Style { color: false }.bold("x"), "x");
        assert_eq!(Style { color: true }.bold("x"), "\x1b[1mx\x1b[0m");
    }
}
