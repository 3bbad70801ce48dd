//! Undo: the dashboard's changes of review marks and its corrections, the
//! latest first. A change of marks is kept as the marks it changed, each
//! with its value before, so that undoing it restores exactly those and
//! nothing else (a star set since on another article stays). A
//! correction is undone by the terminal loop, which removes it from the
//! corrections file and rebuilds the corpus without it.

use crate::model::ArticleId;
use crate::model::corrections::Correction;
use crate::review::Mark;

/// Undo steps kept; older ones are forgotten.
pub const KEPT: usize = 100;

/// One step to undo.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Marks set or cleared by one action: what it was, and each mark
    /// changed with the value it had before.
    Marks {
        what: String,
        before: Vec<(ArticleId, Mark, bool)>,
    },
    /// A correction saved from the dashboard.
    Correction(Correction),
}

/// The steps to undo, oldest first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Undo {
    steps: Vec<Step>,
}

impl Undo {
    pub fn push(&mut self, step: Step) {
        if let Step::Marks { before, .. } = &step
            && before.is_empty()
        {
            return;
        }
        self.steps.push(step);
        if self.steps.len() > KEPT {
            self.steps.remove(0);
        }
    }

    pub fn pop(&mut self) -> Option<Step> {
        self.steps.pop()
    }

    pub fn len(&self) -> usize {
        self.steps.len()
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }
}
