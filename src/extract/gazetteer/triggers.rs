//! Event triggers: the longest trigger phrase at the start of a text or at
//! each word of a sentence (`rencontre`, `spoke by phone`, `frappes
//! aériennes`), compared folded and by whole words.
//!
//! It says which words name an event and of what type; who took part and
//! when is the business of `extract::events`.

use unicode_normalization::char::is_combining_mark;

use super::Gazetteer;
use crate::extract::fold::fold;
use crate::extract::kind::{EventType, Subtype};

/// A trigger phrase, as folded words; `event` is `None` for the phrases that
/// only shadow a shorter trigger (`so-called` over `called`).
#[derive(Debug)]
pub(super) struct Trigger {
    pub(super) words: Box<[String]>,
    pub(super) event: Option<Role>,
}

/// What a trigger phrase says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// A happening of this subtype (`condamné à`, `landfall`).
    Event(Subtype),
    /// A verb that says an event began or took place (`s'est ouvert`,
    /// `opened`) without saying which: it dates the event its subject names
    /// (`le procès … s'est ouvert lundi`), the nearest trigger before it.
    Onset,
    /// A win (`a remporté`, `won`, `victoire`) is an election's, a match's
    /// or a prize's: it takes the subtype of another trigger of those
    /// families in the sentence, else an election when the sentence counts
    /// votes or seats, else a match.
    Victory,
    /// A blast (`explosion`, `blast`) is an attack when the sentence tells
    /// of military action, else an accident.
    Blast,
    /// A bare `strike` is a walkout when the sentence tells of work (a
    /// union, workers, pay, trains, a strike of so many hours) or of
    /// another walkout, else military action.
    StrikeWord,
}

/// Subtypes a win takes from the sentence, and those a blast takes.
const VICTORY_FAMILIES: [Subtype; 4] = [
    Subtype::Election,
    Subtype::Vote,
    Subtype::Match,
    Subtype::Award,
];
const BLAST_FAMILIES: [Subtype; 3] = [Subtype::Attack, Subtype::Invasion, Subtype::Coup];

/// Words (folded) by which a sentence tells that a strike is a walkout:
/// who walks out, what over, what stops.
const LABOUR_CUES: &[&str] = &[
    "union",
    "unions",
    "worker",
    "workers",
    "staff",
    "employees",
    "pay",
    "wage",
    "wages",
    "pension",
    "pensions",
    "pickets",
    "picket",
    "rail",
    "railway",
    "train",
    "trains",
    "bus",
    "buses",
    "tube",
    "dockers",
    "teachers",
    "nurses",
    "doctors",
    "drivers",
    "pilots",
    "conductors",
    "miners",
    "hour",
    "nationwide",
    "employer",
    "employers",
    "management",
    "ballot",
    "ballots",
];

/// Words (folded) by which a sentence counts an election's outcome.
const ELECTION_COUNTS: [&str; 10] = [
    "voix",
    "suffrages",
    "sieges",
    "votes",
    "seats",
    "scrutin",
    "ballot",
    "ballots",
    "elections",
    "electoral",
];

/// The name of a numbered series of summits or conferences of the parties
/// (`COP28`, `G20`, `G7`), folded: each edition is a summit.
fn is_summit_series(word: &str) -> bool {
    let digits = word
        .strip_prefix("cop")
        .or_else(|| word.strip_prefix('g'))
        .unwrap_or_default();
    (1..=2).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
}

impl Gazetteer {
    /// The event trigger at the very start of `text` (byte 0, no leading
    /// space skipped): the longest trigger phrase that starts there, compared
    /// folded and by whole words, as its byte length in `text` and its type.
    /// `None` if no trigger starts there, or if the longest phrase is one that
    /// means no event (`so-called`).
    pub fn trigger_at(&self, text: &str) -> Option<(usize, EventType)> {
        let mut spans = word_spans(text);
        let first = spans.next().filter(|&(start, _)| start == 0)?;
        let first_word = fold(&text[first.0..first.1]);
        if !self.triggers.contains_key(&first_word) {
            return None;
        }
        let spans: Vec<(usize, usize)> = std::iter::once(first)
            .chain(spans.take(self.max_trigger_words.saturating_sub(1)))
            .collect();
        let words: Vec<String> = std::iter::once(first_word)
            .chain(spans[1..].iter().map(|&(s, e)| fold(&text[s..e])))
            .collect();
        let (n, event) = self.trigger_match(&words)?;
        match event? {
            Role::Event(subtype) => Some((spans[n - 1].1, subtype.kind())),
            Role::Victory => Some((spans[n - 1].1, Subtype::Election.kind())),
            Role::Blast | Role::StrikeWord => Some((spans[n - 1].1, Subtype::Attack.kind())),
            Role::Onset => None,
        }
    }

