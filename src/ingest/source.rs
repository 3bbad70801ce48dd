//! Where an article came from: the outlet, its URL, author and timestamps,
//! as the page, feed, export or message gave them (plain text gives none).
//! Timestamps keep their zone; the article's day is read from them in that
//! zone, as its readers saw it. Parsing here accepts the forms feeds, pages
//! and news APIs write (RFC 3339, RFC 2822, `YYYY-MM-DD HH:MM:SS`, GDELT's
//! `20261130T074500Z`, Unix seconds); what it cannot read is no timestamp.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::format::Format;
use crate::extract::date::DatePoint;

/// An article's origin. Everything but `format` is optional: plain text
/// files say nothing of it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub format: Format,
    /// The outlet: a site name, a feed's title, a newsletter's sender.
    pub outlet: Option<String>,
    /// The article's own address (canonical URL, item link).
    pub url: Option<String>,
    pub author: Option<String>,
    pub published: Option<Timestamp>,
    pub modified: Option<Timestamp>,
    /// A feed item's id, which finds the same item in two feeds.
    pub guid: Option<String>,
    /// The item carried only a summary, not the article's text.
    pub summary_only: bool,
}

impl Source {
    pub fn new(format: Format) -> Source {
        Source {
            format,
            ..Source::default()
        }
    }

    /// The outlet as lists show it: the name, else the URL's host.
    pub fn label(&self) -> Option<&str> {
        self.outlet
            .as_deref()
            .or_else(|| self.url.as_deref().and_then(host))
    }
}

/// The host part of an `http(s)://` URL.
pub fn host(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

/// A moment with the zone it was given in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timestamp(pub DateTime<FixedOffset>);

impl Timestamp {
    /// The calendar day in the timestamp's own zone.
    pub fn day(&self) -> DatePoint {
        DatePoint::from_naive(self.0.date_naive())
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.to_rfc3339())
    }
}

// As RFC 3339 text, in the export and the model cache alike.
impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        DateTime::parse_from_rfc3339(&s)
            .map(Timestamp)
            .map_err(serde::de::Error::custom)
    }
}

/// What a date field said: a moment, or only a day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum When {
    At(Timestamp),
    Day(DatePoint),
}

impl When {
    pub fn day(&self) -> DatePoint {
        match self {
            When::At(t) => t.day(),
            When::Day(d) => *d,
        }
    }

    pub fn stamp(&self) -> Option<Timestamp> {
        match self {
            When::At(t) => Some(*t),
            When::Day(_) => None,
        }
    }
}

/// Reads a date or timestamp in any of the forms the module names. A time
/// without a zone is taken as UTC, as news APIs that omit it mean.
pub fn parse_when(s: &str) -> Option<When> {
    let s = s.trim();
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(When::At(Timestamp(t)));
    }
    if let Ok(t) = DateTime::parse_from_rfc2822(s) {
        return Some(When::At(Timestamp(t)));
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M%z",
    ] {
        if let Ok(t) = DateTime::parse_from_str(s, f) {
            return Some(When::At(Timestamp(t)));
        }
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
        "%Y%m%dT%H%M%SZ",
        "%Y%m%d%H%M%S",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, f) {
            return Some(When::At(utc(t)));
        }
    }
    if let Some(rest) = s.strip_suffix('Z')
        && let Ok(t) = NaiveDateTime::parse_from_str(rest, "%Y-%m-%dT%H:%M:%S%.f")
    {
        return Some(When::At(utc(t)));
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(When::Day(DatePoint::from_naive(d)));
    }
    if s.len() >= 9 && s.bytes().all(|b| b.is_ascii_digit()) {
        return unix(s.parse().ok()?);
    }
    None
}

/// Seconds (or, past year 2286 in seconds, milliseconds) since 1970.
pub fn unix(n: i64) -> Option<When> {
    let secs = if n > 10_000_000_000 { n / 1000 } else { n };
    let t = Utc.timestamp_opt(secs, 0).single()?;
    Some(When::At(Timestamp(t.fixed_offset())))
}

fn utc(t: NaiveDateTime) -> Timestamp {
    Timestamp(Utc.from_utc_datetime(&t).fixed_offset())
}

/// A chrono UTC time (as feed-rs and mail-parser give) as a timestamp.
pub fn from_utc(t: DateTime<Utc>) -> Timestamp {
    Timestamp(t.fixed_offset())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_of_dates() {
        let at = |s: &str| match parse_when(s) {
            Some(When::At(t)) => t.to_string(),
            other => format!("{other:?}"),
        };
        assert_eq!(at("2026-11-30T07:45:00+01:00"), "2026-11-30T07:45:00+01:00");
        assert_eq!(
            at("Mon, 30 Nov 2026 07:45:00 +0100"),
            "2026-11-30T07:45:00+01:00"
        );
        assert_eq!(at("2026-11-30 07:45:00"), "2026-11-30T07:45:00+00:00");
        assert_eq!(at("20261130T074500Z"), "2026-11-30T07:45:00+00:00");
        assert_eq!(
            at("2026-11-30T07:45:00.123Z"),
            "2026-11-30T07:45:00.123+00:00"
        );
        assert_eq!(at("1796024700"), "2026-11-30T07:45:00+00:00");
        assert_eq!(
            parse_when("2026-11-30").unwrap().day().to_string(),
            "2026-11-30"
        );
        assert_eq!(parse_when("yesterday"), None);
        assert_eq!(parse_when("2026-02-30"), None);
    }

    #[test]
    fn the_day_is_the_zone_s_own() {
        let w = parse_when("2026-11-30T23:30:00-05:00").unwrap();
        assert_eq!(w.day().to_string(), "2026-11-30");
    }

    #[test]
    fn labels_fall_back_to_the_host() {
        let mut s = Source::new(Format::Html);
        s.url = Some("https://www.example.org/a/b?c".into());
        assert_eq!(s.label(), Some("example.org"));
        s.outlet = Some("Le Quotidien".into());
        assert_eq!(s.label(), Some("Le Quotidien"));
    }
}
