//! After corrections: entities and events that are gone are dropped, the
//! rest given ids that are positions again, and every reference, count
//! and per-article list made anew from the mentions, as the build makes
//! them.

use std::collections::HashMap;

use crate::model::{Corpus, EntityId, EventId};

pub fn entities(corpus: &mut Corpus, dead: &[bool]) {
    let mut map: Vec<Option<EntityId>> = Vec::with_capacity(dead.len());
    let mut next = 0u32;
    for &d in dead {
        map.push((!d).then(|| {
            next += 1;
            EntityId(next - 1)
        }));
    }
    let old = std::mem::take(&mut corpus.entities);
    corpus.entities = old
        .into_iter()
        .zip(&map)
        .filter_map(|(mut e, to)| {
            e.id = (*to)?;
            e.mentions = 0;
            e.articles.clear();
            Some(e)
        })
        .collect();
    for a in &mut corpus.articles {
        a.mentions.retain_mut(|m| match map[m.entity.0 as usize] {
            Some(to) => {
                m.entity = to;
                true
            }
            None => false,
        });
        let mut counts: HashMap<EntityId, usize> = HashMap::new();
        for m in &a.mentions {
            *counts.entry(m.entity).or_default() += 1;
        }
        for (&e, &n) in &counts {
            let ent = &mut corpus.entities[e.0 as usize];
            ent.mentions += n;
            ent.articles.push(a.id);
        }
        let mut ids: Vec<(EntityId, usize)> = counts.into_iter().collect();
        ids.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
        a.entities = ids.into_iter().map(|(e, _)| e).collect();
    }
    for ev in &mut corpus.events {
        ev.participants.retain_mut(|p| match map[p.0 as usize] {
            Some(to) => {
                *p = to;
                true
            }
            None => false,
        });
        ev.place = ev.place.and_then(|p| map[p.0 as usize]);
    }
    // Articles were visited in order: each entity's list is sorted.
    debug_assert!(
        corpus
            .entities
            .iter()
            .all(|e| e.articles.windows(2).all(|w| w[0] < w[1]))
    );
    // An entity no mention is left to (a split that took them all) goes
    // the way of a hidden one.
    if corpus.entities.iter().any(|e| e.mentions == 0) {
        let gone: Vec<bool> = corpus.entities.iter().map(|e| e.mentions == 0).collect();
        entities(corpus, &gone);
    }
}

pub fn events(corpus: &mut Corpus, dead: &[bool]) {
    if !dead.iter().any(|&d| d) {
        return;
    }
    let mut map: Vec<Option<EventId>> = Vec::with_capacity(dead.len());
    let mut next = 0u32;
    for &d in dead {
        map.push((!d).then(|| {
            next += 1;
            EventId(next - 1)
        }));
    }
    let old = std::mem::take(&mut corpus.events);
    corpus.events = old
        .into_iter()
        .zip(&map)
        .filter_map(|(mut e, to)| {
            e.id = (*to)?;
            Some(e)
        })
        .collect();
    for a in &mut corpus.articles {
        a.events.retain_mut(|e| match map[e.0 as usize] {
            Some(to) => {
                *e = to;
                true
            }
            None => false,
        });
    }
}
