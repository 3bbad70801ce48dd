//! Finding article files under the corpus paths: files named directly are
//! always read; folders are walked (sorted) for files with an article
//! extension; a file reached twice is read once. A symlink met in a folder
//! is followed only when it stays inside the corpus paths (or everywhere,
//! with `[corpus] follow_links`). Problems (a missing path, an unreadable
//! folder, a symlink loop or one that leaves the corpus, a named path that
//! is not a file or folder) become warnings, never failures.
//!
//! Folders are known by device and inode, not by canonical path: a
//! canonical path costs a system call per component, which made a folder
//! 1,000 levels deep cost O(depth³) to walk.

use std::collections::{HashMap, HashSet};
use std::fs::{FileType, Metadata};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{Options, Warning};

/// Extensions read when walking a folder: those of every format.
pub const ARTICLE_EXTENSIONS: &[&str] = super::format::EXTENSIONS;

/// An "extension" that takes every file (for `revue check`, which lists
/// what it skips).
pub const ANY: &str = "*";

/// Whether a folder walk with `extensions` reads this file: one of the
/// extensions, or none at all (a saved page or feed without a name's
/// help, which its content then identifies). Hidden files are not read.
pub fn takes(p: &Path, extensions: &[String]) -> bool {
    has_extension(p, extensions) || is_bare(p)
}

fn is_bare(p: &Path) -> bool {
    p.extension().is_none()
        && p.file_name()
            .is_some_and(|n| !n.as_bytes().starts_with(b"."))
}

pub fn files(paths: &[PathBuf], warnings: &mut Vec<Warning>) -> Vec<PathBuf> {
    files_with(paths, &Options::default(), warnings)
}

/// Like [`files`], under `options` (`[corpus]` of config.toml).
pub fn files_with(
    paths: &[PathBuf],
    options: &Options,
    warnings: &mut Vec<Warning>,
) -> Vec<PathBuf> {
    found_with(paths, options, warnings)
        .into_iter()
        .map(|(path, _)| path)
        .collect()
}

/// Like [`files_with`], each file with the metadata the walk read (links
/// followed), which the model cache's key is made of.
pub fn found_with(
    paths: &[PathBuf],
    options: &Options,
    warnings: &mut Vec<Warning>,
) -> Vec<(PathBuf, Metadata)> {
    let roots = if options.follow_links {
        Vec::new()
    } else {
        paths
            .iter()
            .filter_map(|p| std::fs::canonicalize(p).ok())
            .collect()
    };
    let mut walk = Walk {
        options,
        roots,
        seen_dirs: HashSet::new(),
        seen_files: HashSet::new(),
        ancestors: HashMap::new(),
        out: Vec::new(),
        warnings,
    };
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk.dir(p, &m),
            Ok(m) if m.is_file() => walk.file(p, m),
            // `/dev/zero` or a FIFO named on the command line: reading it
            // would never end, or never start.
            Ok(m) => walk.warn(
                p,
                format!(
                    "skipped: {}, not a file or folder of articles",
                    crate::regular_file::type_name(m.file_type())
                ),
            ),
            Err(e) => walk.warn(p, unreadable(&e)),
        }
    }
    walk.out
}

/// A folder's identity, whatever path reaches it.
type DirId = (u64, u64);

fn id(meta: &Metadata) -> DirId {
    (meta.dev(), meta.ino())
}

struct Walk<'a> {
    options: &'a Options,
    /// The corpus paths, canonical, that links may lead into (empty when
    /// links are followed anywhere).
    roots: Vec<PathBuf>,
    /// Folders walked: each real folder is read once.
    seen_dirs: HashSet<DirId>,
    /// Files taken, by device and inode: each real file is read once,
    /// whatever links lead to it. (Cheaper than canonicalising every path,
    /// which costs a system call per path component.)
    seen_files: HashSet<(u64, u64)>,
    /// The folders from the root to the one being walked, with the path
    /// each was reached by (for the message about a loop).
    ancestors: HashMap<DirId, PathBuf>,
    out: Vec<(PathBuf, Metadata)>,
    warnings: &'a mut Vec<Warning>,
}

