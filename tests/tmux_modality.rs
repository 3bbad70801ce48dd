//! The keyboard belongs to the screen or overlay on top, in a real
//! terminal: letters typed in the preset picker filter it and leave the
//! dashboard behind alone; `q` backs out one level before it quits; at 80
//! columns the reader keeps Tab from a side list it does not show.
//!
//! Skipped when tmux is missing, unless REVUE_REQUIRE_TMUX is set. Each
//! test has its own tmux server (a socket in its temporary folder).

mod e2e_support;

use e2e_support::{Tmux, revue_bin, seeds};

fn launch(cols: u16, rows: u16) -> Option<Tmux> {
    let t = Tmux::shell(cols, rows)?;
    let config = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config.toml");
    t.run(&format!(
        "{} --no-state --no-cache --config {} {}; echo EXIT=$?",
        revue_bin(),
        config.display(),
        seeds().display()
    ));
    t.wait_screen("the built dashboard", |s| {
        s.contains("Articles (6/6)") && s.contains("16 events")
    });
    Some(t)
}

#[test]
fn letters_in_the_preset_picker_filter_it_and_not_the_dashboard() {
    let Some(t) = launch(100, 30) else { return };
    t.send(&["p"]);
    t.wait_for(&["Presets · type to filter"]);
    // `u` would switch the dashboard to unread only, `z` zoom it.
    t.literal("uz");
    let screen = t.wait_for(&["Presets · uz_"]);
    assert!(!screen.contains("unread only"), "{screen}");
    t.send(&["C-u"]);
    t.literal("sotchi");
    let screen = t.wait_for(&["Presets · sotchi_", "sotchi-2017"]);
    assert!(
        !screen.contains("syria-military"),
        "filtered out:\n{screen}"
    );
    t.send(&["Enter"]);
    t.wait_for(&["preset sotchi-2017"]);
    t.send(&["q"]);
    t.wait_for(&["EXIT=0"]);
}

#[test]
fn q_backs_out_of_the_reader_then_quits() {
    let Some(t) = launch(100, 30) else { return };
    t.send(&["Enter"]);
    t.wait_for(&["Reader"]);
    t.send(&["q"]);
    let screen = t.wait_screen("the dashboard again", |s| {
        s.contains("Articles (6/6)") && !s.contains("Reader")
    });
    assert!(
        !screen.contains("EXIT="),
        "q left the reader only:\n{screen}"
    );
    t.send(&["q"]);
    t.wait_for(&["EXIT=0"]);
    t.assert_sane_terminal();
}

#[test]
fn at_80_columns_tab_leaves_the_reader_text_scrolling() {
    let Some(t) = launch(80, 24) else { return };
    t.send(&["Enter"]);
    let before = t.wait_for(&["Reader"]);
    t.send(&["Tab"]);
    t.wait_for(&["the side list shows"]);
    t.send(&["j"]);
    let text_line = |s: &str| s.lines().nth(4).unwrap_or("").to_string();
    let after = t.wait_screen("the text scrolled by j", |s| {
        text_line(s) != text_line(&before)
    });
    assert!(after.contains("Reader"), "{after}");
    t.send(&["Q"]);
    t.wait_for(&["EXIT=0"]);
}

/// A query confirmed with Enter comes back with Ctrl-P in the next run
/// (the history lives beside the marks' state file).
#[test]
fn the_search_history_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    let run = |t: &Tmux| {
        t.run(&format!(
            "{} --no-cache --state {} {}; echo EXIT=$?",
            revue_bin(),
            state.display(),
            seeds().display()
        ));
        t.wait_screen("the built dashboard", |s| {
            s.contains("Articles (6/6)") && s.contains("16 events")
        });
    };
    let Some(t) = Tmux::shell(100, 30) else {
        return;
    };
    run(&t);
    t.send(&["/"]);
    t.literal("erdo");
    t.send(&["Enter"]);
    t.wait_screen("the search line closed", |s| s.contains("Articles (3/6)"));
    t.send(&["q"]);
    t.wait_for(&["EXIT=0"]);
    let saved = std::fs::read_to_string(dir.path().join("search_history")).unwrap();
    assert_eq!(saved, "erdo\n");
    t.run("clear");
    run(&t);
    t.send(&["/", "C-p"]);
    t.wait_for(&["/ erdo", "Articles (3/6)"]);
    t.send(&["Escape"]);
    t.wait_screen("the search line closed", |s| !s.contains("EXIT="));
    t.send(&["Q"]);
    t.wait_for(&["EXIT=0"]);
}
