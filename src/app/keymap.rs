//! The keymap: one table of bindings (name, scopes, keys, action, help
//! text). The dashboard's key handling, the help overlay and the checking
//! of `[keys]` in config.toml all read this table, so they cannot disagree.
//! A binding acts in its scopes only: the screen open, or the overlay on
//! top of it, which owns the keyboard.

use std::fmt;

use super::line::Move;
use super::{Action, Pane};
use crate::review::Mark;

use super::keys::Key;

/// Where a binding acts: a screen, an overlay, or the search line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scope {
    Dashboard,
    Reader,
    Entity,
    Event,
    Help,
    Pager,
    Presets,
    Search,
    /// The choice picker of corrections.
    Choose,
    /// A yes/no question.
    Question,
}

impl Scope {
    pub const ALL: [Scope; 10] = [
        Scope::Dashboard,
        Scope::Reader,
        Scope::Entity,
        Scope::Event,
        Scope::Help,
        Scope::Pager,
        Scope::Presets,
        Scope::Search,
        Scope::Choose,
        Scope::Question,
    ];

    /// How errors and the help name it.
    pub fn title(self) -> &'static str {
        match self {
            Scope::Dashboard => "dashboard",
            Scope::Reader => "reader",
            Scope::Entity => "entity detail",
            Scope::Event => "event detail",
            Scope::Help => "help",
            Scope::Pager => "warnings and message windows",
            Scope::Presets => "preset picker",
            Scope::Search => "search line",
            Scope::Choose => "choice picker",
            Scope::Question => "question",
        }
    }

    /// Printable keys are text here (the search line, the picker's
    /// filter), so none may be bound.
    pub fn takes_text(self) -> bool {
        matches!(self, Scope::Presets | Scope::Search | Scope::Choose)
    }
}

use Scope::*;

/// The screens, where most keys act.
const SCREENS: &[Scope] = &[Dashboard, Reader, Entity, Event];
/// Screens and the scrolling overlays.
const VIEWS: &[Scope] = &[Dashboard, Reader, Entity, Event, Help, Pager];
/// Everywhere, the text-taking scopes included.
const ANYWHERE: &[Scope] = &[
    Dashboard, Reader, Entity, Event, Help, Pager, Presets, Search, Choose, Question,
];

use Key::{
    BackTab, Backspace, Ctrl, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up,
};

const fn c(ch: char) -> Key {
    Key::Char(ch)
}

/// One row of the table as shipped.
struct Row {
    name: &'static str,
    scopes: &'static [Scope],
    keys: &'static [Key],
    action: Action,
    help: &'static str,
}

const fn row(
    name: &'static str,
    scopes: &'static [Scope],
    keys: &'static [Key],
    action: Action,
    help: &'static str,
) -> Row {
    Row {
        name,
        scopes,
        keys,
        action,
        help,
    }
}

