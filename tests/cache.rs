//! The model cache: a second run reads the model back and prints the same
//! export; any change to the inputs, the options or the file itself makes
//! it rebuild, and a damaged file costs one warning, never a wrong answer.
//!
//! Whether a run read the cache shows in the file: a run that read it
//! leaves it alone, a run that built the model replaces it (a new inode).
//! A model is only saved when its files have not changed for two
//! seconds, so the tests that copy articles wait that long once.

mod cli_common;

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use cli_common::{Sandbox, seeds, stderr, stdout};
use revue::cache::key::Key;
use revue::model::BuildOptions;

const EXTENSIONS: &[&str] = &["txt", "text", "md"];

/// The cache files in the sandbox's cache folder (not the per-article
/// cache's folder beside them: see `tests/cache_incremental.rs`).
fn cache_files(sb: &Sandbox) -> Vec<PathBuf> {
    let dir = sb.path().join("xdg-cache/revue");
    let mut out: Vec<PathBuf> = fs::read_dir(&dir)
        .map(|d| {
            d.flatten()
                .filter(|e| e.file_type().is_ok_and(|t| !t.is_dir()))
                .map(|e| e.path())
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// The one cache file, which must exist.
fn cache_file(sb: &Sandbox) -> PathBuf {
    let files = cache_files(sb);
    assert_eq!(files.len(), 1, "one cache file, no temporary: {files:?}");
    assert!(files[0].extension().is_some_and(|e| e == "model"));
    files[0].clone()
}

fn inode(p: &Path) -> u64 {
    fs::metadata(p).expect("the cache file").ino()
}

/// `revue export` as JSON: (stdout, stderr).
fn export(sb: &Sandbox, corpus: &str, extra: &[&str]) -> (String, String) {
    let mut args = vec!["export", "--format", "json", "--no-state", corpus];
    args.extend_from_slice(extra);
    let out = sb.run(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    (stdout(&out), stderr(&out))
}

/// The seeds copied into the sandbox, old enough to be cached.
fn copied_seeds(sb: &Sandbox) -> String {
    let dir = sb.path().join("corpus");
    fs::create_dir(&dir).unwrap();
    for e in fs::read_dir(seeds()).unwrap().flatten() {
        fs::copy(e.path(), dir.join(e.file_name())).unwrap();
    }
    std::thread::sleep(Duration::from_millis(2100));
    dir.to_string_lossy().into_owned()
}

fn first_article(corpus: &str) -> PathBuf {
    let mut files: Vec<PathBuf> = fs::read_dir(corpus)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    files[0].clone()
}

#[test]
fn a_second_run_reads_the_cache_and_prints_the_same() {
    let sb = Sandbox::new();
    let (first, err) = export(&sb, &seeds(), &[]);
    assert!(err.is_empty(), "{err}");
    let file = cache_file(&sb);
    let written = inode(&file);
    let (second, err) = export(&sb, &seeds(), &[]);
    assert!(err.is_empty(), "{err}");
    assert_eq!(inode(&cache_file(&sb)), written, "read, not rebuilt");
    assert_eq!(first, second);
    let (uncached, _) = export(&sb, &seeds(), &["--no-cache"]);
    assert_eq!(second, uncached);
    // The other views read the same file.
    let out = sb.run(&["articles", "--format", "tsv", "--no-state", &seeds()]);
    assert!(out.status.success());
    assert_eq!(inode(&cache_file(&sb)), written);
}

#[test]
fn a_file_dated_in_the_future_is_named_and_the_model_saved_all_the_same() {
    let sb = Sandbox::new();
    let corpus = copied_seeds(&sb);
    let year = Duration::from_secs(365 * 24 * 3600);
    fs::File::options()
        .write(true)
        .open(first_article(&corpus))
        .unwrap()
        .set_modified(SystemTime::now() + year)
        .unwrap();
    // Setting the time changed the inode: wait for that to settle.
    std::thread::sleep(Duration::from_millis(2100));
    let (first, err) = export(&sb, &corpus, &[]);
    assert!(err.contains("modified in the future"), "{err}");
    assert!(
        err.contains("000_547d6bcc8b194531.txt"),
        "the file is named: {err}"
    );
    let written = inode(&cache_file(&sb));
    let (second, _) = export(&sb, &corpus, &[]);
    assert_eq!(inode(&cache_file(&sb)), written, "read, not rebuilt");
    assert_eq!(first, second);
}

#[test]
fn the_cache_keeps_the_newest_models_only() {
    use std::os::unix::fs::DirBuilderExt;
    let sb = Sandbox::new();
    let dir = sb.path().join("xdg-cache/revue");
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(&dir)
        .unwrap();
    let now = SystemTime::now();
    for i in 0..revue::cache::evict::KEEP as u64 + 1 {
        let f = fs::File::create(dir.join(format!("{i:016x}.model"))).unwrap();
        f.set_modified(now - Duration::from_secs(3600 * (i + 1)))
            .unwrap();
    }
    fs::write(dir.join("README"), "mine").unwrap();
    export(&sb, &seeds(), &[]);
    let models: Vec<PathBuf> = cache_files(&sb)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "model"))
        .collect();
    assert_eq!(models.len(), revue::cache::evict::KEEP, "{models:?}");
    let oldest = format!("{:016x}.model", revue::cache::evict::KEEP);
    assert!(!dir.join(oldest).exists(), "the oldest went");
    assert!(
        dir.join("0000000000000000.model").exists(),
        "the newest old one stays"
    );
    assert!(dir.join("README").exists(), "nothing else is touched");
}

#[test]
fn editing_adding_or_removing_an_article_rebuilds() {
    let sb = Sandbox::new();
    let corpus = copied_seeds(&sb);
    let (before, _) = export(&sb, &corpus, &[]);
    let file = cache_file(&sb);
    let count = |json: &str| -> usize {
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        v["articles"].as_array().unwrap().len()
    };

    // An edit that keeps the size and puts the time back as it was.
    let victim = first_article(&corpus);
    let modified = fs::metadata(&victim).unwrap().modified().unwrap();
    let text = fs::read_to_string(&victim).unwrap();
    let edited = text.replacen("Syrie", "Perse", 1);
    assert_ne!(text, edited, "the seed names Syrie");
    assert_eq!(text.len(), edited.len());
    fs::write(&victim, &edited).unwrap();
    fs::File::options()
        .write(true)
        .open(&victim)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    let (after_edit, _) = export(&sb, &corpus, &[]);
    assert_ne!(after_edit, before);
    assert_eq!(after_edit, export(&sb, &corpus, &["--no-cache"]).0);
    assert!(after_edit.contains("Perse"));

    let added = Path::new(&corpus).join("zzz_added.txt");
    fs::write(
        &added,
        "Emmanuel Macron a rencontré Angela Merkel à Berlin.\n",
    )
    .unwrap();
    let (after_add, _) = export(&sb, &corpus, &[]);
    assert_eq!(count(&after_add), count(&before) + 1);

    fs::remove_file(&added).unwrap();
    fs::remove_file(&victim).unwrap();
    let (after_remove, _) = export(&sb, &corpus, &[]);
    assert_eq!(count(&after_remove), count(&before) - 1);
    assert_eq!(after_remove, export(&sb, &corpus, &["--no-cache"]).0);

    // Still one file for these inputs, whatever was saved meanwhile.
    assert_eq!(cache_files(&sb), vec![file]);
}

#[test]
fn a_rebuilt_model_replaces_the_old_file() {
    let sb = Sandbox::new();
    let corpus = copied_seeds(&sb);
    export(&sb, &corpus, &[]);
    let old = inode(&cache_file(&sb));
    let victim = first_article(&corpus);
    let text = fs::read_to_string(&victim).unwrap();
    fs::write(&victim, format!("{text}\nUne phrase de plus.\n")).unwrap();
    std::thread::sleep(Duration::from_millis(2100));
    export(&sb, &corpus, &[]);
    let new = cache_file(&sb);
    assert_ne!(inode(&new), old, "rebuilt and saved over");
    export(&sb, &corpus, &[]);
    assert_eq!(inode(&cache_file(&sb)), inode(&new), "then read");
}

/// Damages the cache file with `damage`, then checks the next run warns
/// once, prints the right export and saves a sound file again.
fn survives(damage: impl Fn(&Path)) {
    let sb = Sandbox::new();
    let (good, _) = export(&sb, &seeds(), &[]);
    let file = cache_file(&sb);
    damage(&file);
    let damaged = inode(&file);
    let (out, err) = export(&sb, &seeds(), &[]);
    assert_eq!(out, good);
    let warnings: Vec<&str> = err.lines().collect();
    assert_eq!(warnings.len(), 1, "{err}");
    assert!(
        warnings[0].starts_with("revue: warning: model cache ") && warnings[0].ends_with("rebuilt"),
        "{err}"
    );
    let rewritten = cache_file(&sb);
    assert_ne!(inode(&rewritten), damaged, "saved over");
    let (again, err) = export(&sb, &seeds(), &[]);
    assert!(err.is_empty(), "{err}");
    assert_eq!(again, good);
    assert_eq!(inode(&cache_file(&sb)), inode(&rewritten));
}

#[test]
fn a_flipped_byte_is_rebuilt_with_one_warning() {
    survives(|f| {
        let mut bytes = fs::read(f).unwrap();
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0x01;
        fs::write(f, bytes).unwrap();
    });
}

#[test]
fn a_truncated_file_is_rebuilt_with_one_warning() {
    survives(|f| {
        let len = fs::metadata(f).unwrap().len();
        fs::File::options()
            .write(true)
            .open(f)
            .unwrap()
            .set_len(len - 100)
            .unwrap();
    });
}

#[test]
fn a_file_that_is_not_a_cache_is_rebuilt_with_one_warning() {
    survives(|f| fs::write(f, "not a model at all, only some words of text").unwrap());
    survives(|f| fs::write(f, "").unwrap());
}

#[test]
fn no_cache_neither_reads_nor_writes() {
    let sb = Sandbox::new();
    export(&sb, &seeds(), &["--no-cache"]);
    assert!(cache_files(&sb).is_empty());
    let (good, _) = export(&sb, &seeds(), &[]);
    let file = cache_file(&sb);
    fs::write(&file, "garbage").unwrap();
    let (out, err) = export(&sb, &seeds(), &["--no-cache"]);
    assert!(err.is_empty(), "not read: {err}");
    assert_eq!(out, good);
    assert_eq!(fs::read(&file).unwrap(), b"garbage", "not written");
}

#[test]
fn the_config_can_turn_the_cache_off_or_move_it() {
    let sb = Sandbox::new();
    sb.config("[cache]\nenabled = false\n");
    export(&sb, &seeds(), &[]);
    assert!(cache_files(&sb).is_empty());
    sb.config("[cache]\ndir = \"elsewhere\"\n");
    export(&sb, &seeds(), &[]);
    assert!(cache_files(&sb).is_empty());
    let moved: Vec<_> = fs::read_dir(sb.path().join("elsewhere"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    // The model's name is a hash, so it may sort before or after "articles".
    assert_eq!(moved.len(), 2, "{moved:?}");
    assert_eq!(
        moved.iter().filter(|name| name.ends_with(".model")).count(),
        1,
        "{moved:?}"
    );
    assert!(
        moved.iter().any(|name| name == "articles"),
        "the per-article cache moves too: {moved:?}"
    );
}

#[test]
fn the_built_in_seeds_are_not_cached() {
    let sb = Sandbox::new();
    let out = sb.run(&["export", "--no-state", "--demo"]);
    assert!(out.status.success());
    assert!(cache_files(&sb).is_empty());
}

/// The key of the files under `paths` as they are now.
fn key(paths: &[PathBuf], extensions: &[&str], options: &BuildOptions) -> Option<Key> {
    let found = revue::ingest::find(paths, extensions);
    revue::cache::key::key(paths, extensions, &found, options)
}

#[test]
fn the_key_follows_times_sizes_names_options_and_folders() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    let a = corpus.join("a.txt");
    fs::write(&a, "Un texte.\n").unwrap();
    let paths = vec![corpus.clone()];
    let options = BuildOptions::default();
    let k = || key(&paths, EXTENSIONS, &options).expect("the program reads itself");
    let base = k();
    assert!(!base.settled, "a file written just now");
    assert_eq!(k().digest, base.digest, "nothing changed");

    let past = SystemTime::now() - Duration::from_secs(3600);
    fs::File::options()
        .write(true)
        .open(&a)
        .unwrap()
        .set_modified(past)
        .unwrap();
    let touched = k();
    assert_ne!(touched.digest, base.digest, "touched");
    assert_eq!(touched.name, base.name, "same inputs, same file");

    fs::write(&a, "Un texte!\n").unwrap();
    assert_ne!(k().digest, touched.digest, "edited");
    let edited = k();
    fs::write(corpus.join("b.txt"), "Deux.\n").unwrap();
    let added = k();
    assert_ne!(added.digest, edited.digest, "added");
    fs::write(corpus.join("c.png"), "not an article").unwrap();
    assert_eq!(k().digest, added.digest, "a file ingest skips");
    fs::remove_file(corpus.join("b.txt")).unwrap();
    assert_ne!(k().digest, added.digest, "removed");

    let aliases = BuildOptions {
        aliases: vec![("Syrie".into(), vec!["Syria".into()])],
        ..BuildOptions::default()
    };
    let with_aliases = key(&paths, EXTENSIONS, &aliases).unwrap();
    assert_ne!(with_aliases.digest, k().digest, "options");
    assert_eq!(with_aliases.name, k().name);
    // A correction, or stories found otherwise, is another model.
    let corrected = BuildOptions {
        corrections: vec![revue::model::corrections::Correction::Hide {
            entity: "Syrie".into(),
        }],
        ..BuildOptions::default()
    };
    let with_correction = key(&paths, EXTENSIONS, &corrected).unwrap();
    assert_ne!(with_correction.digest, k().digest, "a correction");
    let stricter = BuildOptions {
        stories: Some(revue::model::stories::Thresholds {
            copy: 0.95,
            rewrite: 0.7,
        }),
        ..BuildOptions::default()
    };
    let no_stories = BuildOptions {
        stories: None,
        ..BuildOptions::default()
    };
    let (a, b) = (
        key(&paths, EXTENSIONS, &stricter).unwrap().digest,
        key(&paths, EXTENSIONS, &no_stories).unwrap().digest,
    );
    assert!(
        a != k().digest && b != k().digest && a != b,
        "story thresholds"
    );

    let only_txt = key(&paths, &["txt"], &options).unwrap();
    assert_ne!(only_txt.digest, k().digest, "extensions");

    let other = key(&[dir.path().to_path_buf()], EXTENSIONS, &options).unwrap();
    assert_ne!(other.name, k().name, "other inputs, other file");
}

/// The dashboard shows the corpus read back before its index: each half
/// is what a whole read gives, and damage to the index is caught when the
/// index is read, the corpus shown before it being checked on its own.
#[test]
fn the_corpus_reads_back_before_its_index() {
    let dir = tempfile::tempdir().unwrap();
    let paths = vec![PathBuf::from(seeds())];
    let options = BuildOptions::default();
    let found = revue::ingest::find(&paths, EXTENSIONS);
    let cache =
        revue::cache::Cache::new(dir.path(), &paths, EXTENSIONS, &found, &options).expect("a key");
    let built = revue::model::build(
        revue::ingest::load(&paths),
        revue::model::Origin::Paths(paths.clone()),
        &options,
    );
    let built_index = revue::search::SearchIndex::new(&built);
    let never = std::sync::atomic::AtomicBool::new(false);
    cache.save(&built, &built_index, &never).unwrap();

    let shown = |c: &revue::model::Corpus, i: &revue::search::SearchIndex, q: &str| {
        let v = revue::search::filter_str(c, i, q);
        serde_json::to_string(&revue::cli::export_json(c, &v)).unwrap()
    };
    let stored = cache.open().unwrap();
    let corpus = stored.corpus().unwrap();
    let index = stored.index(&corpus).unwrap();
    for q in ["", "erdogan", "@poutine syrie", "date:2017-11"] {
        assert_eq!(shown(&corpus, &index, q), shown(&built, &built_index, q));
    }

    // Section 1, the index, follows the header and section 0.
    let mut bytes = fs::read(cache.path()).unwrap();
    let count = u32::from_le_bytes(bytes[12..16].try_into().unwrap()) as usize;
    let first_len = u64::from_le_bytes(bytes[32..40].try_into().unwrap()) as usize;
    // Header: 32 bytes, then (length u64, tag [32]) per section, a tag.
    let index_len = u64::from_le_bytes(bytes[72..80].try_into().unwrap()) as usize;
    let index_at = 32 + count * 40 + 32 + first_len;
    bytes[index_at + index_len / 2] ^= 0x01;
    fs::write(cache.path(), bytes).unwrap();
    let stored = cache.open().unwrap();
    let corpus = stored.corpus().unwrap();
    assert_eq!(
        shown(&corpus, &built_index, ""),
        shown(&built, &built_index, "")
    );
    assert!(matches!(
        stored.index(&corpus),
        Err(revue::cache::Unusable::Corrupt(_))
    ));
    assert!(matches!(
        cache.load(),
        Err(revue::cache::Unusable::Corrupt(_))
    ));
}

/// The dashboard's lookup: nothing cached says where to save; once saved,
/// the corpus comes back with its index, read beside it while it is small.
#[test]
fn the_dashboard_reads_a_small_index_with_its_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let loaded = revue::config::Loaded::default();
    let paths = vec![PathBuf::from(seeds())];
    let lookup = || {
        let source = revue::find_corpus(&paths, &loaded);
        revue::read_cached_corpus(&source, &loaded, Some(dir.path()))
    };
    let missed = lookup();
    assert!(missed.model.is_none() && missed.warning.is_none());
    let built = revue::load_corpus(&paths, &loaded);
    let index = revue::search::SearchIndex::new(&built);
    let never = std::sync::atomic::AtomicBool::new(false);
    let cache = missed
        .save_to
        .expect("the seeds are old enough to be saved");
    cache.save(&built, &index, &never).unwrap();

    let read = lookup().model.expect("read back");
    let revue::CachedIndex::Read(read_index) = read.index else {
        panic!("the seeds' index is read with their corpus");
    };
    let export = |c: &revue::model::Corpus, i: &revue::search::SearchIndex| {
        let v = revue::search::filter_str(c, i, "erdogan");
        serde_json::to_string(&revue::cli::export_json(c, &v)).unwrap()
    };
    assert_eq!(export(&read.corpus, &read_index), export(&built, &index));
}

#[test]
fn a_new_max_file_size_is_not_answered_from_the_cache() {
    let sb = Sandbox::new();
    let corpus = copied_seeds(&sb);
    let (full, _) = export(&sb, &corpus, &[]);
    let file = cache_file(&sb);
    let before = inode(&file);
    // Every seed is longer than this: each is cut with a warning, which a
    // model read from the cache of the uncapped run would not say.
    sb.config("[corpus]\nmax_file_size = \"1 kB\"\n");
    let (capped, err) = export(&sb, &corpus, &[]);
    assert!(err.contains("max_file_size"), "{err}");
    assert_ne!(capped, full);
    assert_ne!(inode(&cache_file(&sb)), before, "rebuilt, not read");
}
