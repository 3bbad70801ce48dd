//! The reader: the article wrapped to the pane, entities coloured by kind,
//! search matches highlighted, the sentence jumped to marked, and beside it
//! the article's own entities and events.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::articles::date_label;
use super::entities::{KIND_WIDTH, kind_label};
use super::text::{fit, is_highlighted};
use super::theme::Theme;
use crate::app::{AppState, Reader, reader};
use crate::extract::tokens::tokenize;
use crate::model::{Article, Corpus, EntityMention};

pub fn draw(
    f: &mut Frame,
    area: Rect,
    corpus: &Corpus,
    state: &AppState,
    r: &Reader,
    theme: &Theme,
) {
    let a = corpus.article(r.article);
    let (main, side) = if area.width >= reader::SIDE_MIN_COLS {
        let [m, s] =
            Layout::horizontal([Constraint::Min(20), Constraint::Length(reader::SIDE_WIDTH)])
                .areas(area);
        (m, Some(s))
    } else {
        (area, None)
    };
    let [head, body] =
        Layout::vertical([Constraint::Length(reader::HEADER_ROWS), Constraint::Min(1)]).areas(main);
    draw_header(f, head, corpus, a, theme);
    draw_body(f, body, corpus, state, r, theme);
    if let Some(side) = side {
        draw_side(f, side, corpus, r, theme);
    }
}

fn draw_header(f: &mut Frame, area: Rect, corpus: &Corpus, a: &Article, theme: &Theme) {
    let block = Block::default()
        .borders(Borders::TOP | Borders::LEFT | Borders::RIGHT)
        .border_style(theme.border(true))
        .title(Span::styled(" Reader ", theme.title()));
    let w = area.width.saturating_sub(4) as usize;
    let precision =
        a.date
            .map(|d| d.precision().as_str())
            .unwrap_or(if a.inferred_date.is_some() {
                "guessed"
            } else {
                "unknown"
            });
    // Where it came from, for formats that say: outlet, byline, the
    // moment with its zone, summary-only.
    let meta = Line::from(vec![
        Span::styled(date_label(a), theme.date()),
        Span::styled(
            format!(
                " ({precision}, {})  {}{}  part {}  {}",
                a.date_source.as_str(),
                origin(a),
                a.file,
                a.part,
                a.lang
            ),
            theme.dim(),
        ),
    ]);
    // A text that opens with its headline shows it whole there: the
    // header does not repeat it cut.
    let mut lines = if opens_with_headline(a) {
        vec![meta]
    } else {
        vec![
            Line::from(Span::styled(fit(&a.headline, w), theme.title())),
            meta,
        ]
    };
    if let Some(story) = story_line(corpus, a) {
        lines.push(Line::from(Span::styled(fit(&story, w), theme.dim())));
    }
    f.render_widget(Paragraph::new(lines).block(block), area);
}

/// For a printing of a story of several: how many print it, and how this
/// one differs from the story's representative.
fn story_line(corpus: &Corpus, a: &Article) -> Option<String> {
    let story = corpus.story_of(a.id);
    if story.len() < 2 {
        return None;
    }
    let n = story.len();
    let rep = corpus.article(story.representative());
    if rep.id == a.id {
        return Some(format!("the original of a story of {n} printings"));
    }
    let d = crate::model::stories::diff::differences(
        (&rep.text, &rep.headline),
        (&a.text, &a.headline),
    );
    // The differences first: a narrow reader cuts the end.
    Some(format!(
        "{} of {}: {} · {n} printings",
        crate::app::stories::likeness_label(corpus, a.id),
        super::articles::source_label(rep),
        d.describe()
    ))
}

/// Whether the article's text begins with its headline (plain text whose
/// first line is the headline, as most of the corpus).
pub fn opens_with_headline(a: &Article) -> bool {
    let h = a.headline.trim().trim_end_matches('…');
    !h.is_empty() && a.text.trim_start().starts_with(h)
}

/// `outlet · byline · moment · summary only  ` for articles whose format
/// gave any of it; nothing for plain text.
fn origin(a: &Article) -> String {
    let s = &a.source;
    let parts: Vec<String> = [
        s.label().map(str::to_string),
        s.author.as_ref().map(|v| format!("by {v}")),
        s.published.map(|t| t.0.format("%H:%M %:z").to_string()),
        s.summary_only.then(|| "summary only".to_string()),
    ]
    .into_iter()
    .flatten()
    .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("{}  ", parts.join(" · "))
    }
}

