//! Keeping the cache folder small: one model file is written per set of
//! input paths, so a user who opens many folders would collect them
//! forever. After each save, the newest [`KEEP`] model files stay and
//! older ones are removed. Only files named as revue names them
//! (`<16 hex digits>.model`) are touched; nothing else in the folder is.

use std::path::Path;
use std::time::SystemTime;

/// How many model files the cache folder keeps: the corpora a user moves
/// between in a week, at a few hundred megabytes each for the largest.
pub const KEEP: usize = 8;

/// Removes all but the `keep` newest model files in `dir` (by modification
/// time), never `just_written`. Errors are ignored: an old file left behind
/// costs room, not correctness.
pub fn evict(dir: &Path, just_written: &Path, keep: usize) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut models: Vec<(SystemTime, std::path::PathBuf)> = entries
        .flatten()
        .filter(|e| is_model_name(&e.file_name().to_string_lossy()))
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            Some((meta.modified().ok()?, e.path()))
        })
        .filter(|(_, p)| p != just_written)
        .collect();
    // Newest first; the file just written counts as one of the kept.
    models.sort_by_key(|m| std::cmp::Reverse(m.0));
    for (_, old) in models.into_iter().skip(keep.saturating_sub(1)) {
        let _ = std::fs::remove_file(old);
    }
}

fn is_model_name(name: &str) -> bool {
    name.strip_suffix(".model")
        .is_some_and(|stem| stem.len() == 16 && stem.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn the_newest_are_kept_and_nothing_else_is_touched() {
        let dir = tempfile::tempdir().unwrap();
        let now = SystemTime::now();
        let mut names = Vec::new();
        for i in 0..5u64 {
            let name = format!("{:016x}.model", i);
            let f = std::fs::File::create(dir.path().join(&name)).unwrap();
            f.set_modified(now - Duration::from_secs(100 * (i + 1)))
                .unwrap();
            names.push(name);
        }
        for other in ["notes.txt", "abc.model", ".000000000000000a.model.tmp-1"] {
            std::fs::write(dir.path().join(other), "x").unwrap();
        }
        // The oldest was just written: it stays, with the two newest others.
        let written = dir.path().join(&names[4]);
        evict(dir.path(), &written, 3);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                ".000000000000000a.model.tmp-1",
                "0000000000000000.model",
                "0000000000000001.model",
                "0000000000000004.model",
                "abc.model",
                "notes.txt"
            ]
        );
    }
}
