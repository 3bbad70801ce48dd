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
    // An intention or a refusal is no happening, quotes or not.
    ("Le Kremlin a répété mardi que Vladimir Poutine n'avait \"aucune intention\" de négocier.", ("mardi", "2024-02-20"), &[("Kremlin", Org), ("Vladimir Poutine", Per)], None, &[], None),
    ("The minister refused to meet the strikers on Monday.", ("on Monday", "2024-03-11"), &[], None, &[], None),
    // Words quoted whole after a saying are the saying's.
    ("Dmitry Peskov said on Monday that Moscow remained \"open to negotiations\".", ("on Monday", "2025-10-13"), &[("Dmitry Peskov", Per), ("Moscow", Loc)], None, &[], None),
    // To call something a name is no phone call (what Ruto did on Tuesday
    // is still told, in his clause's own words).
    ("Ruto called the violence \"treasonous\" on Tuesday.", ("on Tuesday", "2024-06-25"), &[("Ruto", Per)], Some(S::Other), &["Ruto"], None),
    ("William Ruto came to power in 2022.", ("in 2022", "2022"), &[("William Ruto", Per)], Some(S::Inauguration), &["William Ruto"], None),
    // A few quoted words are a phrase of the clause, not a clause of their own.
    ("Olga Lenko a indiqué avoir eu jeudi un « long entretien » téléphonique avec Karl Merz.", ("jeudi", "2025-11-13"), &[("Olga Lenko", Per), ("Karl Merz", Per)], Some(S::PhoneCall), &["Olga Lenko", "Karl Merz"], None),
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

