//! Finding article files under the corpus paths: files named directly are
//! always read; folders are walked (sorted, symlinks followed once) for files
//! with an article extension. Problems become warnings, never failures.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::Warning;

/// Extensions read when walking a folder.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "md"];

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
    let mut out = Vec::new();
    let mut seen_dirs = HashSet::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, extensions, &mut seen_dirs, &mut out, warnings),
            Ok(_) => out.push(p.clone()),
            Err(e) => warnings.push(Warning::new(p, format!("cannot read: {e}"))),
        }
    }
    out
}

fn walk<E: AsRef<str>>(
    dir: &Path,
    extensions: &[E],
    seen: &mut HashSet<PathBuf>,
    out: &mut Vec<PathBuf>,
    warnings: &mut Vec<Warning>,
) {
    // Canonical paths make a symlink loop visit each real folder once.
    let Ok(real) = std::fs::canonicalize(dir) else {
        warnings.push(Warning::new(dir, "cannot resolve folder".into()));
        return;
    };
    if !seen.insert(real) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            warnings.push(Warning::new(dir, format!("cannot read folder: {e}")));
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    children.sort();
    for child in children {
        match std::fs::metadata(&child) {
            Ok(m) if m.is_dir() => walk(&child, extensions, seen, out, warnings),
            Ok(m) if m.is_file() && has_extension(&child, extensions) => out.push(child),
            Ok(_) => {}
            Err(e) => warnings.push(Warning::new(&child, format!("cannot read: {e}"))),
        }
    }
}

fn has_extension<E: AsRef<str>>(p: &Path, extensions: &[E]) -> bool {
    p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        extensions
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x.as_ref()))
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
        assert!(w[0].message.contains("cannot read"));
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_end() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "a").unwrap();
        std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
        let mut w = Vec::new();
        assert_eq!(files(&[dir.path().to_path_buf()], &mut w).len(), 1);
    }
}
