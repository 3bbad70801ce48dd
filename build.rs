//! The extractor's version, for the per-article cache (`src/cache/articles`):
//! a hash of every source and data file extraction is made of, so that any
//! change to how one article is read (a rule, a word list, a dependency's
//! version in Cargo.lock, the cached form itself) makes every cached
//! extraction stale without anyone having to remember to bump a number.
//! A comment edited there costs one full extraction on the next start.

use std::collections::hash_map::DefaultHasher;
use std::hash::Hasher;
use std::path::{Path, PathBuf};

/// What one article's extraction depends on, besides its text.
const INPUTS: &[&str] = &[
    "src/extract",
    "src/model/extracted.rs",
    "src/search/index/text_words.rs",
    "Cargo.lock",
];

fn main() {
    let mut files = Vec::new();
    for input in INPUTS {
        println!("cargo:rerun-if-changed={input}");
        collect(Path::new(input), &mut files);
    }
    files.sort();
    // Two differently seeded 64-bit hashes: 128 bits, as the cache's ids.
    let mut halves = [DefaultHasher::new(), DefaultHasher::new()];
    halves[1].write_u8(0x5a);
    for f in &files {
        let bytes = std::fs::read(f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        for h in &mut halves {
            let name = f.to_string_lossy();
            h.write_usize(name.len());
            h.write(name.as_bytes());
            h.write_usize(bytes.len());
            h.write(&bytes);
        }
    }
    let version = (u128::from(halves[0].finish()) << 64) | u128::from(halves[1].finish());
    println!("cargo:rustc-env=REVUE_EXTRACTOR_VERSION={version:032x}");
}

/// Every file under `path` (or `path` itself); nothing when it is absent
/// (Cargo.lock, in a build as someone else's dependency).
fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    let Ok(meta) = std::fs::metadata(path) else {
        return;
    };
    if meta.is_file() {
        out.push(path.to_path_buf());
        return;
    }
    let entries = std::fs::read_dir(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    for entry in entries {
        let entry = entry.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        collect(&entry.path(), out);
    }
}
