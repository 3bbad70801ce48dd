//! The terminal: raw mode and the alternate screen, the event loop, and
//! restoring the terminal on every way out (quit, error, panic). Draws
//! only after input or a resize: idle costs no output and no CPU.

use std::io;
use std::path::Path;

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::app::keys::{self, Key};
use crate::app::{self, Action, AppState};
use crate::model::Corpus;
use crate::review;
use crate::search::SearchIndex;
use crate::ui::{self, Theme};

/// Runs the dashboard until the user quits.
pub fn run(
    corpus: &Corpus,
    index: &SearchIndex,
    mut state: AppState,
    theme: &Theme,
    marks_path: Option<&Path>,
) -> io::Result<()> {
    // ratatui::init installs a panic hook that restores the terminal
    // before the panic message is printed.
    let mut terminal = ratatui::try_init()?;
    let result = event_loop(&mut terminal, corpus, index, &mut state, theme, marks_path);
    ratatui::try_restore()?;
    result
}

/// Writes the review marks when they changed; a failure is shown, not fatal.
fn save_marks(state: &mut AppState, path: Option<&Path>) {
    if !state.marks_dirty {
        return;
    }
    state.marks_dirty = false;
    if let Some(path) = path
        && let Err(e) = review::persist::save(path, &state.book)
    {
        state.message = Some(format!(
            "cannot save review marks to {}: {e}",
            path.display()
        ));
    }
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    corpus: &Corpus,
    index: &SearchIndex,
    state: &mut AppState,
    theme: &Theme,
    marks_path: Option<&Path>,
) -> io::Result<()> {
    let size = terminal.size()?;
    app::update(
        state,
        Action::Resize {
            cols: size.width,
            rows: size.height,
        },
        corpus,
        index,
    );
    loop {
        terminal.draw(|f| ui::render(f, corpus, state, theme))?;
        // Block until something happens; several queued events are all
        // applied before the next draw so fast typing never lags.
        let mut ev = event::read()?;
        loop {
            if let Some(action) = action_for(state, ev) {
                app::update(state, action, corpus, index);
            }
            save_marks(state, marks_path);
            if state.quit || !event::poll(std::time::Duration::ZERO)? {
                break;
            }
            ev = event::read()?;
        }
        if state.quit {
            return Ok(());
        }
    }
}

fn action_for(state: &AppState, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => keys::action_for(state, key_of(k)?),
        Event::Resize(cols, rows) => Some(Action::Resize { cols, rows }),
        _ => None,
    }
}

fn key_of(k: KeyEvent) -> Option<Key> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    Some(match k.code {
        KeyCode::Char(c) if ctrl => Key::Ctrl(c.to_ascii_lowercase()),
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        _ => return None,
    })
}
