//! Shared helpers for the integration tests: the seed corpus, built once.

#![allow(dead_code)]

pub mod keys;

use std::path::PathBuf;
use std::sync::OnceLock;

use revue::model::{BuildOptions, Corpus, Origin};
use revue::search::SearchIndex;

pub fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

pub fn seeds() -> &'static (Corpus, SearchIndex) {
    static SEEDS: OnceLock<(Corpus, SearchIndex)> = OnceLock::new();
    SEEDS.get_or_init(|| build(seeds_dir()))
}

/// The corpus of the files under `dir`, with default options, and its index.
pub fn build(dir: PathBuf) -> (Corpus, SearchIndex) {
    let corpus = revue::model::build(
        revue::ingest::load(std::slice::from_ref(&dir)),
        Origin::Paths(vec![dir]),
        &BuildOptions::default(),
    );
    let index = SearchIndex::new(&corpus);
    (corpus, index)
}
