//! MinHash signatures by one-permutation hashing: a shingle's hash picks
//! one of [`LEN`] bins by its top bits and competes for that bin's
//! minimum with the rest, so a text costs one step per shingle rather
//! than one per shingle and hash function. Bins no shingle fell in borrow
//! the next filled bin's value (rotation densification), which keeps two
//! texts' signatures agreeing bin by bin with probability close to their
//! Jaccard similarity even when they are short.

use super::shingles;

/// Values per signature.
pub const LEN: usize = 64;
const BIN_BITS: u32 = LEN.trailing_zeros();

/// A text's MinHash signature; `None` for a text without shingles.
pub type Signature = [u32; LEN];

/// The signature of `text`, or `None` when it has no words.
pub fn of(text: &str) -> Option<Signature> {
    of_without(text, |_| false)
}

/// The signature of `text` leaving out the shingles `common` names
/// (boilerplate every other article holds), or `None` when nothing is
/// left.
pub fn of_without(text: &str, common: impl Fn(u64) -> bool) -> Option<Signature> {
    let mut hashes = Vec::new();
    shingles::for_each(text, |h| {
        if !common(h) {
            hashes.push(h);
        }
    });
    of_hashes(&hashes)
}

/// The signature of a text's shingle hashes, or `None` for none.
pub fn of_hashes(hashes: &[u64]) -> Option<Signature> {
    let mut sig = [u32::MAX; LEN];
    let mut filled = [false; LEN];
    let mut any = false;
    for &h in hashes {
        let bin = (h >> (64 - BIN_BITS)) as usize;
        let rank = (h << BIN_BITS >> 32) as u32;
        if !filled[bin] || rank < sig[bin] {
            sig[bin] = rank;
            filled[bin] = true;
        }
        any = true;
    }
    if !any {
        return None;
    }
    densify(&mut sig, &filled);
    Some(sig)
}

/// Fills each empty bin from the next filled one to its right (wrapping),
/// marked with the distance so that borrowed values do not agree by
/// accident with a text whose own bin holds the same value.
fn densify(sig: &mut Signature, filled: &[bool; LEN]) {
    for i in 0..LEN {
        if filled[i] {
            continue;
        }
        let mut d = 1;
        while !filled[(i + d) % LEN] {
            d += 1;
        }
        let from = sig[(i + d) % LEN];
        sig[i] = shingles::mix(u64::from(from) ^ ((d as u64) << 40)) as u32;
    }
}

/// The share of bins two signatures agree on: an estimate of the Jaccard
/// similarity of their texts (tests compare it with the true one).
pub fn agreement(a: &Signature, b: &Signature) -> f32 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f32 / LEN as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_text_has_no_signature() {
        assert!(of("").is_none());
        assert!(of("  ,;  ").is_none());
    }

    #[test]
    fn a_one_word_text_has_a_signature_its_typography_does_not_change() {
        assert!(of("bonjour").is_some());
        assert_eq!(of("bonjour"), of("Bonjour !"));
        assert_ne!(of("bonjour"), of("bonsoir"));
    }

    #[test]
    fn agreement_tracks_similarity() {
        let words: Vec<String> = (0..400).map(|i| format!("mot{i}")).collect();
        let a = words.join(" ");
        // The second half replaced: 200 of 397 shingles kept of 597 in all.
        let b = words[..200]
            .iter()
            .cloned()
            .chain((0..200).map(|i| format!("autre{i}")))
            .collect::<Vec<_>>()
            .join(" ");
        let truth = shingles::jaccard(&shingles::set(&a), &shingles::set(&b));
        let est = agreement(&of(&a).unwrap(), &of(&b).unwrap());
        assert!((truth - est).abs() < 0.15, "truth {truth}, estimate {est}");
        assert_eq!(agreement(&of(&a).unwrap(), &of(&a).unwrap()), 1.0);
    }
}
