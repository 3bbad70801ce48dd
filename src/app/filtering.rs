//! The query and the view it filters: the chips, the search line and its
//! history, filtering now or deferred to the event loop, and a filtered
//! view shown (grouped, sorted, selection reset).

use super::{Action, AppState, Snapshot, line};
use crate::model::{ArticleId, Corpus};
use crate::search::{self, EntitySort, SearchIndex, View};

impl AppState {
    /// The query the panes are filtered by: the chips, what was typed,
    /// and the unread-only switch.
    pub fn effective_query(&self) -> String {
        let mut terms: Vec<&str> = self.chips.iter().map(|c| c.term.as_str()).collect();
        terms.push(&self.query);
        if self.unread_only {
            terms.push("is:unread");
        }
        crate::search::query::conjoin(terms)
    }

    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            query: self.query.clone(),
            chips: self.chips.clone(),
            focus: self.focus,
            preset: self.active_preset.clone(),
        }
    }

    pub(super) fn restore(&mut self, s: Snapshot, corpus: &Corpus, index: Option<&SearchIndex>) {
        self.query = s.query;
        self.chips = s.chips;
        self.focus = s.focus;
        self.active_preset = s.preset;
        self.back_to_dashboard();
        self.refilter(corpus, index);
    }

    /// Filters by the current query now; without an index, as soon as it
    /// arrives (the view shown stays until then).
    pub(super) fn refilter(&mut self, corpus: &Corpus, index: Option<&SearchIndex>) {
        self.filter_generation += 1;
        let Some(index) = index else {
            self.pending_filter = true;
            return;
        };
        self.pending_filter = false;
        let view = search::filter_marked(corpus, index, &self.effective_query(), &self.marks);
        self.show(view, corpus);
        self.shown_generation = self.filter_generation;
    }

    /// Refilters after an edit of the search line: now, or by the caller
    /// when filtering is deferred.
    pub(super) fn requery(&mut self, corpus: &Corpus, index: Option<&SearchIndex>) {
        if self.deferred_filter {
            self.filter_generation += 1;
            self.pending_filter = true;
        } else {
            self.refilter(corpus, index);
        }
    }

    /// Shows a view filtered elsewhere for `generation` of the query;
    /// whether it was current (a stale one is dropped).
    pub fn filtered(&mut self, generation: u64, view: View, corpus: &Corpus) -> bool {
        if generation != self.filter_generation || self.pending_filter {
            return false;
        }
        self.show(view, corpus);
        self.shown_generation = generation;
        true
    }

    /// Whether the view shown is filtered by the current query.
    pub fn filter_settled(&self) -> bool {
        !self.pending_filter && self.shown_generation == self.filter_generation
    }

    pub(super) fn show(&mut self, view: View, corpus: &Corpus) {
        self.view = view;
        self.regroup(corpus);
        // `filter` lists entities by kind already.
        if self.entity_sort != EntitySort::Kind {
            self.sort_entity_rows(corpus);
        }
        self.selected = [0; 3];
        self.message = self.view.errors.first().map(|e| e.0.clone());
        if self.message.is_none() {
            self.message.clone_from(&self.notice);
        }
    }
}

/// What the dashboard lists before the search index exists: every
/// article in corpus order, as the empty query lists them. Entities and
/// events are counted by the index, so they wait for it.
pub(super) fn unindexed_view(corpus: &Corpus) -> View {
    View {
        articles: (0..corpus.articles.len() as u32).map(ArticleId).collect(),
        ..View::default()
    }
}

/// An edit of the search line at its cursor; the query is filtered again
/// when its text changed.
pub(super) fn edit_line(
    state: &mut AppState,
    action: Action,
    corpus: &Corpus,
    index: Option<&SearchIndex>,
) {
    // The query may have been replaced since (a preset, the history).
    let cursor = Some(state.cursor)
        .filter(|&c| state.query.is_char_boundary(c))
        .unwrap_or(state.query.len());
    let mut l = line::Line {
        text: std::mem::take(&mut state.query),
        cursor,
    };
    let before = l.text.clone();
    match action {
        Action::Type(c) => l.insert(c),
        Action::Backspace => {
            l.backspace();
        }
        Action::DeleteWord => l.delete_word(),
        Action::ClearQuery => l.kill_to_start(),
        Action::KillToEnd => l.kill_to_end(),
        Action::Cursor(m) => l.go(m),
        _ => {}
    }
    state.query = l.text;
    state.cursor = l.cursor;
    if state.query != before {
        state.requery(corpus, index);
    }
}

/// Ctrl-P and Ctrl-N in the search line: the older or newer query of the
/// history; past the newest, the query typed before browsing.
pub(super) fn recall(
    state: &mut AppState,
    older: bool,
    corpus: &Corpus,
    index: Option<&SearchIndex>,
) {
    let n = state.search_history.len();
    let next = match (&state.recall, older) {
        (None, true) if n > 0 => Some(n - 1),
        (None, _) => {
            state.message = Some(if n == 0 {
                "no earlier searches".into()
            } else {
                "the newest search".into()
            });
            return;
        }
        (Some((i, _)), true) => Some(i.saturating_sub(1)),
        (Some((i, _)), false) => (i + 1 < n).then_some(i + 1),
    };
    let draft = match state.recall.take() {
        Some((_, d)) => d,
        None => state.query.clone(),
    };
    state.query = match next {
        Some(i) => {
            state.recall = Some((i, draft));
            state.search_history[i].clone()
        }
        None => draft,
    };
    state.cursor = state.query.len();
    state.requery(corpus, index);
}
