//! The per-article cache: a corpus grown, edited and pruned between starts
//! exports exactly what a fresh build of the same files does, extracting
//! only what is new; a damaged, stale or foreign pack is never trusted,
//! and a damaged one costs one warning, once.
//!
//! The whole-model cache would answer a start on unchanged files before
//! the per-article one is asked: the tests remove its file where they mean
//! to exercise the per-article cache. Which articles a run extracted shows
//! in the pack it adds (one entry per article extracted).

mod cli_common;

use std::fs;
use std::path::{Path, PathBuf};

use cli_common::{Sandbox, seeds, stderr, stdout};
use revue::cache::articles::pack::Pack;
use revue::cache::secret::{self, Secret};
use revue::model::extracted::extractor_version;

/// `revue` with its cache and state in the sandbox.
fn revue(sb: &Sandbox) -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_revue"));
    c.current_dir(sb.path())
        .env("HOME", sb.path())
        .env("XDG_CONFIG_HOME", sb.path().join("xdg"))
        .env("XDG_CACHE_HOME", sb.path().join("xdg-cache"))
        .env("XDG_STATE_HOME", sb.path().join("xdg-state"))
        .env_remove("NO_COLOR")
        .env_remove("TERM");
    c
}

/// `revue export --format json` of `corpus`: (stdout, stderr).
fn export(sb: &Sandbox, corpus: &Path, extra: &[&str]) -> (String, String) {
    let out = revue(sb)
        .args(["export", "--format", "json", "--no-state"])
        .arg(corpus)
        .args(extra)
        .output()
        .expect("revue runs");
    assert!(out.status.success(), "{}", stderr(&out));
    (stdout(&out), stderr(&out))
}

/// How many articles an export lists.
fn articles(json: &str) -> usize {
    let v: serde_json::Value = serde_json::from_str(json).expect("JSON");
    v["articles"].as_array().expect("an article list").len()
}

/// The articles of a fresh build of `corpus`.
fn fresh_articles(sb: &Sandbox, corpus: &Path) -> usize {
    articles(&export(sb, corpus, &["--no-cache"]).0)
}

/// An export through the per-article cache (the whole model's file
/// removed first), checked against a fresh build of the same files;
/// its stderr.
fn export_matches_fresh(sb: &Sandbox, corpus: &Path) -> String {
    remove_models(sb);
    let (cached, err) = export(sb, corpus, &[]);
    let (fresh, _) = export(sb, corpus, &["--no-cache"]);
    assert_eq!(cached, fresh, "the cached build differs from a fresh one");
    err
}

fn cache_dir(sb: &Sandbox) -> PathBuf {
    sb.path().join("xdg-cache/revue")
}

fn store_dir(sb: &Sandbox) -> PathBuf {
    cache_dir(sb).join("articles")
}

fn remove_models(sb: &Sandbox) {
    for e in fs::read_dir(cache_dir(sb)).into_iter().flatten().flatten() {
        if e.path().extension().is_some_and(|x| x == "model") {
            fs::remove_file(e.path()).unwrap();
        }
    }
}

fn user_secret(sb: &Sandbox) -> Secret {
    secret::load_or_create(&sb.path().join("xdg-state/revue/cache.key")).unwrap()
}

/// The packs of the store.
fn packs(sb: &Sandbox) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(store_dir(sb))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    out.sort();
    out
}

/// How many entries each pack holds, read as revue reads them.
fn entries(sb: &Sandbox, paths: &[PathBuf]) -> Vec<usize> {
    let secret = user_secret(sb);
    paths
        .iter()
        .map(|p| {
            Pack::open(p, extractor_version(), &secret)
                .unwrap()
                .rows
                .len()
        })
        .collect()
}

/// The packs added since `before`.
fn added(sb: &Sandbox, before: &[PathBuf]) -> Vec<PathBuf> {
    packs(sb)
        .into_iter()
        .filter(|p| !before.contains(p))
        .collect()
}

fn warnings(err: &str) -> Vec<&str> {
    err.lines().filter(|l| l.contains("warning")).collect()
}

