//! Keeping the article store in bounds. Each run that extracts something
//! adds a pack, so without care a folder would grow by one every morning
//! and a start would read more and more tables. After each run:
//! - when the entries it used were spread over more than
//!   [`MAX_PACKS_IN_USE`] packs, they are copied into one new pack (the
//!   old ones, no longer used by this corpus, age out unless another
//!   corpus uses them);
//! - packs no run has used for [`MAX_AGE`] are removed, whatever their
//!   version, and then the least recently used ones while the folder is
//!   over its budget (the larger of [`MIN_BUDGET`] and [`BUDGET_TIMES`]
//!   what this run used); packs this run used are never removed;
//! - a pack found damaged (a bad tag on its table or on one entry) is
//!   removed, what this run used of it copied into the run's own pack
//!   first, so that the damage is reported once, not on every start;
//! - temporary files left by a writer that was killed are removed after an
//!   hour.
//!
//! Only files named as revue names them are touched. A pack removed while
//! another revue reads it stays readable to that one (it holds it open).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::Store;
use super::pack::{self, Writer};

pub const MAX_PACKS_IN_USE: usize = 16;
pub const MAX_AGE: Duration = Duration::from_secs(30 * 24 * 3600);
pub const MIN_BUDGET: u64 = 1 << 30;
pub const BUDGET_TIMES: u64 = 4;
const ABANDONED: Duration = Duration::from_secs(3600);

/// The packs in `dir`, least recently used first (so that where two hold
/// the same entry, the newer is the one looked up).
pub fn pack_paths(dir: &Path) -> Vec<PathBuf> {
    let mut packs: Vec<(SystemTime, PathBuf)> = listing(dir)
        .into_iter()
        .filter(|f| pack::is_pack_name(&f.name))
        .map(|f| (f.modified, f.path))
        .collect();
    packs.sort();
    packs.into_iter().map(|(_, p)| p).collect()
}

struct Listed {
    path: PathBuf,
    name: String,
    modified: SystemTime,
    bytes: u64,
}

fn listing(dir: &Path) -> Vec<Listed> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            Some(Listed {
                path: e.path(),
                name: e.file_name().to_string_lossy().into_owned(),
                modified: meta.modified().ok()?,
                bytes: meta.len(),
            })
        })
        .collect()
}

/// Finishes this run's pack (`writer`, with what it extracted), adding to
/// it what the run used of `damaged` packs, which are then removed;
/// compacts what the run used (`rows`) when it is spread too thin; then
/// evicts (see the module comment).
pub(super) fn tidy(
    store: &Store,
    rows: &[(u32, u32)],
    writer: Option<Writer>,
    damaged: &[PathBuf],
) {
    let is_damaged = |pi: u32| damaged.contains(&store.packs[pi as usize].path);
    let packs_used: HashSet<u32> = rows.iter().map(|r| r.0).collect();
    let compacting = packs_used.len() > MAX_PACKS_IN_USE;
    let moved: Vec<(u32, u32)> = rows
        .iter()
        .copied()
        .filter(|&(pi, _)| compacting || is_damaged(pi))
        .collect();
    let mut writer = match writer {
        Some(w) => Some(w),
        None if !moved.is_empty() => Writer::new(&store.dir, store.extractor, &store.secret).ok(),
        None => None,
    };
    if let Some(w) = writer.as_mut()
        && copy(store, &moved, w).is_err()
    {
        writer = None;
    }
    let written = writer
        .filter(|w| !w.is_empty())
        .and_then(|w| w.finish().ok());
    let mut keep: HashSet<PathBuf> = HashSet::new();
    let mut live = 0;
    if let Some(path) = written {
        live += std::fs::metadata(&path).map_or(0, |m| m.len());
        keep.insert(path);
    }
    // Packs whose entries were copied are not dated as used: no longer
    // used by this corpus, they age out unless another corpus uses them.
    let moved_all = compacting && !keep.is_empty();
    for &pi in &packs_used {
        let p = &store.packs[pi as usize];
        if is_damaged(pi) || moved_all {
            continue;
        }
        p.touch();
        live += p.bytes;
        keep.insert(p.path.clone());
    }
    for path in damaged {
        if !keep.contains(path) {
            let _ = std::fs::remove_file(path);
        }
    }
    evict(&store.dir, &keep, (BUDGET_TIMES * live).max(MIN_BUDGET));
}

