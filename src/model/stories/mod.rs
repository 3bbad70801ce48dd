//! Stories: the copies and rewrites of one dispatch, found across the
//! whole corpus at build time. Texts are cut into shingles of folded
//! words ([`shingles`]), summed up in MinHash signatures ([`signature`]),
//! and paired by banding ([`candidates`]), so that the work grows with
//! the corpus and not with its square. Every candidate pair is then
//! verified on its true shingle sets: a pair at or above the rewrite
//! threshold is one story, and union-find joins the pairs into stories.
//! A member at or above the copy threshold of its story's representative
//! is a copy, below it a rewrite.
//!
//! Pure: texts and preferences in, stories out. The thresholds come from
//! `[stories]` in config.toml.

pub mod candidates;
pub mod diff;
pub mod shingles;
pub mod signature;
mod union_find;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::ArticleId;
use union_find::UnionFind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct StoryId(pub u32);

/// The similarities that decide: Jaccard similarity of shingle sets.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Thresholds {
    /// At or above: a copy of the representative (same text, another
    /// outlet or file, a byline or a headline aside).
    pub copy: f32,
    /// At or above: one story (a paragraph cut or added, sentences
    /// reworded); below: different articles.
    pub rewrite: f32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            copy: 0.9,
            rewrite: 0.5,
        }
    }
}

/// How a member relates to its story's representative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Likeness {
    /// The representative itself (or the only article of its story).
    Original,
    Copy,
    Rewrite,
}

impl Likeness {
    pub fn as_str(self) -> &'static str {
        match self {
            Likeness::Original => "original",
            Likeness::Copy => "copy",
            Likeness::Rewrite => "rewrite",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    pub article: ArticleId,
    pub likeness: Likeness,
    /// Jaccard similarity to the representative (1 for itself).
    pub similarity: f32,
}

/// One story: its members, the representative first, the others in
/// corpus order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    pub id: StoryId,
    pub members: Vec<Member>,
}

impl Story {
    /// The report shown for the story: the earliest, else the fullest.
    pub fn representative(&self) -> ArticleId {
        self.members[0].article
    }

    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// A story always has its representative.
    pub fn is_empty(&self) -> bool {
        false
    }

    pub fn member(&self, a: ArticleId) -> Option<&Member> {
        self.members.iter().find(|m| m.article == a)
    }
}

/// One story per article: what is known before the texts are compared.
pub fn singletons(n: usize) -> Vec<Story> {
    (0..n as u32)
        .map(|i| Story {
            id: StoryId(i),
            members: vec![Member {
                article: ArticleId(i),
                likeness: Likeness::Original,
                similarity: 1.0,
            }],
        })
        .collect()
}

/// The stories of `texts`: every text in exactly one, stories ordered by
/// their first member in corpus order. `preference[i]` ranks text `i` as
/// a representative (lower is preferred: earlier, then fuller).
pub fn find(texts: &[&str], preference: &[u32], t: Thresholds) -> Vec<Story> {
    assert_eq!(texts.len(), preference.len(), "one preference per text");
    let common = common_shingles(texts);
    let signatures: Vec<_> = texts.par_iter().map(|s| signature_of(s, &common)).collect();
    let pairs = candidates::pairs(&signatures);
    drop(signatures);
    let verified = Verified::of(texts, &pairs);
    let mut sets = UnionFind::new(texts.len());
    for (a, b) in verified.edges(&pairs, t.rewrite) {
        sets.union(a as usize, b as usize);
    }
    assemble(&mut sets, &verified, preference, t)
}

/// A text's signature without its common shingles, unless they are most
/// of it: a text of boilerplate (a notice, a disclaimer with a number) is
/// compared on all its shingles, as the other printings of it are.
fn signature_of(text: &str, common: &rustc_hash::FxHashSet<u64>) -> Option<signature::Signature> {
    // One pass over the text: folding and hashing are most of the cost.
    let mut hashes = Vec::with_capacity(text.len() / 6);
    shingles::for_each(text, |h| hashes.push(h));
    let all = hashes.len();
    let rare: Vec<u64> = hashes
        .iter()
        .copied()
        .filter(|h| !common.contains(h))
        .collect();
    if rare.len() * 2 >= all {
        signature::of_hashes(&rare)
    } else {
        signature::of_hashes(&hashes)
    }
}

