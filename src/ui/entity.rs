//! The entity detail: its names, counts, when it was seen, the entities it
//! appears with, then a row that filters the dashboard by it and one row
//! per sentence that mentions it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::detail::{self, Detail};
use super::theme::Theme;
use crate::app::EntityDetail;
use crate::model::Corpus;

const HEADER_ROWS: u16 = 6;

pub fn draw(f: &mut Frame, area: Rect, corpus: &Corpus, d: &EntityDetail, theme: &Theme) {
    let e = corpus.entity(d.entity);
    let others: Vec<&str> = e
        .aliases
        .iter()
        .filter(|a| **a != e.canonical)
        .map(String::as_str)
        .collect();
    let seen = match corpus.seen_range(d.entity) {
        Some((a, b)) if a == b => format!(" · seen {a}"),
        Some((a, b)) => format!(" · seen {a} … {b}"),
        None => String::new(),
    };
    let with: Vec<String> = corpus
        .cooccurring(d.entity)
        .into_iter()
        .take(8)
        .map(|(id, n)| format!("{} ({n})", corpus.entity(id).canonical))
        .collect();
    let lines = vec![
        Line::from(vec![
            Span::styled(format!("{} ", e.kind.code()), theme.kind(e.kind)),
            Span::styled(e.canonical.clone(), theme.title()),
        ]),
        Line::from(vec![
            Span::styled("also ", theme.dim()),
            Span::raw(if others.is_empty() {
                "—".to_string()
            } else {
                others.join(", ")
            }),
        ]),
        Line::from(vec![
            Span::raw(format!(
                "{} mentions in {} articles",
                e.mentions,
                e.articles.len()
            )),
            Span::styled(seen, theme.date()),
        ]),
        Line::from(vec![
            Span::styled("with ", theme.dim()),
            Span::raw(with.join(" · ")),
        ]),
    ];
    let sentences = corpus.mention_sentences(d.entity);
    detail::draw(
        f,
        area,
        corpus,
        Detail {
            kind: " Entity · Esc back ",
            header: lines,
            header_rows: HEADER_ROWS,
            list_title: format!(" Sentences ({}) ", sentences.len()),
            action: format!("▸ Filter the dashboard by {}", e.canonical),
            sentences: &sentences,
            selected: d.selected,
        },
        theme,
    );
}