#[rustfmt::skip]
const MORE_FORMS: &[Row] = &[
    // Courts: nominal, passive and future forms.
    ("Le verdict a été rendu jeudi par la cour d'assises du Rhône.", ("jeudi", "2024-03-14"), &[("cour d'assises du Rhône", Org)], Some(S::Verdict), &["cour d'assises du Rhône"], None),
    ("The former mayor Ray Dunn was convicted of bribery on Monday.", ("on Monday", "2024-03-11"), &[("Ray Dunn", Per)], Some(S::Verdict), &["Ray Dunn"], None),
    ("L'ancien ministre Paul Roy sera jugé le 3 juin à Paris.", ("le 3 juin", "2024-06-03"), &[("Paul Roy", Per), ("+Paris", Loc)], Some(S::Trial), &["Paul Roy"], Some("Paris")),
    ("Police detained three men on Saturday in Bristol.", ("on Saturday", "2024-03-09"), &[("+Bristol", Loc)], Some(S::Arrest), &[], Some("Bristol")),
    // Fines, by a regulator or a court.
    ("La Commission européenne a infligé une amende de 1,2 milliard d'euros à Orvane le 18 juin.", ("le 18 juin", "2025-06-18"), &[("Commission européenne", Org), ("Orvane", Org)], Some(S::Fine), &["Commission européenne", "Orvane"], None),
    ("Regulators fined Veltro €400 million on Tuesday.", ("on Tuesday", "2025-06-17"), &[("Veltro", Org)], Some(S::Fine), &["Veltro"], None),
    // Crimes.
    ("L'opposant Ivan Sokolov a été empoisonné en août 2020.", ("en août 2020", "2020-08"), &[("Ivan Sokolov", Per)], Some(S::Crime), &["Ivan Sokolov"], None),
    ("The reporter Dana Price was kidnapped on Friday in Bamako.", ("on Friday", "2024-03-08"), &[("Dana Price", Per), ("+Bamako", Loc)], Some(S::Crime), &["Dana Price"], Some("Bamako")),
    // Claims of responsibility: the claim, not the attack it claims.
    ("L'attaque a été revendiquée mercredi par l'État islamique.", ("mercredi", "2024-03-13"), &[("État islamique", Org)], Some(S::Claim), &["État islamique"], None),
    ("On Sunday, Al-Shabaab claimed responsibility for the attack.", ("On Sunday", "2024-03-10"), &[("Al-Shabaab", Org)], Some(S::Claim), &["Al-Shabaab"], None),
    // Companies: foundings, stakes, bankruptcies.
    ("La start-up Solvane a été fondée en 2019 à Nantes.", ("en 2019", "2019"), &[("Solvane", Org), ("+Nantes", Loc)], Some(S::Founding), &["Solvane"], Some("Nantes")),
    ("The charity was founded in 1921 by Mary Holt.", ("in 1921", "1921"), &[("Mary Holt", Per)], Some(S::Founding), &["Mary Holt"], None),
    ("Orvane est entré au capital de Solvane en 2023.", ("en 2023", "2023"), &[("Orvane", Org), ("Solvane", Org)], Some(S::Takeover), &["Orvane", "Solvane"], None),
    ("Le fabricant Morand a été placé en liquidation judiciaire le 4 mars.", ("le 4 mars", "2024-03-04"), &[("Morand", Org)], Some(S::Bankruptcy), &["Morand"], None),
    ("The retailer Brandwell filed for bankruptcy on Monday.", ("on Monday", "2024-03-11"), &[("Brandwell", Org)], Some(S::Bankruptcy), &["Brandwell"], None),
    ("The Bank of England held interest rates at 5.25% on Thursday.", ("on Thursday", "2024-03-21"), &[("Bank of England", Org)], Some(S::RateDecision), &["Bank of England"], None),
    // Governments' decisions.
    ("La Première ministre a engagé vendredi la responsabilité de son gouvernement.", ("vendredi", "2023-11-24"), &[], Some(S::Decision), &[], None),
    ("Le gouvernement a instauré un couvre-feu le 2 mai.", ("le 2 mai", "2024-05-02"), &[], Some(S::Decision), &[], None),
    ("The president signed into law a ban on the app on April 24.", ("on April 24", "2024-04-24"), &[], Some(S::Decision), &[], None),
    // Rescues, prizes by their jury, rivers out of their beds.
    ("Trois alpinistes ont été secourus mardi près de Chamonix.", ("mardi", "2024-03-12"), &[("+Chamonix", Loc)], Some(S::Rescue), &[], Some("Chamonix")),
    ("Coastguards rescued eleven fishermen off Galway on Sunday.", ("on Sunday", "2024-03-10"), &[("+Galway", Loc)], Some(S::Rescue), &[], Some("Galway")),
    ("Le jury du prix Femina a distingué lundi la romancière Inès Vallot.", ("lundi", "2024-11-04"), &[("Inès Vallot", Per)], Some(S::Award), &["Inès Vallot"], None),
    ("The Tarn burst its banks on Friday near Albi.", ("on Friday", "2024-03-08"), &[("Tarn", Loc), ("+Albi", Loc)], Some(S::Disaster), &["Tarn"], Some("Albi")),
    // Health.
    ("Sweden confirmed its first case of the new strain on Thursday.", ("on Thursday", "2024-08-15"), &[("Sweden", Loc)], Some(S::Outbreak), &["Sweden"], None),
    // Visits seen from the air, meetings by other names, blockades, walkouts.
    ("President Ana Ruiz flew over the flooded valley on Thursday.", ("on Thursday", "2024-05-02"), &[("Ana Ruiz", Per)], Some(S::Visit), &["Ana Ruiz"], None),
    ("Une table ronde réunira la direction et les syndicats le 9 avril.", ("le 9 avril", "2025-04-09"), &[], Some(S::Meeting), &[], None),
    ("Des agriculteurs bloquent l'autoroute depuis lundi près de Carbonne.", ("lundi", "2024-01-22"), &[("+Carbonne", Loc)], Some(S::Demonstration), &[], Some("Carbonne")),
    ("The union said its members would walk out on Tuesday.", ("on Tuesday", "2025-03-11"), &[], Some(S::Strike), &[], None),
    ("Two trains collided near Larissa on Tuesday.", ("on Tuesday", "2023-02-28"), &[("+Larissa", Loc)], Some(S::Accident), &[], Some("Larissa")),
    ("La destruction, en novembre 2015, d'un bombardier par la chasse turque.", ("en novembre 2015", "2015-11"), &[], Some(S::Attack), &[], None),
    ("Le prix Nobel de la paix a été décerné vendredi à Leyla Amini.", ("vendredi", "2023-10-06"), &[("Leyla Amini", Per)], Some(S::Award), &["Leyla Amini"], None),
    ("Spain beat England 2-1 in the final on Sunday.", ("on Sunday", "2024-07-14"), &[("Spain", Org), ("England", Org)], Some(S::Match), &["Spain", "England"], None),
    ("La nomination de Claire Vidal à la tête de la Banque de France a été annoncée le 2 mai.", ("le 2 mai", "2024-05-02"), &[("Claire Vidal", Per), ("Banque de France", Org)], Some(S::Appointment), &["Claire Vidal", "Banque de France"], None),
];

