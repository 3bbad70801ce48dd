//! The reader's layout as pure functions: how wide and tall the text area
//! is for a terminal size, and (from `wrap`) how an article's text wraps at
//! a width. The app uses them to scroll and jump; the UI uses the same
//! ones to draw.

/// Columns taken by the side list of entities and events, when shown.
pub const SIDE_WIDTH: u16 = 32;
/// The side list is shown from this terminal width on.
pub const SIDE_MIN_COLS: u16 = 100;
/// Rows above the text: the header block (headline, date, file) and borders.
pub const HEADER_ROWS: u16 = 4;

/// Width of the wrapped text for a terminal of `cols` columns.
pub fn text_width(cols: u16) -> usize {
    let side = if cols >= SIDE_MIN_COLS { SIDE_WIDTH } else { 0 };
    cols.saturating_sub(side).saturating_sub(4).max(10) as usize
}

/// Visible text rows for a terminal of `rows` rows (status line included).
pub fn text_rows(rows: u16) -> usize {
    rows.saturating_sub(HEADER_ROWS + 3).max(1) as usize
}

pub use super::wrap::{WrapMemo, line_of, wrap};
