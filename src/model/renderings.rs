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
use crate::extract::lang::Lang;

use super::aliases::UnionFind;
use super::translit;
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
    /// The language of each article.
    pub article_lang: &'a [Lang],
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
    let confirmed: Vec<Pair> = pairs.into_iter().filter(|p| roots.confirm(p)).collect();
    for p in confirmed {
        uf.union(p.a, p.b);
    }
}

/// Two entities (as union-find roots) with a key in common.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Pair {
    a: usize,
    b: usize,
    /// Met under the loose key only: they must come from different
    /// languages, where first names are translated.
    loose: bool,
}

/// The candidate pairs, sorted: under the transliteration key, and for
/// full names under the loose key too.
fn candidates(uf: &mut UnionFind, ev: &Evidence, which: Names) -> Vec<Pair> {
    let gaz = gazetteer::get();
    let mut exact: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut loose: HashMap<String, Vec<usize>> = HashMap::new();
    for (k, name) in ev.names.iter().enumerate() {
        let tkey = ev.tkeys[k].as_str();
        let single = !name.contains(' ');
        if single && (which == Names::Full || tkey.len() < MIN_WORD_KEY || gaz.is_first_name(name))
        {
            continue;
        }
        exact.entry(tkey).or_default().push(k);
        if which == Names::Full
            && let Some(l) = translit::loose_key(tkey)
        {
            loose.entry(l).or_default().push(k);
        }
    }
    let mut pairs = Vec::new();
    for keys in exact.values() {
        group_pairs(uf, keys, false, &mut pairs);
    }
    for keys in loose.values() {
        group_pairs(uf, keys, true, &mut pairs);
    }
    pairs.sort_unstable();
    pairs.dedup_by(|b, a| a.a == b.a && a.b == b.b);
    pairs
}

/// Every pair of the entities of one key's group, if it is small.
fn group_pairs(uf: &mut UnionFind, keys: &[usize], loose: bool, pairs: &mut Vec<Pair>) {
    if keys.len() < 2 {
        return;
    }
    let mut roots: Vec<usize> = keys.iter().map(|&k| uf.find(k)).collect();
    roots.sort_unstable();
    roots.dedup();
    if roots.len() < 2 || roots.len() > MAX_RENDERINGS {
        return;
    }
    for (i, &a) in roots.iter().enumerate() {
        pairs.extend(roots[i + 1..].iter().map(|&b| Pair { a, b, loose }));
    }
}

/// The evidence of the entities in candidate pairs, by root.
struct Roots {
    of: HashMap<usize, Root>,
}

#[derive(Default)]
struct Root {
    votes: Votes,
    /// Articles that name it, sorted.
    articles: Vec<u32>,
    /// Consonants of the first words of its names of two words.
    first_words: Vec<String>,
    /// How many of its articles are French, and how many English.
    french: usize,
    english: usize,
}

impl Roots {
    /// One pass over keys and one over mentions, keeping the candidates'.
    fn gather(uf: &mut UnionFind, ev: &Evidence, pairs: &[Pair]) -> Self {
        let mut of: HashMap<usize, Root> = pairs
            .iter()
            .flat_map(|p| [p.a, p.b])
            .map(|r| (r, Root::default()))
            .collect();
        let key_root: Vec<usize> = (0..ev.names.len()).map(|k| uf.find(k)).collect();
        for (k, r) in key_root.iter().enumerate() {
            if let Some(root) = of.get_mut(r) {
                root.votes.merge(&ev.key_votes[k]);
                if let Some((first, _)) = ev.tkeys[k].split_once(' ') {
                    root.first_words.push(translit::consonants(first));
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
            for &a in &root.articles {
                match ev.article_lang.get(a as usize) {
                    Some(Lang::Fr) => root.french += 1,
                    Some(Lang::En) => root.english += 1,
                    None => {}
                }
            }
            root.first_words.sort_unstable();
            root.first_words.dedup();
        }
        Roots { of }
    }

    fn confirm(&self, p: &Pair) -> bool {
        let (a, b) = (&self.of[&p.a], &self.of[&p.b]);
        kinds_agree(a.votes.leaning(), b.votes.leaning())
            && first_names_agree(&a.first_words, &b.first_words)
            && !seen_together(&a.articles, &b.articles)
            && (!p.loose || a.language() != b.language())
    }
}

impl Root {
    /// The language of most of its articles.
    fn language(&self) -> Option<Lang> {
        match self.french.cmp(&self.english) {
            std::cmp::Ordering::Greater => Some(Lang::Fr),
            std::cmp::Ordering::Less => Some(Lang::En),
            std::cmp::Ordering::Equal => None,
        }
    }
}

fn kinds_agree(a: EntityKind, b: EntityKind) -> bool {
    a == b || a == EntityKind::Misc || b == EntityKind::Misc
}

/// Either has no first name, or they share one (by its consonants, as
/// first names are translated: `Alexandre`, `Alexander`).
fn first_names_agree(a: &[String], b: &[String]) -> bool {
    a.is_empty() || b.is_empty() || a.iter().any(|w| b.binary_search(w).is_ok())
}

/// The two spellings meet in at least half the articles of the rarer one.
fn seen_together(a: &[u32], b: &[u32]) -> bool {
    2 * super::sorted::shared(a, b) >= a.len().min(b.len()).max(1)
}
