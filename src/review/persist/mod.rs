//! Reading and writing the review marks: a snapshot (`state.json`) and an
//! append-only change log beside it (`state.json.log`). Each mark is one
//! small record appended to the log; now and then the log is folded into
//! a new snapshot (compaction). Two dashboards on one state file both keep
//! every mark: neither writes its memory over the file, both only append
//! their changes, and compaction merges what is on disk.
//!
//! Locks are `flock(2)` on the log, which is never renamed or removed, only
//! truncated: appends and loads hold it shared (an `O_APPEND` write of one
//! batch does not interleave with another), compaction holds it
//! exclusively, so no append or load falls between its reading the log and
//! emptying it.
//!
//! A snapshot that cannot be read is never written over: the store is then
//! read-only and says why. One that is read but not understood is moved
//! aside (`state.json.bad-<time>`) and marking starts afresh.

pub mod journal;
pub mod snapshot;

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::os::fd::AsFd;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use rustix::fs::FlockOperation;

use super::{Change, MarkBook, Sighting};
use snapshot::Unusable;

pub use snapshot::{PendingSave, prepare};

/// `$XDG_STATE_HOME/revue/state.json`, else `~/.local/state/revue/state.json`.
pub fn default_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_STATE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local").join("state"))
        })?;
    Some(base.join("revue").join("state.json"))
}

/// Past this size of the log, the saver compacts it: about 15,000 marks,
/// replayed in a few milliseconds on the next start. Compaction rewrites
/// the whole snapshot, so its cost per mark stays constant.
pub const COMPACT_AT: u64 = 1 << 20;

/// Why the marks could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error("review marks are not saved: {0}")]
    ReadOnly(String),
}

fn at(path: &Path) -> impl FnOnce(io::Error) -> StateError + '_ {
    move |source| StateError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Where the marks of one state path are kept, and whether they may be
/// written there.
#[derive(Debug, Clone)]
pub struct Store {
    /// The snapshot, its symlinks followed.
    snapshot: PathBuf,
    log: PathBuf,
    /// Why nothing may be written, when that is so.
    read_only: Option<String>,
}

impl Store {
    /// The store of a state path, writable.
    pub fn new(path: &Path) -> Store {
        let snapshot = snapshot::resolve(path);
        let mut log = snapshot.clone().into_os_string();
        log.push(".log");
        Store {
            snapshot,
            log: PathBuf::from(log),
            read_only: None,
        }
    }

    /// Why marks are not saved, if they are not.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    fn writable(&self) -> Result<(), StateError> {
        match &self.read_only {
            Some(why) => Err(StateError::ReadOnly(why.clone())),
            None => Ok(()),
        }
    }

    /// Appends `changes` to the log in one write, synced (a mark shown
    /// saved survives a power cut); returns the log's new length.
    pub fn append(&self, changes: &[Change]) -> Result<u64, StateError> {
        self.append_bytes(&journal::encode(changes))
    }

    /// Appends a run's sighting to the log, as [`Store::append`] does.
    pub fn append_sighting(&self, sighting: &Sighting) -> Result<u64, StateError> {
        self.append_bytes(&journal::encode_sighting(sighting))
    }

    fn append_bytes(&self, bytes: &[u8]) -> Result<u64, StateError> {
        self.writable()?;
        let log = self.open_log()?;
        let _lock = Lock::take(&log, FlockOperation::LockShared).map_err(at(&self.log))?;
        (&log)
            .write_all(bytes)
            .and_then(|()| log.sync_data())
            .and_then(|()| snapshot::regular_len(&log))
            .map_err(at(&self.log))
    }

    /// Folds the log into a new snapshot of what is on disk now (every
    /// process's changes), then empties the log.
    pub fn compact(&self) -> Result<(), StateError> {
        self.writable()?;
        let log = self.open_log()?;
        let _lock = Lock::take(&log, FlockOperation::LockExclusive).map_err(at(&self.log))?;
        let mut book = match snapshot::read(&self.snapshot) {
            Ok(book) => book.unwrap_or_default(),
            Err(Unusable::Corrupt(why)) => {
                fs::rename(&self.snapshot, snapshot::aside_path(&self.snapshot))
                    .map_err(|_| StateError::ReadOnly(format!("corrupt snapshot ({why})")))?;
                MarkBook::default()
            }
            Err(other) => return Err(StateError::ReadOnly(describe(&self.snapshot, &other))),
        };
        let mut bytes = Vec::new();
        (&log).read_to_end(&mut bytes).map_err(at(&self.log))?;
        if journal::replay(&bytes, &mut book) > 0 {
            // Lines revue cannot read are not its to drop.
            fs::write(snapshot::aside_path(&self.log), &bytes).map_err(at(&self.log))?;
        }
        save(&self.snapshot, &book).map_err(at(&self.snapshot))?;
        log.set_len(0)
            .and_then(|()| log.sync_data())
            .map_err(at(&self.log))
    }

    fn open_log(&self) -> Result<File, StateError> {
        snapshot::create_dir(snapshot::parent_of(&self.log)).map_err(at(&self.log))?;
        let log = snapshot::open_nonblocking(
            &self.log,
            fs::OpenOptions::new()
                .read(true)
                .append(true)
                .create(true)
                .mode(0o600),
        )
        .map_err(at(&self.log))?;
        snapshot::regular_len(&log).map_err(at(&self.log))?;
        Ok(log)
    }
}

