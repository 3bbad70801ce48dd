//! Short forms of organisation and place names: `Harrowgate` for
//! `Harrowgate Foods`, `Senate` for `U.S. Senate`, `Assemblée` for
//! `Assemblée nationale`. Unlike a person's surname, such a short form is
//! often a name of its own elsewhere (`Parlement`, `Newcastle`), so the
//! corpus-wide uniqueness that joins surnames is not enough: a short form
//! joins a longer name only when it is written beside it, in at least half
//! of the articles that use the short form, and beside no other candidate.
//! A share of articles, not a count, so the rule holds at any corpus size.
//!
//! Candidates come from a hash of the longer names' word prefixes and
//! suffixes; only the few names of each candidate set are compared.

use std::collections::{HashMap, HashSet};

use crate::extract::gazetteer;
use crate::extract::kind::EntityKind;

use super::aliases::UnionFind;
use super::renderings::Evidence;
use super::votes::Votes;

/// More longer names than this around one short form: a common word.
const MAX_CANDIDATES: usize = 4;

/// Joins each short form to the one longer organisation or place name it
/// is written beside.
pub(super) fn join(uf: &mut UnionFind, ev: &Evidence) {
    let roots: Vec<usize> = (0..ev.names.len()).map(|k| uf.find(k)).collect();
    let mut votes: HashMap<usize, Votes> = HashMap::new();
    for (k, &r) in roots.iter().enumerate() {
        votes.entry(r).or_default().merge(&ev.key_votes[k]);
    }
    let wanted = candidates(ev, &roots, &votes);
    if wanted.is_empty() {
        return;
    }
    let articles = Articles::gather(ev, &roots, &wanted);
    let mut joins = Vec::new();
    for (k, cands) in &wanted {
        let short = &articles.of_key[k];
        let beside: Vec<usize> = cands
            .iter()
            .copied()
            .filter(|r| {
                2 * super::sorted::shared(short, &articles.of_root[r]) >= short.len().max(1)
            })
            .collect();
        if let [r] = beside[..] {
            joins.push((*k, r));
        }
    }
    for (k, r) in joins {
        uf.union(k, r);
    }
}

/// For each short key, the roots of the longer organisation or place
/// names that begin or end with it, of a kind that agrees.
fn candidates(
    ev: &Evidence,
    roots: &[usize],
    votes: &HashMap<usize, Votes>,
) -> Vec<(usize, Vec<usize>)> {
    let gaz = gazetteer::get();
    let kind = |r: usize| votes[&r].leaning();
    let mut by_part: HashMap<&str, Vec<(usize, Side)>> = HashMap::new();
    for (j, long) in ev.names.iter().enumerate() {
        let k = kind(roots[j]);
        if !matches!(k, EntityKind::Org | EntityKind::Place) {
            continue;
        }
        for (i, _) in long.match_indices(' ') {
            // A place named from another by a head after it is another
            // place (`Bicol River` is not the Bicol region); words before
            // it leave the same place (`Le Havre`, `du Havre`).
            if k == EntityKind::Org {
                by_part
                    .entry(&long[..i])
                    .or_default()
                    .push((roots[j], Side::Start));
            }
            by_part
                .entry(&long[i + 1..])
                .or_default()
                .push((roots[j], Side::End));
        }
    }
    let mut wanted = Vec::new();
    for (k, short) in ev.names.iter().enumerate() {
        let Some(longs) = by_part.get(short.as_str()) else {
            continue;
        };
        let own = &votes[&roots[k]];
        // A place or body the gazetteer knows is a name of its own
        // (`Congo` is not only the Democratic Republic of Congo), and so is
        // an acronym (`CFDT` is not `CGT-CFDT`).
        let own_key = &ev.key_votes[k];
        if own.has_gazetteer_place_or_org() || own_key.is_acronym() || gaz.is_first_name(short) {
            continue;
        }
        let mut cands: Vec<usize> = longs
            .iter()
            .filter(|&&(r, side)| r != roots[k] && kinds_agree(own.leaning(), kind(r), side))
            .map(|&(r, _)| r)
            .collect();
        cands.sort_unstable();
        cands.dedup();
        if !cands.is_empty() && cands.len() <= MAX_CANDIDATES {
            wanted.push((k, cands));
        }
    }
    wanted
}

/// Where the short form stands in the longer name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Start,
    End,
}

/// A short form that ends the longer name must itself be voted its kind:
/// the last word of an organisation's name is its head in English (`U.S.
/// Senate`) but its eponym in French (`Académie Goncourt`), and an eponym
/// alone names the prize or the person as often as the body. A first word
/// may have no kind of its own (`Harrowgate` of `Harrowgate Foods`).
fn kinds_agree(short: EntityKind, long: EntityKind, side: Side) -> bool {
    short == long || (short == EntityKind::Misc && side == Side::Start)
}

/// Sorted article lists of the short keys and of the candidate roots.
struct Articles {
    of_key: HashMap<usize, Vec<u32>>,
    of_root: HashMap<usize, Vec<u32>>,
}

impl Articles {
    fn gather(ev: &Evidence, roots: &[usize], wanted: &[(usize, Vec<usize>)]) -> Self {
        let mut of_key: HashMap<usize, Vec<u32>> =
            wanted.iter().map(|(k, _)| (*k, Vec::new())).collect();
        let cand_roots: HashSet<usize> =
            wanted.iter().flat_map(|(_, c)| c.iter().copied()).collect();
        let mut of_root: HashMap<usize, Vec<u32>> =
            cand_roots.into_iter().map(|r| (r, Vec::new())).collect();
        for (&k, &a) in ev.mention_key.iter().zip(ev.article_of) {
            let k = k as usize;
            if let Some(v) = of_key.get_mut(&k) {
                v.push(a);
            }
            if let Some(v) = of_root.get_mut(&roots[k]) {
                v.push(a);
            }
        }
        for v in of_key.values_mut().chain(of_root.values_mut()) {
            v.sort_unstable();
            v.dedup();
        }
        Articles { of_key, of_root }
    }
}
