//! Temporal expressions in news sentences, resolved against the article's date.
//!
//! [`find_dates`] scans one sentence token by token (hand-written, no regex)
//! and recognises, in French and English: numeric dates (`21/11/2017`,
//! `2017-11-21`), day-month phrases with an optional weekday and year
//! (`lundi 20 novembre`, `Tuesday, Oct. 20`, `October 20, 2015`), months
//! (`en décembre 2022`, `in August`), years introduced by a cue word
//! (`en 2015`, `since 2011`, `l'automne 2015`), parts of a month or a year
//! (`fin octobre`, `mid-2016`), weekdays alone (`mardi`, `on Tuesday`) and
//! relative words (`hier`, `la veille`, `last week`, `l'an dernier`). Each is
//! resolved to a [`DatePoint`] at the precision the text gives, the anchor
//! (the article's own date) filling in what the text leaves out.
//!
//! [`self_date`] finds the date an article gives for itself (`ce 21
//! novembre`, a dateline), and [`is_future`] tells whether a clause speaks of
//! the future, which decides which way a weekday alone points.
//!
//! What it does not do: times of day; durations (`depuis trois semaines`,
//! `for three weeks` are never dates); intervals as such (`du 20 au 22
//! novembre` yields two days, not a range); dates relative to another event
//! (`la veille du sommet`). An expression the anchor cannot resolve honestly
//! (a weekday alone under an anchor known only to the month, a year-less day
//! without anchor) is left out rather than guessed.
//!
//! Where things are: `tokens` cuts the text, `pieces` reads one day, year or
//! name, `scan`, `years` and `relative` match whole expressions, `dateline`
//! and `tense` judge their context, `resolve` applies the anchor, and `words`
//! holds the vocabulary they share.

mod date_lines;
mod dateline;
mod pieces;
mod relative;
mod resolve;
mod scan;
mod tense;
mod tokens;
mod words;
mod years;

#[cfg(test)]
mod date_line_tests;
#[cfg(test)]
mod tests;

use std::ops::Range;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, Weekday};

use memchr::memmem;

use crate::extract::date::{DatePoint, Precision};
use crate::extract::lang::Lang;
use resolve::{Dir, Raw, resolve};
use tokens::{Scan, ascii_lowercase};
use words::may_hold_a_date;

pub use date_lines::{DateLine, Stamp, article_date, date_lines, is_date_line};

/// One temporal expression found in a sentence, resolved to a date.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeExpr {
    /// Byte range of the expression in the sentence given to `find_dates`.
    pub start: usize,
    pub end: usize,
    pub date: DatePoint,
    /// True when resolution needed the anchor (weekday alone, hier, la
    /// veille, year-less day, last week...).
    pub relative: bool,
}

/// Finds and resolves the temporal expressions of one sentence against the
/// article's date (`anchor`, which may be known to the day, the month, the
/// year, or be unknown).
///
/// Expressions that cannot be resolved honestly are left out (a weekday
/// alone with an anchor known only to the month, a year-less day with no
/// anchor...). Durations are never dates. Results in text order,
/// non-overlapping (the longest expression wins).
pub fn find_dates(sentence: &str, anchor: Option<DatePoint>, lang: Lang) -> Vec<TimeExpr> {
    resolve_candidates(&candidates(sentence, lang), anchor)
}

/// An expression of a sentence as the text gives it, before an anchor
/// resolves it: what [`find_dates`] reads, which no anchor changes. See
/// [`candidates`] and [`resolve_candidates`].
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Candidate {
    /// Byte range in the sentence.
    start: usize,
    end: usize,
    raw: Raw,
    /// For a weekday alone with no direction word: whether its clause
    /// speaks of the future (see [`is_future`]).
    future: bool,
}

