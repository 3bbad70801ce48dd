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

/// What kind of thing happened, as the export names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EventType {
    Meeting,
    Summit,
    PhoneCall,
    Visit,
    Talks,
    Agreement,
    Military,
    Election,
    Statement,
    Other,
}

impl EventType {
    pub const ALL: [EventType; 10] = [
        EventType::Meeting,
        EventType::Summit,
        EventType::PhoneCall,
        EventType::Visit,
        EventType::Talks,
        EventType::Agreement,
        EventType::Military,
        EventType::Election,
        EventType::Statement,
        EventType::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            EventType::Meeting => "meeting",
            EventType::Summit => "summit",
            EventType::PhoneCall => "phone_call",
            EventType::Visit => "visit",
            EventType::Talks => "talks",
            EventType::Agreement => "agreement",
            EventType::Military => "military",
            EventType::Election => "election",
            EventType::Statement => "statement",
            EventType::Other => "other",
        }
    }

    pub fn from_code(s: &str) -> Option<Self> {
        EventType::ALL.into_iter().find(|t| t.code() == s)
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
    Election = "election" => Election,
    Vote = "vote" => Election,
    Statement = "statement" => Statement,
    Emergency = "emergency_declaration" => Statement,
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
}

impl fmt::Display for Subtype {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}
