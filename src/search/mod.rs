//! Filtering the corpus by a query: which articles match and how well,
//! which entities and events they bring, and what to highlight. Pure: the
//! same corpus, index and query always give the same [`View`].

mod exact;
mod group;
pub mod index;
pub mod matcher;
pub mod query;
pub mod sort;
pub mod suggest;

use crate::extract::fold::fold;
use crate::model::{ArticleId, Corpus, EntityId, EventId};
use crate::review::Marks;

pub use index::{SearchIndex, TextWords};
pub use query::{Query, QueryError, Status, Term};
pub use sort::Sort;

use index::Field;
use matcher::WordMatcher;

/// An entity as the filtered articles show it.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityRow {
    pub id: EntityId,
    pub mentions: usize,
    pub articles: usize,
}

/// The result of a query: what each pane lists, in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct View {
    /// Matching articles, best first (corpus order when nothing ranks them).
    pub articles: Vec<ArticleId>,
    pub entities: Vec<EntityRow>,
    pub events: Vec<EventId>,
    /// Folded words and substrings to highlight.
    pub highlights: Vec<String>,
    pub errors: Vec<QueryError>,
}

/// Whether a word, folded, is one of the highlighted words or holds a
/// highlighted substring of three letters or more.
pub fn is_highlighted(word: &str, highlights: &[String]) -> bool {
    if highlights.is_empty() {
        return false;
    }
    let f = fold(word);
    highlights
        .iter()
        .any(|h| *h == f || (h.len() >= 3 && f.contains(h.as_str())))
}

/// Byte ranges of the highlighted words of a text, in order.
pub fn match_ranges(text: &str, highlights: &[String]) -> Vec<std::ops::Range<usize>> {
    if highlights.is_empty() {
        return Vec::new();
    }
    crate::extract::tokens::tokens(text)
        .filter(|t| is_highlighted(t.text, highlights))
        .map(|t| t.start..t.end)
        .collect()
}

/// Filters with a query string.
pub fn filter_str(corpus: &Corpus, index: &SearchIndex, input: &str) -> View {
    filter_marked(corpus, index, input, &[])
}

/// Filters with a query string, `is:` terms reading the review marks
/// (indexed by article; missing entries are unmarked).
pub fn filter_marked(corpus: &Corpus, index: &SearchIndex, input: &str, marks: &[Marks]) -> View {
    let (q, errors) = query::parse(input);
    let mut v = filter(corpus, index, &q, marks);
    v.errors = errors;
    v
}

/// Filters the corpus: the articles of any group of the query (`OR`),
/// each matching every term of its group; the events its groups keep.
pub fn filter(corpus: &Corpus, index: &SearchIndex, q: &Query, marks: &[Marks]) -> View {
    let n = corpus.articles.len();
    let mut groups = q
        .groups
        .iter()
        .map(|g| group::matching(corpus, index, g, marks));
    let mut all = groups
        .next()
        .unwrap_or_else(|| group::Matched::everything(n));
    let mut event_ok: Vec<Vec<EventPredicate>> = vec![std::mem::take(&mut all.event_ok)];
    let mut group_keeps: Vec<Vec<bool>> = Vec::new();
    for mut g in groups {
        // An article of several groups ranks by its best.
        for i in 0..n {
            all.score[i] = match (all.keep[i], g.keep[i]) {
                (true, true) => all.score[i].max(g.score[i]),
                (false, true) => g.score[i],
                _ => all.score[i],
            };
        }
        if group_keeps.is_empty() {
            group_keeps.push(all.keep.clone());
        }
        for (k, gk) in all.keep.iter_mut().zip(&g.keep) {
            *k |= *gk;
        }
        all.ranked |= g.ranked;
        all.highlight_words.append(&mut g.highlight_words);
        all.highlights.append(&mut g.highlights);
        event_ok.push(std::mem::take(&mut g.event_ok));
        group_keeps.push(g.keep);
    }
    let keep = &all.keep;
    let articles = if all.ranked {
        by_score(keep, &all.score)
    } else {
        (0..n as u32)
            .filter(|&i| keep[i as usize])
            .map(ArticleId)
            .collect()
    };
    let entities = entity_rows(corpus, index, keep, articles.len());
    let events = if group_keeps.is_empty() {
        events_of(index, keep, articles.len(), &event_ok[0])
    } else {
        // Each group's events, from its own articles, merged in id order.
        let mut events: Vec<EventId> = group_keeps
            .iter()
            .zip(&event_ok)
            .flat_map(|(k, ok)| {
                let count = k.iter().filter(|x| **x).count();
                events_of(index, k, count, ok)
            })
            .collect();
        events.sort_unstable();
        events.dedup();
        events
    };
    let highlights = merge_highlights(index, all.highlight_words, all.highlights);
    View {
        articles,
        entities,
        events,
        highlights,
        errors: Vec::new(),
    }
}

