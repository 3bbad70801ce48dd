//! What finding stories adds to a whole build: a generated corpus in
//! which a fifth of the files reprint an earlier article is written to a
//! temporary folder, then built (`ingest::load` + `model::build`) with
//! stories on and off, alternately, and `stories::find` timed alone on
//! the same texts. A bench binary, as one build of 100k articles takes
//! most of a minute.
//!
//! `cargo bench --bench stories_share -- 100000 2` (articles, runs each)

mod corpus;

use std::time::Instant;

use revue::ingest;
use revue::model::stories::{self, Thresholds};
use revue::model::{self, BuildOptions, Origin};

fn main() {
    let mut args = std::env::args().skip(1).filter(|a| !a.starts_with("--"));
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let runs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(2);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let stats = corpus::write_corpus_with_reprints(dir.path(), n, 1, 0.2).expect("corpus written");
    println!(
        "{} articles in {} files, {:.1} MB",
        stats.articles,
        stats.files,
        stats.bytes as f64 / 1e6
    );
    let paths = vec![dir.path().to_path_buf()];
    let build = |stories: Option<Thresholds>| {
        let options = BuildOptions {
            stories,
            ..BuildOptions::default()
        };
        let t = Instant::now();
        let corpus = model::build(ingest::load(&paths), Origin::Paths(paths.clone()), &options);
        (t.elapsed().as_secs_f64(), corpus)
    };
    let (mut on, mut off) = (Vec::new(), Vec::new());
    let mut find = Vec::new();
    for _ in 0..runs {
        let (t_off, _) = build(None);
        off.push(t_off);
        let (t_on, corpus) = build(Some(Thresholds::default()));
        on.push(t_on);
        let texts: Vec<&str> = corpus.articles.iter().map(|a| &*a.text).collect();
        let preference: Vec<u32> = (0..texts.len() as u32).collect();
        let t = Instant::now();
        let found = stories::find(&texts, &preference, Thresholds::default());
        find.push(t.elapsed().as_secs_f64());
        let several: Vec<_> = found.iter().filter(|s| s.len() > 1).collect();
        println!(
            "build without stories {t_off:.2} s, with {t_on:.2} s; find alone {:.2} s; {} stories of several articles holding {}",
            find.last().unwrap(),
            several.len(),
            several.iter().map(|s| s.len()).sum::<usize>()
        );
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (m_on, m_off, m_find) = (median(&mut on), median(&mut off), median(&mut find));
    println!(
        "median of {runs}: build {m_off:.2} s without stories, {m_on:.2} s with (+{:.1}%); find alone {m_find:.2} s ({:.1}% of the build without)",
        (m_on / m_off - 1.0) * 100.0,
        m_find / m_off * 100.0
    );
}
