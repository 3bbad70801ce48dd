//! Live refresh without a terminal: the dashboard's state before and
//! after a corpus built again from its folder (files added, changed,
//! removed) is folded in, as `tui` does when the watcher or the refetch
//! key delivers one.

use std::path::{Path, PathBuf};

use revue::app::refresh::{ARRIVED_TERM, Diff};
use revue::app::{Action, AppState, Effect, Mode, Pane, update};
use revue::model::{BuildOptions, Corpus, Origin};
use revue::review::{Mark, MarkBook};
use revue::search::SearchIndex;

/// A short article of this test's own, dated so that it sorts among the
/// seeds.
const HARBOUR: &str = " date 2017-11-23\n\nLe port de Marseille rouvre ses quais\n\n\
Le port de Marseille a rouvert jeudi ses quais aux ferries après deux jours de grève des \
dockers. La direction du port a annoncé un accord avec les syndicats sur les horaires de nuit.\n";

const BRIDGE: &str = " date 2017-11-24\n\nUn pont fermé à Lyon après une inspection\n\n\
La métropole de Lyon a fermé vendredi le pont Morand à la circulation des voitures. \
Des fissures ont été relevées lors d'une inspection de routine, selon la métropole.\n";

/// A corpus folder: the seed files, and what a test adds or removes.
struct Folder(tempfile::TempDir);

