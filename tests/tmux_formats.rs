//! End to end in tmux: revue opened on a folder mixing a plain text
//! article, a saved page, an RSS feed and a JSON Lines export shows every
//! article with its source in the list, the page's outlet and byline in
//! the reader, and `source:` narrows the list; and with feeds configured,
//! `revue fetch` from a server on 127.0.0.1 then `revue` with no path
//! opens the archive. Skipped when tmux is missing, unless
//! REVUE_REQUIRE_TMUX is set (as CI does).

mod e2e_support;
mod http_support;

use e2e_support::{Tmux, fixture, revue_bin, seeds};
use http_support::{Reply, Server, rss};

/// With feeds configured and fetched, the dashboard opened with no path
/// reads the archive beside the configured corpus: the feed's items are
/// in the list with the feed's name as their source.
#[test]
fn the_dashboard_opens_the_fetched_archive_by_default() {
    let items = [
        (
            "urn:quai:1",
            "Les dockers votent la reprise du travail",
            "https://quai.example/dockers",
            "<p>Réunis en assemblée mardi matin, les dockers ont voté la reprise.</p>",
            "Tue, 01 Dec 2026 08:30:00 +0100",
        ),
        (
            "urn:quai:2",
            "Night ferry timetable restored",
            "https://quai.example/ferry",
            "<p>The operator said the night crossing would run again from Friday.</p>",
            "Tue, 01 Dec 2026 19:05:00 +0000",
        ),
    ];
    let body = rss("Le Quai", &items);
    let server = Server::start(move |_| Reply::ok("application/rss+xml", body.clone()));
    let Some(t) = Tmux::shell(140, 30) else {
        return;
    };
    let home = t.dir.path();
    let corpus = home.join("notes");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::copy(
        seeds().join("000_547d6bcc8b194531.txt"),
        corpus.join("brief.txt"),
    )
    .unwrap();
    let config = home.join("xdg/revue/config.toml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::write(
        &config,
        format!(
            "[corpus]\npaths = [\"{}\"]\n\n[fetch]\narchive = \"{}\"\nretries = 0\n\n\
             [[feed]]\nname = \"Le Quai\"\nurl = \"{}\"\n",
            corpus.display(),
            home.join("archive").display(),
            server.url("/feed.xml")
        ),
    )
    .unwrap();
    let env = format!(
        "env HOME={0} XDG_CONFIG_HOME={0}/xdg XDG_CACHE_HOME={0}/cache XDG_STATE_HOME={0}/state",
        home.display()
    );
    t.run(&format!("{env} {} fetch; echo FETCHED=$?", revue_bin()));
    t.wait_for(&["FETCHED=0"]);
    t.run(&format!("clear; {env} {}; echo EXIT=$?", revue_bin()));
    let screen = t.wait_for(&["Articles (3/3)", "Timeline ("]);
    assert!(screen.contains("Les dockers votent"), "{screen}");
    assert!(screen.contains("Night ferry timetable"), "{screen}");
    assert!(screen.contains("Le Quai"), "{screen}");
    t.send(&["/"]);
    t.literal("source:quai");
    t.wait_for(&["Articles (2/3)"]);
    // Enter leaves the search line, the filter kept; `Q` quits.
    t.send(&["Enter", "Q"]);
    t.wait_for(&["EXIT=0"]);
    t.assert_sane_terminal();
}

#[test]
fn a_mixed_folder_shows_every_article_with_its_source() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["page.html", "rss.xml", "articles.jsonl"] {
        std::fs::copy(fixture("formats").join(name), dir.path().join(name)).unwrap();
    }
    std::fs::copy(
        seeds().join("000_547d6bcc8b194531.txt"),
        dir.path().join("brief.txt"),
    )
    .unwrap();
    let Some(t) = Tmux::shell(160, 40) else {
        return;
    };
    t.run(&format!(
        "{} --no-state --no-cache {}; echo EXIT=$?",
        revue_bin(),
        dir.path().display()
    ));
    // One article of text, one page, two feed items, two JSON records.
    let screen = t.wait_for(&["Articles (6/6)", "Timeline ("]);
    for source in [
        "La Vigie de l'O",
        "Le Courrier du",
        "dailyvalley.exa",
        "brief",
    ] {
        assert!(screen.contains(source), "{source:?} missing:\n{screen}");
    }
    assert!(screen.contains("Le port de Brest rouvre"), "{screen}");
    assert!(screen.contains("Valley bridge reopens"), "{screen}");

    t.send(&["/"]);
    t.literal("source:courrier");
    let screen = t.wait_for(&["Articles (2/6)"]);
    assert!(screen.contains("Le métro lyonnais"), "{screen}");
    assert!(!screen.contains("Valley bridge"), "{screen}");

    t.send(&["C-u"]);
    t.literal("source:vigie");
    t.wait_for(&["Articles (1/6)"]);
    t.send(&["Enter", "Enter"]);
    t.wait_for(&[
        "Reader",
        "La Vigie de l'Ouest · by Maëlle Kerbrat · 09:15 +01:00",
    ]);
    // `q` would go back to the dashboard; `Q` quits from the reader.
    t.send(&["Q"]);
    t.wait_for(&["EXIT=0"]);
    t.assert_sane_terminal();
}
