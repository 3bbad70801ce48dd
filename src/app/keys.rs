//! Keys as the app sees them, and which action a key stands for on the
//! screen or overlay that has the keyboard (from the [`Keymap`](super::keymap::Keymap)). The
//! terminal layer translates its events into [`Key`]; nothing here knows
//! about the terminal.

use super::keymap::Scope;
use super::{Action, AppState, Mode};

/// A key press, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Char(char),
    Ctrl(char),
    /// A character with Alt (or Meta, as terminals send Esc before it).
    Alt(char),
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

/// Named keys, as `[keys]` writes them (lower case; case is ignored).
pub const NAMED: &[(&str, Key)] = &[
    ("enter", Key::Enter),
    ("esc", Key::Esc),
    ("tab", Key::Tab),
    ("shift-tab", Key::BackTab),
    ("backspace", Key::Backspace),
    ("up", Key::Up),
    ("down", Key::Down),
    ("left", Key::Left),
    ("right", Key::Right),
    ("pageup", Key::PageUp),
    ("pagedown", Key::PageDown),
    ("home", Key::Home),
    ("end", Key::End),
    ("space", Key::Char(' ')),
];

/// How `[keys]` writes a key (the inverse of `config::keys::parse_key`).
pub fn key_name(k: Key) -> String {
    if let Some((n, _)) = NAMED.iter().find(|(_, named)| *named == k) {
        return n.to_string();
    }
    match k {
        Key::Char(c) => c.to_string(),
        Key::Ctrl(c) => format!("ctrl-{c}"),
        Key::Alt(c) => format!("alt-{c}"),
        other => format!("{other:?}").to_lowercase(),
    }
}

impl AppState {
    /// Where keys act now: the overlay on top, else the search line while
    /// it is edited, else the screen open.
    pub fn key_scope(&self) -> Scope {
        match self.mode() {
            Mode::Help => Scope::Help,
            Mode::Presets => Scope::Presets,
            Mode::Choose => Scope::Choose,
            Mode::Question => Scope::Question,
            Mode::Warnings | Mode::Message => Scope::Pager,
            _ if self.editing => Scope::Search,
            Mode::Reader => Scope::Reader,
            Mode::Entity => Scope::Entity,
            Mode::Event => Scope::Event,
            Mode::Dashboard => Scope::Dashboard,
        }
    }
}

/// The action a key stands for where the keyboard is; in the search line
/// and the picker, printable keys are text.
pub fn action_for(state: &AppState, key: Key) -> Option<Action> {
    // Ctrl-C keeps its terminal meaning everywhere, whatever `[keys]` says.
    if key == Key::Ctrl('c') {
        return Some(Action::Quit);
    }
    let scope = state.key_scope();
    if let Some(a) = state.keymap.lookup(scope, key) {
        return Some(a);
    }
    // An Alt key bound nowhere here is its letter (terminals send Esc and
    // a letter typed quickly after it as one Alt key).
    if let Key::Alt(c) = key {
        return action_for(state, Key::Char(c));
    }
    match key {
        Key::Char(c) if scope.takes_text() => Some(Action::Type(c)),
        _ => None,
    }
}
