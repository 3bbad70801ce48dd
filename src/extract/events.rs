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
use super::kind::{EntityKind, EventType, Subtype};

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
    /// The trigger's subtype, under `kind`.
    pub subtype: Subtype,
    /// Byte range of the trigger in the article text.
    pub trigger: Range<usize>,
    /// Byte range of the trigger and the words that complete it in its
    /// clause (`condamné à cinq ans`), for the description.
    pub gist: Range<usize>,
    /// Indexes into the `actors` slice given to [`find`].
    pub participants: Vec<usize>,
    pub place: Option<usize>,
}

/// The most participants one event takes, nearest the trigger first. Real
/// clauses name a handful; a sentence of thousands of names (a pasted list,
/// a log) would otherwise make every one of its events list all of them.
const MAX_PARTICIPANTS: usize = 12;

/// Events of one sentence (`sentence` is its byte range in `text`), given
/// its dates and the actors mentioned in it.
///
/// Every lookup per date (clause bounds, nearest trigger, actors of the
/// clause) is a binary search in lists built once per sentence, so a long
/// sentence with many dates costs its length times a logarithm.
pub fn find(
    text: &str,
    sentence_index: usize,
    sentence: Range<usize>,
    dates: &[&DatedSpan],
    actors: &[Actor],
) -> Vec<EventCandidate> {
    let triggers = triggers(text, &sentence);
    find_among(text, sentence_index, sentence, &triggers, dates, actors)
}

/// The event triggers of one sentence (its byte range in `text`), in text
/// order and in article offsets: the half of [`find`] that depends on the
/// text alone, which the model can store per article.
pub fn triggers(text: &str, sentence: &Range<usize>) -> Vec<(Range<usize>, Subtype)> {
    gazetteer::get()
        .triggers_in(&text[sentence.clone()])
        .into_iter()
        .map(|(a, b, t)| (sentence.start + a..sentence.start + b, t))
        .collect()
}

/// [`find`] given the sentence's [`triggers`].
pub fn find_among(
    text: &str,
    sentence_index: usize,
    sentence: Range<usize>,
    triggers: &[(Range<usize>, Subtype)],
    dates: &[&DatedSpan],
    actors: &[Actor],
) -> Vec<EventCandidate> {
    if triggers.is_empty() {
        return untriggered(text, sentence_index, sentence, dates, actors);
    }
    let strong: Vec<(Range<usize>, Subtype)> = triggers
        .iter()
        .filter(|(_, t)| !t.is_report())
        .cloned()
        .collect();
    let dates: Vec<&DatedSpan> = dates
        .iter()
        .copied()
        .filter(|d| !is_dateline(text, &d.span))
        .collect();
    let dates = event_dates(text, &sentence, &dates);
    let clauses = Clauses::of(text, &sentence);
    // Found the first time a reported trigger asks: most sentences never do.
    let quotes = std::cell::OnceCell::new();
    let by_position = ActorsByPosition::new(actors);
    let mut out = Vec::new();
    let mut dated = std::collections::HashSet::new();
    let several_dates = dates.len() > 1;
    for d in dates {
        // `met on Wednesday, the Kremlin said on Thursday`: the date next
        // to a reporting verb dates the report, not the event.
        let own_clause = clauses.around(text, &d.span, d.span.start, d.span.end);
        let governor = governing(triggers, &d.span, &own_clause);
        // `the death toll rose to 85 on Saturday`: an update, no event.
        if governor.is_some_and(|t| t.is_update()) {
            continue;
        }
        let reported = governor.is_some_and(|t| t.is_report());
        if several_dates && reported {
            continue;
        }
        let pool = if strong.is_empty() {
            triggers
        } else {
            &strong[..]
        };
        let Some((trigger, subtype)) = nearest(pool, &d.span).cloned() else {
            continue;
        };
        // `X said on Wednesday that it was "too early to declare victory"`:
        // the date is the saying's, and the happening lies in another clause.
        // (`said on Monday that Moscow remained "open to negotiations"`:
        // words quoted whole are the saying's.)
        if reported
            && !subtype.is_report()
            && (!overlaps(&own_clause, &trigger)
                || quotes
                    .get_or_init(|| Quotes::of(text, &sentence))
                    .around(&trigger))
        {
            continue;
        }
        let reach = trigger.start.max(d.span.start);
        let trigger_clause = clauses.around(text, &d.span, trigger.start, trigger.end);
        if subtype.is_update() || hedged(text, &trigger_clause, reach) {
            continue;
        }
        if dated.contains(&d.date) {
            continue;
        }
        let (from, to) = (trigger.start.min(d.span.start), trigger.end.max(d.span.end));
        let clause = clauses.around(text, &d.span, from, to);
        let pivot = trigger.start.min(d.span.start);
        let in_clause = by_position.nearest(&clause, pivot);
        // A clause that names no actor borrows the sentence's.
        let pool: Vec<usize> = if in_clause.iter().any(|&i| is_participant(&actors[i])) {
            in_clause
        } else {
            by_position.nearest(&sentence, pivot)
        };
        let place = place_of(actors, &pool, &trigger, &d.span);
        let participants = pool
            .iter()
            .copied()
            .filter(|&i| Some(i) != place && is_participant(&actors[i]))
            .collect();
        dated.insert(d.date);
        let gist = gist(text, &trigger, &d.span, clauses.next_break(trigger.end));
        out.push(EventCandidate {
            sentence: sentence_index,
            date: d.date,
            kind: subtype.kind(),
            subtype,
            trigger,
            gist,
            participants,
            place,
        });
    }
    // `Next year's talks, COP29, will be held in November 2024`: a year and
    // a month of it in one sentence date one happening, at the finer date.
    let dates: Vec<DatePoint> = out.iter().map(|e| e.date).collect();
    out.retain(|e| !dates.iter().any(|d| *d != e.date && e.date.contains(d)));
    out
}