    /// All trigger matches in a sentence, left to right and not overlapping
    /// (the longest phrase wins at each word): `(byte start, byte end,
    /// subtype)`, offsets in `sentence`. An onset verb (`s'est ouvert`)
    /// takes the subtype of the trigger before it, and is dropped when there
    /// is none.
    pub fn triggers_in(&self, sentence: &str) -> Vec<(usize, usize, Subtype)> {
        let spans: Vec<(usize, usize)> = word_spans(sentence).collect();
        let words: Vec<String> = spans.iter().map(|&(s, e)| fold(&sentence[s..e])).collect();
        // Wins, blasts and strikes are typed once the sentence's other
        // triggers are known.
        let mut found: Vec<(usize, usize, Result<Subtype, Role>)> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            match self.trigger_match(&words[i..]) {
                Some((n, event)) => {
                    let subtype = match event {
                        Some(Role::Event(subtype)) => Some(Ok(subtype)),
                        Some(Role::Onset) => {
                            found.iter().rev().find_map(|&(_, _, s)| s.ok()).map(Ok)
                        }
                        Some(role) => Some(Err(role)),
                        None => None,
                    };
                    if let Some(subtype) = subtype {
                        found.push((spans[i].0, spans[i + n - 1].1, subtype));
                    }
                    i += n;
                }
                None => {
                    if is_summit_series(&words[i]) {
                        found.push((spans[i].0, spans[i].1, Ok(Subtype::Summit)));
                    }
                    i += 1;
                }
            }
        }
        let known: Vec<Subtype> = found.iter().filter_map(|&(_, _, s)| s.ok()).collect();
        let from_sentence =
            |families: &[Subtype]| known.iter().copied().find(|k| families.contains(k));
        found
            .into_iter()
            .map(|(a, b, s)| {
                let subtype = s.unwrap_or_else(|role| match role {
                    Role::Victory => from_sentence(&VICTORY_FAMILIES).unwrap_or_else(|| {
                        if words.iter().any(|w| ELECTION_COUNTS.contains(&w.as_str())) {
                            Subtype::Election
                        } else {
                            Subtype::Match
                        }
                    }),
                    Role::StrikeWord => from_sentence(&[Subtype::Strike])
                        .or_else(|| from_sentence(&BLAST_FAMILIES))
                        .unwrap_or_else(|| {
                            // (`teachers'` ends on its apostrophe.)
                            let cue = |w: &String| {
                                LABOUR_CUES.contains(&w.trim_end_matches(['\'', '\u{2019}']))
                            };
                            if words.iter().any(cue) {
                                Subtype::Strike
                            } else {
                                Subtype::Attack
                            }
                        }),
                    _ => from_sentence(&BLAST_FAMILIES).unwrap_or(Subtype::Accident),
                });
                (a, b, subtype)
            })
            .collect()
    }

    /// The longest trigger phrase that `words` (folded) starts with: its
    /// length in words, and its subtype (`None` for a shadowing phrase).
    fn trigger_match(&self, words: &[String]) -> Option<(usize, Option<Role>)> {
        let candidates = self.triggers.get(words.first()?)?;
        candidates
            .iter()
            .find(|t| {
                words.len() >= t.words.len() && t.words.iter().zip(words).all(|(a, b)| a == b)
            })
            .map(|t| (t.words.len(), t.event))
    }
}

/// Byte spans of the words of `text`, for trigger matching: runs of letters,
/// digits and combining marks; an apostrophe right after a word ends it and
/// belongs to it (`l'accord` is `l'` + `accord`, as the elided article is a
/// word of its own). Hyphens and all other characters separate words.
pub(super) fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let mut start = None;
        while let Some((i, c)) = chars.next() {
            let in_word = c.is_alphanumeric() || is_combining_mark(c);
            match start {
                None if in_word => start = Some(i),
                None => {}
                Some(_) if in_word => {}
                Some(s) if is_apostrophe(c) => return Some((s, i + c.len_utf8())),
                Some(s) => return Some((s, i)),
            }
            if start.is_some() && chars.peek().is_none() {
                return start.map(|s| (s, text.len()));
            }
        }
        None
    })
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

/// The trigger phrase's folded words, split as [`word_spans`] splits text.
pub(super) fn phrase_words(phrase: &str) -> Vec<String> {
    word_spans(phrase)
        .map(|(s, e)| fold(&phrase[s..e]))
        .collect()
}
