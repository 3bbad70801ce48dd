//! The leftmost-longest scan of a text and the matchers of expressions
//! that carry a day or a month: numeric dates, day-month and month-day
//! phrases, months with a year or after a cue, and the second day of an
//! English range.
//!
//! Matchers return token ranges with a [`Raw`] meaning; they never apply
//! the anchor. Years, parts of a period and seasons are in `years`;
//! relative phrases and weekdays alone in `relative`.

use chrono::Weekday;

use super::pieces::{Cue, MonthWord};
use super::resolve::{Dir, Raw, day_raw, exact};
use super::tokens::{Kind, Scan};
use super::words::{EN_MONTH_CUES, FR_MONTH_CUES, may_start};
use crate::extract::date::DatePoint;
use crate::extract::lang::Lang;

/// A range of days is one expression, dated by its first day: `prev`
/// grows to cover `next`, and takes its year when it has none (`du 30
/// décembre au 2 janvier 2024`).
fn merge_range(prev: &mut Match, next: &Match) {
    prev.end = next.end;
    if let (
        Raw::DayMonth {
            day,
            month,
            weekday,
            ..
        },
        Raw::Exact(d),
    ) = (prev.raw, next.raw)
    {
        let later_month = d.month.is_some_and(|m| u32::from(m) < month);
        let year = if later_month {
            d.year.checked_sub(1)
        } else {
            Some(d.year)
        };
        if let Some(year) = year {
            prev.raw = day_raw(day, month, Some(year), weekday, Dir::Context);
        }
    }
}

/// A recognised expression: tokens `start..end` (end exclusive).
#[derive(Debug, Clone, Copy)]
pub(super) struct Match {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) raw: Raw,
}