/// A dated clause that names an actor but holds no trigger still reports
/// what happened then (`Thaksin left Thailand for Dubai on Thursday`):
/// news dates what happens, in words no list can hold. Such a happening is
/// typed `other`, told by its clause's own words, and yields to any
/// triggered event its article gives the same date (see the model's
/// event step).
fn untriggered(
    text: &str,
    sentence_index: usize,
    sentence: Range<usize>,
    dates: &[&DatedSpan],
    actors: &[Actor],
) -> Vec<EventCandidate> {
    let dates: Vec<&DatedSpan> = dates
        .iter()
        .copied()
        .filter(|d| !is_dateline(text, &d.span) && !attributive(text, &d.span))
        .collect();
    if dates.is_empty() {
        return Vec::new();
    }
    let dates = event_dates(text, &sentence, &dates);
    let clauses = Clauses::of(text, &sentence);
    let quotes = std::cell::OnceCell::new();
    let by_position = ActorsByPosition::new(actors);
    let mut out = Vec::new();
    let mut dated = std::collections::HashSet::new();
    // `la journée de mardi à relever les serres couchées par le vent de
    // dimanche`: a date that completes a noun (`de dimanche`, `of Sunday`)
    // yields to one of the same clause that dates its verb.
    let verb_dated: Vec<Range<usize>> = dates
        .iter()
        .filter(|d| !of_a_noun(text, &sentence, &d.span))
        .map(|d| clauses.around(text, &d.span, d.span.start, d.span.end))
        .collect();
    for d in dates {
        let before = fold(tail(&text[sentence.start..d.span.start], 24));
        if dated.contains(&d.date) || SINCE.iter().any(|w| before.trim_end().ends_with(w)) {
            continue;
        }
        if PUBLISHED.iter().any(|w| before.trim_end().ends_with(w)) {
            continue;
        }
        let clause = clauses.around(text, &d.span, d.span.start, d.span.end);
        if hedged(text, &clause, d.span.end)
            || expected(&text[clause.clone()])
            || first_person(&text[clause.clone()])
            || ongoing_or_counted(&text[clause.clone()])
            || quotes
                .get_or_init(|| Quotes::of(text, &sentence))
                .around(&d.span)
        {
            continue;
        }
        if of_a_noun(text, &sentence, &d.span) && verb_dated.contains(&clause) {
            continue;
        }
        let Some(gist) = clause_gist(text, &clause, &d.span) else {
            continue;
        };
        let in_clause = by_position.nearest(&clause, d.span.start);
        let pool = if in_clause.iter().any(|&i| is_participant(&actors[i])) {
            in_clause
        } else {
            by_position.nearest(&sentence, d.span.start)
        };
        if !pool.iter().any(|&i| is_participant(&actors[i])) {
            continue;
        }
        let place = place_of(actors, &pool, &d.span, &d.span);
        let participants = pool
            .iter()
            .copied()
            .filter(|&i| Some(i) != place && is_participant(&actors[i]))
            .collect();
        dated.insert(d.date);
        out.push(EventCandidate {
            sentence: sentence_index,
            date: d.date,
            kind: Subtype::Other.kind(),
            subtype: Subtype::Other,
            // No word triggered it. Words that open on their verb (`a reçu
            // samedi la Palme d'or`) follow the actors named before them;
            // others are followed by those they do not name (`The scheme
            // came to light – Ohio Auditor of State`).
            trigger: if text[gist.clone()].starts_with(char::is_lowercase) {
                gist.start..gist.start
            } else {
                sentence.start..sentence.start
            },
            gist,
            participants,
            place,
        });
    }
    out
}

/// Whether a date completes a noun (`le vent de dimanche`, `the storm of
/// Sunday`) rather than dating its clause's verb.
fn of_a_noun(text: &str, sentence: &Range<usize>, date: &Range<usize>) -> bool {
    let before = text[sentence.start..date.start].trim_end();
    let last = before
        .rsplit(|c: char| c.is_whitespace() || c == '\'' || c == '’')
        .next()
        .unwrap_or("");
    matches!(last, "de" | "du" | "of") || before.ends_with("d'") || before.ends_with("d’")
}

