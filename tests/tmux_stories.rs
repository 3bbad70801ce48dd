//! Stories, what is new and corrections in the real dashboard, in tmux:
//! a story's printings say how many sources print it, `is:new` after a
//! restart with two files added shows exactly those two, and a correction
//! made headless is in the dashboard after a restart. Skipped without
//! tmux, as the other tmux tests. Articles written for the tests.

mod e2e_support;

use std::path::{Path, PathBuf};

use e2e_support::{Tmux, revue_bin};

fn corpus(dir: &Path) -> PathBuf {
    let from = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stories");
    let to = dir.join("corpus");
    std::fs::create_dir_all(&to).unwrap();
    for e in std::fs::read_dir(&from).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
    to
}

fn dashboard(state: &Path, corpus: &Path, query: &str, ready: &str) -> Option<Tmux> {
    let t = Tmux::shell(100, 30)?;
    let query = if query.is_empty() {
        String::new()
    } else {
        format!("-q '{query}'")
    };
    t.run(&format!(
        "{} --no-cache --state {} {query} {}; echo EXIT=$?",
        revue_bin(),
        state.display(),
        corpus.display()
    ));
    t.wait_screen(ready, |s| s.contains(ready) && !s.contains("extracting"));
    Some(t)
}

fn quit(t: Tmux) {
    t.send(&["q"]);
    t.wait_for(&["EXIT=0"]);
}

#[test]
fn stories_new_articles_and_corrections_in_the_dashboard() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state/state.json");
    let c = corpus(dir.path());
    let Some(t) = dashboard(&state, &c, "", "Articles (7/7)") else {
        return;
    };
    t.wait_screen("five printings of one story, all new", |s| {
        s.matches("(5)").count() == 5 && s.contains("7 new")
    });
    quit(t);

    std::fs::write(
        c.join("digue.txt"),
        " date 2026-03 publié le 11/03/2026\nSaint-Malo : la digue du Sillon sera renforcée\nLa ville a voté mercredi le renforcement de la digue du Sillon, dont des brise-lames ont été emportés.\n",
    )
    .unwrap();
    std::fs::write(
        c.join("jersey.txt"),
        " date 2026-03 publié le 11/03/2026\nLes ferries pour Jersey reprennent leurs rotations\nLa compagnie maritime reprend ses liaisons vers Jersey jeudi, après trois jours d'interruption.\n",
    )
    .unwrap();
    let Some(t) = dashboard(&state, &c, "is:new", "Articles (2/9)") else {
        return;
    };
    t.wait_screen("exactly the two new files", |s| {
        s.contains("la digue du S") && s.contains("ferries pour Jersey") && s.contains("2 new")
    });
    quit(t);

    let out = std::process::Command::new(revue_bin())
        .args([
            "--state",
            state.to_str().unwrap(),
            "--no-cache",
            "correct",
            "hide",
            "Anne Le Goff",
        ])
        .arg(&c)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let Some(t) = dashboard(&state, &c, "", "Articles (9/9)") else {
        return;
    };
    t.wait_screen("the entity pane without the hidden entity", |s| {
        s.contains("Saint-Malo") && !s.contains("Anne Le Goff")
    });
    quit(t);
}
