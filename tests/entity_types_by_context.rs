//! Entity names found whole and typed by what travels to any beat: the
//! words around a name (`le village de X`, `X province`), initials of a
//! given name, `for` inside a body's name, a title word that opens an
//! English institution's name. Each row is an article of
//! its own, written for the test with names made up for it, so that no
//! gazetteer entry types them.

use std::path::PathBuf;

use revue::extract::kind::EntityKind;
use revue::model::{BuildOptions, Corpus, Origin};

fn corpus(text: &str) -> Corpus {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("001.txt"), text).unwrap();
    let paths: Vec<PathBuf> = vec![dir.path().to_path_buf()];
    revue::model::build(
        revue::ingest::load(&paths),
        Origin::Paths(paths),
        &BuildOptions::default(),
    )
}

fn kind_of(c: &Corpus, name: &str) -> EntityKind {
    let all: Vec<_> = c.entities.iter().map(|e| (&e.canonical, e.kind)).collect();
    c.entities
        .iter()
        .find(|e| e.aliases.iter().any(|a| a == name))
        .unwrap_or_else(|| panic!("no entity named {name}: {all:?}"))
        .kind
}

/// (article, name, kind).
const ROWS: &[(&str, &str, EntityKind)] = &[
    // The kind of place before or after an unknown name.
    (
        "Des pluies record\n\nLes habitants du village de Tresmoulins ont été évacués mardi.",
        "Tresmoulins",
        EntityKind::Place,
    ),
    (
        "Un séisme\n\nLa secousse a été ressentie sur l'île de Varonga jeudi soir.",
        "Varonga",
        EntityKind::Place,
    ),
    (
        "Protest grows\n\nResidents of the northern Kelbari province blocked the road on Monday.",
        "Kelbari",
        EntityKind::Place,
    ),
    (
        "Floods\n\nThe Osmir river burst its banks overnight, officials said.",
        "Osmir",
        EntityKind::Place,
    ),
    (
        "Border talks\n\nThe line would run past the village of Dranets, a negotiator said.",
        "Dranets",
        EntityKind::Place,
    ),
    // Initials of a given name, kept with the surname.
    (
        "Vote\n\nThe bill passed 53-47, with two senators, J.D. Harkness and Ann Lee, against it.",
        "J.D. Harkness",
        EntityKind::Person,
    ),
    // `for` inside a body's name, and `and` after it.
    (
        "Outbreak\n\nThe Centers for Soil Hygiene and Prevention said on Friday that cases rose.",
        "Centers for Soil Hygiene and Prevention",
        EntityKind::Org,
    ),
    // A title word opening an English institution's name stays in it.
    (
        "Inquiry\n\nHe asked the Justice Department to review the contracts.",
        "Justice Department",
        EntityKind::Org,
    ),
    // Company forms and agencies that end with their head.
    (
        "Hearing\n\nThe chief executive of Pellmoor Air faced questions from senators.",
        "Pellmoor Air",
        EntityKind::Org,
    ),
    (
        "Pensions\n\nThe inquiry was opened at the request of the Gilvane Pensions Regulator.",
        "Gilvane Pensions Regulator",
        EntityKind::Org,
    ),
];

#[test]
fn names_typed_by_the_words_around_them() {
    for (text, name, kind) in ROWS {
        let c = corpus(text);
        assert_eq!(kind_of(&c, name), *kind, "{name} in {text:?}");
    }
}

/// (article, names that must be entities, names that must not).
const BOUNDARIES: &[(&str, &[&str], &[&str])] = &[
    // A person after `de` is no part of the club's name.
    (
        "Football\n\nLe FC Morvenne de Thomas Garnier s'est imposé samedi soir.",
        &["FC Morvenne", "Thomas Garnier"],
        &["FC Morvenne de Thomas Garnier"],
    ),
    // A name's own particle keeps the person whole.
    (
        "Diplomatie\n\nLe cheikh Mohammed bin Abdulrahman Al Thani a reçu mardi son homologue.",
        &["Mohammed bin Abdulrahman Al Thani"],
        &["Abdulrahman Al Thani"],
    ),
    // What a prize is given for is a name of its own.
    (
        "Books\n\nShe won the Booker Prize for Lanternfall on Tuesday night.",
        &["Booker Prize"],
        &["Booker Prize for Lanternfall"],
    ),
    // The body before a title keeps its head.
    (
        "Summit\n\nKesara Commission President Omar Talla read out the statement.",
        &["Kesara Commission", "Omar Talla"],
        &[],
    ),
];

#[test]
fn name_boundaries() {
    for (text, present, absent) in BOUNDARIES {
        let c = corpus(text);
        let names: Vec<&String> = c.entities.iter().flat_map(|e| &e.aliases).collect();
        for p in *present {
            assert!(names.iter().any(|n| n == p), "{p} missing in {names:?}");
        }
        for a in *absent {
            assert!(!names.iter().any(|n| n == a), "{a} found in {names:?}");
        }
    }
}
