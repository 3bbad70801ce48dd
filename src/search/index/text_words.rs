//! The search index's view of one article text: its distinct folded words
//! and the runs of letters and digits that none of them holds. Both depend
//! on the text alone, so they are made with the article's extraction and
//! kept with it in the per-article cache (`crate::cache::articles`): a
//! start then only merges them into the corpus's vocabulary. The headline
//! is not part of the cache's key, and entities' names are decided over
//! the whole corpus, so their words are added when the index is built.
//!
//! This file is part of the extractor's version (see `build.rs`): a change
//! to how words are cut or folded makes every stored extraction stale.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::extract::tokens::tokens;

/// The distinct folded words of a text, sorted bytewise, and what of its
/// folded text lies in none of them (see [`TextWords::loose_runs`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextWords {
    /// The words one after another: two allocations for the whole list,
    /// decoded from the cache as fast as one string.
    joined: String,
    /// Where each word ends in `joined`.
    ends: Vec<u32>,
    /// The maximal runs of three or more letters and digits of the folded
    /// text that lie in none of its words, distinct, sorted (usually none:
    /// folding can make letters of a symbol, `™` → `tm`).
    loose: Vec<String>,
}

impl TextWords {
    pub fn of(text: &str) -> TextWords {
        let mut distinct = Distinct::default();
        for_each_word(text, |w| distinct.push(w));
        let (joined, ends) = distinct.finish();
        let mut words = TextWords {
            joined,
            ends,
            loose: Vec::new(),
        };
        // The folded text a piece at a time, cut at ASCII bytes that are
        // no letter or digit: they fold to themselves (a backtick to an
        // apostrophe), so they end runs, and `fold_into` treats the text
        // between them as it would in the whole.
        let mut folded = String::new();
        // Each run that is no word is looked for inside the words once: a
        // long text repeats its `aujourd` and `hui`.
        let mut loose: BTreeSet<String> = BTreeSet::new();
        let mut held: BTreeSet<String> = BTreeSet::new();
        for piece in text.split(|c: char| c.is_ascii() && !c.is_ascii_alphanumeric()) {
            folded.clear();
            fold_into(&mut folded, piece);
            for run in runs(&folded) {
                let known = loose.contains(run) || held.contains(run);
                if run.chars().nth(2).is_none() || known || words.is_word(run) {
                    continue;
                }
                if words.inside_a_word(run) {
                    held.insert(run.to_string());
                } else {
                    loose.insert(run.to_string());
                }
            }
        }
        words.loose = loose.into_iter().collect();
        words
    }

    /// The words, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(&self.ends)
            .map(|(s, &e)| &self.joined[s as usize..e as usize])
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The runs of three or more letters and digits of the folded text that
    /// are none of its words and lie inside none: an exact term can only be
    /// found in them by reading the text (see `SearchIndex::uncovered`).
    pub fn loose_runs(&self) -> &[String] {
        &self.loose
    }

    /// Whether `run` is one of the words.
    fn is_word(&self, run: &str) -> bool {
        let word = |i: usize| {
            let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
            &self.joined[start..self.ends[i] as usize]
        };
        let found = super::partition_point(self.len(), |i| word(i) < run);
        found < self.len() && word(found) == run
    }

    /// Whether `run` lies inside a longer word (`aujourd'hui`).
    fn inside_a_word(&self, run: &str) -> bool {
        self.iter().any(|w| w.len() > run.len() && w.contains(run))
    }

    /// Whether stored words can be read as [`TextWords::of`] makes them:
    /// each word ends after the last on a character boundary, the words
    /// are distinct and sorted, and so are the loose runs, none empty. The
    /// index's merge relies on this; whether they are the text's words is
    /// for the cache's key and tag to vouch.
    pub fn fits(&self) -> Result<(), &'static str> {
        let mut start = 0usize;
        for &end in &self.ends {
            let end = end as usize;
            if end <= start || !self.joined.is_char_boundary(end) {
                return Err("a search word cut badly");
            }
            start = end;
        }
        if start != self.joined.len() {
            return Err("search words past the last");
        }
        let words: Vec<&str> = self.iter().collect();
        if !words.windows(2).all(|w| w[0] < w[1]) {
            return Err("search words out of order");
        }
        let loose_ordered = self.loose.windows(2).all(|w| w[0] < w[1]);
        if !loose_ordered || self.loose.iter().any(String::is_empty) {
            return Err("loose runs out of order");
        }
        Ok(())
    }
}

