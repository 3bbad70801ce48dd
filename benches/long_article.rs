//! One long article, files to model: `ingest::load`, `model::build` and
//! `SearchIndex::new` on a single file of 10 KB, 100 KB, 1 MB, 10 MB and
//! 50 MB in four shapes (issue 13): a repeated name (`Moscou Moscou …`), a
//! repeated real sentence, one line without punctuation, and many short
//! lines. Prints, per shape and size, the time per MB (median of the runs)
//! against the 10 KB figure, and the peak memory above what the process
//! held before the run, against the size of the file.
//!
//! A bench binary rather than criterion: a run of 50 MB takes seconds, and
//! the peak memory of each run is measured by resetting the kernel's
//! high-water mark (`/proc/self/clear_refs`) before it.
//!
//! `cargo bench --bench long_article` (about 4 minutes when time per byte
//! is flat). `REVUE_BENCH_SIZES=10k,100k,1M` picks sizes;
//! `REVUE_BENCH_SHAPES=name,line` picks the shapes whose names hold one of
//! the words; `REVUE_BENCH_BUDGET=SECONDS` (default 120) skips a size whose run is
//! predicted, from the growth of the sizes before it, to take longer.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use revue::model::{BuildOptions, Origin};
use revue::search::SearchIndex;

/// What is repeated to make each shape, and how it ends.
const SHAPES: &[(&str, &str)] = &[
    ("repeated name", "Moscou "),
    (
        "repeated sentence",
        "Le président Poutine a rencontré Erdogan à Moscou le 3 mars 2020. ",
    ),
    (
        "one line, no punctuation",
        "Poutine rencontre Erdogan à Sotchi le lundi 20 novembre puis Assad ",
    ),
    ("short lines", "Poutine reçoit Assad à Sotchi\n"),
];

const SIZES: &[(&str, usize)] = &[
    ("10k", 10_000),
    ("100k", 100_000),
    ("1M", 1_000_000),
    ("10M", 10_000_000),
    ("50M", 50_000_000),
];

/// One article of about `size` bytes: a title line, a blank line, then the
/// unit repeated.
fn article(unit: &str, size: usize) -> String {
    let title = "Un titre\n\n";
    let mut text = String::with_capacity(size + unit.len());
    text.push_str(title);
    while text.len() + unit.len() <= size {
        text.push_str(unit);
    }
    text
}

/// Files to model and index, as `revue` does on a start without cache.
fn run(path: &Path) -> Duration {
    let paths = vec![path.to_path_buf()];
    let start = Instant::now();
    let corpus = revue::model::build(
        revue::ingest::load(&paths),
        Origin::Paths(paths),
        &BuildOptions::default(),
    );
    let index = SearchIndex::new(&corpus);
    let took = start.elapsed();
    assert_eq!(corpus.articles.len(), 1, "one article");
    drop((index, corpus));
    took
}

/// A field of `/proc/self/status`, in bytes.
fn status_bytes(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("Linux /proc");
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kib| kib * 1024)
}

/// The peak resident memory of one run above what the process held before
/// it, in bytes.
fn peak_of_one_run(path: &Path) -> (Duration, u64) {
    // "5" resets the peak resident set to the current one.
    std::fs::write("/proc/self/clear_refs", "5").expect("clear_refs");
    let before = status_bytes("VmRSS:");
    let took = run(path);
    (took, status_bytes("VmHWM:").saturating_sub(before))
}

fn main() {
    revue::return_freed_memory();
    let budget = std::env::var("REVUE_BENCH_BUDGET")
        .ok()
        .and_then(|s| s.parse().ok())
        .map_or(Duration::from_secs(120), Duration::from_secs_f64);
    let wanted = std::env::var("REVUE_BENCH_SIZES").ok();
    let sizes: Vec<(&str, usize)> = SIZES
        .iter()
        .copied()
        .filter(|(name, _)| {
            wanted
                .as_deref()
                .is_none_or(|w| w.split(',').any(|x| x == *name))
        })
        .collect();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-long-article");
    std::fs::create_dir_all(&dir).expect("a folder for the articles");
    println!(
        "| shape | size | runs | time (median) | time per MB | × the first size's | peak memory above the start | × the file |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    let shapes = std::env::var("REVUE_BENCH_SHAPES").ok();
    let picked = |shape: &str| {
        shapes
            .as_deref()
            .is_none_or(|w| w.split(',').any(|x| shape.contains(x)))
    };
    for (shape, unit) in SHAPES.iter().filter(|(s, _)| picked(s)) {
        let mut first_per_mb = None;
        let mut before: Vec<(usize, Duration)> = Vec::new();
        for &(name, size) in &sizes {
            if let Some(predicted) = predict(&before, size)
                && predicted > budget
            {
                println!(
                    "| {shape} | {name} | 0 | skipped: predicted {:.0} s, over the budget | | | | |",
                    predicted.as_secs_f64()
                );
                continue;
            }
            let text = article(unit, size);
            let path = dir.join(format!("{}-{name}.txt", shape.replace([' ', ','], "_")));
            std::fs::write(&path, &text).expect("the article written");
            let (first, peak) = peak_of_one_run(&path);
            // Enough runs for a second of measuring, at most 10.
            let runs = (Duration::from_secs(1).as_secs_f64() / first.as_secs_f64().max(1e-6))
                .ceil()
                .clamp(1.0, 10.0) as usize;
            let mut times: Vec<Duration> = std::iter::once(first)
                .chain((1..runs).map(|_| run(&path)))
                .collect();
            times.sort();
            let median = times[times.len() / 2];
            let mb = text.len() as f64 / 1e6;
            let per_mb = median.as_secs_f64() / mb;
            let ratio = per_mb / *first_per_mb.get_or_insert(per_mb);
            println!(
                "| {shape} | {name} | {runs} | {} | {} | {ratio:.2} | {:.1} MB | {:.1} |",
                seconds(median.as_secs_f64()),
                seconds(per_mb),
                peak as f64 / 1e6,
                peak as f64 / text.len() as f64
            );
            before.push((size, median));
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// The time a run of `size` should take, from the growth between the two
/// sizes before it (at least linear).
fn predict(before: &[(usize, Duration)], size: usize) -> Option<Duration> {
    let &(s1, t1) = before.last()?;
    let exponent = match before.len() {
        n if n >= 2 => {
            let (s0, t0) = before[n - 2];
            let e =
                (t1.as_secs_f64() / t0.as_secs_f64().max(1e-9)).ln() / (s1 as f64 / s0 as f64).ln();
            e.clamp(1.0, 3.0)
        }
        _ => 1.0,
    };
    Some(t1.mul_f64((size as f64 / s1 as f64).powf(exponent)))
}

fn seconds(s: f64) -> String {
    if s >= 1.0 {
        format!("{s:.2} s")
    } else if s >= 1e-3 {
        format!("{:.1} ms", s * 1e3)
    } else {
        format!("{:.0} µs", s * 1e6)
    }
}
