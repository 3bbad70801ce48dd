//! Helpers for the end-to-end tests: revue in tmux (a real terminal
//! emulator, read back with capture-pane) and revue on a bare
//! pseudo-terminal (every byte it writes, counted).
//!
//! Every tmux session has its own server on a socket in a fresh temporary
//! folder, so tests run in parallel without sharing anything; every wait is
//! for a condition on the screen, with a deadline, never a fixed sleep.

#![allow(dead_code)]

use std::fs::File;
use std::os::fd::OwnedFd;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use rustix::event::{PollFd, PollFlags};
use std::time::{Duration, Instant};

/// How long any condition may take before a test fails.
pub const DEADLINE: Duration = Duration::from_secs(20);

pub fn revue_bin() -> &'static str {
    env!("CARGO_BIN_EXE_revue")
}

pub fn seeds() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Whether `program` can run; when it cannot, the test is skipped with a
/// message, unless `require_var` is set (CI sets it), where it fails.
pub fn have(program: &str, version_arg: &str, require_var: &str) -> bool {
    let ok = Command::new(program)
        .arg(version_arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok();
    if !ok {
        assert!(
            std::env::var_os(require_var).is_none(),
            "{program} is required here ({require_var} is set) but cannot run"
        );
        eprintln!("{program} not found: skipping (set {require_var} to make this a failure)");
    }
    ok
}

/// Polls `probe` until it returns Some, or fails after [`DEADLINE`] with
/// `what` and the last state seen.
pub fn wait_until<T>(what: &str, mut probe: impl FnMut() -> Result<T, String>) -> T {
    let start = Instant::now();
    loop {
        match probe() {
            Ok(v) => return v,
            Err(last) => {
                assert!(
                    start.elapsed() < DEADLINE,
                    "timed out waiting for {what}; last seen:\n{last}"
                );
                std::thread::sleep(Duration::from_millis(40));
            }
        }
    }
}

/// Whether a process is still there (a zombie counts as gone).
pub fn alive(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => stat
            .rsplit_once(')')
            .is_some_and(|(_, rest)| !rest.trim_start().starts_with('Z')),
        Err(_) => false,
    }
}

/// User plus system CPU time of a process, in clock ticks.
pub fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let Some((_, rest)) = stat.rsplit_once(')') else {
        return 0;
    };
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // After the command name: state is field 3, utime 14 and stime 15.
    let get = |i: usize| fields.get(i - 3).and_then(|f| f.parse::<u64>().ok());
    get(14).unwrap_or(0) + get(15).unwrap_or(0)
}

/// A tmux server of its own, with one window running a shell.
pub struct Tmux {
    pub dir: tempfile::TempDir,
    socket: PathBuf,
}

impl Tmux {
    /// A tmux server at `cols`×`rows` running `command` (a shell command
    /// line, run by `sh -c`) with the pane kept after it exits. None (and a
    /// skip message) when tmux is missing and not required.
    pub fn start(cols: u16, rows: u16, command: &str) -> Option<Tmux> {
        if !have("tmux", "-V", "REVUE_REQUIRE_TMUX") {
            return None;
        }
        let dir = tempfile::tempdir().expect("a temporary folder");
        let socket = dir.path().join("tmux.sock");
        let t = Tmux { dir, socket };
        let out = t.tmux(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            &cols.to_string(),
            "-y",
            &rows.to_string(),
            command,
        ]);
        assert!(
            out.status.success(),
            "tmux starts: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        t.tmux(&["set-option", "-t", "e2e", "remain-on-exit", "on"]);
        Some(t)
    }

    /// A tmux server running an interactive `sh` with a `$ ` prompt, in
    /// the server's temporary folder.
    pub fn shell(cols: u16, rows: u16) -> Option<Tmux> {
        let t = Tmux::start(cols, rows, "env PS1='$ ' HISTFILE=/dev/null sh")?;
        t.send(&["cd", "Space"]);
        t.literal(&t.dir.path().display().to_string());
        t.send(&["Enter"]);
        t.wait_screen("the shell prompt", |s| s.trim_end().ends_with('$'));
        Some(t)
    }

    pub fn tmux(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .env_remove("TMUX")
            .output()
            .expect("tmux runs")
    }

