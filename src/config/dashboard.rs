//! What config.toml sets in the dashboard: the layout, the presets offered
//! by the picker, rebound keys and the colour palette.

use crate::app::{self, AppState, PresetChoice};
use crate::ui::theme::Palette;

use super::{Config, Layout, ThemeName};

/// Applies `[ui]`, `[keys]` and `[[preset]]` to a fresh dashboard state.
pub fn configure(config: &Config, state: &mut AppState) {
    let ui = &config.ui;
    state.layout = app::Layout {
        panes: ui.panes.clone(),
        stacked: ui.layout == Layout::Stacked,
        articles_percent: ui.articles_percent,
        entities_percent: ui.entities_percent,
        zoomed: false,
    };
    if !state.layout.shows(state.focus) {
        state.focus = state.layout.panes[0];
    }
    state.presets = config
        .presets
        .iter()
        .map(|p| PresetChoice {
            name: p.name().to_string(),
            description: p.description.clone(),
            query: p.query_string(),
            pane: p.pane,
        })
        .collect();
    state.read_marks = config.stories.read_marks;
    // Checked when the file was read; a config made in code that fails
    // the check keeps the default keys.
    if let Ok(keymap) = config.keys.keymap() {
        state.keymap = keymap;
    }
}

pub fn palette(config: &Config) -> Palette {
    match config.ui.theme {
        ThemeName::Dark => Palette::Dark,
        ThemeName::Light => Palette::Light,
        ThemeName::Ansi16 => Palette::Ansi16,
    }
}
