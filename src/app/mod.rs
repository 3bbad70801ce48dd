//! The application's behaviour without a terminal: [`AppState`], the
//! [`Action`]s that change it, and [`update`]. Every key does one action;
//! every action is a plain function call that a test can make.

mod action;
pub mod clipboard;
pub mod correct;
mod filtering;
mod fuzzy;
pub mod keymap;
pub mod keys;
pub mod line;
pub mod mark_all;
mod navigate;
mod overlay;
pub use overlay::help_rows;
pub mod reader;
pub mod refresh;
mod review;
mod screens;
pub mod stories;
pub mod undo;
pub mod view;
pub mod wrap;

pub use action::{Action, Effect, edits_query};
pub use screens::{EntityDetail, EventDetail, Mode, Overlay, Picker, Reader, Screen};
pub use view::{Chip, Layout, PresetChoice, Snapshot};

use crate::model::{ArticleId, Corpus};
use crate::review::{Change, Mark, MarkBook, Marks};
use crate::search::{self, EntitySort, SearchIndex, View};
use filtering::{edit_line, recall, unindexed_view};
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

#[derive(Debug, Clone)]
pub struct AppState {
    pub query: String,
    /// The cursor's byte offset in `query` while it is edited.
    pub cursor: usize,
    /// Queries confirmed with Enter, oldest first (kept across runs).
    pub search_history: Vec<String>,
    /// The history entry shown while browsing it, and the query typed
    /// before browsing began.
    recall: Option<(usize, String)>,
    /// The search line has the keyboard.
    pub editing: bool,
    pub focus: Pane,
    /// The screens open, the dashboard first; the last has the keyboard
    /// unless an overlay is open.
    screens: Vec<Screen>,
    /// The overlays open over the screens, the last on top.
    overlays: Vec<Overlay>,
    /// Selected row in each pane.
    pub selected: [usize; 3],
    pub entity_sort: EntitySort,
    pub view: View,
    /// Terminal size, for paging and the reader's layout.
    pub size: (u16, u16),
    /// A message for the line above the status line, until the next key.
    pub message: Option<String>,
    /// The last message shown, kept for the key that shows it in full.
    pub last_message: Option<String>,
    /// What the status line says when no query error takes its place: why
    /// the corpus is empty ("no article files in DIR …").
    pub notice: Option<String>,
    /// Review marks as stored, by text key.
    pub book: MarkBook,
    /// The marks of each article of the corpus, by article id.
    pub marks: Vec<Marks>,
    /// The search history grew during the action being applied.
    history_changed: bool,
    /// The changes of marks of the action being applied, returned by
    /// [`update`] as [`Effect::SaveMarks`].
    mark_changes: Vec<Change>,
    /// Only unread articles are listed.
    pub unread_only: bool,
    pub layout: Layout,
    /// Drill-down narrowings, applied before the typed query.
    pub chips: Vec<Chip>,
    pub history: view::History,
    pub presets: Vec<PresetChoice>,
    /// The preset the view came from, for the status line.
    pub active_preset: Option<String>,
    /// Keys the user rebound in `[keys]`.
    pub keymap: keymap::Keymap,
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
    /// The background refresh: watching, fetching.
    pub live: refresh::Live,
    /// The article list's rows: the view's articles grouped by story.
    pub rows: Vec<stories::ArticleRow>,
    /// Stories whose rows are expanded to their members.
    pub expanded: rustc_hash::FxHashSet<crate::model::StoryId>,
    /// Which members a read mark on a story's row reaches.
    pub read_marks: stories::ReadMarks,
    /// Steps that `U` undoes.
    pub undo: undo::Undo,
    /// The marks changed by the action being applied, with their values
    /// before, for its undo step.
    undo_marks: Vec<(ArticleId, Mark, bool)>,
    /// A correction handed to the event loop and not yet applied.
    pub correcting: Option<String>,
    /// The entity pane counts articles per story, not per printing.
    pub per_story: bool,
    /// Which articles the view lists, by id, while `per_story` needs it.
    listed: Vec<bool>,
}

