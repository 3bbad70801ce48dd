//! Checking an index read back from the cache against its corpus: every
//! offset list well formed, every id in range, every word UTF-8, so that
//! no lookup of a forged or damaged index can slice out of bounds or
//! panic. An index built by [`SearchIndex::new`] always passes.

use super::{Lists, SearchIndex, posting_parts};
use crate::model::Corpus;

impl<T> Lists<T> {
    /// Starts from 0, never going back, ending at the items' end.
    fn well_formed(&self) -> bool {
        self.starts.first() == Some(&0)
            && self.starts.windows(2).all(|w| w[0] <= w[1])
            && self.starts.last() == Some(&self.items.len())
    }

    fn count_is(&self, n: usize) -> bool {
        self.well_formed() && self.starts.len() == n + 1
    }
}

fn below(ids: impl IntoIterator<Item = u32>, n: usize) -> bool {
    ids.into_iter().all(|i| (i as usize) < n)
}

impl SearchIndex {
    /// Whether this index can be used with `corpus`; the first thing wrong
    /// otherwise.
    pub fn check(&self, corpus: &Corpus) -> Result<(), &'static str> {
        let (arts, ents, evts) = (
            corpus.articles.len(),
            corpus.entities.len(),
            corpus.events.len(),
        );
        // Not `len()`, which assumes the starts are there.
        let words = self.words.starts.len().saturating_sub(1);
        let rules: [(&'static str, bool); 14] = [
            ("words", self.words.well_formed() && self.words_are_text()),
            (
                "postings",
                self.postings.count_is(words)
                    && below(
                        self.postings.items.iter().map(|&p| posting_parts(p).0),
                        arts,
                    ),
            ),
            ("uncovered", below(self.uncovered.iter().copied(), arts)),
            ("entity words", self.entity_words.len() == ents),
            (
                "trigrams",
                self.trigram_words.count_is(self.trigram_keys.len())
                    && below(self.trigram_words.items.iter().copied(), words),
            ),
            (
                "entity counts",
                self.entity_counts.count_is(arts)
                    && below(self.entity_counts.items.iter().map(|p| p.0), ents),
            ),
            (
                "entity articles",
                self.entity_articles.count_is(ents)
                    && below(self.entity_articles.items.iter().copied(), arts),
            ),
            (
                "word entities",
                self.word_entities.count_is(words)
                    && below(self.word_entities.items.iter().copied(), ents),
            ),
            (
                "article events",
                self.article_events.count_is(arts)
                    && below(self.article_events.items.iter().copied(), evts),
            ),
            (
                "entity order",
                self.entity_name_rank.len() == ents
                    && self.entity_by_name.len() == ents
                    && below(self.entity_name_rank.iter().copied(), ents)
                    && below(self.entity_by_name.iter().copied(), ents),
            ),
            (
                "entity kinds",
                self.entity_kind.len() == ents && self.entity_kind.iter().all(|&k| k < 4),
            ),
            (
                "corpus counts",
                self.all.mentions.len() == ents
                    && self.all.articles.len() == ents
                    && below(self.all.entity_order.iter().copied(), ents)
                    && below(self.all.events.iter().copied(), evts)
                    && self.all.event_listings.len() == evts,
            ),
            (
                "first characters",
                self.first_char_best.count_is(self.first_chars.len())
                    && below(self.first_char_best.items.iter().map(|p| p.0), arts),
            ),
            ("sizes", self.entity_name_rank.len() < 1 << 29),
        ];
        match rules.iter().find(|(_, ok)| !ok) {
            Some((what, _)) => Err(what),
            None => Ok(()),
        }
    }

    /// Every word is UTF-8 on its own (so [`SearchIndex::word`] holds) and
    /// the words are sorted (so prefixes are ranges).
    fn words_are_text(&self) -> bool {
        let w = &self.words;
        let mut previous: &[u8] = &[];
        w.starts.windows(2).enumerate().all(|(i, s)| {
            let Some(bytes) = w.items.get(s[0]..s[1]) else {
                return false;
            };
            let ok = std::str::from_utf8(bytes).is_ok() && (i == 0 || previous <= bytes);
            previous = bytes;
            ok
        })
    }
}