/// A text's distinct words, gathered one occurrence at a time: written one
/// after another, and sorted and deduplicated whenever they have doubled
/// since the last time. A long text repeats its words, and holding every
/// occurrence made them the largest thing its extraction held.
struct Distinct {
    all: String,
    /// Each word's start and end in `all`.
    spans: Vec<(u32, u32)>,
    /// How many spans make the next deduplication.
    dedup_at: usize,
}

impl Default for Distinct {
    fn default() -> Distinct {
        Distinct {
            all: String::new(),
            spans: Vec::new(),
            dedup_at: Distinct::FIRST_DEDUP,
        }
    }
}

impl Distinct {
    /// Spans before the first deduplication: an article of ordinary length
    /// is sorted once, at the end.
    const FIRST_DEDUP: usize = 1 << 16;

    fn push(&mut self, w: &str) {
        let start = self.all.len() as u32;
        self.all.push_str(w);
        self.spans.push((start, self.all.len() as u32));
        if self.spans.len() >= self.dedup_at {
            self.dedup();
            self.dedup_at = (2 * self.spans.len()).max(Distinct::FIRST_DEDUP);
        }
    }

    /// Leaves each word once, sorted bytewise, `all` holding them in order.
    fn dedup(&mut self) {
        let all = &self.all;
        let at = |s: &(u32, u32)| &all[s.0 as usize..s.1 as usize];
        self.spans.sort_unstable_by(|a, b| at(a).cmp(at(b)));
        self.spans.dedup_by(|a, b| at(a) == at(b));
        let mut kept = String::with_capacity(self.spans.iter().map(|s| (s.1 - s.0) as usize).sum());
        for s in &mut self.spans {
            let start = kept.len() as u32;
            kept.push_str(at(s));
            *s = (start, kept.len() as u32);
        }
        self.all = kept;
    }

    /// The distinct words one after another, sorted, and where each ends.
    fn finish(mut self) -> (String, Vec<u32>) {
        self.dedup();
        let ends = self.spans.iter().map(|s| s.1).collect();
        (self.all, ends)
    }
}

/// Calls `f` with each folded word of a text; a hyphenated word also
/// gives its parts.
pub(super) fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    let mut buf = String::new();
    for t in tokens(text) {
        buf.clear();
        fold_into(&mut buf, t.text);
        let w = buf.as_str();
        if w.contains('-') {
            for p in w.split('-').filter(|p| p.len() > 1) {
                f(p);
            }
        }
        f(w);
    }
}

/// The maximal runs of letters and digits of a folded text.
pub(crate) fn runs(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !crate::extract::tokens::is_alphanumeric(c))
        .filter(|r| !r.is_empty())
}

