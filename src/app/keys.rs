//! Keys as the app sees them, and the keymap from keys to actions. The
//! terminal layer translates its events into [`Key`]; nothing here knows
//! about the terminal.

use super::{Action, AppState, Mode};
use crate::review::Mark;

/// A key press, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Enter,
    Esc,
    Backspace,
    Tab,
    BackTab,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
}

/// The action a key stands for in the current mode. While the search line
/// is being edited, printable keys are text.
pub fn action_for(state: &AppState, key: Key) -> Option<Action> {
    if let Key::Ctrl('c') = key {
        return Some(Action::Quit);
    }
    if state.mode == Mode::Help {
        // Any key closes the help, `q` included, as in a pager.
        return Some(Action::Back);
    }
    if state.editing {
        return Some(match key {
            Key::Char(c) => Action::Type(c),
            Key::Backspace => Action::Backspace,
            Key::Ctrl('u') => Action::ClearQuery,
            Key::Ctrl('w') => Action::DeleteWord,
            Key::Enter => Action::Confirm,
            Key::Esc => Action::Back,
            Key::Up => Action::Up,
            Key::Down => Action::Down,
            Key::Tab => Action::NextPane,
            Key::BackTab => Action::PrevPane,
            Key::PageUp => Action::PageUp,
            Key::PageDown => Action::PageDown,
            _ => return None,
        });
    }
    Some(match key {
        Key::Char('q') => Action::Quit,
        Key::Char('?') => Action::ToggleHelp,
        Key::Char('/') => Action::StartSearch,
        Key::Char('j') | Key::Down => Action::Down,
        Key::Char('k') | Key::Up => Action::Up,
        Key::PageDown | Key::Ctrl('d') | Key::Ctrl('f') => Action::PageDown,
        Key::PageUp | Key::Ctrl('b') => Action::PageUp,
        Key::Char(' ') if state.mode == Mode::Reader => Action::PageDown,
        Key::Char('g') | Key::Home => Action::Top,
        Key::Char('G') | Key::End => Action::Bottom,
        Key::Tab | Key::Char('l') | Key::Right => Action::NextPane,
        Key::BackTab | Key::Char('h') | Key::Left => Action::PrevPane,
        Key::Char('o') => Action::CycleSort,
        Key::Char(' ') => Action::ToggleReadAndNext,
        Key::Char('s') => Action::ToggleMark(Mark::Starred),
        Key::Char('f') => Action::ToggleMark(Mark::Flagged),
        Key::Char('r') => Action::ToggleMark(Mark::Read),
        Key::Char('u') => Action::ToggleUnreadOnly,
        Key::Char('n') if state.mode == Mode::Reader => Action::NextMatch { forward: true },
        Key::Char('N') if state.mode == Mode::Reader => Action::NextMatch { forward: false },
        Key::Char('n') => Action::NextUnread { forward: true },
        Key::Char('N') => Action::NextUnread { forward: false },
        Key::Char(']') if state.mode == Mode::Reader => Action::StepArticle { forward: true },
        Key::Char('[') if state.mode == Mode::Reader => Action::StepArticle { forward: false },
        Key::Char('1') => Action::Focus(super::Pane::Articles),
        Key::Char('2') => Action::Focus(super::Pane::Entities),
        Key::Char('3') => Action::Focus(super::Pane::Timeline),
        Key::Enter => Action::Confirm,
        Key::Esc | Key::Backspace => Action::Back,
        _ => return None,
    })
}

/// Key names for the help overlay, in display order.
pub const HELP: &[(&str, &str)] = &[
    ("/", "search: type to filter every pane"),
    (
        "Enter",
        "open article · filter by entity · open event's sentence",
    ),
    ("Esc", "leave search line / reader; again clears the query"),
    ("↑ ↓  j k", "move"),
    ("PgUp PgDn", "page"),
    ("g G", "first / last"),
    ("Tab S-Tab", "next / previous pane"),
    ("1 2 3", "articles / entities / timeline"),
    ("?", "this help"),
    ("q  Ctrl-C", "quit"),
    ("", ""),
    ("word", "fuzzy word (all terms must match)"),
    ("'word", "exact substring"),
    ("!word", "exclude"),
    ("@name", "articles naming an entity (@vladimir_poutine)"),
    ("#type", "events of a type (#meeting, #visit…)"),
    ("date:", "date:2017-11  date:2015..2017"),
    ("lang:", "lang:fr  lang:en"),
];
