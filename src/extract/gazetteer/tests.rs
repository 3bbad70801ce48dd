//! Tests of the built-in gazetteer: the data parses without problems and
//! holds what it should, the lookups answer in both languages and any case,
//! and the helpers that split and fold words agree with `fold_name`.

use super::load::french_plurals;
use super::triggers::word_spans;
use super::*;
use crate::extract::kind::EventType;

fn g() -> &'static Gazetteer {
    get()
}

#[test]
fn data_has_no_conflicts() {
    let (_, problems) = Gazetteer::build();
    assert!(
        problems.is_empty(),
        "data problems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_file_has_its_entries() {
    let (g, _) = Gazetteer::build();
    let count = |place| {
        g.referents
            .iter()
            .filter(|r| r.place == Some(place))
            .count()
    };
    assert!(count(PlaceKind::Country) >= 197, "countries");
    assert!(count(PlaceKind::City) >= 450, "cities");
    assert!(count(PlaceKind::Region) >= 150, "regions");
    let count = |kind| g.referents.iter().filter(|r| r.kind == kind).count();
    assert!(count(EntityKind::Org) >= 200, "organisations");
    assert!(count(EntityKind::Misc) >= 30, "misc");
    assert!(g.first_names.len() >= 1000, "first names");
    assert!(g.demonyms.len() >= 1000, "demonyms");
    assert!(g.stopwords.len() >= 500, "stopwords");
    assert!(g.months_weekdays.len() >= 60, "months and weekdays");
    assert!(g.titles.len() >= 300, "titles");
    assert!(g.org_heads.len() >= 100, "org heads");
    assert!(g.place_prepositions.len() >= 10, "place prepositions");
    assert!(g.title_complements.len() >= 100, "title complements");
    assert!(g.triggers.values().flatten().count() >= 400, "triggers");
}

#[test]
fn word_lists_do_not_overlap() {
    let g = g();
    let mut overlaps = Vec::new();
    for word in &g.stopwords {
        if g.names.contains_key(word) {
            overlaps.push(format!("stopword `{word}` is a known name"));
        }
        if g.first_names.contains(word) {
            overlaps.push(format!("stopword `{word}` is a first name"));
        }
        if g.demonyms.contains(word) {
            overlaps.push(format!("stopword `{word}` is a demonym"));
        }
    }
    for word in &g.first_names {
        if g.demonyms.contains(word) {
            overlaps.push(format!("first name `{word}` is a demonym"));
        }
    }
    overlaps.sort();
    assert!(overlaps.is_empty(), "{}", overlaps.join("\n"));
}

#[test]
fn knows_places_in_both_languages() {
    let g = g();
    for name in [
        "Corée du Nord",
        "coree du nord",
        "North Korea",
        "Syrie",
        "Syria",
        "États-Unis",
        "Etats-Unis",
        "etats unis",
        "USA",
        "U.S.",
        "US",
        "Royaume-Uni",
        "UK",
        "Moscou",
        "Moscow",
        "Pékin",
        "Pekin",
        "Beijing",
        "Genève",
        "Idleb",
        "Lattaquié",
        "Latakia",
        "Sotchi",
        "Téhéran",
        "Nur-Sultan",
        "Moyen-Orient",
        "moyen orient",
        "Middle East",
        "Crimée",
        "Donbas",
        "Cisjordanie",
        "West Bank",
        "bande de Gaza",
        "Asie-Pacifique",
        "Occident",
        "la Syrie",
        "Douma",
    ] {
        assert_eq!(g.kind(name), Some(EntityKind::Place), "{name}");
    }
    assert_eq!(g.place_kind("Syria"), Some(PlaceKind::Country));
    assert_eq!(g.place_kind("Aleppo"), Some(PlaceKind::City));
    assert_eq!(g.place_kind("Caucase"), Some(PlaceKind::Region));
    assert_eq!(g.place_kind("OTAN"), None);
}

#[test]
fn knows_organisations_in_both_languages() {
    let g = g();
    for name in [
        "Nations unies",
        "ONU",
        "l'ONU",
        "l’ONU",
        "UN",
        "United Nations",
        "OTAN",
        "Nato",
        "Union européenne",
        "Union europeenne",
        "EU",
        "Kremlin",
        "Maison Blanche",
        "White House",
        "Élysée",
        "Elysee",
        "Daech",
        "ISIS",
        "IS",
        "Hayat Tahrir al-Cham",
        "AFP",
        "Reuters",
        "FSB",
        "State Duma",
    ] {
        assert_eq!(g.kind(name), Some(EntityKind::Org), "{name}");
    }
    assert_eq!(g.kind("Brexit"), Some(EntityKind::Misc));
}

#[test]
fn everyday_words_are_not_names() {
    let g = g();
    for word in [
        "Le",
        "La",
        "Les",
        "Mais",
        "Selon",
        "Lundi",
        "Novembre",
        "Après",
        "The",
        "un",
        "Un",
        "us",
        "Us",
        "is",
        "Is",
        "eu",
        "au",
        "Au",
        "who",
        "Who",
        "Car",
        "eau",
        "Erdogan",
        "Poutine",
        "Président",
    ] {
        assert_eq!(g.kind(word), None, "{word}");
    }
}

#[test]
fn alias_groups_are_equivalence_classes() {
    let g = g();
    assert_eq!(g.alias_group("Daech"), g.alias_group("Islamic State"));
    assert_eq!(g.alias_group("Daesh"), Some("État islamique"));
    assert_eq!(g.alias_group("IS"), Some("État islamique"));
    assert_eq!(g.alias_group("Syria"), Some("Syrie"));
    assert_eq!(g.alias_group("Idleb"), Some("Idlib"));
    assert_eq!(g.alias_group("Beijing"), Some("Pékin"));
    assert_eq!(g.alias_group("U.S."), Some("États-Unis"));
    assert_eq!(g.alias_group("NATO"), Some("OTAN"));
    assert_eq!(g.alias_group("Erdogan"), None);
}

#[test]
fn first_names_any_transliteration_and_accent() {
    let g = g();
    for name in [
        "Recep",
        "Tayyip",
        "Mevlüt",
        "Mevlut",
        "Bachar",
        "Bashar",
        "Sergueï",
        "Serguei",
        "Sergei",
        "Sergey",
        "Vladimir",
        "Dmitri",
        "Dmitry",
        "Mohammed",
        "Muhammad",
        "Hassan",
        "Ebrahim",
        "Emmanuel",
        "Donald",
        "Jean-Yves",
        "jean yves",
        "Angela",
        "Xi",
    ] {
        assert!(g.is_first_name(name), "{name}");
    }
    for word in ["Erdogan", "Poutine", "Le", "Syrie", "May"] {
        assert!(!g.is_first_name(word), "{word}");
    }
}

#[test]
fn demonyms_every_inflection() {
    let g = g();
    for word in [
        "syrien",
        "syrienne",
        "syriens",
        "syriennes",
        "Russes",
        "turc",
        "turque",
        "turcs",
        "turques",
        "Américains",
        "iranien",
        "Français",
        "françaises",
        "Occidentaux",
        "nord-coréens",
        "Syrian",
        "Americans",
        "North Korean",
        "argentins",
        "suisses",
    ] {
        assert!(g.is_demonym(word), "{word}");
    }
    // A known name is a name first.
    for word in ["Argentine", "Suisse", "Syrie", "Russie", "Erdogan"] {
        assert!(!g.is_demonym(word), "{word}");
    }
}

#[test]
fn stopwords_months_and_weekdays() {
    let g = g();
    for word in [
        "Après", "apres", "APRÈS", "Le", "L'", "L’", "Selon", "The", "However", "Lundi",
    ] {
        assert!(g.is_stopword(word), "{word}");
    }
    for word in [
        "Lundi", "novembre", "Novembre", "Février", "May", "Sunday", "Sept.",
    ] {
        assert!(g.is_month_or_weekday(word) && g.is_stopword(word), "{word}");
    }
    for word in ["Syrie", "Poutine", "Recep", "ONU"] {
        assert!(!g.is_stopword(word), "{word}");
    }
    assert!(!g.is_month_or_weekday("Le"));
}

#[test]
fn person_cues() {
    let g = g();
    for text in [
        "le président russe",
        "Le président russe",
        "le ministre de la Défense",
        "le ministre russe des Affaires étrangères",
        "M.",
        "Selon M.",
        "Mme",
        "le porte-parole du Kremlin,",
        "le secrétaire général de l'ONU",
        "le secrétaire général de l’ONU",
        "l'émir du Qatar",
        "son homologue turc",
        "le chef de l'État",
        "le président sortant",
        "le prince héritier saoudien",
        "Russian President",
        "Foreign Minister",
        "the Secretary of State",
        "UN Secretary-General",
        "said Gen.",
        "À Moscou, le ministre",
    ] {
        assert!(g.ends_with_person_cue(text), "{text}");
    }
    for text in [
        "",
        "Après",
        "les Russes",
        "le président russe et",
        "le président de",
        "le président.",
        "le président (",
        "à Moscou",
        "a rencontré",
        "in the capital",
    ] {
        assert!(!g.ends_with_person_cue(text), "{text}");
    }
}

#[test]
fn org_heads_and_place_prepositions() {
    let g = g();
    for word in [
        "Ministère",
        "ministere",
        "Forces",
        "Conseil",
        "Council",
        "Haut-Commissariat",
    ] {
        assert!(g.is_org_head(word), "{word}");
    }
    assert!(!g.is_org_head("Président"));
    for word in ["à", "À", "au", "en", "près de", "jusqu'à", "in", "at"] {
        assert!(g.is_place_preposition(word), "{word}");
    }
    assert!(!g.is_place_preposition("selon"));
}

#[test]
fn trigger_at_start_of_text() {
    let g = g();
    assert_eq!(
        g.trigger_at("rencontre Erdogan"),
        Some((9, EventType::Meeting))
    );
    assert_eq!(
        g.trigger_at("Rencontré hier"),
        Some(("Rencontré".len(), EventType::Meeting))
    );
    let text = "s’est entretenu par téléphone avec Erdogan";
    let len = "s’est entretenu par téléphone".len();
    assert_eq!(g.trigger_at(text), Some((len, EventType::PhoneCall)));
    assert_eq!(
        g.trigger_at("s'est entretenu avec"),
        Some((15, EventType::Meeting))
    );
    assert_eq!(
        g.trigger_at("sommet, à Sotchi"),
        Some((6, EventType::Summit))
    );
    assert_eq!(
        g.trigger_at("cessez-le-feu"),
        Some((13, EventType::Agreement))
    );
    assert_eq!(
        g.trigger_at("spoke by phone with"),
        Some((14, EventType::PhoneCall))
    );
    assert_eq!(
        g.trigger_at("called Erdogan"),
        Some((6, EventType::PhoneCall))
    );
    assert_eq!(g.trigger_at("so-called talks"), None);
    assert_eq!(g.trigger_at("rencontrez"), None, "whole words only");
    assert_eq!(g.trigger_at(" rencontre"), None, "must start at byte 0");
    assert_eq!(g.trigger_at("Erdogan"), None);
    assert_eq!(g.trigger_at(""), None);
}

#[test]
fn triggers_in_sentences() {
    let g = g();
    let fr = "Vladimir Poutine a rencontré Recep Tayyip Erdogan à Sotchi lors d’un sommet \
              consacré à l’offensive turque, a déclaré le Kremlin.";
    let found = g.triggers_in(fr);
    let got: Vec<(&str, EventType)> = found
        .iter()
        .map(|&(s, e, t)| (&fr[s..e], t.kind()))
        .collect();
    assert_eq!(
        got,
        [
            ("rencontré", EventType::Meeting),
            ("sommet", EventType::Summit),
            ("offensive", EventType::Military),
            ("a déclaré", EventType::Statement),
        ]
    );
    let en = "Putin spoke by phone with Erdogan and said the so-called deal, signed in \
              Sochi, ended the airstrikes.";
    let found = g.triggers_in(en);
    let got: Vec<(&str, EventType)> = found
        .iter()
        .map(|&(s, e, t)| (&en[s..e], t.kind()))
        .collect();
    assert_eq!(
        got,
        [
            ("spoke by phone", EventType::PhoneCall),
            ("said", EventType::Statement),
            ("deal", EventType::Agreement),
            ("signed", EventType::Agreement),
            ("airstrikes", EventType::Military),
        ]
    );
    assert!(g.triggers_in("").is_empty());
    assert!(g.triggers_in("Du coup, rien.").is_empty());
}

#[test]
fn word_spans_split_hyphens_and_elisions() {
    let text = "l’accord, cessez-le-feu; aujourd'hui é\u{301}té";
    let words: Vec<&str> = word_spans(text).map(|(s, e)| &text[s..e]).collect();
    assert_eq!(
        words,
        [
            "l’",
            "accord",
            "cessez",
            "le",
            "feu",
            "aujourd'",
            "hui",
            "é\u{301}té"
        ]
    );
}

#[test]
fn fast_key_matches_fold_name() {
    for word in [
        "Après",
        "L'",
        "M.",
        "Syrie",
        "USA",
        "Jean-Yves",
        " Lundi ",
        "a`b",
    ] {
        assert_eq!(with_key(word, str::to_string), fold_name(word), "{word}");
    }
}

#[test]
fn french_plural_rules() {
    assert_eq!(
        french_plurals("syrien", "syrienne"),
        ["syriens", "syriennes"]
    );
    assert_eq!(
        french_plurals("français", "française"),
        ["français", "françaises"]
    );
    assert_eq!(
        french_plurals("occidental", "occidentale"),
        ["occidentaux", "occidentales"]
    );
}

#[test]
fn french_regions_and_departements_are_places_in_their_case() {
    let g = g();
    let rows: &[(&str, Option<EntityKind>)] = &[
        ("Haute-Garonne", Some(EntityKind::Place)),
        ("Hauts-de-France", Some(EntityKind::Place)),
        ("Val-d'Oise", Some(EntityKind::Place)),
        ("Morbihan", Some(EntityKind::Place)),
        ("Cher", Some(EntityKind::Place)),
        // Everyday words in lower case stay words.
        ("cher", None),
        ("lot", None),
    ];
    for (name, kind) in rows {
        assert_eq!(g.kind(name), *kind, "{name}");
    }
}
