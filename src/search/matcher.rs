//! Whether a typed term is a good match of one word, and how good.
//!
//! fuzzy-matcher scores the match; on top of it a quality gate keeps only
//! matches an analyst would accept: the term's letters consecutive in the
//! word (a prefix best), or with one gap from the word's start when the
//! term is long enough to be a typo. Letters scattered through a longer
//! word never count (`erdo` is not `entretiendront`).

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
        let (score, indices) = self.skim.fuzzy_indices(word, term)?;
        let gaps = indices.windows(2).filter(|w| w[1] != w[0] + 1).count();
        let term_chars = term.chars().count();
        match gaps {
            0 => Some(SUBSTRING + score.min(999)),
            1 if indices[0] == 0
                && term_chars >= 5
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
