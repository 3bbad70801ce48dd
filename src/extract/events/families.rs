//! One sentence per trigger family and per participant rule, in both
//! languages, through the real trigger lexicon: the subtype (and so the
//! schema type) an event gets, who takes part and where.

use super::*;
use crate::extract::kind::Subtype as S;

/// A sentence, its one date (the text and its resolution), its names
/// (`+` before a name: introduced by a place preposition), the subtype
/// expected and the participants and place expected.
type Row = (
    &'static str,
    (&'static str, &'static str),
    &'static [(&'static str, EntityKind)],
    Option<S>,
    &'static [&'static str],
    Option<&'static str>,
);

fn run(row: &Row) {
    let (text, (needle, date), names, want, participants, place) = *row;
    let at = text.find(needle).expect("the date is in the sentence");
    let span = DatedSpan {
        sentence: 0,
        span: at..at + needle.len(),
        date: DatePoint::parse(date).expect("a valid date"),
        relative: false,
    };
    let actors: Vec<Actor> = names
        .iter()
        .map(|&(name, kind)| {
            let (name, prep) = match name.strip_prefix('+') {
                Some(n) => (n, true),
                None => (name, false),
            };
            let at = text.find(name).expect("the name is in the sentence");
            Actor {
                span: at..at + name.len(),
                kind,
                place_preposition: prep,
            }
        })
        .collect();
    let found = find(text, 0, 0..text.len(), &[&span], &actors);
    let Some(want) = want else {
        assert!(found.is_empty(), "{text}: {found:?}");
        return;
    };
    assert_eq!(found.len(), 1, "{text}");
    let e = &found[0];
    assert_eq!(e.subtype, want, "{text}");
    assert_eq!(e.kind, want.kind(), "{text}");
    let name = |i: usize| &text[actors[i].span.clone()];
    let got: Vec<&str> = e.participants.iter().map(|&i| name(i)).collect();
    assert_eq!(got, participants, "{text}");
    assert_eq!(e.place.map(name), place, "{text}");
}

use EntityKind::{Org, Person as Per, Place as Loc};

#[rustfmt::skip]
const COURTS_AND_POLICE: &[Row] = &[
    ("Marc Delvaux a été condamné à cinq ans de prison le 14 juin 2023.", ("le 14 juin 2023", "2023-06-14"), &[("Marc Delvaux", Per)], Some(S::Verdict), &["Marc Delvaux"], None),
    ("Paul Martin a été acquitté le 3 mai à Lyon.", ("le 3 mai", "2023-05-03"), &[("Paul Martin", Per), ("+Lyon", Loc)], Some(S::Verdict), &["Paul Martin"], Some("Lyon")),
    ("John Smith was found guilty of fraud on March 3.", ("on March 3", "2023-03-03"), &[("John Smith", Per)], Some(S::Verdict), &["John Smith"], None),
    ("Graham Pellow was sentenced to seven years in prison on Thursday.", ("on Thursday", "2024-03-14"), &[("Graham Pellow", Per)], Some(S::Sentence), &["Graham Pellow"], None),
    ("Onze personnes ont été interpellées lundi au Havre.", ("lundi", "2024-03-11"), &[("+Havre", Loc)], Some(S::Arrest), &[], Some("Havre")),
    ("Jean Dupont a été placé en garde à vue le 5 mars.", ("le 5 mars", "2024-03-05"), &[("Jean Dupont", Per)], Some(S::Arrest), &["Jean Dupont"], None),
    ("Police arrested Tom Baker on Monday in Leeds.", ("on Monday", "2024-03-11"), &[("Tom Baker", Per), ("+Leeds", Loc)], Some(S::Arrest), &["Tom Baker"], Some("Leeds")),
    ("Hervé Martin a été mis en examen le 18 juillet pour prise illégale d'intérêts.", ("le 18 juillet", "2023-07-18"), &[("Hervé Martin", Per)], Some(S::Charge), &["Hervé Martin"], None),
    ("Prosecutors charged Anna Lee with fraud in June 2021.", ("in June 2021", "2021-06"), &[("Anna Lee", Per)], Some(S::Charge), &["Anna Lee"], None),
    // An onset verb dates the event its subject names.
    ("Le procès de Transair s'est ouvert lundi 15 octobre à Paris.", ("lundi 15 octobre", "2018-10-15"), &[("Transair", Org), ("+Paris", Loc)], Some(S::Trial), &["Transair"], Some("Paris")),
    ("The trial of Helen Grey opened on Tuesday.", ("on Tuesday", "2024-05-21"), &[("Helen Grey", Per)], Some(S::Trial), &["Helen Grey"], None),
    // The end of a span dates no event.
    ("Le procès doit durer jusqu'au 23 novembre.", ("23 novembre", "2018-11-23"), &[], None, &[], None),
    ("The trial is scheduled to last until June 7.", ("June 7", "2024-06-07"), &[], None, &[], None),
];

