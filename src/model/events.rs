//! Merging event reports: the same event told by several sentences or
//! articles becomes one event listing every report. Two reports are one
//! event when their dates agree (equal, or one containing the other) and
//! they share the type and, across articles, a participant or the place.
//! Descriptions of merged events, in the article's language.

use std::collections::hash_map::Entry;

use rustc_hash::FxHashMap;

use crate::extract::date::{DatePoint, Precision};
use crate::extract::kind::{EventType, Subtype};

use super::{ArticleId, EntityId, Report};

mod describe;
pub use describe::{Description, describe};

/// One sentence's event, with entities resolved.
#[derive(Debug, Clone)]
pub struct Sighting {
    pub article: ArticleId,
    pub sentence: usize,
    pub date: DatePoint,
    pub kind: EventType,
    pub subtype: Subtype,
    pub participants: Vec<EntityId>,
    pub place: Option<EntityId>,
    /// How the text introduced the place (`en`, `à`, `in the`).
    pub place_preposition: Option<String>,
    /// What the sentence says happened, for the description.
    pub gist: Gist,
}

/// The words of a report that say what happened: the trigger and what
/// follows it in its clause (`sentenced to seven years in prison`), and the
/// participants named before the trigger, who did it or had it done to them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gist {
    pub words: String,
    pub agents: Vec<EntityId>,
}

/// A merged event before ids and descriptions.
#[derive(Debug, Clone)]
pub struct Merged {
    pub date: DatePoint,
    pub kind: EventType,
    pub participants: Vec<EntityId>,
    pub place: Option<EntityId>,
    pub subtype: Subtype,
    pub reports: Vec<Report>,
    pub place_preposition: Option<String>,
    /// Subtypes given by the reports, with how many gave each.
    pub kinds: Vec<(Subtype, usize)>,
    /// The first report's gist.
    pub gist: Gist,
}

/// Whether two reports' subtypes are of one kind of event for merging: the
/// same schema type, and within `other` the same subtype, as `other` holds
/// happenings too unlike to merge on the day alone (a verdict and a strike).
fn same_class(a: Subtype, b: Subtype) -> bool {
    a.kind() == b.kind() && (a.kind() != EventType::Other || a == b)
}

/// A number per class of [`same_class`], for the merge index's keys.
fn class_code(s: Subtype) -> u64 {
    match s.kind() {
        EventType::Other => EventType::ALL.len() as u64 + s as u64,
        k => k as u64,
    }
}

