//! The binary, run as a user would: export, exit codes, config errors, the
//! built-in seeds.

use std::path::PathBuf;

use assert_cmd::Command;

fn revue() -> Command {
    Command::cargo_bin("revue").expect("the binary is built")
}

fn seeds() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn export(args: &[&str]) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let out = revue()
        .current_dir(dir.path())
        .arg("export")
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the export is JSON")
}

#[test]
fn export_follows_the_schema() {
    let v = export(&["--format", "json", seeds().to_str().unwrap()]);
    let articles = v["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 6);
    let a = &articles[0];
    assert_eq!(a["id"], "000_547d6bcc8b194531.txt#1");
    assert_eq!(a["file"], "000_547d6bcc8b194531.txt");
    assert_eq!(a["part"], 1);
    assert_eq!(a["date"], "2017-11-21");
    assert_eq!(a["date_precision"], "day");
    assert_eq!(a["date_source"], "header");
    assert_eq!(a["lang"], "fr");
    assert_eq!(articles[5]["date"], "2017-09");
    let putin = v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["canonical"] == "Vladimir Poutine")
        .expect("Putin exported");
    assert_eq!(putin["type"], "PER");
    assert!(
        putin["aliases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "Poutine")
    );
    let events = v["events"].as_array().unwrap();
    assert!(!events.is_empty());
    for e in events {
        for field in [
            "date",
            "precision",
            "type",
            "description",
            "participants",
            "articles",
            "evidence",
        ] {
            assert!(!e[field].is_null(), "event lacks {field}: {e}");
        }
    }
}

#[test]
fn without_config_or_seeds_the_built_in_seeds_open() {
    let v = export(&[]);
    assert_eq!(v["articles"].as_array().unwrap().len(), 6);
}

#[test]
fn a_query_narrows_the_export_and_no_match_exits_1() {
    let v = export(&["--query", "erdo", seeds().to_str().unwrap()]);
    assert_eq!(v["articles"].as_array().unwrap().len(), 3);
    let dir = tempfile::tempdir().unwrap();
    revue()
        .current_dir(dir.path())
        .args(["export", "--query", "zzzqqq"])
        .assert()
        .code(1);
}

#[test]
fn a_bad_config_names_file_line_and_column_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "[corpus]\npaths = [\"seeds\"]\ncolour = 1\n",
    )
    .unwrap();
    let out = revue()
        .current_dir(dir.path())
        .arg("export")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("config.toml:3:1"), "{err}");
    assert!(err.contains("colour"), "{err}");
}

#[test]
fn an_unreadable_path_is_a_warning_not_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    let out = revue()
        .current_dir(dir.path())
        .args(["export", "missing-folder", seeds().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("missing-folder") && err.contains("warning"),
        "{err}"
    );
}

#[test]
fn the_dashboard_refuses_a_pipe_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let out = revue().current_dir(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs a terminal"));
}
