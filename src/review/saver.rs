//! Saving marks off the input thread: the dashboard hands each batch of
//! changes to a thread that appends it to the change log (and compacts the
//! log when it has grown), so a key press never waits for the disk. What
//! goes wrong comes back as a message, with a byte on a socket so that an
//! event loop blocked in `poll(2)` learns of it.

use std::io::{self, Read, Write};
use std::os::fd::{AsFd, BorrowedFd};
use std::os::unix::net::UnixStream;
use std::sync::mpsc;
use std::thread::JoinHandle;

use super::persist::{COMPACT_AT, Store};
use super::{Change, Sighting};

/// What the thread writes: changes of marks, or the articles that arrived
/// while the dashboard was open, logged as first seen by this run.
enum Job {
    Changes(Vec<Change>),
    Sighting(Sighting),
}

/// The saving thread's ends.
pub struct Saver {
    /// `None` once finished: the thread drains what was sent and ends.
    changes: Option<mpsc::Sender<Job>>,
    reports: mpsc::Receiver<String>,
    wake: UnixStream,
    thread: Option<JoinHandle<()>>,
}

impl Saver {
    /// Starts saving to `store`.
    pub fn start(store: Store) -> io::Result<Saver> {
        let (wake, ping) = UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        let (changes, todo) = mpsc::channel();
        let (report, reports) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("revue-marks".into())
            .spawn(move || save_all(&store, &todo, &report, ping))?;
        Ok(Saver {
            changes: Some(changes),
            reports,
            wake,
            thread: Some(thread),
        })
    }

    /// Queues changes; returns at once.
    pub fn save(&self, changes: Vec<Change>) {
        self.send(Job::Changes(changes));
    }

    /// Queues the sighting of articles that arrived; returns at once.
    pub fn sight(&self, sighting: Sighting) {
        self.send(Job::Sighting(sighting));
    }

    fn send(&self, w: Job) {
        if let Some(tx) = &self.changes {
            // The thread only ends when `changes` is dropped.
            let _ = tx.send(w);
        }
    }

    /// Readable when a report is waiting.
    pub fn wake(&self) -> BorrowedFd<'_> {
        self.wake.as_fd()
    }

    /// The problems reported since the last call.
    pub fn reports(&self) -> Vec<String> {
        let mut buf = [0u8; 64];
        while matches!((&self.wake).read(&mut buf), Ok(n) if n > 0) {}
        self.reports.try_iter().collect()
    }

    /// Waits until everything queued is written; returns the problems not
    /// yet collected.
    pub fn finish(mut self) -> Vec<String> {
        self.stop();
        self.reports.try_iter().collect()
    }

    fn stop(&mut self) {
        self.changes = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Saver {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The thread: each wake-up writes everything queued in one append. A
/// batch that fails is kept and tried again with the next one, and what is
/// still unsaved at the end is reported.
fn save_all(
    store: &Store,
    todo: &mpsc::Receiver<Job>,
    report: &mpsc::Sender<String>,
    mut ping: UnixStream,
) {
    let mut unsaved: Vec<Change> = Vec::new();
    let mut tell = |msg: String| {
        if report.send(msg).is_ok() {
            let _ = ping.write_all(&[1]);
        }
    };
    while let Ok(first) = todo.recv() {
        for w in std::iter::once(first).chain(todo.try_iter()) {
            match w {
                Job::Changes(batch) => unsaved.extend(batch),
                // Lost, it only makes these articles new again next run.
                Job::Sighting(s) => {
                    if let Err(e) = store.append_sighting(&s) {
                        tell(format!("when articles arrived is not saved: {e}"));
                    }
                }
            }
        }
        if unsaved.is_empty() {
            continue;
        }
        match store.append(&unsaved) {
            Ok(len) => {
                unsaved.clear();
                if len > COMPACT_AT
                    && let Err(e) = store.compact()
                {
                    tell(format!("cannot compact review marks: {e}"));
                }
            }
            Err(e) => tell(format!("cannot save review marks: {e}")),
        }
    }
    if !unsaved.is_empty() {
        tell(format!(
            "{} review mark changes were not saved",
            unsaved.len()
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::Mark;
    use crate::review::persist;

    #[test]
    fn finish_writes_everything_queued() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let saver = Saver::start(persist::load(&path).store).unwrap();
        for i in 0..100 {
            saver.save(vec![Change {
                key: format!("k{i}"),
                mark: Mark::Read,
                on: true,
            }]);
        }
        assert!(saver.finish().is_empty());
        assert_eq!(persist::load(&path).book.articles.len(), 100);
    }

    #[test]
    fn sightings_of_arrivals_are_logged_beside_marks() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let saver = Saver::start(persist::load(&path).store).unwrap();
        saver.sight(Sighting {
            run: 7,
            seen: vec!["arrived".into()],
        });
        saver.save(vec![Change {
            key: "arrived".into(),
            mark: Mark::Starred,
            on: true,
        }]);
        assert!(saver.finish().is_empty());
        let book = persist::load(&path).book;
        assert_eq!(book.seen.get("arrived"), Some(&7));
        assert!(book.get("arrived").starred);
    }

    #[test]
    fn a_read_only_store_reports_and_keeps_count() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        std::fs::create_dir(&path).unwrap();
        let saver = Saver::start(persist::load(&path).store).unwrap();
        saver.save(vec![Change {
            key: "k".into(),
            mark: Mark::Read,
            on: true,
        }]);
        let reports = saver.finish();
        assert!(
            reports.iter().any(|r| r.contains("not saved")),
            "{reports:?}"
        );
    }
}