impl Walk<'_> {
    fn warn(&mut self, path: &Path, message: String) {
        self.warnings.push(Warning::new(path, message));
    }

    /// Takes a file, given its metadata (links followed).
    fn file(&mut self, path: &Path, meta: Metadata) {
        if self.seen_files.insert((meta.dev(), meta.ino())) {
            self.out.push((path.to_path_buf(), meta));
        }
    }

    fn dir(&mut self, dir: &Path, meta: &Metadata) {
        let here = id(meta);
        if let Some(first) = self.ancestors.get(&here) {
            let msg = format!("symlink loop back to {}: not followed", first.display());
            return self.warn(dir, msg);
        }
        // Reached another way (two paths naming one folder): read once.
        if !self.seen_dirs.insert(here) {
            return;
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => return self.warn(dir, format!("cannot read folder: {e}")),
        };
        // The entry's own type (not followed) comes with the listing.
        let mut children: Vec<(PathBuf, Option<FileType>)> = entries
            .filter_map(|e| e.ok().map(|e| (e.path(), e.file_type().ok())))
            .collect();
        // Siblings differ only in their names, so their bytes sort them as
        // `Path`'s order would, without its walk over every component.
        children
            .sort_unstable_by(|a, b| a.0.as_os_str().as_bytes().cmp(b.0.as_os_str().as_bytes()));
        // One system call per entry, the walk's main cost in a large
        // folder: made on every core, then taken in order.
        let metadata: Vec<_> = children
            .par_iter()
            .map(|(p, _)| std::fs::metadata(p))
            .collect();
        self.ancestors.insert(here, dir.to_path_buf());
        for ((child, kind), meta) in children.into_iter().zip(metadata) {
            let is_link = kind.is_some_and(|k| k.is_symlink());
            match meta {
                Ok(m) if is_link && !self.may_follow(&child, &m) => {}
                Ok(m) if m.is_dir() => self.dir(&child, &m),
                Ok(m) if m.is_file() && takes(&child, &self.options.extensions) => {
                    self.file(&child, m)
                }
                Ok(_) => {}
                // A broken link to an image is none of revue's business.
                Err(e) if has_extension(&child, &self.options.extensions) || is_loop(&e) => {
                    self.warn(&child, unreadable(&e))
                }
                Err(_) => {}
            }
        }
        self.ancestors.remove(&here);
    }

    /// Whether the symlink at `link` (to `target`) may be followed: always
    /// with `follow_links`, else when it leads inside a corpus path. One
    /// that leaves is a warning, unless it names nothing revue would read.
    fn may_follow(&mut self, link: &Path, target: &Metadata) -> bool {
        if self.options.follow_links {
            return true;
        }
        let wanted =
            target.is_dir() || (target.is_file() && has_extension(link, &self.options.extensions));
        if !wanted {
            return false;
        }
        let real = match std::fs::canonicalize(link) {
            Ok(r) => r,
            Err(e) => {
                self.warn(link, unreadable(&e));
                return false;
            }
        };
        if self.roots.iter().any(|r| real.starts_with(r)) {
            return true;
        }
        let msg = format!(
            "symlink to {}, outside the corpus paths: skipped \
             (set `follow_links = true` in [corpus] to follow it)",
            real.display()
        );
        self.warn(link, msg);
        false
    }
}

/// What a failed `metadata` means to a user.
fn unreadable(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "does not exist (or is a broken symlink)".to_string(),
        _ if is_loop(e) => "symlink loop: not followed".to_string(),
        _ => format!("cannot read: {e}"),
    }
}

fn is_loop(e: &std::io::Error) -> bool {
    e.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error())
}

fn has_extension(p: &Path, extensions: &[String]) -> bool {
    p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        extensions
            .iter()
            .any(|x| x == ANY || e.eq_ignore_ascii_case(x))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_sorted_skips_other_files_and_reports_missing() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("b.txt"), "b").unwrap();
        std::fs::write(dir.path().join("a.txt"), "a").unwrap();
        std::fs::write(dir.path().join("image.png"), "x").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/c.md"), "c").unwrap();
        let mut w = Vec::new();
        let found = files(&[dir.path().to_path_buf(), dir.path().join("nope")], &mut w);
        let names: Vec<_> = found
            .iter()
            .map(|p| p.file_name().unwrap().to_str().unwrap())
            .collect();
        assert_eq!(names, ["a.txt", "b.txt", "c.md"]);
        assert_eq!(w.len(), 1);
        assert!(w[0].message.contains("does not exist"));
    }

    #[test]
    fn symlink_loops_end_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "a").unwrap();
        std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
        std::os::unix::fs::symlink("self.txt", dir.path().join("self.txt")).unwrap();
        let mut w = Vec::new();
        assert_eq!(files(&[dir.path().to_path_buf()], &mut w).len(), 1);
        let messages: Vec<&str> = w.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(
            messages.iter().all(|m| m.contains("symlink loop")),
            "{messages:?}"
        );
    }

    #[test]
    fn a_file_reached_twice_is_read_once() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "a").unwrap();
        let mut w = Vec::new();
        let p = dir.path().to_path_buf();
        let found = files(&[p.clone(), p.join("a.txt"), p.clone()], &mut w);
        assert_eq!(found.len(), 1);
        assert!(w.is_empty());
    }
}
