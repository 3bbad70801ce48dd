//! Keys while an overlay owns the keyboard: the scrolling ones (help,
//! warnings, the message) scroll or close; the choice picker takes text
//! for its filter; a question takes yes or no. Everything else waits
//! under them.

use crate::model::Corpus;
use crate::search::SearchIndex;

use super::{Action, AppState, Effect, Mode, Overlay, correct, mark_all};

/// Rows of the help overlay's text for a terminal of `rows` rows (the
/// status line and the overlay's borders left out).
pub fn help_rows(rows: u16) -> usize {
    rows.saturating_sub(3).max(1) as usize
}

/// An action while a scrolling overlay (help, warnings, message) is on
/// top: it scrolls, closes or quits; whether it was dealt with (the rest do
/// nothing under the overlay).
pub(super) fn pager(state: &mut AppState, action: &Action, corpus: &Corpus) -> bool {
    let rows = help_rows(state.size.1);
    let (last, page) = match state.overlay() {
        Some(Overlay::Help { .. }) => {
            let lines: usize = state.keymap.help_lines().iter().map(|l| l.rows()).sum();
            (lines.saturating_sub(rows), rows.saturating_sub(1).max(1))
        }
        // Scrolled by warning: a page is about a screen of them.
        Some(Overlay::Warnings { .. }) => {
            (corpus.warnings.len().saturating_sub(1), (rows / 2).max(1))
        }
        Some(Overlay::Message) => (0, 1),
        _ => return false,
    };
    let page = page as isize;
    let delta = match action {
        Action::Quit | Action::Suspend | Action::Resize { .. } => return false,
        Action::Back | Action::ToggleHelp | Action::OpenWarnings | Action::ShowMessage => {
            state.close_overlay();
            return true;
        }
        Action::Up => -1,
        Action::Down => 1,
        Action::PageUp => -page,
        Action::PageDown => page,
        Action::Top => isize::MIN / 2,
        Action::Bottom => isize::MAX / 2,
        _ => return true,
    };
    if let Some(Overlay::Help { scroll } | Overlay::Warnings { scroll }) = state.overlays.last_mut()
    {
        *scroll = scroll.saturating_add_signed(delta).min(last);
    }
    true
}

/// An action while a choice picker or a question is on top: they own the
/// keyboard; whether it was dealt with.
pub(super) fn owned(
    state: &mut AppState,
    action: &Action,
    corpus: &Corpus,
    index: Option<&SearchIndex>,
    effects: &mut Vec<Effect>,
) -> bool {
    match (state.mode(), action) {
        (Mode::Question, Action::Confirm) => mark_all::answer(state, corpus, index),
        (Mode::Question | Mode::Choose, Action::Back) => state.close_overlay(),
        (Mode::Question, Action::Quit | Action::Suspend | Action::Resize { .. }) => return false,
        (Mode::Question, _) => {}
        (Mode::Choose, Action::Confirm) => correct::choose(state, corpus, effects),
        (Mode::Choose, Action::Type(_) | Action::Backspace | Action::ClearQuery) => {
            let c = state.chooser_mut().expect("checked open");
            match action {
                Action::Type(ch) => c.filter.push(*ch),
                Action::Backspace => {
                    c.filter.pop();
                }
                _ => c.filter.clear(),
            }
            c.refilter();
        }
        _ => return false,
    }
    true
}
