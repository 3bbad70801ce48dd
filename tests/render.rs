//! Frames drawn into ratatui's TestBackend: the panes, their counts, the
//! reader, the help and the small-terminal message.

mod common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use revue::app::{Action, AppState, update};
use revue::ui::{Theme, buffer_text, render};

fn draw(state: &AppState, w: u16, h: u16) -> String {
    let (corpus, _) = common::seeds();
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| render(f, corpus, state, &Theme::new(false)))
        .unwrap();
    buffer_text(t.backend().buffer())
}

fn state_with(actions: Vec<Action>) -> AppState {
    let (corpus, index) = common::seeds();
    let mut s = AppState::new(corpus, index);
    for a in actions {
        update(&mut s, a, corpus, index);
    }
    s
}

#[test]
fn dashboard_shows_three_panes_with_counts() {
    let s = state_with(vec![Action::Resize {
        cols: 100,
        rows: 30,
    }]);
    let screen = draw(&s, 100, 30);
    assert!(screen.contains("Articles (6/6)"), "{screen}");
    assert!(screen.contains("Entities ("), "{screen}");
    assert!(screen.contains("Timeline ("), "{screen}");
    assert!(screen.contains("2017-11-21"), "{screen}");
    assert!(screen.contains("Vladimir Poutine"), "{screen}");
    assert!(screen.contains("6 articles"), "{screen}");
}

#[test]
fn a_query_shrinks_every_pane() {
    let (corpus, index) = common::seeds();
    let all = AppState::new(corpus, index);
    let s = state_with(vec![Action::StartSearch, Action::SetQuery("erdo".into())]);
    let screen = draw(&s, 100, 30);
    assert!(screen.contains("Articles (3/6)"), "{screen}");
    assert!(screen.contains("3 articles"), "{screen}");
    assert!(screen.contains("/ erdo_"), "{screen}");
    assert!(s.view.entities.len() < all.view.entities.len());
    assert!(
        screen.contains(&format!("Entities ({})", s.view.entities.len())),
        "{screen}"
    );
}

#[test]
fn reader_shows_wrapped_text_and_metadata() {
    let s = state_with(vec![
        Action::Resize {
            cols: 100,
            rows: 30,
        },
        Action::Confirm,
    ]);
    let screen = draw(&s, 100, 30);
    assert!(screen.contains("Reader"), "{screen}");
    assert!(screen.contains("2017-11-21 (day, header)"), "{screen}");
    assert!(screen.contains("Entities"), "{screen}");
    for line in screen.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 100);
    }
}

#[test]
fn help_lists_the_keys_and_scrolls_to_the_query_syntax() {
    for (w, h) in [(80, 24), (100, 30), (160, 45)] {
        let s = state_with(vec![
            Action::Resize { cols: w, rows: h },
            Action::ToggleHelp,
        ]);
        let screen = draw(&s, w, h);
        assert!(screen.contains("Keys"), "{screen}");
        assert!(screen.contains("↓ more"), "{screen}");
        // Framed whole: its bottom border is on screen, above the status.
        let lines: Vec<&str> = screen.lines().collect();
        assert!(lines[h as usize - 2].contains("┘"), "{screen}");
        let s = state_with(vec![
            Action::Resize { cols: w, rows: h },
            Action::ToggleHelp,
            Action::Bottom,
        ]);
        let screen = draw(&s, w, h);
        assert!(screen.contains("Query syntax"), "{screen}");
        assert!(screen.contains("@name"), "{screen}");
        assert!(screen.contains("is:unread"), "{screen}");
        for line in screen.lines() {
            assert!(unicode_width::UnicodeWidthStr::width(line) <= w as usize);
        }
    }
}