/// Words right before a date that make it the date of the text that tells
/// (`dans un message publié mardi`), folded.
const PUBLISHED: &[&str] = &[
    "publie",
    "publiee",
    "diffuse",
    "diffusee",
    "published",
    "posted",
    "dated",
];

/// Whether a clause tells how things stood rather than what happened: an
/// English progressive (`was moving west`) or a figure (`ont levé deux
/// milliards d'euros en 2024`, `3 % sur un an en août`, `jumped 14%`).
/// Without a trigger word, nothing else says that such a clause reports a
/// happening.
fn ongoing_or_counted(clause: &str) -> bool {
    if clause.contains(['%', '$', '€', '£']) {
        return true;
    }
    let words: Vec<String> = clause
        .split_whitespace()
        .map(|w| fold(w.trim_matches(|c: char| !c.is_alphanumeric())))
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        let progressive = matches!(w.as_str(), "was" | "were" | "is" | "are")
            && words
                .get(i + 1)
                .is_some_and(|n| n.len() > 4 && n.ends_with("ing"));
        progressive || MONEY.contains(&w.as_str())
    })
}

/// `King Charles is expected to ask Starmer`: without a trigger that
/// schedules it, an expected happening is a forecast.
fn expected(clause: &str) -> bool {
    let clause = fold(clause);
    EXPECTED.iter().any(|w| clause.contains(w))
}

/// `Lundi, je retourne au travail`: someone quoted telling of themselves.
fn first_person(clause: &str) -> bool {
    clause.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
        matches!(w, "je" | "Je" | "I" | "we" | "We")
            || w.starts_with("j'")
            || w.starts_with("J'")
            || w.starts_with("j’")
            || w.starts_with("J’")
    })
}

/// Words that make a clause a forecast, folded.
const EXPECTED: &[&str] = &["expected to", "likely to"];

/// Words of an amount of money, folded.
const MONEY: &[&str] = &[
    "euro",
    "euros",
    "dollar",
    "dollars",
    "million",
    "millions",
    "milliard",
    "milliards",
    "billion",
    "billions",
    "livres",
    "pounds",
    "yuans",
    "yens",
    "roubles",
];

/// `a 1990-batch officer`, `the 2024-25 season`: a year that qualifies a
/// noun dates no happening.
fn attributive(text: &str, span: &Range<usize>) -> bool {
    let mut after = text[span.end..].chars();
    matches!(after.next(), Some('-' | '‐' | '‑')) && after.next().is_some_and(char::is_alphanumeric)
}

/// Words for a part of the day, folded, that follow a day's name.
const TIMES_OF_DAY: &[&str] = &[
    "matin",
    "midi",
    "apres-midi",
    "soir",
    "soiree",
    "morning",
    "afternoon",
    "evening",
    "night",
];

/// The most words of a clause a happening's own words take.
const CLAUSE_GIST_WORDS: usize = 14;

/// The words of the date's clause that tell what happened, without the
/// date when it opens or closes them, cut to [`CLAUSE_GIST_WORDS`];
/// `None` when the clause holds fewer than two lowercase words of three
/// letters or more that are not function words (`Corvane Oct. 2, 2024. in
/// Seattle`, a caption, tells nothing).
fn clause_gist(text: &str, clause: &Range<usize>, date: &Range<usize>) -> Option<Range<usize>> {
    let g = gazetteer::get();
    let trim = |r: Range<usize>| -> Range<usize> {
        let piece = &text[r.clone()];
        let lead = piece.len()
            - piece
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .len();
        let body = piece[lead..].trim_end_matches(|c: char| !c.is_alphanumeric() && c != '%');
        r.start + lead..r.start + lead + body.len()
    };
    let words = |r: &Range<usize>| {
        text[r.clone()]
            .split_whitespace()
            .filter(|w| !g.is_stopword(w))
            .count()
    };
    let before = trim(clause.start..date.start.max(clause.start));
    let mut after = trim(date.end.min(clause.end)..clause.end);
    // `jeudi soir la décision`, `on Monday night and joined`: the time of
    // day belongs to the date.
    if let Some(word) = text[after.clone()].split_whitespace().next()
        && TIMES_OF_DAY.contains(&fold(word).as_str())
    {
        after = trim(after.start + word.len()..after.end);
    }
    let content = [&before, &after]
        .iter()
        .flat_map(|r| text[(*r).clone()].split_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| {
            w.chars().count() >= 3
                && w.chars().next().is_some_and(char::is_lowercase)
                && !g.is_stopword(w)
        })
        .count();
    if content < 2 {
        return None;
    }
    // A date inside the clause stays in its words (`left Thailand on
    // Thursday for Dubai`); one at an end is the timeline's to show.
    let piece = match (words(&before), words(&after)) {
        (0, _) => after,
        (_, 0) => before,
        _ => before.start..after.end,
    };
    // Word ends, without a last function word (`for Dubai on a private
    // jet on` of a date after `on`).
    let mut ends: Vec<(usize, usize)> = text[piece.clone()]
        .split_whitespace()
        .take(CLAUSE_GIST_WORDS)
        .map(|w| {
            let at = w.as_ptr() as usize - text.as_ptr() as usize;
            (at, at + w.len())
        })
        .collect();
    while ends.len() > 1
        && ends.last().is_some_and(|&(a, b)| {
            let word = &text[a..b];
            word.chars().count() <= 4 && g.is_stopword(word)
        })
    {
        ends.pop();
    }
    let end = ends.last().map_or(piece.start, |&(_, b)| b);
    Some(trim(piece.start..end))
}

