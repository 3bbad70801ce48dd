//! Extraction measured against the hand-made gold annotation of the seeds
//! (a copy of the shared gold, scored as shared/tools/score.py scores it).

mod common;

#[path = "common/score.rs"]
mod score;

fn figures() -> std::collections::BTreeMap<&'static str, f64> {
    let (corpus, index) = common::seeds();
    let view = revue::search::filter_str(corpus, index, "");
    let system = revue::cli::export_json(corpus, &view);
    let gold: serde_json::Value = serde_json::from_str(include_str!("gold/seeds.json")).unwrap();
    let f = score::score(&gold, &system);
    eprintln!("{f:?}");
    f
}

#[test]
fn seeds_score_against_the_gold() {
    let f = figures();
    // The entities of the seeds are all found and typed: a change that
    // loses one fails here.
    assert!(f["entity_f1"] >= 1.0 - 1e-9, "{f:?}");
    assert!(f["entity_typed_f1"] >= 1.0 - 1e-9, "{f:?}");
    assert!(f["pair_f1"] >= 1.0 - 1e-9, "{f:?}");
    assert_eq!(f["entity_splits"], 0.0, "{f:?}");
    assert_eq!(f["entity_merges"], 0.0, "{f:?}");
    assert_eq!(f["article_date_acc"], 1.0, "{f:?}");
    assert!(f["event_f1"] >= 0.96, "{f:?}");
    assert!(f["event_sources_jaccard"] >= 0.90, "{f:?}");
    assert!(f["event_type_acc"] >= 0.85, "{f:?}");
}
