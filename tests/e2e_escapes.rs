//! A file full of escape sequences, opened in the reader in a real terminal
//! (tmux, with OSC 52 clipboard writes allowed): the pane's title, tmux's
//! paste buffers (the clipboard) and the screen stay untouched. A control
//! run with `cat` first shows that the same file does change all three.
//!
//! Skipped when tmux is missing, unless REVUE_REQUIRE_TMUX is set.

mod e2e_support;

use e2e_support::{Tmux, fixture, revue_bin};

const TITLE: &str = "revue-e2e-title";

/// A shell in tmux that would let an application set the clipboard and
/// the title, with a known title.
fn terminal() -> Option<Tmux> {
    let t = Tmux::shell(100, 30)?;
    t.tmux(&["set-option", "-g", "set-clipboard", "on"]);
    t.tmux(&["set-option", "-g", "allow-rename", "on"]);
    t.tmux(&["select-pane", "-t", "e2e", "-T", TITLE]);
    assert_eq!(t.format("#{pane_title}"), TITLE);
    Some(t)
}

fn buffers(t: &Tmux) -> String {
    String::from_utf8_lossy(&t.tmux(&["list-buffers"]).stdout).into_owned()
}

#[test]
fn the_fixture_does_drive_a_terminal_when_printed_raw() {
    let Some(t) = terminal() else {
        return;
    };
    t.run(&format!(
        "cat {}; echo CAT-''DONE",
        fixture("escapes/escapes.txt").display()
    ));
    t.wait_for(&["CAT-DONE"]);
    assert_ne!(t.format("#{pane_title}"), TITLE, "cat changed the title");
    assert!(buffers(&t).contains("PWNED-CLIP"), "cat set the clipboard");
}

#[test]
fn escape_sequences_in_the_reader_leave_title_clipboard_and_screen_alone() {
    let Some(t) = terminal() else {
        return;
    };
    // tmux names the window after the program running in it, on a timer of
    // its own: only a name set by an escape sequence should count here.
    t.tmux(&["set-option", "-w", "-t", "e2e", "automatic-rename", "off"]);
    let window = t.format("#{window_name}");
    t.run(&format!(
        "{} --no-state --no-cache {}; echo EXIT=$?",
        revue_bin(),
        fixture("escapes").display()
    ));
    t.wait_for(&["Articles (1/1)", "Titre piégé ]0;PWNED-TIT"]);

    t.send(&["Enter"]);
    let screen = t.wait_for(&["Reader", "Bachar al-Assad", "]52;c;UFdORUQ", "Kremlin"]);
    // The sequences show as text; the layout is whole: the frame's corners
    // are where they belong and no line runs past the window.
    let lines: Vec<&str> = screen.lines().collect();
    assert!(lines[0].starts_with('┌'), "top-left corner:\n{screen}");
    assert!(
        lines[0].trim_end().ends_with('┐'),
        "top-right corner:\n{screen}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with('└')),
        "bottom corner:\n{screen}"
    );
    for l in &lines {
        assert!(unicode_width::UnicodeWidthStr::width(*l) <= 100, "{l:?}");
    }
    assert!(screen.contains("[2J"), "the CSI shows as text:\n{screen}");
    assert!(t.alternate_on(), "still on the alternate screen");
    assert_eq!(t.format("#{pane_title}"), TITLE, "the title is untouched");
    assert_eq!(t.format("#{window_name}"), window, "the window name too");
    assert_eq!(buffers(&t), "", "no paste buffer (clipboard) was set");

    // Scrolling redraws the text: still nothing leaks.
    // `Q` quits from the reader (sent at once, Escape and `q` may read as
    // Alt-q, which only backs out).
    t.send(&["PageDown", "PageUp", "Q"]);
    t.wait_for(&["EXIT=0"]);
    assert_eq!(t.format("#{pane_title}"), TITLE);
    assert_eq!(buffers(&t), "");
    t.assert_sane_terminal();
}