/// The actors of a sentence in text order, to find those of a clause by
/// binary search.
struct ActorsByPosition<'a> {
    actors: &'a [Actor],
    /// Indexes into `actors`, by span start.
    order: Vec<usize>,
}

impl<'a> ActorsByPosition<'a> {
    fn new(actors: &'a [Actor]) -> Self {
        let mut order: Vec<usize> = (0..actors.len()).collect();
        order.sort_by_key(|&i| actors[i].span.start);
        ActorsByPosition { actors, order }
    }

    /// The actors starting inside `range`, in the order of `actors`; when
    /// there are more than a clause can hold, those nearest `pivot`.
    fn nearest(&self, range: &Range<usize>, pivot: usize) -> Vec<usize> {
        let start = |i: &usize| self.actors[*i].span.start;
        let lo = self.order.partition_point(|i| start(i) < range.start);
        let hi = self.order.partition_point(|i| start(i) < range.end);
        let inside = &self.order[lo..hi];
        let mut picked: Vec<usize> = if inside.len() <= MAX_PARTICIPANTS * 2 {
            inside.to_vec()
        } else {
            // Widen from the pivot outwards, one actor at a time.
            let mut right = inside.partition_point(|i| start(i) < pivot);
            let mut left = right;
            let mut picked = Vec::with_capacity(MAX_PARTICIPANTS * 2);
            while picked.len() < MAX_PARTICIPANTS * 2 && (left > 0 || right < inside.len()) {
                let take_left = right == inside.len()
                    || left > 0
                        && pivot - start(&inside[left - 1]) <= start(&inside[right]) - pivot;
                if take_left {
                    left -= 1;
                    picked.push(inside[left]);
                } else {
                    picked.push(inside[right]);
                    right += 1;
                }
            }
            picked
        };
        picked.sort_unstable();
        let mut participants = 0;
        picked.retain(|&i| {
            let keep = participants < MAX_PARTICIPANTS || !is_participant(&self.actors[i]);
            participants += usize::from(is_participant(&self.actors[i]));
            keep
        });
        picked
    }
}

/// Dates that say when something happened. A `depuis`/`since` date gives
/// way when the sentence has another one: it dates a state, not the event.
/// A `jusqu'au`/`until` date ends a span (`le procès doit durer jusqu'au 23
/// novembre`) and dates no event.
fn event_dates<'a>(
    text: &str,
    sentence: &Range<usize>,
    dates: &[&'a DatedSpan],
) -> Vec<&'a DatedSpan> {
    let opened_by = |d: &DatedSpan, words: &[&str]| {
        // Only the last words before the date can say `depuis`.
        let before = tail(&text[sentence.start..d.span.start], 24);
        let before = fold(before.trim_end());
        let span = fold(tail_free_head(&text[d.span.clone()], 24));
        words
            .iter()
            .any(|w| before.ends_with(w) || span.starts_with(w))
    };
    let held_off = |d: &DatedSpan| {
        let before = fold(tail(&text[sentence.start..d.span.start], 32));
        NOT_HELD.iter().any(|w| before.contains(w))
    };
    // `next week`, `la semaine dernière`: a week no day of which is named
    // cannot date a happening at the precision a report of it would carry.
    let a_week = |d: &DatedSpan| {
        let span = fold(tail_free_head(&text[d.span.clone()], 24));
        WEEKS.iter().any(|w| span.contains(w))
    };
    let dates: Vec<&DatedSpan> = dates
        .iter()
        .copied()
        .filter(|d| !opened_by(d, UNTIL) && !held_off(d) && !a_week(d))
        .collect();
    let dates = one_per_range(text, sentence, dates);
    let plain: Vec<&DatedSpan> = dates
        .iter()
        .copied()
        .filter(|d| !opened_by(d, SINCE))
        .collect();
    if plain.is_empty() { dates } else { plain }
}

/// The words of a date that names a week, folded.
const WEEKS: &[&str] = &["week", "semaine"];

/// Words shortly before a date that make it a date that did not or need
/// not hold (`le scrutin, initialement fixé au 25 février`, `au plus tard
/// vendredi`), folded.
const NOT_HELD: &[&str] = &[
    "initialement",
    "originally",
    "au plus tard",
    "no later than",
];

