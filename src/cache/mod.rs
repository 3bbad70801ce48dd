//! The on-disk cache of the built model: a second start on unchanged files
//! reads the corpus and its search index back instead of building them. One file per set
//! of input paths, in `$XDG_CACHE_HOME/revue/` (else `~/.cache/revue/`),
//! keyed by everything the model depends on (see [`key`]); a file for
//! other inputs, or a damaged one, is rebuilt over, never trusted (see
//! [`mod@file`]). Only corpora read from paths are cached: the seeds built
//! into the binary take no time to build.
//!
//! The payload is the corpus and the index in bincode, cut into sections
//! (the articles in chunks, the index whole) that are read, checked and
//! decoded in parallel; the dashboard may decode the corpus first and show
//! it while the index follows ([`Stored`]).

pub mod articles;
pub mod evict;
pub mod file;
pub mod key;
pub mod secret;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::ingest::{Found, Warning};
use crate::model::{Article, BuildOptions, Corpus, Entity, Event, Origin, Story};
use crate::search::SearchIndex;

pub use file::Unusable;
pub use key::Key;

/// Articles per section: small enough for the sections to spread over
/// the cores and for one section's bytes to be a small part of memory.
const ARTICLES_PER_SECTION: usize = 2048;

/// `$XDG_CACHE_HOME/revue`, else `~/.cache/revue`.
pub fn default_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    Some(base.join("revue"))
}

/// The cache file of one set of inputs, as they are now.
#[derive(Debug, Clone)]
pub struct Cache {
    path: PathBuf,
    key: Key,
    secret: secret::Secret,
}

