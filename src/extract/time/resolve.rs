//! An expression as the text gives it ([`Raw`]) and its anchoring to a
//! date: the year of a year-less day or month, the weekday before or after
//! the article's date, days, weeks, months and years counted from it.
//!
//! Pure calendar arithmetic on what the matchers read; it does not look at
//! the text again, and asks the caller (a closure) for the tense only when
//! a weekday alone needs it.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::extract::date::{DatePoint, Precision};

/// Which way a year-less date or a weekday points from the anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(super) enum Dir {
    /// Nothing said: the tense (weekdays) or the nearest-past rule (dates).
    Context,
    /// `dernier`, `last`: strictly before the anchor.
    Past,
    /// `prochain`, `next`: strictly after the anchor.
    Future,
    /// Nothing said, but the clause speaks of the future: on or after the
    /// anchor (set by `resolve`, never by a matcher).
    Onward,
}

/// An expression as the text gives it, before the anchor is applied.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub(super) enum Raw {
    /// Fully given by the text (numeric date, day-month-year, month-year,
    /// year).
    Exact(DatePoint),
    /// Has the shape of a date but is none (`31/02/2017`): consumed so that
    /// its pieces are not read as something else, never returned.
    Invalid,
    /// A day and month, the year from the anchor.
    DayMonth {
        day: u32,
        month: u32,
        weekday: Option<Weekday>,
        dir: Dir,
    },
    /// A month, the year from the anchor.
    Month {
        month: u32,
        dir: Dir,
    },
    Weekday {
        weekday: Weekday,
        dir: Dir,
    },
    /// Days from the anchor (`hier` is -1).
    Days(i64),
    /// Weeks from the anchor, resolved to a month.
    Weeks(i64),
    Months(i32),
    Years(i32),
}

impl Raw {
    pub(super) fn is_day(&self) -> bool {
        match self {
            Raw::DayMonth { .. } => true,
            Raw::Exact(d) => d.precision() == Precision::Day,
            _ => false,
        }
    }

    /// The month a day or a month names, when the text gives it.
    pub(super) fn month(&self) -> Option<u32> {
        match self {
            Raw::DayMonth { month, .. } | Raw::Month { month, .. } => Some(*month),
            Raw::Exact(d) => d.month.map(u32::from),
            _ => None,
        }
    }

    pub(super) fn is_month(&self) -> bool {
        match self {
            Raw::Month { .. } => true,
            Raw::Exact(d) => d.precision() == Precision::Month,
            _ => false,
        }
    }

    pub(super) fn is_year(&self) -> bool {
        matches!(self, Raw::Exact(d) if d.precision() == Precision::Year)
    }
}

/// A day given with numbers; `Invalid` when the calendar has no such day.
pub(super) fn day_raw(
    day: u32,
    month: u32,
    year: Option<i32>,
    weekday: Option<Weekday>,
    dir: Dir,
) -> Raw {
    match year {
        // The number wins over a contradicting weekday when the year is
        // written out.
        Some(y) => exact(DatePoint::day(y, month, day)),
        None => Raw::DayMonth {
            day,
            month,
            weekday,
            dir,
        },
    }
}

pub(super) fn exact(date: Option<DatePoint>) -> Raw {
    date.map_or(Raw::Invalid, Raw::Exact)
}

/// A year-less month more than this many months after the anchor's month is
/// taken from the year before (an article of January speaking of December).
const ROLL_BACK_MONTHS: u32 = 2;

pub(super) fn resolve(
    raw: Raw,
    anchor: Option<DatePoint>,
    future: impl FnOnce() -> bool,
) -> Option<DatePoint> {
    match raw {
        Raw::Exact(d) => Some(d),
        Raw::Invalid => None,
        Raw::DayMonth {
            day,
            month,
            weekday,
            dir,
        } => {
            let year = infer_year(month, Some(day), anchor?, onward(dir, future))?;
            day_with_weekday(year, month, day, weekday)
        }
        Raw::Month { month, dir } => DatePoint::month(
            infer_year(month, None, anchor?, onward(dir, future))?,
            month,
        ),
        Raw::Weekday { weekday, dir } => {
            let anchor = anchor?.naive()?;
            let date = match dir {
                Dir::Past => weekday_before(anchor, weekday, true),
                Dir::Future | Dir::Onward => weekday_after(anchor, weekday),
                Dir::Context if future() => weekday_from(anchor, weekday),
                Dir::Context => weekday_before(anchor, weekday, false),
            };
            date.map(DatePoint::from_naive)
        }
        Raw::Days(n) => shift_days(anchor?.naive()?, n).map(DatePoint::from_naive),
        Raw::Weeks(n) => {
            let date = shift_days(anchor?.naive()?, n.checked_mul(7)?)?;
            Some(DatePoint::from_naive(date).truncate(Precision::Month))
        }
        Raw::Months(n) => {
            let anchor = anchor?;
            shift_month(anchor.year, anchor.month?, n)
        }
        Raw::Years(n) => Some(DatePoint::year(anchor?.year.checked_add(n)?)),
    }
}