#[rustfmt::skip]
const POLITICS: &[Row] = &[
    ("La motion de censure a été rejetée le 28 novembre par l'Assemblée nationale.", ("le 28 novembre", "2023-11-28"), &[("Assemblée nationale", Org)], Some(S::Vote), &["Assemblée nationale"], None),
    ("The Senate passed the bill on March 1.", ("on March 1", "2023-03-01"), &[("Senate", Org)], Some(S::Vote), &["Senate"], None),
    ("Les électeurs ont voté lors de l'élection présidentielle le 24 mars.", ("le 24 mars", "2024-03-24"), &[], Some(S::Election), &[], None),
    ("Sophie Ravel a été nommée ministre des Transports le 21 juillet.", ("le 21 juillet", "2023-07-21"), &[("Sophie Ravel", Per)], Some(S::Appointment), &["Sophie Ravel"], None),
    ("Sadiq Khan named Marta Kowalczyk deputy mayor on January 9.", ("on January 9", "2025-01-09"), &[("Sadiq Khan", Per), ("Marta Kowalczyk", Per)], Some(S::Appointment), &["Sadiq Khan", "Marta Kowalczyk"], None),
    ("Hervé Martin a démissionné le 19 juillet.", ("le 19 juillet", "2023-07-19"), &[("Hervé Martin", Per)], Some(S::Resignation), &["Hervé Martin"], None),
    ("Seb Hale stepped down on Wednesday.", ("on Wednesday", "2025-01-08"), &[("Seb Hale", Per)], Some(S::Resignation), &["Seb Hale"], None),
    ("Amadou Ba s'est entretenu au téléphone avec Bassirou Faye le 25 mars.", ("le 25 mars", "2024-03-25"), &[("Amadou Ba", Per), ("Bassirou Faye", Per)], Some(S::PhoneCall), &["Amadou Ba", "Bassirou Faye"], None),
    ("Des jihadistes ont attaqué le camp de Diafarabé le 12 mars.", ("le 12 mars", "2024-03-12"), &[("Diafarabé", Loc)], Some(S::Attack), &["Diafarabé"], None),
    // A name in another clause is no participant.
    ("Tom Baker resigned on Monday, the mayor Jane Roe said.", ("on Monday", "2024-03-11"), &[("Tom Baker", Per), ("Jane Roe", Per)], Some(S::Resignation), &["Tom Baker"], None),
];

#[rustfmt::skip]
const LIVES_AND_DISASTERS: &[Row] = &[
    ("Alexeï Navalny est mort le 16 février en détention.", ("le 16 février", "2024-02-16"), &[("Alexeï Navalny", Per)], Some(S::Death), &["Alexeï Navalny"], None),
    ("The singer Ann Vale died on May 3 in London.", ("on May 3", "2024-05-03"), &[("Ann Vale", Per), ("+London", Loc)], Some(S::Death), &["Ann Vale"], Some("London")),
    ("Un séisme a secoué l'île le 16 juillet 1990.", ("le 16 juillet 1990", "1990-07-16"), &[], Some(S::Disaster), &[], None),
    ("Tropical Storm Trami made landfall in Isabela on Thursday.", ("on Thursday", "2024-10-24"), &[("+Isabela", Loc)], Some(S::Disaster), &[], Some("Isabela")),
    ("Le vol 217 s'est écrasé le 3 août 2008 au large de la Corse.", ("le 3 août 2008", "2008-08-03"), &[("+Corse", Loc)], Some(S::Accident), &[], Some("Corse")),
    ("A freight train derailed in East Palestine on February 3.", ("on February 3", "2023-02-03"), &[("+East Palestine", Loc)], Some(S::Accident), &[], Some("East Palestine")),
];

