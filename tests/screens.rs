//! Every screen and overlay of the dashboard drawn into ratatui's
//! TestBackend at 80×24 and 100×30 on the seeds, compared with snapshots
//! (`tests/snapshots/screens__*.snap`). A change to one is a change to what
//! the user sees: review it like code.

mod common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use revue::app::{Action, AppState, Pane, update};
use revue::ui::{Theme, buffer_text, render};

const SIZES: [(u16, u16); 2] = [(80, 24), (100, 30)];

fn config() -> revue::config::Config {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config.toml");
    let text = std::fs::read_to_string(&path).expect("the example config.toml");
    revue::config::parse(&text, &path).expect("the example config.toml is valid")
}

/// The screen after a fresh dashboard of `cols`×`rows` (configured by the
/// example config.toml, for its presets) took `actions`.
fn screen(cols: u16, rows: u16, actions: &[Action]) -> String {
    let (corpus, index) = common::seeds();
    let mut s = AppState::new(corpus, index);
    revue::config::dashboard::configure(&config(), &mut s);
    update(&mut s, Action::Resize { cols, rows }, corpus, index);
    for a in actions {
        update(&mut s, a.clone(), corpus, index);
    }
    draw(&s, cols, rows)
}

fn draw(s: &AppState, cols: u16, rows: u16) -> String {
    let (corpus, _) = common::seeds();
    let mut t = Terminal::new(TestBackend::new(cols, rows)).unwrap();
    t.draw(|f| render(f, corpus, s, &Theme::new(false)))
        .unwrap();
    buffer_text(t.backend().buffer())
}

/// Snapshots `name` at both sizes.
fn snap(name: &str, actions: &[Action]) {
    for (cols, rows) in SIZES {
        insta::assert_snapshot!(format!("{name}_{cols}x{rows}"), screen(cols, rows, actions));
    }
}

#[test]
fn dashboard() {
    snap("dashboard", &[]);
}

#[test]
fn dashboard_searching() {
    snap(
        "dashboard_searching",
        &[Action::StartSearch, Action::SetQuery("erdo".into())],
    );
}

#[test]
fn dashboard_nothing_matches() {
    snap(
        "dashboard_nothing_matches",
        &[Action::SetQuery("zzzzqqq".into())],
    );
}

#[test]
fn dashboard_with_a_chip() {
    snap(
        "dashboard_chip",
        &[Action::Focus(Pane::Entities), Action::DrillDown],
    );
}

#[test]
fn dashboard_timeline_focused_and_zoomed() {
    snap(
        "dashboard_zoomed",
        &[Action::Focus(Pane::Timeline), Action::ToggleZoom],
    );
}

#[test]
fn reader() {
    snap("reader", &[Action::Confirm]);
}

#[test]
fn reader_side_list() {
    snap("reader_side", &[Action::Confirm, Action::NextPane]);
}

#[test]
fn reader_at_an_event_sentence() {
    snap(
        "reader_event",
        &[
            Action::Focus(Pane::Timeline),
            Action::Down,
            Action::Down,
            Action::Confirm,
        ],
    );
}

#[test]
fn entity_detail() {
    snap("entity", &[Action::Focus(Pane::Entities), Action::Confirm]);
}

#[test]
fn help() {
    snap("help", &[Action::ToggleHelp]);
}

#[test]
fn preset_picker() {
    snap("presets", &[Action::OpenPresets, Action::Down]);
}

#[test]
fn a_preset_applied() {
    snap("preset_applied", &[Action::OpenPresets, Action::Confirm]);
}

#[test]
fn extracting_in_the_background() {
    let (corpus, index) = common::seeds();
    for (cols, rows) in SIZES {
        let mut s = AppState::new(corpus, index);
        update(&mut s, Action::Resize { cols, rows }, corpus, index);
        s.building = true;
        s.view.entities.clear();
        s.view.events.clear();
        insta::assert_snapshot!(format!("extracting_{cols}x{rows}"), draw(&s, cols, rows));
    }
}

#[test]
fn too_small() {
    insta::assert_snapshot!("too_small_60x20", screen(60, 20, &[]));
}

#[test]
fn preset_picker_filtered() {
    let typed = "sotchi".chars().map(Action::Type);
    let actions: Vec<Action> = std::iter::once(Action::OpenPresets).chain(typed).collect();
    snap("presets_filtered", &actions);
}

#[test]
fn event_detail() {
    let (corpus, index) = common::seeds();
    let s = AppState::new(corpus, index);
    let at = s
        .view
        .events
        .iter()
        .position(|e| corpus.event(*e).reports.len() > 1)
        .expect("the seeds merge some event");
    let mut actions = vec![Action::Focus(Pane::Timeline)];
    actions.extend(std::iter::repeat_n(Action::Down, at));
    actions.push(Action::Confirm);
    snap("event", &actions);
}
