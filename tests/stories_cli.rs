//! Stories, what is new, headless marks and corrections, through the
//! binary: articles written for these tests (one dispatch printed by five
//! outlets, as it came or edited, and two other reports of the same storm)
//! in a temporary folder, with the review state and the model cache
//! beside them.

mod cli_common;

use std::path::{Path, PathBuf};

use cli_common::Sandbox;
use serde_json::Value;

/// The test articles copied into the sandbox's `corpus/`.
fn corpus(sb: &Sandbox) -> PathBuf {
    let from = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stories");
    let to = sb.path().join("corpus");
    std::fs::create_dir_all(&to).unwrap();
    for e in std::fs::read_dir(&from).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
    to
}

/// `revue ARGS` with the sandbox's state file and the cache in the
/// sandbox; stdout, and the exit code.
fn run(sb: &Sandbox, args: &[&str]) -> (String, i32) {
    let state = sb.path().join("state/state.json");
    let mut full = vec!["--state", state.to_str().unwrap()];
    full.extend_from_slice(args);
    let out = sb.run(&full);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

fn json(sb: &Sandbox, args: &[&str]) -> Value {
    let (out, code) = run(sb, args);
    assert_eq!(code, 0, "{args:?}: {out}");
    serde_json::from_str(&out).unwrap()
}

fn dir(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn five_printings_of_a_dispatch_are_one_story_of_five_sources() {
    let sb = Sandbox::new();
    let c = corpus(&sb);
    let v = json(&sb, &["stories", "--format", "json", dir(&c)]);
    let stories = v["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 3, "{v:#}");
    let big = stories
        .iter()
        .find(|s| s["sources"] == 5)
        .expect("the dispatch's story");
    assert_eq!(big["representative"], "agence.txt#1");
    let outlets: Vec<&str> = big["outlets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o.as_str().unwrap())
        .collect();
    assert_eq!(outlets[0], "agence.txt");
    assert_eq!(outlets.len(), 5);
    let likeness = |file: &str| {
        big["members"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["id"] == file)
            .unwrap()["likeness"]
            .clone()
    };
    assert_eq!(likeness("agence.txt#1"), "original");
    assert_eq!(likeness("ouest-matin.txt#1"), "copy");
    assert_eq!(likeness("gazette-des-remparts.txt#1"), "rewrite");

    // The export says which story each article is in, and lists it.
    let e = json(&sb, &["export", "--format", "json", dir(&c)]);
    let exported = e["stories"].as_array().unwrap();
    assert_eq!(exported.len(), 1);
    assert_eq!(exported[0]["members"].as_array().unwrap().len(), 5);
    let ids: Vec<i64> = e["articles"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["story"]["sources"] == 5)
        .map(|a| a["story"]["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids.len(), 5);
    assert!(ids.iter().all(|&i| i == ids[0]));

    // is:copy: the four printings that are not the representative.
    let (tsv, code) = run(&sb, &["articles", "-f", "tsv", "-q", "is:copy", dir(&c)]);
    assert_eq!(code, 0);
    assert_eq!(tsv.lines().count(), 1 + 4, "{tsv}");
    assert!(!tsv.contains("agence.txt#1"));

    // The briefing of stories names each once with its sources.
    let (md, _) = run(&sb, &["stories", "-f", "md", dir(&c)]);
    assert!(md.contains("(5 sources: agence.txt, "), "{md}");
    assert_eq!(md.matches("Saint-Malo rouvre").count(), 1, "{md}");
    // So does the briefing.
    let (md, _) = run(&sb, &["export", "-f", "md", dir(&c)]);
    assert!(md.contains("5 sources: agence.txt, "), "{md}");
    assert_eq!(
        md.matches("### 2026-03-10 · Le port de Saint-Malo").count(),
        1,
        "{md}"
    );
    assert!(!md.contains("Saint-Malo : les ferries accostent"), "{md}");
}

#[test]
fn stories_can_be_switched_off() {
    let sb = Sandbox::new();
    let c = corpus(&sb);
    sb.config("[stories]\nenabled = false\n");
    let v = json(&sb, &["stories", "--format", "json", dir(&c)]);
    assert_eq!(v["stories"].as_array().unwrap().len(), 7);
}

const LATE_ONE: &str = " date 2026-03-11
Saint-Malo : la digue du Sillon sera renforcée
La ville a voté mercredi un budget de renforcement de la digue du Sillon, dont plusieurs brise-lames ont été emportés par la tempête de dimanche.
";

const LATE_TWO: &str = " date 2026-03-11
Les ferries pour Jersey reprennent leurs rotations
La compagnie maritime a annoncé la reprise des liaisons vers Jersey et Guernesey à partir de jeudi, après trois jours d'interruption.
";

#[test]
fn new_is_what_this_run_sees_first_and_cron_gets_exit_one_when_nothing_is() {
    let sb = Sandbox::new();
    let c = corpus(&sb);
    let count = |out: &str| out.lines().count() - 1;
    let (out, code) = run(&sb, &["articles", "--new", "-f", "tsv", dir(&c)]);
    assert_eq!(
        (code, count(&out)),
        (0, 7),
        "the first run sees everything first"
    );
    let (out, code) = run(&sb, &["articles", "--new", "-f", "tsv", dir(&c)]);
    assert_eq!((code, count(&out)), (1, 0), "{out}");
    std::fs::write(c.join("digue.txt"), LATE_ONE).unwrap();
    std::fs::write(c.join("jersey.txt"), LATE_TWO).unwrap();
    let (out, code) = run(&sb, &["articles", "-q", "is:new", "-f", "tsv", dir(&c)]);
    assert_eq!(code, 0);
    let mut files: Vec<&str> = out
        .lines()
        .skip(1)
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    files.sort();
    assert_eq!(files, ["digue.txt#1", "jersey.txt#1"]);
    // Since a week ago, all nine are new; the run after sees none.
    let (out, _) = run(
        &sb,
        &["articles", "--new", "--since", "1w", "-f", "tsv", dir(&c)],
    );
    assert_eq!(count(&out), 9);
    let (_, code) = run(&sb, &["articles", "--new", dir(&c)]);
    assert_eq!(code, 1);
    let (_, code) = run(&sb, &["articles", "--since", "yesterday", dir(&c)]);
    assert_eq!(code, 2);
}

#[test]
fn marking_from_the_command_line_goes_through_the_state_log() {
    let sb = Sandbox::new();
    let c = corpus(&sb);
    let (out, code) = run(&sb, &["mark", "read", "-q", "'ferries", dir(&c)]);
    assert_eq!(code, 0, "{out}");
    let unread = |sb: &Sandbox| {
        let (out, _) = run(sb, &["articles", "-q", "is:unread", "-f", "tsv", dir(&c)]);
        out.lines().count() - 1
    };
    // The representative and the headline copy say "ferries"; the rest
    // of the story does too in its text: all five, not the other two.
    assert_eq!(unread(&sb), 2);
    let (_, code) = run(&sb, &["mark", "unread", "-q", "'ferries", dir(&c)]);
    assert_eq!(code, 0);
    assert_eq!(unread(&sb), 7);
    // A story marked read through one member marks its copies.
    let (out, _) = run(
        &sb,
        &["mark", "read", "--stories", "-q", "'Morvan", dir(&c)],
    );
    assert!(out.starts_with("5 of "), "{out}");
    assert_eq!(unread(&sb), 2);
    let (_, code) = run(&sb, &["mark", "read", "-q", "'nothing_like_this", dir(&c)]);
    assert_eq!(code, 1);
    let log = std::fs::read_to_string(sb.path().join("state/state.json.log")).unwrap();
    assert!(
        log.contains("\"mark\":\"read\"") && log.contains("\"run\":"),
        "{log}"
    );
}

fn entities(sb: &Sandbox, c: &Path) -> Vec<String> {
    let v = json(sb, &["entities", "--format", "json", dir(c)]);
    v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["canonical"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_correction_survives_a_rebuild_and_a_cache_load_and_undo_takes_it_back() {
    let sb = Sandbox::new();
    let c = corpus(&sb);
    sb.config("[cache]\ndir = \"cache\"\n");
    // Files changed within two seconds are not trusted to the cache.
    std::thread::sleep(std::time::Duration::from_millis(2_500));
    let before = entities(&sb, &c);
    assert!(before.iter().any(|e| e == "Anne Le Goff"), "{before:?}");
    assert!(before.iter().any(|e| e == "Saint-Malo"), "{before:?}");
    let (out, code) = run(&sb, &["correct", "hide", "Anne Le Goff", dir(&c)]);
    assert_eq!(code, 0, "{out}");
    let (out, code) = run(&sb, &["correct", "retype", "Saint-Malo", "org", dir(&c)]);
    assert_eq!(code, 0, "{out}");
    let file = std::fs::read_to_string(sb.path().join("state/corrections.jsonl")).unwrap();
    assert_eq!(file.lines().count(), 2, "{file}");
    // Built again with the corrections (the cache key changed), then read
    // back from the cache: both times corrected.
    let cache_files = || -> Vec<(PathBuf, std::time::SystemTime)> {
        let mut v: Vec<_> = std::fs::read_dir(sb.path().join("cache"))
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (e.path(), e.metadata().unwrap().modified().unwrap())
            })
            .collect();
        v.sort();
        v
    };
    let mut saved = Vec::new();
    for round in 0..2 {
        let now = entities(&sb, &c);
        assert!(!now.iter().any(|e| e == "Anne Le Goff"), "{now:?}");
        let v = json(
            &sb,
            &["entities", "--format", "json", "-q", "@saint-malo", dir(&c)],
        );
        let sm = v["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["canonical"] == "Saint-Malo")
            .unwrap()
            .clone();
        assert_eq!(sm["type"], "ORG");
        if round == 0 {
            saved = cache_files();
        }
    }
    assert!(!saved.is_empty(), "the corrected model was cached");
    assert_eq!(cache_files(), saved, "the second round read the cache");
    let (list, code) = run(&sb, &["corrections", dir(&c)]);
    assert_eq!(code, 0);
    assert!(list.contains("hide \"Anne Le Goff\"\tapplies"), "{list}");
    // A name the corpus does not have is refused, nothing saved.
    let (_, code) = run(&sb, &["correct", "merge", "Nobody", "Saint-Malo", dir(&c)]);
    assert_eq!(code, 2);
    let (out, code) = run(&sb, &["correct", "undo"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("is a ORG") || out.contains("Saint-Malo"),
        "{out}"
    );
    let (_, code) = run(&sb, &["correct", "undo"]);
    assert_eq!(code, 0);
    assert_eq!(entities(&sb, &c), before);
    let (_, code) = run(&sb, &["correct", "undo"]);
    assert_eq!(code, 1);
}

#[test]
fn stories_of_a_missing_path_is_an_error_as_for_every_view() {
    let sb = Sandbox::new();
    let out = sb.run(&["--no-state", "stories", "/nonexistent/corpus"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such file or directory"));
}
