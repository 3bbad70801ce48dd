//! The article list: date with its precision (`~` for a guess), headline
//! with search matches highlighted, and the source: the outlet when the
//! format named one, else the file; the column yields to the headline on
//! narrow screens.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::list;
use super::text::{fit, highlighted, pad};
use super::theme::Theme;
use crate::app::stories::{RowKind, likeness_label};
use crate::app::{AppState, Pane};
use crate::model::{Article, Corpus};
use crate::review::Marks;
use ratatui::style::{Modifier, Style};

/// `2017-11-21`, `2017-11`, `~2023-07`, or `?` for an undated article.
pub fn date_label(a: &Article) -> String {
    match a.display_date() {
        Some((d, false)) => d.to_string(),
        Some((d, true)) => format!("~{d}"),
        None => "?".to_string(),
    }
}

/// Columns of the marks column: unread, starred, flagged, then a space.
pub const MARKS_WIDTH: usize = 4;

/// `•★⚑ `: unread, starred, flagged (a blank where a mark is off).
pub fn marks_label(m: Marks) -> String {
    format!(
        "{}{}{} ",
        if m.read { ' ' } else { '•' },
        if m.starred { '★' } else { ' ' },
        if m.flagged { '⚑' } else { ' ' }
    )
}

/// Columns an outlet's name may take in a list.
pub const OUTLET_WIDTH: usize = 16;

/// A short tag for the source: the outlet cut to [`OUTLET_WIDTH`], else
/// the file's stem cut to 8, with `#part` (the folders of its corpus name
/// left out: the reader shows them).
pub fn source_label(a: &Article) -> String {
    if let Some(outlet) = a.source.label() {
        return fit(outlet, OUTLET_WIDTH);
    }
    let stem: String = file_stem(a).chars().take(8).collect();
    if a.part > 1 {
        format!("{stem}#{}", a.part)
    } else {
        stem
    }
}

/// The article's file name without its folders and extension.
fn file_stem(a: &Article) -> &str {
    let base = a.file.rsplit_once('/').map_or(a.file.as_str(), |(_, b)| b);
    base.rsplit_once('.').map_or(base, |(s, _)| s)
}

/// The headline keeps at least this many columns before a source tag is
/// shown beside it.
pub const HEADLINE_MIN: usize = 40;

/// How a row of `width` columns is shared: the marks, the date column
/// (as wide as the widest date shown, and a space), the headline, and the
/// source tag only where the headline keeps [`HEADLINE_MIN`] columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    pub date: usize,
    pub headline: usize,
    /// The source tag's columns with the space before it; 0 when hidden.
    pub source: usize,
}

pub fn columns(width: usize, widest_date: usize, widest_source: usize) -> Columns {
    let date = widest_date + 1;
    let rest = width.saturating_sub(MARKS_WIDTH + date);
    let wanted = widest_source.min(OUTLET_WIDTH) + 1;
    let source = if widest_source > 0 && rest >= HEADLINE_MIN + wanted {
        wanted
    } else {
        0
    };
    Columns {
        date,
        headline: rest - source,
        source,
    }
}

/// One row of the list: marks, date, the headline with the search
/// matches highlighted, and its source where there is room. Rows of other
/// kinds (stories, groups) can sit beside it in the same list.
fn article_row<'a>(
    a: &'a Article,
    marks: Marks,
    printings: usize,
    expanded: bool,
    c: Columns,
    highlights: &[String],
    theme: &Theme,
) -> Line<'a> {
    // A story printed by several outlets says so after its headline,
    // shorter where the headline would keep too little.
    let sources = match printings {
        0 | 1 => String::new(),
        n if c.headline >= 24 + 11 + n.ilog10() as usize => format!(" ({n} sources)"),
        n if c.headline >= 12 + 3 + n.ilog10() as usize => format!(" ({n})"),
        _ => String::new(),
    };
    // A story of several printings shows whether it is expanded.
    let fold = match (printings, expanded) {
        (0 | 1, _) => "",
        (_, false) => "▸ ",
        (_, true) => "▾ ",
    };
    let room = c.headline - sources.width() - fold.width();
    let headline = fit(&a.headline, room);
    let fill = room.saturating_sub(headline.width());
    // Unread headlines stand out by weight, not colour alone.
    let base = if marks.read {
        Style::new()
    } else {
        Style::new().add_modifier(Modifier::BOLD)
    };
    let mut spans = vec![
        Span::styled(marks_label(marks), theme.mark()),
        Span::styled(pad(&date_label(a), c.date), theme.date()),
        Span::styled(fold, theme.dim()),
    ];
    spans.extend(
        highlighted(&headline, highlights, base, theme.highlight())
            .into_iter()
            .map(|s| Span::styled(s.content.into_owned(), s.style)),
    );
    if !sources.is_empty() {
        spans.push(Span::styled(sources, theme.dim()));
    }
    spans.push(Span::styled(" ".repeat(fill), base));
    if c.source > 0 {
        spans.push(Span::styled(
            format!(" {}", fit(&source_label(a), c.source - 1)),
            theme.dim(),
        ));
    }
    Line::from(spans)
}

