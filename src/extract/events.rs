//! Events in one sentence: a resolved date plus a trigger word gives an
//! event, typed by the trigger nearest the date, with the sentence's
//! actors as participants and a place introduced by `à`/`in`.
//!
//! Entity kinds come from the caller (they are decided corpus-wide);
//! merging reports of the same event across articles is the model's job.

use std::ops::Range;

use super::DatedSpan;
use super::date::DatePoint;
use super::fold::fold;
use super::gazetteer;
use super::kind::{EntityKind, EventType};

/// What the event finder needs to know of a mention.
#[derive(Debug, Clone)]
pub struct Actor {
    /// Byte range in the article text.
    pub span: Range<usize>,
    pub kind: EntityKind,
    pub place_preposition: bool,
}

/// An event reported by one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct EventCandidate {
    pub sentence: usize,
    pub date: DatePoint,
    pub kind: EventType,
    /// Byte range of the trigger in the article text.
    pub trigger: Range<usize>,
    /// Indexes into the `actors` slice given to [`find`].
    pub participants: Vec<usize>,
    pub place: Option<usize>,
}

/// Events of one sentence (`sentence` is its byte range in `text`), given
/// its dates and the actors mentioned in it.
pub fn find(
    text: &str,
    sentence_index: usize,
    sentence: Range<usize>,
    dates: &[&DatedSpan],
    actors: &[Actor],
) -> Vec<EventCandidate> {
    let s = &text[sentence.clone()];
    let triggers: Vec<(Range<usize>, EventType)> = gazetteer::get()
        .triggers_in(s)
        .into_iter()
        .map(|(a, b, t)| (sentence.start + a..sentence.start + b, t))
        .collect();
    if triggers.is_empty() {
        return Vec::new();
    }
    let dates: Vec<&DatedSpan> = dates
        .iter()
        .copied()
        .filter(|d| !is_dateline(text, &d.span))
        .collect();
    let dates = event_dates(text, &sentence, &dates);
    let mut out = Vec::new();
    let several_dates = dates.len() > 1;
    for d in dates {
        // `met on Wednesday, the Kremlin said on Thursday`: the date next
        // to a reporting verb dates the report, not the event.
        let own_clause = clause_around(text, &sentence, &d.span, d.span.start, d.span.end);
        if several_dates && nearest_is_statement(&triggers, &d.span, &own_clause) {
            continue;
        }
        let Some((trigger, kind)) = nearest_trigger(&triggers, &d.span) else {
            continue;
        };
        if out.iter().any(|e: &EventCandidate| e.date == d.date) {
            continue;
        }
        let (from, to) = (trigger.start.min(d.span.start), trigger.end.max(d.span.end));
        let clause = clause_around(text, &sentence, &d.span, from, to);
        let in_clause: Vec<usize> = (0..actors.len())
            .filter(|&i| clause.contains(&actors[i].span.start))
            .collect();
        // A clause that names no actor borrows the sentence's.
        let pool: Vec<usize> = if in_clause.iter().any(|&i| is_participant(&actors[i])) {
            in_clause
        } else {
            (0..actors.len()).collect()
        };
        let place = place_of(actors, &pool, &trigger, &d.span);
        let participants = pool
            .iter()
            .copied()
            .filter(|&i| Some(i) != place && is_participant(&actors[i]))
            .collect();
        out.push(EventCandidate {
            sentence: sentence_index,
            date: d.date,
            kind,
            trigger,
            participants,
            place,
        });
    }
    out
}

/// Dates that say when something happened. A `depuis`/`since` date gives
/// way when the sentence has another one: it dates a state, not the event.
fn event_dates<'a>(
    text: &str,
    sentence: &Range<usize>,
    dates: &[&'a DatedSpan],
) -> Vec<&'a DatedSpan> {
    let is_since = |d: &DatedSpan| {
        let before = fold(text[sentence.start..d.span.start].trim_end());
        let span = fold(&text[d.span.clone()]);
        ["depuis", "since"]
            .iter()
            .any(|w| before.ends_with(w) || span.starts_with(w))
    };
    let plain: Vec<&DatedSpan> = dates.iter().copied().filter(|d| !is_since(d)).collect();
    if plain.is_empty() {
        dates.to_vec()
    } else {
        plain
    }
}

