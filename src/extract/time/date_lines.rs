//! Date lines: the short lines web pages and wires print above or below an
//! article to say when it went out (`Published 12 March 2024`, `Publié le
//! 3 février 2022 à 18h05`, `Updated: Jan. 5, 2023 @ 9:12pm`, `Sept 3, 2021
//! 10:05 AM ET`, `[Mis à jour le 8 mai 2021 à 07h30]`).
//!
//! A line is a date line when it is, from start to end, an optional cue
//! (`Published`, `Mis à jour le`…), one full date with its year, and
//! nothing but times, zones and update words after it: a sentence that
//! happens to start with a date is never one. Only the first and the last
//! lines of a text are read, so the cost does not grow with the article.
//! The words are data (`data/date_lines.txt`); the date itself is read by
//! the ordinary scan.

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::resolve::Raw;
use super::tokens::{Scan, ascii_lowercase};
use super::words::{EN_MONTHS, EN_WEEKDAYS, FR_MONTHS, FR_WEEKDAYS};
use crate::extract::date::{DatePoint, Precision};
use crate::extract::fold::fold;
use crate::extract::lang::Lang;
use crate::extract::tokens::alphabetic_runs;

/// What a date line says of its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stamp {
    /// `Published …`, `Publié le …`, `Le 12/03/2024 à 10:05`.
    Published,
    /// A date and time alone on its line (`Feb. 13, 2024 10:05 AM ET`).
    Plain,
    /// `Updated …`, `Mis à jour le …`, `Modifié le …`.
    Updated,
}

/// One date line of an article, in the text's byte offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct DateLine {
    /// The whole line: no date in it is an event's.
    pub range: Range<usize>,
    pub date: DatePoint,
    pub stamp: Stamp,
}

/// Lines starting within this many bytes of the start are read.
const HEAD: usize = 700;
/// Lines starting within this many bytes of the end are read.
const FOOT: usize = 300;
/// A longer line is prose, not a date line.
const MAX_LINE: usize = 160;

const DATA: &str = include_str!("../data/date_lines.txt");

/// The phrases of each section of the data file, folded, as word lists.
struct Vocab {
    published: Vec<Vec<String>>,
    updated: Vec<Vec<String>>,
    tail: FxHashSet<String>,
    recurring: FxHashSet<String>,
}

static VOCAB: LazyLock<Vocab> = LazyLock::new(|| {
    let mut v = Vocab {
        published: Vec::new(),
        updated: Vec::new(),
        tail: FxHashSet::default(),
        recurring: FxHashSet::default(),
    };
    let mut section = "";
    for line in DATA.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
            continue;
        }
        let words: Vec<String> = alphabetic_runs(&fold(line)).map(str::to_owned).collect();
        match section {
            "published" => v.published.push(words),
            "updated" => v.updated.push(words),
            "tail" => v.tail.extend(words),
            "recurring" => v.recurring.extend(words),
            _ => panic!("date_lines.txt: unknown section `{section}`"),
        }
    }
    // Month and weekday names may follow too (`…, mis à jour le 13 mars`).
    let names = FR_MONTHS.iter().chain(&EN_MONTHS).chain(&FR_WEEKDAYS);
    v.tail
        .extend(names.chain(&EN_WEEKDAYS).map(|w| w.to_string()));
    for phrases in [&v.published, &v.updated] {
        v.tail.extend(phrases.iter().flatten().cloned());
    }
    v
});

/// Whether the folded word `w` makes the weekday after it a habit
/// (`chaque`, `tous`, `every`).
pub(super) fn is_recurring_word(w: &str) -> bool {
    VOCAB.recurring.contains(w)
}

/// The date lines of `text`, in text order.
pub fn date_lines(text: &str, lang: Lang) -> Vec<DateLine> {
    // Asked at most once, and only for an English `12/03/2024`.
    let day_first = std::cell::OnceCell::new();
    let day_first = || *day_first.get_or_init(|| writes_day_first(text, lang));
    lines_to_read(text)
        .into_iter()
        .filter_map(|r| {
            let (stamp, date) = read_line(&text[r.clone()], lang, &day_first)?;
            Some(DateLine {
                range: r,
                date,
                stamp,
            })
        })
        .collect()
}

