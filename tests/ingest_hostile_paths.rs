//! Paths a careless or hostile user may hand revue, each refused or cut
//! with a warning, and none able to hang it or exhaust memory: a device and
//! a FIFO named on the command line, a FIFO as the config, a file over
//! `[corpus] max_file_size`, symlinks leading out of the corpus, and a
//! folder 1,000 levels deep. Every run has a timeout: before the fixes a
//! FIFO made revue wait forever.

mod cli_common;

use std::path::Path;
use std::time::Duration;

use cli_common::{Sandbox, stderr, stdout};

fn mkfifo(p: &Path) {
    rustix::fs::mkfifoat(rustix::fs::CWD, p, rustix::fs::Mode::from_raw_mode(0o600))
        .expect("mkfifo");
}

fn run(sb: &Sandbox, args: &[&str]) -> std::process::Output {
    sb.revue()
        .args(args)
        .timeout(Duration::from_secs(60))
        .output()
        .expect("revue runs")
}

fn titles(out: &std::process::Output) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", stdout(out), stderr(out)));
    v["articles"]
        .as_array()
        .expect("an article list")
        .iter()
        .map(|a| a["title"].as_str().expect("a title").to_string())
        .collect()
}

#[test]
fn a_device_and_a_fifo_on_the_command_line_are_refused() {
    let sb = Sandbox::new();
    sb.write(
        "a.txt",
        "Poutine reçoit Assad\n\nLe président russe a reçu Assad.\n",
    );
    mkfifo(&sb.path().join("fifo.txt"));
    let args = ["articles", "--format", "json", "--no-state", "--no-cache"];
    let out = run(
        &sb,
        &[&args[..], &["/dev/zero", "fifo.txt", "a.txt"]].concat(),
    );
    assert_eq!(titles(&out), ["Poutine reçoit Assad"]);
    let err = stderr(&out);
    for (name, what) in [("/dev/zero", "a character device"), ("fifo.txt", "a FIFO")] {
        assert!(
            err.lines()
                .any(|l| l.contains(name) && l.contains(&format!("skipped: {what}"))),
            "{name}: {err}"
        );
    }
}

#[test]
fn a_fifo_in_a_folder_or_as_the_config_does_not_hang() {
    let sb = Sandbox::new();
    std::fs::create_dir(sb.path().join("corpus")).unwrap();
    sb.write("corpus/a.txt", "Un article.\n");
    mkfifo(&sb.path().join("corpus/fifo.txt"));
    let out = run(&sb, &["check", "corpus"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    mkfifo(&sb.path().join("config.toml"));
    let out = run(&sb, &["articles", "corpus"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("config.toml: cannot read: not a regular file (a FIFO)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_file_over_the_size_limit_is_cut_with_a_warning() {
    let sb = Sandbox::new();
    sb.config("[corpus]\nmax_file_size = \"1 kB\"\n");
    // The limit falls inside `é`: the cut must not break the encoding.
    let text = format!("Un titre\n\n{}", "Le président a parlé. ".repeat(100));
    sb.write("big.txt", &text);
    let out = run(
        &sb,
        &["articles", "--format", "json", "--no-state", "big.txt"],
    );
    assert_eq!(titles(&out), ["Un titre"]);
    let err = stderr(&out);
    let warning = err
        .lines()
        .find(|l| l.contains("big.txt"))
        .unwrap_or_else(|| panic!("a warning naming the file: {err}"));
    assert!(
        warning.contains(&format!("{} bytes, over the limit of 1000", text.len()))
            && warning.contains("only the first 999 bytes read"),
        "{warning}"
    );
    assert!(!err.contains("Windows-1252"), "{err}");
}

#[test]
fn symlinks_leaving_the_corpus_are_skipped_unless_allowed() {
    let sb = Sandbox::new();
    let corpus = sb.path().join("corpus");
    let outside = sb.path().join("outside");
    std::fs::create_dir_all(corpus.join("sub")).unwrap();
    std::fs::create_dir(&outside).unwrap();
    sb.write("corpus/sub/in.txt", "Dedans\n\nUn article du corpus.\n");
    sb.write("outside/out.txt", "Dehors\n\nUn fichier hors du corpus.\n");
    sb.write("secret.txt", "Secret\n\nUn autre fichier hors du corpus.\n");
    std::os::unix::fs::symlink(&outside, corpus.join("away")).unwrap();
    std::os::unix::fs::symlink("../secret.txt", corpus.join("secret.txt")).unwrap();
    // A link that stays inside is followed (its file is read once).
    std::os::unix::fs::symlink("sub", corpus.join("alias")).unwrap();
    let args = ["articles", "--format", "json", "--no-state", "--no-cache"];

    let out = run(&sb, &[&args[..], &["corpus"]].concat());
    assert_eq!(titles(&out), ["Dedans"]);
    let err = stderr(&out);
    for link in ["away", "secret.txt"] {
        assert!(
            err.lines().any(|l| l.contains(&format!("corpus/{link}"))
                && l.contains("outside the corpus paths: skipped")),
            "{link}: {err}"
        );
    }

    sb.config("[corpus]\nfollow_links = true\n");
    let out = run(&sb, &[&args[..], &["corpus"]].concat());
    let mut got = titles(&out);
    got.sort();
    assert_eq!(got, ["Dedans", "Dehors", "Secret"], "{}", stderr(&out));
    assert!(!stderr(&out).contains("outside the corpus"));
}

#[test]
fn a_folder_1000_levels_deep_is_walked() {
    let sb = Sandbox::new();
    let mut deep = sb.path().join("deep");
    for _ in 0..1000 {
        deep.push("d");
    }
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(deep.join("a.txt"), "Tout au fond\n\nUn article.\n").unwrap();
    let out = run(
        &sb,
        &[
            "articles",
            "--format",
            "json",
            "--no-state",
            "--no-cache",
            "deep",
        ],
    );
    assert_eq!(titles(&out), ["Tout au fond"], "{}", stderr(&out));
}
