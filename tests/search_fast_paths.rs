//! The search index narrows each term to candidate words before scoring;
//! these tests check that it never loses a word the matcher would accept,
//! by comparing with a plain scan of every word.

mod common;
#[path = "../benches/corpus/mod.rs"]
mod corpus;

use std::path::PathBuf;

use revue::model::{BuildOptions, Origin};
use revue::search::SearchIndex;
use revue::search::matcher::WordMatcher;

/// Terms an analyst might type for a word: its prefixes, inner pieces and
/// the word with one letter dropped.
fn terms_for(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut out = Vec::new();
    for end in 1..=chars.len() {
        out.push(chars[..end].iter().collect());
    }
    for start in 1..chars.len().saturating_sub(2) {
        out.push(chars[start..start + 3].iter().collect());
    }
    for skip in 2..chars.len() {
        out.push(
            chars
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(_, c)| c)
                .collect(),
        );
    }
    out
}

fn accepted_by_scan(index: &SearchIndex, m: &WordMatcher, term: &str) -> Vec<usize> {
    (0..index.word_count())
        .filter(|&w| m.score(term, index.word(w)).is_some())
        .collect()
}

fn accepted_by_index(index: &SearchIndex, m: &WordMatcher, term: &str) -> Vec<usize> {
    index
        .candidates(term)
        .into_iter()
        .filter(|&w| m.score(term, index.word(w)).is_some())
        .collect()
}

fn check(index: &SearchIndex, sample_every: usize) -> usize {
    let m = WordMatcher::default();
    let mut checked = 0;
    for w in (0..index.word_count()).step_by(sample_every) {
        for term in terms_for(index.word(w)) {
            assert_eq!(
                accepted_by_index(index, &m, &term),
                accepted_by_scan(index, &m, &term),
                "term {term:?}"
            );
            checked += 1;
        }
    }
    checked
}

#[test]
fn candidates_lose_nothing_on_real_articles() {
    let (_, index) = common::seeds();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
    let others = revue::model::build(
        revue::ingest::load(&[dir]),
        Origin::Paths(vec![]),
        &BuildOptions::default(),
    );
    let others = SearchIndex::new(&others);
    assert!(check(index, 31) > 200);
    assert!(check(&others, 17) > 100);
}

#[test]
fn candidates_lose_nothing_on_a_generated_vocabulary() {
    // Deterministic words over a small alphabet, so that many share
    // prefixes, trigrams and near misses.
    let mut rng = corpus::Rng::new(5);
    let alphabet: Vec<char> = "aeioustrnlé".chars().collect();
    let mut text = String::new();
    for _ in 0..3000 {
        let len = 2 + rng.below(9);
        for _ in 0..len {
            text.push(*rng.pick(&alphabet));
        }
        text.push(' ');
    }
    let raw = revue::ingest::parse_file("gen.txt", std::path::Path::new("gen.txt"), &text).0;
    let corpus = revue::model::build(
        revue::ingest::Ingested {
            articles: raw,
            warnings: vec![],
        },
        Origin::Paths(vec![]),
        &BuildOptions::default(),
    );
    let index = SearchIndex::new(&corpus);
    assert!(index.word_count() > 1000);
    assert!(check(&index, 29) > 300);
}
