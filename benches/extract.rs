//! Extraction throughput on one core, in bytes of article text per second:
//! what `model::build` runs for each article (`extract::annotate`, then
//! `extract::find_dates` against the resolved article date), over ~2 MB of
//! generated articles held in memory and over the seeds. The `stages` group
//! times each step of `annotate` alone, to show where the time goes.
//!
//! `cargo bench --bench extract -- --warm-up-time 1 --measurement-time 3`

mod corpus;

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use revue::extract::{self, Annotations, entities, lang, sentences, time, tokens};
use revue::ingest::{self, RawArticle};

/// Seed of the generated text; change it and the figures are not comparable.
const SEED: u64 = 1;
const GENERATED_BYTES: usize = 2_000_000;

/// Generated files, read as `ingest::load` reads them (decoded, split into
/// articles, header and headline found), without touching the disk.
fn generated() -> Vec<RawArticle> {
    let mut out = Vec::new();
    for f in corpus::files_of_size(GENERATED_BYTES, SEED) {
        let text = ingest::decode::sanitize(&f.contents);
        out.extend(ingest::parse_file(&f.name, Path::new(&f.name), &text).0);
    }
    out
}

fn anchor(a: &RawArticle) -> Option<extract::date::DatePoint> {
    a.published.or(a.header_date)
}

fn bench_extract(c: &mut Criterion) {
    let sets = [
        ("generated_2MB", generated()),
        ("seeds", ingest::embedded_seeds().articles),
    ];
    for (name, articles) in &sets {
        let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
        let annotated: Vec<Annotations> = articles
            .iter()
            .map(|a| extract::annotate(&a.text, anchor(a)))
            .collect();
        let mut g = c.benchmark_group(format!("extract/{name}"));
        g.throughput(Throughput::Bytes(bytes as u64));
        g.sample_size(10);
        g.bench_function("annotate+find_dates", |b| {
            b.iter(|| {
                for a in articles {
                    let ann = extract::annotate(&a.text, anchor(a));
                    let anchor = extract::refine_anchor(anchor(a), ann.self_date);
                    black_box(extract::find_dates(
                        &a.text,
                        &ann.sentences,
                        anchor,
                        ann.lang,
                    ));
                    black_box(ann);
                }
            })
        });
        // The same, with the second resolution taken from the annotations
        // (`Annotations::dates_at`) instead of scanning the text again.
        g.bench_function("annotate+dates_at", |b| {
            b.iter(|| {
                for a in articles {
                    let ann = extract::annotate(&a.text, anchor(a));
                    let anchor = extract::refine_anchor(anchor(a), ann.self_date);
                    black_box(ann.dates_at(anchor));
                    black_box(ann);
                }
            })
        });
        g.bench_function("annotate", |b| {
            b.iter(|| {
                for a in articles {
                    black_box(extract::annotate(&a.text, anchor(a)));
                }
            })
        });
        g.bench_function("find_dates", |b| {
            b.iter(|| {
                for (a, ann) in articles.iter().zip(&annotated) {
                    black_box(extract::find_dates(
                        &a.text,
                        &ann.sentences,
                        anchor(a),
                        ann.lang,
                    ));
                }
            })
        });
        g.finish();
    }

    // Where `annotate` spends its time, on the generated text.
    let (_, articles) = &sets[0];
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let split: Vec<_> = articles.iter().map(|a| sentences::split(&a.text)).collect();
    let langs: Vec<_> = articles.iter().map(|a| lang::detect(&a.text)).collect();
    let mut g = c.benchmark_group("extract/stages");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("lang::detect", |b| {
        b.iter(|| {
            articles
                .iter()
                .for_each(|a| _ = black_box(lang::detect(&a.text)))
        })
    });
    g.bench_function("sentences::split", |b| {
        b.iter(|| {
            articles
                .iter()
                .for_each(|a| _ = black_box(sentences::split(&a.text)))
        })
    });
    g.bench_function("tokens::tokenize", |b| {
        b.iter(|| {
            articles
                .iter()
                .for_each(|a| _ = black_box(tokens::tokenize(&a.text)))
        })
    });
    g.bench_function("entities::find", |b| {
        b.iter(|| {
            for (a, s) in articles.iter().zip(&split) {
                black_box(entities::find(&a.text, s));
            }
        })
    });
    g.bench_function("time::self_date", |b| {
        b.iter(|| {
            for (a, l) in articles.iter().zip(&langs) {
                black_box(time::self_date(&a.text, anchor(a), *l));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
