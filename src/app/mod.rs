//! The application's behaviour without a terminal: [`AppState`], the
//! [`Action`]s that change it, and [`update`]. Every key does one action;
//! every action is a plain function call that a test can make.

pub mod keys;
mod navigate;
pub mod reader;
mod review;
pub mod view;
pub mod wrap;

pub use view::{Chip, Layout, PresetChoice, Snapshot};

use crate::model::{ArticleId, Corpus, EntityId};
use crate::review::{Change, Mark, MarkBook, Marks};
use crate::search::{self, EntitySort, SearchIndex, View};
use navigate::{apply_preset, back, confirm, drill_down};

/// The three panes of the dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Articles,
    Entities,
    Timeline,
}

impl Pane {
    fn index(self) -> usize {
        self as usize
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Dashboard,
    Reader,
    /// The detail view of one entity.
    Entity,
    /// The preset picker.
    Presets,
    Help,
}

/// The entity whose detail view is open. Row 0 filters the dashboard by
/// it; the rows after it are the sentences that mention it.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityDetail {
    pub entity: EntityId,
    pub selected: usize,
}

/// The article open in the reader.
#[derive(Debug, Clone, PartialEq)]
pub struct Reader {
    pub article: ArticleId,
    /// First visible line of the wrapped text.
    pub scroll: usize,
    /// A sentence to bring into view and mark (from the timeline).
    pub sentence: Option<usize>,
    /// The row of the side list (the article's entities, then its events)
    /// that has the keyboard, if the side list has it.
    pub side: Option<usize>,
    /// The article's lines at the reader's width, as far as wrapped.
    pub wrap: reader::WrapMemo,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    NextPane,
    PrevPane,
    Focus(Pane),
    StartSearch,
    Type(char),
    Backspace,
    DeleteWord,
    ClearQuery,
    /// Replace the query (presets, scripts, drill-down).
    SetQuery(String),
    Confirm,
    Back,
    /// Next order of the entity pane.
    CycleSort,
    /// Toggle a mark on the current article (the reader's, else the
    /// selected one).
    ToggleMark(Mark),
    /// Toggle read on the selected article and move to the next.
    ToggleReadAndNext,
    /// Jump to the next (or previous) unread article of the list.
    NextUnread {
        forward: bool,
    },
    /// Show only unread articles, or all again.
    ToggleUnreadOnly,
    /// In the reader: the next (or previous) article of the list.
    StepArticle {
        forward: bool,
    },
    /// In the reader: scroll to the next (or previous) search match.
    NextMatch {
        forward: bool,
    },
    /// The focused pane fills the screen, or gives it back.
    ToggleZoom,
    /// Narrow the dashboard to the selected entity or event (a chip).
    DrillDown,
    /// Back (or forward) to the previous view.
    History {
        back: bool,
    },
    OpenPresets,
    /// Apply a preset by name (the picker's choice, `--preset`).
    ApplyPreset(String),
    /// A click on a pane, on one of its rows or elsewhere in it.
    Click {
        pane: Pane,
        row: Option<usize>,
    },
    /// The mouse wheel over a pane (in the reader: over the text).
    Scroll {
        pane: Pane,
        down: bool,
    },
    ToggleHelp,
    /// The terminal's size changed.
    Resize {
        cols: u16,
        rows: u16,
    },
    Quit,
    /// Give the terminal back to the shell and stop until continued: the
    /// terminal's business, which the event loop carries out.
    Suspend,
}

