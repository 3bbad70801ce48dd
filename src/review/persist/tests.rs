//! Tests of the snapshot and log together: loads, appends, compaction, and
//! state files that must not be written over.

use super::*;
use crate::review::{Mark, Marks};

fn book() -> MarkBook {
    let mut b = MarkBook::default();
    b.set("a", Marks::default().toggled(Mark::Read));
    b
}

fn change(key: &str, mark: Mark) -> Change {
    Change {
        key: key.into(),
        mark,
        on: true,
    }
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn round_trip_and_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/state.json");
    assert_eq!(load(&path).book, MarkBook::default());
    save(&path, &book()).unwrap();
    let loaded = load(&path);
    assert_eq!(loaded.book, book());
    assert!(loaded.warning.is_none());
    assert!(loaded.store.read_only().is_none());
}

#[test]
fn a_corrupt_file_is_kept_aside_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    fs::write(&path, "{ not json").unwrap();
    let loaded = load(&path);
    assert!(loaded.book.articles.is_empty());
    assert!(loaded.warning.unwrap().contains("kept aside"));
    assert!(!path.exists());
    let aside = names(dir.path());
    assert_eq!(aside.len(), 1);
    assert!(aside[0].starts_with("state.json.bad-"));
    assert_eq!(
        fs::read_to_string(dir.path().join(&aside[0])).unwrap(),
        "{ not json"
    );
}

#[test]
fn an_uncommitted_save_leaves_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    save(&path, &book()).unwrap();
    let pending = prepare(&path, &MarkBook::default()).unwrap();
    drop(pending);
    assert_eq!(load(&path).book, book());
    assert_eq!(names(dir.path()), ["state.json"]);
}

#[test]
fn appends_replay_on_load_and_compaction_folds_them_in() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    save(&path, &book()).unwrap();
    let store = load(&path).store;
    store.append(&[change("b", Mark::Starred)]).unwrap();
    store.append(&[change("a", Mark::Flagged)]).unwrap();
    let loaded = load(&path).book;
    assert!(loaded.get("a").read && loaded.get("a").flagged);
    assert!(loaded.get("b").starred);
    store.compact().unwrap();
    assert_eq!(
        fs::metadata(dir.path().join("state.json.log"))
            .unwrap()
            .len(),
        0
    );
    assert_eq!(load(&path).book, loaded);
    assert_eq!(snapshot::read(&path).unwrap().unwrap(), loaded);
}

#[test]
fn an_invalid_utf8_state_file_is_moved_aside_not_overwritten() {
    // Failed before: the read error made a warning only, and the first
    // mark's save replaced the file with that one mark.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let original = b"{\"version\":1,\"articles\":{\"k\xff\":{\"read\":true}}}".to_vec();
    fs::write(&path, &original).unwrap();
    let loaded = load(&path);
    assert!(loaded.warning.unwrap().contains("kept aside"));
    loaded.store.append(&[change("new", Mark::Read)]).unwrap();
    loaded.store.compact().unwrap();
    let aside = names(dir.path())
        .into_iter()
        .find(|n| n.starts_with("state.json.bad-"))
        .expect("the file was moved aside");
    assert_eq!(fs::read(dir.path().join(aside)).unwrap(), original);
}

#[test]
fn a_state_file_that_cannot_be_read_makes_the_store_read_only() {
    // A folder stands for any read error but "not found" (EACCES, EIO):
    // tests may run as root, for whom mode 000 reads.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    fs::create_dir(&path).unwrap();
    fs::write(path.join("inside"), "kept").unwrap();
    let loaded = load(&path);
    let why = loaded.store.read_only().expect("read-only").to_string();
    assert!(loaded.warning.unwrap().contains("not saved"), "{why}");
    let err = loaded.store.append(&[change("k", Mark::Read)]).unwrap_err();
    assert!(matches!(err, StateError::ReadOnly(_)));
    assert!(loaded.store.compact().is_err());
    assert_eq!(names(dir.path()), ["state.json"]);
    assert_eq!(fs::read_to_string(path.join("inside")).unwrap(), "kept");
}

#[test]
fn a_newer_version_is_kept_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    fs::write(&path, r#"{"version":7,"articles":{}}"#).unwrap();
    let loaded = load(&path);
    assert!(loaded.store.read_only().unwrap().contains("newer revue"));
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        r#"{"version":7,"articles":{}}"#
    );
}

#[test]
fn damaged_log_lines_are_kept_aside_by_compaction() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    fs::write(dir.path().join("state.json.log"), "garbage\n").unwrap();
    let loaded = load(&path);
    assert!(loaded.warning.unwrap().contains("1 damaged"));
    loaded.store.append(&[change("k", Mark::Read)]).unwrap();
    loaded.store.compact().unwrap();
    let aside = names(dir.path())
        .into_iter()
        .find(|n| n.starts_with("state.json.log.bad-"))
        .expect("the log was kept aside");
    assert!(
        fs::read_to_string(dir.path().join(aside))
            .unwrap()
            .contains("garbage")
    );
    assert!(load(&path).book.get("k").read);
}

/// A state file and log as revue wrote them before sightings existed
/// (format version 1): every mark survives loading, sighting and
/// compaction, and the snapshot is written back as the current version.
#[test]
fn a_version_one_state_file_loads_and_no_mark_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    fs::write(
        &path,
        "{\n  \"version\": 1,\n  \"articles\": {\n    \"k1\": {\n      \"read\": true\n    },\n    \"k2\": {\n      \"starred\": true,\n      \"flagged\": true\n    }\n  }\n}\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("state.json.log"),
        "\n{\"key\":\"k3\",\"mark\":\"read\",\"on\":true}\n\n{\"key\":\"k1\",\"mark\":\"starred\",\"on\":true}\n",
    )
    .unwrap();
    let mut loaded = load(&path);
    assert!(loaded.warning.is_none(), "{:?}", loaded.warning);
    let expect = |b: &MarkBook| {
        assert!(b.get("k1").read && b.get("k1").starred);
        assert!(b.get("k2").starred && b.get("k2").flagged && !b.get("k2").read);
        assert!(b.get("k3").read);
        assert_eq!(b.articles.len(), 3);
    };
    expect(&loaded.book);
    let sighting = loaded
        .book
        .sight(["k1", "k2", "k3", "k4"].into_iter(), 10_000);
    loaded.store.append_sighting(&sighting).unwrap();
    loaded.store.compact().unwrap();
    let again = load(&path).book;
    expect(&again);
    assert_eq!(again.seen.len(), 4);
    assert_eq!(again.runs, [10_000]);
    assert_eq!(again.version, crate::review::BOOK_VERSION);
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .contains("\"version\": 2")
    );
}

/// A sighting and marks appended by two stores on one file, as two
/// dashboards would, are all there after compaction by either.
#[test]
fn sightings_and_marks_of_two_stores_merge() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let mut one = load(&path);
    let mut two = load(&path);
    let s1 = one.book.sight(["a", "b"].into_iter(), 100);
    let s2 = two.book.sight(["b", "c"].into_iter(), 200);
    one.store.append_sighting(&s1).unwrap();
    two.store.append(&[change("c", Mark::Read)]).unwrap();
    two.store.append_sighting(&s2).unwrap();
    one.store.compact().unwrap();
    let b = load(&path).book;
    assert_eq!(b.seen["a"], 100);
    assert_eq!(b.seen["b"], 100);
    assert_eq!(b.seen["c"], 200);
    assert_eq!(b.runs, [100, 200]);
    assert!(b.get("c").read);
}
