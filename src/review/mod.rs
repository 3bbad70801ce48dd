//! Review marks: which articles were read, starred or flagged. Marks are
//! keyed by a hash of the article's text, so renaming or moving a file
//! keeps them. This module is pure; [`persist`] reads and writes them,
//! and [`saver`] writes changes off the input thread.

mod arrivals;
pub mod corrections;
pub mod persist;
pub mod saver;
pub mod since;

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
    /// First seen after the book's reference time ([`MarkBook::new_after`]):
    /// known from the sightings, never stored as a mark.
    #[serde(skip)]
    pub new: bool,
    /// Came into the corpus while the dashboard was open
    /// ([`MarkBook::arrive`]); never stored.
    #[serde(skip)]
    pub arrived: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Marks {
    /// Whether no mark is set (newness is not a mark).
    pub fn is_empty(&self) -> bool {
        !self.read && !self.starred && !self.flagged
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

/// The format version this revue writes; it reads every earlier one.
/// Version 2 added when articles were first seen (`seen`, `runs`): a
/// revue of version 1 would drop them when compacting, so it must not
/// write a version-2 book (it refuses a newer version).
pub const BOOK_VERSION: u32 = 2;

/// Marks by article key, as stored, and when each article was first seen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MarkBook {
    /// Format version, for future migrations.
    #[serde(default = "version_one")]
    pub version: u32,
    #[serde(default)]
    pub articles: BTreeMap<String, Marks>,
    /// Article key → when a run of revue first saw it (Unix milliseconds).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub seen: BTreeMap<String, u64>,
    /// When the latest runs started (Unix milliseconds), oldest first, at
    /// most [`RUNS_KEPT`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub runs: Vec<u64>,
    /// Articles first seen after this moment are new; `None`: none is.
    /// Set for this run, never stored.
    #[serde(skip)]
    pub new_after: Option<u64>,
    /// This run's time, once [`MarkBook::sight`] started it: what articles
    /// arriving later in the run are logged as first seen at.
    #[serde(skip)]
    pub run: Option<u64>,
    /// The keys of the articles that arrived during this run
    /// ([`MarkBook::arrive`]). Never stored.
    #[serde(skip)]
    pub arrived: std::collections::BTreeSet<String>,
}

/// Run times kept: enough to know the previous run however many ran at
/// once, few enough to stay a line of the snapshot.
pub const RUNS_KEPT: usize = 16;

fn version_one() -> u32 {
    1
}

impl Default for MarkBook {
    /// An empty book of the current version (a derived default wrote
    /// `"version": 0`).
    fn default() -> Self {
        MarkBook {
            version: BOOK_VERSION,
            articles: BTreeMap::new(),
            seen: BTreeMap::new(),
            runs: Vec::new(),
            new_after: None,
            run: None,
            arrived: Default::default(),
        }
    }
}

/// One run of revue: when it started, and the articles it saw first.
/// What the change log records beside mark changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sighting {
    pub run: u64,
    pub seen: Vec<String>,
}

/// The current time in Unix milliseconds.
pub fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

impl MarkBook {
    pub fn get(&self, key: &str) -> Marks {
        let mut marks = self.articles.get(key).copied().unwrap_or_default();
        marks.new = self.new_after.is_some_and(|after| {
            // Not sighted at all (state not saved): seen now, so new.
            self.seen.get(key).is_none_or(|&first| first > after)
        });
        marks.arrived = self.arrived.contains(key);
        marks
    }

    /// Starts a run at `now` over the articles `keys`: the sighting to
    /// log (the run, and the keys never seen before), applied to the
    /// book, which from then on calls new what was first seen after the
    /// previous run (everything, on the first run). The run's time is
    /// after every run recorded, even with a clock set back.
    pub fn sight<'a>(&mut self, keys: impl Iterator<Item = &'a str>, now: u64) -> Sighting {
        let previous = self.runs.last().copied();
        let run = previous.map_or(now, |p| now.max(p + 1));
        let mut seen: Vec<String> = keys
            .filter(|k| !self.seen.contains_key(*k))
            .map(str::to_string)
            .collect();
        seen.sort_unstable();
        seen.dedup();
        let sighting = Sighting { run, seen };
        self.apply_sighting(&sighting);
        self.new_after = Some(previous.unwrap_or(0));
        self.run = Some(run);
        sighting
    }

    /// Applies one logged sighting. Like [`MarkBook::apply`], in any order
    /// and any number of times it gives the same book: the earliest
    /// sighting of a key wins, and the latest runs are kept.
    pub fn apply_sighting(&mut self, s: &Sighting) {
        for k in &s.seen {
            let first = self.seen.entry(k.clone()).or_insert(s.run);
            *first = (*first).min(s.run);
        }
        if let Err(at) = self.runs.binary_search(&s.run) {
            self.runs.insert(at, s.run);
            if self.runs.len() > RUNS_KEPT {
                self.runs.remove(0);
            }
        }
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
    fn what_is_new_is_what_a_run_sees_first() {
        let mut b = MarkBook::default();
        let first = b.sight(["a", "b"].into_iter(), 1_000);
        assert_eq!(first.seen, ["a", "b"]);
        // The first run: everything is new.
        assert!(b.get("a").new && b.get("b").new);
        let second = b.sight(["a", "b", "c"].into_iter(), 2_000);
        assert_eq!(second.seen, ["c"]);
        assert!(!b.get("a").new && !b.get("b").new && b.get("c").new);
        // A third run in the same millisecond still comes after.
        let third = b.sight(["a", "c"].into_iter(), 2_000);
        assert_eq!(third.run, 2_001);
        assert!(third.seen.is_empty());
        assert!(!b.get("c").new);
        // Since an earlier moment, the second run's article is new again.
        b.new_after = Some(1_500);
        assert!(b.get("c").new && !b.get("a").new);
    }

    #[test]
    fn sightings_replay_in_any_order_to_the_same_book() {
        let runs: Vec<Sighting> = (0..20)
            .map(|i| Sighting {
                run: 100 + i,
                seen: vec![format!("k{}", i % 3)],
            })
            .collect();
        let mut forward = MarkBook::default();
        let mut backward = MarkBook::default();
        for s in &runs {
            forward.apply_sighting(s);
        }
        for s in runs.iter().rev().chain(&runs) {
            backward.apply_sighting(s);
        }
        assert_eq!(forward, backward);
        assert_eq!(forward.seen["k2"], 102);
        assert_eq!(forward.runs.len(), RUNS_KEPT);
        assert_eq!(forward.runs.last(), Some(&119));
    }

    #[test]
    fn newness_is_not_a_mark() {
        let mut b = MarkBook::default();
        b.sight(["a"].into_iter(), 5);
        let m = b.get("a");
        assert!(m.new && m.is_empty());
        b.set("a", m);
        assert!(b.articles.is_empty());
    }

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
        assert!(json.contains("\"version\":2"), "{json}");
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