/// The trigger closest to the date; statements only when nothing else is there.
fn distance(r: &Range<usize>, date: &Range<usize>) -> usize {
    if r.end <= date.start {
        date.start - r.end
    } else {
        r.start.saturating_sub(date.end)
    }
}

/// Whether the trigger that governs a date is a reporting verb: the
/// nearest one in the date's clause, else the nearest in the sentence.
fn nearest_is_statement(
    triggers: &[(Range<usize>, EventType)],
    date: &Range<usize>,
    clause: &Range<usize>,
) -> bool {
    let in_clause: Vec<_> = triggers
        .iter()
        .filter(|(r, _)| clause.contains(&r.start))
        .collect();
    let pool = if in_clause.is_empty() {
        triggers.iter().collect()
    } else {
        in_clause
    };
    pool.into_iter()
        .min_by_key(|(r, _)| distance(r, date))
        .is_some_and(|(_, t)| *t == EventType::Statement)
}

fn nearest_trigger(
    triggers: &[(Range<usize>, EventType)],
    date: &Range<usize>,
) -> Option<(Range<usize>, EventType)> {
    let distance = |r: &Range<usize>| distance(r, date);
    let strong: Vec<_> = triggers
        .iter()
        .filter(|(_, t)| *t != EventType::Statement)
        .collect();
    let pool = if strong.is_empty() {
        triggers.iter().collect()
    } else {
        strong
    };
    pool.into_iter().min_by_key(|(r, _)| distance(r)).cloned()
}

fn is_participant(a: &Actor) -> bool {
    match a.kind {
        EntityKind::Person | EntityKind::Org => true,
        // A place named without `à`/`en` acts (`la Turquie et la Syrie ont rompu`).
        EntityKind::Place => !a.place_preposition,
        EntityKind::Misc => false,
    }
}

/// The place introduced by a preposition nearest to the trigger or the date.
fn place_of(
    actors: &[Actor],
    pool: &[usize],
    trigger: &Range<usize>,
    date: &Range<usize>,
) -> Option<usize> {
    let pivot = trigger.start.min(date.start);
    pool.iter()
        .copied()
        .filter(|&i| actors[i].kind == EntityKind::Place && actors[i].place_preposition)
        .min_by_key(|&i| actors[i].span.start.abs_diff(pivot))
}

/// Marks that close a clause: commas, parentheses, quotes, dashes, colons.
fn is_clause_break(text: &str, at: usize) -> bool {
    let rest = &text[at..];
    rest.starts_with([',', ';', ':', '(', ')', '«', '»', '"', '“', '”', '—', '–'])
        || rest.starts_with(" - ")
}

/// The byte range of the clauses spanning `from..to` within the sentence.
/// A clause that holds nothing but the date (`se rend, jeudi 28 septembre,
/// en Turquie`) is an aside: the clause after it belongs to the event too.
fn clause_around(
    text: &str,
    sentence: &Range<usize>,
    date: &Range<usize>,
    from: usize,
    to: usize,
) -> Range<usize> {
    let break_before = |at: usize| {
        text[sentence.start..at]
            .char_indices()
            .rev()
            .find(|&(i, _)| is_clause_break(text, sentence.start + i))
            .map_or(sentence.start, |(i, c)| sentence.start + i + c.len_utf8())
    };
    let next_break = |from: usize| {
        text[from..sentence.end]
            .char_indices()
            .find(|&(i, _)| is_clause_break(text, from + i))
            .map_or(sentence.end, |(i, _)| from + i)
    };
    let start = break_before(from);
    let mut end = next_break(to);
    let date_clause = break_before(date.start)..next_break(date.end);
    let aside = text[date_clause.clone()].trim().len() <= date.len() + 4;
    if aside && date_clause.end == end && end < sentence.end {
        end = next_break(end + 1);
    }
    start..end
}

