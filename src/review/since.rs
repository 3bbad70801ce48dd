//! `--since`: what `is:new` counts from, as a date (`2026-11-30`, local
//! midnight being too vague for a cron job, it is midnight UTC), a
//! moment (`2026-11-30T07:00:00+01:00`), or an age (`2d`, `12h`, `30m`,
//! `1w`).

use chrono::{DateTime, NaiveDate};

/// The moment `s` names, in Unix milliseconds, given the time now.
pub fn parse(s: &str, now_ms: u64) -> Result<u64, String> {
    let s = s.trim();
    if let Some(age) = age_ms(s) {
        return Ok(now_ms.saturating_sub(age?));
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t.timestamp_millis().max(0) as u64);
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        let midnight = d.and_hms_opt(0, 0, 0).expect("midnight exists");
        return Ok(midnight.and_utc().timestamp_millis().max(0) as u64);
    }
    Err(format!(
        "--since {s}: not a date (2026-11-30), a moment (RFC 3339) or an age (2d, 12h, 30m, 1w)"
    ))
}

/// An age like `2d` in milliseconds; `None` when `s` is not number+unit.
fn age_ms(s: &str) -> Option<Result<u64, String>> {
    let unit = s.chars().last()?;
    let per: u64 = match unit {
        'm' => 60_000,
        'h' => 3_600_000,
        'd' => 86_400_000,
        'w' => 7 * 86_400_000,
        _ => return None,
    };
    let n: u64 = s[..s.len() - 1].parse().ok()?;
    Some(
        n.checked_mul(per)
            .ok_or_else(|| format!("--since {s}: too long ago")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: u64 = 1_764_633_600_000; // 2025-12-02T00:00:00Z

    #[test]
    fn ages_dates_and_moments() {
        assert_eq!(parse("2d", NOW), Ok(NOW - 2 * 86_400_000));
        assert_eq!(parse("12h", NOW), Ok(NOW - 12 * 3_600_000));
        assert_eq!(parse("30m", NOW), Ok(NOW - 1_800_000));
        assert_eq!(parse("1w", NOW), Ok(NOW - 7 * 86_400_000));
        assert_eq!(parse("2025-12-01", NOW), Ok(NOW - 86_400_000));
        assert_eq!(
            parse("2025-12-01T01:00:00+01:00", NOW),
            Ok(NOW - 86_400_000)
        );
    }

    #[test]
    fn nonsense_is_refused_with_the_forms_it_takes() {
        for bad in [
            "yesterday",
            "2x",
            "d",
            "2025-13-01",
            "99999999999999999999w",
        ] {
            let e = parse(bad, NOW).unwrap_err();
            assert!(e.contains("--since"), "{bad}: {e}");
        }
    }
}
