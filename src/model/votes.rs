//! The kind of an entity, voted from the cues of its mentions (see
//! [`crate::extract::entities::Cues`]). Votes are weighed as shares of the
//! mentions, never as sums: an entity named a hundred times must be typed
//! as one named once with the same mix of cues, and a weak cue repeated
//! (a place preposition before a surname, `a déclaré à Poutine`) must
//! never add up to the standing of a strong one (the gazetteer).

use crate::extract::entities::Cues;
use crate::extract::kind::EntityKind;

/// The weight of each cue in one mention's vote: the gazetteer outweighs
/// every other cue together, a preposition is the weakest hint.
const GAZETTEER: f32 = 10.0;
const FIRST_NAME: f32 = 5.0;
/// A head outweighs a first name: `Franklin County Municipal Court`, `Abu
/// Dhabi National Oil Company`.
const HEAD: f32 = 6.0;
const TITLE: f32 = 4.0;
/// The word next to the name (`le groupe X`, `le cyclone X`).
const CONTEXT: f32 = 4.0;
/// A place among the words of a longer name (`Newcastle United`).
const PLACE_INSIDE: f32 = 2.0;
const ACRONYM: f32 = 2.0;
const PLACE_PREPOSITION: f32 = 1.0;
/// A name shaped like a person's, with nothing else to say.
const PERSON_SHAPE: f32 = 0.5;

/// Cues of a set of mentions, summed; read only as shares of `mentions`.
#[derive(Debug, Default, Clone, Copy)]
pub struct Votes {
    kinds: [f32; 4],
    /// How many mentions voted.
    mentions: f32,
    /// How many of them the gazetteer knows as a place or an organisation.
    gazetteer_place_or_org: f32,
    /// How many are written as acronyms.
    acronyms: f32,
    /// How many have a place or organisation cue besides the gazetteer (`in
    /// X`, `the X council`).
    place_or_org_context: f32,
}

impl Votes {
    fn add(&mut self, kind: EntityKind, w: f32) {
        self.kinds[kind as usize] += w;
    }

    /// One mention's cues.
    pub fn add_cues(&mut self, c: &Cues) {
        self.mentions += 1.0;
        if let Some(k) = c.gazetteer {
            self.add(k, GAZETTEER);
            if matches!(k, EntityKind::Place | EntityKind::Org) {
                self.gazetteer_place_or_org += 1.0;
            }
        }
        if c.first_name {
            self.add(EntityKind::Person, FIRST_NAME);
        }
        if c.person_title {
            self.add(EntityKind::Person, TITLE);
        }
        if c.org_head {
            self.add(EntityKind::Org, HEAD);
        }
        if c.place_head {
            self.add(EntityKind::Place, HEAD);
        }
        if c.misc {
            self.add(EntityKind::Misc, CONTEXT);
        }
        if c.org_context {
            self.add(EntityKind::Org, CONTEXT);
        }
        if c.place_context {
            self.add(EntityKind::Place, CONTEXT);
        }
        if c.place_inside {
            self.add(EntityKind::Org, PLACE_INSIDE);
        }
        if c.person_shape {
            self.add(EntityKind::Person, PERSON_SHAPE);
        }
        if c.acronym {
            self.acronyms += 1.0;
            self.add(EntityKind::Org, ACRONYM);
        }
        if c.place_preposition {
            self.add(EntityKind::Place, PLACE_PREPOSITION);
        }
        if c.place_preposition || c.place_context || c.place_head || c.org_head || c.org_context {
            self.place_or_org_context += 1.0;
        }
    }

    pub fn merge(&mut self, o: &Votes) {
        for i in 0..4 {
            self.kinds[i] += o.kinds[i];
        }
        self.mentions += o.mentions;
        self.gazetteer_place_or_org += o.gazetteer_place_or_org;
        self.acronyms += o.acronyms;
        self.place_or_org_context += o.place_or_org_context;
    }

    /// The kind with the largest vote; MISC when no cue voted, which the
    /// joining of names reads as "undecided". A ratio of sums, so the same
    /// for any number of copies of the same mentions.
    pub fn leaning(&self) -> EntityKind {
        const KINDS: [EntityKind; 4] = [
            EntityKind::Misc,
            EntityKind::Person,
            EntityKind::Place,
            EntityKind::Org,
        ];
        let best = KINDS
            .into_iter()
            .max_by(|a, b| self.kinds[*a as usize].total_cmp(&self.kinds[*b as usize]))
            .expect("four kinds");
        if self.kinds[best as usize] > 0.0 {
            best
        } else {
            EntityKind::Misc
        }
    }

    /// The entity's type: its [`Votes::leaning`], except that MISC needs a
    /// cue that says so (`Booker Prize`, `le cyclone X`). A name nothing
    /// types is an organisation, as the capitalised names that news leaves
    /// unexplained mostly are (companies, parties, agencies).
    pub fn winner(&self) -> EntityKind {
        match self.leaning() {
            EntityKind::Misc if self.kinds[EntityKind::Misc as usize] == 0.0 => EntityKind::Org,
            k => k,
        }
    }

    /// Most of the mentions are a place or an organisation the gazetteer
    /// knows (`Washington`): such a name is no one's surname.
    pub fn has_gazetteer_place_or_org(&self) -> bool {
        self.mentions > 0.0 && 2.0 * self.gazetteer_place_or_org >= self.mentions
    }
}

impl Votes {
    /// The gazetteer is all that says it is a place or an organisation: no
    /// mention has a preposition, head or context word of one.
    pub fn only_gazetteer_places_it(&self) -> bool {
        self.gazetteer_place_or_org > 0.0 && self.place_or_org_context == 0.0
    }

    /// Most of the mentions are acronyms (`CFDT`): a name of its own,
    /// joined to its expansion only where the text spells it out.
    pub fn is_acronym(&self) -> bool {
        self.mentions > 0.0 && 2.0 * self.acronyms >= self.mentions
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn votes(cues: &[(Cues, usize)]) -> Votes {
        let mut v = Votes::default();
        for (c, n) in cues {
            (0..*n).for_each(|_| v.add_cues(c));
        }
        v
    }

    #[test]
    fn repeated_prepositions_never_make_a_gazetteer_place() {
        let prep = Cues {
            place_preposition: true,
            ..Cues::default()
        };
        let gaz = Cues {
            gazetteer: Some(EntityKind::Place),
            ..Cues::default()
        };
        for n in [1, 10, 1000] {
            assert!(!votes(&[(prep, n)]).has_gazetteer_place_or_org());
            assert!(votes(&[(gaz, n)]).has_gazetteer_place_or_org());
        }
    }

    #[test]
    fn the_winner_does_not_move_with_copies() {
        let title = Cues {
            person_title: true,
            ..Cues::default()
        };
        let prep = Cues {
            place_preposition: true,
            ..Cues::default()
        };
        for n in [1, 10, 100] {
            let v = votes(&[(title, n), (prep, 3 * n)]);
            assert_eq!(v.winner(), EntityKind::Person);
        }
    }
}