/// Appends [`fold`](crate::extract::fold::fold)`(s)` to `out`, folding
/// only the non-ASCII runs the slow way. The same result: `fold` maps each
/// character on its own (decomposition, then dropping combining marks,
/// then lower case), and the only reordering decomposition does is among
/// combining marks, which never include an ASCII character.
pub(crate) fn fold_into(out: &mut String, s: &str) {
    let bytes = s.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let ascii_end = at + bytes[at..].iter().take_while(|b| b.is_ascii()).count();
        let ascii = &s[at..ascii_end];
        let start = out.len();
        out.push_str(ascii);
        out[start..].make_ascii_lowercase();
        if ascii.contains('`') {
            let fixed = out[start..].replace('`', "'");
            out.truncate(start);
            out.push_str(&fixed);
        }
        let other_end = ascii_end
            + bytes[ascii_end..]
                .iter()
                .take_while(|b| !b.is_ascii())
                .count();
        if other_end > ascii_end {
            // Both ends are at ASCII bytes or the ends of `s`: char boundaries.
            crate::extract::fold::fold_into(&s[ascii_end..other_end], out);
        }
        at = other_end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::fold::fold;

    #[test]
    fn fold_into_folds_as_fold_does() {
        let texts = [
            "Erdoğan à Sotchi : l’ONU, « Moyen‐Orient » – ÉTAT `x´ ŒUVRE straße Łódź",
            "e\u{301}te\u{301} a\u{30a}\u{323}b A\u{323}\u{30a}",
            "ﬁn ½ ™ ² Ⅻ İstanbul ΣΊΣΥΦΟΣ",
            "plain ASCII with `backticks` and CAPS",
            "",
            "\u{301}leading mark, trailing é\u{301}",
        ];
        for t in texts {
            let mut out = String::from("kept ");
            fold_into(&mut out, t);
            assert_eq!(out, format!("kept {}", fold(t)), "{t:?}");
        }
    }

    #[test]
    fn words_are_distinct_sorted_and_hyphens_give_parts() {
        let w = TextWords::of("Le cessez-le-feu, le Cessez-le-feu : Été à l'été.");
        let words: Vec<&str> = w.iter().collect();
        let mut expected = Vec::new();
        for_each_word(
            "Le cessez-le-feu, le Cessez-le-feu : Été à l'été.",
            |x| expected.push(x.to_string()),
        );
        expected.sort();
        expected.dedup();
        assert_eq!(words, expected);
        assert!(words.contains(&"cessez") && words.contains(&"cessez-le-feu"));
        assert!(w.loose_runs().is_empty(), "{:?}", w.loose_runs());
        w.fits().unwrap();
    }

    /// The words and loose runs as found holding every occurrence and the
    /// whole text folded at once.
    fn at_once(text: &str) -> (Vec<String>, Vec<String>) {
        let mut words = Vec::new();
        for_each_word(text, |w| words.push(w.to_string()));
        words.sort();
        words.dedup();
        let folded = fold(text);
        let mut loose: Vec<&str> = runs(&folded)
            .filter(|r| r.chars().nth(2).is_some())
            .collect();
        loose.sort();
        loose.dedup();
        let exact: std::collections::HashSet<&str> = words.iter().map(String::as_str).collect();
        let loose = loose
            .into_iter()
            .filter(|r| !exact.contains(r) && !words.iter().any(|w| w.contains(r)))
            .map(str::to_string)
            .collect();
        (words, loose)
    }

    #[test]
    fn words_and_runs_are_those_of_the_whole_text_at_once() {
        let mut long = String::new();
        // Past several deduplications: repeated words among new ones.
        for i in 0..30_000 {
            long.push_str(&format!("Poutine a vu mot{i} aujourd'hui™ à `Sotchi´; "));
        }
        let texts = [
            "Erdoğan à Sotchi : l’ONU, « Moyen‐Orient » – ÉTAT `x´ ŒUVRE straße Łódź",
            "e\u{301}te\u{301} a \u{30a}\u{323}b A\u{323}\u{30a} ﬁn ½ ™² Ⅻ İstanbul",
            "Marque™ déposée, aujourd'hui et aujourd’hui, cessez-le-feu™x",
            "",
            long.as_str(),
        ];
        for t in texts {
            let w = TextWords::of(t);
            let (words, loose) = at_once(t);
            assert_eq!(w.iter().collect::<Vec<_>>(), words, "{:.80}", t);
            assert_eq!(w.loose_runs(), loose, "{:.80}", t);
            w.fits().unwrap();
        }
    }

    #[test]
    fn runs_no_word_holds_are_kept() {
        // `™` folds to letters that no token gives.
        let w = TextWords::of("Marque™ déposée");
        assert!(
            !w.loose_runs().is_empty(),
            "{:?}",
            w.iter().collect::<Vec<_>>()
        );
        for run in w.loose_runs() {
            assert!(!w.is_word(run) && !w.inside_a_word(run), "{run}");
        }
    }

    #[test]
    fn stored_words_that_cannot_be_read_are_refused() {
        let good = TextWords::of("alpha beta gamma");
        good.fits().unwrap();
        let mut swapped = good.clone();
        swapped.joined = "betaalphagamma".into();
        swapped.ends = vec![4, 9, 14];
        assert_eq!(swapped.fits(), Err("search words out of order"));
        let mut short = good.clone();
        short.ends.pop();
        assert_eq!(short.fits(), Err("search words past the last"));
        let mut empty = good.clone();
        empty.ends.insert(0, 0);
        assert_eq!(empty.fits(), Err("a search word cut badly"));
        let mut inside = TextWords::of("é");
        inside.ends = vec![1, 2];
        assert_eq!(inside.fits(), Err("a search word cut badly"));
        let mut loose = good;
        loose.loose = vec!["zz".into(), "aa".into()];
        assert_eq!(loose.fits(), Err("loose runs out of order"));
    }
}
