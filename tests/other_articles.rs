//! Extraction on articles written for these tests (not the seeds), in
//! French and English: what an analyst would expect a reader of them to
//! find. They guard the methods against tuning to the seeds.

use std::path::PathBuf;

use revue::extract::kind::{EntityKind, EventType};
use revue::model::{BuildOptions, Corpus, DateSource, Origin};

fn corpus() -> Corpus {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
    revue::model::build(
        revue::ingest::load(std::slice::from_ref(&dir)),
        Origin::Paths(vec![dir]),
        &BuildOptions::default(),
    )
}

fn entity<'a>(c: &'a Corpus, name: &str) -> &'a revue::model::Entity {
    let id = c
        .find_entity(name)
        .unwrap_or_else(|| panic!("{name} not found"));
    c.entity(id)
}

#[test]
fn english_people_places_and_organisations() {
    let c = corpus();
    for (name, kind) in [
        ("Vladimir Putin", EntityKind::Person),
        ("Bashar al-Assad", EntityKind::Person),
        ("Dmitry Peskov", EntityKind::Person),
        ("Joe Biden", EntityKind::Person),
        ("Xi Jinping", EntityKind::Person),
        ("Antony Blinken", EntityKind::Person),
        ("Moscow", EntityKind::Place),
        ("Geneva", EntityKind::Place),
        ("Kremlin", EntityKind::Org),
        ("White House", EntityKind::Org),
        ("Islamic State", EntityKind::Org),
    ] {
        assert_eq!(entity(&c, name).kind, kind, "{name}");
    }
    // Surnames, family names first, and the all-caps dateline join their referent.
    assert_eq!(c.find_entity("Putin"), c.find_entity("Vladimir Putin"));
    assert_eq!(c.find_entity("Xi"), c.find_entity("Xi Jinping"));
    assert_eq!(c.find_entity("MOSCOW"), c.find_entity("Moscow"));
    // French and English names of one referent are one entity.
    assert_eq!(
        c.find_entity("Maison Blanche"),
        c.find_entity("White House")
    );
    // Roles, months and compound adjectives are not entities.
    for not in [
        "Secretary of State",
        "Nov",
        "Iranian-backed",
        "The United Nations",
    ] {
        assert!(
            c.find_entity(not).is_none()
                || not == "The United Nations" && c.find_entity("United Nations").is_some(),
            "{not}"
        );
    }
}

#[test]
fn datelines_and_text_dates_date_the_articles() {
    let c = corpus();
    let by_file = |f: &str| c.articles.iter().find(|a| a.file == f).unwrap();
    let moscow = by_file("en_moscow_visit.txt");
    assert_eq!(moscow.date.unwrap().to_string(), "2024-07-25");
    assert_eq!(moscow.date_source, DateSource::Text);
    assert_eq!(moscow.lang.code(), "en");
    let aix = by_file("fr_aix_treaty.txt");
    assert_eq!(aix.date.unwrap().to_string(), "2019-01-22");
    assert_eq!(aix.lang.code(), "fr");
}

#[test]
fn english_and_french_events() {
    let c = corpus();
    let find = |date: &str, kind: EventType| {
        c.events
            .iter()
            .find(|e| e.date.to_string() == date && e.kind == kind)
    };
    // "met ... on Wednesday" in an article of Thursday 25 July 2024.
    let meeting = find("2024-07-24", EventType::Meeting).expect("the Wednesday meeting");
    let names: Vec<&str> = meeting
        .participants
        .iter()
        .map(|p| c.entity(*p).canonical.as_str())
        .collect();
    assert!(
        names.contains(&"Vladimir Putin") && names.contains(&"Bashar al-Assad"),
        "{names:?}"
    );
    assert!(
        find("2015-09", EventType::Military).is_some(),
        "air strikes in September 2015"
    );
    assert!(
        find("2019-01-22", EventType::Agreement).is_some(),
        "the treaty signed ce 22 janvier"
    );
    // A dateline's date is the article's, not an event's: nothing on 2024-07-25.
    assert!(c.events.iter().all(|e| e.date.to_string() != "2024-07-25"));
    // The agency of a dateline is no participant.
    let agreement =
        find("2023-11-15", EventType::Agreement).expect("Biden and Xi agreed on Wednesday");
    let names: Vec<&str> = agreement
        .participants
        .iter()
        .map(|p| c.entity(*p).canonical.as_str())
        .collect();
    assert!(!names.contains(&"AP"), "{names:?}");
}
