//! Finding stories (`model::stories::find`: shingles, MinHash, banding,
//! verification, union-find) over the texts of generated corpora in which
//! a fifth of the files reprint an earlier article, verbatim or lightly
//! edited: 10k articles, and 100k with `REVUE_BENCH_100K=1`. The texts
//! are made once, outside the timings. What it adds to a whole build is
//! measured by `revue` itself with `[stories] enabled` on and off (see
//! BENCHMARKS.md).
//!
//! `cargo bench --bench stories -- --warm-up-time 1 --measurement-time 3`

mod corpus;
mod support;

use std::hint::black_box;

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use revue::model::stories::{self, Thresholds};

const SEED: u64 = 1;
const REPRINTS: f64 = 0.2;

/// Every article's text, files of two split as ingest splits them.
fn texts(n: usize) -> Vec<String> {
    corpus::Generator::with_reprints(n, SEED, REPRINTS)
        .flat_map(|f| {
            f.contents
                .split("\n*****\n")
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

fn bench_stories(c: &mut Criterion) {
    let mut g = c.benchmark_group("stories");
    g.sample_size(10).sampling_mode(SamplingMode::Flat);
    for n in support::sizes() {
        let owned = texts(n);
        let refs: Vec<&str> = owned.iter().map(String::as_str).collect();
        let preference: Vec<u32> = (0..refs.len() as u32).collect();
        let bytes: usize = refs.iter().map(|t| t.len()).sum();
        let found = stories::find(&refs, &preference, Thresholds::default());
        let several = found.iter().filter(|s| s.len() > 1).count();
        let in_several: usize = found.iter().filter(|s| s.len() > 1).map(|s| s.len()).sum();
        eprintln!(
            "stories/{n}: {} texts, {:.1} MB, {} stories, {several} of several articles holding {in_several}",
            refs.len(),
            bytes as f64 / 1e6,
            found.len()
        );
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_with_input(BenchmarkId::new("find", n), &refs, |b, r| {
            b.iter(|| black_box(stories::find(r, &preference, Thresholds::default())))
        });
    }
    g.finish();
}

criterion_group!(benches, bench_stories);
criterion_main!(benches);
