//! What the build keeps of one article's extraction, in a form that owns
//! its data and can be stored: the per-article half of the build, which
//! the cache keeps per article so that a start extracts only new or
//! changed texts (see `cache::articles`). The corpus-wide half (which
//! sentence-initial words are names, clustering, events, stories) runs on
//! the borrowed [`Annotations`] this converts back into, so a corpus built
//! from stored extractions is the corpus built from fresh ones.
//!
//! The event triggers of the sentences that have dates are part of it
//! ([`Triggers`]): finding them depends on the text alone, while the rest
//! of event finding needs the entities' kinds, which only the corpus-wide
//! clustering decides. So are the text's words for the search index
//! ([`TextWords`]), which the index merges rather than finds again.
//!
//! Mentions are byte spans into the text, not copies of it; the text they
//! index is the one their key was hashed from. This file is part of the
//! extractor's version (see `build.rs`): changing the form changes it.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::extract::date::DatePoint;
use crate::extract::entities::{AcronymPair, Cues, Found, MAX_TEXT_BYTES, Mention};
use crate::extract::kind::Subtype;
use crate::extract::lang::Lang;
use crate::extract::time::Candidate;
use crate::extract::{self, Annotations};
use crate::search::TextWords;

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
    /// What the build keeps of the article, extracted now.
    pub fn extract(&self) -> Extraction<'t> {
        let annotations = slim(extract::annotate(self.text, self.anchor));
        let triggers = Triggers::of(self.text, &annotations);
        Extraction {
            annotations,
            triggers,
            words: TextWords::of(self.text),
        }
    }
}

/// One article's extraction as the build uses it: the annotations, the
/// event triggers of its dated sentences, and its words for the index.
#[derive(Debug, Default)]
pub struct Extraction<'t> {
    pub annotations: Annotations<'t>,
    pub triggers: Triggers,
    pub words: TextWords,
}

/// One trigger: its byte range in the article text and its subtype.
pub type Trigger = (Range<usize>, Subtype);

/// The event triggers ([`extract::events::triggers`]) of each sentence
/// that has a temporal expression: only those can report an event. Kept
/// with the rest of an article's extraction so that a build from the
/// cache does not search the sentences again.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Triggers {
    /// (sentence, its triggers in text order), by sentence; sentences
    /// without a trigger are left out.
    by_sentence: Vec<SentenceTriggers>,
}

/// A sentence's number and its triggers in text order.
type SentenceTriggers = (usize, Vec<Trigger>);

impl Triggers {
    /// The triggers of the sentences of `a` that have date candidates.
    pub fn of(text: &str, a: &Annotations) -> Triggers {
        let by_sentence = a
            .sentences
            .iter()
            .zip(&a.date_candidates)
            .enumerate()
            .filter(|(_, (_, candidates))| !candidates.is_empty())
            .filter_map(|(si, (range, _))| {
                let found = extract::events::triggers(text, range);
                (!found.is_empty()).then_some((si, found))
            })
            .collect();
        Triggers { by_sentence }
    }

    /// The triggers of sentence `si`, in text order; none for a sentence
    /// without a date.
    pub fn of_sentence(&self, si: usize) -> &[Trigger] {
        match self.by_sentence.binary_search_by_key(&si, |(s, _)| *s) {
            Ok(at) => &self.by_sentence[at].1,
            Err(_) => &[],
        }
    }

    /// How many sentences have triggers here.
    pub fn sentences(&self) -> usize {
        self.by_sentence.len()
    }

