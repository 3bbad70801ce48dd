//! Small text helpers shared by the panes: cutting to a display width and
//! splitting a line into highlighted and plain spans.

use ratatui::style::Style;
use ratatui::text::Span;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::extract::tokens::tokenize;

/// Cuts `s` to at most `width` columns, ending with `…` when cut. Measured
/// by grapheme, as ratatui lays cells out: a flag, an emoji sequence or a
/// letter with its combining marks is kept whole or dropped whole.
pub fn fit(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = g.width();
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

/// `1 article`, `6 articles`, `1 entity`, `45 entities`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
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
    fn counts_are_singular_for_one() {
        assert_eq!(count(0, "article", "articles"), "0 articles");
        assert_eq!(count(1, "article", "articles"), "1 article");
        assert_eq!(count(1, "entity", "entities"), "1 entity");
        assert_eq!(count(2, "event", "events"), "2 events");
    }

    #[test]
    fn fits_wide_characters() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("漢字漢字", 5), "漢字…");
        assert_eq!(fit("ok", 5), "ok");
        assert_eq!(pad("é", 3), "é  ");
    }

    #[test]
    fn fit_never_overflows_nor_splits_a_grapheme() {
        let samples = [
            "漢字漢字 texte",
            "🇷🇺🇸🇾 drapeaux",
            "👨\u{200d}👩\u{200d}👧 famille",
            "e\u{301}\u{301}tait",
            "❤\u{fe0f} cœur",
            "ａｂｃ",
        ];
        for s in samples {
            for w in 0..12 {
                let f = fit(s, w);
                assert!(
                    f.width() <= w,
                    "fit({s:?}, {w}) = {f:?} is {} wide",
                    f.width()
                );
                assert_eq!(pad(&f, w).width(), w, "{f:?}");
                let kept = f.trim_end_matches('…');
                assert!(s.starts_with(kept));
                assert!(
                    s[kept.len()..].graphemes(true).next().is_none()
                        || s.grapheme_indices(true).any(|(i, _)| i == kept.len()),
                    "fit({s:?}, {w}) = {f:?} cuts a grapheme"
                );
            }
        }
        assert_eq!(fit("🇷🇺🇸🇾 drapeaux", 3), "🇷🇺…");
        assert_eq!(fit("❤\u{fe0f} cœur", 2), "…");
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