/// The default bindings, in the help's order. A name may have several
/// rows (its keys differ by scope); `[keys]` rebinds all of them.
const TABLE: &[Row] = &[
    row(
        "quit_all",
        VIEWS,
        &[c('Q')],
        Action::Quit,
        "quit revue (Ctrl-C too)",
    ),
    row("quit", &[Dashboard], &[c('q')], Action::Quit, "quit"),
    row(
        "close",
        &[Reader, Entity, Event, Help, Pager],
        &[c('q')],
        Action::Back,
        "back one level",
    ),
    row(
        "back",
        VIEWS,
        &[Esc, Backspace],
        Action::Back,
        "back one level (dashboard: clear the query, then chips)",
    ),
    row("help", VIEWS, &[c('?')], Action::ToggleHelp, "this help"),
    row(
        "suspend",
        ANYWHERE,
        &[Ctrl('z')],
        Action::Suspend,
        "suspend to the shell (fg comes back)",
    ),
    row(
        "warnings",
        SCREENS,
        &[c('!')],
        Action::OpenWarnings,
        "every warning, with its file",
    ),
    row(
        "message",
        SCREENS,
        &[c('m')],
        Action::ShowMessage,
        "the last message in full",
    ),
    row(
        "search",
        SCREENS,
        &[c('/')],
        Action::StartSearch,
        "search: type to filter every pane",
    ),
    row(
        "presets",
        SCREENS,
        &[c('p')],
        Action::OpenPresets,
        "pick a preset",
    ),
    row(
        "down",
        VIEWS,
        &[c('j'), Down],
        Action::Down,
        "move down (reader: scroll)",
    ),
    row(
        "up",
        VIEWS,
        &[c('k'), Up],
        Action::Up,
        "move up (reader: scroll)",
    ),
    row(
        "page_down",
        &[Dashboard, Entity, Event, Help, Pager],
        &[PageDown, Ctrl('d'), Ctrl('f')],
        Action::PageDown,
        "page down",
    ),
    row(
        "page_down",
        &[Reader],
        &[PageDown, Ctrl('d'), Ctrl('f'), c(' ')],
        Action::PageDown,
        "page down",
    ),
    row(
        "page_up",
        VIEWS,
        &[PageUp, Ctrl('b')],
        Action::PageUp,
        "page up",
    ),
    row(
        "top",
        VIEWS,
        &[c('g'), Home],
        Action::Top,
        "first row (reader: top)",
    ),
    row(
        "bottom",
        VIEWS,
        &[c('G'), End],
        Action::Bottom,
        "last row (reader: end)",
    ),
    row(
        "open",
        SCREENS,
        &[Enter],
        Action::Confirm,
        "open: article, entity detail, event's sentence, side row",
    ),
    row(
        "next_pane",
        &[Dashboard, Reader],
        &[Tab, c('l'), Right],
        Action::NextPane,
        "next pane (reader: text / side list)",
    ),
    row(
        "prev_pane",
        &[Dashboard, Reader],
        &[BackTab, c('h'), Left],
        Action::PrevPane,
        "previous pane",
    ),
    row(
        "focus_articles",
        &[Dashboard],
        &[c('1')],
        Action::Focus(Pane::Articles),
        "focus the articles",
    ),
    row(
        "focus_entities",
        &[Dashboard],
        &[c('2')],
        Action::Focus(Pane::Entities),
        "focus the entities",
    ),
    row(
        "focus_timeline",
        &[Dashboard],
        &[c('3')],
        Action::Focus(Pane::Timeline),
        "focus the timeline",
    ),
    row(
        "zoom",
        &[Dashboard],
        &[c('z')],
        Action::ToggleZoom,
        "zoom the focused pane",
    ),
    row(
        "drill_down",
        &[Dashboard, Entity, Event],
        &[c('d')],
        Action::DrillDown,
        "narrow to the selected entity or event (a chip)",
    ),
    row(
        "history_back",
        SCREENS,
        &[c('-'), Ctrl('o')],
        Action::History { back: true },
        "back to the previous view",
    ),
    row(
        "history_forward",
        SCREENS,
        &[c('+'), c('=')],
        Action::History { back: false },
        "forward to the next view",
    ),
    row(
        "sort_entities",
        &[Dashboard],
        &[c('o')],
        Action::CycleSort,
        "order entities: type, mentions, articles, name",
    ),
    row(
        "read_next",
        &[Dashboard],
        &[c(' ')],
        Action::ReadAndNext,
        "mark read and move on",
    ),
    row(
        "toggle_read",
        &[Dashboard, Reader],
        &[c('r')],
        Action::ToggleMark(Mark::Read),
        "toggle read",
    ),
    row(
        "copy",
        &[Dashboard, Reader],
        &[c('y')],
        Action::Copy,
        "copy the sentence, URL or headline (OSC 52)",
    ),
    row(
        "star",
        &[Dashboard, Reader],
        &[c('s')],
        Action::ToggleMark(Mark::Starred),
        "toggle star",
    ),
    row(
        "flag",
        &[Dashboard, Reader],
        &[c('f')],
        Action::ToggleMark(Mark::Flagged),
        "toggle flag",
    ),
    row(
        "expand_story",
        &[Dashboard],
        &[c('e')],
        Action::ToggleStory,
        "expand a story's row to its printings, or collapse it",
    ),
    row(
        "mark_view_read",
        &[Dashboard],
        &[c('A')],
        Action::MarkViewRead,
        "mark every article of the view read",
    ),
    row(
        "undo",
        SCREENS,
        &[c('U')],
        Action::Undo,
        "undo the last change of marks or correction",
    ),
    row(
        "correct",
        &[Dashboard, Entity, Event],
        &[c('c')],
        Action::Correct,
        "correct the entity or event: merge, split, type, hide",
    ),
    row(
        "story_counts",
        &[Dashboard],
        &[c('S')],
        Action::ToggleStoryCounts,
        "count entities' articles per story / per printing",
    ),
    row(
        "next_unread",
        &[Dashboard],
        &[c('n')],
        Action::NextUnread { forward: true },
        "next unread article",
    ),
    row(
        "prev_unread",
        &[Dashboard],
        &[c('N')],
        Action::NextUnread { forward: false },
        "previous unread article",
    ),
    row(
        "unread_only",
        &[Dashboard],
        &[c('u')],
        Action::ToggleUnreadOnly,
        "unread only / all",
    ),
    row(
        "arrived",
        &[Dashboard],
        &[c('a')],
        Action::ShowArrived,
        "list what arrived while open / all (is:arrived)",
    ),
    row(
        "refetch",
        SCREENS,
        &[c('R')],
        Action::Refetch,
        "fetch the feeds again in the background",
    ),
    row(
        "next_match",
        &[Reader],
        &[c('n')],
        Action::NextMatch { forward: true },
        "next search match",
    ),
    row(
        "prev_match",
        &[Reader],
        &[c('N')],
        Action::NextMatch { forward: false },
        "previous search match",
    ),
    row(
        "next_article",
        &[Reader],
        &[c(']')],
        Action::StepArticle { forward: true },
        "next article of the list",
    ),
    row(
        "prev_article",
        &[Reader],
        &[c('[')],
        Action::StepArticle { forward: false },
        "previous article of the list",
    ),
    row(
        "picker_down",
        &[Presets],
        &[Down, Ctrl('n')],
        Action::Down,
        "next preset",
    ),
    row(
        "picker_up",
        &[Presets],
        &[Up, Ctrl('p')],
        Action::Up,
        "previous preset",
    ),
    row(
        "picker_apply",
        &[Presets],
        &[Enter],
        Action::Confirm,
        "apply the preset",
    ),
    row(
        "picker_close",
        &[Presets],
        &[Esc],
        Action::Back,
        "close the picker",
    ),
    row(
        "choice_down",
        &[Choose],
        &[Down, Ctrl('n')],
        Action::Down,
        "next choice",
    ),
    row(
        "choice_up",
        &[Choose],
        &[Up, Ctrl('p')],
        Action::Up,
        "previous choice",
    ),
    row(
        "choice_apply",
        &[Choose],
        &[Enter],
        Action::Confirm,
        "choose (a correction is saved and applied)",
    ),
    row(
        "choice_close",
        &[Choose],
        &[Esc],
        Action::Back,
        "close the picker",
    ),
    row(
        "answer_yes",
        &[Question],
        &[c('y'), Enter],
        Action::Confirm,
        "yes",
    ),
    row("answer_no", &[Question], &[c('n'), Esc], Action::Back, "no"),
    row(
        "delete_char",
        &[Presets, Search, Choose],
        &[Backspace],
        Action::Backspace,
        "delete a character (empty search: the last chip)",
    ),
    row(
        "clear_text",
        &[Presets, Search, Choose],
        &[Ctrl('u')],
        Action::ClearQuery,
        "clear (search: to the start of the line)",
    ),
    row(
        "search_done",
        &[Search],
        &[Enter],
        Action::Confirm,
        "leave the search line, keep the query",
    ),
    row(
        "search_cancel",
        &[Search],
        &[Esc],
        Action::Back,
        "leave the search line",
    ),
    row(
        "search_left",
        &[Search],
        &[Left, Ctrl('b')],
        Action::Cursor(Move::Left),
        "cursor left",
    ),
    row(
        "search_right",
        &[Search],
        &[Right, Ctrl('f')],
        Action::Cursor(Move::Right),
        "cursor right",
    ),
    row(
        "search_word_left",
        &[Search],
        &[Key::Alt('b')],
        Action::Cursor(Move::WordLeft),
        "a word left",
    ),
    row(
        "search_word_right",
        &[Search],
        &[Key::Alt('f')],
        Action::Cursor(Move::WordRight),
        "a word right",
    ),
    row(
        "search_home",
        &[Search],
        &[Home, Ctrl('a')],
        Action::Cursor(Move::Home),
        "start of the line",
    ),
    row(
        "search_end",
        &[Search],
        &[End, Ctrl('e')],
        Action::Cursor(Move::End),
        "end of the line",
    ),
    row(
        "search_older",
        &[Search],
        &[Ctrl('p')],
        Action::RecallQuery { older: true },
        "previous search (kept across runs)",
    ),
    row(
        "search_newer",
        &[Search],
        &[Ctrl('n')],
        Action::RecallQuery { older: false },
        "next search",
    ),
    row(
        "search_kill",
        &[Search],
        &[Ctrl('k')],
        Action::KillToEnd,
        "delete to the end of the line",
    ),
    row(
        "search_delete_word",
        &[Search],
        &[Ctrl('w')],
        Action::DeleteWord,
        "delete a word",
    ),
    row(
        "search_down",
        &[Search],
        &[Down],
        Action::Down,
        "move in the focused pane",
    ),
    row(
        "search_up",
        &[Search],
        &[Up],
        Action::Up,
        "move in the focused pane",
    ),
    row(
        "search_next_pane",
        &[Search],
        &[Tab],
        Action::NextPane,
        "next pane",
    ),
    row(
        "search_prev_pane",
        &[Search],
        &[BackTab],
        Action::PrevPane,
        "previous pane",
    ),
    row(
        "search_page_down",
        &[Search],
        &[PageDown],
        Action::PageDown,
        "page down",
    ),
    row(
        "search_page_up",
        &[Search],
        &[PageUp],
        Action::PageUp,
        "page up",
    ),
];