/// Copies the entries at `rows` into `writer`, each read again and
/// checked, each once; an error is the writer's.
fn copy(store: &Store, rows: &[(u32, u32)], writer: &mut Writer) -> std::io::Result<()> {
    let mut seen = HashSet::new();
    for &at in rows {
        let (pack, row) = store.row(at);
        if !seen.insert(row.id) {
            continue;
        }
        // Checked when it was used; should it fail now, it is extracted
        // again next time, like any entry not stored.
        if let Ok(bytes) = pack.entry(row, store.extractor, &store.secret) {
            writer.add(row.id, &bytes)?;
        }
    }
    Ok(())
}

/// Removes packs unused for [`MAX_AGE`], then the least recently used
/// while the packs take more than `budget` bytes, never those in `keep`;
/// and abandoned temporary files.
pub fn evict(dir: &Path, keep: &HashSet<PathBuf>, budget: u64) {
    let now = SystemTime::now();
    let age = |t: SystemTime| now.duration_since(t).unwrap_or_default();
    let mut packs = Vec::new();
    for f in listing(dir) {
        if f.name.starts_with(pack::TEMP_PREFIX) {
            if age(f.modified) > ABANDONED {
                let _ = std::fs::remove_file(&f.path);
            }
        } else if pack::is_pack_name(&f.name) && !keep.contains(&f.path) {
            packs.push(f);
        }
    }
    let mut total: u64 = keep
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .chain(packs.iter().map(|f| f.bytes))
        .sum();
    packs.sort_by_key(|f| f.modified);
    for f in packs {
        if (age(f.modified) > MAX_AGE || total > budget) && std::fs::remove_file(&f.path).is_ok() {
            total = total.saturating_sub(f.bytes);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pack_file(dir: &Path, n: u64, bytes: usize, age: Duration) -> PathBuf {
        let path = dir.join(format!("{n:016x}.pack"));
        std::fs::write(&path, vec![0u8; bytes]).unwrap();
        let f = std::fs::File::options().write(true).open(&path).unwrap();
        f.set_modified(SystemTime::now() - age).unwrap();
        path
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut left: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        left
    }

    #[test]
    fn old_packs_go_then_the_least_recently_used_over_budget() {
        let dir = tempfile::tempdir().unwrap();
        let day = Duration::from_secs(24 * 3600);
        let kept = pack_file(dir.path(), 0, 100, 60 * day);
        pack_file(dir.path(), 1, 100, 40 * day);
        pack_file(dir.path(), 2, 100, 3 * day);
        pack_file(dir.path(), 3, 100, 2 * day);
        pack_file(dir.path(), 4, 100, day);
        std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
        let abandoned = dir.path().join(format!("{}x", pack::TEMP_PREFIX));
        std::fs::write(&abandoned, "x").unwrap();
        let f = std::fs::File::options()
            .write(true)
            .open(&abandoned)
            .unwrap();
        f.set_modified(SystemTime::now() - 2 * ABANDONED).unwrap();
        // Room for three: the kept one (however old) and the two newest.
        evict(dir.path(), &HashSet::from([kept]), 300);
        assert_eq!(
            names(dir.path()),
            [
                "0000000000000000.pack",
                "0000000000000003.pack",
                "0000000000000004.pack",
                "notes.txt"
            ]
        );
    }

    #[test]
    fn packs_are_listed_least_recently_used_first() {
        let dir = tempfile::tempdir().unwrap();
        let hour = Duration::from_secs(3600);
        let newer = pack_file(dir.path(), 9, 1, hour);
        let older = pack_file(dir.path(), 1, 1, 2 * hour);
        assert_eq!(pack_paths(dir.path()), [older, newer]);
    }
}
