//! Drawing a frame from the corpus and the app state: layout and widgets,
//! no behaviour. One file per pane or overlay.

pub mod articles;
pub mod entities;
pub mod entity;
pub mod help;
mod list;
pub mod presets;
pub mod reader;
pub mod status;
pub mod text;
pub mod theme;
pub mod timeline;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Paragraph;

use crate::app::{AppState, Mode, Pane};
use crate::model::Corpus;
pub use theme::Theme;

/// The smallest terminal the layout is made for.
pub const MIN_SIZE: (u16, u16) = (80, 24);

pub fn render(f: &mut Frame, corpus: &Corpus, state: &AppState, theme: &Theme) {
    let area = f.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        let msg = format!(
            "revue needs at least {}×{}; this terminal is {}×{}. Enlarge it, or q to quit.",
            MIN_SIZE.0, MIN_SIZE.1, area.width, area.height
        );
        let p = Paragraph::new(msg).wrap(ratatui::widgets::Wrap { trim: true });
        f.render_widget(p, area);
        return;
    }
    let [body, status_area] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(1)]).areas(area);
    // Under the help overlay, the view it was opened from.
    match (&state.reader, &state.entity) {
        (Some(r), _) => reader::draw(f, body, corpus, state, r, theme),
        (None, Some(d)) => entity::draw(f, body, corpus, d, theme),
        (None, None) => dashboard(f, body, corpus, state, theme),
    }
    status::draw(f, status_area, corpus, state, theme);
    if state.mode == Mode::Presets {
        presets::draw(f, body, state, theme);
    }
    if state.mode == Mode::Help {
        help::draw(f, body, theme);
    }
}

fn dashboard(f: &mut Frame, area: Rect, corpus: &Corpus, state: &AppState, theme: &Theme) {
    let l = &state.layout;
    if l.zoomed {
        return draw_pane(f, state.focus, area, corpus, state, theme);
    }
    let shown: Vec<Pane> = l.panes.clone();
    let main_pane = shown.contains(&Pane::Articles);
    let others: Vec<Pane> = shown
        .iter()
        .copied()
        .filter(|p| *p != Pane::Articles)
        .collect();
    // Articles take their share; the other panes split the rest.
    let (first, rest) = match (main_pane, others.is_empty()) {
        (true, true) => (Some(area), None),
        (false, _) => (None, Some(area)),
        (true, false) => {
            let split = [
                Constraint::Percentage(l.articles_percent),
                Constraint::Min(10),
            ];
            let [a, b] = if l.stacked {
                Layout::vertical(split).areas(area)
            } else {
                Layout::horizontal(split).areas(area)
            };
            (Some(a), Some(b))
        }
    };
    if let Some(a) = first {
        draw_pane(f, Pane::Articles, a, corpus, state, theme);
    }
    let Some(rest) = rest else { return };
    match others[..] {
        [one] => draw_pane(f, one, rest, corpus, state, theme),
        [top, bottom] => {
            let split = [
                Constraint::Percentage(l.entities_percent),
                Constraint::Min(5),
            ];
            // Stacked, the two sit side by side under the articles.
            let [a, b] = if l.stacked {
                Layout::horizontal(split).areas(rest)
            } else {
                Layout::vertical(split).areas(rest)
            };
            draw_pane(f, top, a, corpus, state, theme);
            draw_pane(f, bottom, b, corpus, state, theme);
        }
        _ => {}
    }
}

fn draw_pane(
    f: &mut Frame,
    pane: Pane,
    area: Rect,
    corpus: &Corpus,
    state: &AppState,
    theme: &Theme,
) {
    match pane {
        Pane::Articles => articles::draw(f, area, corpus, state, theme),
        Pane::Entities => entities::draw(f, area, corpus, state, theme),
        Pane::Timeline => timeline::draw(f, area, corpus, state, theme),
    }
}

/// The buffer's text, one line per row, for tests that read a frame.
pub fn buffer_text(buf: &ratatui::buffer::Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
