//! `[keys]`: action name → key or keys, replacing that action's default
//! keys in the dashboard. The action names are the keymap's
//! ([`keymap::names`]); a key is one character (`q`, `?`, `/`), `ctrl-X`, or a
//! named key (`enter`, `esc`, `tab`, `shift-tab`, `backspace`, `up`, `down`,
//! `left`, `right`, `pageup`, `pagedown`, `home`, `end`, `space`).
//! This module only reads and checks the table; the dashboard's keymap
//! decides what to do with it.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use toml::Spanned;

use crate::app::keymap::{self, Keymap, KeymapError};
pub use crate::app::keys::key_name;
use crate::app::keys::{Key, NAMED};

use super::values::suggestion;

/// An action name of `[keys]`: one of the keymap's ([`keymap::names`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct KeyAction(&'static str);

impl KeyAction {
    /// The name in `[keys]`.
    pub fn name(self) -> &'static str {
        self.0
    }

    /// The action named `name`, if the keymap has one.
    pub fn named(name: &str) -> Option<KeyAction> {
        keymap::names()
            .into_iter()
            .find(|n| *n == name)
            .map(KeyAction)
    }
}

impl<'de> Deserialize<'de> for KeyAction {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        KeyAction::named(&name).ok_or_else(|| {
            let names = keymap::names();
            de::Error::custom(format!(
                "unknown action `{name}` (one of: {}){}",
                names.join(", "),
                suggestion(&name, names.iter().copied())
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
    pub fn get(&self, action: &str) -> Option<&[Key]> {
        let action = KeyAction::named(action)?;
        self.0.get(&action).map(|k| k.get_ref().0.as_slice())
    }

    /// Every rebinding, in [`KeyAction`] order.
    pub fn bindings(&self) -> impl Iterator<Item = (KeyAction, &[Key])> {
        self.0.iter().map(|(a, k)| (*a, k.get_ref().0.as_slice()))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The keymap these rebindings make, in place of the defaults.
    pub fn keymap(&self) -> Result<Keymap, KeymapError> {
        Keymap::with(self.bindings().map(|(a, k)| (a.name(), k)))
    }

    /// What is wrong with the rebindings, if anything: the byte span of
    /// the binding at fault (of the two in a conflict, the one written
    /// here, the later if both are) and a message.
    pub(super) fn conflict(&self) -> Option<(std::ops::Range<usize>, String)> {
        let e = self.keymap().err()?;
        let span_of = |name: &str| {
            KeyAction::named(name)
                .and_then(|a| self.0.get(&a))
                .map(|k| k.span())
        };
        let span = match &e {
            KeymapError::Conflict(c) => span_of(c.actions.1).or_else(|| span_of(c.actions.0)),
            KeymapError::TakesText(t) => span_of(t.action),
            KeymapError::UnknownAction(n) => span_of(n),
        };
        Some((span.unwrap_or(0..0), e.to_string()))
    }
}

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
    if let Some(rest) = lower.strip_prefix("alt-").or(lower.strip_prefix("m-")) {
        let mut cs = rest.chars();
        if let (Some(c), None) = (cs.next(), cs.next())
            && c.is_ascii_alphanumeric()
        {
            return Ok(Key::Alt(c));
        }
        return Err(format!(
            "bad key `{s}`: alt- takes one letter or digit (alt-b)"
        ));
    }
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
        assert_eq!(parse_key("alt-b"), Ok(Key::Alt('b')));
        assert_eq!(parse_key(&key_name(Key::Alt('f'))), Ok(Key::Alt('f')));
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

    /// The example config.toml documents every action with its defaults.
    #[test]
    fn the_example_config_lists_every_action() {
        let example = include_str!("../../config.toml");
        let keymap = Keymap::default();
        for n in keymap::names() {
            let keys = keymap.keys_of(n);
            let line = example
                .lines()
                .find(|l| {
                    l.strip_prefix("# ")
                        .is_some_and(|l| l.starts_with(&format!("{n} ")))
                })
                .unwrap_or_else(|| panic!("config.toml documents `{n}`"));
            for k in keys {
                assert!(line.contains(&format!("\"{}\"", key_name(k))), "{line}");
            }
        }
    }

    #[test]
    fn every_keymap_action_can_be_named() {
        for n in keymap::names() {
            assert_eq!(KeyAction::named(n).map(KeyAction::name), Some(n));
        }
        assert_eq!(KeyAction::named("qiut"), None);
    }
}
