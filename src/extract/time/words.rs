//! The vocabulary of dates in French and English: month, weekday and season
//! names and their abbreviations, the cue words that make a bare number a
//! year or a month alone a date, the words that guard a weekday alone, and
//! the fixed relative phrases (`hier`, `last week`). All folded, as the
//! tokenizer folds words.
//!
//! Tables only, and the cheap prefilter built from them; how a table is read
//! in context is the business of the matchers. Tense vocabulary lives in
//! `tense`, dateline vocabulary in `dateline`.

use chrono::Weekday;

use rustc_hash::FxHashSet;

use super::resolve::Raw;
use crate::extract::fold::{fold, with_fold};
use crate::extract::tokens::alphabetic_runs;

/// Words without which no expression can be read, digits aside: months,
/// weekdays, seasons, and the content words of relative phrases
/// (`hier`, `veille`, `semaine`, `yesterday`, `week`…).
static TIME_WORDS: std::sync::LazyLock<FxHashSet<String>> = std::sync::LazyLock::new(|| {
    let function_words = [
        "the",
        "la",
        "le",
        "l",
        "ce",
        "cet",
        "cette",
        "this",
        "last",
        "next",
        "day",
        "before",
        "after",
        "avant",
        "apres",
        "'",
        "-",
        "ci",
        "dernier",
        "derniere",
        "passe",
        "passee",
        "prochain",
        "prochaine",
    ];
    let phrase_words = FR_PHRASES
        .iter()
        .chain(EN_PHRASES.iter())
        .flat_map(|p| p.words.iter());
    FR_MONTHS
        .iter()
        .chain(EN_MONTHS.iter())
        .chain(FR_MONTH_ABBREVS.iter().map(|(w, _)| w))
        .chain(EN_MONTH_ABBREVS.iter().map(|(w, _)| w))
        .chain(FR_WEEKDAYS.iter())
        .chain(EN_WEEKDAYS.iter())
        .chain(EN_WEEKDAY_ABBREVS.iter().map(|(w, _)| w))
        .chain(FR_SEASONS.iter())
        .chain(EN_SEASONS.iter())
        .chain(phrase_words.filter(|w| !function_words.contains(w)))
        .map(|w| fold(w))
        .collect()
});

/// A cheap test that lets most sentences skip the scan: an expression
/// needs a digit or one of the [`TIME_WORDS`].
pub(super) fn may_hold_a_date(sentence: &str) -> bool {
    sentence.bytes().any(|b| b.is_ascii_digit())
        || alphabetic_runs(sentence)
            .filter(|w| w.len() >= 2)
            .any(is_time_word)
}

/// Whether `w` folds to one of the [`TIME_WORDS`]; plain ASCII words are
/// lower-cased on the stack (folding them does nothing else).
fn is_time_word(w: &str) -> bool {
    let mut buf = [0u8; 16];
    if w.is_ascii() {
        if w.len() > buf.len() {
            // Longer than any time word, and folding keeps its length.
            return false;
        }
        // No time word of this length starts and ends with these letters.
        let (first, last) = (w.as_bytes()[0], w.as_bytes()[w.len() - 1]);
        let shapes = &TIME_WORD_SHAPES[w.len()];
        if shapes.0 & letter_bit(first) == 0 || shapes.1 & letter_bit(last) == 0 {
            return false;
        }
        let buf = &mut buf[..w.len()];
        buf.copy_from_slice(w.as_bytes());
        buf.make_ascii_lowercase();
        return std::str::from_utf8(buf).is_ok_and(|k| TIME_WORDS.contains(k));
    }
    with_fold(w, |k| TIME_WORDS.contains(k))
}

/// Whether the folded word `w` is one of the [`STARTERS`].
pub(super) fn may_start(w: &str) -> bool {
    let b = w.as_bytes();
    if b.is_empty() || b.len() > 16 {
        return !b.is_empty() && STARTERS.contains(w);
    }
    let shapes = &STARTER_SHAPES[b.len()];
    shapes.0 & letter_bit(b[0]) != 0
        && shapes.1 & letter_bit(b[b.len() - 1]) != 0
        && STARTERS.contains(w)
}

/// [`TIME_WORD_SHAPES`] of the [`STARTERS`].
static STARTER_SHAPES: std::sync::LazyLock<[(u32, u32); 17]> =
    std::sync::LazyLock::new(|| shapes(STARTERS.iter().copied()));

