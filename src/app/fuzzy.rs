//! Filtering a picker as you type, like fzf: the letters typed, in order,
//! anywhere in a row's text, the best matches first. Shared by the preset
//! picker and the correction picker.

use fuzzy_matcher::FuzzyMatcher;

/// Indices of the `texts` that match `filter`, best first; equal scores
/// keep the texts' order. An empty filter keeps every text, in order.
pub fn rank(texts: impl Iterator<Item = String>, filter: &str) -> Vec<usize> {
    if filter.is_empty() {
        return texts.enumerate().map(|(i, _)| i).collect();
    }
    let matcher = fuzzy_matcher::skim::SkimMatcherV2::default().ignore_case();
    let mut scored: Vec<(i64, usize)> = texts
        .enumerate()
        .filter_map(|(i, t)| matcher.fuzzy_match(&t, filter).map(|s| (s, i)))
        .collect();
    scored.sort_by_key(|&(s, i)| (std::cmp::Reverse(s), i));
    scored.into_iter().map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_in_order_anywhere_best_first() {
        let texts = ["Yann Kervella", "Anne Le Goff", "Saint-Malo"];
        let rank = |f: &str| rank(texts.iter().map(|t| t.to_string()), f);
        assert_eq!(rank(""), [0, 1, 2]);
        assert_eq!(rank("goff"), [1]);
        assert_eq!(rank("ann")[0], 1);
        assert!(rank("ann").contains(&0));
        assert!(rank("xyz").is_empty());
    }
}
