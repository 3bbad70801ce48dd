//! Dates for the generator: the archive's span, the calendar (days since
//! 1970-01-01), and temporal expressions as French and English reporters
//! write them.

use super::Rng;
use super::article::Lang;
use super::data::*;

/// First and last day of the archive: 2010-01-01 to 2024-12-31.
pub const FIRST_DAY: i64 = 14_610;
pub const LAST_DAY: i64 = 20_088;

/// A temporal expression near day `a` (the article's date), in one of the
/// forms reporters use.
pub fn expression(rng: &mut Rng, lang: Lang, a: i64) -> String {
    let back = |rng: &mut Rng, n: usize| a - 1 - rng.below(n) as i64;
    let roll = rng.below(100);
    match lang {
        Lang::Fr => match roll {
            0..=17 => {
                let t = if rng.chance(0.2) {
                    a + 1 + rng.below(6) as i64
                } else {
                    back(rng, 6)
                };
                let (_, m, d) = civil_from_days(t);
                format!(
                    "{} {} {}",
                    WEEKDAYS_FR[weekday(t)],
                    day_fr(d),
                    MONTHS_FR[m - 1]
                )
            }
            18..=32 => {
                let (_, m, d) = civil_from_days(back(rng, 40));
                format!("le {} {}", day_fr(d), MONTHS_FR[m - 1])
            }
            33..=42 => {
                let (y, m, _) = civil_from_days(a - 30 * (1 + rng.below(36)) as i64);
                format!("en {} {y}", MONTHS_FR[m - 1])
            }
            43..=50 => {
                let (y, m, d) = civil_from_days(back(rng, 400));
                format!("le {d:02}/{m:02}/{y}")
            }
            51..=58 => format!("en {}", civil_from_days(a).0 - 1 - rng.below(8) as i64),
            59..=70 => WEEKDAYS_FR[weekday(back(rng, 6))].to_string(),
            71..=82 => (*rng.pick(&[
                "hier",
                "la semaine dernière",
                "l'année dernière",
                "avant-hier",
                "le mois dernier",
                "ce matin",
            ]))
            .to_string(),
            83..=90 => {
                let (y, m, d) = civil_from_days(a);
                format!("ce {} {} {y}", day_fr(d), MONTHS_FR[m - 1])
            }
            _ => {
                let (y, m, d) = civil_from_days(back(rng, 2000));
                format!("le {} {} {y}", day_fr(d), MONTHS_FR[m - 1])
            }
        },
        Lang::En => match roll {
            0..=19 => format!("on {}", WEEKDAYS_EN[weekday(back(rng, 6))]),
            20..=34 => {
                let (y, m, d) = civil_from_days(back(rng, 600));
                format!("on {} {d}, {y}", MONTHS_EN[m - 1])
            }
            35..=44 => {
                let (y, m, d) = civil_from_days(back(rng, 600));
                format!("on {} {d}, {y}", MONTHS_EN_ABBR[m - 1])
            }
            45..=56 => {
                let (y, m, _) = civil_from_days(a - 30 * (1 + rng.below(36)) as i64);
                format!("in {} {y}", MONTHS_EN[m - 1])
            }
            57..=72 => (*rng.pick(&[
                "last week",
                "yesterday",
                "last year",
                "last month",
                "earlier this week",
            ]))
            .to_string(),
            73..=82 => format!("in {}", civil_from_days(a).0 - 1 - rng.below(8) as i64),
            _ => {
                let (_, m, d) = civil_from_days(back(rng, 40));
                format!("on {} {d}", MONTHS_EN[m - 1])
            }
        },
    }
}

pub fn day_fr(d: u32) -> String {
    if d == 1 { "1er".into() } else { d.to_string() }
}

/// Days since 1970-01-01 to (year, month 1-12, day 1-31) (H. Hinnant's
/// `civil_from_days`).
pub fn civil_from_days(z: i64) -> (i64, usize, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as usize;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// 0 is Sunday (1970-01-01 was a Thursday).
pub fn weekday(z: i64) -> usize {
    (z + 4).rem_euclid(7) as usize
}
