//! Drawing a frame from the corpus and the app state: layout and widgets,
//! no behaviour. One file per pane or overlay.

pub mod articles;
pub mod entities;
pub mod entity;
pub mod help;
mod list;
pub mod reader;
pub mod status;
pub mod text;
pub mod theme;
pub mod timeline;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::widgets::Paragraph;

use crate::app::{AppState, Mode};
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
    if state.mode == Mode::Help {
        help::draw(f, body, theme);
    }
}

fn dashboard(
    f: &mut Frame,
    area: ratatui::layout::Rect,
    corpus: &Corpus,
    state: &AppState,
    theme: &Theme,
) {
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area);
    let [top, bottom] =
        Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(right);
    articles::draw(f, left, corpus, state, theme);
    entities::draw(f, top, corpus, state, theme);
    timeline::draw(f, bottom, corpus, state, theme);
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
