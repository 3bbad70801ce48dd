//! What a cached model depends on, hashed into one key: the input paths
//! as given and as they resolve, every file the corpus would be read
//! from with its size, times and inode, the build options, and the
//! running program's own bytes (extraction changes between commits
//! without a version bump). Anything else that changed would have to
//! change one of these.
//!
//! Files are compared by their metadata, not their content, as make and
//! git do: reading 366 MB to hash it would cost what the cache saves. A
//! file modified within the last couple of seconds might be modified
//! again within the same clock tick, leaving its times unchanged: such a
//! key is marked unsettled and nothing is saved under it. A file dated in
//! the future (a clock set wrong, an archive unpacked with its times) is no
//! such risk: its next write dates it now, which changes its times. It is
//! counted as settled, and named ([`Key::future`]) so that the user hears
//! of it.

use std::fs;
use std::io::Read;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

use xxhash_rust::xxh3::{Xxh3, xxh3_128};

use crate::ingest::Found;
use crate::model::BuildOptions;

/// How recent a change may be before its file's times cannot be trusted
/// to change again on the next write (file systems keep coarse clocks;
/// some count in seconds).
const SETTLE: Duration = Duration::from_secs(2);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    /// The cache file's name: one per set of input paths, whatever their
    /// files hold, so that a new model replaces the old one.
    pub name: String,
    pub digest: u128,
    /// Whether every file is old enough for its times to be trusted.
    pub settled: bool,
    /// A file modified in the future, if any, and how many are.
    pub future: Option<(PathBuf, usize)>,
}

/// The key of the corpus `paths` would give with these `extensions` and
/// `options`; `None` when the program cannot read itself to tell its
/// build apart.
pub fn key<E: AsRef<str> + Sync>(
    paths: &[PathBuf],
    extensions: &[E],
    found: &Found,
    options: &BuildOptions,
) -> Option<Key> {
    let (program, (files, settled, future)) = rayon::join(program, || stat_inputs(found));
    let program = program?;
    let canonical: Vec<PathBuf> = paths.iter().map(|p| canonical(p)).collect();
    let mut name_hash = Xxh3::new();
    for p in &canonical {
        name_hash.update(p.as_os_str().as_bytes());
        name_hash.update(&[0]);
    }

    let mut h = Xxh3::new();
    h.update(&program.to_le_bytes());
    h.update(&super::file::FORMAT.to_le_bytes());
    field(&mut h, b"paths");
    for (given, real) in paths.iter().zip(&canonical) {
        text(&mut h, given.as_os_str().as_bytes());
        text(&mut h, real.as_os_str().as_bytes());
    }
    field(&mut h, b"extensions");
    for e in extensions {
        text(&mut h, e.as_ref().as_bytes());
    }
    field(&mut h, b"aliases");
    for (canonical, others) in &options.aliases {
        text(&mut h, canonical.as_bytes());
        h.update(&(others.len() as u64).to_le_bytes());
        for o in others {
            text(&mut h, o.as_bytes());
        }
    }
    field(&mut h, b"stories");
    if let Some(t) = &options.stories {
        h.update(&t.copy.to_le_bytes());
        h.update(&t.rewrite.to_le_bytes());
    }
    field(&mut h, b"corrections");
    for c in &options.corrections {
        text(
            &mut h,
            &serde_json::to_vec(c).expect("a correction serialises: strings"),
        );
    }
    field(&mut h, b"files");
    h.update(&files);
    Some(Key {
        name: format!("{:016x}.model", name_hash.digest()),
        digest: h.digest128(),
        settled,
        future,
    })
}

/// A field's name, so that values cannot slide from one field to the next.
fn field(h: &mut Xxh3, name: &[u8]) {
    h.update(&[0xff]);
    h.update(name);
}

/// A string, preceded by its length so that no two lists hash alike.
fn text(h: &mut Xxh3, bytes: &[u8]) {
    h.update(&(bytes.len() as u64).to_le_bytes());
    h.update(bytes);
}

/// The path made absolute with its links resolved; as given, absolute,
/// when it does not exist (its absence is part of the key too).
fn canonical(p: &Path) -> PathBuf {
    fs::canonicalize(p)
        .or_else(|_| std::path::absolute(p))
        .unwrap_or_else(|_| p.to_path_buf())
}

/// The files ingest would read, each with its metadata (as the walk read
/// it), and the problems the walk met (a missing path, a loop), as bytes
/// to hash; whether every file is settled; the first file dated in the
/// future and how many are.
fn stat_inputs(found: &Found) -> (Vec<u8>, bool, Option<(PathBuf, usize)>) {
    // The names are made from the paths and files, both in the key.
    let Found {
        files,
        metadata,
        warnings,
        ..
    } = found;
    let now = SystemTime::now();
    let recent = now - SETTLE;
    let ahead = now + SETTLE;
    let mut future: Option<(PathBuf, usize)> = None;
    let mut bytes = Vec::with_capacity(files.len() * 96);
    for w in warnings {
        bytes.extend_from_slice(w.to_string().as_bytes());
        bytes.push(0);
    }
    bytes.push(0xff);
    let mut settled = true;
    for (f, m) in files.iter().zip(metadata) {
        bytes.extend_from_slice(&(f.as_os_str().len() as u64).to_le_bytes());
        bytes.extend_from_slice(f.as_os_str().as_bytes());
        for n in [
            m.len(),
            m.ino(),
            m.dev(),
            m.mtime() as u64,
            m.mtime_nsec() as u64,
            m.ctime() as u64,
            m.ctime_nsec() as u64,
        ] {
            bytes.extend_from_slice(&n.to_le_bytes());
        }
        let modified = m.modified().ok();
        if modified.is_some_and(|t| t > ahead) {
            future.get_or_insert_with(|| (f.clone(), 0)).1 += 1;
        }
        settled &= modified.is_some_and(|t| t < recent || t > ahead) && changed(m) < recent;
    }
    (bytes, settled, future)
}

/// When the file's inode last changed (ctime), which no one can set back.
fn changed(m: &fs::Metadata) -> SystemTime {
    let since_epoch = Duration::new(m.ctime().max(0) as u64, m.ctime_nsec().max(0) as u32);
    SystemTime::UNIX_EPOCH + since_epoch
}

/// A hash of the running executable, computed once per process.
fn program() -> Option<u128> {
    static HASH: OnceLock<Option<u128>> = OnceLock::new();
    *HASH.get_or_init(|| {
        let mut bytes = Vec::new();
        // `/proc/self/exe` is the running program even when its file was
        // replaced or removed since it started (a rebuild while it runs).
        let read = fs::File::open("/proc/self/exe")
            .or_else(|_| fs::File::open(std::env::current_exe()?))
            .and_then(|mut f| f.read_to_end(&mut bytes));
        match read {
            Ok(_) if !bytes.is_empty() => Some(xxh3_128(&bytes)),
            _ => None,
        }
    })
}
