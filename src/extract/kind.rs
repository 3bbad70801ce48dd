//! What an entity is: a person, a place, an organisation, or undecided.

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
