//! revue on a bare pseudo-terminal, every byte it writes counted: the
//! output budget for slow links (startup and per typed character at
//! 100×30), silence and no CPU while idle, and the terminal restored on
//! each way out: `q`, SIGTERM, a hang-up with and without SIGHUP, a panic.

mod e2e_support;

use std::process::Command;
use std::time::Duration;

use e2e_support::{Ctty, Pty, alive, cpu_ticks, revue_bin, rfind, seeds};
use rustix::termios::LocalModes;

/// What one typed character may cost: about what a full-screen fuzzy
/// finder redraw costs (issue 6).
const KEY_BUDGET: usize = 6_000;
const QUIET: Duration = Duration::from_millis(300);
const ENTER_ALT: &[u8] = b"\x1b[?1049h";
const LEAVE_ALT: &[u8] = b"\x1b[?1049l";
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";

fn revue(dir: &std::path::Path) -> Command {
    let mut c = Command::new(revue_bin());
    c.arg("--no-state")
        .arg(seeds())
        .current_dir(dir)
        .env("HOME", dir)
        .env("XDG_CACHE_HOME", dir.join("xdg-cache"))
        .env_remove("NO_COLOR");
    c
}

/// revue at 100×30 on the seeds, its first frame drawn.
fn started(ctty: Ctty) -> (Pty, usize, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let pty = Pty::spawn(revue(dir.path()), 100, 30, ctty);
    let startup = pty.settle(0, Duration::from_millis(600));
    let out = String::from_utf8_lossy(&pty.output()).into_owned();
    assert!(out.contains("Articles (6/6)"), "first frame:\n{out}");
    (pty, startup, dir)
}

fn is_cooked(pty: &Pty) -> bool {
    let modes = pty.termios().local_modes;
    modes.contains(LocalModes::ICANON | LocalModes::ECHO | LocalModes::ISIG)
}

/// The terminal was left: the alternate screen exited and the cursor shown
/// after the last time it was entered.
fn assert_left_terminal(out: &[u8]) {
    let enter = rfind(out, ENTER_ALT).expect("the alternate screen was used");
    let leave = rfind(out, LEAVE_ALT).expect("the alternate screen is left");
    assert!(leave > enter, "left after entering");
    assert!(
        rfind(out, SHOW_CURSOR).is_some_and(|s| s > enter),
        "the cursor shows again"
    );
}

#[test]
fn typing_a_character_costs_less_than_the_budget_and_idle_costs_nothing() {
    let (mut pty, startup, _dir) = started(Ctty::Yes);
    assert!(!is_cooked(&pty), "raw mode while running");
    let mut per_key = Vec::new();
    let mut seen = pty.len();
    for key in ["/", "e", "r", "d", "o"] {
        pty.type_bytes(key.as_bytes());
        let now = pty.settle(seen, QUIET);
        per_key.push(now - seen);
        seen = now;
    }
    eprintln!("startup: {startup} bytes; per key (/ e r d o): {per_key:?}");
    for (key, bytes) in ["/", "e", "r", "d", "o"].iter().zip(&per_key) {
        assert!(*bytes > 0, "typing {key:?} showed on the screen");
        assert!(
            *bytes <= KEY_BUDGET,
            "typing {key:?} cost {bytes} bytes (budget {KEY_BUDGET})"
        );
    }
    assert!(
        startup < 40_000,
        "a first frame of {startup} bytes is too much for a slow link"
    );

    // Idle: not one byte, no CPU to speak of.
    let before = (pty.len(), cpu_ticks(pty.pid()));
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(pty.len(), before.0, "no output while idle");
    let ticks = cpu_ticks(pty.pid()) - before.1;
    assert!(ticks <= 2, "{ticks} ticks of CPU while idle");

    // A key that does nothing draws nothing.
    pty.type_bytes(b"\x1b[24~"); // F12
    std::thread::sleep(Duration::from_millis(400));
    assert_eq!(pty.len(), before.0, "no redraw for a key without effect");

    pty.type_bytes(b"\x1b");
    pty.settle(before.0, QUIET);
    pty.type_bytes(b"q");
    let status = pty.wait_exit();
    assert!(status.success(), "{status:?}");
    assert_left_terminal(&pty.output());
    assert!(is_cooked(&pty), "cooked mode after q");
}

