//! Merging event reports: the same event told by several sentences or
//! articles becomes one event listing every report. Two reports are one
//! event when their dates agree (equal, or one containing the other) and
//! they share the type and, across articles, a participant or the place.

use std::collections::hash_map::Entry;

use rustc_hash::FxHashMap;

use crate::extract::date::{DatePoint, Precision};
use crate::extract::kind::{EntityKind, EventType};
use crate::extract::lang::Lang;

use super::{ArticleId, EntityId, Report};

/// One sentence's event, with entities resolved.
#[derive(Debug, Clone)]
pub struct Sighting {
    pub article: ArticleId,
    pub sentence: usize,
    pub date: DatePoint,
    pub kind: EventType,
    pub participants: Vec<EntityId>,
    pub place: Option<EntityId>,
    /// How the text introduced the place (`en`, `à`, `in the`).
    pub place_preposition: Option<String>,
}

/// A merged event before ids and descriptions.
#[derive(Debug, Clone)]
pub struct Merged {
    pub date: DatePoint,
    pub kind: EventType,
    pub participants: Vec<EntityId>,
    pub place: Option<EntityId>,
    pub reports: Vec<Report>,
    pub place_preposition: Option<String>,
    /// Types given by the reports, with how many gave each.
    pub kinds: Vec<(EventType, usize)>,
}

fn same_event(m: &Merged, s: &Sighting) -> bool {
    let shared = s.participants.iter().any(|p| m.participants.contains(p))
        || (s.place.is_some() && s.place == m.place);
    let same_kind = m.kinds.iter().any(|(k, _)| *k == s.kind);
    if m.date == s.date {
        // A day is precise enough for the type alone to tell; a month or a
        // year holds too many events for that.
        return if s.date.precision() == Precision::Day {
            same_kind || shared
        } else {
            same_kind && shared
        };
    }
    // `en 2015` and `septembre 2015` may tell one event: only when the
    // type and an actor agree too.
    let nested = m.date.contains(&s.date) || s.date.contains(&m.date);
    nested && same_kind && shared
}

/// Who an event involves, as `same_event` compares them: a participant of
/// one report and the place of another are not a shared actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Actor {
    Participant(EntityId),
    Place(EntityId),
}

fn actors(participants: &[EntityId], place: Option<EntityId>) -> impl Iterator<Item = Actor> + '_ {
    participants
        .iter()
        .map(|&p| Actor::Participant(p))
        .chain(place.map(Actor::Place))
}

/// Merged events by the keys `same_event` can succeed on, so that a report
/// is compared with the few events it may belong to instead of every event
/// of its year. Entries are never removed: a candidate is always re-checked
/// with `same_event`, so an outdated entry costs a comparison, never a wrong
/// merge.
///
/// Actors are filed without the type: an event gathers many participants
/// and types, and a key per pair of them made this index the largest thing
/// a corpus build holds (millions of keys at 100,000 articles).
#[derive(Default)]
struct MergeIndex {
    /// Same day: the type alone is enough…
    day_kind: Filed,
    /// …or an actor alone. Any other agreement needs type and actor, and
    /// dates equal or nested: by the event's exact date…
    actor_date: Filed,
    /// …by the month of an event dated to the day, for a report dated to
    /// the month…
    actor_month: Filed,
    /// …and by year, for a report dated to the year.
    actor_year: Filed,
}

/// A key of the merge index: an actor, a type and a date packed in 64
/// bits, as the index has millions of keys at 100,000 articles. Two keys
/// may pack alike (a year beyond ±32,767, an entity number beyond 2^31):
/// that only adds candidates, which `same_event` turns down.
fn key(actor: Option<Actor>, kind: Option<EventType>, date: Option<DatePoint>) -> u64 {
    let actor = match actor {
        None => 0,
        Some(Actor::Participant(e)) => u64::from(e.0) << 1 | 1,
        Some(Actor::Place(e)) => u64::from(e.0) << 1,
    };
    let kind = kind.map_or(0, |k| k as u64 + 1);
    let date = date.map_or(0, |d| {
        let year = u64::from(d.year as u16);
        let month = u64::from(d.month.unwrap_or(0) & 0xF);
        let day = u64::from(d.day.unwrap_or(0) & 0x1F);
        year << 9 | month << 5 | day
    });
    actor << 30 | kind << 25 | date
}

/// Event numbers filed under keys. A key holding one event holds it in its
/// slot; one holding more points into an arena where its events are
/// chained, newest first. Most keys hold one event, and a `Vec` per key
/// made this index the largest thing a corpus build held at once.
#[derive(Default)]
struct Filed {
    slots: FxHashMap<u64, u32>,
    /// (event, next node or `END`).
    nodes: Vec<(u32, u32)>,
}

