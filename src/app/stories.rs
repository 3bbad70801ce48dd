//! The article list as stories: one row per story (its representative
//! when the view lists it, else the story's first article in the view),
//! the other articles of the view that belong to it hidden under that
//! row until the story is expanded, when every member of the story is
//! listed under it, indented. Also which articles a read mark on a row
//! reaches: a story's row marks its members (`[stories] read_marks`).
//!
//! Pure: the view and the corpus's stories in, rows out.

use rustc_hash::FxHashSet;

use crate::model::{ArticleId, Corpus, Likeness, StoryId};
use crate::search::{self, EntityRow, EntitySort};

use super::{AppState, Pane};

/// What a row of the article list stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A story's row, or a lone article.
    Story,
    /// A member listed under its expanded story's row; `listed`: the
    /// view's query matches it too (the others are drawn dim).
    Member { listed: bool },
}

/// One row of the article list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArticleRow {
    pub article: ArticleId,
    pub kind: RowKind,
}

/// Which members a read mark on a story's row reaches, from
/// `[stories] read_marks`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReadMarks {
    /// Every member: copies and rewrites.
    #[default]
    Story,
    /// The copies only: a rewrite may say something the row does not.
    Copies,
    /// The row's own article only.
    Article,
}

/// The rows for `articles` (a view's, best first): each story once, at
/// the place of its first article in the view; an expanded story's
/// members after it.
pub fn rows(
    corpus: &Corpus,
    articles: &[ArticleId],
    expanded: &FxHashSet<StoryId>,
) -> Vec<ArticleRow> {
    let story_row = |a| ArticleRow {
        article: a,
        kind: RowKind::Story,
    };
    // Most corpora have few stories of several articles: nothing to group
    // when the corpus has none (and a preview has no stories yet).
    if corpus.stories.len() == corpus.articles.len() || corpus.stories.is_empty() {
        return articles.iter().map(|&a| story_row(a)).collect();
    }
    let mut in_view = vec![false; corpus.articles.len()];
    for a in articles {
        in_view[a.0 as usize] = true;
    }
    let mut seen = vec![false; corpus.stories.len()];
    let mut out = Vec::with_capacity(articles.len());
    for &a in articles {
        let story = corpus.story_of(a);
        if std::mem::replace(&mut seen[story.id.0 as usize], true) {
            continue;
        }
        let rep = story.representative();
        let head = if in_view[rep.0 as usize] { rep } else { a };
        out.push(story_row(head));
        if story.len() > 1 && expanded.contains(&story.id) {
            out.extend(
                story
                    .members
                    .iter()
                    .filter(|m| m.article != head)
                    .map(|m| ArticleRow {
                        article: m.article,
                        kind: RowKind::Member {
                            listed: in_view[m.article.0 as usize],
                        },
                    }),
            );
        }
    }
    out
}

/// The articles a read mark on `row` reaches under `rule`: a story's row
/// takes its members with it, a member's row only itself.
pub fn read_targets(corpus: &Corpus, row: ArticleRow, rule: ReadMarks) -> Vec<ArticleId> {
    let story = corpus.story_of(row.article);
    if row.kind != RowKind::Story || story.len() < 2 {
        return vec![row.article];
    }
    let mut out = vec![row.article];
    out.extend(
        story
            .members
            .iter()
            .filter(|m| m.article != row.article)
            .filter(|m| match rule {
                ReadMarks::Story => true,
                ReadMarks::Copies => m.likeness == Likeness::Copy,
                ReadMarks::Article => false,
            })
            .map(|m| m.article),
    );
    out
}

impl AppState {
    /// The row of the article list at `i`.
    pub fn article_row(&self, i: usize) -> Option<ArticleRow> {
        self.rows.get(i).copied()
    }

    /// The article of the selected row of the list.
    pub fn selected_article(&self) -> Option<ArticleId> {
        self.article_row(self.selected(Pane::Articles))
            .map(|r| r.article)
    }

    /// The first row that shows `a`.
    pub fn row_of(&self, a: ArticleId) -> Option<usize> {
        self.rows.iter().position(|r| r.article == a)
    }

    /// Whether the story of `a` is expanded.
    pub fn is_expanded(&self, corpus: &Corpus, a: ArticleId) -> bool {
        self.expanded.contains(&corpus.article(a).story)
    }

    /// Rebuilds the rows after the view or the expanded stories changed.
    pub(super) fn regroup(&mut self, corpus: &Corpus) {
        self.rows = rows(corpus, &self.view.articles, &self.expanded);
        self.listed = if self.per_story {
            listed(corpus, &self.view.articles)
        } else {
            Vec::new()
        };
    }

