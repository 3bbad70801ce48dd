//! The bottom of the screen in zones: counts never cut by a message,
//! messages on their own line and whole behind a key, singular counts,
//! and every warning readable in the dashboard.

mod common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use revue::app::keys::{Key, action_for};
use revue::app::{Action, AppState, update};
use revue::model::{BuildOptions, Corpus, Origin};
use revue::search::SearchIndex;
use revue::ui::{Theme, buffer_text, render};

fn draw(corpus: &Corpus, s: &AppState, cols: u16, rows: u16) -> Vec<String> {
    let mut t = Terminal::new(TestBackend::new(cols, rows)).unwrap();
    t.draw(|f| render(f, corpus, s, &Theme::new(false)))
        .unwrap();
    buffer_text(t.backend().buffer())
        .lines()
        .map(str::to_string)
        .collect()
}

fn press(s: &mut AppState, corpus: &Corpus, index: &SearchIndex, keys: &[Key]) {
    for &k in keys {
        if let Some(a) = action_for(s, k) {
            update(s, a, corpus, index);
        }
    }
}

#[test]
fn a_message_never_cuts_the_counts_and_shows_whole_on_a_key() {
    let (corpus, index) = common::seeds();
    for (cols, rows) in [(80u16, 24u16), (100, 30), (160, 45)] {
        let mut s = AppState::new(corpus, index);
        update(&mut s, Action::Resize { cols, rows }, corpus, index);
        // Failed before: "filtered by Bachar al-Assad (Ba…6 articles".
        press(&mut s, corpus, index, &[Key::Char('2'), Key::Char('d')]);
        let screen = draw(corpus, &s, cols, rows);
        let status = &screen[rows as usize - 1];
        let counts = format!(
            "{} articles · {} entities · {} events",
            s.view.articles.len(),
            s.view.entities.len(),
            s.view.events.len()
        );
        assert!(status.contains(&counts), "{status}");
        assert!(!status.contains("filtered by"), "{status}");
        let message = &screen[rows as usize - 2];
        assert!(message.contains("filtered by"), "{message}");
        let whole = s.message.clone().unwrap();
        if message.trim().len() < whole.len() {
            assert!(message.contains("(m: in full)"), "{message}");
        }
        // The message lasts until the next key; `m` shows it whole.
        press(&mut s, corpus, index, &[Key::Char('m')]);
        let screen = draw(corpus, &s, cols, rows).join("\n");
        assert!(screen.contains("Last message"), "{screen}");
        let flat: String = screen.split_whitespace().collect::<Vec<_>>().join(" ");
        let words: String = whole.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.replace("│ ", "").contains(&words),
            "{words} in\n{screen}"
        );
        press(&mut s, corpus, index, &[Key::Esc]);
        assert!(s.overlay().is_none());
    }
}

#[test]
fn one_of_a_kind_is_counted_in_the_singular() {
    let (corpus, index) = common::seeds();
    let mut s = AppState::new(corpus, index);
    update(
        &mut s,
        Action::Resize {
            cols: 100,
            rows: 30,
        },
        corpus,
        index,
    );
    s.view.articles.truncate(1);
    s.view.entities.truncate(1);
    s.view.events.truncate(1);
    let screen = draw(corpus, &s, 100, 30);
    let status = &screen[29];
    // Failed before: "1 articles · 1 entities · 1 events".
    assert!(
        status.contains("1 article · 1 entity · 1 event "),
        "{status}"
    );
}

#[test]
fn bang_lists_every_warning_with_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let missing: Vec<_> = (0..30)
        .map(|i| dir.path().join(format!("missing-{i:02}.txt")))
        .collect();
    let mut paths = vec![common::seeds_dir()];
    paths.extend(missing.iter().cloned());
    let corpus = revue::model::build(
        revue::ingest::load(&paths),
        Origin::Paths(paths),
        &BuildOptions::default(),
    );
    assert_eq!(corpus.warnings.len(), 30);
    let index = SearchIndex::new(&corpus);
    let mut s = AppState::new(&corpus, &index);
    update(
        &mut s,
        Action::Resize { cols: 80, rows: 24 },
        &corpus,
        &index,
    );
    let status = draw(&corpus, &s, 80, 24)[23].clone();
    assert!(status.contains("30 warnings (!)"), "{status}");
    press(&mut s, &corpus, &index, &[Key::Char('!')]);
    let screen = draw(&corpus, &s, 80, 24).join("\n");
    assert!(screen.contains("Warnings · 1 of 30"), "{screen}");
    assert!(screen.contains("missing-00.txt"), "{screen}");
    // It scrolls to the last, and each shows its file.
    press(&mut s, &corpus, &index, &[Key::Char('G')]);
    let screen = draw(&corpus, &s, 80, 24).join("\n");
    assert!(screen.contains("Warnings · 30 of 30"), "{screen}");
    assert!(screen.contains("missing-29.txt"), "{screen}");
    // Keys under it do nothing to the dashboard; q closes it.
    press(&mut s, &corpus, &index, &[Key::Char('u'), Key::Char('q')]);
    assert!(s.overlay().is_none() && !s.unread_only);
}

#[test]
fn the_search_line_shows_its_cursor_where_it_is() {
    use ratatui::style::Modifier;
    let (corpus, index) = common::seeds();
    let mut s = AppState::new(corpus, index);
    update(&mut s, Action::Resize { cols: 80, rows: 24 }, corpus, index);
    let keys: Vec<Key> = "/erdo".chars().map(Key::Char).collect();
    press(&mut s, corpus, index, &keys);
    press(&mut s, corpus, index, &[Key::Ctrl('a'), Key::Ctrl('f')]);
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| render(f, corpus, &s, &Theme::new(false)))
        .unwrap();
    let buf = t.backend().buffer();
    let row: String = (0..80).map(|x| buf[(x, 23)].symbol().to_string()).collect();
    let at = row.find("erdo").expect("the query") as u16;
    let reversed: Vec<bool> = (at..at + 4)
        .map(|x| buf[(x, 23)].modifier.contains(Modifier::REVERSED))
        .collect();
    assert_eq!(reversed, [false, true, false, false], "{row}");
}
