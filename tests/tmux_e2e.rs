//! End to end in a real terminal: revue runs in tmux at 100×30, keys are
//! sent, and the screen is read back. Skipped when tmux is missing, unless
//! REVUE_REQUIRE_TMUX is set (CI sets it, so there it must run).

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

struct Session {
    name: String,
    socket: PathBuf,
    _dir: tempfile::TempDir,
}

impl Session {
    fn start(cmd: &str) -> Option<Session> {
        if Command::new("tmux").arg("-V").output().is_err() {
            assert!(
                std::env::var_os("REVUE_REQUIRE_TMUX").is_none(),
                "tmux is required here but missing"
            );
            eprintln!("tmux not found: skipping");
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        let socket = dir.path().join("tmux.sock");
        let name = "revue-e2e".to_string();
        let s = Session {
            name,
            socket,
            _dir: dir,
        };
        let ok = s
            .tmux(&[
                "new-session",
                "-d",
                "-x",
                "100",
                "-y",
                "30",
                "-s",
                &s.name,
                "sh",
            ])
            .status
            .success();
        assert!(ok, "tmux starts");
        s.tmux(&["set-option", "-t", &s.name, "remain-on-exit", "on"]);
        s.keys(&[cmd, "Enter"]);
        Some(s)
    }

    fn tmux(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.name];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    fn literal(&self, text: &str) {
        self.tmux(&["send-keys", "-t", &self.name, "-l", text]);
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", &self.name]).stdout)
            .into_owned()
    }

    /// Waits until the screen contains `needle`, and returns the screen.
    fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(needle) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "timed out waiting for {needle:?}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn alternate_screen_on(&self) -> bool {
        let out = self.tmux(&["display-message", "-p", "-t", &self.name, "#{alternate_on}"]);
        String::from_utf8_lossy(&out.stdout).trim() == "1"
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

#[test]
fn dashboard_query_reader_and_quit_in_tmux() {
    let bin = env!("CARGO_BIN_EXE_revue");
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let Some(s) = Session::start(&format!(
        "TERM=xterm-256color {bin} {}; echo EXIT=$?",
        seeds.display()
    )) else {
        return;
    };
    let screen = s.wait_for("Articles (6/6)");
    assert!(screen.contains("Entities ("), "{screen}");
    assert!(screen.contains("Timeline ("), "{screen}");
    assert!(screen.contains("Vladimir Poutine"), "{screen}");
    assert!(s.alternate_screen_on());

    s.keys(&["/"]);
    s.literal("erdo");
    let screen = s.wait_for("Articles (3/6)");
    assert!(screen.contains("3 articles"), "{screen}");

    s.keys(&["Enter", "Enter"]);
    let screen = s.wait_for("Reader");
    assert!(screen.contains("Erdo"), "{screen}");
    s.keys(&["Escape"]);
    s.wait_for("Articles (3/6)");

    s.keys(&["q"]);
    let screen = s.wait_for("EXIT=0");
    assert!(!s.alternate_screen_on(), "the alternate screen is left");
    assert!(
        !screen.contains("Articles ("),
        "the dashboard is gone after quit:\n{screen}"
    );
}
