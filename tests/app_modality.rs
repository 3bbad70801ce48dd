//! Every screen and overlay owns the keyboard: keys typed in the preset
//! picker, the entity detail or the reader act there or nowhere, never on
//! the dashboard behind. `q` backs out one level, `Q` quits from anywhere.

mod common;

use common::keys::{press, typed};

use revue::app::keys::Key;
use revue::app::{AppState, Effect, Pane, update};

/// A dashboard with the example config.toml's presets.
fn fresh(cols: u16, rows: u16) -> AppState {
    let (corpus, index) = common::seeds();
    let mut s = AppState::new(corpus, index);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let config = revue::config::parse(&text, &path).unwrap();
    revue::config::dashboard::configure(&config, &mut s);
    update(
        &mut s,
        revue::app::Action::Resize { cols, rows },
        corpus,
        index,
    );
    s
}

/// What the dashboard behind an overlay shows and does: none of it may
/// change while the overlay has the keyboard.
fn behind(s: &AppState) -> impl PartialEq + std::fmt::Debug + use<> {
    (
        s.unread_only,
        s.focus,
        s.selected,
        s.layout.zoomed,
        s.entity_sort,
        s.marks.clone(),
        s.chips.clone(),
        s.query.clone(),
    )
}

#[test]
fn the_preset_picker_keeps_its_letters_and_filters_by_them() {
    let mut s = fresh(100, 30);
    let before = behind(&s);
    press(&mut s, &[Key::Char('p')]);
    assert!(s.picker().is_some(), "p opens the picker");
    // `u` would toggle unread-only behind; `s` star; `z` zoom; `o` sort.
    let effects = press(&mut s, &typed("uszo"));
    assert_eq!(behind(&s), before);
    assert_eq!(s.picker().unwrap().filter, "uszo");
    assert!(effects.is_empty(), "{effects:?}");

    // Typed letters narrow the list like fzf: in order, not adjacent.
    press(&mut s, &[Key::Ctrl('u')]);
    assert_eq!(s.picker().unwrap().filter, "");
    let all = s.picker_rows().len();
    assert!(all >= 2, "the example config has presets");
    let effects = press(&mut s, &typed("q"));
    assert!(effects.is_empty(), "q is text in the picker: {effects:?}");
    press(&mut s, &[Key::Backspace]);
    let name = s.presets[1].name.clone();
    // Its letters without the vowels: in order, with gaps.
    let fuzzy: String = name.chars().filter(|c| !"aeiouy".contains(*c)).collect();
    press(&mut s, &typed(&fuzzy));
    let rows = s.picker_rows();
    assert!(rows.len() < all, "{fuzzy} narrows {rows:?}");
    assert!(rows.contains(&1), "{fuzzy} keeps {name}: {rows:?}");
    press(&mut s, &[Key::Enter]);
    assert!(s.picker().is_none());
    assert_eq!(
        s.active_preset.as_deref(),
        Some(s.presets[rows[0]].name.as_str())
    );
}

#[test]
fn esc_closes_the_picker_and_changes_nothing() {
    let mut s = fresh(100, 30);
    let before = behind(&s);
    press(&mut s, &[Key::Char('p'), Key::Down, Key::Esc]);
    assert!(s.picker().is_none());
    assert_eq!(behind(&s), before);
    assert!(s.active_preset.is_none());
}

#[test]
fn the_entity_detail_keeps_its_keys() {
    let mut s = fresh(100, 30);
    press(&mut s, &[Key::Char('2'), Key::Enter]);
    assert!(s.entity().is_some());
    let before = behind(&s);
    press(
        &mut s,
        &[
            Key::Char('u'),
            Key::Char('s'),
            Key::Char('f'),
            Key::Char('r'),
            Key::Char(' '),
            Key::Char('z'),
            Key::Char('o'),
            Key::Tab,
            Key::Char('1'),
            Key::Char('n'),
        ],
    );
    assert_eq!(behind(&s), before);
    assert!(s.entity().is_some(), "the detail is still open");
    // Its own keys still work.
    press(&mut s, &[Key::Char('j')]);
    assert_eq!(s.entity().unwrap().selected, 1);
}

#[test]
fn at_80_columns_tab_stays_in_the_reader_text() {
    let mut s = fresh(80, 24);
    press(&mut s, &[Key::Enter]);
    assert!(s.reader().is_some());
    press(&mut s, &[Key::Tab]);
    assert_eq!(s.reader().unwrap().side, None, "no side list at 80 columns");
    assert!(s.message.is_some(), "Tab says why it did nothing");
    press(&mut s, &[Key::Char('j')]);
    assert_eq!(s.reader().unwrap().scroll, 1, "j still scrolls the text");

    // At 100 columns the side list shows and takes the keyboard.
    let mut s = fresh(100, 30);
    press(&mut s, &[Key::Enter, Key::Tab]);
    assert_eq!(s.reader().unwrap().side, Some(0));
    // Shrunk under it, the keyboard comes back to the text.
    press(&mut s, &[]);
    let (corpus, index) = common::seeds();
    update(
        &mut s,
        revue::app::Action::Resize { cols: 80, rows: 24 },
        corpus,
        index,
    );
    assert_eq!(s.reader().unwrap().side, None);
}

