//! Running the binary as a user would, in a temporary folder that is both
//! the working directory and the home: no config.toml is found unless the
//! test writes one, whatever the machine has in ~/.config, and the model
//! cache starts empty.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// A scratch folder to run in.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Self {
        Sandbox {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `./config.toml` (the file revue finds first after --config).
    pub fn config(&self, text: &str) -> &Self {
        self.write("config.toml", text);
        self
    }

    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let p = self.path().join(name);
        std::fs::write(&p, text).expect("write a file in the sandbox");
        p
    }

    /// `revue` with this folder as working directory and home.
    pub fn revue(&self) -> Command {
        let mut c = Command::cargo_bin("revue").expect("the binary is built");
        c.current_dir(self.path())
            .env("HOME", self.path())
            .env("XDG_CONFIG_HOME", self.path().join("xdg"))
            .env("XDG_CACHE_HOME", self.path().join("xdg-cache"))
            .env_remove("NO_COLOR")
            .env_remove("TERM");
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.revue().args(args).output().expect("revue runs")
    }
}

/// The seed articles of the repository.
pub fn seeds() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .to_string_lossy()
        .into_owned()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
