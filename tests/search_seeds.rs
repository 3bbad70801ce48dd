//! Fuzzy search on the seeds: good word matches only, all terms, ranked.

mod common;

use revue::search::filter_str;

fn files(q: &str) -> Vec<String> {
    let (corpus, index) = common::seeds();
    filter_str(corpus, index, q)
        .articles
        .iter()
        .map(|a| corpus.article(*a).key.clone())
        .collect()
}

#[test]
fn erdo_finds_exactly_the_articles_naming_erdogan() {
    let mut got = files("erdo");
    got.sort();
    assert_eq!(
        got,
        [
            "000_547d6bcc8b194531.txt#1",
            "003_46078d7cf27677f4.txt#1",
            "004_8833cc1fb73df897.txt#1"
        ]
    );
}

#[test]
fn case_and_diacritics_are_ignored() {
    assert_eq!(files("ERDOGAN").len(), 3);
    assert_eq!(files("erdoğan").len(), 3);
    assert_eq!(files("poutin").len(), 6);
}

#[test]
fn every_term_must_match_in_any_order() {
    let both = files("trump sotchi");
    assert_eq!(both, files("sotchi trump"));
    assert!(!both.is_empty());
    assert!(both.len() < files("sotchi").len());
    assert!(files("erdo zzzzqx").is_empty());
}

#[test]
fn headline_matches_rank_first() {
    let got = files("trump");
    assert_eq!(got[0], "001_2f1464cb4d1d22d2.txt#2");
}

#[test]
fn entity_and_timeline_panes_follow_the_filter() {
    let (corpus, index) = common::seeds();
    let all = filter_str(corpus, index, "");
    let erdo = filter_str(corpus, index, "erdo");
    assert!(erdo.entities.len() < all.entities.len());
    assert!(erdo.events.len() < all.events.len());
    for e in &erdo.events {
        assert!(
            corpus
                .event(*e)
                .reports
                .iter()
                .any(|r| erdo.articles.contains(&r.article))
        );
    }
    let putin = corpus.find_entity("Poutine").unwrap();
    let row = erdo.entities.iter().find(|r| r.id == putin).unwrap();
    assert_eq!(row.articles, 3);
}

#[test]
fn filters_by_entity_type_date_and_exclusion() {
    assert_eq!(files("@erdogan").len(), 3);
    assert_eq!(files("date:2017-09"), ["004_8833cc1fb73df897.txt#1"]);
    assert_eq!(files("!trump").len() + files("'trump").len(), 6);
}
