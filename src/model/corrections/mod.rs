//! The analyst's corrections, applied to the built corpus after entities
//! are clustered and events merged: merge one entity into another, split
//! an alias off into an entity of its own, change an entity's type, hide
//! an entity; hide an event or change its type. Entities are named as
//! the analyst typed them (any alias, compared folded), events by their
//! date and description, so that a correction means the same thing after
//! a rebuild, whatever ids the build hands out.
//!
//! Pure: where corrections are kept is `review::corrections`. A
//! correction whose entity or event is not in the corpus changes nothing.

mod renumber;

use serde::{Deserialize, Serialize};

use super::{Corpus, EntityId, EventId};
use crate::extract::fold::fold_name;
use crate::extract::kind::{EntityKind, EventType, Subtype};

/// One correction, as one line of the corrections file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Correction {
    /// `entity` and its names become part of `into`.
    Merge { entity: String, into: String },
    /// The mentions written `alias` leave `entity` for an entity of
    /// their own.
    Split { entity: String, alias: String },
    /// The entity is of another type (`person`, `place`, `org`, `misc`).
    Retype {
        entity: String,
        #[serde(with = "entity_kind")]
        kind: EntityKind,
    },
    /// The entity is junk: its mentions are dropped.
    Hide { entity: String },
    /// The event is junk.
    HideEvent { event: EventRef },
    /// The event is of another type or subtype.
    RetypeEvent {
        event: EventRef,
        #[serde(with = "subtype_code")]
        subtype: Subtype,
    },
}

/// An event by what stays the same across builds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRef {
    pub date: String,
    pub description: String,
}

impl EventRef {
    pub fn of(corpus: &Corpus, id: EventId) -> Option<EventRef> {
        let e = corpus.events.get(id.0 as usize)?;
        Some(EventRef {
            date: e.date.to_string(),
            description: e.description.clone(),
        })
    }

    fn find(&self, corpus: &Corpus, dead: &[bool]) -> Option<usize> {
        corpus.events.iter().position(|e| {
            !dead[e.id.0 as usize]
                && e.description == self.description
                && e.date.to_string() == self.date
        })
    }
}

impl Correction {
    /// How it reads in `revue corrections`.
    pub fn describe(&self) -> String {
        match self {
            Correction::Merge { entity, into } => format!("merge \"{entity}\" into \"{into}\""),
            Correction::Split { entity, alias } => {
                format!("split \"{alias}\" off \"{entity}\"")
            }
            Correction::Retype { entity, kind } => format!("\"{entity}\" is a {kind}"),
            Correction::Hide { entity } => format!("hide \"{entity}\""),
            Correction::HideEvent { event } => {
                format!("hide event {} \"{}\"", event.date, event.description)
            }
            Correction::RetypeEvent { event, subtype } => format!(
                "event {} \"{}\" is a {}",
                event.date,
                event.description,
                subtype.code()
            ),
        }
    }
}

/// The subtype an event type or subtype code names: a subtype by its
/// code, a type by its own subtype (`meeting`) or its first (`military`:
/// `attack`).
pub fn subtype_of(code: &str) -> Option<Subtype> {
    let code = code.to_lowercase().replace('-', "_");
    Subtype::from_code(&code).or_else(|| {
        let kind = EventType::from_code(&code)?;
        Subtype::ALL.iter().copied().find(|s| s.kind() == kind)
    })
}

/// The entity type a code (`PER`, `loc`) or word (`person`, `place`,
/// `org`, `misc`) names.
pub fn kind_of(s: &str) -> Option<EntityKind> {
    EntityKind::from_code(s).or(match s.to_lowercase().as_str() {
        "person" | "people" => Some(EntityKind::Person),
        "place" | "location" => Some(EntityKind::Place),
        "organisation" | "organization" => Some(EntityKind::Org),
        _ => None,
    })
}

/// Applies `corrections` in order; returns, for each, whether it found
/// what it names and changed the corpus.
pub fn apply(corpus: &mut Corpus, corrections: &[Correction]) -> Vec<bool> {
    if corrections.is_empty() {
        return Vec::new();
    }
    let mut dead_entities = vec![false; corpus.entities.len()];
    let mut dead_events = vec![false; corpus.events.len()];
    let mut applied = Vec::with_capacity(corrections.len());
    for c in corrections {
        let find = |corpus: &Corpus, dead: &[bool], name: &str| find_entity(corpus, dead, name);
        let done = match c {
            Correction::Merge { entity, into } => {
                match (
                    find(corpus, &dead_entities, entity),
                    find(corpus, &dead_entities, into),
                ) {
                    (Some(a), Some(b)) if a != b => {
                        merge(corpus, a, b);
                        dead_entities[a.0 as usize] = true;
                        true
                    }
                    _ => false,
                }
            }
            Correction::Split { entity, alias } => match find(corpus, &dead_entities, entity) {
                Some(e) if split(corpus, e, alias) => {
                    dead_entities.push(false);
                    true
                }
                _ => false,
            },
            Correction::Retype { entity, kind } => match find(corpus, &dead_entities, entity) {
                Some(e) => {
                    corpus.entities[e.0 as usize].kind = *kind;
                    true
                }
                None => false,
            },
            Correction::Hide { entity } => match find(corpus, &dead_entities, entity) {
                Some(e) => {
                    hide(corpus, e);
                    dead_entities[e.0 as usize] = true;
                    true
                }
                None => false,
            },
            Correction::HideEvent { event } => match event.find(corpus, &dead_events) {
                Some(i) => {
                    dead_events[i] = true;
                    true
                }
                None => false,
            },
            Correction::RetypeEvent { event, subtype } => match event.find(corpus, &dead_events) {
                Some(i) => {
                    let e = &mut corpus.events[i];
                    e.subtype = *subtype;
                    e.kind = subtype.kind();
                    true
                }
                None => false,
            },
        };
        applied.push(done);
    }
    renumber::entities(corpus, &dead_entities);
    renumber::events(corpus, &dead_events);
    applied
}

