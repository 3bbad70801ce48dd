//! End to end in tmux: revue opened on a folder mixing a plain text
//! article, a saved page, an RSS feed and a JSON Lines export shows every
//! article with its source in the list, the page's outlet and byline in
//! the reader, and `source:` narrows the list. Skipped when tmux is
//! missing, unless REVUE_REQUIRE_TMUX is set (as CI does).

mod e2e_support;

use e2e_support::{Tmux, fixture, revue_bin, seeds};

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
