//! Stories, what is new and corrections in the real dashboard, in tmux:
//! a story is one row that says how many sources print it and expands to
//! its printings, marking it read marks them all, `is:new` after a
//! restart with two files added shows exactly those two, a correction
//! made headless is in the dashboard after a restart, and a merge made in
//! the entity pane is still there after a restart and in `revue
//! entities`. Skipped without tmux, as the other tmux tests. Articles
//! written for the tests.

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
    t.wait_screen("one row for the five printings of a story, all new", |s| {
        // In the article list (the left half): the timeline counts an
        // event's five reports the same way.
        let list: String = s
            .lines()
            .map(|l| l.chars().take(50).collect::<String>())
            .collect();
        list.matches("(5)").count() == 1 && s.contains("7 new")
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

/// The article list's rows: the left pane's lines between its borders.
fn article_rows(screen: &str) -> Vec<String> {
    screen
        .lines()
        .skip(1)
        .filter(|l| l.starts_with('│'))
        .map(|l| l.chars().take(50).collect::<String>())
        .filter(|l| l.contains("2026-"))
        .collect()
}

fn headless(state: &Path, corpus: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new(revue_bin())
        .args(["--state", state.to_str().unwrap(), "--no-cache"])
        .args(args)
        .arg(corpus)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_story_expands_is_read_whole_and_a_merge_made_in_the_entity_pane_sticks() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state/state.json");
    let c = corpus(dir.path());
    let Some(t) = dashboard(&state, &c, "", "Articles (7/7)") else {
        return;
    };
    // The story's row (the first) expands in place to its printings.
    t.send(&["e"]);
    let s = t.wait_screen("four printings under the story's row", |s| {
        s.matches("└ ").count() == 4
    });
    assert!(
        s.contains("▾ ") && s.contains("copy") && s.contains("rewrite"),
        "{s}"
    );
    assert_eq!(article_rows(&s).len(), 7, "{s}");
    // Read from the story's row: all five are read, the others not.
    t.send(&["r"]);
    let s = t.wait_screen("the story's five printings read", |s| {
        s.contains("5 printings of the story marked read")
    });
    let rows = article_rows(&s);
    assert_eq!(
        rows.iter().filter(|r| r.starts_with("│•")).count(),
        2,
        "{s}"
    );
    // Merge Claire Morvan (the second entity) into Anne Le Goff, picked by
    // typing part of the name.
    t.send(&["2", "j", "c", "Enter"]);
    t.wait_screen("the merge picker", |s| {
        s.contains("Merge \"Claire Morvan\" into")
    });
    t.literal("goff");
    t.wait_screen("the picker filtered", |s| s.contains("goff_ 1/7"));
    t.send(&["Enter"]);
    t.wait_screen("the merge applied", |s| {
        s.contains("saved · U undoes") && !s.contains("PER  Claire Morvan")
    });
    quit(t);

    let entities: serde_json::Value =
        serde_json::from_str(&headless(&state, &c, &["entities", "-f", "json"])).unwrap();
    let named = |name: &str| {
        entities["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["canonical"] == name)
            .cloned()
    };
    assert_eq!(named("Claire Morvan"), None, "{entities}");
    let goff = named("Anne Le Goff").expect("Anne Le Goff is listed");
    assert!(
        goff["aliases"]
            .as_array()
            .unwrap()
            .contains(&"Claire Morvan".into()),
        "{goff}"
    );
    let listed = headless(&state, &c, &["corrections"]);
    assert!(
        listed.contains("merge \"Claire Morvan\" into \"Anne Le Goff\"\tapplies"),
        "{listed}"
    );

    // After a restart: the merge holds, the story is still read.
    let Some(t) = dashboard(&state, &c, "", "Articles (7/7)") else {
        return;
    };
    let s = t.wait_screen("the merged entity pane", |s| {
        s.contains("Anne Le Goff") && !s.contains("Claire Morvan")
    });
    let rows = article_rows(&s);
    assert_eq!(rows.len(), 3, "{s}");
    assert!(!rows[0].starts_with("│•") && rows[0].contains("(5)"), "{s}");
    // U has nothing of the last run to undo: undo is per run.
    t.send(&["U"]);
    t.wait_screen("nothing to undo", |s| s.contains("nothing to undo"));
    // A hide made here, then undone: the corpus is rebuilt from its
    // files with the merge alone, which the file keeps.
    t.send(&["2", "g", "c", "Down", "Down", "Down", "Enter"]);
    t.wait_screen("the entity hidden", |s| {
        s.contains("hide \"Anne Le Goff\" · saved") && !s.contains("PER  Anne Le Goff")
    });
    t.send(&["U"]);
    t.wait_screen("the hide undone", |s| {
        s.contains("undone: hide") && s.contains("PER  Anne Le Goff") && !s.contains("PER  Claire")
    });
    quit(t);
    let file = std::fs::read_to_string(dir.path().join("state/corrections.jsonl")).unwrap();
    assert_eq!(file.lines().count(), 1, "{file}");
    assert!(file.contains("\"merge\""), "{file}");
}
