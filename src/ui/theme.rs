//! Colours and emphasis. Three palettes: `dark` and `light` (256 colours,
//! for dark and light backgrounds) and `ansi16` (only the terminal's own 16
//! colours, as its palette sets them). With colour off (`NO_COLOR`,
//! `--color never`) every distinction still shows through bold, underline
//! and reverse video: selection is never colour alone.

use ratatui::style::{Color, Modifier, Style};

use crate::extract::kind::EntityKind;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Palette {
    #[default]
    Dark,
    Light,
    Ansi16,
}

#[derive(Debug, Clone)]
pub struct Theme {
    pub color: bool,
    pub palette: Palette,
}

/// One colour per palette: 256-colour indexes for dark and light, a named
/// colour for the 16-colour palette.
struct Tone(u8, u8, Color);

const BORDER: Tone = Tone(81, 31, Color::Cyan);
const DIM: Tone = Tone(245, 246, Color::DarkGray);
const DATE: Tone = Tone(179, 130, Color::Yellow);
const WARN: Tone = Tone(210, 160, Color::LightRed);
const MARK: Tone = Tone(221, 136, Color::LightYellow);
const BAR: Tone = Tone(73, 30, Color::Cyan);
const PER: Tone = Tone(111, 25, Color::LightBlue);
const LOC: Tone = Tone(114, 28, Color::LightGreen);
const ORG: Tone = Tone(176, 127, Color::LightMagenta);
const MISC: Tone = Tone(250, 240, Color::Gray);
const HIGHLIGHT_BG: Tone = Tone(220, 228, Color::Yellow);

impl Theme {
    /// The default palette, with or without colour.
    pub fn new(color: bool) -> Self {
        Theme {
            color,
            palette: Palette::default(),
        }
    }

    pub fn with_palette(color: bool, palette: Palette) -> Self {
        Theme { color, palette }
    }

    fn tone(&self, t: &Tone) -> Color {
        match self.palette {
            Palette::Dark => Color::Indexed(t.0),
            Palette::Light => Color::Indexed(t.1),
            Palette::Ansi16 => t.2,
        }
    }

    fn fg(&self, t: &Tone) -> Style {
        if self.color {
            Style::new().fg(self.tone(t))
        } else {
            Style::new()
        }
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(&BORDER).add_modifier(Modifier::BOLD)
        } else {
            self.fg(&DIM)
        }
    }

    pub fn selected(&self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }

    pub fn dim(&self) -> Style {
        if self.color {
            self.fg(&DIM)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn date(&self) -> Style {
        self.fg(&DATE)
    }

    pub fn highlight(&self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(self.tone(&HIGHLIGHT_BG))
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    pub fn kind(&self, k: EntityKind) -> Style {
        match k {
            EntityKind::Person => self.fg(&PER),
            EntityKind::Place => self.fg(&LOC),
            EntityKind::Org => self.fg(&ORG),
            EntityKind::Misc => self.fg(&MISC),
        }
    }

    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn warning(&self) -> Style {
        self.fg(&WARN)
    }

    pub fn mark(&self) -> Style {
        self.fg(&MARK)
    }

    pub fn bar(&self) -> Style {
        self.fg(&BAR)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ansi16_uses_named_colours_only_and_monochrome_none() {
        let t = Theme::with_palette(true, Palette::Ansi16);
        for s in [
            t.date(),
            t.dim(),
            t.kind(EntityKind::Person),
            t.bar(),
            t.highlight(),
        ] {
            for c in [s.fg, s.bg].into_iter().flatten() {
                assert!(!matches!(c, Color::Indexed(_) | Color::Rgb(..)), "{c:?}");
            }
        }
        let mono = Theme::with_palette(false, Palette::Dark);
        for s in [
            mono.date(),
            mono.dim(),
            mono.kind(EntityKind::Org),
            mono.highlight(),
            mono.selected(true),
        ] {
            assert!(s.fg.is_none() && s.bg.is_none());
        }
        assert!(
            mono.selected(true)
                .add_modifier
                .contains(Modifier::REVERSED)
        );
    }
}
