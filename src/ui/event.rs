//! The event detail: its date, type, participants and place, then a row
//! that narrows the dashboard to it and one row per report (a merged
//! event has several), each opening the reader at its sentence.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::detail::{self, Detail};
use super::theme::Theme;
use crate::app::EventDetail;
use crate::model::Corpus;

const HEADER_ROWS: u16 = 3;

pub fn draw(f: &mut Frame, area: Rect, corpus: &Corpus, d: &EventDetail, theme: &Theme) {
    let ev = corpus.event(d.event);
    let names = |ids: &mut dyn Iterator<Item = &crate::model::EntityId>| {
        ids.map(|id| corpus.entity(*id).canonical.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let place = ev
        .place
        .map(|p| format!(" · at {}", corpus.entity(p).canonical))
        .unwrap_or_default();
    let lines = vec![
        Line::from(vec![
            Span::styled(format!("{} ", ev.date), theme.date()),
            Span::styled(format!("{} ", ev.type_and_subtype()), theme.dim()),
            Span::styled(ev.description.clone(), theme.title()),
        ]),
        Line::from(vec![
            Span::styled("with ", theme.dim()),
            Span::raw(names(&mut ev.participants.iter())),
            Span::raw(place),
        ]),
    ];
    let sentences: Vec<_> = ev.reports.iter().map(|r| (r.article, r.sentence)).collect();
    detail::draw(
        f,
        area,
        corpus,
        Detail {
            kind: " Event · Esc back ",
            header: lines,
            header_rows: HEADER_ROWS,
            list_title: format!(" Reports ({}) ", ev.reports.len()),
            action: "▸ Narrow the dashboard to this event".to_string(),
            sentences: &sentences,
            selected: d.selected,
        },
        theme,
    );
}
