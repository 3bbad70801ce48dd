//! The pieces a date is built from, read at one token: a day number with
//! its ordinal suffix, a year that counts nothing, a month or weekday name,
//! `last`/`dernier`-style direction words and the connectors of lists and
//! ranges (`et`, `au`, `-`).
//!
//! Each answers "is there one here, and where does it end"; putting the
//! pieces together into an expression is the matchers' work.

use chrono::Weekday;

use super::resolve::{Dir, Raw};
use super::scan::Match;
use super::tokens::{Kind, Scan};
use super::words::{
    AMBIGUOUS_MONTHS, COUNT_NOUNS, EN_MONTH_ABBREVS, EN_MONTHS, EN_WEEKDAY_ABBREVS, EN_WEEKDAYS,
    FR_MONTH_ABBREVS, FR_MONTHS, FR_WEEKDAYS, FUNCTION_WORDS, ORDINAL_SUFFIXES, WEEKDAYS,
};
use crate::extract::lang::Lang;

/// A month name found at a token, with what its context needs.
#[derive(Debug, Clone, Copy)]
pub(super) struct MonthWord {
    pub(super) month: u32,
    /// Token after the name (and after the dot of an abbreviation).
    pub(super) next: usize,
    pub(super) abbrev: bool,
    pub(super) ambiguous: bool,
    pub(super) capitalised: bool,
}

/// How much a cue word before a bare number vouches for a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cue {
    Strong,
    Weak,
}

