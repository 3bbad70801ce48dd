//! The search index, built once from the corpus: every distinct folded
//! word with the articles that contain it and the best field it appears
//! in (headline, entity name, body), plus each article's folded text for
//! exact terms.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::extract::fold::fold;
use crate::extract::tokens::tokenize;
use crate::model::{ArticleId, Corpus, EntityId};

/// Where a word occurs in an article; a higher field ranks higher.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Body = 1,
    Entity = 2,
    Headline = 3,
}

pub struct SearchIndex {
    /// Distinct folded words, sorted, so that prefixes are ranges.
    pub(crate) words: Vec<String>,
    /// For each word, the articles holding it with the best field, by article.
    pub(crate) postings: Vec<Vec<(ArticleId, Field)>>,
    /// Folded headline and text of each article, for exact terms.
    pub(crate) folded: Vec<String>,
    /// Folded words of each entity's names.
    pub(crate) entity_words: Vec<Vec<String>>,
    /// The words holding each three-letter sequence, for inner matches.
    trigrams: HashMap<[char; 3], Vec<u32>>,
    /// Each article's entities with their mention counts there.
    pub(crate) entity_counts: Vec<Vec<(EntityId, u32)>>,
    /// For each word, the entities one of whose names holds it.
    word_entities: Vec<Vec<EntityId>>,
}

impl SearchIndex {
    pub fn new(corpus: &Corpus) -> Self {
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut words: Vec<String> = Vec::new();
        let mut postings: Vec<Vec<(ArticleId, Field)>> = Vec::new();
        let mut add = |word: String, a: ArticleId, f: Field| {
            let id = *ids.entry(word).or_insert_with_key(|w| {
                words.push(w.clone());
                postings.push(Vec::new());
                words.len() - 1
            });
            let list = &mut postings[id];
            match list.last_mut() {
                Some((last, field)) if *last == a => *field = (*field).max(f),
                _ => list.push((a, f)),
            }
        };
        let entity_words: Vec<Vec<String>> = corpus
            .entities
            .iter()
            .map(|e| {
                let mut v: Vec<String> = e.aliases.iter().flat_map(|n| words_of(n)).collect();
                v.sort();
                v.dedup();
                v
            })
            .collect();
        // Tokenising and folding run in parallel; the table is filled in
        // article order so postings stay sorted by article.
        let article_words: Vec<(Vec<String>, Vec<String>)> = corpus
            .articles
            .par_iter()
            .map(|a| (words_of(&a.text), words_of(&a.headline)))
            .collect();
        for (a, (body, headline)) in corpus.articles.iter().zip(article_words) {
            for w in body {
                add(w, a.id, Field::Body);
            }
            for e in &a.entities {
                for w in &entity_words[e.0 as usize] {
                    add(w.clone(), a.id, Field::Entity);
                }
            }
            for w in headline {
                add(w, a.id, Field::Headline);
            }
        }
        let (words, postings) = sorted(words, postings);
        let trigrams = trigram_table(&words);
        let mut word_entities: Vec<Vec<EntityId>> = vec![Vec::new(); words.len()];
        for (e, ws) in entity_words.iter().enumerate() {
            for w in ws {
                if let Ok(i) = words.binary_search(w) {
                    word_entities[i].push(EntityId(e as u32));
                }
            }
        }
        let entity_counts = corpus
            .articles
            .par_iter()
            .map(|a| {
                a.entities
                    .iter()
                    .map(|e| {
                        (
                            *e,
                            a.mentions.iter().filter(|m| m.entity == *e).count() as u32,
                        )
                    })
                    .collect()
            })
            .collect();
        let folded = corpus
            .articles
            .par_iter()
            .map(|a| fold(&format!("{}\n{}", a.headline, a.text)))
            .collect();
        SearchIndex {
            words,
            postings,
            folded,
            entity_words,
            trigrams,
            entity_counts,
            word_entities,
        }
    }
}

impl SearchIndex {
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    pub fn word(&self, i: usize) -> &str {
        &self.words[i]
    }

    pub fn word_entities(&self, i: usize) -> &[EntityId] {
        &self.word_entities[i]
    }

    /// The words a term may match, a superset of what the matcher accepts:
    /// words starting with the term; for longer terms, words containing it
    /// (through the trigram table) and words sharing its first two letters
    /// (where a typo may hide).
    pub fn candidates(&self, term: &str) -> Vec<usize> {
        let chars: Vec<char> = term.chars().collect();
        let mut out: Vec<usize> = self.prefix_range(term).collect();
        if chars.len() < super::matcher::MIN_INNER {
            return out;
        }
        let rarest = chars
            .windows(3)
            .filter_map(|w| self.trigrams.get(&[w[0], w[1], w[2]]))
            .min_by_key(|l| l.len());
        let all_present = chars
            .windows(3)
            .all(|w| self.trigrams.contains_key(&[w[0], w[1], w[2]]));
        if let (Some(list), true) = (rarest, all_present) {
            out.extend(
                list.iter()
                    .map(|&w| w as usize)
                    .filter(|&w| self.words[w].contains(term)),
            );
        }
        if chars.len() >= super::matcher::MIN_TYPO {
            let two: String = chars[..2].iter().collect();
            out.extend(self.prefix_range(&two));
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The ids of the words starting with `prefix`: one range of the sorted list.
    fn prefix_range(&self, prefix: &str) -> std::ops::Range<usize> {
        let start = self.words.partition_point(|w| w.as_str() < prefix);
        let len = self.words[start..].partition_point(|w| w.starts_with(prefix));
        start..start + len
    }
}

/// Words in sorted order, their postings following them.
fn sorted(
    words: Vec<String>,
    postings: Vec<Vec<(ArticleId, Field)>>,
) -> (Vec<String>, Vec<Vec<(ArticleId, Field)>>) {
    let mut pairs: Vec<(String, Vec<(ArticleId, Field)>)> =
        words.into_iter().zip(postings).collect();
    pairs.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    pairs.into_iter().unzip()
}

fn trigram_table(words: &[String]) -> HashMap<[char; 3], Vec<u32>> {
    let mut table: HashMap<[char; 3], Vec<u32>> = HashMap::new();
    for (i, w) in words.iter().enumerate() {
        let chars: Vec<char> = w.chars().collect();
        for t in chars.windows(3) {
            let list = table.entry([t[0], t[1], t[2]]).or_default();
            if list.last() != Some(&(i as u32)) {
                list.push(i as u32);
            }
        }
    }
    table
}

/// Folded words of a text; a hyphenated word also gives its parts.
pub fn words_of(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for t in tokenize(text) {
        let w = fold(t.text);
        if w.contains('-') {
            out.extend(w.split('-').filter(|p| p.len() > 1).map(str::to_string));
        }
        out.push(w);
    }
    out
}
