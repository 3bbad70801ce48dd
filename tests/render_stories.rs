//! The article list of a corpus with a story of five printings: the story
//! is one row that says "(5 sources)", or "(5)" where the pane is narrow,
//! after its headline, and expands to its printings; `is:original` lists
//! the representatives alone. The merge picker of the entity pane.
//! Articles written for the tests.

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

/// The article list of a screen: the first `cols` columns of each line.
fn in_list(screen: &str, cols: usize) -> String {
    screen
        .lines()
        .map(|l| l.chars().take(cols).collect::<String>() + "\n")
        .collect()
}

#[test]
fn a_story_is_one_row_that_counts_its_sources() {
    let s = screen("", 100, 30);
    assert!(s.contains("Articles (7/7)"), "{s}");
    // In the article list (the left half): the timeline counts an
    // event's reports the same way.
    assert_eq!(in_list(&s, 50).matches(" (5").count(), 1, "{s}");
    assert_snapshot!("stories_100x30", s);
}

#[test]
fn one_row_per_story_with_is_original() {
    let s = screen("is:original", 80, 24);
    assert!(s.contains("Articles (3/7)"), "{s}");
    assert_eq!(in_list(&s, 40).matches(" (5").count(), 1, "{s}");
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

/// The dashboard after `keys` on the stories fixture, at `w`×`h`.
fn after_keys(keys: &[revue::app::keys::Key], w: u16, h: u16) -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stories");
    let corpus = revue::model::build(
        revue::ingest::load(std::slice::from_ref(&dir)),
        Origin::Paths(vec![dir]),
        &BuildOptions::default(),
    );
    let index = SearchIndex::new(&corpus);
    let mut s = AppState::new(&corpus, &index);
    update(&mut s, Action::Resize { cols: w, rows: h }, &corpus, &index);
    for &k in keys {
        if let Some(a) = revue::app::keys::action_for(&s, k) {
            update(&mut s, a, &corpus, &index);
        }
    }
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| render(f, &corpus, &s, &Theme::new(false)))
        .unwrap();
    buffer_text(t.backend().buffer())
}

/// The story's row (the first: the earliest report) expanded: its four
/// other printings under it, each with its outlet and likeness.
fn expanded(w: u16, h: u16) -> String {
    use revue::app::keys::Key;
    let s = after_keys(&[Key::Char('e')], w, h);
    assert!(s.contains("▾ "), "{s}");
    assert_eq!(s.matches("└ ").count(), 4, "{s}");
    s
}

#[test]
fn an_expanded_story_lists_its_printings_indented() {
    let s = expanded(100, 30);
    assert!(s.contains("copy") && s.contains("rewrite"), "{s}");
    assert_snapshot!("story_expanded_100x30", s);
    assert_snapshot!("story_expanded_80x24", expanded(80, 24));
}

fn merge_picker(w: u16, h: u16) -> String {
    use revue::app::keys::Key;
    // Claire Morvan's picker: every other entity, "ann" keeps two.
    let mut keys = vec![Key::Char('2'), Key::Char('j'), Key::Char('c'), Key::Enter];
    keys.extend("ann".chars().map(Key::Char));
    after_keys(&keys, w, h)
}

#[test]
fn the_merge_picker_filters_as_you_type() {
    let s = merge_picker(100, 30);
    assert!(s.contains("Merge \"") && s.contains("ann_"), "{s}");
    assert!(s.contains("Merge \"Claire Morvan\" into"), "{s}");
    assert!(s.contains("2/7"), "{s}");
    assert_snapshot!("merge_picker_100x30", s);
    assert_snapshot!("merge_picker_80x24", merge_picker(80, 24));
}

/// The reader on a printing says how it differs from the original.
#[test]
fn the_reader_tells_a_printing_from_the_original() {
    use revue::app::keys::Key;
    let keys = |n: usize| {
        let mut k = vec![Key::Char('e')];
        k.extend(std::iter::repeat_n(Key::Char('j'), n));
        k.push(Key::Enter);
        k
    };
    let s = after_keys(&keys(0), 100, 30);
    assert!(s.contains("the original of a story of 5 printings"), "{s}");
    for (n, says) in [
        (1, "copy 91% of agence: headline changed"),
        (2, "rewrite 79% of agence: 1 paragraph cut"),
        (3, "rewrite 74% of agence: 1 paragraph reworded"),
        (4, "copy 92% of agence: 1 paragraph added"),
    ] {
        let s = after_keys(&keys(n), 100, 30);
        assert!(s.contains(says), "{says}: {s}");
    }
    assert_snapshot!("reader_rewrite_80x24", after_keys(&keys(3), 80, 24));
}
