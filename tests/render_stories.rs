//! The article list of a corpus with a story of five printings: each
//! printing says "(5 sources)", or "(5)" where the pane is narrow, after its headline, and `is:original`
//! leaves one row per story. Articles written for the tests.

use std::path::PathBuf;

use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use revue::app::{Action, AppState, update};
use revue::model::{BuildOptions, Origin};
use revue::search::SearchIndex;
use revue::ui::{Theme, buffer_text, render};

fn screen(query: &str, w: u16, h: u16) -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stories");
    let corpus = revue::model::build(
        revue::ingest::load(std::slice::from_ref(&dir)),
        Origin::Paths(vec![dir]),
        &BuildOptions::default(),
    );
    let index = SearchIndex::new(&corpus);
    let mut s = AppState::new(&corpus, &index);
    update(&mut s, Action::Resize { cols: w, rows: h }, &corpus, &index);
    if !query.is_empty() {
        update(&mut s, Action::SetQuery(query.into()), &corpus, &index);
    }
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| render(f, &corpus, &s, &Theme::new(false)))
        .unwrap();
    buffer_text(t.backend().buffer())
}

#[test]
fn each_printing_counts_its_story_sources() {
    let s = screen("", 100, 30);
    assert_eq!(s.matches(" (5").count(), 5, "{s}");
    assert_snapshot!("stories_100x30", s);
}

#[test]
fn one_row_per_story_with_is_original() {
    let s = screen("is:original", 80, 24);
    assert!(s.contains("Articles (3/7)"), "{s}");
    assert_eq!(s.matches(" (5").count(), 1, "{s}");
    assert_snapshot!("stories_original_80x24", s);
}

#[test]
fn the_status_line_counts_what_is_new() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stories");
    let corpus = revue::model::build(
        revue::ingest::load(std::slice::from_ref(&dir)),
        Origin::Paths(vec![dir]),
        &BuildOptions::default(),
    );
    let index = SearchIndex::new(&corpus);
    // Six articles seen by an earlier run, one seen now for the first time.
    let mut book = revue::review::MarkBook::default();
    let keys: Vec<&str> = corpus
        .articles
        .iter()
        .map(|a| a.text_key.as_str())
        .collect();
    book.sight(keys[..6].iter().copied(), 1_000);
    book.sight(keys.iter().copied(), 2_000);
    let mut s = AppState::new(&corpus, &index);
    s.load_marks(book, &corpus, &index);
    update(
        &mut s,
        Action::Resize {
            cols: 100,
            rows: 30,
        },
        &corpus,
        &index,
    );
    let mut t = Terminal::new(TestBackend::new(100, 30)).unwrap();
    t.draw(|f| render(f, &corpus, &s, &Theme::new(false)))
        .unwrap();
    let screen = buffer_text(t.backend().buffer());
    assert!(screen.contains(" · 1 new"), "{screen}");
    update(&mut s, Action::SetQuery("is:new".into()), &corpus, &index);
    assert_eq!(s.view.articles.len(), 1);
}
