//! Corrections on the seed corpus: each does what it says, leaves every
//! id and reference sound, and names things that survive a rebuild.

use super::*;
use crate::extract::kind::EntityKind;
use crate::model::{BuildOptions, Origin};

fn seeds() -> Corpus {
    crate::model::build(
        crate::ingest::embedded_seeds(),
        Origin::BuiltIn,
        &BuildOptions::default(),
    )
}

/// What the rest of revue takes for granted of a corpus.
fn sound(c: &Corpus) {
    for (i, e) in c.entities.iter().enumerate() {
        assert_eq!(e.id.0 as usize, i);
        assert!(e.mentions > 0, "{} has no mention", e.canonical);
        let counted: usize = e
            .articles
            .iter()
            .map(|a| {
                c.article(*a)
                    .mentions
                    .iter()
                    .filter(|m| m.entity == e.id)
                    .count()
            })
            .sum();
        assert_eq!(counted, e.mentions, "{}", e.canonical);
    }
    for (i, e) in c.events.iter().enumerate() {
        assert_eq!(e.id.0 as usize, i);
        for p in e.participants.iter().chain(e.place.iter()) {
            assert!((p.0 as usize) < c.entities.len());
        }
        for r in &e.reports {
            assert!(c.article(r.article).events.contains(&e.id));
        }
    }
    for a in &c.articles {
        for m in &a.mentions {
            assert!(c.entity(m.entity).articles.contains(&a.id));
        }
        for e in &a.events {
            assert!((e.0 as usize) < c.events.len());
        }
    }
}

fn top_two(c: &Corpus) -> (String, String) {
    let mut by: Vec<_> = c.entities.iter().collect();
    by.sort_by_key(|e| std::cmp::Reverse(e.mentions));
    (by[0].canonical.clone(), by[1].canonical.clone())
}

#[test]
fn merge_joins_mentions_names_and_articles() {
    let mut c = seeds();
    let (a, b) = top_two(&c);
    let (ea, eb) = (c.find_entity(&a).unwrap(), c.find_entity(&b).unwrap());
    let total = c.entity(ea).mentions + c.entity(eb).mentions;
    let aliases_of_a = c.entity(ea).aliases.clone();
    let n = c.entities.len();
    let applied = apply(
        &mut c,
        &[Correction::Merge {
            entity: a.clone(),
            into: b.clone(),
        }],
    );
    assert_eq!(applied, [true]);
    sound(&c);
    assert_eq!(c.entities.len(), n - 1);
    let merged = c.entity(c.find_entity(&b).unwrap());
    assert_eq!(merged.mentions, total);
    assert!(aliases_of_a.iter().all(|x| merged.aliases.contains(x)));
    // The merged name now finds the entity it went into.
    assert_eq!(c.find_entity(&a), c.find_entity(&b));
}

#[test]
fn hide_drops_an_entity_and_its_mentions() {
    let mut c = seeds();
    let (a, _) = top_two(&c);
    let mentions: usize = c.articles.iter().map(|x| x.mentions.len()).sum();
    let gone = c.entity(c.find_entity(&a).unwrap()).mentions;
    assert_eq!(
        apply(&mut c, &[Correction::Hide { entity: a.clone() }]),
        [true]
    );
    sound(&c);
    assert!(c.find_entity(&a).is_none());
    let left: usize = c.articles.iter().map(|x| x.mentions.len()).sum();
    assert_eq!(left, mentions - gone);
}

#[test]
fn retype_changes_the_type_only() {
    let mut c = seeds();
    let (a, _) = top_two(&c);
    let id = c.find_entity(&a).unwrap();
    let to = if c.entity(id).kind == EntityKind::Misc {
        EntityKind::Org
    } else {
        EntityKind::Misc
    };
    let before = c.entity(id).mentions;
    apply(
        &mut c,
        &[Correction::Retype {
            entity: a.to_lowercase(),
            kind: to,
        }],
    );
    let e = c.entity(c.find_entity(&a).unwrap());
    assert_eq!((e.kind, e.mentions), (to, before));
}

