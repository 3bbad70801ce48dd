//! The search index merged from the words the per-article cache stored
//! with each extraction answers every kind of query as the index built
//! from the texts does: fuzzy words, prefixes, typos, exact text inside
//! words, phrases, headline terms, entities, exclusions, alternatives.

mod common;

use std::path::{Path, PathBuf};

use revue::cache::articles::Store;
use revue::cache::secret::Secret;
use revue::model::extracted::extractor_version;
use revue::model::{BuildOptions, Corpus, Origin, Staged};
use revue::search::{self, SearchIndex};

fn staged(dir: &Path) -> Staged {
    Staged::new(
        revue::ingest::load(&[dir.to_path_buf()]),
        Origin::Paths(vec![dir.to_path_buf()]),
    )
}

/// The corpus of `dir` and its index from stored words: a first build
/// fills a store, a second reads every article back from it.
fn through_the_store(dir: &Path) -> (Corpus, SearchIndex) {
    let store_dir = tempfile::tempdir().unwrap();
    let open = || Store::open_with(store_dir.path(), Secret::fixed(7), extractor_version());
    let options = BuildOptions::default();
    let first = open();
    let (built, _) = staged(dir).build_with_words(&options, &first);
    assert_eq!(first.finish().extracted, built.articles.len());
    let second = open();
    let (corpus, words) = staged(dir).build_with_words(&options, &second);
    let report = second.finish();
    assert_eq!(
        (report.reused, report.extracted, report.warning),
        (corpus.articles.len(), 0, None),
        "every article read back"
    );
    let index = SearchIndex::from_text_words(&corpus, &words);
    (corpus, index)
}

/// A word with two neighbouring letters swapped: a near spelling.
fn swapped(word: &str) -> Option<String> {
    let mut chars: Vec<char> = word.chars().collect();
    if chars.len() < 5 {
        return None;
    }
    chars.swap(2, 3);
    Some(chars.into_iter().collect())
}

/// Queries made from the corpus itself: sampled words of its index as
/// every kind of term, pairs of headline words as phrases, entities' names.
fn queries(corpus: &Corpus, index: &SearchIndex) -> Vec<String> {
    let mut out: Vec<String> = ["", "e", "a", "lang:fr", "lang:en", "'tm", "!e"]
        .map(String::from)
        .to_vec();
    let step = (index.word_count() / 60).max(1);
    for w in (0..index.word_count()).step_by(step).map(|i| index.word(i)) {
        let chars: Vec<char> = w.chars().collect();
        out.push(w.to_string());
        out.push(format!("title:{w}"));
        out.push(format!("!{w}"));
        out.push(format!("{w} OR e"));
        if chars.len() >= 4 {
            out.push(chars[..3].iter().collect());
            out.push(format!("'{}", chars[1..].iter().collect::<String>()));
        }
        if let Some(near) = swapped(w) {
            out.push(near);
        }
    }
    for a in corpus.articles.iter().step_by(3) {
        let words = search::index::words_of(&a.headline);
        if let [x, y, ..] = &words[..] {
            out.push(format!("\"{x} {y}\""));
            out.push(format!("title:\"{x} {y}\" lang:fr"));
        }
    }
    for e in corpus.entities.iter().step_by(5) {
        out.push(format!("@{}", e.canonical.replace(' ', "_")));
        if let Some(first) = search::index::words_of(&e.canonical).first() {
            out.push(first.clone());
        }
    }
    out
}

fn answers_match(dir: PathBuf) {
    let (fresh_corpus, fresh) = common::build(dir.clone());
    let (corpus, stored) = through_the_store(&dir);
    assert_eq!(corpus.articles.len(), fresh_corpus.articles.len());
    assert_eq!(stored.word_count(), fresh.word_count());
    let qs = queries(&fresh_corpus, &fresh);
    assert!(qs.len() > 100, "{} queries", qs.len());
    let mut answered = 0;
    for q in &qs {
        let want = search::filter_str(&fresh_corpus, &fresh, q);
        let got = search::filter_str(&corpus, &stored, q);
        assert_eq!(got, want, "{}: query {q:?}", dir.display());
        answered += usize::from(!want.articles.is_empty());
    }
    assert!(answered * 2 > qs.len(), "most queries find articles");
}

#[test]
fn stored_words_answer_as_fresh_ones_on_the_seeds() {
    answers_match(common::seeds_dir());
}

#[test]
fn stored_words_answer_as_fresh_ones_on_the_devset() {
    let devset = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/devset");
    for part in ["en", "fr", "formats-en", "formats-fr"] {
        answers_match(devset.join(part));
    }
}
