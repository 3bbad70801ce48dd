//! The reader's layout as pure functions: how an article's text wraps at a
//! width, and how wide and tall the text area is for a terminal size. The
//! app uses them to scroll and jump; the UI uses the same ones to draw.

use std::ops::Range;

/// Columns taken by the side list of entities and events, when shown.
pub const SIDE_WIDTH: u16 = 32;
/// The side list is shown from this terminal width on.
pub const SIDE_MIN_COLS: u16 = 100;
/// Rows above the text: the header block (headline, date, file) and borders.
pub const HEADER_ROWS: u16 = 4;

/// Width of the wrapped text for a terminal of `cols` columns.
pub fn text_width(cols: u16) -> usize {
    let side = if cols >= SIDE_MIN_COLS { SIDE_WIDTH } else { 0 };
    cols.saturating_sub(side).saturating_sub(4).max(10) as usize
}

/// Visible text rows for a terminal of `rows` rows (status line included).
pub fn text_rows(rows: u16) -> usize {
    rows.saturating_sub(HEADER_ROWS + 3).max(1) as usize
}

/// Byte ranges of the wrapped lines of `text`; a blank line separates
/// paragraphs (an empty range marks it).
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let base = text.as_ptr() as usize;
    let mut first = true;
    for para in text.split('\n') {
        if para.trim().is_empty() {
            continue;
        }
        if !first {
            out.push(0..0);
        }
        first = false;
        let mut search_from = para.as_ptr() as usize - base;
        for line in textwrap::wrap(
            para,
            textwrap::Options::new(width.max(1))
                .break_words(true)
                // Names such as al-Assad stay whole on one line.
                .word_splitter(textwrap::WordSplitter::NoHyphenation),
        ) {
            let start = match &line {
                // Borrowed lines point into `text`: their offset is exact.
                std::borrow::Cow::Borrowed(s) => s.as_ptr() as usize - base,
                std::borrow::Cow::Owned(s) => text[search_from..]
                    .find(s.as_str())
                    .map_or(search_from, |i| search_from + i),
            };
            let end = (start + line.len()).min(text.len());
            out.push(start..end);
            search_from = end;
        }
    }
    out
}

/// The wrapped line holding byte `offset`.
pub fn line_of(lines: &[Range<usize>], offset: usize) -> usize {
    lines
        .iter()
        .rposition(|r| r.start <= offset && r.end > r.start)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_paragraphs_with_exact_offsets() {
        let t = "Un deux trois quatre cinq.\n\nSix sept huit.";
        let lines = wrap(t, 10);
        let shown: Vec<&str> = lines.iter().map(|r| &t[r.clone()]).collect();
        assert_eq!(
            shown,
            [
                "Un deux", "trois", "quatre", "cinq.", "", "Six sept", "huit."
            ]
        );
        assert_eq!(line_of(&lines, t.find("huit").unwrap()), 6);
    }

    #[test]
    fn long_words_break_and_unicode_is_safe() {
        let t = "Anticonstitutionnellement été";
        for r in wrap(t, 7) {
            assert!(t.is_char_boundary(r.start) && t.is_char_boundary(r.end));
        }
    }
}
