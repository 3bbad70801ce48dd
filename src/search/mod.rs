//! Filtering the corpus by a query: which articles match and how well,
//! which entities and events they bring, and what to highlight. Pure: the
//! same corpus, index and query always give the same [`View`].

pub mod index;
pub mod matcher;
pub mod query;
pub mod sort;

use std::collections::HashSet;

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
    let mut highlights = Vec::new();
    let mut event_ok: Vec<Box<dyn Fn(EventId) -> bool + '_>> = Vec::new();
    for term in &q.terms {
        match term {
            Term::Fuzzy(t) => {
                let t = fold(t);
                // Best score of the term per article; MIN where it is absent.
                let mut best = vec![i64::MIN; n];
                for wi in index.candidates(&t) {
                    let w = &index.words[wi];
                    let Some(s) = matcher.score(&t, w) else {
                        continue;
                    };
                    highlights.push(w.clone());
                    for &(a, field) in &index.postings[wi] {
                        let b = &mut best[a.0 as usize];
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
                for (k, text) in keep.iter_mut().zip(&index.folded) {
                    *k &= text.contains(&t);
                }
                highlights.push(t);
            }
            Term::Exclude(t) => {
                let t = fold(t);
                for (k, text) in keep.iter_mut().zip(&index.folded) {
                    *k &= !text.contains(&t);
                }
            }
            Term::Entity(name) => {
                let wanted = matching_entities(index, &matcher, name);
                for (i, a) in corpus.articles.iter().enumerate() {
                    keep[i] &= a.entities.iter().any(|e| wanted.contains(e));
                }
                for e in &wanted {
                    highlights.extend(index.entity_words[e.0 as usize].iter().cloned());
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
    let mut articles: Vec<ArticleId> = (0..n)
        .filter(|&i| keep[i])
        .map(|i| ArticleId(i as u32))
        .collect();
    // Stable: equal scores keep corpus order.
    articles.sort_by_key(|a| std::cmp::Reverse(score[a.0 as usize]));
    highlights.sort();
    highlights.dedup();
    let entities = entity_rows(corpus, index, &articles);
    let events = events_of(corpus, &articles, &event_ok);
    View {
        articles,
        entities,
        events,
        highlights,
        errors: Vec::new(),
    }
}

fn field_bonus(f: Field) -> i64 {
    // Fields dominate: any headline match ranks above any body match.
    f as i64 * 10_000
}

/// Entities one of whose names has a word matching `name` (all of its
/// `_`-separated words, for `@vladimir_poutine`).
fn matching_entities(index: &SearchIndex, m: &WordMatcher, name: &str) -> HashSet<EntityId> {
    let parts: Vec<String> = name
        .split(['_', '-'])
        .filter(|p| !p.is_empty())
        .map(fold)
        .collect();
    // Entities having a name word that matches each part, through the
    // index's candidates for that part.
    let mut found: Option<HashSet<EntityId>> = None;
    for p in &parts {
        let with_part: HashSet<EntityId> = index
            .candidates(p)
            .into_iter()
            .filter(|&w| m.score(p, index.word(w)).is_some())
            .flat_map(|w| index.word_entities(w).iter().copied())
            .collect();
        found = Some(match found {
            None => with_part,
            Some(f) => f.intersection(&with_part).copied().collect(),
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

/// Entities of the given articles with their mentions there, grouped by
/// kind (people, places, organisations, others), most mentioned first.
fn entity_rows(corpus: &Corpus, index: &SearchIndex, articles: &[ArticleId]) -> Vec<EntityRow> {
    // Dense counters by entity id: no hashing on the keystroke path.
    let mut mentions = vec![0u32; corpus.entities.len()];
    let mut in_articles = vec![0u32; corpus.entities.len()];
    for a in articles {
        for &(e, n) in &index.entity_counts[a.0 as usize] {
            mentions[e.0 as usize] += n;
            in_articles[e.0 as usize] += 1;
        }
    }
    let mut rows: Vec<EntityRow> = (0..corpus.entities.len())
        .filter(|&e| in_articles[e] > 0)
        .map(|e| EntityRow {
            id: EntityId(e as u32),
            mentions: mentions[e] as usize,
            articles: in_articles[e] as usize,
        })
        .collect();
    sort_entities(corpus, &mut rows, EntitySort::Kind);
    rows
}

type EventPredicate<'a> = Box<dyn Fn(EventId) -> bool + 'a>;

fn events_of(corpus: &Corpus, articles: &[ArticleId], ok: &[EventPredicate]) -> Vec<EventId> {
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