    /// Keys by tmux name (`Enter`, `Escape`, `C-c`, `q`).
    pub fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        assert!(self.tmux(&args).status.success(), "send-keys {keys:?}");
    }

    /// Text typed as it is.
    pub fn literal(&self, text: &str) {
        assert!(
            self.tmux(&["send-keys", "-t", "e2e", "-l", text])
                .status
                .success()
        );
    }

    /// Types a command line in the pane's shell.
    pub fn run(&self, line: &str) {
        self.literal(line);
        self.send(&["Enter"]);
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "e2e"]).stdout)
            .into_owned()
    }

    /// A tmux format (`#{pane_title}`) of the pane.
    pub fn format(&self, fmt: &str) -> String {
        String::from_utf8_lossy(
            &self
                .tmux(&["display-message", "-p", "-t", "e2e", fmt])
                .stdout,
        )
        .trim_end_matches('\n')
        .to_string()
    }

    pub fn resize(&self, cols: u16, rows: u16) {
        let out = self.tmux(&[
            "resize-window",
            "-t",
            "e2e",
            "-x",
            &cols.to_string(),
            "-y",
            &rows.to_string(),
        ]);
        assert!(out.status.success(), "resize-window");
    }

    /// Waits until the screen satisfies `ok`; returns that screen.
    pub fn wait_screen(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        wait_until(what, || {
            let s = self.screen();
            if ok(&s) { Ok(s) } else { Err(s) }
        })
    }

    /// Waits until the screen shows every one of `needles` at once.
    pub fn wait_for(&self, needles: &[&str]) -> String {
        self.wait_screen(&format!("{needles:?}"), |s| {
            needles.iter().all(|n| s.contains(n))
        })
    }

    pub fn alternate_on(&self) -> bool {
        self.format("#{alternate_on}") == "1"
    }

    /// Runs `stty -a` in the pane's shell and returns its settings.
    pub fn stty(&self) -> String {
        self.run("clear; stty -a | tr ' ;' '\\n\\n' | grep -x -e '-\\?icanon' -e '-\\?echo' -e '-\\?isig' -e '-\\?icrnl' -e '-\\?opost' | tr '\\n' ' '; echo STTY-''DONE");
        let s = self.wait_screen("stty output", |s| {
            s.lines().any(|l| l.trim_end().ends_with("STTY-DONE"))
        });
        s.lines()
            .find(|l| l.trim_end().ends_with("STTY-DONE"))
            .unwrap_or_default()
            .to_string()
    }

    /// Asserts the pane's shell is back in a sane, cooked terminal.
    pub fn assert_sane_terminal(&self) {
        assert!(!self.alternate_on(), "the alternate screen is left");
        assert_eq!(self.format("#{cursor_flag}"), "1", "the cursor shows");
        let stty = self.stty();
        for mode in ["icanon", "echo", "isig", "icrnl", "opost"] {
            assert!(
                stty.split_whitespace().any(|m| m == mode),
                "{mode} is back on: {stty}"
            );
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

/// A program on a pseudo-terminal of its own; every byte it writes is kept.
pub struct Pty {
    pub child: Child,
    master: Option<Arc<OwnedFd>>,
    output: Arc<Mutex<(Vec<u8>, Instant)>>,
    stop: Arc<AtomicBool>,
    reader: Option<std::thread::JoinHandle<()>>,
}

/// Whether the child gets the pty as its controlling terminal (and so a
/// SIGHUP when it hangs up).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Ctty {
    Yes,
    No,
}

impl Pty {
    pub fn spawn(mut cmd: Command, cols: u16, rows: u16, ctty: Ctty) -> Pty {
        use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
        let master =
            openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC).expect("a pty");
        grantpt(&master).expect("grantpt");
        unlockpt(&master).expect("unlockpt");
        let name = ptsname(&master, Vec::new()).expect("ptsname");
        let slave: OwnedFd = File::options()
            .read(true)
            .write(true)
            .open(Path::new(name.to_str().expect("a pty name is ASCII")))
            .expect("the pty's slave side")
            .into();
        let winsize = rustix::termios::Winsize {
            ws_row: rows,
            ws_col: cols,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        rustix::termios::tcsetwinsize(&master, winsize).expect("window size");
        cmd.stdin(slave.try_clone().unwrap())
            .stdout(slave.try_clone().unwrap())
            .stderr(slave);
        // A test may name another terminal (`screen`, `vt100`).
        if !cmd.get_envs().any(|(k, _)| k == "TERM") {
            cmd.env("TERM", "xterm-256color");
        }
        // SAFETY: only async-signal-safe system calls between fork and exec.
        unsafe {
            cmd.pre_exec(move || {
                rustix::process::setsid()?;
                if ctty == Ctty::Yes {
                    rustix::process::ioctl_tiocsctty(rustix::stdio::stdin())?;
                }
                Ok(())
            });
        }
        let child = cmd.spawn().expect("the program starts");
        drop(cmd); // closes our copies of the slave side
        let master = Arc::new(master);
        let output = Arc::new(Mutex::new((Vec::new(), Instant::now())));
        let stop = Arc::new(AtomicBool::new(false));
        let reader = {
            let (m, output, stop) = (Arc::clone(&master), Arc::clone(&output), Arc::clone(&stop));
            // Polls with a short timeout so that hang_up can stop it and
            // really close the master (a blocked read would keep it open).
            std::thread::spawn(move || {
                let mut buf = [0u8; 65536];
                let timeout = rustix::time::Timespec {
                    tv_sec: 0,
                    tv_nsec: 20_000_000,
                };
                while !stop.load(Ordering::SeqCst) {
                    let mut fds = [PollFd::new(&*m, PollFlags::IN)];
                    if rustix::event::poll(&mut fds, Some(&timeout)).unwrap_or(0) == 0 {
                        continue;
                    }
                    // EIO once every slave handle is closed: the end.
                    match rustix::io::read(&*m, &mut buf) {
                        Ok(n) if n > 0 => {
                            let mut o = output.lock().unwrap();
                            o.0.extend_from_slice(&buf[..n]);
                            o.1 = Instant::now();
                        }
                        Err(rustix::io::Errno::INTR | rustix::io::Errno::AGAIN) => {}
                        _ => break,
                    }
                }
            })
        };
        Pty {
            child,
            master: Some(master),
            output,
            stop,
            reader: Some(reader),
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Every byte written so far.
    pub fn output(&self) -> Vec<u8> {
        self.output.lock().unwrap().0.clone()
    }

    pub fn len(&self) -> usize {
        self.output.lock().unwrap().0.len()
    }

    /// Waits until output has been quiet for `quiet` after at least one
    /// byte past `from`; returns the byte count then.
    pub fn settle(&self, from: usize, quiet: Duration) -> usize {
        wait_until("output to settle", || {
            let o = self.output.lock().unwrap();
            if o.0.len() > from && o.1.elapsed() >= quiet {
                Ok(o.0.len())
            } else {
                Err(format!("{} bytes so far", o.0.len()))
            }
        })
    }

    /// Types bytes as a user would.
    pub fn type_bytes(&mut self, bytes: &[u8]) {
        let m = self.master.as_ref().expect("the pty is open");
        let mut rest = bytes;
        while !rest.is_empty() {
            let n = rustix::io::write(&**m, rest).expect("typing");
            rest = &rest[n..];
        }
    }

    /// The terminal's modes as the program left them.
    pub fn termios(&self) -> rustix::termios::Termios {
        rustix::termios::tcgetattr(&**self.master.as_ref().expect("the pty is open"))
            .expect("tcgetattr")
    }

    /// Closes the terminal, as a dropped SSH connection does.
    pub fn hang_up(&mut self) {
        self.stop_reading();
        self.master = None;
    }

    fn stop_reading(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(r) = self.reader.take() {
            let _ = r.join();
        }
    }

    /// Waits for the program to exit, and for the last bytes it wrote to
    /// be read (they may still be in the pty when it is gone); its status.
    pub fn wait_exit(&mut self) -> std::process::ExitStatus {
        let status = wait_until("the program to exit", || match self.child.try_wait() {
            Ok(Some(st)) => Ok(st),
            _ => Err(format!("pid {} still running", self.child.id())),
        });
        if let Some(reader) = &self.reader {
            wait_until("its output to end", || {
                if reader.is_finished() {
                    Ok(())
                } else {
                    Err("the pty is still open".to_string())
                }
            });
        }
        status
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.stop_reading();
    }
}

/// Where in `haystack` the last `needle` starts.
pub fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}