/// Offices taken over and lost, courts hearing and upholding, armies
/// deploying and capturing, evacuations, prisoner exchanges, unveilings,
/// races, numbered summits: the happenings of the other beats.
#[rustfmt::skip]
const OTHER_BEATS: &[Row] = &[
    ("Lena Marsh took over from Tom Reyes as chief executive in 2021.", ("in 2021", "2021"), &[("Lena Marsh", Per), ("Tom Reyes", Per)], Some(S::Appointment), &["Lena Marsh", "Tom Reyes"], None),
    ("Anne Morel prendra la succession de Paul Girard le 1er juillet.", ("le 1er juillet", "2025-07-01"), &[("Anne Morel", Per), ("Paul Girard", Per)], Some(S::Appointment), &["Anne Morel", "Paul Girard"], None),
    ("The Senate voted to impeach the governor on Friday.", ("on Friday", "2024-03-08"), &[("Senate", Org)], Some(S::Vote), &["Senate"], None),
    ("The former president was impeached in December 2016.", ("in December 2016", "2016-12"), &[], Some(S::Vote), &[], None),
    ("The mayor was removed from office in March 2017.", ("in March 2017", "2017-03"), &[], Some(S::Removal), &[], None),
    ("Le maire a été démis de ses fonctions le 4 mars.", ("le 4 mars", "2024-03-04"), &[], Some(S::Removal), &[], None),
    ("The justices heard arguments in the case on Jan. 16.", ("on Jan. 16", "2024-01-16"), &[], Some(S::Trial), &[], None),
    ("An appeals court upheld the fine in March 2023.", ("in March 2023", "2023-03"), &[], Some(S::Verdict), &[], None),
    ("The army was deployed in the capital on Tuesday.", ("on Tuesday", "2024-06-25"), &[], Some(S::Deployment), &[], None),
    ("Rebels captured the town on Sunday.", ("on Sunday", "2024-03-10"), &[], Some(S::Invasion), &[], None),
    ("Residents left after an evacuation order on Monday night.", ("on Monday", "2024-07-22"), &[], Some(S::Evacuation), &[], None),
    ("Mille habitants ont été évacués mardi près de Valence.", ("mardi", "2024-10-29"), &[("+Valence", Loc)], Some(S::Evacuation), &[], Some("Valence")),
    ("The two sides exchanged 300 prisoners of war on Monday.", ("on Monday", "2024-12-30"), &[], Some(S::PrisonerExchange), &[], None),
    ("Un échange de prisonniers a eu lieu samedi à la frontière.", ("samedi", "2024-06-01"), &[], Some(S::PrisonerExchange), &[], None),
    ("The company will unveil its new chip in Austin on May 13.", ("on May 13", "2025-05-13"), &[("+Austin", Loc)], Some(S::Launch), &[], Some("Austin")),
    ("The next race is the Belgian Grand Prix at Spa on July 28.", ("on July 28", "2024-07-28"), &[("+Spa", Loc)], Some(S::Match), &[], Some("Spa")),
    ("The MPC's next policy decision is due on Feb. 7.", ("on Feb. 7", "2025-02-07"), &[("MPC", Org)], Some(S::RateDecision), &["MPC"], None),
    ("La COP30 s'ouvrira le 10 novembre à Belém.", ("le 10 novembre", "2025-11-10"), &[("+Belém", Loc)], Some(S::Summit), &[], Some("Belém")),
    ("Leaders of the G20 gathered in Rio on Monday.", ("on Monday", "2024-11-18"), &[("+Rio", Loc)], Some(S::Summit), &[], Some("Rio")),
    // The headquarters of a firm, the exchanges of a station: no siege, no swap.
    ("Des salariés ont manifesté samedi devant le siège de l'entreprise.", ("samedi", "2024-03-09"), &[], Some(S::Demonstration), &[], None),
];

