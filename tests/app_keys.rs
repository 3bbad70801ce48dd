//! The app's behaviour as sequences of keys, without a terminal.

mod common;

use common::keys::{press, seeds_dashboard as fresh, typed};

use revue::app::keys::{Key, action_for};
use revue::app::{Effect, Mode, Pane};

#[test]
fn moving_stays_in_bounds() {
    let mut s = fresh();
    press(&mut s, &[Key::Up, Key::Char('k')]);
    assert_eq!(s.selected(Pane::Articles), 0);
    press(&mut s, &[Key::Char('j'), Key::Down]);
    assert_eq!(s.selected(Pane::Articles), 2);
    press(&mut s, &[Key::Char('G')]);
    assert_eq!(s.selected(Pane::Articles), 5);
    press(&mut s, &[Key::PageDown, Key::Down]);
    assert_eq!(s.selected(Pane::Articles), 5);
    press(&mut s, &[Key::Char('g')]);
    assert_eq!(s.selected(Pane::Articles), 0);
}

#[test]
fn tab_cycles_panes_each_with_its_selection() {
    let mut s = fresh();
    press(&mut s, &[Key::Tab]);
    assert_eq!(s.focus, Pane::Entities);
    press(&mut s, &[Key::Down, Key::Down, Key::Tab]);
    assert_eq!(s.focus, Pane::Timeline);
    assert_eq!(s.selected(Pane::Entities), 2);
    press(&mut s, &[Key::Tab]);
    assert_eq!(s.focus, Pane::Articles);
    press(&mut s, &[Key::BackTab]);
    assert_eq!(s.focus, Pane::Timeline);
}

#[test]
fn slash_then_typing_filters_and_esc_leaves_then_clears() {
    let mut s = fresh();
    press(&mut s, &[Key::Char('/')]);
    assert!(s.editing);
    // While editing, letters are text, not commands (q does not quit).
    let effects = press(&mut s, &typed("erdo"));
    assert_eq!(s.query, "erdo");
    assert_eq!(s.view.articles.len(), 3);
    assert!(!effects.contains(&Effect::Quit));
    press(&mut s, &[Key::Backspace]);
    assert_eq!(s.query, "erd");
    press(&mut s, &[Key::Char('o'), Key::Esc]);
    assert!(!s.editing);
    assert_eq!(s.view.articles.len(), 3);
    press(&mut s, &[Key::Esc]);
    assert_eq!(s.query, "");
    assert_eq!(s.view.articles.len(), 6);
}

#[test]
fn enter_opens_the_reader_and_esc_comes_back() {
    let mut s = fresh();
    press(&mut s, &[Key::Down, Key::Enter]);
    assert_eq!(s.mode(), Mode::Reader);
    assert_eq!(s.reader().unwrap().article, s.view.articles[1]);
    press(&mut s, &[Key::Down, Key::Down]);
    assert_eq!(s.reader().unwrap().scroll, 2);
    press(&mut s, &[Key::Esc]);
    assert_eq!(s.mode(), Mode::Dashboard);
    assert!(s.reader().is_none());
}

#[test]
fn enter_on_an_entity_opens_its_detail_whose_first_row_filters() {
    let mut s = fresh();
    press(&mut s, &[Key::Char('2'), Key::Enter]);
    assert_eq!(s.mode(), Mode::Entity);
    let id = s.entity().unwrap().entity;
    assert_eq!(s.view.entities[0].id, id);
    press(&mut s, &[Key::Enter]);
    assert_eq!(s.mode(), Mode::Dashboard);
    assert!(s.chips[0].term.starts_with('@'), "{:?}", s.chips);
    assert_eq!(s.focus, Pane::Articles);
    let (corpus, _) = common::seeds();
    for a in &s.view.articles {
        assert!(corpus.article(*a).entities.contains(&id));
    }
}

#[test]
fn a_sentence_of_the_entity_detail_opens_the_reader_and_esc_comes_back() {
    let mut s = fresh();
    press(&mut s, &[Key::Char('2'), Key::Enter, Key::Down, Key::Enter]);
    assert_eq!(s.mode(), Mode::Reader);
    assert!(s.reader().unwrap().sentence.is_some());
    press(&mut s, &[Key::Esc]);
    assert_eq!(s.mode(), Mode::Entity);
    press(&mut s, &[Key::Esc]);
    assert_eq!(s.mode(), Mode::Dashboard);
    assert!(s.entity().is_none());
}

#[test]
fn o_cycles_the_entity_order() {
    let mut s = fresh();
    let (corpus, _) = common::seeds();
    press(&mut s, &[Key::Char('o')]);
    let mentions: Vec<usize> = s.view.entities.iter().map(|r| r.mentions).collect();
    assert!(mentions.windows(2).all(|w| w[0] >= w[1]), "{mentions:?}");
    press(&mut s, &[Key::Char('o'), Key::Char('o')]);
    let names: Vec<String> = s
        .view
        .entities
        .iter()
        .map(|r| corpus.entity(r.id).canonical.to_lowercase())
        .collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
    // The order survives a new query.
    press(&mut s, &[Key::Char('/'), Key::Char('s')]);
    let names: Vec<String> = s
        .view
        .entities
        .iter()
        .map(|r| corpus.entity(r.id).canonical.to_lowercase())
        .collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
}

