//! Whether a typed term is a good match of one word, and how good.
//!
//! fuzzy-matcher scores the match; on top of it a quality gate keeps only
//! matches an analyst would accept: the term's letters consecutive in the
//! word (a prefix best), or with one gap after the word's first two letters
//! when the term is long enough to be a typo. Letters scattered through a
//! longer word never count (`erdo` is not `entretiendront`), and a term of
//! one or two letters only matches word starts (`er` is not `guerre`).
//! These rules are also what lets the index find candidates without
//! scoring every word (see `index::SearchIndex::candidates`).

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

pub struct WordMatcher {
    skim: SkimMatcherV2,
}

impl Default for WordMatcher {
    fn default() -> Self {
        WordMatcher {
            skim: SkimMatcherV2::default().ignore_case(),
        }
    }
}

/// Terms shorter than this match word starts only.
pub const MIN_INNER: usize = 3;
/// Terms from this length on forgive one gap (a typo).
pub const MIN_TYPO: usize = 5;

/// Scores for the kinds of match, before fuzzy-matcher's own score breaks ties.
const PREFIX: i64 = 3000;
const SUBSTRING: i64 = 2000;
const TYPO: i64 = 1000;

impl WordMatcher {
    /// Both arguments already folded (lower case, no diacritics).
    /// Returns a score, higher is better, or `None` when the word does not
    /// match well enough.
    pub fn score(&self, term: &str, word: &str) -> Option<i64> {
        if term.is_empty() {
            return None;
        }
        if word.starts_with(term) {
            // A whole-word match beats a longer word that starts the same.
            let exactness = 100 - (word.len() - term.len()).min(100) as i64;
            return Some(PREFIX + exactness);
        }
        let term_chars = term.chars().count();
        if term_chars < MIN_INNER {
            return None;
        }
        let (score, indices) = self.skim.fuzzy_indices(word, term)?;
        let gaps = indices.windows(2).filter(|w| w[1] != w[0] + 1).count();
        let shares_start = indices.len() >= 2 && indices[0] == 0 && indices[1] == 1;
        match gaps {
            0 => Some(SUBSTRING + score.min(999)),
            1 if shares_start
                && term_chars >= MIN_TYPO
                && indices[indices.len() - 1] + 1 - indices[0] <= term_chars + 1 =>
            {
                Some(TYPO + score.min(999))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_matches_of_a_word() {
        let m = WordMatcher::default();
        for (term, word) in [
            ("erdo", "erdogan"),
            ("poutin", "poutine"),
            ("sotch", "sotchi"),
            ("assad", "al-assad"),
            ("kreml", "kremlin"),
        ] {
            assert!(m.score(term, word).is_some(), "{term} should match {word}");
        }
    }

    #[test]
    fn scattered_letters_do_not_match() {
        let m = WordMatcher::default();
        for (term, word) in [
            ("erdo", "entretiendront"),
            ("erdo", "droits"),
            ("erdo", "observatoire"),
            ("pou", "opulent"),
        ] {
            assert!(
                m.score(term, word).is_none(),
                "{term} should not match {word}"
            );
        }
    }

    #[test]
    fn prefixes_rank_first_and_a_typo_is_forgiven() {
        let m = WordMatcher::default();
        let prefix = m.score("assa", "assad").unwrap();
        let inner = m.score("assa", "al-assad").unwrap();
        assert!(prefix > inner);
        assert!(m.score("poutne", "poutine").is_some());
        assert!(m.score("whole", "whole").unwrap() > m.score("whole", "wholesale").unwrap());
    }
}
