//! Descriptions of events for the timeline and the exports, in the language
//! of the article that first reported them.
//!
//! Meetings, calls, visits and the other diplomatic types read as a label
//! and their actors (`Rencontre Poutine – al-Assad à Sotchi`); any other
//! happening is told by its trigger and what follows it in the sentence
//! (`Verdict : Pellow condamné à cinq ans`, `Kowalczyk named deputy mayor`),
//! never as a bare `Événement X – Y`.

use crate::extract::fold::fold;
use crate::extract::kind::{EntityKind, Subtype};
use crate::extract::lang::Lang;

/// What a description is made of; names come with their entity kind, so
/// that people go by their surname.
#[derive(Debug, Clone, Copy)]
pub struct Description<'a> {
    pub subtype: Subtype,
    pub participants: &'a [(&'a str, EntityKind)],
    /// The participants named before the trigger (`X` of `X condamné à`).
    pub agents: &'a [(&'a str, EntityKind)],
    /// The trigger and the words after it (`condamné à cinq ans`), or empty.
    pub gist: &'a str,
    /// The place with the preposition the text gave it (`en Turquie`).
    pub place: Option<(Option<&'a str>, &'a str)>,
    pub lang: Lang,
}

/// A short line for the timeline. People go by their last name; at most
/// three participants are named; the place keeps the preposition the text
/// gave it (`en Turquie`).
pub fn describe(d: &Description) -> String {
    if d.gist.is_empty() || is_diplomatic(d.subtype) {
        return by_actors(d);
    }
    let names = |list: &[(&str, EntityKind)]| -> Vec<String> {
        list.iter()
            .filter(|(n, _)| d.place.is_none_or(|(_, p)| p != *n))
            .map(|(n, k)| short_name(n, *k))
            // The words already name them (`King Charles is expected to ask
            // Starmer`).
            .filter(|n| !d.gist.contains(n.as_str()))
            .take(3)
            .collect()
    };
    let and = match d.lang {
        Lang::Fr => " et ",
        Lang::En => " and ",
    };
    let agents = names(d.agents);
    let mut told = if agents.is_empty() {
        let mut told = d.gist.to_string();
        let others = names(d.participants);
        if !others.is_empty() {
            told.push_str(" – ");
            told.push_str(&others.join(", "));
        }
        told
    } else {
        format!("{} {}", agents.join(and), d.gist)
    };
    if let Some((preposition, p)) = d.place
        && !told.contains(p)
    {
        told.push(' ');
        told.push_str(&place_phrase(preposition, p, d.lang));
    }
    labelled(d.subtype, d.lang, told)
}

