//! The per-article cache: what extraction found in each article, stored
//! by the hash of its text, so that a start after files were added or
//! changed extracts only those and redoes the corpus-wide steps from what
//! is stored (the whole-model cache, [`crate::cache::Cache`], still serves
//! a start on unchanged files).
//!
//! The store is a folder of packs ([`pack`]), `articles/` in the cache
//! folder; each run that extracted something adds one. An entry's id is a
//! hash of the article's text key ([`crate::review::text_key`], SHA-256 of
//! the text) and the date the extraction anchors relative expressions to;
//! a pack holds one extractor version ([`extractor_version`]), and packs
//! of other versions are never read. Every entry is checked (its tag, its
//! decoding, its spans against the text) before it is used: one that
//! fails is extracted again and reported in one warning for the run.
//! [`upkeep`] keeps the folder from growing without bound.

pub mod pack;
pub mod upkeep;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use xxhash_rust::xxh3::Xxh3;

use crate::cache::file::Unusable;
use crate::cache::secret::{self, Secret};
use crate::extract::date::DatePoint;
use crate::model::extracted::extractor_version;
use crate::model::{Extracted, Extraction, Extractor, ToExtract};

use pack::{Pack, Row, Writer};

/// The store's folder inside the cache folder.
pub fn dir_in(cache_dir: &Path) -> PathBuf {
    cache_dir.join("articles")
}

/// The id of an article's extraction.
pub fn entry_id(text_key: &str, anchor: Option<DatePoint>) -> u128 {
    let mut h = Xxh3::new();
    h.update(&(text_key.len() as u64).to_le_bytes());
    h.update(text_key.as_bytes());
    match anchor {
        None => h.update(&[0]),
        Some(d) => {
            h.update(&[1]);
            h.update(&d.year.to_le_bytes());
            h.update(&[d.month.map_or(0, |m| m + 1), d.day.map_or(0, |d| d + 1)]);
        }
    }
    h.digest128()
}

/// The store as one run sees it: the packs there when it started, and the
/// pack of what it extracts.
pub struct Store {
    dir: PathBuf,
    secret: Secret,
    extractor: u128,
    packs: Vec<Pack>,
    /// Entry id → pack and row.
    index: HashMap<u128, (u32, u32)>,
    /// The rows used, for [`upkeep`].
    used_rows: Mutex<Vec<(u32, u32)>>,
    /// Packs found damaged: what this run used of them is copied into its
    /// own pack, and they are removed (see [`upkeep`]).
    damaged: Mutex<Vec<PathBuf>>,
    writer: Mutex<Option<Writer>>,
    reused: AtomicUsize,
    extracted: AtomicUsize,
    problems: Mutex<Problems>,
}

#[derive(Default)]
struct Problems {
    count: usize,
    first: Option<String>,
}

/// What a run did with the store.
#[derive(Debug, Default)]
pub struct Report {
    /// Articles whose extraction was read back.
    pub reused: usize,
    /// Articles extracted now.
    pub extracted: usize,
    /// Entries or packs that were unusable, in one line; they were
    /// extracted again.
    pub warning: Option<String>,
}

impl Store {
    /// The store in `dir` (see [`dir_in`]), its packs' tables read and
    /// checked; `None` when there is no secret to check them with (nothing
    /// is then cached, see [`secret`]).
    pub fn open(dir: &Path) -> Option<Store> {
        Some(Store::open_with(
            dir,
            secret::get()?.clone(),
            extractor_version(),
        ))
    }

    /// [`Store::open`] with a given secret and extractor version.
    pub fn open_with(dir: &Path, secret: Secret, extractor: u128) -> Store {
        let mut store = Store {
            dir: dir.to_path_buf(),
            secret,
            extractor,
            packs: Vec::new(),
            index: HashMap::new(),
            used_rows: Mutex::new(Vec::new()),
            damaged: Mutex::new(Vec::new()),
            writer: Mutex::new(None),
            reused: AtomicUsize::new(0),
            extracted: AtomicUsize::new(0),
            problems: Mutex::new(Problems::default()),
        };
        for path in upkeep::pack_paths(dir) {
            match Pack::open(&path, extractor, &store.secret) {
                Ok(p) => store.packs.push(p),
                Err(Unusable::Stale) => {}
                Err(Unusable::Corrupt(why)) => {
                    store.problem(format!("{}: {why}", path.display()));
                    store.mark_damaged(&path);
                }
            }
        }
        for (pi, p) in store.packs.iter().enumerate() {
            for (ri, r) in p.rows.iter().enumerate() {
                store.index.insert(r.id, (pi as u32, ri as u32));
            }
        }
        store
    }