/// A win, a blast or a bare strike takes its subtype from the sentence.
#[rustfmt::skip]
const TYPED_BY_THE_SENTENCE: &[Row] = &[
    ("Lai Wen a remporté samedi l'élection présidentielle avec 40 % des voix.", ("samedi", "2024-01-13"), &[("Lai Wen", Per)], Some(S::Election), &["Lai Wen"], None),
    ("Ana Ruiz a remporté dimanche 52 % des suffrages.", ("dimanche", "2024-03-10"), &[("Ana Ruiz", Per)], Some(S::Election), &["Ana Ruiz"], None),
    ("Le club de Lens a remporté samedi la Coupe de France.", ("samedi", "2024-05-25"), &[("Lens", Org)], Some(S::Match), &["Lens"], None),
    ("Ada Quinn won on Tuesday the award for a first novel.", ("on Tuesday", "2024-11-12"), &[("Ada Quinn", Per)], Some(S::Award), &["Ada Quinn"], None),
    ("An explosion ripped through a chemical plant in Ludwigshafen on Monday.", ("on Monday", "2024-03-11"), &[("+Ludwigshafen", Loc)], Some(S::Accident), &[], Some("Ludwigshafen")),
    ("A blast hit an army convoy on Monday as drones struck the base.", ("on Monday", "2024-03-11"), &[], Some(S::Attack), &[], None),
    // A bare strike: a walkout by who walks out or what stops, else military.
    ("A 48-hour rail strike will halt most trains on Tuesday.", ("on Tuesday", "2025-03-11"), &[], Some(S::Strike), &[], None),
    ("The teachers' strike closed most schools in Quebec on Thursday.", ("on Thursday", "2023-11-23"), &[("+Quebec", Loc)], Some(S::Strike), &[], Some("Quebec")),
    ("A strike on a fuel depot near Kherson killed two people on Sunday.", ("on Sunday", "2024-03-10"), &[("+Kherson", Loc)], Some(S::Attack), &[], Some("Kherson")),
    ("The strikes hit Kharkiv on Friday, the regional governor said.", ("on Friday", "2024-03-08"), &[("+Kharkiv", Loc)], Some(S::Attack), &[], Some("Kharkiv")),
];

/// Dates that make no event: a tally brought up to date, a possibility, a
/// saying whose happening lies in another clause, a date given up, a deadline.
#[rustfmt::skip]
const NO_EVENT: &[Row] = &[
    ("The death toll from the floods rose to 57 on Friday.", ("on Friday", "2024-05-03"), &[], None, &[], None),
    ("Le bilan du séisme s'est alourdi mardi à 300 morts.", ("mardi", "2024-03-12"), &[], None, &[], None),
    ("Another storm could form east of the islands next week.", ("next week", "2024-11"), &[], None, &[], None),
    ("The two unions will meet the rail operator next week.", ("next week", "2025-03"), &[], None, &[], None),
    ("Les ministres se sont réunis la semaine dernière à Rome.", ("la semaine dernière", "2024-05"), &[("+Rome", Loc)], None, &[], None),
    ("Le typhon pourrait toucher terre jeudi.", ("jeudi", "2024-10-24"), &[], None, &[], None),
    ("Ines Moro said on Wednesday that it was \"too early to declare victory\".", ("on Wednesday", "2023-09-13"), &[("Ines Moro", Per)], None, &[], None),
    ("Le scrutin, initialement fixé au 25 février, a été reporté.", ("25 février", "2024-02-25"), &[], None, &[], None),
    ("La commission doit publier les résultats provisoires au plus tard vendredi.", ("vendredi", "2024-03-29"), &[], None, &[], None),
];

/// A sentence and its dates (text, resolution), the one event's date.
type RangeRow = (
    &'static str,
    &'static [(&'static str, &'static str)],
    &'static str,
);

#[rustfmt::skip]
const RANGES: &[RangeRow] = &[
    ("Les sidérurgistes ont fait grève de 2011 à 2015.", &[("2011", "2011"), ("2015", "2015")], "2011"),
    ("The fund moved money offshore between 2014 and 2016, prosecutors said.", &[("2014", "2014"), ("2016", "2016")], "2014"),
    ("Le gouvernement a approuvé dans la nuit de mardi à mercredi un accord.", &[("mardi", "2023-11-21"), ("mercredi", "2023-11-22")], "2023-11-22"),
    ("Trains will be cancelled on Tuesday and Wednesday during the strike.", &[("Tuesday", "2025-03-11"), ("Wednesday", "2025-03-12")], "2025-03-11"),
];

#[test]
fn ranges_give_one_event() {
    for &(text, dates, want) in RANGES {
        let spans: Vec<DatedSpan> = dates
            .iter()
            .map(|&(needle, date)| {
                let at = text.find(needle).expect("the date is in the sentence");
                DatedSpan {
                    sentence: 0,
                    span: at..at + needle.len(),
                    date: DatePoint::parse(date).expect("a valid date"),
                    relative: false,
                }
            })
            .collect();
        let refs: Vec<&DatedSpan> = spans.iter().collect();
        let found = find(text, 0, 0..text.len(), &refs, &[]);
        let got: Vec<String> = found.iter().map(|e| e.date.to_string()).collect();
        assert_eq!(got, [want], "{text}");
    }
}

#[test]
fn other_beats() {
    OTHER_BEATS.iter().for_each(run);
}

#[test]
fn more_forms() {
    MORE_FORMS.iter().for_each(run);
}

#[test]
fn typed_by_the_sentence() {
    TYPED_BY_THE_SENTENCE.iter().for_each(run);
}

#[test]
fn no_event() {
    NO_EVENT.iter().for_each(run);
}

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
