//! revue: a terminal news-briefing dashboard. The crate is a library
//! first: ingest files, extract entities, dates and events, build the
//! corpus, filter it, and draw it; `main.rs` only wires these together.
//!
//! Dependencies point one way: `ui → app → search → model → extract`, and
//! `ingest` feeds `model`. Nothing below `ui` knows about the terminal.

pub mod app;
pub mod cli;
pub mod config;
pub mod extract;
pub mod ingest;
pub mod model;
pub mod review;
pub mod search;
pub mod tui;
pub mod ui;

use std::path::PathBuf;

use model::{BuildOptions, Corpus, Origin, Staged};

/// Where the corpus comes from: the command line's paths, else the
/// config's, else `./seeds/`, else the seeds built into the binary.
pub fn load_corpus(cli_paths: &[PathBuf], loaded: &config::Loaded) -> Corpus {
    stage_corpus(cli_paths, loaded).build(&build_options(loaded))
}

/// The corpus's articles read, from where [`load_corpus`] reads them, and
/// not yet extracted.
pub fn stage_corpus(cli_paths: &[PathBuf], loaded: &config::Loaded) -> Staged {
    let paths = if !cli_paths.is_empty() {
        cli_paths.to_vec()
    } else {
        let from_config = loaded.corpus_paths();
        if !from_config.is_empty() {
            from_config
        } else if PathBuf::from("seeds").is_dir() {
            vec![PathBuf::from("seeds")]
        } else {
            return Staged::new(ingest::embedded_seeds(), Origin::BuiltIn);
        }
    };
    let ingested = ingest::load_with(&paths, &loaded.config.corpus.extensions);
    Staged::new(ingested, Origin::Paths(paths))
}

/// What the corpus build takes from the configuration.
pub fn build_options(loaded: &config::Loaded) -> BuildOptions {
    BuildOptions {
        aliases: loaded
            .config
            .aliases
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
    }
}

// Extraction makes many small, short-lived allocations on every core;
// mimalloc serves them faster than the system allocator and returns freed
// memory instead of keeping it in per-thread arenas.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
