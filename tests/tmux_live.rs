//! Live refresh in a real terminal: a file copied into the corpus folder
//! of an open dashboard shows within seconds, the query and the selected
//! article kept and "1 new" in the status line; a file removed goes; a
//! polled folder (`[corpus] watch = "poll"`) is followed too; and the
//! refetch key fetches feeds from a real HTTP server on 127.0.0.1 in the
//! background and folds the new items in. Skipped without tmux, as the
//! other tmux tests.

mod e2e_support;
mod http_support;

use std::path::Path;

use e2e_support::{Tmux, revue_bin, seeds};
use http_support::{Reply, Server, rss};

/// An article of this test's own, which the query `Poutine` matches.
const ARRIVAL: &str = " date 2017-11-25\n\nPoutine reçoit les maires de Sibérie\n\n\
Vladimir Poutine a reçu samedi au Kremlin les maires de douze villes de Sibérie pour parler \
du chauffage urbain et du prix du charbon avant l'hiver.\n";

/// A corpus folder with four of the seeds, a state file in which an
/// earlier run saw them all (so nothing is new when the dashboard opens),
/// and a config.
fn corpus(dir: &Path, config: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let corpus = dir.join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let mut names: Vec<_> = std::fs::read_dir(seeds())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for p in &names[..4] {
        std::fs::copy(p, corpus.join(p.file_name().unwrap())).unwrap();
    }
    let cfg = dir.join("config.toml");
    std::fs::write(&cfg, config).unwrap();
    let state = dir.join("state.json");
    let seen = std::process::Command::new(revue_bin())
        .args(["articles", "--no-cache", "--format", "tsv", "--config"])
        .arg(&cfg)
        .arg("--state")
        .arg(&state)
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(seen.status.success(), "{seen:?}");
    (corpus, state)
}

fn open(t: &Tmux, extra: &str, corpus: &Path, state: &Path, cfg: &Path) {
    t.run(&format!(
        "{} --no-cache --config {} --state {} {extra} {}; echo EXIT=$?",
        revue_bin(),
        cfg.display(),
        state.display(),
        corpus.display()
    ));
    t.wait_screen("the built dashboard", |s| {
        s.contains("Articles (5/5)") && !s.contains("extracting")
    });
}

/// The header line of the reader: the file it shows.
fn reader_file(screen: &str) -> String {
    let line = screen.lines().nth(1).unwrap_or_default();
    line.split_whitespace()
        .find(|w| w.ends_with(".txt"))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_copied_file_appears_with_the_query_and_selection_kept_and_a_removed_one_goes() {
    for (cols, rows) in [(100, 30), (80, 24)] {
        let Some(t) = Tmux::shell(cols, rows) else {
            return;
        };
        let dir = t.dir.path();
        let (corpus, state) = corpus(dir, "");
        open(&t, "", &corpus, &state, &dir.join("config.toml"));
        assert!(!t.screen().contains(" new"), "nothing new at first");
        t.send(&["/"]);
        t.literal("Poutine");
        t.send(&["Enter", "j", "Enter"]);
        let before = reader_file(&t.wait_for(&["Reader"]));
        assert!(before.ends_with(".txt"), "{before}");

        // In the reader, a file arrives: the reader stays on its article.
        std::fs::write(corpus.join("zz_arrival.txt"), ARRIVAL).unwrap();
        let s = t.wait_for(&["1 new"]);
        assert_eq!(reader_file(&s), before, "{s}");
        t.send(&["q"]);
        let s = t.wait_for(&["Articles (6/6)", "/ Poutine", "1 new", "Poutine reçoit"]);
        // The same article is selected: Enter opens it again.
        t.send(&["Enter"]);
        assert_eq!(reader_file(&t.wait_for(&["Reader"])), before, "{s}");
        t.send(&["q"]);

        // `a` lists what arrived.
        t.send(&["a"]);
        t.wait_for(&["[arrived]", "Articles (1/6)", "Poutine reçoit"]);
        t.send(&["a"]);
        t.wait_for(&["Articles (6/6)"]);

        std::fs::remove_file(corpus.join("zz_arrival.txt")).unwrap();
        let s = t.wait_for(&["Articles (5/5)", "1 removed", "/ Poutine"]);
        assert!(!s.contains("Poutine reçoit"), "{s}");
        t.send(&["q"]);
        t.wait_for(&["EXIT=0"]);
        t.assert_sane_terminal();
        // The arrival was logged as first seen by the dashboard's run:
        // back in the folder, the next run does not call it new.
        std::fs::write(corpus.join("zz_arrival.txt"), ARRIVAL).unwrap();
        let next = std::process::Command::new(revue_bin())
            .args(["articles", "--no-cache", "--new", "--config"])
            .arg(dir.join("config.toml"))
            .arg("--state")
            .arg(&state)
            .arg(&corpus)
            .output()
            .unwrap();
        assert_eq!(next.status.code(), Some(1), "nothing new: {next:?}");
    }
}

#[test]
fn a_polled_folder_is_followed_and_the_status_line_says_so() {
    let Some(t) = Tmux::shell(100, 30) else {
        return;
    };
    let dir = t.dir.path();
    let (corpus, state) = corpus(dir, "[corpus]\nwatch = \"poll\"\n");
    open(&t, "", &corpus, &state, &dir.join("config.toml"));
    t.wait_for(&["polled every 5 s"]);
    std::fs::write(corpus.join("zz_arrival.txt"), ARRIVAL).unwrap();
    t.wait_for(&["Articles (6/6)", "1 new", "Poutine reçoit"]);
    t.send(&["q"]);
    t.wait_for(&["EXIT=0"]);
}

#[test]
fn with_no_watch_a_copied_file_waits_for_the_next_start() {
    let Some(t) = Tmux::shell(100, 30) else {
        return;
    };
    let dir = t.dir.path();
    let (corpus, state) = corpus(dir, "");
    open(&t, "--no-watch", &corpus, &state, &dir.join("config.toml"));
    std::fs::write(corpus.join("zz_arrival.txt"), ARRIVAL).unwrap();
    // Longer than a watched folder takes (a settle and a rebuild).
    std::thread::sleep(std::time::Duration::from_secs(3));
    let s = t.screen();
    assert!(s.contains("Articles (5/5)") && !s.contains("1 new"), "{s}");
    // Without feeds, the refetch key says so.
    t.send(&["R"]);
    t.wait_for(&["no feeds to fetch"]);
    t.send(&["q"]);
    t.wait_for(&["EXIT=0"]);
}

const ITEMS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "urn:vigie:1",
        "Le tramway de Brest prolongé vers le port",
        "https://vigie.example/tram",
        "<p>La métropole a voté jeudi le prolongement de la ligne de tramway jusqu'au port de commerce.</p>",
        "Thu, 26 Nov 2026 08:00:00 +0100",
    ),
    (
        "urn:vigie:2",
        "Une nouvelle criée ouvre au Guilvinec",
        "https://vigie.example/criee",
        "<p>Les pêcheurs du Guilvinec vendent depuis lundi leur poisson dans une criée refaite à neuf.</p>",
        "Mon, 30 Nov 2026 06:30:00 +0100",
    ),
];

