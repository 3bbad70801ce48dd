//! What an entity is (a person, a place, an organisation, or undecided) and
//! what an event is: its schema type and its finer subtype.

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityKind {
    Person,
    Place,
    Org,
    Misc,
}

impl EntityKind {
    /// The export's three-letter code (`PER`, `LOC`, `ORG`, `MISC`).
    pub fn code(self) -> &'static str {
        match self {
            EntityKind::Person => "PER",
            EntityKind::Place => "LOC",
            EntityKind::Org => "ORG",
            EntityKind::Misc => "MISC",
        }
    }

    pub fn from_code(s: &str) -> Option<Self> {
        match s.to_ascii_uppercase().as_str() {
            "PER" => Some(EntityKind::Person),
            "LOC" => Some(EntityKind::Place),
            "ORG" => Some(EntityKind::Org),
            "MISC" => Some(EntityKind::Misc),
            _ => None,
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Declares [`EventType`] once: each variant with its export code and the
/// short tag the timeline shows, both of which are query words (`#meeting`,
/// `#meet`), so that the screen and the query language cannot disagree.
macro_rules! event_types {
    ($($variant:ident = $code:literal, $tag:literal;)*) => {
        /// What kind of thing happened, as the export names it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum EventType {
            $($variant,)*
        }

        impl EventType {
            pub const ALL: [EventType; [$(EventType::$variant,)*].len()] =
                [$(EventType::$variant,)*];

            /// The export's code (`meeting`, `phone_call`).
            pub fn code(self) -> &'static str {
                match self {
                    $(EventType::$variant => $code,)*
                }
            }

            /// The timeline's short tag (`meet`, `call`), at most 7 columns.
            pub fn tag(self) -> &'static str {
                match self {
                    $(EventType::$variant => $tag,)*
                }
            }
        }
    };
}

event_types! {
    Meeting = "meeting", "meet";
    Summit = "summit", "summit";
    PhoneCall = "phone_call", "call";
    Visit = "visit", "visit";
    Talks = "talks", "talks";
    Agreement = "agreement", "accord";
    Military = "military", "milit";
    Election = "election", "vote";
    Statement = "statement", "said";
    Other = "other", "other";
}

impl EventType {
    pub fn from_code(s: &str) -> Option<Self> {
        EventType::ALL.into_iter().find(|t| t.code() == s)
    }

    /// A type by its code or its tag, in any case, `-` for `_`.
    pub fn from_word(s: &str) -> Option<Self> {
        match EventWord::parse(s)? {
            EventWord::Type(t) => Some(t),
            EventWord::Subtype(_) => None,
        }
    }
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Declares [`Subtype`] once: each variant with its export code and the
/// schema type it falls under, so that the two can never disagree.
macro_rules! subtypes {
    ($($variant:ident = $code:literal => $kind:ident,)*) => {
        /// What happened, finer than [`EventType`]: a verdict, an arrest,
        /// a match. Each subtype belongs to one type.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum Subtype {
            $($variant,)*
        }

        impl Subtype {
            pub const ALL: &[Subtype] = &[$(Subtype::$variant,)*];

            /// The export's code (`verdict`, `rate_decision`).
            pub fn code(self) -> &'static str {
                match self {
                    $(Subtype::$variant => $code,)*
                }
            }

            /// The schema type this subtype falls under.
            pub fn kind(self) -> EventType {
                match self {
                    $(Subtype::$variant => EventType::$kind,)*
                }
            }
        }
    };
}