/// An `flock(2)` held until dropped.
struct Lock<'a>(&'a File);

impl<'a> Lock<'a> {
    fn take(f: &'a File, how: FlockOperation) -> io::Result<Lock<'a>> {
        loop {
            match rustix::fs::flock(f.as_fd(), how) {
                Ok(()) => return Ok(Lock(f)),
                Err(rustix::io::Errno::INTR) => continue,
                Err(e) => return Err(e.into()),
            }
        }
    }
}

impl Drop for Lock<'_> {
    fn drop(&mut self) {
        let _ = rustix::fs::flock(self.0.as_fd(), FlockOperation::Unlock);
    }
}

/// What loading found.
#[derive(Debug)]
pub struct Loaded {
    pub book: MarkBook,
    /// A problem the user should hear about (the file was moved aside…).
    pub warning: Option<String>,
    /// Where changes go, read-only when the file could not be read.
    pub store: Store,
}

/// Loads the marks: the snapshot with the log replayed over it. A missing
/// file is an empty book; a corrupt one is renamed
/// `state.json.bad-<unix time>` and reported; one that cannot be read
/// makes the store read-only, the file untouched.
pub fn load(path: &Path) -> Loaded {
    let mut store = Store::new(path);
    let mut warnings = Vec::new();
    // Shared with appends, so a compaction cannot empty the log between
    // the snapshot and the log being read.
    let log = match snapshot::open_nonblocking(&store.log, fs::OpenOptions::new().read(true)) {
        Ok(f) => Some(f),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => {
            store.read_only = Some(format!("cannot read {}: {e}", store.log.display()));
            None
        }
    };
    let _lock = log
        .as_ref()
        .and_then(|f| Lock::take(f, FlockOperation::LockShared).ok());
    let mut book = match snapshot::read(&store.snapshot) {
        Ok(book) => book.unwrap_or_default(),
        Err(Unusable::Corrupt(why)) => {
            let aside = snapshot::aside_path(&store.snapshot);
            match fs::rename(&store.snapshot, &aside) {
                Ok(()) => warnings.push(format!(
                    "{}: corrupt review marks ({why}); kept aside as {}",
                    path.display(),
                    aside.display()
                )),
                Err(e) => {
                    store.read_only = Some(format!(
                        "{}: corrupt review marks ({why}) that could not be moved aside ({e})",
                        path.display()
                    ))
                }
            }
            MarkBook::default()
        }
        Err(other) => {
            store.read_only = Some(describe(path, &other));
            MarkBook::default()
        }
    };
    if let Some(mut f) = log.as_ref() {
        let mut bytes = Vec::new();
        match snapshot::regular_len(f).and_then(|_| f.read_to_end(&mut bytes)) {
            Ok(_) => {
                let damaged = journal::replay(&bytes, &mut book);
                if damaged > 0 {
                    warnings.push(format!(
                        "{}: {damaged} damaged lines skipped (kept aside at the next compaction)",
                        store.log.display()
                    ));
                }
            }
            Err(e) => store.read_only = Some(format!("cannot read {}: {e}", store.log.display())),
        }
    }
    if let Some(why) = &store.read_only {
        warnings.push(format!("{why}; marks are shown but not saved"));
    }
    Loaded {
        book,
        warning: (!warnings.is_empty()).then(|| warnings.join("; ")),
        store,
    }
}

fn describe(path: &Path, why: &Unusable) -> String {
    match why {
        Unusable::Unreadable(e) => format!("cannot read review marks {} ({e})", path.display()),
        Unusable::Corrupt(e) => format!("corrupt review marks {} ({e})", path.display()),
        Unusable::Newer(v) => format!(
            "{} was written by a newer revue (version {v})",
            path.display()
        ),
    }
}

/// Writes `book` as the whole snapshot, atomically. The log is left as it
/// is: [`Store::compact`] is the way to save under the lock.
pub fn save(path: &Path, book: &MarkBook) -> io::Result<()> {
    prepare(path, book)?.commit()
}

#[cfg(test)]
mod tests;
