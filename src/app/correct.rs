//! Corrections from the dashboard: `c` on an entity (the entity pane, the
//! entity detail) or an event (the timeline, the event detail) opens a
//! menu of what can be corrected; merging into another entity, splitting
//! an alias off and changing a type go on to a picker that filters as you
//! type. The chosen correction is handed to the event loop as
//! [`Effect::Correct`], which saves it in the corrections file (the one
//! `revue correct` writes) and applies it to the corpus shown.

use crate::extract::fold::fold_name;
use crate::extract::kind::{EntityKind, Subtype};
use crate::model::corrections::{Correction, EventRef};
use crate::model::{Corpus, EntityId, EventId};

use super::{AppState, Effect, Mode, Overlay, Pane};

/// What a choice picker is choosing.
#[derive(Debug, Clone, PartialEq)]
pub enum Purpose {
    /// What to correct of this entity.
    EntityMenu(EntityId),
    /// What to correct of this event.
    EventMenu(EventId),
    /// The entity to merge this one into.
    MergeInto(EntityId),
    /// The alias to split off this entity.
    SplitAlias(EntityId),
    /// The entity's new type.
    RetypeEntity(EntityId),
    /// The event's new type.
    RetypeEvent(EventId),
}

/// One row of a choice picker: what it shows, and what choosing it means.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub label: String,
    /// Shown dim after the label (a type, a count).
    pub detail: String,
    pub value: String,
}

/// A picker over choices that filters as you type (like the preset
/// picker): what for, the choices, what was typed, the matching rows
/// (indices into `choices`, best first) and the selected one of those.
#[derive(Debug, Clone, PartialEq)]
pub struct Chooser {
    pub purpose: Purpose,
    pub title: String,
    pub choices: Vec<Choice>,
    pub filter: String,
    pub rows: Vec<usize>,
    pub selected: usize,
}

impl Chooser {
    fn new(purpose: Purpose, title: String, choices: Vec<Choice>) -> Chooser {
        let rows = (0..choices.len()).collect();
        Chooser {
            purpose,
            title,
            choices,
            filter: String::new(),
            rows,
            selected: 0,
        }
    }

    /// The filter changed: the matching rows again, best first.
    pub fn refilter(&mut self) {
        self.rows = matching(&self.choices, &self.filter);
        self.selected = 0;
    }

    /// The choice of the selected row.
    pub fn chosen(&self) -> Option<&Choice> {
        self.rows.get(self.selected).map(|&i| &self.choices[i])
    }
}

/// Choices whose label matches `filter`, best first.
fn matching(choices: &[Choice], filter: &str) -> Vec<usize> {
    super::fuzzy::rank(choices.iter().map(|c| c.label.clone()), filter)
}

impl AppState {
    /// The choice picker, when it is on top.
    pub fn chooser(&self) -> Option<&Chooser> {
        match self.overlay() {
            Some(Overlay::Choose(c)) => Some(c),
            _ => None,
        }
    }

    pub(super) fn chooser_mut(&mut self) -> Option<&mut Chooser> {
        match self.overlays.last_mut() {
            Some(Overlay::Choose(c)) => Some(c),
            _ => None,
        }
    }
}

/// What `c` corrects here: the entity or event of the screen, or the
/// selected row of the entity pane or timeline.
enum Target {
    Entity(EntityId),
    Event(EventId),
}

fn target(state: &AppState) -> Option<Target> {
    match state.mode() {
        Mode::Entity => state.entity().map(|d| Target::Entity(d.entity)),
        Mode::Event => state.event().map(|d| Target::Event(d.event)),
        Mode::Dashboard => match state.focus {
            Pane::Entities => state
                .view
                .entities
                .get(state.selected(Pane::Entities))
                .map(|r| Target::Entity(r.id)),
            Pane::Timeline => state
                .view
                .events
                .get(state.selected(Pane::Timeline))
                .map(|&e| Target::Event(e)),
            Pane::Articles => None,
        },
        _ => None,
    }
}

