//! A bad config.toml, as a user meets it: the message names the file, the
//! line and the column, shows the line, and suggests the nearest valid name
//! for a misspelt key or preset; the exit status is 2 and nothing else
//! happens (no half-configured dashboard, no data on stdout).

mod cli_common;

use cli_common::{Sandbox, seeds, stderr};

/// Runs `args` with `config` as ./config.toml; expects exit 2 and returns
/// the message.
fn fails(config: &str, args: &[&str]) -> String {
    let sb = Sandbox::new();
    sb.config(config);
    let out = sb.run(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    assert!(out.stdout.is_empty(), "data on stdout: {:?}", out.stdout);
    let err = stderr(&out);
    assert!(err.starts_with("revue: "), "{err}");
    err
}

#[test]
fn a_misspelt_key_names_file_line_column_and_the_nearest_key() {
    let err = fails(
        "# my corpus\n[corpus]\npahts = [\"seeds\"]\n",
        &["articles", &seeds()],
    );
    assert!(
        err.starts_with("revue: config.toml:3:1: unknown field `pahts`"),
        "{err}"
    );
    assert!(err.contains("did you mean `paths`?"), "{err}");
    assert!(err.contains("3 | pahts = [\"seeds\"]\n  | ^^^^^"), "{err}");
}

#[test]
fn misspelt_keys_anywhere_get_a_suggestion() {
    for (config, at, near) in [
        ("[ui]\nthme = \"dark\"\n", "config.toml:2:1:", "theme"),
        ("[ui]\ntheme = \"drak\"\n", "config.toml:2:9:", "dark"),
        (
            "[ui]\nlayout = \"stacket\"\n",
            "config.toml:2:10:",
            "stacked",
        ),
        ("[keys]\nqiut = \"x\"\n", "config.toml:2:1:", "quit"),
        ("[keys]\nopen = \"entr\"\n", "config.toml:2:8:", "enter"),
        (
            "[[preset]]\nname = \"a\"\nsrot = \"date\"\n",
            "config.toml:3:1:",
            "sort",
        ),
        (
            "[[preset]]\nname = \"a\"\nsort = \"dat\"\n",
            "config.toml:3:8:",
            "date",
        ),
        (
            "[[preset]]\nname = \"a\"\ntype = \"meetng\"\n",
            "config.toml:3:8:",
            "meeting",
        ),
        (
            "[[preset]]\nname = \"a\"\npane = \"timelin\"\n",
            "config.toml:3:8:",
            "timeline",
        ),
        ("[[presets]]\nname = \"a\"\n", "config.toml:1:3:", "preset"),
    ] {
        let err = fails(config, &["config", "check"]);
        assert!(err.starts_with(&format!("revue: {at} ")), "{config}: {err}");
        assert!(
            err.contains(&format!("did you mean `{near}`?")),
            "{config}: {err}"
        );
    }
}

#[test]
fn bad_values_are_errors_at_their_position() {
    for (config, at, what) in [
        (
            "[[preset]]\nname = \"a\"\ndate = \"2017-13\"\n",
            "config.toml:3:8:",
            "bad date range `2017-13`",
        ),
        (
            "[[preset]]\nname = \"a\"\ndate = \"2018..2015\"\n",
            "config.toml:3:8:",
            "ends (2015) before it starts (2018)",
        ),
        (
            "[[preset]]\nname = \"a\"\nquery = \"@x #party\"\n",
            "config.toml:3:9:",
            "unknown event type `#party`",
        ),
        (
            "[[preset]]\nname = \"a\"\nlang = \"de\"\n",
            "config.toml:3:8:",
            "unknown language `de`",
        ),
        (
            "[[preset]]\nname = \"a\"\n[[preset]]\nname = \"a\"\n",
            "config.toml:4:8:",
            "duplicate preset name `a` (first defined on line 2)",
        ),
        (
            "[[preset]]\ndescription = \"no name\"\n",
            "config.toml:1:1:",
            "missing field `name`",
        ),
        (
            "[ui]\narticles_percent = 5\n",
            "config.toml:2:20:",
            "10 to 90 percent",
        ),
        ("[ui]\npanes = []\n", "config.toml:2:9:", "no panes"),
        (
            "[keys]\ndown = \"j\"\nup = \"j\"\n",
            "config.toml:3:6:",
            "`j` is bound to both `down` and `up`",
        ),
        // A key the defaults give to another action of the same screen.
        (
            "[keys]\nquit = \"j\"\n",
            "config.toml:2:8:",
            "`j` is bound to both `quit` and `down` in the dashboard",
        ),
        (
            "[keys]\npicker_down = \"j\"\n",
            "config.toml:2:15:",
            "the preset picker takes typed characters as text",
        ),
        (
            "[corpus]\npaths = \"seeds\"\n",
            "config.toml:2:9:",
            "invalid type",
        ),
        ("[corpus\n", "config.toml:1:8:", "unclosed table"),
    ] {
        let err = fails(config, &["config", "check"]);
        assert!(err.starts_with(&format!("revue: {at} ")), "{config}: {err}");
        assert!(err.contains(what), "{config}: {err}");
    }
}

#[test]
fn a_misspelt_preset_suggests_the_nearest_name() {
    let config = "[[preset]]\nname = \"syria-military\"\ntype = \"military\"\n\n\
                  [[preset]]\nname = \"turkey\"\nentity = \"Erdogan\"\n";
    let err = fails(
        config,
        &["articles", "--preset", "syria-militray", &seeds()],
    );
    assert_eq!(
        err.trim_end(),
        "revue: config.toml: no preset named `syria-militray`; did you mean `syria-military`?"
    );
    let err = fails(config, &["export", "--preset", "iran", &seeds()]);
    assert!(err.contains("(presets: syria-military, turkey)"), "{err}");
    // The dashboard checks the preset before it needs a terminal.
    let err = fails(config, &["--preset", "turky", &seeds()]);
    assert!(err.contains("did you mean `turkey`?"), "{err}");
}

#[test]
fn a_bad_config_never_opens_the_dashboard() {
    let err = fails("[ui]\ntheme = \"solarized\"\n", &[&seeds()]);
    assert!(err.contains("config.toml:2:9"), "{err}");
    assert!(!err.contains("terminal"), "{err}");
}

#[test]
fn an_explicit_config_wins_and_its_errors_name_it() {
    let sb = Sandbox::new();
    sb.config("[[preset]]\nname = \"local\"\n");
    sb.write("team.toml", "[[preset]]\nname = \"team\"\nbad = 1\n");
    let out = sb.run(&["--config", "team.toml", "presets"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.starts_with("revue: team.toml:3:1: unknown field `bad`"),
        "{err}"
    );
}

#[test]
fn corpus_paths_and_extensions_come_from_the_config() {
    let sb = Sandbox::new();
    let dir = sb.path().join("news");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("a.story"), "Poutine rencontre Erdogan à Sotchi.\n").unwrap();
    std::fs::write(dir.join("b.txt"), "Assad est reçu à Moscou.\n").unwrap();
    sb.config("[corpus]\npaths = [\"news\"]\nextensions = [\"story\"]\n");
    let out = sb.run(&["articles", "-f", "tsv"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let tsv = String::from_utf8(out.stdout).unwrap();
    assert_eq!(tsv.lines().count(), 2, "{tsv}");
    assert!(tsv.contains("a.story#1"), "{tsv}");
}