/// `MOSCOW, July 25, 2024 (Reuters) -`, `WOODSIDE, California, Nov. 15`:
/// a dateline dates the article, not an event. It opens the text with a
/// place name in capitals and a comma.
fn is_dateline(text: &str, span: &Range<usize>) -> bool {
    if span.start > 80 {
        return false;
    }
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..span.start];
    let Some((first, _)) = before.split_once(',') else {
        return false;
    };
    let letters = first.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && first.chars().all(|c| !c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dated(text: &str, needle: &str, date: &str) -> DatedSpan {
        let at = text.find(needle).unwrap();
        DatedSpan {
            sentence: 0,
            span: at..at + needle.len(),
            date: DatePoint::parse(date).unwrap(),
            relative: false,
        }
    }

    fn actor(text: &str, needle: &str, kind: EntityKind, prep: bool) -> Actor {
        let at = text.find(needle).unwrap();
        Actor {
            span: at..at + needle.len(),
            kind,
            place_preposition: prep,
        }
    }

    #[test]
    fn dated_trigger_gives_typed_event_with_place() {
        let t = "Une rencontre a eu lieu entre Jean Dupont et Paul Martin le 20 novembre à Lyon.";
        let d = dated(t, "le 20 novembre", "2017-11-20");
        let actors = [
            actor(t, "Jean Dupont", EntityKind::Person, false),
            actor(t, "Paul Martin", EntityKind::Person, false),
            actor(t, "Lyon", EntityKind::Place, true),
        ];
        let ev = find(t, 0, 0..t.len(), &[&d], &actors);
        assert_eq!(ev.len(), 1);
        assert_eq!(ev[0].kind, EventType::Meeting);
        assert_eq!(ev[0].participants, [0, 1]);
        assert_eq!(ev[0].place, Some(2));
    }

    #[test]
    fn participants_come_from_the_clauses_of_trigger_and_date() {
        let t = "Jean Dupont a rencontré Paul Martin le 20 novembre à Lyon, a indiqué Marie Curie (Le Monde).";
        let d = dated(t, "le 20 novembre", "2017-11-20");
        let actors = [
            actor(t, "Jean Dupont", EntityKind::Person, false),
            actor(t, "Paul Martin", EntityKind::Person, false),
            actor(t, "Lyon", EntityKind::Place, true),
            actor(t, "Marie Curie", EntityKind::Person, false),
            actor(t, "Le Monde", EntityKind::Org, false),
        ];
        let ev = find(t, 0, 0..t.len(), &[&d], &actors);
        assert_eq!(ev[0].participants, [0, 1]);
        assert_eq!(ev[0].place, Some(2));
    }

    #[test]
    fn the_date_of_a_report_is_not_the_date_of_the_event() {
        let t = "Putin met Assad on Wednesday, the Kremlin said on Thursday.";
        let wed = dated(t, "on Wednesday", "2024-07-24");
        let thu = dated(t, "on Thursday", "2024-07-25");
        let ev = find(t, 0, 0..t.len(), &[&wed, &thu], &[]);
        assert_eq!(ev.len(), 1);
        assert_eq!(ev[0].date.to_string(), "2024-07-24");
        assert_eq!(ev[0].kind, EventType::Meeting);
    }

    #[test]
    fn a_dateline_dates_the_article_not_an_event() {
        let t = "MOSCOW, July 25, 2024 (Reuters) - Talks went on.";
        let d = dated(t, "July 25, 2024", "2024-07-25");
        assert!(find(t, 0, 0..t.len(), &[&d], &[]).is_empty());
        let t = "WOODSIDE, California, Nov. 15, 2023 (AP) - Talks went on.";
        let d = dated(t, "Nov. 15, 2023", "2023-11-15");
        assert!(find(t, 0, 0..t.len(), &[&d], &[]).is_empty());
        let t = "Des pourparlers ont eu lieu le 15 novembre 2023.";
        let d = dated(t, "le 15 novembre 2023", "2023-11-15");
        assert_eq!(find(t, 0, 0..t.len(), &[&d], &[]).len(), 1);
    }

    #[test]
    fn no_trigger_no_event_and_since_gives_way() {
        let t = "Il pleuvait le 20 novembre.";
        assert!(
            find(
                t,
                0,
                0..t.len(),
                &[&dated(t, "le 20 novembre", "2017-11-20")],
                &[]
            )
            .is_empty()
        );
        let t = "En décembre 2022, des pourparlers ont eu lieu, une première depuis 2011.";
        let a = dated(t, "En décembre 2022", "2022-12");
        let b = dated(t, "2011", "2011");
        let ev = find(t, 0, 0..t.len(), &[&a, &b], &[]);
        assert_eq!(ev.len(), 1);
        assert_eq!(ev[0].date.to_string(), "2022-12");
        assert_eq!(ev[0].kind, EventType::Talks);
    }
}