    /// Whether every trigger lies in its sentence on character boundaries,
    /// in text order without overlaps, and the sentences are in order:
    /// what [`Triggers::of_sentence`] and the event finder's binary
    /// searches rely on.
    fn fits(&self, text: &str, sentences: &[Range<usize>]) -> Result<(), Misfit> {
        let ordered = self.by_sentence.windows(2).all(|w| w[0].0 < w[1].0);
        if !ordered {
            return Err(Misfit("triggers of sentences out of order"));
        }
        for (si, triggers) in &self.by_sentence {
            let Some(sentence) = sentences.get(*si) else {
                return Err(Misfit("triggers of a sentence past the last"));
            };
            let inside = triggers.iter().all(|(r, _)| {
                sentence.start <= r.start
                    && r.start < r.end
                    && r.end <= sentence.end
                    && text.get(r.clone()).is_some()
            });
            if !inside {
                return Err(Misfit("a trigger outside its sentence"));
            }
            if !triggers.windows(2).all(|w| w[0].0.end <= w[1].0.start) {
                return Err(Misfit("triggers out of order"));
            }
        }
        Ok(())
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
    pub triggers: Triggers,
    pub words: TextWords,
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
    /// The owned form of an extraction made by [`ToExtract::extract`] on
    /// `text`; `None` when a mention's form is not the text at its span,
    /// which the owned form could not give back.
    pub fn of(e: &Extraction, text: &str) -> Option<Extracted> {
        let a = &e.annotations;
        let exact = a
            .entities
            .mentions
            .iter()
            .all(|m| text.get(m.span()) == Some(m.text));
        if !exact {
            return None;
        }
        let mentions = a
            .entities
            .mentions
            .iter()
            .map(|m| StoredMention {
                span: m.span(),
                sentence: m.sentence(),
                initial: m.initial(),
                cues: m.cues(),
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
            triggers: e.triggers.clone(),
            words: e.words.clone(),
        })
    }

    /// Whether every span falls on character boundaries of `text`, every
    /// mention in a sentence, and every sentence has its candidates: what
    /// [`Extracted::into_extraction`] and the build index by. Stored
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
        let mentions_fit = self.mentions.iter().all(|m| {
            in_text(&m.span) && m.span.end <= MAX_TEXT_BYTES && m.sentence < self.sentences.len()
        });
        if !mentions_fit {
            return Err(Misfit("a mention outside the text"));
        }
        self.triggers.fits(text, &self.sentences)?;
        self.words.fits().map_err(Misfit)
    }

    /// The extraction of `text` this was made from. Call [`Extracted::fits`]
    /// first: spans are taken as good.
    pub fn into_extraction(self, text: &str) -> Extraction<'_> {
        let mentions = self
            .mentions
            .into_iter()
            .map(|m| {
                Mention::new(
                    &text[m.span.clone()],
                    m.span.start,
                    m.sentence,
                    m.initial,
                    m.cues,
                )
            })
            .collect();
        let annotations = Annotations {
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
        };
        Extraction {
            annotations,
            triggers: self.triggers,
            words: self.words,
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

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Vladimir Poutine a rencontré Recep Tayyip Erdogan à Sotchi le 22 octobre 2019. \
                        Un sommet sans date suivra. \
                        Le 23 octobre, la Turquie a signé un accord et annoncé un cessez-le-feu.";

    fn extraction() -> Extraction<'static> {
        let key = crate::review::text_key(TEXT);
        ToExtract {
            text: TEXT,
            text_key: &key,
            anchor: None,
        }
        .extract()
    }

    #[test]
    fn triggers_are_kept_for_the_dated_sentences_only() {
        let e = extraction();
        let a = &e.annotations;
        assert_eq!(a.sentences.len(), 3, "{:?}", a.sentences);
        // The undated middle sentence has a trigger (`sommet`) the event
        // finder never asks for.
        assert!(!extract::events::triggers(TEXT, &a.sentences[1]).is_empty());
        assert!(e.triggers.of_sentence(1).is_empty());
        for si in [0, 2] {
            let found = extract::events::triggers(TEXT, &a.sentences[si]);
            assert!(!found.is_empty(), "sentence {si}");
            assert_eq!(e.triggers.of_sentence(si), &found[..]);
        }
        assert_eq!(e.triggers.sentences(), 2);
        assert!(e.triggers.of_sentence(7).is_empty());
    }

    #[test]
    fn stored_triggers_that_do_not_fit_their_sentences_are_refused() {
        let e = extraction();
        let stored = Extracted::of(&e, TEXT).unwrap();
        stored.fits(TEXT).unwrap();
        let with = |edit: &dyn Fn(&mut Vec<SentenceTriggers>)| {
            let mut s = stored.clone();
            edit(&mut s.triggers.by_sentence);
            s.fits(TEXT)
        };
        let reversed = with(&|b| b.reverse());
        assert_eq!(reversed, Err(Misfit("triggers of sentences out of order")));
        let past_last = with(&|b| b[1].0 = 9);
        assert_eq!(
            past_last,
            Err(Misfit("triggers of a sentence past the last"))
        );
        // A trigger of the first sentence moved into the last.
        let outside = with(&|b| b[0].1[0].0 = TEXT.len() - 4..TEXT.len() - 1);
        assert_eq!(outside, Err(Misfit("a trigger outside its sentence")));
        let empty = with(&|b| b[0].1[0].0.end = b[0].1[0].0.start);
        assert_eq!(empty, Err(Misfit("a trigger outside its sentence")));
        let overlapping = with(&|b| {
            let t = b[1].1[0].clone();
            b[1].1.insert(0, t);
        });
        assert_eq!(overlapping, Err(Misfit("triggers out of order")));
    }
}
