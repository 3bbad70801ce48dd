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
    // Ctrl-C and Ctrl-Z keep their terminal meaning in every mode.
    match key {
        Key::Ctrl('c') => return Some(Action::Quit),
        Key::Ctrl('z') => return Some(Action::Suspend),
        _ => {}
    }
    if state.mode == Mode::Help {
        return match key {
            Key::Char('Q') => Some(Action::Quit),
            Key::Char('q' | '?') | Key::Esc | Key::Backspace => Some(Action::Back),
            _ => None,
        };
    }
    // The picker owns the keyboard: printable keys filter it.
    if state.mode == Mode::Presets {
        return Some(match key {
            Key::Char(c) => Action::Type(c),
            Key::Backspace => Action::Backspace,
            Key::Ctrl('u') => Action::ClearQuery,
            Key::Up | Key::Ctrl('p') => Action::Up,
            Key::Down | Key::Ctrl('n') => Action::Down,
            Key::Enter => Action::Confirm,
            Key::Esc => Action::Back,
            _ => return None,
        });
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
    if let Some(a) = state.keymap.lookup(key) {
        return Some(a);
    }
    let default = default_action(state, key)?;
    // A rebound action leaves its default keys.
    let action = (!state.keymap.replaces(&default)).then_some(default)?;
    acts_in(state.mode, &action).then_some(action)
}

/// Whether an action means anything on a screen: the entity detail and
/// the reader take no key that would change the dashboard behind them.
fn acts_in(mode: Mode, action: &Action) -> bool {
    use Action::*;
    let everywhere = matches!(
        action,
        Up | Down
            | PageUp
            | PageDown
            | Top
            | Bottom
            | Confirm
            | Back
            | Quit
            | Suspend
            | ToggleHelp
            | StartSearch
            | OpenPresets
            | History { .. }
    );
    everywhere
        || match mode {
            Mode::Dashboard => true,
            Mode::Entity => matches!(action, DrillDown),
            Mode::Reader => matches!(
                action,
                NextPane | PrevPane | ToggleMark(_) | NextMatch { .. } | StepArticle { .. }
            ),
            Mode::Presets | Mode::Help => false,
        }
}

/// Keys the user rebound in `[keys]`: each listed action answers to its
/// new keys only.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Keymap {
    bound: Vec<(Key, Action)>,
    replaced: Vec<Action>,
}

impl Keymap {
    /// Binds `action` to `keys`, in place of its default keys.
    pub fn bind(&mut self, action: Action, keys: &[Key]) {
        self.replaced.push(action.clone());
        self.bound.extend(keys.iter().map(|k| (*k, action.clone())));
    }

    fn lookup(&self, key: Key) -> Option<Action> {
        self.bound
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, a)| a.clone())
    }

    fn replaces(&self, action: &Action) -> bool {
        self.replaced.contains(action)
    }
}

fn default_action(state: &AppState, key: Key) -> Option<Action> {
    let reader = state.mode == Mode::Reader;
    Some(match key {
        Key::Char('Q') => Action::Quit,
        // `q` backs out one level; from the dashboard it quits.
        Key::Char('q') if state.mode == Mode::Dashboard => Action::Quit,
        Key::Char('q') => Action::Back,
        Key::Char('?') => Action::ToggleHelp,
        Key::Char('/') => Action::StartSearch,
        Key::Char('j') | Key::Down => Action::Down,
        Key::Char('k') | Key::Up => Action::Up,
        Key::PageDown | Key::Ctrl('d') | Key::Ctrl('f') => Action::PageDown,
        Key::PageUp | Key::Ctrl('b') => Action::PageUp,
        Key::Char(' ') if reader => Action::PageDown,
        Key::Char('g') | Key::Home => Action::Top,
        Key::Char('G') | Key::End => Action::Bottom,
        Key::Tab | Key::Char('l') | Key::Right => Action::NextPane,
        Key::BackTab | Key::Char('h') | Key::Left => Action::PrevPane,
        Key::Char('o') => Action::CycleSort,
        Key::Char(' ') => Action::ReadAndNext,
        Key::Char('s') => Action::ToggleMark(Mark::Starred),
        Key::Char('f') => Action::ToggleMark(Mark::Flagged),
        Key::Char('r') => Action::ToggleMark(Mark::Read),
        Key::Char('u') => Action::ToggleUnreadOnly,
        Key::Char('n') if reader => Action::NextMatch { forward: true },
        Key::Char('N') if reader => Action::NextMatch { forward: false },
        Key::Char('n') => Action::NextUnread { forward: true },
        Key::Char('N') => Action::NextUnread { forward: false },
        Key::Char(']') if reader => Action::StepArticle { forward: true },
        Key::Char('[') if reader => Action::StepArticle { forward: false },
        Key::Char('1') => Action::Focus(super::Pane::Articles),
        Key::Char('2') => Action::Focus(super::Pane::Entities),
        Key::Char('3') => Action::Focus(super::Pane::Timeline),
        Key::Char('z') => Action::ToggleZoom,
        Key::Char('d') => Action::DrillDown,
        Key::Char('-') | Key::Ctrl('o') => Action::History { back: true },
        Key::Char('+') | Key::Char('=') => Action::History { back: false },
        Key::Char('p') => Action::OpenPresets,
        Key::Enter => Action::Confirm,
        Key::Esc | Key::Backspace => Action::Back,
        _ => return None,
    })
}

/// Key names for the help overlay, in display order.
pub const HELP: &[(&str, &str)] = &[
    ("/", "search: type to filter every pane"),
    ("Enter", "open article · entity detail · event's sentence"),
    (
        "Esc",
        "leave search / reader / detail; again clears query, then chips",
    ),
    ("↑ ↓  j k", "move (reader: scroll)"),
    ("PgUp PgDn", "page"),
    ("g G", "first / last"),
    ("Tab S-Tab", "next / previous pane; 1 2 3 focus one"),
    ("z", "zoom the focused pane"),
    ("d", "narrow to the selected entity or event (a chip)"),
    ("Backspace", "on an empty search: remove the last chip"),
    ("- +", "back / forward through views (also Ctrl-O)"),
    ("p", "presets"),
    ("o", "order entities: type, mentions, articles, name"),
    ("Space", "mark read and move on (reader: page down)"),
    ("s f r", "star · flag · toggle read"),
    ("n N", "next / previous unread (reader: search match)"),
    ("u", "unread only / all"),
    ("[ ]", "reader: previous / next article"),
    ("?", "this help"),
    (
        "q Q",
        "back one level, quit from the dashboard · Q quits (Ctrl-Z suspends)",
    ),
    ("", ""),
    (
        "word 'word",
        "fuzzy word · exact text (all terms must match)",
    ),
    ("!word", "exclude"),
    (
        "@name #type",
        "articles naming an entity · events of a type",
    ),
    ("date: lang:", "date:2017-11  date:2015..2017  lang:fr"),
    (
        "source: author:",
        "source:vigie  author:kerbrat (outlet, byline)",
    ),
    ("is:", "is:unread is:read is:starred is:flagged"),
];
