//! The refresh thread with a build of its own: bursts of changes settle
//! into one rebuild, an unchanged corpus is not handed over, and the
//! thread ends when told.

use std::sync::atomic::AtomicUsize;

use super::*;
use crate::model::{BuildOptions, Origin};

#[test]
fn a_burst_is_one_refresh_when_it_settles_and_a_stream_is_cut_at_most() {
    let t0 = Instant::now();
    let mut d = Debounce::default();
    assert_eq!(d.due(), None);
    d.touch(t0);
    assert_eq!(d.due(), Some(t0 + SETTLE));
    // Each change moves the moment on...
    d.touch(t0 + SETTLE / 2);
    assert_eq!(d.due(), Some(t0 + SETTLE / 2 + SETTLE));
    // ...but never past AT_MOST after the first.
    d.touch(t0 + AT_MOST);
    assert_eq!(d.due(), Some(t0 + AT_MOST));
    d.clear();
    assert_eq!(d.due(), None);
}

/// A folder of `n` small articles of this test's own.
fn articles(dir: &Path, from: usize, n: usize) {
    for i in from..from + n {
        let text = format!(
            " date 2026-11-{:02}\n\nDépêche numéro {i}\n\nLe conseil de la ville {i} a voté \
             le budget des écoles pour l'année prochaine.\n",
            i % 28 + 1
        );
        std::fs::write(dir.join(format!("{i:04}.txt")), text).unwrap();
    }
}

fn build(dir: &Path) -> Corpus {
    let paths = vec![dir.to_path_buf()];
    crate::model::build(
        crate::ingest::load(&paths),
        Origin::Paths(paths),
        &BuildOptions::default(),
    )
}

/// A refresh thread over `dir` whose rebuilds are counted.
fn live(dir: &Path, watch: watch::Mode, builds: Arc<AtomicUsize>) -> (Live, Arc<Corpus>) {
    live_over(Arc::new(build(dir)), dir, watch, builds)
}

fn live_over(
    shown: Arc<Corpus>,
    dir: &Path,
    watch: watch::Mode,
    builds: Arc<AtomicUsize>,
) -> (Live, Arc<Corpus>) {
    let of = dir.to_path_buf();
    let sources = Sources {
        rebuild: Box::new(move |_| {
            builds.fetch_add(1, Ordering::SeqCst);
            let corpus = build(&of);
            let index = SearchIndex::new(&corpus);
            Rebuilt {
                corpus,
                index,
                warning: None,
            }
        }),
        fetcher: None,
        watch,
        takes: Arc::new(|p: &Path| p.extension().is_some_and(|e| e == "txt")),
        // As `main` checks: files other than those the corpus shown
        // was read from.
        missed: {
            let dir = dir.to_path_buf();
            Box::new(move |c: &Corpus| std::fs::read_dir(&dir).unwrap().count() != c.articles.len())
        },
    };
    (Live::start(sources, Arc::clone(&shown)).unwrap(), shown)
}

/// The next report that is a new corpus, waiting up to `patience`.
fn refreshed(live: &Live, patience: Duration) -> Option<Box<Refreshed>> {
    let end = Instant::now() + patience;
    while Instant::now() < end {
        match live.next_report() {
            Some(Report::Refreshed(r)) => return Some(r),
            Some(_) => {}
            None => std::thread::sleep(Duration::from_millis(20)),
        }
    }
    None
}

#[test]
fn five_hundred_changes_in_a_burst_are_one_rebuild() {
    let dir = tempfile::tempdir().unwrap();
    articles(dir.path(), 0, 3);
    let builds = Arc::new(AtomicUsize::new(0));
    let (live, _) = live(dir.path(), watch::Mode::Off, Arc::clone(&builds));
    articles(dir.path(), 3, 500);
    for _ in 0..500 {
        let _ = live.commands.send(Command::Changed);
    }
    let r = refreshed(&live, Duration::from_secs(60)).expect("a refresh");
    assert_eq!(r.diff.added(), 500);
    assert_eq!(r.corpus.articles.len(), 503);
    // Nothing more comes: the burst was one rebuild.
    assert!(refreshed(&live, SETTLE * 2).is_none());
    assert_eq!(builds.load(Ordering::SeqCst), 1);
    live.finish();
}

#[test]
fn files_written_into_the_watched_folder_come_as_one_refresh_and_nothing_else_does() {
    let dir = tempfile::tempdir().unwrap();
    articles(dir.path(), 0, 3);
    let builds = Arc::new(AtomicUsize::new(0));
    let (live, _) = live(dir.path(), watch::Mode::Auto, Arc::clone(&builds));
    // The watch is set on the thread: give it a moment.
    std::thread::sleep(Duration::from_millis(300));
    articles(dir.path(), 3, 200);
    let r = refreshed(&live, Duration::from_secs(60)).expect("a refresh");
    assert_eq!(r.diff.added(), 200);
    assert!(refreshed(&live, SETTLE * 3).is_none());
    assert_eq!(builds.load(Ordering::SeqCst), 1);
    // A file the corpus does not read changes nothing.
    std::fs::write(dir.path().join("notes.pdf"), "x").unwrap();
    assert!(refreshed(&live, SETTLE * 3).is_none());
    assert_eq!(builds.load(Ordering::SeqCst), 1);
    live.finish();
}

#[test]
fn an_unchanged_corpus_is_not_handed_over_and_finish_ends_the_thread() {
    let dir = tempfile::tempdir().unwrap();
    articles(dir.path(), 0, 3);
    let builds = Arc::new(AtomicUsize::new(0));
    let (mut live, _) = live(dir.path(), watch::Mode::Off, Arc::clone(&builds));
    let _ = live.commands.send(Command::Changed);
    let end = Instant::now() + Duration::from_secs(30);
    while builds.load(Ordering::SeqCst) == 0 && Instant::now() < end {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(refreshed(&live, SETTLE * 2).is_none());
    assert_eq!(builds.load(Ordering::SeqCst), 1);
    let thread = live.thread.take().unwrap();
    live.finish();
    // Told to stop while it waited, it ended.
    let end = Instant::now() + Duration::from_secs(5);
    while !thread.is_finished() && Instant::now() < end {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(thread.is_finished());
}

#[test]
fn a_fetch_summary_counts_new_items_and_names_the_feeds_that_failed() {
    let names = vec!["Gazette".to_string(), "Courrier".to_string()];
    let outcomes = vec![
        Outcome::Fetched(crate::fetch::Counts {
            new: 3,
            ..Default::default()
        }),
        Outcome::Failed("HTTP 500 (1 try)".into()),
    ];
    assert_eq!(
        fetch_summary(&names, &outcomes, true),
        "fetched 2 feeds: 3 new items; Courrier failed: HTTP 500 (1 try)"
    );
    assert_eq!(
        fetch_summary(&names[..1], &[Outcome::NotModified], true),
        "fetched 1 feed: nothing new"
    );
    assert!(fetch_summary(&names[..1], &outcomes[..1], false).contains("does not read"));
}

#[test]
fn files_written_before_the_watch_was_set_are_read_when_it_is() {
    let dir = tempfile::tempdir().unwrap();
    articles(dir.path(), 0, 3);
    // Read at the start; two files come before the watch exists.
    let shown = Arc::new(build(dir.path()));
    articles(dir.path(), 3, 2);
    let builds = Arc::new(AtomicUsize::new(0));
    let (live, _) = live_over(shown, dir.path(), watch::Mode::Auto, Arc::clone(&builds));
    let r = refreshed(&live, Duration::from_secs(60)).expect("a refresh without any change after");
    assert_eq!(r.diff.added(), 2);
    live.finish();
}
