//! Orders for the lists of a [`View`]: what `--sort` and a preset's `sort`
//! choose. Pure, like the rest of `search`: the same view and order always
//! give the same lists. `relevance` keeps the order `filter` produced.

use std::cmp::Reverse;
use std::fmt;

use crate::extract::fold::fold;
use crate::model::Corpus;

use super::View;

/// How to order a view's articles, entities and events.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    /// As filtered: best match first (corpus order for an empty query);
    /// entities by type then mentions; events chronological.
    #[default]
    Relevance,
    /// Newest first (undated articles last); entities as for relevance.
    Date,
    /// Oldest first (undated articles last); entities as for relevance.
    DateAsc,
    /// Most mentioned first: articles by entity mentions, entities by
    /// mentions across types, events by reporting articles.
    Mentions,
    /// Alphabetical: article headlines, entity names, event descriptions.
    Title,
}

impl Sort {
    pub const ALL: [Sort; 5] = [
        Sort::Relevance,
        Sort::Date,
        Sort::DateAsc,
        Sort::Mentions,
        Sort::Title,
    ];

    /// The name on the command line and in config.toml.
    pub fn name(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Date => "date",
            Sort::DateAsc => "date-asc",
            Sort::Mentions => "mentions",
            Sort::Title => "title",
        }
    }

    /// Every name, in [`Sort::ALL`] order.
    pub fn names() -> [&'static str; 5] {
        Sort::ALL.map(Sort::name)
    }

    /// A sort by name; `date_asc` is accepted for `date-asc`.
    pub fn from_name(s: &str) -> Option<Sort> {
        let s = s.trim().to_ascii_lowercase().replace('_', "-");
        Sort::ALL.into_iter().find(|o| o.name() == s)
    }
}

impl fmt::Display for Sort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Reorders every list of the view. Sorts are stable: ties keep the order
/// the view had.
pub fn sort(corpus: &Corpus, view: &mut View, by: Sort) {
    let article_date = |id| corpus.article(id).display_date().map(|(d, _)| d.sort_key());
    let event_date = |id| corpus.event(id).date.sort_key();
    match by {
        Sort::Relevance => {}
        Sort::Date => {
            // `Reverse(None)` sorts first, so undated articles go last by
            // sorting on (dated?, date) instead.
            view.articles
                .sort_by_key(|&a| Reverse((article_date(a).is_some(), article_date(a))));
            view.events.sort_by_key(|&e| Reverse(event_date(e)));
        }
        Sort::DateAsc => {
            view.articles
                .sort_by_key(|&a| (article_date(a).is_none(), article_date(a)));
            view.events.sort_by_key(|&e| event_date(e));
        }
        Sort::Mentions => {
            view.articles
                .sort_by_key(|&a| Reverse(corpus.article(a).mentions.len()));
            view.entities
                .sort_by_key(|r| (Reverse(r.mentions), Reverse(r.articles)));
            view.events
                .sort_by_key(|&e| Reverse(corpus.event(e).articles().len()));
        }
        Sort::Title => {
            view.articles
                .sort_by_cached_key(|&a| fold(&corpus.article(a).headline));
            view.entities
                .sort_by_cached_key(|r| fold(&corpus.entity(r.id).canonical));
            view.events
                .sort_by_cached_key(|&e| fold(&corpus.event(e).description));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for s in Sort::ALL {
            assert_eq!(Sort::from_name(s.name()), Some(s));
        }
        assert_eq!(Sort::from_name("DATE_ASC"), Some(Sort::DateAsc));
        assert_eq!(Sort::from_name("newest"), None);
    }
}
