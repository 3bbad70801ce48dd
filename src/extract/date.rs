//! Calendar dates at a known precision: what a temporal expression or an
//! article header resolves to. A `DatePoint` never claims more precision than
//! the text gave (a month stays a month).

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Serialize};

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Precision {
    Year,
    Month,
    Day,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
        }
    }
}

/// A date known to the year, the month or the day.
///
/// Invariant: `day` is only set when `month` is, and a full date is a real
/// calendar day (constructors check it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DatePoint {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl DatePoint {
    pub fn year(year: i32) -> Self {
        DatePoint {
            year,
            month: None,
            day: None,
        }
    }

    /// `None` when the month is out of range.
    pub fn month(year: i32, month: u32) -> Option<Self> {
        (1..=12).contains(&month).then_some(DatePoint {
            year,
            month: Some(month as u8),
            day: None,
        })
    }

    /// `None` when the day does not exist in that month (30 February).
    pub fn day(year: i32, month: u32, day: u32) -> Option<Self> {
        chrono::NaiveDate::from_ymd_opt(year, month, day)?;
        Some(DatePoint {
            year,
            month: Some(month as u8),
            day: Some(day as u8),
        })
    }

    pub fn from_naive(d: chrono::NaiveDate) -> Self {
        use chrono::Datelike;
        DatePoint {
            year: d.year(),
            month: Some(d.month() as u8),
            day: Some(d.day() as u8),
        }
    }

    /// The calendar day, when known to the day.
    pub fn naive(&self) -> Option<chrono::NaiveDate> {
        chrono::NaiveDate::from_ymd_opt(self.year, self.month? as u32, self.day? as u32)
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The same date cut down to a coarser precision (never refined).
    pub fn truncate(&self, p: Precision) -> Self {
        match p.min(self.precision()) {
            Precision::Year => DatePoint::year(self.year),
            Precision::Month => DatePoint { day: None, ..*self },
            Precision::Day => *self,
        }
    }

    /// Whether `other` falls within this date (2017-11 contains 2017-11-20).
    pub fn contains(&self, other: &DatePoint) -> bool {
        other.truncate(self.precision()) == *self
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Self> {
        let mut it = s.trim().split('-');
        let y = it.next()?;
        if y.len() != 4 {
            return None;
        }
        let year: i32 = y.parse().ok()?;
        let Some(m) = it.next() else {
            return Some(DatePoint::year(year));
        };
        let month: u32 = m.parse().ok()?;
        let Some(d) = it.next() else {
            return DatePoint::month(year, month);
        };
        if it.next().is_some() {
            return None;
        }
        DatePoint::day(year, month, d.parse().ok()?)
    }

    /// A key that sorts dates chronologically, a coarser date before the
    /// finer dates it contains.
    pub fn sort_key(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(0), self.day.unwrap_or(0))
    }
}

impl PartialOrd for DatePoint {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for DatePoint {
    fn cmp(&self, other: &Self) -> Ordering {
        self.sort_key().cmp(&other.sort_key())
    }
}

impl fmt::Display for DatePoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month, self.day) {
            (Some(m), Some(d)) => write!(f, "{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => write!(f, "{:04}-{:02}", self.year, m),
            _ => write!(f, "{:04}", self.year),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_display_round_trip() {
        for s in ["2017", "2017-11", "2017-11-20"] {
            assert_eq!(DatePoint::parse(s).unwrap().to_string(), s);
        }
        assert_eq!(DatePoint::parse("2017-02-30"), None);
        assert_eq!(DatePoint::parse("2017-13"), None);
        assert_eq!(DatePoint::parse("17-11"), None);
    }

    #[test]
    fn precision_and_containment() {
        let m = DatePoint::parse("2017-11").unwrap();
        let d = DatePoint::parse("2017-11-20").unwrap();
        assert_eq!(m.precision(), Precision::Month);
        assert!(m.contains(&d));
        assert!(!d.contains(&m));
        assert!(m < d);
        assert_eq!(d.truncate(Precision::Year).to_string(), "2017");
    }
}
