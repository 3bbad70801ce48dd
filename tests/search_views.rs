//! The entity and timeline panes of a filtered view are built with shortcuts
//! (corpus-wide totals less the articles left out, a precomputed order
//! with only the changed entities moved); these tests compare them with a
//! plain sum over the view's articles, on a generated corpus.

#[path = "../benches/corpus/mod.rs"]
mod corpus;

use revue::model::{self, BuildOptions, Corpus, EventId, Origin};
use revue::search::{self, EntityRow, EntitySort, SearchIndex, View};

fn generated(articles: usize) -> (Corpus, SearchIndex) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    corpus::write_corpus(dir.path(), articles, 7, None).expect("corpus written");
    let paths = vec![dir.path().to_path_buf()];
    let corpus = model::build(
        revue::ingest::load(&paths),
        Origin::Paths(paths),
        &BuildOptions::default(),
    );
    let index = SearchIndex::new(&corpus);
    (corpus, index)
}

/// The entity pane as a plain scan of the view's articles gives it.
fn plain_entities(corpus: &Corpus, view: &View) -> Vec<EntityRow> {
    let mut rows: Vec<EntityRow> = Vec::new();
    let mut at = vec![usize::MAX; corpus.entities.len()];
    for &a in &view.articles {
        let a = corpus.article(a);
        for &e in &a.entities {
            let mentions = a.mentions.iter().filter(|m| m.entity == e).count();
            let i = &mut at[e.0 as usize];
            if *i == usize::MAX {
                *i = rows.len();
                rows.push(EntityRow {
                    id: e,
                    mentions: 0,
                    articles: 0,
                });
            }
            rows[*i].mentions += mentions;
            rows[*i].articles += 1;
        }
    }
    rows.sort_by_key(|r| r.id);
    search::sort_entities(corpus, &mut rows, EntitySort::Kind);
    rows
}

fn plain_events(corpus: &Corpus, view: &View) -> Vec<EventId> {
    let mut out: Vec<EventId> = view
        .articles
        .iter()
        .flat_map(|&a| corpus.article(a).events.iter().copied())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[test]
fn panes_match_a_plain_scan_of_the_view() {
    let (corpus, index) = generated(400);
    let n = corpus.articles.len();
    let mut sizes = Vec::new();
    // None of these has an event predicate (`#`, `date:`, `event:`), so
    // every event of a kept article belongs in the timeline.
    for q in [
        "",
        "e",
        "a",
        "s",
        "er",
        "erd",
        "!e",
        "!trump",
        "!poutine",
        "!'a",
        "lang:fr",
        "lang:en",
        "poutine",
        "@erdogan",
        "x",
        "'e",
        "p !syrie",
        "is:unread",
        "zzzq",
    ] {
        let view = search::filter_str(&corpus, &index, q);
        assert_eq!(view.entities, plain_entities(&corpus, &view), "{q:?}");
        assert_eq!(view.events, plain_events(&corpus, &view), "{q:?}");
        sizes.push(view.articles.len());
    }
    // The three ways are all taken: every article, most, and few.
    assert!(sizes.contains(&n));
    assert!(sizes.iter().any(|&s| s > n / 2 && s < n), "{sizes:?}");
    assert!(sizes.iter().any(|&s| s > 0 && s <= n / 2), "{sizes:?}");
}