#[derive(Debug, Clone)]
pub struct AppState {
    pub query: String,
    /// The search line has the keyboard.
    pub editing: bool,
    pub focus: Pane,
    pub mode: Mode,
    /// Selected row in each pane.
    pub selected: [usize; 3],
    pub reader: Option<Reader>,
    pub entity: Option<EntityDetail>,
    pub entity_sort: EntitySort,
    pub view: View,
    /// Terminal size, for paging and the reader's layout.
    pub size: (u16, u16),
    pub quit: bool,
    /// A one-line message for the status line.
    pub message: Option<String>,
    /// What the status line says when no query error takes its place: why
    /// the corpus is empty ("no article files in DIR …").
    pub notice: Option<String>,
    /// Review marks as stored, by text key.
    pub book: MarkBook,
    /// The marks of each article of the corpus, by article id.
    pub marks: Vec<Marks>,
    /// The changes of marks the terminal layer has not yet handed on to
    /// be saved.
    pub mark_changes: Vec<Change>,
    /// Only unread articles are listed.
    pub unread_only: bool,
    pub layout: Layout,
    /// Drill-down narrowings, applied before the typed query.
    pub chips: Vec<Chip>,
    pub history: view::History,
    pub presets: Vec<PresetChoice>,
    /// The preset the view came from, for the status line.
    pub active_preset: Option<String>,
    /// Selected row of the preset picker.
    pub preset_selected: usize,
    /// Keys the user rebound in `[keys]`.
    pub keymap: keys::Keymap,
    /// The corpus shown is a preview (articles only) while entities and
    /// events are extracted in the background.
    pub building: bool,
    /// The corpus's search index is still being made: every article is
    /// listed, and the query waits for the index (`pending_filter`).
    pub indexing: bool,
    /// Edits of the search line leave filtering to the caller (the terminal
    /// loop filters on another thread, so typing never waits for it):
    /// they set `pending_filter` instead of filtering.
    pub deferred_filter: bool,
    /// A filter of `effective_query` is wanted, for `filter_generation`.
    pub pending_filter: bool,
    /// Counts the changes of the query: a view filtered for an older
    /// generation is stale and dropped.
    pub filter_generation: u64,
    /// The generation of the view shown.
    shown_generation: u64,
}

