//! Two dashboards on one state file, in two tmux servers, marking at the
//! same time: both keep every mark. Skipped without tmux, as the other
//! tmux tests.

mod e2e_support;

use e2e_support::{Tmux, revue_bin, seeds};

/// Opens a dashboard on `state` and waits for it, built: a message shown
/// during the preview (marks not saved) is cleared when the built
/// corpus's view arrives, which a loaded machine may delay past the key.
fn dashboard(state: &std::path::Path) -> Option<Tmux> {
    let t = Tmux::shell(100, 30)?;
    t.run(&format!(
        "{} --no-cache --state {} {}; echo EXIT=$?",
        revue_bin(),
        state.display(),
        seeds().display()
    ));
    t.wait_screen("the built dashboard", |s| {
        s.contains("Articles (6/6)") && !s.contains("extracting")
    });
    Some(t)
}

#[test]
fn two_dashboards_marking_at_once_keep_every_mark() {
    // Failed before: each dashboard saved its whole book from memory on
    // every mark, so the last to mark wiped the other's marks.
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    let (Some(a), Some(b)) = (dashboard(&state), dashboard(&state)) else {
        return;
    };
    // A reads the first three articles, B stars them, interleaved.
    for _ in 0..3 {
        a.send(&["Space"]);
        b.send(&["s", "j"]);
    }
    b.wait_screen("three stars", |s| s.matches('★').count() >= 3);
    a.wait_screen("three read", |s| s.matches('•').count() <= 3);
    for t in [&a, &b] {
        t.send(&["q"]);
        t.wait_for(&["EXIT=0"]);
    }
    let book = revue::review::persist::load(&state).book;
    let read = book.articles.values().filter(|m| m.read).count();
    let starred = book.articles.values().filter(|m| m.starred).count();
    assert_eq!((read, starred), (3, 3), "{book:?}");
}

#[test]
fn an_unreadable_state_file_is_intact_after_the_dashboard_marked_and_quit() {
    // Failed before: revue warned, then the first mark replaced the file
    // (one invalid UTF-8 byte) with that mark alone.
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    let original = b"{\"version\":1,\"articles\":{\"k\xff\":{\"read\":true}}}".to_vec();
    std::fs::write(&state, &original).unwrap();
    let Some(t) = dashboard(&state) else {
        return;
    };
    t.send(&["Space"]);
    t.send(&["q"]);
    t.wait_for(&["EXIT=0"]);
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| std::fs::read(p).is_ok_and(|b| b == original))
        .collect();
    assert_eq!(kept.len(), 1, "the original bytes are kept somewhere");

    // One that cannot be read at all (here a folder) is left as it is,
    // and the screen says marks are not saved.
    let folder = dir.path().join("folder.json");
    std::fs::create_dir(&folder).unwrap();
    let Some(t) = dashboard(&folder) else {
        return;
    };
    t.send(&["Space"]);
    t.wait_for(&["not saved"]);
    t.send(&["q"]);
    t.wait_for(&["EXIT=0"]);
    assert!(folder.is_dir());
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 0);
}
