//! The preset picker: the presets of config.toml with their descriptions
//! and queries; Enter applies one.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

use super::list;
use super::text::fit;
use super::theme::Theme;
use crate::app::AppState;

pub fn draw(f: &mut Frame, area: Rect, state: &AppState, theme: &Theme) {
    let height = (state.presets.len() as u16 + 2).min(area.height);
    let width = 76.min(area.width);
    let r = super::centered(area, width, height);
    f.render_widget(Clear, r);
    let title = Line::from(Span::styled(
        " Presets · Enter applies · Esc closes ",
        theme.title(),
    ));
    let rows = state.presets.len();
    list::draw(
        f,
        r,
        title,
        true,
        theme,
        list::Rows::new(rows, state.preset_selected),
        |i, w| {
            let p = &state.presets[i];
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
