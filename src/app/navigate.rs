//! Moving between views: what Enter opens, what Esc leaves, drilling down
//! into an entity or event as a chip, presets, and the reader's entry.
//! Called by [`super::update`]; every function here is one user intent.

use crate::model::{ArticleId, Corpus, EntityId, EventId};
use crate::review::Marks;
use crate::search::SearchIndex;

use super::{
    AppState, Chip, EntityDetail, EventDetail, Mode, Pane, Reader, Screen, reader, review,
};

pub(super) fn confirm(state: &mut AppState, corpus: &Corpus, index: Option<&SearchIndex>) {
    match state.mode() {
        Mode::Dashboard => {}
        Mode::Entity => return confirm_entity_row(state, corpus, index),
        Mode::Event => return confirm_event_row(state, corpus, index),
        Mode::Presets => {
            let rows = state.picker_rows();
            let selected = state.picker().map_or(0, |p| p.selected);
            if let Some(p) = rows.get(selected).map(|&i| &state.presets[i]) {
                let name = p.name.clone();
                apply_preset(state, corpus, index, &name);
            }
            return;
        }
        Mode::Reader => return confirm_side_row(state, corpus, index),
        Mode::Help | Mode::Warnings | Mode::Message | Mode::Choose | Mode::Question => return,
    }
    let sel = state.selected(state.focus);
    match state.focus {
        Pane::Articles => {
            if let Some(a) = state.article_row(sel).map(|r| r.article) {
                open_reader(state, corpus, a, None);
            }
        }
        Pane::Entities => {
            if let Some(row) = state.view.entities.get(sel) {
                let entity = row.id;
                state.push_screen(Screen::Entity(EntityDetail {
                    entity,
                    selected: 0,
                }));
            }
        }
        // One report opens at its sentence; a merged event lists them.
        Pane::Timeline => {
            if let Some(&e) = state.view.events.get(sel) {
                match &corpus.event(e).reports[..] {
                    [report] => open_reader(state, corpus, report.article, Some(report.sentence)),
                    _ => state.push_screen(Screen::Event(EventDetail {
                        event: e,
                        selected: 0,
                    })),
                }
            }
        }
    }
}

/// Enter in the event detail: row 0 narrows the dashboard to the event,
/// any other row opens the reader at that report's sentence.
fn confirm_event_row(state: &mut AppState, corpus: &Corpus, index: Option<&SearchIndex>) {
    let Some(d) = state.event().cloned() else {
        return;
    };
    if d.selected == 0 {
        return narrow_to_event(state, corpus, index, d.event);
    }
    if let Some(r) = corpus.event(d.event).reports.get(d.selected - 1) {
        open_reader(state, corpus, r.article, Some(r.sentence));
    }
}

/// Enter in the entity detail: row 0 filters the dashboard by the entity,
/// any other row opens the reader on that sentence.
fn confirm_entity_row(state: &mut AppState, corpus: &Corpus, index: Option<&SearchIndex>) {
    let Some(d) = state.entity().cloned() else {
        return;
    };
    if d.selected == 0 {
        filter_by_entity(state, corpus, index, d.entity);
        state.back_to_dashboard();
        return;
    }
    if let Some(&(article, sentence)) = corpus.mention_sentences(d.entity).get(d.selected - 1) {
        open_reader(state, corpus, article, Some(sentence));
    }
}

/// Enter on the reader's side list: narrow the dashboard to that entity
/// or event.
fn confirm_side_row(state: &mut AppState, corpus: &Corpus, index: Option<&SearchIndex>) {
    let Some(r) = state.reader() else { return };
    let Some(row) = r.side else { return };
    let a = corpus.article(r.article);
    if let Some(&e) = a.entities.get(row) {
        filter_by_entity(state, corpus, index, e);
    } else if let Some(&e) = a.events.get(row - a.entities.len()) {
        narrow_to_event(state, corpus, index, e);
    }
}

/// Narrows the dashboard to one event: a chip `event:N` labelled by its
/// date and description.
fn narrow_to_event(state: &mut AppState, corpus: &Corpus, index: Option<&SearchIndex>, e: EventId) {
    let ev = corpus.event(e);
    let label = format!("{} {}", ev.date, ev.description);
    let term = format!("event:{}", e.0);
    add_chip(state, corpus, index, Chip { label, term });
}

