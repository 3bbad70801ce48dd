//! The archive of one feed: a folder of item files named by a hash of the
//! item's GUID (else its URL), so that a name never changes while the
//! item is in the feed, and a small state file (`.fetch-state`, hidden
//! and without extension, so never read as an article) with the last
//! answer's validators and which file holds which URL. Every write is a
//! temporary file renamed over the old one; a file whose bytes would not
//! change is not written at all.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::http::Validators;
use crate::ingest::dedupe::normal_url;

const STATE_FILE: &str = ".fetch-state";

/// What `revue fetch` remembers of a feed between runs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct State {
    /// The feed address the validators belong to: another address (the
    /// config changed) starts without them.
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub etag: Option<String>,
    #[serde(default)]
    pub last_modified: Option<String>,
    /// Item URL (normalised) → file stem, to find an item again when its
    /// feed changed its GUID.
    #[serde(default)]
    pub urls: BTreeMap<String, String>,
}

impl State {
    pub fn validators(&self, url: &str) -> Validators {
        if self.url != url {
            return Validators::default();
        }
        Validators {
            etag: self.etag.clone(),
            last_modified: self.last_modified.clone(),
        }
    }
}

/// One feed's folder.
pub struct Archive {
    dir: PathBuf,
    /// Whether the folder is known to exist (made at the first write).
    made: std::cell::Cell<bool>,
}

/// What writing one item did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    New,
    Updated,
    Unchanged,
}

impl Archive {
    pub fn new(dir: PathBuf) -> Archive {
        Archive {
            dir,
            made: std::cell::Cell::new(false),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The stored state; a missing or unreadable one is a fresh start
    /// (the next answer is then a full one, and nothing is lost).
    pub fn state(&self) -> State {
        std::fs::read(self.dir.join(STATE_FILE))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    /// Saves the state once the items it speaks of are on disk: one
    /// `syncfs` for all of them (an fsync per item cost 80 s for a feed
    /// of 10,000), then the state itself, flushed. Saved before its items,
    /// validators that would turn the next answer into a 304 could outlive
    /// items lost in a crash.
    pub fn save_state(&self, state: &State) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        rustix::fs::syncfs(std::fs::File::open(&self.dir)?)?;
        let bytes = serde_json::to_vec_pretty(state).expect("strings always serialise");
        self.replace(STATE_FILE, &bytes, true)
    }

    /// The file stem an item's own name gives: a hash of its GUID, else
    /// of its URL.
    pub fn own_stem(guid: Option<&str>, url: Option<&str>) -> Option<String> {
        let key = match (guid, url.map(normal_url).filter(|u| !u.is_empty())) {
            (Some(g), _) => format!("id:{g}"),
            (None, Some(u)) => format!("url:{u}"),
            (None, None) => return None,
        };
        Some(format!(
            "{:016x}",
            xxhash_rust::xxh3::xxh3_64(key.as_bytes())
        ))
    }

    /// The file of an item: its own when archived, else the one its URL
    /// already has (the feed changed the item's GUID) unless another item
    /// of this fetch took that one (two items linking to one page), else
    /// its own.
    pub fn stem(
        &self,
        state: &State,
        taken: &std::collections::HashSet<String>,
        guid: Option<&str>,
        url: Option<&str>,
    ) -> Option<String> {
        let own = Self::own_stem(guid, url)?;
        if self.item_path(&own).exists() {
            return Some(own);
        }
        let known = url
            .map(normal_url)
            .and_then(|u| state.urls.get(&u))
            .filter(|k| !taken.contains(*k));
        Some(known.cloned().unwrap_or(own))
    }

    pub fn item_path(&self, stem: &str) -> PathBuf {
        self.dir.join(format!("{stem}.json"))
    }

    /// The bytes of an item already archived.
    pub fn read_item(&self, stem: &str) -> Option<Vec<u8>> {
        std::fs::read(self.item_path(stem)).ok()
    }

    /// Writes an item unless its file already holds these bytes.
    pub fn write_item(&self, stem: &str, bytes: &[u8]) -> std::io::Result<Written> {
        let name = format!("{stem}.json");
        let old = std::fs::read(self.dir.join(&name)).ok();
        match old {
            Some(old) if old == bytes => Ok(Written::Unchanged),
            Some(_) => self.replace(&name, bytes, false).map(|()| Written::Updated),
            None => self.replace(&name, bytes, false).map(|()| Written::New),
        }
    }

    /// Writes `name` whole or not at all: a temporary file in the same
    /// folder (hidden, without extension, so never read as an article),
    /// flushed when `sync`, then renamed over `name`.
    fn replace(&self, name: &str, bytes: &[u8], sync: bool) -> std::io::Result<()> {
        if !self.made.get() {
            std::fs::create_dir_all(&self.dir)?;
            self.made.set(true);
        }
        let mut tmp = tempfile::Builder::new()
            .prefix(".partial-")
            .tempfile_in(&self.dir)?;
        tmp.write_all(bytes)?;
        if sync {
            tmp.as_file().sync_data()?;
        }
        tmp.persist(self.dir.join(name)).map_err(|e| e.error)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_are_stable_and_follow_the_url() {
        let dir = tempfile::tempdir().unwrap();
        let ar = Archive::new(dir.path().join("f"));
        let none = std::collections::HashSet::new();
        let s = State::default();
        let a = ar
            .stem(&s, &none, Some("urn:1"), Some("https://example.org/a"))
            .unwrap();
        assert_eq!(
            a,
            Archive::own_stem(Some("urn:1"), Some("https://example.org/b")).unwrap()
        );
        assert_eq!(a.len(), 16);
        let mut s = State::default();
        s.urls
            .insert(normal_url("https://example.org/a"), a.clone());
        // The feed changed the item's GUID: the URL still finds its file.
        let url = Some("http://www.example.org/a/");
        assert_eq!(ar.stem(&s, &none, Some("urn:2"), url).unwrap(), a);
        // ...unless another item of this fetch, linking to the same page,
        // has that file.
        let taken = std::collections::HashSet::from([a.clone()]);
        let own = Archive::own_stem(Some("urn:2"), url).unwrap();
        assert_eq!(ar.stem(&s, &taken, Some("urn:2"), url).unwrap(), own);
        // An item archived under its own name keeps it.
        ar.write_item(&own, b"x").unwrap();
        assert_eq!(ar.stem(&s, &none, Some("urn:2"), url).unwrap(), own);
        assert_eq!(ar.stem(&s, &none, None, None), None);
    }

    #[test]
    fn unchanged_bytes_are_not_written() {
        let dir = tempfile::tempdir().unwrap();
        let ar = Archive::new(dir.path().join("f"));
        assert_eq!(ar.write_item("k", b"one").unwrap(), Written::New);
        let before = std::fs::metadata(ar.item_path("k"))
            .unwrap()
            .modified()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert_eq!(ar.write_item("k", b"one").unwrap(), Written::Unchanged);
        let after = std::fs::metadata(ar.item_path("k"))
            .unwrap()
            .modified()
            .unwrap();
        assert_eq!(before, after);
        assert_eq!(ar.write_item("k", b"two").unwrap(), Written::Updated);
        let names: Vec<_> = std::fs::read_dir(ar.dir())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["k.json"]);
    }
}
