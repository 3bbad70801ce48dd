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

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/devset")
}

fn gold(set: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(root().join("gold").join(format!("{set}.json"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The figures of the export of the files under `dir` against `gold`.
fn scored(dir: PathBuf, gold: &serde_json::Value) -> BTreeMap<&'static str, f64> {
    let paths = vec![dir];
    let corpus = revue::model::build(
        revue::ingest::load(&paths),
        Origin::Paths(paths),
        &BuildOptions::default(),
    );
    let index = SearchIndex::new(&corpus);
    let view = revue::search::filter_str(&corpus, &index, "");
    let system = revue::cli::export_json(&corpus, &view);
    score::score(gold, &system)
}

fn figures(set: &str) -> BTreeMap<&'static str, f64> {
    let f = scored(root().join(set), &gold(set));
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
            ("entity_f1", 0.920),
            ("entity_typed_f1", 0.890),
            ("event_f1", 0.869),
            ("article_date_acc", 1.0),
        ],
    );
}

#[test]
fn english_development_set() {
    assert_floors(
        "en",
        &[
            ("entity_f1", 0.945),
            ("entity_typed_f1", 0.910),
            ("event_f1", 0.878),
            ("article_date_acc", 1.0),
        ],
    );
}

/// Written after `en` was tuned, on the beats and shapes it covers least
/// (earnings, a Supreme Court ruling, a Reuters dateline without a year,
/// an election-night live blog): its figures at the time stood for what
/// English articles never seen give. (The typed floor leaves room for a
/// lone first name, `Charles`, that joins either of two people. Its event
/// floor fell from 0.891 when happenings without a trigger word were
/// taken: one, a call for lower rates, is not in its gold.)
#[test]
fn second_english_development_set() {
    assert_floors(
        "en2",
        &[
            ("entity_f1", 0.920),
            ("entity_typed_f1", 0.890),
            ("event_f1", 0.880),
            ("article_date_acc", 1.0),
        ],
    );
}

/// Written in the fourteenth session, after the sets above were tuned,
/// by a writer who never ran revue on them: their first figures (at
/// `e661674`: entity F1 0.909 / 0.893, typed 0.827 / 0.788, events 0.743 /
/// 0.667, fr2 / en3) stood for what articles never seen give.
#[test]
fn second_french_development_set() {
    assert_floors(
        "fr2",
        &[
            ("entity_f1", 0.918),
            ("entity_typed_f1", 0.880),
            ("event_f1", 0.849),
            ("article_date_acc", 1.0),
        ],
    );
}

#[test]
fn third_english_development_set() {
    assert_floors(
        "en3",
        &[
            ("entity_f1", 0.920),
            ("entity_typed_f1", 0.850),
            ("event_f1", 0.756),
            ("article_date_acc", 1.0),
        ],
    );
}

/// Written in the seventeenth session by a writer who never ran revue on
/// them, on beats and shapes the sets above have least (a Belgian budget
/// vote, an eel-smuggling trial, a Paris marathon live blog; an
/// under-16 social media ban, a measles death, a Eurovision live blog).
/// Their first figures, at `4995e2f`, before anyone read their misses,
/// stood for what articles never seen give: entity F1 0.853 / 0.858,
/// typed 0.716 / 0.753, events 0.667 / 0.724, dates 1.0 (fr3 / en4).
#[test]
fn third_french_development_set() {
    assert_floors(
        "fr3",
        &[
            ("entity_f1", 0.850),
            ("entity_typed_f1", 0.720),
            ("event_f1", 0.660),
            ("article_date_acc", 1.0),
        ],
    );
}

#[test]
fn fourth_english_development_set() {
    assert_floors(
        "en4",
        &[
            ("entity_f1", 0.885),
            ("entity_typed_f1", 0.795),
            ("event_f1", 0.720),
            ("article_date_acc", 1.0),
        ],
    );
}

#[test]
fn french_held_out_set() {
    assert_floors(
        "heldout-fr",
        &[
            ("entity_f1", 0.887),
            ("entity_typed_f1", 0.799),
            ("event_f1", 0.928),
            ("article_date_acc", 1.0),
        ],
    );
}

#[test]
fn english_held_out_set() {
    assert_floors(
        "heldout-en",
        &[
            ("entity_f1", 0.900),
            ("entity_typed_f1", 0.800),
            ("event_f1", 0.885),
            ("article_date_acc", 1.0),
        ],
    );
}

/// The articles that `scripts/devset/render_formats.py` renders as pages,
/// feeds, exports and newsletters give, in those formats, at least the
/// figures their text files give against the same gold: the format costs
/// nothing, and nothing of a page's chrome becomes an entity.
fn formats_cost_nothing(lang: &str) {
    let set = format!("formats-{lang}");
    let in_formats = figures(&set);
    // The same gold with the text files' names, scored on those files.
    let mut as_text = gold(&set);
    let mut texts = Vec::new();
    let rename = |v: &mut serde_json::Value| {
        let stem = std::path::Path::new(v.as_str().unwrap())
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        *v = serde_json::Value::from(format!("{stem}.txt"));
    };
    for a in as_text["articles"].as_array_mut().unwrap() {
        rename(&mut a["file"]);
        texts.push(a["file"].as_str().unwrap().to_string());
    }
    for list in ["entities", "events"] {
        for e in as_text[list].as_array_mut().unwrap() {
            e["articles"]
                .as_array_mut()
                .unwrap()
                .iter_mut()
                .for_each(rename);
        }
    }
    let dir = tempfile::tempdir().unwrap();
    for t in &texts {
        std::fs::copy(root().join(lang).join(t), dir.path().join(t)).unwrap();
    }
    let in_text = scored(dir.path().to_path_buf(), &as_text);
    eprintln!("the same as text: {in_text:?}");
    let lost: Vec<String> = [
        "entity_f1",
        "entity_typed_f1",
        "event_f1",
        "article_date_acc",
    ]
    .iter()
    .filter(|k| in_formats[*k] + 1e-9 < in_text[*k])
    .map(|k| format!("{k} {:.4} < {:.4} as text", in_formats[k], in_text[k]))
    .collect();
    assert!(lost.is_empty(), "{set}: {}", lost.join(", "));
}

#[test]
fn english_articles_lose_nothing_as_pages_feeds_exports_and_mail() {
    formats_cost_nothing("en");
}

#[test]
fn french_articles_lose_nothing_as_pages_feeds_exports_and_mail() {
    formats_cost_nothing("fr");
}
