//! Drill-down chips, the history of views, zoom, presets and rebound keys,
//! as sequences of keys on the seeds, without a terminal.

mod common;

use common::keys::press;

use revue::app::keys::{Key, action_for};
use revue::app::{Action, AppState, Mode, Pane, PresetChoice, update};

fn fresh() -> AppState {
    let (corpus, index) = common::seeds();
    let mut s = AppState::new(corpus, index);
    s.presets = vec![PresetChoice {
        name: "visits".into(),
        description: Some("Visites".into()),
        query: "#visit".into(),
        pane: Some(Pane::Timeline),
    }];
    s
}

#[test]
fn d_on_an_entity_adds_a_chip_that_backspace_removes() {
    let mut s = fresh();
    let all = s.view.articles.len();
    press(&mut s, &[Key::Char('2'), Key::Char('G'), Key::Char('d')]);
    assert_eq!(s.chips.len(), 1);
    assert!(s.chips[0].term.starts_with('@'));
    assert!(s.view.articles.len() < all);
    assert_eq!(s.focus, Pane::Articles);
    // Typing narrows further; Backspace on an empty query removes the chip.
    press(&mut s, &[Key::Char('/'), Key::Char('x'), Key::Backspace]);
    assert_eq!(s.chips.len(), 1);
    press(&mut s, &[Key::Backspace]);
    assert!(s.chips.is_empty());
    assert_eq!(s.view.articles.len(), all);
}

#[test]
fn d_on_an_event_narrows_to_its_reports() {
    let (corpus, _) = common::seeds();
    let mut s = fresh();
    press(&mut s, &[Key::Char('3'), Key::Char('d')]);
    assert_eq!(s.chips.len(), 1);
    assert_eq!(s.view.events.len(), 1);
    let e = corpus.event(s.view.events[0]);
    assert_eq!(s.view.articles.len(), e.articles().len());
}

#[test]
fn history_goes_back_and_forward_between_views() {
    let mut s = fresh();
    press(&mut s, &[Key::Char('2'), Key::Char('d')]);
    let narrowed = s.view.articles.len();
    press(&mut s, &[Key::Char('-')]);
    assert!(s.chips.is_empty());
    assert_eq!(s.view.articles.len(), 6);
    press(&mut s, &[Key::Char('+')]);
    assert_eq!(s.chips.len(), 1);
    assert_eq!(s.view.articles.len(), narrowed);
    press(&mut s, &[Key::Ctrl('o')]);
    assert!(s.chips.is_empty());
}

#[test]
fn z_zooms_the_focused_pane() {
    let mut s = fresh();
    press(&mut s, &[Key::Char('z')]);
    assert!(s.layout.zoomed);
    press(&mut s, &[Key::Char('z')]);
    assert!(!s.layout.zoomed);
}

#[test]
fn the_preset_picker_applies_a_preset() {
    let mut s = fresh();
    press(&mut s, &[Key::Char('p')]);
    assert_eq!(s.mode(), Mode::Presets);
    press(&mut s, &[Key::Enter]);
    assert_eq!(s.mode(), Mode::Dashboard);
    assert_eq!(s.active_preset.as_deref(), Some("visits"));
    assert_eq!(s.query, "#visit");
    assert_eq!(s.focus, Pane::Timeline);
    let (corpus, _) = common::seeds();
    assert!(
        s.view
            .events
            .iter()
            .all(|e| corpus.event(*e).kind.code() == "visit")
    );
    // Esc clears the preset's query and the active preset with it.
    press(&mut s, &[Key::Esc]);
    assert_eq!(s.active_preset, None);
}

#[test]
fn rebound_keys_replace_the_defaults() {
    let mut s = fresh();
    s.keymap = revue::app::keymap::Keymap::with([("quit", &[Key::Char('x')][..])]).unwrap();
    assert_eq!(action_for(&s, Key::Char('q')), None);
    assert_eq!(action_for(&s, Key::Char('x')), Some(Action::Quit));
    assert_eq!(action_for(&s, Key::Char('j')), Some(Action::Down));
}

#[test]
fn hidden_panes_are_skipped_by_tab_and_digits() {
    let mut s = fresh();
    s.layout.panes = vec![Pane::Articles, Pane::Timeline];
    press(&mut s, &[Key::Tab]);
    assert_eq!(s.focus, Pane::Timeline);
    press(&mut s, &[Key::Char('2')]);
    assert_eq!(s.focus, Pane::Timeline);
}

#[test]
fn the_reader_side_list_takes_tab_and_enter_narrows() {
    let (corpus, _) = common::seeds();
    let mut s = fresh();
    press(&mut s, &[Key::Enter, Key::Tab]);
    let r = s.reader().unwrap();
    assert_eq!(r.side, Some(0));
    let first_entity = corpus.article(r.article).entities[0];
    press(&mut s, &[Key::Down, Key::Up, Key::Enter]);
    assert_eq!(s.mode(), Mode::Dashboard);
    assert_eq!(s.chips.len(), 1);
    assert!(
        s.view
            .articles
            .iter()
            .all(|a| corpus.article(*a).entities.contains(&first_entity))
    );
    // Esc leaves the side list before it leaves the reader.
    press(&mut s, &[Key::Enter, Key::Tab, Key::Esc]);
    assert_eq!(s.mode(), Mode::Reader);
    assert_eq!(s.reader().unwrap().side, None);
}

fn act(state: &mut AppState, action: Action) {
    let (corpus, index) = common::seeds();
    update(state, action, corpus, index);
}

#[test]
fn clicks_focus_and_select_and_a_second_click_opens() {
    let mut s = fresh();
    let click = Action::Click {
        pane: Pane::Entities,
        row: Some(2),
    };
    act(&mut s, click.clone());
    assert_eq!(s.focus, Pane::Entities);
    assert_eq!(s.selected(Pane::Entities), 2);
    act(&mut s, click);
    assert_eq!(s.mode(), Mode::Entity);
    act(
        &mut s,
        Action::Scroll {
            pane: Pane::Entities,
            down: true,
        },
    );
    assert_eq!(s.entity().unwrap().selected, 3);
}

#[test]
fn hit_testing_finds_panes_and_rows() {
    let s = fresh();
    // 100×30: articles on the left half, their first row under the border.
    assert_eq!(
        revue::ui::hit_test((100, 30), &s, 5, 1),
        Some((Pane::Articles, Some(0)))
    );
    assert_eq!(
        revue::ui::hit_test((100, 30), &s, 5, 3),
        Some((Pane::Articles, Some(2)))
    );
    assert_eq!(
        revue::ui::hit_test((100, 30), &s, 5, 20),
        Some((Pane::Articles, None))
    );
    assert_eq!(
        revue::ui::hit_test((100, 30), &s, 70, 2).map(|h| h.0),
        Some(Pane::Entities)
    );
    assert_eq!(
        revue::ui::hit_test((100, 30), &s, 70, 25).map(|h| h.0),
        Some(Pane::Timeline)
    );
    assert_eq!(
        revue::ui::hit_test((100, 30), &s, 5, 29),
        None,
        "the status line"
    );
}