impl Cache {
    /// The cache in `dir` for the corpus `paths` would give, `found` being
    /// the files there; `None` when the inputs cannot be told apart from
    /// others (the program cannot read itself) or there is no secret to
    /// sign the file with (see [`secret`]).
    pub fn new<E: AsRef<str> + Sync>(
        dir: &Path,
        paths: &[PathBuf],
        extensions: &[E],
        found: &Found,
        options: &BuildOptions,
    ) -> Option<Cache> {
        let secret = secret::get()?.clone();
        let key = key::key(paths, extensions, found, options)?;
        Some(Cache {
            path: dir.join(&key.name),
            key,
            secret,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether a model built now may be saved: not when a file changed so
    /// recently that a second change could leave its times as they are.
    pub fn settled(&self) -> bool {
        self.key.settled
    }

    /// A file dated in the future and how many are: worth a warning (the
    /// model is saved all the same, see [`key`]).
    pub fn future(&self) -> Option<&(PathBuf, usize)> {
        self.key.future.as_ref()
    }

    /// The corpus and index saved under this key, if there are ones and
    /// they are sound.
    pub fn load(&self) -> Result<(Corpus, SearchIndex), Unusable> {
        self.open()?.both()
    }

    /// The file saved under this key, its header checked, its sections
    /// left to decode: the corpus can be shown before the index is read.
    pub fn open(&self) -> Result<Stored, Unusable> {
        let opened = file::open(&self.path, self.key.digest, &self.secret)?;
        if opened.section_count() < 2 {
            return Err(Unusable::Corrupt("missing sections".into()));
        }
        Ok(Stored { opened })
    }

    /// Saves `corpus` and its `index` under this key, replacing whatever
    /// was saved for these inputs. Setting `cancel` stops the write,
    /// leaving the old file as it was.
    pub fn save(
        &self,
        corpus: &Corpus,
        index: &SearchIndex,
        cancel: &AtomicBool,
    ) -> io::Result<()> {
        let sections = sections_of(corpus, index);
        file::write(&self.path, self.key.digest, &self.secret, sections, cancel)?;
        if let Some(dir) = self.path.parent() {
            evict::evict(dir, &self.path, evict::KEEP);
        }
        Ok(())
    }
}

/// A cache file whose header matches the key. Each section is checked
/// against its checksum as it is decoded, so neither half is trusted
/// before it is read whole.
pub struct Stored {
    opened: file::Opened,
}

impl Stored {
    /// The corpus and its index, read together.
    pub fn both(&self) -> Result<(Corpus, SearchIndex), Unusable> {
        // The index is one section as large as many article chunks: it
        // starts first, and the chunks share out the rest of the cores.
        let (index, corpus) =
            rayon::join(|| decode::<SearchIndex>(&self.opened, 1), || self.corpus());
        let (index, corpus) = (index?, corpus?);
        index.check(&corpus).map_err(inconsistent)?;
        Ok((corpus, index))
    }

    /// The corpus: its articles in chunks decoded in parallel, then
    /// checked for consistency.
    pub fn corpus(&self) -> Result<Corpus, Unusable> {
        let opened = &self.opened;
        let (rest, chunks) = rayon::join(
            || decode::<Rest>(opened, 0),
            || {
                (2..opened.section_count())
                    .into_par_iter()
                    .map(|i| decode::<Vec<Article>>(opened, i))
                    .collect::<Result<Vec<_>, _>>()
            },
        );
        assemble(rest?, chunks?)
    }

    /// The search index of `corpus` (read from this file), checked
    /// against it: every id and offset it holds is in range.
    pub fn index(&self, corpus: &Corpus) -> Result<SearchIndex, Unusable> {
        let index: SearchIndex = decode(&self.opened, 1)?;
        index.check(corpus).map_err(inconsistent)?;
        Ok(index)
    }

    /// The size of the index's encoding, which its decoding time follows.
    pub fn index_bytes(&self) -> u64 {
        self.opened.section_len(1)
    }
}

/// The corpus of the first section and the article chunks, checked.
fn assemble(rest: Rest, chunks: Vec<Vec<Article>>) -> Result<Corpus, Unusable> {
    // The count stored is checked against the chunks before anything is
    // allocated for it: a forged count must not reserve 2^40 slots.
    let total: usize = chunks.iter().map(Vec::len).sum();
    if total != rest.articles {
        return Err(inconsistent("article count"));
    }
    let mut articles = Vec::with_capacity(total);
    for chunk in chunks {
        articles.extend(chunk);
    }
    let corpus = Corpus {
        articles,
        entities: rest.entities,
        events: rest.events,
        stories: rest.stories,
        warnings: rest.warnings,
        origin: rest.origin,
    };
    check(&corpus, total)?;
    Ok(corpus)
}

/// The sections a cache file holds for `corpus` and `index`, to encode.
fn sections_of<'a>(corpus: &'a Corpus, index: &'a SearchIndex) -> Vec<file::Section<'a>> {
    let rest = RestRef {
        articles: corpus.articles.len(),
        entities: &corpus.entities,
        events: &corpus.events,
        stories: &corpus.stories,
        warnings: &corpus.warnings,
        origin: &corpus.origin,
    };
    let mut sections: Vec<file::Section> = vec![encoder(rest), encoder(index)];
    sections.extend(
        corpus
            .articles
            .chunks(ARTICLES_PER_SECTION)
            .map(|chunk| encoder(chunk)),
    );
    sections
}

/// The sections a cache file holds for `corpus` and `index`, as bytes:
/// what [`Cache::save`] writes, for tests and fuzzing.
pub fn encode_sections(corpus: &Corpus, index: &SearchIndex) -> io::Result<Vec<Vec<u8>>> {
    sections_of(corpus, index)
        .into_iter()
        .map(|s| {
            let mut out = Vec::new();
            s(&mut out).map(|()| out)
        })
        .collect()
}

/// Decodes and checks sections as a cache file holds them, their tags
/// taken as good: what a forged file whose tags were right would give
/// (for tests and fuzzing). Never panics, whatever the bytes.
pub fn decode_sections(sections: &[Vec<u8>]) -> Result<(Corpus, SearchIndex), Unusable> {
    let at = |i: usize| move |e: String| Unusable::Corrupt(format!("section {i}: {e}"));
    let [rest, index, chunks @ ..] = sections else {
        return Err(Unusable::Corrupt("missing sections".into()));
    };
    let rest: Rest = decode_bytes(rest).map_err(at(0))?;
    let index: SearchIndex = decode_bytes(index).map_err(at(1))?;
    let chunks = chunks
        .iter()
        .enumerate()
        .map(|(i, c)| decode_bytes(c).map_err(at(i + 2)))
        .collect::<Result<Vec<_>, _>>()?;
    let corpus = assemble(rest, chunks)?;
    index.check(&corpus).map_err(inconsistent)?;
    Ok((corpus, index))
}

/// Everything of the corpus but its articles (first section).
#[derive(Serialize)]
struct RestRef<'a> {
    articles: usize,
    entities: &'a [Entity],
    events: &'a [Event],
    stories: &'a [Story],
    #[serde(serialize_with = "crate::model::serde_warnings::serialize")]
    warnings: &'a [Warning],
    origin: &'a Origin,
}

#[derive(Deserialize)]
struct Rest {
    articles: usize,
    entities: Vec<Entity>,
    events: Vec<Event>,
    stories: Vec<Story>,
    #[serde(deserialize_with = "crate::model::serde_warnings::deserialize")]
    warnings: Vec<Warning>,
    origin: Origin,
}

/// The encoding of every section. Variable-size integers make the file a
/// quarter smaller than fixed ones (52 MB against 71 MB at 10k articles)
/// and decode no slower: ids, offsets and counts are mostly small.
/// (Decoding adds a limit to it: see [`decode_bytes`].)
fn config() -> impl bincode::config::Config {
    bincode::config::standard()
}

fn encoder<'a, T: Serialize + Send + 'a>(value: T) -> file::Section<'a> {
    Box::new(move |w: &mut dyn Write| {
        bincode::serde::encode_into_std_write(value, &mut Adapter(w), config())
            .map(drop)
            .map_err(|e| match e {
                bincode::error::EncodeError::Io { inner, .. } => inner,
                other => io::Error::other(other.to_string()),
            })
    })
}

/// `encode_into_std_write` wants a sized writer.
struct Adapter<'a>(&'a mut dyn Write);