/// Marks a slot that holds a node number rather than an event.
const CHAINED: u32 = 1 << 31;
const END: u32 = u32::MAX;

impl Filed {
    /// Files event `i` under `key`, once.
    fn push(&mut self, key: u64, i: usize) {
        let i = i as u32;
        debug_assert!(i < CHAINED, "event numbers fit in 31 bits");
        match self.slots.entry(key) {
            Entry::Vacant(e) => {
                e.insert(i);
            }
            Entry::Occupied(mut e) => {
                let slot = *e.get();
                let head = if slot & CHAINED == 0 {
                    if slot == i {
                        return;
                    }
                    self.nodes.push((slot, END));
                    self.nodes.len() as u32 - 1
                } else {
                    let head = slot & !CHAINED;
                    if self.nodes[head as usize].0 == i {
                        return;
                    }
                    head
                };
                self.nodes.push((i, head));
                e.insert(CHAINED | (self.nodes.len() as u32 - 1));
            }
        }
    }

    /// The events filed under `key`.
    fn get(&self, key: u64) -> impl Iterator<Item = usize> + '_ {
        let slot = self.slots.get(&key).copied();
        let (mut single, mut at) = match slot {
            None => (None, END),
            Some(s) if s & CHAINED == 0 => (Some(s), END),
            Some(s) => (None, s & !CHAINED),
        };
        std::iter::from_fn(move || {
            if let Some(e) = single.take() {
                return Some(e as usize);
            }
            let (event, next) = *self.nodes.get(at as usize)?;
            at = next;
            Some(event as usize)
        })
    }
}

impl MergeIndex {
    /// The first merged event (in order of creation) that `s` belongs to.
    fn find(&self, out: &[Merged], s: &Sighting) -> Option<usize> {
        let mut found: Option<usize> = None;
        let mut consider = |events: &mut dyn Iterator<Item = usize>| {
            for i in events {
                if found.is_none_or(|f| i < f) && same_event(&out[i], s) {
                    found = Some(i);
                }
            }
        };
        let s_actors = || actors(&s.participants, s.place);
        let mut by_actor = |filed: &Filed, d: DatePoint| {
            for a in s_actors() {
                consider(&mut filed.get(key(Some(a), None, Some(d))));
            }
        };
        match s.date.precision() {
            Precision::Day => {
                // The day, its month and its year.
                for p in [Precision::Day, Precision::Month, Precision::Year] {
                    by_actor(&self.actor_date, s.date.truncate(p));
                }
            }
            Precision::Month => {
                for p in [Precision::Month, Precision::Year] {
                    by_actor(&self.actor_date, s.date.truncate(p));
                }
                by_actor(&self.actor_month, s.date);
            }
            Precision::Year => by_actor(&self.actor_year, s.date),
        }
        if s.date.precision() == Precision::Day {
            consider(&mut self.day_kind.get(key(None, Some(s.kind), Some(s.date))));
        }
        found
    }

    /// Files event `i` under every key it now has, given what changed.
    fn add(&mut self, i: usize, m: &Merged, new: &Added) {
        let day = m.date.precision() == Precision::Day;
        for a in actors(&m.participants, m.place) {
            if new.date_changed || new.actors.contains(&a) {
                self.actor_date.push(key(Some(a), None, Some(m.date)), i);
                if day {
                    let month = m.date.truncate(Precision::Month);
                    self.actor_month.push(key(Some(a), None, Some(month)), i);
                }
                let year = m.date.truncate(Precision::Year);
                self.actor_year.push(key(Some(a), None, Some(year)), i);
            }
        }
        if day {
            for (k, _) in &m.kinds {
                if new.date_changed || new.kinds.contains(k) {
                    self.day_kind.push(key(None, Some(*k), Some(m.date)), i);
                }
            }
        }
    }
}

/// What a report added to an event.
#[derive(Default)]
struct Added {
    actors: Vec<Actor>,
    kinds: Vec<EventType>,
    date_changed: bool,
}

/// Merges sightings into events, keeping the finer date of merged reports.
pub fn merge(sightings: Vec<Sighting>) -> Vec<Merged> {
    let mut out: Vec<Merged> = Vec::new();
    let mut index = MergeIndex::default();
    for s in sightings {
        match index.find(&out, &s) {
            Some(i) => {
                let added = out[i].absorb(s);
                index.add(i, &out[i], &added);
            }
            None => {
                let m = Merged::from(s);
                let added = Added {
                    actors: actors(&m.participants, m.place).collect(),
                    kinds: vec![m.kind],
                    date_changed: false,
                };
                index.add(out.len(), &m, &added);
                out.push(m);
            }
        }
    }
    sort_by_date(&mut out);
    out
}