/// The kept articles, best score first, equal scores in corpus order.
fn by_score(keep: &[bool], score: &[i64]) -> Vec<ArticleId> {
    let kept = || (0..keep.len()).filter(|&i| keep[i]);
    let (mut count, mut lo, mut hi) = (0usize, i64::MAX, i64::MIN);
    for i in kept() {
        count += 1;
        lo = lo.min(score[i]);
        hi = hi.max(score[i]);
    }
    let span = hi.saturating_sub(lo);
    // Many articles over a narrow span of scores (a short term matching
    // most of the corpus): a counting sort, stable as it places ids in order.
    if count > 0 && (0..(count as i64 * 4).max(1024)).contains(&span) {
        let mut starts = vec![0usize; span as usize + 2];
        for i in kept() {
            starts[(hi - score[i]) as usize + 1] += 1;
        }
        for b in 1..starts.len() {
            starts[b] += starts[b - 1];
        }
        let mut out = vec![ArticleId(0); count];
        for i in kept() {
            let b = &mut starts[(hi - score[i]) as usize];
            out[*b] = ArticleId(i as u32);
            *b += 1;
        }
        return out;
    }
    // Else one integer key per article, (best first, then id), sorts
    // without a comparator and without stability, when the span fits
    // beside the id.
    if (0..1 << 31).contains(&span) && keep.len() <= u32::MAX as usize {
        let mut keys: Vec<u64> = kept()
            .map(|i| (((hi - score[i]) as u64) << 32) | i as u64)
            .collect();
        keys.sort_unstable();
        return keys.into_iter().map(|k| ArticleId(k as u32)).collect();
    }
    let mut articles: Vec<ArticleId> = kept().map(|i| ArticleId(i as u32)).collect();
    articles.sort_by_key(|a| std::cmp::Reverse(score[a.0 as usize]));
    articles
}

/// Highlighted words sorted and without repeats. Index words are sorted
/// by id already; only the few other strings need sorting and merging.
fn merge_highlights(
    index: &SearchIndex,
    mut ids: Vec<usize>,
    mut other: Vec<String>,
) -> Vec<String> {
    ids.sort_unstable();
    ids.dedup();
    other.sort();
    other.dedup();
    let mut out = Vec::with_capacity(ids.len() + other.len());
    let mut rest = other.into_iter().peekable();
    for w in ids.into_iter().map(|i| index.word(i)) {
        while let Some(s) = rest.next_if(|s| s.as_str() < w) {
            out.push(s);
        }
        rest.next_if(|s| s.as_str() == w);
        out.push(w.to_string());
    }
    out.extend(rest);
    out
}

pub(crate) fn field_bonus(f: Field) -> i64 {
    // Fields dominate: any headline match ranks above any body match.
    f as i64 * 10_000
}

/// Entities (ids, sorted) one of whose names has a word matching `name`
/// (all of its `_`-separated words, for `@vladimir_poutine`).
fn matching_entities(index: &SearchIndex, m: &WordMatcher, name: &str) -> Vec<u32> {
    let parts: Vec<String> = name
        .split(['_', '-'])
        .filter(|p| !p.is_empty())
        .map(fold)
        .collect();
    // Entities having a name word that matches each part, through the
    // index's candidates for that part.
    let mut found: Option<Vec<u32>> = None;
    for p in &parts {
        let mut with_part: Vec<u32> = index
            .candidates(p)
            .into_iter()
            .filter(|&w| m.score(p, index.word(w)).is_some())
            .flat_map(|w| index.word_entities(w).iter().copied())
            .collect();
        with_part.sort_unstable();
        with_part.dedup();
        found = Some(match found {
            None => with_part,
            Some(f) => f
                .into_iter()
                .filter(|e| with_part.binary_search(e).is_ok())
                .collect(),
        });
    }
    found.unwrap_or_default()
}

/// Orders of the entity pane.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum EntitySort {
    /// People, places, organisations, others; most mentioned first in each.
    #[default]
    Kind,
    Mentions,
    Articles,
    Name,
}

impl EntitySort {
    pub fn next(self) -> Self {
        match self {
            EntitySort::Kind => EntitySort::Mentions,
            EntitySort::Mentions => EntitySort::Articles,
            EntitySort::Articles => EntitySort::Name,
            EntitySort::Name => EntitySort::Kind,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            EntitySort::Kind => "by type",
            EntitySort::Mentions => "by mentions",
            EntitySort::Articles => "by articles",
            EntitySort::Name => "by name",
        }
    }
}