impl Write for Adapter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.0.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// Decodes section `i`. Strings are copied once, from the section's
/// bytes to their own allocation (borrowing decoding skips the zeroed
/// buffer an owned one fills first).
fn decode<T: for<'de> Deserialize<'de>>(opened: &file::Opened, i: usize) -> Result<T, Unusable> {
    let bytes = opened.section(i)?;
    decode_bytes(&bytes).map_err(|e| Unusable::Corrupt(format!("section {i}: {e}")))
}

/// Decodes one section's bytes, all of them. A forged length cannot make
/// the decoder allocate for it: serde reserves at most a megabyte ahead of
/// the items actually read, and what bincode allocates whole before
/// reading it (a string's bytes) counts against a limit that grows with
/// the section (see `decode_limited`).
pub fn decode_bytes<T: for<'de> Deserialize<'de>>(bytes: &[u8]) -> Result<T, String> {
    // What bincode claims is memory, not bytes read: a string's length,
    // and a list's length times its item's size until the items are read.
    // Sixteen times the section (with room for a small one) holds any
    // model revue writes (varint ids take 4 bytes in memory, an article's
    // fields a few hundred for at least as many bytes of text).
    let need = bytes.len().saturating_mul(16).saturating_add(64 << 20);
    let decoded = if need <= 256 << 20 {
        decode_limited::<T, { 256 << 20 }>(bytes)
    } else if need <= 4 << 30 {
        decode_limited::<T, { 4 << 30 }>(bytes)
    } else {
        decode_limited::<T, { 64 << 30 }>(bytes)
    };
    let (value, used) = decoded.map_err(|e| match e {
        bincode::error::DecodeError::LimitExceeded => {
            "a length larger than the section allows (limit exceeded)".to_string()
        }
        e => e.to_string(),
    })?;
    if used != bytes.len() {
        return Err("trailing bytes".into());
    }
    Ok(value)
}

/// bincode's decoding with at most `LIMIT` bytes claimed (its limit is a
/// type parameter, so [`decode_bytes`] picks among a few).
fn decode_limited<T: for<'de> Deserialize<'de>, const LIMIT: usize>(
    bytes: &[u8],
) -> Result<(T, usize), bincode::error::DecodeError> {
    let config = bincode::config::standard().with_limit::<LIMIT>();
    bincode::serde::borrow_decode_from_slice::<T, _>(bytes, config)
}

fn inconsistent(what: impl std::fmt::Display) -> Unusable {
    Unusable::Corrupt(format!("inconsistent model ({what})"))
}

/// What the rest of the program takes for granted about a corpus: ids
/// that are positions, and references that point inside it. Checked
/// sections from this very build should never fail this; a model that
/// would is rebuilt rather than shown.
fn check(corpus: &Corpus, articles: usize) -> Result<(), Unusable> {
    let bad = |what: &str| Err(inconsistent(what));
    let (n_art, n_ent, n_evt) = (
        corpus.articles.len(),
        corpus.entities.len(),
        corpus.events.len(),
    );
    if n_art != articles {
        return bad("article count");
    }
    let ids_ok = corpus
        .articles
        .iter()
        .enumerate()
        .all(|(i, a)| a.id.0 as usize == i)
        && corpus
            .entities
            .iter()
            .enumerate()
            .all(|(i, e)| e.id.0 as usize == i)
        && corpus
            .events
            .iter()
            .enumerate()
            .all(|(i, e)| e.id.0 as usize == i);
    if !ids_ok {
        return bad("ids");
    }
    let refs_ok = corpus.articles.par_iter().all(|a| {
        a.entities.iter().all(|e| (e.0 as usize) < n_ent)
            && a.events.iter().all(|e| (e.0 as usize) < n_evt)
            && a.mentions.iter().all(|m| {
                (m.entity.0 as usize) < n_ent
                    && a.text.get(m.span.clone()).is_some()
                    && m.sentence < a.sentences.len()
            })
            && a.sentences.iter().all(|s| a.text.get(s.clone()).is_some())
    }) && corpus
        .entities
        .iter()
        .all(|e| e.articles.iter().all(|a| (a.0 as usize) < n_art))
        && corpus.events.iter().all(|e| {
            e.participants
                .iter()
                .chain(e.place.iter())
                .all(|p| (p.0 as usize) < n_ent)
                && e.reports.iter().all(|r| (r.article.0 as usize) < n_art)
        });
    if !refs_ok {
        return bad("references");
    }
    if !stories_ok(corpus) {
        return bad("stories");
    }
    Ok(())
}

/// Every article in the one story it names, and every story's members
/// real articles.
fn stories_ok(corpus: &Corpus) -> bool {
    let n_story = corpus.stories.len();
    corpus.stories.iter().enumerate().all(|(i, s)| {
        s.id.0 as usize == i
            && !s.members.is_empty()
            && s.members.iter().all(|m| {
                corpus
                    .articles
                    .get(m.article.0 as usize)
                    .is_some_and(|a| a.story == s.id)
            })
    }) && corpus
        .articles
        .iter()
        .all(|a| (a.story.0 as usize) < n_story)
        && corpus
            .stories
            .iter()
            .map(|s| s.members.len())
            .sum::<usize>()
            == corpus.articles.len()
}
