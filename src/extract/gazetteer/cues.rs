//! Person cues: whether the text right before a name ends with a title and
//! its complement (`le ministre russe des Affaires étrangères`, `M.`,
//! `Foreign Minister`), which says the name is a person's.
//!
//! It reads only the last few words, folded, against the lists that `load`
//! built; it does not find names, nor decide what a name is otherwise.

use super::{Gazetteer, HashSet};
use crate::extract::fold::{fold, with_fold};

/// How many whitespace-separated words at the end of a text
/// [`Gazetteer::ends_with_person_cue`] looks at: a title and its complement
/// (`le ministre russe des Affaires étrangères`) fit well within it.
const CUE_WINDOW: usize = 12;

/// French elided words, split off the word they are glued to (`l'ONU` is
/// `l'` + `ONU`) when reading a title's complement.
const ELISIONS: &[&str] = &[
    "l'", "d'", "j'", "m'", "n'", "s'", "t'", "c'", "qu'", "jusqu'", "lorsqu'", "puisqu'",
    "quoiqu'",
];

impl Gazetteer {
    /// Whether `text`, what comes right before a name (lowercased or not),
    /// ends with a cue that the name is a person's.
    ///
    /// Accepted: a title from `titles.txt` (`M.`, `Mme`, `président`,
    /// `Foreign Minister`, `porte-parole`...), optionally followed by a
    /// complement made of demonyms (`russe`), known names (`du Kremlin`,
    /// `de l'ONU`), organisation heads and the portfolio or qualifier words of
    /// `cues.txt` (`de la Défense`, `sortant`), joined by small connectors
    /// (`de`, `du`, `l'`, `of`, `the`...). So `le président russe`, `le
    /// ministre de la Défense`, `Secretary of State` and `M.` are cues.
    ///
    /// Not accepted: a connector right before the name (`le président de`), a
    /// sentence end (`le président.`) or other punctuation inside the cue.
    /// One trailing comma is allowed, for an apposition (`le porte-parole du
    /// Kremlin, Dmitri Peskov`). Only the last few words are read.
    pub fn ends_with_person_cue(&self, text: &str) -> bool {
        // Most texts end with a word that ends no cue: the last word tells.
        let may_end_a_cue = self.with_last_cue_token(text, |t| {
            self.title_tails.contains(t) || self.complement_tails.contains(t)
        });
        if may_end_a_cue != Some(true) {
            return false;
        }
        let tokens = self.cue_tokens(text, CUE_WINDOW);
        let is_title = |k: &str| self.titles.contains(k);
        let is_complement = |k: &str| self.is_complement(k);
        let mut key = String::new();
        let mut end = tokens.len();
        while end > 0 {
            let tail = &tokens[..end];
            let last = &tail[end - 1];
            if self.title_tails.contains(last)
                && longest_suffix(tail, self.max_title_words, &self.title_heads, &mut key, is_title)
                    .is_some()
            {
                return true;
            }
            if let Some(n) = self
                .complement_tails
                .contains(last)
                .then(|| {
                    let heads = &self.complement_heads;
                    longest_suffix(tail, self.max_complement_words, heads, &mut key, is_complement)
                })
                .flatten()
            {
                end -= n;
            } else if end < tokens.len() && self.title_connectors.contains(&tokens[end - 1]) {
                end -= 1;
            } else {
                return false;
            }
        }
        false
    }

    /// What may follow a title before the name, besides connectors.
    fn is_complement(&self, key: &str) -> bool {
        self.demonyms.contains(key)
            || self.title_complements.contains(key)
            || self.names.contains_key(key)
            || self.org_heads.contains(key)
    }

