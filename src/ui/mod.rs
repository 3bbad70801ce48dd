//! Drawing a frame from the corpus and the app state: layout and widgets,
//! no behaviour. One file per pane or overlay.

pub mod articles;
mod detail;
pub mod entities;
pub mod entity;
pub mod event;
pub mod help;
mod list;
pub mod pager;
pub mod picker;
pub mod presets;
pub mod reader;
pub mod status;
pub mod text;
pub mod theme;
pub mod timeline;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Paragraph;

use crate::app::{AppState, Overlay, Pane, Screen};
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
    // Under the overlays, the screen they were opened from.
    match state.screen() {
        Screen::Reader(r) => reader::draw(f, body, corpus, state, r, theme),
        Screen::Entity(d) => entity::draw(f, body, corpus, d, theme),
        Screen::Event(d) => event::draw(f, body, corpus, d, theme),
        Screen::Dashboard => dashboard(f, body, corpus, state, theme),
    }
    status::draw(f, status_area, corpus, state, theme);
    // The message takes the body's last row (a frame's bottom border)
    // until the next key, and never the status line's counts.
    let message_area = Rect {
        y: body.y + body.height.saturating_sub(1),
        height: 1,
        ..body
    };
    status::draw_message(f, message_area, state, theme);
    match state.overlay() {
        Some(Overlay::Presets(_)) => presets::draw(f, body, state, theme),
        Some(Overlay::Help { .. }) => help::draw(f, body, state, theme),
        Some(Overlay::Warnings { scroll }) => pager::draw_warnings(f, body, corpus, *scroll, theme),
        Some(Overlay::Message) => pager::draw_message(f, body, state, theme),
        Some(Overlay::Choose(c)) => picker::draw(f, body, c, theme),
        Some(Overlay::Question(q)) => picker::draw_question(f, body, q, theme),
        None => {}
    }
}

fn dashboard(f: &mut Frame, area: Rect, corpus: &Corpus, state: &AppState, theme: &Theme) {
    for (pane, rect) in pane_areas(area, state) {
        draw_pane(f, pane, rect, corpus, state, theme);
    }
}

/// Where each shown pane sits in the dashboard's area.
pub fn pane_areas(area: Rect, state: &AppState) -> Vec<(Pane, Rect)> {
    let l = &state.layout;
    if l.zoomed {
        return vec![(state.focus, area)];
    }
    let others: Vec<Pane> = l
        .panes
        .iter()
        .copied()
        .filter(|p| *p != Pane::Articles)
        .collect();
    let mut out = Vec::new();
    // Articles take their share; the other panes split the rest.
    let rest = match (l.shows(Pane::Articles), others.is_empty()) {
        (true, true) => {
            out.push((Pane::Articles, area));
            return out;
        }
        (false, _) => area,
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
            out.push((Pane::Articles, a));
            b
        }
    };
    match others[..] {
        [one] => out.push((one, rest)),
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
            out.push((top, a));
            out.push((bottom, b));
        }
        _ => {}
    }
    out
}

/// The pane under a terminal cell, and the list row there if any, for a
/// terminal of `size` (status line included).
pub fn hit_test(
    size: (u16, u16),
    state: &AppState,
    col: u16,
    row: u16,
) -> Option<(Pane, Option<usize>)> {
    let body = Rect::new(0, 0, size.0, size.1.saturating_sub(1));
    let (pane, rect) = pane_areas(body, state)
        .into_iter()
        .find(|(_, r)| r.contains(ratatui::layout::Position::new(col, row)))?;
    let top = match pane {
        Pane::Timeline => timeline::first_row_y(rect),
        _ => rect.y + 1,
    };
    let bottom = rect.y + rect.height.saturating_sub(1);
    if row < top || row >= bottom {
        return Some((pane, None));
    }
    let height = (bottom - top) as usize;
    let index = list::offset(state.selected(pane), height) + (row - top) as usize;
    Some((pane, (index < state.len(pane)).then_some(index)))
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

/// A `width`×`height` rectangle in the middle of `area`, for overlays.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [v] = Layout::vertical([Constraint::Length(height)])
        .flex(ratatui::layout::Flex::Center)
        .areas(area);
    let [r] = Layout::horizontal([Constraint::Length(width)])
        .flex(ratatui::layout::Flex::Center)
        .areas(v);
    r
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
