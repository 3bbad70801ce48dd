//! What the app is asked to do ([`Action`]: one per key, and the event
//! loop's own) and what it asks of the event loop in return ([`Effect`]).

use super::{Pane, line};
use crate::review::{Change, Mark};

/// What the event loop must do after an action: the terminal's business,
/// outside the app's state.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Quit,
    /// Give the terminal back to the shell until continued.
    Suspend,
    /// Marks changed: hand them on to be saved.
    SaveMarks(Vec<Change>),
    /// Filter `query` off the input thread and hand the view back to
    /// [`AppState::filtered`](super::AppState::filtered) with `generation` (deferred filtering).
    Filter {
        generation: u64,
        query: String,
    },
    /// The search history changed: keep it for the next run.
    SaveHistory(Vec<String>),
    /// Put this text on the terminal's clipboard (OSC 52).
    Copy(String),
    /// Fetch the feeds in the background and fold the new items in.
    Refetch,
    /// Save this correction and apply it to the corpus shown; report
    /// back with [`AppState::corrected`](super::AppState::corrected).
    Correct(crate::model::corrections::Correction),
    /// Remove this correction, the last saved, and rebuild without it.
    UndoCorrection(crate::model::corrections::Correction),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Copy the reader's sentence, the article's URL or its headline.
    Copy,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    NextPane,
    PrevPane,
    Focus(Pane),
    StartSearch,
    Type(char),
    Backspace,
    DeleteWord,
    ClearQuery,
    /// Delete from the search line's cursor to its end.
    KillToEnd,
    /// Move the search line's cursor.
    Cursor(line::Move),
    /// The previous (older) or next query of the search history.
    RecallQuery {
        older: bool,
    },
    /// Replace the query (presets, scripts, drill-down).
    SetQuery(String),
    Confirm,
    Back,
    /// Next order of the entity pane.
    CycleSort,
    /// Toggle a mark on the current article (the reader's, else the
    /// selected one).
    ToggleMark(Mark),
    /// Mark the selected article read and move to the next.
    ReadAndNext,
    /// Jump to the next (or previous) unread article of the list.
    NextUnread {
        forward: bool,
    },
    /// Show only unread articles, or all again.
    ToggleUnreadOnly,
    /// Expand the selected story's row to its members, or collapse it.
    ToggleStory,
    /// Mark every article of the view read (asking first when many).
    MarkViewRead,
    /// Undo the latest change of marks or correction.
    Undo,
    /// The menu of corrections for the selected entity or event.
    Correct,
    /// Count the entity pane's articles per story, or per printing.
    ToggleStoryCounts,
    /// In the reader: the next (or previous) article of the list.
    StepArticle {
        forward: bool,
    },
    /// In the reader: scroll to the next (or previous) search match.
    NextMatch {
        forward: bool,
    },
    /// The focused pane fills the screen, or gives it back.
    ToggleZoom,
    /// Narrow the dashboard to the selected entity or event (a chip).
    DrillDown,
    /// Back (or forward) to the previous view.
    History {
        back: bool,
    },
    OpenPresets,
    /// Apply a preset by name (the picker's choice, `--preset`).
    ApplyPreset(String),
    /// A click on a pane, on one of its rows or elsewhere in it.
    Click {
        pane: Pane,
        row: Option<usize>,
    },
    /// The mouse wheel over a pane (in the reader: over the text).
    Scroll {
        pane: Pane,
        down: bool,
    },
    ToggleHelp,
    /// The overlay listing every warning of the corpus.
    OpenWarnings,
    /// The last message in full, in an overlay.
    ShowMessage,
    /// The terminal's size changed.
    Resize {
        cols: u16,
        rows: u16,
    },
    Quit,
    /// Give the terminal back to the shell and stop until continued: the
    /// terminal's business, which the event loop carries out.
    Suspend,
    /// Fetch the feeds again in the background (`revue fetch`).
    Refetch,
    /// List the articles that arrived while the dashboard is open, or
    /// every article again.
    ShowArrived,
}

/// Whether an action only edits the search line: those leave filtering
/// to the caller when it is deferred; any other wants the current view.
pub fn edits_query(action: &Action) -> bool {
    matches!(
        action,
        Action::Type(_)
            | Action::Backspace
            | Action::DeleteWord
            | Action::ClearQuery
            | Action::KillToEnd
            | Action::Cursor(_)
            | Action::RecallQuery { .. }
    )
}