    /// `f` of the last of the [`Gazetteer::cue_tokens`] of `text`, without
    /// building them all: `None` when there is none.
    fn with_last_cue_token<R>(&self, text: &str, f: impl FnOnce(&str) -> R) -> Option<R> {
        let mut text = text.trim_end();
        if let Some(rest) = text.strip_suffix(',') {
            text = rest.trim_end();
        }
        let chunk = text.split_whitespace().next_back()?;
        with_fold(chunk, |folded| {
            let word = folded.trim_start_matches(|c: char| !c.is_alphanumeric());
            let last = word.chars().last()?;
            let abbreviation = last == '.' && self.titles.contains(word);
            if !(last.is_alphanumeric() || last == '\'' || abbreviation) {
                return None;
            }
            let piece = word.split('-').rev().find(|p| !p.is_empty())?;
            let piece = match ELISIONS
                .iter()
                .find(|e| piece.len() > e.len() && piece.starts_with(*e))
            {
                Some(elision) => &piece[elision.len()..],
                None => piece,
            };
            Some(f(piece))
        })
    }

    /// The folded words of the end of `text` that may belong to a person cue:
    /// hyphenated words split (`porte-parole`), elided articles split off
    /// (`l'ONU`), and nothing before punctuation that ends a clause.
    /// Only the last `window` whitespace-separated chunks are read.
    fn cue_tokens(&self, text: &str, window: usize) -> Vec<String> {
        let mut text = text.trim_end();
        if let Some(rest) = text.strip_suffix(',') {
            text = rest.trim_end();
        }
        let mut reversed = Vec::new();
        for chunk in text.split_whitespace().rev().take(window) {
            let folded = fold(chunk);
            let word = folded.trim_start_matches(|c: char| !c.is_alphanumeric());
            let Some(last) = word.chars().last() else {
                break;
            };
            // A word ending with punctuation closes a clause, except a title
            // abbreviation (`M.`, `Gen.`).
            let abbreviation = last == '.' && self.titles.contains(word);
            if !(last.is_alphanumeric() || last == '\'' || abbreviation) {
                break;
            }
            for piece in word.split('-').rev().filter(|p| !p.is_empty()) {
                match ELISIONS
                    .iter()
                    .find(|e| piece.len() > e.len() && piece.starts_with(*e))
                {
                    Some(elision) => {
                        reversed.push(piece[elision.len()..].to_string());
                        reversed.push((*elision).to_string());
                    }
                    None => reversed.push(piece.to_string()),
                }
            }
            // Leading punctuation (`(`, `«`) opens what the cue may hold.
            if word.len() != folded.len() {
                break;
            }
        }
        reversed.reverse();
        reversed
    }
}

/// The longest suffix of `tokens`, at most `max` words, that `accept` takes
/// once joined as `fold_name` would write it (`de l'onu`): its length.
/// Only suffixes whose first word is one of `heads` are joined.
fn longest_suffix(
    tokens: &[String],
    max: usize,
    heads: &HashSet<String>,
    key: &mut String,
    accept: impl Fn(&str) -> bool,
) -> Option<usize> {
    (1..=max.min(tokens.len())).rev().find(|&n| {
        if !heads.contains(&tokens[tokens.len() - n]) {
            return false;
        }
        key.clear();
        for token in &tokens[tokens.len() - n..] {
            if !key.is_empty() && !key.ends_with('\'') {
                key.push(' ');
            }
            key.push_str(token);
        }
        accept(key)
    })
}

#[cfg(test)]
mod tests {
    use crate::extract::gazetteer;

    #[test]
    fn the_last_cue_token_is_the_last_of_the_cue_tokens() {
        let g = gazetteer::get();
        for text in [
            "",
            " ",
            ",",
            "le président russe",
            "le président russe, ",
            "de l'ONU",
            "l’ONU",
            "M.",
            "(M.",
            "porte-parole du Kremlin,",
            "x -",
            "x a-",
            "Foreign Minister",
            "le président.",
            "«président",
            "aujourd'hui",
            "qu'",
            "jusqu'au",
            "ÉTAT-MAJOR",
            "a\u{301}",
        ] {
            let all = g.cue_tokens(text, super::CUE_WINDOW);
            let last = g.with_last_cue_token(text, str::to_string);
            assert_eq!(last.as_ref(), all.last(), "{text:?}");
        }
    }
}
