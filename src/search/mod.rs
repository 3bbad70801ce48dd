//! Filtering the corpus by a query: which articles match and how well,
//! which entities and events they bring, and what to highlight. Pure: the
//! same corpus, index and query always give the same [`View`].

pub mod index;
pub mod matcher;
pub mod query;
pub mod sort;

use crate::extract::fold::fold;
use crate::model::{ArticleId, Corpus, EntityId, EventId};
use crate::review::Marks;

pub use index::SearchIndex;
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
    crate::extract::tokens::tokenize(text)
        .into_iter()
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

/// Filters the corpus: every term must match.
pub fn filter(corpus: &Corpus, index: &SearchIndex, q: &Query, marks: &[Marks]) -> View {
    let matcher = WordMatcher::default();
    let n = corpus.articles.len();
    let mut keep = vec![true; n];
    let mut score = vec![0i64; n];
    let mut ranked = false;
    // Index words to highlight, by id, and other folded strings.
    let mut highlight_words: Vec<usize> = Vec::new();
    let mut highlights = Vec::new();
    let mut event_ok: Vec<Box<dyn Fn(EventId) -> bool + '_>> = Vec::new();
    for term in &q.terms {
        match term {
            Term::Fuzzy(t) => {
                let t = fold(t);
                ranked = true;
                // Best score of the term per article; MIN where it is absent.
                let mut best = vec![i64::MIN; n];
                for wi in index.candidates(&t) {
                    let Some(s) = matcher.score(&t, index.word(wi)) else {
                        continue;
                    };
                    highlight_words.push(wi);
                    for &p in index.postings(wi) {
                        let (a, field) = index::posting_parts(p);
                        let b = &mut best[a as usize];
                        *b = (*b).max(s + field_bonus(field));
                    }
                }
                for ((k, sc), b) in keep.iter_mut().zip(score.iter_mut()).zip(best) {
                    if b == i64::MIN {
                        *k = false;
                    } else {
                        *sc += b;
                    }
                }
            }
            Term::Exact(t) => {
                let t = fold(t);
                for (k, text) in keep.iter_mut().zip(index.folded()) {
                    *k = *k && text.contains(&t);
                }
                highlights.push(t);
            }
            Term::Exclude(t) => {
                let t = fold(t);
                for (k, text) in keep.iter_mut().zip(index.folded()) {
                    *k = *k && !text.contains(&t);
                }
            }
            Term::Entity(name) => {
                let wanted = matching_entities(index, &matcher, name);
                let mut named = vec![false; n];
                for &e in &wanted {
                    for &a in index.entity_articles.get(e as usize) {
                        named[a as usize] = true;
                    }
                }
                for (k, named) in keep.iter_mut().zip(named) {
                    *k &= named;
                }
                for &e in &wanted {
                    highlights.extend(index.entity_words[e as usize].iter().cloned());
                }
            }
            Term::EventType(t) => {
                let t = *t;
                for (i, a) in corpus.articles.iter().enumerate() {
                    keep[i] &= a.events.iter().any(|e| corpus.event(*e).kind == t);
                }
                event_ok.push(Box::new(move |e| corpus.event(e).kind == t));
            }
            Term::Date(r) => {
                let r = *r;
                for (i, a) in corpus.articles.iter().enumerate() {
                    keep[i] &= a.display_date().is_some_and(|(d, _)| r.overlaps(&d));
                }
                event_ok.push(Box::new(move |e| r.overlaps(&corpus.event(e).date)));
            }
            Term::Is(status) => {
                for (i, k) in keep.iter_mut().enumerate() {
                    let m = marks.get(i).copied().unwrap_or_default();
                    *k &= match status {
                        Status::Unread => !m.read,
                        Status::Read => m.read,
                        Status::Starred => m.starred,
                        Status::Flagged => m.flagged,
                    };
                }
            }
            Term::Event(id) => {
                let e = EventId(*id);
                let exists = (*id as usize) < corpus.events.len();
                for (i, a) in corpus.articles.iter().enumerate() {
                    keep[i] &= exists && a.events.contains(&e);
                }
                event_ok.push(Box::new(move |x| x == e));
            }
            Term::Lang(l) => {
                for (i, a) in corpus.articles.iter().enumerate() {
                    keep[i] &= a.lang == *l;
                }
            }
        }
    }
    let articles = if ranked {
        by_score(&keep, &score)
    } else {
        (0..n as u32)
            .filter(|&i| keep[i as usize])
            .map(ArticleId)
            .collect()
    };
    let highlights = merge_highlights(index, highlight_words, highlights);
    let entities = entity_rows(corpus, index, &keep, articles.len());
    let events = events_of(corpus, index, &articles, &event_ok);
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
    let (lo, hi) = kept().fold((i64::MAX, i64::MIN), |(lo, hi), i| {
        (lo.min(score[i]), hi.max(score[i]))
    });
    // One integer key per article, (best first, then id), sorts without a
    // comparator and without stability; scores span a few thousand
    // per term, so the span nearly always fits beside the id.
    let span = hi.saturating_sub(lo);
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

fn field_bonus(f: Field) -> i64 {
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
    // Dense counters by entity id: no hashing on the keystroke path. When
    // most articles are kept, the corpus totals less the few left out are
    // less work than the sum over the kept.
    let most = count > keep.len() / 2;
    let (mut mentions, mut in_articles) = if most {
        (all.mentions.clone(), all.articles.clone())
    } else {
        let n = corpus.entities.len();
        (vec![0u32; n], vec![0u32; n])
    };
    for (a, &k) in keep.iter().enumerate() {
        if k != most {
            for &(e, m) in index.entity_counts.get(a) {
                if most {
                    mentions[e as usize] -= m;
                    in_articles[e as usize] -= 1;
                } else {
                    mentions[e as usize] += m;
                    in_articles[e as usize] += 1;
                }
            }
        }
    }
    let order = entity_order(corpus, index, &mentions, &in_articles);
    rows(&order, &mentions, &in_articles)
}

/// Entities in at least one article (by the counts given), in the order of
/// [`EntitySort::Kind`]: kind, most mentions, then name and id, as one
/// integer key each.
pub(crate) fn entity_order(
    corpus: &Corpus,
    index: &SearchIndex,
    mentions: &[u32],
    articles: &[u32],
) -> Vec<u32> {
    let rank = &index.entity_name_rank;
    // Kind in 3 bits, mentions (reversed) in 32, the name's rank in 29.
    if rank.len() >= 1 << 29 {
        let mut rows: Vec<EntityRow> = (0..rank.len())
            .filter(|&e| articles[e] > 0)
            .map(|e| EntityRow {
                id: EntityId(e as u32),
                mentions: mentions[e] as usize,
                articles: articles[e] as usize,
            })
            .collect();
        sort_entities(corpus, &mut rows, EntitySort::Kind);
        return rows.into_iter().map(|r| r.id.0).collect();
    }
    let mut by_rank = vec![0u32; rank.len()];
    for (e, &r) in rank.iter().enumerate() {
        by_rank[r as usize] = e as u32;
    }
    let mut keys: Vec<u64> = (0..rank.len())
        .filter(|&e| articles[e] > 0)
        .map(|e| {
            let kind = corpus.entities[e].kind as u64;
            (kind << 61) | (u64::from(u32::MAX - mentions[e]) << 29) | u64::from(rank[e])
        })
        .collect();
    keys.sort_unstable();
    keys.into_iter()
        .map(|k| by_rank[(k & ((1 << 29) - 1)) as usize])
        .collect()
}

type EventPredicate<'a> = Box<dyn Fn(EventId) -> bool + 'a>;

fn events_of(
    corpus: &Corpus,
    index: &SearchIndex,
    articles: &[ArticleId],
    ok: &[EventPredicate],
) -> Vec<EventId> {
    if articles.len() == corpus.articles.len() && ok.is_empty() {
        return index.all.events.iter().map(|&e| EventId(e)).collect();
    }
    // From the articles' own event lists: work in proportion to the view.
    let mut seen = vec![false; corpus.events.len()];
    let mut out: Vec<EventId> = Vec::new();
    for a in articles {
        for &e in &corpus.article(*a).events {
            if !std::mem::replace(&mut seen[e.0 as usize], true) && ok.iter().all(|f| f(e)) {
                out.push(e);
            }
        }
    }
    // Events are numbered in date order: sorting ids sorts by date.
    out.sort_unstable();
    out
}
