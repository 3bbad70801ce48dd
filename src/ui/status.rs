//! The bottom of the screen in zones: the status line (the search line,
//! its chips and switches on the left; the counts, what runs in the
//! background and the warnings on the right, never cut for the left), and
//! above it, while there is one, the message of the last key on a line of
//! its own.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::text::{count, fit};
use super::theme::Theme;
use crate::app::AppState;
use crate::model::{Corpus, Origin};

/// The right zone's parts, the most needed first: the counts stay, the
/// rest go from the end when the line is too narrow.
fn right_parts(corpus: &Corpus, state: &AppState) -> Vec<String> {
    let v = &state.view;
    let articles = count(v.articles.len(), "article", "articles");
    // Entities and events are counted by the index: no counts before it.
    let mut parts = vec![if state.indexing || state.building {
        articles
    } else {
        format!(
            "{articles} · {} · {}",
            count(v.entities.len(), "entity", "entities"),
            count(v.events.len(), "event", "events")
        )
    }];
    match (state.building, state.indexing) {
        (true, true) => parts.push("preparing search; extracting entities and events…".into()),
        (true, false) => parts.push("extracting entities and events…".into()),
        (false, true) => parts.push("preparing search…".into()),
        (false, false) => {}
    }
    if let Some(now) = &state.live.activity {
        parts.push(now.clone());
    }
    if state.correcting.is_some() {
        parts.push("correcting…".into());
    }
    // First seen since the previous run (`is:new` lists them), those
    // that arrived while open included; those alone: `is:arrived`.
    let new = state.marks.iter().filter(|m| m.new).count();
    if new > 0 {
        parts.push(format!("{new} new"));
    }
    let arrived = state.marks.iter().filter(|m| m.arrived).count();
    if arrived > 0 {
        parts.push(format!("{arrived} arrived"));
    }
    if let Some(note) = &state.live.watch_note {
        parts.push(note.clone());
    }
    if !corpus.warnings.is_empty() {
        parts.push(format!(
            "{} (!)",
            count(corpus.warnings.len(), "warning", "warnings")
        ));
    }
    if corpus.origin == Origin::BuiltIn {
        parts.push("built-in seeds".into());
    }
    parts
}

/// The right zone for `width` columns, leaving the left at least `left`:
/// the parts that fit, then the help key if it fits too.
fn right_zone(parts: &[String], width: usize, left: usize) -> String {
    for n in (1..=parts.len()).rev() {
        let s = format!("{} ", parts[..n].join(" · "));
        if s.width() + left <= width || n == 1 {
            let with_help = format!("{}  ? help ", s.trim_end());
            return if with_help.width() + left <= width {
                with_help
            } else {
                s
            };
        }
    }
    String::new()
}

pub fn draw(f: &mut Frame, area: Rect, corpus: &Corpus, state: &AppState, theme: &Theme) {
    let w = area.width as usize;
    let right = right_zone(&right_parts(corpus, state), w, 24);
    // Chips and switches, as `[label]`, before the typed query.
    let mut chips: String = state
        .chips
        .iter()
        .map(|c| format!("[{}] ", fit(&c.label, 24)))
        .collect();
    if let Some(p) = &state.active_preset {
        chips.push_str(&format!("[preset {}] ", fit(p, 20)));
    }
    if state.unread_only {
        chips.push_str("[unread only] ");
    }
    if state.per_story {
        chips.push_str("[counts per story] ");
    }
    let prompt = if state.editing || !state.query.is_empty() || !chips.is_empty() {
        " / "
    } else {
        " / search"
    };
    let room = w.saturating_sub(right.width() + prompt.width() + 1);
    let mut chips = fit(&chips, room * 2 / 3);
    if !chips.is_empty() && !chips.ends_with(' ') {
        chips.push(' ');
    }
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
    ];
    let query_room = room.saturating_sub(chips.width());
    spans.extend(query_spans(state, query_room));
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    spans.push(Span::raw(
        " ".repeat(w.saturating_sub(used + right.width())),
    ));
    spans.push(Span::styled(right, theme.dim()));
    f.render_widget(Line::from(spans), area);
}

/// The query in `room` columns; while edited, with the cursor shown on
/// the character it is before (`_` at the end), the text cut on the side
/// away from the cursor.
fn query_spans(state: &AppState, room: usize) -> Vec<Span<'static>> {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    if !state.editing {
        return vec![Span::styled(fit(&state.query, room), bold)];
    }
    let q = &state.query;
    let at = Some(state.cursor)
        .filter(|&c| q.is_char_boundary(c))
        .unwrap_or(q.len());
    let (before, rest) = q.split_at(at);
    let mut chars = rest.chars();
    let under = chars.next().map_or("_".to_string(), |c| c.to_string());
    let after = chars.as_str();
    // Keep the end of what is before the cursor, the start of what is after.
    let before_room = room.saturating_sub(1).min(before.width().max(room / 2));
    let before = if before.width() > before_room {
        let kept: String = before
            .chars()
            .rev()
            .scan(0, |w, c| {
                *w += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                (*w < before_room).then_some(c)
            })
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        format!("…{kept}")
    } else {
        before.to_string()
    };
    let after = fit(after, room.saturating_sub(before.width() + under.width()));
    vec![
        Span::styled(before, bold),
        Span::styled(under, bold.add_modifier(Modifier::REVERSED)),
        Span::styled(after, bold),
    ]
}

/// The message line: the message of the last key, cut with a pointer to
/// the key that shows it whole.
pub fn draw_message(f: &mut Frame, area: Rect, state: &AppState, theme: &Theme) {
    let Some(m) = &state.message else { return };
    let w = area.width as usize;
    let keys = state.keymap.keys_of("message");
    let text = format!(" {m}");
    let line = if text.width() <= w || keys.is_empty() {
        fit(&text, w)
    } else {
        let hint = format!(" ({}: in full)", crate::app::keymap::display(keys[0]));
        format!("{}{hint}", fit(&text, w.saturating_sub(hint.width())))
    };
    let pad = " ".repeat(w.saturating_sub(line.width()));
    f.render_widget(
        Line::from(Span::styled(format!("{line}{pad}"), theme.warning())),
        area,
    );
}
