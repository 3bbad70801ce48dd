//! The query language as the dashboard applies it: the search line, with
//! chips and the unread switch joined to it, filters the panes by the same
//! parser and the same rules as `--query` (see tests/cli_query.rs).

mod common;

use revue::app::{Action, AppState, update};
use revue::model::Corpus;

fn searched(q: &str) -> (AppState, &'static Corpus) {
    let (corpus, index) = common::seeds();
    let mut s = AppState::new(corpus, index);
    update(&mut s, Action::SetQuery(q.into()), corpus, index);
    (s, corpus)
}

fn event_dates(q: &str) -> Vec<String> {
    let (s, corpus) = searched(q);
    assert!(s.view.errors.is_empty(), "{q}: {:?}", s.view.errors);
    s.view
        .events
        .iter()
        .map(|e| corpus.event(*e).date.to_string())
        .collect()
}

#[test]
fn the_timeline_shows_the_events_of_the_date_asked_for() {
    let dates = event_dates("date:2015");
    assert!(dates.contains(&"2015-03".to_string()), "{dates:?}");
    assert!(dates.contains(&"2015-09".to_string()), "{dates:?}");
    assert!(dates.iter().all(|d| d.starts_with("2015")), "{dates:?}");
    let dates = event_dates("date:2017-11-20");
    assert!(dates.contains(&"2017-11-20".to_string()), "{dates:?}");
    assert!(!dates.contains(&"2017-11-21".to_string()), "{dates:?}");
}

#[test]
fn the_timeline_tags_filter_as_the_codes_do() {
    for (tag, code) in [
        ("#meet", "#meeting"),
        ("#milit", "#military"),
        ("#accord", "#agreement"),
        ("#said", "#statement"),
    ] {
        let (by_tag, _) = searched(tag);
        let (by_code, _) = searched(code);
        assert!(by_tag.view.errors.is_empty(), "{tag}");
        assert_eq!(by_tag.view, by_code.view, "{tag}");
    }
    let (s, _) = searched("#meting");
    assert!(s.view.errors[0].0.contains("did you mean `#meeting`"));
}

#[test]
fn or_holds_with_the_unread_switch_on() {
    let (corpus, index) = common::seeds();
    let mut s = AppState::new(corpus, index);
    update(
        &mut s,
        Action::SetQuery("title:téléphone OR title:remercié".into()),
        corpus,
        index,
    );
    assert_eq!(s.view.articles.len(), 2);
    s.unread_only = true;
    // Nothing is read: the switch keeps both groups whole.
    assert_eq!(
        s.effective_query(),
        "(title:téléphone OR title:remercié) is:unread"
    );
    let (q, e) = revue::search::query::parse(&s.effective_query());
    assert!(e.is_empty());
    assert!(q.groups.iter().all(|g| g.len() == 2));
}

#[test]
fn the_reason_for_an_empty_corpus_stays_on_the_status_line_between_query_errors() {
    let (corpus, index) = common::seeds();
    let mut s = AppState::new(corpus, index);
    s.notice = Some("no article files in empty (looked for *.txt)".into());
    update(&mut s, Action::SetQuery(String::new()), corpus, index);
    assert_eq!(s.message, s.notice);
    update(&mut s, Action::SetQuery("#meting".into()), corpus, index);
    assert!(s.message.as_deref().unwrap().contains("#meeting"));
    update(&mut s, Action::SetQuery(String::new()), corpus, index);
    assert_eq!(s.message, s.notice);
}