impl Folder {
    fn seeds() -> Folder {
        Folder::copy_of(&Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"))
    }

    fn copy_of(folder: &Path) -> Folder {
        let dir = tempfile::tempdir().unwrap();
        for e in std::fs::read_dir(folder).unwrap() {
            let p = e.unwrap().path();
            std::fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
        }
        Folder(dir)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.path().join(name)
    }

    fn write(&self, name: &str, text: &str) {
        std::fs::write(self.path(name), text).unwrap();
    }

    fn remove(&self, name: &str) {
        std::fs::remove_file(self.path(name)).unwrap();
    }

    /// The corpus as a start (or the watcher's rebuild) builds it.
    fn build(&self) -> (Corpus, SearchIndex) {
        let paths = vec![self.0.path().to_path_buf()];
        let corpus = revue::model::build(
            revue::ingest::load(&paths),
            Origin::Paths(paths),
            &BuildOptions::default(),
        );
        let index = SearchIndex::new(&corpus);
        (corpus, index)
    }
}

/// A dashboard on `corpus` whose every article was seen by an earlier
/// run: nothing is new when it opens.
fn opened(corpus: &Corpus, index: &SearchIndex) -> AppState {
    let mut state = AppState::new(corpus, index);
    let mut book = MarkBook::default();
    let keys = || corpus.articles.iter().map(|a| a.text_key.as_str());
    book.sight(keys(), 1_000);
    book.sight(keys(), 2_000);
    state.load_marks(book, corpus, index);
    state
}

fn act(state: &mut AppState, corpus: &Corpus, index: &SearchIndex, actions: &[Action]) {
    for a in actions {
        update(state, a.clone(), corpus, index);
    }
}

/// The key (`file#part`) of the selected article.
fn selected_key(state: &AppState, corpus: &Corpus) -> String {
    let id = state.selected_article().expect("a selected row");
    corpus.article(id).key.clone()
}

fn key_at(state: &AppState, corpus: &Corpus, row: usize) -> String {
    corpus.article(state.rows[row].article).key.clone()
}

fn file_of(key: &str) -> &str {
    key.split('#').next().unwrap()
}

#[test]
fn an_added_file_keeps_the_query_selection_reader_and_marks_and_is_new() {
    let folder = Folder::seeds();
    let (old, old_index) = folder.build();
    let mut state = opened(&old, &old_index);
    act(
        &mut state,
        &old,
        &old_index,
        &[
            Action::SetQuery("Poutine".into()),
            Action::Down,
            Action::ToggleMark(Mark::Starred),
        ],
    );
    let starred = selected_key(&state, &old);
    act(&mut state, &old, &old_index, &[Action::Confirm]);
    act(&mut state, &old, &old_index, &[Action::Down, Action::Down]);
    let scroll = state.reader().unwrap().scroll;
    assert!(scroll > 0, "the reader scrolled");
    assert_eq!(state.marks.iter().filter(|m| m.new).count(), 0);

    folder.write(
        "harbour.txt",
        &HARBOUR.replace("Marseille", "Marseille et de Poutine"),
    );
    let (new, new_index) = folder.build();
    let diff = Diff::between(&old, &new);
    assert_eq!((diff.added(), diff.changed, diff.removed), (1, 0, 0));
    let sighting = state.fold_in(&old, &new, &new_index, &diff);

    // The arrival is logged as first seen by this run: new, and arrived.
    let arrived = &new.articles[diff.arrived[0].0 as usize];
    assert_eq!(
        sighting.map(|s| s.seen),
        Some(vec![arrived.text_key.clone()])
    );
    let m = state.marks_of(arrived.id);
    assert!(m.new && m.arrived);
    assert_eq!(state.marks.iter().filter(|m| m.new).count(), 1);
    // The query and the reader, on the same article at the same place.
    assert_eq!(state.query, "Poutine");
    let r = state.reader().expect("the reader stays open");
    assert_eq!(new.article(r.article).key, starred);
    assert_eq!(r.scroll, scroll);
    assert!(
        state.marks_of(r.article).starred,
        "marks follow the article"
    );
    assert!(
        state.message.as_deref().unwrap().contains("1 new article"),
        "{:?}",
        state.message
    );
    // Back on the list, the same article is selected.
    act(&mut state, &new, &new_index, &[Action::Back]);
    assert_eq!(state.mode(), Mode::Dashboard);
    assert_eq!(selected_key(&state, &new), starred);
    // The view is the query's on the new corpus: the arrival matches it.
    assert!(state.view.articles.contains(&arrived.id));
}

#[test]
fn a_removed_selected_article_gives_way_to_the_one_below_it_or_above_at_the_end() {
    let folder = Folder::seeds();
    let (old, old_index) = folder.build();
    let mut state = opened(&old, &old_index);
    // A row in the middle whose file holds one article, so that removing
    // the file removes just it.
    let single = |c: &Corpus, key: &str| {
        c.articles
            .iter()
            .filter(|a| file_of(&a.key) == file_of(key))
            .count()
            == 1
    };
    let row = (1..state.view.articles.len() - 1)
        .find(|&r| single(&old, &key_at(&state, &old, r)))
        .expect("a one-article file in the middle");
    state.selected[0] = row;
    let gone = selected_key(&state, &old);
    let below = key_at(&state, &old, row + 1);
    folder.remove(file_of(&gone));
    let (new, new_index) = folder.build();
    let diff = Diff::between(&old, &new);
    assert_eq!((diff.added(), diff.removed), (0, 1));
    state.fold_in(&old, &new, &new_index, &diff);
    assert_eq!(selected_key(&state, &new), below);
    assert!(state.message.as_deref().unwrap().contains("1 removed"));

    // The last row removed: the one above it.
    let old = new;
    let last = state.view.articles.len() - 1;
    state.selected[0] = last;
    let gone = selected_key(&state, &old);
    let above = key_at(&state, &old, last - 1);
    let others_in_file = old
        .articles
        .iter()
        .filter(|a| file_of(&a.key) == file_of(&gone) && a.key != gone)
        .count();
    folder.remove(file_of(&gone));
    let (new, new_index) = folder.build();
    let diff = Diff::between(&old, &new);
    state.fold_in(&old, &new, &new_index, &diff);
    let expected = if file_of(&above) == file_of(&gone) {
        // Its file took the row above with it: the nearest still listed.
        assert!(others_in_file > 0);
        key_at(&state, &new, state.view.articles.len() - 1)
    } else {
        above
    };
    assert_eq!(selected_key(&state, &new), expected);
}

#[test]
fn the_reader_on_a_removed_article_closes_back_to_the_list() {
    let folder = Folder::seeds();
    folder.write("bridge.txt", BRIDGE);
    let (old, old_index) = folder.build();
    let mut state = opened(&old, &old_index);
    act(
        &mut state,
        &old,
        &old_index,
        &[Action::SetQuery("Morand".into())],
    );
    assert_eq!(state.view.articles.len(), 1);
    act(&mut state, &old, &old_index, &[Action::Confirm]);
    assert_eq!(state.mode(), Mode::Reader);
    folder.remove("bridge.txt");
    let (new, new_index) = folder.build();
    state.fold_in(&old, &new, &new_index, &Diff::between(&old, &new));
    assert_eq!(state.mode(), Mode::Dashboard);
    assert_eq!(state.query, "Morand", "the query stays");
    assert!(state.view.articles.is_empty());
    let m = state.message.clone().unwrap();
    assert!(m.contains("1 removed") && m.contains("gone"), "{m}");
}

#[test]
fn an_edited_file_is_changed_not_new_and_its_reader_stays_open() {
    let folder = Folder::seeds();
    folder.write("bridge.txt", BRIDGE);
    let (old, old_index) = folder.build();
    let mut state = opened(&old, &old_index);
    act(
        &mut state,
        &old,
        &old_index,
        &[Action::SetQuery("Morand".into()), Action::Confirm],
    );
    folder.write("bridge.txt", &BRIDGE.replace("vendredi", "vendredi matin"));
    let (new, new_index) = folder.build();
    let diff = Diff::between(&old, &new);
    assert_eq!((diff.added(), diff.changed, diff.removed), (0, 1, 0));
    state.fold_in(&old, &new, &new_index, &diff);
    let r = state.reader().expect("still open");
    assert!(new.article(r.article).text.contains("vendredi matin"));
    assert!(state.message.as_deref().unwrap().contains("1 changed"));
    // Its text was never seen: new, and arrived.
    assert!(state.marks_of(r.article).arrived);
}

#[test]
fn a_renamed_file_is_the_same_article_and_the_same_corpus_is_nothing() {
    let folder = Folder::seeds();
    folder.write("bridge.txt", BRIDGE);
    let (old, _) = folder.build();
    let (same, _) = folder.build();
    assert!(Diff::between(&old, &same).is_nothing(&same));
    std::fs::rename(folder.path("bridge.txt"), folder.path("pont.txt")).unwrap();
    let (new, _) = folder.build();
    let diff = Diff::between(&old, &new);
    assert_eq!((diff.arrived.len(), diff.removed), (0, 0));
    assert!(
        !diff.is_nothing(&new),
        "the key moved: the view is made again"
    );
    let bridge = old
        .articles
        .iter()
        .find(|a| a.key.starts_with("bridge"))
        .unwrap();
    let moved = diff.old_to_new[bridge.id.0 as usize].unwrap();
    assert!(new.article(moved).key.starts_with("pont"));
}

#[test]
fn the_entity_detail_and_an_event_chip_follow_their_entity_and_event() {
    let folder = Folder::seeds();
    let (old, old_index) = folder.build();
    let mut state = opened(&old, &old_index);
    // An event chip from the timeline.
    act(
        &mut state,
        &old,
        &old_index,
        &[Action::Focus(Pane::Timeline), Action::Bottom],
    );
    let event = state.view.events[state.selected(Pane::Timeline)];
    let description = old.event(event).description.clone();
    act(&mut state, &old, &old_index, &[Action::DrillDown]);
    assert_eq!(state.chips.len(), 1);
    // The entity detail of the first entity.
    act(
        &mut state,
        &old,
        &old_index,
        &[Action::Focus(Pane::Entities), Action::Confirm],
    );
    let entity = old
        .entity(state.entity().expect("entity detail").entity)
        .canonical
        .clone();

    // An article dated before every event: events get other ids.
    folder.write(
        "early.txt",
        " date 2010-05-02\n\nUn sommet à Damas\n\nLe 2 mai 2010, Bachar al-Assad a reçu \
         Recep Tayyip Erdogan à Damas pour un sommet sur le commerce.\n",
    );
    let (new, new_index) = folder.build();
    state.fold_in(&old, &new, &new_index, &Diff::between(&old, &new));
    let d = state.entity().expect("the entity detail stays open");
    assert_eq!(new.entity(d.entity).canonical, entity);
    let chip = &state.chips[0];
    let id: u32 = chip.term.strip_prefix("event:").unwrap().parse().unwrap();
    assert_eq!(new.events[id as usize].description, description);
}

#[test]
fn the_arrived_key_lists_what_arrived_and_again_lists_all() {
    let folder = Folder::seeds();
    let (old, old_index) = folder.build();
    let mut state = opened(&old, &old_index);
    act(&mut state, &old, &old_index, &[Action::ShowArrived]);
    assert!(state.chips.is_empty());
    assert!(
        state
            .message
            .as_deref()
            .unwrap()
            .contains("nothing arrived")
    );
    folder.write("harbour.txt", HARBOUR);
    folder.write("bridge.txt", BRIDGE);
    let (new, new_index) = folder.build();
    state.fold_in(&old, &new, &new_index, &Diff::between(&old, &new));
    let all = state.view.articles.len();
    act(&mut state, &new, &new_index, &[Action::ShowArrived]);
    assert_eq!(state.chips[0].term, ARRIVED_TERM);
    assert_eq!(state.view.articles.len(), 2);
    act(&mut state, &new, &new_index, &[Action::ShowArrived]);
    assert!(state.chips.is_empty());
    assert_eq!(state.view.articles.len(), all);
}

#[test]
fn the_refetch_key_says_when_there_is_nothing_to_fetch_or_a_fetch_runs() {
    let folder = Folder::seeds();
    let (c, i) = folder.build();
    let mut state = opened(&c, &i);
    assert!(update(&mut state, Action::Refetch, &c, &i).is_empty());
    assert!(state.message.as_deref().unwrap().contains("no feeds"));
    state.live.feeds = 2;
    assert_eq!(
        update(&mut state, Action::Refetch, &c, &i),
        [Effect::Refetch]
    );
    assert_eq!(state.live.activity.as_deref(), Some("fetching 0/2"));
    // A second press while it runs starts nothing.
    assert!(update(&mut state, Action::Refetch, &c, &i).is_empty());
    assert!(
        state
            .message
            .as_deref()
            .unwrap()
            .contains("already fetching")
    );
    // A rebuild of the watcher's running does not hold the key back.
    state.live.fetching = false;
    state.live.activity = Some("refreshing…".into());
    assert_eq!(
        update(&mut state, Action::Refetch, &c, &i),
        [Effect::Refetch]
    );
}

/// The bottom two lines (message, status) of the dashboard drawn at a
/// size.
fn bottom(corpus: &Corpus, state: &AppState, cols: u16, rows: u16) -> String {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut t = Terminal::new(TestBackend::new(cols, rows)).unwrap();
    t.draw(|f| revue::ui::render(f, corpus, state, &revue::ui::Theme::new(false)))
        .unwrap();
    let text = revue::ui::buffer_text(t.backend().buffer());
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len() - 2..].join("\n")
}

