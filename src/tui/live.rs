//! The dashboard's background refresh: one thread that watches the
//! corpus folders (`watch.rs`), waits for a burst of changes to settle
//! (a fetch writing 500 files is one rebuild, not 500), builds the model
//! again through the same entry point as a start (so the model cache
//! serves what did not change), runs the refetch key's fetch, and hands
//! each new corpus to the event loop with how it differs from the one
//! before ([`Diff`]). It never touches the terminal: everything it has to
//! say goes back as a [`Report`], with a byte on a socket that wakes the
//! loop's `poll(2)`.

use std::io::{self, Read, Write};
use std::os::fd::{AsFd, BorrowedFd};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use super::watch;
use crate::app::refresh::Diff;
use crate::fetch::{Outcome, Progress};
use crate::model::{Corpus, Origin};
use crate::search::SearchIndex;

/// Quiet after the last change before the corpus is read again.
pub const SETTLE: Duration = Duration::from_millis(400);
/// The longest a stream of changes holds the refresh back.
pub const AT_MOST: Duration = Duration::from_secs(3);

/// A model built again.
pub struct Rebuilt {
    pub corpus: Corpus,
    pub index: SearchIndex,
    /// What the cache had to say (a corrupt file rebuilt).
    pub warning: Option<String>,
}

/// Builds the model again from the corpus paths; the flag says the
/// dashboard is closing (a cache being saved may stop).
pub type Rebuild = Box<dyn Fn(&AtomicBool) -> Rebuilt + Send>;

/// Fetches every feed into the archive (`revue fetch`), telling progress
/// as it goes; the outcomes in the order of the feeds.
pub type Fetch = Box<dyn Fn(&mpsc::Sender<Progress>) -> Vec<Outcome> + Send>;

/// The feeds the refetch key fetches.
pub struct Fetcher {
    pub names: Vec<String>,
    pub fetch: Fetch,
    /// Whether the dashboard reads the archive (not when the command line
    /// names other paths): otherwise fetched items cannot show.
    pub shown: bool,
}

/// What the refresh thread needs: how to build, how to fetch, what to
/// watch and which files count.
pub struct Sources {
    pub rebuild: Rebuild,
    pub fetcher: Option<Fetcher>,
    pub watch: watch::Mode,
    /// Whether a folder walk reads this file (`ingest::discover::takes`
    /// under the config's extensions).
    pub takes: Arc<dyn Fn(&Path) -> bool + Send + Sync>,
    /// Whether the corpus files differ from those of the corpus shown in
    /// a way the watch, set up after they were read, could not see: one
    /// added, removed or modified since the start read them.
    pub missed: Box<dyn Fn(&Corpus) -> bool + Send>,
}

/// What the refresh thread tells the event loop.
pub enum Report {
    /// What runs now, for the status line (`None`: nothing).
    Activity(Option<String>),
    /// How the folders are watched, when it is news, and a message.
    Watching {
        note: Option<String>,
        message: Option<String>,
    },
    /// A corpus built again, with how it differs from the one before and
    /// what the fetch that led to it said.
    Refreshed(Box<Refreshed>),
    /// Something for the message line (a fetch that brought nothing).
    Message(String),
}

pub struct Refreshed {
    pub corpus: Arc<Corpus>,
    pub index: SearchIndex,
    pub diff: Diff,
    /// The fetch's summary ("2 feeds: 3 new; Gazette failed: HTTP 500").
    pub fetched: Option<String>,
    pub warning: Option<String>,
}

enum Command {
    Changed,
    Fetch,
    /// A corpus the dashboard let go of: freed here, off the input thread
    /// (a large one takes a noticeable moment).
    Dispose(Box<dyn Send>),
    Stop,
}

