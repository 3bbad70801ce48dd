//! The per-user secret that signs cache files. A cache file decides what
//! revue shows, so a checksum anyone can recompute (xxh3) is not enough:
//! each section and the header carry an HMAC-SHA256 under a key that only
//! this user can read, kept apart from the cache folder (in the state
//! folder), so a file copied in from elsewhere, or forged with its
//! checksums recomputed, is refused.
//!
//! The key file is 32 random bytes, mode 0600, created exclusively; one not
//! owned by the user, readable by others, or of another size is not used,
//! and nothing is cached.

use std::fs;
use std::io::{self, Read};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use sha2::{Digest, Sha256};

/// A secret key for [`mac`].
#[derive(Clone, PartialEq, Eq)]
pub struct Secret([u8; 32]);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(..)")
    }
}

impl Secret {
    /// A fixed key, for tests and fuzzing only.
    pub fn fixed(byte: u8) -> Secret {
        Secret([byte; 32])
    }
}

/// `$XDG_STATE_HOME/revue/cache.key`, else `~/.local/state/revue/cache.key`.
fn default_path() -> Option<PathBuf> {
    crate::review::persist::default_path().map(|p| p.with_file_name("cache.key"))
}

/// This user's secret, made on first use; `None` when there is nowhere to
/// keep one or the file there cannot be trusted.
pub fn get() -> Option<&'static Secret> {
    static SECRET: OnceLock<Option<Secret>> = OnceLock::new();
    SECRET
        .get_or_init(|| load_or_create(&default_path()?).ok())
        .as_ref()
}

/// Reads the key at `path`, or creates it there.
pub fn load_or_create(path: &Path) -> io::Result<Secret> {
    match read(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        other => return other,
    }
    let dir = crate::review::persist::snapshot::parent_of(path);
    crate::review::persist::snapshot::create_dir(dir)?;
    let mut bytes = [0u8; 32];
    fs::File::open("/dev/urandom")?.read_exact(&mut bytes)?;
    let mut temp = tempfile::Builder::new()
        .prefix(".cache.key.tmp-")
        .permissions(fs::Permissions::from_mode(0o600))
        .tempfile_in(dir)?;
    io::Write::write_all(&mut temp, &bytes)?;
    temp.as_file().sync_all()?;
    // Another revue may make its key at the same moment: the first one
    // linked in is everyone's.
    match temp.persist_noclobber(path) {
        Ok(_) => Ok(Secret(bytes)),
        Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => read(path),
        Err(e) => Err(e.error),
    }
}

fn read(path: &Path) -> io::Result<Secret> {
    let mut f = fs::File::open(path)?;
    let meta = f.metadata()?;
    let mine = meta.uid() == rustix::process::geteuid().as_raw();
    if !meta.is_file() || !mine || meta.mode() & 0o077 != 0 || meta.len() != 32 {
        return Err(io::Error::other(format!(
            "{}: not a private 32-byte key file of this user",
            path.display()
        )));
    }
    let mut bytes = [0u8; 32];
    f.read_exact(&mut bytes)?;
    Ok(Secret(bytes))
}

/// HMAC-SHA256 (RFC 2104) of the concatenation of `parts` under `secret`.
pub fn mac(secret: &Secret, parts: &[&[u8]]) -> [u8; 32] {
    let mut mac = Mac::new(secret);
    for p in parts {
        mac.update(p);
    }
    mac.finish()
}

/// HMAC-SHA256 fed piece by piece.
pub struct Mac {
    inner: Sha256,
    outer_pad: [u8; 64],
}

impl Mac {
    pub fn new(secret: &Secret) -> Mac {
        let mut inner_pad = [0x36u8; 64];
        let mut outer_pad = [0x5cu8; 64];
        for (i, k) in secret.0.iter().enumerate() {
            inner_pad[i] ^= k;
            outer_pad[i] ^= k;
        }
        let mut inner = Sha256::new();
        inner.update(inner_pad);
        Mac { inner, outer_pad }
    }

    pub fn update(&mut self, bytes: &[u8]) {
        self.inner.update(bytes);
    }

    pub fn finish(self) -> [u8; 32] {
        let inner = self.inner.finalize();
        let mut outer = Sha256::new();
        outer.update(self.outer_pad);
        outer.update(inner);
        outer.finalize().into()
    }
}

/// Compares tags in time independent of where they differ.
pub fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    #[test]
    fn hmac_matches_rfc_4231_case_1() {
        // RFC 4231 test case 1 uses a 20-byte key; ours are 32 bytes, so
        // the check is against the definition with a zero-padded key:
        // key 0x0b * 20 (+ 12 zeros) is the same HMAC key.
        let mut key = [0u8; 32];
        key[..20].fill(0x0b);
        let tag = mac(&Secret(key), &[b"Hi ", b"There"]);
        assert_eq!(
            hex(&tag),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
        );
    }

    #[test]
    fn a_key_is_made_private_once_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/cache.key");
        let first = load_or_create(&path).unwrap();
        assert_eq!(load_or_create(&path).unwrap(), first);
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        assert!(load_or_create(&path).is_err(), "a readable key is not used");
    }
}