/// Copies every file of `from` into `to`.
fn copy_all(from: &Path, to: &Path) -> usize {
    fs::create_dir_all(to).unwrap();
    let mut n = 0;
    for e in fs::read_dir(from).unwrap().flatten() {
        if e.path().is_file() {
            fs::copy(e.path(), to.join(e.file_name())).unwrap();
            n += 1;
        }
    }
    n
}

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[test]
fn a_corpus_grown_edited_and_pruned_exports_what_a_fresh_build_does() {
    let sb = Sandbox::new();
    let corpus = sb.path().join("corpus");
    copy_all(Path::new(&seeds()), &corpus);
    let seeds_n = fresh_articles(&sb, &corpus);
    let err = export_matches_fresh(&sb, &corpus);
    assert!(warnings(&err).is_empty(), "{err}");
    let first = packs(&sb);
    assert_eq!(entries(&sb, &first), [seeds_n], "one entry per article");

    // New files, one of them a feed of several articles.
    copy_all(&repo("tests/devset/en"), &corpus);
    fs::copy(
        repo("tests/fixtures/formats/rss.xml"),
        corpus.join("feed.xml"),
    )
    .unwrap();
    let new_n = fresh_articles(&sb, &corpus) - seeds_n;
    assert!(new_n > 25, "the feed adds articles: {new_n}");
    let err = export_matches_fresh(&sb, &corpus);
    assert!(warnings(&err).is_empty(), "{err}");
    let second = added(&sb, &first);
    assert_eq!(entries(&sb, &second), [new_n], "only the new articles");

    // One article edited (a new name in it), another file removed.
    let mut files: Vec<PathBuf> = fs::read_dir(&corpus)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut text = fs::read_to_string(&files[0]).unwrap();
    text.push_str("\nLe ministre Octave Delaunay a salué l'accord à Montauban.\n");
    fs::write(&files[0], text).unwrap();
    fs::remove_file(&files[1]).unwrap();
    let before = packs(&sb);
    let err = export_matches_fresh(&sb, &corpus);
    assert!(warnings(&err).is_empty(), "{err}");
    assert_eq!(
        entries(&sb, &added(&sb, &before)),
        [1],
        "only the edited one"
    );
    let (out, _) = export(&sb, &corpus, &[]);
    assert!(out.contains("Octave Delaunay"), "the edit is in the model");
    assert!(
        !out.contains(&*files[1].file_name().unwrap().to_string_lossy()),
        "the removed file is not"
    );

    // A restart: nothing extracted, nothing added.
    let before = packs(&sb);
    let err = export_matches_fresh(&sb, &corpus);
    assert!(warnings(&err).is_empty(), "{err}");
    assert_eq!(packs(&sb), before);
}

/// The bytes of the pack at `path` with its version set to `extractor`
/// and every tag made again under `secret`, and one byte of its first
/// entry changed when `damage`: what a forger with that key would write.
fn resigned(path: &Path, extractor: u128, secret: &Secret, damage: bool) -> Vec<u8> {
    let mut b = fs::read(path).unwrap();
    b[12..28].copy_from_slice(&extractor.to_le_bytes());
    let len = b.len();
    let count = u64::from_le_bytes(b[len - 40..len - 32].try_into().unwrap()) as usize;
    let table_at = len - 40 - count * 60;
    if damage {
        b[28] ^= 0x01;
    }
    for i in 0..count {
        let row = table_at + i * 60;
        let id = b[row..row + 16].to_vec();
        let offset = u64::from_le_bytes(b[row + 16..row + 24].try_into().unwrap()) as usize;
        let n = u32::from_le_bytes(b[row + 24..row + 28].try_into().unwrap()) as usize;
        let tag = secret::mac(
            secret,
            &[&extractor.to_le_bytes(), &id, &b[offset..offset + n]],
        );
        b[row + 28..row + 60].copy_from_slice(&tag);
    }
    let tag = secret::mac(secret, &[&b[..28], &b[table_at..len - 32]]);
    b[len - 32..].copy_from_slice(&tag);
    b
}

#[test]
fn a_damaged_entry_is_extracted_again_with_one_warning_once() {
    let sb = Sandbox::new();
    let corpus = sb.path().join("corpus");
    copy_all(&repo("tests/devset/fr"), &corpus);
    let n = fresh_articles(&sb, &corpus);
    export_matches_fresh(&sb, &corpus);
    let [pack] = &packs(&sb)[..] else {
        panic!("one pack: {:?}", packs(&sb));
    };
    let mut bytes = fs::read(pack).unwrap();
    // The first entry starts right after the 28-byte header.
    bytes[30] ^= 0x40;
    fs::write(pack, &bytes).unwrap();

    let err = export_matches_fresh(&sb, &corpus);
    let w = warnings(&err);
    assert_eq!(w.len(), 1, "one warning: {err}");
    assert!(
        w[0].contains("article cache") && w[0].contains("bad tag"),
        "{err}"
    );
    let name = pack.file_name().unwrap().to_string_lossy();
    assert!(w[0].contains(&*name), "the pack is named: {err}");
    // The damaged pack is gone, what it held kept in the new one.
    assert!(!pack.exists());
    assert_eq!(entries(&sb, &packs(&sb)), [n]);
    let err = export_matches_fresh(&sb, &corpus);
    assert!(warnings(&err).is_empty(), "said once: {err}");
}

#[test]
fn a_pack_of_another_version_is_ignored_and_a_foreign_one_refused() {
    let sb = Sandbox::new();
    let corpus = sb.path().join("corpus");
    copy_all(&repo("tests/devset/en"), &corpus);
    let n = fresh_articles(&sb, &corpus);
    export_matches_fresh(&sb, &corpus);
    let [pack] = &packs(&sb)[..] else {
        panic!("one pack");
    };
    let mine = user_secret(&sb);

    // Another extractor's pack, rightly signed: not read, not a problem.
    fs::write(pack, resigned(pack, extractor_version() ^ 1, &mine, false)).unwrap();
    let err = export_matches_fresh(&sb, &corpus);
    assert!(warnings(&err).is_empty(), "{err}");
    let fresh = added(&sb, std::slice::from_ref(pack));
    assert_eq!(entries(&sb, &fresh), [n], "all extracted again");

    // A pack signed with another key, its first entry altered: refused.
    fs::remove_file(pack).unwrap();
    let good = &fresh[0];
    fs::write(
        good,
        resigned(good, extractor_version(), &Secret::fixed(0), true),
    )
    .unwrap();
    let err = export_matches_fresh(&sb, &corpus);
    let w = warnings(&err);
    assert_eq!(w.len(), 1, "{err}");
    assert!(w[0].contains("not written by this user's revue"), "{err}");
    let err = export_matches_fresh(&sb, &corpus);
    assert!(warnings(&err).is_empty(), "said once: {err}");
}