/// Every action name `[keys]` knows, each once, in the table's order.
pub fn names() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for r in TABLE {
        if !out.contains(&r.name) {
            out.push(r.name);
        }
    }
    out
}

/// A binding as the keymap holds it: the table's row with the keys in
/// force (the user's, where `[keys]` rebinds the name).
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub name: &'static str,
    pub scopes: &'static [Scope],
    pub keys: Vec<Key>,
    pub action: Action,
    pub help: &'static str,
}

/// Two actions of one scope answering to one key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub key: Key,
    pub scope: Scope,
    /// The two actions, the one bound first (in the table's order) first.
    pub actions: (&'static str, &'static str),
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "key `{}` is bound to both `{}` and `{}` in the {}",
            super::keys::key_name(self.key),
            self.actions.0,
            self.actions.1,
            self.scope.title()
        )
    }
}

/// A printable key bound where printable keys are text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TakesText {
    pub key: Key,
    pub scope: Scope,
    pub action: &'static str,
}

/// What is wrong with a set of rebindings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeymapError {
    UnknownAction(String),
    Conflict(Conflict),
    TakesText(TakesText),
}

impl fmt::Display for KeymapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeymapError::UnknownAction(n) => write!(f, "unknown action `{n}`"),
            KeymapError::Conflict(c) => c.fmt(f),
            KeymapError::TakesText(t) => write!(
                f,
                "`{}` cannot be bound to `{}`: the {} takes typed characters as text",
                t.action,
                super::keys::key_name(t.key),
                t.scope.title()
            ),
        }
    }
}

