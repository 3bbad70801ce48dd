//! Shared helpers for the integration tests: the seed corpus, built once.

#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;

use revue::model::{BuildOptions, Corpus, Origin};
use revue::search::SearchIndex;

pub fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

pub fn seeds() -> &'static (Corpus, SearchIndex) {
    static SEEDS: OnceLock<(Corpus, SearchIndex)> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let paths = vec![seeds_dir()];
        let corpus = revue::model::build(
            revue::ingest::load(&paths),
            Origin::Paths(paths),
            &BuildOptions::default(),
        );
        let index = SearchIndex::new(&corpus);
        (corpus, index)
    })
}
