//! Tests of the generated data files (scripts/gazetteer/generate.py): each
//! list does its job in a lookup and in a sentence, the filters keep
//! everyday words out, and generated data never overrides the hand lists.

use super::*;
use crate::extract::entities;

#[test]
fn generated_places_have_their_kind_and_country() {
    let g = get();
    use PlaceKind::{City, Country, Region};
    for (name, kind, country) in [
        // CLDR country names, French and English.
        ("Allemagne", Country, Some("DE")),
        ("Côte d'Ivoire", Country, Some("CI")),
        ("Ivory Coast", Country, Some("CI")),
        ("Macédoine du Nord", Country, Some("MK")),
        // CLDR world regions; GeoNames US states.
        ("Europe de l'Ouest", Region, None),
        ("Southeast Asia", Region, None),
        ("Nebraska", Region, Some("US")),
        // ISO 3166-2 subdivisions (iso-codes), with their French names.
        ("Khyber Pakhtunkhwa", Region, Some("PK")),
        ("Surigao del Sur", Region, Some("PH")),
        ("Rio Grande do Sul", Region, Some("BR")),
        ("Colombie-Britannique", Region, Some("CA")),
        ("Rhénanie-Palatinat", Region, Some("DE")),
        ("Southwark", Region, Some("GB")),
        // Names of words of the word lists that French or English made
        // (a French exonym, a department of France).
        ("Brandebourg", Region, Some("DE")),
        ("Toscane", Region, Some("IT")),
        ("Gironde", Region, Some("FR")),
        ("Seine-Saint-Denis", Region, Some("FR")),
        ("Nouvelle-Écosse", Region, Some("CA")),
        // GeoNames cities, with alternate names of the larger ones.
        ("Tampere", City, Some("FI")),
        ("Bobo-Dioulasso", City, Some("BF")),
        ("Kharkov", City, Some("UA")),
        ("Zaporizhzhia", City, Some("UA")),
        // A hand-kept city gets its country from the generated line.
        ("Moscou", City, Some("RU")),
    ] {
        assert_eq!(g.place_kind(name), Some(kind), "{name}");
        assert_eq!(g.country(name), country, "{name}");
    }
}

#[test]
fn a_name_of_two_places_has_both_readings() {
    let g = get();
    assert_eq!(
        g.place_readings("Georgia"),
        [
            (PlaceKind::Country, Some("GE")),
            (PlaceKind::Region, Some("US"))
        ]
    );
    assert_eq!(g.alias_group("Georgia"), Some("Géorgie"));
    assert_eq!(g.place_readings("Tampere"), [(PlaceKind::City, Some("FI"))]);
    assert!(g.place_readings("OTAN").is_empty());
}

#[test]
fn everyday_words_are_no_generated_places_or_given_names() {
    let g = get();
    // (`Antique` and `Aurora` are subdivisions too.)
    for word in [
        "Mobile", "Reading", "Split", "Of", "Will", "Grace", "Mark", "Antique", "Aurora",
    ] {
        assert_eq!(g.kind(word), None, "{word}");
    }
    // Subdivisions named by direction and land words alone, by an everyday
    // word (`Unity`, `Pool`), or by a dictionary word that is a family name
    // in a country that speaks neither language (`Hidalgo`, `Rivas`).
    for word in [
        "Western",
        "Northern Province",
        "Centre-Nord",
        "Plateaux",
        "Cascades",
        "Unity",
        "Pool",
        "Hidalgo",
        "Rivas",
    ] {
        assert_eq!(g.kind(word), None, "{word}");
    }
    for word in ["Will", "Grace", "Africa", "Paris", "Jordan", "Georgia"] {
        assert!(!g.is_given_name(word), "{word}");
    }
}

#[test]
fn generated_given_names_and_languages() {
    let g = get();
    for name in [
        "Olena", "Kenji", "Piotr", "Tomasz", "Heidi", "Sadik", "Recep",
    ] {
        assert!(g.is_given_name(name), "{name}");
    }
    // A given name that is also a family name is no hand-kept first name.
    assert!(g.is_given_name("Erdogan") && !g.is_first_name("Erdogan"));
    for language in ["Swahili", "pachto", "Pashto", "ouzbek"] {
        assert!(g.is_demonym(language), "{language}");
    }
    assert!(!g.is_demonym("Tonga"), "a place first");
}

#[test]
fn generated_lists_type_names_in_sentences() {
    // (sentence, mention, gazetteer kind, starts with a given name)
    let rows = [
        (
            "Olena Kovalenko spoke on Monday.",
            "Olena Kovalenko",
            None,
            true,
        ),
        (
            "Selon Kenji Watanabe, rien n'est joué.",
            "Kenji Watanabe",
            None,
            true,
        ),
        (
            "The plant near Tampere was closed.",
            "Tampere",
            Some(EntityKind::Place),
            false,
        ),
        (
            "Il est arrivé à Bobo-Dioulasso hier.",
            "Bobo-Dioulasso",
            Some(EntityKind::Place),
            false,
        ),
        (
            "Talks in Southeast Asia resumed.",
            "Southeast Asia",
            Some(EntityKind::Place),
            false,
        ),
    ];
    for (sentence, text, kind, given) in rows {
        let whole = std::iter::once(0..sentence.len()).collect::<Vec<_>>();
        let found = entities::find(sentence, &whole);
        let m = found
            .mentions
            .iter()
            .find(|m| m.text == text)
            .unwrap_or_else(|| panic!("{sentence}: no `{text}` in {:?}", found.mentions));
        assert_eq!(m.cues().gazetteer, kind, "{sentence}");
        assert_eq!(m.cues().first_name, given, "{sentence}");
    }
}
