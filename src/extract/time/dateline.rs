//! Where an article dates itself: `ce 21 novembre`, `Published on ...`, or
//! a dateline heading the text (`MOSCOW, Nov. 21 (Reuters) -`, a date alone
//! on the first line).
//!
//! These only judge the context of a day already matched; they find no
//! dates of their own. Used by [`super::self_date`].

use super::scan::Match;
use super::tokens::{Kind, Scan};
use crate::extract::lang::Lang;

/// Words before a date that give it as the article's publication date.
const PUBLISHED_WORDS: [&str; 6] = [
    "published",
    "posted",
    "publie",
    "publiee",
    "ligne",
    "updated",
];
/// A dateline sits within the first bytes of the text.
const DATELINE_REACH: usize = 300;

impl Scan<'_> {
    /// `ce 21 novembre`, `ce lundi 20 novembre`.
    pub(super) fn says_this_day(&self, m: &Match) -> bool {
        self.lang == Lang::Fr
            && self
                .prev_word(m.start)
                .is_some_and(|p| self.is_word(p, "ce"))
    }

    /// `Published on 21 November 2017`, `Publié le 21 novembre`, `mis en
    /// ligne le`.
    pub(super) fn after_published(&self, start: usize) -> bool {
        let mut j = start;
        for _ in 0..4 {
            let Some(p) = j.checked_sub(1) else {
                return false;
            };
            if self.word_in(p, &PUBLISHED_WORDS) {
                return true;
            }
            let filler = self.word_in(p, &["on", "le", "the", "at"])
                || self.punct_in(p, &[":", ",", "-", "|"]);
            if !filler {
                return false;
            }
            j = p;
        }
        false
    }

    /// A date heading the text: alone on its line (`November 21, 2017`), or
    /// after a place in capitals (`MOSCOW, Nov. 21 (Reuters) -`).
    pub(super) fn is_dateline(&self, m: &Match) -> bool {
        if self.tok(m.start).is_none_or(|t| t.start > DATELINE_REACH) {
            return false;
        }
        let mut line_start = m.start;
        while line_start > 0 && !self.newline_between(line_start - 1, line_start) {
            line_start -= 1;
        }
        self.is_place_prefix(line_start, m.start) && self.ends_dateline(m.end)
    }

    /// Tokens `from..to` are nothing, or a place (capitalised words and
    /// light marks) ending with a comma (`Paris, le`).
    fn is_place_prefix(&self, from: usize, to: usize) -> bool {
        if from == to {
            return true;
        }
        let to = if self.is_word(to - 1, "le") {
            to - 1
        } else {
            to
        };
        if to <= from || to - from > 10 || !self.is_punct(to - 1, ",") {
            return false;
        }
        let place_tok = |k: usize| {
            self.tok(k).is_some_and(|t| match t.kind {
                Kind::Word => t.capitalised(),
                Kind::Punct => matches!(t.norm.as_ref(), "," | "." | "-" | "/" | "(" | ")" | "'"),
                Kind::Num => false,
            })
        };
        (from..to).all(place_tok)
            && (from..to).any(|k| self.tok(k).is_some_and(|t| t.kind == Kind::Word))
    }

    fn ends_dateline(&self, end: usize) -> bool {
        end >= self.toks.len()
            || end
                .checked_sub(1)
                .is_some_and(|p| self.newline_between(p, end))
            || self.punct_in(end, &["(", "-", "|", ":", ",", "/"])
    }
}
