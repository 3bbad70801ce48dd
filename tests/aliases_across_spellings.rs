//! One entity across the French and English renderings of a foreign name,
//! and none across different referents that happen to spell alike. Each row
//! is a pair of short articles written for the test, each in a file of its
//! own (one spelling per article, as writers keep one), built as a corpus.

use std::path::PathBuf;

use revue::model::{BuildOptions, Corpus, Origin};

fn corpus(articles: &[&str]) -> Corpus {
    let dir = tempfile::tempdir().unwrap();
    for (i, text) in articles.iter().enumerate() {
        std::fs::write(dir.path().join(format!("{i:03}.txt")), text).unwrap();
    }
    let paths: Vec<PathBuf> = vec![dir.path().to_path_buf()];
    revue::model::build(
        revue::ingest::load(&paths),
        Origin::Paths(paths),
        &BuildOptions::default(),
    )
}

/// The entity with this surface form.
fn entity<'c>(c: &'c Corpus, name: &str) -> &'c revue::model::Entity {
    c.entities
        .iter()
        .find(|e| e.aliases.iter().any(|a| a == name))
        .unwrap_or_else(|| {
            let all: Vec<_> = c.entities.iter().map(|e| &e.aliases).collect();
            panic!("no entity named {name}: {all:?}")
        })
}

const FR_TAIL: &str = "Le ministère des Affaires étrangères a publié un communiqué mardi soir. \
                       Les discussions doivent reprendre la semaine prochaine, selon un diplomate.";
const EN_TAIL: &str = "The foreign ministry issued a statement on Tuesday evening. \
                       Talks are due to resume next week, a diplomat said.";

/// (French sentence, its spelling, English sentence, its spelling).
const JOINS: &[(&str, &str, &str, &str)] = &[
    (
        "Le président russe Vladimir Poutine a reçu mardi à Moscou son homologue chinois.",
        "Vladimir Poutine",
        "Russian President Vladimir Putin hosted his Chinese counterpart in Moscow on Tuesday.",
        "Vladimir Putin",
    ),
    (
        "L'opposant Alexeï Navalni est mort en détention, a annoncé sa porte-parole.",
        "Alexeï Navalni",
        "Opposition leader Alexei Navalny died in custody, his spokeswoman said.",
        "Alexei Navalny",
    ),
    (
        "Le chef de Wagner, Evguéni Prigojine, a été tué dans un accident d'avion.",
        "Evguéni Prigojine",
        "Wagner chief Yevgeny Prigozhin was killed in a plane crash.",
        "Yevgeny Prigozhin",
    ),
    (
        "Le colonel Mouammar Kadhafi a été tué à Syrte en octobre 2011.",
        "Mouammar Kadhafi",
        "Colonel Muammar Gaddafi was killed in Sirte in October 2011.",
        "Muammar Gaddafi",
    ),
    (
        "Le président bélarusse Alexandre Loukachenko a reçu les médiateurs à Minsk.",
        "Alexandre Loukachenko",
        "Belarusian President Alexander Lukashenko received the mediators in Minsk.",
        "Alexander Lukashenko",
    ),
    (
        "Le prince héritier Mohammed ben Salmane a reçu le secrétaire d'État à Riyad.",
        "Mohammed ben Salmane",
        "Crown Prince Mohammed bin Salman received the secretary of state in Riyadh.",
        "Mohammed bin Salman",
    ),
    (
        "Des drones ont frappé le port d'Odessa dans la nuit de lundi à mardi.",
        "Odessa",
        "Drones struck the port of Odesa overnight, officials said.",
        "Odesa",
    ),
    (
        "Les combats se sont intensifiés près de Zaporijia, selon l'état-major.",
        "Zaporijia",
        "Fighting intensified near Zaporizhzhia, the general staff said.",
        "Zaporizhzhia",
    ),
    (
        "Le président ukrainien Volodymyr Zelensky a remercié ses alliés.",
        "Volodymyr Zelensky",
        "Ukrainian President Volodymyr Zelenskiy thanked his allies.",
        "Volodymyr Zelenskiy",
    ),
];

#[test]
fn renderings_of_one_name_are_one_entity() {
    for &(fr, fr_name, en, en_name) in JOINS {
        let c = corpus(&[&format!("{fr} {FR_TAIL}"), &format!("{en} {EN_TAIL}")]);
        assert_eq!(
            entity(&c, fr_name).id,
            entity(&c, en_name).id,
            "{fr_name} / {en_name}"
        );
    }
}

