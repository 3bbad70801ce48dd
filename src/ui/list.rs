//! A framed list that builds only its visible rows, with the selected row
//! kept in view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState};

use super::theme::Theme;
use crate::app::AppState;

/// The first row to show so that `selected` is visible in `height` rows.
pub fn offset(selected: usize, height: usize) -> usize {
    if height == 0 {
        0
    } else {
        selected.saturating_sub(height - 1)
    }
}

/// What an empty list says when the filter left nothing.
pub const NOTHING_MATCHES: &str = " nothing matches";

/// What the entity and event lists say while the corpus is a preview.
pub const EXTRACTING: &str = " being extracted; articles and search work now";

/// What the entity and event panes say while they cannot list anything
/// yet, as their title's note and their empty list's line: the preview
/// has no entities or events, and the index counts them per view.
pub fn awaited(state: &AppState) -> Option<(&'static str, &'static str)> {
    match (state.building, state.indexing) {
        (true, false) => Some(("(extracting…) ", EXTRACTING)),
        (true, true) => Some((
            "(extracting…) ",
            " being extracted; articles can be read now, search in a moment",
        )),
        (false, true) => Some(("(preparing…) ", " listed once search is ready")),
        (false, false) => None,
    }
}

/// `len` rows with the `selected` one, and what to say when there are none.
pub struct Rows<'s> {
    pub len: usize,
    pub selected: usize,
    pub empty: &'s str,
}

impl Rows<'_> {
    pub fn new(len: usize, selected: usize) -> Rows<'static> {
        Rows {
            len,
            selected,
            empty: NOTHING_MATCHES,
        }
    }
}

/// Draws the rows in a framed pane, asking `row(i, width)` only for the
/// visible ones.
pub fn draw<'a>(
    f: &mut Frame,
    area: Rect,
    title: Line<'a>,
    focused: bool,
    theme: &Theme,
    rows: Rows,
    row: impl Fn(usize, usize) -> Line<'a>,
) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(focused))
        .title(title);
    draw_in(f, area, block, focused, theme, rows, row);
}

/// Like [`draw`], in a block the caller made (for panes that stack a list
/// under something else).
pub fn draw_in<'a>(
    f: &mut Frame,
    area: Rect,
    block: Block<'a>,
    focused: bool,
    theme: &Theme,
    Rows {
        len,
        selected,
        empty: empty_note,
    }: Rows,
    row: impl Fn(usize, usize) -> Line<'a>,
) {
    let inner = block.inner(area);
    let height = inner.height as usize;
    let first = offset(selected, height);
    let width = inner.width as usize;
    let items: Vec<ListItem> = (first..len.min(first + height))
        .map(|i| ListItem::new(row(i, width)))
        .collect();
    let empty = items.is_empty();
    let list = List::new(items)
        .block(block)
        .highlight_style(theme.selected(focused));
    let mut state = ListState::default().with_selected((!empty).then(|| selected - first));
    f.render_stateful_widget(list, area, &mut state);
    if empty {
        let msg = Line::from(Span::styled(empty_note, theme.dim()));
        f.render_widget(msg, Rect { height: 1, ..inner });
    }
}
