//! Writes a deterministic corpus of generated news articles for benchmarks.
//!
//! ```text
//! cargo run --release --example gencorpus -- --out DIR --articles N [--seed S] [--lines FILE]
//!     [--shape txt|html|feed]
//! ```
//!
//! `--shape html` writes each article as a saved web page, `--shape feed`
//! as items of RSS 2.0 feeds (50 to a file); the text is the same.
//!
//! `--reprints 0.2` makes a fifth of the files reprints of earlier articles
//! (verbatim or lightly edited), for stories of realistic size.
//! The same `--articles` and `--seed` always write the same bytes. `--lines`
//! also writes every article on one line (header included), the input a
//! line-based finder such as `fzf --filter` needs. The generator lives in
//! `benches/corpus/` and uses nothing of revue.

#[path = "../benches/corpus/mod.rs"]
mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: gencorpus --out DIR --articles N [--seed S] [--lines FILE | --reprints SHARE] [--shape txt|html|feed]  (seed defaults to 1)";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gencorpus: {e}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut out: Option<PathBuf> = None;
    let mut articles: Option<usize> = None;
    let mut seed: u64 = 1;
    let mut lines: Option<PathBuf> = None;
    let mut shape = String::from("txt");
    let mut reprints: f64 = 0.0;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--out" => out = Some(value()?.into()),
            "--articles" => {
                articles = Some(value()?.parse().map_err(|e| format!("--articles: {e}"))?)
            }
            "--seed" => seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--lines" => lines = Some(value()?.into()),
            "--shape" => shape = value()?,
            "--reprints" => {
                reprints = value()?.parse().map_err(|e| format!("--reprints: {e}"))?;
                if !(0.0..1.0).contains(&reprints) {
                    return Err("--reprints: a share from 0 to below 1".into());
                }
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    let out = out.ok_or("--out is required")?;
    let articles = articles.ok_or("--articles is required")?;
    let started = std::time::Instant::now();
    let s = if reprints > 0.0 {
        if lines.is_some() || shape != "txt" {
            return Err("--reprints goes with neither --lines nor another --shape".into());
        }
        corpus::write_corpus_with_reprints(&out, articles, seed, reprints)
    } else {
        match shape.as_str() {
            "txt" => corpus::write_corpus(&out, articles, seed, lines.as_deref()),
            "html" => corpus::shapes::write_pages(&out, articles, seed),
            "feed" => corpus::shapes::write_feeds(&out, articles, seed),
            other => return Err(format!("unknown shape `{other}` (txt, html or feed)")),
        }
    }
    .map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!(
        "gencorpus: {} articles in {} files, {:.1} MB ({:.0} bytes/article), seed {seed}, {:.1} s -> {}",
        s.articles,
        s.files,
        s.bytes as f64 / 1e6,
        s.bytes as f64 / s.articles.max(1) as f64,
        started.elapsed().as_secs_f64(),
        out.display()
    );
    Ok(())
}
