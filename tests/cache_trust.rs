//! The model cache under a hostile or careless hand: mutated sections with
//! valid tags never panic (the mutation harness), a forged file signed
//! without the user's secret is refused, a file others may write is not
//! read, a file truncated while it is read is refused without SIGBUS, and
//! what revue writes is private.

mod cli_common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use cli_common::{Sandbox, seeds, stderr, stdout};
use revue::cache::secret::{self, Secret};
use revue::model::BuildOptions;

const EXTENSIONS: &[&str] = &["txt", "text", "md"];

/// The seeds' model, encoded as cache sections.
fn seed_sections() -> Vec<Vec<u8>> {
    let paths = vec![PathBuf::from(seeds())];
    let corpus = revue::model::build(
        revue::ingest::load(&paths),
        revue::model::Origin::Paths(paths),
        &BuildOptions::default(),
    );
    let index = revue::search::SearchIndex::new(&corpus);
    revue::cache::encode_sections(&corpus, &index).unwrap()
}

/// A small deterministic generator (xorshift), so a failure replays.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Found by the `cache` fuzz target in its first ten seconds: an index
/// section whose forged string length made bincode allocate (zeroed) that
/// many bytes before reading them, and abort when it could not.
#[test]
fn a_forged_string_length_is_refused_before_it_is_allocated() {
    let crash = fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz/cache-crash-1d7f9114"),
    )
    .unwrap();
    let (pick, rest) = crash.split_first().unwrap();
    let mut sections = seed_sections();
    let i = *pick as usize % sections.len();
    sections[i] = rest.to_vec();
    assert!(revue::cache::decode_sections(&sections).is_err());
    // The smallest such section: a list of one string 2^48 bytes long.
    let forged = [1, 0xfd, 0, 0, 0, 0, 0, 0, 1, 0, b'a'];
    let e = revue::cache::decode_bytes::<Vec<String>>(&forged).unwrap_err();
    assert!(e.contains("limit"), "{e}");
}

#[test]
fn mutated_sections_with_good_tags_never_panic() {
    // Failed before (17 of 5,600 mutants panicked in search): nothing
    // checked the index's offsets and ids against the corpus.
    let good = seed_sections();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut accepted = 0;
    for round in 0..1500 {
        let mut sections = good.clone();
        let s = rng.below(sections.len());
        let bytes = &mut sections[s];
        for _ in 0..1 + rng.below(3) {
            let at = rng.below(bytes.len());
            bytes[at] = match rng.below(4) {
                0 => bytes[at] ^ (1 << rng.below(8)),
                1 => 0xff,
                2 => 0,
                _ => bytes[at].wrapping_add(1),
            };
        }
        let decoded = std::panic::catch_unwind(|| revue::cache::decode_sections(&sections));
        let Ok(decoded) = decoded else {
            panic!("round {round}: decoding section {s} panicked");
        };
        if let Ok((corpus, index)) = decoded {
            accepted += 1;
            for q in ["", "e", "erdogan", "@poutine syrie"] {
                let v = revue::search::filter_str(&corpus, &index, q);
                let _ = revue::cli::export_json(&corpus, &v);
            }
        }
    }
    // Most mutants decode to some model (a changed letter of a text): the
    // searches above did run on them.
    assert!(accepted > 100, "only {accepted} mutants decoded");
}

/// The header's fields: the section lengths and where the sections start.
fn layout(bytes: &[u8]) -> (u128, Vec<usize>, usize) {
    let count = u32::from_le_bytes(bytes[12..16].try_into().unwrap()) as usize;
    let key = u128::from_le_bytes(bytes[16..32].try_into().unwrap());
    let lens = (0..count)
        .map(|i| {
            let at = 32 + i * 40;
            u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap()) as usize
        })
        .collect();
    (key, lens, 32 + count * 40 + 32)
}

/// Signs every section and the header again under `secret`, as a forger
/// who rewrote the file would.
fn resign(bytes: &mut [u8], secret: &Secret) {
    let (key, lens, mut at) = layout(bytes);
    for (i, len) in lens.iter().enumerate() {
        let tag = secret::mac(
            secret,
            &[
                &key.to_le_bytes(),
                &(i as u64).to_le_bytes(),
                &bytes[at..at + len],
            ],
        );
        bytes[32 + i * 40 + 8..32 + i * 40 + 40].copy_from_slice(&tag);
        at += len;
    }
    let header_end = 32 + lens.len() * 40;
    let tag = secret::mac(secret, &[&bytes[..header_end]]);
    bytes[header_end..header_end + 32].copy_from_slice(&tag);
}

fn export(sb: &Sandbox, corpus: &str) -> (String, String) {
    let out = sb.run(&["export", "--format", "json", "--no-state", corpus]);
    assert!(out.status.success(), "{}", stderr(&out));
    (stdout(&out), stderr(&out))
}