impl Candidate {
    /// Byte range in the sentence.
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }

    /// A date the text writes out with its year (`in 2022`, `March 2023`,
    /// `12 March 2024`): what no anchor changes and what a dateline's year
    /// is read from (see [`Dateline::date`]).
    pub fn written(&self) -> Option<DatePoint> {
        match self.raw {
            Raw::Exact(d) => Some(d),
            _ => None,
        }
    }

    /// A weekday the text gives as past (`on Tuesday` in a clause not in
    /// the future, `last Tuesday`): in a wire lead, the day of the dateline
    /// or near it.
    pub fn past_weekday(&self) -> Option<Weekday> {
        match self.raw {
            Raw::Weekday {
                weekday,
                dir: Dir::Context,
            } if !self.future => Some(weekday),
            Raw::Weekday {
                weekday,
                dir: Dir::Past,
            } => Some(weekday),
            _ => None,
        }
    }
}

/// The expressions of one sentence, for [`resolve_candidates`]: the part of
/// [`find_dates`] that does not depend on the anchor, so that resolving
/// against another anchor does not read the text again.
pub fn candidates(sentence: &str, lang: Lang) -> Vec<Candidate> {
    if !may_hold_a_date(sentence) {
        return Vec::new();
    }
    let lower = ascii_lowercase(sentence);
    let scan = Scan::new(sentence, &lower, lang);
    scan.matches()
        .into_iter()
        .filter_map(|m| {
            let (start, end) = scan.byte_range(&m)?;
            // Only a weekday alone, a day or a month without a year or a
            // direction word ask for the tense (see `resolve`); a day or a
            // month only from a marker of its own clause.
            let future = match m.raw {
                Raw::Weekday {
                    dir: Dir::Context, ..
                } => scan.future_at(m.start),
                Raw::DayMonth {
                    dir: Dir::Context, ..
                }
                | Raw::Month {
                    dir: Dir::Context, ..
                } => scan.future_marked_at(m.start),
                _ => false,
            };
            Some(Candidate {
                start,
                end,
                raw: m.raw,
                future,
            })
        })
        .collect()
}

/// [`find_dates`] of the sentence that gave `candidates`, against `anchor`.
pub fn resolve_candidates(candidates: &[Candidate], anchor: Option<DatePoint>) -> Vec<TimeExpr> {
    candidates
        .iter()
        .filter_map(|c| {
            let date = resolve(c.raw, anchor, || c.future)?;
            Some(TimeExpr {
                start: c.start,
                end: c.end,
                date,
                relative: !matches!(c.raw, Raw::Exact(_)),
            })
        })
        .collect()
}

/// A date that the text gives for the article itself: `ce 21 novembre
/// 2017`, `ce 23 janvier` (year from the anchor), `ce lundi 20 novembre`, a
/// dateline such as `November 21, 2017` or `MOSCOW, Nov. 21 (Reuters) -`
/// near the start of the text, `Published on 21 November 2017`.
///
/// Returns the day-precision date, or None. A plain `le 20 novembre` is not
/// a self date: it may be any day the article talks about.
pub fn self_date(text: &str, anchor: Option<DatePoint>, lang: Lang) -> Option<DatePoint> {
    // Only the head of the text (datelines) and the stretches after a cue
    // word can hold a self date: scanning just those keeps long articles cheap.
    self_date_windows(text)
        .into_iter()
        .find_map(|(start, end)| {
            let window = &text[start..end];
            let lower = ascii_lowercase(window);
            let scan = Scan::new(window, &lower, lang);
            scan.matches()
                .into_iter()
                .filter(|m| m.raw.is_day())
                .filter(|m| {
                    scan.says_this_day(m)
                        || scan.after_published(m.start)
                        || (start == 0 && scan.is_dateline(m))
                })
                .find_map(|m| resolve(m.raw, anchor, || false))
                .filter(|d| d.precision() == Precision::Day)
        })
}

/// A wire dateline heading the text (`KYIV, March 3 (Reuters) -`,
/// `BAMAKO, 14 mars (AFP) -`): where its date stands and what it says.
#[derive(Debug, Clone, PartialEq)]
pub struct Dateline {
    /// Byte range of the date in the text: no event is dated by it.
    pub range: Range<usize>,
    raw: Raw,
}

/// The dateline of `text`, when its head has one with a day.
pub fn dateline(text: &str, lang: Lang) -> Option<Dateline> {
    let (start, end) = *self_date_windows(text).first()?;
    let head = &text[start..end];
    let lower = ascii_lowercase(head);
    let scan = Scan::new(head, &lower, lang);
    let m = scan
        .matches()
        .into_iter()
        .find(|m| m.raw.is_day() && scan.is_dateline(m))?;
    let (a, b) = scan.byte_range(&m)?;
    Some(Dateline {
        range: start + a..start + b,
        raw: m.raw,
    })
}

