//! The application's behaviour without a terminal: [`AppState`], the
//! [`Action`]s that change it, and [`update`]. Every key does one action;
//! every action is a plain function call that a test can make.

pub mod keys;
pub mod reader;
mod review;

use crate::model::{ArticleId, Corpus, EntityId};
use crate::review::{Mark, MarkBook, Marks};
use crate::search::{self, EntitySort, SearchIndex, View};

/// The three panes of the dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Articles,
    Entities,
    Timeline,
}

impl Pane {
    const ORDER: [Pane; 3] = [Pane::Articles, Pane::Entities, Pane::Timeline];

    fn index(self) -> usize {
        self as usize
    }

    fn step(self, forward: bool) -> Pane {
        let i = self.index();
        Pane::ORDER[if forward { (i + 1) % 3 } else { (i + 2) % 3 }]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Dashboard,
    Reader,
    /// The detail view of one entity.
    Entity,
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
    ToggleHelp,
    /// The terminal's size changed.
    Resize {
        cols: u16,
        rows: u16,
    },
    Quit,
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
    /// Review marks as stored, by text key.
    pub book: MarkBook,
    /// The marks of each article of the corpus, by article id.
    pub marks: Vec<Marks>,
    /// The marks changed since the terminal layer last saved them.
    pub marks_dirty: bool,
    /// Only unread articles are listed.
    pub unread_only: bool,
}

impl AppState {
    pub fn new(corpus: &Corpus, index: &SearchIndex) -> Self {
        AppState {
            query: String::new(),
            editing: false,
            focus: Pane::Articles,
            mode: Mode::Dashboard,
            selected: [0; 3],
            reader: None,
            entity: None,
            entity_sort: EntitySort::default(),
            view: search::filter_str(corpus, index, ""),
            size: (100, 30),
            quit: false,
            message: None,
            book: MarkBook::default(),
            marks: vec![Marks::default(); corpus.articles.len()],
            marks_dirty: false,
            unread_only: false,
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
            if let Some(r) = &mut self.reader {
                let lines =
                    reader::wrap(&corpus.article(r.article).text, reader::text_width(cols)).len();
                let max = lines.saturating_sub(reader::text_rows(rows));
                r.scroll = r.scroll.saturating_add_signed(delta).min(max);
            }
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

    /// The query the panes are filtered by: what was typed, plus the
    /// unread-only switch.
    pub fn effective_query(&self) -> String {
        if self.unread_only {
            format!("{} is:unread", self.query)
        } else {
            self.query.clone()
        }
    }

    fn refilter(&mut self, corpus: &Corpus, index: &SearchIndex) {
        self.view = search::filter_marked(corpus, index, &self.effective_query(), &self.marks);
        search::sort_entities(corpus, &mut self.view.entities, self.entity_sort);
        self.selected = [0; 3];
        self.message = self.view.errors.first().map(|e| e.0.clone());
    }
}

/// Applies one action.
pub fn update(state: &mut AppState, action: Action, corpus: &Corpus, index: &SearchIndex) {
    if state.mode == Mode::Help && !matches!(action, Action::Quit | Action::Resize { .. }) {
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
            state.focus = state.focus.step(action == Action::NextPane);
        }
        Action::NextPane | Action::PrevPane => {}
        Action::Focus(p) if state.mode == Mode::Dashboard => state.focus = p,
        Action::Focus(_) => {}
        Action::StartSearch => {
            state.mode = Mode::Dashboard;
            state.reader = None;
            state.entity = None;
            state.editing = true;
        }
        Action::Type(c) => {
            state.query.push(c);
            state.refilter(corpus, index);
        }
        Action::Backspace => {
            if state.query.pop().is_some() {
                state.refilter(corpus, index);
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
            state.refilter(corpus, index);
        }
        Action::ClearQuery => {
            state.query.clear();
            state.refilter(corpus, index);
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
        Action::CycleSort => {
            state.entity_sort = state.entity_sort.next();
            search::sort_entities(corpus, &mut state.view.entities, state.entity_sort);
            state.selected[Pane::Entities.index()] = 0;
            state.message = Some(format!("entities {}", state.entity_sort.label()));
        }
        Action::Resize { cols, rows } => state.size = (cols, rows),
        Action::Quit => state.quit = true,
    }
}

fn confirm(state: &mut AppState, corpus: &Corpus, index: &SearchIndex) {
    match state.mode {
        Mode::Dashboard => {}
        Mode::Entity => return confirm_entity_row(state, corpus, index),
        Mode::Reader | Mode::Help => return,
    }
    let sel = state.selected(state.focus);
    match state.focus {
        Pane::Articles => {
            if let Some(&a) = state.view.articles.get(sel) {
                open_reader(state, corpus, a, None);
            }
        }
        Pane::Entities => {
            if let Some(row) = state.view.entities.get(sel) {
                state.entity = Some(EntityDetail {
                    entity: row.id,
                    selected: 0,
                });
                state.mode = Mode::Entity;
            }
        }
        Pane::Timeline => {
            if let Some(&e) = state.view.events.get(sel) {
                let report = &corpus.event(e).reports[0];
                open_reader(state, corpus, report.article, Some(report.sentence));
            }
        }
    }
}

/// Enter in the entity detail: row 0 filters the dashboard by the entity,
/// any other row opens the reader on that sentence.
fn confirm_entity_row(state: &mut AppState, corpus: &Corpus, index: &SearchIndex) {
    let Some(d) = state.entity.clone() else {
        return;
    };
    if d.selected == 0 {
        filter_by_entity(state, corpus, index, d.entity);
        state.entity = None;
        state.mode = Mode::Dashboard;
        return;
    }
    if let Some(&(article, sentence)) = corpus.mention_sentences(d.entity).get(d.selected - 1) {
        open_reader(state, corpus, article, Some(sentence));
    }
}

/// Adds `@name` to the query (once) and focuses the article list.
fn filter_by_entity(state: &mut AppState, corpus: &Corpus, index: &SearchIndex, id: EntityId) {
    let canonical = corpus.entity(id).canonical.clone();
    let term = format!("@{}", canonical.replace(' ', "_"));
    if !state.query.split_whitespace().any(|t| t == term) {
        if !state.query.is_empty() && !state.query.ends_with(' ') {
            state.query.push(' ');
        }
        state.query.push_str(&term);
    }
    state.refilter(corpus, index);
    state.message = Some(format!("filtered by {canonical}"));
    state.focus = Pane::Articles;
}

fn open_reader(state: &mut AppState, corpus: &Corpus, article: ArticleId, sentence: Option<usize>) {
    // Bring the sentence near the top, one line of context above it.
    let scroll = sentence
        .and_then(|s| corpus.article(article).sentences.get(s))
        .map(|r| {
            let lines = reader::wrap(
                &corpus.article(article).text,
                reader::text_width(state.size.0),
            );
            reader::line_of(&lines, r.start).saturating_sub(1)
        })
        .unwrap_or(0);
    state.reader = Some(Reader {
        article,
        scroll,
        sentence,
    });
    state.mode = Mode::Reader;
    review::set(state, corpus, article, |m| Marks { read: true, ..m });
}

/// Esc: leave the search line, then the reader (back to the entity
/// detail it came from, if any), then the detail, then clear the query.
fn back(state: &mut AppState, corpus: &Corpus, index: &SearchIndex) {
    if state.editing {
        state.editing = false;
    } else if state.mode == Mode::Reader {
        state.reader = None;
        state.mode = state.underlying_mode();
    } else if state.mode == Mode::Entity {
        state.entity = None;
        state.mode = Mode::Dashboard;
    } else if !state.query.is_empty() {
        state.query.clear();
        state.refilter(corpus, index);
    }
}