/// The bindings in force.
#[derive(Debug, Clone, PartialEq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            bindings: TABLE
                .iter()
                .map(|r| Binding {
                    name: r.name,
                    scopes: r.scopes,
                    keys: r.keys.to_vec(),
                    action: r.action.clone(),
                    help: r.help,
                })
                .collect(),
        }
    }
}

impl Keymap {
    /// The defaults with `rebound` (action name → keys) in place of those
    /// actions' default keys; an error for an unknown name, a key taken
    /// twice in one scope, or a character bound where characters are text.
    pub fn with<'a>(
        rebound: impl IntoIterator<Item = (&'a str, &'a [Key])>,
    ) -> Result<Keymap, KeymapError> {
        let mut map = Keymap::default();
        for (name, keys) in rebound {
            let mut found = false;
            for b in map.bindings.iter_mut().filter(|b| b.name == name) {
                b.keys = keys.to_vec();
                found = true;
            }
            if !found {
                return Err(KeymapError::UnknownAction(name.to_string()));
            }
        }
        map.check()?;
        Ok(map)
    }

    fn check(&self) -> Result<(), KeymapError> {
        for scope in Scope::ALL {
            let mut seen: Vec<(Key, &'static str)> = Vec::new();
            for b in self.in_scope(scope) {
                for &key in &b.keys {
                    if scope.takes_text() && matches!(key, Key::Char(_)) {
                        return Err(KeymapError::TakesText(TakesText {
                            key,
                            scope,
                            action: b.name,
                        }));
                    }
                    match seen.iter().find(|(k, _)| *k == key) {
                        Some(&(_, first)) if first != b.name => {
                            return Err(KeymapError::Conflict(Conflict {
                                key,
                                scope,
                                actions: (first, b.name),
                            }));
                        }
                        Some(_) => {}
                        None => seen.push((key, b.name)),
                    }
                }
            }
        }
        Ok(())
    }

    /// The bindings that act in `scope`, in the table's order.
    pub fn in_scope(&self, scope: Scope) -> impl Iterator<Item = &Binding> {
        self.bindings
            .iter()
            .filter(move |b| b.scopes.contains(&scope))
    }

    /// Every binding, in the table's order (for the help).
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The action `key` stands for in `scope`.
    pub fn lookup(&self, scope: Scope, key: Key) -> Option<Action> {
        self.in_scope(scope)
            .find(|b| b.keys.contains(&key))
            .map(|b| b.action.clone())
    }

    /// The keys in force for an action name, as the help writes them.
    pub fn keys_of(&self, name: &str) -> Vec<Key> {
        let mut keys: Vec<Key> = Vec::new();
        for b in self.bindings.iter().filter(|b| b.name == name) {
            for k in &b.keys {
                if !keys.contains(k) {
                    keys.push(*k);
                }
            }
        }
        keys
    }
}