impl Scan<'_> {
    /// A day number (1 to 31) at `i`, with an ordinal suffix if any; returns
    /// the day and the token after it.
    pub(super) fn day_at(&self, i: usize) -> Option<(u32, usize)> {
        let digits = self.num(i)?;
        if digits.len() > 2 || self.glued_to_number_before(i) {
            return None;
        }
        let day: u32 = digits.parse().ok()?;
        if !(1..=31).contains(&day) {
            return None;
        }
        let next = i + 1;
        if self.glued(next) && self.tok(next).is_some_and(|t| t.kind == Kind::Word) {
            return self
                .word_in(next, &ORDINAL_SUFFIXES)
                .then_some((day, next + 1));
        }
        (!self.glued_after(next)).then_some((day, next))
    }

    /// A four-digit number standing on its own at `i`.
    pub(super) fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        let digits = self.num(i)?;
        if digits.len() != 4 || self.glued_to_number_before(i) || self.glued_after(i + 1) {
            return None;
        }
        Some((digits.parse().ok()?, i + 1))
    }

    /// A year after a month or a part word (`novembre 2017`, `October 20,
    /// 2015`, `fin 2016`): any four-digit year not counting something.
    pub(super) fn year_after(&self, k: usize, comma_ok: bool) -> Option<(i32, usize)> {
        let k = if comma_ok && self.is_punct(k, ",") {
            k + 1
        } else {
            k
        };
        let (year, end) = self.year_at(k)?;
        ((1000..=2999).contains(&year) && self.follows_year(end, Cue::Strong))
            .then_some((year, end))
    }

    /// Whether the token at `j` may follow a year: not a counted noun
    /// (`2000 morts`), nor, after a weak cue, any lower-case content word.
    pub(super) fn follows_year(&self, j: usize, cue: Cue) -> bool {
        let Some(t) = self.tok(j) else {
            return true;
        };
        match t.kind {
            // `2015 000`: a group of thousands.
            Kind::Num => t.raw.len() != 3,
            Kind::Punct => true,
            Kind::Word if t.capitalised() => true,
            Kind::Word => {
                let w = t.norm.as_ref();
                FUNCTION_WORDS.contains(&w)
                    || (cue == Cue::Strong
                        && !COUNT_NOUNS.contains(&w)
                        && !w.ends_with('s')
                        && !w.ends_with('x'))
            }
        }
    }

    pub(super) fn month_at(&self, i: usize) -> Option<MonthWord> {
        let t = self.tok(i).filter(|t| t.kind == Kind::Word)?;
        let capitalised = t.capitalised();
        // English writes months with a capital: `may` and `march` are verbs.
        if self.lang == Lang::En && !capitalised {
            return None;
        }
        let w = t.norm.as_ref();
        let (names, abbrevs): (&[&str], &[(&str, u32)]) = match self.lang {
            Lang::Fr => (&FR_MONTHS, &FR_MONTH_ABBREVS),
            Lang::En => (&EN_MONTHS, &EN_MONTH_ABBREVS),
        };
        if let Some(k) = names.iter().position(|n| *n == w) {
            return Some(MonthWord {
                month: k as u32 + 1,
                next: i + 1,
                abbrev: false,
                ambiguous: AMBIGUOUS_MONTHS.contains(&w),
                capitalised,
            });
        }
        let &(_, month) = abbrevs.iter().find(|(a, _)| *a == w)?;
        let dot = self.is_punct(i + 1, ".") && self.glued(i + 1);
        // `sept`, `dec` are French words too: only the dotted form is a month.
        if self.lang == Lang::Fr && !dot {
            return None;
        }
        Some(MonthWord {
            month,
            next: if dot { i + 2 } else { i + 1 },
            abbrev: true,
            ambiguous: true,
            capitalised,
        })
    }

    pub(super) fn weekday_at(&self, i: usize, abbrev_ok: bool) -> Option<(Weekday, usize)> {
        let t = self.tok(i).filter(|t| t.kind == Kind::Word)?;
        let w = t.norm.as_ref();
        match self.lang {
            Lang::Fr => FR_WEEKDAYS
                .iter()
                .position(|d| *d == w)
                .map(|k| (WEEKDAYS[k], i + 1)),
            Lang::En if !t.capitalised() => None,
            Lang::En => {
                if let Some(k) = EN_WEEKDAYS.iter().position(|d| *d == w) {
                    return Some((WEEKDAYS[k], i + 1));
                }
                let &(_, k) = EN_WEEKDAY_ABBREVS
                    .iter()
                    .find(|(a, _)| *a == w)
                    .filter(|_| abbrev_ok)?;
                let next = if self.is_punct(i + 1, ".") {
                    i + 2
                } else {
                    i + 1
                };
                Some((WEEKDAYS[k], next))
            }
        }
    }

    /// An optional weekday (and comma) before a date: `lundi 20`, `Tuesday,
    /// Oct. 20`.
    pub(super) fn weekday_prefix(&self, i: usize) -> (Option<Weekday>, usize) {
        match self.weekday_at(i, true) {
            Some((weekday, j)) if self.is_punct(j, ",") => (Some(weekday), j + 1),
            Some((weekday, j)) => (Some(weekday), j),
            None => (None, i),
        }
    }

    /// English `last`, `next`, `this` before a month or a weekday.
    pub(super) fn dir_prefix(&self, i: usize) -> (Dir, usize) {
        if self.lang != Lang::En {
            return (Dir::Context, i);
        }
        match self.word(i) {
            Some("last") => (Dir::Past, i + 1),
            Some("next") => (Dir::Future, i + 1),
            Some("this") => (Dir::Context, i + 1),
            _ => (Dir::Context, i),
        }
    }

    /// French `dernier`, `prochain` after a month, a day or a weekday.
    pub(super) fn dir_suffix(&self, k: usize) -> (Dir, usize) {
        if self.lang != Lang::Fr {
            return (Dir::Context, k);
        }
        match self.word(k) {
            Some("dernier" | "derniere") => (Dir::Past, k + 1),
            Some("prochain" | "prochaine") => (Dir::Future, k + 1),
            _ => (Dir::Context, k),
        }
    }

    /// A word or mark joining two dates of a list or range (`et`, `au`,
    /// `-`, `to`); returns the token after it.
    pub(super) fn connector_at(&self, k: usize) -> Option<usize> {
        let joins = self.word_in(k, &["et", "ou", "au", "and", "or", "to", "through"])
            || self.is_a_grave(k)
            || self.punct_in(k, &["-", "/", "&"]);
        joins.then_some(k + 1)
    }

    /// Whether token `i` continues a list started by the previous match
    /// (`en 2011 et 2012`, `entre septembre et novembre`).
    pub(super) fn chained(
        &self,
        i: usize,
        chain: Option<&Match>,
        level: impl Fn(&Raw) -> bool,
    ) -> bool {
        chain.is_some_and(|c| c.end + 1 == i && level(&c.raw) && self.connector_at(c.end).is_some())
    }
}