impl Scan<'_> {
    /// All expressions of the text, leftmost-longest, in order.
    pub(super) fn matches(&self) -> Vec<Match> {
        let mut out: Vec<Match> = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            // Only a number or a starter word can open an expression.
            let t = &self.toks[i];
            let may_start = match t.kind {
                Kind::Num => true,
                Kind::Word => may_start(&t.norm),
                Kind::Punct => false,
            };
            if !may_start {
                i += 1;
                continue;
            }
            match self.longest_at(i, out.last()) {
                Some(m) => {
                    i = m.end;
                    match out.last_mut() {
                        Some(prev) if self.joins_range(prev, &m) => merge_range(prev, &m),
                        _ => out.push(m),
                    }
                }
                None => i += 1,
            }
        }
        out
    }

    /// Whether `next` ends a range of days that `prev` opens: `du 9 au 11
    /// juillet`, `from 3 to 7 March`, `Oct. 20-22`, `les 19 et 20
    /// septembre` (`et`/`and` only within one month, and never `et le 10`,
    /// which lists another day).
    fn joins_range(&self, prev: &Match, next: &Match) -> bool {
        if !prev.raw.is_day() || !next.raw.is_day() || next.start != prev.end + 1 {
            return false;
        }
        let k = prev.end;
        let through = self.word_in(k, &["au", "to", "through", "until", "till"])
            || self.is_a_grave(k)
            || self.punct_in(k, &["-"]);
        let and = self.word_in(k, &["et", "and"]) && prev.raw.month() == next.raw.month();
        through || and
    }

    /// The longest match at token `i` (the first of the longest, in the
    /// order the matchers are tried).
    fn longest_at(&self, i: usize, chain: Option<&Match>) -> Option<Match> {
        let mut best: Option<Match> = None;
        let mut consider = |m: Option<Match>| {
            // The scan resumes at `end`: an empty match would never advance.
            if let Some(m) = m.filter(|m| m.end > m.start)
                && best.is_none_or(|b| b.end < m.end)
            {
                best = Some(m);
            }
        };
        // Each matcher needs a number or a word at `i`: only those that can
        // match are tried, in the same order.
        if self.toks[i].kind == Kind::Num {
            consider(self.numeric(i));
            consider(self.day_first(i));
            consider(self.bare_year(i, chain));
            consider(self.continuation(i, chain));
        } else {
            consider(self.day_first(i));
            consider(self.month_first(i, chain));
            consider(self.part(i));
            consider(self.season(i));
            consider(self.relative(i));
            consider(self.weekday_alone(i));
        }
        best
    }

    /// `21/11/2017`, `21.11.2017`, `2017-11-21`, `21/11/17`, `11/2017`.
    fn numeric(&self, i: usize) -> Option<Match> {
        let a = self.num(i)?;
        if self.glued_to_number_before(i) || !self.glued(i + 1) || !self.glued(i + 2) {
            return None;
        }
        let sep = self
            .tok(i + 1)
            .filter(|t| t.kind == Kind::Punct)?
            .norm
            .as_ref();
        if !matches!(sep, "/" | "." | "-") {
            return None;
        }
        let b = self.num(i + 2)?;
        let c = (self.is_punct(i + 3, sep) && self.glued(i + 3) && self.glued(i + 4))
            .then(|| self.num(i + 4))
            .flatten();
        let end = if c.is_some() { i + 5 } else { i + 3 };
        if self.glued_after(end) {
            return None;
        }
        let raw = match c {
            Some(c) => self.numeric_day(a, b, c, sep)?,
            None if sep == "/" && a.len() <= 2 && b.len() == 4 => {
                exact(DatePoint::month(b.parse().ok()?, a.parse().ok()?))
            }
            None => return None,
        };
        Some(Match { start: i, end, raw })
    }

    /// Reads three numbers as year-month-day or day-month-year.
    fn numeric_day(&self, a: &str, b: &str, c: &str, sep: &str) -> Option<Raw> {
        let n = |s: &str| s.parse::<u32>().ok();
        if a.len() == 4 && b.len() <= 2 && c.len() <= 2 {
            return Some(exact(DatePoint::day(a.parse().ok()?, n(b)?, n(c)?)));
        }
        if a.len() > 2 || b.len() > 2 || !(c.len() == 4 || (c.len() == 2 && sep == "/")) {
            return None;
        }
        let year: i32 = c.parse().ok()?;
        let year = if c.len() == 2 { 2000 + year } else { year };
        let (x, y) = (n(a)?, n(b)?);
        // American texts write month/day: decide by which number cannot be a
        // month, and leave the truly ambiguous ones out.
        let (day, month) = match (self.lang, sep) {
            (Lang::En, "/") if x > 12 || x == y => (x, y),
            (Lang::En, "/") if y > 12 => (y, x),
            (Lang::En, "/") => return Some(Raw::Invalid),
            _ => (x, y),
        };
        Some(exact(DatePoint::day(year, month, day)))
    }

    /// Day before month: `[lundi] 20 novembre [2017] [dernier]`, `1er mars`,
    /// `[on] 20 October [2015]`, `the 20th of October`; and the first day of
    /// `les 20 et 21 novembre`.
    pub(super) fn day_first(&self, i: usize) -> Option<Match> {
        let (weekday, j) = self.weekday_prefix(i);
        let (day, k) = self.day_at(j)?;
        if let Some((month, year, end)) = self.month_after_day(k) {
            let (dir, end) = if year.is_none() {
                self.dir_suffix(end)
            } else {
                (Dir::Context, end)
            };
            let raw = day_raw(day, month, year, weekday, dir);
            return Some(Match { start: i, end, raw });
        }
        // `du 20 au 22 novembre`: the first day borrows the month (and year)
        // of the second.
        let c = self.connector_at(k)?;
        let c = if self.word_in(c, &["le", "the"]) {
            c + 1
        } else {
            c
        };
        let (_, j2) = self.weekday_prefix(c);
        let (_, k2) = self.day_at(j2)?;
        let (month, year, after) = self.month_after_day(k2)?;
        let (dir, _) = self.dir_suffix(after);
        let raw = day_raw(day, month, year, weekday, dir);
        Some(Match {
            start: i,
            end: k,
            raw,
        })
    }

    /// The month (and year) after a day number: (month, year, end).
    fn month_after_day(&self, k: usize) -> Option<(u32, Option<i32>, usize)> {
        let k = if self.lang == Lang::En && self.is_word(k, "of") {
            k + 1
        } else {
            k
        };
        let mw = self.month_at(k)?;
        Some(match self.year_after(mw.next, self.lang == Lang::En) {
            Some((year, end)) => (mw.month, Some(year), end),
            None => (mw.month, None, mw.next),
        })
    }

    /// Month first: English `[Tuesday,] Oct. 20[, 2015]`; `décembre 2022`,
    /// `March 2015`; a month alone after a cue (`en août`, `last October`).
    pub(super) fn month_first(&self, i: usize, chain: Option<&Match>) -> Option<Match> {
        let (dir, j) = self.dir_prefix(i);
        if j > i {
            let mw = self.month_at(j).filter(|mw| !mw.abbrev)?;
            let raw = Raw::Month {
                month: mw.month,
                dir,
            };
            return Some(Match {
                start: i,
                end: mw.next,
                raw,
            });
        }
        let (weekday, j) = self.weekday_prefix(i);
        let mw = self.month_at(j)?;
        if let Some(m) = self.month_day(i, &mw, weekday) {
            return Some(m);
        }
        if weekday.is_some() {
            return None;
        }
        self.month_year(i, &mw)
            .or_else(|| self.month_alone(i, &mw, chain))
    }

    /// English month before day: `Oct. 20`, `October 20, 2015`.
    fn month_day(&self, i: usize, mw: &MonthWord, weekday: Option<Weekday>) -> Option<Match> {
        if self.lang != Lang::En {
            return None;
        }
        let (day, k) = self.day_at(mw.next)?;
        let (year, end) = match self.year_after(k, true) {
            Some((y, end)) => (Some(y), end),
            None => (None, k),
        };
        let raw = day_raw(day, mw.month, year, weekday, Dir::Context);
        Some(Match { start: i, end, raw })
    }

    fn month_year(&self, i: usize, mw: &MonthWord) -> Option<Match> {
        let k = if self.lang == Lang::En && self.is_word(mw.next, "of") {
            mw.next + 1
        } else {
            mw.next
        };
        let (year, end) = self.year_after(k, false)?;
        // A capitalised French month inside a sentence is a name (`la
        // mission Mars 2020`).
        if self.lang == Lang::Fr
            && mw.capitalised
            && !self.sentence_start(i)
            && !self.month_cued(i, mw)
        {
            return None;
        }
        let raw = exact(DatePoint::month(year, mw.month));
        Some(Match { start: i, end, raw })
    }

    fn month_alone(&self, i: usize, mw: &MonthWord, chain: Option<&Match>) -> Option<Match> {
        if mw.abbrev || (self.lang == Lang::Fr && mw.capitalised) {
            return None;
        }
        let (dir, end) = self.dir_suffix(mw.next);
        let chained = !mw.ambiguous && self.chained(i, chain, Raw::is_month);
        if end == mw.next && !chained && !self.month_cued(i, mw) {
            return None;
        }
        let raw = Raw::Month {
            month: mw.month,
            dir,
        };
        Some(Match { start: i, end, raw })
    }

    /// Whether the word before a month alone makes it a date (`en août`,
    /// `in August`, `au mois de mars`); stricter for `mars` and `May`.
    fn month_cued(&self, i: usize, mw: &MonthWord) -> bool {
        let Some(p) = self.prev_word(i) else {
            return false;
        };
        let Some(w) = self.word(p) else {
            return false;
        };
        let of_month =
            matches!(w, "de" | "d") && self.prev_word(p).is_some_and(|q| self.is_word(q, "mois"));
        match (self.lang, mw.ambiguous) {
            (Lang::Fr, true) => {
                self.is_des(p) || of_month || matches!(w, "en" | "depuis" | "courant")
            }
            (Lang::Fr, false) => {
                self.is_des(p) || of_month || self.is_jusqua(p) || FR_MONTH_CUES.contains(&w)
            }
            (Lang::En, true) => w == "in",
            (Lang::En, false) => EN_MONTH_CUES.contains(&w),
        }
    }

    /// The second day of an English range: `Oct. 20-22`, `October 20 and 21`.
    fn continuation(&self, i: usize, chain: Option<&Match>) -> Option<Match> {
        if self.lang != Lang::En || !self.chained(i, chain, Raw::is_day) {
            return None;
        }
        let (day, end) = self.day_at(i)?;
        if self.month_at(end).is_some()
            || self.is_word(end, "of")
            || !self.follows_year(end, Cue::Weak)
        {
            return None;
        }
        let raw = match chain?.raw {
            Raw::Exact(d) => exact(DatePoint::day(d.year, u32::from(d.month?), day)),
            Raw::DayMonth { month, dir, .. } => Raw::DayMonth {
                day,
                month,
                weekday: None,
                dir,
            },
            _ => return None,
        };
        Some(Match { start: i, end, raw })
    }
}
