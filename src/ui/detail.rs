//! What the entity and event details share: a header box of a few lines
//! over a list whose first row acts on the dashboard and whose other rows
//! are sentences, each with its article's date and source.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::articles::{date_label, source_label};
use super::list;
use super::text::{fit, pad};
use super::theme::Theme;
use crate::model::{ArticleId, Corpus};

/// Room for the widest date label (`~2022-12-05`, an estimated day).
const DATE_COLS: usize = 11;

/// A detail screen: what it is about.
pub struct Detail<'a> {
    /// The header box's title (` Entity · Esc back `).
    pub kind: &'a str,
    /// The header's lines, and how many rows they get.
    pub header: Vec<Line<'a>>,
    pub header_rows: u16,
    /// The list's title (` Sentences (12) `).
    pub list_title: String,
    /// Row 0: what Enter on it does to the dashboard.
    pub action: String,
    /// The sentences of the rows after it: article and sentence index.
    pub sentences: &'a [(ArticleId, usize)],
    pub selected: usize,
}

pub fn draw(f: &mut Frame, area: Rect, corpus: &Corpus, d: Detail, theme: &Theme) {
    let [head, rows] =
        Layout::vertical([Constraint::Length(d.header_rows), Constraint::Min(3)]).areas(area);
    let block = Block::default()
        .borders(Borders::TOP | Borders::LEFT | Borders::RIGHT)
        .border_style(theme.border(true))
        .title(Span::styled(d.kind, theme.title()));
    f.render_widget(
        Paragraph::new(d.header)
            .wrap(Wrap { trim: true })
            .block(block),
        head,
    );
    let title = Line::from(Span::styled(d.list_title, theme.title()));
    let sentences = d.sentences;
    let action = d.action;
    list::draw(
        f,
        rows,
        title,
        true,
        theme,
        list::Rows::new(sentences.len() + 1, d.selected),
        |i, width| {
            if i == 0 {
                return Line::from(Span::styled(fit(&action, width), theme.title()));
            }
            let (article, sentence) = sentences[i - 1];
            let a = corpus.article(article);
            let prefix = format!(
                "{} {} ",
                pad(&date_label(a), DATE_COLS),
                pad(&source_label(a), 8)
            );
            let room = width.saturating_sub(prefix.chars().count());
            Line::from(vec![
                Span::styled(prefix, theme.dim()),
                Span::raw(fit(a.sentence(sentence), room)),
            ])
        },
    );
}
