//! The cache file's layout, and reading and writing it safely. A header
//! names the format, the key the payload was built under and, for each
//! section of the payload, its length and tag; the header has its own tag.
//! Tags are HMAC-SHA256 under the user's secret ([`super::secret`]), so a
//! file revue did not write for this user (forged, with its checksums
//! recomputed, or copied in) is refused like a damaged one. A reader checks
//! all of it before decoding a byte, and a file not owned by the user, or
//! that others may write, is not read at all.
//!
//! Sections are read with `pread(2)` into memory of their own, not mapped:
//! a file truncated while it is read then gives a short read (refused),
//! where a mapping would kill revue with SIGBUS, the terminal left raw.
//!
//! A writer writes a temporary file (O_EXCL, 0600) beside the real one in
//! a private folder (0700 when made), syncs it and renames it over, so a
//! crash leaves the old file or the new one, never half of one.
//!
//! ```text
//! magic "REVUEMDL" | format u32 | sections u32 | key u128
//! | per section: length u64, tag [32] | tag of the header so far [32]
//! | section bytes…
//! ```
//! Integers are little-endian; a section's tag covers the file's key, its
//! number and its bytes, so sections cannot be swapped between files or
//! places. What the sections hold is up to the caller.

use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime};

use super::secret::{self, Mac, Secret};

const MAGIC: &[u8; 8] = b"REVUEMDL";

/// Bumped whenever the layout or the payload's encoding changes. The key
/// covers the program too, so this only matters between builds that
/// happen to produce the same executable, and for a clearer message.
pub const FORMAT: u32 = 4;

const FIXED: usize = 8 + 4 + 4 + 16;
const TAG: usize = 32;
const PER_SECTION: usize = 8 + TAG;

/// A section count no writer produces: a header claiming more is corrupt
/// (and must not make the reader allocate for it).
const MAX_SECTIONS: u32 = 1 << 16;

/// Why a file could not be used.
#[derive(Debug)]
pub enum Unusable {
    /// No file, or one written for other inputs or another build: the
    /// normal reasons to rebuild, not worth a word.
    Stale,
    /// A file that should have been good and was not.
    Corrupt(String),
}

/// A cache file whose header is sound and whose key matches; its sections
/// are checked as they are read.
pub struct Opened {
    file: File,
    secret: Secret,
    key: u128,
    /// Offset, length and tag of each section.
    sections: Vec<(u64, u64, [u8; TAG])>,
}

fn corrupt(why: impl Into<String>) -> Unusable {
    Unusable::Corrupt(why.into())
}

/// Opens `path` if it was written under `key`, checking the header and
/// that the file is as long as the header says.
pub fn open(path: &Path, key: u128, secret: &Secret) -> Result<Opened, Unusable> {
    let nonblock = rustix::fs::OFlags::NONBLOCK.bits() as i32;
    let mut file = match File::options().read(true).custom_flags(nonblock).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(Unusable::Stale),
        Err(e) => return Err(corrupt(format!("cannot read: {e}"))),
    };
    trusted(&file, path)?;
    let mut fixed = [0u8; FIXED];
    if let Err(e) = file.read_exact(&mut fixed) {
        return Err(short_or(e, "header"));
    }
    if &fixed[..8] != MAGIC {
        return Err(corrupt("not a revue model cache (bad magic)"));
    }
    let format = u32::from_le_bytes(fixed[8..12].try_into().expect("4 bytes"));
    let count = u32::from_le_bytes(fixed[12..16].try_into().expect("4 bytes"));
    let stored_key = u128::from_le_bytes(fixed[16..32].try_into().expect("16 bytes"));
    if format != FORMAT || stored_key != key {
        return Err(Unusable::Stale);
    }
    if count > MAX_SECTIONS {
        return Err(corrupt("bad header (section count)"));
    }
    let mut rest = vec![0u8; count as usize * PER_SECTION + TAG];
    if let Err(e) = file.read_exact(&mut rest) {
        return Err(short_or(e, "header"));
    }
    let (table, tag) = rest.split_at(rest.len() - TAG);
    if !secret::same(&secret::mac(secret, &[&fixed, table]), tag) {
        return Err(corrupt("bad header tag (not written by this user's revue)"));
    }
    let mut offset = (FIXED + rest.len()) as u64;
    let mut sections = Vec::with_capacity(count as usize);
    for entry in table.chunks_exact(PER_SECTION) {
        let len = u64::from_le_bytes(entry[..8].try_into().expect("8 bytes"));
        let tag: [u8; TAG] = entry[8..].try_into().expect("32 bytes");
        sections.push((offset, len, tag));
        offset = offset
            .checked_add(len)
            .ok_or_else(|| corrupt("bad header (lengths)"))?;
    }
    let actual = file
        .metadata()
        .map_err(|e| corrupt(format!("cannot read: {e}")))?
        .len();
    if actual != offset {
        return Err(corrupt(format!(
            "truncated or padded: {actual} bytes where the header says {offset}"
        )));
    }
    Ok(Opened {
        file,
        secret: secret.clone(),
        key,
        sections,
    })
}

