//! The entity summary: entities of the filtered articles by kind, with
//! mention and article counts and a bar scaled to the most mentioned.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::list;
use super::text::{fit, highlighted, pad};
use super::theme::Theme;
use crate::app::{AppState, Pane};
use crate::extract::kind::EntityKind;
use crate::model::Corpus;

const BAR: usize = 8;

/// Columns of the type label: the longest code (`MISC`) and a space.
pub const KIND_WIDTH: usize = 5;

/// `PER  `, `MISC `: the type code padded to [`KIND_WIDTH`].
pub fn kind_label(k: EntityKind) -> String {
    format!("{:<width$}", k.code(), width = KIND_WIDTH)
}

pub fn draw(f: &mut Frame, area: Rect, corpus: &Corpus, state: &AppState, theme: &Theme) {
    let rows = &state.view.entities;
    let title = Line::from(vec![
        Span::styled(" Entities ", theme.title()),
        Span::raw(match list::awaited(state) {
            Some((note, _)) => note.to_string(),
            None => format!("({}) ", rows.len()),
        }),
    ]);
    let max = rows.iter().map(|r| r.mentions).max().unwrap_or(1).max(1);
    let focused = state.focus == Pane::Entities;
    list::draw(
        f,
        area,
        title,
        focused,
        theme,
        list::Rows {
            empty: list::awaited(state).map_or(list::NOTHING_MATCHES, |(_, empty)| empty),
            ..list::Rows::new(rows.len(), state.selected(Pane::Entities))
        },
        |i, width| {
            let r = &rows[i];
            let e = corpus.entity(r.id);
            let counts = format!("{:>4} {:>3}", r.mentions, state.entity_articles(corpus, r));
            let bar_w = if width >= 40 { BAR + 1 } else { 0 };
            let room = width.saturating_sub(KIND_WIDTH + counts.len() + bar_w + 1);
            let name = pad(&fit(&e.canonical, room), room);
            let filled = (r.mentions * BAR).div_ceil(max).min(BAR);
            let mut spans = vec![Span::styled(kind_label(e.kind), theme.kind(e.kind))];
            spans.extend(
                highlighted(
                    &name,
                    &state.view.highlights,
                    ratatui::style::Style::new(),
                    theme.highlight(),
                )
                .into_iter()
                .map(|s| Span::styled(s.content.into_owned(), s.style)),
            );
            spans.push(Span::styled(format!(" {counts}"), theme.dim()));
            if bar_w > 0 {
                spans.push(Span::styled(
                    format!(" {}", "█".repeat(filled)),
                    theme.bar(),
                ));
            }
            Line::from(spans)
        },
    );
}
