//! Review actions: marking articles read, starred or flagged, jumping to
//! unread ones, and moving through articles and matches in the reader.
//! Marks change in memory and are listed in `mark_changes`, which
//! [`super::update`] returns as an effect, to be saved.

use crate::model::{ArticleId, Corpus};
use crate::review::{Change, Mark, MarkBook, Marks};
use crate::search::SearchIndex;

use super::{AppState, Mode, Pane, reader};

impl AppState {
    /// Starts from stored marks.
    pub fn load_marks<'a>(
        &mut self,
        book: MarkBook,
        corpus: &Corpus,
        index: impl Into<Option<&'a SearchIndex>>,
    ) {
        self.marks = corpus
            .articles
            .iter()
            .map(|a| book.get(&a.text_key))
            .collect();
        self.book = book;
        self.refilter(corpus, index.into());
    }

    pub fn marks_of(&self, a: ArticleId) -> Marks {
        self.marks.get(a.0 as usize).copied().unwrap_or_default()
    }

    /// The article marks apply to: the reader's, else the selected one of
    /// the article list.
    pub(super) fn current_article(&self) -> Option<ArticleId> {
        match (self.reader(), self.mode()) {
            (Some(r), _) => Some(r.article),
            (None, Mode::Dashboard) if self.focus == Pane::Articles => self
                .view
                .articles
                .get(self.selected(Pane::Articles))
                .copied(),
            _ => None,
        }
    }
}

/// Changes one article's marks, in the per-article list and in the book.
pub(super) fn set(
    state: &mut AppState,
    corpus: &Corpus,
    a: ArticleId,
    change: impl Fn(Marks) -> Marks,
) {
    let Some(m) = state.marks.get_mut(a.0 as usize) else {
        return;
    };
    let new = change(*m);
    if new != *m {
        let key = &corpus.article(a).text_key;
        state.mark_changes.extend(Change::between(key, *m, new));
        *m = new;
        state.book.set(key, new);
    }
}

pub(super) fn toggle(
    state: &mut AppState,
    corpus: &Corpus,
    index: Option<&SearchIndex>,
    mark: Mark,
) {
    change(state, corpus, index, |m| m.toggled(mark), false);
}

/// Space: the selected article is read (whatever it was) and the next
/// one is selected, as a newsreader moves through its list.
pub(super) fn read_and_next(state: &mut AppState, corpus: &Corpus, index: Option<&SearchIndex>) {
    change(state, corpus, index, |m| Marks { read: true, ..m }, true);
}

fn change(
    state: &mut AppState,
    corpus: &Corpus,
    index: Option<&SearchIndex>,
    new: impl Fn(Marks) -> Marks,
    advance: bool,
) {
    let Some(a) = state.current_article() else {
        state.message = Some("select an article first (1 focuses the list)".into());
        return;
    };
    set(state, corpus, a, new);
    let row = state.selected(Pane::Articles);
    // Statuses can change what `is:` terms keep; refilter but stay in place.
    if state.effective_query().contains("is:") {
        state.refilter(corpus, index);
        let still_listed = state.view.articles.iter().position(|x| *x == a);
        state.selected[Pane::Articles as usize] =
            still_listed.map_or(row, |i| i + usize::from(advance));
    } else if advance {
        state.selected[Pane::Articles as usize] = row + 1;
    }
    let last = state.view.articles.len().saturating_sub(1);
    let sel = &mut state.selected[Pane::Articles as usize];
    *sel = (*sel).min(last);
}

pub(super) fn jump_unread(state: &mut AppState, forward: bool) {
    let list = &state.view.articles;
    let from = state.selected(Pane::Articles);
    let unread = |i: &usize| !state.marks_of(list[*i]).read;
    let found = if forward {
        (from + 1..list.len()).find(unread)
    } else {
        (0..from).rev().find(unread)
    };
    match found {
        Some(i) => {
            state.focus = Pane::Articles;
            state.selected[Pane::Articles as usize] = i;
        }
        None => state.message = Some("no more unread articles".into()),
    }
}

/// `[` and `]` in the reader: the previous or next article of the list.
pub(super) fn step_article(state: &mut AppState, corpus: &Corpus, forward: bool) {
    let Some(r) = state.reader() else { return };
    let list = &state.view.articles;
    let at = list.iter().position(|a| *a == r.article);
    let next = match (at, forward) {
        (Some(i), true) => list.get(i + 1),
        (Some(i), false) => i.checked_sub(1).and_then(|j| list.get(j)),
        (None, _) => list.first(),
    };
    match next.copied() {
        Some(a) => {
            if let Some(i) = list.iter().position(|x| *x == a) {
                state.selected[Pane::Articles as usize] = i;
            }
            super::navigate::open_reader(state, corpus, a, None);
        }
        None => {
            state.message = Some(
                if forward {
                    "last article"
                } else {
                    "first article"
                }
                .into(),
            )
        }
    }
}

/// `n` and `N` in the reader: scroll so the next (or previous) match is on
/// the second line. The text is wrapped only as far as the match found.
pub(super) fn jump_match(state: &mut AppState, corpus: &Corpus, forward: bool) {
    let Some(r) = state.reader() else { return };
    let a = corpus.article(r.article);
    let (text, key) = (&a.text, &a.text_key);
    let width = reader::text_width(state.size.0);
    let rows = reader::text_rows(state.size.1);
    let matches = crate::search::match_ranges(text, &state.view.highlights);
    let line_of = |offset: usize| r.wrap.line_of(text, key, width, offset);
    // The scroll that puts line `l` second, as far as the text allows.
    let scroll_to = |l: usize| {
        let wanted = l.saturating_sub(1);
        let lines = r
            .wrap
            .count_up_to(text, key, width, wanted.saturating_add(rows));
        wanted.min(lines.saturating_sub(rows))
    };
    let here = r.scroll + 1;
    // A match below that the text cannot scroll to is on screen already.
    let target = if forward {
        matches
            .iter()
            .map(|m| line_of(m.start))
            .find(|&l| l > here && scroll_to(l) > r.scroll)
    } else {
        matches
            .iter()
            .map(|m| line_of(m.start))
            .take_while(|&l| l < here)
            .last()
    };
    match target {
        Some(l) => {
            let scroll = scroll_to(l);
            if let Some(r) = state.reader_mut() {
                r.scroll = scroll;
            }
        }
        None => {
            state.message = Some(
                if matches.is_empty() {
                    "no search matches here"
                } else {
                    "no more matches"
                }
                .into(),
            )
        }
    }
}