fn cache_file(sb: &Sandbox) -> PathBuf {
    let dir = sb.path().join("xdg-cache/revue");
    let files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| !t.is_dir()))
        .map(|e| e.path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

/// The seeds copied into the sandbox, old enough to be cached.
fn copied_seeds(sb: &Sandbox) -> String {
    let dir = sb.path().join("corpus");
    fs::create_dir(&dir).unwrap();
    for e in fs::read_dir(seeds()).unwrap().flatten() {
        fs::copy(e.path(), dir.join(e.file_name())).unwrap();
    }
    std::thread::sleep(std::time::Duration::from_millis(2100));
    dir.to_string_lossy().into_owned()
}

fn replace(bytes: &mut [u8], from: &[u8], to: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i + from.len() <= bytes.len() {
        if &bytes[i..i + from.len()] == from {
            bytes[i..i + from.len()].copy_from_slice(to);
            n += 1;
        }
        i += 1;
    }
    n
}

#[test]
fn a_forged_cache_is_refused_and_what_revue_writes_is_private() {
    // Failed before: `Syrie` → `Mars!` with the xxh3 sums recomputed made
    // `revue export` print the forged text, exit 0.
    let sb = Sandbox::new();
    let corpus = copied_seeds(&sb);
    let (good, _) = export(&sb, &corpus);
    let file = cache_file(&sb);
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&file), 0o600);
    assert_eq!(mode(file.parent().unwrap()), 0o700);
    let key_file = sb.path().join(".local/state/revue/cache.key");
    assert_eq!(mode(&key_file), 0o600);

    let mut bytes = fs::read(&file).unwrap();
    assert!(replace(&mut bytes, b"Syrie", b"Mars!") > 0);
    // The forger's best guess at a key: not the user's.
    resign(&mut bytes, &Secret::fixed(0));
    fs::write(&file, &bytes).unwrap();
    let (out, err) = export(&sb, &corpus);
    assert!(!out.contains("Mars!"), "the forged text was shown");
    assert_eq!(out, good);
    assert!(err.contains("not written by this user"), "{err}");
}

#[test]
fn a_cache_others_may_write_is_not_read() {
    let sb = Sandbox::new();
    let corpus = copied_seeds(&sb);
    let (good, _) = export(&sb, &corpus);
    let file = cache_file(&sb);
    fs::set_permissions(&file, fs::Permissions::from_mode(0o666)).unwrap();
    let (out, err) = export(&sb, &corpus);
    assert_eq!(out, good);
    assert!(err.contains("writable by others; not trusted"), "{err}");
    // Rebuilt and saved anew, private.
    let mode = fs::metadata(cache_file(&sb)).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn a_cache_truncated_while_read_is_refused_without_sigbus() {
    // Failed before: the file was mapped, and reading a page past the new
    // end killed revue with SIGBUS (the terminal left raw).
    let dir = tempfile::tempdir().unwrap();
    let paths = vec![PathBuf::from(seeds())];
    let options = BuildOptions::default();
    let found = revue::ingest::find(&paths, EXTENSIONS);
    let cache =
        revue::cache::Cache::new(dir.path(), &paths, EXTENSIONS, &found, &options).expect("a key");
    let corpus = revue::model::build(
        revue::ingest::load(&paths),
        revue::model::Origin::Paths(paths.clone()),
        &options,
    );
    let index = revue::search::SearchIndex::new(&corpus);
    cache
        .save(&corpus, &index, &AtomicBool::new(false))
        .unwrap();
    let stored = cache.open().unwrap();
    // Truncated in place after the header was checked (as `truncate -s`).
    let f = fs::OpenOptions::new()
        .write(true)
        .open(cache.path())
        .unwrap();
    f.set_len(200).unwrap();
    assert!(matches!(
        stored.corpus(),
        Err(revue::cache::Unusable::Corrupt(_))
    ));
}

/// Writes the seeds' sections as a seed corpus for the `cache` fuzz target
/// (each file: the section's number, then its bytes), when
/// REVUE_FUZZ_SEEDS names a folder: `REVUE_FUZZ_SEEDS=fuzz/corpus/cache
/// cargo test --test cache_trust write_cache_fuzz_seeds`.
#[test]
fn write_cache_fuzz_seeds() {
    let Some(dir) = std::env::var_os("REVUE_FUZZ_SEEDS") else {
        return;
    };
    fs::create_dir_all(&dir).unwrap();
    for (i, s) in seed_sections().iter().enumerate() {
        let mut bytes = vec![i as u8];
        bytes.extend_from_slice(s);
        fs::write(Path::new(&dir).join(format!("section-{i}")), bytes).unwrap();
    }
}
