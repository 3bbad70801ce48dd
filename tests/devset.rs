//! Extraction measured on the development set: articles written for revue
//! across beats revue was never tuned on (politics, economy, justice,
//! Africa, Ukraine, the Middle East, Asia, climate and health, sport and
//! culture), in French and English, each with an exhaustive hand-made gold
//! (`tests/devset/gold/`), scored as `shared/tools/score.py` scores.
//!
//! The floors are the figures reached, so that a change that loses ground
//! on any beat fails here; the held-out halves are asserted too, but no
//! method is tuned by reading their misses.

use std::collections::BTreeMap;
use std::path::PathBuf;

use revue::model::{BuildOptions, Origin};
use revue::search::SearchIndex;

#[path = "common/score.rs"]
mod score;

fn figures(set: &str) -> BTreeMap<&'static str, f64> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/devset");
    let paths = vec![root.join(set)];
    let corpus = revue::model::build(
        revue::ingest::load(&paths),
        Origin::Paths(paths),
        &BuildOptions::default(),
    );
    let index = SearchIndex::new(&corpus);
    let view = revue::search::filter_str(&corpus, &index, "");
    let system = revue::cli::export_json(&corpus, &view);
    let gold = std::fs::read_to_string(root.join("gold").join(format!("{set}.json"))).unwrap();
    let gold: serde_json::Value = serde_json::from_str(&gold).unwrap();
    let f = score::score(&gold, &system);
    eprintln!("{set}: {f:?}");
    f
}

/// Fails with every figure below its floor named.
fn assert_floors(set: &str, floors: &[(&str, f64)]) {
    let f = figures(set);
    let low: Vec<String> = floors
        .iter()
        .filter(|(k, floor)| f[k] + 1e-9 < *floor)
        .map(|(k, floor)| format!("{k} {:.4} < {floor}", f[k]))
        .collect();
    assert!(low.is_empty(), "{set}: {}", low.join(", "));
}

#[test]
fn french_development_set() {
    assert_floors(
        "fr",
        &[
            ("entity_f1", 0.891),
            ("entity_typed_f1", 0.838),
            ("event_f1", 0.843),
            ("article_date_acc", 1.0),
        ],
    );
}

#[test]
fn english_development_set() {
    assert_floors(
        "en",
        &[
            ("entity_f1", 0.933),
            ("entity_typed_f1", 0.890),
            ("event_f1", 0.836),
            ("article_date_acc", 1.0),
        ],
    );
}

#[test]
fn french_held_out_set() {
    assert_floors(
        "heldout-fr",
        &[
            ("entity_f1", 0.872),
            ("entity_typed_f1", 0.773),
            ("event_f1", 0.774),
            ("article_date_acc", 1.0),
        ],
    );
}

#[test]
fn english_held_out_set() {
    assert_floors(
        "heldout-en",
        &[
            ("entity_f1", 0.893),
            ("entity_typed_f1", 0.768),
            ("event_f1", 0.739),
            ("article_date_acc", 1.0),
        ],
    );
}
