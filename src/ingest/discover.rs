//! Finding article files under the corpus paths: files named directly are
//! always read; folders are walked (sorted, symlinks followed once) for files
//! with an article extension; a file reached twice is read once. Problems (a
//! missing path, an unreadable folder, a symlink loop) become warnings,
//! never failures.

use std::collections::HashSet;
use std::fs::Metadata;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::Warning;

/// Extensions read when walking a folder: those of every format.
pub const ARTICLE_EXTENSIONS: &[&str] = super::format::EXTENSIONS;

/// An "extension" that takes every file (for `revue check`, which lists
/// what it skips).
pub const ANY: &str = "*";

/// Whether a folder walk with `extensions` reads this file: one of the
/// extensions, or none at all (a saved page or feed without a name's
/// help, which its content then identifies). Hidden files are not read.
pub fn takes<E: AsRef<str>>(p: &Path, extensions: &[E]) -> bool {
    has_extension(p, extensions) || is_bare(p)
}

fn is_bare(p: &Path) -> bool {
    p.extension().is_none()
        && p.file_name()
            .is_some_and(|n| !n.as_bytes().starts_with(b"."))
}

pub fn files(paths: &[PathBuf], warnings: &mut Vec<Warning>) -> Vec<PathBuf> {
    files_with(paths, ARTICLE_EXTENSIONS, warnings)
}

/// Like [`files`], walking folders for other extensions (without the dot,
/// compared ignoring case), as `[corpus] extensions` in config.toml sets.
pub fn files_with<E: AsRef<str>>(
    paths: &[PathBuf],
    extensions: &[E],
    warnings: &mut Vec<Warning>,
) -> Vec<PathBuf> {
    found_with(paths, extensions, warnings)
        .into_iter()
        .map(|(path, _)| path)
        .collect()
}

/// Like [`files_with`], each file with the metadata the walk read (links
/// followed), which the model cache's key is made of.
pub fn found_with<E: AsRef<str>>(
    paths: &[PathBuf],
    extensions: &[E],
    warnings: &mut Vec<Warning>,
) -> Vec<(PathBuf, Metadata)> {
    let mut walk = Walk {
        extensions,
        seen_dirs: HashSet::new(),
        seen_files: HashSet::new(),
        ancestors: Vec::new(),
        out: Vec::new(),
        warnings,
    };
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk.dir(p),
            Ok(m) => walk.file(p, m),
            Err(e) => walk.warn(p, unreadable(&e)),
        }
    }
    walk.out
}

struct Walk<'a, E> {
    extensions: &'a [E],
    /// Canonical folders walked: each real folder is read once.
    seen_dirs: HashSet<PathBuf>,
    /// Files taken, by device and inode: each real file is read once,
    /// whatever links lead to it. (Cheaper than canonicalising every path,
    /// which costs a system call per path component.)
    seen_files: HashSet<(u64, u64)>,
    /// Canonical folders from the root to the one being walked.
    ancestors: Vec<PathBuf>,
    out: Vec<(PathBuf, Metadata)>,
    warnings: &'a mut Vec<Warning>,
}

impl<E: AsRef<str>> Walk<'_, E> {
    fn warn(&mut self, path: &Path, message: String) {
        self.warnings.push(Warning::new(path, message));
    }

    /// Takes a file, given its metadata (links followed).
    fn file(&mut self, path: &Path, meta: Metadata) {
        if self.seen_files.insert((meta.dev(), meta.ino())) {
            self.out.push((path.to_path_buf(), meta));
        }
    }

    fn dir(&mut self, dir: &Path) {
        let real = match std::fs::canonicalize(dir) {
            Ok(r) => r,
            Err(e) => return self.warn(dir, unreadable(&e)),
        };
        if self.ancestors.contains(&real) {
            let msg = format!("symlink loop back to {}: not followed", real.display());
            return self.warn(dir, msg);
        }
        // Reached another way (two paths naming one folder): read once.
        if !self.seen_dirs.insert(real.clone()) {
            return;
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => return self.warn(dir, format!("cannot read folder: {e}")),
        };
        let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        // Siblings differ only in their names, so their bytes sort them as
        // `Path`'s order would, without its walk over every component.
        children.sort_unstable_by(|a, b| a.as_os_str().as_bytes().cmp(b.as_os_str().as_bytes()));
        // One system call per entry, the walk's main cost in a large
        // folder: made on every core, then taken in order.
        let metadata: Vec<_> = children.par_iter().map(std::fs::metadata).collect();
        self.ancestors.push(real);
        for (child, meta) in children.into_iter().zip(metadata) {
            match meta {
                Ok(m) if m.is_dir() => self.dir(&child),
                Ok(m) if m.is_file() && takes(&child, self.extensions) => self.file(&child, m),
                Ok(_) => {}
                // A broken link to an image is none of revue's business.
                Err(e) if has_extension(&child, self.extensions) || is_loop(&e) => {
                    self.warn(&child, unreadable(&e))
                }
                Err(_) => {}
            }
        }
        self.ancestors.pop();
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

fn has_extension<E: AsRef<str>>(p: &Path, extensions: &[E]) -> bool {
    p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        extensions
            .iter()
            .any(|x| x.as_ref() == ANY || e.eq_ignore_ascii_case(x.as_ref()))
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