/// For each length up to 16 bytes, the first and the last letters of the
/// [`TIME_WORDS`] of that length, as [`letter_bit`]s.
static TIME_WORD_SHAPES: std::sync::LazyLock<[(u32, u32); 17]> =
    std::sync::LazyLock::new(|| shapes(TIME_WORDS.iter().map(String::as_str)));

fn shapes<'a>(words: impl Iterator<Item = &'a str>) -> [(u32, u32); 17] {
    let mut out = [(0, 0); 17];
    for w in words {
        let b = w.as_bytes();
        assert!(b.len() <= 16 && !b.is_empty(), "time word `{w}`");
        out[b.len()].0 |= letter_bit(b[0]);
        out[b.len()].1 |= letter_bit(b[b.len() - 1]);
    }
    out
}

/// A bit per ASCII letter, either case; one bit for anything else.
fn letter_bit(b: u8) -> u32 {
    match b.to_ascii_lowercase() {
        l @ b'a'..=b'z' => 1 << (l - b'a'),
        _ => 1 << 31,
    }
}

/// Words that may open an expression (digits aside): what the matchers of
/// `scan`, `years` and `relative` look for at their first token, in either
/// language. A scan need not try the matchers at any other word.
static STARTERS: std::sync::LazyLock<FxHashSet<&'static str>> = std::sync::LazyLock::new(|| {
    let mut out: FxHashSet<&'static str> = FxHashSet::default();
    out.extend(FR_MONTHS);
    out.extend(EN_MONTHS);
    out.extend(FR_MONTH_ABBREVS.iter().map(|(w, _)| *w));
    out.extend(EN_MONTH_ABBREVS.iter().map(|(w, _)| *w));
    out.extend(FR_WEEKDAYS);
    out.extend(EN_WEEKDAYS);
    out.extend(EN_WEEKDAY_ABBREVS.iter().map(|(w, _)| *w));
    out.extend(FR_SEASONS);
    out.extend(EN_SEASONS);
    out.extend(
        FR_PHRASES
            .iter()
            .chain(EN_PHRASES.iter())
            .map(|p| p.words[0]),
    );
    // `Scan::dir_prefix` and `Scan::part_prefix`.
    out.extend(["last", "next", "this"]);
    out.extend([
        "debut",
        "fin",
        "courant",
        "mi",
        "early",
        "late",
        "mid",
        "end",
        "beginning",
        "start",
        "middle",
    ]);
    out
});

/// Month names, folded (lower case, no diacritics), January first.
pub(super) const FR_MONTHS: [&str; 12] = [
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
];
pub(super) const EN_MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
/// Abbreviations as agencies write them (`janv.`, `Nov.`, `Sept.`).
pub(super) const FR_MONTH_ABBREVS: [(&str, u32); 9] = [
    ("janv", 1),
    ("fevr", 2),
    ("fev", 2),
    ("avr", 4),
    ("juil", 7),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];
pub(super) const EN_MONTH_ABBREVS: [(&str, u32); 12] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];
/// Month names that are also ordinary words (`Mars` the planet, `may` the
/// modal verb, `march` the walk): they need a stronger context.
pub(super) const AMBIGUOUS_MONTHS: [&str; 3] = ["mars", "may", "march"];

/// Monday first, as `Weekday::num_days_from_monday` counts.
pub(super) const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];
pub(super) const FR_WEEKDAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];
pub(super) const EN_WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
/// Only accepted inside a full date (`Tue., Oct. 20`): alone, `Sun`, `Sat`
/// or `Wed` are other words.
pub(super) const EN_WEEKDAY_ABBREVS: [(&str, usize); 10] = [
    ("mon", 0),
    ("tue", 1),
    ("tues", 1),
    ("wed", 2),
    ("thu", 3),
    ("thur", 3),
    ("thurs", 3),
    ("fri", 4),
    ("sat", 5),
    ("sun", 6),
];

pub(super) const FR_SEASONS: [&str; 4] = ["printemps", "ete", "automne", "hiver"];
pub(super) const EN_SEASONS: [&str; 5] = ["spring", "summer", "autumn", "fall", "winter"];
/// Before a lower-case `fall` that is the season.
pub(super) const EN_SEASON_BEFORE: [&str; 8] =
    ["the", "in", "this", "last", "next", "early", "late", "of"];

/// Glued after a day number: `1er`, `2e`, `21st`, `3rd`.
pub(super) const ORDINAL_SUFFIXES: [&str; 9] =
    ["er", "re", "e", "eme", "ere", "st", "nd", "rd", "th"];