impl AppState {
    /// The state of a fresh dashboard; without an index (`None`), one that
    /// lists every article until [`AppState::index_ready`].
    pub fn new<'a>(corpus: &Corpus, index: impl Into<Option<&'a SearchIndex>>) -> Self {
        let index = index.into();
        AppState {
            query: String::new(),
            editing: false,
            focus: Pane::Articles,
            mode: Mode::Dashboard,
            selected: [0; 3],
            reader: None,
            entity: None,
            entity_sort: EntitySort::default(),
            view: match index {
                Some(index) => search::filter_str(corpus, index, ""),
                None => unindexed_view(corpus),
            },
            size: (100, 30),
            quit: false,
            message: None,
            notice: None,
            book: MarkBook::default(),
            marks: vec![Marks::default(); corpus.articles.len()],
            mark_changes: Vec::new(),
            unread_only: false,
            layout: Layout::default(),
            chips: Vec::new(),
            history: view::History::default(),
            presets: Vec::new(),
            active_preset: None,
            preset_selected: 0,
            keymap: keys::Keymap::default(),
            building: false,
            indexing: index.is_none(),
            deferred_filter: false,
            pending_filter: false,
            filter_generation: 0,
            shown_generation: 0,
        }
    }

    /// The built corpus replaces the preview: the same articles under the
    /// same ids, now with entities and events. The query, chips, marks,
    /// reader and selected article stay; a view still being filtered on
    /// the preview is dropped.
    pub fn corpus_replaced(&mut self, corpus: &Corpus, index: &SearchIndex) {
        self.building = false;
        self.index_ready(corpus, index);
    }

    /// The index of the corpus shown arrived: the query typed meanwhile
    /// filters now, and the selected article stays selected if it is
    /// still listed.
    pub fn index_ready(&mut self, corpus: &Corpus, index: &SearchIndex) {
        self.indexing = false;
        let article = self.view.articles.get(self.selected[0]).copied();
        self.refilter(corpus, Some(index));
        if let Some(at) = article.and_then(|a| self.view.articles.iter().position(|&b| b == a)) {
            self.selected[0] = at;
        }
    }

    /// The mode under the help overlay: the reader, else the entity
    /// detail, else the dashboard.
    fn underlying_mode(&self) -> Mode {
        if self.reader.is_some() {
            Mode::Reader
        } else if self.entity.is_some() {
            Mode::Entity
        } else {
            Mode::Dashboard
        }
    }

    /// Rows in a pane under the current view.
    pub fn len(&self, pane: Pane) -> usize {
        match pane {
            Pane::Articles => self.view.articles.len(),
            Pane::Entities => self.view.entities.len(),
            Pane::Timeline => self.view.events.len(),
        }
    }

    /// Rows a page moves: about a list pane's height.
    pub fn page(&self) -> usize {
        (self.size.1 as usize / 2).saturating_sub(3).max(1)
    }

    pub fn selected(&self, pane: Pane) -> usize {
        self.selected[pane.index()]
    }

    fn move_by(&mut self, delta: isize, corpus: &Corpus) {
        if self.mode == Mode::Reader {
            let (cols, rows) = self.size;
            if let Some(r) = &mut self.reader
                && let Some(side) = &mut r.side
            {
                let a = corpus.article(r.article);
                let last = (a.entities.len() + a.events.len()).saturating_sub(1);
                *side = side.saturating_add_signed(delta).min(last);
                return;
            }
            if let Some(r) = &mut self.reader {
                let a = corpus.article(r.article);
                let rows = reader::text_rows(rows);
                // Wrapped as far as the wanted screen's last line: fewer
                // lines than that means the text ends above it.
                let wanted = r.scroll.saturating_add_signed(delta);
                let lines = r.wrap.count_up_to(
                    &a.text,
                    &a.text_key,
                    reader::text_width(cols),
                    wanted.saturating_add(rows),
                );
                r.scroll = wanted.min(lines.saturating_sub(rows));
            }
            return;
        }
        if self.mode == Mode::Presets {
            let last = self.presets.len().saturating_sub(1);
            self.preset_selected = self.preset_selected.saturating_add_signed(delta).min(last);
            return;
        }
        if self.mode == Mode::Entity {
            if let Some(d) = &mut self.entity {
                let rows = corpus.mention_sentences(d.entity).len() + 1;
                d.selected = d.selected.saturating_add_signed(delta).min(rows - 1);
            }
            return;
        }
        let len = self.len(self.focus);
        let sel = &mut self.selected[self.focus.index()];
        *sel = sel.saturating_add_signed(delta).min(len.saturating_sub(1));
    }

    /// The query the panes are filtered by: the chips, what was typed,
    /// and the unread-only switch.
    pub fn effective_query(&self) -> String {
        let mut terms: Vec<&str> = self.chips.iter().map(|c| c.term.as_str()).collect();
        terms.push(&self.query);
        if self.unread_only {
            terms.push("is:unread");
        }
        crate::search::query::conjoin(terms)
    }

    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            query: self.query.clone(),
            chips: self.chips.clone(),
            focus: self.focus,
            preset: self.active_preset.clone(),
        }
    }

    fn restore(&mut self, s: Snapshot, corpus: &Corpus, index: Option<&SearchIndex>) {
        self.query = s.query;
        self.chips = s.chips;
        self.focus = s.focus;
        self.active_preset = s.preset;
        self.mode = Mode::Dashboard;
        self.reader = None;
        self.entity = None;
        self.refilter(corpus, index);
    }

    /// Filters by the current query now; without an index, as soon as it
    /// arrives (the view shown stays until then).
    fn refilter(&mut self, corpus: &Corpus, index: Option<&SearchIndex>) {
        self.filter_generation += 1;
        let Some(index) = index else {
            self.pending_filter = true;
            return;
        };
        self.pending_filter = false;
        let view = search::filter_marked(corpus, index, &self.effective_query(), &self.marks);
        self.show(view, corpus);
        self.shown_generation = self.filter_generation;
    }

    /// Refilters after an edit of the search line: now, or by the caller
    /// when filtering is deferred.
    fn requery(&mut self, corpus: &Corpus, index: Option<&SearchIndex>) {
        if self.deferred_filter {
            self.filter_generation += 1;
            self.pending_filter = true;
        } else {
            self.refilter(corpus, index);
        }
    }

    /// Shows a view filtered elsewhere for `generation` of the query;
    /// whether it was current (a stale one is dropped).
    pub fn filtered(&mut self, generation: u64, view: View, corpus: &Corpus) -> bool {
        if generation != self.filter_generation || self.pending_filter {
            return false;
        }
        self.show(view, corpus);
        self.shown_generation = generation;
        true
    }

    /// Whether the view shown is filtered by the current query.
    pub fn filter_settled(&self) -> bool {
        !self.pending_filter && self.shown_generation == self.filter_generation
    }

    fn show(&mut self, view: View, corpus: &Corpus) {
        self.view = view;
        // `filter` lists entities by kind already.
        if self.entity_sort != EntitySort::Kind {
            search::sort_entities(corpus, &mut self.view.entities, self.entity_sort);
        }
        self.selected = [0; 3];
        self.message = self.view.errors.first().map(|e| e.0.clone());
        if self.message.is_none() {
            self.message.clone_from(&self.notice);
        }
    }
}