/// A cache file decides what revue shows: one that another user owns, or
/// that others may write (or sits in a folder they may write), is not
/// this user's and is not read.
pub(super) fn trusted(file: &File, path: &Path) -> Result<(), Unusable> {
    let me = rustix::process::geteuid().as_raw();
    let check = |meta: fs::Metadata, what: &str| {
        if meta.uid() != me {
            Err(corrupt(format!(
                "{what} owned by another user; not trusted"
            )))
        } else if meta.mode() & 0o022 != 0 {
            Err(corrupt(format!("{what} writable by others; not trusted")))
        } else {
            Ok(())
        }
    };
    let meta = file
        .metadata()
        .map_err(|e| corrupt(format!("cannot read: {e}")))?;
    if !meta.is_file() {
        return Err(corrupt("not a regular file"));
    }
    check(meta, "file")?;
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    match fs::metadata(dir.unwrap_or(Path::new("."))) {
        Ok(meta) => check(meta, "folder"),
        Err(e) => Err(corrupt(format!("cannot read its folder: {e}"))),
    }
}

fn short_or(e: io::Error, what: &str) -> Unusable {
    if e.kind() == io::ErrorKind::UnexpectedEof {
        corrupt(format!("truncated {what}"))
    } else {
        corrupt(format!("cannot read: {e}"))
    }
}

impl Opened {
    pub fn section_count(&self) -> usize {
        self.sections.len()
    }

    /// The length of section `i` as the header gives it.
    pub fn section_len(&self, i: usize) -> u64 {
        self.sections[i].1
    }

    /// The bytes of section `i`, once they match their tag. Sections may be
    /// read from several threads at once.
    pub fn section(&self, i: usize) -> Result<Vec<u8>, Unusable> {
        let (offset, len, tag) = self.sections[i];
        // No larger than the file: `open` checked the lengths add up to its
        // size, so a forged length cannot ask for more memory than that.
        let len = usize::try_from(len).map_err(|_| corrupt("section too large"))?;
        let mut bytes = Vec::with_capacity(len);
        while bytes.len() < len {
            let at = offset + bytes.len() as u64;
            // Into the vector's spare room: no zeroing first.
            let room = rustix::buffer::spare_capacity(&mut bytes);
            match rustix::io::pread(&self.file, room, at) {
                Ok(0) => return Err(corrupt(format!("section {i}: truncated while read"))),
                Ok(_) => {}
                Err(rustix::io::Errno::INTR) => {}
                Err(e) => return Err(corrupt(format!("section {i}: cannot read: {e}"))),
            }
        }
        if !secret::same(&section_tag(&self.secret, self.key, i, &bytes), &tag) {
            return Err(corrupt(format!("section {i}: bad tag")));
        }
        Ok(bytes)
    }
}

/// The tag of section `i` of a file written under `key`.
fn section_tag(secret: &Secret, key: u128, i: usize, bytes: &[u8]) -> [u8; TAG] {
    secret::mac(
        secret,
        &[&key.to_le_bytes(), &(i as u64).to_le_bytes(), bytes],
    )
}

/// Writes one section's bytes into the writer it is given.
pub type Section<'a> = Box<dyn FnOnce(&mut dyn Write) -> io::Result<()> + Send + 'a>;

/// Writes `sections` under `key` to `path`, replacing it atomically.
/// Setting `cancel` makes the write stop early with an error, leaving
/// nothing behind.
pub fn write(
    path: &Path,
    key: u128,
    secret: &Secret,
    sections: Vec<Section>,
    cancel: &AtomicBool,
) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    // Article texts may come from a private corpus: a folder of our own.
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    remove_abandoned(path);
    let temp = temp_path(path);
    let result = write_temp(&temp, key, secret, sections, cancel).and_then(|()| {
        fs::rename(&temp, path)?;
        // The rename itself is durable once the folder is synced.
        File::open(dir)?.sync_all()
    });
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