/// Marks that join the digits of one number or time (`330.000`, `20:30`).
pub(super) const NUMBER_JOINERS: [&str; 4] = [".", ",", ":", "/"];

/// Words before a bare four-digit number that make it a year. A strong cue
/// rarely precedes a count; a weak one often does (`plus de 2000 morts`), so
/// the word after the number is then checked more strictly.
pub(super) const STRONG_YEAR_CUES: [&str; 16] = [
    "en", "depuis", "durant", "pendant", "annee", "an", "ici", "jusqu", "in", "since", "during",
    "until", "till", "through", "year", "circa",
];
pub(super) const WEAK_YEAR_CUES: [&str; 15] = [
    "de", "d", "avant", "apres", "entre", "vers", "pour", "by", "before", "after", "between",
    "from", "of", "for", "around",
];
/// Before a year that dates the noun after it, in English (`the 2015
/// deal`, `its 1979 treaty`).
pub(super) const EN_YEAR_DETERMINERS: [&str; 9] = [
    "the", "its", "their", "his", "her", "our", "this", "that", "a",
];
/// Before `de`: the number is a quantity (`plus de 2000`).
pub(super) const QUANTITY_WORDS: [&str; 8] = [
    "plus",
    "pres",
    "moins",
    "environ",
    "quelque",
    "autour",
    "centaines",
    "milliers",
];
/// Words before a month alone that make it a date (`en août`, `in August`).
pub(super) const FR_MONTH_CUES: [&str; 9] = [
    "en", "depuis", "avant", "apres", "entre", "vers", "pour", "courant", "ici",
];
pub(super) const EN_MONTH_CUES: [&str; 11] = [
    "in", "since", "by", "during", "until", "till", "through", "from", "before", "after", "between",
];

/// Words that may follow a year (`en 2015 les ministres...`). After a weak
/// cue, any other lower-case word means the number counts something.
pub(super) const FUNCTION_WORDS: [&str; 113] = [
    "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "a", "au", "aux", "et", "ou",
    "en", "dans", "pour", "par", "sur", "avec", "sans", "sous", "selon", "lors", "lorsque",
    "quand", "alors", "puis", "contre", "qui", "que", "qu", "ce", "cet", "cette", "ces", "il",
    "elle", "ils", "elles", "on", "nous", "vous", "se", "s", "ne", "n", "y", "apres", "avant",
    "pendant", "depuis", "jusqu", "vers", "deja", "encore", "aussi", "mais", "comme", "donc",
    "car", "si", "est", "sont", "ont", "etait", "avait", "fut", "the", "an", "and", "or", "in",
    "on", "at", "by", "for", "of", "to", "from", "with", "when", "while", "after", "before",
    "during", "until", "since", "as", "but", "that", "which", "who", "where", "its", "his", "her",
    "their", "this", "it", "he", "she", "they", "we", "was", "were", "is", "are", "has", "had",
    "have", "amid",
];
/// Nouns of measure and count that make the number before them a quantity.
pub(super) const COUNT_NOUNS: [&str; 22] = [
    "an", "annee", "jour", "mois", "semaine", "heure", "minute", "km", "kg", "m", "year", "day",
    "month", "week", "hour", "people", "dead", "killed", "men", "children", "percent", "cent",
];

/// Before a weekday alone: a habit or a name, not a day (`le lundi`,
/// `every Monday`, `Black Friday`).
pub(super) const FR_NOT_A_DAY_BEFORE: [&str; 2] = ["le", "chaque"];
pub(super) const EN_NOT_A_DAY_BEFORE: [&str; 13] = [
    "the", "a", "every", "each", "black", "good", "super", "holy", "ash", "cyber", "palm",
    "easter", "bloody",
];
/// After a weekday alone: a feast (`mardi gras`, `lundi de Pâques`).
pub(super) const FR_FEASTS_AFTER: [&str; 5] = ["saint", "gras", "noir", "sanglant", "fou"];
pub(super) const FR_FEASTS_AFTER_DE: [&str; 4] = ["paques", "pentecote", "careme", "rameaux"];

/// Fixed relative phrases, matched on folded tokens.
pub(super) struct Phrase {
    pub(super) words: &'static [&'static str],
    pub(super) raw: Raw,
    pub(super) guard: Guard,
}

/// A condition on the context of a relative phrase.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Guard {
    None,
    /// Not followed by `-là`: `ce jour-là` is a day of the story, not the
    /// article's.
    NotThen,
    /// Not followed by `de`: `la veille du sommet` is relative to the summit.
    NotOfEvent,
    /// Not after `the`: `the last year` is a duration.
    NotAfterThe,
}