impl AppState {
    /// The state of a fresh dashboard; without an index (`None`), one that
    /// lists every article until [`AppState::index_ready`].
    pub fn new<'a>(corpus: &Corpus, index: impl Into<Option<&'a SearchIndex>>) -> Self {
        let index = index.into();
        let mut s = AppState {
            query: String::new(),
            cursor: 0,
            search_history: Vec::new(),
            recall: None,
            editing: false,
            focus: Pane::Articles,
            screens: vec![Screen::Dashboard],
            overlays: Vec::new(),
            selected: [0; 3],
            entity_sort: EntitySort::default(),
            view: match index {
                Some(index) => search::filter_str(corpus, index, ""),
                None => unindexed_view(corpus),
            },
            size: (100, 30),
            message: None,
            last_message: None,
            notice: None,
            book: MarkBook::default(),
            marks: vec![Marks::default(); corpus.articles.len()],
            mark_changes: Vec::new(),
            history_changed: false,
            unread_only: false,
            layout: Layout::default(),
            chips: Vec::new(),
            history: view::History::default(),
            presets: Vec::new(),
            active_preset: None,
            keymap: keymap::Keymap::default(),
            building: false,
            indexing: index.is_none(),
            deferred_filter: false,
            pending_filter: false,
            filter_generation: 0,
            shown_generation: 0,
            live: refresh::Live::default(),
            rows: Vec::new(),
            expanded: Default::default(),
            read_marks: stories::ReadMarks::default(),
            undo: undo::Undo::default(),
            undo_marks: Vec::new(),
            correcting: None,
            per_story: false,
            listed: Vec::new(),
        };
        s.regroup(corpus);
        s
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
        let article = self.selected_article();
        self.refilter(corpus, Some(index));
        if let Some(at) = article.and_then(|a| self.row_of(a)) {
            self.selected[0] = at;
        }
    }

    /// Rows in a pane under the current view.
    pub fn len(&self, pane: Pane) -> usize {
        match pane {
            Pane::Articles => self.rows.len(),
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
        if self.picker().is_some() {
            let last = self.picker_rows().len().saturating_sub(1);
            let p = self.picker_mut().expect("checked open");
            p.selected = p.selected.saturating_add_signed(delta).min(last);
            return;
        }
        if let Some(c) = self.chooser_mut() {
            let last = c.rows.len().saturating_sub(1);
            c.selected = c.selected.saturating_add_signed(delta).min(last);
            return;
        }
        let (cols, rows) = self.size;
        match self.screen_mut() {
            Screen::Reader(r) => {
                let a = corpus.article(r.article);
                if let Some(side) = &mut r.side {
                    let last = (a.entities.len() + a.events.len()).saturating_sub(1);
                    *side = side.saturating_add_signed(delta).min(last);
                    return;
                }
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
            Screen::Entity(d) => {
                let rows = corpus.mention_sentences(d.entity).len() + 1;
                d.selected = d.selected.saturating_add_signed(delta).min(rows - 1);
            }
            Screen::Event(d) => {
                let rows = corpus.event(d.event).reports.len() + 1;
                d.selected = d.selected.saturating_add_signed(delta).min(rows - 1);
            }
            Screen::Dashboard => {
                let len = self.len(self.focus);
                let sel = &mut self.selected[self.focus.index()];
                *sel = sel.saturating_add_signed(delta).min(len.saturating_sub(1));
            }
        }
    }
}

/// Applies one action and says what the event loop must do. Without an
/// index (`None`, while it is being made) the query is edited and kept,
/// and filters when the index arrives.
pub fn update<'a>(
    state: &mut AppState,
    action: Action,
    corpus: &Corpus,
    index: impl Into<Option<&'a SearchIndex>>,
) -> Vec<Effect> {
    let mut effects = Vec::new();
    match action {
        Action::Quit => effects.push(Effect::Quit),
        Action::Suspend => effects.push(Effect::Suspend),
        Action::Copy => match clipboard::what_to_copy(state, corpus) {
            Some((what, text)) => {
                state.message = Some(format!("{what} copied to the clipboard"));
                effects.push(Effect::Copy(text));
            }
            None => state.message = Some("nothing to copy here: open or select an article".into()),
        },
        Action::Refetch => effects.extend(refresh::refetch(state)),
        action => apply(state, action, corpus, index.into(), &mut effects),
    }
    if let Some(m) = &state.message {
        state.last_message = Some(m.clone());
    }
    if std::mem::take(&mut state.history_changed) {
        effects.push(Effect::SaveHistory(state.search_history.clone()));
    }
    if !state.mark_changes.is_empty() {
        effects.push(Effect::SaveMarks(std::mem::take(&mut state.mark_changes)));
    }
    // A deferred filter is wanted once, whatever asked for it.
    if state.deferred_filter && state.pending_filter && !state.indexing {
        state.pending_filter = false;
        effects.push(Effect::Filter {
            generation: state.filter_generation,
            query: state.effective_query(),
        });
    }
    effects
}

