//! The tokenizer of temporal expressions and the token view the matchers
//! read through: words (folded), runs of ASCII digits and single marks, each
//! with its byte range, and [`Scan`] with its questions about one token or
//! the space between two (`is_word`, `glued`, `prev_word`...).
//!
//! Kept apart from `extract::tokens`, whose tokens serve entity mentions:
//! here digits and marks are tokens of their own, because `21/11/2017` and
//! `20:30` are told apart by them. What a run of tokens means is not decided
//! here.

use std::borrow::Cow;

use unicode_normalization::char::is_combining_mark;

use super::scan::Match;
use super::words::NUMBER_JOINERS;
use crate::extract::fold::fold;
use crate::extract::lang::Lang;
use crate::extract::tokens::{char_at, is_alphabetic};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Word,
    Num,
    Punct,
}

/// A word (run of letters), a number (run of ASCII digits) or one mark, with
/// its byte range in the text.
#[derive(Debug)]
pub(super) struct Tok<'t> {
    pub(super) kind: Kind,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) raw: &'t str,
    /// Folded word, the digits of a number, or the mark with apostrophes and
    /// dashes unified.
    pub(super) norm: Cow<'t, str>,
}

impl Tok<'_> {
    pub(super) fn capitalised(&self) -> bool {
        self.raw.chars().next().is_some_and(char::is_uppercase)
    }
}

/// `text` with its ASCII letters lower-cased (same length, same offsets):
/// what a [`Scan`] of `text` borrows the fold of its plain ASCII words from.
pub(super) fn ascii_lowercase(text: &str) -> Cow<'_, str> {
    if text.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(text.to_ascii_lowercase())
    } else {
        Cow::Borrowed(text)
    }
}

/// `lower` is [`ascii_lowercase`] of `text`.
fn tokenize<'t>(text: &'t str, lower: &'t str) -> Vec<Tok<'t>> {
    let mut toks = Vec::with_capacity(text.len() / 4 + 4);
    let bytes = text.as_bytes();
    let char_at = |i: usize| char_at(text, i);
    let mut start = 0;
    while start < bytes.len() {
        let (c, len) = char_at(start);
        if c.is_whitespace() {
            start += len;
            continue;
        }
        let kind = if is_alphabetic(c) {
            Kind::Word
        } else if c.is_ascii_digit() {
            Kind::Num
        } else {
            Kind::Punct
        };
        let mut end = start + len;
        match kind {
            // Combining marks keep decomposed `é` inside its word.
            Kind::Word => {
                while end < bytes.len() {
                    let (d, len) = char_at(end);
                    let joins = is_alphabetic(d) || !d.is_ascii() && is_combining_mark(d);
                    if !joins {
                        break;
                    }
                    end += len;
                }
            }
            Kind::Num => {
                while end < bytes.len() && bytes[end].is_ascii_digit() {
                    end += 1;
                }
            }
            Kind::Punct => {}
        }
        let raw = &text[start..end];
        let norm = match kind {
            Kind::Word if raw.bytes().all(|b| b.is_ascii_lowercase()) => Cow::Borrowed(raw),
            // Folding a word of ASCII letters is lower-casing it.
            Kind::Word if raw.is_ascii() => Cow::Borrowed(&lower[start..end]),
            Kind::Word => Cow::Owned(fold(raw)),
            Kind::Num => Cow::Borrowed(raw),
            Kind::Punct => Cow::Borrowed(punct_norm(c).unwrap_or(raw)),
        };
        toks.push(Tok {
            kind,
            start,
            end,
            raw,
            norm,
        });
        start = end;
    }
    toks
}

/// One spelling for the apostrophes and for the hyphens and dashes.
fn punct_norm(c: char) -> Option<&'static str> {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}' => Some("'"),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => Some("-"),
        _ => None,
    }
}

/// The tokens of one text. The matchers are methods on it too, each in the
/// module of its concept (`pieces`, `scan`, `years`, `relative`, `dateline`,
/// `tense`).
pub(super) struct Scan<'t> {
    text: &'t str,
    pub(super) toks: Vec<Tok<'t>>,
    pub(super) lang: Lang,
}

impl<'t> Scan<'t> {
    /// `lower` is [`ascii_lowercase`] of `text`.
    pub(super) fn new(text: &'t str, lower: &'t str, lang: Lang) -> Self {
        debug_assert_eq!(text.len(), lower.len());
        Scan {
            text,
            toks: tokenize(text, lower),
            lang,
        }
    }