const fn phrase(words: &'static [&'static str], raw: Raw, guard: Guard) -> Phrase {
    Phrase { words, raw, guard }
}

pub(super) const FR_PHRASES: [Phrase; 26] = [
    phrase(&["avant", "-", "hier"], Raw::Days(-2), Guard::None),
    phrase(&["apres", "-", "demain"], Raw::Days(2), Guard::None),
    phrase(&["hier"], Raw::Days(-1), Guard::None),
    phrase(&["aujourd", "'", "hui"], Raw::Days(0), Guard::None),
    phrase(&["ce", "jour"], Raw::Days(0), Guard::NotThen),
    phrase(&["demain"], Raw::Days(1), Guard::None),
    phrase(&["la", "veille"], Raw::Days(-1), Guard::NotOfEvent),
    phrase(&["le", "lendemain"], Raw::Days(1), Guard::NotOfEvent),
    phrase(&["ce", "matin"], Raw::Days(0), Guard::None),
    phrase(&["ce", "soir"], Raw::Days(0), Guard::None),
    phrase(&["cet", "apres", "-", "midi"], Raw::Days(0), Guard::None),
    phrase(&["la", "semaine", "derniere"], Raw::Weeks(-1), Guard::None),
    phrase(&["la", "semaine", "passee"], Raw::Weeks(-1), Guard::None),
    phrase(&["la", "semaine", "prochaine"], Raw::Weeks(1), Guard::None),
    phrase(&["cette", "semaine"], Raw::Weeks(0), Guard::NotThen),
    phrase(&["le", "mois", "dernier"], Raw::Months(-1), Guard::None),
    phrase(&["le", "mois", "passe"], Raw::Months(-1), Guard::None),
    phrase(&["le", "mois", "prochain"], Raw::Months(1), Guard::None),
    phrase(&["ce", "mois", "-", "ci"], Raw::Months(0), Guard::None),
    phrase(&["ce", "mois"], Raw::Months(0), Guard::NotThen),
    phrase(
        &["l", "'", "annee", "derniere"],
        Raw::Years(-1),
        Guard::None,
    ),
    phrase(&["l", "'", "an", "dernier"], Raw::Years(-1), Guard::None),
    phrase(&["l", "'", "annee", "passee"], Raw::Years(-1), Guard::None),
    phrase(
        &["l", "'", "annee", "prochaine"],
        Raw::Years(1),
        Guard::None,
    ),
    phrase(&["l", "'", "an", "prochain"], Raw::Years(1), Guard::None),
    phrase(&["cette", "annee"], Raw::Years(0), Guard::NotThen),
];

pub(super) const EN_PHRASES: [Phrase; 19] = [
    phrase(
        &["the", "day", "before", "yesterday"],
        Raw::Days(-2),
        Guard::None,
    ),
    phrase(
        &["the", "day", "after", "tomorrow"],
        Raw::Days(2),
        Guard::None,
    ),
    phrase(&["yesterday"], Raw::Days(-1), Guard::None),
    phrase(&["today"], Raw::Days(0), Guard::None),
    phrase(&["tonight"], Raw::Days(0), Guard::None),
    phrase(&["tomorrow"], Raw::Days(1), Guard::None),
    phrase(&["this", "morning"], Raw::Days(0), Guard::None),
    phrase(&["this", "afternoon"], Raw::Days(0), Guard::None),
    phrase(&["this", "evening"], Raw::Days(0), Guard::None),
    phrase(&["last", "night"], Raw::Days(-1), Guard::NotAfterThe),
    phrase(&["last", "week"], Raw::Weeks(-1), Guard::NotAfterThe),
    phrase(&["next", "week"], Raw::Weeks(1), Guard::NotAfterThe),
    phrase(&["this", "week"], Raw::Weeks(0), Guard::None),
    phrase(&["last", "month"], Raw::Months(-1), Guard::NotAfterThe),
    phrase(&["next", "month"], Raw::Months(1), Guard::NotAfterThe),
    phrase(&["this", "month"], Raw::Months(0), Guard::None),
    phrase(&["last", "year"], Raw::Years(-1), Guard::NotAfterThe),
    phrase(&["next", "year"], Raw::Years(1), Guard::NotAfterThe),
    phrase(&["this", "year"], Raw::Years(0), Guard::None),
];
