//! The help overlay: the keys in force (rebindings included) by where they
//! act, then the query syntax, as the keymap lists them; it scrolls.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::text::{fit, pad};
use super::theme::Theme;
use crate::app::keymap::{HELP_KEYS_WIDTH as KEYS_WIDTH, HelpLine};
use crate::app::{AppState, help_rows};

pub fn draw(f: &mut Frame, area: Rect, state: &AppState, theme: &Theme) {
    let width = 78.min(area.width);
    let inner = width.saturating_sub(2) as usize;
    let lines: Vec<Line> = state
        .keymap
        .help_lines()
        .into_iter()
        .flat_map(|l| line(l, inner, theme))
        .collect();
    let rows = help_rows(area.height + 1);
    let height = (lines.len().min(rows) as u16 + 2).min(area.height);
    let r = super::centered(area, width, height);
    let last = lines.len().saturating_sub(rows);
    let scroll = state.help_scroll().min(last);
    let more = match (scroll > 0, scroll < last) {
        (true, true) => " ↑↓ more ",
        (false, true) => " ↓ more ",
        (true, false) => " ↑ more ",
        (false, false) => "",
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(" Keys · ↑↓ PgUp PgDn scroll · Esc closes ")
        .title_bottom(Line::from(more).right_aligned());
    let shown: Vec<Line> = lines.into_iter().skip(scroll).take(rows).collect();
    f.render_widget(Clear, r);
    f.render_widget(Paragraph::new(shown).block(block), r);
}

/// A help line at `width`: keys too long for their column get a line of
/// their own above the text.
fn line(l: HelpLine, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let rows = l.rows();
    match l {
        HelpLine::Blank => vec![Line::from("")],
        HelpLine::Section(title) => {
            vec![Line::from(Span::styled(format!(" {title}"), theme.date()))]
        }
        HelpLine::Entry { keys, text } => {
            let text = fit(text, width.saturating_sub(KEYS_WIDTH + 1));
            if rows == 1 {
                return vec![Line::from(vec![
                    Span::styled(format!("  {}", pad(&keys, KEYS_WIDTH - 1)), theme.title()),
                    Span::raw(text),
                ])];
            }
            vec![
                Line::from(Span::styled(
                    format!("  {}", fit(&keys, width.saturating_sub(2))),
                    theme.title(),
                )),
                Line::from(format!("  {}{text}", " ".repeat(KEYS_WIDTH - 1))),
            ]
        }
    }
}
