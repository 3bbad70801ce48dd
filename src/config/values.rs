//! Values in config.toml that are more than a string: event types, date
//! ranges, languages, sort orders, panes, queries. Each is parsed while the
//! file is read, so a bad value fails with the file, line and column of the
//! value itself (toml attaches the span of the value being read), and a
//! near miss gets a suggestion.

use serde::{Deserialize, Deserializer, de::Error as _};

use crate::app::Pane;
use crate::extract::kind::EventType;
use crate::extract::lang::Lang;
use crate::search::Sort;
use crate::search::query::{self, DateRange};

pub use crate::search::suggest::{did_you_mean, suggestion};

/// A value that config.toml writes as a string.
pub trait FromConfig: Sized {
    fn from_config(s: &str) -> Result<Self, String>;
}

impl FromConfig for EventType {
    fn from_config(s: &str) -> Result<Self, String> {
        let code = s.trim().to_lowercase().replace('-', "_");
        let codes = EventType::ALL.map(EventType::code);
        EventType::from_word(&code).ok_or_else(|| {
            format!(
                "unknown event type `{s}` (one of: {}){}",
                codes.join(", "),
                suggestion(&code, codes)
            )
        })
    }
}

impl FromConfig for Lang {
    fn from_config(s: &str) -> Result<Self, String> {
        Lang::from_code(s.trim()).ok_or_else(|| format!("unknown language `{s}` (fr or en)"))
    }
}

impl FromConfig for Sort {
    fn from_config(s: &str) -> Result<Self, String> {
        Sort::from_name(s).ok_or_else(|| {
            format!(
                "unknown sort `{s}` (one of: {}){}",
                Sort::names().join(", "),
                suggestion(s, Sort::names())
            )
        })
    }
}

impl FromConfig for DateRange {
    fn from_config(s: &str) -> Result<Self, String> {
        let bad = || {
            format!(
                "bad date range `{s}`: write YYYY, YYYY-MM, YYYY-MM-DD or FROM..TO (2015..2017)"
            )
        };
        let r = DateRange::parse(s.trim()).map_err(|_| bad())?;
        if let (Some(from), Some(to)) = (r.from, r.to)
            && from.sort_key() > to.sort_key()
            && !from.contains(&to)
            && !to.contains(&from)
        {
            return Err(format!(
                "bad date range `{s}`: it ends ({to}) before it starts ({from})"
            ));
        }
        Ok(r)
    }
}

/// The names of the panes, as config.toml and presets write them.
pub const PANE_NAMES: [&str; 3] = ["articles", "entities", "timeline"];

/// A pane's name in config.toml.
pub fn pane_name(p: Pane) -> &'static str {
    match p {
        Pane::Articles => PANE_NAMES[0],
        Pane::Entities => PANE_NAMES[1],
        Pane::Timeline => PANE_NAMES[2],
    }
}

impl FromConfig for Pane {
    fn from_config(s: &str) -> Result<Self, String> {
        match s.trim().to_lowercase().as_str() {
            "articles" => Ok(Pane::Articles),
            "entities" => Ok(Pane::Entities),
            "timeline" | "events" => Ok(Pane::Timeline),
            _ => Err(format!(
                "unknown pane `{s}` (one of: {}){}",
                PANE_NAMES.join(", "),
                suggestion(s, PANE_NAMES)
            )),
        }
    }
}

/// A query in the dashboard's syntax; every term must parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryText(pub String);

impl FromConfig for QueryText {
    fn from_config(s: &str) -> Result<Self, String> {
        let (_, errors) = query::parse(s);
        match errors.first() {
            Some(e) => Err(format!("bad query `{s}`: {}", e.0)),
            None => Ok(QueryText(s.trim().to_string())),
        }
    }
}

/// serde `deserialize_with` for an optional [`FromConfig`] value.
pub fn optional<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: FromConfig,
{
    Option::<String>::deserialize(d)?
        .map(|s| T::from_config(&s).map_err(D::Error::custom))
        .transpose()
}

/// serde `deserialize_with` for an optional query string.
pub fn optional_query<'de, D>(d: D) -> Result<Option<String>, D::Error>
where
    D: Deserializer<'de>,
{
    Ok(optional::<D, QueryText>(d)?.map(|q| q.0))
}

