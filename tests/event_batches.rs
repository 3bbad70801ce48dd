//! Events are found over articles read in batches of about a megabyte of
//! text, so that a corpus never holds every article's sightings at once.
//! Two reports of one happening that fall in different batches must still
//! make one event, as they do when the articles are short and share one.

mod common;

use std::path::Path;

use revue::model::Corpus;

const MEETING: &str =
    "Le président Emmanuel Macron a rencontré Olaf Scholz à Berlin le 3 mars 2020.";

/// A sentence with no date and no trigger, repeated to pad an article.
const FILLER: &str =
    "Les habitants du quartier parlent de la pluie et du beau temps sans rien dire de neuf. ";

fn write_article(dir: &Path, name: &str, body: &str, padding: usize) {
    let mut text = format!(" date 2020-03\n\nRencontre à Berlin\n\n{body}\n\n");
    while text.len() < padding {
        text.push_str(FILLER);
    }
    std::fs::write(dir.join(name), text).expect("article written");
}

fn corpus(dir: &Path) -> Corpus {
    common::build(dir.to_path_buf()).0
}

/// Each event as its date, type, description and number of reports.
fn events(c: &Corpus) -> Vec<(String, String, String, usize)> {
    let mut out: Vec<_> = c
        .events
        .iter()
        .map(|e| {
            (
                format!("{:?}", e.date),
                e.type_and_subtype(),
                e.description.clone(),
                e.reports.len(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn reports_in_different_batches_make_one_event() {
    // 600 KB each: the first and second fill a batch, so the third, which
    // reports the meeting again, is read in another one.
    let long = tempfile::tempdir().unwrap();
    write_article(long.path(), "a.txt", MEETING, 600_000);
    write_article(long.path(), "b.txt", "Rien ne s'est passé.", 600_000);
    write_article(long.path(), "c.txt", MEETING, 600_000);
    let short = tempfile::tempdir().unwrap();
    write_article(short.path(), "a.txt", MEETING, 0);
    write_article(short.path(), "b.txt", "Rien ne s'est passé.", 0);
    write_article(short.path(), "c.txt", MEETING, 0);

    let (long, short) = (corpus(long.path()), corpus(short.path()));
    assert_eq!(long.articles.len(), 3);
    let found = events(&long);
    assert_eq!(found, events(&short));
    let meeting = found
        .iter()
        .find(|e| e.1 == "meeting")
        .unwrap_or_else(|| panic!("the meeting is an event: {found:?}"));
    assert_eq!(meeting.3, 2, "one event with both reports: {found:?}");
}

#[test]
fn an_article_longer_than_a_batch_keeps_its_events() {
    // Over a megabyte alone: it makes a batch of its own, between two short
    // articles reporting the same meeting.
    let dir = tempfile::tempdir().unwrap();
    write_article(dir.path(), "a.txt", MEETING, 0);
    write_article(dir.path(), "b.txt", MEETING, 1_500_000);
    write_article(dir.path(), "c.txt", MEETING, 0);
    let found = events(&corpus(dir.path()));
    let meetings: Vec<_> = found.iter().filter(|e| e.1 == "meeting").collect();
    assert_eq!(meetings.len(), 1, "{found:?}");
    assert_eq!(meetings[0].3, 3, "{found:?}");
}