#[test]
fn sigterm_restores_the_terminal() {
    let (mut pty, _, _dir) = started(Ctty::Yes);
    rustix::process::kill_process(
        rustix::process::Pid::from_raw(pty.pid() as i32).unwrap(),
        rustix::process::Signal::TERM,
    )
    .unwrap();
    let status = pty.wait_exit();
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(status.signal(), Some(15), "ended by SIGTERM: {status:?}");
    assert_left_terminal(&pty.output());
    assert!(is_cooked(&pty), "cooked mode after SIGTERM");
}

#[test]
fn a_hang_up_ends_revue() {
    // With the pty as controlling terminal the kernel sends SIGHUP.
    let (mut pty, _, _dir) = started(Ctty::Yes);
    let pid = pty.pid();
    pty.hang_up();
    pty.wait_exit();
    assert!(!alive(pid));
}

#[test]
fn a_dead_terminal_ends_revue_even_without_sighup() {
    // Not the controlling terminal: no SIGHUP, only a dead tty to notice.
    // crossterm alone would spin reading EOF forever.
    let (mut pty, _, _dir) = started(Ctty::No);
    let pid = pty.pid();
    pty.hang_up();
    let status = pty.wait_exit();
    assert!(status.success(), "a clean exit: {status:?}");
    assert!(!alive(pid));
}

#[test]
fn a_panic_prints_its_message_after_the_terminal_is_restored() {
    // This test binary runs itself on a pty: `panicking_dashboard` below
    // takes the terminal as revue does, draws, and panics on a key.
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([
        "--exact",
        "panicking_dashboard",
        "--nocapture",
        "--test-threads=1",
    ])
    .env("REVUE_E2E_PANIC_CHILD", "1");
    let mut pty = Pty::spawn(cmd, 100, 30, Ctty::Yes);
    e2e_support::wait_until("the child to draw", || {
        let out = pty.output();
        if rfind(&out, b"CHILD-DRAWN").is_some() {
            Ok(())
        } else {
            Err(String::from_utf8_lossy(&out).into_owned())
        }
    });
    assert!(!is_cooked(&pty));
    pty.type_bytes(b"x");
    pty.wait_exit();
    let out = pty.output();
    let message = rfind(&out, b"deliberate panic in the dashboard").expect("the message prints");
    assert_left_terminal(&out);
    let leave = rfind(&out, LEAVE_ALT).unwrap();
    assert!(
        message > leave,
        "the message prints on the restored screen, after leaving the alternate one"
    );
    assert!(is_cooked(&pty), "cooked mode after a panic");
}

/// Run only as the child of the test above.
#[test]
fn panicking_dashboard() {
    if std::env::var_os("REVUE_E2E_PANIC_CHILD").is_none() {
        return;
    }
    let mut term = revue::tui::Term::open().expect("a terminal");
    term.terminal()
        .draw(|f| {
            f.render_widget(ratatui::widgets::Paragraph::new("CHILD-DRAWN"), f.area());
        })
        .unwrap();
    term.wait().unwrap();
    panic!("deliberate panic in the dashboard");
}

#[test]
fn a_panic_on_a_worker_thread_ends_the_dashboard_with_its_message() {
    // `dashboard_with_a_panicking_worker` below runs the dashboard on the
    // seeds while another thread of the process panics.
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([
        "--exact",
        "dashboard_with_a_panicking_worker",
        "--nocapture",
        "--test-threads=1",
    ])
    .env("REVUE_E2E_WORKER_PANIC_CHILD", "1");
    let mut pty = Pty::spawn(cmd, 100, 30, Ctty::Yes);
    let status = pty.wait_exit();
    let out = pty.output();
    let text = String::from_utf8_lossy(&out).into_owned();
    let message = rfind(&out, b"deliberate panic on a worker").expect("the message prints");
    assert_left_terminal(&out);
    assert!(
        message > rfind(&out, LEAVE_ALT).unwrap(),
        "the message prints on the restored screen:\n{text}"
    );
    assert!(text.contains("the dashboard stopped"), "{text}");
    assert!(!status.success(), "{status:?}");
    assert!(is_cooked(&pty), "cooked mode after a worker's panic");
}

