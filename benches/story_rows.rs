//! Grouping the article list by story (`app::stories::rows`), which the
//! dashboard does on the input thread each time a view is shown: on a
//! built corpus of 10k generated articles of which a fifth reprint an
//! earlier one (100k with `REVUE_BENCH_100K=1`), for the whole corpus and
//! for a one-word query, with no story expanded and with every story of
//! several printings expanded. The corpus and the views are made once,
//! outside the timings.
//!
//! `cargo bench --bench story_rows -- --warm-up-time 1 --measurement-time 3`

mod corpus;
mod support;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use revue::app::stories;
use revue::search;
use rustc_hash::FxHashSet;

const SEED: u64 = 1;
const REPRINTS: f64 = 0.2;

fn bench_rows(c: &mut Criterion) {
    for n in support::sizes() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        corpus::write_corpus_with_reprints(dir.path(), n, SEED, REPRINTS).expect("corpus written");
        let paths = vec![dir.path().to_path_buf()];
        let (corpus, index) = support::built(&paths);
        let none = FxHashSet::default();
        let all: FxHashSet<_> = corpus
            .stories
            .iter()
            .filter(|s| s.len() > 1)
            .map(|s| s.id)
            .collect();
        let mut g = c.benchmark_group(format!("story_rows/{n}"));
        g.sample_size(20);
        for q in ["", "erdogan"] {
            let view = search::filter_str(&corpus, &index, q);
            eprintln!(
                "story_rows/{n} {q:?}: {} articles, {} rows, {} stories of several",
                view.articles.len(),
                stories::rows(&corpus, &view.articles, &none).len(),
                all.len()
            );
            for (label, expanded) in [("collapsed", &none), ("expanded", &all)] {
                g.bench_with_input(BenchmarkId::new(label, format!("{q:?}")), &view, |b, v| {
                    b.iter(|| black_box(stories::rows(&corpus, &v.articles, expanded)))
                });
            }
        }
        g.finish();
    }
}

criterion_group!(benches, bench_rows);
criterion_main!(benches);