/// Two dates that bound one span (`de 2011 à 2015`, `between 2014 and
/// 2016`, `from Tuesday to Thursday`) are one event, dated by the first;
/// a night (`dans la nuit de mardi à mercredi`) is dated by its morning.
fn one_per_range<'a>(
    text: &str,
    sentence: &Range<usize>,
    dates: Vec<&'a DatedSpan>,
) -> Vec<&'a DatedSpan> {
    let mut out: Vec<&'a DatedSpan> = Vec::with_capacity(dates.len());
    let mut skip_next = false;
    for (i, d) in dates.iter().enumerate() {
        if skip_next {
            skip_next = false;
            continue;
        }
        let Some(next) = dates.get(i + 1) else {
            out.push(d);
            continue;
        };
        let gap = text
            .get(d.span.end..next.span.start)
            .map(|g| fold(g.trim()));
        let joined = gap.as_deref().is_some_and(|g| RANGE_JOINS.contains(&g));
        let opener = fold(tail(&text[sentence.start..d.span.start], 16).trim_end());
        let opened = RANGE_OPENERS.iter().any(|w| opener.ends_with(w));
        // `on Tuesday and Wednesday next week`: consecutive days of one event.
        let days_apart = match (d.date.naive(), next.date.naive()) {
            (Some(a), Some(b)) => Some((b - a).num_days().abs()),
            _ => None,
        };
        let adjacent = gap.as_deref().is_some_and(|g| g == "and" || g == "et")
            && days_apart.is_some_and(|n| n <= 3);
        if joined && opened || adjacent {
            let night = NIGHT.iter().any(|w| opener.ends_with(w));
            out.push(if night { next } else { d });
            skip_next = true;
        } else {
            out.push(d);
        }
    }
    out
}

/// What stands between the two ends of a range, folded.
const RANGE_JOINS: &[&str] = &["a", "au", "and", "to", "-", "–", "et"];
/// What opens a range before its first end, folded.
const RANGE_OPENERS: &[&str] = &["de", "du", "entre", "from", "between", "nuit de", "nuit du"];
const NIGHT: &[&str] = &["nuit de", "nuit du", "night of"];

/// Words before a date that make it the start of a state (folded).
const SINCE: &[&str] = &["depuis", "since"];
/// Words before a date that make it the end of a span (folded).
const UNTIL: &[&str] = &["jusqu'", "jusqu'au", "jusqu'a", "jusqu'en", "until"];

/// The last `n` characters of `s` at most.
fn tail(s: &str, n: usize) -> &str {
    let from = s.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &s[from..]
}

/// The first `n` characters of `s` at most.
fn tail_free_head(s: &str, n: usize) -> &str {
    let to = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    &s[..to]
}

/// The trigger closest to the date; statements only when nothing else is there.
fn distance(r: &Range<usize>, date: &Range<usize>) -> usize {
    if r.end <= date.start {
        date.start - r.end
    } else {
        r.start.saturating_sub(date.end)
    }
}

/// The trigger of `sorted` (in text order, not overlapping) nearest the
/// date, the earlier one on a tie: the last one ending before the date or
/// the first one after it.
fn nearest<'t>(
    sorted: &'t [(Range<usize>, Subtype)],
    date: &Range<usize>,
) -> Option<&'t (Range<usize>, Subtype)> {
    let after = sorted.partition_point(|(r, _)| r.end <= date.start);
    let before = after.checked_sub(1).map(|i| &sorted[i]);
    match (before, sorted.get(after)) {
        (Some(b), Some(a)) if distance(&a.0, date) < distance(&b.0, date) => Some(a),
        (Some(b), _) => Some(b),
        (None, a) => a,
    }
}