/// Run only as the child of the test above.
#[test]
fn dashboard_with_a_panicking_worker() {
    if std::env::var_os("REVUE_E2E_WORKER_PANIC_CHILD").is_none() {
        return;
    }
    let corpus = revue::model::build(
        revue::ingest::embedded_seeds(),
        revue::model::Origin::BuiltIn,
        &revue::model::BuildOptions::default(),
    );
    let index = revue::search::SearchIndex::new(&corpus);
    let state = revue::app::AppState::new(&corpus, &index);
    let shown = revue::tui::Shown {
        corpus: std::sync::Arc::new(corpus),
        index: Some(index),
        indexing: None,
        pending: None,
    };
    std::thread::Builder::new()
        .name("worker".into())
        .spawn(|| {
            std::thread::sleep(Duration::from_millis(500));
            panic!("deliberate panic on a worker");
        })
        .unwrap();
    let theme = revue::ui::Theme::new(false);
    if let Err(e) = revue::tui::run(shown, state, &theme, None, None, None) {
        eprintln!("revue: {e}");
        std::process::exit(2);
    }
}

#[test]
fn resuming_after_ctrl_z_needs_no_answer_from_the_terminal() {
    // Nothing answers a cursor query on this pty: a resume that waited for
    // one ended revue after two seconds.
    let (mut pty, _, _dir) = started(Ctty::Yes);
    let before = pty.len();
    pty.type_bytes(b"\x1a");
    e2e_support::wait_until("the terminal given back", || {
        let out = pty.output();
        match rfind(&out, LEAVE_ALT) {
            Some(i) if i >= before => Ok(()),
            _ => Err(String::from_utf8_lossy(&out[before..]).into_owned()),
        }
    });
    let stopped = pty.len();
    let pid = rustix::process::Pid::from_raw(pty.pid() as i32).unwrap();
    rustix::process::kill_process(pid, rustix::process::Signal::CONT).unwrap();
    e2e_support::wait_until("the dashboard drawn again", || {
        let out = pty.output();
        let back = rfind(&out, ENTER_ALT).is_some_and(|i| i >= stopped);
        if back && rfind(&out[stopped..], b"Articles (6/6)").is_some() {
            Ok(())
        } else {
            Err(String::from_utf8_lossy(&out[stopped..]).into_owned())
        }
    });
    std::thread::sleep(Duration::from_millis(2500));
    assert!(alive(pty.pid()), "revue is still running");
    assert!(!is_cooked(&pty), "raw mode again");
    pty.type_bytes(b"q");
    let status = pty.wait_exit();
    assert!(status.success(), "{status:?}");
    assert_left_terminal(&pty.output());
}

#[test]
fn a_clap_error_on_a_terminal_prints_no_escape_sequence_from_the_arguments() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = revue(dir.path());
    cmd.args(["--color", "\x1b]52;c;UFdORUQ=\x07\x1b[2J"]);
    let mut pty = Pty::spawn(cmd, 100, 30, Ctty::Yes);
    let status = pty.wait_exit();
    assert_eq!(status.code(), Some(2));
    let out = pty.output();
    let text = String::from_utf8_lossy(&out).into_owned();
    assert!(text.contains("--color"), "{text}");
    assert!(rfind(&out, b"\x1b]52").is_none(), "no OSC 52: {text:?}");
    assert!(rfind(&out, b"\x1b[2J").is_none(), "no CSI: {text:?}");
    assert!(!out.contains(&0x07), "no BEL: {text:?}");
}

