//! The snapshot file (`state.json`): finding it through symlinks, reading
//! it without trusting it, and replacing it atomically. A replacement is a
//! temporary file made exclusively (O_EXCL, an unpredictable name, mode
//! 0600) in the real file's folder, given the old file's mode, synced and
//! renamed over it; a failure removes the temporary file. Locking is the
//! caller's ([`super`]).

use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use crate::review::{BOOK_VERSION, MarkBook};

/// Past this a state file is not read: 100,000 marks take 7 MB.
const MAX_BYTES: u64 = 256 << 20;

/// Symlinks followed to find the real file, as the kernel's own limit.
const MAX_LINKS: usize = 40;

/// The file a path names once its symlinks are followed: the one to
/// replace, so that `state.json` stays a link to it. A dangling link
/// names its target, which the first save creates.
pub fn resolve(path: &Path) -> PathBuf {
    let mut at = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => match fs::read_link(&at) {
                Ok(target) => at = parent_of(&at).join(target),
                Err(_) => break,
            },
            _ => break,
        }
    }
    at
}

/// The folder a file lives in, `.` for a bare name.
pub fn parent_of(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Why a snapshot was not taken as it is.
#[derive(Debug)]
pub enum Unusable {
    /// It could not be read (permissions, I/O, not a file, too large):
    /// kept as it is, and nothing is saved over it.
    Unreadable(String),
    /// It was read but is not a book revue understands: moved aside.
    Corrupt(String),
    /// A newer revue wrote it: kept, and not saved over.
    Newer(u32),
}

/// Reads the snapshot: `Ok(None)` when there is none.
pub fn read(path: &Path) -> Result<Option<MarkBook>, Unusable> {
    let bytes = match read_regular(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Unusable::Unreadable(e.to_string())),
    };
    let mut book: MarkBook =
        serde_json::from_slice(&bytes).map_err(|e| Unusable::Corrupt(e.to_string()))?;
    if book.version > BOOK_VERSION {
        return Err(Unusable::Newer(book.version));
    }
    // Every earlier version reads as this one (version 2 only added
    // fields), and is written back as this one.
    book.version = BOOK_VERSION;
    Ok(Some(book))
}

/// The whole of a regular file. Opened without blocking, so a FIFO or a
/// device planted at the path is refused rather than waited on.
pub fn read_regular(path: &Path) -> io::Result<Vec<u8>> {
    let mut f = open_nonblocking(path, fs::OpenOptions::new().read(true))?;
    let len = regular_len(&f)?;
    if len > MAX_BYTES {
        return Err(io::Error::other(format!(
            "{len} bytes, more than the {MAX_BYTES} a state file may have"
        )));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    f.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Opens with O_NONBLOCK (which regular files ignore).
pub fn open_nonblocking(path: &Path, options: &mut fs::OpenOptions) -> io::Result<File> {
    let nonblock = rustix::fs::OFlags::NONBLOCK.bits() as i32;
    options.custom_flags(nonblock).open(path)
}

/// The length of an open file that must be a regular one.
pub fn regular_len(f: &File) -> io::Result<u64> {
    let meta = f.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::other("not a regular file"));
    }
    Ok(meta.len())
}

/// Creates the folder of the state files, private (0700) where it is new.
pub fn create_dir(dir: &Path) -> io::Result<()> {
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

/// `state.json.bad-<unix time>`, beside it.
pub fn aside_path(path: &Path) -> PathBuf {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(format!(".bad-{secs}"));
    path.with_file_name(name)
}

/// A written, synced temporary file waiting to replace the real one.
/// Dropped without [`PendingSave::commit`], it is removed.
#[must_use = "the new marks only take effect on commit"]
pub struct PendingSave {
    temp: tempfile::NamedTempFile,
    target: PathBuf,
}

/// First half of a save: writes and syncs the temporary file beside the
/// real one (`path` with its symlinks followed).
pub fn prepare(path: &Path, book: &MarkBook) -> io::Result<PendingSave> {
    let target = resolve(path);
    let dir = parent_of(&target);
    create_dir(dir)?;
    let name = target
        .file_name()
        .map_or("state.json".into(), |n| n.to_string_lossy());
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{name}.tmp-"))
        .permissions(fs::Permissions::from_mode(0o600))
        .tempfile_in(dir)?;
    {
        let mut out = BufWriter::new(temp.as_file_mut());
        serde_json::to_writer_pretty(&mut out, book)?;
        out.write_all(b"\n")?;
        out.flush()?;
    }
    // The old file's mode, if it was made more open (or closed) on purpose.
    if let Ok(old) = fs::metadata(&target) {
        let mode = old.permissions().mode() & 0o7777;
        temp.as_file()
            .set_permissions(fs::Permissions::from_mode(mode))?;
    }
    temp.as_file().sync_all()?;
    Ok(PendingSave { temp, target })
}

impl PendingSave {
    /// Second half: the rename that makes the new marks the file's.
    pub fn commit(self) -> io::Result<()> {
        let target = self.target;
        self.temp.persist(&target).map_err(|e| e.error)?;
        // The rename itself is durable once the folder is synced.
        if let Ok(d) = File::open(parent_of(&target)) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_files(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".tmp-"))
            .collect()
    }

    #[test]
    fn a_planted_symlink_at_the_old_temp_name_is_not_followed() {
        // Failed before: the temporary file was `File::create`d at
        // `.state.json.tmp-<pid>`, overwriting whatever a link there named.
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, "precious").unwrap();
        let planted = dir
            .path()
            .join(format!(".state.json.tmp-{}", std::process::id()));
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        let path = dir.path().join("state.json");
        prepare(&path, &MarkBook::default())
            .unwrap()
            .commit()
            .unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
        assert!(read(&path).unwrap().is_some());
    }

    #[test]
    fn a_new_state_file_is_private_and_an_old_mode_and_link_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new/state.json");
        prepare(&path, &MarkBook::default())
            .unwrap()
            .commit()
            .unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);

        let real = dir.path().join("real.json");
        fs::write(&real, "{}").unwrap();
        fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink("real.json", &link).unwrap();
        prepare(&link, &MarkBook::default())
            .unwrap()
            .commit()
            .unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(mode(&real), 0o640);
        assert!(
            fs::read_to_string(&real)
                .unwrap()
                .contains("\"version\": 2")
        );
    }

    #[test]
    fn a_failed_save_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        // The target is a folder: the rename fails after the write.
        let path = dir.path().join("state.json");
        fs::create_dir(&path).unwrap();
        fs::write(path.join("x"), "").unwrap();
        let pending = prepare(&path, &MarkBook::default()).unwrap();
        assert!(pending.commit().is_err());
        assert!(temp_files(dir.path()).is_empty());
    }

    #[test]
    fn a_fifo_is_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        rustix::fs::mkfifoat(rustix::fs::CWD, &path, rustix::fs::Mode::from(0o600)).unwrap();
        assert!(matches!(read(&path), Err(Unusable::Unreadable(_))));
    }
}