#[rustfmt::skip]
const ECONOMY_AND_SOCIETY: &[Row] = &[
    ("Ariane 6 a décollé le 9 juillet de Kourou.", ("le 9 juillet", "2024-07-09"), &[("+Kourou", Loc)], Some(S::Launch), &[], Some("Kourou")),
    ("The rocket lifted off on Tuesday from Kourou.", ("on Tuesday", "2024-07-09"), &[("+Kourou", Loc)], Some(S::Launch), &[], Some("Kourou")),
    ("Les salariés de Nordpak sont en grève depuis le 22 avril.", ("le 22 avril", "2024-04-22"), &[("Nordpak", Org)], Some(S::Strike), &["Nordpak"], None),
    ("Rail workers went on strike on Monday.", ("on Monday", "2025-01-20"), &[], Some(S::Strike), &[], None),
    ("Des milliers de manifestants ont défilé le 9 décembre à Dubaï.", ("le 9 décembre", "2023-12-09"), &[("+Dubaï", Loc)], Some(S::Demonstration), &[], Some("Dubaï")),
    ("Thousands protested in Niamey on Sunday.", ("on Sunday", "2023-08-06"), &[("+Niamey", Loc)], Some(S::Demonstration), &[], Some("Niamey")),
    ("La BCE a relevé ses taux le 14 septembre.", ("le 14 septembre", "2023-09-14"), &[("BCE", Org)], Some(S::RateDecision), &["BCE"], None),
    ("The Fed cut interest rates on Wednesday.", ("on Wednesday", "2024-09-18"), &[("Fed", Org)], Some(S::RateDecision), &["Fed"], None),
    ("Nordpak a déposé une OPA sur Cartonneries le 22 avril.", ("le 22 avril", "2024-04-22"), &[("Nordpak", Org), ("Cartonneries", Org)], Some(S::Takeover), &["Nordpak", "Cartonneries"], None),
    ("Veldhuis made a takeover bid for Harrowgate on June 3.", ("on June 3", "2024-06-03"), &[("Veldhuis", Org), ("Harrowgate", Org)], Some(S::Takeover), &["Veldhuis", "Harrowgate"], None),
    ("Brigitte Giraud a reçu le prix Goncourt le 3 novembre.", ("le 3 novembre", "2022-11-03"), &[("Brigitte Giraud", Per)], Some(S::Award), &["Brigitte Giraud"], None),
    ("Samantha Harvey won the prize on Tuesday.", ("on Tuesday", "2024-11-12"), &[("Samantha Harvey", Per)], Some(S::Award), &["Samantha Harvey"], None),
    ("Lyon s'est imposé face à Nantes le 20 janvier.", ("le 20 janvier", "2024-01-20"), &[("Lyon", Org), ("Nantes", Org)], Some(S::Match), &["Lyon", "Nantes"], None),
    ("Aston Villa beat Newcastle 2-1 on Saturday.", ("on Saturday", "2024-12-07"), &[("Aston Villa", Org), ("Newcastle", Org)], Some(S::Match), &["Aston Villa", "Newcastle"], None),
];

#[test]
fn courts_and_police() {
    COURTS_AND_POLICE.iter().for_each(run);
}

#[test]
fn politics() {
    POLITICS.iter().for_each(run);
}

#[test]
fn lives_and_disasters() {
    LIVES_AND_DISASTERS.iter().for_each(run);
}

#[test]
fn economy_and_society() {
    ECONOMY_AND_SOCIETY.iter().for_each(run);
}
