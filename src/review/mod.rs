//! Review marks: which articles were read, starred or flagged. Marks are
//! keyed by a hash of the article's text, so renaming or moving a file
//! keeps them. This module is pure; [`persist`] reads and writes them.

pub mod persist;

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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// Marks by article key, as stored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MarkBook {
    /// Format version, for future migrations.
    #[serde(default = "version_one")]
    pub version: u32,
    #[serde(default)]
    pub articles: BTreeMap<String, Marks>,
}

fn version_one() -> u32 {
    1
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
}

impl Marks {
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
}