#[test]
fn enter_on_an_event_opens_its_sentence() {
    let mut s = fresh();
    press(&mut s, &[Key::Char('3'), Key::Enter]);
    let r = s.reader().expect("reader open");
    assert!(r.sentence.is_some());
}

#[test]
fn help_opens_and_q_closes_it_and_q_quits() {
    let mut s = fresh();
    press(&mut s, &[Key::Char('?')]);
    assert_eq!(s.mode(), Mode::Help);
    let effects = press(&mut s, &[Key::Char('q')]);
    assert_eq!(s.mode(), Mode::Dashboard);
    assert!(effects.is_empty(), "{effects:?}");
    let effects = press(&mut s, &[Key::Char('q')]);
    assert_eq!(effects, [Effect::Quit]);
}

/// Ctrl-Z asks the event loop to suspend in every mode, the search line
/// and the help included, and changes nothing of the dashboard.
#[test]
fn ctrl_z_suspends_from_every_mode_and_changes_nothing() {
    use revue::app::Action;

    for before in [
        vec![],
        typed("/erd"),
        vec![Key::Char('?')],
        vec![Key::Char('p')],
        vec![Key::Enter],
    ] {
        let mut s = fresh();
        press(&mut s, &before);
        assert_eq!(
            action_for(&s, Key::Ctrl('z')),
            Some(Action::Suspend),
            "{before:?}"
        );
        let (query, mode) = (s.query.clone(), s.mode());
        let effects = press(&mut s, &[Key::Ctrl('z')]);
        assert_eq!(effects, [Effect::Suspend]);
        assert_eq!((s.query.clone(), s.mode()), (query, mode));
    }
}

/// The search line edits like a shell line: the cursor moves by
/// character (Ctrl-B/F, arrows) and word (Alt-B/F), Ctrl-A/E go to its
/// ends, Ctrl-K deletes to the end; typing inserts at the cursor.
#[test]
fn the_search_line_edits_at_its_cursor() {
    let mut s = fresh();
    press(&mut s, &typed("/poutine erdo"));
    assert_eq!(s.view.articles.len(), 3);
    press(&mut s, &[Key::Alt('b'), Key::Ctrl('k')]);
    assert_eq!(s.query, "poutine ");
    assert_eq!(s.view.articles.len(), 6, "filtered again");
    press(&mut s, &[Key::Ctrl('a'), Key::Char('@')]);
    assert_eq!(s.query, "@poutine ");
    press(&mut s, &[Key::Alt('f'), Key::Ctrl('f'), Key::Char('x')]);
    assert_eq!(s.query, "@poutine x");
    press(&mut s, &[Key::Ctrl('b'), Key::Ctrl('b'), Key::Backspace]);
    assert_eq!(s.query, "@poutin x");
    press(&mut s, &[Key::Ctrl('e'), Key::Ctrl('w')]);
    assert_eq!(s.query, "@poutin ");
    press(&mut s, &[Key::Left, Key::Ctrl('u')]);
    assert_eq!(s.query, " ");
    // Left and Right are not panes while typing.
    assert_eq!(s.focus, Pane::Articles);
}

/// Enter keeps a query in the history; Ctrl-P and Ctrl-N browse it, and
/// past the newest comes back what was being typed.
#[test]
fn the_search_history_is_browsed_with_ctrl_p_and_ctrl_n() {
    let mut s = fresh();
    s.search_history = vec!["@Poutine".into()];
    let effects = press(&mut s, &[typed("/erdo"), vec![Key::Enter]].concat());
    assert_eq!(
        effects.last(),
        Some(&Effect::SaveHistory(vec!["@Poutine".into(), "erdo".into()]))
    );
    // The same query again is not kept twice.
    let effects = press(&mut s, &[Key::Char('/'), Key::Enter]);
    assert!(!effects.iter().any(|e| matches!(e, Effect::SaveHistory(_))));
    press(&mut s, &[Key::Char('/'), Key::Ctrl('u')]);
    press(&mut s, &typed("syr"));
    press(&mut s, &[Key::Ctrl('p')]);
    assert_eq!(s.query, "erdo");
    assert_eq!(s.view.articles.len(), 3, "filtered by the recalled query");
    press(&mut s, &[Key::Ctrl('p'), Key::Ctrl('p')]);
    assert_eq!(s.query, "@Poutine");
    press(&mut s, &[Key::Ctrl('n'), Key::Ctrl('n')]);
    assert_eq!(s.query, "syr", "back to what was typed");
}
