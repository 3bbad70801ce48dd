//! The review marks' files on any bytes: the snapshot and the change log
//! are cut from the input at its first NUL byte and loaded. Loading must
//! not panic; a writable store then takes one more mark and compacts, and
//! what loads afterwards must be what loaded before plus that mark (the
//! snapshot and the log hold nothing compaction may drop).
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use revue::review::persist;
use revue::review::{Change, Mark};

fn dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let d = std::env::temp_dir().join(format!("revue-fuzz-state-{}", std::process::id()));
        std::fs::create_dir_all(&d).expect("a temporary folder");
        d
    })
}

fuzz_target!(|data: &[u8]| {
    let (snapshot, log) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let d = dir();
    let _ = std::fs::remove_dir_all(d);
    std::fs::create_dir_all(d).expect("a temporary folder");
    let path = d.join("state.json");
    std::fs::write(&path, snapshot).expect("written");
    std::fs::write(d.join("state.json.log"), log).expect("written");
    let loaded = persist::load(&path);
    if loaded.store.read_only().is_some() {
        return;
    }
    let change = Change {
        key: "fuzz".into(),
        mark: Mark::Flagged,
        on: true,
    };
    loaded.store.append(std::slice::from_ref(&change)).expect("appended");
    loaded.store.compact().expect("compacted");
    let mut expected = loaded.book.clone();
    expected.apply(&change);
    let again = persist::load(&path);
    assert_eq!(again.book.articles, expected.articles);
    assert!(again.store.read_only().is_none());
});