/// A surname said alone in another article joins the full name written in
/// the other spelling.
#[test]
fn a_surname_joins_the_full_name_in_the_other_spelling() {
    let c = corpus(&[
        &format!("Le chef du Kremlin, Poutine, a reçu mardi son homologue. {FR_TAIL}"),
        &format!("Russian President Vladimir Putin spoke on Tuesday. {EN_TAIL}"),
    ]);
    assert_eq!(entity(&c, "Poutine").id, entity(&c, "Vladimir Putin").id);
}

/// Surnames alone, no first name on either side: the key and the kind
/// (and the articles kept apart) are the evidence.
#[test]
fn surnames_alone_join_across_spellings() {
    let c = corpus(&[
        &format!("Selon l'opposant Navalni, le scrutin a été truqué. {FR_TAIL}"),
        &format!("According to the opposition leader Navalny, the vote was rigged. {EN_TAIL}"),
    ]);
    assert_eq!(entity(&c, "Navalni").id, entity(&c, "Navalny").id);
}

/// (article, name, article, name): two referents that must stay apart.
const APART: &[(&str, &str, &str, &str)] = &[
    // One surname key, two first names: two people.
    (
        "Le député communiste Fabien Roussel a défendu le texte mardi à Paris.",
        "Fabien Roussel",
        "The philosopher Bertrand Russell wrote the essay in London in 1950.",
        "Bertrand Russell",
    ),
    // A city named like a president is no surname of his.
    (
        "Joe Biden returned to Washington on Tuesday after the summit.",
        "Washington",
        "A portrait of George Washington hangs in the Oval Office.",
        "George Washington",
    ),
    // A person and a place that key alike.
    (
        "En 2001, le général Ariel Sharon a été élu. Le gouvernement de Sharon a prêté serment.",
        "Ariel Sharon",
        "Des habitants se sont réunis à Charonne samedi. Les élus de Charonne ont répondu.",
        "Charonne",
    ),
    // One spelling family of first names, two women and men.
    (
        "La sénatrice Jeanne Dupont a déposé un amendement mardi.",
        "Jeanne Dupont",
        "Le maire Jean Dupont a inauguré la médiathèque samedi.",
        "Jean Dupont",
    ),
];

#[test]
fn different_referents_stay_apart() {
    for &(a, a_name, b, b_name) in APART {
        let tail = |t: &str| {
            if revue::extract::lang::detect(t) == revue::extract::lang::Lang::En {
                EN_TAIL
            } else {
                FR_TAIL
            }
        };
        let c = corpus(&[&format!("{a} {}", tail(a)), &format!("{b} {}", tail(b))]);
        assert_ne!(
            entity(&c, a_name).id,
            entity(&c, b_name).id,
            "{a_name} / {b_name}"
        );
    }
}

/// Two spellings side by side in one article name two referents.
#[test]
fn two_spellings_in_one_article_stay_apart() {
    let c = corpus(&[&format!(
        "Le rapport cite Alexeï Navalni et Alexeï Navalny, son homonyme. {FR_TAIL}"
    )]);
    assert_ne!(
        entity(&c, "Alexeï Navalni").id,
        entity(&c, "Alexeï Navalny").id
    );
}

/// A name two countries' places share is read as the region of another
/// country only where a town of that country stands right before it.
#[test]
fn one_place_name_of_two_countries_is_two_places() {
    let c = corpus(&[
        &format!("Protesters gathered in Tbilisi, Georgia, near the Russian border. {EN_TAIL}"),
        &format!("Georgia and Washington signed a defence pact in Tbilisi. {EN_TAIL}"),
        &format!("Voters in Atlanta, Georgia, queued for hours in the United States. {EN_TAIL}"),
        &format!("Des manifestants se sont rassemblés à Tbilissi, en Géorgie. {FR_TAIL}"),
    ]);
    let georgias: Vec<_> = c
        .entities
        .iter()
        .filter(|e| e.aliases.iter().any(|a| a == "Georgia"))
        .collect();
    assert_eq!(georgias.len(), 2, "{georgias:?}");
    // The country keeps its French name; the state stands alone.
    let country = entity(&c, "Géorgie");
    assert!(country.aliases.iter().any(|a| a == "Georgia"));
    let state = georgias.iter().find(|e| e.id != country.id).unwrap();
    assert_eq!(state.articles.len(), 1);
}
