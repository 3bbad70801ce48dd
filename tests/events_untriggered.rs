//! A happening told in a dated clause with no trigger word is an event of
//! its own, unless its article's triggered event of the same date names one
//! of its actors: that is the same happening told again.

mod common;

use revue::model::Corpus;

fn corpus(text: &str) -> Corpus {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        format!(" date 2020-03-05\n\n{text}\n"),
    )
    .unwrap();
    common::build(dir.path().to_path_buf()).0
}

fn events(c: &Corpus) -> Vec<(String, String)> {
    let mut out: Vec<_> = c
        .events
        .iter()
        .map(|e| (format!("{:?}", e.date), e.type_and_subtype()))
        .collect();
    out.sort();
    out
}

#[test]
fn an_untriggered_happening_yields_to_a_triggered_one_of_its_date_and_actor() {
    let told_again = corpus(
        "Le président Emmanuel Macron a rencontré Olaf Scholz à Berlin le 3 mars 2020. \
         Le 3 mars 2020, Emmanuel Macron a déjeuné avec des industriels allemands.",
    );
    assert_eq!(events(&told_again).len(), 1, "{:?}", events(&told_again));
    assert!(events(&told_again)[0].1.contains("meeting"));

    let another = corpus(
        "Le président Emmanuel Macron a rencontré Olaf Scholz à Berlin le 3 mars 2020. \
         Le 3 mars 2020, Christine Lagarde a quitté Francfort pour Lisbonne en fin de journée.",
    );
    let found = events(&another);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().any(|(_, t)| t.contains("other")), "{found:?}");
}