fn choice(label: &str, detail: &str, value: &str) -> Choice {
    Choice {
        label: label.into(),
        detail: detail.into(),
        value: value.into(),
    }
}

/// `c`: the menu of corrections for the entity or event at hand.
pub(super) fn open_menu(state: &mut AppState, corpus: &Corpus) {
    if state.building {
        state.message = Some("corrections wait for the extraction to end".into());
        return;
    }
    if state.correcting.is_some() {
        state.message = Some("a correction is being applied; one at a time".into());
        return;
    }
    let chooser = match target(state) {
        None => {
            state.message =
                Some("c corrects an entity or an event: select one (2 or 3 focuses them)".into());
            return;
        }
        Some(Target::Entity(e)) => {
            let name = &corpus.entity(e).canonical;
            Chooser::new(
                Purpose::EntityMenu(e),
                format!("Correct \"{name}\""),
                vec![
                    choice("merge into…", "another entity takes its names", "merge"),
                    choice(
                        "split an alias off…",
                        "its mentions become an entity",
                        "split",
                    ),
                    choice("change its type…", corpus.entity(e).kind.code(), "retype"),
                    choice("hide it", "junk: its mentions are dropped", "hide"),
                ],
            )
        }
        Some(Target::Event(e)) => {
            let ev = corpus.event(e);
            Chooser::new(
                Purpose::EventMenu(e),
                format!("Correct the event of {}", ev.date),
                vec![
                    choice("change its type…", ev.subtype.code(), "retype"),
                    choice("hide it", "junk", "hide"),
                ],
            )
        }
    };
    state.overlays.push(Overlay::Choose(chooser));
}

/// Enter in a choice picker: the next picker, or the correction.
pub(super) fn choose(state: &mut AppState, corpus: &Corpus, effects: &mut Vec<Effect>) {
    let Some(c) = state.chooser() else { return };
    let Some(chosen) = c.chosen().cloned() else {
        state.message = Some("nothing matches: Backspace widens the filter".into());
        return;
    };
    let purpose = c.purpose.clone();
    state.overlays.pop();
    let correction = match purpose {
        Purpose::EntityMenu(e) => match chosen.value.as_str() {
            "merge" => return open(state, merge_picker(corpus, e)),
            "split" => match split_picker(corpus, e) {
                Some(p) => return open(state, p),
                None => {
                    state.message = Some(format!(
                        "\"{}\" has no other name to split off",
                        corpus.entity(e).canonical
                    ));
                    return;
                }
            },
            "retype" => return open(state, retype_picker(corpus, e)),
            _ => Correction::Hide {
                entity: corpus.entity(e).canonical.clone(),
            },
        },
        Purpose::EventMenu(e) => {
            let Some(event) = EventRef::of(corpus, e) else {
                return;
            };
            match chosen.value.as_str() {
                "retype" => return open(state, event_type_picker(corpus, e)),
                _ => Correction::HideEvent { event },
            }
        }
        Purpose::MergeInto(e) => Correction::Merge {
            entity: corpus.entity(e).canonical.clone(),
            into: chosen.value,
        },
        Purpose::SplitAlias(e) => Correction::Split {
            entity: corpus.entity(e).canonical.clone(),
            alias: chosen.value,
        },
        Purpose::RetypeEntity(e) => Correction::Retype {
            entity: corpus.entity(e).canonical.clone(),
            kind: EntityKind::from_code(&chosen.value).expect("the picker offers codes"),
        },
        Purpose::RetypeEvent(e) => {
            let Some(event) = EventRef::of(corpus, e) else {
                return;
            };
            Correction::RetypeEvent {
                event,
                subtype: Subtype::from_code(&chosen.value).expect("the picker offers codes"),
            }
        }
    };
    state.correcting = Some(format!("applying: {}", correction.describe()));
    state.message = state.correcting.clone();
    effects.push(Effect::Correct(correction));
}

fn open(state: &mut AppState, c: Chooser) {
    state.overlays.push(Overlay::Choose(c));
}

