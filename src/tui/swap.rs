//! Taking in what the refresh thread (`live.rs`) reports: progress for
//! the status line, how the folders are watched, and a corpus built
//! again, swapped in for the one shown and folded into the app's state
//! (`app::refresh`), its sightings handed to the marks' saver, the old
//! corpus and index freed on the refresh thread.

use super::{AppState, Keep, Shown, live};

/// Swaps a corpus built again in for the one shown and folds it into the
/// state; the old corpus and index are freed on the refresh thread.
pub(super) fn fold_in(model: &mut Shown, state: &mut AppState, keep: &Keep, r: live::Refreshed) {
    let live::Refreshed {
        corpus,
        index,
        diff,
        fetched,
        warning,
    } = r;
    let old = std::mem::replace(&mut model.corpus, corpus);
    // A build still under way from the start is older than this one.
    model.pending = None;
    model.indexing = None;
    let old_index = model.index.replace(index);
    let index = model.index.as_ref().expect("just set");
    if let Some(sighting) = state.fold_in(&old, &model.corpus, index, &diff) {
        keep.marks.sight(sighting);
    }
    state.live.activity = None;
    state.live.fetching &= fetched.is_none();
    let told: Vec<String> = fetched
        .into_iter()
        .chain(state.message.take())
        .chain(warning)
        .collect();
    if !told.is_empty() {
        state.message = Some(told.join("; "));
        state.last_message.clone_from(&state.message);
    }
    if let Some(l) = keep.live {
        l.dispose(Box::new((old, old_index)));
    }
}

/// Takes in what the refresh thread says; a new corpus ends the turn.
pub(super) fn take_reports(
    state: &mut AppState,
    live: &live::Live,
) -> (bool, Option<Box<live::Refreshed>>) {
    let mut dirty = false;
    while let Some(r) = live.next_report() {
        dirty = true;
        match r {
            live::Report::Activity(a) => state.live.activity = a,
            live::Report::Watching { note, message } => {
                state.live.watch_note = note;
                if message.is_some() {
                    state.message = message;
                    state.last_message.clone_from(&state.message);
                }
            }
            live::Report::Message(m) => {
                state.live.activity = None;
                state.live.fetching = false;
                state.message = Some(m);
                state.last_message.clone_from(&state.message);
            }
            live::Report::Refreshed(r) => return (true, Some(r)),
        }
    }
    (dirty, None)
}