/// The subtype of the trigger that governs a date: the nearest one in the
/// date's clause, else the nearest in the sentence.
fn governing(
    triggers: &[(Range<usize>, Subtype)],
    date: &Range<usize>,
    clause: &Range<usize>,
) -> Option<Subtype> {
    let lo = triggers.partition_point(|(r, _)| r.start < clause.start);
    let hi = triggers.partition_point(|(r, _)| r.start < clause.end);
    let pool = if lo == hi {
        triggers
    } else {
        &triggers[lo..hi]
    };
    nearest(pool, date).map(|&(_, t)| t)
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Words that make what follows them in a clause a possibility, not a
/// happening (`another storm could form next week`), folded.
const HEDGES: &[&str] = &[
    "could",
    "might",
    "pourrait",
    "pourraient",
    "risque de",
    "risquent de",
    "menace de",
    "threatens to",
    "threatened to",
    // An intention or a refusal is no happening (`n'avait aucune intention
    // de négocier`, `refused to meet`).
    "intention de",
    "intention to",
    "intends to",
    "intend to",
    "refuse de",
    "refusé de",
    "refusent de",
    "refuse to",
    "refuses to",
    "refused to",
];

/// Whether a hedge stands in the trigger's clause before `reach` (the
/// later of the trigger and the date: `le typhon pourrait toucher terre
/// jeudi`).
fn hedged(text: &str, clause: &Range<usize>, reach: usize) -> bool {
    let before = &text[clause.start..reach.clamp(clause.start, clause.end)];
    // (`n'avait "aucune intention" de négocier`: quotes do not cut a hedge.)
    let words: Vec<&str> = before
        .split(|c: char| c.is_whitespace() || matches!(c, '"' | '«' | '»' | '“' | '”'))
        .filter(|w| !w.is_empty())
        .collect();
    let before = format!(" {} ", fold(&words.join(" ")));
    HEDGES.iter().any(|h| {
        before.match_indices(h).any(|(i, _)| {
            let (a, b) = (&before[..i], &before[i + h.len()..]);
            a.ends_with(|c: char| !c.is_alphanumeric())
                && b.starts_with(|c: char| !c.is_alphanumeric())
        })
    })
}

fn is_participant(a: &Actor) -> bool {
    match a.kind {
        // A named conference or competition is what opens or is played
        // (`la COP28 s'est ouverte`), as much as a body is.
        EntityKind::Person | EntityKind::Org | EntityKind::Misc => true,
        // A place named without `à`/`en` acts (`la Turquie et la Syrie ont rompu`).
        EntityKind::Place => !a.place_preposition,
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

/// The most words after the trigger that a gist takes: enough for `à cinq
/// ans de prison`, few enough for a timeline line.
const GIST_WORDS: usize = 5;

/// The trigger and up to [`GIST_WORDS`] words after it, stopping at the end
/// of its clause or at the event's date (`sentenced to seven years` of
/// `sentenced to seven years on Thursday`), without trailing short
/// function words (`à`, `of the`).
fn gist(
    text: &str,
    trigger: &Range<usize>,
    date: &Range<usize>,
    clause_end: usize,
) -> Range<usize> {
    let limit = if date.start >= trigger.end {
        clause_end.min(date.start)
    } else {
        clause_end
    };
    let rest = &text[trigger.end..limit.max(trigger.end)];
    let mut ends: Vec<(usize, usize)> = rest
        .split_whitespace()
        .take(GIST_WORDS)
        .map(|w| {
            let start = w.as_ptr() as usize - rest.as_ptr() as usize;
            let word = w.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '%');
            (trigger.end + start, trigger.end + start + word.len())
        })
        .take_while(|&(s, e)| e > s)
        .collect();
    let g = gazetteer::get();
    while let Some(&(s, _)) = ends.last() {
        let word = &text[s..ends.last().map_or(s, |&(_, e)| e)];
        if word.chars().count() <= 4 && g.is_stopword(word) {
            ends.pop();
        } else {
            break;
        }
    }
    trigger.start..ends.last().map_or(trigger.end, |&(_, e)| e)
}

/// Marks that close a clause: commas, parentheses, quotes, dashes, colons.
/// The quotation marks of one sentence, found once: whether a trigger lies
/// inside a quotation is then two binary searches, not a scan per date.
struct Quotes {
    /// Offsets of opening marks, and of closing ones (`"` alternates).
    opens: Vec<usize>,
    closes: Vec<usize>,
}

impl Quotes {
    fn of(text: &str, sentence: &Range<usize>) -> Self {
        let (mut opens, mut closes) = (Vec::new(), Vec::new());
        let mut straight_open = false;
        for (i, c) in text[sentence.clone()].char_indices() {
            let at = sentence.start + i;
            match c {
                '«' | '“' => opens.push(at),
                '»' | '”' => closes.push(at),
                '"' => {
                    straight_open = !straight_open;
                    if straight_open {
                        opens.push(at);
                    } else {
                        closes.push(at);
                    }
                }
                _ => {}
            }
        }
        Quotes { opens, closes }
    }

    /// `trigger` lies inside a quotation: more marks opened than closed
    /// before it, and a closing one after it.
    fn around(&self, trigger: &Range<usize>) -> bool {
        let opened = self.opens.partition_point(|&o| o < trigger.start);
        let closed = self.closes.partition_point(|&c| c < trigger.start);
        opened > closed && self.closes.last().is_some_and(|&c| c >= trigger.end)
    }
}

fn is_clause_break(text: &str, at: usize) -> bool {
    let rest = &text[at..];
    rest.starts_with([',', ';', ':', '(', ')', '«', '»', '"', '“', '”', '—', '–'])
        || rest.starts_with(" - ")
}

/// The clause breaks of one sentence, found once.
struct Clauses {
    sentence: Range<usize>,
    /// Byte offsets (in the text) of each break character, and its length.
    breaks: Vec<(usize, usize)>,
}

impl Clauses {
    fn of(text: &str, sentence: &Range<usize>) -> Self {
        let mut breaks: Vec<(usize, usize)> = text[sentence.clone()]
            .char_indices()
            .filter(|&(i, _)| is_clause_break(text, sentence.start + i))
            .map(|(i, c)| (sentence.start + i, c.len_utf8()))
            .collect();
        // `avoir eu jeudi un « long entretien » téléphonique`: quotes around
        // a few words with no break inside quote a phrase of the clause,
        // they do not open a clause of their own.
        // One pass, compacting in place: removing each pair with `drain`
        // made a sentence of many short quotations quadratic.
        let mut kept = 0;
        let mut k = 0;
        while k < breaks.len() {
            let (open, open_len) = breaks[k];
            let short_pair = breaks.get(k + 1).is_some_and(|&(close, _)| {
                let opener = &text[open..open + open_len];
                let closer = text[close..].chars().next().unwrap_or(' ');
                matches!((opener, closer), ("«", '»') | ("“", '”') | ("\"", '"'))
                    && text[open + open_len..close]
                        .split_whitespace()
                        .take(5)
                        .count()
                        <= 4
            });
            if short_pair {
                k += 2;
            } else {
                breaks[kept] = breaks[k];
                kept += 1;
                k += 1;
            }
        }
        breaks.truncate(kept);
        Clauses {
            sentence: sentence.clone(),
            breaks,
        }
    }

    /// Just past the last break before `at`, or the sentence start.
    fn break_before(&self, at: usize) -> usize {
        let k = self.breaks.partition_point(|&(b, _)| b < at);
        k.checked_sub(1)
            .map_or(self.sentence.start, |k| self.breaks[k].0 + self.breaks[k].1)
    }

    /// The first break at or after `from`, or the sentence end.
    fn next_break(&self, from: usize) -> usize {
        let k = self.breaks.partition_point(|&(b, _)| b < from);
        self.breaks.get(k).map_or(self.sentence.end, |&(b, _)| b)
    }

    /// The byte range of the clauses spanning `from..to` within the
    /// sentence. A clause that holds nothing but the date (`se rend, jeudi
    /// 28 septembre, en Turquie`) is an aside: the clause after it belongs
    /// to the event too.
    fn around(&self, text: &str, date: &Range<usize>, from: usize, to: usize) -> Range<usize> {
        let start = self.break_before(from);
        let mut end = self.next_break(to);
        let date_clause = self.break_before(date.start)..self.next_break(date.end);
        let aside = text[date_clause.clone()].trim().len() <= date.len() + 4;
        if aside && date_clause.end == end && end < self.sentence.end {
            end = self.next_break(end + 1);
        }
        start..end
    }
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
mod families;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trigger_is_quoted_between_an_opening_and_a_closing_mark() {
        let text = r#"Il a dit « talks » puis "open to talks" et talks."#;
        let quotes = Quotes::of(text, &(0..text.len()));
        let nth = |n: usize| {
            let at = text.match_indices("talks").nth(n).unwrap().0;
            at..at + 5
        };
        assert!(quotes.around(&nth(0)));
        assert!(quotes.around(&nth(1)));
        assert!(!quotes.around(&nth(2)));
    }

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

    #[test]
    fn nearest_is_the_plain_scan_on_random_triggers() {
        // A small xorshift: the test needs variety, not quality.
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n as u64) as usize
        };
        for _ in 0..2000 {
            let mut at = 0;
            let triggers: Vec<(Range<usize>, Subtype)> = (0..next(6))
                .map(|_| {
                    let start = at + next(5);
                    let end = start + 1 + next(4);
                    at = end;
                    (start..end, Subtype::Meeting)
                })
                .collect();
            let start = next(at + 5);
            let date = start..start + 1 + next(4);
            let plain = triggers.iter().min_by_key(|(r, _)| distance(r, &date));
            assert_eq!(nearest(&triggers, &date), plain, "{triggers:?} {date:?}");
        }
    }

    #[test]
    fn a_sentence_of_many_names_gives_events_of_few_participants() {
        let mut t = String::from("Une rencontre a eu lieu le 20 novembre entre ");
        let mut actors = Vec::new();
        for i in 0..500 {
            let name = format!("Nom{i} Dupont");
            actors.push(t.len()..t.len() + name.len());
            t.push_str(&name);
            t.push_str(" et ");
        }
        t.push_str("les autres.");
        let d = dated(&t, "le 20 novembre", "2017-11-20");
        let actors: Vec<Actor> = actors
            .into_iter()
            .map(|span| Actor {
                span,
                kind: EntityKind::Person,
                place_preposition: false,
            })
            .collect();
        let ev = find(&t, 0, 0..t.len(), &[&d], &actors);
        assert_eq!(ev.len(), 1);
        // The names nearest the trigger and the date, in text order.
        assert_eq!(
            ev[0].participants,
            (0..MAX_PARTICIPANTS).collect::<Vec<_>>()
        );
    }

    /// A sentence, its date, its actors and whether a happening no trigger
    /// names is found there, with the words that tell it.
    type UntriggeredRow<'a> = (&'a str, &'a str, &'a str, &'a [&'a str], Option<&'a str>);

    #[test]
    fn a_dated_clause_naming_an_actor_tells_a_happening_without_a_trigger() {
        let rows: &[UntriggeredRow] = &[
            (
                "Thaksin Shinawatra left Thailand for Dubai on a private jet on Thursday.",
                "on Thursday",
                "2025-09-04",
                &["Thaksin Shinawatra", "Thailand", "Dubai"],
                Some("Thaksin Shinawatra left Thailand for Dubai on a private jet"),
            ),
            // The date inside the clause stays in its words; a time of day
            // after it does not open them.
            (
                "Around 300 tenants rallied on Tuesday in Parliament Square.",
                "on Tuesday",
                "2025-03-11",
                &["Parliament Square"],
                Some("Around 300 tenants rallied on Tuesday in Parliament Square"),
            ),
            (
                "Le 22 juin 2023, la cour d'appel de Lyon a examiné le dossier.",
                "Le 22 juin 2023",
                "2023-06-22",
                &["cour d'appel de Lyon"],
                Some("la cour d'appel de Lyon a examiné le dossier"),
            ),
            (
                "Martina Echeverría a reçu samedi soir la statuette du jury.",
                "samedi",
                "2026-05-23",
                &["Martina Echeverría"],
                Some("Martina Echeverría a reçu samedi soir la statuette du jury"),
            ),
            // No actor: nothing says who or what it happened to.
            (
                "Il a plu toute la journée du 3 mars à la campagne.",
                "3 mars",
                "2025-03-03",
                &[],
                None,
            ),
            // A caption tells nothing but names and a date.
            (
                "Corvane headquarters, Oct. 2, 2024, in Seattle.",
                "Oct. 2, 2024",
                "2024-10-02",
                &["Corvane", "Seattle"],
                None,
            ),
            // A figure, a forecast, a progressive, a speaker of themselves,
            // the date of a message, a year that qualifies a noun.
            (
                "Selon EY, les start-up ont levé deux milliards d'euros en 2024.",
                "en 2024",
                "2024",
                &["EY"],
                None,
            ),
            (
                "Shares in Harrowgate jumped 14% on Tuesday in London.",
                "on Tuesday",
                "2024-06-04",
                &["Harrowgate", "London"],
                None,
            ),
            (
                "King Charles is expected to ask Keir Starmer to form a government on Friday.",
                "on Friday",
                "2024-07-05",
                &["King Charles", "Keir Starmer"],
                None,
            ),
            (
                "The ship was moving west from the Philippines towards Vietnam on Friday.",
                "on Friday",
                "2024-10-25",
                &["Vietnam", "Philippines"],
                None,
            ),
            (
                "Lundi, je retourne au travail, confie Yohan Mbemba.",
                "Lundi",
                "2024-01-15",
                &["Yohan Mbemba"],
                None,
            ),
            (
                "Gérald Darmanin s'en est félicité dans un message publié mardi matin.",
                "mardi",
                "2024-03-12",
                &["Gérald Darmanin"],
                None,
            ),
            (
                "Anil Mehta, a 1990-batch officer of the Indian Administrative Service, spoke.",
                "1990",
                "1990",
                &["Anil Mehta", "Indian Administrative Service"],
                None,
            ),
        ];
        for &(text, needle, date, names, want) in rows {
            let d = dated(text, needle, date);
            let actors: Vec<Actor> = names
                .iter()
                .map(|n| actor(text, n, EntityKind::Org, false))
                .collect();
            let ev = find(text, 0, 0..text.len(), &[&d], &actors);
            let got = ev.first().map(|e| &text[e.gist.clone()]);
            assert_eq!(got, want, "{text}");
            if let Some(e) = ev.first() {
                assert_eq!(e.subtype, Subtype::Other, "{text}");
            }
        }
    }

    #[test]
    fn a_date_that_completes_a_noun_yields_to_the_date_of_its_clause() {
        let text =
            "Les pompiers de Brestval ont dégagé mardi les routes barrées par le vent de dimanche.";
        let tuesday = dated(text, "mardi", "2026-03-10");
        let sunday = dated(text, "dimanche", "2026-03-08");
        let actors = [actor(text, "Brestval", EntityKind::Org, false)];
        let ev = find(text, 0, 0..text.len(), &[&tuesday, &sunday], &actors);
        let dates: Vec<String> = ev.iter().map(|e| format!("{:?}", e.date)).collect();
        assert_eq!(ev.len(), 1, "{dates:?}");
        assert_eq!(ev[0].date, tuesday.date);

        // Alone in its clause, such a date still dates the happening.
        let text = "Le vent de dimanche a barré les routes de Brestval.";
        let sunday = dated(text, "dimanche", "2026-03-08");
        let actors = [actor(text, "Brestval", EntityKind::Org, false)];
        let ev = find(text, 0, 0..text.len(), &[&sunday], &actors);
        assert_eq!(ev.len(), 1);
    }
}