/// Every other entity, the most mentioned first.
fn merge_picker(corpus: &Corpus, e: EntityId) -> Chooser {
    let mut others: Vec<&crate::model::Entity> =
        corpus.entities.iter().filter(|x| x.id != e).collect();
    others.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.id.cmp(&b.id)));
    let choices = others
        .into_iter()
        .map(|x| Choice {
            label: x.canonical.clone(),
            detail: format!(
                "{} · {} mention{}",
                x.kind.code(),
                x.mentions,
                if x.mentions == 1 { "" } else { "s" }
            ),
            value: x.canonical.clone(),
        })
        .collect();
    Chooser::new(
        Purpose::MergeInto(e),
        format!("Merge \"{}\" into", corpus.entity(e).canonical),
        choices,
    )
}

/// The entity's names other than its own; `None` when it has none.
fn split_picker(corpus: &Corpus, e: EntityId) -> Option<Chooser> {
    let entity = corpus.entity(e);
    let own = fold_name(&entity.canonical);
    let mut seen = vec![own];
    let mut choices = Vec::new();
    for a in &entity.aliases {
        let key = fold_name(a);
        if !seen.contains(&key) {
            seen.push(key);
            choices.push(choice(a, "", a));
        }
    }
    (!choices.is_empty()).then(|| {
        Chooser::new(
            Purpose::SplitAlias(e),
            format!("Split off \"{}\"", entity.canonical),
            choices,
        )
    })
}

fn retype_picker(corpus: &Corpus, e: EntityId) -> Chooser {
    let now = corpus.entity(e).kind;
    let choices = [
        (EntityKind::Person, "person"),
        (EntityKind::Place, "place"),
        (EntityKind::Org, "organisation"),
        (EntityKind::Misc, "other"),
    ]
    .into_iter()
    .filter(|(k, _)| *k != now)
    .map(|(k, word)| choice(word, k.code(), k.code()))
    .collect();
    Chooser::new(
        Purpose::RetypeEntity(e),
        format!("\"{}\" is a", corpus.entity(e).canonical),
        choices,
    )
}

fn event_type_picker(corpus: &Corpus, e: EventId) -> Chooser {
    let now = corpus.event(e).subtype;
    let choices = Subtype::ALL
        .iter()
        .filter(|s| **s != now)
        .map(|s| choice(s.code(), s.kind().code(), s.code()))
        .collect();
    Chooser::new(
        Purpose::RetypeEvent(e),
        "The event is a".to_string(),
        choices,
    )
}

/// What became of a correction handed to the event loop.
#[derive(Debug, Clone, PartialEq)]
pub enum Corrected {
    /// Saved and applied: the corpus shown has it.
    Applied(Correction),
    /// Removed from the corrections file; the corpus shown is rebuilt
    /// without it.
    Undone(Correction),
}

impl AppState {
    /// The event loop could not carry out the correction: nothing changed.
    pub fn corrected_not(&mut self, why: String) {
        self.correcting = None;
        self.message = Some(why);
    }

    /// The event loop's report on a correction. `corpus` and `index` are
    /// the corrected corpus, now shown. Entity and
    /// event details close (the correction renumbers both); the query,
    /// marks, reader and selected article stay.
    pub fn corrected(
        &mut self,
        outcome: Corrected,
        corpus: &Corpus,
        index: &crate::search::SearchIndex,
    ) {
        self.correcting = None;
        let message = match outcome {
            Corrected::Applied(c) => {
                let m = format!("{} · saved · U undoes", c.describe());
                self.undo.push(super::undo::Step::Correction(c));
                m
            }
            Corrected::Undone(c) => format!("undone: {}", c.describe()),
        };
        self.screens
            .retain(|s| !matches!(s, super::Screen::Entity(_) | super::Screen::Event(_)));
        if let Some(r) = self.reader_mut() {
            r.side = None;
        }
        self.overlays
            .retain(|o| !matches!(o, Overlay::Choose(_) | Overlay::Question(_)));
        let entity_row = self.selected(Pane::Entities);
        self.index_ready(corpus, index);
        self.selected[Pane::Entities as usize] =
            entity_row.min(self.view.entities.len().saturating_sub(1));
        self.message = Some(message);
    }
}
