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

use std::borrow::Cow;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use unicode_normalization::char::is_combining_mark;

use super::date::{DatePoint, Precision};
use super::fold::fold;
use super::lang::Lang;

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
    if !may_hold_a_date(sentence) {
        return Vec::new();
    }
    let scan = Scan::new(sentence, lang);
    scan.matches()
        .into_iter()
        .filter_map(|m| {
            let (start, end) = scan.byte_range(&m)?;
            let date = resolve(m.raw, anchor, || scan.future_at(m.start))?;
            let relative = !matches!(m.raw, Raw::Exact(_));
            Some(TimeExpr {
                start,
                end,
                date,
                relative,
            })
        })
        .collect()
}

/// Words without which no expression can be read, digits aside: months,
/// weekdays, seasons, and the content words of relative phrases
/// (`hier`, `veille`, `semaine`, `yesterday`, `week`…).
static TIME_WORDS: std::sync::LazyLock<std::collections::HashSet<String>> =
    std::sync::LazyLock::new(|| {
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
fn may_hold_a_date(sentence: &str) -> bool {
    sentence.bytes().any(|b| b.is_ascii_digit())
        || sentence
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.len() >= 2)
            .any(|w| TIME_WORDS.contains(&fold(w)))
}

/// A date that the text gives for the article itself: `ce 21 novembre
/// 2017`, `ce 23 janvier` (year from the anchor), `ce lundi 20 novembre`, a
/// dateline such as `November 21, 2017` or `MOSCOW, Nov. 21 (Reuters) -`
/// near the start of the text, `Published on 21 November 2017`.
///
/// Returns the day-precision date, or None. A plain `le 20 novembre` is not
/// a self date: it may be any day the article talks about.
pub fn self_date(text: &str, anchor: Option<DatePoint>, lang: Lang) -> Option<DatePoint> {
    let scan = Scan::new(text, lang);
    scan.matches()
        .into_iter()
        .filter(|m| m.raw.is_day())
        .filter(|m| scan.says_this_day(m) || scan.after_published(m.start) || scan.is_dateline(m))
        .find_map(|m| resolve(m.raw, anchor, || false))
        .filter(|d| d.precision() == Precision::Day)
}

/// Whether a clause speaks of the future (French future or near-future: `se
/// rendra`, `entretiendront`, `va rencontrer`, `doit participer`,
/// `prochain`; English `will`, `is to`, `is due to`, `next`), used to
/// resolve a weekday alone after the anchor instead of before.
pub fn is_future(clause: &str, lang: Lang) -> bool {
    Scan::new(clause, lang).any_future()
}

// ------------------------------------------------------------------ words

/// Month names, folded (lower case, no diacritics), January first.
const FR_MONTHS: [&str; 12] = [
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
const EN_MONTHS: [&str; 12] = [
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
const FR_MONTH_ABBREVS: [(&str, u32); 9] = [
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
const EN_MONTH_ABBREVS: [(&str, u32); 12] = [
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
const AMBIGUOUS_MONTHS: [&str; 3] = ["mars", "may", "march"];

/// Monday first, as `Weekday::num_days_from_monday` counts.
const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];
const FR_WEEKDAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];
const EN_WEEKDAYS: [&str; 7] = [
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
const EN_WEEKDAY_ABBREVS: [(&str, usize); 10] = [
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

const FR_SEASONS: [&str; 4] = ["printemps", "ete", "automne", "hiver"];
const EN_SEASONS: [&str; 5] = ["spring", "summer", "autumn", "fall", "winter"];
/// Before a lower-case `fall` that is the season.
const EN_SEASON_BEFORE: [&str; 8] = ["the", "in", "this", "last", "next", "early", "late", "of"];

/// Glued after a day number: `1er`, `2e`, `21st`, `3rd`.
const ORDINAL_SUFFIXES: [&str; 9] = ["er", "re", "e", "eme", "ere", "st", "nd", "rd", "th"];
/// Marks that join the digits of one number or time (`330.000`, `20:30`).
const NUMBER_JOINERS: [&str; 4] = [".", ",", ":", "/"];

/// Words before a bare four-digit number that make it a year. A strong cue
/// rarely precedes a count; a weak one often does (`plus de 2000 morts`), so
/// the word after the number is then checked more strictly.
const STRONG_YEAR_CUES: [&str; 16] = [
    "en", "depuis", "durant", "pendant", "annee", "an", "ici", "jusqu", "in", "since", "during",
    "until", "till", "through", "year", "circa",
];
const WEAK_YEAR_CUES: [&str; 15] = [
    "de", "d", "avant", "apres", "entre", "vers", "pour", "by", "before", "after", "between",
    "from", "of", "for", "around",
];
/// Before `de`: the number is a quantity (`plus de 2000`).
const QUANTITY_WORDS: [&str; 8] = [
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
const FR_MONTH_CUES: [&str; 9] = [
    "en", "depuis", "avant", "apres", "entre", "vers", "pour", "courant", "ici",
];
const EN_MONTH_CUES: [&str; 11] = [
    "in", "since", "by", "during", "until", "till", "through", "from", "before", "after", "between",
];

/// Words that may follow a year (`en 2015 les ministres...`). After a weak
/// cue, any other lower-case word means the number counts something.
const FUNCTION_WORDS: [&str; 113] = [
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
const COUNT_NOUNS: [&str; 22] = [
    "an", "annee", "jour", "mois", "semaine", "heure", "minute", "km", "kg", "m", "year", "day",
    "month", "week", "hour", "people", "dead", "killed", "men", "children", "percent", "cent",
];

/// Clause boundaries for tense: a weekday belongs to the verb of its clause.
/// (`et`, `and` are left out: they join names as often as clauses.)
const FR_CLAUSE_WORDS: [&str; 9] = [
    "que", "qu", "qui", "dont", "lorsque", "quand", "tandis", "mais", "car",
];
const EN_CLAUSE_WORDS: [&str; 10] = [
    "that", "which", "who", "whom", "whose", "when", "while", "but", "because", "where",
];
const CLAUSE_MARKS: [&str; 10] = [";", ":", "(", ")", "[", "]", "«", "»", "?", "!"];

/// French verb endings of the simple future, third person (`rendra`,
/// `entretiendront`, `sera`, `devra`, `mettra`).
const FR_FUTURE_ENDINGS: [&str; 12] = [
    "eront", "iront", "dront", "rront", "vront", "ttront", "era", "ira", "dra", "rra", "vra",
    "ttra",
];
/// Words with those endings that are not verbs in the future.
const FR_NOT_FUTURE: [&str; 15] = [
    "camera", "opera", "riviera", "chimera", "cholera", "vera", "lira", "mira", "tira", "sierra",
    "terra", "hydra", "toundra", "tundra", "cathedra",
];
const FR_FUTURE_WORDS: [&str; 10] = [
    "ira",
    "iront",
    "aura",
    "auront",
    "saura",
    "sauront",
    "prochain",
    "prochaine",
    "prochains",
    "prochaines",
];
/// What may sit between `va`/`doit` and its infinitive (`va se rendre`,
/// `doit encore participer`).
const FR_CLITICS: [&str; 22] = [
    "se", "s", "me", "m", "te", "t", "nous", "vous", "le", "la", "les", "l", "lui", "leur", "y",
    "en", "ne", "n", "pas", "il", "elle", "on",
];
const FR_ADVERBS: [&str; 6] = [
    "encore",
    "aussi",
    "egalement",
    "bientot",
    "ensuite",
    "notamment",
];
/// Words ending like infinitives that are not.
const FR_NOT_INFINITIVES: [&str; 9] = [
    "notre", "votre", "contre", "entre", "autre", "hier", "premier", "dernier", "leur",
];
const FR_PAST_WORDS: [&str; 12] = [
    "ont",
    "avait",
    "avaient",
    "eu",
    "etait",
    "etaient",
    "fut",
    "furent",
    "hier",
    "dernier",
    "derniere",
    "dernieres",
];
const EN_PAST_WORDS: [&str; 13] = [
    "was",
    "were",
    "had",
    "did",
    "has",
    "have",
    "said",
    "told",
    "met",
    "held",
    "ago",
    "yesterday",
    "last",
];
/// Before `will` when it is the noun (`the will of the people`).
const EN_WILL_NOUN_BEFORE: [&str; 12] = [
    "the",
    "a",
    "political",
    "his",
    "her",
    "its",
    "their",
    "our",
    "good",
    "free",
    "popular",
    "own",
];
/// Between `is` and `to` in a scheduled future (`is due to arrive`).
const EN_SCHEDULE_WORDS: [&str; 8] = [
    "due",
    "expected",
    "set",
    "scheduled",
    "slated",
    "going",
    "poised",
    "about",
];
/// Before `is to` when it states an aim, not a future (`the goal is to`).
const EN_AIM_NOUNS: [&str; 12] = [
    "aim",
    "goal",
    "plan",
    "idea",
    "objective",
    "purpose",
    "task",
    "job",
    "priority",
    "mission",
    "intention",
    "hope",
];
const EN_DETERMINERS: [&str; 12] = [
    "the", "a", "an", "his", "her", "its", "their", "this", "that", "these", "those", "our",
];

/// Before a weekday alone: a habit or a name, not a day (`le lundi`,
/// `every Monday`, `Black Friday`).
const FR_NOT_A_DAY_BEFORE: [&str; 2] = ["le", "chaque"];
const EN_NOT_A_DAY_BEFORE: [&str; 13] = [
    "the", "a", "every", "each", "black", "good", "super", "holy", "ash", "cyber", "palm",
    "easter", "bloody",
];
/// After a weekday alone: a feast (`mardi gras`, `lundi de Pâques`).
const FR_FEASTS_AFTER: [&str; 5] = ["saint", "gras", "noir", "sanglant", "fou"];
const FR_FEASTS_AFTER_DE: [&str; 4] = ["paques", "pentecote", "careme", "rameaux"];

/// Words before a date that give it as the article's publication date.
const PUBLISHED_WORDS: [&str; 6] = [
    "published",
    "posted",
    "publie",
    "publiee",
    "ligne",
    "updated",
];
/// A dateline sits within the first bytes of the text.
const DATELINE_REACH: usize = 300;
/// A year-less month more than this many months after the anchor's month is
/// taken from the year before (an article of January speaking of December).
const ROLL_BACK_MONTHS: u32 = 2;

/// Fixed relative phrases, matched on folded tokens.
struct Phrase {
    words: &'static [&'static str],
    raw: Raw,
    guard: Guard,
}

/// A condition on the context of a relative phrase.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Guard {
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

const FR_PHRASES: [Phrase; 26] = [
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

const EN_PHRASES: [Phrase; 19] = [
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

// ------------------------------------------------------------------ tokens

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Num,
    Punct,
}

/// A word (run of letters), a number (run of ASCII digits) or one mark, with
/// its byte range in the text.
#[derive(Debug)]
struct Tok<'t> {
    kind: Kind,
    start: usize,
    end: usize,
    raw: &'t str,
    /// Folded word, the digits of a number, or the mark with apostrophes and
    /// dashes unified.
    norm: Cow<'t, str>,
}

impl Tok<'_> {
    fn capitalised(&self) -> bool {
        self.raw.chars().next().is_some_and(char::is_uppercase)
    }
}

fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut toks = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let kind = if c.is_alphabetic() {
            Kind::Word
        } else if c.is_ascii_digit() {
            Kind::Num
        } else {
            Kind::Punct
        };
        let mut end = start + c.len_utf8();
        while let Some(&(at, d)) = chars.peek() {
            let continues = match kind {
                // Combining marks keep decomposed `é` inside its word.
                Kind::Word => d.is_alphabetic() || is_combining_mark(d),
                Kind::Num => d.is_ascii_digit(),
                Kind::Punct => false,
            };
            if !continues {
                break;
            }
            end = at + d.len_utf8();
            chars.next();
        }
        let raw = &text[start..end];
        let norm = match kind {
            Kind::Word if raw.bytes().all(|b| b.is_ascii_lowercase()) => Cow::Borrowed(raw),
            Kind::Word => Cow::Owned(fold(raw)),
            Kind::Num => Cow::Borrowed(raw),
            Kind::Punct => Cow::Borrowed(punct_norm(c).unwrap_or(raw)),
        };
        toks.push(Tok {
            kind,
            start,
            end,
            raw,
            norm,
        });
    }
    toks
}

/// One spelling for the apostrophes and for the hyphens and dashes.
fn punct_norm(c: char) -> Option<&'static str> {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}' => Some("'"),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => Some("-"),
        _ => None,
    }
}

// ------------------------------------------------------------------ raw expressions

/// Which way a year-less date or a weekday points from the anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    /// Nothing said: the tense (weekdays) or the nearest-past rule (dates).
    Context,
    /// `dernier`, `last`: strictly before the anchor.
    Past,
    /// `prochain`, `next`: strictly after the anchor.
    Future,
}

