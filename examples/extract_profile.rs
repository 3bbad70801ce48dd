//! Runs what `model::build` extracts per article (`extract::annotate`, then
//! `Annotations::dates_at` against the refined anchor) a fixed number of
//! times over generated text or the articles of given folders, on one
//! thread: a deterministic workload for `perf record` and for instruction
//! counts under `valgrind --tool=callgrind`, which the criterion bench's
//! timed loop is not.
//!
//! ```text
//! cargo run --release --example extract_profile -- [--bytes N] [--seed S] [--repeat R] [PATH...]
//! ```
//!
//! Without a path, `--bytes` (default 2,000,000) of the benches' generated
//! corpus; with paths, their articles as `revue` reads them.

#[path = "../benches/corpus/mod.rs"]
mod corpus;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use revue::extract;
use revue::ingest::{self, RawArticle};

const USAGE: &str = "usage: extract_profile [--bytes N] [--seed S] [--repeat R] [PATH...]";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("extract_profile: {e}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut bytes = 2_000_000;
    let mut seed = 1;
    let mut repeat = 1;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .and_then(|v| v.parse::<usize>().ok())
                .ok_or_else(|| format!("{name} needs a number"))
        };
        match a.as_str() {
            "--bytes" => bytes = value("--bytes")?,
            "--seed" => seed = value("--seed")? as u64,
            "--repeat" => repeat = value("--repeat")?,
            _ if a.starts_with("--") => return Err(format!("unknown option {a}")),
            _ => paths.push(PathBuf::from(a)),
        }
    }
    let articles = if paths.is_empty() {
        generated(bytes, seed)
    } else {
        ingest::load(&paths).articles
    };
    let total: usize = articles.iter().map(|a| a.text.len()).sum();
    let started = Instant::now();
    for _ in 0..repeat {
        for a in &articles {
            let header = a.published.or(a.header_date);
            let ann = extract::annotate(&a.text, header);
            let anchor = extract::refine_anchor(header, ann.self_date);
            black_box(ann.dates_at(anchor));
            black_box(ann);
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let mb = (total * repeat) as f64 / 1e6;
    println!(
        "{} articles, {total} bytes, {repeat} time(s): {secs:.3} s, {:.2} MB/s",
        articles.len(),
        mb / secs
    );
    Ok(())
}

/// The benches' generated files, parsed as `ingest::load` parses them.
fn generated(bytes: usize, seed: u64) -> Vec<RawArticle> {
    let mut out = Vec::new();
    for f in corpus::files_of_size(bytes, seed) {
        let text = ingest::decode::sanitize(&f.contents);
        out.extend(ingest::parse_file(&f.name, Path::new(&f.name), &text).0);
    }
    out
}
