//! End to end in a real terminal: revue runs in tmux at 100×30 from an
//! interactive shell; keys are sent, the screen is read back; the window is
//! resized to 80×24 and 60×20; after quitting, the shell's terminal is
//! checked (alternate screen off, cursor shown, `stty` cooked again).
//!
//! Skipped when tmux is missing, unless REVUE_REQUIRE_TMUX is set (CI sets
//! it, so there it must run). Each test has its own tmux server; every wait
//! is for a screen condition, so a slow machine only makes them slower.

mod e2e_support;

use e2e_support::{Tmux, revue_bin, seeds};

fn launch(t: &Tmux) {
    t.run(&format!(
        "{} --no-state --no-cache {}; echo EXIT=$?",
        revue_bin(),
        seeds().display()
    ));
}

#[test]
fn dashboard_query_reader_resize_and_quit_in_tmux() {
    let Some(t) = Tmux::shell(100, 30) else {
        return;
    };
    launch(&t);
    let screen = t.wait_for(&[
        "Articles (6/6)",
        "Entities (",
        "Timeline (",
        "Vladimir Poutine",
        "6 articles",
    ]);
    assert!(t.alternate_on(), "on the alternate screen:\n{screen}");
    assert_eq!(t.format("#{cursor_flag}"), "0", "the cursor is hidden");

    // A query filters every pane as it is typed.
    t.send(&["/"]);
    t.literal("erdo");
    t.wait_for(&["Articles (3/6)", "3 articles", "/ erdo"]);

    // Enter leaves the search line, Enter again opens the reader.
    t.send(&["Enter"]);
    t.wait_screen("the search line closed", |s| !s.contains("/ erdo_"));
    t.send(&["Enter"]);
    t.wait_for(&["Reader", "Erdo"]);
    t.send(&["Escape"]);
    t.wait_for(&["Articles (3/6)", "Timeline ("]);

    // 80×24 still holds the whole dashboard.
    t.resize(80, 24);
    let screen = t.wait_screen("the 80×24 layout", |s| {
        s.lines().count() <= 24
            && s.contains("Articles (3/6)")
            && s.contains("Timeline (")
            && s.lines().any(|l| l.contains("3 articles"))
    });
    assert_within(&screen, 80);

    // Smaller than 80×24: a message instead of a garbled layout.
    t.resize(60, 20);
    let screen = t.wait_for(&["revue needs at least 80×24", "60×20"]);
    assert!(!screen.contains("Articles ("), "{screen}");
    assert_within(&screen, 60);

    // Back to 100×30: the dashboard again, as it was.
    t.resize(100, 30);
    t.wait_for(&["Articles (3/6)", "Entities (", "Timeline ("]);

    t.send(&["q"]);
    let screen = t.wait_for(&["EXIT=0"]);
    assert!(
        !screen.contains("Articles ("),
        "the dashboard is gone after quit:\n{screen}"
    );
    t.assert_sane_terminal();
}

#[test]
fn ctrl_c_quits_and_restores_the_terminal_in_tmux() {
    let Some(t) = Tmux::shell(100, 30) else {
        return;
    };
    launch(&t);
    t.wait_for(&["Articles (6/6)"]);
    t.send(&["/"]);
    t.literal("poutine");
    t.wait_for(&["/ poutine"]);
    t.send(&["C-c"]);
    t.wait_for(&["EXIT=0"]);
    t.assert_sane_terminal();
}

#[test]
fn sigterm_and_sighup_restore_the_terminal_in_tmux() {
    let Some(t) = Tmux::shell(100, 30) else {
        return;
    };
    for (signal, code) in [("TERM", 143), ("HUP", 129)] {
        t.run("clear");
        launch(&t);
        t.wait_for(&["Articles (6/6)"]);
        let pid = pid_of_revue(&t);
        let kill = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &pid.to_string()])
            .status()
            .unwrap();
        assert!(kill.success());
        t.wait_for(&[&format!("EXIT={code}")]);
        t.assert_sane_terminal();
    }
}

/// The screen once `ok` holds and two reads 200 ms apart agree: a frame
/// is never read half drawn.
fn settled(t: &Tmux, what: &str, ok: impl Fn(&str) -> bool) -> String {
    let mut screen = t.wait_screen(what, &ok);
    loop {
        std::thread::sleep(std::time::Duration::from_millis(200));
        let again = t.wait_screen(what, &ok);
        if again == screen {
            return screen;
        }
        screen = again;
    }
}

