//! `[keys]`: action name → key or keys, replacing that action's default
//! keys in the dashboard. The action names are a fixed list
//! ([`KeyAction`]); a key is one character (`q`, `?`, `/`), `ctrl-X`, or a
//! named key (`enter`, `esc`, `tab`, `shift-tab`, `backspace`, `up`, `down`,
//! `left`, `right`, `pageup`, `pagedown`, `home`, `end`, `space`).
//! This module only reads and checks the table; the dashboard's keymap
//! decides what to do with it.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use toml::Spanned;

use crate::app::Action;
use crate::app::keys::Key;

use super::values::suggestion;

/// The actions a key can be bound to in `[keys]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum KeyAction {
    Quit,
    Help,
    Search,
    Down,
    Up,
    PageDown,
    PageUp,
    Top,
    Bottom,
    NextPane,
    PrevPane,
    Open,
    Back,
    Presets,
}

impl KeyAction {
    pub const ALL: [KeyAction; 14] = [
        KeyAction::Quit,
        KeyAction::Help,
        KeyAction::Search,
        KeyAction::Down,
        KeyAction::Up,
        KeyAction::PageDown,
        KeyAction::PageUp,
        KeyAction::Top,
        KeyAction::Bottom,
        KeyAction::NextPane,
        KeyAction::PrevPane,
        KeyAction::Open,
        KeyAction::Back,
        KeyAction::Presets,
    ];

    /// The name in `[keys]`.
    pub fn name(self) -> &'static str {
        match self {
            KeyAction::Quit => "quit",
            KeyAction::Help => "help",
            KeyAction::Search => "search",
            KeyAction::Down => "down",
            KeyAction::Up => "up",
            KeyAction::PageDown => "page_down",
            KeyAction::PageUp => "page_up",
            KeyAction::Top => "top",
            KeyAction::Bottom => "bottom",
            KeyAction::NextPane => "next_pane",
            KeyAction::PrevPane => "prev_pane",
            KeyAction::Open => "open",
            KeyAction::Back => "back",
            KeyAction::Presets => "presets",
        }
    }

    /// The dashboard action it stands for.
    pub fn action(self) -> Option<Action> {
        Some(match self {
            KeyAction::Quit => Action::Quit,
            KeyAction::Help => Action::ToggleHelp,
            KeyAction::Search => Action::StartSearch,
            KeyAction::Down => Action::Down,
            KeyAction::Up => Action::Up,
            KeyAction::PageDown => Action::PageDown,
            KeyAction::PageUp => Action::PageUp,
            KeyAction::Top => Action::Top,
            KeyAction::Bottom => Action::Bottom,
            KeyAction::NextPane => Action::NextPane,
            KeyAction::PrevPane => Action::PrevPane,
            KeyAction::Open => Action::Confirm,
            KeyAction::Back => Action::Back,
            KeyAction::Presets => Action::OpenPresets,
        })
    }
}

impl<'de> Deserialize<'de> for KeyAction {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        let names = KeyAction::ALL.map(KeyAction::name);
        KeyAction::ALL
            .into_iter()
            .find(|a| a.name() == name)
            .ok_or_else(|| {
                de::Error::custom(format!(
                    "unknown action `{name}` (one of: {}){}",
                    names.join(", "),
                    suggestion(&name, names)
                ))
            })
    }
}

