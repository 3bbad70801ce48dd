//! Corrections made in the dashboard, carried out off the input thread:
//! a new one is tried on a copy of the corpus shown (one that changes
//! nothing is refused, as `revue correct` refuses it), appended to the
//! corrections file, and the corrected copy indexed; an undo removes the
//! file's last correction and rebuilds the corpus from its sources with
//! the rest. Either way the dashboard gets a whole corpus and its index
//! back, as from the background build, and the next start, the headless
//! commands and the exports read the same file.

use std::cell::RefCell;
use std::io;
use std::path::PathBuf;
use std::sync::Arc;

use super::Pending;
use crate::app::correct::Corrected;
use crate::model::Corpus;
use crate::model::corrections::{self, Correction};
use crate::review::corrections as file;
use crate::search::SearchIndex;

/// Builds the corpus and its index from its sources with these
/// corrections (through the caches, as a start builds them).
pub type Rebuild = Arc<dyn Fn(Vec<Correction>) -> (Corpus, SearchIndex) + Send + Sync>;

/// A corrected corpus and its index, and what was done; or why nothing was.
pub type Done = Result<(Corpus, SearchIndex, Corrected), String>;

/// Where the dashboard's corrections go, and the one being carried out.
pub struct Corrector {
    /// The corrections file; `None` when review state is off.
    path: Option<PathBuf>,
    rebuild: Option<Rebuild>,
    job: RefCell<Option<Pending<Done>>>,
}

impl Corrector {
    /// Corrections saved in `path`, undone by rebuilding with `rebuild`.
    pub fn new(path: Option<PathBuf>, rebuild: Rebuild) -> Corrector {
        Corrector {
            path,
            rebuild: Some(rebuild),
            job: RefCell::new(None),
        }
    }

    /// No corrections file: every correction is refused with the reason.
    pub fn none() -> Corrector {
        Corrector {
            path: None,
            rebuild: None,
            job: RefCell::new(None),
        }
    }

    fn path(&self) -> Result<PathBuf, String> {
        self.path.clone().ok_or_else(|| {
            "corrections are not saved: review state is off (--no-state)".to_string()
        })
    }

    /// Saves and applies `c` on a copy of `corpus`; a refusal at once.
    pub fn start(&self, corpus: Arc<Corpus>, c: Correction) -> Result<(), String> {
        let path = self.path()?;
        self.spawn("correcting", move || {
            let mut corrected = (*corpus).clone();
            drop(corpus);
            if corrections::apply(&mut corrected, std::slice::from_ref(&c)) != [true] {
                return Err(format!("{}: changes nothing in this corpus", c.describe()));
            }
            file::append(&path, &c)
                .map_err(|e| format!("{}: correction not saved: {e}", path.display()))?;
            let index = SearchIndex::new(&corrected);
            Ok((corrected, index, Corrected::Applied(c)))
        })
    }

    /// Removes the file's last correction (`c`, unless another revue saved
    /// one since: then that one, and the message says so) and rebuilds.
    pub fn start_undo(&self, c: Correction) -> Result<(), String> {
        let path = self.path()?;
        let rebuild = self
            .rebuild
            .clone()
            .ok_or_else(|| "no corpus to rebuild".to_string())?;
        self.spawn("undoing a correction", move || {
            let removed = file::undo(&path)
                .map_err(|e| format!("{}: correction not undone: {e}", path.display()))?
                .ok_or_else(|| format!("{}: no correction left to undo", path.display()))?;
            if removed != c {
                // Put back what was not ours to undo.
                file::append(&path, &removed).map_err(|e| format!("{}: {e}", path.display()))?;
                return Err(format!(
                    "not undone: another revue saved \"{}\" since",
                    removed.describe()
                ));
            }
            let (list, _) = file::read(&path);
            let (corpus, index) = rebuild(list);
            Ok((corpus, index, Corrected::Undone(removed)))
        })
    }

    fn spawn(&self, name: &str, job: impl FnOnce() -> Done + Send + 'static) -> Result<(), String> {
        let pending = Pending::spawn(name, job).map_err(|e| format!("{name}: {e}"))?;
        *self.job.borrow_mut() = Some(pending);
        Ok(())
    }

    /// The job's result, once it came.
    pub fn arrived(&self) -> io::Result<Option<Done>> {
        let mut job = self.job.borrow_mut();
        let Some(p) = job.as_ref() else {
            return Ok(None);
        };
        let done = p.arrived("the correction")?;
        if done.is_some() {
            *job = None;
        }
        Ok(done)
    }

    /// The job under way, whose `wake` is readable when it ended (polled
    /// with the terminal).
    pub(super) fn job(&self) -> std::cell::Ref<'_, Option<Pending<Done>>> {
        self.job.borrow()
    }
}
