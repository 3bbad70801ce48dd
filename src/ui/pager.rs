//! The scrolling windows that are not the help: every warning of the
//! corpus with its file, and the last message in full.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::text::fit;
use super::theme::Theme;
use crate::app::{AppState, help_rows};
use crate::model::Corpus;

/// Warnings from the `scroll`-th on: each its file, then its message
/// wrapped under it.
pub fn draw_warnings(f: &mut Frame, area: Rect, corpus: &Corpus, scroll: usize, theme: &Theme) {
    let width = 78.min(area.width);
    let inner = width.saturating_sub(2) as usize;
    let n = corpus.warnings.len();
    let mut lines: Vec<Line> = Vec::new();
    for w in corpus.warnings.iter().skip(scroll) {
        lines.push(Line::from(Span::styled(
            format!(
                " {}",
                fit(&w.path.display().to_string(), inner.saturating_sub(1))
            ),
            theme.title(),
        )));
        for l in textwrap::wrap(&w.message, inner.saturating_sub(3).max(10)) {
            lines.push(Line::from(format!("   {l}")));
        }
    }
    let title = format!(
        " Warnings · {} of {n} · ↑↓ scroll · Esc closes ",
        (scroll + 1).min(n)
    );
    draw_box(f, area, width, title, lines, theme);
}

/// The last message, wrapped whole.
pub fn draw_message(f: &mut Frame, area: Rect, state: &AppState, theme: &Theme) {
    let width = 78.min(area.width);
    let inner = width.saturating_sub(4).max(10) as usize;
    let text = state.last_message.as_deref().unwrap_or("");
    let lines = textwrap::wrap(text, inner)
        .into_iter()
        .map(|l| Line::from(format!(" {l}")))
        .collect();
    draw_box(
        f,
        area,
        width,
        " Last message · Esc closes ".into(),
        lines,
        theme,
    );
}

fn draw_box(f: &mut Frame, area: Rect, width: u16, title: String, lines: Vec<Line>, theme: &Theme) {
    let rows = help_rows(area.height + 1);
    let more = lines.len() > rows;
    let height = (lines.len().min(rows) as u16 + 2).min(area.height);
    let r = super::centered(area, width, height);
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(title);
    if more {
        block = block.title_bottom(Line::from(" ↓ more ").right_aligned());
    }
    f.render_widget(Clear, r);
    f.render_widget(Paragraph::new(lines).block(block), r);
}