/// Sorts entity rows; ties fall back to mentions, then name.
pub fn sort_entities(corpus: &Corpus, rows: &mut [EntityRow], by: EntitySort) {
    rows.sort_by(|x, y| {
        let (ex, ey) = (corpus.entity(x.id), corpus.entity(y.id));
        let first = match by {
            EntitySort::Kind => (ex.kind as u8).cmp(&(ey.kind as u8)),
            EntitySort::Mentions => std::cmp::Ordering::Equal,
            EntitySort::Articles => y.articles.cmp(&x.articles),
            EntitySort::Name => ex
                .canonical
                .to_lowercase()
                .cmp(&ey.canonical.to_lowercase()),
        };
        first
            .then(y.mentions.cmp(&x.mentions))
            .then(ex.canonical.cmp(&ey.canonical))
    });
}

/// Entities of the kept articles (`count` of them) with their mentions
/// there, grouped by kind (people, places, organisations, others), most
/// mentioned first.
fn entity_rows(
    corpus: &Corpus,
    index: &SearchIndex,
    keep: &[bool],
    count: usize,
) -> Vec<EntityRow> {
    let all = &index.all;
    let rows = |order: &[u32], mentions: &[u32], articles: &[u32]| -> Vec<EntityRow> {
        order
            .iter()
            .map(|&e| EntityRow {
                id: EntityId(e),
                mentions: mentions[e as usize] as usize,
                articles: articles[e as usize] as usize,
            })
            .collect()
    };
    if count == keep.len() {
        return rows(&all.entity_order, &all.mentions, &all.articles);
    }
    // Dense counters by entity id: no hashing on the keystroke path.
    let mut mentions;
    let mut in_articles;
    let order;
    if count > keep.len() / 2 && keyed(index) {
        // Most articles kept: the corpus totals less the few left out, and
        // the corpus-wide order with only the entities those name moved.
        mentions = all.mentions.clone();
        in_articles = all.articles.clone();
        let mut moved = vec![false; mentions.len()];
        let mut moved_keys = Vec::new();
        for (a, _) in keep.iter().enumerate().filter(|(_, k)| !**k) {
            for &(e, m) in index.entity_counts.get(a) {
                mentions[e as usize] -= m;
                in_articles[e as usize] -= 1;
                moved[e as usize] = true;
            }
        }
        for (e, _) in moved.iter().enumerate().filter(|(_, m)| **m) {
            if in_articles[e] > 0 {
                moved_keys.push(entity_key(index, e, mentions[e]));
            }
        }
        moved_keys.sort_unstable();
        let stayed = all
            .entity_order
            .iter()
            .filter(|&&e| !moved[e as usize])
            .map(|&e| entity_key(index, e as usize, mentions[e as usize]));
        order = merge_sorted(stayed, moved_keys)
            .map(|k| entity_of_key(index, k))
            .collect::<Vec<u32>>();
    } else {
        let n = corpus.entities.len();
        mentions = vec![0u32; n];
        in_articles = vec![0u32; n];
        for (a, _) in keep.iter().enumerate().filter(|(_, k)| **k) {
            for &(e, m) in index.entity_counts.get(a) {
                mentions[e as usize] += m;
                in_articles[e as usize] += 1;
            }
        }
        order = entity_order(corpus, index, &mentions, &in_articles);
    }
    rows(&order, &mentions, &in_articles)
}

/// The items of two ascending sequences, ascending.
fn merge_sorted(a: impl Iterator<Item = u64>, b: Vec<u64>) -> impl Iterator<Item = u64> {
    let mut a = a.peekable();
    let mut b = b.into_iter().peekable();
    std::iter::from_fn(move || match (a.peek(), b.peek()) {
        (Some(x), Some(y)) if x <= y => a.next(),
        (_, Some(_)) => b.next(),
        _ => a.next(),
    })
}

/// Whether entity keys fit: kind in 3 bits, mentions (reversed) in 32,
/// the name's rank in 29.
fn keyed(index: &SearchIndex) -> bool {
    index.entity_name_rank.len() < 1 << 29
}

/// An entity's place in the order of [`EntitySort::Kind`] (kind, most
/// mentions, then name and id) as one integer.
fn entity_key(index: &SearchIndex, e: usize, mentions: u32) -> u64 {
    let kind = u64::from(index.entity_kind[e]);
    (kind << 61) | (u64::from(u32::MAX - mentions) << 29) | u64::from(index.entity_name_rank[e])
}

fn entity_of_key(index: &SearchIndex, key: u64) -> u32 {
    index.entity_by_name[(key & ((1 << 29) - 1)) as usize]
}