#[test]
fn help_shows_the_live_bindings() {
    use revue::app::keys::Key;
    let mut s = state_with(vec![Action::ToggleHelp]);
    s.keymap = revue::app::keymap::Keymap::with([("quit", &[Key::Char('x')][..])]).unwrap();
    let screen = draw(&s, 100, 30);
    let quit = screen
        .lines()
        .find(|l| l.contains(" quit ") && !l.contains("quit revue"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(quit.contains("  x "), "{quit}");
    assert!(!quit.contains("  q "), "{quit}");
}

#[test]
fn too_small_a_terminal_gets_a_message() {
    let s = state_with(vec![]);
    let screen = draw(&s, 60, 20);
    assert!(screen.contains("needs at least 80×24"), "{screen}");
}

#[test]
fn fits_in_80_by_24() {
    let s = state_with(vec![Action::Resize { cols: 80, rows: 24 }]);
    let screen = draw(&s, 80, 24);
    assert!(screen.contains("Articles (6/6)"), "{screen}");
    assert!(screen.contains("? help"), "{screen}");
}

#[test]
fn entity_detail_shows_names_counts_company_and_sentences() {
    let s = state_with(vec![
        Action::Resize {
            cols: 100,
            rows: 30,
        },
        Action::Focus(revue::app::Pane::Entities),
        Action::Confirm,
    ]);
    let screen = draw(&s, 100, 30);
    assert!(screen.contains("Entity · Esc back"), "{screen}");
    assert!(screen.contains("also "), "{screen}");
    assert!(screen.contains("mentions in"), "{screen}");
    assert!(screen.contains("with "), "{screen}");
    assert!(screen.contains("▸ Filter the dashboard by"), "{screen}");
    assert!(screen.contains("Sentences ("), "{screen}");
}

#[test]
fn timeline_has_a_chart_and_groups_by_date() {
    let s = state_with(vec![Action::Resize {
        cols: 100,
        rows: 30,
    }]);
    let screen = draw(&s, 100, 30);
    assert!(screen.contains("art "), "{screen}");
    assert!(screen.contains("evt "), "{screen}");
    let (corpus, _) = common::seeds();
    // Two events on one date show the date once.
    let dates: Vec<String> = s
        .view
        .events
        .iter()
        .map(|e| corpus.event(*e).date.to_string())
        .collect();
    if let Some(w) = dates.windows(2).find(|w| w[0] == w[1]) {
        assert_eq!(
            screen.matches(&format!("│{} ", w[0])).count(),
            1,
            "{screen}"
        );
    }
}

fn draw_with(state: &AppState, w: u16, h: u16, theme: &Theme) -> ratatui::buffer::Buffer {
    let (corpus, _) = common::seeds();
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| render(f, corpus, state, theme)).unwrap();
    t.backend().buffer().clone()
}

#[test]
fn the_reader_wraps_to_80_and_120_columns() {
    for cols in [80u16, 120] {
        let s = state_with(vec![Action::Resize { cols, rows: 30 }, Action::Confirm]);
        let buf = draw_with(&s, cols, 30, &Theme::new(false));
        let screen = buffer_text(&buf);
        assert!(screen.contains("Reader"), "{screen}");
        // The side list shows from 100 columns on.
        assert_eq!(screen.contains("│Entities"), cols >= 100, "{screen}");
        for line in screen.lines() {
            assert!(unicode_width::UnicodeWidthStr::width(line) <= cols as usize);
        }
        // Text lines end inside the frame: nothing is cut at the border.
        assert!(screen.contains("Après la guerre en Syrie"), "{screen}");
    }
}

#[test]
fn monochrome_marks_the_selection_by_reverse_video_and_uses_no_colour() {
    use ratatui::style::{Color, Modifier};
    let s = state_with(vec![Action::Resize {
        cols: 100,
        rows: 30,
    }]);
    let buf = draw_with(&s, 100, 30, &Theme::new(false));
    let mut reversed = 0;
    for cell in buf.content() {
        assert_eq!(cell.fg, Color::Reset, "{cell:?}");
        assert_eq!(cell.bg, Color::Reset, "{cell:?}");
        if cell.modifier.contains(Modifier::REVERSED) {
            reversed += 1;
        }
    }
    assert!(reversed > 10, "the selected row is drawn in reverse video");
}

#[test]
fn zoom_and_stacked_layouts_draw() {
    let mut s = state_with(vec![
        Action::Resize {
            cols: 100,
            rows: 30,
        },
        Action::ToggleZoom,
    ]);
    let screen = draw(&s, 100, 30);
    assert!(
        screen.contains("Articles (6/6)") && !screen.contains("Entities ("),
        "{screen}"
    );
    s.layout.zoomed = false;
    s.layout.stacked = true;
    let screen = draw(&s, 100, 30);
    let first_line = screen.lines().next().unwrap();
    assert!(
        first_line.contains("Articles") && !first_line.contains("Entities"),
        "{screen}"
    );
    assert!(
        screen.contains("Entities (") && screen.contains("Timeline ("),
        "{screen}"
    );
}

/// Failed before: a guessed day (`~2024-07-26`, 11 columns) filled the
/// date column and ran into the headline (`~2024-07-26Paris…`).
#[test]
fn a_guessed_day_keeps_a_space_before_the_headline() {
    let (seeds, _) = common::seeds();
    let mut corpus = seeds.clone();
    let a = &mut corpus.articles[4];
    a.date = None;
    a.inferred_date = revue::extract::date::DatePoint::day(2024, 7, 26);
    let headline: String = a.headline.chars().take(6).collect();
    let index = revue::search::SearchIndex::new(&corpus);
    let mut s = AppState::new(&corpus, &index);
    for (cols, rows) in [(80u16, 24u16), (100, 30)] {
        update(&mut s, Action::Resize { cols, rows }, &corpus, &index);
        let mut t = Terminal::new(TestBackend::new(cols, rows)).unwrap();
        t.draw(|f| render(f, &corpus, &s, &Theme::new(false)))
            .unwrap();
        let screen = buffer_text(t.backend().buffer());
        assert!(
            screen.contains(&format!("~2024-07-26 {headline}")),
            "{screen}"
        );
    }
}

/// Failed before: the header showed the headline cut, and the text
/// began with it again.
#[test]
fn the_reader_shows_a_headline_once() {
    let (corpus, _) = common::seeds();
    let s = state_with(vec![Action::Resize { cols: 80, rows: 24 }, Action::Confirm]);
    let a = corpus.article(s.reader().unwrap().article);
    assert!(revue::ui::reader::opens_with_headline(a));
    let screen = draw(&s, 80, 24);
    let start: String = a.headline.chars().take(20).collect();
    assert_eq!(screen.matches(&start).count(), 1, "{screen}");
}
