//! The preset picker: the presets of config.toml that match what was typed
//! (like fzf), with their descriptions; Enter applies the selected one.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

use super::list;
use super::text::fit;
use super::theme::Theme;
use crate::app::AppState;

pub fn draw(f: &mut Frame, area: Rect, state: &AppState, theme: &Theme) {
    let rows = state.picker_rows();
    // As tall as every preset, so that filtering does not resize it.
    let height = (state.presets.len() as u16 + 2).min(area.height);
    let width = 76.min(area.width);
    let r = super::centered(area, width, height);
    f.render_widget(Clear, r);
    let filter = state.picker().map_or("", |p| p.filter.as_str());
    let title = if filter.is_empty() {
        Line::from(Span::styled(
            " Presets · type to filter · Enter applies · Esc closes ",
            theme.title(),
        ))
    } else {
        Line::from(vec![
            Span::styled(" Presets · ", theme.title()),
            Span::styled(format!("{}_ ", fit(filter, 40)), theme.mark()),
            Span::styled(
                format!("{}/{} ", rows.len(), state.presets.len()),
                theme.dim(),
            ),
        ])
    };
    let selected = state
        .picker()
        .map_or(0, |p| p.selected)
        .min(rows.len().saturating_sub(1));
    list::draw(
        f,
        r,
        title,
        true,
        theme,
        list::Rows::new(rows.len(), selected),
        |i, w| {
            let p = &state.presets[rows[i]];
            let active = state.active_preset.as_deref() == Some(p.name.as_str());
            let desc = p.description.as_deref().unwrap_or("");
            Line::from(vec![
                Span::styled(if active { "● " } else { "  " }, theme.mark()),
                Span::styled(format!("{} ", p.name), theme.title()),
                Span::raw(fit(desc, w.saturating_sub(p.name.chars().count() + 3))),
            ])
        },
    );
}
