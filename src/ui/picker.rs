//! The correction picker: the choices that match what was typed (like
//! fzf), each with its detail; and the yes/no question asked before a
//! large change. Both are drawn over the screen they were opened from.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::list;
use super::text::fit;
use super::theme::Theme;
use crate::app::correct::Chooser;
use crate::app::mark_all::Question;

/// Rows of choices shown at most: the picker keeps its height while the
/// filter narrows it.
const MAX_ROWS: u16 = 14;

pub fn draw(f: &mut Frame, area: Rect, c: &Chooser, theme: &Theme) {
    let height = (c.choices.len().min(MAX_ROWS as usize) as u16 + 2)
        .max(4)
        .min(area.height);
    let width = 72.min(area.width);
    let r = super::centered(area, width, height);
    f.render_widget(Clear, r);
    let title_room = (width as usize).saturating_sub(20);
    let mut title = vec![Span::styled(
        format!(" {} ", fit(&c.title, title_room / 2)),
        theme.title(),
    )];
    if c.filter.is_empty() {
        title.push(Span::styled("· type to filter · Enter · Esc ", theme.dim()));
    } else {
        title.push(Span::styled(
            format!("· {}_ ", fit(&c.filter, title_room / 2)),
            theme.mark(),
        ));
        title.push(Span::styled(
            format!("{}/{} ", c.rows.len(), c.choices.len()),
            theme.dim(),
        ));
    }
    let selected = c.selected.min(c.rows.len().saturating_sub(1));
    // Details line up after the widest label, within half the row, and
    // stay put while the filter narrows the rows.
    let widest = c
        .choices
        .iter()
        .map(|ch| ch.label.width())
        .max()
        .unwrap_or(0)
        .min(width as usize / 2);
    list::draw(
        f,
        r,
        Line::from(title),
        true,
        theme,
        list::Rows::new(c.rows.len(), selected),
        |i, w| {
            let choice = &c.choices[c.rows[i]];
            let label = super::text::pad(&fit(&choice.label, widest), widest);
            let room = w.saturating_sub(label.width() + 4);
            Line::from(vec![
                Span::raw(format!(" {label}  ")),
                Span::styled(fit(&choice.detail, room), theme.dim()),
            ])
        },
    );
}

pub fn draw_question(f: &mut Frame, area: Rect, q: &Question, theme: &Theme) {
    let text = q.text();
    let width = (text.width() as u16 + 4).min(60).min(area.width);
    let r = super::centered(area, width, 4.min(area.height));
    f.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.title())
        .title(Span::styled(" Confirm ", theme.title()));
    f.render_widget(
        Paragraph::new(text).wrap(Wrap { trim: true }).block(block),
        r,
    );
}
