//! Ingest throughput per format (issue 15): the same generated articles as
//! plain `.txt` files, as saved HTML pages and as RSS feed items, read by
//! `ingest::load` (find, read, decode, parse, sanitise, dedupe; no
//! extraction). Prints, per format, the input's size, the best, median and
//! worst of the runs, MB/s of input and articles/s, and the load average
//! the runs had. The formats take turns in each run.
//!
//! A bench binary rather than criterion: one run reads 10,000 files, and
//! what matters is the ratio between formats, not a confidence interval.
//!
//! `cargo bench --bench ingest_formats` (about a minute);
//! `REVUE_BENCH_ARTICLES=N` (default 10,000), `REVUE_BENCH_RUNS=N` (5),
//! `RAYON_NUM_THREADS=1` for one core.

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

/// One read of a folder, checked for its article count.
fn time_once(dir: &Path, want: usize) -> Duration {
    let paths = vec![dir.to_path_buf()];
    let start = Instant::now();
    let read = revue::ingest::load(&paths);
    let took = start.elapsed();
    assert_eq!(read.articles.len(), want, "{}", dir.display());
    took
}

/// The one-minute load average, which a shared machine changes from run
/// to run.
fn load_average() -> f64 {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(f64::NAN)
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
    let written: Vec<(&str, std::path::PathBuf, corpus::Stats)> = shapes
        .iter()
        .map(|(name, write)| {
            let dir = root.path().join(name);
            let stats = write(&dir, n, 1).expect("write the corpus");
            // One run unmeasured: the files come from the page cache after it.
            time_once(&dir, stats.articles);
            (*name, dir, stats)
        })
        .collect();
    // The formats take turns, run after run, so that each run of one is
    // measured beside a run of the others under the same load.
    let mut times = vec![Vec::new(); written.len()];
    let mut loads = Vec::new();
    for _ in 0..runs {
        loads.push(load_average());
        for (k, (_, dir, stats)) in written.iter().enumerate() {
            times[k].push(time_once(dir, stats.articles).as_secs_f64());
        }
    }
    loads.sort_by(f64::total_cmp);
    println!(
        "{runs} runs, threads {}, load average {:.1} to {:.1}",
        rayon::current_num_threads(),
        loads[0],
        loads[loads.len() - 1]
    );
    println!(
        "| format | files | articles | input MB | best s | median s | worst s | MB/s (median) | MB/s (best–worst) | articles/s |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for ((name, _, stats), t) in written.iter().zip(&mut times) {
        t.sort_by(f64::total_cmp);
        let (best, median, worst) = (t[0], t[t.len() / 2], t[t.len() - 1]);
        let mb = stats.bytes as f64 / 1e6;
        println!(
            "| {name} | {} | {} | {mb:.1} | {best:.3} | {median:.3} | {worst:.3} | {:.1} | {:.1}–{:.1} | {:.0} |",
            stats.files,
            stats.articles,
            mb / median,
            mb / best,
            mb / worst,
            stats.articles as f64 / median
        );
    }
}