impl fmt::Display for KeyAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The keys one action is bound to: `"q"` or `["j", "down"]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyList(pub Vec<Key>);

/// The `[keys]` table as written: only the actions the user rebinds.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(transparent)]
pub struct Keys(BTreeMap<KeyAction, Spanned<KeyList>>);

impl Keys {
    /// The keys the user bound to an action, if they rebound it.
    pub fn get(&self, action: KeyAction) -> Option<&[Key]> {
        self.0.get(&action).map(|k| k.get_ref().0.as_slice())
    }

    /// Every rebinding, in [`KeyAction`] order.
    pub fn bindings(&self) -> impl Iterator<Item = (KeyAction, &[Key])> {
        self.0.iter().map(|(a, k)| (*a, k.get_ref().0.as_slice()))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// A key bound to two actions: the second binding's byte span and a
    /// message.
    pub(super) fn conflict(&self) -> Option<(std::ops::Range<usize>, String)> {
        let mut seen: BTreeMap<String, KeyAction> = BTreeMap::new();
        for (action, keys) in &self.0 {
            for key in &keys.get_ref().0 {
                let name = key_name(*key);
                if let Some(first) = seen.insert(name.clone(), *action)
                    && first != *action
                {
                    return Some((
                        keys.span(),
                        format!("key `{name}` is bound to both `{first}` and `{action}`"),
                    ));
                }
            }
        }
        None
    }
}

/// Named keys, as `[keys]` writes them (lower case; case is ignored).
const NAMED: &[(&str, Key)] = &[
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

/// Other spellings people write for the same keys.
const SYNONYMS: &[(&str, &str)] = &[
    ("return", "enter"),
    ("escape", "esc"),
    ("backtab", "shift-tab"),
    ("s-tab", "shift-tab"),
    ("pgup", "pageup"),
    ("pgdn", "pagedown"),
    ("page-up", "pageup"),
    ("page-down", "pagedown"),
];

/// Parses one key: a single character, `ctrl-X` (or `C-X`), or a name.
pub fn parse_key(s: &str) -> Result<Key, String> {
    let mut chars = s.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return if c.is_control() {
            Err(format!(
                "key `{}` is a control character",
                c.escape_default()
            ))
        } else {
            Ok(Key::Char(c))
        };
    }
    let lower = s.trim().to_lowercase();
    let lower = SYNONYMS
        .iter()
        .find(|(syn, _)| *syn == lower)
        .map_or(lower.clone(), |(_, name)| name.to_string());
    if let Some(rest) = lower.strip_prefix("ctrl-").or(lower.strip_prefix("c-")) {
        let mut cs = rest.chars();
        if let (Some(c), None) = (cs.next(), cs.next())
            && c.is_ascii_alphanumeric()
        {
            return Ok(Key::Ctrl(c));
        }
        return Err(format!(
            "bad key `{s}`: ctrl- takes one letter or digit (ctrl-d)"
        ));
    }
    if let Some((_, k)) = NAMED.iter().find(|(n, _)| *n == lower) {
        return Ok(*k);
    }
    let names = NAMED.iter().map(|(n, _)| *n);
    Err(format!(
        "unknown key `{s}` (a character, ctrl-X, or one of: {}){}",
        names.clone().collect::<Vec<_>>().join(", "),
        suggestion(&lower, names)
    ))
}

/// How `[keys]` writes a key (the inverse of [`parse_key`]).
pub fn key_name(k: Key) -> String {
    if let Some((n, _)) = NAMED.iter().find(|(_, named)| *named == k) {
        return n.to_string();
    }
    match k {
        Key::Char(c) => c.to_string(),
        Key::Ctrl(c) => format!("ctrl-{c}"),
        other => format!("{other:?}").to_lowercase(),
    }
}

impl<'de> Deserialize<'de> for KeyList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = KeyList;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key (\"q\", \"ctrl-d\", \"pagedown\") or a list of keys")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<KeyList, E> {
                parse_key(s).map(|k| KeyList(vec![k])).map_err(E::custom)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<KeyList, A::Error> {
                let mut keys = Vec::new();
                while let Some(s) = seq.next_element::<String>()? {
                    keys.push(parse_key(&s).map_err(de::Error::custom)?);
                }
                if keys.is_empty() {
                    return Err(de::Error::custom(
                        "no keys: leave the action out to keep its default keys",
                    ));
                }
                Ok(KeyList(keys))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_syntax() {
        assert_eq!(parse_key("q"), Ok(Key::Char('q')));
        assert_eq!(parse_key("?"), Ok(Key::Char('?')));
        assert_eq!(parse_key("ctrl-d"), Ok(Key::Ctrl('d')));
        assert_eq!(parse_key("C-u"), Ok(Key::Ctrl('u')));
        assert_eq!(parse_key("PageDown"), Ok(Key::PageDown));
        assert_eq!(parse_key("pgdn"), Ok(Key::PageDown));
        assert_eq!(parse_key("Space"), Ok(Key::Char(' ')));
        assert_eq!(parse_key("S-Tab"), Ok(Key::BackTab));
        let e = parse_key("entr").unwrap_err();
        assert!(e.contains("did you mean `enter`"), "{e}");
        assert!(parse_key("ctrl-").is_err());
        assert!(parse_key("\u{1b}").is_err());
        for (n, k) in NAMED {
            assert_eq!(parse_key(&key_name(*k)), Ok(*k), "{n}");
        }
    }

    #[test]
    fn every_action_has_a_name_and_an_action() {
        for a in KeyAction::ALL {
            assert!(!a.name().is_empty());
            assert!(a.action().is_some(), "{a}");
        }
    }
}
