//! `revue check`: what each input file gives, and its problems.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use super::say;
use crate::cli::{Global, Select, output::printable};
use crate::config;

/// `revue check`: every input file with its problem, or ok with its
/// article count and what was cleaned. Exit 0 when all are fine, 1 when
/// some have problems.
pub(super) fn check(
    paths: Vec<std::path::PathBuf>,
    outer: &Select,
    global: &Global,
) -> anyhow::Result<ExitCode> {
    let loaded = config::load(global.config.as_deref())?;
    let from_config = loaded.corpus_paths();
    let paths = if !paths.is_empty() {
        paths
    } else if !outer.paths.is_empty() {
        outer.paths.clone()
    } else if !from_config.is_empty() {
        from_config
    } else if std::path::Path::new("seeds").is_dir() {
        vec!["seeds".into()]
    } else {
        say("no paths given: the built-in seed articles, which are fine")?;
        return Ok(ExitCode::SUCCESS);
    };
    let reports = crate::ingest::check(&paths, &loaded.config.ingest_options());
    let mut out = BufWriter::new(io::stdout().lock());
    let plural = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    for r in &reports {
        // One line per input, whatever its name holds.
        let path = printable(&r.path.display().to_string()).replace('\n', " ");
        let notes = if r.notes.is_empty() {
            String::new()
        } else {
            format!(" ({})", r.notes.join("; "))
        };
        // The format, for every format but plain text (whose lines stay
        // as they were), and what its articles carry.
        let format = r
            .format
            .filter(|f| *f != crate::ingest::Format::Text)
            .map(|f| format!("{} ", f.name()))
            .unwrap_or_default();
        let found = if r.found.is_empty() {
            String::new()
        } else {
            format!(" — {}", printable(&r.found.join(", ")))
        };
        if r.skipped {
            writeln!(out, "{path}: skipped, not a format revue reads")?;
        } else if r.is_ok() {
            writeln!(
                out,
                "{path}: {format}ok, {}{found}{notes}",
                plural(r.articles, "article")
            )?;
        } else {
            let read = if r.articles > 0 {
                format!(" [{} read]", plural(r.articles, "article"))
            } else {
                String::new()
            };
            writeln!(
                out,
                "{path}: {format}{}{read}{found}{notes}",
                printable(&r.problems.join("; "))
            )?;
        }
    }
    let bad = reports.iter().filter(|r| !r.is_ok()).count();
    let skipped = reports.iter().filter(|r| r.skipped).count();
    let read = reports.len() - skipped;
    let articles: usize = reports.iter().map(|r| r.articles).sum();
    let skipped = if skipped > 0 {
        format!("; {skipped} skipped (not a format revue reads)")
    } else {
        String::new()
    };
    writeln!(
        out,
        "{}: {} fine, {} with problems; {}{skipped}",
        plural(read, "input"),
        read - bad,
        bad,
        plural(articles, "article")
    )?;
    out.flush()?;
    Ok(if bad == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
