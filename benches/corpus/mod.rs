//! A deterministic generator of news articles in revue's input format, for
//! benchmarks. It knows nothing of revue's code: it writes what a wire
//! archive looks like (optional ` date YYYY-MM[ publié le …]` header, some
//! files holding two articles split by `*****`, an optional title line,
//! French and English paragraphs with people, places, organisations, dates
//! in many forms and event triggers), so that revue can be timed on text it
//! has never seen. The same article count and seed always give the same
//! bytes: the only randomness is the small PRNG below, seeded by the caller.
//!
//! Used by `examples/gencorpus.rs` (files on disk) and by the benches
//! (in memory or in a temporary folder).

#![allow(dead_code)] // each user (example, bench) takes a different part

mod article;
mod calendar;
pub mod copies;
mod data;
pub mod shapes;

use std::io::{self, Write as _};
use std::path::Path;

use article::make_file;
use data::*;

/// The queries the benchmarks time, on names the generator writes: a label,
/// the revue query, and the nearest `fzf` query (fzf has no entity or date
/// filter, so `@erdogan` becomes the word and `date:2017-11` the string).
pub const QUERIES: &[(&str, &str, &str)] = &[
    ("one_term", "erdogan", "erdogan"),
    ("two_terms", "poutine syrie", "poutine syrie"),
    (
        "four_terms",
        "poutine sommet syrie moscou",
        "poutine sommet syrie moscou",
    ),
    ("entity", "@erdogan", "erdogan"),
    ("date", "date:2017-11", "2017-11"),
    // fzf's extended syntax: `|` between alternatives, `'` for exact
    // text, `\ ` for a space inside a term.
    ("or", "erdogan OR poutine", "erdogan | poutine"),
    ("phrase", "\"le président\"", "'le\\ président"),
];

/// The query typed one character at a time: `e`, `er`, `erd`, … `erdogan`.
pub const TYPED: &str = "erdogan";

/// SplitMix64: tiny, fast, and good enough to pick words; fixed forever so
/// that a seed names the same corpus on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x005E_ED0F_2E7E_u64)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() as u128 * n as u128) >> 64) as usize
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    /// In `0..n`, heavily favouring small indices (as news favours a few
    /// names): index 0 about 4% of draws out of 20,000.
    pub fn skewed(&mut self, n: usize) -> usize {
        ((self.unit().powi(3) * n as f64) as usize).min(n - 1)
    }
}

/// One generated file: its name, its bytes, and each article as one line
/// (header included, newlines folded to spaces) for line-based tools.
pub struct File {
    pub name: String,
    pub contents: String,
    pub lines: Vec<String>,
}

struct Person {
    first: String,
    last_fr: String,
    last_en: String,
    female: bool,
    country: usize,
    role: usize,
}

/// The people articles talk about: the well-known figures first (the most
/// frequent), then 1,500 invented ones. Fixed, whatever the seed, so that a
/// query names the same people in every corpus.
fn roster() -> Vec<Person> {
    let mut out: Vec<Person> = FAMOUS
        .iter()
        .map(|&(first, fr, en, country, role, female)| Person {
            first: first.into(),
            last_fr: fr.into(),
            last_en: en.into(),
            female,
            country,
            role,
        })
        .collect();
    let mut rng = Rng::new(0xC0FFEE);
    for _ in 0..20_000 {
        let female = rng.chance(0.3);
        let first = if female {
            rng.pick(FIRST_FEMALE)
        } else {
            rng.pick(FIRST_MALE)
        };
        let last = *rng.pick(SURNAMES);
        out.push(Person {
            first: first.to_string(),
            last_fr: last.into(),
            last_en: last.into(),
            female,
            country: rng.skewed(COUNTRIES.len()),
            role: rng.below(11),
        });
    }
    out
}

/// Writes N articles in files, yielding one file at a time.
pub struct Generator {
    rng: Rng,
    roster: Vec<Person>,
    file_no: usize,
    left: usize,
    /// The share of files that reprint an earlier article (0: none, the
    /// corpus every other benchmark has always used).
    reprints: f64,
    /// Recent single-article files, to reprint from.
    recent: Vec<String>,
}

