//! Times one build of a corpus folder step by step, through the
//! per-article cache in a folder of your choice or without it: what
//! `benches/incremental.sh` reports beside the whole process's times.
//!
//! ```text
//! cargo run --release --example buildphases -- DIR [--store STORE_DIR]
//! ```
//!
//! Output: one TSV row per step (step, wall-clock milliseconds, processor
//! milliseconds of all threads), then how many articles were read back
//! from the store and how many extracted. On a busy machine the wall clock
//! mostly measures the others' load; the processor time is the step's own.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use revue::cache::articles::Store;
use revue::model::{BuildOptions, Fresh, Origin, Staged, process_cpu_time};
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
    // A step's row: its wall-clock and processor times since `t`.
    let row = |step: &str, t: (Instant, std::time::Duration)| {
        let cpu = process_cpu_time().saturating_sub(t.1);
        println!("{step}\t{}\t{}", ms(t.0.elapsed()), ms(cpu));
    };
    let now = || (Instant::now(), process_cpu_time());
    println!("step\tms\tcpu ms");

    let t = now();
    let ingested = ingest::load(&paths);
    row("ingest (find, read, decode, split)", t);
    let t = now();
    let staged = Staged::new(ingested, Origin::Paths(paths));
    row("stage (text keys)", t);
    let t = now();
    let store = match &store_dir {
        Some(d) => match Store::open(d) {
            Some(s) => Some(s),
            None => return usage("no cache key to read the store with"),
        },
        None => None,
    };
    if store.is_some() {
        row("store opened (pack tables)", t);
    }
    let options = BuildOptions::default();
    let (corpus, words, phases) = match &store {
        Some(s) => staged.build_timed(&options, s),
        None => staged.build_timed(&options, &Fresh),
    };
    for ((step, took), cpu) in phases.steps.iter().zip(&phases.cpu) {
        println!("{step}\t{}\t{}", ms(*took), ms(*cpu));
    }
    if let Some(s) = store {
        let t = now();
        let report = s.finish();
        row("store finished (pack written, upkeep)", t);
        println!("read back\t{}", report.reused);
        println!("extracted\t{}", report.extracted);
        if let Some(w) = report.warning {
            eprintln!("warning: {w}");
        }
    }
    let t = now();
    let index = search::SearchIndex::from_text_words(&corpus, &words);
    row("SearchIndex::from_text_words", t);
    std::hint::black_box((corpus, index));
    ExitCode::SUCCESS
}

fn usage(why: &str) -> ExitCode {
    eprintln!("buildphases: {why}\nusage: buildphases DIR [--store STORE_DIR]");
    ExitCode::from(2)
}
