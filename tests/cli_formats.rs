//! Headless views on the seeds in each format: JSON in the export schema,
//! TSV with a header line, the Markdown briefing; `--limit`, `--sort`,
//! presets; colour only when asked for and never an escape sequence in a
//! pipe. Snapshots (insta) fix the TSV and Markdown layouts; the parts that
//! depend on extraction (entity and event names, counts) are left out of
//! them or redacted, so that better extraction does not churn them.

mod cli_common;

use cli_common::{Sandbox, seeds, stderr, stdout};

fn ok(sb: &Sandbox, args: &[&str]) -> String {
    let out = sb.run(args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

fn json(sb: &Sandbox, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok(sb, args)).expect("JSON")
}

#[test]
fn json_of_a_list_holds_that_list_in_the_export_schema() {
    let sb = Sandbox::new();
    let s = seeds();
    let all = json(&sb, &["export", "-f", "json", &s]);
    for (cmd, key) in [
        ("articles", "articles"),
        ("entities", "entities"),
        ("events", "events"),
    ] {
        let v = json(&sb, &[cmd, "--format", "json", &s]);
        let obj = v.as_object().unwrap();
        assert_eq!(obj.keys().collect::<Vec<_>>(), [key], "{cmd}");
        assert_eq!(v[key], all[key], "{cmd}: same items as the export");
    }
    let v = json(&sb, &["export", "--limit", "2", &s]);
    for key in ["articles", "entities", "events"] {
        assert_eq!(v[key].as_array().unwrap().len(), 2, "{key}");
    }
}

#[test]
fn tsv_has_a_header_and_one_row_of_whole_fields_per_item() {
    let sb = Sandbox::new();
    let s = seeds();
    let all = json(&sb, &["export", &s]);
    for (cmd, key, header) in [
        (
            "articles",
            "articles",
            "id\tdate\tprecision\tsource\tlang\ttitle\tentities\toutlet\tauthor\tpublished\turl\tdate_guess\tdate_guess_precision",
        ),
        (
            "entities",
            "entities",
            "name\ttype\tmentions\tarticles\taliases",
        ),
        (
            "events",
            "events",
            "date\tprecision\ttype\tsubtype\tdescription\tparticipants\tplace\tarticles",
        ),
    ] {
        let text = ok(&sb, &[cmd, "--format", "tsv", &s]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], header, "{cmd}");
        assert_eq!(lines.len() - 1, all[key].as_array().unwrap().len(), "{cmd}");
        let columns = header.split('\t').count();
        for l in &lines[1..] {
            assert_eq!(l.split('\t').count(), columns, "{cmd}: {l}");
        }
    }
}

#[test]
fn markdown_briefing_has_counts_entities_timeline_and_articles() {
    let sb = Sandbox::new();
    let md = ok(&sb, &["export", "--format", "md", &seeds()]);
    assert!(md.starts_with("# Briefing\n"), "{md}");
    assert!(md.contains("**6 articles**"), "{md}");
    let sections: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(sections.len(), 3, "{sections:?}");
    assert_eq!(sections[0], "## Top entities");
    assert!(sections[1].starts_with("## Timeline ("));
    assert_eq!(sections[2], "## Articles (6)");
    assert!(md.contains("- **People:** "), "{md}");
    assert!(md.contains("Vladimir Poutine ("), "{md}");
    assert!(md.contains("### 2017-11-21 · Poutine et Trump s’entretiendront au téléphone\n"));
    assert!(md.contains("### 2017-09 · Le président russe Vladimir Poutine se rend"));
    assert_eq!(md.matches("\n### ").count(), 6);
}