/// What the rest of a text says that dates a dateline without a year.
#[derive(Debug, Default)]
pub struct DatelineEvidence {
    /// Dates written out with their year (see [`Candidate::written`]), each
    /// with whether its clause speaks of the future.
    pub written: Vec<(DatePoint, bool)>,
    /// Weekdays the lead gives as past (`on Tuesday`).
    pub lead_weekdays: Vec<Weekday>,
}

impl Dateline {
    /// The dateline's day. A dateline without a year takes it from the
    /// anchor, else from the rest of the text: the article is not older
    /// than what it reports as done, and news reports what is recent, so
    /// the year is the first in which the day falls on or after the latest
    /// date of a clause not in the future. Years written alone (`in 2022`)
    /// are weaker, since a background year may lie far behind the news:
    /// they date the dateline only through the weekday the lead names
    /// (`June 25 ... on Tuesday`), the first year from the latest that puts
    /// the day on it.
    pub fn date(
        &self,
        anchor: Option<DatePoint>,
        evidence: &DatelineEvidence,
    ) -> Option<DatePoint> {
        if let Some(d) = resolve(self.raw, anchor, || false) {
            return Some(d);
        }
        let Raw::DayMonth {
            day,
            month,
            weekday,
            ..
        } = self.raw
        else {
            return None;
        };
        let weekdays: Vec<Weekday> = weekday
            .into_iter()
            .chain(evidence.lead_weekdays.iter().copied())
            .collect();
        let on_weekday = |d: &DatePoint| {
            NaiveDate::from_ymd_opt(d.year, month, day)
                .is_some_and(|n| weekdays.contains(&n.weekday()))
        };
        let latest = |year_only: bool| {
            evidence
                .written
                .iter()
                .filter(|(d, future)| !future && (d.precision() == Precision::Year) == year_only)
                .map(|(d, _)| *d)
                .max()
        };
        if let Some(latest) = latest(false) {
            return dateline_years(day, month, latest).next();
        }
        dateline_years(day, month, latest(true)?).find(on_weekday)
    }
}

/// The days `day`/`month` on or after `latest` (compared at the precision
/// of `latest`), looking no more than a leap cycle ahead, earliest first.
fn dateline_years(day: u32, month: u32, latest: DatePoint) -> impl Iterator<Item = DatePoint> {
    (0..=4)
        .filter_map(move |k| DatePoint::day(latest.year.checked_add(k)?, month, day))
        .filter(move |d| d.truncate(latest.precision()) >= latest)
}

/// Byte ranges worth scanning for a self date, in text order: the first
/// bytes, then a stretch from each cue (`ce`, `published`, `publié`…).
/// Each ends at whitespace so that no date is cut in two.
fn self_date_windows(text: &str) -> Vec<(usize, usize)> {
    const HEAD: usize = 400;
    const STRETCH: usize = 160;
    const CUES: [&str; 7] = [
        "ce ",
        "published",
        "posted",
        "publi",
        "ligne",
        "updated",
        "Ce ",
    ];
    let end_at = |from: usize, len: usize| {
        let mut end = (from + len).min(text.len());
        while end < text.len()
            && (!text.is_char_boundary(end) || !text[end..].starts_with(char::is_whitespace))
        {
            end += 1;
        }
        end
    };
    let mut out = vec![(0, end_at(0, HEAD))];
    let head_end = out[0].1;
    // No cue overlaps itself, so its occurrences are its `match_indices`.
    static FINDERS: LazyLock<Vec<memmem::Finder<'static>>> =
        LazyLock::new(|| CUES.iter().map(memmem::Finder::new).collect());
    let tail = &text.as_bytes()[head_end..];
    let mut starts: Vec<usize> = FINDERS
        .iter()
        .flat_map(|f| f.find_iter(tail).map(|i| head_end + i))
        .filter(|&i| i == 0 || !text[..i].ends_with(char::is_alphanumeric))
        .collect();
    starts.sort_unstable();
    let mut last_end = head_end;
    for s in starts {
        // The published cue may sit a few words before the date: keep them.
        let start = s.max(last_end);
        if start >= text.len() {
            break;
        }
        let end = end_at(start, STRETCH);
        if end > start {
            out.push((start, end));
            last_end = end;
        }
    }
    out
}

