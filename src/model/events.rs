//! Merging event reports: the same event told by several sentences or
//! articles becomes one event listing every report. Two reports are one
//! event when their dates agree (equal, or one containing the other) and
//! they share the type and, across articles, a participant or the place.

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

/// Merges sightings into events, keeping the finer date of merged reports.
pub fn merge(sightings: Vec<Sighting>) -> Vec<Merged> {
    let mut out: Vec<Merged> = Vec::new();
    // Dates that agree share their year: only those events are compared.
    let mut by_year: std::collections::HashMap<i32, Vec<usize>> = std::collections::HashMap::new();
    for s in sightings {
        let report = Report {
            article: s.article,
            sentence: s.sentence,
        };
        let candidates = by_year.entry(s.date.year).or_default();
        if let Some(&i) = candidates.iter().find(|&&i| same_event(&out[i], &s)) {
            let m = &mut out[i];
            if s.date.precision() > m.date.precision() {
                m.date = s.date;
            }
            for p in &s.participants {
                if !m.participants.contains(p) {
                    m.participants.push(*p);
                }
            }
            if m.place.is_none() {
                m.place = s.place;
                m.place_preposition = s.place_preposition.clone();
            }
            m.reports.push(report);
            match m.kinds.iter_mut().find(|(k, _)| *k == s.kind) {
                Some((_, n)) => *n += 1,
                None => m.kinds.push((s.kind, 1)),
            }
            // The type most reports give; the first report's on a tie.
            m.kind = m
                .kinds
                .iter()
                .fold(m.kinds[0], |best, &c| if c.1 > best.1 { c } else { best })
                .0;
            continue;
        }
        candidates.push(out.len());
        out.push(Merged {
            date: s.date,
            kind: s.kind,
            participants: s.participants,
            place: s.place,
            place_preposition: s.place_preposition,
            reports: vec![report],
            kinds: vec![(s.kind, 1)],
        });
    }
    out.sort_by(|a, b| a.date.cmp(&b.date).then(a.kind.cmp(&b.kind)));
    out
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
