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
    let base = a.file.rsplit_once('/').map_or(a.file.as_str(), |(_, b)| b);
    let stem = base.rsplit_once('.').map_or(base, |(s, _)| s);
    let stem: String = stem.chars().take(8).collect();
    if a.part > 1 {
        format!("{stem}#{}", a.part)
    } else {
        stem
    }
}

pub fn draw(f: &mut Frame, area: Rect, corpus: &Corpus, state: &AppState, theme: &Theme) {
    let v = &state.view;
    let title = Line::from(vec![
        Span::styled(" Articles ", theme.title()),
        Span::raw(format!("({}/{}) ", v.articles.len(), corpus.articles.len())),
    ]);
    let focused = state.focus == Pane::Articles;
    list::draw(
        f,
        area,
        title,
        focused,
        theme,
        list::Rows::new(v.articles.len(), state.selected(Pane::Articles)),
        |i, width| {
            let a = corpus.article(v.articles[i]);
            let marks = state.marks_of(a.id);
            let date = pad(&date_label(a), 11);
            let source = source_label(a);
            // A file tag shows from 44 columns; an outlet, longer, only
            // where the headline keeps 24 columns: the source gives way.
            let show_source = width >= 44
                && (a.source.label().is_none() || width > MARKS_WIDTH + 11 + 24 + source.width());
            let room = width.saturating_sub(
                MARKS_WIDTH + 11 + if show_source { source.width() + 1 } else { 0 },
            );
            // A story printed by several outlets says so after its
            // headline, shorter where the headline would keep too little.
            let sources = match corpus.story_of(a.id).len() {
                1 => String::new(),
                n if room >= 24 + 11 + n.ilog10() as usize => format!(" ({n} sources)"),
                n if room >= 12 + 3 + n.ilog10() as usize => format!(" ({n})"),
                _ => String::new(),
            };
            let room = room - sources.width();
            let headline = fit(&a.headline, room);
            // Padded after the count when there is one, else as it was.
            let (headline, fill) = if sources.is_empty() {
                (pad(&headline, room), 0)
            } else {
                let fill = room.saturating_sub(headline.width());
                (headline, fill)
            };
            // Unread headlines stand out by weight, not colour alone.
            let base = if marks.read {
                Style::new()
            } else {
                Style::new().add_modifier(Modifier::BOLD)
            };
            let mut spans = vec![
                Span::styled(marks_label(marks), theme.mark()),
                Span::styled(date, theme.date()),
            ];
            spans.extend(
                highlighted(&headline, &v.highlights, base, theme.highlight())
                    .into_iter()
                    .map(|s| Span::styled(s.content.into_owned(), s.style)),
            );
            if !sources.is_empty() {
                spans.push(Span::styled(sources, theme.dim()));
                spans.push(Span::styled(" ".repeat(fill), base));
            }
            if show_source {
                spans.push(Span::styled(format!(" {source}"), theme.dim()));
            }
            Line::from(spans)
        },
    );
}
