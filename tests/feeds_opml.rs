//! `revue feeds import FILE.opml` and `revue feeds export`, run as a user
//! would: the config file keeps its comments and layout, feeds already
//! there are not added twice, a malformed OPML file changes nothing.

mod cli_common;

use std::path::PathBuf;

use cli_common::Sandbox;

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/opml")
        .join(name)
        .display()
        .to_string()
}

const CONFIG: &str = "# Mes réglages\n[corpus]\npaths = [\"news\"]  # the morning downloads\n\n[[feed]]\nname = \"Le Veilleur\"\nurl = \"https://veilleur.example/atom.xml\"\nfull_text = true\n";

#[test]
fn import_adds_feeds_and_keeps_the_file_as_written() {
    let sb = Sandbox::new();
    sb.config(CONFIG);
    let o = sb.run(&["feeds", "import", &fixture("subscriptions.opml")]);
    assert!(o.status.success(), "{o:?}");
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "config.toml: 2 feed(s) added, 1 already there\n"
    );
    let after = std::fs::read_to_string(sb.path().join("config.toml")).unwrap();
    assert!(after.starts_with(CONFIG), "{after}");
    assert!(after.contains(
        "[[feed]]\nname = \"Harbour Weekly\"\nurl = \"https://harbour-weekly.example/feed?format=rss&lang=en\"\n"
    ), "{after}");
    let o = sb.run(&["config", "check"]);
    assert!(o.status.success(), "{o:?}");
    assert!(String::from_utf8_lossy(&o.stdout).contains("3 feeds"));

    // Again: nothing new, the file untouched.
    let o = sb.run(&["feeds", "import", &fixture("subscriptions.opml")]);
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "config.toml: 0 feed(s) added, 3 already there\n"
    );
    assert_eq!(
        std::fs::read_to_string(sb.path().join("config.toml")).unwrap(),
        after
    );
}

#[test]
fn export_prints_opml_that_imports_back() {
    let sb = Sandbox::new();
    sb.config(CONFIG);
    sb.run(&["feeds", "import", &fixture("subscriptions.opml")]);
    let o = sb.run(&["feeds", "export"]);
    assert!(o.status.success(), "{o:?}");
    let opml = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(opml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">"));
    assert!(
        opml.contains("xmlUrl=\"https://harbour-weekly.example/feed?format=rss&amp;lang=en\""),
        "{opml}"
    );
    let other = Sandbox::new();
    let file = other.write("out.opml", &opml);
    other.config("");
    let o = other.run(&["feeds", "import", &file.display().to_string()]);
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "config.toml: 3 feed(s) added\n"
    );
    let a = String::from_utf8_lossy(&sb.run(&["feeds", "export"]).stdout).into_owned();
    let b = String::from_utf8_lossy(&other.run(&["feeds", "export"]).stdout).into_owned();
    assert_eq!(a, b);
}

#[test]
fn import_creates_the_user_config_when_there_is_none() {
    let sb = Sandbox::new();
    let o = sb.run(&["feeds", "import", &fixture("subscriptions.opml")]);
    assert!(o.status.success(), "{o:?}");
    let user = sb.path().join("xdg/revue/config.toml");
    let text = std::fs::read_to_string(&user).unwrap();
    assert_eq!(text.matches("[[feed]]").count(), 3, "{text}");
}

#[test]
fn malformed_opml_changes_nothing() {
    for (file, why) in [
        ("broken.opml", "not valid XML at line"),
        ("not-opml.opml", "not OPML: the document is <rss>"),
        ("missing.opml", "cannot read"),
    ] {
        let sb = Sandbox::new();
        sb.config(CONFIG);
        let o = sb.run(&["feeds", "import", &fixture(file)]);
        assert_eq!(o.status.code(), Some(2), "{file}: {o:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(file) && err.contains(why), "{file}: {err}");
        assert_eq!(
            std::fs::read_to_string(sb.path().join("config.toml")).unwrap(),
            CONFIG
        );
    }
    let sb = Sandbox::new();
    sb.config(CONFIG);
    let empty = sb.write("empty.opml", "<opml version=\"2.0\"><body/></opml>");
    let o = sb.run(&["feeds", "import", &empty.display().to_string()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no feeds in it"));
}

#[test]
fn a_config_that_does_not_load_is_not_edited() {
    let sb = Sandbox::new();
    let bad = "[corpus]\npahts = [\"x\"]\n";
    sb.config(bad);
    let o = sb.run(&["feeds", "import", &fixture("subscriptions.opml")]);
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    assert!(String::from_utf8_lossy(&o.stderr).contains("pahts"));
    assert_eq!(
        std::fs::read_to_string(sb.path().join("config.toml")).unwrap(),
        bad
    );
}
