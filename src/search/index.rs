//! The search index, built once from the corpus: every distinct folded
//! word with the articles that contain it and the best field it appears
//! in (headline, entity name, body), plus each article's folded text for
//! exact terms.

use std::collections::HashMap;

use crate::extract::fold::fold;
use crate::extract::tokens::tokenize;
use crate::model::{ArticleId, Corpus};

/// Where a word occurs in an article; a higher field ranks higher.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Body = 1,
    Entity = 2,
    Headline = 3,
}

pub struct SearchIndex {
    pub(crate) words: Vec<String>,
    /// For each word, the articles holding it with the best field, by article.
    pub(crate) postings: Vec<Vec<(ArticleId, Field)>>,
    /// Folded headline and text of each article, for exact terms.
    pub(crate) folded: Vec<String>,
    /// Folded words of each entity's names.
    pub(crate) entity_words: Vec<Vec<String>>,
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
        for a in &corpus.articles {
            for w in words_of(&a.text) {
                add(w, a.id, Field::Body);
            }
            for e in &a.entities {
                for w in &entity_words[e.0 as usize] {
                    add(w.clone(), a.id, Field::Entity);
                }
            }
            for w in words_of(&a.headline) {
                add(w, a.id, Field::Headline);
            }
        }
        let folded = corpus
            .articles
            .iter()
            .map(|a| fold(&format!("{}\n{}", a.headline, a.text)))
            .collect();
        SearchIndex {
            words,
            postings,
            folded,
            entity_words,
        }
    }
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
