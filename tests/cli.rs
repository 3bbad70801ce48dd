//! The binary, run as a user would: export, exit codes, config lookup, the
//! built-in seeds, completions and the man page.

mod cli_common;

use cli_common::{Sandbox, seeds, stderr, stdout};

fn export(args: &[&str]) -> serde_json::Value {
    let sb = Sandbox::new();
    let out = sb.revue().arg("export").args(args).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("the export is JSON")
}

#[test]
fn export_follows_the_schema() {
    let v = export(&["--format", "json", &seeds()]);
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
fn without_config_or_seeds_the_built_in_seeds_print_only_with_demo() {
    let v = export(&["--demo"]);
    assert_eq!(v["articles"].as_array().unwrap().len(), 6);
    let sb = Sandbox::new();
    let out = sb.run(&["export"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn a_query_narrows_the_export_and_no_match_exits_1() {
    let v = export(&["--query", "erdo", &seeds()]);
    assert_eq!(v["articles"].as_array().unwrap().len(), 3);
    let sb = Sandbox::new();
    sb.revue()
        .args(["export", "--demo", "--query", "zzzqqq"])
        .assert()
        .code(1);
}

#[test]
fn exit_status_is_0_on_a_match_1_on_none_2_on_error() {
    let sb = Sandbox::new();
    let s = seeds();
    let code = |args: &[&str]| sb.run(args).status.code();
    assert_eq!(code(&["articles", "-f", "tsv", &s]), Some(0));
    assert_eq!(code(&["events", "-q", "#meeting", &s]), Some(0));
    assert_eq!(code(&["entities", "-f", "md", "-q", "zzzqqq", &s]), Some(1));
    assert_eq!(code(&["events", "-q", "date:1990", &s]), Some(1));
    // A bad query term, a bad flag value, a missing config file, a preset
    // without a config, and TSV of the whole export are errors.
    for args in [
        &["articles", "-q", "#party", &s][..],
        &["articles", "--format", "xml", &s],
        &["articles", "--sort", "newest", &s],
        &["--config", "missing.toml", "articles", &s],
        &["articles", "--preset", "anything", &s],
        &["export", "--format", "tsv", &s],
    ] {
        let out = sb.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}: data on stdout");
        assert!(!stderr(&out).is_empty(), "{args:?}: no message");
    }
    let out = sb.run(&["articles", "-q", "#party", &s]);
    assert!(stderr(&out).contains("unknown event type `#party`"));
}

#[test]
fn a_bad_config_names_file_line_and_column_and_exits_2() {
    let sb = Sandbox::new();
    sb.config("[corpus]\npaths = [\"seeds\"]\ncolour = 1\n");
    let out = sb.run(&["export"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("config.toml:3:1"), "{err}");
    assert!(err.contains("colour"), "{err}");
}

#[test]
fn an_unreadable_file_in_a_folder_is_a_warning_not_a_failure() {
    let sb = Sandbox::new();
    let corpus = sb.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::copy(
        std::path::Path::new(&seeds()).join("000_547d6bcc8b194531.txt"),
        corpus.join("a.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink(sb.path().join("gone.txt"), corpus.join("broken.txt")).unwrap();
    let out = sb.run(&["export", "corpus"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("broken.txt") && err.contains("warning"),
        "{err}"
    );
}

#[test]
fn the_dashboard_refuses_a_pipe_with_a_clear_message() {
    let sb = Sandbox::new();
    let out = sb.run(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("needs a terminal"));
}

#[test]
fn config_path_names_the_file_in_use() {
    let sb = Sandbox::new();
    let path = |sb: &Sandbox, args: &[&str]| {
        let out = sb
            .revue()
            .args(["config", "path"])
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out).trim().to_string()
    };
    assert_eq!(path(&sb, &[]), "built-in defaults");
    let user = sb.path().join("xdg/revue");
    std::fs::create_dir_all(&user).unwrap();
    std::fs::write(user.join("config.toml"), "").unwrap();
    assert_eq!(path(&sb, &[]), user.join("config.toml").to_string_lossy());
    sb.config("");
    assert_eq!(path(&sb, &[]), "config.toml");
    sb.write("other.toml", "");
    assert_eq!(path(&sb, &["--config", "other.toml"]), "other.toml");
    sb.revue()
        .args(["config", "path", "--config", "nope.toml"])
        .assert()
        .code(2);
}

#[test]
fn config_check_exits_0_on_a_valid_file_and_2_on_a_bad_one() {
    let sb = Sandbox::new();
    let out = sb.run(&["config", "check"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("built-in defaults"));
    sb.config("[[preset]]\nname = \"a\"\nquery = \"erdo\"\n");
    let out = sb.run(&["config", "check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("config.toml: ok (1 presets"));
    sb.config("[[preset]]\nname = \"a\"\ndate = \"2017-02-30\"\n");
    let out = sb.run(&["config", "check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("config.toml:3:8: bad date range"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_repository_config_is_valid_and_each_preset_finds_something() {
    let repo = concat!(env!("CARGO_MANIFEST_DIR"), "/config.toml");
    let sb = Sandbox::new();
    let out = sb.run(&["--config", repo, "config", "check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = sb.run(&["--config", repo, "presets"]);
    assert!(out.status.success());
    let listing = stdout(&out);
    let names: Vec<&str> = listing
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(names.len() >= 3, "{listing}");
    for name in names {
        let out = sb.run(&["--config", repo, "articles", "--preset", name, "-f", "tsv"]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "preset {name}: {}",
            stderr(&out)
        );
        let all = 6 + 1;
        assert!(
            stdout(&out).lines().count() < all,
            "preset {name} narrows nothing"
        );
    }
}

#[test]
fn presets_lists_names_descriptions_and_queries() {
    let sb = Sandbox::new();
    sb.config(
        "[[preset]]\nname = \"sotchi\"\ndescription = \"Novembre 2017\"\ndate = \"2017-11\"\n\n\
         [[preset]]\nname = \"turkey\"\nentity = \"Recep Tayyip Erdogan\"\n",
    );
    let out = sb.run(&["presets"]);
    assert!(out.status.success());
    assert_eq!(
        stdout(&out),
        "sotchi  Novembre 2017  [date:2017-11]\nturkey  [@Recep_Tayyip_Erdogan]\n"
    );
}

#[test]
fn completions_and_the_man_page_come_from_the_clap_definitions() {
    let sb = Sandbox::new();
    for (shell, marker) in [
        ("bash", "complete -F _revue"),
        ("zsh", "#compdef revue"),
        ("fish", "complete -c revue"),
    ] {
        let out = sb.run(&["completions", shell]);
        assert!(out.status.success(), "{shell}");
        let script = stdout(&out);
        assert!(script.contains(marker), "{shell}");
        for word in ["articles", "export", "preset", "format", "date-asc"] {
            assert!(script.contains(word), "{shell} completes {word}");
        }
    }
    let out = sb.run(&["man"]);
    assert!(out.status.success());
    let page = stdout(&out);
    assert!(
        page.starts_with(".ie"),
        "roff: {}",
        &page[..40.min(page.len())]
    );
    for word in [
        ".TH revue",
        "REVUE ARTICLES",
        "\\-\\-limit",
        "\\-\\-sort",
        "date\\-asc",
    ] {
        assert!(page.contains(word), "the man page lacks {word}");
    }
}

/// A program linking revue has the allocator options set without calling
/// anything (the library sets them before `main`). That they come before
/// the first allocation shows in memory only: `BENCHMARKS.md`, "Memory".
#[test]
fn the_allocator_options_are_set_in_every_program_linking_revue() {
    assert!(revue::returns_freed_memory());
}

#[test]
fn a_closed_stdout_ends_each_command_quietly() {
    let sb = Sandbox::new();
    sb.config("[[preset]]\nname = \"a\"\nquery = \"erdo\"\n");
    let s = seeds();
    for args in [
        &["config", "path"][..],
        &["config", "check"],
        &["check"],
        &["check", &s],
        &["presets"],
        &["articles", &s],
        &["--help"],
    ] {
        // The reader is gone before revue writes a byte (`revue … | true`).
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_revue"))
            .current_dir(sb.path())
            .env("HOME", sb.path())
            .env("XDG_CONFIG_HOME", sb.path().join("xdg"))
            .env("XDG_CACHE_HOME", sb.path().join("xdg-cache"))
            .env("XDG_STATE_HOME", sb.path().join("xdg-state"))
            .args(args)
            .stdout(writer)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert!(
            !stderr(&out).contains("panicked"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn a_preset_name_with_an_invisible_character_is_a_config_error() {
    let sb = Sandbox::new();
    sb.config("[[preset]]\nname = \"sy\u{202E}rie\"\nquery = \"erdo\"\n");
    let out = sb.run(&["config", "check"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("config.toml:2:8:") && err.contains("U+202E"),
        "{err}"
    );
    assert!(
        !err.contains('\u{202E}'),
        "the message shows it as a space: {err}"
    );
}
