//! The event timeline: events of the filtered articles in date order, with
//! the date at its precision, the type, the description and how many
//! articles report it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::list;
use super::text::{fit, pad};
use super::theme::Theme;
use crate::app::{AppState, Pane};
use crate::model::Corpus;

pub fn draw(f: &mut Frame, area: Rect, corpus: &Corpus, state: &AppState, theme: &Theme) {
    let events = &state.view.events;
    let title = Line::from(vec![
        Span::styled(" Timeline ", theme.title()),
        Span::raw(format!("({}) ", events.len())),
    ]);
    let focused = state.focus == Pane::Timeline;
    list::draw(
        f,
        area,
        title,
        focused,
        theme,
        (events.len(), state.selected(Pane::Timeline)),
        |i, width| {
            let e = corpus.event(events[i]);
            let n = e.articles().len();
            let count = if n > 1 {
                format!(" ({n})")
            } else {
                String::new()
            };
            let room = width.saturating_sub(11 + count.len());
            Line::from(vec![
                Span::styled(pad(&e.date.to_string(), 11), theme.date()),
                Span::raw(pad(&fit(&e.description, room), room)),
                Span::styled(count, theme.dim()),
            ])
        },
    );
}
