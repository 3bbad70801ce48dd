//! The event detail: its date, type, participants and place, then a row
//! that narrows the dashboard to it and one row per report (a merged
//! event has several), each opening the reader at its sentence.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::articles::{date_label, source_label};
use super::list;
use super::text::{fit, pad};
use super::theme::Theme;
use crate::app::EventDetail;
use crate::model::Corpus;

const HEADER_ROWS: u16 = 3;

pub fn draw(f: &mut Frame, area: Rect, corpus: &Corpus, d: &EventDetail, theme: &Theme) {
    let ev = corpus.event(d.event);
    let [head, rows] =
        Layout::vertical([Constraint::Length(HEADER_ROWS), Constraint::Min(3)]).areas(area);
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
    let block = Block::default()
        .borders(Borders::TOP | Borders::LEFT | Borders::RIGHT)
        .border_style(theme.border(true))
        .title(Span::styled(" Event · Esc back ", theme.title()));
    f.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(block),
        head,
    );
    let title = Line::from(Span::styled(
        format!(" Reports ({}) ", ev.reports.len()),
        theme.title(),
    ));
    list::draw(
        f,
        rows,
        title,
        true,
        theme,
        list::Rows::new(ev.reports.len() + 1, d.selected),
        |i, width| {
            if i == 0 {
                return Line::from(Span::styled(
                    fit("▸ Narrow the dashboard to this event", width),
                    theme.title(),
                ));
            }
            let r = &ev.reports[i - 1];
            let a = corpus.article(r.article);
            let prefix = format!("{} {} ", pad(&date_label(a), 11), pad(&source_label(a), 8));
            let room = width.saturating_sub(prefix.chars().count());
            Line::from(vec![
                Span::styled(prefix, theme.dim()),
                Span::raw(fit(a.sentence(r.sentence), room)),
            ])
        },
    );
}
