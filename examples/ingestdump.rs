//! Prints what ingest read from some files or folders, before any
//! extraction: per article its key, headline, dates, source and the whole
//! text, and the warnings. Two builds' dumps of one corpus, compared with
//! `diff`, show what a change to an adapter did to the text it reads —
//! which the JSON export, holding no text, does not show.
//!
//! ```text
//! cargo run --release --example ingestdump -- DIR... > dump.txt
//! ```

use std::io::{BufWriter, Write};
use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        eprintln!("usage: ingestdump PATH...");
        std::process::exit(2);
    }
    let read = revue::ingest::load(&paths);
    let mut out = BufWriter::new(std::io::stdout().lock());
    for a in &read.articles {
        writeln!(out, "=== {}", a.key())?;
        writeln!(
            out,
            "headline: {} (title line: {})",
            a.headline, a.has_title
        )?;
        writeln!(
            out,
            "header date: {:?}, published: {:?}",
            a.header_date, a.published
        )?;
        writeln!(out, "source: {:?}", a.source)?;
        writeln!(out, "{}", a.text)?;
    }
    for w in &read.warnings {
        writeln!(out, "warning: {w:?}")?;
    }
    Ok(())
}
