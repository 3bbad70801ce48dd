//! The bottom line: the search box on the left; counts, the corpus origin,
//! a message and key hints on the right.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::text::fit;
use super::theme::Theme;
use crate::app::AppState;
use crate::model::{Corpus, Origin};

pub fn draw(f: &mut Frame, area: Rect, corpus: &Corpus, state: &AppState, theme: &Theme) {
    let v = &state.view;
    // Entities and events are counted by the index: no counts before it.
    let mut right = if state.indexing {
        format!("{} articles", v.articles.len())
    } else {
        format!(
            "{} articles · {} entities · {} events",
            v.articles.len(),
            v.entities.len(),
            v.events.len()
        )
    };
    right = match (state.building, state.indexing) {
        (true, true) => format!("preparing search; extracting entities and events… · {right}"),
        (true, false) => format!("extracting entities and events… · {right}"),
        (false, true) => format!("preparing search… · {right}"),
        (false, false) => right,
    };
    if let Some(p) = &state.active_preset {
        right = format!("preset {p} · {right}");
    }
    if state.unread_only {
        right.push_str(" · unread only");
    }
    // First seen since the previous run (`is:new` lists them).
    let new = state.marks.iter().filter(|m| m.new).count();
    if new > 0 {
        right.push_str(&format!(" · {new} new"));
    }
    if corpus.origin == Origin::BuiltIn {
        right.push_str(" · built-in seeds");
    }
    if !corpus.warnings.is_empty() {
        right.push_str(&format!(" · {} warnings", corpus.warnings.len()));
    }
    right.push_str("  ? help ");
    // Chips first, as `[label]`, then the typed query.
    let chips: String = state
        .chips
        .iter()
        .map(|c| format!("[{}] ", fit(&c.label, 24)))
        .collect();
    let prompt = if state.editing || !state.query.is_empty() || !chips.is_empty() {
        " / "
    } else {
        " / search"
    };
    let cursor = if state.editing { "_" } else { "" };
    let w = area.width as usize;
    let room = w.saturating_sub(right.width() + prompt.width() + 2);
    let chips = fit(&chips, room * 2 / 3);
    let query = fit(
        &state.query,
        room.saturating_sub(cursor.len() + chips.width()),
    );
    let mut spans = vec![
        Span::styled(
            prompt,
            if state.editing {
                theme.title()
            } else {
                theme.dim()
            },
        ),
        Span::styled(chips.clone(), theme.mark()),
        Span::styled(query.clone(), Style::new().add_modifier(Modifier::BOLD)),
        Span::styled(cursor, Style::new().add_modifier(Modifier::SLOW_BLINK)),
    ];
    let mut used = prompt.width() + chips.width() + query.width() + cursor.len();
    if let Some(m) = &state.message {
        let m = fit(&format!("  {m}"), w.saturating_sub(used + right.width()));
        used += m.width();
        spans.push(Span::styled(m, theme.warning()));
    }
    spans.push(Span::raw(
        " ".repeat(w.saturating_sub(used + right.width())),
    ));
    spans.push(Span::styled(right, theme.dim()));
    f.render_widget(Line::from(spans), area);
}
