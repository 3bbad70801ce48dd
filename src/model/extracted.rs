//! What the build keeps of one article's extraction, in a form that owns
//! its data and can be stored: the per-article half of the build, which
//! the cache keeps per article so that a start extracts only new or
//! changed texts (see `cache::articles`). The corpus-wide half (which
//! sentence-initial words are names, clustering, events, stories) runs on
//! the borrowed [`Annotations`] this converts back into, so a corpus built
//! from stored extractions is the corpus built from fresh ones.
//!
//! Mentions are byte spans into the text, not copies of it; the text they
//! index is the one their key was hashed from. This file is part of the
//! extractor's version (see `build.rs`): changing the form changes it.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::extract::date::DatePoint;
use crate::extract::entities::{AcronymPair, Cues, Found, Mention};
use crate::extract::lang::Lang;
use crate::extract::time::Candidate;
use crate::extract::{self, Annotations};

/// The version of the extraction that makes an [`Extracted`]: a hash of
/// its sources, data and dependencies, made by `build.rs`.
pub fn extractor_version() -> u128 {
    u128::from_str_radix(env!("REVUE_EXTRACTOR_VERSION"), 16)
        .expect("build.rs writes 32 hex digits")
}

/// One article to extract: its text, the hash of it that the cache keys
/// it by, and the date relative expressions first resolve against (the
/// feed's or the header's; it can decide the date the text gives itself).
pub struct ToExtract<'t, 'k> {
    pub text: &'t str,
    /// [`crate::review::text_key`] of `text`.
    pub text_key: &'k str,
    pub anchor: Option<DatePoint>,
}

impl<'t> ToExtract<'t, '_> {
    /// The annotations the build keeps, extracted now.
    pub fn extract(&self) -> Annotations<'t> {
        slim(extract::annotate(self.text, self.anchor))
    }
}

/// One article's extraction, owned (see the module comment).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extracted {
    pub lang: Lang,
    pub sentences: Vec<Range<usize>>,
    pub mentions: Vec<StoredMention>,
    pub acronyms: Vec<AcronymPair>,
    pub mid_sentence_capitals: Vec<String>,
    pub self_date: Option<DatePoint>,
    pub date_candidates: Vec<Vec<Candidate>>,
}

/// A [`Mention`] without its borrowed surface form, which is the text at
/// its span (an extraction whose forms are not is never stored: see
/// [`Extracted::of`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredMention {
    pub span: Range<usize>,
    pub sentence: usize,
    pub initial: bool,
    pub cues: Cues,
}

/// Why stored data does not fit the text it was looked up for.
#[derive(Debug, PartialEq, Eq)]
pub struct Misfit(pub &'static str);

impl Extracted {
    /// The owned form of annotations made by [`ToExtract::extract`] on
    /// `text`; `None` when a mention's form is not the text at its span,
    /// which the owned form could not give back.
    pub fn of(a: &Annotations, text: &str) -> Option<Extracted> {
        let exact = a
            .entities
            .mentions
            .iter()
            .all(|m| text.get(m.span.clone()) == Some(m.text));
        if !exact {
            return None;
        }
        let mentions = a
            .entities
            .mentions
            .iter()
            .map(|m| StoredMention {
                span: m.span.clone(),
                sentence: m.sentence,
                initial: m.initial,
                cues: m.cues,
            })
            .collect();
        Some(Extracted {
            lang: a.lang,
            sentences: a.sentences.clone(),
            mentions,
            acronyms: a.entities.acronyms.clone(),
            mid_sentence_capitals: a.entities.mid_sentence_capitals.clone(),
            self_date: a.self_date,
            date_candidates: a.date_candidates.clone(),
        })
    }

    /// Whether every span falls on character boundaries of `text`, every
    /// mention in a sentence, and every sentence has its candidates: what
    /// [`Extracted::into_annotations`] and the build index by. Stored
    /// data is authenticated and keyed by the text's hash, so a misfit
    /// means a bug or a collision; it is extracted again, not trusted.
    pub fn fits(&self, text: &str) -> Result<(), Misfit> {
        let in_text = |r: &Range<usize>| r.start <= r.end && text.get(r.clone()).is_some();
        if !self.sentences.iter().all(in_text) {
            return Err(Misfit("a sentence outside the text"));
        }
        if self.date_candidates.len() != self.sentences.len() {
            return Err(Misfit("date candidates for other sentences"));
        }
        let candidates_fit = self
            .sentences
            .iter()
            .zip(&self.date_candidates)
            .all(|(s, cs)| {
                cs.iter().all(|c| {
                    let r = c.span();
                    r.start <= r.end && text[s.clone()].get(r).is_some()
                })
            });
        if !candidates_fit {
            return Err(Misfit("a date outside its sentence"));
        }
        let mentions_fit = self
            .mentions
            .iter()
            .all(|m| in_text(&m.span) && m.sentence < self.sentences.len());
        if !mentions_fit {
            return Err(Misfit("a mention outside the text"));
        }
        Ok(())
    }

    /// The annotations of `text` this was made from. Call [`Extracted::fits`]
    /// first: spans are taken as good.
    pub fn into_annotations(self, text: &str) -> Annotations<'_> {
        let mentions = self
            .mentions
            .into_iter()
            .map(|m| Mention {
                text: &text[m.span.clone()],
                span: m.span,
                sentence: m.sentence,
                initial: m.initial,
                cues: m.cues,
            })
            .collect();
        Annotations {
            lang: self.lang,
            sentences: self.sentences,
            entities: Found {
                mentions,
                acronyms: self.acronyms,
                mid_sentence_capitals: self.mid_sentence_capitals,
            },
            dates: Vec::new(),
            self_date: self.self_date,
            date_candidates: self.date_candidates,
        }
    }
}

/// What the build keeps of an article's annotations while every other
/// article is annotated: not the dates resolved against the header alone
/// (the build resolves them again once the article's date is known), each
/// mid-sentence capital once, and no spare capacity (vectors grown by
/// doubling, a few items per sentence, are half empty on average).
fn slim(mut a: Annotations) -> Annotations {
    a.dates = Vec::new();
    let capitals = &mut a.entities.mid_sentence_capitals;
    capitals.sort_unstable();
    capitals.dedup();
    capitals.shrink_to_fit();
    a.sentences.shrink_to_fit();
    a.entities.mentions.shrink_to_fit();
    for c in &mut a.date_candidates {
        c.shrink_to_fit();
    }
    a.date_candidates.shrink_to_fit();
    a
}