#[test]
fn two_starts_at_once_share_the_store() {
    let sb = Sandbox::new();
    let corpus = sb.path().join("corpus");
    copy_all(&repo("tests/devset/en"), &corpus);
    copy_all(&repo("tests/devset/fr"), &corpus);
    let (fresh, _) = export(&sb, &corpus, &["--no-cache"]);
    let n = articles(&fresh);
    let spawn = || {
        revue(&sb)
            .args(["export", "--format", "json", "--no-state"])
            .arg(&corpus)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    for out in [a.wait_with_output().unwrap(), b.wait_with_output().unwrap()] {
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(stdout(&out), fresh);
        assert!(warnings(&stderr(&out)).is_empty(), "{}", stderr(&out));
    }
    // Each wrote a pack of its own, both sound: the next start extracts
    // nothing and adds none.
    let both = packs(&sb);
    assert!((1..=2).contains(&both.len()), "{both:?}");
    assert!(entries(&sb, &both).iter().all(|&e| e == n));
    let err = export_matches_fresh(&sb, &corpus);
    assert!(warnings(&err).is_empty(), "{err}");
    assert_eq!(packs(&sb), both);
}

/// The stored form gives back what extraction gave, through its encoding,
/// for every article of the seeds and the development set: the corpus
/// steps cannot tell a stored extraction from a fresh one.
#[test]
fn a_stored_extraction_reads_back_as_it_was_made() {
    use revue::model::{Extracted, ToExtract};
    let mut texts = Vec::new();
    for dir in [
        seeds(),
        repo("tests/devset/en").to_string_lossy().into_owned(),
    ] {
        for a in revue::ingest::load(&[PathBuf::from(dir)]).articles {
            texts.push((a.text, a.published.or(a.header_date)));
        }
    }
    assert!(texts.len() > 25);
    let mut with_triggers = 0;
    for (text, anchor) in &texts {
        let key = revue::review::text_key(text);
        let article = ToExtract {
            text,
            text_key: &key,
            anchor: *anchor,
        };
        let made = article.extract();
        let stored = Extracted::of(&made, text).expect("every form is the text at its span");
        let bytes = bincode::serde::encode_to_vec(&stored, bincode::config::standard()).unwrap();
        let back: Extracted = revue::cache::decode_bytes(&bytes).unwrap();
        assert_eq!(back, stored);
        back.fits(text).unwrap();
        let again = back.into_extraction(text);
        assert_eq!(again.triggers, made.triggers);
        with_triggers += usize::from(made.triggers.sentences() > 0);
        let (again, fresh) = (again.annotations, made.annotations);
        assert_eq!(again.lang, fresh.lang);
        assert_eq!(again.sentences, fresh.sentences);
        assert_eq!(again.entities.mentions, fresh.entities.mentions);
        assert_eq!(again.entities.acronyms, fresh.entities.acronyms);
        assert_eq!(
            again.entities.mid_sentence_capitals,
            fresh.entities.mid_sentence_capitals
        );
        assert_eq!(again.self_date, fresh.self_date);
        assert_eq!(again.date_candidates, fresh.date_candidates);
        assert_eq!(again.dates_at(*anchor), fresh.dates_at(*anchor));
    }
    assert!(
        with_triggers > 10,
        "{with_triggers} articles with stored triggers"
    );
}

/// Stored data that does not fit the text it is looked up for (a bug, a
/// collision) is refused before anything indexes the text with it.
#[test]
fn a_stored_extraction_of_another_text_does_not_fit() {
    use revue::model::{Extracted, ToExtract};
    let text = "Le président Emmanuel Macron a reçu Angela Merkel à Paris le 21 novembre 2017.";
    let key = revue::review::text_key(text);
    let anchor = None;
    let made = ToExtract {
        text,
        text_key: &key,
        anchor,
    }
    .extract();
    let stored = Extracted::of(&made, text).unwrap();
    assert!(!stored.mentions.is_empty());
    stored.fits(text).unwrap();
    assert!(stored.fits(&text[..20]).is_err(), "spans past the end");
    // Same length, a two-byte character over the first byte of a name.
    assert!(
        stored
            .mentions
            .iter()
            .any(|m| &text[m.span.clone()] == "Angela Merkel")
    );
    let shifted = text.replacen(" Angela", "éngela", 1);
    assert_eq!(shifted.len(), text.len());
    assert!(
        stored.fits(&shifted).is_err(),
        "a span off a character boundary"
    );
}