#[test]
fn the_status_line_counts_what_arrived_and_says_what_runs() {
    for (cols, rows) in [(80u16, 24u16), (100, 30)] {
        let folder = Folder::seeds();
        let (old, old_index) = folder.build();
        let mut state = opened(&old, &old_index);
        update(&mut state, Action::Resize { cols, rows }, &old, &old_index);
        folder.write("harbour.txt", HARBOUR);
        let (new, new_index) = folder.build();
        state.fold_in(&old, &new, &new_index, &Diff::between(&old, &new));
        insta::assert_snapshot!(
            format!("arrived_{cols}x{rows}"),
            bottom(&new, &state, cols, rows)
        );
        state.live.feeds = 3;
        state.live.watch_note = Some("polled every 5 s".into());
        update(&mut state, Action::Refetch, &new, &new_index);
        state.live.activity = Some("fetching 1/3".into());
        insta::assert_snapshot!(
            format!("fetching_{cols}x{rows}"),
            bottom(&new, &state, cols, rows)
        );
    }
}

/// With stories in the list, the selection is a row among a story's
/// printings: a refresh keeps the story expanded and the same printing
/// selected, though the rebuild numbered the stories anew.
#[test]
fn an_expanded_story_and_its_selected_printing_survive_a_refresh() {
    let folder =
        Folder::copy_of(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stories"));
    let (old, old_index) = folder.build();
    let mut state = opened(&old, &old_index);
    let at = (0..state.rows.len())
        .find(|&i| old.story_of(state.rows[i].article).members.len() > 1)
        .expect("a story of several printings");
    for _ in 0..at {
        act(&mut state, &old, &old_index, &[Action::Down]);
    }
    act(
        &mut state,
        &old,
        &old_index,
        &[Action::ToggleStory, Action::Down, Action::Down],
    );
    let rows = state.rows.len();
    let printing = selected_key(&state, &old);
    assert_ne!(
        printing,
        key_at(&state, &old, at),
        "a printing's row, not the story's"
    );

    // Sorted first, the arrival moves every story's number up by one.
    folder.write(
        "000-first.txt",
        &HARBOUR.replace("2017-11-23", "1999-01-01"),
    );
    let (new, new_index) = folder.build();
    let diff = Diff::between(&old, &new);
    assert_eq!(diff.added(), 1);
    state.fold_in(&old, &new, &new_index, &diff);
    assert_eq!(state.rows.len(), rows + 1, "still expanded, one row more");
    assert_eq!(selected_key(&state, &new), printing);
}