/// `[ui] mouse = false` leaves the mouse to the terminal: the request for
/// mouse reports is never sent (it is by default).
#[test]
fn mouse_false_never_asks_for_the_mouse() {
    const MOUSE_ON: &[u8] = b"\x1b[?1000h";
    let (mut pty, _, dir) = started(Ctty::Yes);
    assert!(rfind(&pty.output(), MOUSE_ON).is_some(), "asked by default");
    pty.type_bytes(b"q");
    assert!(pty.wait_exit().success());

    std::fs::write(dir.path().join("config.toml"), "[ui]\nmouse = false\n").unwrap();
    let mut pty = Pty::spawn(revue(dir.path()), 100, 30, Ctty::Yes);
    pty.settle(0, Duration::from_millis(600));
    let out = pty.output();
    assert!(String::from_utf8_lossy(&out).contains("Articles (6/6)"));
    assert!(
        rfind(&out, MOUSE_ON).is_none(),
        "the mouse is not asked for"
    );
    pty.type_bytes(b"q");
    assert!(pty.wait_exit().success());
}

/// The colour codes of a first frame drawn for the terminal `term`.
fn first_frame_for(term: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = revue(dir.path());
    cmd.env("TERM", term).env_remove("COLORTERM");
    let mut pty = Pty::spawn(cmd, 100, 30, Ctty::Yes);
    pty.settle(0, Duration::from_millis(600));
    let out = String::from_utf8_lossy(&pty.output()).into_owned();
    assert!(out.contains("Articles (6/6)"), "first frame:\n{out}");
    pty.type_bytes(b"Q");
    pty.wait_exit();
    out
}

/// The colour indexes of the `38;5;N` and `48;5;N` codes in `out`.
/// (crossterm writes even the eight named colours as indexes below 8.)
fn colour_indexes(out: &str) -> Vec<u32> {
    let mut found = Vec::new();
    for code in ["38;5;", "48;5;"] {
        for (at, _) in out.match_indices(code) {
            let digits: String = out[at + code.len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            found.extend(digits.parse::<u32>());
        }
    }
    found
}

#[test]
fn an_eight_colour_terminal_gets_only_the_eight_colours() {
    let rich = first_frame_for("xterm-256color");
    assert!(
        colour_indexes(&rich).iter().any(|&i| i >= 16),
        "256 colours where the terminal has them"
    );
    for term in ["screen", "vt220"] {
        let out = first_frame_for(term);
        let indexes = colour_indexes(&out);
        assert!(!indexes.is_empty(), "{term}: still in colour");
        assert!(indexes.iter().all(|&i| i < 8), "{term}: {indexes:?}");
        for bright in 90..=107 {
            assert!(
                !out.contains(&format!("\x1b[{bright}m")) && !out.contains(&format!(";{bright}m")),
                "{term}: bright colour {bright}"
            );
        }
    }
}

#[test]
fn the_copy_key_alone_sends_the_clipboard_sequence() {
    let (mut pty, _, _dir) = started(Ctty::Yes);
    let osc52 = b"\x1b]52;c;";
    // Moving about and opening the reader copies nothing.
    pty.type_bytes(b"j");
    pty.type_bytes(b"\r");
    let before = pty.settle(0, QUIET);
    assert!(
        rfind(&pty.output(), osc52).is_none(),
        "no copy before the key"
    );
    pty.type_bytes(b"y");
    pty.settle(before, QUIET);
    let out = pty.output();
    let at = rfind(&out, osc52).expect("the copy key sends OSC 52");
    assert!(at >= before, "sent after the key");
    let end = at
        + out[at..]
            .iter()
            .position(|&b| b == 0x07)
            .expect("ended by BEL");
    let body = std::str::from_utf8(&out[at + osc52.len()..end]).unwrap();
    assert!(
        !body.is_empty()
            && body
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b)),
        "{body}"
    );
    assert!(
        String::from_utf8_lossy(&out[end..]).contains("copied to the clipboard"),
        "the status line says so"
    );
    pty.type_bytes(b"Q");
    pty.wait_exit();
}
