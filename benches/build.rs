//! Startup work, files to a searchable corpus, on generated corpora of 1k
//! and 10k articles written to a temporary folder: `ingest::load` alone,
//! `ingest::load` + `model::build` (extraction runs in parallel on every
//! core, as at startup), and `SearchIndex::new` on the built corpus.
//! 100k articles (about 370 MB, minutes per sample) only with
//! `REVUE_BENCH_100K=1`.
//!
//! `cargo bench --bench build -- --warm-up-time 1 --measurement-time 3`

mod corpus;
mod support;

use std::hint::black_box;

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use revue::{ingest, search};

const SEED: u64 = 1;

fn sizes() -> Vec<usize> {
    let mut v = vec![1_000, 10_000];
    if std::env::var_os("REVUE_BENCH_100K").is_some_and(|v| v == "1") {
        v.push(100_000);
    }
    v
}

fn bench_build(c: &mut Criterion) {
    let mut g = c.benchmark_group("build");
    // Flat sampling: ten samples of one build each at 10k (linear sampling
    // would run 55 builds).
    g.sample_size(10).sampling_mode(SamplingMode::Flat);
    for n in sizes() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let stats = corpus::write_corpus(dir.path(), n, SEED, None).expect("corpus written");
        let paths = vec![dir.path().to_path_buf()];
        g.throughput(Throughput::Bytes(stats.bytes as u64));
        g.bench_with_input(BenchmarkId::new("ingest", n), &paths, |b, p| {
            b.iter(|| black_box(ingest::load(p)))
        });
        g.bench_with_input(
            BenchmarkId::new("ingest+extract+model", n),
            &paths,
            |b, p| b.iter(|| black_box(support::build(p))),
        );
        let corpus = support::build(&paths);
        g.bench_with_input(BenchmarkId::new("search_index", n), &corpus, |b, c| {
            b.iter(|| black_box(search::SearchIndex::new(c)))
        });
    }
    g.finish();
}

criterion_group!(benches, bench_build);
criterion_main!(benches);
