//! Reading and writing the review marks file (`state.json`). Writes are
//! atomic: a temporary file in the same folder, fsync, then rename, so a
//! crash leaves the old file or the new one, never half of one. A file
//! that cannot be understood is kept aside, never overwritten.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::MarkBook;

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

/// What loading found.
#[derive(Debug, Default)]
pub struct Loaded {
    pub book: MarkBook,
    /// A problem the user should hear about (the file was moved aside…).
    pub warning: Option<String>,
}

/// Loads the marks. A missing file is an empty book; a corrupt one is
/// renamed `state.json.bad-<unix time>` and reported.
pub fn load(path: &Path) -> Loaded {
    let text = match fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Loaded::default(),
        Err(e) => {
            return Loaded {
                book: MarkBook::default(),
                warning: Some(format!(
                    "{}: cannot read review marks ({e}); marks will not be saved over it",
                    path.display()
                )),
            };
        }
    };
    match serde_json::from_str::<MarkBook>(&text) {
        Ok(book) => Loaded {
            book,
            warning: None,
        },
        Err(e) => {
            let aside = aside_path(path);
            let moved = fs::rename(path, &aside);
            let what = match moved {
                Ok(()) => format!("kept aside as {}", aside.display()),
                Err(m) => format!("could not be moved aside: {m}"),
            };
            Loaded {
                book: MarkBook::default(),
                warning: Some(format!(
                    "{}: corrupt review marks ({e}); {what}",
                    path.display()
                )),
            }
        }
    }
}

fn aside_path(path: &Path) -> PathBuf {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(format!(".bad-{secs}"));
    path.with_file_name(name)
}

/// A written, synced temporary file waiting to replace the real one.
#[must_use = "the new marks only take effect on commit"]
pub struct PendingSave {
    temp: PathBuf,
    target: PathBuf,
}

/// First half of a save: writes and syncs the temporary file.
pub fn prepare(path: &Path, book: &MarkBook) -> std::io::Result<PendingSave> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let temp = dir.join(format!(
        ".{}.tmp-{}",
        path.file_name()
            .map_or("state.json".into(), |n| n.to_string_lossy()),
        std::process::id()
    ));
    let mut f = File::create(&temp)?;
    serde_json::to_writer_pretty(&mut f, book)?;
    f.write_all(b"\n")?;
    f.sync_all()?;
    Ok(PendingSave {
        temp,
        target: path.to_path_buf(),
    })
}

impl PendingSave {
    /// Second half: the rename that makes the new marks the file's.
    pub fn commit(self) -> std::io::Result<()> {
        fs::rename(&self.temp, &self.target)?;
        // The rename itself is durable once the folder is synced.
        if let Some(dir) = self.target.parent().filter(|d| !d.as_os_str().is_empty())
            && let Ok(d) = File::open(dir)
        {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

/// Saves the marks atomically.
pub fn save(path: &Path, book: &MarkBook) -> std::io::Result<()> {
    prepare(path, book)?.commit()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::{Mark, Marks};

    fn book() -> MarkBook {
        let mut b = MarkBook::default();
        b.set("a", Marks::default().toggled(Mark::Read));
        b
    }

    #[test]
    fn round_trip_and_missing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/state.json");
        assert_eq!(load(&path).book, MarkBook::default());
        save(&path, &book()).unwrap();
        let loaded = load(&path);
        assert_eq!(loaded.book, book());
        assert!(loaded.warning.is_none());
    }

    #[test]
    fn a_corrupt_file_is_kept_aside_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        fs::write(&path, "{ not json").unwrap();
        let loaded = load(&path);
        assert!(loaded.book.articles.is_empty());
        assert!(loaded.warning.unwrap().contains("kept aside"));
        assert!(!path.exists());
        let aside: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(aside.len(), 1);
        assert!(aside[0].to_string_lossy().starts_with("state.json.bad-"));
        assert_eq!(
            fs::read_to_string(dir.path().join(&aside[0])).unwrap(),
            "{ not json"
        );
    }

    #[test]
    fn an_uncommitted_save_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        save(&path, &book()).unwrap();
        let pending = prepare(&path, &MarkBook::default()).unwrap();
        drop(pending);
        assert_eq!(load(&path).book, book());
    }
}