/// The event loop's end of the refresh thread.
pub struct Live {
    commands: mpsc::Sender<Command>,
    reports: mpsc::Receiver<Report>,
    wake: UnixStream,
    stop: Arc<AtomicBool>,
    /// Disconnected when the thread has ended.
    ended: mpsc::Receiver<()>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Live {
    /// Starts the refresh thread over `shown`, the corpus on screen.
    pub fn start(sources: Sources, shown: Arc<Corpus>) -> io::Result<Live> {
        let (wake, ping) = UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        let (commands, todo) = mpsc::channel();
        let (report, reports) = mpsc::channel();
        let (ended_tx, ended) = mpsc::channel::<()>();
        let stop = Arc::new(AtomicBool::new(false));
        let worker = Worker {
            sources,
            base: shown,
            todo,
            changed: commands.clone(),
            out: Out {
                report,
                ping: Mutex::new(ping),
            },
            stop: Arc::clone(&stop),
        };
        let thread = std::thread::Builder::new()
            .name("revue-live".into())
            .spawn(move || {
                let _ended = ended_tx;
                // A panic ends revue through the loop (the panic hook); it
                // must not take the process down twice.
                let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| worker.run()));
            })?;
        Ok(Live {
            commands,
            reports,
            wake,
            stop,
            ended,
            thread: Some(thread),
        })
    }

    /// Readable when a report is waiting.
    pub fn wake(&self) -> BorrowedFd<'_> {
        self.wake.as_fd()
    }

    /// The next report waiting, if any. Reports are taken one at a time:
    /// a new corpus ends the event loop's turn, and those behind it wait
    /// for the next turn, in order.
    pub fn next_report(&self) -> Option<Report> {
        let mut buf = [0u8; 64];
        while matches!((&self.wake).read(&mut buf), Ok(n) if n > 0) {}
        self.reports.try_recv().ok()
    }

    /// The refetch key.
    pub fn fetch(&self) {
        let _ = self.commands.send(Command::Fetch);
    }

    /// Frees what the dashboard let go of (a corpus and its index) on
    /// the refresh thread.
    pub fn dispose(&self, corpus: Box<dyn Send>) {
        if let Err(mpsc::SendError(Command::Dispose(c))) =
            self.commands.send(Command::Dispose(corpus))
        {
            // The thread is gone: the process ends soon, no need to free.
            std::mem::forget(c);
        }
    }

    /// Stops the thread: at once when it waits (it then drops its
    /// watcher, whose own thread ends with it); a build or fetch under
    /// way is told to stop and given a moment, and otherwise ends with
    /// the process, which exits next (nothing it writes is left half
    /// done: the cache and the archive write through temporary files).
    pub fn finish(mut self) {
        self.stop_soon();
        if let Err(mpsc::RecvTimeoutError::Disconnected) =
            self.ended.recv_timeout(Duration::from_millis(500))
            && let Some(t) = self.thread.take()
        {
            let _ = t.join();
        }
    }
}

impl Live {
    fn stop_soon(&self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = self.commands.send(Command::Stop);
    }
}

impl Drop for Live {
    /// However the loop ended, the thread is told to end: the watcher's
    /// handler holds a sender of its own, so the channel alone would not.
    fn drop(&mut self) {
        self.stop_soon();
    }
}

/// The reports' sender and the wake-up byte.
struct Out {
    report: mpsc::Sender<Report>,
    ping: Mutex<UnixStream>,
}

impl Out {
    fn send(&self, r: Report) {
        if self.report.send(r).is_ok()
            && let Ok(mut p) = self.ping.lock()
        {
            let _ = p.write_all(&[1]);
        }
    }
}

/// When a burst of changes has settled: [`SETTLE`] after the last one,
/// and never more than [`AT_MOST`] after the first.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Debounce {
    first: Option<Instant>,
    last: Option<Instant>,
}

impl Debounce {
    pub fn touch(&mut self, now: Instant) {
        self.first.get_or_insert(now);
        self.last = Some(now);
    }

    /// When to read the corpus again; `None`: nothing changed.
    pub fn due(&self) -> Option<Instant> {
        let (first, last) = (self.first?, self.last?);
        Some((last + SETTLE).min(first + AT_MOST))
    }

    pub fn clear(&mut self) {
        *self = Debounce::default();
    }
}

struct Worker {
    sources: Sources,
    /// The corpus the dashboard shows (or will, once handed over).
    base: Arc<Corpus>,
    todo: mpsc::Receiver<Command>,
    /// For the watcher's handler.
    changed: mpsc::Sender<Command>,
    out: Out,
    stop: Arc<AtomicBool>,
}

