//! Table-driven tests of temporal expressions, one row per phenomenon, plus
//! spans, lists and ranges, tense per clause, self dates and odd inputs.
//! They go through the public API only.

use super::*;
use Lang::{En, Fr};
use Precision::{Day as D, Month as M, Year as Y};

/// (sentence, anchor or "", language, the one expected date, its
/// precision). `None` means no date at all.
type Row = (
    &'static str,
    &'static str,
    Lang,
    Option<&'static str>,
    Option<Precision>,
);

#[rustfmt::skip]
const ROWS: &[Row] = &[
    // The article's own sentences.
    ("Une rencontre surprise a eu lieu entre A et B, dans la soirée de lundi 20 novembre à Sotchi", "2017-11-21", Fr, Some("2017-11-20"), Some(D)),
    ("un sommet organisé mercredi 22 novembre en Russie",                                           "2017-11-21", Fr, Some("2017-11-22"), Some(D)),
    ("Cela se poursuivra d'ailleurs le 28 novembre à Genève",                                       "2017-11-21", Fr, Some("2017-11-28"), Some(D)),
    ("la guerre qui a fait au moins 330.000 morts en six ans",                                      "2017-11-21", Fr, None,               None),
    ("sa décision d'intervenir militairement le 30 septembre",                                      "2021-11",    Fr, Some("2021-09-30"), Some(D)),
    ("une offensive le 17 octobre au sud de la ville",                                              "2021-11",    Fr, Some("2021-10-17"), Some(D)),
    ("une visite surprise mardi à Moscou",                                                          "2021-11",    Fr, None,               None),
    ("En décembre 2022, les ministres ont tenu des pourparlers",                                    "",           Fr, Some("2022-12"),    Some(M)),
    ("les combats durent depuis septembre 2015",                                                    "",           Fr, Some("2015-09"),    Some(M)),
    ("leur dernière rencontre remonte à mars 2015 au Kremlin",                                      "",           Fr, Some("2015-03"),    Some(M)),
    ("ont rompu leurs relations diplomatiques en 2011",                                             "",           Fr, Some("2011"),       Some(Y)),
    ("S'adressant aux journalistes le 15 juillet",                                                  "",           Fr, None,               None),
    ("M. Poutine se rend, jeudi 28 septembre, en Turquie",                                          "2017-09",    Fr, Some("2017-09-28"), Some(D)),
    ("la destruction, en novembre 2015, d'un bombardier",                                           "2017-09",    Fr, Some("2015-11"),    Some(M)),
    ("ont annoncé le 15 septembre à Astana un accord",                                              "2017-09",    Fr, Some("2017-09-15"), Some(D)),
    ("lors d'un entretien téléphonique avec M. Erdogan lundi",                                      "2017-09",    Fr, None,               None),
    // Numeric dates.
    ("le décret du 21/11/2017 est paru",                                                            "",           Fr, Some("2017-11-21"), Some(D)),
    ("le décret du 21.11.2017 est paru",                                                            "",           Fr, Some("2017-11-21"), Some(D)),
    ("mis à jour 2017-11-21 à midi",                                                                "",           Fr, Some("2017-11-21"), Some(D)),
    ("the 11/21/2017 filing",                                                                       "",           En, Some("2017-11-21"), Some(D)),
    ("the 05/06/2017 filing",                                                                       "",           En, None,               None),
    ("le 31/02/2017",                                                                               "",           Fr, None,               None),
    ("le 99/99/9999",                                                                               "",           Fr, None,               None),
    // Day and month.
    ("le 1er mars",                                                                                 "2017-11-21", Fr, Some("2017-03-01"), Some(D)),
    ("jeudi 28 septembre 2017",                                                                     "",           Fr, Some("2017-09-28"), Some(D)),
    ("le 20 novembre 2017",                                                                         "",           Fr, Some("2017-11-20"), Some(D)),
    ("le 5 mai",                                                                                    "2017-11-21", Fr, Some("2017-05-05"), Some(D)),
    ("le 8 mars",                                                                                   "2017-11-21", Fr, Some("2017-03-08"), Some(D)),
    ("le 20 novembre dernier",                                                                      "2017-11-10", Fr, Some("2016-11-20"), Some(D)),
    ("le 15 mars prochain",                                                                         "2017-11-21", Fr, Some("2018-03-15"), Some(D)),
    // Ranges give one date, their first day.
    ("Le festival se tient du 9 au 11 juillet à Avignon",                                            "2017-07-01", Fr, Some("2017-07-09"), Some(D)),
    ("La Fed s'est réunie les 19 et 20 septembre",                                                  "2023-09-25", Fr, Some("2023-09-19"), Some(D)),
    ("The conference ran from 3 to 7 March 2021 in Geneva",                                         "",           En, Some("2021-03-03"), Some(D)),
    ("Talks were held 6 to 9 June in Doha",                                                         "2024-06-20", En, Some("2024-06-06"), Some(D)),
    ("du lundi 9 au mercredi 11 juillet",                                                           "2018-07-20", Fr, Some("2018-07-09"), Some(D)),
    // A year-less day or month in a future clause points onward.
    ("Le festival aura lieu du 9 au 11 juillet à Avignon",                                          "2024-03-12", Fr, Some("2024-07-09"), Some(D)),
    ("The leaders will meet again in August",                                                       "2024-03-12", En, Some("2024-08"),    Some(M)),
    ("Le sommet se tiendra le 12 mars à Bruxelles",                                                 "2024-03-12", Fr, Some("2024-03-12"), Some(D)),
    ("Le sommet s'est tenu le 20 juillet à Bruxelles",                                              "2024-03-12", Fr, Some("2023-07-20"), Some(D)),
    // A date a verb fixes for a happening lies ahead, whatever the verb's tense.
    ("Judge Whitcombe set the sentencing for Feb. 20",                                              "2024-11-21", En, Some("2025-02-20"), Some(D)),
    ("Le procès a été renvoyé au 12 mars",                                                          "2024-11-21", Fr, Some("2025-03-12"), Some(D)),
    ("The sentencing took place on Feb. 20",                                                        "2024-11-21", En, Some("2024-02-20"), Some(D)),
    // Future weekdays go forward.
    ("Le président se rendra jeudi prochain à Berlin",                                              "2024-03-12", Fr, Some("2024-03-14"), Some(D)),
    ("The ministers will meet on Thursday in Paris",                                                "2024-03-12", En, Some("2024-03-14"), Some(D)),
    ("Les ministres vont se retrouver vendredi",                                                    "2024-03-12", Fr, Some("2024-03-15"), Some(D)),
    // A future weekday that is the article's own day is that day.
    ("Le tirage au sort aura lieu dimanche soir au siège de la fédération",                         "2024-01-21", Fr, Some("2024-01-21"), Some(D)),
    ("The committee will vote on Tuesday",                                                          "2024-06-04", En, Some("2024-06-04"), Some(D)),
    // The simple present of a scheduled happening speaks of the future.
    ("Leaders of the bloc meet in Brussels on Thursday to decide",                                  "2023-12-13", En, Some("2023-12-14"), Some(D)),
    ("The champions travel to Porto to face the hosts on Wednesday",                                "2024-12-08", En, Some("2024-12-11"), Some(D)),
    ("The two envoys agreed to meet on Monday",                                                     "2024-12-11", En, Some("2024-12-09"), Some(D)),
    // A regular past keeps its month in the past though a future follows.
    ("The club, who qualified for the final in May, travel to Lisbon to face the holders",          "2024-12-08", En, Some("2024-05"),    Some(M)),
    // A future seen from a past saying points onward.
    ("The union said its members would walk out from Tuesday",                                      "2025-03-06", En, Some("2025-03-11"), Some(D)),
    ("Le syndicat a prévenu qu'il bloquerait dès jeudi le port",                                    "2024-01-24", Fr, Some("2024-01-25"), Some(D)),
    // The conditional of an unconfirmed past is no future.
    ("Le chef rebelle aurait été tué lundi",                                                        "2024-01-24", Fr, Some("2024-01-22"), Some(D)),
    // `won` is a past, whatever future follows it in the sentence.
    ("She won the primary on Friday and will face the governor in the final round",                "2024-09-27", En, Some("2024-09-27"), Some(D)),
    // Habits are no dates.
    ("Les manifestants défilent chaque vendredi devant le parlement",                               "2024-03-12", Fr, None,               None),
    ("Les manifestants défilent tous les vendredis",                                                "2024-03-12", Fr, None,               None),
    ("A market is held every Sunday on the square",                                                 "2024-03-12", En, None,               None),
    // Year roll-over and weekday checks.
    ("le 20 décembre",                                                                              "2018-01-05", Fr, Some("2017-12-20"), Some(D)),
    ("le 20 décembre",                                                                              "2018-01",    Fr, Some("2017-12-20"), Some(D)),
    ("jeudi 28 septembre",                                                                          "2018-10-02", Fr, Some("2017-09-28"), Some(D)),
    ("mardi 30 septembre",                                                                          "2017-10-05", Fr, Some("2017-09-30"), Some(D)),
    ("jeudi 28 septembre 2016",                                                                     "",           Fr, Some("2016-09-28"), Some(D)),
    // Months.
    ("en août",                                                                                     "2017-11-21", Fr, Some("2017-08"),    Some(M)),
    ("en août",                                                                                     "",           Fr, None,               None),
    ("en decembre",                                                                                 "2017-09",    Fr, Some("2016-12"),    Some(M)),
    ("depuis fevrier",                                                                              "2017",       Fr, Some("2017-02"),    Some(M)),
    ("au mois d'août",                                                                              "2017-11-21", Fr, Some("2017-08"),    Some(M)),
    ("en août dernier",                                                                             "2017-08-15", Fr, Some("2016-08"),    Some(M)),
    // Years, seasons, parts.
    ("depuis 2011",                                                                                 "",           Fr, Some("2011"),       Some(Y)),
    ("dès 2014",                                                                                    "",           Fr, Some("2014"),       Some(Y)),
    ("jusqu'en 2020",                                                                               "",           Fr, Some("2020"),       Some(Y)),
    ("le sommet de 2015 a eu lieu",                                                                 "",           Fr, Some("2015"),       Some(Y)),
    ("à l'automne 2015",                                                                            "",           Fr, Some("2015"),       Some(Y)),
    ("pendant l'été 2016",                                                                          "",           Fr, Some("2016"),       Some(Y)),
    ("début 2016",                                                                                  "",           Fr, Some("2016"),       Some(Y)),
    ("fin 2016",                                                                                    "",           Fr, Some("2016"),       Some(Y)),
    ("à la mi-2016",                                                                                "",           Fr, Some("2016"),       Some(Y)),
    ("fin octobre",                                                                                 "2017-11-21", Fr, Some("2017-10"),    Some(M)),
    ("début octobre",                                                                               "2017-11-21", Fr, Some("2017-10"),    Some(M)),
    ("à la mi-novembre",                                                                            "2017-11-21", Fr, Some("2017-11"),    Some(M)),
    ("fin octobre 2016",                                                                            "",           Fr, Some("2016-10"),    Some(M)),
    ("fin mars",                                                                                    "2017-11-21", Fr, Some("2017-03"),    Some(M)),
    // Weekdays alone, past and future.
    ("Il se rendra jeudi à Moscou",                                                                 "2017-11-21", Fr, Some("2017-11-23"), Some(D)),
    ("Il a rencontré jeudi son homologue",                                                          "2017-11-21", Fr, Some("2017-11-16"), Some(D)),
    ("Le ministre a parlé mardi",                                                                   "2017-11-21", Fr, Some("2017-11-21"), Some(D)),
    ("mercredi soir, les troupes sont entrées",                                                     "2017-11-21", Fr, Some("2017-11-15"), Some(D)),
    ("Les deux hommes doivent se retrouver vendredi",                                               "2017-11-21", Fr, Some("2017-11-24"), Some(D)),
    ("lundi dernier",                                                                               "2017-11-21", Fr, Some("2017-11-20"), Some(D)),
    ("mardi dernier",                                                                               "2017-11-21", Fr, Some("2017-11-14"), Some(D)),
    ("mardi prochain",                                                                              "2017-11-21", Fr, Some("2017-11-28"), Some(D)),
    ("mardi",                                                                                       "2017",       Fr, None,               None),
    ("chaque lundi",                                                                                "2017-11-21", Fr, None,               None),
    ("le mardi gras",                                                                               "2017-11-21", Fr, None,               None),
    // Relative words.
    ("hier",                                                                                        "2017-11-21", Fr, Some("2017-11-20"), Some(D)),
    ("avant-hier",                                                                                  "2017-11-21", Fr, Some("2017-11-19"), Some(D)),
    ("aujourd’hui",                                                                                 "2017-11-21", Fr, Some("2017-11-21"), Some(D)),
    ("à ce jour",                                                                                   "2017-11-21", Fr, Some("2017-11-21"), Some(D)),
    ("demain",                                                                                      "2017-11-21", Fr, Some("2017-11-22"), Some(D)),
    ("la veille",                                                                                   "2017-11-21", Fr, Some("2017-11-20"), Some(D)),
    ("le lendemain",                                                                                "2017-11-21", Fr, Some("2017-11-22"), Some(D)),
    ("la veille du sommet",                                                                         "2017-11-21", Fr, None,               None),
    ("ce jour-là",                                                                                  "2017-11-21", Fr, None,               None),
    ("hier",                                                                                        "2017-11",    Fr, None,               None),
    ("la semaine dernière",                                                                         "2017-11-21", Fr, Some("2017-11"),    Some(M)),
    ("la semaine dernière",                                                                         "2017-11-03", Fr, Some("2017-10"),    Some(M)),
    ("la semaine prochaine",                                                                        "2017-11-28", Fr, Some("2017-12"),    Some(M)),
    ("le mois dernier",                                                                             "2018-01",    Fr, Some("2017-12"),    Some(M)),
    ("ce mois-ci",                                                                                  "2017-11-21", Fr, Some("2017-11"),    Some(M)),
    ("l'année dernière",                                                                            "2017",       Fr, Some("2016"),       Some(Y)),
    ("l'an dernier",                                                                                "2017-11-21", Fr, Some("2016"),       Some(Y)),
    ("cette année",                                                                                 "2017-11",    Fr, Some("2017"),       Some(Y)),
    ("l'année prochaine",                                                                           "2017",       Fr, Some("2018"),       Some(Y)),
    ("cette année-là",                                                                              "2017",       Fr, None,               None),
    // Durations and numbers that are not dates.
    ("depuis trois semaines",                                                                       "2017-11-21", Fr, None,               None),
    ("pendant deux jours",                                                                          "2017-11-21", Fr, None,               None),
    ("il y a 12 ans",                                                                               "2017-11-21", Fr, None,               None),
    ("depuis 20 jours",                                                                             "2017-11-21", Fr, None,               None),
    ("on compte 2.000 morts",                                                                       "2017-11-21", Fr, None,               None),
    ("plus de 2000 manifestants",                                                                   "2017-11-21", Fr, None,               None),
    ("entre 2000 et 2500 manifestants",                                                             "2017-11-21", Fr, None,               None),
    ("il a 4.000 soldats en 2000 points",                                                           "2017-11-21", Fr, None,               None),
    // Month names inside other words or used otherwise.
    ("à Marseille maintenant",                                                                      "2017-11-21", Fr, None,               None),
    ("la planète Mars",                                                                             "2017-11-21", Fr, None,               None),
    ("la mission Mars 2020",                                                                        "2017-11-21", Fr, None,               None),
    ("Ils ont été 2017 à manifester",                                                               "",           Fr, None,               None),
    ("le lundi 20 heures",                                                                          "2017-11-21", Fr, None,               None),
    ("L'Airbus A320 et le G20, loi 2015-1234",                                                      "",           Fr, None,               None),
    ("Les années 1990 ont vu la chute de l'URSS",                                                   "",           Fr, None,               None),
    ("Il aura 65 ans le 7 octobre prochain",                                                        "2017-11-21", Fr, Some("2018-10-07"), Some(D)),
    ("Il sera reçu mardi.",                                                                         "2017-11-21", Fr, Some("2017-11-21"), Some(D)),
    ("Il sera reçu mardi prochain.",                                                                "2017-11-21", Fr, Some("2017-11-28"), Some(D)),
    ("les sept pays",                                                                               "2017-11-21", Fr, None,               None),
    // English.
    ("The talks took place on Oct. 20.",                                                            "2015-10-21", En, Some("2015-10-20"), Some(D)),
    ("signed on October 20, 2015 in Vienna",                                                        "",           En, Some("2015-10-20"), Some(D)),
    ("signed on 20 October 2015",                                                                   "",           En, Some("2015-10-20"), Some(D)),
    ("signed on 20 October",                                                                        "2015-11",    En, Some("2015-10-20"), Some(D)),
    ("on Tuesday, Oct. 20, the ministers met",                                                      "2015-10-25", En, Some("2015-10-20"), Some(D)),
    ("the 21st of November",                                                                        "2017-11-21", En, Some("2017-11-21"), Some(D)),
    ("in March 2015",                                                                               "",           En, Some("2015-03"),    Some(M)),
    ("March 2015 was cold",                                                                         "",           En, Some("2015-03"),    Some(M)),
    ("in August",                                                                                   "2017-11-21", En, Some("2017-08"),    Some(M)),
    ("In May, the party won",                                                                       "2017-11-21", En, Some("2017-05"),    Some(M)),
    ("last October",                                                                                "2017-11-21", En, Some("2017-10"),    Some(M)),
    ("in 2011",                                                                                     "",           En, Some("2011"),       Some(Y)),
    ("since 2011",                                                                                  "",           En, Some("2011"),       Some(Y)),
    ("by 2030, the plan says",                                                                      "",           En, Some("2030"),       Some(Y)),
    ("in the summer of 2016",                                                                       "",           En, Some("2016"),       Some(Y)),
    ("late 2016",                                                                                   "",           En, Some("2016"),       Some(Y)),
    ("mid-2016",                                                                                    "",           En, Some("2016"),       Some(Y)),
    ("at the end of October",                                                                       "2017-11-21", En, Some("2017-10"),    Some(M)),
    ("early October",                                                                               "2017-11-21", En, Some("2017-10"),    Some(M)),
    ("mid-November",                                                                                "2017-11-21", En, Some("2017-11"),    Some(M)),
    ("He will meet Erdogan on Thursday",                                                            "2017-11-21", En, Some("2017-11-23"), Some(D)),
    ("He met Erdogan on Thursday",                                                                  "2017-11-21", En, Some("2017-11-16"), Some(D)),
    ("He is due to arrive on Friday",                                                               "2017-11-21", En, Some("2017-11-24"), Some(D)),
    ("Putin will host Erdogan and Rouhani in Sochi on Wednesday, the Kremlin said.",                "2017-11-21", En, Some("2017-11-22"), Some(D)),
    ("The talks will be held on Thursday.",                                                         "2017-11-21", En, Some("2017-11-23"), Some(D)),
    ("Erdogan said on Tuesday he would go",                                                         "2017-11-21", En, Some("2017-11-21"), Some(D)),
    ("would threaten its 1979 peace treaty with Israel",                                            "",           En, Some("1979"),       Some(Y)),
    ("The 2015 nuclear deal capped enrichment",                                                     "",           En, Some("2015"),       Some(Y)),
    ("under a 2014 law on surveillance",                                                            "",           En, Some("2014"),       Some(Y)),
    ("the 2000 protesters marched",                                                                 "",           En, None,               None),
    ("the 2500 people who fled",                                                                    "",           En, None,               None),
    ("the 1500 km pipeline",                                                                        "",           En, None,               None),
    ("The 1990s were turbulent",                                                                    "",           En, None,               None),
    ("Prices fall 2016 percent",                                                                    "",           En, None,               None),
    ("last Tuesday",                                                                                "2017-11-21", En, Some("2017-11-14"), Some(D)),
    ("yesterday",                                                                                   "2017-11-21", En, Some("2017-11-20"), Some(D)),
    ("today",                                                                                       "2017-11-21", En, Some("2017-11-21"), Some(D)),
    ("tomorrow",                                                                                    "2017-11-21", En, Some("2017-11-22"), Some(D)),
    ("last week",                                                                                   "2017-11-21", En, Some("2017-11"),    Some(M)),
    ("last month",                                                                                  "2017-11-21", En, Some("2017-10"),    Some(M)),
    ("this month",                                                                                  "2017-11-21", En, Some("2017-11"),    Some(M)),
    ("last year",                                                                                   "2017-11-21", En, Some("2016"),       Some(Y)),
    ("this year",                                                                                   "2017",       En, Some("2017"),       Some(Y)),
    ("next year",                                                                                   "2017",       En, Some("2018"),       Some(Y)),
    ("over the last year",                                                                          "2017",       En, None,               None),
    ("for three weeks",                                                                             "2017-11-21", En, None,               None),
    ("in six years",                                                                                "2017-11-21", En, None,               None),
    ("They may meet again",                                                                         "2017-11-21", En, None,               None),
    ("Theresa May said",                                                                            "2017-11-21", En, None,               None),
    ("the march on Washington",                                                                     "2017-11-21", En, None,               None),
    ("more than 2,000 people",                                                                      "2017-11-21", En, None,               None),
    ("around 2000 people",                                                                          "2017-11-21", En, None,               None),
    ("every Monday",                                                                                "2017-11-21", En, None,               None),
    ("on Tuesday",                                                                                  "2017-09",    En, None,               None),
];

