//! Ingest and the corpus model on the seed articles.

mod common;

use revue::model::DateSource;

#[test]
fn seeds_give_six_articles_with_parts_and_headlines() {
    let ing = revue::ingest::load(&[common::seeds_dir()]);
    assert!(ing.warnings.is_empty(), "{:?}", ing.warnings);
    let keys: Vec<String> = ing.articles.iter().map(|a| a.key()).collect();
    assert_eq!(
        keys,
        [
            "000_547d6bcc8b194531.txt#1",
            "001_2f1464cb4d1d22d2.txt#1",
            "001_2f1464cb4d1d22d2.txt#2",
            "002_a733c1d142b18ac5.txt#1",
            "003_46078d7cf27677f4.txt#1",
            "004_8833cc1fb73df897.txt#1",
        ]
    );
    let second = &ing.articles[2];
    assert_eq!(
        second.headline,
        "Poutine et Trump s’entretiendront au téléphone"
    );
    assert!(second.has_title);
    // Without a title line a shortened first sentence stands in.
    assert!(!ing.articles[0].has_title);
    assert!(
        ing.articles[0]
            .headline
            .starts_with("Après la guerre en Syrie")
    );
    // Header text on the same line as the header starts the article.
    assert!(
        ing.articles[3]
            .text
            .starts_with("Bachar al-Assad a remercié")
    );
    assert!(
        ing.articles[5]
            .text
            .starts_with("Le président russe Vladimir Poutine se rend")
    );
}

#[test]
fn headers_date_the_articles() {
    let (corpus, _) = common::seeds();
    let date = |i: usize| corpus.articles[i].date.map(|d| d.to_string());
    assert_eq!(date(0).as_deref(), Some("2017-11-21"));
    assert_eq!(corpus.articles[0].date_source, DateSource::Header);
    assert_eq!(date(3).as_deref(), Some("2021-11"));
    assert_eq!(date(5).as_deref(), Some("2017-09"));
}

#[test]
fn built_in_seeds_match_the_folder() {
    let built_in = revue::ingest::embedded_seeds();
    let folder = revue::ingest::load(&[common::seeds_dir()]);
    assert_eq!(built_in.articles.len(), folder.articles.len());
    for (a, b) in built_in.articles.iter().zip(&folder.articles) {
        assert_eq!(a.key(), b.key());
        assert_eq!(a.text, b.text);
    }
}

#[test]
fn putin_is_one_entity_with_his_surname_as_alias() {
    let (corpus, _) = common::seeds();
    let id = corpus
        .find_entity("Vladimir Poutine")
        .expect("Vladimir Poutine is found");
    let e = corpus.entity(id);
    assert_eq!(e.canonical, "Vladimir Poutine");
    assert!(e.aliases.iter().any(|a| a == "Poutine"), "{:?}", e.aliases);
    assert_eq!(corpus.find_entity("Poutine"), Some(id));
    assert_eq!(e.articles.len(), 6);
}

#[test]
fn the_timeline_has_events() {
    let (corpus, _) = common::seeds();
    assert!(corpus.events.len() >= 5, "{} events", corpus.events.len());
    assert!(corpus.events.iter().all(|e| !e.reports.is_empty()));
}
