//! Matchers of expressions that name a year or a part of a period: `en
//! 2015`, `de 2011 à 2015`, `fin octobre`, `mid-2016`, `l'automne 2015`.
//!
//! Most of the work is telling a year from a count (`plus de 2000 morts`,
//! `entre 2000 et 2500 manifestants`): a bare four-digit number is a year
//! only after a cue word and before a word a year may precede.

use super::pieces::Cue;
use super::resolve::{Raw, exact};
use super::scan::Match;
use super::tokens::{Scan, Tok};
use super::words::{
    EN_SEASON_BEFORE, EN_SEASONS, EN_YEAR_DETERMINERS, FR_SEASONS, QUANTITY_WORDS,
    STRONG_YEAR_CUES, WEAK_YEAR_CUES,
};
use crate::extract::date::DatePoint;
use crate::extract::lang::Lang;

impl Scan<'_> {
    /// `début octobre`, `fin 2016`, `mi-novembre`, `early October`, `end of
    /// 2016`, `mid-2016`.
    pub(super) fn part(&self, i: usize) -> Option<Match> {
        let k = self.part_prefix(i)?;
        if let Some(mw) = self.month_at(k) {
            if let Some((year, end)) = self.year_after(mw.next, false) {
                let raw = exact(DatePoint::month(year, mw.month));
                return Some(Match { start: i, end, raw });
            }
            let (dir, end) = self.dir_suffix(mw.next);
            let raw = Raw::Month {
                month: mw.month,
                dir,
            };
            return Some(Match { start: i, end, raw });
        }
        let (year, end) = self.year_after(k, false)?;
        let raw = Raw::Exact(DatePoint::year(year));
        Some(Match { start: i, end, raw })
    }

    fn part_prefix(&self, i: usize) -> Option<usize> {
        let w = self.word(i)?;
        let after_hyphen = |k: usize| if self.is_punct(k, "-") { k + 1 } else { k };
        match (self.lang, w) {
            (Lang::Fr, "debut" | "fin" | "courant") => Some(i + 1),
            (Lang::Fr, "mi") => Some(after_hyphen(i + 1)),
            (Lang::En, "early" | "late") => Some(i + 1),
            (Lang::En, "mid") => Some(after_hyphen(i + 1)),
            (Lang::En, "end" | "beginning" | "start" | "middle") => {
                self.is_word(i + 1, "of").then_some(i + 2)
            }
            _ => None,
        }
    }

    /// `l'automne 2015`, `été 2016`, `the summer of 2016`: a year.
    pub(super) fn season(&self, i: usize) -> Option<Match> {
        let seasons: &[&str] = match self.lang {
            Lang::Fr => &FR_SEASONS,
            Lang::En => &EN_SEASONS,
        };
        if !self.word_in(i, seasons) {
            return None;
        }
        // `été` is also the participle of `être` (`ont été 2017 à...`).
        let summer_ok = self.sentence_start(i)
            || self
                .prev_word(i)
                .is_some_and(|p| self.word_in(p, &["l", "cet"]));
        if self.is_word(i, "ete") && !summer_ok {
            return None;
        }
        // `fall` is also a verb (`prices fall 2016 points`).
        let autumn_ok = self.tok(i).is_some_and(Tok::capitalised)
            || self
                .prev_word(i)
                .is_some_and(|p| self.word_in(p, &EN_SEASON_BEFORE));
        if self.is_word(i, "fall") && !autumn_ok {
            return None;
        }
        let mut k = i + 1;
        if self.word_in(k, &["de", "d", "of"]) {
            k += 1;
            if self.is_punct(k, "'") {
                k += 1;
            }
        }
        let (year, end) = self.year_after(k, false)?;
        let raw = Raw::Exact(DatePoint::year(year));
        Some(Match { start: i, end, raw })
    }

    /// A four-digit number that a cue makes a year: `en 2015`, `depuis
    /// 2011`, `since 2011`, `de 2011 à 2015`.
    pub(super) fn bare_year(&self, i: usize, chain: Option<&Match>) -> Option<Match> {
        let (year, end) = self.year_at(i)?;
        if !(1900..=2100).contains(&year) {
            return None;
        }
        let after_comma = chain.is_some_and(|c| c.raw.is_year() && c.end + 1 == i)
            && i.checked_sub(1).is_some_and(|p| self.is_punct(p, ","));
        let cue = if self.chained(i, chain, Raw::is_year) {
            Cue::Strong
        } else if after_comma {
            // `en 2015, 2016 et 2017`, but not `en 2015, 2000 personnes`.
            Cue::Weak
        } else {
            self.year_cue(i)?
        };
        if !self.follows_year(end, cue) || !self.range_end_is_year(end) {
            return None;
        }
        let raw = Raw::Exact(DatePoint::year(year));
        Some(Match { start: i, end, raw })
    }

    fn year_cue(&self, i: usize) -> Option<Cue> {
        let p = self.prev_word(i)?;
        let w = self.word(p)?;
        if self.is_des(p) || self.is_jusqua(p) || STRONG_YEAR_CUES.contains(&w) {
            return Some(Cue::Strong);
        }
        // English puts a year before the noun it dates (`its 1979 peace
        // treaty`, `the 2015 nuclear deal`); a determiner there reads as a
        // cue, and `follows_year` still turns away counts (`the 2000
        // protesters`).
        if self.lang == Lang::En && EN_YEAR_DETERMINERS.contains(&w) {
            return Some(Cue::Strong);
        }
        if !WEAK_YEAR_CUES.contains(&w) {
            return None;
        }
        let quantity = self
            .prev_word(p)
            .is_some_and(|q| self.word_in(q, &QUANTITY_WORDS));
        (!quantity).then_some(Cue::Weak)
    }

    /// In `entre 2000 et 2500 manifestants` the second number shows both are
    /// counts: a four-digit number after a connector must itself be a year.
    fn range_end_is_year(&self, end: usize) -> bool {
        let Some(k) = self.connector_at(end) else {
            return true;
        };
        if self.num(k).is_none_or(|d| d.len() != 4) {
            return true;
        }
        self.year_at(k).is_some_and(|(y, after)| {
            (1900..=2100).contains(&y) && self.follows_year(after, Cue::Strong)
        })
    }
}