/// Whether a clause speaks of the future (French future or near-future: `se
/// rendra`, `entretiendront`, `va rencontrer`, `doit participer`,
/// `prochain`; English `will`, `is to`, `is due to`, `next`), used to
/// resolve a weekday alone after the anchor instead of before.
pub fn is_future(clause: &str, lang: Lang) -> bool {
    Scan::new(clause, &ascii_lowercase(clause), lang).any_future()
}

/// Whether the clause around byte `at` of `sentence` is marked for the
/// future (see [`is_future`]): the verb nearest the date decides, not the
/// sentence (`He will replace X, who announced on Aug. 14, 2024 …`), and a
/// clause without a marker is not future.
pub fn is_future_at(sentence: &str, at: usize, lang: Lang) -> bool {
    are_future_at(sentence, &[at], lang)[0]
}

/// [`is_future_at`] of each byte of `ats`, in that order, from one reading
/// of the sentence: a sentence with several dates is not tokenised again
/// for each.
pub fn are_future_at(sentence: &str, ats: &[usize], lang: Lang) -> Vec<bool> {
    if ats.is_empty() {
        return Vec::new();
    }
    let lower = ascii_lowercase(sentence);
    let scan = Scan::new(sentence, &lower, lang);
    ats.iter()
        .map(|&at| {
            let idx = scan.toks.partition_point(|t| t.start < at);
            idx < scan.toks.len() && scan.future_marked_at(idx)
        })
        .collect()
}

#[cfg(test)]
mod future_at_tests {
    use super::*;

    /// The definition: the sentence read again for the one byte.
    fn one_at_a_time(sentence: &str, at: usize, lang: Lang) -> bool {
        let lower = ascii_lowercase(sentence);
        let scan = Scan::new(sentence, &lower, lang);
        let idx = scan.toks.iter().position(|t| t.start >= at);
        idx.is_some_and(|i| scan.future_marked_at(i))
    }

    #[test]
    fn each_date_of_a_sentence_read_at_once_is_read_as_alone() {
        let sentences = [
            (
                "He will replace Smith, who announced on Aug. 14, 2024 that he would leave on 3 March 2025.",
                Lang::En,
            ),
            (
                "Le ministre a annoncé le 3 mars 2024 qu'il se rendra à Kyiv le 12 avril 2024.",
                Lang::Fr,
            ),
            ("", Lang::Fr),
        ];
        for (s, lang) in sentences {
            // Every byte, past the end too: between tokens, inside them.
            let ats: Vec<usize> = (0..=s.len() + 1).rev().collect();
            let expected: Vec<bool> = ats.iter().map(|&a| one_at_a_time(s, a, lang)).collect();
            assert_eq!(are_future_at(s, &ats, lang), expected, "{s}");
            for (&a, &e) in ats.iter().zip(&expected) {
                assert_eq!(is_future_at(s, a, lang), e);
            }
        }
        let s = sentences[1].0;
        let futures = are_future_at(
            s,
            &[s.find("3 mars").unwrap(), s.find("12 avril").unwrap()],
            Lang::Fr,
        );
        assert_eq!(futures, [false, true]);
        assert!(are_future_at(s, &[], Lang::Fr).is_empty());
    }
}

#[cfg(test)]
mod window_tests {
    use super::*;

    #[test]
    fn a_self_date_far_into_a_long_text_is_found_and_windows_respect_characters() {
        let filler = "Les négociations reprennent à Genève. ".repeat(200);
        let text = format!("{filler}Le président a informé ce 21 novembre 2017 son homologue.");
        let d = self_date(&text, None, Lang::Fr).unwrap();
        assert_eq!(d.to_string(), "2017-11-21");
        for (a, b) in self_date_windows(&"é ".repeat(500)) {
            assert!(a <= b);
        }
        assert_eq!(self_date(&filler, None, Lang::Fr), None);
    }
}