/// A line of the help overlay.
#[derive(Debug, Clone, PartialEq)]
pub enum HelpLine {
    Blank,
    Section(&'static str),
    /// Keys (as [`display`] writes them) and what they do.
    Entry {
        keys: String,
        text: &'static str,
    },
}

/// Columns of the help's key column; longer keys take a line of their own
/// above their text.
pub const HELP_KEYS_WIDTH: usize = 18;

impl HelpLine {
    /// Screen rows the line takes in the help.
    pub fn rows(&self) -> usize {
        match self {
            HelpLine::Entry { keys, .. } if keys.chars().count() >= HELP_KEYS_WIDTH - 1 => 2,
            _ => 1,
        }
    }
}

/// Sections of the help after "Every screen", each with what acts there
/// beyond it.
const HELP_SECTIONS: [(Scope, &str); 8] = [
    (Dashboard, "Dashboard"),
    (Reader, "Reader"),
    (Entity, "Entity detail"),
    (Event, "Event detail (a merged event's reports)"),
    (Presets, "Preset picker (letters filter)"),
    (Choose, "Correction picker (letters filter)"),
    (Question, "Question"),
    (Search, "Search line (letters are the query)"),
];

impl Keymap {
    /// The help overlay's lines: the keys in force, by where they act,
    /// then the query syntax.
    pub fn help_lines(&self) -> Vec<HelpLine> {
        let mut out = self.key_lines();
        out.push(HelpLine::Blank);
        out.push(HelpLine::Section("Query syntax"));
        out.extend(
            crate::search::query::SYNTAX_SUMMARY
                .iter()
                .map(|(k, t)| HelpLine::Entry {
                    keys: k.to_string(),
                    text: t,
                }),
        );
        out
    }

    /// The keys in force, by where they act: the help overlay's lines
    /// without the query syntax, as the man page lists them.
    pub fn key_lines(&self) -> Vec<HelpLine> {
        let everywhere = |b: &Binding| SCREENS.iter().all(|s| b.scopes.contains(s));
        let mut out = vec![HelpLine::Section("Every screen")];
        self.entries(&mut out, |b| everywhere(b));
        for (scope, title) in HELP_SECTIONS {
            out.push(HelpLine::Blank);
            out.push(HelpLine::Section(title));
            self.entries(&mut out, |b| b.scopes.contains(&scope) && !everywhere(b));
        }
        out
    }