/// A year-less day or month in a clause about the future points onward
/// (`le festival aura lieu du 9 au 11 juillet`, said in March, is this
/// July, not the last one).
fn onward(dir: Dir, future: impl FnOnce() -> bool) -> Dir {
    match dir {
        Dir::Context if future() => Dir::Onward,
        d => d,
    }
}

/// The year of a year-less month (and day) under the anchor.
fn infer_year(month: u32, day: Option<u32>, anchor: DatePoint, dir: Dir) -> Option<i32> {
    let year = anchor.year;
    let Some(anchor_month) = anchor.month.map(u32::from) else {
        // Known only to the year: nothing tells whether `dernier` crosses it.
        return matches!(dir, Dir::Context | Dir::Onward).then_some(year);
    };
    let anchor_day = anchor.day.map(u32::from);
    match dir {
        Dir::Context if month > anchor_month + ROLL_BACK_MONTHS => year.checked_sub(1),
        Dir::Context => Some(year),
        Dir::Past if is_before(month, day, anchor_month, anchor_day) => Some(year),
        Dir::Past => year.checked_sub(1),
        Dir::Future if is_after(month, day, anchor_month, anchor_day) => Some(year),
        Dir::Future => year.checked_add(1),
        // The anchor's own month (or day) is still ahead.
        Dir::Onward if month > anchor_month => Some(year),
        Dir::Onward if month == anchor_month && day.zip(anchor_day).is_none_or(|(d, a)| d >= a) => {
            Some(year)
        }
        Dir::Onward => year.checked_add(1),
    }
}

/// Whether (month, day) falls strictly before the anchor within one year; a
/// day in the anchor's month counts as before when the anchor has no day.
fn is_before(month: u32, day: Option<u32>, anchor_month: u32, anchor_day: Option<u32>) -> bool {
    if month != anchor_month {
        return month < anchor_month;
    }
    match (day, anchor_day) {
        (Some(d), Some(a)) => d < a,
        (Some(_), None) => true,
        (None, _) => false,
    }
}

fn is_after(month: u32, day: Option<u32>, anchor_month: u32, anchor_day: Option<u32>) -> bool {
    if month != anchor_month {
        return month > anchor_month;
    }
    match (day, anchor_day) {
        (Some(d), Some(a)) => d > a,
        (Some(_), None) => true,
        (None, _) => false,
    }
}

/// The day, moved to the neighbouring year when that is the one where the
/// given weekday matches (an article of early January about `jeudi 28
/// décembre`); the numbers win when no neighbour matches.
fn day_with_weekday(
    year: i32,
    month: u32,
    day: u32,
    weekday: Option<Weekday>,
) -> Option<DatePoint> {
    let date = DatePoint::day(year, month, day)?;
    let matches = |d: &DatePoint| d.naive().map(|n| n.weekday()) == weekday;
    if weekday.is_none() || matches(&date) {
        return Some(date);
    }
    let neighbours = [year.checked_sub(1), year.checked_add(1)];
    let fitting = neighbours
        .into_iter()
        .flatten()
        .filter_map(|y| DatePoint::day(y, month, day))
        .find(matches);
    Some(fitting.unwrap_or(date))
}

/// The nearest `weekday` on or before the anchor; strictly before when
/// `strict` (`lundi dernier` said on a Monday is a week ago). In news, a
/// weekday in the past tense equal to the anchor's is that very day.
fn weekday_before(anchor: NaiveDate, weekday: Weekday, strict: bool) -> Option<NaiveDate> {
    let from = anchor.weekday().num_days_from_monday();
    let to = weekday.num_days_from_monday();
    let mut back = (from + 7 - to) % 7;
    if back == 0 && strict {
        back = 7;
    }
    anchor.checked_sub_days(Days::new(u64::from(back)))
}

/// The nearest `weekday` strictly after the anchor.
fn weekday_after(anchor: NaiveDate, weekday: Weekday) -> Option<NaiveDate> {
    let from = anchor.weekday().num_days_from_monday();
    let to = weekday.num_days_from_monday();
    let ahead = match (to + 7 - from) % 7 {
        0 => 7,
        n => n,
    };
    anchor.checked_add_days(Days::new(u64::from(ahead)))
}

/// The nearest `weekday` on or after the anchor: news names the day it is
/// published by its weekday (`the draw takes place on Sunday evening` in a
/// Sunday paper), so a future weekday equal to the anchor's is that day;
/// `next Sunday` (an explicit [`Dir::Future`]) is the one a week on.
fn weekday_from(anchor: NaiveDate, weekday: Weekday) -> Option<NaiveDate> {
    if anchor.weekday() == weekday {
        return Some(anchor);
    }
    weekday_after(anchor, weekday)
}

fn shift_days(date: NaiveDate, n: i64) -> Option<NaiveDate> {
    let days = Days::new(n.unsigned_abs());
    if n >= 0 {
        date.checked_add_days(days)
    } else {
        date.checked_sub_days(days)
    }
}

fn shift_month(year: i32, month: u8, n: i32) -> Option<DatePoint> {
    let index = i64::from(year) * 12 + i64::from(month) - 1 + i64::from(n);
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = u32::try_from(index.rem_euclid(12) + 1).ok()?;
    DatePoint::month(year, month)
}
