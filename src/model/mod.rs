//! The corpus: articles with their dates, entities with merged aliases,
//! events merged across reports. Built once at startup from raw articles
//! (see [`build`]), then read-only.

mod aliases;
mod build;
pub mod corrections;
mod dates;
mod events;
pub mod extracted;
mod renderings;
mod senses;
mod short_forms;
mod sorted;
pub mod stories;
mod translit;
mod votes;

use std::ops::Range;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

pub use build::{BuildOptions, Extractor, Fresh, Phases, Staged, build, process_cpu_time};
pub use extracted::{Extracted, Extraction, ToExtract, Triggers};
pub use stories::{Likeness, Story, StoryId};

use crate::extract::date::DatePoint;
use crate::extract::kind::{EntityKind, EventType, Subtype};
use crate::extract::lang::Lang;
use crate::ingest::Warning;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ArticleId(pub u32);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EntityId(pub u32);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EventId(pub u32);

/// Where an article's date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EntityMention {
    pub entity: EntityId,
    /// Byte range in the article text.
    pub span: Range<usize>,
    pub sentence: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Article {
    pub id: ArticleId,
    /// `file#part`, stable across runs.
    pub key: String,
    /// A hash of the text: what review marks are stored under, so that
    /// renaming or moving a file keeps them.
    pub text_key: String,
    pub file: String,
    #[serde(with = "os_path")]
    pub path: PathBuf,
    pub part: usize,
    pub headline: String,
    /// The headline is the text's first line (not a lede standing in).
    pub has_title: bool,
    /// Where the article came from: outlet, URL, author, timestamps.
    pub source: crate::ingest::Source,
    #[serde(with = "shared_text")]
    pub text: std::sync::Arc<str>,
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
    /// The story (cluster of copies and rewrites) the article is in.
    pub story: StoryId,
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

#[derive(Debug, Clone, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    pub article: ArticleId,
    pub sentence: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Event {
    pub id: EventId,
    pub date: DatePoint,
    pub kind: EventType,
    /// The finer kind of happening, under `kind` (`verdict`, `match`).
    pub subtype: Subtype,
    pub description: String,
    pub participants: Vec<EntityId>,
    pub place: Option<EntityId>,
    pub reports: Vec<Report>,
}

impl Event {
    /// The type, with the subtype when it says more: `other/verdict`,
    /// `meeting`.
    pub fn type_and_subtype(&self) -> String {
        if self.subtype.code() == self.kind.code() {
            self.kind.code().to_string()
        } else {
            format!("{}/{}", self.kind, self.subtype)
        }
    }

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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Origin {
    Paths(#[serde(with = "os_paths")] Vec<PathBuf>),
    /// The seed articles built into the binary.
    BuiltIn,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub entities: Vec<Entity>,
    pub events: Vec<Event>,
    /// Every article in exactly one story; most stories are one article.
    pub stories: Vec<Story>,
    #[serde(with = "serde_warnings")]
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

    pub fn story(&self, id: StoryId) -> &Story {
        &self.stories[id.0 as usize]
    }

    /// The story an article is in.
    pub fn story_of(&self, a: ArticleId) -> &Story {
        self.story(self.article(a).story)
    }

    /// How an article relates to its story's representative.
    pub fn likeness(&self, a: ArticleId) -> stories::Likeness {
        self.story_of(a)
            .member(a)
            .map_or(stories::Likeness::Original, |m| m.likeness)
    }

    /// The dates of the first and last articles that mention an entity
    /// (known or guessed dates; undated articles do not count).
    pub fn seen_range(&self, id: EntityId) -> Option<(DatePoint, DatePoint)> {
        let dates = self
            .entity(id)
            .articles
            .iter()
            .filter_map(|a| self.article(*a).display_date());
        dates.fold(None, |acc, (d, _)| match acc {
            None => Some((d, d)),
            Some((lo, hi)) => Some((lo.min(d), hi.max(d))),
        })
    }

    /// Entities named in the same articles as `id`, with how many articles
    /// they share, most shared first.
    pub fn cooccurring(&self, id: EntityId) -> Vec<(EntityId, usize)> {
        let mut counts: std::collections::HashMap<EntityId, usize> =
            std::collections::HashMap::new();
        for a in &self.entity(id).articles {
            for e in &self.article(*a).entities {
                if *e != id {
                    *counts.entry(*e).or_default() += 1;
                }
            }
        }
        let mut v: Vec<(EntityId, usize)> = counts.into_iter().collect();
        v.sort_by(|x, y| {
            y.1.cmp(&x.1)
                .then(self.entity(y.0).mentions.cmp(&self.entity(x.0).mentions))
                .then(x.0.cmp(&y.0))
        });
        v
    }

    /// Every sentence that mentions an entity, once each, in corpus order.
    pub fn mention_sentences(&self, id: EntityId) -> Vec<(ArticleId, usize)> {
        let mut out = Vec::new();
        for a in &self.entity(id).articles {
            for m in &self.article(*a).mentions {
                if m.entity == id && out.last() != Some(&(*a, m.sentence)) {
                    out.push((*a, m.sentence));
                }
            }
        }
        out
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

// The serde forms of paths, for the model cache: a path is kept as its
// bytes, since serde's own form fails on a name that is not UTF-8, which
// a corpus may well hold.

fn path_from(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

fn bytes_of(p: &std::path::Path) -> &[u8] {
    use std::os::unix::ffi::OsStrExt;
    p.as_os_str().as_bytes()
}

mod shared_text {
    use std::sync::Arc;

    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &Arc<str>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(t)
    }

    /// Straight from the decoder's bytes into the shared text, without
    /// an intermediate `String`. The bytes are read as bytes and checked
    /// with SIMD: the texts are most of a cached model, and the standard
    /// check slows down at every accented letter.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Arc<str>, D::Error> {
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = Arc<str>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a text")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Arc<str>, E> {
                Ok(Arc::from(v))
            }
            fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Arc<str>, E> {
                simdutf8::basic::from_utf8(v)
                    .map(Arc::from)
                    .map_err(|_| E::custom("a text that is not UTF-8"))
            }
        }
        d.deserialize_bytes(Text)
    }
}

mod os_path {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::path::{Path, PathBuf};

    pub fn serialize<S: Serializer>(p: &Path, s: S) -> Result<S::Ok, S::Error> {
        super::bytes_of(p).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<PathBuf, D::Error> {
        Ok(super::path_from(Vec::deserialize(d)?))
    }
}

mod os_paths {
    use serde::{Deserialize, Deserializer, Serializer};
    use std::path::PathBuf;

    pub fn serialize<S: Serializer>(v: &[PathBuf], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(v.iter().map(|p| super::bytes_of(p)))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<PathBuf>, D::Error> {
        let raw = Vec::<Vec<u8>>::deserialize(d)?;
        Ok(raw.into_iter().map(super::path_from).collect())
    }
}

pub(crate) mod serde_warnings {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::ingest::Warning;

    pub fn serialize<S: Serializer>(v: &[Warning], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(v.iter().map(|w| (super::bytes_of(&w.path), &w.message)))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Warning>, D::Error> {
        let raw = Vec::<(Vec<u8>, String)>::deserialize(d)?;
        Ok(raw
            .into_iter()
            .map(|(path, message)| Warning {
                path: super::path_from(path),
                message,
            })
            .collect())
    }
}
