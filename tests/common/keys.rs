//! Keys pressed on an app state without a terminal, as the dashboard's
//! loop hands them to `update`.

use revue::app::keys::{Key, action_for};
use revue::app::{AppState, Effect, update};
use revue::model::Corpus;
use revue::search::SearchIndex;

/// Each key's action, if it has one where the state is, applied in turn;
/// the effects asked for on the way.
pub fn press_on(
    state: &mut AppState,
    (corpus, index): &(Corpus, SearchIndex),
    keys: &[Key],
) -> Vec<Effect> {
    let mut effects = Vec::new();
    for &k in keys {
        if let Some(a) = action_for(state, k) {
            effects.extend(update(state, a, corpus, index));
        }
    }
    effects
}

/// Keys pressed on a dashboard of the seeds.
pub fn press(state: &mut AppState, keys: &[Key]) -> Vec<Effect> {
    press_on(state, super::seeds(), keys)
}

/// The keys that type `s`.
pub fn typed(s: &str) -> Vec<Key> {
    s.chars().map(Key::Char).collect()
}

/// A dashboard of the seeds as it opens.
pub fn seeds_dashboard() -> AppState {
    let (corpus, index) = super::seeds();
    AppState::new(corpus, index)
}