/// serde `deserialize_with` for an optional non-empty string.
pub fn optional_nonempty<'de, D>(d: D) -> Result<Option<String>, D::Error>
where
    D: Deserializer<'de>,
{
    match Option::<String>::deserialize(d)? {
        Some(s) if s.trim().is_empty() => Err(D::Error::custom("empty string: leave the key out")),
        other => Ok(other.map(|s| s.trim().to_string())),
    }
}

/// [`optional_nonempty`] for one line of text shown on screen (a
/// description): control, bidi, zero-width and separator characters are
/// spaces, so that a pasted description cannot drive or garble the
/// terminal.
pub fn optional_line<'de, D>(d: D) -> Result<Option<String>, D::Error>
where
    D: Deserializer<'de>,
{
    Ok(optional_nonempty(d)?.map(|s| super::cli_safe(&s)))
}

/// A size in bytes, written as a number of bytes or as a string with a
/// unit: `"64 MB"`, `"512 KiB"`, `"2 GB"` (kB, MB, GB are powers of ten;
/// KiB, MiB, GiB powers of two).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByteSize(pub u64);

impl ByteSize {
    fn parse(s: &str) -> Result<Self, String> {
        let s = s.trim();
        let digits = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
        let (number, unit) = s.split_at(digits);
        let bad = || format!("bad size `{s}`: write a number of bytes, or as in \"64 MB\"");
        let number: u64 = number.parse().map_err(|_| bad())?;
        let factor: u64 = match unit.trim().to_ascii_lowercase().as_str() {
            "" | "b" => 1,
            "kb" => 1_000,
            "mb" => 1_000_000,
            "gb" => 1_000_000_000,
            "kib" => 1 << 10,
            "mib" => 1 << 20,
            "gib" => 1 << 30,
            _ => return Err(bad()),
        };
        number.checked_mul(factor).map(ByteSize).ok_or_else(bad)
    }
}

impl<'de> Deserialize<'de> for ByteSize {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Bytes(u64),
            Text(String),
        }
        let size = match Written::deserialize(d)
            .map_err(|_| D::Error::custom("a size: a number of bytes, or as in \"64 MB\""))?
        {
            Written::Bytes(n) => ByteSize(n),
            Written::Text(s) => ByteSize::parse(&s).map_err(D::Error::custom)?,
        };
        if size.0 == 0 {
            return Err(D::Error::custom("a size of 0 would read nothing"));
        }
        Ok(size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_take_units() {
        for (text, bytes) in [
            ("10", 10),
            ("64 MB", 64_000_000),
            ("64MiB", 64 << 20),
            ("2 kb", 2_000),
            ("1 GiB", 1 << 30),
        ] {
            assert_eq!(ByteSize::parse(text), Ok(ByteSize(bytes)), "{text}");
        }
        for bad in ["", "MB", "1.5 MB", "12 parsecs", "99999999999999 GB"] {
            assert!(ByteSize::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn suggestions_are_near_misses_only() {
        let keys = ["paths", "extensions"];
        assert_eq!(did_you_mean("pahts", keys), Some("paths"));
        assert_eq!(did_you_mean("path", keys), Some("paths"));
        assert_eq!(did_you_mean("extentions", keys), Some("extensions"));
        assert_eq!(did_you_mean("colour", keys), None);
        assert_eq!(
            did_you_mean("syria-militray", ["syria-military"]),
            Some("syria-military")
        );
    }

    #[test]
    fn values_parse_or_explain() {
        assert_eq!(
            EventType::from_config("phone-call"),
            Ok(EventType::PhoneCall)
        );
        let e = EventType::from_config("meting").unwrap_err();
        assert!(e.contains("did you mean `meeting`"), "{e}");
        assert_eq!(Sort::from_config("date-asc"), Ok(Sort::DateAsc));
        assert!(Sort::from_config("dtae").unwrap_err().contains("`date`"));
        assert!(DateRange::from_config("2015..2017").is_ok());
        assert!(DateRange::from_config("2017-11").is_ok());
        assert!(DateRange::from_config("2017-13").is_err());
        assert!(
            DateRange::from_config("2017..2015")
                .unwrap_err()
                .contains("before it starts")
        );
        assert_eq!(Pane::from_config("Timeline"), Ok(Pane::Timeline));
        assert!(
            Pane::from_config("timelin")
                .unwrap_err()
                .contains("`timeline`")
        );
        assert!(QueryText::from_config("@poutine #meeting").is_ok());
        assert!(QueryText::from_config("#party").is_err());
    }
}
