//! `A`: every article of the current view marked read at once (with the
//! other printings of their stories, as a story's row marks them), after
//! a question when the view is large; and `U`: undo of the latest change
//! of marks or correction made in the dashboard.

use crate::model::{ArticleId, Corpus};
use crate::review::Mark;
use crate::search::SearchIndex;

use super::review::{record, set, verb};
use super::stories::{ArticleRow, RowKind, read_targets};
use super::undo::Step;
use super::{AppState, Effect, Overlay, Pane};

/// Views of more articles than this ask before being marked.
pub const ASK_ABOVE: usize = 50;

/// What a yes/no question overlay does on yes.
#[derive(Debug, Clone, PartialEq)]
pub enum Question {
    /// Mark the view's `count` articles read.
    MarkViewRead { count: usize },
}

impl Question {
    pub fn text(&self) -> String {
        match self {
            Question::MarkViewRead { count } => {
                format!("Mark all {count} articles of this view read? (y/n · U undoes)")
            }
        }
    }
}

/// The articles `A` marks: the view's, and the members of their stories
/// that a story's row would mark; each once, in the view's order.
fn targets(state: &AppState, corpus: &Corpus) -> Vec<ArticleId> {
    let mut seen = vec![false; corpus.articles.len()];
    let mut out = Vec::new();
    for &a in &state.view.articles {
        let row = ArticleRow {
            article: a,
            kind: RowKind::Story,
        };
        for t in read_targets(corpus, row, state.read_marks) {
            if !std::mem::replace(&mut seen[t.0 as usize], true) {
                out.push(t);
            }
        }
    }
    out
}

/// `A`: asks first when the view is large, unless `confirmed`.
pub(super) fn mark_view_read(
    state: &mut AppState,
    corpus: &Corpus,
    index: Option<&SearchIndex>,
    confirmed: bool,
) {
    let targets = targets(state, corpus);
    if targets.is_empty() {
        state.message = Some("no article in this view".into());
        return;
    }
    if !confirmed && targets.len() > ASK_ABOVE {
        state
            .overlays
            .push(Overlay::Question(Question::MarkViewRead {
                count: targets.len(),
            }));
        return;
    }
    let was_unread = targets.iter().filter(|&&a| !state.marks_of(a).read).count();
    for &a in &targets {
        set(state, corpus, a, |m| m.with(Mark::Read, true));
    }
    record(state, format!("{was_unread} articles marked read"));
    state.message = Some(match was_unread {
        0 => "every article of this view was read already".to_string(),
        n => format!("{n} articles marked read · U undoes"),
    });
    refilter_in_place(state, corpus, index);
}

/// Yes to the question on top.
pub(super) fn answer(state: &mut AppState, corpus: &Corpus, index: Option<&SearchIndex>) {
    let Some(Overlay::Question(q)) = state.overlays.pop() else {
        return;
    };
    match q {
        Question::MarkViewRead { .. } => mark_view_read(state, corpus, index, true),
    }
}

/// `U`: undoes the latest step; a correction is the event loop's to undo.
pub(super) fn undo(
    state: &mut AppState,
    corpus: &Corpus,
    index: Option<&SearchIndex>,
    effects: &mut Vec<Effect>,
) {
    match state.undo.pop() {
        None => state.message = Some("nothing to undo".into()),
        Some(Step::Marks { what, before }) => {
            for &(a, mark, was) in &before {
                set(state, corpus, a, |m| m.with(mark, was));
            }
            // Undoing is not itself a step to undo.
            state.undo_marks.clear();
            let n = before.len();
            let one = before
                .first()
                .map(|&(_, m, was)| verb(m, was))
                .unwrap_or("");
            state.message = Some(if n == 1 {
                format!("undone: {what} (the article is {one} again)")
            } else {
                format!("undone: {what} ({n} marks restored)")
            });
            refilter_in_place(state, corpus, index);
        }
        Some(Step::Correction(c)) => {
            if state.correcting.is_some() {
                // Not yet applied: undo it once it is.
                state.undo.push(Step::Correction(c));
                state.message = Some("a correction is being applied; undo in a moment".into());
                return;
            }
            state.correcting = Some(format!("undoing: {}", c.describe()));
            state.message = state.correcting.clone();
            effects.push(Effect::UndoCorrection(c));
        }
    }
}

/// Marks changed under an `is:` query: refilter, the same article kept
/// selected where it is still listed.
fn refilter_in_place(state: &mut AppState, corpus: &Corpus, index: Option<&SearchIndex>) {
    if !state.effective_query().contains("is:") {
        return;
    }
    let article = state.selected_article();
    let message = state.message.take();
    state.refilter(corpus, index);
    state.message = message;
    if let Some(i) = article.and_then(|a| state.row_of(a)) {
        state.selected[Pane::Articles as usize] = i;
    }
}
