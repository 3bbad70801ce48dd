//! Table-driven tests of article dates: the date lines web pages print at
//! the top or the foot of the text, wire datelines without a year read with
//! the text's other dates, and the rule that neither dates an event. One
//! row per phenomenon, through `annotate`, as the model calls it.

use crate::extract::annotate;
use crate::extract::date::DatePoint;

/// (article text, the date it gives itself, or None).
#[rustfmt::skip]
const ARTICLE_ROWS: &[(&str, Option<&str>)] = &[
    // A cue, the date, then only a time.
    ("Published 12 March 2024\nThe minister resigned on Tuesday.",                           Some("2024-03-12")),
    ("Published: 12/03/2024 10:05\nThe court sat on 4 March and again on 6 March.",         Some("2024-03-12")),
    ("Updated: Jan. 5, 2023 @ 9:12pm\nThe senator spoke on Thursday.",                       Some("2023-01-05")),
    ("Published March 2, 2023 at 6:01 p.m. EST\nThe bill passed.",                           Some("2023-03-02")),
    ("Publié le 3 février 2022 à 18h05\nLe ministre a démissionné.",                         Some("2022-02-03")),
    ("Publié le 12/03/2024 à 10:05, mis à jour à 12:30\nOnze personnes ont été arrêtées.",   Some("2024-03-12")),
    ("[Mis à jour le 8 mai 2021 à 07h30]\nLe conseil s'est réuni dimanche.",                 Some("2021-05-08")),
    ("Titre\n[Modifié le 4 mars 2024 à 17h45]\nLe directeur a parlé lundi.",                 Some("2024-03-04")),
    ("Le 12/03/2024 à 10:05\nUn titre de presse\nLe texte commence ici.",                    Some("2024-03-12")),
    // A date and a time alone on their line, under a headline.
    ("Talks resume in Cairo\nSept 3, 2021 10:05 AM ET\nThe negotiators said that they would meet again with the mediators.", Some("2021-09-03")),
    ("Storm hits the coast\nMarch 4, 2024 at 6:01 a.m. EST\nThe storm made landfall.",       Some("2024-03-04")),
    ("FOOTBALL\nCity beat United\nSaturday 7 December 2024 19:45 GMT\nThe home side won it with a goal in the last minute of the match.", Some("2024-12-07")),
    // At the foot, and beside a byline.
    ("The prize went to a debut novel.\n\nLast modified on Tue 5 Mar 2024 10.12 GMT",        Some("2024-03-05")),
    ("Le vote a eu lieu dimanche.\n\nPublié le 26/03/2024 à 08:12",                          Some("2024-03-26")),
    ("Mayor quits\nBy Jane Roe | Published 9 January 2025\nThe mayor resigned.",             Some("2025-01-09")),
    ("Mairie : le budget voté\nPar Marie Martin - 12 mars 2024 à 08h15\nLe conseil a voté.",   Some("2024-03-12")),
    // A time before the date; an ISO stamp; how long ago it was updated.
    ("Rates held\nUpdated 2:16 PM EST, Tue March 12, 2024\nThe bank held its rates.",         Some("2024-03-12")),
    ("Rates held\n2024-03-12T08:15:00Z\nThe bank held its rates.",                             Some("2024-03-12")),
    ("Rates held\nPublished 2024-03-12T08:15+01:00\nThe bank held its rates.",                 Some("2024-03-12")),
    ("Rates held\nMarch 12, 2024 9:15 AM GMT+1 Updated 2 hours ago\nThe bank held its rates.", Some("2024-03-12")),
    ("Le budget voté\n12 mars 2024 à 08h15, mis à jour il y a 2 heures\nLe conseil a voté.",  Some("2024-03-12")),
    // A dash inside a date, or a time that no date follows, is no piece.
    ("Rates held\n2024-03-12 - 08:15\nThe bank held its rates.",                              Some("2024-03-12")),
    ("Rates held\n2:16 PM EST, the bank said\nThe bank held its rates on Tuesday.",           None),
    // A publication line beats an update stamp, wherever each stands.
    ("Mis à jour le 13 mars 2024 à 08h00\nTitre\nLe texte.\n\nPublié le 12 mars 2024 à 10h05", Some("2024-03-12")),
    // A sentence that opens with a date is no date line.
    ("Le 26 février 2024, une embuscade avait coûté la vie à dix soldats.",                   None),
    ("March 4, 2024 was the day the storm hit the coast.",                                    None),
    // Wire datelines without a year: the year that puts the day on or after
    // the latest date the text reports as done.
    ("BAMAKO, 14 mars (AFP) - Vingt soldats ont été tués mardi. Le 26 février 2024, une embuscade avait fait dix morts.", Some("2024-03-14")),
    ("KYIV, March 3 (Reuters) - Officials spoke. The talks of December 12, 2023 had failed.", Some("2024-03-03")),
    ("PARIS, 5 janvier (AFP) - Le 20 décembre 2023, le texte avait été adopté.",             Some("2024-01-05")),
    // A date in a future clause is no evidence; the clause decides, not the sentence.
    ("FRANKFURT, Sept 14 (Reuters) - The bank raised rates on July 27, 2023. It will meet again on Oct. 26, 2024.", Some("2023-09-14")),
    ("TOKYO, Sept 27 (Reuters) - He will replace Kishida, who announced on Aug. 14, 2024 that he would quit. Abe died in July 2022.", Some("2024-09-27")),
    // A year written alone dates a dateline only through the lead's weekday:
    // the first year from it that puts the day on that weekday.
    ("NAIROBI, June 25 (Reuters) - Police opened fire on protesters on Tuesday. The president came to power in 2022.", Some("2024-06-25")),
    ("DAKAR, 25 juin (AFP) - La police a tiré mardi sur les manifestants. Le président gouverne depuis 2022.",          Some("2024-06-25")),
    ("NAIROBI, June 25 (Reuters) - Police opened fire on protesters. The president came to power in 2022.",              None),
    ("LONDON, June 25 (Reuters) - The vote will be held on Tuesday. The party was founded in 2022.",                     None),
    // Nothing says the year: unknown.
    ("TEHRAN, March 3 (AP) - Talks began on Tuesday.",                                        None),
];

