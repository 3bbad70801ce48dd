//! The cache file's layout, and reading and writing it safely. A header
//! names the format, the key the payload was built under and, for each
//! section of the payload, its length and checksum; the header has its own
//! checksum. A reader checks all of it before decoding a byte, so a torn,
//! truncated or altered file is never decoded. A writer writes a
//! temporary file beside the real one, syncs it and renames it over, so
//! a crash leaves the old file or the new one, never half of one.
//!
//! ```text
//! magic "REVUEMDL" | format u32 | sections u32 | key u128
//! | per section: length u64, xxh3 u64 | xxh3 of the header so far u64
//! | section bytes…
//! ```
//! Integers are little-endian. What the sections hold is up to the caller.

use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime};

use xxhash_rust::xxh3::{Xxh3, xxh3_64};

const MAGIC: &[u8; 8] = b"REVUEMDL";

/// Bumped whenever the layout or the payload's encoding changes. The key
/// covers the program too, so this only matters between builds that
/// happen to produce the same executable, and for a clearer message.
pub const FORMAT: u32 = 2;

const FIXED: usize = 8 + 4 + 4 + 16;
const PER_SECTION: usize = 16;

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
    /// The whole file, mapped: decoding reads the page cache in place
    /// rather than a copy of it in fresh memory (that copy, and the
    /// zeroing of its pages, took a third of a large model's load).
    map: memmap2::Mmap,
    /// Offset, length and checksum of each section.
    sections: Vec<(u64, u64, u64)>,
}

fn corrupt(why: impl Into<String>) -> Unusable {
    Unusable::Corrupt(why.into())
}

/// Opens `path` if it was written under `key`, checking the header and
/// that the file is as long as the header says.
pub fn open(path: &Path, key: u128) -> Result<Opened, Unusable> {
    let mut file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(Unusable::Stale),
        Err(e) => return Err(corrupt(format!("cannot read: {e}"))),
    };
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
    let mut rest = vec![0u8; count as usize * PER_SECTION + 8];
    if let Err(e) = file.read_exact(&mut rest) {
        return Err(short_or(e, "header"));
    }
    let (table, sum) = rest.split_at(rest.len() - 8);
    let mut hasher = Xxh3::new();
    hasher.update(&fixed);
    hasher.update(table);
    if hasher.digest().to_le_bytes() != sum {
        return Err(corrupt("bad header checksum"));
    }
    let mut offset = (FIXED + rest.len()) as u64;
    let mut sections = Vec::with_capacity(count as usize);
    for entry in table.chunks_exact(PER_SECTION) {
        let len = u64::from_le_bytes(entry[..8].try_into().expect("8 bytes"));
        let sum = u64::from_le_bytes(entry[8..].try_into().expect("8 bytes"));
        sections.push((offset, len, sum));
        offset = offset
            .checked_add(len)
            .ok_or_else(|| corrupt("bad header (lengths)"))?;
    }
    // SAFETY: a mapped file changed underneath is undefined behaviour. A
    // cache file never is: writers write a new file and rename it over
    // the old one, whose inode (the one mapped) stays as it was.
    let map =
        unsafe { memmap2::Mmap::map(&file) }.map_err(|e| corrupt(format!("cannot map: {e}")))?;
    let actual = map.len() as u64;
    if actual != offset {
        return Err(corrupt(format!(
            "truncated or padded: {actual} bytes where the header says {offset}"
        )));
    }
    Ok(Opened { map, sections })
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

    /// The bytes of section `i`, once they match their checksum. Sections
    /// may be read from several threads at once.
    pub fn section(&self, i: usize) -> Result<&[u8], Unusable> {
        let (offset, len, sum) = self.sections[i];
        // Within the file: `open` checked the lengths add up to its size.
        let bytes = &self.map[offset as usize..(offset + len) as usize];
        if xxh3_64(bytes) != sum {
            return Err(corrupt(format!("section {i}: bad checksum")));
        }
        Ok(bytes)
    }

    /// Gives back the pages of section `i`, decoded and no longer read:
    /// mapped pages count as the process's memory until then.
    pub fn release(&self, i: usize) {
        let (offset, len, _) = self.sections[i];
        // SAFETY: the map is read-only and shared with the file, so pages
        // given back read the same bytes again if touched; nothing holds
        // the section's bytes once it is decoded.
        let _ = unsafe {
            self.map.unchecked_advise_range(
                memmap2::UncheckedAdvice::DontNeed,
                offset as usize,
                len as usize,
            )
        };
    }
}