/// `Label : what happened`, unless the words already open with the label
/// (`Grève des salariés`) or the subtype has no label of its own.
fn labelled(subtype: Subtype, lang: Lang, told: String) -> String {
    let Some(label) = label(subtype, lang).filter(|_| subtype != Subtype::Other) else {
        return capitalised(&told);
    };
    let head = fold(label);
    if fold(&told).starts_with(&head) {
        return capitalised(&told);
    }
    let colon = match lang {
        Lang::Fr => " : ",
        Lang::En => ": ",
    };
    format!("{label}{colon}{told}")
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// The types whose label and actors say enough: `Rencontre X – Y à Z`.
fn is_diplomatic(s: Subtype) -> bool {
    use Subtype::*;
    matches!(
        s,
        Meeting | Summit | PhoneCall | Visit | Talks | Agreement | Attack | Election | Statement
    )
}

/// `Rencontre Poutine – al-Assad à Sotchi`.
fn by_actors(d: &Description) -> String {
    let names: Vec<String> = d
        .participants
        .iter()
        .filter(|(n, _)| d.place.is_none_or(|(_, p)| p != *n))
        .take(3)
        .map(|(n, k)| short_name(n, *k))
        .collect();
    let mut out = label(d.subtype, d.lang)
        .or_else(|| label(Subtype::Other, d.lang))
        .expect("`other` has a label")
        .to_string();
    if !names.is_empty() {
        out.push(' ');
        out.push_str(&names.join(" – "));
    }
    if let Some((preposition, p)) = d.place {
        out.push(' ');
        out.push_str(&place_phrase(preposition, p, d.lang));
    }
    out
}

fn place_phrase(preposition: Option<&str>, place: &str, lang: Lang) -> String {
    let default = match lang {
        Lang::Fr => "à",
        Lang::En => "in",
    };
    let preposition = preposition.map(str::to_lowercase);
    format!("{} {place}", preposition.as_deref().unwrap_or(default))
}

/// A person's name without the first names that open it: `Poutine`,
/// `Le Drian`, `al-Assad`; a name with no known first name stays whole
/// (`Xi Jinping`).
fn short_name(name: &str, kind: EntityKind) -> String {
    if kind != EntityKind::Person {
        return name.to_string();
    }
    let gaz = crate::extract::gazetteer::get();
    let words: Vec<&str> = name.split(' ').collect();
    // The last word is the surname even when it is also a first name (`Paul Martin`).
    let given = words
        .iter()
        .take_while(|w| w.split('-').all(|p| gaz.is_first_name(p)))
        .count()
        .min(words.len() - 1);
    if given == 0 {
        return name.to_string();
    }
    words[given..].join(" ")
}

/// The label of a subtype in each language.
fn label(subtype: Subtype, lang: Lang) -> Option<&'static str> {
    use Subtype::*;
    let (fr, en) = match subtype {
        Meeting => ("Rencontre", "Meeting"),
        Summit => ("Sommet", "Summit"),
        PhoneCall => ("Entretien téléphonique", "Phone call"),
        Visit => ("Visite", "Visit"),
        Talks => ("Pourparlers", "Talks"),
        Agreement => ("Accord", "Agreement"),
        Truce => ("Trêve", "Truce"),
        Attack => ("Action militaire", "Military action"),
        Invasion => ("Invasion", "Invasion"),
        Coup => ("Coup d'État", "Coup"),
        Exercise => ("Manœuvres militaires", "Military exercise"),
        Deployment => ("Déploiement", "Deployment"),
        Election => ("Élections", "Election"),
        Vote => ("Vote", "Vote"),
        Statement => ("Déclaration", "Statement"),
        Emergency => ("Urgence", "Emergency"),
        Verdict => ("Verdict", "Verdict"),
        Sentence => ("Peine", "Sentence"),
        Arrest => ("Arrestation", "Arrest"),
        Charge => ("Poursuites", "Charges"),
        Trial => ("Procès", "Trial"),
        Investigation => ("Enquête", "Investigation"),
        Appointment => ("Nomination", "Appointment"),
        Resignation => ("Démission", "Resignation"),
        Inauguration => ("Investiture", "Inauguration"),
        Death => ("Décès", "Death"),
        Disaster => ("Catastrophe", "Disaster"),
        Accident => ("Accident", "Accident"),
        Launch => ("Lancement", "Launch"),
        Strike => ("Grève", "Strike"),
        Demonstration => ("Manifestation", "Demonstration"),
        RateDecision => ("Taux", "Rate decision"),
        Takeover => ("Rachat", "Takeover"),
        Award => ("Prix", "Award"),
        Match => ("Match", "Match"),
        Release => ("Libération", "Release"),
        Withdrawal => ("Retrait", "Withdrawal"),
        Sanctions => ("Sanctions", "Sanctions"),
        Rupture => ("Rupture", "Rupture"),
        Unrest => ("Soulèvement", "Uprising"),
        Claim => ("Revendication", "Claim"),
        Toll => ("Bilan", "Toll"),
        Decision => ("Décision", "Decision"),
        Founding => ("Fondation", "Founding"),
        Fine => ("Amende", "Fine"),
        Crime => ("Crime", "Crime"),
        Bankruptcy => ("Faillite", "Bankruptcy"),
        Outbreak => ("Épidémie", "Outbreak"),
        Rescue => ("Sauvetage", "Rescue"),
        Evacuation => ("Évacuation", "Evacuation"),
        PrisonerExchange => ("Échange de prisonniers", "Prisoner exchange"),
        Removal => ("Destitution", "Removal from office"),
        Other => ("Événement", "Event"),
    };
    Some(match lang {
        Lang::Fr => fr,
        Lang::En => en,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d<'a>(
        subtype: Subtype,
        participants: &'a [(&'a str, EntityKind)],
        agents: &'a [(&'a str, EntityKind)],
        gist: &'a str,
        place: Option<(Option<&'a str>, &'a str)>,
        lang: Lang,
    ) -> String {
        describe(&Description {
            subtype,
            participants,
            agents,
            gist,
            place,
            lang,
        })
    }

    type Names<'a> = &'a [(&'a str, EntityKind)];
    /// Subtype, participants, agents, gist, place, language, description.
    type Row<'a> = (
        Subtype,
        Names<'a>,
        Names<'a>,
        &'a str,
        Option<(Option<&'a str>, &'a str)>,
        Lang,
        &'a str,
    );

    #[test]
    fn descriptions_by_rule() {
        use EntityKind::{Org, Person};
        let dupont = [("Jean Dupont", Person), ("Paul Martin", Person)];
        let x = [("Marc Delvaux", Person)];
        let y = [("Anne Kowalczyk", Person)];
        let union = [("CGT", Org)];
        #[rustfmt::skip]
        let rows: &[Row] = &[
            // Diplomatic types: label and actors, people by surname, the place with its preposition.
            (Subtype::Meeting, &dupont, &[], "rencontre", Some((None, "Lyon")), Lang::Fr, "Rencontre Dupont – Martin à Lyon"),
            (Subtype::PhoneCall, &dupont, &[], "", Some((Some("in"), "Kyiv")), Lang::En, "Phone call Dupont – Martin in Kyiv"),
            // A happening done to someone named before the trigger: label, agent, trigger and complement.
            (Subtype::Verdict, &x, &x, "condamné à cinq ans", None, Lang::Fr, "Verdict : Delvaux condamné à cinq ans"),
            (Subtype::Verdict, &x, &x, "sentenced to five years", None, Lang::En, "Verdict: Delvaux sentenced to five years"),
            (Subtype::Appointment, &y, &y, "nommée Première ministre", None, Lang::Fr, "Nomination : Kowalczyk nommée Première ministre"),
            (Subtype::Appointment, &y, &y, "named prime minister", None, Lang::En, "Appointment: Kowalczyk named prime minister"),
            // A nominal trigger that opens with the label's word needs no label.
            (Subtype::Strike, &union, &[], "grève des salariés", Some((Some("à"), "Brest")), Lang::Fr, "Grève des salariés – CGT à Brest"),
            // Otherwise the label, the words, then who took part.
            (Subtype::Disaster, &[], &[], "séisme de magnitude 7", Some((Some("à"), "Luçon")), Lang::Fr, "Catastrophe : séisme de magnitude 7 à Luçon"),
            // The generic subtype gets no `Événement` label.
            (Subtype::Other, &union, &union, "a rompu", None, Lang::Fr, "CGT a rompu"),
        ];
        for &(subtype, participants, agents, gist, place, lang, want) in rows {
            assert_eq!(d(subtype, participants, agents, gist, place, lang), want);
        }
    }
}
