//! The shingles of a text: every run of [`WIDTH`] consecutive folded
//! words, hashed to 64 bits. Folding (case, accents, typographic
//! apostrophes) and splitting at anything that is not a letter or digit
//! make two printings of one dispatch give the same shingles whatever their
//! typography.

use xxhash_rust::xxh3::xxh3_64;

use crate::extract::fold::fold_into;

/// Words per shingle: long enough that templated phrasing shared by
/// unrelated reports ("a déclaré le ministre") seldom makes a whole
/// shingle, short enough that one reworded sentence only changes the
/// shingles that overlap it.
pub const WIDTH: usize = 4;

/// Calls `each` with the hash of every shingle of `text`, in text order
/// (repeats included).
pub fn for_each(text: &str, mut each: impl FnMut(u64)) {
    let mut window = [0u64; WIDTH];
    let mut seen = 0usize;
    let mut folded = String::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        folded.clear();
        fold_into(word, &mut folded);
        window[seen % WIDTH] = xxh3_64(folded.as_bytes());
        seen += 1;
        if seen >= WIDTH {
            each(combine(&window, seen));
        }
    }
    // A text shorter than one shingle is one shingle of what it has.
    if (1..WIDTH).contains(&seen) {
        each(combine(&window[..seen], seen));
    }
}

/// The sorted, distinct shingles of a text: what similarity is measured on.
pub fn set(text: &str) -> Vec<u64> {
    let mut out = Vec::with_capacity(text.len() / 6);
    for_each(text, |h| out.push(h));
    out.sort_unstable();
    out.dedup();
    out
}

/// One hash of the words in the ring `window`, the newest at `seen - 1`,
/// taken in reading order so that `a b c d` and `d c b a` differ.
fn combine(window: &[u64], seen: usize) -> u64 {
    let n = window.len();
    let mut h: u64 = 0x9E37_79B9_7F4A_7C15;
    for k in 0..n {
        let w = window[(seen + k) % n];
        h = (h ^ w).wrapping_mul(0xBF58_476D_1CE4_E5B9).rotate_left(29);
    }
    mix(h)
}

/// SplitMix64's finaliser: every input bit moves every output bit, so
/// the bins and ranks MinHash reads from a hash are independent.
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Jaccard similarity of two sorted, distinct shingle sets.
pub fn jaccard(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let both = crate::model::sorted::shared(a, b);
    both as f32 / (a.len() + b.len() - both) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typography_does_not_change_shingles() {
        assert_eq!(
            set("L’Élysée a confirmé la rencontre, mardi."),
            set("l'elysee  A CONFIRMÉ la rencontre mardi")
        );
    }

    #[test]
    fn word_order_matters() {
        assert_ne!(set("un deux trois quatre"), set("quatre trois deux un"));
    }

    #[test]
    fn short_texts_have_one_shingle_and_empty_ones_none() {
        assert_eq!(set("deux mots").len(), 1);
        assert!(set(" … ").is_empty());
        assert_eq!(set("un deux trois quatre cinq").len(), 2);
    }

    #[test]
    fn jaccard_of_sets() {
        assert_eq!(jaccard(&[1, 2, 3], &[1, 2, 3]), 1.0);
        assert_eq!(jaccard(&[1, 2], &[3, 4]), 0.0);
        assert_eq!(jaccard(&[1, 2, 3], &[2, 3, 4]), 0.5);
    }
}