/// A live entity by its canonical name, else by any alias, compared folded.
fn find_entity(corpus: &Corpus, dead: &[bool], name: &str) -> Option<EntityId> {
    let key = fold_name(name);
    let live = || corpus.entities.iter().filter(|e| !dead[e.id.0 as usize]);
    live()
        .find(|e| fold_name(&e.canonical) == key)
        .or_else(|| live().find(|e| e.aliases.iter().any(|a| fold_name(a) == key)))
        .map(|e| e.id)
}

fn merge(corpus: &mut Corpus, a: EntityId, b: EntityId) {
    let moved = std::mem::take(&mut corpus.entities[a.0 as usize].aliases);
    let articles = std::mem::take(&mut corpus.entities[a.0 as usize].articles);
    for &art in &articles {
        for m in &mut corpus.articles[art.0 as usize].mentions {
            if m.entity == a {
                m.entity = b;
            }
        }
    }
    let into = &mut corpus.entities[b.0 as usize];
    for alias in moved {
        if !into.aliases.contains(&alias) {
            into.aliases.push(alias);
        }
    }
    for e in &mut corpus.events {
        for p in e.participants.iter_mut().chain(e.place.iter_mut()) {
            if *p == a {
                *p = b;
            }
        }
        let mut seen = Vec::new();
        e.participants.retain(|p| {
            let first = !seen.contains(p);
            seen.push(*p);
            first
        });
    }
}

/// Moves the mentions of `e` written `alias` to a new entity; false when
/// none are, or `alias` is the entity's own name.
fn split(corpus: &mut Corpus, e: EntityId, alias: &str) -> bool {
    let key = fold_name(alias);
    let old = &corpus.entities[e.0 as usize];
    if fold_name(&old.canonical) == key {
        return false;
    }
    let new_id = EntityId(corpus.entities.len() as u32);
    let mut moved_any = false;
    for &art in &old.articles {
        let article = &mut corpus.articles[art.0 as usize];
        for m in &mut article.mentions {
            if m.entity == e && fold_name(&article.text[m.span.clone()]) == key {
                m.entity = new_id;
                moved_any = true;
            }
        }
    }
    if !moved_any {
        return false;
    }
    let old = &mut corpus.entities[e.0 as usize];
    let (taken, kept): (Vec<String>, Vec<String>) = std::mem::take(&mut old.aliases)
        .into_iter()
        .partition(|a| fold_name(a) == key);
    old.aliases = kept;
    let kind = old.kind;
    let articles = old.articles.clone();
    corpus.entities.push(super::Entity {
        id: new_id,
        canonical: taken.first().cloned().unwrap_or_else(|| alias.to_string()),
        kind,
        aliases: if taken.is_empty() {
            vec![alias.to_string()]
        } else {
            taken
        },
        mentions: 0,
        // Recounted by the renumbering, which keeps only those that
        // still mention each entity.
        articles,
    });
    true
}

fn hide(corpus: &mut Corpus, e: EntityId) {
    let articles = std::mem::take(&mut corpus.entities[e.0 as usize].articles);
    for &art in &articles {
        corpus.articles[art.0 as usize]
            .mentions
            .retain(|m| m.entity != e);
    }
    for ev in &mut corpus.events {
        ev.participants.retain(|p| *p != e);
        if ev.place == Some(e) {
            ev.place = None;
        }
    }
}

// The file holds the export's codes (`org`, `verdict`), as typed on the
// command line, not the Rust names.

mod entity_kind {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    use crate::extract::kind::EntityKind;

    pub fn serialize<S: Serializer>(k: &EntityKind, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(k.code())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<EntityKind, D::Error> {
        let code = String::deserialize(d)?;
        super::kind_of(&code)
            .ok_or_else(|| D::Error::custom(format!("unknown entity type `{code}`")))
    }
}

mod subtype_code {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    use crate::extract::kind::Subtype;

    pub fn serialize<S: Serializer>(k: &Subtype, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(k.code())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Subtype, D::Error> {
        let code = String::deserialize(d)?;
        super::subtype_of(&code)
            .ok_or_else(|| D::Error::custom(format!("unknown event type `{code}`")))
    }
}

#[cfg(test)]
mod tests;