/// Whether `line`, alone, is a date line in French or English: what a
/// page prints above its headline (`Publié le 12/03/2024 à 10:05`), which
/// is no headline itself. (`12/03/2024` reads day first either way: only
/// whether it is a date matters here.)
pub fn is_date_line(line: &str) -> bool {
    let line = line.trim();
    line.len() <= MAX_LINE
        && [Lang::Fr, Lang::En]
            .into_iter()
            .any(|lang| read_line(line, lang, &|| true).is_some())
}

/// The date an article's date lines give it: a publication line first,
/// then a date alone, then an update stamp (the first of each kind).
pub fn article_date(lines: &[DateLine]) -> Option<DatePoint> {
    lines.iter().min_by_key(|l| l.stamp).map(|l| l.date)
}

/// Byte ranges of the short lines at the head and at the foot of `text`
/// (each once when they meet).
fn lines_to_read(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = line_ranges(text, 0)
        .take_while(|r| r.start < HEAD)
        .collect();
    let head_end = out.last().map_or(0, |r| r.end + 1);
    let mut foot = text.len().saturating_sub(FOOT);
    while !text.is_char_boundary(foot) {
        foot += 1;
    }
    let foot_start = text[foot..].find('\n').map_or(text.len(), |i| foot + i + 1);
    out.extend(line_ranges(text, foot_start.max(head_end)));
    out.retain(|r| r.len() <= MAX_LINE && !text[r.clone()].trim().is_empty());
    out
}

/// The lines of `text` from byte `from` (a line start), without their
/// newline.
fn line_ranges(text: &str, from: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = from;
    std::iter::from_fn(move || {
        if at >= text.len() {
            return None;
        }
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let r = at..end;
        at = end + 1;
        Some(r)
    })
}

/// Reads one line, or one of its `|`-separated pieces (`By X | Published
/// …`), as a date line.
fn read_line(line: &str, lang: Lang, day_first: &dyn Fn() -> bool) -> Option<(Stamp, DatePoint)> {
    pieces(line)
        .filter_map(|piece| read_piece(piece, lang, day_first))
        .min_by_key(|(stamp, _)| *stamp)
}

/// A line's pieces: cut at `|`, `•`, `·`, and at a dash with a space on
/// each side (`Par X - 12 mars 2024 à 08h15`), never inside `2024-03-12`.
fn pieces(line: &str) -> impl Iterator<Item = &str> {
    line.split(['|', '•', '·']).flat_map(|p| {
        p.split(" - ")
            .flat_map(|p| p.split(" – "))
            .flat_map(|p| p.split(" — "))
    })
}

/// What is left of `rest` after a clock time that opens it, with its
/// half-day and zone, up to a comma (`2:16 PM EST, Tue March 12, 2024`):
/// some pages print the time before the date.
fn after_leading_time(rest: &str) -> &str {
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let h = digits(rest);
    if !(1..=2).contains(&h) {
        return rest;
    }
    let after = &rest[h..];
    let Some(sep) = after
        .chars()
        .next()
        .filter(|c| matches!(c, ':' | 'h' | '.'))
    else {
        return rest;
    };
    let after = &after[sep.len_utf8()..];
    if digits(after) != 2 {
        return rest;
    }
    let Some(comma) = after.find(',') else {
        return rest;
    };
    // Between the minutes and the comma: only a half-day and a zone.
    let between = &after[2..comma];
    let ok = alphabetic_runs(&fold(between)).all(|w| VOCAB.tail.contains(w));
    if ok && between.len() <= 16 {
        after[comma + 1..].trim_start()
    } else {
        rest
    }
}

/// `YYYY-MM-DD`, digits and dashes only.
fn is_iso_date(s: &str) -> bool {
    s.bytes().enumerate().all(|(i, b)| {
        if i == 4 || i == 7 {
            b == b'-'
        } else {
            b.is_ascii_digit()
        }
    })
}

/// What follows a date after its ISO time (`2024-03-12T08:15:00Z`,
/// `T08:15+01:00`), or all of it when no such time follows.
fn after_iso_time(tail: &str) -> &str {
    let Some(t) = tail.strip_prefix(['T', 't']) else {
        return tail;
    };
    if !t.starts_with(|c: char| c.is_ascii_digit()) {
        return tail;
    }
    let end = t
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, ':' | '.' | '+' | '-')))
        .unwrap_or(t.len());
    let t = &t[end..];
    t.strip_prefix(['Z', 'z'])
        .filter(|r| !r.starts_with(char::is_alphanumeric))
        .unwrap_or(t)
}