fn same_event(m: &Merged, s: &Sighting) -> bool {
    let shared = s.participants.iter().any(|p| m.participants.contains(p))
        || (s.place.is_some() && s.place == m.place);
    let same_kind = m.kinds.iter().any(|(k, _)| same_class(*k, s.subtype));
    if m.date == s.date {
        // A day is precise enough for the type alone to tell; a month or a
        // year holds too many events for that, and any day too many
        // statements (a speaker in Geneva, another in Tokyo).
        // (Strikes happen many times a day in many places: two that name
        // actors, none of them shared, are two. A trial's sentences name
        // the accused, then their lawyer: its reports stay one.)
        let many_a_day = s.kind == EventType::Military
            && (!s.participants.is_empty() || s.place.is_some())
            && (!m.participants.is_empty() || m.place.is_some());
        return if s.date.precision() == Precision::Day && s.kind != EventType::Statement {
            shared || same_kind && !many_a_day
        } else if s.date.precision() == Precision::Day {
            shared
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
fn key(actor: Option<Actor>, kind: Option<Subtype>, date: Option<DatePoint>) -> u64 {
    let actor = match actor {
        None => 0,
        Some(Actor::Participant(e)) => u64::from(e.0) << 1 | 1,
        Some(Actor::Place(e)) => u64::from(e.0) << 1,
    };
    let kind = kind.map_or(0, |k| (class_code(k) + 1) & 0x7F);
    let date = date.map_or(0, |d| {
        let year = u64::from(d.year as u16);
        let month = u64::from(d.month.unwrap_or(0) & 0xF);
        let day = u64::from(d.day.unwrap_or(0) & 0x1F);
        year << 9 | month << 5 | day
    });
    actor << 32 | kind << 25 | date
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
            consider(&mut self.day_kind.get(key(None, Some(s.subtype), Some(s.date))));
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
    kinds: Vec<Subtype>,
    date_changed: bool,
}

/// Merges sightings into events, keeping the finer date of merged reports,
/// one sighting at a time in the order they are given: the build hands
/// over a long article's sightings as it finds them, a few per sentence,
/// rather than holding them all at once.
#[derive(Default)]
pub struct Merger {
    out: Vec<Merged>,
    index: MergeIndex,
}

impl Merger {
    /// Takes in the next sighting.
    pub fn add(&mut self, s: Sighting) {
        let Merger { out, index } = self;
        match index.find(out, &s) {
            Some(i) => {
                let added = out[i].absorb(s);
                index.add(i, &out[i], &added);
            }
            None => {
                let m = Merged::from(s);
                let added = Added {
                    actors: actors(&m.participants, m.place).collect(),
                    kinds: vec![m.subtype],
                    date_changed: false,
                };
                index.add(out.len(), &m, &added);
                out.push(m);
            }
        }
    }

    /// The merged events, by date.
    pub fn finish(self) -> Vec<Merged> {
        let mut out = self.out;
        sort_by_date(&mut out);
        out
    }
}

fn sort_by_date(events: &mut [Merged]) {
    events.sort_by(|a, b| {
        a.date
            .cmp(&b.date)
            .then(a.kind.cmp(&b.kind))
            .then(a.subtype.cmp(&b.subtype))
    });
}

impl From<Sighting> for Merged {
    /// A new event of one report.
    fn from(s: Sighting) -> Merged {
        Merged {
            date: s.date,
            kind: s.kind,
            subtype: s.subtype,
            participants: s.participants,
            place: s.place,
            place_preposition: s.place_preposition,
            reports: vec![Report {
                article: s.article,
                sentence: s.sentence,
            }],
            kinds: vec![(s.subtype, 1)],
            gist: s.gist,
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
        match self.kinds.iter_mut().find(|(k, _)| *k == s.subtype) {
            Some((_, n)) => *n += 1,
            None => {
                self.kinds.push((s.subtype, 1));
                added.kinds.push(s.subtype);
            }
        }
        self.kind = majority(self.kinds.iter().map(|&(k, n)| (k.kind(), n)));
        let kind = self.kind;
        self.subtype = majority(self.kinds.iter().copied().filter(|(k, _)| k.kind() == kind));
        added
    }
}

/// The value most reports give, the first one's on a tie; `counts` lists
/// values in order of first report and may repeat one.
fn majority<T: Copy + PartialEq>(counts: impl Iterator<Item = (T, usize)> + Clone) -> T {
    let total = |v: T| -> usize {
        counts
            .clone()
            .filter(|&(w, _)| w == v)
            .map(|(_, n)| n)
            .sum()
    };
    let mut best: Option<(T, usize)> = None;
    for (v, _) in counts.clone() {
        let n = total(v);
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((v, n));
        }
    }
    best.expect("an event has at least one report").0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn merge(sightings: Vec<Sighting>) -> Vec<Merged> {
        let mut merger = Merger::default();
        for s in sightings {
            merger.add(s);
        }
        merger.finish()
    }

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
        let kinds = [
            Subtype::Meeting,
            Subtype::Attack,
            Subtype::Visit,
            Subtype::Verdict,
            Subtype::Arrest,
        ];
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
            let subtype = kinds[next(5) as usize];
            sightings.push(Sighting {
                article: ArticleId(i / 3),
                sentence: (i % 3) as usize,
                date,
                kind: subtype.kind(),
                subtype,
                participants,
                place,
                place_preposition: None,
                gist: Gist::default(),
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

    fn s(article: u32, date: &str, subtype: Subtype, parts: &[u32]) -> Sighting {
        Sighting {
            article: ArticleId(article),
            sentence: 0,
            date: DatePoint::parse(date).unwrap(),
            kind: subtype.kind(),
            subtype,
            participants: parts.iter().map(|&p| EntityId(p)).collect(),
            place: None,
            place_preposition: None,
            gist: Gist::default(),
        }
    }

    #[test]
    fn reports_of_one_event_merge_at_the_finer_date() {
        let m = merge(vec![
            s(0, "2015", Subtype::Attack, &[1]),
            s(1, "2015-09", Subtype::Attack, &[1, 2]),
            s(2, "2015-09", Subtype::Meeting, &[5]),
            s(3, "2016-09", Subtype::Attack, &[1]),
        ]);
        assert_eq!(m.len(), 3);
        let military = m.iter().find(|e| e.kind == EventType::Military).unwrap();
        assert_eq!(military.date.to_string(), "2015-09");
        assert_eq!(military.reports.len(), 2);
    }

    #[test]
    fn unrelated_reports_stay_apart() {
        let m = merge(vec![
            s(0, "2017-11-20", Subtype::Meeting, &[1]),
            s(1, "2017-11-20", Subtype::Attack, &[2]),
            s(2, "2017-11", Subtype::Meeting, &[3]),
        ]);
        assert_eq!(m.len(), 3);
    }

    #[test]
    fn same_day_and_type_is_one_event_whose_type_is_the_majority() {
        let m = merge(vec![
            s(0, "2017-11-20", Subtype::Visit, &[1]),
            s(1, "2017-11-20", Subtype::Meeting, &[1]),
            s(2, "2017-11-20", Subtype::Meeting, &[2]),
        ]);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].kind, EventType::Meeting);
        assert_eq!(m[0].reports.len(), 3);
    }

    #[test]
    fn strikes_of_one_day_on_different_actors_are_two() {
        let m = merge(vec![
            s(0, "2024-02-22", Subtype::Attack, &[1]),
            s(0, "2024-02-22", Subtype::Attack, &[2, 3]),
            // A report that names no one joins the day's strike.
            s(1, "2024-02-22", Subtype::Attack, &[]),
        ]);
        assert_eq!(m.len(), 2);
        // A trial's sentences name the accused, then their lawyer: one trial.
        let m = merge(vec![
            s(0, "2018-10-15", Subtype::Trial, &[1]),
            s(0, "2018-10-15", Subtype::Trial, &[2]),
        ]);
        assert_eq!(m.len(), 1);
    }

    #[test]
    fn happenings_of_type_other_merge_only_with_their_own_subtype() {
        let m = merge(vec![
            s(0, "2024-03-11", Subtype::Arrest, &[1]),
            s(1, "2024-03-11", Subtype::Arrest, &[2]),
            s(2, "2024-03-11", Subtype::Strike, &[3]),
            s(3, "2024-03-11", Subtype::Strike, &[1]),
        ]);
        // Same day and subtype merge; an arrest and a strike do not, but a
        // shared participant still joins a report to an event.
        let subtypes: Vec<Subtype> = m.iter().map(|e| e.subtype).collect();
        assert_eq!(m.len(), 2, "{subtypes:?}");
        assert_eq!(m[0].reports.len() + m[1].reports.len(), 4);
    }
}
