//! The dashboard's first frame on a large corpus is a preview (articles,
//! header dates, texts, search) while entities and events are extracted;
//! the built corpus then takes its place without losing what the user did.

mod common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use revue::app::keys::{Key, action_for};
use revue::app::{AppState, update};
use revue::model::{BuildOptions, Corpus, Origin, Staged};
use revue::search::SearchIndex;
use revue::ui::{self, Theme};

fn staged() -> Staged {
    let paths = vec![common::seeds_dir()];
    Staged::new(revue::ingest::load(&paths), Origin::Paths(paths))
}

fn press(state: &mut AppState, corpus: &Corpus, index: &SearchIndex, keys: &[Key]) {
    for &k in keys {
        if let Some(a) = action_for(state, k) {
            update(state, a, corpus, index);
        }
    }
}

fn screen(corpus: &Corpus, state: &AppState) -> String {
    let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
    term.draw(|f| ui::render(f, corpus, state, &Theme::new(false)))
        .unwrap();
    let buf = term.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_preview_holds_the_built_articles_without_entities_or_events() {
    let staged = staged();
    let preview = staged.preview();
    let built = staged.build(&BuildOptions::default());
    assert_eq!(preview.articles.len(), built.articles.len());
    assert!(preview.entities.is_empty() && preview.events.is_empty());
    for (p, b) in preview.articles.iter().zip(&built.articles) {
        assert_eq!((p.id, &p.key, &p.text_key), (b.id, &b.key, &b.text_key));
        assert_eq!(p.text, b.text);
        assert_eq!(p.headline, b.headline);
        assert_eq!(p.lang, b.lang);
        assert!(p.mentions.is_empty() && p.events.is_empty());
    }
    // Header dates are known at once; dates read from the text come with
    // the build (article 000 has both: `date 2017-11` and `publié le`).
    assert_eq!(
        preview.articles[0].date.map(|d| d.to_string()).as_deref(),
        Some("2017-11-21")
    );
    // The preview shares each text with the built corpus, not a copy.
    assert!(std::sync::Arc::ptr_eq(
        &preview.articles[0].text,
        &built.articles[0].text
    ));
}

#[test]
fn staged_build_equals_the_one_step_build() {
    let paths = vec![common::seeds_dir()];
    let one_step = revue::model::build(
        revue::ingest::load(&paths),
        Origin::Paths(paths),
        &BuildOptions::default(),
    );
    let staged = staged().build(&BuildOptions::default());
    let view = |c: &Corpus| {
        let index = SearchIndex::new(c);
        let v = revue::search::filter_str(c, &index, "");
        serde_json::to_string(&revue::cli::export_json(c, &v)).unwrap()
    };
    assert_eq!(view(&one_step), view(&staged));
}

#[test]
fn the_built_corpus_replaces_the_preview_keeping_query_and_selection() {
    let staged = staged();
    let preview = staged.preview();
    let preview_index = SearchIndex::new(&preview);
    let mut state = AppState::new(&preview, &preview_index);
    state.building = true;

    let text = screen(&preview, &state);
    assert!(text.contains("Entities (extracting…)"), "{text}");
    assert!(text.contains("Timeline (extracting…)"), "{text}");
    assert!(text.contains("being extracted"), "{text}");
    assert!(!text.contains("nothing matches"), "{text}");

    // Search works on the preview: the text holds the name.
    let keys: Vec<Key> = "/erdo".chars().map(Key::Char).collect();
    press(&mut state, &preview, &preview_index, &keys);
    press(
        &mut state,
        &preview,
        &preview_index,
        &[Key::Enter, Key::Down],
    );
    let matched = state.view.articles.clone();
    assert!(!matched.is_empty() && matched.len() < preview.articles.len());
    let selected = state.view.articles[state.selected[0]];
    assert!(state.view.entities.is_empty());

    let built = staged.build(&BuildOptions::default());
    let index = SearchIndex::new(&built);
    state.corpus_replaced(&built, &index);
    assert!(!state.building);
    assert_eq!(state.query, "erdo");
    assert_eq!(state.view.articles[state.selected[0]], selected);
    assert!(!state.view.entities.is_empty());
    assert!(!state.view.events.is_empty());
    let text = screen(&built, &state);
    assert!(!text.contains("extracting"), "{text}");
}

/// Before its index exists the preview lists every article and says that
/// search is coming; what is typed meanwhile is kept and filters as soon
/// as the index arrives, as if it had been typed then.
#[test]
fn keys_typed_before_the_index_filter_when_it_arrives() {
    let staged = staged();
    let preview = staged.preview();
    let mut state = AppState::new(&preview, None);
    state.building = true;
    assert!(state.indexing);
    assert_eq!(state.view.articles.len(), preview.articles.len());

    let typed: Vec<Key> = "/erdo".chars().map(Key::Char).collect();
    for &k in typed.iter().chain(&[Key::Enter]) {
        if let Some(a) = action_for(&state, k) {
            update(&mut state, a, &preview, None);
        }
    }
    assert_eq!(state.query, "erdo");
    assert!(state.pending_filter && !state.filter_settled());
    assert_eq!(state.view.articles.len(), preview.articles.len());
    let text = screen(&preview, &state);
    assert!(text.contains("preparing search"), "{text}");
    assert!(text.contains("erdo"), "{text}");
    let all = preview.articles.len();
    assert!(text.contains(&format!("Articles ({all}/{all})")), "{text}");
    assert!(text.contains("Entities (extracting…)"), "{text}");
    assert!(!text.contains("search work now"), "{text}");

    let index = SearchIndex::new(&preview);
    state.index_ready(&preview, &index);
    assert!(!state.indexing && state.filter_settled());
    let mut typed_after = AppState::new(&preview, &index);
    press(&mut typed_after, &preview, &index, &typed);
    assert_eq!(state.view, typed_after.view);
    assert!(state.view.articles.len() < all);
    let text = screen(&preview, &state);
    assert!(!text.contains("preparing search"), "{text}");
    assert!(
        text.contains("being extracted; articles and search work now"),
        "{text}"
    );
}

/// The terminal loop defers filtering to its own thread: without an index
/// an edit waits as a pending filter, which the index's arrival settles.
#[test]
fn a_deferred_filter_waits_for_the_index() {
    let staged = staged();
    let preview = staged.preview();
    let mut state = AppState::new(&preview, None);
    state.deferred_filter = true;
    press_without_index(&mut state, &preview, "/erdo");
    update(&mut state, revue::app::Action::Backspace, &preview, None);
    assert!(state.pending_filter);
    let index = SearchIndex::new(&preview);
    state.index_ready(&preview, &index);
    assert!(state.filter_settled());
    assert_eq!(
        state.view,
        revue::search::filter_str(&preview, &index, "erd")
    );
}

/// Moving through the list before the index exists acts on the list shown;
/// the selected article stays selected when the index arrives.
#[test]
fn the_selection_made_before_the_index_is_kept() {
    let staged = staged();
    let preview = staged.preview();
    let mut state = AppState::new(&preview, None);
    for _ in 0..3 {
        update(&mut state, revue::app::Action::Down, &preview, None);
    }
    let selected = state.view.articles[state.selected[0]];
    let index = SearchIndex::new(&preview);
    state.index_ready(&preview, &index);
    assert_eq!(state.view.articles[state.selected[0]], selected);
}

/// A model read back from the cache is shown before its index: articles at
/// once, entities and events once the index counts them.
#[test]
fn a_whole_corpus_without_its_index_renders_sensibly() {
    let built = staged().build(&BuildOptions::default());
    let mut state = AppState::new(&built, None);
    let text = screen(&built, &state);
    assert!(text.contains("Entities (preparing…)"), "{text}");
    assert!(text.contains("Timeline (preparing…)"), "{text}");
    assert!(text.contains("listed once search is ready"), "{text}");
    assert!(text.contains("preparing search…"), "{text}");
    assert!(!text.contains("nothing matches"), "{text}");
    assert!(!text.contains("extracting"), "{text}");

    let index = SearchIndex::new(&built);
    state.index_ready(&built, &index);
    assert_eq!(state.view, revue::search::filter_str(&built, &index, ""));
    let text = screen(&built, &state);
    assert!(!text.contains("preparing"), "{text}");
    assert!(!text.contains("listed once search is ready"), "{text}");
}

/// The build may end before the preview's index does: the built corpus
/// comes with its own index, and the query typed meanwhile filters it.
#[test]
fn the_built_corpus_may_come_before_the_preview_index() {
    let staged = staged();
    let preview = staged.preview();
    let mut state = AppState::new(&preview, None);
    state.building = true;
    state.deferred_filter = true;
    press_without_index(&mut state, &preview, "/erdo");
    let built = staged.build(&BuildOptions::default());
    let index = SearchIndex::new(&built);
    state.corpus_replaced(&built, &index);
    assert!(!state.building && !state.indexing && state.filter_settled());
    assert_eq!(
        state.view,
        revue::search::filter_str(&built, &index, "erdo")
    );
}

fn press_without_index(state: &mut AppState, corpus: &Corpus, keys: &str) {
    for k in keys.chars().map(Key::Char) {
        if let Some(a) = action_for(state, k) {
            update(state, a, corpus, None);
        }
    }
}