/// What the dashboard lists before the search index exists: every
/// article in corpus order, as the empty query lists them. Entities and
/// events are counted by the index, so they wait for it.
fn unindexed_view(corpus: &Corpus) -> View {
    View {
        articles: (0..corpus.articles.len() as u32).map(ArticleId).collect(),
        ..View::default()
    }
}

/// Whether an action only edits the search line: those leave filtering
/// to the caller when it is deferred; any other wants the current view.
pub fn edits_query(action: &Action) -> bool {
    matches!(
        action,
        Action::Type(_) | Action::Backspace | Action::DeleteWord | Action::ClearQuery
    )
}

/// Applies one action. Without an index (`None`, while it is being made)
/// the query is edited and kept, and filters when the index arrives.
pub fn update<'a>(
    state: &mut AppState,
    action: Action,
    corpus: &Corpus,
    index: impl Into<Option<&'a SearchIndex>>,
) {
    let index = index.into();
    if state.mode == Mode::Help
        && !matches!(
            action,
            Action::Quit | Action::Suspend | Action::Resize { .. }
        )
    {
        state.mode = state.underlying_mode();
        return;
    }
    let page = if state.mode == Mode::Reader {
        reader::text_rows(state.size.1).saturating_sub(1).max(1)
    } else {
        state.page()
    } as isize;
    match action {
        Action::Up => state.move_by(-1, corpus),
        Action::Down => state.move_by(1, corpus),
        Action::PageUp => state.move_by(-page, corpus),
        Action::PageDown => state.move_by(page, corpus),
        Action::Top => state.move_by(isize::MIN / 2, corpus),
        Action::Bottom => state.move_by(isize::MAX / 2, corpus),
        Action::NextPane | Action::PrevPane if state.mode == Mode::Dashboard => {
            state.focus = state.layout.step(state.focus, action == Action::NextPane);
        }
        // In the reader, Tab moves the keyboard between text and side list.
        Action::NextPane | Action::PrevPane => {
            if let Some(r) = &mut state.reader {
                let a = corpus.article(r.article);
                let has_rows = !a.entities.is_empty() || !a.events.is_empty();
                r.side = if r.side.is_none() && has_rows {
                    Some(0)
                } else {
                    None
                };
            }
        }
        Action::Focus(p) if state.mode == Mode::Dashboard && state.layout.shows(p) => {
            state.focus = p
        }
        Action::Focus(_) => {}
        Action::StartSearch => {
            state.mode = Mode::Dashboard;
            state.reader = None;
            state.entity = None;
            state.editing = true;
        }
        Action::Backspace if state.query.is_empty() && !state.chips.is_empty() => {
            state.history.push(state.snapshot());
            let chip = state.chips.pop().expect("checked non-empty");
            state.refilter(corpus, index);
            state.message = Some(format!("removed {}", chip.label));
        }
        Action::Type(c) => {
            state.query.push(c);
            state.requery(corpus, index);
        }
        Action::Backspace => {
            if state.query.pop().is_some() {
                state.requery(corpus, index);
            }
        }
        Action::DeleteWord => {
            let keep = state
                .query
                .trim_end()
                .rfind(' ')
                .map(|i| i + 1)
                .unwrap_or(0);
            state.query.truncate(keep);
            state.requery(corpus, index);
        }
        Action::ClearQuery => {
            state.query.clear();
            state.requery(corpus, index);
        }
        Action::SetQuery(q) => {
            state.query = q;
            state.refilter(corpus, index);
        }
        Action::Confirm if state.editing => state.editing = false,
        Action::Confirm => confirm(state, corpus, index),
        Action::Back => back(state, corpus, index),
        Action::ToggleHelp => state.mode = Mode::Help,
        Action::ToggleMark(m) => review::toggle(state, corpus, index, m, false),
        Action::ToggleReadAndNext => review::toggle(state, corpus, index, Mark::Read, true),
        Action::NextUnread { forward } => review::jump_unread(state, forward),
        Action::ToggleUnreadOnly => {
            state.unread_only = !state.unread_only;
            state.refilter(corpus, index);
            state.message = Some(
                if state.unread_only {
                    "unread only"
                } else {
                    "all articles"
                }
                .into(),
            );
        }
        Action::StepArticle { forward } => review::step_article(state, corpus, forward),
        Action::NextMatch { forward } => review::jump_match(state, corpus, forward),
        Action::ToggleZoom => state.layout.zoomed = !state.layout.zoomed,
        Action::Click { pane, row } if state.mode == Mode::Dashboard => {
            let again = state.focus == pane && row == Some(state.selected(pane));
            state.focus = pane;
            if let Some(r) = row {
                state.selected[pane.index()] = r;
            }
            // A click on the selected row opens it, like Enter.
            if again {
                confirm(state, corpus, index);
            }
        }
        Action::Click { .. } => {}
        Action::Scroll { pane, down } => {
            let step = if down { 3 } else { -3 };
            if state.mode == Mode::Dashboard {
                state.focus = pane;
            }
            state.move_by(step, corpus);
        }
        Action::DrillDown => drill_down(state, corpus, index),
        Action::History { back } => {
            let here = state.snapshot();
            let to = if back {
                state.history.back(here)
            } else {
                state.history.forward(here)
            };
            match to {
                Some(s) => state.restore(s, corpus, index),
                None => {
                    state.message = Some(
                        if back {
                            "no earlier view"
                        } else {
                            "no later view"
                        }
                        .into(),
                    )
                }
            }
        }
        Action::OpenPresets if state.presets.is_empty() => {
            state.message = Some("no presets: add [[preset]] entries to config.toml".into());
        }
        Action::OpenPresets => {
            state.mode = Mode::Presets;
            state.reader = None;
            state.entity = None;
        }
        Action::ApplyPreset(name) => apply_preset(state, corpus, index, &name),
        Action::CycleSort => {
            state.entity_sort = state.entity_sort.next();
            search::sort_entities(corpus, &mut state.view.entities, state.entity_sort);
            state.selected[Pane::Entities.index()] = 0;
            state.message = Some(format!("entities {}", state.entity_sort.label()));
        }
        Action::Resize { cols, rows } => state.size = (cols, rows),
        Action::Quit => state.quit = true,
        Action::Suspend => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BuildOptions, Origin};

    /// Typing with filtering deferred: each edit asks for a filter of a new
    /// generation, a view of an older one is dropped, and the current one
    /// shows as the synchronous path would have shown it.
    #[test]
    fn deferred_filters_keep_only_the_current_generation() {
        let corpus = crate::model::build(
            crate::ingest::embedded_seeds(),
            Origin::BuiltIn,
            &BuildOptions::default(),
        );
        let index = SearchIndex::new(&corpus);
        let mut now = AppState::new(&corpus, &index);
        let mut later = AppState::new(&corpus, &index);
        later.deferred_filter = true;
        for c in "erdo".chars() {
            update(&mut now, Action::Type(c), &corpus, &index);
            update(&mut later, Action::Type(c), &corpus, &index);
        }
        assert!(later.pending_filter && !later.filter_settled());
        assert_eq!(later.view, search::filter_str(&corpus, &index, ""));
        later.pending_filter = false;
        let stale = search::filter_str(&corpus, &index, "erd");
        assert!(!later.filtered(later.filter_generation - 1, stale, &corpus));
        let current =
            search::filter_marked(&corpus, &index, &later.effective_query(), &later.marks);
        assert!(later.filtered(later.filter_generation, current, &corpus));
        assert!(later.filter_settled());
        assert_eq!(later.view, now.view);
        assert_eq!(later.selected, now.selected);
    }
}
