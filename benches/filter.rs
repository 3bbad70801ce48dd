//! Filtering a built corpus of 10k generated articles (100k with
//! `REVUE_BENCH_100K=1`): `search::filter_str` for one-, two- and four-term
//! queries, an `@entity` and a `date:` filter (group `filter`), and the
//! query `erdogan` typed one character at a time, one benchmark per
//! keystroke (group `typed`). The corpus and index are built once, outside
//! the timings. Per-keystroke p99 comes from `examples/querytime.rs`.
//!
//! `cargo bench --bench filter -- --warm-up-time 1 --measurement-time 3`

mod corpus;
mod support;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use revue::search;

const SEED: u64 = 1;

fn bench_filter(c: &mut Criterion) {
    for n in support::sizes() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        corpus::write_corpus(dir.path(), n, SEED, None).expect("corpus written");
        let paths = vec![dir.path().to_path_buf()];
        let (corpus, index) = support::built(&paths);

        let mut g = c.benchmark_group(format!("filter/{n}"));
        g.sample_size(if n > 10_000 { 10 } else { 20 });
        for (label, q, _) in corpus::QUERIES {
            g.bench_with_input(BenchmarkId::new(*label, q), q, |b, q| {
                b.iter(|| black_box(search::filter_str(&corpus, &index, q)))
            });
        }
        g.finish();

        let mut g = c.benchmark_group(format!("typed/{n}"));
        g.sample_size(if n > 10_000 { 10 } else { 20 });
        for end in 1..=corpus::TYPED.len() {
            let q = &corpus::TYPED[..end];
            g.bench_with_input(BenchmarkId::from_parameter(q), q, |b, q| {
                b.iter(|| black_box(search::filter_str(&corpus, &index, q)))
            });
        }
        g.finish();
    }
}

criterion_group!(benches, bench_filter);
criterion_main!(benches);