impl Worker {
    fn run(mut self) {
        let mut watching = self.watch();
        let mut burst = Debounce::default();
        // The files were read before the watch was set (a large corpus
        // builds for a while): what changed meanwhile is read now.
        if watching.is_some() && (self.sources.missed)(&self.base) {
            burst.touch(Instant::now());
        }
        let mut fetch_wanted = false;
        loop {
            if self.stop.load(Ordering::SeqCst) {
                return;
            }
            if std::mem::take(&mut fetch_wanted) {
                burst.clear();
                self.fetch_and_rebuild(&mut watching);
                continue;
            }
            let command = match burst.due() {
                None => self
                    .todo
                    .recv()
                    .map_err(|_| mpsc::RecvTimeoutError::Disconnected),
                Some(at) => self
                    .todo
                    .recv_timeout(at.saturating_duration_since(Instant::now())),
            };
            match command {
                Ok(Command::Changed) => burst.touch(Instant::now()),
                Ok(Command::Fetch) => fetch_wanted = true,
                Ok(Command::Dispose(c)) => drop(c),
                Ok(Command::Stop) | Err(mpsc::RecvTimeoutError::Disconnected) => return,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    burst.clear();
                    fetch_wanted |= self.settle();
                    self.rebuild(None, &mut watching);
                }
            }
        }
    }

    /// Takes what queued up before a rebuild, which reads the folders as
    /// they are now: changes are covered by it. Whether a fetch was asked.
    fn settle(&self) -> bool {
        let mut fetch = false;
        for c in self.todo.try_iter() {
            match c {
                Command::Changed => {}
                Command::Fetch => fetch = true,
                Command::Dispose(c) => drop(c),
                // Seen at the top of the loop through the flag.
                Command::Stop => self.stop.store(true, Ordering::SeqCst),
            }
        }
        fetch
    }

    fn watch(&self) -> Option<watch::Watch> {
        let paths = corpus_paths(&self.base);
        let changed = Mutex::new(self.changed.clone());
        let notify = move || {
            if let Ok(tx) = changed.lock() {
                let _ = tx.send(Command::Changed);
            }
        };
        let takes = Arc::clone(&self.sources.takes);
        let (w, message) = watch::start(self.sources.watch, &paths, move |p| takes(p), notify);
        let note = match &w {
            Some(w) => match w.how {
                watch::How::Inotify => None,
                watch::How::Polling(_) => {
                    Some(format!("polled every {} s", watch::POLL_EVERY.as_secs()))
                }
            },
            None => message.is_some().then(|| "not watched".to_string()),
        };
        if note.is_some() || message.is_some() {
            self.out.send(Report::Watching { note, message });
        }
        w
    }

    /// The refetch key's work: every feed, progress in the status line,
    /// then the corpus read again whatever came of it (the feeds that did
    /// answer may have brought items).
    fn fetch_and_rebuild(&mut self, watching: &mut Option<watch::Watch>) {
        let Some(f) = &self.sources.fetcher else {
            self.out.send(Report::Message(
                "no feeds to fetch: no [[feed]] in config.toml".into(),
            ));
            return;
        };
        let total = f.names.len();
        let (tx, rx) = mpsc::channel();
        let outcomes = std::thread::scope(|s| {
            let out = &self.out;
            s.spawn(move || relay_progress(rx, total, out));
            let outcomes = (f.fetch)(&tx);
            // The relay ends when the last sender goes, and the scope
            // waits for it.
            drop(tx);
            outcomes
        });
        let summary = fetch_summary(&f.names, &outcomes, f.shown);
        // The fetch's own writes into a watched archive: the rebuild
        // reads them. (A second press while it ran waits for the next
        // turn of the loop, as a fetch asked now would.)
        let again = self.settle();
        self.rebuild(Some(summary), watching);
        if again {
            let _ = self.changed.send(Command::Fetch);
        }
    }

    /// Builds the model again and hands it over if it differs.
    fn rebuild(&mut self, fetched: Option<String>, watching: &mut Option<watch::Watch>) {
        self.out.send(Report::Activity(Some("refreshing…".into())));
        let Rebuilt {
            corpus,
            index,
            warning,
        } = (self.sources.rebuild)(&self.stop);
        if self.stop.load(Ordering::SeqCst) {
            return;
        }
        if let Some(w) = watching {
            // The feed archive, once the first fetch has made it.
            w.add(&corpus_paths(&corpus));
        }
        let diff = Diff::between(&self.base, &corpus);
        if diff.is_nothing(&corpus) && warning.is_none() {
            self.out.send(Report::Activity(None));
            if let Some(f) = fetched {
                self.out.send(Report::Message(f));
            }
            return;
        }
        let corpus = Arc::new(corpus);
        self.base = Arc::clone(&corpus);
        self.out.send(Report::Refreshed(Box::new(Refreshed {
            corpus,
            index,
            diff,
            fetched,
            warning,
        })));
    }
}

/// The folders a corpus was read from.
fn corpus_paths(c: &Corpus) -> Vec<PathBuf> {
    match &c.origin {
        Origin::Paths(p) => p.clone(),
        Origin::BuiltIn => Vec::new(),
    }
}

/// `fetching 2/5` in the status line as feeds end: short, so that it
/// fits beside the counts on a narrow terminal (the message at the end
/// names the feeds that failed).
fn relay_progress(events: mpsc::Receiver<Progress>, total: usize, out: &Out) {
    let mut done = 0;
    for e in events {
        if let Progress::Done(_) = e {
            done += 1;
            out.send(Report::Activity(Some(format!("fetching {done}/{total}"))));
        }
    }
}

/// What a fetch brought, for the message line: the new items counted
/// over every feed, and the feeds that failed with why.
pub fn fetch_summary(names: &[String], outcomes: &[Outcome], shown: bool) -> String {
    let mut new = 0;
    let mut failed = Vec::new();
    for (name, o) in names.iter().zip(outcomes) {
        match o {
            Outcome::Fetched(c) => new += c.new + c.updated,
            Outcome::NotModified => {}
            Outcome::Failed(why) => failed.push(format!("{name} failed: {why}")),
        }
    }
    let feeds = if names.len() == 1 {
        "1 feed".to_string()
    } else {
        format!("{} feeds", names.len())
    };
    let mut text = format!(
        "fetched {feeds}: {}",
        match new {
            0 => "nothing new".to_string(),
            1 => "1 new item".to_string(),
            n => format!("{n} new items"),
        }
    );
    if new > 0 && !shown {
        text.push_str(" (into the archive, which this dashboard does not read)");
    }
    for f in failed {
        text.push_str("; ");
        text.push_str(&f.replace('\n', " "));
    }
    text
}

#[cfg(test)]
mod tests;