/// A member of an expanded story, indented under its row: whether it is
/// a copy or a rewrite of the story's representative (and how alike),
/// its outlet, then its headline. A member the query does not match is
/// dim.
fn member_row<'a>(
    corpus: &Corpus,
    a: &'a Article,
    marks: Marks,
    listed: bool,
    c: Columns,
    theme: &Theme,
) -> Line<'a> {
    // The outlet is what tells printings apart: it is not cut to the
    // source column's eight letters of a file's name.
    let outlet = match a.source.label() {
        Some(o) => fit(o, OUTLET_WIDTH),
        None => fit(file_stem(a), OUTLET_WIDTH),
    };
    // The likeness first: on a narrow pane it is what stays.
    let lead = format!("  └ {} · {outlet} · ", likeness_label(corpus, a.id));
    let lead = fit(&lead, c.headline);
    let room = c.headline - lead.width();
    let headline = fit(&a.headline, room);
    let fill = room.saturating_sub(headline.width());
    let text = if listed { Style::new() } else { theme.dim() };
    let mut spans = vec![
        Span::styled(marks_label(marks), theme.mark()),
        Span::styled(pad(&date_label(a), c.date), theme.date()),
        Span::styled(lead, theme.dim()),
        Span::styled(format!("{headline}{}", " ".repeat(fill)), text),
    ];
    if c.source > 0 {
        spans.push(Span::styled(
            format!(" {}", fit(&source_label(a), c.source - 1)),
            theme.dim(),
        ));
    }
    Line::from(spans)
}

pub fn draw(f: &mut Frame, area: Rect, corpus: &Corpus, state: &AppState, theme: &Theme) {
    let v = &state.view;
    let title = Line::from(vec![
        Span::styled(" Articles ", theme.title()),
        Span::raw(format!("({}/{}) ", v.articles.len(), corpus.articles.len())),
    ]);
    let focused = state.focus == Pane::Articles;
    let selected = state.selected(Pane::Articles);
    // Sized to the rows in view, as the list shows them.
    let height = area.height.saturating_sub(2) as usize;
    let first = list::offset(selected, height);
    let rows = &state.rows;
    let shown = &rows[first.min(rows.len())..(first + height).min(rows.len())];
    let widest_date = shown
        .iter()
        .map(|r| date_label(corpus.article(r.article)).width())
        .max()
        .unwrap_or(10);
    let widest_source = shown
        .iter()
        .map(|r| source_label(corpus.article(r.article)).width())
        .max()
        .unwrap_or(0);
    let c = columns(
        area.width.saturating_sub(2) as usize,
        widest_date,
        widest_source,
    );
    list::draw(
        f,
        area,
        title,
        focused,
        theme,
        list::Rows::new(rows.len(), selected),
        |i, _| {
            let row = rows[i];
            let a = corpus.article(row.article);
            match row.kind {
                RowKind::Story => article_row(
                    a,
                    state.marks_of(a.id),
                    corpus.story_of(a.id).len(),
                    state.is_expanded(corpus, a.id),
                    c,
                    &v.highlights,
                    theme,
                ),
                RowKind::Member { listed } => {
                    member_row(corpus, a, state.marks_of(a.id), listed, c, theme)
                }
            }
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_column_fits_a_guessed_day_and_a_space() {
        let c = columns(48, "~2024-07-26".width(), 8);
        assert_eq!(c.date, 12);
        assert_eq!(pad("~2024-07-26", c.date), "~2024-07-26 ");
        assert_eq!(MARKS_WIDTH + c.date + c.headline, 48);
    }

    #[test]
    fn the_source_shows_only_where_the_headline_keeps_its_room() {
        // 100 columns: a 48-column pane gives the headline everything.
        let c = columns(48, 10, 8);
        assert_eq!(c.source, 0);
        assert_eq!(c.headline, 48 - MARKS_WIDTH - 11);
        // 160 columns: room for both.
        let c = columns(78, 10, 8);
        assert_eq!(c.source, 9);
        assert!(c.headline >= HEADLINE_MIN);
        assert_eq!(MARKS_WIDTH + c.date + c.headline + c.source, 78);
    }
}