#[test]
fn article_dates() {
    let wrong: Vec<String> = ARTICLE_ROWS
        .iter()
        .filter_map(|&(text, want)| {
            let a = annotate(text, None);
            (a.self_date != want.and_then(DatePoint::parse))
                .then(|| format!("{text:?} ({:?}): {:?}", a.lang, a.self_date))
        })
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// (article text, anchor, the dates left for events).
#[rustfmt::skip]
const EVENT_ROWS: &[(&str, &str, &[&str])] = &[
    ("Publié le 12/03/2024 à 10:05, mis à jour à 12:30\nLes douaniers ont saisi la cargaison lundi.", "",           &["2024-03-11"]),
    ("Updated: July 18, 2024 @ 9:12pm\nLawmakers voted on Thursday.",                                 "",           &["2024-07-18"]),
    ("BAMAKO, 14 mars (AFP) - L'attaque a eu lieu mardi. Le 26 février 2024, une embuscade.",         "",           &["2024-03-12", "2024-02-26"]),
    ("KYIV, March 3 (Reuters) - The strike came on Saturday.",                                        "2024-03",    &["2024-03-02"]),
    ("Les manifestants défilent chaque vendredi devant le parlement.",                                "2024-03-12", &[]),
    ("Protesters gather every Sunday outside the court.",                                            "2024-03-12", &[]),
    ("Ils se retrouvent tous les lundis.",                                                            "2024-03-12", &[]),
];

#[test]
fn stamps_and_habits_date_no_event() {
    let wrong: Vec<String> = EVENT_ROWS
        .iter()
        .filter_map(|&(text, anchor, want)| {
            let a = annotate(text, DatePoint::parse(anchor));
            let date = crate::extract::refine_anchor(DatePoint::parse(anchor), a.self_date);
            let got: Vec<String> = a
                .dates_at(date)
                .iter()
                .map(|d| d.date.to_string())
                .collect();
            (got != want).then(|| format!("{text:?}: {got:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn only_the_head_and_the_foot_are_read() {
    let filler = "Les négociations reprennent à Genève.\n".repeat(60);
    let text = format!("Titre\n{filler}Publié le 3 février 2022 à 18h05\n{filler}Fin.");
    assert_eq!(annotate(&text, None).self_date, None);
    let text = format!("Titre\n{filler}Publié le 3 février 2022 à 18h05");
    assert_eq!(
        annotate(&text, None).self_date,
        DatePoint::parse("2022-02-03")
    );
}
