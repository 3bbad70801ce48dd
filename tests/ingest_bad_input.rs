//! Bad input, each with a clear warning and nothing else lost: the
//! fixtures of tests/fixtures/bad/ (empty, blank, binary, Windows-1252,
//! BOM + CRLF, UTF-16, an impossible header date, `*****` everywhere), and,
//! made at test time, a 10 MB file, a 5 MB line (one sentence, cut for
//! extraction with a warning), an unreadable folder and
//! file, symlink loops, a file name full of escape sequences and a path
//! that does not exist. `revue check` lists them; the views keep the rest.

mod cli_common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use cli_common::{Sandbox, stderr, stdout};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The bad fixtures copied into `dir/bad`.
fn copy_bad(dir: &Path) -> PathBuf {
    let to = dir.join("bad");
    std::fs::create_dir(&to).unwrap();
    for e in std::fs::read_dir(fixtures().join("bad")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
    to
}

fn is_root() -> bool {
    rustix::process::geteuid().is_root()
}

/// The line `revue check` printed for a file name.
fn line_for<'a>(out: &'a str, name: &str) -> &'a str {
    out.lines()
        .find(|l| l.split(": ").next().is_some_and(|p| p.ends_with(name)))
        .unwrap_or_else(|| panic!("no line for {name} in:\n{out}"))
}

fn assert_no_controls(what: &str, s: &str) {
    assert!(
        !s.chars().any(|c| c.is_control() && c != '\n' && c != '\t'),
        "{what} holds a control character: {s:?}"
    );
}

#[test]
fn check_lists_every_file_with_its_problem() {
    let sb = Sandbox::new();
    let bad = copy_bad(sb.path());
    // An unreadable folder and file (root reads them anyway).
    let locked = bad.join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::write(locked.join("inside.txt"), "Un article.\n").unwrap();
    std::fs::write(bad.join("secret.txt"), "Un autre.\n").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::set_permissions(
        bad.join("secret.txt"),
        std::fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    // Symlink loops: a folder back to its parent, a link to itself.
    std::os::unix::fs::symlink(&bad, bad.join("loop")).unwrap();
    std::os::unix::fs::symlink("self.txt", bad.join("self.txt")).unwrap();
    // A name that would drive a terminal if printed as it is.
    std::fs::write(bad.join("\x1b]0;PWNED-NAME\x07.txt"), "").unwrap();

    let out = sb.run(&["check", "bad", "missing.txt"]);
    let text = stdout(&out);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(out.status.code(), Some(1), "{text}{}", stderr(&out));
    assert_no_controls("revue check", &text);

    let expect = [
        ("empty.txt", "no article text (empty file)"),
        ("blank.txt", "no article text (empty file)"),
        ("image.txt", "skipped: binary file (NUL bytes)"),
        (
            "latin1.txt",
            "not valid UTF-8; 12 bytes decoded as Windows-1252/Latin-1 [1 article read]",
        ),
        (
            "bad_date.txt",
            "impossible header date `2017-13-45`: date ignored, text kept [1 article read]",
        ),
        (
            "bom_crlf.txt",
            "ok, 1 article (UTF-8 byte-order mark removed; CRLF line endings)",
        ),
        ("utf16.txt", "ok, 1 article (decoded as UTF-16LE)"),
        (
            "stars.txt",
            "ok, 2 articles (3 empty part(s) around `*****` separators skipped)",
        ),
        ("loop", "symlink loop back to"),
        ("self.txt", "symlink loop: not followed"),
        ("missing.txt", "does not exist"),
        ("]0;PWNED-NAME .txt", "no article text (empty file)"),
    ];
    for (name, says) in expect {
        let line = line_for(&text, name);
        assert!(line.contains(says), "{name}: {line:?} should say {says:?}");
    }
    if is_root() {
        eprintln!(
            "running as root: permissions do not block reads; unreadable-path checks skipped"
        );
    } else {
        assert!(
            line_for(&text, "locked").contains("cannot read folder"),
            "{text}"
        );
        assert!(
            line_for(&text, "secret.txt").contains("cannot read"),
            "{text}"
        );
    }
    let summary = text.lines().last().unwrap();
    assert!(summary.contains("with problems"), "{summary}");
}

#[test]
fn check_exits_0_when_all_is_well_and_2_on_error() {
    let sb = Sandbox::new();
    let out = sb.run(&["check", &cli_common::seeds()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(stdout(&out).lines().count(), 6, "five files and a summary");
    assert!(stdout(&out).ends_with("5 inputs: 5 fine, 0 with problems; 6 articles\n"));
    sb.config("[corpus]\npahts = [\"x\"]\n");
    let out = sb.run(&["check"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn bad_files_lose_nothing_else() {
    let sb = Sandbox::new();
    copy_bad(sb.path());
    let out = sb.run(&["articles", "--format", "json", "--no-state", "bad"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let titles: Vec<&str> = v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    for t in [
        "Poutine reçoit Assad à Sotchi",
        "Visite de Poutine à Ankara",
        "Sommet à Astana",
        "Premier article",
        "Second article",
        "Assad remercie Poutine",
    ] {
        assert!(titles.contains(&t), "{t:?} kept: {titles:?}");
    }
    assert_eq!(titles.len(), 6, "{titles:?}");
    let warnings = stderr(&out);
    for name in [
        "empty.txt",
        "blank.txt",
        "image.txt",
        "latin1.txt",
        "bad_date.txt",
    ] {
        assert!(
            warnings
                .lines()
                .any(|l| l.starts_with("revue: warning: ") && l.contains(name)),
            "a warning for {name}:\n{warnings}"
        );
    }
    let dated = v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Visite de Poutine à Ankara")
        .unwrap();
    assert_eq!(dated["date"], "2017-09-28", "the BOM hid no header");
}

#[test]
fn a_10_mb_file_and_a_5_mb_line_are_read_whole() {
    let sb = Sandbox::new();
    let part = "Titre de l'article\n\nLe président russe Vladimir Poutine a reçu lundi à Sotchi \
                le président syrien Bachar al-Assad. "
        .repeat(40);
    let parts = 10 * 1024 * 1024 / (part.len() + 7) + 1;
    let big: Vec<&str> = std::iter::repeat_n(part.as_str(), parts).collect();
    std::fs::write(sb.path().join("big.txt"), big.join("\n*****\n")).unwrap();
    let line = "Poutine rencontre Erdogan à Sotchi le lundi 20 novembre puis Assad ".repeat(80_000);
    std::fs::write(
        sb.path().join("line.txt"),
        format!("Une seule ligne\n{line}\n"),
    )
    .unwrap();
    assert!(std::fs::metadata(sb.path().join("big.txt")).unwrap().len() >= 10 << 20);
    assert!(line.len() >= 5 << 20);

    let out = sb.run(&["check", "big.txt", "line.txt"]);
    let text = stdout(&out);
    // The line is one sentence: read whole, but cut for extraction, and
    // said so (issue 13: a limit is never applied in silence).
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        line_for(&text, "big.txt").ends_with(&format!("ok, {parts} articles")),
        "{text}"
    );
    assert!(
        line_for(&text, "line.txt").ends_with(&format!(
            "1 sentence(s) over 4096 bytes (the longest {} bytes): cut into pieces of \
             at most 4096 bytes for extraction, text kept whole [1 article read]",
            line.trim().len()
        )),
        "{text}"
    );
}
