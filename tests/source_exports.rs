//! Where an article came from, in every export and in presets: the TSV
//! and Markdown outputs carry the outlet, author, full timestamp (in the
//! zone the input gave) and URL; a preset's `source` narrows to one outlet.

mod cli_common;

use std::path::PathBuf;

use cli_common::Sandbox;

fn formats() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .display()
        .to_string()
}

fn out(sb: &Sandbox, args: &[&str]) -> String {
    let o = sb.run(args);
    assert!(o.status.success(), "{args:?}: {o:?}");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn tsv_rows_carry_the_source_and_the_zoned_timestamp() {
    let sb = Sandbox::new();
    let tsv = out(&sb, &["articles", "--format", "tsv", &formats()]);
    let header: Vec<&str> = tsv.lines().next().unwrap().split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let row: Vec<&str> = tsv
        .lines()
        .find(|l| l.starts_with("atom.xml#1\t"))
        .unwrap()
        .split('\t')
        .collect();
    assert_eq!(row[col("outlet")], "Nouvelles de Montréal");
    assert_eq!(row[col("author")], "Sophie Tremblay");
    // The Atom entry says -05:00: the zone is kept, not turned into UTC.
    assert_eq!(row[col("published")], "2026-11-29T09:00:00-05:00");
    assert_eq!(
        row[col("url")],
        "https://ndm.example/2026/11/29/stm-express"
    );
}

#[test]
fn the_markdown_briefing_says_where_each_article_came_from() {
    let sb = Sandbox::new();
    let md = out(&sb, &["articles", "--format", "md", &formats()]);
    assert!(
        md.contains("`atom.xml#1` · fr · Nouvelles de Montréal · Sophie Tremblay · 2026-11-29T09:00:00-05:00 · `https://ndm.example/2026/11/29/stm-express`"),
        "{md}"
    );
}

#[test]
fn a_preset_names_a_source() {
    let sb = Sandbox::new();
    sb.config(
        "[[preset]]\nname = \"montreal\"\nsource = \"Nouvelles de Montréal\"\n\n[[preset]]\nname = \"brief\"\nquery = \"source:Weekly_Brief\"\n",
    );
    let tsv = out(
        &sb,
        &["articles", "--format", "tsv", "-p", "montreal", &formats()],
    );
    let ids: Vec<&str> = tsv
        .lines()
        .skip(1)
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(ids, ["atom.xml#1"]);
    let tsv = out(
        &sb,
        &["articles", "--format", "tsv", "-p", "brief", &formats()],
    );
    let ids: Vec<&str> = tsv
        .lines()
        .skip(1)
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(ids, ["letters.mbox#1", "letters.mbox#2"]);
    let listed = out(&sb, &["presets"]);
    assert!(
        listed.contains("[source:Nouvelles_de_Montréal]"),
        "{listed}"
    );
}
