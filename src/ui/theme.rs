//! Colours and emphasis. Three palettes: `dark` and `light` (256 colours,
//! for dark and light backgrounds) and `ansi16` (only the terminal's own 16
//! colours, as its palette sets them), and the 8 colours of the oldest
//! terminals, chosen by what the terminal says it supports
//! ([`ColourDepth::of_terminal`]). With colour off (`NO_COLOR`,
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
    /// The eight colours every colour terminal has: no bright ones, which
    /// an 8-colour `screen` or `vt220` shows as something else or not at all.
    Ansi8,
}

/// How many colours the terminal shows, as `TERM` and `COLORTERM` say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ColourDepth {
    Eight,
    Sixteen,
    Indexed256,
    TrueColour,
}

impl ColourDepth {
    /// From the values of `TERM` and `COLORTERM`. `COLORTERM=truecolor`
    /// (or `24bit`) and a `TERM` naming `256color` or `direct` are the
    /// conventions terminals follow; `xterm`, `linux`, `rxvt`, `tmux` and
    /// the like have 16; anything else (`screen`, `vt100`, unset) is only
    /// trusted with 8.
    pub fn of_terminal(term: Option<&str>, colorterm: Option<&str>) -> ColourDepth {
        let colorterm = colorterm.unwrap_or("").to_ascii_lowercase();
        if colorterm == "truecolor" || colorterm == "24bit" {
            return ColourDepth::TrueColour;
        }
        let term = term.unwrap_or("").to_ascii_lowercase();
        if term.contains("256color") || term.contains("direct") {
            return ColourDepth::Indexed256;
        }
        let family = term.split('-').next().unwrap_or("");
        let sixteen = [
            "xterm",
            "linux",
            "rxvt",
            "urxvt",
            "tmux",
            "konsole",
            "gnome",
            "alacritty",
            "kitty",
            "foot",
            "wezterm",
            "putty",
            "iterm",
            "iterm2",
            "vte",
            "st",
        ];
        if sixteen.contains(&family) || term.contains("16color") {
            ColourDepth::Sixteen
        } else {
            ColourDepth::Eight
        }
    }

    /// The running terminal's.
    pub fn from_env() -> ColourDepth {
        let var = |k| std::env::var(k).ok();
        ColourDepth::of_terminal(var("TERM").as_deref(), var("COLORTERM").as_deref())
    }

    /// The palette to draw `wanted` with on such a terminal: the 256-colour
    /// palettes fall back to the terminal's own colours where it has fewer.
    pub fn palette(self, wanted: Palette) -> Palette {
        match (self, wanted) {
            (ColourDepth::Eight, _) => Palette::Ansi8,
            (ColourDepth::Sixteen, Palette::Dark | Palette::Light) => Palette::Ansi16,
            _ => wanted,
        }
    }
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

/// The base colour of a bright one: SGR 90–97 is no part of the eight.
fn without_bright(c: Color) -> Color {
    match c {
        Color::LightRed => Color::Red,
        Color::LightGreen => Color::Green,
        Color::LightYellow => Color::Yellow,
        Color::LightBlue => Color::Blue,
        Color::LightMagenta => Color::Magenta,
        Color::LightCyan => Color::Cyan,
        // ratatui's `White` is the bright one (index 15); `Gray` is the
        // eighth colour (index 7).
        Color::DarkGray | Color::White => Color::Gray,
        c => c,
    }
}

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
            Palette::Ansi8 => without_bright(t.2),
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
    fn the_terminal_says_how_many_colours_it_has() {
        use ColourDepth::*;
        let of = ColourDepth::of_terminal;
        for (term, colorterm, depth) in [
            (Some("xterm-256color"), None, Indexed256),
            (Some("screen-256color"), None, Indexed256),
            (Some("tmux-256color"), None, Indexed256),
            (Some("xterm-direct"), None, Indexed256),
            (Some("xterm"), Some("truecolor"), TrueColour),
            (Some("screen"), Some("24bit"), TrueColour),
            (Some("xterm"), None, Sixteen),
            (Some("linux"), None, Sixteen),
            (Some("rxvt-unicode"), None, Sixteen),
            (Some("screen"), None, Eight),
            (Some("vt100"), None, Eight),
            (Some("vt220"), None, Eight),
            (None, None, Eight),
        ] {
            assert_eq!(of(term, colorterm), depth, "{term:?} {colorterm:?}");
        }
        assert_eq!(Eight.palette(Palette::Dark), Palette::Ansi8);
        assert_eq!(Eight.palette(Palette::Ansi16), Palette::Ansi8);
        assert_eq!(Sixteen.palette(Palette::Light), Palette::Ansi16);
        assert_eq!(Indexed256.palette(Palette::Light), Palette::Light);
        assert_eq!(TrueColour.palette(Palette::Dark), Palette::Dark);
    }

    #[test]
    fn eight_colours_are_never_bright_nor_indexed() {
        let t = Theme::with_palette(true, Palette::Ansi8);
        for s in [
            t.date(),
            t.dim(),
            t.warning(),
            t.mark(),
            t.border(true),
            t.kind(EntityKind::Person),
            t.kind(EntityKind::Place),
            t.kind(EntityKind::Org),
            t.kind(EntityKind::Misc),
            t.bar(),
            t.highlight(),
        ] {
            for c in [s.fg, s.bg].into_iter().flatten() {
                assert!(
                    matches!(
                        c,
                        Color::Black
                            | Color::Red
                            | Color::Green
                            | Color::Yellow
                            | Color::Blue
                            | Color::Magenta
                            | Color::Cyan
                            | Color::Gray
                    ),
                    "{c:?}"
                );
            }
        }
    }

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
