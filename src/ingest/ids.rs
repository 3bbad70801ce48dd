//! The name each file goes by in the corpus, which article ids
//! (`name#part`) are made of: unique within one corpus, and the same on
//! every run over the same paths, wherever revue is started from.
//!
//! - A file found in a folder given as a corpus path is named by its path
//!   relative to that folder (`2017/a.txt`), so moving or renaming the
//!   corpus folder, or starting revue elsewhere, keeps its ids.
//! - A file named directly is named by its file name (`a.txt`), as it
//!   always was.
//! - Where two files would share a name (two folders both holding
//!   `a.txt`, or a file named directly beside a folder's file of the same
//!   name), each of them is named by its path as found instead, relative to
//!   the folder revue started in when it was given so (`2017/a.txt`,
//!   `2018/a.txt`). A name still shared after that (paths whose bytes are
//!   not UTF-8, or that differ only in characters the sanitiser drops)
//!   takes a `~2`, `~3` suffix in the order found.
//!
//! Names are sanitised as any text shown or exported (see
//! [`super::decode::sanitize`]). This module reads no file; the walk
//! ([`super::discover`]) finds them.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

/// The name of each of `files` (as the walk found them under `roots`), in
/// the same order.
pub fn names(roots: &[PathBuf], files: &[PathBuf]) -> Vec<String> {
    let mut names: Vec<String> = files.iter().map(|f| short_name(roots, f)).collect();
    let mut full = vec![false; files.len()];
    // Each round names every file in a clash by its full path; full paths
    // differ between files, so this ends within a few rounds.
    loop {
        let clashing: Vec<usize> = clashes(&names).into_iter().filter(|&i| !full[i]).collect();
        if clashing.is_empty() {
            break;
        }
        for i in clashing {
            names[i] = clean(&files[i]);
            full[i] = true;
        }
    }
    suffix_the_rest(&mut names);
    names
}

/// The file's name relative to the folder among `roots` it lies in (the
/// deepest, when folders nest), or its file name when it was named
/// directly or lies in none.
fn short_name(roots: &[PathBuf], file: &Path) -> String {
    let relative = roots
        .iter()
        .filter(|r| r.as_path() != file)
        .filter_map(|r| file.strip_prefix(r).ok())
        .filter(|rest| !rest.as_os_str().is_empty())
        .min_by_key(|rest| rest.components().count());
    match relative {
        Some(rest) => clean(rest),
        None => clean(Path::new(file.file_name().unwrap_or(file.as_os_str()))),
    }
}

/// A path as text: `/`-separated, `.` components dropped, sanitised.
fn clean(path: &Path) -> String {
    let mut out = String::new();
    if path.is_absolute() {
        out.push('/');
    }
    for c in path.components() {
        let part = match c {
            Component::Normal(p) => p.to_string_lossy(),
            Component::ParentDir => "..".into(),
            Component::CurDir | Component::RootDir | Component::Prefix(_) => continue,
        };
        if !out.is_empty() && !out.ends_with('/') {
            out.push('/');
        }
        out.push_str(&part);
    }
    super::decode::sanitize(&out)
}

/// The positions of names that occur more than once.
fn clashes(names: &[String]) -> Vec<usize> {
    let mut count: HashMap<&str, usize> = HashMap::new();
    for n in names {
        *count.entry(n).or_default() += 1;
    }
    (0..names.len())
        .filter(|&i| count[names[i].as_str()] > 1)
        .collect()
}

/// The last resort: a name still taken gets `~2`, `~3`, … (the first
/// keeps it), skipping suffixed names already taken.
fn suffix_the_rest(names: &mut [String]) {
    let mut taken: std::collections::HashSet<String> = names.iter().cloned().collect();
    let mut seen = std::collections::HashSet::new();
    for n in names.iter_mut() {
        if seen.insert(n.clone()) {
            continue;
        }
        let base = n.clone();
        let mut k = 2;
        while taken.contains(&format!("{base}~{k}")) {
            k += 1;
        }
        *n = format!("{base}~{k}");
        taken.insert(n.clone());
        seen.insert(n.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> PathBuf {
        PathBuf::from(s)
    }

    fn named(roots: &[&str], files: &[&str]) -> Vec<String> {
        let roots: Vec<PathBuf> = roots.iter().map(|r| p(r)).collect();
        let files: Vec<PathBuf> = files.iter().map(|f| p(f)).collect();
        names(&roots, &files)
    }

    #[test]
    fn each_case_names_files_as_documented() {
        // (roots, files as found, names)
        let table: &[(&[&str], &[&str], &[&str])] = &[
            // A folder: paths relative to it.
            (
                &["corpus"],
                &["corpus/a.txt", "corpus/2017/b.txt"],
                &["a.txt", "2017/b.txt"],
            ),
            // The same folder given otherwise: the same names.
            (&["./corpus/"], &["./corpus/a.txt"], &["a.txt"]),
            (&["/home/u/corpus"], &["/home/u/corpus/a.txt"], &["a.txt"]),
            // Files named directly: their file names.
            (
                &["x/a.txt", "/y/b.txt"],
                &["x/a.txt", "/y/b.txt"],
                &["a.txt", "b.txt"],
            ),
            // Two folders holding the same name: paths as found.
            (
                &["2017", "2018"],
                &["2017/a.txt", "2018/a.txt", "2018/b.txt"],
                &["2017/a.txt", "2018/a.txt", "b.txt"],
            ),
            (
                &["x/a.txt", "y/a.txt"],
                &["x/a.txt", "y/a.txt"],
                &["x/a.txt", "y/a.txt"],
            ),
            // A full path that meets another file's short name: that one
            // is named in full too.
            (
                &["c", "d", "e"],
                &["c/a.txt", "d/a.txt", "e/c/a.txt"],
                &["c/a.txt", "d/a.txt", "e/c/a.txt"],
            ),
            // Nested folders: relative to the deepest.
            (
                &["c", "c/sub"],
                &["c/sub/a.txt", "c/b.txt"],
                &["a.txt", "b.txt"],
            ),
        ];
        for (roots, files, want) in table {
            assert_eq!(
                named(roots, files),
                *want,
                "roots {roots:?}, files {files:?}"
            );
        }
    }

    #[test]
    fn names_lost_to_sanitising_still_differ() {
        let got = named(&["c"], &["c/a\u{1}.txt", "c/a.txt"]);
        assert_eq!(got, ["c/a.txt", "c/a.txt~2"]);
    }
}