fn write_temp(
    temp: &Path,
    key: u128,
    secret: &Secret,
    sections: Vec<Section>,
    cancel: &AtomicBool,
) -> io::Result<()> {
    let file = File::options()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(temp)?;
    let header_len = FIXED + sections.len() * PER_SECTION + TAG;
    let mut table = Vec::with_capacity(sections.len());
    let mut inner = BufWriter::with_capacity(1 << 20, file);
    inner.write_all(&vec![0u8; header_len])?;
    for (i, section) in sections.into_iter().enumerate() {
        let mut mac = Mac::new(secret);
        mac.update(&key.to_le_bytes());
        mac.update(&(i as u64).to_le_bytes());
        let mut out = Counted {
            inner: &mut inner,
            mac,
            written: 0,
            cancel,
        };
        section(&mut out)?;
        table.push((out.written, out.mac.finish()));
    }
    let mut header = Vec::with_capacity(header_len);
    header.extend_from_slice(MAGIC);
    header.extend_from_slice(&FORMAT.to_le_bytes());
    let count = u32::try_from(table.len()).expect("a handful of sections");
    header.extend_from_slice(&count.to_le_bytes());
    header.extend_from_slice(&key.to_le_bytes());
    for (len, sum) in &table {
        header.extend_from_slice(&len.to_le_bytes());
        header.extend_from_slice(sum);
    }
    let tag = secret::mac(secret, &[&header]);
    header.extend_from_slice(&tag);
    let mut file = inner.into_inner().map_err(|e| e.into_error())?;
    file.seek(SeekFrom::Start(0))?;
    file.write_all(&header)?;
    file.sync_all()
}

/// `.NAME.tmp-PID-NANOS` beside `path`: unique to this write.
fn temp_path(path: &Path) -> PathBuf {
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(format!(".tmp-{}-{nanos}", std::process::id()));
    path.with_file_name(name)
}

/// Temporary files of this cache file left by a writer that was killed
/// (an hour is far longer than any write takes): removed, so they do not
/// pile up.
fn remove_abandoned(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(name);
    prefix.push(".tmp-");
    let prefix = prefix.to_string_lossy().into_owned();
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > Duration::from_secs(3600));
        if old && entry.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Counts and tags what passes through, and gives up once cancelled.
struct Counted<'a, W> {
    inner: W,
    mac: Mac,
    written: u64,
    cancel: &'a AtomicBool,
}

impl<W: Write> Write for Counted<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.cancel.load(Ordering::Relaxed) {
            return Err(io::Error::other("cancelled"));
        }
        let n = self.inner.write(buf)?;
        self.mac.update(&buf[..n]);
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static SECRET: std::sync::LazyLock<Secret> = std::sync::LazyLock::new(|| Secret::fixed(1));

    fn section(bytes: &'static [u8]) -> Section<'static> {
        Box::new(move |w: &mut dyn Write| w.write_all(bytes))
    }

    fn written(dir: &Path) -> PathBuf {
        let path = dir.join("x.model");
        let never = AtomicBool::new(false);
        write(
            &path,
            7,
            &SECRET,
            vec![section(b"hello"), section(b"world!")],
            &never,
        )
        .unwrap();
        path
    }

    #[test]
    fn reads_back_what_it_wrote() {
        let dir = tempfile::tempdir().unwrap();
        let path = written(dir.path());
        let opened = open(&path, 7, &SECRET).unwrap();
        assert_eq!(opened.section_count(), 2);
        assert_eq!(opened.section(0).unwrap(), b"hello");
        assert_eq!(opened.section(1).unwrap(), b"world!");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 1, "no temporary file is left");
    }

    #[test]
    fn another_key_is_stale() {
        let dir = tempfile::tempdir().unwrap();
        let path = written(dir.path());
        assert!(matches!(open(&path, 8, &SECRET), Err(Unusable::Stale)));
        let missing = dir.path().join("none.model");
        assert!(matches!(open(&missing, 7, &SECRET), Err(Unusable::Stale)));
    }

    #[test]
    fn every_flipped_byte_and_every_cut_is_caught() {
        let dir = tempfile::tempdir().unwrap();
        let path = written(dir.path());
        let good = fs::read(&path).unwrap();
        for i in 0..good.len() {
            let mut bad = good.clone();
            bad[i] ^= 0x20;
            fs::write(&path, &bad).unwrap();
            let result = open(&path, 7, &SECRET)
                .and_then(|o| (0..o.section_count()).try_for_each(|s| o.section(s).map(drop)));
            // A flip in the key reads as another key: stale, also rebuilt.
            assert!(result.is_err(), "flipping byte {i} went unnoticed");
        }
        for len in 0..good.len() {
            fs::write(&path, &good[..len]).unwrap();
            assert!(
                matches!(open(&path, 7, &SECRET), Err(Unusable::Corrupt(_))),
                "cut at {len}"
            );
        }
    }

    #[test]
    fn a_cancelled_write_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = written(dir.path());
        let cancelled = AtomicBool::new(true);
        assert!(write(&path, 9, &SECRET, vec![section(b"new")], &cancelled).is_err());
        assert!(open(&path, 7, &SECRET).is_ok());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
