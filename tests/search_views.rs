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
    indexed(dir.path())
}

/// The corpus of the articles in `dir`, built and indexed.
fn indexed(dir: &std::path::Path) -> (Corpus, SearchIndex) {
    let paths = vec![dir.to_path_buf()];
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

/// Exact and excluded terms find their articles through the index's words
/// and fold only those again; a plain scan folds every article.
#[test]
fn exact_terms_match_a_plain_scan_of_the_folded_texts() {
    let (corpus, index) = generated(400);
    // Pieces of the texts as written (capitals, accents, apostrophes,
    // hyphens, digits), cut at arbitrary characters, a few words long or
    // shorter than a word; and terms no text holds.
    let mut terms: Vec<String> = vec!["zzqx".into(), "erdoganx".into(), "'".into(), "-".into()];
    let mut rng = corpus::Rng::new(11);
    while terms.len() < 300 {
        let a = rng.pick(&corpus.articles);
        let chars: Vec<char> = a.text.chars().collect();
        let start = rng.below(chars.len());
        let len = 1 + rng.below(14);
        let piece: String = chars[start..(start + len).min(chars.len())]
            .iter()
            .collect();
        let piece = piece.split_whitespace().next().unwrap_or("").to_string();
        if !piece.is_empty() {
            terms.push(piece);
        }
    }
    let (some, none_left) = exact_like_a_plain_scan(&corpus, &index, &terms);
    // Both kinds of answer were asked for: some articles, and all of them.
    assert!(some > 100, "{some}");
    assert!(none_left > 0, "{none_left}");
}

/// Letters that folding makes of symbols and ligatures, combining accents,
/// and words holding apostrophes or hyphens: where a term's letters lie in
/// no single word of the index.
#[test]
fn exact_terms_find_letters_that_folding_makes() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let texts = [
        "La marque Brand™x présente sa ﬁnale à Paris.",
        "Cet e\u{301}te\u{301}, x²y et H₂O ont changé.",
        "Aujourd’hui le Moyen‐Orient attend l'ONU.",
        "Rien de tout cela ici.",
    ];
    for (i, t) in texts.iter().enumerate() {
        std::fs::write(dir.path().join(format!("{i}.txt")), t).expect("written");
    }
    let (corpus, index) = indexed(dir.path());
    let terms: Vec<String> = [
        "tmx",
        "brandtm",
        "ndtmx",
        "finale",
        "fin",
        "ete",
        "été",
        "x2y",
        "h2o",
        "2y",
        "jourd",
        "aujourd'hui",
        "d'hui",
        "moyen-orient",
        "yen-or",
        "l'onu",
        "™",
        "ﬁ",
        "cela",
    ]
    .iter()
    .map(|t| t.to_string())
    .collect();
    let (some, _) = exact_like_a_plain_scan(&corpus, &index, &terms);
    assert_eq!(some, terms.len());
}

/// Checks `'term` and `!term` against a plain scan of every folded
/// article; says how many exact terms kept some but not all articles, and
/// how many excluded terms left none.
fn exact_like_a_plain_scan(
    corpus: &Corpus,
    index: &SearchIndex,
    terms: &[String],
) -> (usize, usize) {
    use revue::extract::fold::fold;

    let folded: Vec<String> = corpus
        .articles
        .iter()
        .map(|a| format!("{}\n{}", fold(&a.headline), fold(&a.text)))
        .collect();
    let mut some = 0;
    let mut none_left = 0;
    for raw in terms {
        let t = fold(raw);
        let plain: Vec<bool> = folded.iter().map(|f| f.contains(&t)).collect();
        let expected: Vec<u32> = (0..plain.len() as u32)
            .filter(|&i| plain[i as usize])
            .collect();
        let exact = search::filter_str(corpus, index, &format!("'{raw}"));
        let mut got: Vec<u32> = exact.articles.iter().map(|a| a.0).collect();
        got.sort_unstable();
        assert_eq!(got, expected, "'{raw}");
        some += usize::from(!got.is_empty() && got.len() < plain.len());
        // `!` drops the quotes that would make the term exact.
        let unquoted = raw.trim_start_matches('\'');
        if unquoted.is_empty() {
            continue;
        }
        let t = fold(unquoted);
        let excluded = search::filter_str(corpus, index, &format!("!{unquoted}"));
        let kept: Vec<u32> = excluded.articles.iter().map(|a| a.0).collect();
        let expected: Vec<u32> = (0..folded.len() as u32)
            .filter(|&i| !folded[i as usize].contains(&t))
            .collect();
        assert_eq!(kept, expected, "!{unquoted}");
        none_left += usize::from(kept.is_empty());
    }
    (some, none_left)
}
