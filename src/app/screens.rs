//! What is open: the screen stack (the dashboard at its bottom, then a
//! reader, an entity's or an event's detail) and the overlays on top that
//! own the keyboard, with the state's accessors for each.

use super::{AppState, PresetChoice, correct, fuzzy, mark_all, reader};
use crate::model::{ArticleId, EntityId, EventId};

/// What has the keyboard, in one word: the overlay on top, else the screen
/// open ([`AppState::mode`]; the state itself keeps the stacks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Dashboard,
    Reader,
    /// The detail view of one entity.
    Entity,
    /// The detail view of one event.
    Event,
    /// The preset picker.
    Presets,
    Help,
    Warnings,
    Message,
    /// A choice picker (corrections).
    Choose,
    /// A yes/no question.
    Question,
}

/// A screen of the stack; the dashboard is always its bottom, and Esc or
/// `q` goes back to the screen below.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Dashboard,
    Reader(Reader),
    Entity(EntityDetail),
    Event(EventDetail),
}

/// The event whose detail is open. Row 0 narrows the dashboard to it; the
/// rows after it are its reports.
#[derive(Debug, Clone, PartialEq)]
pub struct EventDetail {
    pub event: EventId,
    pub selected: usize,
}

/// A window over the screens that owns the keyboard while open; closing it
/// gives the keyboard back to the screen below, as it was.
#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    Help {
        scroll: usize,
    },
    Presets(Picker),
    /// Every warning of the corpus, from the `scroll`-th on.
    Warnings {
        scroll: usize,
    },
    /// The last message in full.
    Message,
    /// A picker of choices that filters as you type (corrections).
    Choose(correct::Chooser),
    /// A yes/no question before an action.
    Question(mark_all::Question),
}

/// The preset picker: what was typed to filter it, and the selected row
/// of the presets that match.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Picker {
    pub filter: String,
    pub selected: usize,
}

/// The entity whose detail view is open. Row 0 filters the dashboard by
/// it; the rows after it are the sentences that mention it.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityDetail {
    pub entity: EntityId,
    pub selected: usize,
}

/// The article open in the reader.
#[derive(Debug, Clone, PartialEq)]
pub struct Reader {
    pub article: ArticleId,
    /// First visible line of the wrapped text.
    pub scroll: usize,
    /// A sentence to bring into view and mark (from the timeline).
    pub sentence: Option<usize>,
    /// The row of the side list (the article's entities, then its events)
    /// that has the keyboard, if the side list has it.
    pub side: Option<usize>,
    /// The article's lines at the reader's width, as far as wrapped.
    pub wrap: reader::WrapMemo,
}

impl AppState {
    /// The screen open (under any overlay).
    pub fn screen(&self) -> &Screen {
        self.screens.last().expect("the dashboard is always open")
    }

    pub(super) fn screen_mut(&mut self) -> &mut Screen {
        self.screens
            .last_mut()
            .expect("the dashboard is always open")
    }

    /// Opens a screen over the one open.
    pub(super) fn push_screen(&mut self, s: Screen) {
        self.screens.push(s);
    }

    /// Back to the dashboard, every other screen closed.
    pub(super) fn back_to_dashboard(&mut self) {
        self.screens.truncate(1);
    }

    /// The overlay on top, if any.
    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlays.last()
    }

    pub(super) fn close_overlay(&mut self) {
        self.overlays.pop();
    }

    /// What has the keyboard.
    pub fn mode(&self) -> Mode {
        match self.overlay() {
            Some(Overlay::Help { .. }) => Mode::Help,
            Some(Overlay::Presets(_)) => Mode::Presets,
            Some(Overlay::Warnings { .. }) => Mode::Warnings,
            Some(Overlay::Message) => Mode::Message,
            Some(Overlay::Choose(_)) => Mode::Choose,
            Some(Overlay::Question(_)) => Mode::Question,
            None => match self.screen() {
                Screen::Dashboard => Mode::Dashboard,
                Screen::Reader(_) => Mode::Reader,
                Screen::Entity(_) => Mode::Entity,
                Screen::Event(_) => Mode::Event,
            },
        }
    }

    /// The reader, when it is the screen open.
    pub fn reader(&self) -> Option<&Reader> {
        match self.screen() {
            Screen::Reader(r) => Some(r),
            _ => None,
        }
    }

    pub(super) fn reader_mut(&mut self) -> Option<&mut Reader> {
        match self.screen_mut() {
            Screen::Reader(r) => Some(r),
            _ => None,
        }
    }

    /// The entity detail, when it is the screen open.
    pub fn entity(&self) -> Option<&EntityDetail> {
        match self.screen() {
            Screen::Entity(d) => Some(d),
            _ => None,
        }
    }

    /// The event detail, when it is the screen open.
    pub fn event(&self) -> Option<&EventDetail> {
        match self.screen() {
            Screen::Event(d) => Some(d),
            _ => None,
        }
    }

    /// The preset picker, when it is on top.
    pub fn picker(&self) -> Option<&Picker> {
        match self.overlay() {
            Some(Overlay::Presets(p)) => Some(p),
            _ => None,
        }
    }

    pub(super) fn picker_mut(&mut self) -> Option<&mut Picker> {
        match self.overlays.last_mut() {
            Some(Overlay::Presets(p)) => Some(p),
            _ => None,
        }
    }

    pub fn help_open(&self) -> bool {
        matches!(self.overlay(), Some(Overlay::Help { .. }))
    }

    /// The first line of the help shown.
    pub fn help_scroll(&self) -> usize {
        match self.overlay() {
            Some(Overlay::Help { scroll }) => *scroll,
            _ => 0,
        }
    }

    /// The presets the picker lists for its filter, best match first:
    /// indices into `presets`. The filter matches like fzf, its letters in
    /// order anywhere in the name or description.
    pub fn picker_rows(&self) -> Vec<usize> {
        let filter = self.picker().map_or("", |p| p.filter.as_str());
        picker_matches(&self.presets, filter)
    }
}

/// The presets whose name or description match `filter`, best first.
fn picker_matches(presets: &[PresetChoice], filter: &str) -> Vec<usize> {
    fuzzy::rank(
        presets
            .iter()
            .map(|p| format!("{} {}", p.name, p.description.as_deref().unwrap_or(""))),
        filter,
    )
}