#[test]
fn split_takes_an_alias_and_its_mentions_away() {
    let mut c = seeds();
    // An entity written two ways in its articles.
    let (name, alias) = c
        .entities
        .iter()
        .find_map(|e| {
            let other = e
                .aliases
                .iter()
                .find(|x| fold_name(x) != fold_name(&e.canonical))?;
            let written = e.articles.iter().any(|a| {
                let art = c.article(*a);
                art.mentions.iter().any(|m| {
                    m.entity == e.id && fold_name(&art.text[m.span.clone()]) == fold_name(other)
                })
            });
            written.then(|| (e.canonical.clone(), other.clone()))
        })
        .expect("some seed entity is written two ways");
    let n = c.entities.len();
    let applied = apply(
        &mut c,
        &[Correction::Split {
            entity: name.clone(),
            alias: alias.clone(),
        }],
    );
    assert_eq!(applied, [true]);
    sound(&c);
    assert_eq!(c.entities.len(), n + 1);
    let (old, new) = (
        c.find_entity(&name).unwrap(),
        c.find_entity(&alias).unwrap(),
    );
    assert_ne!(old, new);
    assert!(!c.entity(old).aliases.iter().any(|x| x == &alias));
}

#[test]
fn events_are_hidden_and_retyped_by_date_and_description() {
    let mut c = seeds();
    let (first, second) = (
        EventRef::of(&c, EventId(0)).unwrap(),
        EventRef::of(&c, EventId(1)).unwrap(),
    );
    let n = c.events.len();
    let applied = apply(
        &mut c,
        &[
            Correction::HideEvent {
                event: first.clone(),
            },
            Correction::RetypeEvent {
                event: second.clone(),
                subtype: Subtype::Verdict,
            },
        ],
    );
    assert_eq!(applied, [true, true]);
    sound(&c);
    assert_eq!(c.events.len(), n - 1);
    let e = &c.events[0];
    assert_eq!(e.description, second.description);
    assert_eq!((e.kind, e.subtype), (EventType::Other, Subtype::Verdict));
}

#[test]
fn what_is_not_there_changes_nothing() {
    let mut c = seeds();
    let before = serde_json::to_string(&c.entities).unwrap();
    let applied = apply(
        &mut c,
        &[
            Correction::Hide {
                entity: "Nobody Atall".into(),
            },
            Correction::Merge {
                entity: "Nobody Atall".into(),
                into: "Nowhere Land".into(),
            },
        ],
    );
    assert_eq!(applied, [false, false]);
    assert_eq!(serde_json::to_string(&c.entities).unwrap(), before);
}

#[test]
fn type_codes_name_subtypes() {
    assert_eq!(subtype_of("meeting"), Some(Subtype::Meeting));
    assert_eq!(subtype_of("verdict"), Some(Subtype::Verdict));
    assert_eq!(subtype_of("military"), Some(Subtype::Attack));
    assert_eq!(subtype_of("Phone-Call"), Some(Subtype::PhoneCall));
    assert_eq!(subtype_of("party"), None);
    assert_eq!(kind_of("place"), Some(EntityKind::Place));
    assert_eq!(kind_of("per"), Some(EntityKind::Person));
    assert_eq!(kind_of("thing"), None);
}

#[test]
fn corrections_read_as_json_lines() {
    let c = Correction::Merge {
        entity: "A".into(),
        into: "B".into(),
    };
    let line = serde_json::to_string(&c).unwrap();
    assert_eq!(line, r#"{"merge":{"entity":"A","into":"B"}}"#);
    assert_eq!(serde_json::from_str::<Correction>(&line).unwrap(), c);
    let r: Correction = serde_json::from_str(r#"{"retype":{"entity":"A","kind":"org"}}"#).unwrap();
    assert_eq!(
        r,
        Correction::Retype {
            entity: "A".into(),
            kind: EntityKind::Org
        }
    );
}