#[test]
fn limit_cuts_and_sort_orders_every_list() {
    let sb = Sandbox::new();
    let s = seeds();
    let tsv = ok(&sb, &["articles", "-f", "tsv", "--limit", "2", &s]);
    assert_eq!(tsv.lines().count(), 3);
    let dates = |sort: &str| -> Vec<String> {
        ok(&sb, &["articles", "-f", "tsv", "--sort", sort, &s])
            .lines()
            .skip(1)
            .map(|l| l.split('\t').nth(1).unwrap().to_string())
            .filter(|d| !d.is_empty())
            .collect()
    };
    let asc = dates("date-asc");
    assert!(asc.windows(2).all(|w| w[0] <= w[1]), "{asc:?}");
    assert_eq!(asc.first().map(String::as_str), Some("2017-09"));
    let desc = dates("date");
    assert!(desc.windows(2).all(|w| w[0] >= w[1]), "{desc:?}");
    let events = json(&sb, &["events", "--sort", "date", &s]);
    let ev: Vec<&str> = events["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["date"].as_str().unwrap())
        .collect();
    assert!(ev.windows(2).all(|w| w[0] >= w[1]), "{ev:?}");
    let titles: Vec<String> = ok(&sb, &["articles", "-f", "tsv", "--sort", "title", &s])
        .lines()
        .skip(1)
        .map(|l| l.split('\t').nth(5).unwrap().to_lowercase())
        .collect();
    assert_eq!(titles.len(), 6);
}

const PRESETS: &str = r#"
[[preset]]
name = "sotchi"
description = "Novembre 2017 à Sotchi"
query = "'Sotchi"
date = "2017-11"
sort = "date-asc"

[[preset]]
name = "meetings"
type = "meeting"
"#;

#[test]
fn a_preset_from_a_config_narrows_the_view_and_a_query_narrows_it_more() {
    let sb = Sandbox::new();
    sb.config(PRESETS);
    let s = seeds();
    let ids = |args: &[&str]| -> Vec<String> {
        let v = json(&sb, &[&["articles"][..], args, &[&s]].concat());
        v["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["id"].as_str().unwrap().to_string())
            .collect()
    };
    let all = ids(&[]);
    let sotchi = ids(&["--preset", "sotchi"]);
    assert!(!sotchi.is_empty() && sotchi.len() < all.len(), "{sotchi:?}");
    assert!(sotchi.iter().all(|id| id.starts_with("00")), "{sotchi:?}");
    let both = ids(&["--preset", "sotchi", "--query", "trump"]);
    assert!(!both.is_empty() && both.len() < sotchi.len(), "{both:?}");
    assert!(both.iter().all(|id| sotchi.contains(id)));
    // Options before the subcommand count too.
    let v = json(&sb, &["--preset", "sotchi", "articles", &s]);
    assert_eq!(v["articles"].as_array().unwrap().len(), sotchi.len());
    // Every event of the meeting preset is a meeting.
    let v = json(&sb, &["events", "-p", "meetings", &s]);
    let events = v["events"].as_array().unwrap();
    assert!(!events.is_empty());
    assert!(events.iter().all(|e| e["type"] == "meeting"), "{v}");
    // The briefing names the preset and its query.
    let md = ok(&sb, &["export", "-f", "md", "-p", "sotchi", &s]);
    assert!(
        md.starts_with(
            "# Briefing: sotchi\n\n*Novembre 2017 à Sotchi*\n\nQuery: `'Sotchi date:2017-11`\n"
        ),
        "{md}"
    );
}

/// Every command and format, as a script would run them.
fn every_output(sb: &Sandbox, extra: &[&str]) -> Vec<(String, Vec<u8>)> {
    let mut outs = Vec::new();
    for cmd in ["articles", "entities", "events", "export"] {
        for format in ["json", "tsv", "md"] {
            if cmd == "export" && format == "tsv" {
                continue;
            }
            let args = [&[cmd, "--format", format][..], extra].concat();
            let out = sb.revue().args(&args).output().unwrap();
            assert!(out.status.success(), "{args:?}: {}", stderr(&out));
            outs.push((format!("{args:?}"), out.stdout));
        }
    }
    outs
}

#[test]
fn pipe_output_and_no_color_hold_no_escape_sequences() {
    let sb = Sandbox::new();
    // Escape sequences in a file name and in the text itself.
    let corpus = sb.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("evil\x1b[2J.txt"),
        "Poutine\x1b[31m reçoit\x07 Assad\u{9b}2J à Sotchi\n\nLe 20 novembre 2017, Vladimir Poutine a rencontré Bachar al-Assad à Sotchi.\x1b]0;pwned\x07\n",
    )
    .unwrap();
    let corpus = corpus.to_string_lossy().into_owned();
    for extra in [&[&seeds()[..], &corpus][..], &["--color", "auto", &corpus]] {
        for (what, bytes) in every_output(&sb, extra) {
            assert!(!bytes.contains(&0x1b), "{what}: ESC in a pipe");
            assert!(
                !String::from_utf8_lossy(&bytes).contains('\u{9b}'),
                "{what}: CSI"
            );
        }
    }
    let out = sb
        .revue()
        .env("NO_COLOR", "1")
        .args(["export", "-f", "md", &corpus])
        .output()
        .unwrap();
    assert!(!out.stdout.contains(&0x1b));
    assert!(stdout(&out).contains("reçoit Assad"), "{}", stdout(&out));
}

#[test]
fn color_always_bolds_headings_and_nothing_else() {
    let sb = Sandbox::new();
    let s = seeds();
    let md = ok(
        &sb,
        &["export", "-f", "md", "--color", "always", "-n", "1", &s],
    );
    assert!(md.starts_with("\x1b[1m# Briefing\x1b[0m\n"), "{md:?}");
    for line in md.lines().filter(|l| l.contains('\x1b')) {
        assert!(
            line.starts_with("\x1b[1m#") && line.ends_with("\x1b[0m"),
            "{line:?}"
        );
    }
    let tsv = ok(&sb, &["articles", "-f", "tsv", "--color", "always", &s]);
    assert!(tsv.starts_with("\x1b[1mid\t"), "{tsv:?}");
    assert_eq!(tsv.matches('\x1b').count(), 2);
    let json = ok(&sb, &["export", "--color", "always", &s]);
    assert!(!json.contains('\x1b'), "JSON is never coloured");
}

/// The articles TSV without its `entities` column, which extraction fills.
#[test]
fn snapshot_articles_tsv() {
    let sb = Sandbox::new();
    let tsv = ok(&sb, &["articles", "--format", "tsv", &seeds()]);
    let table: String = tsv
        .lines()
        .map(|l| {
            let mut fields: Vec<&str> = l.split('\t').collect();
            assert_eq!(fields.len(), 13, "thirteen columns: {l}");
            fields.remove(6);
            format!("{}\n", fields.join("\t"))
        })
        .collect();
    insta::assert_snapshot!("articles_tsv", table);
}

/// The briefing's article section: dates, headlines, ledes.
#[test]
fn snapshot_markdown_articles() {
    let sb = Sandbox::new();
    let md = ok(
        &sb,
        &["articles", "--format", "md", "--limit", "3", &seeds()],
    );
    insta::assert_snapshot!("articles_md", md);
}

/// The whole briefing's layout, with names and counts that extraction
/// decides redacted.
#[test]
fn snapshot_markdown_briefing() {
    let sb = Sandbox::new();
    let md = ok(&sb, &["export", "--format", "md", "--limit", "1", &seeds()]);
    insta::assert_snapshot!("briefing_md", redact(&md));
}

fn redact(md: &str) -> String {
    let mut out = String::new();
    for line in md.lines() {
        let line = if let Some(rest) = line.strip_prefix("- **") {
            // `- **People:** names` and `- **2017-11-20** · type · event`.
            let label = rest.split("**").next().unwrap_or("");
            if label.ends_with(':') {
                format!("- **{label}** [entities]")
            } else {
                "- **[date]** · [event]".to_string()
            }
        } else if line.starts_with("**") && line.contains(" articles**") {
            let articles = line.split(" · ").next().unwrap_or("");
            format!("{articles} · [counts]")
        } else if line.starts_with("## Timeline (") {
            "## Timeline ([n])".to_string()
        } else {
            line.to_string()
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}
