//! Text to annotations, as pure functions: language, sentences, tokens,
//! entity mentions, temporal expressions, event triggers. No I/O, no
//! terminal, no global state beyond the built-in data tables, and nothing
//! of the rest of the project.

pub mod context;
pub mod credits;
pub mod date;
pub mod entities;
pub mod events;
pub mod fold;
pub mod gazetteer;
pub mod institutions;
pub mod kind;
pub mod lang;
pub mod sentences;
pub mod time;
pub mod tokens;

use std::ops::Range;

use date::DatePoint;
use lang::Lang;

/// A temporal expression resolved in one sentence, in article offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct DatedSpan {
    pub sentence: usize,
    pub span: Range<usize>,
    pub date: DatePoint,
    pub relative: bool,
}

/// Everything extraction finds in one article that does not need the rest
/// of the corpus.
#[derive(Debug, Default)]
pub struct Annotations<'t> {
    pub lang: Lang,
    pub sentences: Vec<Range<usize>>,
    pub entities: entities::Found<'t>,
    pub dates: Vec<DatedSpan>,
    /// A date the text gives for the article itself (`ce 21 novembre 2017`).
    pub self_date: Option<DatePoint>,
    /// The temporal expressions of each sentence before an anchor resolves
    /// them: [`Annotations::dates_at`] resolves them against another anchor
    /// without reading the text again.
    pub date_candidates: Vec<Vec<time::Candidate>>,
}

impl Annotations<'_> {
    /// The dates of every sentence resolved against `anchor`: what
    /// [`find_dates`] gives for the annotated text, its sentences and
    /// language, without scanning the text again.
    pub fn dates_at(&self, anchor: Option<DatePoint>) -> Vec<DatedSpan> {
        resolve_all(&self.sentences, &self.date_candidates, anchor)
    }
}

/// Annotates an article. `anchor` is the article's date as far as the
/// header knows it; relative expressions resolve against it (refined by a
/// date the text gives for itself).
pub fn annotate(text: &str, anchor: Option<DatePoint>) -> Annotations<'_> {
    let lang = lang::detect(text);
    let sentences = sentences::split(text);
    let entities = entities::find(text, &sentences);
    let lines = time::date_lines(text, lang);
    let dateline = time::dateline(text, lang);
    let mut date_candidates = all_candidates(text, &sentences, lang);
    let self_date = time::article_date(&lines)
        .or_else(|| time::self_date(text, anchor, lang))
        .or_else(|| {
            // The text's written dates only ever date a dateline: without
            // one, they are not read for tense at all.
            let dateline = dateline.as_ref()?;
            let evidence = dateline_evidence(text, &sentences, &date_candidates, lang, dateline);
            dateline.date(anchor, &evidence)
        });
    // Date lines and the dateline date the article, never an event.
    let stamps: Vec<Range<usize>> = lines
        .iter()
        .map(|l| l.range.clone())
        .chain(dateline.map(|d| d.range))
        .collect();
    drop_stamped(&sentences, &mut date_candidates, &stamps);
    let anchor = refine_anchor(anchor, self_date);
    let dates = resolve_all(&sentences, &date_candidates, anchor);
    Annotations {
        lang,
        sentences,
        entities,
        dates,
        self_date,
        date_candidates,
    }
}

/// The finer of the header date and the text's own date, when they agree.
pub fn refine_anchor(header: Option<DatePoint>, text: Option<DatePoint>) -> Option<DatePoint> {
    match (header, text) {
        (Some(h), Some(t)) if h.contains(&t) => Some(t),
        (Some(h), _) => Some(h),
        (None, t) => t,
    }
}

/// The dates of every sentence, resolved against `anchor`.
pub fn find_dates(
    text: &str,
    sentences: &[Range<usize>],
    anchor: Option<DatePoint>,
    lang: Lang,
) -> Vec<DatedSpan> {
    resolve_all(sentences, &all_candidates(text, sentences, lang), anchor)
}

/// The [`time::candidates`] of each sentence.
fn all_candidates(text: &str, sentences: &[Range<usize>], lang: Lang) -> Vec<Vec<time::Candidate>> {
    sentences
        .iter()
        .map(|r| time::candidates(&text[r.clone()], lang))
        .collect()
}

/// What the text says toward a dateline's year: the dates each sentence
/// writes out with their year (see [`time::Candidate::written`]), with
/// whether their clause speaks of the future, and the past weekdays of the
/// dateline's sentence and the next.
fn dateline_evidence(
    text: &str,
    sentences: &[Range<usize>],
    candidates: &[Vec<time::Candidate>],
    lang: Lang,
    dateline: &time::Dateline,
) -> time::DatelineEvidence {
    let mut written = Vec::new();
    let mut ats = Vec::new();
    for (r, c) in sentences.iter().zip(candidates) {
        let first = written.len();
        ats.clear();
        for c in c {
            if let Some(d) = c.written() {
                written.push((d, false));
                ats.push(c.span().start);
            }
        }
        let futures = time::are_future_at(&text[r.clone()], &ats, lang);
        for ((_, future), f) in written[first..].iter_mut().zip(futures) {
            *future = f;
        }
    }
    let lead = sentences
        .iter()
        .position(|r| r.end > dateline.range.start)
        .unwrap_or(0);
    let lead_weekdays = candidates
        .iter()
        .skip(lead)
        .take(2)
        .flatten()
        .filter_map(time::Candidate::past_weekday)
        .collect();
    time::DatelineEvidence {
        written,
        lead_weekdays,
    }
}

/// Removes the candidates that fall within one of the `stamps` (article
/// byte ranges of date lines and datelines).
fn drop_stamped(
    sentences: &[Range<usize>],
    candidates: &mut [Vec<time::Candidate>],
    stamps: &[Range<usize>],
) {
    if stamps.is_empty() {
        return;
    }
    for (r, c) in sentences.iter().zip(candidates) {
        if stamps.iter().all(|s| s.end <= r.start || s.start >= r.end) {
            continue;
        }
        c.retain(|c| {
            let at = r.start + c.span().start;
            !stamps.iter().any(|s| s.contains(&at))
        });
    }
}

/// Each sentence's candidates resolved against `anchor`, in article offsets.
fn resolve_all(
    sentences: &[Range<usize>],
    candidates: &[Vec<time::Candidate>],
    anchor: Option<DatePoint>,
) -> Vec<DatedSpan> {
    let mut out = Vec::new();
    for (si, (r, c)) in sentences.iter().zip(candidates).enumerate() {
        for t in time::resolve_candidates(c, anchor) {
            out.push(DatedSpan {
                sentence: si,
                span: r.start + t.start..r.start + t.end,
                date: t.date,
                relative: t.relative,
            });
        }
    }
    out
}
