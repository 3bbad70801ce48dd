//! What several benches do alike around revue: the corpus sizes they time
//! and a corpus built from files the way a start builds it.

#![allow(dead_code)] // each bench takes a different part

use std::path::PathBuf;

use revue::model::{self, BuildOptions, Corpus, Origin};
use revue::{ingest, search::SearchIndex};

/// 10,000 articles, and 100,000 too with `REVUE_BENCH_100K=1`.
pub fn sizes() -> Vec<usize> {
    let mut v = vec![10_000];
    if std::env::var_os("REVUE_BENCH_100K").is_some_and(|v| v == "1") {
        v.push(100_000);
    }
    v
}

/// The corpus of the files under `paths`, with default options.
pub fn build(paths: &[PathBuf]) -> Corpus {
    model::build(
        ingest::load(paths),
        Origin::Paths(paths.to_vec()),
        &BuildOptions::default(),
    )
}

/// The corpus of the files under `paths` and its index.
pub fn built(paths: &[PathBuf]) -> (Corpus, SearchIndex) {
    let corpus = build(paths);
    let index = SearchIndex::new(&corpus);
    (corpus, index)
}