    /// The articles of the view an entity row counts: per printing (the
    /// view's count), or per story (`S`), the printings of one story
    /// counted once.
    pub fn entity_articles(&self, corpus: &Corpus, row: &EntityRow) -> usize {
        if !self.per_story || self.listed.is_empty() {
            return row.articles;
        }
        let mut stories: Vec<StoryId> = corpus
            .entity(row.id)
            .articles
            .iter()
            .filter(|a| self.listed.get(a.0 as usize).copied().unwrap_or(false))
            .map(|&a| corpus.article(a).story)
            .collect();
        stories.sort_unstable();
        stories.dedup();
        stories.len()
    }

    /// Sorts the entity rows as `entity_sort` says; by articles, the
    /// articles the pane shows for each row (per story under `S`), so the
    /// order follows the counts on screen.
    pub(super) fn sort_entity_rows(&mut self, corpus: &Corpus) {
        if self.entity_sort != EntitySort::Articles || !self.per_story || self.listed.is_empty() {
            search::sort_entities(corpus, &mut self.view.entities, self.entity_sort);
            return;
        }
        let rows = std::mem::take(&mut self.view.entities);
        let mut counted: Vec<(usize, EntityRow)> = rows
            .into_iter()
            .map(|r| (self.entity_articles(corpus, &r), r))
            .collect();
        // The ties as `search::sort_entities` breaks them.
        counted.sort_by(|(cx, x), (cy, y)| {
            cy.cmp(cx).then(y.mentions.cmp(&x.mentions)).then(
                corpus
                    .entity(x.id)
                    .canonical
                    .cmp(&corpus.entity(y.id).canonical),
            )
        });
        self.view.entities = counted.into_iter().map(|(_, r)| r).collect();
    }
}

/// Which articles of the corpus the view lists, by id; empty when the
/// corpus has no story of several articles (every count is per story
/// then already).
fn listed(corpus: &Corpus, articles: &[ArticleId]) -> Vec<bool> {
    if corpus.stories.len() == corpus.articles.len() || corpus.stories.is_empty() {
        return Vec::new();
    }
    let mut in_view = vec![false; corpus.articles.len()];
    for a in articles {
        in_view[a.0 as usize] = true;
    }
    in_view
}

/// `S`: the entity pane counts articles per story, or per printing again.
pub(super) fn toggle_counts(state: &mut AppState, corpus: &Corpus) {
    state.per_story = !state.per_story;
    state.regroup(corpus);
    if state.entity_sort == EntitySort::Articles {
        state.sort_entity_rows(corpus);
    }
    state.message = Some(
        if state.per_story {
            "entities: articles counted per story (a story's printings once)"
        } else {
            "entities: articles counted per printing"
        }
        .into(),
    );
}

/// Expands the selected row's story, or collapses it (from its row or any
/// of its members', which leaves the selection on the story's row).
pub(super) fn toggle_story(state: &mut AppState, corpus: &Corpus) {
    if state.focus != Pane::Articles {
        state.message = Some("stories expand in the article list (1 focuses it)".into());
        return;
    }
    let Some(row) = state.article_row(state.selected(Pane::Articles)) else {
        return;
    };
    let story = corpus.story_of(row.article);
    if story.len() < 2 {
        state.message = Some("a single report: no other printing to show".into());
        return;
    }
    let id = story.id;
    if state.expanded.remove(&id) {
        state.regroup(corpus);
        // The story's row is the last story row at or above the selection.
        let head = state.rows[..=state.selected(Pane::Articles).min(state.rows.len() - 1)]
            .iter()
            .rposition(|r| r.kind == RowKind::Story && corpus.article(r.article).story == id);
        if let Some(h) = head {
            state.selected[Pane::Articles as usize] = h;
        }
        clamp(state);
    } else {
        state.expanded.insert(id);
        state.regroup(corpus);
        state.message = Some(format!("{} printings of this story", story.len()));
    }
}

fn clamp(state: &mut AppState) {
    let last = state.rows.len().saturating_sub(1);
    let sel = &mut state.selected[Pane::Articles as usize];
    *sel = (*sel).min(last);
}

/// How a member row names its likeness: `copy 97%`, `rewrite 62%`.
pub fn likeness_label(corpus: &Corpus, a: ArticleId) -> String {
    let story = corpus.story_of(a);
    match story.member(a) {
        Some(m) if m.likeness != Likeness::Original => {
            format!("{} {:.0}%", m.likeness.as_str(), m.similarity * 100.0)
        }
        _ => "original".into(),
    }
}