/// Entities in at least one article (by the counts given), in the order of
/// [`EntitySort::Kind`].
pub(crate) fn entity_order(
    corpus: &Corpus,
    index: &SearchIndex,
    mentions: &[u32],
    articles: &[u32],
) -> Vec<u32> {
    let present = (0..articles.len()).filter(|&e| articles[e] > 0);
    if !keyed(index) {
        let mut rows: Vec<EntityRow> = present
            .map(|e| EntityRow {
                id: EntityId(e as u32),
                mentions: mentions[e] as usize,
                articles: articles[e] as usize,
            })
            .collect();
        sort_entities(corpus, &mut rows, EntitySort::Kind);
        return rows.into_iter().map(|r| r.id.0).collect();
    }
    let mut keys: Vec<u64> = present.map(|e| entity_key(index, e, mentions[e])).collect();
    keys.sort_unstable();
    keys.into_iter().map(|k| entity_of_key(index, k)).collect()
}

pub(crate) type EventPredicate<'a> = Box<dyn Fn(EventId) -> bool + 'a>;

/// Events of the kept articles (`count` of them) that every predicate
/// accepts, in id (date) order.
fn events_of(
    index: &SearchIndex,
    keep: &[bool],
    count: usize,
    ok: &[EventPredicate],
) -> Vec<EventId> {
    let all = &index.all;
    if count == keep.len() && ok.is_empty() {
        return all.events.iter().map(|&e| EventId(e)).collect();
    }
    let listed: Vec<u32> = if count == keep.len() {
        all.event_listings.clone()
    } else if count > keep.len() / 2 {
        // The corpus's listings less those of the few articles left out.
        let mut listed = all.event_listings.clone();
        for (a, _) in keep.iter().enumerate().filter(|(_, k)| !**k) {
            for &e in index.article_events.get(a) {
                listed[e as usize] -= 1;
            }
        }
        listed
    } else {
        let mut listed = vec![0u32; all.event_listings.len()];
        for (a, _) in keep.iter().enumerate().filter(|(_, k)| **k) {
            for &e in index.article_events.get(a) {
                listed[e as usize] += 1;
            }
        }
        listed
    };
    // Events are numbered in date order: ids in order are dates in order.
    (0..listed.len() as u32)
        .filter(|&e| listed[e as usize] > 0)
        .map(EventId)
        .filter(|&e| ok.iter().all(|f| f(e)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The order of a stable sort, best score first.
    fn plain(keep: &[bool], score: &[i64]) -> Vec<ArticleId> {
        let mut v: Vec<ArticleId> = (0..keep.len())
            .filter(|&i| keep[i])
            .map(|i| ArticleId(i as u32))
            .collect();
        v.sort_by_key(|a| std::cmp::Reverse(score[a.0 as usize]));
        v
    }

    #[test]
    fn one_character_scores_are_those_of_the_postings() {
        use crate::model::{BuildOptions, Origin};
        let corpus = crate::model::build(
            crate::ingest::embedded_seeds(),
            Origin::BuiltIn,
            &BuildOptions::default(),
        );
        let index = SearchIndex::new(&corpus);
        let m = WordMatcher::default();
        let mut firsts: Vec<char> = (0..index.word_count())
            .filter_map(|w| index.word(w).chars().next())
            .collect();
        firsts.dedup();
        assert!(firsts.len() > 10);
        for c in firsts {
            let t = c.to_string();
            let mut best = vec![i64::MIN; corpus.articles.len()];
            for w in index.candidates(&t) {
                let s = m.score(&t, index.word(w)).expect("a prefix matches");
                for &p in index.postings(w) {
                    let (a, f) = index::posting_parts(p);
                    best[a as usize] = best[a as usize].max(s + field_bonus(f));
                }
            }
            let plain: Vec<(u32, i32)> = (0..best.len())
                .filter(|&a| best[a] != i64::MIN)
                .map(|a| (a as u32, best[a] as i32))
                .collect();
            let (words, scores) = index.one_char(&t).expect("a first character");
            assert_eq!(scores, plain.as_slice(), "{c:?}");
            assert_eq!(words.collect::<Vec<_>>(), index.candidates(&t), "{c:?}");
        }
    }

    #[test]
    fn ranking_shortcuts_give_the_stable_sort() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        // Narrow spans (counting sort), wide ones (integer keys), and
        // wider than a key holds (the comparator sort).
        for span in [1u64, 7, 300, 40_000, 1 << 33, u64::MAX >> 2] {
            for n in [0usize, 1, 5, 200, 3000] {
                let keep: Vec<bool> = (0..n).map(|_| next() % 4 != 0).collect();
                let score: Vec<i64> = (0..n)
                    .map(|_| (next() % span) as i64 - (span / 2) as i64)
                    .collect();
                assert_eq!(by_score(&keep, &score), plain(&keep, &score), "{span} {n}");
            }
        }
    }
}
