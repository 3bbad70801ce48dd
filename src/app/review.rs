//! Review actions: marking articles read, starred or flagged, jumping to
//! unread ones, and moving through articles and matches in the reader.
//! Marks change in memory and are listed in `mark_changes`, which
//! [`super::update`] returns as an effect, to be saved.

use crate::model::{ArticleId, Corpus};
use crate::review::{Change, Mark, MarkBook, Marks};
use crate::search::SearchIndex;

use super::stories::{self, ArticleRow, RowKind};
use super::undo::Step;
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

    /// The row marks apply to: the reader's article (as the list shows
    /// it, else alone), else the selected row of the article list.
    pub(super) fn current_row(&self) -> Option<ArticleRow> {
        match (self.reader(), self.mode()) {
            (Some(r), _) => Some(
                self.row_of(r.article)
                    .and_then(|i| self.article_row(i))
                    .unwrap_or(ArticleRow {
                        article: r.article,
                        kind: RowKind::Member { listed: false },
                    }),
            ),
            (None, Mode::Dashboard) if self.focus == Pane::Articles => {
                self.article_row(self.selected(Pane::Articles))
            }
            _ => None,
        }
    }

    /// The article marks apply to.
    pub(super) fn current_article(&self) -> Option<ArticleId> {
        self.current_row().map(|r| r.article)
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
        let changes = Change::between(key, *m, new);
        state
            .undo_marks
            .extend(changes.iter().map(|c| (a, c.mark, !c.on)));
        state.mark_changes.extend(changes);
        *m = new;
        state.book.set(key, new);
    }
}

/// What setting or clearing a mark is called, for messages.
pub(super) fn verb(mark: Mark, on: bool) -> &'static str {
    match (mark, on) {
        (Mark::Read, true) => "marked read",
        (Mark::Read, false) => "marked unread",
        (Mark::Starred, true) => "starred",
        (Mark::Starred, false) => "unstarred",
        (Mark::Flagged, true) => "flagged",
        (Mark::Flagged, false) => "unflagged",
    }
}

/// Ends an action that changed marks: what it changed becomes one step
/// of undo.
pub(super) fn record(state: &mut AppState, what: String) {
    let before = std::mem::take(&mut state.undo_marks);
    state.undo.push(Step::Marks { what, before });
}

pub(super) fn toggle(
    state: &mut AppState,
    corpus: &Corpus,
    index: Option<&SearchIndex>,
    mark: Mark,
) {
    change(state, corpus, index, mark, None, false);
}

/// Space: the selected article is read (whatever it was) and the next
/// one is selected, as a newsreader moves through its list.
pub(super) fn read_and_next(state: &mut AppState, corpus: &Corpus, index: Option<&SearchIndex>) {
    change(state, corpus, index, Mark::Read, Some(true), true);
}

/// Sets `mark` on the current row to `to` (`None`: the opposite of the
/// row's article); a read mark on a story's row reaches its members.
fn change(
    state: &mut AppState,
    corpus: &Corpus,
    index: Option<&SearchIndex>,
    mark: Mark,
    to: Option<bool>,
    advance: bool,
) {
    let Some(row) = state.current_row() else {
        state.message = Some("select an article first (1 focuses the list)".into());
        return;
    };
    let a = row.article;
    let on = to.unwrap_or(!state.marks_of(a).get(mark));
    let targets = match mark {
        Mark::Read => stories::read_targets(corpus, row, state.read_marks),
        _ => vec![a],
    };
    for &t in &targets {
        set(state, corpus, t, |m| m.with(mark, on));
    }
    if targets.len() > 1 {
        state.message = Some(format!(
            "{} printings of the story {}",
            targets.len(),
            verb(mark, on)
        ));
    }
    record(state, verb(mark, on).to_string());
    let row = state.selected(Pane::Articles);
    // Statuses can change what `is:` terms keep; refilter but stay in place.
    if state.effective_query().contains("is:") {
        let message = state.message.take();
        state.refilter(corpus, index);
        state.message = state.message.take().or(message);
        let still_listed = state.row_of(a);
        state.selected[Pane::Articles as usize] =
            still_listed.map_or(row, |i| i + usize::from(advance));
    } else if advance {
        state.selected[Pane::Articles as usize] = row + 1;
    }
    let last = state.rows.len().saturating_sub(1);
    let sel = &mut state.selected[Pane::Articles as usize];
    *sel = (*sel).min(last);
}

pub(super) fn jump_unread(state: &mut AppState, forward: bool) {
    let list = &state.rows;
    let from = state.selected(Pane::Articles);
    let unread = |i: &usize| !state.marks_of(list[*i].article).read;
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
    let list: Vec<ArticleId> = state.rows.iter().map(|r| r.article).collect();
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
