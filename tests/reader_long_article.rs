//! The reader on an article of one paragraph of 3 MB: only the lines on
//! screen (and those scrolled over) are wrapped, once per width, so a
//! frame or a key costs what the screen shows, not what the article holds.
//! Before, every frame and every scroll key wrapped all 10 MB (1.9 s each).

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use revue::app::{Action, AppState, update};
use revue::model::{Corpus, Origin, Staged};
use revue::search::SearchIndex;
use revue::ui::{Theme, buffer_text, render};

fn draw(corpus: &Corpus, state: &AppState) -> String {
    let mut t = Terminal::new(TestBackend::new(100, 30)).expect("a test terminal");
    t.draw(|f| render(f, corpus, state, &Theme::new(false)))
        .expect("drawn");
    buffer_text(t.backend().buffer())
}

fn wrapped(state: &AppState) -> usize {
    state
        .reader()
        .expect("the reader is open")
        .wrap
        .wrapped_bytes()
}

#[test]
fn only_what_is_shown_is_wrapped() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("Un titre\n\n{}\n", "Moscou ".repeat(450_000));
    std::fs::write(dir.path().join("long.txt"), &text).unwrap();
    let paths = vec![dir.path().to_path_buf()];
    // The preview: the text without extraction, which is not under test.
    let corpus = Staged::new(revue::ingest::load(&paths), Origin::Paths(paths)).preview();
    let index = SearchIndex::new(&corpus);
    let mut s = AppState::new(&corpus, &index);
    for a in [
        Action::Resize {
            cols: 100,
            rows: 30,
        },
        Action::Confirm,
    ] {
        update(&mut s, a, &corpus, &index);
    }
    let screen = draw(&corpus, &s);
    assert!(screen.contains("Moscou Moscou"), "{screen}");
    assert!(wrapped(&s) < 100_000, "{} bytes wrapped", wrapped(&s));
    for _ in 0..20 {
        update(&mut s, Action::PageDown, &corpus, &index);
        draw(&corpus, &s);
    }
    assert!(s.reader().unwrap().scroll > 400);
    assert!(wrapped(&s) < 200_000, "{} bytes wrapped", wrapped(&s));
    update(&mut s, Action::Bottom, &corpus, &index);
    let screen = draw(&corpus, &s);
    assert!(
        wrapped(&s) >= text.trim_end().len(),
        "all wrapped for the end"
    );
    assert!(screen.contains(" end "), "{screen}");
}
