//! One group of a query's terms (the terms between two `OR`s), all of
//! which an article must match: which articles do, their scores, what to
//! highlight, and which of their events the group keeps.

use super::index::{self, SearchIndex};
use super::matcher::WordMatcher;
use super::query::{Status, Term};
use super::{EventPredicate, exact};
use crate::extract::fold::fold;
use crate::model::{ArticleId, Corpus, EventId};
use crate::review::Marks;

/// What one group matches.
pub(super) struct Matched<'a> {
    /// By article: whether it matches every term.
    pub keep: Vec<bool>,
    /// By article: the sum of its fuzzy terms' best scores.
    pub score: Vec<i64>,
    /// Whether a fuzzy term ranks the articles.
    pub ranked: bool,
    /// Index words to highlight, by id.
    pub highlight_words: Vec<usize>,
    /// Other folded strings to highlight.
    pub highlights: Vec<String>,
    /// What an event of the kept articles must be to be kept.
    pub event_ok: Vec<EventPredicate<'a>>,
}

impl Matched<'_> {
    /// The empty query's match: every article, every event.
    pub fn everything(n: usize) -> Self {
        Matched {
            keep: vec![true; n],
            score: vec![0; n],
            ranked: false,
            highlight_words: Vec::new(),
            highlights: Vec::new(),
            event_ok: Vec::new(),
        }
    }
}

/// The articles matching every term of a group.
pub(super) fn matching<'a>(
    corpus: &'a Corpus,
    index: &SearchIndex,
    terms: &[Term],
    marks: &[Marks],
) -> Matched<'a> {
    let matcher = WordMatcher::default();
    let n = corpus.articles.len();
    let mut keep = vec![true; n];
    let mut score = vec![0i64; n];
    let mut ranked = false;
    let mut highlight_words: Vec<usize> = Vec::new();
    let mut highlights = Vec::new();
    let mut event_ok: Vec<EventPredicate<'a>> = Vec::new();
    for term in terms {
        match term {
            Term::Fuzzy(t) => {
                let t = fold(t);
                ranked = true;
                // Best score of the term per article; MIN where it is absent.
                let mut best = vec![i64::MIN; n];
                // One character: its scores are precomputed.
                let candidates = match index.one_char(&t) {
                    Some((words, scores)) => {
                        highlight_words.extend(words);
                        for &(a, s) in scores {
                            best[a as usize] = i64::from(s);
                        }
                        Vec::new()
                    }
                    None => index.candidates(&t),
                };
                for wi in candidates {
                    let Some(s) = matcher.score(&t, index.word(wi)) else {
                        continue;
                    };
                    highlight_words.push(wi);
                    for &p in index.postings(wi) {
                        let (a, field) = index::posting_parts(p);
                        let b = &mut best[a as usize];
                        *b = (*b).max(s + super::field_bonus(field));
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
                keep = exact::holding(index, &corpus.articles, &t, &keep);
                highlights.extend(t.split_whitespace().map(str::to_string));
            }
            Term::Phrase(t) => {
                let t = fold(t);
                keep = exact::holding_phrase(index, &corpus.articles, &t, &keep);
                highlights.extend(t.split_whitespace().map(str::to_string));
            }
            Term::Exclude(t) | Term::ExcludePhrase(t) => {
                let t = fold(t);
                let holding = if matches!(term, Term::Exclude(_)) {
                    exact::holding(index, &corpus.articles, &t, &keep)
                } else {
                    exact::holding_phrase(index, &corpus.articles, &t, &keep)
                };
                for (k, h) in keep.iter_mut().zip(holding) {
                    *k &= !h;
                }
            }
            Term::Entity(name) => {
                let wanted = super::matching_entities(index, &matcher, name);
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
            Term::EventKind(w) => {
                let w = *w;
                let of_kind = move |e: EventId| {
                    let e = corpus.event(e);
                    w.selects(e.kind, e.subtype)
                };
                for (i, a) in corpus.articles.iter().enumerate() {
                    keep[i] &= a.events.iter().any(|e| of_kind(*e));
                }
                event_ok.push(Box::new(of_kind));
            }
            Term::Date(r) => {
                let r = *r;
                // Each event judged once, not once per article reporting it.
                let in_range: Vec<bool> =
                    corpus.events.iter().map(|e| r.overlaps(&e.date)).collect();
                // An article of another date that reports an event of the
                // range is about it: `date:2015` finds a 2017 retrospective.
                for (i, a) in corpus.articles.iter().enumerate() {
                    keep[i] = keep[i]
                        && (a.display_date().is_some_and(|(d, _)| r.overlaps(&d))
                            || a.events.iter().any(|e| in_range[e.0 as usize]));
                }
                event_ok.push(Box::new(move |e: EventId| in_range[e.0 as usize]));
            }
            Term::Title(t) => {
                let t = fold(t);
                for (i, a) in corpus.articles.iter().enumerate() {
                    keep[i] = keep[i] && fold(&a.headline).contains(&t);
                }
                highlights.extend(t.split_whitespace().map(str::to_string));
            }
            Term::Is(status) => {
                for (i, k) in keep.iter_mut().enumerate() {
                    let m = marks.get(i).copied().unwrap_or_default();
                    *k &= match status {
                        Status::Unread => !m.read,
                        Status::Read => m.read,
                        Status::Starred => m.starred,
                        Status::Flagged => m.flagged,
                        Status::New => m.new,
                        Status::Arrived => m.arrived,
                        Status::Copy => {
                            corpus.likeness(ArticleId(i as u32)) != crate::model::Likeness::Original
                        }
                        Status::Original => {
                            corpus.likeness(ArticleId(i as u32)) == crate::model::Likeness::Original
                        }
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
            Term::Source(name) => {
                let name = fold(name);
                for (i, a) in corpus.articles.iter().enumerate() {
                    let s = &a.source;
                    keep[i] &= [s.outlet.as_deref(), s.label()]
                        .into_iter()
                        .flatten()
                        .any(|v| fold(v).contains(&name));
                }
            }
            Term::Author(name) => {
                let name = fold(name);
                for (i, a) in corpus.articles.iter().enumerate() {
                    keep[i] &= a
                        .source
                        .author
                        .as_deref()
                        .is_some_and(|v| fold(v).contains(&name));
                }
            }
        }
    }
    Matched {
        keep,
        score,
        ranked,
        highlight_words,
        highlights,
        event_ok,
    }
}
