//! Colours and emphasis. With colour off (`NO_COLOR`, a dumb terminal)
//! every distinction still shows through bold, underline and reverse video.

use ratatui::style::{Color, Modifier, Style};

use crate::extract::kind::EntityKind;

#[derive(Debug, Clone)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub fn new(color: bool) -> Self {
        Theme { color }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            self.fg(Color::DarkGray)
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
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn date(&self) -> Style {
        self.fg(Color::Yellow)
    }

    pub fn highlight(&self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::Yellow)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    pub fn kind(&self, k: EntityKind) -> Style {
        match k {
            EntityKind::Person => self.fg(Color::LightBlue),
            EntityKind::Place => self.fg(Color::LightGreen),
            EntityKind::Org => self.fg(Color::LightMagenta),
            EntityKind::Misc => self.fg(Color::Gray),
        }
    }

    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn warning(&self) -> Style {
        self.fg(Color::LightRed)
    }

    pub fn mark(&self) -> Style {
        self.fg(Color::LightYellow)
    }

    pub fn bar(&self) -> Style {
        self.fg(Color::Cyan)
    }
}
