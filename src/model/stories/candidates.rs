//! Candidate pairs by banding (locality-sensitive hashing): a signature is
//! cut into [`BANDS`] bands of [`ROWS`] values, and two texts are
//! candidates when they agree on a whole band. Texts of similarity `s`
//! share a band with probability `1 - (1 - s^ROWS)^BANDS`: 0.94 at 0.5,
//! 0.9998 at 0.7, 0.02 at 0.1. The cost is one sort of `BANDS` keys per
//! text, plus the pairs found.
//!
//! Two things would make it quadratic, and neither does: texts with the
//! very same signature (a boilerplate notice printed a thousand times)
//! enter the bands once and are paired with that one only; and in a band
//! bucket larger than [`BUCKET_CAP`], each member past the first
//! `BUCKET_CAP` is paired with the bucket's first only, not every other.

use xxhash_rust::xxh3::xxh3_64;

use super::signature::{LEN, Signature};

pub const ROWS: usize = 3;
pub const BANDS: usize = LEN / ROWS;

/// Past this many texts in one bucket, a member is paired with the
/// bucket's first text only: enough to join a story (its copies agree
/// with each other on other bands anyway), and a bound on the work of
/// `BUCKET_CAP` pairs per text and band.
pub const BUCKET_CAP: usize = 8;

/// Candidate pairs `(a, b)`, `a < b`, each once, sorted. `signatures[i]`
/// is text `i`'s; texts without one take no part.
pub fn pairs(signatures: &[Option<Signature>]) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let leaders = same_signatures(signatures, &mut out);
    let mut keys: Vec<(u64, u32)> = Vec::with_capacity(leaders.len() * BANDS);
    for &i in &leaders {
        let sig = signatures[i as usize]
            .as_ref()
            .expect("leaders have signatures");
        for (band, rows) in sig.chunks_exact(ROWS).enumerate() {
            keys.push((band_key(band, rows), i));
        }
    }
    keys.sort_unstable();
    for bucket in keys.chunk_by(|x, y| x.0 == y.0) {
        for (k, &(_, b)) in bucket.iter().enumerate().skip(1) {
            let earlier = if k < BUCKET_CAP {
                &bucket[..k]
            } else {
                &bucket[..1]
            };
            for &(_, a) in earlier {
                out.push((a.min(b), a.max(b)));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Groups texts by their whole signature: each group's first text is
/// returned as its leader, and every other member is paired with it.
fn same_signatures(signatures: &[Option<Signature>], out: &mut Vec<(u32, u32)>) -> Vec<u32> {
    let mut whole: Vec<(u64, u32)> = signatures
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.as_ref().map(|s| (xxh3_64(&bytes(s)), i as u32)))
        .collect();
    whole.sort_unstable();
    let mut leaders = Vec::with_capacity(whole.len());
    for group in whole.chunk_by(|x, y| x.0 == y.0) {
        let first = group[0].1;
        leaders.push(first);
        for &(_, other) in &group[1..] {
            // A hash collision of two different signatures is only a
            // candidate more: every pair is verified.
            out.push((first, other));
        }
    }
    leaders.sort_unstable();
    leaders
}

fn band_key(band: usize, rows: &[u32]) -> u64 {
    let mut buf = [0u8; 4 * ROWS + 1];
    buf[0] = band as u8;
    for (k, v) in rows.iter().enumerate() {
        buf[1 + 4 * k..5 + 4 * k].copy_from_slice(&v.to_le_bytes());
    }
    xxh3_64(&buf)
}

fn bytes(s: &Signature) -> [u8; 4 * LEN] {
    let mut out = [0u8; 4 * LEN];
    for (chunk, v) in out.chunks_exact_mut(4).zip(s) {
        chunk.copy_from_slice(&v.to_le_bytes());
    }
    out
}