/// Style for each byte of the text that is part of an entity mention, a
/// search match or the marked sentence.
fn styled_line<'a>(
    text: &'a str,
    line: Range<usize>,
    mentions: &[&EntityMention],
    corpus: &Corpus,
    state: &AppState,
    r: &Reader,
    theme: &Theme,
) -> Line<'a> {
    let a = corpus.article(r.article);
    let mark = r.sentence.and_then(|s| a.sentences.get(s)).cloned();
    let base_at = |pos: usize| {
        let mut s = Style::new();
        if mark.as_ref().is_some_and(|m| m.contains(&pos)) {
            s = s.add_modifier(Modifier::BOLD);
        }
        s
    };
    let mut spans = Vec::new();
    let mut pos = line.start;
    let seg = &text[line.clone()];
    for t in tokenize(seg) {
        let (ts, te) = (line.start + t.start, line.start + t.end);
        let mention = mentions
            .iter()
            .find(|m| m.span.start <= ts && te <= m.span.end);
        let style = if is_highlighted(t.text, &state.view.highlights) {
            theme.highlight()
        } else if let Some(m) = mention {
            base_at(ts).patch(theme.kind(corpus.entity(m.entity).kind))
        } else {
            continue;
        };
        if ts > pos {
            spans.push(Span::styled(&text[pos..ts], base_at(pos)));
        }
        spans.push(Span::styled(&text[ts..te], style));
        pos = te;
    }
    if pos < line.end {
        spans.push(Span::styled(&text[pos..line.end], base_at(pos)));
    }
    Line::from(spans)
}

/// The article's mentions that overlap the lines shown: each token on
/// screen is then looked up among these few, not among all of an article
/// that may hold a million.
fn mentions_within<'a>(a: &'a Article, lines: &[Range<usize>]) -> Vec<&'a EntityMention> {
    let (Some(start), Some(end)) = (
        lines.iter().map(|l| l.start).min(),
        lines.iter().map(|l| l.end).max(),
    ) else {
        return Vec::new();
    };
    a.mentions
        .iter()
        .filter(|m| m.span.start < end && m.span.end > start)
        .collect()
}

fn draw_body(
    f: &mut Frame,
    area: Rect,
    corpus: &Corpus,
    state: &AppState,
    r: &Reader,
    theme: &Theme,
) {
    let a = corpus.article(r.article);
    let block = Block::default()
        .borders(Borders::BOTTOM | Borders::LEFT | Borders::RIGHT)
        .border_style(theme.border(true));
    let inner = block.inner(area);
    let width = reader::text_width(state.size.0).min(inner.width.saturating_sub(1) as usize);
    let rows = inner.height as usize;
    // Only the lines on screen are asked for (and wrapped, once per width).
    let known = r
        .wrap
        .count_up_to(&a.text, &a.text_key, width, r.scroll.saturating_add(rows));
    let first = r.scroll.min(known.saturating_sub(rows));
    let lines = r
        .wrap
        .lines(&a.text, &a.text_key, width, first..first + rows);
    let mentions = mentions_within(a, &lines);
    let shown: Vec<Line> = lines
        .iter()
        .map(|l| styled_line(&a.text, l.clone(), &mentions, corpus, state, r, theme))
        .collect();
    let more = if r.wrap.is_complete(&a.text, &a.text_key, width) {
        let total = r.wrap.count_up_to(&a.text, &a.text_key, width, usize::MAX);
        if first + rows < total {
            format!(" {}/{} ↓ ", first + rows, total)
        } else {
            " end ".to_string()
        }
    } else {
        // The rest is not wrapped yet: its length in lines is unknown.
        format!(" {} ↓ ", first + rows)
    };
    f.render_widget(
        Paragraph::new(shown)
            .block(block.title_bottom(Line::from(Span::styled(more, theme.dim())).right_aligned())),
        area,
    );
}

fn draw_side(f: &mut Frame, area: Rect, corpus: &Corpus, r: &Reader, theme: &Theme) {
    let a = corpus.article(r.article);
    let w = area.width.saturating_sub(2) as usize;
    let focused = r.side.is_some();
    let mark = |row: usize, line: Line<'static>| -> Line<'static> {
        if r.side == Some(row) {
            line.style(theme.selected(true))
        } else {
            line
        }
    };
    let mut lines = vec![Line::from(Span::styled("Entities", theme.title()))];
    for (row, e) in a.entities.iter().enumerate() {
        let e = corpus.entity(*e);
        let line = Line::from(vec![
            Span::styled(kind_label(e.kind), theme.kind(e.kind)),
            Span::raw(fit(&e.canonical, w.saturating_sub(KIND_WIDTH))),
        ]);
        lines.push(mark(row, line));
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled("Events", theme.title())));
    for (i, e) in a.events.iter().enumerate() {
        let e = corpus.event(*e);
        let line = Line::from(vec![
            Span::styled(format!("{} ", e.date), theme.date()),
            Span::raw(fit(
                &e.description,
                w.saturating_sub(e.date.to_string().len() + 1),
            )),
        ]);
        lines.push(mark(a.entities.len() + i, line));
    }
    // Keep the selected row in view.
    let height = area.height.saturating_sub(2) as usize;
    let wanted = r.side.map_or(0, |row| {
        if row < a.entities.len() {
            row + 1
        } else {
            row + 4
        }
    });
    let scroll = wanted.saturating_sub(height.saturating_sub(1)) as u16;
    let hint = if focused {
        " Enter narrows · Tab back "
    } else {
        " Tab: this list "
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(focused))
        .title_bottom(Line::from(Span::styled(hint, theme.dim())));
    f.render_widget(Paragraph::new(lines).scroll((scroll, 0)).block(block), area);
}