fn sort_by_date(events: &mut [Merged]) {
    events.sort_by(|a, b| a.date.cmp(&b.date).then(a.kind.cmp(&b.kind)));
}

impl From<Sighting> for Merged {
    /// A new event of one report.
    fn from(s: Sighting) -> Merged {
        Merged {
            date: s.date,
            kind: s.kind,
            participants: s.participants,
            place: s.place,
            place_preposition: s.place_preposition,
            reports: vec![Report {
                article: s.article,
                sentence: s.sentence,
            }],
            kinds: vec![(s.kind, 1)],
        }
    }
}

impl Merged {
    /// Takes in one more report of this event: the finer date, new
    /// participants, a place if it had none; says what it added.
    fn absorb(&mut self, s: Sighting) -> Added {
        let mut added = Added::default();
        if s.date.precision() > self.date.precision() {
            self.date = s.date;
            added.date_changed = true;
        }
        for p in &s.participants {
            if !self.participants.contains(p) {
                self.participants.push(*p);
                added.actors.push(Actor::Participant(*p));
            }
        }
        if self.place.is_none() {
            self.place = s.place;
            self.place_preposition = s.place_preposition;
            added.actors.extend(s.place.map(Actor::Place));
        }
        self.reports.push(Report {
            article: s.article,
            sentence: s.sentence,
        });
        match self.kinds.iter_mut().find(|(k, _)| *k == s.kind) {
            Some((_, n)) => *n += 1,
            None => {
                self.kinds.push((s.kind, 1));
                added.kinds.push(s.kind);
            }
        }
        // The type most reports give; the first report's on a tie.
        self.kind = self
            .kinds
            .iter()
            .fold(
                self.kinds[0],
                |best, &c| if c.1 > best.1 { c } else { best },
            )
            .0;
        added
    }
}

/// A short line for the timeline: `Rencontre Poutine – al-Assad à Sotchi`.
/// People go by their last name; at most three participants are named;
/// the place keeps the preposition the text gave it (`en Turquie`).
pub fn describe(
    kind: EventType,
    participants: &[(&str, EntityKind)],
    place: Option<(Option<&str>, &str)>,
    lang: Lang,
) -> String {
    let label = label(kind, lang);
    let names: Vec<String> = participants
        .iter()
        .filter(|(n, _)| place.is_none_or(|(_, p)| p != *n))
        .take(3)
        .map(|(n, k)| short_name(n, *k))
        .collect();
    let mut out = label.to_string();
    if !names.is_empty() {
        out.push(' ');
        out.push_str(&names.join(" – "));
    }
    if let Some((preposition, p)) = place {
        let default = match lang {
            Lang::Fr => "à",
            Lang::En => "in",
        };
        let preposition = preposition.map(str::to_lowercase);
        out.push(' ');
        out.push_str(preposition.as_deref().unwrap_or(default));
        out.push(' ');
        out.push_str(p);
    }
    out
}

/// A person's name without the first names that open it: `Poutine`,
/// `Le Drian`, `al-Assad`; a name with no known first name stays whole
/// (`Xi Jinping`).
fn short_name(name: &str, kind: EntityKind) -> String {
    if kind != EntityKind::Person {
        return name.to_string();
    }
    let gaz = crate::extract::gazetteer::get();
    let words: Vec<&str> = name.split(' ').collect();
    // The last word is the surname even when it is also a first name (`Paul Martin`).
    let given = words
        .iter()
        .take_while(|w| w.split('-').all(|p| gaz.is_first_name(p)))
        .count()
        .min(words.len() - 1);
    if given == 0 {
        return name.to_string();
    }
    words[given..].join(" ")
}