/// The pid of the revue running in the pane (a child of its shell).
fn pid_of_revue(t: &Tmux) -> u32 {
    let shell: u32 = t.format("#{pane_pid}").parse().unwrap();
    e2e_support::wait_until("revue's pid", || {
        let children =
            std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children")).unwrap();
        children
            .split_whitespace()
            .filter_map(|p| p.parse::<u32>().ok())
            .find(|p| {
                std::fs::read_to_string(format!("/proc/{p}/comm"))
                    .is_ok_and(|c| c.trim() == "revue")
            })
            .ok_or(children)
    })
}

/// Every line of a captured screen fits the window's width.
fn assert_within(screen: &str, cols: usize) {
    for line in screen.lines() {
        let w = unicode_width::UnicodeWidthStr::width(line);
        assert!(w <= cols, "a line of {w} columns in {cols}:\n{screen}");
    }
}

/// Ctrl-Z gives the shell a sane terminal and stops revue; `fg` brings the
/// dashboard back, whole, with the query typed before.
#[test]
fn ctrl_z_suspends_and_fg_resumes_in_tmux() {
    let Some(t) = Tmux::shell(100, 30) else {
        return;
    };
    t.run(&format!(
        "{} --no-state --no-cache {}",
        revue_bin(),
        seeds().display()
    ));
    t.wait_for(&["Articles (6/6)"]);
    t.send(&["/"]);
    t.literal("erdogan");
    let filtered = |s: &str| s.contains("/ erdogan") && s.contains("3 articles · 30 entities");
    let before = settled(&t, "the filtered dashboard", filtered);
    t.send(&["C-z"]);
    t.wait_screen("the shell after the stop", |s| {
        s.contains("Stopped") && s.trim_end().ends_with('$')
    });
    t.assert_sane_terminal();
    t.run("fg");
    let after = settled(&t, "the dashboard again", filtered);
    assert!(t.alternate_on(), "the dashboard takes the screen again");
    assert_eq!(after, before, "the whole screen is drawn again as it was");
    t.send(&["Escape"]);
    // Sent at once, Escape and `q` may be read together, as Alt-q: `q` goes
    // once the search line is seen closed.
    t.wait_screen("the search line closed", |s| {
        s.contains("/ erdogan") && !s.contains("/ erdogan_")
    });
    t.send(&["q"]);
    t.wait_screen("the shell prompt", |s| s.trim_end().ends_with('$'));
    t.assert_sane_terminal();
}

/// A SIGTSTP from outside (`kill -TSTP`) gives the shell its normal
/// screen and a sane terminal; after `fg` the dashboard is drawn whole and
/// answers keys. A `kill -STOP`, which revue cannot see, and `fg`: the
/// dashboard is drawn whole again, in raw mode (keys act at once).
#[test]
fn an_external_stop_leaves_the_prompt_and_fg_a_live_dashboard_in_tmux() {
    let Some(t) = Tmux::shell(100, 30) else {
        return;
    };
    t.run(&format!(
        "{} --no-state --no-cache {}",
        revue_bin(),
        seeds().display()
    ));
    let built = |s: &str| s.contains("Articles (6/6)") && !s.contains("extracting");
    let first = settled(&t, "the dashboard", built);
    let pid = pid_of_revue(&t).to_string();
    let kill = |sig: &str| {
        let st = std::process::Command::new("kill")
            .args([sig, &pid])
            .status()
            .unwrap();
        assert!(st.success(), "kill {sig}");
    };

    kill("-TSTP");
    t.wait_screen("the shell after the stop", |s| {
        s.contains("Stopped") && s.trim_end().ends_with('$')
    });
    assert!(!t.alternate_on(), "the prompt is on the normal screen");
    t.assert_sane_terminal();
    t.run("fg");
    let back = settled(&t, "the dashboard again", built);
    assert!(t.alternate_on(), "the dashboard takes the screen again");
    assert_eq!(back, first, "drawn whole");
    t.send(&["/"]);
    t.literal("erdo");
    t.wait_for(&["Articles (3/6)", "/ erdo_"]);

    kill("-STOP");
    t.wait_screen("the shell after SIGSTOP", |s| s.contains("Stopped"));
    // `sh` leaves the terminal as the stopped program had it (raw, no
    // echo, Enter a bare CR): the line is ended with a newline, as a user
    // would type blind.
    t.literal("fg");
    t.send(&["C-j"]);
    let again = settled(&t, "the dashboard after SIGSTOP", |s| {
        s.contains("Articles (3/6)") && !s.contains("Stopped")
    });
    assert!(t.alternate_on(), "{again}");
    // Raw mode: a key acts without Enter.
    t.send(&["BSpace"]);
    t.wait_for(&["/ erd_"]);
    t.send(&["Escape"]);
    t.wait_screen("the search line closed", |s| !s.contains("/ erd_"));
    t.send(&["q"]);
    t.wait_screen("the shell prompt", |s| s.trim_end().ends_with('$'));
    t.assert_sane_terminal();
}
