//! The reader's wrapped lines, made once per article and width, and only
//! as far as the screen needs: drawing asks for the visible lines, a scroll
//! for the lines it moves over, `End` for all of them. A 10 MB article of
//! one paragraph used to be wrapped whole on every frame and every key.
//!
//! The lines are a pure function of the text and the width, so the memo
//! that keeps them ([`WrapMemo`]) fills itself behind a shared reference:
//! drawing, which takes the state as `&AppState`, may extend it without
//! changing anything it shows or any decision `update` makes. It lives in
//! the reader's state (one article), keyed by the text's hash and the
//! width, and takes no part in comparing states.

use std::cell::RefCell;
use std::ops::Range;

use textwrap::{Options, WordSplitter, WrapAlgorithm};

/// A paragraph up to this long is wrapped at once, with textwrap's
/// optimal fit; a longer one is wrapped greedily, a piece at a time.
pub const LONG_PARAGRAPH: usize = 64 * 1024;

/// How much of a long paragraph one step wraps (cut back to a space).
const PIECE: usize = 16 * 1024;

/// Lines made so far, and where the text still to wrap starts.
#[derive(Debug, Clone, Default)]
struct Wrapped {
    /// The text's hash and the width the lines are for.
    key: Option<(String, usize)>,
    lines: Vec<Range<usize>>,
    /// Bytes of the text before `pos` are wrapped.
    pos: usize,
    /// Inside a long paragraph, wrapped up to `pos`.
    inside: bool,
}

/// The reader's wrapped lines, extended on demand (see the module's doc).
#[derive(Debug, Clone, Default)]
pub struct WrapMemo(RefCell<Wrapped>);

impl PartialEq for WrapMemo {
    /// A cache: two readers showing the same thing are equal whatever
    /// their memos hold.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl WrapMemo {
    /// Lines `range` of `text` wrapped at `width` (fewer at the end),
    /// wrapping as far as they need.
    pub fn lines(
        &self,
        text: &str,
        key: &str,
        width: usize,
        range: Range<usize>,
    ) -> Vec<Range<usize>> {
        let mut w = self.at(key, width);
        w.extend_to_line(text, width, range.end);
        let end = range.end.min(w.lines.len());
        w.lines[range.start.min(end)..end].to_vec()
    }

    /// How many lines there are, or `at_least` when there are more (the
    /// text is only wrapped as far as it takes to know).
    pub fn count_up_to(&self, text: &str, key: &str, width: usize, at_least: usize) -> usize {
        let mut w = self.at(key, width);
        w.extend_to_line(text, width, at_least);
        w.lines.len().min(at_least)
    }

    /// Whether the whole text is wrapped (so the count is the total).
    pub fn is_complete(&self, text: &str, key: &str, width: usize) -> bool {
        self.at(key, width).pos >= text.len()
    }

    /// The line holding byte `offset`, wrapping as far as it.
    pub fn line_of(&self, text: &str, key: &str, width: usize, offset: usize) -> usize {
        let mut w = self.at(key, width);
        while w.pos <= offset && w.step(text, width) {}
        line_of(&w.lines, offset)
    }

    /// Bytes of the text wrapped so far (for tests of the laziness).
    pub fn wrapped_bytes(&self) -> usize {
        self.0.borrow().pos
    }

    /// The memo for `key` and `width`, emptied if it held another.
    fn at(&self, key: &str, width: usize) -> std::cell::RefMut<'_, Wrapped> {
        let mut w = self.0.borrow_mut();
        if w.key
            .as_ref()
            .is_none_or(|(k, wd)| k != key || *wd != width)
        {
            *w = Wrapped {
                key: Some((key.to_string(), width)),
                ..Wrapped::default()
            };
        }
        w
    }
}

/// Byte ranges of the wrapped lines of `text`; a blank line separates
/// paragraphs (an empty range at the next paragraph's start marks it).
/// What [`WrapMemo`] gives, all at once.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let mut w = Wrapped::default();
    while w.step(text, width) {}
    w.lines
}

/// The wrapped line holding byte `offset`: the last non-empty line that
/// starts at or before it. Lines are in text order, so a binary search.
pub fn line_of(lines: &[Range<usize>], offset: usize) -> usize {
    let after = lines.partition_point(|r| r.start <= offset);
    lines[..after]
        .iter()
        .rposition(|r| r.end > r.start)
        .unwrap_or(0)
}

impl Wrapped {
    fn extend_to_line(&mut self, text: &str, width: usize, line: usize) {
        while self.lines.len() < line && self.step(text, width) {}
    }

    /// Wraps the next paragraph, or the next piece of a long one; false
    /// at the end of the text.
    fn step(&mut self, text: &str, width: usize) -> bool {
        if !self.inside {
            // The next paragraph that is not blank.
            loop {
                if self.pos >= text.len() {
                    return false;
                }
                let end = memchr::memchr(b'\n', &text.as_bytes()[self.pos..])
                    .map_or(text.len(), |i| self.pos + i);
                if text[self.pos..end].trim().is_empty() {
                    self.pos = end + 1;
                    continue;
                }
                if !self.lines.is_empty() {
                    self.lines.push(self.pos..self.pos);
                }
                if end - self.pos <= LONG_PARAGRAPH {
                    push_lines(text, self.pos..end, options(width), &mut self.lines);
                    self.pos = end + 1;
                    return true;
                }
                self.inside = true;
                break;
            }
        }
        self.step_inside(text, width);
        true
    }

