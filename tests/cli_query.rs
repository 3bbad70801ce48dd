//! The printing commands as a script sees them: `date:` and the other
//! query terms, what the exports say of guessed dates and headlines, exit
//! statuses and notices for missing, empty and absent corpora, `revue
//! presets --format`, and the man page in `doc/`.

mod cli_common;

use cli_common::{Sandbox, seeds, stderr, stdout};

/// The TSV rows (header left out) of a printing command on the seeds.
fn rows(sb: &Sandbox, args: &[&str]) -> Vec<Vec<String>> {
    let s = seeds();
    let mut all = args.to_vec();
    all.extend(["--format", "tsv", s.as_str()]);
    let out = sb.run(&all);
    assert!(out.status.code().is_some_and(|c| c < 2), "{}", stderr(&out));
    stdout(&out)
        .lines()
        .skip(1)
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

fn json(sb: &Sandbox, args: &[&str]) -> serde_json::Value {
    let out = sb.run(args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn date_selects_events_by_their_own_date() {
    let sb = Sandbox::new();
    let events = rows(&sb, &["--no-state", "events", "-q", "date:2015"]);
    let dates: Vec<&str> = events.iter().map(|r| r[0].as_str()).collect();
    for want in ["2015-03", "2015-09"] {
        assert!(dates.contains(&want), "{want} in {dates:?}");
    }
    assert!(dates.iter().all(|d| d.starts_with("2015")), "{dates:?}");
    let events = rows(&sb, &["--no-state", "events", "-q", "date:2017-11-20"]);
    assert!(
        events
            .iter()
            .any(|r| r[0] == "2017-11-20" && r[2] == "meeting"),
        "{events:?}"
    );
    // Coarser dates that hold the day overlap it; no other day does.
    assert!(
        events
            .iter()
            .all(|r| ["2017-11-20", "2017-11", "2017"].contains(&r[0].as_str())),
        "{events:?}"
    );
}

#[test]
fn date_keeps_articles_of_the_range_and_those_reporting_an_event_in_it() {
    let sb = Sandbox::new();
    let articles = rows(&sb, &["--no-state", "articles", "-q", "date:2015"]);
    let ids: Vec<&str> = articles.iter().map(|r| r[0].as_str()).collect();
    // No article is dated 2015; the one recalling 2015's events is kept.
    assert!(ids.contains(&"003_46078d7cf27677f4.txt#1"), "{ids:?}");
    let articles = rows(&sb, &["--no-state", "articles", "-q", "date:2021-11"]);
    let ids: Vec<&str> = articles.iter().map(|r| r[0].as_str()).collect();
    assert!(ids.contains(&"002_a733c1d142b18ac5.txt#1"), "{ids:?}");
}

#[test]
fn exports_carry_the_guessed_date_and_whole_headlines() {
    let sb = Sandbox::new();
    let s = seeds();
    let v = json(&sb, &["--no-state", "articles", &s]);
    let articles = v["articles"].as_array().unwrap();
    let guessed = articles
        .iter()
        .find(|a| a["id"] == "003_46078d7cf27677f4.txt#1")
        .expect("the undated seed");
    // The known date stays what it was; the guess the list shows is beside it.
    assert!(guessed["date"].is_null());
    assert_eq!(guessed["date_source"], "unknown");
    assert_eq!(guessed["date_guess"], "2022-12");
    assert_eq!(guessed["date_guess_precision"], "month");
    let dated = &articles[0];
    assert!(dated["date_guess"].is_null(), "{dated}");
    for a in articles {
        let title = a["title"].as_str().unwrap();
        assert!(!title.ends_with('…'), "cut: {title}");
    }
    let long = articles
        .iter()
        .find(|a| a["id"] == "001_2f1464cb4d1d22d2.txt#1")
        .unwrap();
    assert!(long["title"].as_str().unwrap().starts_with(
        "Le président russe Vladimir Poutine a rencontré son homologue syrien Bachar el-Assad, en"
    ));
    assert!(long["title"].as_str().unwrap().chars().count() > 90);

    let out = sb.run(&["--no-state", "articles", "--format", "tsv", &s]);
    let text = stdout(&out);
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    assert_eq!(
        header,
        [
            "id",
            "date",
            "precision",
            "source",
            "lang",
            "title",
            "entities",
            "outlet",
            "author",
            "published",
            "url",
            "date_guess",
            "date_guess_precision"
        ]
    );
    let row: Vec<&str> = lines
        .find(|l| l.starts_with("003_"))
        .unwrap()
        .split('\t')
        .collect();
    assert_eq!((row[1], row[11], row[12]), ("", "2022-12", "month"));
    assert!(lines.all(|l| !l.split('\t').nth(5).unwrap().ends_with('…')));
}

#[test]
fn timeline_tags_are_query_words_and_a_misspelling_gets_a_suggestion() {
    let sb = Sandbox::new();
    let by_tag = rows(&sb, &["--no-state", "events", "-q", "#meet"]);
    let by_code = rows(&sb, &["--no-state", "events", "-q", "#meeting"]);
    assert!(!by_tag.is_empty());
    assert_eq!(by_tag, by_code);
    for tag in ["#milit", "#accord", "#said", "#vote", "#call"] {
        let out = sb.run(&["--no-state", "events", "-q", tag, &seeds()]);
        assert!(
            out.status.code().is_some_and(|c| c < 2),
            "{tag}: {}",
            stderr(&out)
        );
    }
    let out = sb.run(&["--no-state", "events", "-q", "#meting", &seeds()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("did you mean `#meeting`"),
        "{}",
        stderr(&out)
    );
    let out = sb.run(&["--no-state", "articles", "-q", "tilte:sotchi", &seeds()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("did you mean `title:`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn phrases_titles_and_or() {
    let sb = Sandbox::new();
    let ids = |q: &str| -> Vec<String> {
        rows(&sb, &["--no-state", "articles", "-q", q])
            .into_iter()
            .map(|r| r[0].clone())
            .collect()
    };
    let phrase = ids("\"a rencontré\"");
    assert!(
        phrase.contains(&"001_2f1464cb4d1d22d2.txt#1".to_string()),
        "{phrase:?}"
    );
    assert!(
        phrase.contains(&"003_46078d7cf27677f4.txt#1".to_string()),
        "{phrase:?}"
    );
    // The words apart are in more articles than the phrase.
    assert!(ids("'a 'rencontré").len() >= phrase.len());
    assert_eq!(ids("title:téléphone"), ["001_2f1464cb4d1d22d2.txt#2"]);
    let either = ids("title:téléphone OR title:remercié");
    assert_eq!(either.len(), 2, "{either:?}");
    assert!(either.contains(&"002_a733c1d142b18ac5.txt#1".to_string()));
    assert!(ids("title:téléphone lang:en").is_empty());
    assert_eq!(ids("(title:téléphone OR title:remercié) lang:fr"), either);
}

#[test]
fn a_missing_path_is_an_error_with_exit_2() {
    let sb = Sandbox::new();
    for args in [
        &["articles", "missing-folder"][..],
        &["export", "missing-folder", &seeds()],
    ] {
        let out = sb.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let err = stderr(&out);
        assert!(
            err.contains("missing-folder: no such file or directory"),
            "{err}"
        );
    }
    // A corpus path of config.toml that is not there says which file named it.
    sb.config("[corpus]\npaths = [\"gone\"]\n");
    let out = sb.run(&["events"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("config.toml"), "{}", stderr(&out));
}

#[test]
fn an_empty_folder_says_it_holds_no_article_files() {
    let sb = Sandbox::new();
    std::fs::create_dir(sb.path().join("empty")).unwrap();
    sb.write("empty/notes.pdf", "not an article");
    let out = sb.run(&["articles", "empty"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("no article files in empty (looked for *.txt"),
        "{err}"
    );
    assert!(err.contains("*.html"), "{err}");
}

#[test]
fn without_any_corpus_printing_refuses_unless_demo_is_asked_for() {
    let sb = Sandbox::new();
    for cmd in ["articles", "entities", "events", "export"] {
        let out = sb.run(&[cmd]);
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        assert!(out.stdout.is_empty(), "{cmd}: demo data printed");
        assert!(stderr(&out).contains("--demo"), "{}", stderr(&out));
    }
    let v = json(&sb, &["--no-state", "export", "--demo"]);
    assert_eq!(v["articles"].as_array().unwrap().len(), 6);
}

#[test]
fn presets_list_as_text_or_json() {
    let sb = Sandbox::new();
    sb.config(
        "[[preset]]\nname = \"sotchi\"\ndescription = \"Novembre 2017\"\ndate = \"2017-11\"\n\
         sort = \"date\"\npane = \"timeline\"\n\n\
         [[preset]]\nname = \"either\"\nquery = \"erdogan OR poutine\"\nlang = \"fr\"\n",
    );
    let out = sb.run(&["presets", "--format", "text"]);
    assert_eq!(
        stdout(&out),
        "sotchi  Novembre 2017  [date:2017-11]\neither  [(erdogan OR poutine) lang:fr]\n"
    );
    let v = json(&sb, &["presets", "--format", "json"]);
    assert_eq!(
        v,
        serde_json::json!([
            {"name": "sotchi", "description": "Novembre 2017", "query": "date:2017-11",
             "sort": "date", "pane": "timeline"},
            {"name": "either", "description": null, "query": "(erdogan OR poutine) lang:fr",
             "sort": null, "pane": null},
        ])
    );
    // The preset's language applies to both sides of its OR.
    let out = sb.run(&[
        "--no-state",
        "articles",
        "-p",
        "either",
        "-f",
        "tsv",
        &seeds(),
    ]);
    assert!(stdout(&out).lines().skip(1).all(|l| l.contains("\tfr\t")));
}

#[test]
fn the_man_page_in_doc_is_the_generated_one_and_documents_every_command() {
    let sb = Sandbox::new();
    let out = sb.run(&["man"]);
    assert!(out.status.success());
    let page = stdout(&out);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("doc/revue.1");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == page,
        "doc/revue.1 is stale: run `cargo run -- man > doc/revue.1`"
    );
    for section in [
        "QUERY SYNTAX",
        "KEYS",
        "FILES",
        "ENVIRONMENT",
        "EXIT STATUS",
    ] {
        assert!(page.contains(&format!(".SH \"{section}\"")), "{section}");
    }
    for sub in revue::cli::command().get_subcommands() {
        let name = sub.get_name();
        if name != "help" {
            let title = format!(".SH \"REVUE {}\"", name.to_uppercase());
            assert!(page.contains(&title), "the man page lacks {name}");
        }
    }
    for word in ["\\-\\-demo", "XDG_STATE_HOME", "title:word", "#type"] {
        assert!(page.contains(word), "{word}");
    }
}
