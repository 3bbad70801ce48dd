//! Where the dashboard's mark changes go: to the saving thread, nowhere
//! (`--no-state`), or nowhere with a message when the state file could not
//! be read and so must not be written.

use std::io;
use std::os::fd::BorrowedFd;

use crate::app::AppState;
use crate::review::Change;
use crate::review::persist::Store;
use crate::review::saver::Saver;

pub enum Keeper {
    Nowhere,
    /// Why marks are not saved, and whether the user has marked since:
    /// from then on the reason stays on screen (a new view would
    /// otherwise replace it at once, before it was read).
    ReadOnly(String, std::cell::Cell<bool>),
    Saving(Saver),
}

impl Keeper {
    pub fn new(store: Option<Store>) -> io::Result<Keeper> {
        Ok(match store {
            None => Keeper::Nowhere,
            Some(s) => match s.read_only() {
                Some(why) => Keeper::ReadOnly(why.to_string(), Default::default()),
                None => Keeper::Saving(Saver::start(s)?),
            },
        })
    }

    /// Hands changes of marks on, without waiting for the disk.
    pub fn keep(&self, changes: Vec<Change>, state: &mut AppState) {
        if changes.is_empty() {
            return;
        }
        match self {
            Keeper::Nowhere => {}
            Keeper::ReadOnly(why, marked) => {
                marked.set(true);
                state.message = Some(format!("marks are not saved: {why}"));
            }
            Keeper::Saving(s) => s.save(changes),
        }
    }

    /// Logs the articles that arrived as first seen by this run.
    pub fn sight(&self, sighting: crate::review::Sighting) {
        if let Keeper::Saving(s) = self {
            s.sight(sighting);
        }
    }

    /// Readable when the saver has something to say.
    pub fn wake(&self) -> Option<BorrowedFd<'_>> {
        match self {
            Keeper::Saving(s) => Some(s.wake()),
            _ => None,
        }
    }

    /// Shows what the saver reported; whether there was anything.
    pub fn show_reports(&self, state: &mut AppState) -> bool {
        if let Keeper::ReadOnly(why, marked) = self
            && marked.get()
            && state.message.is_none()
        {
            state.message = Some(format!("marks are not saved: {why}"));
            return true;
        }
        let Keeper::Saving(s) = self else {
            return false;
        };
        match s.reports().pop() {
            Some(last) => {
                state.message = Some(last);
                true
            }
            None => false,
        }
    }

    /// Waits for every change to be written; what went wrong since the last
    /// report, for the normal screen.
    pub fn finish(self) -> Vec<String> {
        match self {
            Keeper::Saving(s) => s.finish(),
            _ => Vec::new(),
        }
    }
}
