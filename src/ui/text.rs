//! Small text helpers shared by the panes: cutting to a display width and
//! splitting a line into highlighted and plain spans.

use ratatui::style::Style;
use ratatui::text::Span;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::extract::tokens::tokenize;

/// Cuts `s` to at most `width` columns, ending with `…` when cut.
pub fn fit(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Pads `s` with spaces to `width` columns.
pub fn pad(s: &str, width: usize) -> String {
    let w = s.width();
    if w >= width {
        s.to_string()
    } else {
        format!("{s}{}", " ".repeat(width - w))
    }
}

pub use crate::search::is_highlighted;

/// Spans of `text` with highlighted words in `hl` style.
pub fn highlighted<'a>(
    text: &'a str,
    highlights: &[String],
    base: Style,
    hl: Style,
) -> Vec<Span<'a>> {
    let mut spans = Vec::new();
    let mut pos = 0;
    for t in tokenize(text) {
        if is_highlighted(t.text, highlights) {
            if t.start > pos {
                spans.push(Span::styled(&text[pos..t.start], base));
            }
            spans.push(Span::styled(&text[t.start..t.end], hl));
            pos = t.end;
        }
    }
    if pos < text.len() {
        spans.push(Span::styled(&text[pos..], base));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_wide_characters() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("漢字漢字", 5), "漢字…");
        assert_eq!(fit("ok", 5), "ok");
        assert_eq!(pad("é", 3), "é  ");
    }

    #[test]
    fn highlights_folded_words() {
        let hl = vec!["erdogan".to_string()];
        let spans = highlighted(
            "avec M. Erdoğan lundi",
            &hl,
            Style::new(),
            Style::new().bold(),
        );
        let texts: Vec<&str> = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(texts, ["avec M. ", "Erdoğan", " lundi"]);
    }
}