    /// One entry per action name among the bindings `pick` keeps.
    fn entries(&self, out: &mut Vec<HelpLine>, pick: impl Fn(&Binding) -> bool) {
        let mut seen: Vec<&str> = Vec::new();
        for b in self.bindings.iter().filter(|b| pick(b)) {
            if seen.contains(&b.name) || b.keys.is_empty() {
                continue;
            }
            seen.push(b.name);
            let keys: Vec<String> = b.keys.iter().map(|k| display(*k)).collect();
            out.push(HelpLine::Entry {
                keys: keys.join(" "),
                text: b.help,
            });
        }
    }
}

/// How the help and the status line write a key: `q`, `Enter`, `Ctrl-D`,
/// `↑`, `Space`.
pub fn display(k: Key) -> String {
    match k {
        Key::Char(' ') => "Space".into(),
        Key::Char(c) => c.to_string(),
        Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
        Key::Alt(c) => format!("Alt-{}", c.to_ascii_uppercase()),
        Key::Enter => "Enter".into(),
        Key::Esc => "Esc".into(),
        Key::Backspace => "Bksp".into(),
        Key::Tab => "Tab".into(),
        Key::BackTab => "S-Tab".into(),
        Key::Up => "↑".into(),
        Key::Down => "↓".into(),
        Key::Left => "←".into(),
        Key::Right => "→".into(),
        Key::PageUp => "PgUp".into(),
        Key::PageDown => "PgDn".into(),
        Key::Home => "Home".into(),
        Key::End => "End".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_hold_no_conflict() {
        assert_eq!(Keymap::default().check(), Ok(()));
    }

    #[test]
    fn a_key_taken_twice_names_both_actions_and_the_scope() {
        let e = Keymap::with([("quit", &[c('j')][..])]).unwrap_err();
        assert_eq!(
            e,
            KeymapError::Conflict(Conflict {
                key: c('j'),
                scope: Dashboard,
                actions: ("quit", "down"),
            })
        );
        let msg = e.to_string();
        assert!(msg.contains("`quit`") && msg.contains("`down`"), "{msg}");
    }

    #[test]
    fn a_rebinding_replaces_the_defaults_in_every_scope_of_the_name() {
        let m = Keymap::with([("page_down", &[c('x')][..])]).unwrap();
        assert_eq!(m.lookup(Reader, c('x')), Some(Action::PageDown));
        assert_eq!(m.lookup(Dashboard, c('x')), Some(Action::PageDown));
        assert_eq!(m.lookup(Reader, c(' ')), None);
        assert_eq!(m.lookup(Dashboard, PageDown), None);
        assert_eq!(m.keys_of("page_down"), vec![c('x')]);
    }

    /// Every action of the table can be rebound, in every scope it acts in.
    #[test]
    fn every_action_can_be_rebound() {
        let mut taken: Vec<&str> = Vec::new();
        for name in names() {
            taken.push(name);
            let m = Keymap::with([(name, &[Ctrl('9')][..])]).unwrap();
            for b in m.bindings().iter().filter(|b| b.name == name) {
                for &scope in b.scopes {
                    assert_eq!(m.lookup(scope, Ctrl('9')), Some(b.action.clone()), "{name}");
                }
            }
        }
        assert!(taken.len() > 40, "{taken:?}");
    }

    #[test]
    fn characters_cannot_be_bound_where_they_are_text() {
        let e = Keymap::with([("picker_down", &[c('j')][..])]).unwrap_err();
        assert!(matches!(e, KeymapError::TakesText(_)), "{e:?}");
        assert!(Keymap::with([("nope", &[c('j')][..])]).is_err());
    }

    #[test]
    fn the_help_shows_the_keys_in_force() {
        let m = Keymap::with([("quit", &[c('x')][..])]).unwrap();
        let lines = m.help_lines();
        let quit = lines
            .iter()
            .find(|l| matches!(l, HelpLine::Entry { text, .. } if *text == "quit"));
        assert_eq!(
            quit,
            Some(&HelpLine::Entry {
                keys: "x".into(),
                text: "quit"
            })
        );
        // Every action name shows somewhere.
        let texts: Vec<&str> = lines
            .iter()
            .filter_map(|l| match l {
                HelpLine::Entry { text, .. } => Some(*text),
                _ => None,
            })
            .collect();
        for b in m.bindings() {
            assert!(texts.contains(&b.help), "{} is in the help", b.name);
        }
    }

    #[test]
    fn every_name_is_a_config_word() {
        for n in names() {
            assert!(n.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{n}");
        }
    }
}
