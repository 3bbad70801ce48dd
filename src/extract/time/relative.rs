//! Matchers of expressions that only the anchor can place: the fixed
//! relative phrases (`hier`, `la veille`, `last week`) and weekdays alone
//! (`mardi`, `lundi dernier`, `next Friday`).
//!
//! They decide what is a date, not which day: a habit (`le lundi`), a name
//! (`Black Friday`), a feast (`mardi gras`) or a day relative to another
//! event (`la veille du sommet`) is left out here; the direction of a bare
//! weekday is settled later by `tense` and `resolve`.

use super::date_lines::is_recurring_word;
use super::resolve::{Dir, Raw};
use super::scan::Match;
use super::tokens::Scan;
use super::words::{
    EN_NOT_A_DAY_BEFORE, EN_PHRASES, FR_FEASTS_AFTER, FR_FEASTS_AFTER_DE, FR_NOT_A_DAY_BEFORE,
    FR_PHRASES, Guard, Phrase,
};
use crate::extract::lang::Lang;

impl Scan<'_> {
    /// `hier`, `la veille`, `l'an dernier`, `last week`, `today`...
    pub(super) fn relative(&self, i: usize) -> Option<Match> {
        let phrases: &[Phrase] = match self.lang {
            Lang::Fr => &FR_PHRASES,
            Lang::En => &EN_PHRASES,
        };
        phrases
            .iter()
            .filter(|p| {
                p.words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| self.tok(i + k).is_some_and(|t| t.norm == *w))
            })
            .filter(|p| self.guard_holds(p.guard, i, i + p.words.len()))
            .max_by_key(|p| p.words.len())
            .map(|p| Match {
                start: i,
                end: i + p.words.len(),
                raw: p.raw,
            })
    }

    fn guard_holds(&self, guard: Guard, start: usize, end: usize) -> bool {
        match guard {
            Guard::None => true,
            Guard::NotThen => !(self.is_punct(end, "-") && self.is_word(end + 1, "la")),
            Guard::NotOfEvent => !self.word_in(end, &["de", "du", "des", "d"]),
            Guard::NotAfterThe => !self
                .prev_word(start)
                .is_some_and(|p| self.word_in(p, &["the", "past"])),
        }
    }

    /// `mardi`, `mercredi soir`, `lundi dernier`, `on Tuesday`, `next Friday`.
    pub(super) fn weekday_alone(&self, i: usize) -> Option<Match> {
        let (dir, j) = self.dir_prefix(i);
        let (weekday, end) = self.weekday_at(j, false)?;
        // A weekday opening a full date belongs to it.
        if self.day_first(j).is_some() || self.month_first(j, None).is_some() {
            return None;
        }
        if (j == i && self.habit_or_name_before(i)) || self.feast_after(end) {
            return None;
        }
        let (dir, end) = match self.dir_suffix(end) {
            (Dir::Context, _) => (dir, end),
            suffixed => suffixed,
        };
        let raw = Raw::Weekday { weekday, dir };
        Some(Match { start: i, end, raw })
    }

    /// `le lundi` (every Monday), `chaque lundi`, `every Monday`, `Black
    /// Friday`.
    fn habit_or_name_before(&self, i: usize) -> bool {
        let Some(p) = self.prev_word(i) else {
            return false;
        };
        let listed = match self.lang {
            Lang::Fr => self.word_in(p, &FR_NOT_A_DAY_BEFORE),
            Lang::En => self.word_in(p, &EN_NOT_A_DAY_BEFORE),
        };
        // `tous les lundis`, `toutes les semaines le mardi`: the data file's
        // habit words, one word further back after an article.
        let habit = |k: usize| self.word(k).is_some_and(is_recurring_word);
        listed
            || habit(p)
            || (self.word_in(p, &["les", "the"]) && self.prev_word(p).is_some_and(habit))
    }

    /// `mardi gras`, `vendredi saint`, `lundi de Pâques`.
    fn feast_after(&self, end: usize) -> bool {
        self.lang == Lang::Fr
            && (self.word_in(end, &FR_FEASTS_AFTER)
                || (self.word_in(end, &["de", "des"])
                    && self.word_in(end + 1, &FR_FEASTS_AFTER_DE)))
    }
}