    fn problem(&self, what: String) {
        let mut p = self.problems.lock().expect("no panics while held");
        p.count += 1;
        p.first.get_or_insert(what);
    }

    fn mark_damaged(&self, path: &Path) {
        let mut d = self.damaged.lock().expect("no panics while held");
        if !d.iter().any(|p| p == path) {
            d.push(path.to_path_buf());
        }
    }

    fn row(&self, at: (u32, u32)) -> (&Pack, &Row) {
        let pack = &self.packs[at.0 as usize];
        (pack, &pack.rows[at.1 as usize])
    }

    /// The stored extraction of `article`, if there is a sound one.
    fn stored<'t>(&self, id: u128, article: &ToExtract<'t, '_>) -> Option<Extraction<'t>> {
        let &at = self.index.get(&id)?;
        let (pack, row) = self.row(at);
        let read = pack
            .entry(row, self.extractor, &self.secret)
            .and_then(|bytes| super::decode_bytes::<Extracted>(&bytes))
            .and_then(|e| e.fits(article.text).map(|()| e).map_err(|m| m.0.into()));
        match read {
            Ok(e) => {
                self.used_rows
                    .lock()
                    .expect("no panics while held")
                    .push(at);
                Some(e.into_extraction(article.text))
            }
            Err(why) => {
                self.problem(format!("{}: an entry: {why}", pack.path.display()));
                self.mark_damaged(&pack.path);
                None
            }
        }
    }

    /// Adds the extraction of entry `id` to this run's pack. A failed write
    /// only means extracting again next time: the pack is dropped.
    fn record(&self, id: u128, extracted: &Extracted) {
        let Ok(bytes) = bincode::serde::encode_to_vec(extracted, bincode::config::standard())
        else {
            return;
        };
        let mut writer = self.writer.lock().expect("no panics while held");
        if writer.is_none() {
            *writer = Writer::new(&self.dir, self.extractor, &self.secret).ok();
        }
        if let Some(w) = writer.as_mut()
            && w.add(id, &bytes).is_err()
        {
            *writer = None;
        }
    }

    /// Writes this run's pack and keeps the folder in bounds, the packs
    /// this run used dated as used (see [`upkeep`]).
    pub fn finish(self) -> Report {
        let rows = std::mem::take(&mut *self.used_rows.lock().expect("no panics while held"));
        let damaged = std::mem::take(&mut *self.damaged.lock().expect("no panics while held"));
        let writer = self.writer.lock().expect("no panics while held").take();
        upkeep::tidy(&self, &rows, writer, &damaged);
        let problems = self.problems.into_inner().expect("no panics while held");
        let warning = problems.first.map(|first| match problems.count {
            1 => format!("article cache {first}; extracted again"),
            n => format!(
                "article cache {first} (and {} other problems); extracted again",
                n - 1
            ),
        });
        Report {
            reused: self.reused.into_inner(),
            extracted: self.extracted.into_inner(),
            warning,
        }
    }
}

impl Extractor for Store {
    fn extract<'t>(&self, article: &ToExtract<'t, '_>) -> Extraction<'t> {
        let id = entry_id(article.text_key, article.anchor);
        if let Some(a) = self.stored(id, article) {
            self.reused.fetch_add(1, Ordering::Relaxed);
            return a;
        }
        let a = article.extract();
        self.extracted.fetch_add(1, Ordering::Relaxed);
        if let Some(e) = Extracted::of(&a, article.text) {
            self.record(id, &e);
        }
        a
    }
}