fn anchor(s: &str) -> Option<DatePoint> {
    DatePoint::parse(s)
}

#[test]
fn table() {
    assert!(ROWS.len() >= 60);
    let mut failures = Vec::new();
    for &(text, anchor_s, lang, want, precision) in ROWS {
        let got = find_dates(text, anchor(anchor_s), lang);
        let ok = match want {
            None => got.is_empty(),
            Some(w) => {
                got.len() == 1
                    && got[0].date.to_string() == w
                    && Some(got[0].date.precision()) == precision
            }
        };
        for e in &got {
            assert!(text.get(e.start..e.end).is_some(), "bad range in {text:?}");
        }
        if !ok {
            let dates: Vec<_> = got
                .iter()
                .map(|e| (e.date.to_string(), &text[e.start..e.end]))
                .collect();
            failures.push(format!(
                "{text:?} under {anchor_s:?}: want {want:?}, got {dates:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn spans(text: &str, anchor_s: &str, lang: Lang) -> Vec<(String, String, bool)> {
    find_dates(text, anchor(anchor_s), lang)
        .into_iter()
        .map(|e| {
            (
                text[e.start..e.end].to_string(),
                e.date.to_string(),
                e.relative,
            )
        })
        .collect()
}

fn span(s: &str, date: &str, relative: bool) -> (String, String, bool) {
    (s.to_string(), date.to_string(), relative)
}

#[test]
fn spans_and_relative_flag() {
    assert_eq!(
        spans(
            "dans la soirée de lundi 20 novembre à Sotchi",
            "2017-11-21",
            Fr
        ),
        [span("lundi 20 novembre", "2017-11-20", true)]
    );
    assert_eq!(
        spans(
            "Le 21/11/2017, l’armée a pris la ville, hier soir.",
            "2017-11-22",
            Fr
        ),
        [
            span("21/11/2017", "2017-11-21", false),
            span("hier", "2017-11-21", true)
        ]
    );
    assert_eq!(
        spans("Début 2016 et en août, à la mi-novembre", "2017-11-21", Fr),
        [
            span("Début 2016", "2016", false),
            span("août", "2017-08", true),
            span("mi-novembre", "2017-11", true)
        ]
    );
}

#[test]
fn lists_and_ranges() {
    // A range of days is one expression, dated by its first day.
    assert_eq!(
        spans("les 20 et 21 novembre", "2017-11-21", Fr),
        [span("20 et 21 novembre", "2017-11-20", true)]
    );
    assert_eq!(
        spans("du 20 au 22 novembre 2017", "", Fr),
        [span("20 au 22 novembre 2017", "2017-11-20", false)]
    );
    assert_eq!(
        spans("du 30 décembre au 2 janvier 2024", "", Fr),
        [span("30 décembre au 2 janvier 2024", "2023-12-30", false)]
    );
    assert_eq!(
        spans("Talks are set for Oct. 20-22 in Geneva", "2015-10-01", En),
        [span("Oct. 20-22", "2015-10-20", true)]
    );
    // A date keeps its own year whatever year follows in the sentence.
    assert_eq!(
        spans(
            "le crash du 3 août 2008, jugé lors du procès ouvert en 2018",
            "2018-10-15",
            Fr
        ),
        [
            span("3 août 2008", "2008-08-03", false),
            span("2018", "2018", false)
        ]
    );
    // A list of days, and of years, stays a list.
    assert_eq!(
        spans("le 3 mars et le 10 avril", "2017-11-21", Fr),
        [
            span("3 mars", "2017-03-03", true),
            span("10 avril", "2017-04-10", true)
        ]
    );
    assert_eq!(
        spans("de 2011 à 2015", "", Fr),
        [span("2011", "2011", false), span("2015", "2015", false)]
    );
    assert_eq!(
        spans("dans la nuit de dimanche à lundi", "2017-11-21", Fr),
        [
            span("dimanche", "2017-11-19", true),
            span("lundi", "2017-11-20", true)
        ]
    );
}

#[test]
fn tense_is_read_per_clause() {
    assert_eq!(
        spans(
            "Il a rencontré lundi M. Lavrov et se rendra jeudi à Ankara",
            "2017-11-21",
            Fr
        ),
        [
            span("lundi", "2017-11-20", true),
            span("jeudi", "2017-11-23", true)
        ]
    );
    assert_eq!(
        spans(
            "He said on Monday that he will travel on Thursday",
            "2017-11-21",
            En
        ),
        [
            span("Monday", "2017-11-20", true),
            span("Thursday", "2017-11-23", true)
        ]
    );
}

#[test]
fn odd_inputs_do_not_panic() {
    let digits = "7".repeat(10_000);
    let mixed = "2017/".repeat(2_000);
    let odd = [
        "",
        " ",
        "’’’",
        "é",
        "-----",
        "31/02/2017",
        "99/99/9999",
        "0/0/0",
        "1er",
        "mi-",
        "l'",
        "le 20",
        "Nov.",
        digits.as_str(),
        mixed.as_str(),
        "e\u{301}te\u{301} 2016",
    ];
    for text in odd {
        for lang in [Fr, En] {
            for a in [
                "",
                "2017",
                "2017-11",
                "2017-11-21",
                "9999-12-31",
                "0001-01-01",
            ] {
                let got = find_dates(text, anchor(a), lang);
                for e in got {
                    assert!(text.get(e.start..e.end).is_some());
                }
                let _ = self_date(text, anchor(a), lang);
                let _ = is_future(text, lang);
            }
        }
    }
    let extreme = Some(DatePoint {
        year: i32::MAX,
        month: Some(12),
        day: None,
    });
    assert!(find_dates("le mois prochain, en décembre, l'an prochain", extreme, Fr).len() <= 3);
    assert_eq!(find_dates("31/02/2017", None, Fr), []);
    assert_eq!(find_dates(&digits, None, Fr), []);
    assert_eq!(
        find_dates("été 2016", None, Fr).first().map(|e| e.date),
        Some(DatePoint::year(2016))
    );
}

#[test]
fn decomposed_accents_are_read() {
    let text = "en fe\u{301}vrier 2015";
    let got = find_dates(text, None, Fr);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].date.to_string(), "2015-02");
    assert_eq!(&text[got[0].start..got[0].end], "fe\u{301}vrier 2015");
}

/// (text, anchor or "", language, the self date or None).
#[rustfmt::skip]
const SELF_ROWS: &[(&str, &str, Lang, Option<&str>)] = &[
    ("Le président russe a reçu ce 21 novembre 2017 son homologue.",    "",           Fr, Some("2017-11-21")),
    ("Il se rend ce 23 janvier à Davos.",                               "2019-01",    Fr, Some("2019-01-23")),
    ("Il se rend ce 23 janvier à Davos.",                               "",           Fr, None),
    ("Ils se retrouvent ce lundi 20 novembre à Sotchi.",                "2017",       Fr, Some("2017-11-20")),
    ("MOSCOW, Nov. 21, 2017 (Reuters) - President Putin met...",        "",           En, Some("2017-11-21")),
    ("MOSCOW, Nov. 21 (Reuters) - Putin met...",                        "2017-11",    En, Some("2017-11-21")),
    ("November 21, 2017\nPutin met Assad in Sochi.",                    "",           En, Some("2017-11-21")),
    ("Paris, le 21 novembre 2017\nLe président a reçu...",              "",           Fr, Some("2017-11-21")),
    ("Published on 21 November 2017 by staff",                          "",           En, Some("2017-11-21")),
    ("Publié le 21 novembre 2017 à 10h",                                "",           Fr, Some("2017-11-21")),
    ("Les deux hommes se sont vus le 20 novembre à Sotchi.",            "2017-11-21", Fr, None),
    ("Putin met Assad on Nov. 20 in Sochi.",                            "2017-11-21", En, None),
    ("Le sommet a eu lieu en novembre 2017 à Sotchi.",                  "",           Fr, None),
    ("Aucune date ici, seulement du texte.",                            "2017-11-21", Fr, None),
    ("",                                                                "",           En, None),
];

#[test]
fn self_dates() {
    for &(text, anchor_s, lang, want) in SELF_ROWS {
        let got = self_date(text, anchor(anchor_s), lang);
        assert_eq!(
            got,
            want.and_then(DatePoint::parse),
            "{text:?} under {anchor_s:?}"
        );
    }
}

#[test]
fn future_clauses() {
    let fr_future = [
        "Le président se rendra jeudi à Moscou",
        "Les deux dirigeants s’entretiendront mercredi",
        "Il va rencontrer son homologue",
        "Le ministre doit participer au sommet",
        "la semaine prochaine",
        "Il va s'entretenir avec M. Erdogan",
        "La rencontre est prévue jeudi",
        "Le sommet aura lieu à Sotchi",
    ];
    let fr_past = [
        "Il a rencontré son homologue",
        "Les deux dirigeants se sont entretenus",
        "la caméra de l'opéra",
        "Il va bien",
        "la livre turque et la lira",
    ];
    let en_future = [
        "The president will meet Erdogan",
        "Putin is to meet Erdogan",
        "Putin is due to arrive in Sochi",
        "They'll talk next week",
        "He is expected to attend",
        "Blinken is expected in New York on Monday",
        "The defendant is due in court on Friday",
    ];
    let en_past = [
        "Putin met Erdogan",
        "It was due to the weather",
        "the will of the people",
        "The goal is to end the war",
        "He sat next to Erdogan",
        "More rain is expected of the season",
    ];
    for c in fr_future {
        assert!(is_future(c, Fr), "{c}");
    }
    for c in fr_past {
        assert!(!is_future(c, Fr), "{c}");
    }
    for c in en_future {
        assert!(is_future(c, En), "{c}");
    }
    for c in en_past {
        assert!(!is_future(c, En), "{c}");
    }
}

#[test]
fn long_text_finds_every_date() {
    let sentence = "Le 20 novembre 2017, M. Poutine a reçu lundi à Sotchi M. Assad, et se rendra jeudi en Turquie. ";
    let text = sentence.repeat(2_000);
    assert_eq!(find_dates(&text, anchor("2017-11-21"), Fr).len(), 6_000);
}