/// An expression as the text gives it, before the anchor is applied.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Raw {
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
    fn is_day(&self) -> bool {
        match self {
            Raw::DayMonth { .. } => true,
            Raw::Exact(d) => d.precision() == Precision::Day,
            _ => false,
        }
    }

    fn is_month(&self) -> bool {
        match self {
            Raw::Month { .. } => true,
            Raw::Exact(d) => d.precision() == Precision::Month,
            _ => false,
        }
    }

    fn is_year(&self) -> bool {
        matches!(self, Raw::Exact(d) if d.precision() == Precision::Year)
    }
}

/// A day given with numbers; `Invalid` when the calendar has no such day.
fn day_raw(day: u32, month: u32, year: Option<i32>, weekday: Option<Weekday>, dir: Dir) -> Raw {
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

fn exact(date: Option<DatePoint>) -> Raw {
    date.map_or(Raw::Invalid, Raw::Exact)
}

/// A recognised expression: tokens `start..end` (end exclusive).
#[derive(Debug, Clone, Copy)]
struct Match {
    start: usize,
    end: usize,
    raw: Raw,
}

// ------------------------------------------------------------------ resolution

fn resolve(
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
            let year = infer_year(month, Some(day), anchor?, dir)?;
            day_with_weekday(year, month, day, weekday)
        }
        Raw::Month { month, dir } => {
            DatePoint::month(infer_year(month, None, anchor?, dir)?, month)
        }
        Raw::Weekday { weekday, dir } => {
            let anchor = anchor?.naive()?;
            let date = match dir {
                Dir::Past => weekday_before(anchor, weekday, true),
                Dir::Future => weekday_after(anchor, weekday),
                Dir::Context if future() => weekday_after(anchor, weekday),
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

/// The year of a year-less month (and day) under the anchor.
fn infer_year(month: u32, day: Option<u32>, anchor: DatePoint, dir: Dir) -> Option<i32> {
    let year = anchor.year;
    let Some(anchor_month) = anchor.month.map(u32::from) else {
        // Known only to the year: nothing tells whether `dernier` crosses it.
        return (dir == Dir::Context).then_some(year);
    };
    let anchor_day = anchor.day.map(u32::from);
    match dir {
        Dir::Context if month > anchor_month + ROLL_BACK_MONTHS => year.checked_sub(1),
        Dir::Context => Some(year),
        Dir::Past if is_before(month, day, anchor_month, anchor_day) => Some(year),
        Dir::Past => year.checked_sub(1),
        Dir::Future if is_after(month, day, anchor_month, anchor_day) => Some(year),
        Dir::Future => year.checked_add(1),
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

// ------------------------------------------------------------------ scanning

/// A month name found at a token, with what its context needs.
#[derive(Debug, Clone, Copy)]
struct MonthWord {
    month: u32,
    /// Token after the name (and after the dot of an abbreviation).
    next: usize,
    abbrev: bool,
    ambiguous: bool,
    capitalised: bool,
}

/// How much a cue word before a bare number vouches for a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Strong,
    Weak,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
}

/// The tokens of one text and the matchers that read them.
struct Scan<'t> {
    text: &'t str,
    toks: Vec<Tok<'t>>,
    lang: Lang,
}

impl<'t> Scan<'t> {
    fn new(text: &'t str, lang: Lang) -> Self {
        Scan {
            text,
            toks: tokenize(text),
            lang,
        }
    }

    // ---- token access

    fn tok(&self, i: usize) -> Option<&Tok<'t>> {
        self.toks.get(i)
    }

    fn word(&self, i: usize) -> Option<&str> {
        self.tok(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.norm.as_ref())
    }

    fn is_word(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }

    fn word_in(&self, i: usize, words: &[&str]) -> bool {
        self.word(i).is_some_and(|w| words.contains(&w))
    }

    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == Kind::Punct && t.norm == p)
    }

    fn punct_in(&self, i: usize, marks: &[&str]) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == Kind::Punct && marks.contains(&t.norm.as_ref()))
    }

    fn num(&self, i: usize) -> Option<&str> {
        self.tok(i).filter(|t| t.kind == Kind::Num).map(|t| t.raw)
    }

    /// Whether token `i` touches the token before it (no space between).
    fn glued(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        matches!((self.tok(p), self.tok(i)), (Some(p), Some(t)) if p.end == t.start)
    }

    /// The word before token `i`, across an elided apostrophe (`d'ici`,
    /// `l'an`).
    fn prev_word(&self, i: usize) -> Option<usize> {
        let mut j = i.checked_sub(1)?;
        if self.is_punct(j, "'") {
            j = j.checked_sub(1)?;
        }
        (self.tok(j)?.kind == Kind::Word).then_some(j)
    }

    /// `dès`, which folds like the article `des`.
    fn is_des(&self, i: usize) -> bool {
        self.is_word(i, "des")
            && self
                .tok(i)
                .is_some_and(|t| t.raw.contains(['è', 'È', '\u{300}']))
    }

    /// `à`, which folds like the verb `a`.
    fn is_a_grave(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.raw == "à" || t.raw == "a\u{300}")
    }

    /// `jusqu'à` at token `i`.
    fn is_jusqua(&self, i: usize) -> bool {
        self.is_a_grave(i) && self.prev_word(i).is_some_and(|j| self.is_word(j, "jusqu"))
    }

    fn newline_between(&self, a: usize, b: usize) -> bool {
        match (self.tok(a), self.tok(b)) {
            (Some(a), Some(b)) => self
                .text
                .get(a.end..b.start)
                .is_some_and(|s| s.contains('\n')),
            _ => false,
        }
    }

    /// Whether token `i` starts a sentence (first token, or after a mark
    /// other than a comma or an apostrophe).
    fn sentence_start(&self, i: usize) -> bool {
        i.checked_sub(1).is_none_or(|p| {
            self.tok(p)
                .is_some_and(|t| t.kind == Kind::Punct && t.norm != "," && t.norm != "'")
        })
    }

    fn byte_range(&self, m: &Match) -> Option<(usize, usize)> {
        let first = self.tok(m.start)?;
        let last = self.tok(m.end.checked_sub(1)?)?;
        Some((first.start, last.end))
    }

    /// Whether token `i` continues a word or number written just before it
    /// (`A320`, `1,20`, `10:20`), so cannot start a date.
    fn glued_to_number_before(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1).filter(|_| self.glued(i)) else {
            return false;
        };
        match self.tok(p).map(|t| t.kind) {
            Some(Kind::Word | Kind::Num) => true,
            Some(Kind::Punct) => {
                self.punct_in(p, &NUMBER_JOINERS)
                    && self.glued(p)
                    && p.checked_sub(1).is_some_and(|q| self.num(q).is_some())
            }
            None => false,
        }
    }

    /// Whether the token at `end` glues something onto what precedes it: a
    /// word (`20h`), or a joiner and more digits (`20.30`).
    fn glued_after(&self, end: usize) -> bool {
        if !self.glued(end) {
            return false;
        }
        match self.tok(end).map(|t| t.kind) {
            Some(Kind::Word | Kind::Num) => true,
            Some(Kind::Punct) => {
                self.punct_in(end, &NUMBER_JOINERS)
                    && self.glued(end + 1)
                    && self.num(end + 1).is_some()
            }
            None => false,
        }
    }

    // ---- numbers and names

    /// A day number (1 to 31) at `i`, with an ordinal suffix if any; returns
    /// the day and the token after it.
    fn day_at(&self, i: usize) -> Option<(u32, usize)> {
        let digits = self.num(i)?;
        if digits.len() > 2 || self.glued_to_number_before(i) {
            return None;
        }
        let day: u32 = digits.parse().ok()?;
        if !(1..=31).contains(&day) {
            return None;
        }
        let next = i + 1;
        if self.glued(next) && self.tok(next).is_some_and(|t| t.kind == Kind::Word) {
            return self
                .word_in(next, &ORDINAL_SUFFIXES)
                .then_some((day, next + 1));
        }
        (!self.glued_after(next)).then_some((day, next))
    }

    /// A four-digit number standing on its own at `i`.
    fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        let digits = self.num(i)?;
        if digits.len() != 4 || self.glued_to_number_before(i) || self.glued_after(i + 1) {
            return None;
        }
        Some((digits.parse().ok()?, i + 1))
    }

    /// A year after a month or a part word (`novembre 2017`, `October 20,
    /// 2015`, `fin 2016`): any four-digit year not counting something.
    fn year_after(&self, k: usize, comma_ok: bool) -> Option<(i32, usize)> {
        let k = if comma_ok && self.is_punct(k, ",") {
            k + 1
        } else {
            k
        };
        let (year, end) = self.year_at(k)?;
        ((1000..=2999).contains(&year) && self.follows_year(end, Cue::Strong))
            .then_some((year, end))
    }

    /// Whether the token at `j` may follow a year: not a counted noun
    /// (`2000 morts`), nor, after a weak cue, any lower-case content word.
    fn follows_year(&self, j: usize, cue: Cue) -> bool {
        let Some(t) = self.tok(j) else {
            return true;
        };
        match t.kind {
            // `2015 000`: a group of thousands.
            Kind::Num => t.raw.len() != 3,
            Kind::Punct => true,
            Kind::Word if t.capitalised() => true,
            Kind::Word => {
                let w = t.norm.as_ref();
                FUNCTION_WORDS.contains(&w)
                    || (cue == Cue::Strong
                        && !COUNT_NOUNS.contains(&w)
                        && !w.ends_with('s')
                        && !w.ends_with('x'))
            }
        }
    }

    fn month_at(&self, i: usize) -> Option<MonthWord> {
        let t = self.tok(i).filter(|t| t.kind == Kind::Word)?;
        let capitalised = t.capitalised();
        // English writes months with a capital: `may` and `march` are verbs.
        if self.lang == Lang::En && !capitalised {
            return None;
        }
        let w = t.norm.as_ref();
        let (names, abbrevs): (&[&str], &[(&str, u32)]) = match self.lang {
            Lang::Fr => (&FR_MONTHS, &FR_MONTH_ABBREVS),
            Lang::En => (&EN_MONTHS, &EN_MONTH_ABBREVS),
        };
        if let Some(k) = names.iter().position(|n| *n == w) {
            return Some(MonthWord {
                month: k as u32 + 1,
                next: i + 1,
                abbrev: false,
                ambiguous: AMBIGUOUS_MONTHS.contains(&w),
                capitalised,
            });
        }
        let &(_, month) = abbrevs.iter().find(|(a, _)| *a == w)?;
        let dot = self.is_punct(i + 1, ".") && self.glued(i + 1);
        // `sept`, `dec` are French words too: only the dotted form is a month.
        if self.lang == Lang::Fr && !dot {
            return None;
        }
        Some(MonthWord {
            month,
            next: if dot { i + 2 } else { i + 1 },
            abbrev: true,
            ambiguous: true,
            capitalised,
        })
    }

    fn weekday_at(&self, i: usize, abbrev_ok: bool) -> Option<(Weekday, usize)> {
        let t = self.tok(i).filter(|t| t.kind == Kind::Word)?;
        let w = t.norm.as_ref();
        match self.lang {
            Lang::Fr => FR_WEEKDAYS
                .iter()
                .position(|d| *d == w)
                .map(|k| (WEEKDAYS[k], i + 1)),
            Lang::En if !t.capitalised() => None,
            Lang::En => {
                if let Some(k) = EN_WEEKDAYS.iter().position(|d| *d == w) {
                    return Some((WEEKDAYS[k], i + 1));
                }
                let &(_, k) = EN_WEEKDAY_ABBREVS
                    .iter()
                    .find(|(a, _)| *a == w)
                    .filter(|_| abbrev_ok)?;
                let next = if self.is_punct(i + 1, ".") {
                    i + 2
                } else {
                    i + 1
                };
                Some((WEEKDAYS[k], next))
            }
        }
    }

    /// An optional weekday (and comma) before a date: `lundi 20`, `Tuesday,
    /// Oct. 20`.
    fn weekday_prefix(&self, i: usize) -> (Option<Weekday>, usize) {
        match self.weekday_at(i, true) {
            Some((weekday, j)) if self.is_punct(j, ",") => (Some(weekday), j + 1),
            Some((weekday, j)) => (Some(weekday), j),
            None => (None, i),
        }
    }

    /// English `last`, `next`, `this` before a month or a weekday.
    fn dir_prefix(&self, i: usize) -> (Dir, usize) {
        if self.lang != Lang::En {
            return (Dir::Context, i);
        }
        match self.word(i) {
            Some("last") => (Dir::Past, i + 1),
            Some("next") => (Dir::Future, i + 1),
            Some("this") => (Dir::Context, i + 1),
            _ => (Dir::Context, i),
        }
    }

    /// French `dernier`, `prochain` after a month, a day or a weekday.
    fn dir_suffix(&self, k: usize) -> (Dir, usize) {
        if self.lang != Lang::Fr {
            return (Dir::Context, k);
        }
        match self.word(k) {
            Some("dernier" | "derniere") => (Dir::Past, k + 1),
            Some("prochain" | "prochaine") => (Dir::Future, k + 1),
            _ => (Dir::Context, k),
        }
    }

    /// A word or mark joining two dates of a list or range (`et`, `au`,
    /// `-`, `to`); returns the token after it.
    fn connector_at(&self, k: usize) -> Option<usize> {
        let joins = self.word_in(k, &["et", "ou", "au", "and", "or", "to", "through"])
            || self.is_a_grave(k)
            || self.punct_in(k, &["-", "/", "&"]);
        joins.then_some(k + 1)
    }

    /// Whether token `i` continues a list started by the previous match
    /// (`en 2011 et 2012`, `entre septembre et novembre`).
    fn chained(&self, i: usize, chain: Option<&Match>, level: impl Fn(&Raw) -> bool) -> bool {
        chain.is_some_and(|c| c.end + 1 == i && level(&c.raw) && self.connector_at(c.end).is_some())
    }

    // ---- matchers

    /// All expressions of the text, leftmost-longest, in order.
    fn matches(&self) -> Vec<Match> {
        let mut out: Vec<Match> = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            match self.longest_at(i, out.last()) {
                Some(m) => {
                    i = m.end;
                    out.push(m);
                }
                None => i += 1,
            }
        }
        out
    }

    fn longest_at(&self, i: usize, chain: Option<&Match>) -> Option<Match> {
        let candidates = [
            self.numeric(i),
            self.day_first(i),
            self.month_first(i, chain),
            self.part(i),
            self.season(i),
            self.bare_year(i, chain),
            self.continuation(i, chain),
            self.relative(i),
            self.weekday_alone(i),
        ];
        candidates
            .into_iter()
            .flatten()
            // The scan resumes at `end`: an empty match would never advance.
            .filter(|m| m.end > m.start)
            .fold(None, |best, m| match best {
                Some(b) if b.end >= m.end => Some(b),
                _ => Some(m),
            })
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
    fn day_first(&self, i: usize) -> Option<Match> {
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
    fn month_first(&self, i: usize, chain: Option<&Match>) -> Option<Match> {
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

    /// `début octobre`, `fin 2016`, `mi-novembre`, `early October`, `end of
    /// 2016`, `mid-2016`.
    fn part(&self, i: usize) -> Option<Match> {
        let k = self.part_prefix(i)?;
        if let Some(mw) = self.month_at(k) {
            if let Some((year, end)) = self.year_after(mw.next, false) {
                let raw = exact(DatePoint::month(year, mw.month));
                return Some(Match { start: i, end, raw });
            }
            let (dir, end) = self.dir_suffix(mw.next);
            let raw = Raw::Month {
                month: mw.month,
                dir,
            };
            return Some(Match { start: i, end, raw });
        }
        let (year, end) = self.year_after(k, false)?;
        let raw = Raw::Exact(DatePoint::year(year));
        Some(Match { start: i, end, raw })
    }

    fn part_prefix(&self, i: usize) -> Option<usize> {
        let w = self.word(i)?;
        let after_hyphen = |k: usize| if self.is_punct(k, "-") { k + 1 } else { k };
        match (self.lang, w) {
            (Lang::Fr, "debut" | "fin" | "courant") => Some(i + 1),
            (Lang::Fr, "mi") => Some(after_hyphen(i + 1)),
            (Lang::En, "early" | "late") => Some(i + 1),
            (Lang::En, "mid") => Some(after_hyphen(i + 1)),
            (Lang::En, "end" | "beginning" | "start" | "middle") => {
                self.is_word(i + 1, "of").then_some(i + 2)
            }
            _ => None,
        }
    }

    /// `l'automne 2015`, `été 2016`, `the summer of 2016`: a year.
    fn season(&self, i: usize) -> Option<Match> {
        let seasons: &[&str] = match self.lang {
            Lang::Fr => &FR_SEASONS,
            Lang::En => &EN_SEASONS,
        };
        if !self.word_in(i, seasons) {
            return None;
        }
        // `été` is also the participle of `être` (`ont été 2017 à...`).
        let summer_ok = self.sentence_start(i)
            || self
                .prev_word(i)
                .is_some_and(|p| self.word_in(p, &["l", "cet"]));
        if self.is_word(i, "ete") && !summer_ok {
            return None;
        }
        // `fall` is also a verb (`prices fall 2016 points`).
        let autumn_ok = self.tok(i).is_some_and(Tok::capitalised)
            || self
                .prev_word(i)
                .is_some_and(|p| self.word_in(p, &EN_SEASON_BEFORE));
        if self.is_word(i, "fall") && !autumn_ok {
            return None;
        }
        let mut k = i + 1;
        if self.word_in(k, &["de", "d", "of"]) {
            k += 1;
            if self.is_punct(k, "'") {
                k += 1;
            }
        }
        let (year, end) = self.year_after(k, false)?;
        let raw = Raw::Exact(DatePoint::year(year));
        Some(Match { start: i, end, raw })
    }

    /// A four-digit number that a cue makes a year: `en 2015`, `depuis
    /// 2011`, `since 2011`, `de 2011 à 2015`.
    fn bare_year(&self, i: usize, chain: Option<&Match>) -> Option<Match> {
        let (year, end) = self.year_at(i)?;
        if !(1900..=2100).contains(&year) {
            return None;
        }
        let after_comma = chain.is_some_and(|c| c.raw.is_year() && c.end + 1 == i)
            && i.checked_sub(1).is_some_and(|p| self.is_punct(p, ","));
        let cue = if self.chained(i, chain, Raw::is_year) {
            Cue::Strong
        } else if after_comma {
            // `en 2015, 2016 et 2017`, but not `en 2015, 2000 personnes`.
            Cue::Weak
        } else {
            self.year_cue(i)?
        };
        if !self.follows_year(end, cue) || !self.range_end_is_year(end) {
            return None;
        }
        let raw = Raw::Exact(DatePoint::year(year));
        Some(Match { start: i, end, raw })
    }

    fn year_cue(&self, i: usize) -> Option<Cue> {
        let p = self.prev_word(i)?;
        let w = self.word(p)?;
        if self.is_des(p) || self.is_jusqua(p) || STRONG_YEAR_CUES.contains(&w) {
            return Some(Cue::Strong);
        }
        if !WEAK_YEAR_CUES.contains(&w) {
            return None;
        }
        let quantity = self
            .prev_word(p)
            .is_some_and(|q| self.word_in(q, &QUANTITY_WORDS));
        (!quantity).then_some(Cue::Weak)
    }

    /// In `entre 2000 et 2500 manifestants` the second number shows both are
    /// counts: a four-digit number after a connector must itself be a year.
    fn range_end_is_year(&self, end: usize) -> bool {
        let Some(k) = self.connector_at(end) else {
            return true;
        };
        if self.num(k).is_none_or(|d| d.len() != 4) {
            return true;
        }
        self.year_at(k).is_some_and(|(y, after)| {
            (1900..=2100).contains(&y) && self.follows_year(after, Cue::Strong)
        })
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

    /// `hier`, `la veille`, `l'an dernier`, `last week`, `today`...
    fn relative(&self, i: usize) -> Option<Match> {
        let phrases: &[Phrase] = match self.lang {
            Lang::Fr => &FR_PHRASES,
            Lang::En => &EN_PHRASES,
        };
        phrases
            .iter()
            .filter(|p| {
                p.words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| self.tok(i + k).is_some_and(|t| t.norm == *w))
            })
            .filter(|p| self.guard_holds(p.guard, i, i + p.words.len()))
            .max_by_key(|p| p.words.len())
            .map(|p| Match {
                start: i,
                end: i + p.words.len(),
                raw: p.raw,
            })
    }

    fn guard_holds(&self, guard: Guard, start: usize, end: usize) -> bool {
        match guard {
            Guard::None => true,
            Guard::NotThen => !(self.is_punct(end, "-") && self.is_word(end + 1, "la")),
            Guard::NotOfEvent => !self.word_in(end, &["de", "du", "des", "d"]),
            Guard::NotAfterThe => !self
                .prev_word(start)
                .is_some_and(|p| self.word_in(p, &["the", "past"])),
        }
    }

    /// `mardi`, `mercredi soir`, `lundi dernier`, `on Tuesday`, `next Friday`.
    fn weekday_alone(&self, i: usize) -> Option<Match> {
        let (dir, j) = self.dir_prefix(i);
        let (weekday, end) = self.weekday_at(j, false)?;
        // A weekday opening a full date belongs to it.
        if self.day_first(j).is_some() || self.month_first(j, None).is_some() {
            return None;
        }
        if (j == i && self.habit_or_name_before(i)) || self.feast_after(end) {
            return None;
        }
        let (dir, end) = match self.dir_suffix(end) {
            (Dir::Context, _) => (dir, end),
            suffixed => suffixed,
        };
        let raw = Raw::Weekday { weekday, dir };
        Some(Match { start: i, end, raw })
    }

    /// `le lundi` (every Monday), `chaque lundi`, `every Monday`, `Black
    /// Friday`.
    fn habit_or_name_before(&self, i: usize) -> bool {
        let Some(p) = self.prev_word(i) else {
            return false;
        };
        match self.lang {
            Lang::Fr => self.word_in(p, &FR_NOT_A_DAY_BEFORE),
            Lang::En => self.word_in(p, &EN_NOT_A_DAY_BEFORE),
        }
    }

    /// `mardi gras`, `vendredi saint`, `lundi de Pâques`.
    fn feast_after(&self, end: usize) -> bool {
        self.lang == Lang::Fr
            && (self.word_in(end, &FR_FEASTS_AFTER)
                || (self.word_in(end, &["de", "des"])
                    && self.word_in(end + 1, &FR_FEASTS_AFTER_DE)))
    }

    // ---- self dates

    /// `ce 21 novembre`, `ce lundi 20 novembre`.
    fn says_this_day(&self, m: &Match) -> bool {
        self.lang == Lang::Fr
            && self
                .prev_word(m.start)
                .is_some_and(|p| self.is_word(p, "ce"))
    }

    /// `Published on 21 November 2017`, `Publié le 21 novembre`, `mis en
    /// ligne le`.
    fn after_published(&self, start: usize) -> bool {
        let mut j = start;
        for _ in 0..4 {
            let Some(p) = j.checked_sub(1) else {
                return false;
            };
            if self.word_in(p, &PUBLISHED_WORDS) {
                return true;
            }
            let filler = self.word_in(p, &["on", "le", "the", "at"])
                || self.punct_in(p, &[":", ",", "-", "|"]);
            if !filler {
                return false;
            }
            j = p;
        }
        false
    }

    /// A date heading the text: alone on its line (`November 21, 2017`), or
    /// after a place in capitals (`MOSCOW, Nov. 21 (Reuters) -`).
    fn is_dateline(&self, m: &Match) -> bool {
        if self.tok(m.start).is_none_or(|t| t.start > DATELINE_REACH) {
            return false;
        }
        let mut line_start = m.start;
        while line_start > 0 && !self.newline_between(line_start - 1, line_start) {
            line_start -= 1;
        }
        self.is_place_prefix(line_start, m.start) && self.ends_dateline(m.end)
    }

    /// Tokens `from..to` are nothing, or a place (capitalised words and
    /// light marks) ending with a comma (`Paris, le`).
    fn is_place_prefix(&self, from: usize, to: usize) -> bool {
        if from == to {
            return true;
        }
        let to = if self.is_word(to - 1, "le") {
            to - 1
        } else {
            to
        };
        if to <= from || to - from > 10 || !self.is_punct(to - 1, ",") {
            return false;
        }
        let place_tok = |k: usize| {
            self.tok(k).is_some_and(|t| match t.kind {
                Kind::Word => t.capitalised(),
                Kind::Punct => matches!(t.norm.as_ref(), "," | "." | "-" | "/" | "(" | ")" | "'"),
                Kind::Num => false,
            })
        };
        (from..to).all(place_tok)
            && (from..to).any(|k| self.tok(k).is_some_and(|t| t.kind == Kind::Word))
    }

    fn ends_dateline(&self, end: usize) -> bool {
        end >= self.toks.len()
            || end
                .checked_sub(1)
                .is_some_and(|p| self.newline_between(p, end))
            || self.punct_in(end, &["(", "-", "|", ":", ",", "/"])
    }

    // ---- tense

    /// Whether the weekday at token `idx` is spoken of in the future: the
    /// tense of the verb nearest before it (verbs precede their dates in both
    /// languages), else after it, in its comma-bounded segment, then in its
    /// clause; else whether the sentence has any future at all.
    fn future_at(&self, idx: usize) -> bool {
        [true, false]
            .into_iter()
            .find_map(|soft| {
                let (s, e) = self.clause_bounds(idx, soft);
                self.nearest_marker(s, idx, e)
            })
            .map_or_else(|| self.any_future(), |t| t == Tense::Future)
    }

    fn clause_bounds(&self, idx: usize, soft: bool) -> (usize, usize) {
        let start = (0..idx)
            .rev()
            .find(|&j| self.is_boundary(j, soft))
            .map_or(0, |j| j + 1);
        let end = (idx + 1..self.toks.len())
            .find(|&j| self.is_boundary(j, soft))
            .unwrap_or(self.toks.len());
        (start, end)
    }

    fn is_boundary(&self, j: usize, soft: bool) -> bool {
        let words: &[&str] = match self.lang {
            Lang::Fr => &FR_CLAUSE_WORDS,
            Lang::En => &EN_CLAUSE_WORDS,
        };
        self.punct_in(j, &CLAUSE_MARKS) || self.word_in(j, words) || (soft && self.is_punct(j, ","))
    }

    /// The tense marker of `s..e` nearest before `idx`, else nearest after
    /// (`a rencontré lundi X et se rendra jeudi`: each day its own verb).
    fn nearest_marker(&self, s: usize, idx: usize, e: usize) -> Option<Tense> {
        (s..idx)
            .rev()
            .find_map(|j| self.marker(j))
            .or_else(|| (idx + 1..e).find_map(|j| self.marker(j)))
    }

    fn any_future(&self) -> bool {
        (0..self.toks.len()).any(|j| self.marker(j) == Some(Tense::Future))
    }

    fn marker(&self, j: usize) -> Option<Tense> {
        let t = self.tok(j).filter(|t| t.kind == Kind::Word)?;
        match self.lang {
            Lang::Fr => self.marker_fr(j, t),
            Lang::En => self.marker_en(j, t),
        }
    }

    fn marker_fr(&self, j: usize, t: &Tok<'_>) -> Option<Tense> {
        let w = t.norm.as_ref();
        // `a` the auxiliary, not `à`.
        let past = t.raw == "a"
            || FR_PAST_WORDS.contains(&w)
            || (w == "est" && self.prev_word(j).is_some_and(|p| self.is_word(p, "s")))
            || (w == "sont" && self.prev_word(j).is_some_and(|p| self.is_word(p, "se")));
        if past {
            return Some(Tense::Past);
        }
        let future = FR_FUTURE_WORDS.contains(&w)
            || (!t.capitalised() && is_fr_future_form(w))
            || (matches!(
                w,
                "va" | "vont" | "doit" | "doivent" | "devrait" | "devraient"
            ) && self.infinitive_follows(j + 1))
            || (w == "venir" && j.checked_sub(1).is_some_and(|p| self.is_a_grave(p)))
            || ((w.starts_with("prevu") || w.starts_with("attendu"))
                && self
                    .prev_word(j)
                    .is_some_and(|p| self.word_in(p, &["est", "sont"])));
        future.then_some(Tense::Future)
    }

    /// An infinitive after `va`, `doit`..., past clitics and adverbs (`va se
    /// rendre`, `doit encore participer`).
    fn infinitive_follows(&self, mut k: usize) -> bool {
        for _ in 0..6 {
            if self.punct_in(k, &["'", "-"])
                || self.word_in(k, &FR_CLITICS)
                || self.word_in(k, &FR_ADVERBS)
            {
                k += 1;
            } else {
                break;
            }
        }
        self.word(k).is_some_and(|w| {
            w.len() >= 3
                && ["er", "ir", "re", "oir"].iter().any(|s| w.ends_with(s))
                && !FR_NOT_INFINITIVES.contains(&w)
        })
    }

    fn marker_en(&self, j: usize, t: &Tok<'_>) -> Option<Tense> {
        let w = t.norm.as_ref();
        if EN_PAST_WORDS.contains(&w) {
            // `will be held`: a passive participle, not a past tense.
            let passive = self
                .prev_word(j)
                .is_some_and(|p| self.word_in(p, &["be", "been", "being"]));
            return (!passive).then_some(Tense::Past);
        }
        let future = match w {
            "will" => {
                t.raw == "will"
                    && !self
                        .prev_word(j)
                        .is_some_and(|p| self.word_in(p, &EN_WILL_NOUN_BEFORE))
                    && self.word(j + 1).is_some_and(|n| n != "of")
            }
            "shall" | "tomorrow" | "upcoming" | "forthcoming" => true,
            "ll" => self.glued(j) && j.checked_sub(1).is_some_and(|p| self.is_punct(p, "'")),
            "won" => self.is_punct(j + 1, "'") && self.is_word(j + 2, "t"),
            "next" => !self.word_in(j + 1, &["to", "day", "morning", "door"]),
            "is" | "are" | "am" => self.be_to_follows(j),
            _ => false,
        };
        future.then_some(Tense::Future)
    }

    /// `is to meet`, `are due to arrive`, `is expected to`: not `the goal
    /// is to`, nor `is due to the fact`.
    fn be_to_follows(&self, j: usize) -> bool {
        if self
            .prev_word(j)
            .is_some_and(|p| self.word_in(p, &EN_AIM_NOUNS))
        {
            return false;
        }
        let k = if self.word_in(j + 1, &EN_SCHEDULE_WORDS) {
            j + 2
        } else {
            j + 1
        };
        self.is_word(k, "to")
            && self
                .word(k + 1)
                .is_some_and(|w| !EN_DETERMINERS.contains(&w))
    }
}

/// A French verb in the simple future, third person, by its ending.
fn is_fr_future_form(w: &str) -> bool {
    w.len() >= 4 && FR_FUTURE_ENDINGS.iter().any(|e| w.ends_with(e)) && !FR_NOT_FUTURE.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Lang::{En, Fr};
    use Precision::{Day as D, Month as M, Year as Y};

    /// (sentence, anchor or "", language, the one expected date, its
    /// precision). `None` means no date at all.
    type Row = (
        &'static str,
        &'static str,
        Lang,
        Option<&'static str>,
        Option<Precision>,
    );

    #[rustfmt::skip]
    const ROWS: &[Row] = &[
        // The article's own sentences.
        ("Une rencontre surprise a eu lieu entre A et B, dans la soirée de lundi 20 novembre à Sotchi", "2017-11-21", Fr, Some("2017-11-20"), Some(D)),
        ("un sommet organisé mercredi 22 novembre en Russie",                                           "2017-11-21", Fr, Some("2017-11-22"), Some(D)),
        ("Cela se poursuivra d'ailleurs le 28 novembre à Genève",                                       "2017-11-21", Fr, Some("2017-11-28"), Some(D)),
        ("la guerre qui a fait au moins 330.000 morts en six ans",                                      "2017-11-21", Fr, None,               None),
        ("sa décision d'intervenir militairement le 30 septembre",                                      "2021-11",    Fr, Some("2021-09-30"), Some(D)),
        ("une offensive le 17 octobre au sud de la ville",                                              "2021-11",    Fr, Some("2021-10-17"), Some(D)),
        ("une visite surprise mardi à Moscou",                                                          "2021-11",    Fr, None,               None),
        ("En décembre 2022, les ministres ont tenu des pourparlers",                                    "",           Fr, Some("2022-12"),    Some(M)),
        ("les combats durent depuis septembre 2015",                                                    "",           Fr, Some("2015-09"),    Some(M)),
        ("leur dernière rencontre remonte à mars 2015 au Kremlin",                                      "",           Fr, Some("2015-03"),    Some(M)),
        ("ont rompu leurs relations diplomatiques en 2011",                                             "",           Fr, Some("2011"),       Some(Y)),
        ("S'adressant aux journalistes le 15 juillet",                                                  "",           Fr, None,               None),
        ("M. Poutine se rend, jeudi 28 septembre, en Turquie",                                          "2017-09",    Fr, Some("2017-09-28"), Some(D)),
        ("la destruction, en novembre 2015, d'un bombardier",                                           "2017-09",    Fr, Some("2015-11"),    Some(M)),
        ("ont annoncé le 15 septembre à Astana un accord",                                              "2017-09",    Fr, Some("2017-09-15"), Some(D)),
        ("lors d'un entretien téléphonique avec M. Erdogan lundi",                                      "2017-09",    Fr, None,               None),
        // Numeric dates.
        ("le décret du 21/11/2017 est paru",                                                            "",           Fr, Some("2017-11-21"), Some(D)),
        ("le décret du 21.11.2017 est paru",                                                            "",           Fr, Some("2017-11-21"), Some(D)),
        ("mis à jour 2017-11-21 à midi",                                                                "",           Fr, Some("2017-11-21"), Some(D)),
        ("the 11/21/2017 filing",                                                                       "",           En, Some("2017-11-21"), Some(D)),
        ("the 05/06/2017 filing",                                                                       "",           En, None,               None),
        ("le 31/02/2017",                                                                               "",           Fr, None,               None),
        ("le 99/99/9999",                                                                               "",           Fr, None,               None),
        // Day and month.
        ("le 1er mars",                                                                                 "2017-11-21", Fr, Some("2017-03-01"), Some(D)),
        ("jeudi 28 septembre 2017",                                                                     "",           Fr, Some("2017-09-28"), Some(D)),
        ("le 20 novembre 2017",                                                                         "",           Fr, Some("2017-11-20"), Some(D)),
        ("le 5 mai",                                                                                    "2017-11-21", Fr, Some("2017-05-05"), Some(D)),
        ("le 8 mars",                                                                                   "2017-11-21", Fr, Some("2017-03-08"), Some(D)),
        ("le 20 novembre dernier",                                                                      "2017-11-10", Fr, Some("2016-11-20"), Some(D)),
        ("le 15 mars prochain",                                                                         "2017-11-21", Fr, Some("2018-03-15"), Some(D)),
        // Year roll-over and weekday checks.
        ("le 20 décembre",                                                                              "2018-01-05", Fr, Some("2017-12-20"), Some(D)),
        ("le 20 décembre",                                                                              "2018-01",    Fr, Some("2017-12-20"), Some(D)),
        ("jeudi 28 septembre",                                                                          "2018-10-02", Fr, Some("2017-09-28"), Some(D)),
        ("mardi 30 septembre",                                                                          "2017-10-05", Fr, Some("2017-09-30"), Some(D)),
        ("jeudi 28 septembre 2016",                                                                     "",           Fr, Some("2016-09-28"), Some(D)),
        // Months.
        ("en août",                                                                                     "2017-11-21", Fr, Some("2017-08"),    Some(M)),
        ("en août",                                                                                     "",           Fr, None,               None),
        ("en decembre",                                                                                 "2017-09",    Fr, Some("2016-12"),    Some(M)),
        ("depuis fevrier",                                                                              "2017",       Fr, Some("2017-02"),    Some(M)),
        ("au mois d'août",                                                                              "2017-11-21", Fr, Some("2017-08"),    Some(M)),
        ("en août dernier",                                                                             "2017-08-15", Fr, Some("2016-08"),    Some(M)),
        // Years, seasons, parts.
        ("depuis 2011",                                                                                 "",           Fr, Some("2011"),       Some(Y)),
        ("dès 2014",                                                                                    "",           Fr, Some("2014"),       Some(Y)),
        ("jusqu'en 2020",                                                                               "",           Fr, Some("2020"),       Some(Y)),
        ("le sommet de 2015 a eu lieu",                                                                 "",           Fr, Some("2015"),       Some(Y)),
        ("à l'automne 2015",                                                                            "",           Fr, Some("2015"),       Some(Y)),
        ("pendant l'été 2016",                                                                          "",           Fr, Some("2016"),       Some(Y)),
        ("début 2016",                                                                                  "",           Fr, Some("2016"),       Some(Y)),
        ("fin 2016",                                                                                    "",           Fr, Some("2016"),       Some(Y)),
        ("à la mi-2016",                                                                                "",           Fr, Some("2016"),       Some(Y)),
        ("fin octobre",                                                                                 "2017-11-21", Fr, Some("2017-10"),    Some(M)),
        ("début octobre",                                                                               "2017-11-21", Fr, Some("2017-10"),    Some(M)),
        ("à la mi-novembre",                                                                            "2017-11-21", Fr, Some("2017-11"),    Some(M)),
        ("fin octobre 2016",                                                                            "",           Fr, Some("2016-10"),    Some(M)),
        ("fin mars",                                                                                    "2017-11-21", Fr, Some("2017-03"),    Some(M)),
        // Weekdays alone, past and future.
        ("Il se rendra jeudi à Moscou",                                                                 "2017-11-21", Fr, Some("2017-11-23"), Some(D)),
        ("Il a rencontré jeudi son homologue",                                                          "2017-11-21", Fr, Some("2017-11-16"), Some(D)),
        ("Le ministre a parlé mardi",                                                                   "2017-11-21", Fr, Some("2017-11-21"), Some(D)),
        ("mercredi soir, les troupes sont entrées",                                                     "2017-11-21", Fr, Some("2017-11-15"), Some(D)),
        ("Les deux hommes doivent se retrouver vendredi",                                               "2017-11-21", Fr, Some("2017-11-24"), Some(D)),
        ("lundi dernier",                                                                               "2017-11-21", Fr, Some("2017-11-20"), Some(D)),
        ("mardi dernier",                                                                               "2017-11-21", Fr, Some("2017-11-14"), Some(D)),
        ("mardi prochain",                                                                              "2017-11-21", Fr, Some("2017-11-28"), Some(D)),
        ("mardi",                                                                                       "2017",       Fr, None,               None),
        ("chaque lundi",                                                                                "2017-11-21", Fr, None,               None),
        ("le mardi gras",                                                                               "2017-11-21", Fr, None,               None),
        // Relative words.
        ("hier",                                                                                        "2017-11-21", Fr, Some("2017-11-20"), Some(D)),
        ("avant-hier",                                                                                  "2017-11-21", Fr, Some("2017-11-19"), Some(D)),
        ("aujourd’hui",                                                                                 "2017-11-21", Fr, Some("2017-11-21"), Some(D)),
        ("à ce jour",                                                                                   "2017-11-21", Fr, Some("2017-11-21"), Some(D)),
        ("demain",                                                                                      "2017-11-21", Fr, Some("2017-11-22"), Some(D)),
        ("la veille",                                                                                   "2017-11-21", Fr, Some("2017-11-20"), Some(D)),
        ("le lendemain",                                                                                "2017-11-21", Fr, Some("2017-11-22"), Some(D)),
        ("la veille du sommet",                                                                         "2017-11-21", Fr, None,               None),
        ("ce jour-là",                                                                                  "2017-11-21", Fr, None,               None),
        ("hier",                                                                                        "2017-11",    Fr, None,               None),
        ("la semaine dernière",                                                                         "2017-11-21", Fr, Some("2017-11"),    Some(M)),
        ("la semaine dernière",                                                                         "2017-11-03", Fr, Some("2017-10"),    Some(M)),
        ("la semaine prochaine",                                                                        "2017-11-28", Fr, Some("2017-12"),    Some(M)),
        ("le mois dernier",                                                                             "2018-01",    Fr, Some("2017-12"),    Some(M)),
        ("ce mois-ci",                                                                                  "2017-11-21", Fr, Some("2017-11"),    Some(M)),
        ("l'année dernière",                                                                            "2017",       Fr, Some("2016"),       Some(Y)),
        ("l'an dernier",                                                                                "2017-11-21", Fr, Some("2016"),       Some(Y)),
        ("cette année",                                                                                 "2017-11",    Fr, Some("2017"),       Some(Y)),
        ("l'année prochaine",                                                                           "2017",       Fr, Some("2018"),       Some(Y)),
        ("cette année-là",                                                                              "2017",       Fr, None,               None),
        // Durations and numbers that are not dates.
        ("depuis trois semaines",                                                                       "2017-11-21", Fr, None,               None),
        ("pendant deux jours",                                                                          "2017-11-21", Fr, None,               None),
        ("il y a 12 ans",                                                                               "2017-11-21", Fr, None,               None),
        ("depuis 20 jours",                                                                             "2017-11-21", Fr, None,               None),
        ("on compte 2.000 morts",                                                                       "2017-11-21", Fr, None,               None),
        ("plus de 2000 manifestants",                                                                   "2017-11-21", Fr, None,               None),
        ("entre 2000 et 2500 manifestants",                                                             "2017-11-21", Fr, None,               None),
        ("il a 4.000 soldats en 2000 points",                                                           "2017-11-21", Fr, None,               None),
        // Month names inside other words or used otherwise.
        ("à Marseille maintenant",                                                                      "2017-11-21", Fr, None,               None),
        ("la planète Mars",                                                                             "2017-11-21", Fr, None,               None),
        ("la mission Mars 2020",                                                                        "2017-11-21", Fr, None,               None),
        ("Ils ont été 2017 à manifester",                                                               "",           Fr, None,               None),
        ("le lundi 20 heures",                                                                          "2017-11-21", Fr, None,               None),
        ("L'Airbus A320 et le G20, loi 2015-1234",                                                      "",           Fr, None,               None),
        ("Les années 1990 ont vu la chute de l'URSS",                                                   "",           Fr, None,               None),
        ("Il aura 65 ans le 7 octobre prochain",                                                        "2017-11-21", Fr, Some("2018-10-07"), Some(D)),
        ("Il sera reçu mardi.",                                                                         "2017-11-21", Fr, Some("2017-11-28"), Some(D)),
        ("les sept pays",                                                                               "2017-11-21", Fr, None,               None),
        // English.
        ("The talks took place on Oct. 20.",                                                            "2015-10-21", En, Some("2015-10-20"), Some(D)),
        ("signed on October 20, 2015 in Vienna",                                                        "",           En, Some("2015-10-20"), Some(D)),
        ("signed on 20 October 2015",                                                                   "",           En, Some("2015-10-20"), Some(D)),
        ("signed on 20 October",                                                                        "2015-11",    En, Some("2015-10-20"), Some(D)),
        ("on Tuesday, Oct. 20, the ministers met",                                                      "2015-10-25", En, Some("2015-10-20"), Some(D)),
        ("the 21st of November",                                                                        "2017-11-21", En, Some("2017-11-21"), Some(D)),
        ("in March 2015",                                                                               "",           En, Some("2015-03"),    Some(M)),
        ("March 2015 was cold",                                                                         "",           En, Some("2015-03"),    Some(M)),
        ("in August",                                                                                   "2017-11-21", En, Some("2017-08"),    Some(M)),
        ("In May, the party won",                                                                       "2017-11-21", En, Some("2017-05"),    Some(M)),
        ("last October",                                                                                "2017-11-21", En, Some("2017-10"),    Some(M)),
        ("in 2011",                                                                                     "",           En, Some("2011"),       Some(Y)),
        ("since 2011",                                                                                  "",           En, Some("2011"),       Some(Y)),
        ("by 2030, the plan says",                                                                      "",           En, Some("2030"),       Some(Y)),
        ("in the summer of 2016",                                                                       "",           En, Some("2016"),       Some(Y)),
        ("late 2016",                                                                                   "",           En, Some("2016"),       Some(Y)),
        ("mid-2016",                                                                                    "",           En, Some("2016"),       Some(Y)),
        ("at the end of October",                                                                       "2017-11-21", En, Some("2017-10"),    Some(M)),
        ("early October",                                                                               "2017-11-21", En, Some("2017-10"),    Some(M)),
        ("mid-November",                                                                                "2017-11-21", En, Some("2017-11"),    Some(M)),
        ("He will meet Erdogan on Thursday",                                                            "2017-11-21", En, Some("2017-11-23"), Some(D)),
        ("He met Erdogan on Thursday",                                                                  "2017-11-21", En, Some("2017-11-16"), Some(D)),
        ("He is due to arrive on Friday",                                                               "2017-11-21", En, Some("2017-11-24"), Some(D)),
        ("Putin will host Erdogan and Rouhani in Sochi on Wednesday, the Kremlin said.",                "2017-11-21", En, Some("2017-11-22"), Some(D)),
        ("The talks will be held on Thursday.",                                                         "2017-11-21", En, Some("2017-11-23"), Some(D)),
        ("Erdogan said on Tuesday he would go",                                                         "2017-11-21", En, Some("2017-11-21"), Some(D)),
        ("The 1990s were turbulent",                                                                    "",           En, None,               None),
        ("Prices fall 2016 percent",                                                                    "",           En, None,               None),
        ("last Tuesday",                                                                                "2017-11-21", En, Some("2017-11-14"), Some(D)),
        ("yesterday",                                                                                   "2017-11-21", En, Some("2017-11-20"), Some(D)),
        ("today",                                                                                       "2017-11-21", En, Some("2017-11-21"), Some(D)),
        ("tomorrow",                                                                                    "2017-11-21", En, Some("2017-11-22"), Some(D)),
        ("last week",                                                                                   "2017-11-21", En, Some("2017-11"),    Some(M)),
        ("last month",                                                                                  "2017-11-21", En, Some("2017-10"),    Some(M)),
        ("this month",                                                                                  "2017-11-21", En, Some("2017-11"),    Some(M)),
        ("last year",                                                                                   "2017-11-21", En, Some("2016"),       Some(Y)),
        ("this year",                                                                                   "2017",       En, Some("2017"),       Some(Y)),
        ("next year",                                                                                   "2017",       En, Some("2018"),       Some(Y)),
        ("over the last year",                                                                          "2017",       En, None,               None),
        ("for three weeks",                                                                             "2017-11-21", En, None,               None),
        ("in six years",                                                                                "2017-11-21", En, None,               None),
        ("They may meet again",                                                                         "2017-11-21", En, None,               None),
        ("Theresa May said",                                                                            "2017-11-21", En, None,               None),
        ("the march on Washington",                                                                     "2017-11-21", En, None,               None),
        ("more than 2,000 people",                                                                      "2017-11-21", En, None,               None),
        ("around 2000 people",                                                                          "2017-11-21", En, None,               None),
        ("every Monday",                                                                                "2017-11-21", En, None,               None),
        ("on Tuesday",                                                                                  "2017-09",    En, None,               None),
    ];

    fn anchor(s: &str) -> Option<DatePoint> {
        DatePoint::parse(s)
    }

    #[test]
    fn table() {
        assert!(ROWS.len() >= 60);
        let mut failures = Vec::new();
        for &(text, anchor_s, lang, want, precision) in ROWS {
            let got = find_dates(text, anchor(anchor_s), lang);
            let ok = match want {
                None => got.is_empty(),
                Some(w) => {
                    got.len() == 1
                        && got[0].date.to_string() == w
                        && Some(got[0].date.precision()) == precision
                }
            };
            for e in &got {
                assert!(text.get(e.start..e.end).is_some(), "bad range in {text:?}");
            }
            if !ok {
                let dates: Vec<_> = got
                    .iter()
                    .map(|e| (e.date.to_string(), &text[e.start..e.end]))
                    .collect();
                failures.push(format!(
                    "{text:?} under {anchor_s:?}: want {want:?}, got {dates:?}"
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    fn spans(text: &str, anchor_s: &str, lang: Lang) -> Vec<(String, String, bool)> {
        find_dates(text, anchor(anchor_s), lang)
            .into_iter()
            .map(|e| {
                (
                    text[e.start..e.end].to_string(),
                    e.date.to_string(),
                    e.relative,
                )
            })
            .collect()
    }

    fn span(s: &str, date: &str, relative: bool) -> (String, String, bool) {
        (s.to_string(), date.to_string(), relative)
    }

    #[test]
    fn spans_and_relative_flag() {
        assert_eq!(
            spans(
                "dans la soirée de lundi 20 novembre à Sotchi",
                "2017-11-21",
                Fr
            ),
            [span("lundi 20 novembre", "2017-11-20", true)]
        );
        assert_eq!(
            spans(
                "Le 21/11/2017, l’armée a pris la ville, hier soir.",
                "2017-11-22",
                Fr
            ),
            [
                span("21/11/2017", "2017-11-21", false),
                span("hier", "2017-11-21", true)
            ]
        );
        assert_eq!(
            spans("Début 2016 et en août, à la mi-novembre", "2017-11-21", Fr),
            [
                span("Début 2016", "2016", false),
                span("août", "2017-08", true),
                span("mi-novembre", "2017-11", true)
            ]
        );
    }

    #[test]
    fn lists_and_ranges() {
        assert_eq!(
            spans("les 20 et 21 novembre", "2017-11-21", Fr),
            [
                span("20", "2017-11-20", true),
                span("21 novembre", "2017-11-21", true)
            ]
        );
        assert_eq!(
            spans("du 20 au 22 novembre 2017", "", Fr),
            [
                span("20", "2017-11-20", false),
                span("22 novembre 2017", "2017-11-22", false)
            ]
        );
        assert_eq!(
            spans("de 2011 à 2015", "", Fr),
            [span("2011", "2011", false), span("2015", "2015", false)]
        );
        assert_eq!(
            spans("Talks are set for Oct. 20-22 in Geneva", "2015-10-01", En),
            [
                span("Oct. 20", "2015-10-20", true),
                span("22", "2015-10-22", true)
            ]
        );
        assert_eq!(
            spans("dans la nuit de dimanche à lundi", "2017-11-21", Fr),
            [
                span("dimanche", "2017-11-19", true),
                span("lundi", "2017-11-20", true)
            ]
        );
    }

    #[test]
    fn tense_is_read_per_clause() {
        assert_eq!(
            spans(
                "Il a rencontré lundi M. Lavrov et se rendra jeudi à Ankara",
                "2017-11-21",
                Fr
            ),
            [
                span("lundi", "2017-11-20", true),
                span("jeudi", "2017-11-23", true)
            ]
        );
        assert_eq!(
            spans(
                "He said on Monday that he will travel on Thursday",
                "2017-11-21",
                En
            ),
            [
                span("Monday", "2017-11-20", true),
                span("Thursday", "2017-11-23", true)
            ]
        );
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        let digits = "7".repeat(10_000);
        let mixed = "2017/".repeat(2_000);
        let odd = [
            "",
            " ",
            "’’’",
            "é",
            "-----",
            "31/02/2017",
            "99/99/9999",
            "0/0/0",
            "1er",
            "mi-",
            "l'",
            "le 20",
            "Nov.",
            digits.as_str(),
            mixed.as_str(),
            "e\u{301}te\u{301} 2016",
        ];
        for text in odd {
            for lang in [Fr, En] {
                for a in [
                    "",
                    "2017",
                    "2017-11",
                    "2017-11-21",
                    "9999-12-31",
                    "0001-01-01",
                ] {
                    let got = find_dates(text, anchor(a), lang);
                    for e in got {
                        assert!(text.get(e.start..e.end).is_some());
                    }
                    let _ = self_date(text, anchor(a), lang);
                    let _ = is_future(text, lang);
                }
            }
        }
        let extreme = Some(DatePoint {
            year: i32::MAX,
            month: Some(12),
            day: None,
        });
        assert!(find_dates("le mois prochain, en décembre, l'an prochain", extreme, Fr).len() <= 3);
        assert_eq!(find_dates("31/02/2017", None, Fr), []);
        assert_eq!(find_dates(&digits, None, Fr), []);
        assert_eq!(
            find_dates("été 2016", None, Fr).first().map(|e| e.date),
            Some(DatePoint::year(2016))
        );
    }

    #[test]
    fn decomposed_accents_are_read() {
        let text = "en fe\u{301}vrier 2015";
        let got = find_dates(text, None, Fr);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].date.to_string(), "2015-02");
        assert_eq!(&text[got[0].start..got[0].end], "fe\u{301}vrier 2015");
    }

    /// (text, anchor or "", language, the self date or None).
    #[rustfmt::skip]
    const SELF_ROWS: &[(&str, &str, Lang, Option<&str>)] = &[
        ("Le président russe a reçu ce 21 novembre 2017 son homologue.",    "",           Fr, Some("2017-11-21")),
        ("Il se rend ce 23 janvier à Davos.",                               "2019-01",    Fr, Some("2019-01-23")),
        ("Il se rend ce 23 janvier à Davos.",                               "",           Fr, None),
        ("Ils se retrouvent ce lundi 20 novembre à Sotchi.",                "2017",       Fr, Some("2017-11-20")),
        ("MOSCOW, Nov. 21, 2017 (Reuters) - President Putin met...",        "",           En, Some("2017-11-21")),
        ("MOSCOW, Nov. 21 (Reuters) - Putin met...",                        "2017-11",    En, Some("2017-11-21")),
        ("November 21, 2017\nPutin met Assad in Sochi.",                    "",           En, Some("2017-11-21")),
        ("Paris, le 21 novembre 2017\nLe président a reçu...",              "",           Fr, Some("2017-11-21")),
        ("Published on 21 November 2017 by staff",                          "",           En, Some("2017-11-21")),
        ("Publié le 21 novembre 2017 à 10h",                                "",           Fr, Some("2017-11-21")),
        ("Les deux hommes se sont vus le 20 novembre à Sotchi.",            "2017-11-21", Fr, None),
        ("Putin met Assad on Nov. 20 in Sochi.",                            "2017-11-21", En, None),
        ("Le sommet a eu lieu en novembre 2017 à Sotchi.",                  "",           Fr, None),
        ("Aucune date ici, seulement du texte.",                            "2017-11-21", Fr, None),
        ("",                                                                "",           En, None),
    ];

    #[test]
    fn self_dates() {
        for &(text, anchor_s, lang, want) in SELF_ROWS {
            let got = self_date(text, anchor(anchor_s), lang);
            assert_eq!(
                got,
                want.and_then(DatePoint::parse),
                "{text:?} under {anchor_s:?}"
            );
        }
    }

    #[test]
    fn future_clauses() {
        let fr_future = [
            "Le président se rendra jeudi à Moscou",
            "Les deux dirigeants s’entretiendront mercredi",
            "Il va rencontrer son homologue",
            "Le ministre doit participer au sommet",
            "la semaine prochaine",
            "Il va s'entretenir avec M. Erdogan",
            "La rencontre est prévue jeudi",
            "Le sommet aura lieu à Sotchi",
        ];
        let fr_past = [
            "Il a rencontré son homologue",
            "Les deux dirigeants se sont entretenus",
            "la caméra de l'opéra",
            "Il va bien",
            "la livre turque et la lira",
        ];
        let en_future = [
            "The president will meet Erdogan",
            "Putin is to meet Erdogan",
            "Putin is due to arrive in Sochi",
            "They'll talk next week",
            "He is expected to attend",
        ];
        let en_past = [
            "Putin met Erdogan",
            "It was due to the weather",
            "the will of the people",
            "The goal is to end the war",
            "He sat next to Erdogan",
        ];
        for c in fr_future {
            assert!(is_future(c, Fr), "{c}");
        }
        for c in fr_past {
            assert!(!is_future(c, Fr), "{c}");
        }
        for c in en_future {
            assert!(is_future(c, En), "{c}");
        }
        for c in en_past {
            assert!(!is_future(c, En), "{c}");
        }
    }

    #[test]
    fn long_text_finds_every_date() {
        let sentence = "Le 20 novembre 2017, M. Poutine a reçu lundi à Sotchi M. Assad, et se rendra jeudi en Turquie. ";
        let text = sentence.repeat(2_000);
        assert_eq!(find_dates(&text, anchor("2017-11-21"), Fr).len(), 6_000);
    }
}
