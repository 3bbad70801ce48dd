//! Acronyms and the names they stand for: spelled out beside them in
//! parentheses, or elsewhere in the same article.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{AcronymPair, Mention};
use crate::extract::fold::fold;
use crate::extract::tokens::{Token, tokenize};

/// Written in capitals (`OSDH`, `G.I.E.`, `CGT-CFDT`), digits allowed.
pub(super) fn is_acronym_text(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if !(c.is_uppercase() || c.is_ascii_digit() || c == '.' || c == '-') {
            return false;
        }
        letters += usize::from(c.is_alphabetic());
    }
    letters >= 2
}

/// An acronym written as a word (`Nupes`, `Minusma`, `Unesco`): French
/// style writes those of five letters or more with one capital. Only
/// trusted in parentheses right after the name it spells, in order.
fn is_word_acronym(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(char::is_lowercase)
        && (3..=8).contains(&s.chars().count())
}

/// `Observatoire syrien des droits de l'Homme (OSDH)` and `APEC
/// (Coopération économique pour l'Asie-Pacifique)`: an acronym beside its
/// expansion, the initials of whose content words are the acronym's
/// letters (in any order, so a French expansion of an English acronym
/// still pairs; in order for an acronym written as a word, `Nouvelle union
/// populaire écologique et sociale (Nupes)`). Returns each pair and the
/// expansion's byte range.
pub(super) fn acronym_pairs(sentence: &str, tokens: &[Token]) -> Vec<(AcronymPair, Range<usize>)> {
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let capitals = is_acronym_text(t.text) && t.text.chars().count() <= 8;
        let word = !capitals && is_word_acronym(t.text);
        if !capitals && !word {
            continue;
        }
        let before = &sentence[..t.start];
        let after = &sentence[t.end..];
        let letters = letters_of(t.text);
        let mut sorted = letters.clone();
        sorted.sort_unstable();
        if before.trim_end().ends_with('(') && after.trim_start().starts_with(')') {
            // Expansion before: shortest run of words ending at the paren.
            for k in 1..=i.min(12) {
                let words = &tokens[i - k..i];
                let initials = initials(words);
                let fits = if word {
                    initials == letters
                } else {
                    sorted_copy(initials) == sorted
                };
                if fits && words[0].is_capitalised() {
                    let span = words[0].start..words[k - 1].end;
                    out.push((
                        AcronymPair {
                            acronym: t.text.to_string(),
                            expansion: sentence[span.clone()].to_string(),
                        },
                        span,
                    ));
                    break;
                }
            }
        } else if capitals && after.trim_start().starts_with('(') {
            // Expansion inside the parentheses that follow.
            let open = t.end + after.find('(').unwrap_or(0) + 1;
            let Some(close) = sentence[open..].find(')').map(|c| open + c) else {
                continue;
            };
            let words: Vec<Token> = tokens
                .iter()
                .filter(|w| w.start >= open && w.end <= close)
                .copied()
                .collect();
            if !words.is_empty()
                && words.len() <= 12
                && words[0].is_capitalised()
                && sorted_copy(initials(&words)) == sorted
            {
                let span = words[0].start..words[words.len() - 1].end;
                out.push((
                    AcronymPair {
                        acronym: t.text.to_string(),
                        expansion: sentence[span.clone()].to_string(),
                    },
                    span,
                ));
            }
        }
    }
    out
}

/// `the Environmental Protection Agency found …` and, sentences later,
/// `The EPA said`: an acronym of the article that no parenthesis spells
/// out pairs with the one name of the same article whose content words'
/// initials are its letters, in order. Two such names, or none, leave it
/// alone. Linear in the mentions: the names are keyed by their initials
/// once.
pub(super) fn spelled_elsewhere(mentions: &[Mention], known: &[AcronymPair]) -> Vec<AcronymPair> {
    // A set: an article may hold many `Name (ABC)` pairs.
    let paired: FxHashSet<&str> = known.iter().map(|p| p.acronym.as_str()).collect();
    let mut acronyms: Vec<&str> = mentions
        .iter()
        .filter(|m| m.cues().acronym && !paired.contains(m.text))
        .map(|m| m.text)
        // Two letters (`AI`, `PM`) stand for too many things.
        .filter(|t| t.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        .collect();
    if acronyms.is_empty() {
        return Vec::new();
    }
    acronyms.sort_unstable();
    acronyms.dedup();
    // Initials → the one name that has them (None once a second one does;
    // names are folded only then, as two names rarely share initials). A
    // name written many times is tokenized once.
    let mut names: FxHashMap<Vec<char>, Option<&str>> = FxHashMap::default();
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    for m in mentions {
        if !m.text.contains(' ') || !seen.insert(m.text) {
            continue;
        }
        let tokens = tokenize(m.text);
        if tokens.len() > 12 {
            continue;
        }
        let key = initials(&tokens);
        if key.len() < 2 {
            continue;
        }
        names
            .entry(key)
            .and_modify(|one| {
                if one.is_some_and(|n| fold(n) != fold(m.text)) {
                    *one = None;
                }
            })
            .or_insert(Some(m.text));
    }
    acronyms
        .into_iter()
        .filter_map(|a| {
            let name = (*names.get(&letters_of(a))?)?;
            Some(AcronymPair {
                acronym: a.to_string(),
                expansion: name.to_string(),
            })
        })
        .collect()
}

fn letters_of(s: &str) -> Vec<char> {
    fold(s).chars().filter(|c| c.is_alphabetic()).collect()
}

fn sorted_copy(mut v: Vec<char>) -> Vec<char> {
    v.sort_unstable();
    v
}

// Function words that acronyms skip.
const SKIPPED: &[&str] = &[
    "de", "du", "des", "d", "la", "le", "les", "l", "of", "the", "and", "et", "pour", "for", "en",
    "à", "a", "in", "on", "sur", "aux", "au",
];

/// The first letters of the content words, and of each part of a
/// hyphenated word (`Agence France-Presse`), folded, in order.
fn initials(words: &[Token]) -> Vec<char> {
    let mut v = Vec::new();
    for w in words {
        for part in w.text.split('-') {
            let f = fold(part);
            if SKIPPED.contains(&f.as_str()) {
                continue;
            }
            if let Some(c) = f.chars().next() {
                v.push(c);
            }
        }
    }
    v
}