#[test]
fn q_backs_out_one_level_and_quits_from_the_dashboard() {
    let mut s = fresh(100, 30);
    // Dashboard → entity detail → reader at a sentence.
    press(&mut s, &[Key::Char('2'), Key::Enter, Key::Down, Key::Enter]);
    assert!(s.reader().is_some());
    press(&mut s, &[Key::Char('q')]);
    assert!(
        s.reader().is_none() && s.entity().is_some(),
        "back to the detail"
    );
    let effects = press(&mut s, &[Key::Char('q')]);
    assert!(s.entity().is_none(), "back to the dashboard");
    assert!(effects.is_empty(), "{effects:?}");
    let effects = press(&mut s, &[Key::Char('?'), Key::Char('q')]);
    assert!(!s.help_open() && effects.is_empty(), "q closes the help");
    let effects = press(&mut s, &[Key::Char('q')]);
    assert_eq!(effects, [Effect::Quit], "q quits from the dashboard");
}

#[test]
fn shift_q_quits_from_anywhere() {
    for before in [
        vec![Key::Enter],
        vec![Key::Char('2'), Key::Enter],
        vec![Key::Char('?')],
    ] {
        let mut s = fresh(100, 30);
        press(&mut s, &before);
        let effects = press(&mut s, &[Key::Char('Q')]);
        assert_eq!(effects, [Effect::Quit], "{before:?}");
    }
    // In the picker `Q` is text, as every letter; Ctrl-C still quits.
    let mut s = fresh(100, 30);
    let effects = press(&mut s, &[Key::Char('p'), Key::Char('Q')]);
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(s.picker().unwrap().filter, "Q");
    let effects = press(&mut s, &[Key::Ctrl('c')]);
    assert_eq!(effects, [Effect::Quit]);
}

#[test]
fn space_marks_read_and_moves_on_without_unmarking() {
    let mut s = fresh(100, 30);
    let (corpus, _) = common::seeds();
    // Read the first article and come back: it is read.
    press(&mut s, &[Key::Enter, Key::Esc]);
    let first = s.view.articles[0];
    assert!(s.marks_of(first).read);
    press(&mut s, &[Key::Char(' ')]);
    assert!(s.marks_of(first).read, "Space never marks unread");
    assert_eq!(s.selected(Pane::Articles), 1);
    let second = s.view.articles[1];
    press(&mut s, &[Key::Char(' ')]);
    assert!(s.marks_of(second).read);
    assert_eq!(s.selected(Pane::Articles), 2);
    let _ = corpus;
}

/// Overlays sit over the screen they were opened from and give it back
/// as it was; screens stack, each Esc going back one.
#[test]
fn overlays_and_screens_stack() {
    let mut s = fresh(100, 30);
    press(&mut s, &[Key::Enter, Key::Char('j'), Key::Char('j')]);
    let reading = s.reader().cloned().expect("the reader");
    press(&mut s, &[Key::Char('p'), Key::Char('x'), Key::Esc]);
    assert_eq!(
        s.reader(),
        Some(&reading),
        "the picker gave the reader back"
    );
    press(&mut s, &[Key::Char('?'), Key::Char('j'), Key::Esc]);
    assert_eq!(s.reader(), Some(&reading), "the help gave the reader back");
    // A preset applies to the dashboard: the screens over it close.
    press(&mut s, &[Key::Char('p'), Key::Enter]);
    assert!(s.reader().is_none() && s.picker().is_none());
    assert!(s.active_preset.is_some());
}

/// Enter on a merged event of the timeline opens its detail: a row per
/// report, each opening the reader at its sentence; `q` comes back to it.
#[test]
fn a_merged_event_lists_its_reports() {
    let (corpus, _) = common::seeds();
    let mut s = fresh(100, 30);
    let at = s
        .view
        .events
        .iter()
        .position(|e| corpus.event(*e).reports.len() > 1)
        .expect("the seeds merge some event");
    let event = s.view.events[at];
    press(&mut s, &[Key::Char('3')]);
    for _ in 0..at {
        press(&mut s, &[Key::Down]);
    }
    press(&mut s, &[Key::Enter]);
    assert_eq!(s.event().map(|d| d.event), Some(event));
    let reports = corpus.event(event).reports.clone();
    for (i, r) in reports.iter().enumerate() {
        press(&mut s, &[Key::Char('g')]);
        for _ in 0..=i {
            press(&mut s, &[Key::Down]);
        }
        press(&mut s, &[Key::Enter]);
        let reader = s.reader().expect("the reader");
        assert_eq!(
            (reader.article, reader.sentence),
            (r.article, Some(r.sentence))
        );
        press(&mut s, &[Key::Char('q')]);
        assert!(s.event().is_some(), "back to the detail");
    }
    // Its keys stay its own; row 0 narrows the dashboard to it.
    press(&mut s, &[Key::Char('u'), Key::Char('g'), Key::Enter]);
    assert!(!s.unread_only);
    assert!(s.event().is_none());
    assert_eq!(s.chips.len(), 1);
    assert!(s.chips[0].term.starts_with("event:"));
}
