//! The search line's history across runs: one query a line in a file of
//! the state folder, newest last. Read whole at start (a file that cannot
//! be read is a warning and an empty history); written whole through a
//! temporary file and a rename, so a crash leaves the old one or the new.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The most queries kept.
pub const MAX: usize = 200;

/// The history file beside the review marks' state file.
pub fn path_beside(state_file: &Path) -> Option<PathBuf> {
    Some(state_file.parent()?.join("search_history"))
}

/// The queries of `path`, oldest first; none if it does not exist, and a
/// warning naming it if it cannot be read.
pub fn load(path: &Path) -> (Vec<String>, Option<String>) {
    match std::fs::read(path) {
        Ok(bytes) => {
            let text = String::from_utf8_lossy(&bytes);
            let mut queries: Vec<String> = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect();
            let cut = queries.len().saturating_sub(MAX);
            queries.drain(..cut);
            (queries, None)
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => (Vec::new(), None),
        Err(e) => (
            Vec::new(),
            Some(format!("{}: search history not read: {e}", path.display())),
        ),
    }
}

/// Writes `queries` to `path`, replacing it whole.
pub fn save(path: &Path, queries: &[String]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    for q in queries.iter().rev().take(MAX).rev() {
        // A query is one line: a newline in it (a paste) would make two.
        writeln!(tmp, "{}", q.replace(['\n', '\r'], " "))?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saves_and_loads_back_newest_last_and_bounded() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state").join("search_history");
        assert_eq!(load(&path), (vec![], None));
        let many: Vec<String> = (0..MAX + 5).map(|i| format!("q{i}")).collect();
        save(&path, &many).unwrap();
        let (back, warning) = load(&path);
        assert_eq!(warning, None);
        assert_eq!(back.len(), MAX);
        assert_eq!(back.last(), many.last());
        save(&path, &["a\nb".to_string()]).unwrap();
        assert_eq!(load(&path).0, ["a b"]);
    }

    #[test]
    fn an_unreadable_history_is_a_warning_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        // A folder where the file should be.
        let path = dir.path().join("search_history");
        std::fs::create_dir(&path).unwrap();
        let (queries, warning) = load(&path);
        assert!(queries.is_empty());
        let w = warning.unwrap();
        assert!(
            w.contains("search_history") && w.contains("not read"),
            "{w}"
        );
    }
}