fn label(kind: EventType, lang: Lang) -> &'static str {
    use EventType::*;
    match (lang, kind) {
        (Lang::Fr, Meeting) => "Rencontre",
        (Lang::Fr, Summit) => "Sommet",
        (Lang::Fr, PhoneCall) => "Entretien téléphonique",
        (Lang::Fr, Visit) => "Visite",
        (Lang::Fr, Talks) => "Pourparlers",
        (Lang::Fr, Agreement) => "Accord",
        (Lang::Fr, Military) => "Action militaire",
        (Lang::Fr, Election) => "Élections",
        (Lang::Fr, Statement) => "Déclaration",
        (Lang::Fr, Other) => "Événement",
        (Lang::En, Meeting) => "Meeting",
        (Lang::En, Summit) => "Summit",
        (Lang::En, PhoneCall) => "Phone call",
        (Lang::En, Visit) => "Visit",
        (Lang::En, Talks) => "Talks",
        (Lang::En, Agreement) => "Agreement",
        (Lang::En, Military) => "Military action",
        (Lang::En, Election) => "Election",
        (Lang::En, Statement) => "Statement",
        (Lang::En, Other) => "Event",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The merge as first written: every report compared with every event
    /// of its year, first match wins. The indexed merge must find the same
    /// events (both take reports in with `absorb`).
    fn plain_merge(sightings: Vec<Sighting>) -> Vec<Merged> {
        let mut out: Vec<Merged> = Vec::new();
        for s in sightings {
            let found = (0..out.len())
                .find(|&i| out[i].date.year == s.date.year && same_event(&out[i], &s));
            match found {
                Some(i) => {
                    out[i].absorb(s);
                }
                None => out.push(Merged::from(s)),
            }
        }
        sort_by_date(&mut out);
        out
    }

    #[test]
    fn indexed_merge_equals_the_plain_scan_on_random_reports() {
        // A world small enough for reports to collide often, large enough
        // for events to stay apart: 12 actors, 3 types, two years, dates
        // mostly to the day, some to the month or year.
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let kinds = [EventType::Meeting, EventType::Military, EventType::Visit];
        let mut sightings = Vec::new();
        for i in 0..3000 {
            let year = 2016 + next(2) as i32;
            let month = 1 + next(4) as u32;
            let date = match next(10) {
                0 => DatePoint::year(year),
                1..=2 => DatePoint::month(year, month).unwrap(),
                _ => DatePoint::parse(&format!("{year}-{month:02}-{:02}", 1 + next(10))).unwrap(),
            };
            let participants = (0..next(3)).map(|_| EntityId(next(12) as u32)).collect();
            let place = (next(3) == 0).then(|| EntityId(next(12) as u32));
            sightings.push(Sighting {
                article: ArticleId(i / 3),
                sentence: (i % 3) as usize,
                date,
                kind: kinds[next(3) as usize],
                participants,
                place,
                place_preposition: None,
            });
        }
        let summary = |v: Vec<Merged>| -> Vec<String> {
            v.iter()
                .map(|m| {
                    format!(
                        "{} {:?} {:?} {:?} {:?}",
                        m.date,
                        m.kind,
                        m.participants,
                        m.place,
                        m.reports
                            .iter()
                            .map(|r| (r.article.0, r.sentence))
                            .collect::<Vec<_>>()
                    )
                })
                .collect()
        };
        let plain = summary(plain_merge(sightings.clone()));
        let indexed = summary(merge(sightings));
        assert!(plain.len() < 3000 && plain.len() > 30, "{}", plain.len());
        assert_eq!(plain, indexed);
    }

    fn s(article: u32, date: &str, kind: EventType, parts: &[u32]) -> Sighting {
        Sighting {
            article: ArticleId(article),
            sentence: 0,
            date: DatePoint::parse(date).unwrap(),
            kind,
            participants: parts.iter().map(|&p| EntityId(p)).collect(),
            place: None,
            place_preposition: None,
        }
    }

    #[test]
    fn reports_of_one_event_merge_at_the_finer_date() {
        let m = merge(vec![
            s(0, "2015", EventType::Military, &[1]),
            s(1, "2015-09", EventType::Military, &[1, 2]),
            s(2, "2015-09", EventType::Meeting, &[5]),
            s(3, "2016-09", EventType::Military, &[1]),
        ]);
        assert_eq!(m.len(), 3);
        let military = m.iter().find(|e| e.kind == EventType::Military).unwrap();
        assert_eq!(military.date.to_string(), "2015-09");
        assert_eq!(military.reports.len(), 2);
    }

    #[test]
    fn unrelated_reports_stay_apart() {
        let m = merge(vec![
            s(0, "2017-11-20", EventType::Meeting, &[1]),
            s(1, "2017-11-20", EventType::Military, &[2]),
            s(2, "2017-11", EventType::Meeting, &[3]),
        ]);
        assert_eq!(m.len(), 3);
    }

    #[test]
    fn same_day_and_type_is_one_event_whose_type_is_the_majority() {
        let m = merge(vec![
            s(0, "2017-11-20", EventType::Visit, &[1]),
            s(1, "2017-11-20", EventType::Meeting, &[1]),
            s(2, "2017-11-20", EventType::Meeting, &[2]),
        ]);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].kind, EventType::Meeting);
        assert_eq!(m[0].reports.len(), 3);
    }

    #[test]
    fn descriptions_name_people_by_surname() {
        let d = describe(
            EventType::Meeting,
            &[
                ("Jean Dupont", EntityKind::Person),
                ("Paul Martin", EntityKind::Person),
            ],
            Some((None, "Lyon")),
            Lang::Fr,
        );
        assert_eq!(d, "Rencontre Dupont – Martin à Lyon");
    }
}
