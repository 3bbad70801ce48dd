//! Clustering that does not drift with the size of the corpus: the seeds
//! copied 1, 10 and 100 times (under other file names, so that each copy is
//! an article of its own) give the same entities, with the same kinds and
//! the same surface forms. Evidence is weighed as a share, so repeating
//! every article alike must change nothing; a second test repeats one seed
//! alone, which shifts the shares but must keep the seeds' people people.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use revue::model::{BuildOptions, Corpus, Origin};

mod common;

/// The seeds, `copies` times each, in a fresh folder; `only` limits the
/// extra copies to the seed files whose name starts with it.
fn copies(dir: &Path, copies: usize, only: Option<&str>) {
    for entry in std::fs::read_dir(common::seeds_dir()).expect("the seeds folder") {
        let path = entry.expect("a seed file").path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).expect("a seed text");
        let n = match only {
            Some(prefix) if !name.starts_with(prefix) => 1,
            _ => copies,
        };
        for i in 0..n {
            std::fs::write(dir.join(format!("c{i:03}_{name}")), &text).unwrap();
        }
    }
}

fn build(dir: &Path) -> Corpus {
    let paths: Vec<PathBuf> = vec![dir.to_path_buf()];
    revue::model::build(
        revue::ingest::load(&paths),
        Origin::Paths(paths),
        &BuildOptions::default(),
    )
}

/// Every entity as its kind and sorted surface forms.
fn entities(c: &Corpus) -> BTreeSet<(String, Vec<String>)> {
    c.entities
        .iter()
        .map(|e| {
            let mut a = e.aliases.clone();
            a.sort();
            (format!("{:?}", e.kind), a)
        })
        .collect()
}

fn at(n: usize, only: Option<&str>) -> Corpus {
    let dir = tempfile::tempdir().unwrap();
    copies(dir.path(), n, only);
    build(dir.path())
}

#[test]
fn the_seeds_repeated_give_the_same_entities() {
    let one = entities(&at(1, None));
    for n in [10, 100] {
        let many = entities(&at(n, None));
        let lost: Vec<_> = one.difference(&many).collect();
        let new: Vec<_> = many.difference(&one).collect();
        assert!(
            lost.is_empty() && new.is_empty(),
            "{n} copies: lost {lost:?}, new {new:?}"
        );
    }
}

#[test]
fn one_seed_repeated_keeps_people_whole() {
    for seed in ["000_", "001_", "002_", "003_", "004_"] {
        people_whole(&at(12, Some(seed)), seed);
    }
}

fn people_whole(c: &Corpus, seed: &str) {
    let find = |alias: &str| {
        c.entities
            .iter()
            .find(|e| e.aliases.iter().any(|a| a == alias))
            .unwrap_or_else(|| panic!("no entity named {alias}"))
    };
    for (short, full) in [
        ("Assad", "Bachar al-Assad"),
        ("Poutine", "Vladimir Poutine"),
    ] {
        assert_eq!(
            find(short).id,
            find(full).id,
            "{seed}: {short} apart from {full}"
        );
        assert_eq!(
            find(short).kind,
            revue::extract::kind::EntityKind::Person,
            "{seed}: {short}"
        );
    }
}