/// Writes one section's bytes into the writer it is given.
pub type Section<'a> = Box<dyn FnOnce(&mut dyn Write) -> io::Result<()> + Send + 'a>;

/// Writes `sections` under `key` to `path`, replacing it atomically.
/// Setting `cancel` makes the write stop early with an error, leaving
/// nothing behind.
pub fn write(
    path: &Path,
    key: u128,
    sections: Vec<Section>,
    cancel: &AtomicBool,
) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    remove_abandoned(path);
    let temp = temp_path(path);
    let result = write_temp(&temp, key, sections, cancel).and_then(|()| {
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
    sections: Vec<Section>,
    cancel: &AtomicBool,
) -> io::Result<()> {
    let file = File::options().write(true).create_new(true).open(temp)?;
    let header_len = FIXED + sections.len() * PER_SECTION + 8;
    let mut out = Counted {
        inner: BufWriter::with_capacity(1 << 20, file),
        hasher: Xxh3::new(),
        written: 0,
        cancel,
    };
    out.inner.write_all(&vec![0u8; header_len])?;
    let mut table = Vec::with_capacity(sections.len());
    for section in sections {
        out.hasher.reset();
        out.written = 0;
        section(&mut out)?;
        table.push((out.written, out.hasher.digest()));
    }
    let mut header = Vec::with_capacity(header_len);
    header.extend_from_slice(MAGIC);
    header.extend_from_slice(&FORMAT.to_le_bytes());
    let count = u32::try_from(table.len()).expect("a handful of sections");
    header.extend_from_slice(&count.to_le_bytes());
    header.extend_from_slice(&key.to_le_bytes());
    for (len, sum) in &table {
        header.extend_from_slice(&len.to_le_bytes());
        header.extend_from_slice(&sum.to_le_bytes());
    }
    header.extend_from_slice(&xxh3_64(&header).to_le_bytes());
    let mut file = out.inner.into_inner().map_err(|e| e.into_error())?;
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

/// Counts and checksums what passes through, and gives up once cancelled.
struct Counted<'a, W> {
    inner: W,
    hasher: Xxh3,
    written: u64,
    cancel: &'a AtomicBool,
}

impl<W: Write> Write for Counted<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.cancel.load(Ordering::Relaxed) {
            return Err(io::Error::other("cancelled"));
        }
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
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

    fn section(bytes: &'static [u8]) -> Section<'static> {
        Box::new(move |w: &mut dyn Write| w.write_all(bytes))
    }

    fn written(dir: &Path) -> PathBuf {
        let path = dir.join("x.model");
        let never = AtomicBool::new(false);
        write(
            &path,
            7,
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
        let opened = open(&path, 7).unwrap();
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
        assert!(matches!(open(&path, 8), Err(Unusable::Stale)));
        let missing = dir.path().join("none.model");
        assert!(matches!(open(&missing, 7), Err(Unusable::Stale)));
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
            let result = open(&path, 7)
                .and_then(|o| (0..o.section_count()).try_for_each(|s| o.section(s).map(drop)));
            // A flip in the key reads as another key: stale, also rebuilt.
            assert!(result.is_err(), "flipping byte {i} went unnoticed");
        }
        for len in 0..good.len() {
            fs::write(&path, &good[..len]).unwrap();
            assert!(
                matches!(open(&path, 7), Err(Unusable::Corrupt(_))),
                "cut at {len}"
            );
        }
    }

    #[test]
    fn a_cancelled_write_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = written(dir.path());
        let cancelled = AtomicBool::new(true);
        assert!(write(&path, 9, vec![section(b"new")], &cancelled).is_err());
        assert!(open(&path, 7).is_ok());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
