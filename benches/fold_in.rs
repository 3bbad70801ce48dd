//! The live refresh's work once a corpus built again is there:
//! `Diff::between` (which articles are the same, which arrived, which
//! went; on the refresh thread) and `AppState::fold_in` (marks carried,
//! the query filtered again on the new corpus, the selection found again;
//! on the input thread, the only part a keystroke can wait for), on a
//! generated corpus of 10k articles to which 100 were added. Building the
//! new corpus is not measured here: it runs on the refresh thread,
//! through the same build as a start (`benches/build.rs`).
//!
//! `cargo bench --bench fold_in -- --warm-up-time 1 --measurement-time 3`

mod corpus;
mod support;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use revue::app::refresh::Diff;
use revue::app::{Action, AppState, update};
use revue::review::MarkBook;
use revue::search::SearchIndex;

const ARTICLES: usize = 10_000;
const ADDED: usize = 100;

fn bench_fold_in(c: &mut Criterion) {
    let base = tempfile::tempdir().expect("a temporary folder");
    let added = tempfile::tempdir().expect("a temporary folder");
    corpus::write_corpus(base.path(), ARTICLES, 1, None).expect("corpus written");
    corpus::write_corpus(added.path(), ADDED, 2, None).expect("corpus written");
    let old = support::build(&[base.path().to_path_buf()]);
    let old_index = SearchIndex::new(&old);
    let new = support::build(&[base.path().to_path_buf(), added.path().to_path_buf()]);
    let new_index = SearchIndex::new(&new);

    let mut state = AppState::new(&old, &old_index);
    let mut book = MarkBook::default();
    book.sight(old.articles.iter().map(|a| a.text_key.as_str()), 1);
    state.load_marks(book, &old, &old_index);
    // A dashboard in use: a query, a row far down the list.
    update(
        &mut state,
        Action::SetQuery("Erdogan".into()),
        &old,
        &old_index,
    );
    for _ in 0..40 {
        update(&mut state, Action::Down, &old, &old_index);
    }

    let mut g = c.benchmark_group("fold_in");
    g.sample_size(20);
    g.bench_function("diff 10k+100", |b| {
        b.iter(|| black_box(Diff::between(&old, &new)))
    });
    let diff = Diff::between(&old, &new);
    assert_eq!(diff.added(), ADDED);
    g.bench_function("fold_in 10k+100 (query Erdogan)", |b| {
        b.iter_batched(
            || state.clone(),
            |mut s| black_box(s.fold_in(&old, &new, &new_index, &diff)),
            criterion::BatchSize::LargeInput,
        )
    });
    g.finish();
}

criterion_group!(benches, bench_fold_in);
criterion_main!(benches);