/// Texts sampled to find the common shingles.
const SAMPLE: usize = 2_000;

/// The shingles of boilerplate and stock phrases: those in more than one
/// sampled text in fifty (and at least five). Left out of signatures,
/// they would make unrelated texts agree on bands and fill buckets with
/// pairs that verification then refuses; true similarity is still
/// measured on every shingle.
fn common_shingles(texts: &[&str]) -> rustc_hash::FxHashSet<u64> {
    let step = texts.len().div_ceil(SAMPLE).max(1);
    let sampled: Vec<Vec<u64>> = texts
        .par_iter()
        .step_by(step)
        .map(|t| shingles::set(t))
        .collect();
    let floor = (sampled.len() / 50).max(5);
    let mut df: rustc_hash::FxHashMap<u64, u32> = Default::default();
    for set in &sampled {
        for &h in set {
            *df.entry(h).or_default() += 1;
        }
    }
    df.into_iter()
        .filter(|&(_, n)| n as usize > floor)
        .map(|(h, _)| h)
        .collect()
}

/// The shingle sets of the texts in some candidate pair.
struct Verified {
    /// Sorted: the texts whose sets are kept.
    texts: Vec<u32>,
    sets: Vec<Vec<u64>>,
}

impl Verified {
    fn of(texts: &[&str], pairs: &[(u32, u32)]) -> Verified {
        let mut involved: Vec<u32> = pairs.iter().flat_map(|&(a, b)| [a, b]).collect();
        involved.sort_unstable();
        involved.dedup();
        let sets = involved
            .par_iter()
            .map(|&i| shingles::set(texts[i as usize]))
            .collect();
        Verified {
            texts: involved,
            sets,
        }
    }

    fn set(&self, i: u32) -> &[u64] {
        let at = self
            .texts
            .binary_search(&i)
            .expect("only texts of candidate pairs are asked for");
        &self.sets[at]
    }

    fn similarity(&self, a: u32, b: u32) -> f32 {
        shingles::jaccard(self.set(a), self.set(b))
    }

    /// The pairs whose true similarity reaches `threshold`.
    fn edges(&self, pairs: &[(u32, u32)], threshold: f32) -> Vec<(u32, u32)> {
        pairs
            .par_iter()
            .copied()
            .filter(|&(a, b)| self.similarity(a, b) >= threshold)
            .collect()
    }
}

fn assemble(
    sets: &mut UnionFind,
    verified: &Verified,
    preference: &[u32],
    t: Thresholds,
) -> Vec<Story> {
    let n = preference.len();
    // Members by root, in corpus order.
    let mut by_root: Vec<Vec<u32>> = vec![Vec::new(); n];
    for i in 0..n {
        by_root[sets.find(i)].push(i as u32);
    }
    let mut groups: Vec<Vec<u32>> = by_root.into_iter().filter(|g| !g.is_empty()).collect();
    groups.sort_unstable_by_key(|g| g[0]);
    groups
        .into_par_iter()
        .enumerate()
        .map(|(k, group)| story(StoryId(k as u32), &group, verified, preference, t))
        .collect()
}

fn story(
    id: StoryId,
    group: &[u32],
    verified: &Verified,
    preference: &[u32],
    t: Thresholds,
) -> Story {
    let rep = *group
        .iter()
        .min_by_key(|&&i| (preference[i as usize], i))
        .expect("a group has members");
    let mut members = vec![Member {
        article: ArticleId(rep),
        likeness: Likeness::Original,
        similarity: 1.0,
    }];
    for &i in group.iter().filter(|&&i| i != rep) {
        let similarity = verified.similarity(rep, i);
        members.push(Member {
            article: ArticleId(i),
            likeness: if similarity >= t.copy {
                Likeness::Copy
            } else {
                Likeness::Rewrite
            },
            similarity,
        });
    }
    Story { id, members }
}

#[cfg(test)]
mod tests;
