//! Opening a named path only when it is a regular file, without ever
//! blocking: a FIFO, a device (`/dev/zero`), a socket or a folder sitting
//! where revue expects a file is refused with an error that says what it
//! is, and reading stops at a size the caller chooses. The corpus, the
//! config, the review state and the model cache all read through here, so
//! none of them can hang on a FIFO or grow without bound on a device.
//!
//! This module reads bytes only: what a capped read means (a warning, an
//! error) is the caller's business.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

/// Opens `path` for reading if it is a regular file (links followed).
///
/// The open itself never blocks: it is made with `O_NONBLOCK`, which a FIFO
/// without a writer would otherwise wait for, and the type is then checked
/// on the open file (not on the name, which could change in between). On a
/// regular file `O_NONBLOCK` changes nothing. Anything else is an error of
/// kind [`io::ErrorKind::InvalidInput`] whose message names the type.
pub fn open_regular(path: &Path) -> io::Result<File> {
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
        .open(path)?;
    let kind = file.metadata()?.file_type();
    if kind.is_file() {
        Ok(file)
    } else {
        Err(not_regular(kind))
    }
}

/// The error [`open_regular`] gives for a file of the wrong type.
pub fn not_regular(kind: std::fs::FileType) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("not a regular file ({})", type_name(kind)),
    )
}

/// What a file type is, in a user's words.
pub fn type_name(kind: std::fs::FileType) -> &'static str {
    if kind.is_dir() {
        "a folder"
    } else if kind.is_fifo() {
        "a FIFO"
    } else if kind.is_char_device() {
        "a character device"
    } else if kind.is_block_device() {
        "a block device"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_file() {
        "a regular file"
    } else {
        "not a file"
    }
}

/// The bytes of a file read up to a limit.
#[derive(Debug)]
pub struct Capped {
    pub bytes: Vec<u8>,
    /// The file's size when it was larger than the limit (and so cut).
    pub cut_from: Option<u64>,
}

/// Reads at most `limit` bytes of the regular file at `path`.
///
/// A file that grows while it is read is cut at the limit all the same:
/// the size checked first only sizes the buffer.
pub fn read_capped(path: &Path, limit: u64) -> io::Result<Capped> {
    let file = open_regular(path)?;
    let size = file.metadata()?.len();
    let mut bytes = Vec::with_capacity(usize::try_from(size.min(limit)).unwrap_or(0));
    // One byte past the limit tells a file of exactly `limit` bytes from a
    // longer one.
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    let cut = bytes.len() as u64 > limit;
    if cut {
        bytes.truncate(usize::try_from(limit).expect("at most what was read"));
    }
    Ok(Capped {
        cut_from: cut.then_some(size.max(limit + 1)),
        bytes,
    })
}

/// Reads the regular file at `path` as UTF-8, refusing one over `limit`
/// bytes (for files that are all or nothing, as a config).
pub fn read_to_string_capped(path: &Path, limit: u64) -> io::Result<String> {
    let capped = read_capped(path, limit)?;
    if let Some(size) = capped.cut_from {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{size} bytes: larger than the {limit} bytes revue reads from such a file"),
        ));
    }
    String::from_utf8(capped.bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fifo(dir: &Path) -> std::path::PathBuf {
        let p = dir.join("fifo.txt");
        rustix::fs::mkfifoat(rustix::fs::CWD, &p, rustix::fs::Mode::from_raw_mode(0o600))
            .expect("mkfifo");
        p
    }

    #[test]
    fn a_fifo_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let e = open_regular(&fifo(dir.path())).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        assert_eq!(e.to_string(), "not a regular file (a FIFO)");
    }

    #[test]
    fn devices_and_folders_are_refused() {
        let e = open_regular(Path::new("/dev/zero")).unwrap_err();
        assert_eq!(e.to_string(), "not a regular file (a character device)");
        let dir = tempfile::tempdir().unwrap();
        let e = open_regular(dir.path()).unwrap_err();
        assert_eq!(e.to_string(), "not a regular file (a folder)");
    }

    #[test]
    fn reads_stop_at_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "0123456789").unwrap();
        let whole = read_capped(&p, 10).unwrap();
        assert_eq!((whole.bytes.len(), whole.cut_from), (10, None));
        let cut = read_capped(&p, 4).unwrap();
        assert_eq!(cut.bytes, b"0123");
        assert_eq!(cut.cut_from, Some(10));
        assert!(read_to_string_capped(&p, 4).is_err());
        assert_eq!(read_to_string_capped(&p, 10).unwrap(), "0123456789");
    }
}
