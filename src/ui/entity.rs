//! The entity detail: its names, counts, when it was seen, the entities it
//! appears with, then a row that filters the dashboard by it and one row
//! per sentence that mentions it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::articles::{date_label, source_label};
use super::list;
use super::text::{fit, pad};
use super::theme::Theme;
use crate::app::EntityDetail;
use crate::model::Corpus;

const HEADER_ROWS: u16 = 6;

pub fn draw(f: &mut Frame, area: Rect, corpus: &Corpus, d: &EntityDetail, theme: &Theme) {
    let e = corpus.entity(d.entity);
    let [head, rows] =
        Layout::vertical([Constraint::Length(HEADER_ROWS), Constraint::Min(3)]).areas(area);
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
    let block = Block::default()
        .borders(Borders::TOP | Borders::LEFT | Borders::RIGHT)
        .border_style(theme.border(true))
        .title(Span::styled(" Entity · Esc back ", theme.title()));
    f.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(block),
        head,
    );

    let sentences = corpus.mention_sentences(d.entity);
    let title = Line::from(Span::styled(
        format!(" Sentences ({}) ", sentences.len()),
        theme.title(),
    ));
    let name = e.canonical.clone();
    list::draw(
        f,
        rows,
        title,
        true,
        theme,
        list::Rows::new(sentences.len() + 1, d.selected),
        |i, width| {
            if i == 0 {
                return Line::from(Span::styled(
                    fit(&format!("▸ Filter the dashboard by {name}"), width),
                    theme.title(),
                ));
            }
            let (article, sentence) = sentences[i - 1];
            let a = corpus.article(article);
            let prefix = format!("{} {} ", pad(&date_label(a), 10), pad(&source_label(a), 8));
            let room = width.saturating_sub(prefix.chars().count());
            Line::from(vec![
                Span::styled(prefix, theme.dim()),
                Span::raw(fit(a.sentence(sentence), room)),
            ])
        },
    );
}
