//! Times one build of a corpus folder step by step, through the
//! per-article cache in a folder of your choice or without it: what
//! `benches/incremental.sh` reports beside the whole process's times.
//!
//! ```text
//! cargo run --release --example buildphases -- DIR [--store STORE_DIR]
//! ```
//!
//! Output: one TSV row per step (step, milliseconds), then how many
//! articles were read back from the store and how many extracted.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use revue::cache::articles::Store;
use revue::model::{BuildOptions, Fresh, Origin, Staged};
use revue::{ingest, search};

fn main() -> ExitCode {
    let mut dir: Option<PathBuf> = None;
    let mut store_dir: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--store" => match args.next() {
                Some(d) => store_dir = Some(d.into()),
                None => return usage("--store needs a folder"),
            },
            _ if dir.is_none() && !a.starts_with('-') => dir = Some(a.into()),
            other => return usage(&format!("unknown argument `{other}`")),
        }
    }
    let Some(dir) = dir else {
        return usage("a corpus folder is required");
    };
    let paths = vec![dir];
    let ms = |d: std::time::Duration| format!("{:.1}", d.as_secs_f64() * 1000.0);
    println!("step\tms");

    let t = Instant::now();
    let ingested = ingest::load(&paths);
    println!("ingest (find, read, decode, split)\t{}", ms(t.elapsed()));
    let t = Instant::now();
    let staged = Staged::new(ingested, Origin::Paths(paths));
    println!("stage (text keys)\t{}", ms(t.elapsed()));
    let t = Instant::now();
    let store = match &store_dir {
        Some(d) => match Store::open(d) {
            Some(s) => Some(s),
            None => return usage("no cache key to read the store with"),
        },
        None => None,
    };
    if store.is_some() {
        println!("store opened (pack tables)\t{}", ms(t.elapsed()));
    }
    let options = BuildOptions::default();
    let (corpus, phases) = match &store {
        Some(s) => staged.build_timed(&options, s),
        None => staged.build_timed(&options, &Fresh),
    };
    for (step, took) in &phases.steps {
        println!("{step}\t{}", ms(*took));
    }
    if let Some(s) = store {
        let t = Instant::now();
        let report = s.finish();
        println!("store finished (pack written, upkeep)\t{}", ms(t.elapsed()));
        println!("read back\t{}", report.reused);
        println!("extracted\t{}", report.extracted);
        if let Some(w) = report.warning {
            eprintln!("warning: {w}");
        }
    }
    let t = Instant::now();
    let index = search::SearchIndex::new(&corpus);
    println!("SearchIndex::new\t{}", ms(t.elapsed()));
    std::hint::black_box((corpus, index));
    ExitCode::SUCCESS
}

fn usage(why: &str) -> ExitCode {
    eprintln!("buildphases: {why}\nusage: buildphases DIR [--store STORE_DIR]");
    ExitCode::from(2)
}
