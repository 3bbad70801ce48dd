//! The corpus: articles with their dates, entities with merged aliases,
//! events merged across reports. Built once at startup from raw articles
//! (see [`build`]), then read-only.

mod aliases;
mod build;
mod dates;
mod events;

use std::ops::Range;
use std::path::PathBuf;

pub use build::{BuildOptions, build};

use crate::extract::date::DatePoint;
use crate::extract::kind::{EntityKind, EventType};
use crate::extract::lang::Lang;
use crate::ingest::Warning;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArticleId(pub u32);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityId(pub u32);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EventId(pub u32);

/// Where an article's date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSource {
    Header,
    Text,
    Unknown,
}

impl DateSource {
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Header => "header",
            DateSource::Text => "text",
            DateSource::Unknown => "unknown",
        }
    }
}

/// One mention of an entity in an article.
#[derive(Debug, Clone)]
pub struct EntityMention {
    pub entity: EntityId,
    /// Byte range in the article text.
    pub span: Range<usize>,
    pub sentence: usize,
}

#[derive(Debug, Clone)]
pub struct Article {
    pub id: ArticleId,
    /// `file#part`, stable across runs.
    pub key: String,
    pub file: String,
    pub path: PathBuf,
    pub part: usize,
    pub headline: String,
    /// The headline is the text's first line (not a lede standing in).
    pub has_title: bool,
    pub text: String,
    pub lang: Lang,
    pub date: Option<DatePoint>,
    pub date_source: DateSource,
    /// A guess from the text when the date is unknown; shown with `~`,
    /// never exported as the article's date.
    pub inferred_date: Option<DatePoint>,
    pub sentences: Vec<Range<usize>>,
    pub mentions: Vec<EntityMention>,
    /// Distinct entities, most mentioned first.
    pub entities: Vec<EntityId>,
    pub events: Vec<EventId>,
}

impl Article {
    /// The date to sort and show by: the known one, else the guess.
    pub fn display_date(&self) -> Option<(DatePoint, bool)> {
        self.date
            .map(|d| (d, false))
            .or(self.inferred_date.map(|d| (d, true)))
    }

    pub fn sentence(&self, i: usize) -> &str {
        self.sentences
            .get(i)
            .map(|r| &self.text[r.clone()])
            .unwrap_or("")
    }
}

#[derive(Debug, Clone)]
pub struct Entity {
    pub id: EntityId,
    pub canonical: String,
    pub kind: EntityKind,
    /// Every surface form seen, the canonical one included.
    pub aliases: Vec<String>,
    pub mentions: usize,
    pub articles: Vec<ArticleId>,
}

/// One article's report of an event.
#[derive(Debug, Clone)]
pub struct Report {
    pub article: ArticleId,
    pub sentence: usize,
}

#[derive(Debug, Clone)]
pub struct Event {
    pub id: EventId,
    pub date: DatePoint,
    pub kind: EventType,
    pub description: String,
    pub participants: Vec<EntityId>,
    pub place: Option<EntityId>,
    pub reports: Vec<Report>,
}

impl Event {
    /// Distinct reporting articles, in report order.
    pub fn articles(&self) -> Vec<ArticleId> {
        let mut out: Vec<ArticleId> = Vec::new();
        for r in &self.reports {
            if !out.contains(&r.article) {
                out.push(r.article);
            }
        }
        out
    }
}

/// Where the corpus came from, for the status line.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    Paths(Vec<PathBuf>),
    /// The seed articles built into the binary.
    BuiltIn,
}

#[derive(Debug, Clone)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub entities: Vec<Entity>,
    pub events: Vec<Event>,
    pub warnings: Vec<Warning>,
    pub origin: Origin,
}

impl Corpus {
    pub fn article(&self, id: ArticleId) -> &Article {
        &self.articles[id.0 as usize]
    }

    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.entities[id.0 as usize]
    }

    pub fn event(&self, id: EventId) -> &Event {
        &self.events[id.0 as usize]
    }

    /// An entity by any of its names, compared folded.
    pub fn find_entity(&self, name: &str) -> Option<EntityId> {
        let key = crate::extract::fold::fold_name(name);
        self.entities
            .iter()
            .find(|e| {
                e.aliases
                    .iter()
                    .any(|a| crate::extract::fold::fold_name(a) == key)
            })
            .map(|e| e.id)
    }
}
