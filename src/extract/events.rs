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
        return Vec::new();
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
}
