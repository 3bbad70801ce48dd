//! The help overlay: every key and the query syntax.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::theme::Theme;
use crate::app::keys::HELP;

pub fn draw(f: &mut Frame, area: Rect, theme: &Theme) {
    let height = (HELP.len() as u16 + 2).min(area.height);
    let width = 72.min(area.width);
    let r = super::centered(area, width, height);
    let lines: Vec<Line> = HELP
        .iter()
        .map(|(k, d)| {
            Line::from(vec![
                Span::styled(format!(" {k:<12}"), theme.title()),
                Span::raw(*d),
            ])
        })
        .collect();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(" Keys · any key closes ");
    f.render_widget(Clear, r);
    f.render_widget(Paragraph::new(lines).block(block), r);
}
