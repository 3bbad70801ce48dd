//! Review marks: which articles were read, starred or flagged. Marks are
//! keyed by a hash of the article's text, so renaming or moving a file
//! keeps them. This module is pure; [`persist`] reads and writes them,
//! and [`saver`] writes changes off the input thread.

pub mod persist;
pub mod saver;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The marks of one article.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marks {
    #[serde(default, skip_serializing_if = "is_false")]
    pub read: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub starred: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub flagged: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Marks {
    pub fn is_empty(&self) -> bool {
        *self == Marks::default()
    }
}

/// Which mark a key toggles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mark {
    Read,
    Starred,
    Flagged,
}

/// The stable key of an article: the first 16 bytes of the SHA-256 of its
/// text, in hex.
pub fn text_key(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().take(16).map(|b| format!("{b:02x}")).collect()
}

/// One mark of one article set or cleared: what the change log records.
/// Changes of single marks, not whole articles, so that two dashboards
/// marking the same article (one reads it, the other stars it) both keep
/// theirs when their changes are merged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub key: String,
    pub mark: Mark,
    pub on: bool,
}

impl Change {
    /// The changes that turn `old` into `new`, one per mark that differs.
    pub fn between(key: &str, old: Marks, new: Marks) -> Vec<Change> {
        [Mark::Read, Mark::Starred, Mark::Flagged]
            .into_iter()
            .filter(|&m| old.get(m) != new.get(m))
            .map(|mark| Change {
                key: key.to_string(),
                mark,
                on: new.get(mark),
            })
            .collect()
    }
}

/// The format version this revue writes and reads.
pub const BOOK_VERSION: u32 = 1;

/// Marks by article key, as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MarkBook {
    /// Format version, for future migrations.
    #[serde(default = "version_one")]
    pub version: u32,
    #[serde(default)]
    pub articles: BTreeMap<String, Marks>,
}

fn version_one() -> u32 {
    BOOK_VERSION
}

impl Default for MarkBook {
    /// An empty book of the current version (a derived default wrote
    /// `"version": 0`).
    fn default() -> Self {
        MarkBook {
            version: BOOK_VERSION,
            articles: BTreeMap::new(),
        }
    }
}

impl MarkBook {
    pub fn get(&self, key: &str) -> Marks {
        self.articles.get(key).copied().unwrap_or_default()
    }

    /// Sets the marks of one article; articles without marks are not kept.
    pub fn set(&mut self, key: &str, marks: Marks) {
        if marks.is_empty() {
            self.articles.remove(key);
        } else {
            self.articles.insert(key.to_string(), marks);
        }
    }

    /// Applies one logged change. Applying a change twice is the same as
    /// once, so a log replayed over a snapshot that already holds it (a
    /// crash between the two steps of compaction) changes nothing.
    pub fn apply(&mut self, change: &Change) {
        let marks = self.get(&change.key).with(change.mark, change.on);
        self.set(&change.key, marks);
    }
}

impl Marks {
    pub fn get(&self, m: Mark) -> bool {
        match m {
            Mark::Read => self.read,
            Mark::Starred => self.starred,
            Mark::Flagged => self.flagged,
        }
    }

    pub fn with(mut self, m: Mark, on: bool) -> Marks {
        match m {
            Mark::Read => self.read = on,
            Mark::Starred => self.starred = on,
            Mark::Flagged => self.flagged = on,
        }
        self
    }

    pub fn toggled(mut self, m: Mark) -> Marks {
        match m {
            Mark::Read => self.read = !self.read,
            Mark::Starred => self.starred = !self.starred,
            Mark::Flagged => self.flagged = !self.flagged,
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_depend_on_text_only() {
        assert_eq!(text_key("abc"), text_key("abc"));
        assert_ne!(text_key("abc"), text_key("abd"));
        assert_eq!(text_key("abc").len(), 32);
    }

    #[test]
    fn empty_marks_are_not_stored() {
        let mut b = MarkBook::default();
        b.set("k", Marks::default().toggled(Mark::Starred));
        assert!(b.get("k").starred);
        b.set("k", b.get("k").toggled(Mark::Starred));
        assert!(b.articles.is_empty());
    }

    #[test]
    fn a_new_book_has_the_current_version() {
        // Failed before: the derived default wrote "version": 0.
        assert_eq!(MarkBook::default().version, BOOK_VERSION);
        let json = serde_json::to_string(&MarkBook::default()).unwrap();
        assert!(json.contains("\"version\":1"), "{json}");
    }

    #[test]
    fn changes_of_different_marks_merge_and_replay_is_idempotent() {
        let read = Change::between("k", Marks::default(), Marks::default().toggled(Mark::Read));
        let star = Change::between(
            "k",
            Marks::default(),
            Marks::default().toggled(Mark::Starred),
        );
        let mut b = MarkBook::default();
        for c in read.iter().chain(&star) {
            b.apply(c);
        }
        let once = b.clone();
        for c in read.iter().chain(&star) {
            b.apply(c);
        }
        assert_eq!(b, once);
        assert!(b.get("k").read && b.get("k").starred);
    }
}
