//! Ingest throughput per format (issue 15): the same generated articles as
//! plain `.txt` files, as saved HTML pages and as RSS feed items, read by
//! `ingest::load` (find, read, decode, parse, sanitise, dedupe; no
//! extraction). Prints, per format, the input's size, the best and median
//! of the runs, MB/s of input and articles/s.
//!
//! A bench binary rather than criterion: one run reads 10,000 files, and
//! what matters is the ratio between formats, not a confidence interval.
//!
//! `cargo bench --bench ingest_formats` (about a minute);
//! `REVUE_BENCH_ARTICLES=N` (default 10,000), `REVUE_BENCH_RUNS=N` (5).

#[path = "corpus/mod.rs"]
mod corpus;

use std::path::Path;
use std::time::{Duration, Instant};

/// Writes N generated articles in one shape under a folder.
type Writer = fn(&Path, usize, u64) -> std::io::Result<corpus::Stats>;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn time(dir: &Path, want: usize, runs: usize) -> Vec<Duration> {
    let paths = vec![dir.to_path_buf()];
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            let read = revue::ingest::load(&paths);
            let took = start.elapsed();
            assert_eq!(read.articles.len(), want, "{}", dir.display());
            took
        })
        .collect()
}

fn main() {
    let n = env_usize("REVUE_BENCH_ARTICLES", 10_000);
    let runs = env_usize("REVUE_BENCH_RUNS", 5);
    let root = tempfile::tempdir().expect("a temporary folder");
    let shapes: [(&str, Writer); 3] = [
        ("txt", |d, n, s| corpus::write_corpus(d, n, s, None)),
        ("html", corpus::shapes::write_pages),
        ("feed", corpus::shapes::write_feeds),
    ];
    println!("| format | files | articles | input MB | best s | median s | MB/s | articles/s |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    for (name, write) in shapes {
        let dir = root.path().join(name);
        let stats = write(&dir, n, 1).expect("write the corpus");
        // One run unmeasured: the files come from the page cache after it.
        time(&dir, stats.articles, 1);
        let mut t = time(&dir, stats.articles, runs);
        t.sort();
        let (best, median) = (t[0].as_secs_f64(), t[t.len() / 2].as_secs_f64());
        let mb = stats.bytes as f64 / 1e6;
        println!(
            "| {name} | {} | {} | {mb:.1} | {best:.3} | {median:.3} | {:.1} | {:.0} |",
            stats.files,
            stats.articles,
            mb / median,
            stats.articles as f64 / median
        );
    }
}
