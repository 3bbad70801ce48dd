//! How the dashboard is arranged and how the user moves between views:
//! the layout (which panes, side by side or stacked, zoom), drill-down
//! chips that narrow the view, the history of views, and presets.

use super::Pane;

/// The panes and their arrangement, from `[ui]` in config.toml.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// The panes shown, in focus order.
    pub panes: Vec<Pane>,
    /// Articles on top, entities beside the timeline below (instead of
    /// articles on the left).
    pub stacked: bool,
    /// Share of the screen for the article list (10 to 90).
    pub articles_percent: u16,
    /// Share of the rest for the entities (10 to 90).
    pub entities_percent: u16,
    /// The focused pane fills the screen.
    pub zoomed: bool,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            panes: vec![Pane::Articles, Pane::Entities, Pane::Timeline],
            stacked: false,
            articles_percent: 50,
            entities_percent: 50,
            zoomed: false,
        }
    }
}

impl Layout {
    pub fn shows(&self, p: Pane) -> bool {
        self.panes.contains(&p)
    }

    /// The next (or previous) shown pane after `from`.
    pub fn step(&self, from: Pane, forward: bool) -> Pane {
        let n = self.panes.len();
        match self.panes.iter().position(|p| *p == from) {
            Some(i) if n > 0 => {
                self.panes[if forward {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                }]
            }
            _ => self.panes.first().copied().unwrap_or(from),
        }
    }
}

/// A narrowing the user drilled into, shown as a removable chip before the
/// typed query: its label for the eye, its term for the filter.
#[derive(Debug, Clone, PartialEq)]
pub struct Chip {
    pub label: String,
    pub term: String,
}

/// A view to come back to with the history keys.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub query: String,
    pub chips: Vec<Chip>,
    pub focus: Pane,
    pub preset: Option<String>,
}

/// Back and forward through views, like a browser.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    past: Vec<Snapshot>,
    future: Vec<Snapshot>,
}

impl History {
    /// Remembers the view being left; a new branch forgets the future.
    pub fn push(&mut self, leaving: Snapshot) {
        if self.past.last() != Some(&leaving) {
            self.past.push(leaving);
        }
        self.future.clear();
    }

    pub fn back(&mut self, current: Snapshot) -> Option<Snapshot> {
        let s = self.past.pop()?;
        self.future.push(current);
        Some(s)
    }

    /// Carries the chips of every remembered view through `keep`, which
    /// may rewrite a chip and says whether it stays (a corpus built again
    /// gives events other ids).
    pub fn carry_chips(&mut self, mut keep: impl FnMut(&mut Chip) -> bool) {
        for s in self.past.iter_mut().chain(&mut self.future) {
            s.chips.retain_mut(&mut keep);
        }
    }

    pub fn forward(&mut self, current: Snapshot) -> Option<Snapshot> {
        let s = self.future.pop()?;
        self.past.push(current);
        Some(s)
    }
}

/// A preset as the dashboard offers it in its picker.
#[derive(Debug, Clone, PartialEq)]
pub struct PresetChoice {
    pub name: String,
    pub description: Option<String>,
    /// Its filter in the search line's syntax.
    pub query: String,
    pub pane: Option<Pane>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(q: &str) -> Snapshot {
        Snapshot {
            query: q.into(),
            chips: vec![],
            focus: Pane::Articles,
            preset: None,
        }
    }

    #[test]
    fn history_goes_back_and_forth_and_branches() {
        let mut h = History::default();
        h.push(snap("a"));
        h.push(snap("b"));
        assert_eq!(h.back(snap("c")), Some(snap("b")));
        assert_eq!(h.back(snap("b")), Some(snap("a")));
        assert_eq!(h.back(snap("a")), None);
        assert_eq!(h.forward(snap("a")), Some(snap("b")));
        h.push(snap("x"));
        assert_eq!(h.forward(snap("y")), None);
    }

    #[test]
    fn steps_skip_hidden_panes() {
        let l = Layout {
            panes: vec![Pane::Articles, Pane::Timeline],
            ..Layout::default()
        };
        assert_eq!(l.step(Pane::Articles, true), Pane::Timeline);
        assert_eq!(l.step(Pane::Articles, false), Pane::Timeline);
        assert_eq!(l.step(Pane::Entities, true), Pane::Articles);
    }
}
