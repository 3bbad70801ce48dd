//! Joins the renderings of one foreign name in other spellings (`Poutine`
//! and `Putin`, `Navalni` and `Navalny`): names whose transliteration keys
//! ([`super::translit`]) are equal are candidates, and the corpus confirms
//! them. A candidate pair is joined only when
//! - both entities are voted the same kind (or one has no kind yet),
//! - their first names agree when both have some (`Fabien Roussel` and
//!   `Bertrand Russell` key alike by surname but stay apart),
//! - the two spellings seldom meet in one article: a writer keeps one
//!   spelling of a name, so two spellings side by side name two referents,
//! - and neither is a first name alone (a first name never joins people).
//!
//! Candidates are found by hashing the keys; only the few entities of each
//! candidate group are compared, so the join is linear in the corpus size.

use std::collections::HashMap;

use crate::extract::gazetteer;
use crate::extract::kind::EntityKind;

use super::aliases::UnionFind;
use super::votes::Votes;

/// What the corpus says about each identity key.
pub(super) struct Evidence<'a> {
    /// Identity keys (folded names).
    pub names: &'a [String],
    /// Their transliteration keys.
    pub tkeys: &'a [String],
    pub key_votes: &'a [Votes],
    /// The key of each mention, and its article.
    pub mention_key: &'a [u32],
    pub article_of: &'a [u32],
}

/// Which names may start a candidate join.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Names {
    /// Names of two words or more: first names and surnames agree.
    Full,
    All,
}

/// More entities than this under one key are a common word, not the
/// renderings of one name.
const MAX_RENDERINGS: usize = 4;

/// A single word keyed shorter than this is too short to tell names apart.
const MIN_WORD_KEY: usize = 4;

/// Joins the confirmed candidates under `uf`.
pub(super) fn join(uf: &mut UnionFind, ev: &Evidence, names: Names) {
    let pairs = candidates(uf, ev, names);
    if pairs.is_empty() {
        return;
    }
    let roots = Roots::gather(uf, ev, &pairs);
    // Confirmed on the entities as they stand, then joined: the outcome
    // does not depend on the order of the pairs.
    let confirmed: Vec<(usize, usize)> = pairs
        .into_iter()
        .filter(|&(a, b)| roots.confirm(a, b))
        .collect();
    for (a, b) in confirmed {
        uf.union(a, b);
    }
}

/// Pairs of entities (as union-find roots) with a key in common, sorted.
fn candidates(uf: &mut UnionFind, ev: &Evidence, which: Names) -> Vec<(usize, usize)> {
    let gaz = gazetteer::get();
    let mut groups: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, name) in ev.names.iter().enumerate() {
        let tkey = ev.tkeys[k].as_str();
        let single = !name.contains(' ');
        if single && (which == Names::Full || tkey.len() < MIN_WORD_KEY || gaz.is_first_name(name))
        {
            continue;
        }
        groups.entry(tkey).or_default().push(k);
    }
    let mut pairs = Vec::new();
    for keys in groups.values().filter(|ks| ks.len() > 1) {
        let mut roots: Vec<usize> = keys.iter().map(|&k| uf.find(k)).collect();
        roots.sort_unstable();
        roots.dedup();
        if roots.len() < 2 || roots.len() > MAX_RENDERINGS {
            continue;
        }
        for (i, &a) in roots.iter().enumerate() {
            pairs.extend(roots[i + 1..].iter().map(|&b| (a, b)));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The evidence of the entities in candidate pairs, by root.
struct Roots<'a> {
    of: HashMap<usize, Root<'a>>,
}

#[derive(Default)]
struct Root<'a> {
    votes: Votes,
    /// Articles that name it, sorted.
    articles: Vec<u32>,
    /// Transliteration keys of the first words of its names of two words.
    first_words: Vec<&'a str>,
}

impl<'a> Roots<'a> {
    /// One pass over keys and one over mentions, keeping the candidates'.
    fn gather(uf: &mut UnionFind, ev: &Evidence<'a>, pairs: &[(usize, usize)]) -> Self {
        let mut of: HashMap<usize, Root> = pairs
            .iter()
            .flat_map(|&(a, b)| [a, b])
            .map(|r| (r, Root::default()))
            .collect();
        let key_root: Vec<usize> = (0..ev.names.len()).map(|k| uf.find(k)).collect();
        for (k, r) in key_root.iter().enumerate() {
            if let Some(root) = of.get_mut(r) {
                root.votes.merge(&ev.key_votes[k]);
                if let Some((first, _)) = ev.tkeys[k].split_once(' ') {
                    root.first_words.push(first);
                }
            }
        }
        for (&k, &article) in ev.mention_key.iter().zip(ev.article_of) {
            if let Some(root) = of.get_mut(&key_root[k as usize])
                && root.articles.last() != Some(&article)
            {
                root.articles.push(article);
            }
        }
        for root in of.values_mut() {
            root.articles.sort_unstable();
            root.articles.dedup();
            root.first_words.sort_unstable();
            root.first_words.dedup();
        }
        Roots { of }
    }

    fn confirm(&self, a: usize, b: usize) -> bool {
        let (a, b) = (&self.of[&a], &self.of[&b]);
        kinds_agree(a.votes.winner(), b.votes.winner())
            && first_names_agree(&a.first_words, &b.first_words)
            && !seen_together(&a.articles, &b.articles)
    }
}

fn kinds_agree(a: EntityKind, b: EntityKind) -> bool {
    a == b || a == EntityKind::Misc || b == EntityKind::Misc
}

/// Either has no first name, or they share one.
fn first_names_agree(a: &[&str], b: &[&str]) -> bool {
    a.is_empty() || b.is_empty() || a.iter().any(|w| b.binary_search(w).is_ok())
}

/// The two spellings meet in at least half the articles of the rarer one.
fn seen_together(a: &[u32], b: &[u32]) -> bool {
    let (mut i, mut j, mut both) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2 * both >= a.len().min(b.len()).max(1)
}