    // ---- token access

    pub(super) fn tok(&self, i: usize) -> Option<&Tok<'t>> {
        self.toks.get(i)
    }

    pub(super) fn word(&self, i: usize) -> Option<&str> {
        self.tok(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.norm.as_ref())
    }

    pub(super) fn is_word(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }

    pub(super) fn word_in(&self, i: usize, words: &[&str]) -> bool {
        self.word(i).is_some_and(|w| words.contains(&w))
    }

    pub(super) fn is_punct(&self, i: usize, p: &str) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == Kind::Punct && t.norm == p)
    }

    pub(super) fn punct_in(&self, i: usize, marks: &[&str]) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == Kind::Punct && marks.contains(&t.norm.as_ref()))
    }

    pub(super) fn num(&self, i: usize) -> Option<&str> {
        self.tok(i).filter(|t| t.kind == Kind::Num).map(|t| t.raw)
    }

    /// Whether token `i` touches the token before it (no space between).
    pub(super) fn glued(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        matches!((self.tok(p), self.tok(i)), (Some(p), Some(t)) if p.end == t.start)
    }

    /// The word before token `i`, across an elided apostrophe (`d'ici`,
    /// `l'an`).
    pub(super) fn prev_word(&self, i: usize) -> Option<usize> {
        let mut j = i.checked_sub(1)?;
        if self.is_punct(j, "'") {
            j = j.checked_sub(1)?;
        }
        (self.tok(j)?.kind == Kind::Word).then_some(j)
    }

    /// `dès`, which folds like the article `des`.
    pub(super) fn is_des(&self, i: usize) -> bool {
        self.is_word(i, "des")
            && self
                .tok(i)
                .is_some_and(|t| t.raw.contains(['è', 'È', '\u{300}']))
    }

    /// `à`, which folds like the verb `a`.
    pub(super) fn is_a_grave(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.raw == "à" || t.raw == "a\u{300}")
    }

    /// `jusqu'à` at token `i`.
    pub(super) fn is_jusqua(&self, i: usize) -> bool {
        self.is_a_grave(i) && self.prev_word(i).is_some_and(|j| self.is_word(j, "jusqu"))
    }

    pub(super) fn newline_between(&self, a: usize, b: usize) -> bool {
        match (self.tok(a), self.tok(b)) {
            (Some(a), Some(b)) => self
                .text
                .get(a.end..b.start)
                .is_some_and(|s| s.contains('\n')),
            _ => false,
        }
    }

    /// Whether token `i` starts a sentence (first token, or after a mark
    /// other than a comma or an apostrophe).
    pub(super) fn sentence_start(&self, i: usize) -> bool {
        i.checked_sub(1).is_none_or(|p| {
            self.tok(p)
                .is_some_and(|t| t.kind == Kind::Punct && t.norm != "," && t.norm != "'")
        })
    }

    pub(super) fn byte_range(&self, m: &Match) -> Option<(usize, usize)> {
        let first = self.tok(m.start)?;
        let last = self.tok(m.end.checked_sub(1)?)?;
        Some((first.start, last.end))
    }

    /// Whether token `i` continues a word or number written just before it
    /// (`A320`, `1,20`, `10:20`), so cannot start a date.
    pub(super) fn glued_to_number_before(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1).filter(|_| self.glued(i)) else {
            return false;
        };
        match self.tok(p).map(|t| t.kind) {
            Some(Kind::Word | Kind::Num) => true,
            Some(Kind::Punct) => {
                self.punct_in(p, &NUMBER_JOINERS)
                    && self.glued(p)
                    && p.checked_sub(1).is_some_and(|q| self.num(q).is_some())
            }
            None => false,
        }
    }

    /// Whether the token at `end` glues something onto what precedes it: a
    /// word (`20h`), or a joiner and more digits (`20.30`).
    pub(super) fn glued_after(&self, end: usize) -> bool {
        if !self.glued(end) {
            return false;
        }
        match self.tok(end).map(|t| t.kind) {
            Some(Kind::Word | Kind::Num) => true,
            Some(Kind::Punct) => {
                self.punct_in(end, &NUMBER_JOINERS)
                    && self.glued(end + 1)
                    && self.num(end + 1).is_some()
            }
            None => false,
        }
    }
}