    /// Wraps a piece of the long paragraph at `pos` first-fit. A piece ends
    /// at a space, and the last line it gives is wrapped again with the
    /// next piece, so the lines are those of the whole paragraph.
    fn step_inside(&mut self, text: &str, width: usize) {
        let end = memchr::memchr(b'\n', &text.as_bytes()[self.pos..])
            .map_or(text.len(), |i| self.pos + i);
        let mut cut = floor_char_boundary(text, (self.pos + PIECE).min(end));
        if cut < end
            && let Some(space) = text[self.pos..cut].rfind(' ')
            && space > 0
        {
            cut = self.pos + space;
        }
        let options = options(width).wrap_algorithm(WrapAlgorithm::FirstFit);
        let before = self.lines.len();
        push_lines(text, self.pos..cut, options, &mut self.lines);
        if cut >= end {
            self.pos = end + 1;
            self.inside = false;
        } else if self.lines.len() > before + 1 {
            // The last line may take words of the next piece.
            let last = self.lines.pop().expect("more than one line");
            self.pos = last.start;
        } else {
            self.pos = cut;
        }
    }
}

/// How the reader wraps: long words broken, names such as al-Assad kept
/// whole on one line.
fn options(width: usize) -> Options<'static> {
    Options::new(width.max(1))
        .break_words(true)
        .word_splitter(WordSplitter::NoHyphenation)
}

/// Wraps `text[range]` and pushes its lines' byte ranges in `text`.
fn push_lines(text: &str, range: Range<usize>, options: Options, out: &mut Vec<Range<usize>>) {
    let base = text.as_ptr() as usize;
    let mut search_from = range.start;
    for line in textwrap::wrap(&text[range.clone()], options) {
        let start = match &line {
            // Borrowed lines point into `text`: their offset is exact.
            std::borrow::Cow::Borrowed(s) => s.as_ptr() as usize - base,
            std::borrow::Cow::Owned(s) => text[search_from..range.end]
                .find(s.as_str())
                .map_or(search_from, |i| search_from + i),
        };
        let end = (start + line.len()).min(range.end);
        out.push(start..end);
        search_from = end;
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
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
        assert_eq!(line_of(&lines, t.find("Six").unwrap()), 5);
        assert_eq!(line_of(&lines, 0), 0);
    }

    #[test]
    fn long_words_break_and_unicode_is_safe() {
        let t = "Anticonstitutionnellement été";
        for r in wrap(t, 7) {
            assert!(t.is_char_boundary(r.start) && t.is_char_boundary(r.end));
        }
    }

    /// Greedy wrapping of the whole paragraph at once: what the pieces
    /// must add up to.
    fn first_fit(text: &str, width: usize) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let o = options(width).wrap_algorithm(WrapAlgorithm::FirstFit);
        push_lines(text, 0..text.len(), o, &mut out);
        out
    }

    #[test]
    fn a_long_paragraph_wraps_in_pieces_as_it_would_whole() {
        let sentence = "Le président Poutine a rencontré Erdoğan à Moscou le 3 mars. ";
        let long = sentence.repeat(LONG_PARAGRAPH / sentence.len() + 300);
        for width in [7, 40, 76] {
            assert_eq!(wrap(&long, width), first_fit(&long, width), "{width}");
        }
        let word = "x".repeat(3 * PIECE + 5);
        let lines = wrap(&word, 50);
        assert!(lines.iter().all(|r| r.len() <= 50));
        assert_eq!(lines.last().map(|r| r.end), Some(word.len()));
    }

    #[test]
    fn the_memo_wraps_only_what_is_asked() {
        let text = "Moscou ".repeat(1_500_000);
        let memo = WrapMemo::default();
        let shown = memo.lines(&text, "k", 76, 0..20);
        assert_eq!(shown.len(), 20);
        assert!(
            memo.wrapped_bytes() <= 2 * PIECE,
            "{}",
            memo.wrapped_bytes()
        );
        assert!(!memo.is_complete(&text, "k", 76));
        // Another width starts again; the same one keeps its lines.
        assert_eq!(memo.count_up_to(&text, "k", 40, 10), 10);
        assert!(memo.wrapped_bytes() <= PIECE);
        assert_eq!(memo.line_of(&text, "k", 40, 0), 0);
    }

    #[test]
    fn the_memo_gives_the_lines_wrap_gives() {
        let text = format!(
            "Titre\n\n{}\n\n\nFin du texte.",
            "Un deux trois. ".repeat(10_000)
        );
        let all = wrap(&text, 30);
        let memo = WrapMemo::default();
        assert_eq!(memo.lines(&text, "k", 30, 100..130), all[100..130]);
        assert_eq!(memo.count_up_to(&text, "k", 30, usize::MAX), all.len());
        assert!(memo.is_complete(&text, "k", 30));
        let end = text.find("Fin").unwrap();
        assert_eq!(memo.line_of(&text, "k", 30, end), all.len() - 1);
    }
}