/// Articles kept to reprint from: a dispatch is reprinted within days.
const RECENT: usize = 500;

impl Generator {
    pub fn new(articles: usize, seed: u64) -> Self {
        Generator {
            rng: Rng::new(seed),
            roster: roster(),
            file_no: 0,
            left: articles,
            reprints: 0.0,
            recent: Vec::new(),
        }
    }

    /// A generator of which a share of `rate` of the files reprint an
    /// earlier article, as it came or lightly edited ([`copies`]).
    pub fn with_reprints(articles: usize, seed: u64, rate: f64) -> Self {
        Generator {
            reprints: rate,
            ..Generator::new(articles, seed)
        }
    }

    fn reprint(&mut self) -> Option<File> {
        if self.reprints == 0.0 || self.recent.is_empty() || !self.rng.chance(self.reprints) {
            return None;
        }
        let from = self.recent[self.rng.below(self.recent.len())].clone();
        let (_, text) = copies::reprint(&mut self.rng, &from);
        let name = format!("{:06}_{:016x}.txt", self.file_no, self.rng.next_u64());
        let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
        Some(File {
            name,
            contents: format!("{text}\n"),
            lines: vec![line],
        })
    }
}

impl Iterator for Generator {
    type Item = File;

    fn next(&mut self) -> Option<File> {
        if self.left == 0 {
            return None;
        }
        if let Some(file) = self.reprint() {
            self.left -= 1;
            self.file_no += 1;
            return Some(file);
        }
        let parts = if self.left >= 2 && self.rng.chance(0.12) {
            2
        } else {
            1
        };
        self.left -= parts;
        let file = make_file(&mut self.rng, &self.roster, self.file_no, parts);
        self.file_no += 1;
        if self.reprints > 0.0 && parts == 1 {
            if self.recent.len() == RECENT {
                let at = self.rng.below(RECENT);
                self.recent.swap_remove(at);
            }
            self.recent.push(file.contents.trim_end().to_string());
        }
        Some(file)
    }
}

/// What the generator wrote.
#[derive(Debug, Default, Clone, Copy)]
pub struct Stats {
    pub files: usize,
    pub articles: usize,
    pub bytes: usize,
}

/// Writes `articles` articles under `dir` (created if missing) and, when
/// asked, every article as one line into `lines`.
pub fn write_corpus(
    dir: &Path,
    articles: usize,
    seed: u64,
    lines: Option<&Path>,
) -> io::Result<Stats> {
    write_files(dir, Generator::new(articles, seed), lines)
}

/// Like [`write_corpus`], a share `rate` of the files reprinting earlier
/// articles.
pub fn write_corpus_with_reprints(
    dir: &Path,
    articles: usize,
    seed: u64,
    rate: f64,
) -> io::Result<Stats> {
    write_files(dir, Generator::with_reprints(articles, seed, rate), None)
}

fn write_files(dir: &Path, files: Generator, lines: Option<&Path>) -> io::Result<Stats> {
    std::fs::create_dir_all(dir)?;
    let mut out = match lines {
        Some(p) => Some(io::BufWriter::new(std::fs::File::create(p)?)),
        None => None,
    };
    let mut stats = Stats::default();
    for f in files {
        std::fs::write(dir.join(&f.name), &f.contents)?;
        stats.files += 1;
        stats.articles += f.lines.len();
        stats.bytes += f.contents.len();
        if let Some(out) = out.as_mut() {
            for l in &f.lines {
                writeln!(out, "{l}")?;
            }
        }
    }
    if let Some(mut out) = out {
        out.flush()?;
    }
    Ok(stats)
}

/// Files in memory until they hold at least `bytes` bytes.
pub fn files_of_size(bytes: usize, seed: u64) -> Vec<File> {
    let mut total = 0;
    let mut out = Vec::new();
    for f in Generator::new(usize::MAX, seed) {
        total += f.contents.len();
        out.push(f);
        if total >= bytes {
            break;
        }
    }
    out
}