/// Narrows the dashboard to an entity: a chip `@name` (once), remembered
/// in the history.
fn filter_by_entity(
    state: &mut AppState,
    corpus: &Corpus,
    index: Option<&SearchIndex>,
    id: EntityId,
) {
    let canonical = corpus.entity(id).canonical.clone();
    let term = format!("@{}", canonical.replace(' ', "_"));
    add_chip(
        state,
        corpus,
        index,
        Chip {
            label: canonical.clone(),
            term,
        },
    );
    state.message = Some(format!(
        "filtered by {canonical} (Backspace on an empty search removes it)"
    ));
}

fn add_chip(state: &mut AppState, corpus: &Corpus, index: Option<&SearchIndex>, chip: Chip) {
    if state.chips.iter().any(|c| c.term == chip.term) {
        return;
    }
    state.history.push(state.snapshot());
    state.chips.push(chip);
    state.back_to_dashboard();
    state.refilter(corpus, index);
    state.focus = Pane::Articles;
}

/// `d`: narrow to the selected entity or event.
pub(super) fn drill_down(state: &mut AppState, corpus: &Corpus, index: Option<&SearchIndex>) {
    if let Some(d) = state.entity().cloned() {
        filter_by_entity(state, corpus, index, d.entity);
        return;
    }
    if let Some(d) = state.event().cloned() {
        return narrow_to_event(state, corpus, index, d.event);
    }
    if state.mode() != Mode::Dashboard {
        return;
    }
    let sel = state.selected(state.focus);
    match state.focus {
        Pane::Entities => {
            if let Some(id) = state.view.entities.get(sel).map(|r| r.id) {
                filter_by_entity(state, corpus, index, id);
            }
        }
        Pane::Timeline => {
            if let Some(&e) = state.view.events.get(sel) {
                narrow_to_event(state, corpus, index, e);
            }
        }
        Pane::Articles => state.message = Some("d narrows to an entity or an event".into()),
    }
}

/// Replaces the view with a preset's: its query, its pane; chips go.
pub(super) fn apply_preset(
    state: &mut AppState,
    corpus: &Corpus,
    index: Option<&SearchIndex>,
    name: &str,
) {
    let Some(p) = state.presets.iter().find(|p| p.name == name).cloned() else {
        state.message = Some(format!("no preset named {name}"));
        return;
    };
    state.history.push(state.snapshot());
    state.chips.clear();
    state.query = p.query.clone();
    state.close_overlay();
    state.back_to_dashboard();
    state.editing = false;
    state.refilter(corpus, index);
    if let Some(pane) = p.pane.filter(|p| state.layout.shows(*p)) {
        state.focus = pane;
    }
    state.active_preset = Some(p.name.clone());
    state.message = None;
}

pub(super) fn open_reader(
    state: &mut AppState,
    corpus: &Corpus,
    article: ArticleId,
    sentence: Option<usize>,
) {
    // Bring the sentence near the top, one line of context above it.
    let a = corpus.article(article);
    let wrap = reader::WrapMemo::default();
    let scroll = sentence
        .and_then(|s| a.sentences.get(s))
        .map(|r| {
            let width = reader::text_width(state.size.0);
            wrap.line_of(&a.text, &a.text_key, width, r.start)
                .saturating_sub(1)
        })
        .unwrap_or(0);
    let r = Reader {
        article,
        scroll,
        sentence,
        side: None,
        wrap,
    };
    // The next article of the list replaces the one read; one opened from
    // a list or a detail opens over it.
    match state.reader_mut() {
        Some(open) => *open = r,
        None => state.push_screen(Screen::Reader(r)),
    }
    // Read from a story's row, the story is read: its printings too.
    let row = state.row_of(article).and_then(|i| state.article_row(i));
    let targets = match row {
        Some(row) => super::stories::read_targets(corpus, row, state.read_marks),
        None => vec![article],
    };
    for t in targets {
        review::set(state, corpus, t, |m| Marks { read: true, ..m });
    }
    review::record(state, "opened: marked read".into());
}

/// Esc: close the overlay on top, else leave the search line, else the
/// reader's side list, else the screen open (back to the one below), else
/// clear the query.
pub(super) fn back(state: &mut AppState, corpus: &Corpus, index: Option<&SearchIndex>) {
    if state.overlay().is_some() {
        state.close_overlay();
    } else if state.editing {
        state.editing = false;
    } else if let Some(r) = state.reader_mut().filter(|r| r.side.is_some()) {
        r.side = None;
    } else if state.screens.len() > 1 {
        state.screens.pop();
    } else if !state.query.is_empty() || !state.chips.is_empty() {
        // Esc clears the typed query first, then the chips.
        state.history.push(state.snapshot());
        if state.query.is_empty() {
            state.chips.clear();
        } else {
            state.query.clear();
        }
        state.active_preset = None;
        state.refilter(corpus, index);
    }
}
