//! One pack of stored extractions: a file written once, by one run, with
//! the articles it extracted, and never changed after. Each entry carries
//! its own tag (HMAC-SHA256 under the user's secret, see
//! [`crate::cache::secret`]) over the extractor's version, the entry's id
//! and its bytes, so one damaged entry costs that article alone; the table
//! of entries has a tag of its own, so a forged table is refused whole.
//!
//! ```text
//! magic "REVUEART" | format u32 | extractor u128
//! | entry bytes…
//! | per entry: id u128, offset u64, length u32, tag [32]
//! | count u64 | tag of header, table and count [32]
//! ```
//! Integers are little-endian. The table is at the end so that entries can
//! be written as they are extracted, from every core, without holding them.
//! A writer writes a temporary file (O_EXCL, 0600) and links it in under a
//! name made from its table, so concurrent runs never write the same file.

use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::xxh3_64;

use crate::cache::file::{Unusable, trusted};
use crate::cache::secret::{self, Secret};

const MAGIC: &[u8; 8] = b"REVUEART";

/// Bumped whenever this layout changes (what an entry holds is the
/// extractor's version: see `build.rs`).
pub const FORMAT: u32 = 1;

const HEADER: usize = 8 + 4 + 16;
const TAG: usize = 32;
const ROW: usize = 16 + 8 + 4 + TAG;
const FOOTER: usize = 8 + TAG;

/// Where one entry is in its pack.
#[derive(Debug, Clone, Copy)]
pub struct Row {
    pub id: u128,
    offset: u64,
    len: u32,
    tag: [u8; TAG],
}

impl Row {
    /// The entry's size in bytes.
    pub fn bytes(&self) -> u64 {
        u64::from(self.len)
    }
}

/// A pack whose table is sound; its entries are checked as they are read.
pub struct Pack {
    pub path: PathBuf,
    file: File,
    pub rows: Vec<Row>,
    /// The file's size, for the store's budget.
    pub bytes: u64,
}

fn corrupt(why: impl Into<String>) -> Unusable {
    Unusable::Corrupt(why.into())
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes"))
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().expect("8 bytes"))
}

fn u128_at(b: &[u8], at: usize) -> u128 {
    u128::from_le_bytes(b[at..at + 16].try_into().expect("16 bytes"))
}