subtypes! {
    Meeting = "meeting" => Meeting,
    Summit = "summit" => Summit,
    PhoneCall = "phone_call" => PhoneCall,
    Visit = "visit" => Visit,
    Talks = "talks" => Talks,
    Agreement = "agreement" => Agreement,
    Truce = "truce" => Agreement,
    Attack = "attack" => Military,
    Invasion = "invasion" => Military,
    Coup = "coup" => Military,
    Exercise = "exercise" => Military,
    Deployment = "deployment" => Military,
    Election = "election" => Election,
    Vote = "vote" => Election,
    Statement = "statement" => Statement,
    Emergency = "emergency_declaration" => Statement,
    Claim = "claim" => Statement,
    Toll = "toll" => Statement,
    Verdict = "verdict" => Other,
    Sentence = "sentence" => Other,
    Arrest = "arrest" => Other,
    Charge = "charge" => Other,
    Trial = "trial" => Other,
    Investigation = "investigation" => Other,
    Appointment = "appointment" => Other,
    Resignation = "resignation" => Other,
    Inauguration = "inauguration" => Other,
    Death = "death" => Other,
    Disaster = "disaster" => Other,
    Accident = "accident" => Other,
    Launch = "launch" => Other,
    Strike = "strike" => Other,
    Demonstration = "demonstration" => Other,
    RateDecision = "rate_decision" => Other,
    Takeover = "takeover" => Other,
    Award = "award" => Other,
    Match = "match" => Other,
    Release = "release" => Other,
    Withdrawal = "withdrawal" => Other,
    Sanctions = "sanctions" => Other,
    Rupture = "rupture" => Other,
    Unrest = "unrest" => Other,
    Decision = "policy_decision" => Other,
    Founding = "founding" => Other,
    Fine = "fine" => Other,
    Crime = "crime" => Other,
    Bankruptcy = "bankruptcy" => Other,
    Outbreak = "outbreak" => Other,
    Rescue = "rescue" => Other,
    Evacuation = "evacuation" => Other,
    PrisonerExchange = "prisoner_exchange" => Other,
    Removal = "removal" => Other,
    Other = "other" => Other,
}

impl Subtype {
    pub fn from_code(s: &str) -> Option<Self> {
        Subtype::ALL.iter().copied().find(|t| t.code() == s)
    }

    /// Whether the subtype is a reporting verb (`said`, `a déclaré`): it
    /// dates a report rather than an event, and gives way to any other
    /// trigger of the sentence.
    pub fn is_report(self) -> bool {
        self == Subtype::Statement
    }

    /// Whether the subtype brings a tally up to date (`the death toll rose
    /// to 85 on Saturday`): the date it governs is the update's, and dates
    /// no event.
    pub fn is_update(self) -> bool {
        self == Subtype::Toll
    }
}

impl fmt::Display for Subtype {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// What a `#word` of a query selects: a whole type or one subtype.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventWord {
    Type(EventType),
    Subtype(Subtype),
}

impl EventWord {
    /// The word for a type (`meeting`) or a subtype (`verdict`), by its
    /// code or, for a type, its timeline tag (`meet`); case, `-` and `_`
    /// do not matter. A word that names both a type and a subtype
    /// (`meeting`, `vote`) names the type, which holds the subtype.
    pub fn parse(word: &str) -> Option<EventWord> {
        let w = word.to_lowercase().replace('-', "_");
        EventType::ALL
            .into_iter()
            .find(|t| t.code() == w || t.tag() == w)
            .map(EventWord::Type)
            .or_else(|| Subtype::from_code(&w).map(EventWord::Subtype))
    }

    /// Every word [`EventWord::parse`] reads: the types' codes and tags,
    /// then the subtypes' codes, each once.
    pub fn vocabulary() -> Vec<&'static str> {
        let mut words: Vec<&'static str> = Vec::new();
        let types = EventType::ALL.into_iter().flat_map(|t| [t.code(), t.tag()]);
        let subtypes = Subtype::ALL.iter().map(|s| s.code());
        for w in types.chain(subtypes) {
            if !words.contains(&w) {
                words.push(w);
            }
        }
        words
    }

    /// Whether an event of this type and subtype is one the word selects.
    pub fn selects(self, kind: EventType, subtype: Subtype) -> bool {
        match self {
            EventWord::Type(t) => t == kind,
            EventWord::Subtype(s) => s == subtype,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_and_tag_reads_back() {
        for t in EventType::ALL {
            assert_eq!(EventWord::parse(t.code()), Some(EventWord::Type(t)));
            assert_eq!(EventWord::parse(t.tag()), Some(EventWord::Type(t)));
            assert!(t.tag().chars().count() <= 7, "{}", t.tag());
        }
        for &s in Subtype::ALL {
            let w = EventWord::parse(s.code()).expect("every subtype is a word");
            assert!(w.selects(s.kind(), s), "{s}");
        }
        assert_eq!(
            EventWord::parse("Phone-Call"),
            Some(EventWord::Type(EventType::PhoneCall))
        );
        assert_eq!(
            EventWord::parse("verdict"),
            Some(EventWord::Subtype(Subtype::Verdict))
        );
        assert_eq!(EventWord::parse("meting"), None);
    }

    #[test]
    fn the_vocabulary_holds_each_word_once() {
        let words = EventWord::vocabulary();
        for w in [
            "meeting", "meet", "milit", "accord", "vote", "said", "verdict",
        ] {
            assert_eq!(words.iter().filter(|x| **x == w).count(), 1, "{w}");
        }
    }
}