#[test]
fn the_refetch_key_fetches_in_the_background_and_folds_the_new_items_in() {
    let Some(t) = Tmux::shell(100, 30) else {
        return;
    };
    let server = Server::start(|req| match req.path.as_str() {
        "/vigie.xml" => {
            if req.header("if-none-match") == Some("\"v1\"") {
                Reply::status(304)
            } else {
                Reply::ok("application/rss+xml", rss("La Vigie", ITEMS)).header("ETag", "\"v1\"")
            }
        }
        _ => Reply::status(500),
    });
    let dir = t.dir.path();
    let config = format!(
        "[corpus]\npaths = [\"corpus\"]\n\n[fetch]\narchive = \"archive\"\nretries = 0\ntimeout = 2\n\n\
         [[feed]]\nname = \"La Vigie\"\nurl = \"{}\"\n\n[[feed]]\nname = \"Le Courrier\"\nurl = \"{}\"\n",
        server.url("/vigie.xml"),
        server.url("/courrier.xml")
    );
    let (corpus, state) = corpus(dir, &config);
    let _ = corpus;
    t.run(&format!(
        "{} --no-cache --config {} --state {}; echo EXIT=$?",
        revue_bin(),
        dir.join("config.toml").display(),
        state.display(),
    ));
    t.wait_screen("the built dashboard", |s| {
        s.contains("Articles (5/5)") && !s.contains("extracting")
    });
    t.send(&["/"]);
    t.literal("Brest");
    t.send(&["Enter", "R"]);
    let s = t.wait_for(&["2 new items", "Le Courrier failed", "Articles (1/7)"]);
    assert!(s.contains("tramway de Brest"), "{s}");
    assert!(s.contains("/ Brest"), "the query is kept: {s}");
    // Again: the server says not modified, nothing is new.
    t.send(&["R"]);
    t.wait_for(&["nothing new"]);
    t.send(&["q"]);
    t.wait_for(&["EXIT=0"]);
    t.assert_sane_terminal();
    let items = std::fs::read_dir(dir.join("archive").join("la-vigie"))
        .unwrap()
        .filter(|e| {
            let e = e.as_ref().unwrap();
            e.path().extension().is_some_and(|x| x == "json")
        })
        .count();
    assert_eq!(items, 2);
}