/// Reads `len` bytes at `offset`, all of them or an error.
fn read_at(file: &File, offset: u64, len: usize) -> io::Result<Vec<u8>> {
    let mut bytes = vec![0u8; len];
    let mut done = 0;
    while done < len {
        match rustix::io::pread(file, &mut bytes[done..], offset + done as u64) {
            Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
            Ok(n) => done += n,
            Err(rustix::io::Errno::INTR) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(bytes)
}

fn unreadable(e: io::Error) -> Unusable {
    if e.kind() == io::ErrorKind::UnexpectedEof {
        corrupt("truncated")
    } else {
        corrupt(format!("cannot read: {e}"))
    }
}

impl Pack {
    /// Opens the pack at `path` if it holds extractions of `extractor`,
    /// checking its table; [`Unusable::Stale`] for another version's pack.
    pub fn open(path: &Path, extractor: u128, secret: &Secret) -> Result<Pack, Unusable> {
        let nonblock = rustix::fs::OFlags::NONBLOCK.bits() as i32;
        let mut file = match File::options().read(true).custom_flags(nonblock).open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(Unusable::Stale),
            Err(e) => return Err(corrupt(format!("cannot read: {e}"))),
        };
        trusted(&file, path)?;
        let bytes = file.metadata().map_err(unreadable)?.len();
        let mut header = [0u8; HEADER];
        file.read_exact(&mut header).map_err(unreadable)?;
        if &header[..8] != MAGIC {
            return Err(corrupt("not a revue article pack (bad magic)"));
        }
        if u32_at(&header, 8) != FORMAT || u128_at(&header, 12) != extractor {
            return Err(Unusable::Stale);
        }
        let Some(footer_at) = bytes.checked_sub(FOOTER as u64) else {
            return Err(corrupt("truncated"));
        };
        let footer = read_at(&file, footer_at, FOOTER).map_err(unreadable)?;
        let count = u64_at(&footer, 0);
        let table_len = count
            .checked_mul(ROW as u64)
            .filter(|&t| t <= footer_at.saturating_sub(HEADER as u64))
            .ok_or_else(|| corrupt("bad table (entry count)"))?;
        let table_at = footer_at - table_len;
        let table = read_at(&file, table_at, table_len as usize).map_err(unreadable)?;
        let tag = secret::mac(secret, &[&header, &table, &footer[..8]]);
        if !secret::same(&tag, &footer[8..]) {
            return Err(corrupt("bad table tag (not written by this user's revue)"));
        }
        let rows = table
            .chunks_exact(ROW)
            .map(|r| Row {
                id: u128_at(r, 0),
                offset: u64_at(r, 16),
                len: u32_at(r, 24),
                tag: r[28..].try_into().expect("32 bytes"),
            })
            .collect::<Vec<_>>();
        let in_place = rows.iter().all(|r| {
            r.offset >= HEADER as u64
                && r.offset
                    .checked_add(r.bytes())
                    .is_some_and(|end| end <= table_at)
        });
        if !in_place {
            return Err(corrupt("bad table (an entry outside the file)"));
        }
        Ok(Pack {
            path: path.to_path_buf(),
            file,
            rows,
            bytes,
        })
    }

    /// The bytes of `row` (one of this pack's), once they match its tag.
    pub fn entry(&self, row: &Row, extractor: u128, secret: &Secret) -> Result<Vec<u8>, String> {
        let bytes = read_at(&self.file, row.offset, row.len as usize)
            .map_err(|e| format!("cannot read: {e}"))?;
        if !secret::same(&entry_tag(secret, extractor, row.id, &bytes), &row.tag) {
            return Err("bad tag".into());
        }
        Ok(bytes)
    }

    /// Dates the pack as used now, which keeps it from eviction.
    pub fn touch(&self) {
        let _ = self.file.set_modified(std::time::SystemTime::now());
    }
}

fn entry_tag(secret: &Secret, extractor: u128, id: u128, bytes: &[u8]) -> [u8; TAG] {
    secret::mac(
        secret,
        &[&extractor.to_le_bytes(), &id.to_le_bytes(), bytes],
    )
}

/// A pack being written: entries are appended as they come, the table
/// written last.
pub struct Writer {
    dir: PathBuf,
    temp: tempfile::NamedTempFile<BufWriter<File>>,
    secret: Secret,
    extractor: u128,
    header: [u8; HEADER],
    table: Vec<u8>,
    at: u64,
}

/// The prefix of a pack being written; such files are removed by
/// [`super::upkeep`] once abandoned.
pub const TEMP_PREFIX: &str = ".pack.tmp-";

impl Writer {
    pub fn new(dir: &Path, extractor: u128, secret: &Secret) -> io::Result<Writer> {
        // Extractions index private texts: a folder of our own.
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
        let mut temp = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .make_in(dir, |path| {
                File::options()
                    .write(true)
                    .create_new(true)
                    .mode(0o600)
                    .open(path)
                    .map(|f| BufWriter::with_capacity(1 << 16, f))
            })?;
        let mut header = [0u8; HEADER];
        header[..8].copy_from_slice(MAGIC);
        header[8..12].copy_from_slice(&FORMAT.to_le_bytes());
        header[12..].copy_from_slice(&extractor.to_le_bytes());
        temp.as_file_mut().write_all(&header)?;
        Ok(Writer {
            dir: dir.to_path_buf(),
            temp,
            secret: secret.clone(),
            extractor,
            header,
            table: Vec::new(),
            at: HEADER as u64,
        })
    }

    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    /// Appends one entry.
    pub fn add(&mut self, id: u128, bytes: &[u8]) -> io::Result<()> {
        let len = u32::try_from(bytes.len()).map_err(|_| io::Error::other("entry too large"))?;
        self.temp.as_file_mut().write_all(bytes)?;
        self.table.extend_from_slice(&id.to_le_bytes());
        self.table.extend_from_slice(&self.at.to_le_bytes());
        self.table.extend_from_slice(&len.to_le_bytes());
        let tag = entry_tag(&self.secret, self.extractor, id, bytes);
        self.table.extend_from_slice(&tag);
        self.at += u64::from(len);
        Ok(())
    }

    /// Writes the table, syncs and links the pack in; returns its path.
    pub fn finish(self) -> io::Result<PathBuf> {
        let Writer {
            dir,
            mut temp,
            secret,
            header,
            table,
            ..
        } = self;
        let count = ((table.len() / ROW) as u64).to_le_bytes();
        let tag = secret::mac(&secret, &[&header, &table, &count]);
        let out = temp.as_file_mut();
        out.write_all(&table)?;
        out.write_all(&count)?;
        out.write_all(&tag)?;
        out.flush()?;
        out.get_ref().sync_all()?;
        let path = dir.join(format!("{:016x}.pack", xxh3_64(&tag)));
        // A name taken means another run wrote this very pack.
        match temp.persist_noclobber(&path) {
            Ok(_) => {}
            Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e.error),
        }
        File::open(&dir)?.sync_all()?;
        Ok(path)
    }
}

/// Whether `name` is a pack's, as [`Writer::finish`] names them.
pub fn is_pack_name(name: &str) -> bool {
    name.strip_suffix(".pack")
        .is_some_and(|stem| stem.len() == 16 && stem.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    static SECRET: std::sync::LazyLock<Secret> = std::sync::LazyLock::new(|| Secret::fixed(3));

    fn written(dir: &Path) -> PathBuf {
        let mut w = Writer::new(dir, 7, &SECRET).unwrap();
        w.add(1, b"first").unwrap();
        w.add(2, b"second entry").unwrap();
        w.finish().unwrap()
    }

    #[test]
    fn reads_back_what_it_wrote_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = written(dir.path());
        let pack = Pack::open(&path, 7, &SECRET).unwrap();
        let got: Vec<Vec<u8>> = pack
            .rows
            .iter()
            .map(|r| pack.entry(r, 7, &SECRET).unwrap())
            .collect();
        assert_eq!(got, [b"first".to_vec(), b"second entry".to_vec()]);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        assert!(is_pack_name(&path.file_name().unwrap().to_string_lossy()));
    }

    #[test]
    fn another_extractor_is_stale_and_another_secret_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = written(dir.path());
        assert!(matches!(
            Pack::open(&path, 8, &SECRET),
            Err(Unusable::Stale)
        ));
        assert!(matches!(
            Pack::open(&path, 7, &Secret::fixed(4)),
            Err(Unusable::Corrupt(_))
        ));
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
            let whole = Pack::open(&path, 7, &SECRET).and_then(|p| {
                p.rows
                    .iter()
                    .try_for_each(|r| p.entry(r, 7, &SECRET).map(drop))
                    .map_err(Unusable::Corrupt)
            });
            // A flip in the version reads as another version: stale, also
            // extracted again.
            assert!(whole.is_err(), "flipping byte {i} went unnoticed");
        }
        for len in 0..good.len() {
            fs::write(&path, &good[..len]).unwrap();
            assert!(Pack::open(&path, 7, &SECRET).is_err(), "cut at {len}");
        }
    }
}