fn apply(
    state: &mut AppState,
    action: Action,
    corpus: &Corpus,
    index: Option<&SearchIndex>,
    effects: &mut Vec<Effect>,
) {
    // A message lasts until the next key; the last one stays on a key.
    if !matches!(action, Action::Resize { .. })
        && let Some(m) = state.message.take()
    {
        state.last_message = Some(m);
    }
    if overlay::pager(state, &action, corpus)
        || overlay::owned(state, &action, corpus, index, effects)
    {
        return;
    }
    let page = if state.reader().is_some() {
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
        Action::NextPane | Action::PrevPane if state.mode() == Mode::Dashboard => {
            state.focus = state.layout.step(state.focus, action == Action::NextPane);
        }
        // Below its width the side list is not drawn: nothing to move to.
        Action::NextPane | Action::PrevPane if state.size.0 < reader::SIDE_MIN_COLS => {
            state.message = Some(format!(
                "the side list shows from {} columns",
                reader::SIDE_MIN_COLS
            ));
        }
        // In the reader, Tab moves the keyboard between text and side list.
        Action::NextPane | Action::PrevPane => {
            if let Some(r) = state.reader_mut() {
                let a = corpus.article(r.article);
                let has_rows = !a.entities.is_empty() || !a.events.is_empty();
                r.side = if r.side.is_none() && has_rows {
                    Some(0)
                } else {
                    None
                };
            }
        }
        Action::Focus(p) if state.mode() == Mode::Dashboard && state.layout.shows(p) => {
            state.focus = p
        }
        Action::Focus(_) => {}
        Action::StartSearch => {
            state.back_to_dashboard();
            state.editing = true;
            state.cursor = state.query.len();
        }
        Action::Backspace if state.query.is_empty() && !state.chips.is_empty() => {
            state.history.push(state.snapshot());
            let chip = state.chips.pop().expect("checked non-empty");
            state.refilter(corpus, index);
            state.message = Some(format!("removed {}", chip.label));
        }
        // The picker's filter takes the text keys while it is open.
        Action::Type(_) | Action::Backspace | Action::ClearQuery if state.picker().is_some() => {
            let picker = state.picker_mut().expect("checked open");
            match action {
                Action::Type(c) => picker.filter.push(c),
                Action::Backspace => {
                    picker.filter.pop();
                }
                _ => picker.filter.clear(),
            }
            picker.selected = 0;
        }
        Action::Type(_)
        | Action::Backspace
        | Action::DeleteWord
        | Action::ClearQuery
        | Action::KillToEnd
        | Action::Cursor(_) => edit_line(state, action, corpus, index),
        Action::SetQuery(q) => {
            state.cursor = q.len();
            state.query = q;
            state.refilter(corpus, index);
        }
        Action::Confirm if state.editing => {
            state.editing = false;
            state.recall = None;
            let q = state.query.trim();
            if !q.is_empty() && state.search_history.last().map(String::as_str) != Some(q) {
                state.search_history.push(q.to_string());
                state.history_changed = true;
            }
        }
        Action::RecallQuery { older } => recall(state, older, corpus, index),
        Action::Confirm => confirm(state, corpus, index),
        Action::Back => back(state, corpus, index),
        Action::ToggleHelp => state.overlays.push(Overlay::Help { scroll: 0 }),
        Action::OpenWarnings if corpus.warnings.is_empty() => {
            state.message = Some("no warnings: every file was read whole".into());
        }
        Action::OpenWarnings => state.overlays.push(Overlay::Warnings { scroll: 0 }),
        Action::ShowMessage if state.last_message.is_none() => {
            state.message = Some("no message yet".into());
        }
        Action::ShowMessage => state.overlays.push(Overlay::Message),
        Action::ToggleMark(m) => review::toggle(state, corpus, index, m),
        Action::ToggleStory => stories::toggle_story(state, corpus),
        Action::MarkViewRead => mark_all::mark_view_read(state, corpus, index, false),
        Action::Undo => mark_all::undo(state, corpus, index, effects),
        Action::Correct => correct::open_menu(state, corpus),
        Action::ToggleStoryCounts => stories::toggle_counts(state, corpus),
        Action::ReadAndNext => review::read_and_next(state, corpus, index),
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
        Action::Click { pane, row } if state.mode() == Mode::Dashboard => {
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
            if state.mode() == Mode::Dashboard {
                state.focus = pane;
            }
            state.move_by(step, corpus);
        }
        Action::DrillDown => drill_down(state, corpus, index),
        Action::ShowArrived => refresh::show_arrived(state, corpus, index),
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
        Action::OpenPresets => state.overlays.push(Overlay::Presets(Picker::default())),
        Action::ApplyPreset(name) => apply_preset(state, corpus, index, &name),
        Action::CycleSort => {
            state.entity_sort = state.entity_sort.next();
            state.sort_entity_rows(corpus);
            state.selected[Pane::Entities.index()] = 0;
            state.message = Some(format!("entities {}", state.entity_sort.label()));
        }
        Action::Resize { cols, rows } => {
            state.size = (cols, rows);
            // The side list is hidden below its width: it cannot keep the keyboard.
            if cols < reader::SIDE_MIN_COLS
                && let Some(r) = state.reader_mut()
            {
                r.side = None;
            }
        }
        // The event loop's business: effects of `update`.
        Action::Quit | Action::Suspend | Action::Copy | Action::Refetch => {}
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
        let mut asked = Vec::new();
        for c in "erdo".chars() {
            update(&mut now, Action::Type(c), &corpus, &index);
            asked.extend(update(&mut later, Action::Type(c), &corpus, &index));
        }
        // Each edit asked for its filter, as an effect, once.
        let generations: Vec<u64> = asked
            .iter()
            .map(|e| match e {
                Effect::Filter { generation, .. } => *generation,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(generations.len(), 4);
        assert_eq!(generations.last(), Some(&later.filter_generation));
        assert_eq!(
            asked.last(),
            Some(&Effect::Filter {
                generation: later.filter_generation,
                query: "erdo".into()
            })
        );
        assert!(!later.filter_settled());
        assert_eq!(later.view, search::filter_str(&corpus, &index, ""));
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