/// Whether an English page writes its dates day first (`4 March`) more
/// often than month first (`March 4`): how it then writes `12/03/2024`,
/// which the numbers alone leave open.
fn writes_day_first(text: &str, lang: Lang) -> bool {
    if lang != Lang::En {
        return true;
    }
    let lower = ascii_lowercase(text);
    let scan = Scan::new(text, &lower, lang);
    let (mut day_first, mut month_first) = (0, 0);
    for i in 0..scan.toks.len() {
        if scan.month_at(i).is_none() {
            continue;
        }
        let is_day = |k: usize| scan.num(k).is_some_and(|n| n.len() <= 2);
        if i > 0 && is_day(i - 1) {
            day_first += 1;
        } else if scan.month_at(i).is_some_and(|mw| is_day(mw.next)) {
            month_first += 1;
        }
    }
    day_first > month_first
}

/// An optional cue, a full date, a tail of times: the stamp and the date.
fn read_piece(piece: &str, lang: Lang, day_first: &dyn Fn() -> bool) -> Option<(Stamp, DatePoint)> {
    let piece = piece.trim().trim_start_matches(['[', '(']);
    let piece = piece.trim_end_matches([']', ')', '.']).trim();
    let (stamp, rest) = strip_cue(piece);
    let rest = rest.trim_start_matches([':', ',', '-', '–', '—', ' ']);
    let rest = after_leading_time(rest);
    // `2024-03-12T08:15:00Z`: the scan reads the date; the time is tail.
    let (rest, iso_tail) = match rest.get(..10).filter(|d| is_iso_date(d)) {
        Some(date) => match after_iso_time(&rest[10..]) {
            tail if tail.len() < rest.len() - 10 => (date, tail),
            _ => (rest, ""),
        },
        None => (rest, ""),
    };
    let lower = ascii_lowercase(rest);
    let mut scan = Scan::new(rest, &lower, lang);
    let mut m = scan.matches().into_iter().next().filter(|m| m.start == 0)?;
    if m.raw == Raw::Invalid && lang == Lang::En && day_first() {
        // `12/03/2024` on a page that writes `4 March`: read day first, as
        // the French scan reads numbers.
        scan = Scan::new(rest, &lower, Lang::Fr);
        m = scan.matches().into_iter().next().filter(|m| m.start == 0)?;
    }
    let Raw::Exact(date) = m.raw else {
        return None;
    };
    if date.precision() != Precision::Day {
        return None;
    }
    let (_, end) = scan.byte_range(&m)?;
    let tail_ok = [&rest[end..], iso_tail]
        .iter()
        .all(|t| alphabetic_runs(&fold(t)).all(|w| VOCAB.tail.contains(w)));
    tail_ok.then_some((stamp, date))
}

/// The longest cue opening `piece` and what follows it; `Plain` and the
/// whole piece when none does.
fn strip_cue(piece: &str) -> (Stamp, &str) {
    let mut best: Option<(Stamp, usize)> = None;
    let kinds = [
        (Stamp::Published, &VOCAB.published),
        (Stamp::Updated, &VOCAB.updated),
    ];
    for (stamp, phrases) in kinds {
        for phrase in phrases.iter() {
            if let Some(end) = phrase_end(piece, phrase)
                && best.is_none_or(|(_, e)| e < end)
            {
                best = Some((stamp, end));
            }
        }
    }
    match best {
        Some((stamp, end)) => (stamp, &piece[end..]),
        None => (Stamp::Plain, piece),
    }
}

/// Where `phrase` ends when the first words of `piece` are its words, the
/// first at the very start.
fn phrase_end(piece: &str, phrase: &[String]) -> Option<usize> {
    let mut runs = alphabetic_runs(piece);
    let mut end = 0;
    for (k, want) in phrase.iter().enumerate() {
        let w = runs.next()?;
        let start = w.as_ptr() as usize - piece.as_ptr() as usize;
        if (k == 0 && start != 0) || fold(w) != *want {
            return None;
        }
        end = start + w.len();
    }
    // A cue is whole words: `Le` is not the start of `Lest`.
    let next = piece[end..].chars().next();
    (!next.is_some_and(char::is_alphanumeric)).then_some(end)
}
