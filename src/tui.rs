//! The terminal: raw mode and the alternate screen, the event loop, and
//! restoring the terminal on every way out: quit, error, panic, SIGTERM,
//! SIGINT, SIGQUIT and SIGHUP (a dropped SSH connection).
//!
//! The loop blocks in `poll(2)` on the terminal and a SIGWINCH self-pipe, so
//! idle costs no output and no CPU, and draws only after input that changed
//! something or a resize. A terminal that hangs up (POLLHUP) ends the loop:
//! crossterm 0.29 would otherwise spin on a dead tty, reading EOF forever.
//! Fatal and job-control signals and panics are handled in `tui/terminal.rs`:
//! a panic on any thread ends the loop, and a stop from outside (`kill
//! -TSTP`, `kill -STOP`) gives the shell its screen and, after `fg`, a
//! dashboard drawn whole.

pub mod correct;
mod history;
mod live;
mod marks;
mod swap;
mod watch;
pub use history::{load as load_history, path_beside as history_beside};
pub use live::{Fetcher, Rebuilt, Sources};
pub use terminal::set_mouse;
mod terminal;

pub use terminal::restore;

use std::io::{self, IsTerminal, Read, Write};
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::os::unix::net::UnixStream;
use std::sync::{Arc, mpsc};
use std::time::Duration;

use crossterm::event::{
    self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};
use ratatui::prelude::CrosstermBackend;
use rustix::event::{PollFd, PollFlags};
use signal_hook::consts::SIGWINCH;

use crate::app::keys::{self, Key};
use crate::app::{self, Action, AppState, Effect};
use crate::model::Corpus;
use crate::review::Marks;
use crate::review::persist::Store;
use crate::search::{self, SearchIndex, View};
use crate::ui::{self, Theme};
pub use correct::Corrector;
use marks::Keeper;

/// What the dashboard shows: the corpus and its index, the index still
/// to come when it is being made, and the built corpus still to come when
/// this one is a preview.
pub struct Shown {
    /// Shared with the thread that makes its index.
    pub corpus: Arc<Corpus>,
    pub index: Option<SearchIndex>,
    pub indexing: Option<Pending<SearchIndex>>,
    pub pending: Option<Pending<(Corpus, SearchIndex)>>,
}

/// A value being made on another thread. The end of its [`Promise`], kept
/// or dropped (a panic), makes `wake` readable, so the event loop's `poll`
/// learns of it without a timer.
pub struct Pending<T> {
    value: mpsc::Receiver<T>,
    wake: UnixStream,
}

/// The making side of a [`Pending`].
pub struct Promise<T> {
    value: mpsc::Sender<T>,
    ping: UnixStream,
}

/// A pending value and the promise that delivers it, for a thread that
/// makes more than one.
pub fn promise<T>() -> io::Result<(Promise<T>, Pending<T>)> {
    let (wake, ping) = UnixStream::pair()?;
    let (tx, value) = mpsc::channel();
    Ok((Promise { value: tx, ping }, Pending { value, wake }))
}

impl<T> Promise<T> {
    pub fn keep(mut self, value: T) {
        // Nobody listens once the dashboard has quit.
        if self.value.send(value).is_ok() {
            let _ = self.ping.write_all(&[1]);
        }
    }
}

impl<T: Send + 'static> Pending<T> {
    /// `make` run on a thread named `name`.
    pub fn spawn(name: &str, make: impl FnOnce() -> T + Send + 'static) -> io::Result<Pending<T>> {
        let (promise, pending) = promise()?;
        std::thread::Builder::new()
            .name(name.into())
            .spawn(move || promise.keep(make()))?;
        Ok(pending)
    }
}

impl<T> Pending<T> {
    /// The value if it comes within `patience`: a small corpus is shown
    /// whole from the first frame.
    pub fn wait(&self, patience: Duration) -> Option<T> {
        self.value.recv_timeout(patience).ok()
    }

    /// The value if it came; an error if its maker ended without it.
    fn arrived(&self, what: &str) -> io::Result<Option<T>> {
        match self.value.try_recv() {
            Ok(v) => Ok(Some(v)),
            Err(mpsc::TryRecvError::Empty) => Ok(None),
            Err(mpsc::TryRecvError::Disconnected) => {
                Err(io::Error::other(format!("{what} failed")))
            }
        }
    }
}

/// Runs the dashboard until the user quits, the terminal goes away or a
/// fatal signal arrives; mark changes go to `store`, the search history
/// to `history`; `live` watches the corpus and refetches the feeds.
/// Returns the problems saving marks that the screen could not show (for
/// stderr).
pub fn run(
    model: Shown,
    state: AppState,
    theme: &Theme,
    store: Option<Store>,
    history: Option<std::path::PathBuf>,
    live: Option<Sources>,
) -> io::Result<Vec<String>> {
    run_with(model, state, theme, store, history, live, Corrector::none())
}

/// [`run`], with the dashboard's corrections going to `corrector`.
pub fn run_with(
    mut model: Shown,
    mut state: AppState,
    theme: &Theme,
    store: Option<Store>,
    history: Option<std::path::PathBuf>,
    live: Option<Sources>,
    corrector: Corrector,
) -> io::Result<Vec<String>> {
    let keeper = Keeper::new(store)?;
    if let Some(f) = live.as_ref().and_then(|l| l.fetcher.as_ref()) {
        state.live.feeds = f.names.len();
    }
    let live = live
        .map(|sources| live::Live::start(sources, Arc::clone(&model.corpus)))
        .transpose()?;
    let mut term = Term::open()?;
    let keep = Keep {
        marks: &keeper,
        history: history.as_deref(),
        live: live.as_ref(),
        corrector: &corrector,
    };
    let result = event_loop(&mut term, &mut model, &mut state, theme, &keep);
    term.close();
    if let Some(l) = live {
        l.finish();
    }
    // Every change handed on is on disk before revue ends.
    let unsaved = keeper.finish();
    // The process ends next, and its memory with it: freeing a large
    // corpus piece by piece would hold the shell back (0.1 s at 100k
    // articles read from the cache).
    std::mem::forget(model);
    result.map(|()| unsaved)
}

/// Where what the dashboard keeps goes: marks to their saver, the search
/// history to its file.
struct Keep<'a> {
    marks: &'a Keeper,
    history: Option<&'a std::path::Path>,
    live: Option<&'a live::Live>,
    corrector: &'a Corrector,
}

/// The terminal while revue owns it. Dropping it restores the terminal.
pub struct Term {
    /// Always Some until dropped.
    terminal: Option<ratatui::DefaultTerminal>,
    input: Input,
    signal: terminal::Signal,
}

/// What woke the loop.
#[derive(Debug, PartialEq, Eq)]
pub enum Wake {
    /// Input may be waiting.
    Ready,
    /// The terminal changed size (input may be waiting too).
    Resized,
    /// The terminal hung up: nothing more will come, nothing can be drawn.
    Gone,
}

impl Term {
    /// Takes the terminal: a signal thread and a panic hook that restore it,
    /// raw mode, the alternate screen.
    pub fn open() -> io::Result<Term> {
        let input = Input::open()?;
        let mut signal = terminal::Signal::start()?;
        terminal::set_panic_hook();
        let terminal = match take_terminal() {
            Ok(t) => t,
            Err(e) => {
                terminal::release();
                signal.close();
                return Err(e);
            }
        };
        Ok(Term {
            terminal: Some(terminal),
            input,
            signal,
        })
    }

    pub fn terminal(&mut self) -> &mut ratatui::DefaultTerminal {
        self.terminal
            .as_mut()
            .expect("the terminal is there until Term is dropped")
    }

    /// Blocks until input, a resize or a hang-up.
    pub fn wait(&mut self) -> io::Result<Wake> {
        self.input.wait(&[])
    }

    /// Blocks until input, a resize, a hang-up, or one of `others` is
    /// readable (reported as [`Wake::Ready`]).
    pub fn wait_with(&mut self, others: &[BorrowedFd<'_>]) -> io::Result<Wake> {
        self.input.wait(others)
    }

    /// Gives the terminal back; the same as dropping it.
    pub fn close(self) {}

    /// Puts `text` on the clipboard with OSC 52, which the terminal (and
    /// tmux with `set-clipboard`, and ssh, which only carries bytes) passes
    /// to the clipboard of the machine the analyst sits at.
    pub fn copy(&mut self, text: &str) -> io::Result<()> {
        use std::io::Write;
        let backend = self.terminal().backend_mut();
        write!(backend, "{}", crate::app::clipboard::osc52(text))?;
        backend.flush()
    }

    /// Ctrl-Z: sends SIGTSTP as the key does to a program in cooked mode
    /// (raw mode makes it a plain byte). The signal thread gives the
    /// terminal back and stops, and takes it again when the shell
    /// continues revue (`fg`), as for a SIGTSTP from anyone.
    pub fn suspend(&mut self) -> io::Result<()> {
        // The whole process group, as the terminal would: a wrapper that
        // started revue (`cargo run`) stops with it.
        rustix::process::kill_current_process_group(rustix::process::Signal::TSTP)?;
        Ok(())
    }

    /// Draws the next frame whole: the screen holds something else (the
    /// shell's, after a stop). Unlike ratatui's `clear`, asks the terminal
    /// nothing: a terminal slow to answer a cursor query must not end revue.
    fn forget_screen(&mut self) -> io::Result<()> {
        let t = self.terminal();
        let size = t.size()?;
        t.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        terminal::release();
        // The normal way out: the signal thread is no longer needed.
        self.signal.close();
        // Lets ratatui know the cursor shows again (restore showed it). On
        // a hung-up terminal that fails, and ratatui's own drop would then
        // report it with eprintln!, which panics when stderr is gone too.
        if let Some(mut t) = self.terminal.take()
            && t.show_cursor().is_err()
        {
            std::mem::forget(t);
        }
    }
}

/// Raw mode, the alternate screen, and a ratatui terminal drawing on it.
fn take_terminal() -> io::Result<ratatui::DefaultTerminal> {
    terminal::enter()?;
    // Creates crossterm's event source now, so that its SIGWINCH handler is
    // in place before the first resize can happen.
    event::poll(Duration::ZERO)?;
    ratatui::Terminal::new(CrosstermBackend::new(io::stdout()))
}

/// The terminal's input side, the SIGWINCH self-pipe and the notice pipe
/// (a panic, the terminal taken again), for `poll(2)`.
struct Input {
    /// `/dev/tty` when stdin is not the terminal (crossterm reads the same).
    tty: Option<OwnedFd>,
    winch: UnixStream,
    winch_id: signal_hook::SigId,
    notice: terminal::Notice,
}

impl Input {
    fn open() -> io::Result<Input> {
        let tty = if io::stdin().is_terminal() {
            None
        } else {
            Some(
                std::fs::File::options()
                    .read(true)
                    .write(true)
                    .open("/dev/tty")?
                    .into(),
            )
        };
        let (winch, write_end) = UnixStream::pair()?;
        winch.set_nonblocking(true)?;
        let winch_id = signal_hook::low_level::pipe::register(SIGWINCH, write_end)?;
        Ok(Input {
            tty,
            winch,
            winch_id,
            notice: terminal::Notice::open()?,
        })
    }

    fn tty(&self) -> BorrowedFd<'_> {
        match &self.tty {
            Some(fd) => fd.as_fd(),
            None => rustix::stdio::stdin(),
        }
    }

    fn wait(&mut self, others: &[BorrowedFd<'_>]) -> io::Result<Wake> {
        loop {
            let tty = self.tty();
            let mut fds = vec![
                PollFd::from_borrowed_fd(tty, PollFlags::IN),
                PollFd::new(&self.winch, PollFlags::IN),
                PollFd::new(&self.notice.0, PollFlags::IN),
            ];
            fds.extend(
                others
                    .iter()
                    .map(|fd| PollFd::from_borrowed_fd(*fd, PollFlags::IN)),
            );
            match rustix::event::poll(&mut fds, None) {
                Ok(_) => {}
                Err(rustix::io::Errno::INTR) => continue,
                Err(e) => return Err(e.into()),
            }
            let gone = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
            if fds[0].revents().intersects(gone) {
                return Ok(Wake::Gone);
            }
            if fds[1].revents().contains(PollFlags::IN) {
                let mut buf = [0u8; 64];
                while matches!(self.winch.read(&mut buf), Ok(n) if n > 0) {}
                return Ok(Wake::Resized);
            }
            if fds[2].revents().contains(PollFlags::IN) {
                self.notice.drain();
            }
            return Ok(Wake::Ready);
        }
    }
}

impl Drop for Input {
    fn drop(&mut self) {
        signal_hook::low_level::unregister(self.winch_id);
    }
}

/// A filter for the worker thread: the query and marks as they were at
/// one generation of the query.
struct FilterRequest {
    generation: u64,
    query: String,
    marks: Vec<Marks>,
}

/// Filters on its own thread, newest request first: requests that a newer
/// one overtook are skipped. Each view goes back with its generation, and
/// a byte on `wake` rouses the event loop.
fn filter_worker(
    corpus: &Corpus,
    index: &SearchIndex,
    requests: mpsc::Receiver<FilterRequest>,
    views: mpsc::Sender<(u64, View)>,
    mut wake: UnixStream,
) {
    while let Ok(mut req) = requests.recv() {
        while let Ok(newer) = requests.try_recv() {
            req = newer;
        }
        let view = search::filter_marked(corpus, index, &req.query, &req.marks);
        if views.send((req.generation, view)).is_err() {
            return;
        }
        let _ = wake.write_all(&[1]);
    }
}

/// The filter thread's ends, while there is an index to filter with.
struct Filter {
    requests: mpsc::Sender<FilterRequest>,
    views: mpsc::Receiver<(u64, View)>,
    /// Readable when a view came back.
    wake: UnixStream,
}

/// Hands a filter the app asked for to the worker.
fn request(
    state: &AppState,
    requests: &mpsc::Sender<FilterRequest>,
    generation: u64,
    query: String,
) {
    let req = FilterRequest {
        generation,
        query,
        marks: state.marks.clone(),
    };
    // The worker only ends when the event loop does.
    let _ = requests.send(req);
}

/// Waits for the view of the current query. Every change of the query
/// asked the worker for its filter (an effect of `update`), and the worker
/// always filters the newest request, so this ends.
fn settle(state: &mut AppState, views: &mpsc::Receiver<(u64, View)>, corpus: &Corpus) {
    while !state.filter_settled() {
        match views.recv() {
            Ok((generation, view)) => {
                state.filtered(generation, view, corpus);
            }
            Err(_) => return,
        }
    }
}

/// Why one corpus's turn of the event loop ended.
enum Outcome {
    Quit,
    /// The index of the corpus shown arrived.
    Indexed(Box<SearchIndex>),
    /// The background build delivered the whole corpus.
    Built(Box<(Corpus, SearchIndex)>),
    /// The corpus was built again after its files changed or a refetch.
    Refreshed(Box<live::Refreshed>),
    /// A correction was applied or undone: the corrected corpus.
    Corrected(Box<(Corpus, SearchIndex, app::correct::Corrected)>),
}

/// Runs the loop on the model's corpus; when its index arrives or the
/// background build delivers, again (the filter thread borrows the corpus
/// and its index, so it is restarted with them).
fn event_loop(
    term: &mut Term,
    model: &mut Shown,
    state: &mut AppState,
    theme: &Theme,
    keep: &Keep,
) -> io::Result<()> {
    let mut wake = Wake::Resized;
    loop {
        match corpus_loop(term, model, state, theme, keep, &mut wake)? {
            Outcome::Quit => return Ok(()),
            Outcome::Indexed(index) => {
                let index = model.index.insert(*index);
                state.index_ready(&model.corpus, index);
                wake = Wake::Resized;
            }
            Outcome::Built(built) => {
                let (corpus, index) = *built;
                model.corpus = Arc::new(corpus);
                // The preview's index, if still to come, is of no use now.
                model.indexing = None;
                let index = model.index.insert(index);
                state.corpus_replaced(&model.corpus, index);
                wake = Wake::Resized;
            }
            Outcome::Refreshed(r) => {
                swap::fold_in(model, state, keep, *r);
                wake = Wake::Resized;
            }
            Outcome::Corrected(done) => {
                let (corpus, index, outcome) = *done;
                model.corpus = Arc::new(corpus);
                model.indexing = None;
                let index = model.index.insert(index);
                state.corrected(outcome, &model.corpus, index);
                wake = Wake::Resized;
            }
        }
    }
}

fn corpus_loop(
    term: &mut Term,
    model: &mut Shown,
    state: &mut AppState,
    theme: &Theme,
    keep: &Keep,
    wake: &mut Wake,
) -> io::Result<Outcome> {
    let Shown {
        corpus,
        index,
        indexing,
        pending,
    } = model;
    let shared = Arc::clone(corpus);
    let (corpus, index) = (&**corpus, index.as_ref());
    std::thread::scope(|scope| {
        // Without an index there is nothing to filter with: the query is
        // kept, and filters once the index arrives. (Nor is there a wake
        // pipe to poll: one whose writer is gone would read as ready.)
        let filter = match index {
            Some(index) => {
                let (wake_rx, wake_tx) = UnixStream::pair()?;
                wake_rx.set_nonblocking(true)?;
                let (req_tx, req_rx) = mpsc::channel();
                let (view_tx, view_rx) = mpsc::channel();
                // A panic here ends revue through the loop (see
                // `terminal`); caught, so that the scope does not panic
                // again on the way out.
                scope.spawn(move || {
                    let work = || filter_worker(corpus, index, req_rx, view_tx, wake_tx);
                    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
                });
                Some(Filter {
                    requests: req_tx,
                    views: view_rx,
                    wake: wake_rx,
                })
            }
            None => None,
        };
        state.deferred_filter = true;
        loop {
            let mut dirty = false;
            if let Some(why) = terminal::panicked() {
                return Err(io::Error::other(format!("the dashboard stopped: {why}")));
            }
            if terminal::take_redraw() {
                term.forget_screen()?;
                dirty = true;
            }
            match wake {
                Wake::Gone => return Ok(Outcome::Quit),
                Wake::Ready => {}
                // Resize at once, whether or not crossterm reports it too.
                Wake::Resized => {
                    let size = term.terminal().size()?;
                    let (cols, rows) = (size.width, size.height);
                    app::update(state, Action::Resize { cols, rows }, corpus, index);
                    dirty = true;
                }
            }
            if let Some(p) = pending.as_ref()
                && let Some(built) = p.arrived("building the corpus")?
            {
                *pending = None;
                return Ok(Outcome::Built(Box::new(built)));
            }
            if let Some(p) = indexing.as_ref()
                && let Some(index) = p.arrived("preparing search")?
            {
                *indexing = None;
                return Ok(Outcome::Indexed(Box::new(index)));
            }
            if let Some(l) = keep.live {
                let (told, refreshed) = swap::take_reports(state, l);
                dirty |= told;
                if let Some(r) = refreshed {
                    return Ok(Outcome::Refreshed(r));
                }
            }
            match keep.corrector.arrived()? {
                Some(Ok((corpus, index, outcome))) => {
                    return Ok(Outcome::Corrected(Box::new((corpus, index, outcome))));
                }
                Some(Err(why)) => {
                    state.corrected_not(why);
                    dirty = true;
                }
                None => {}
            }
            if let Some(f) = &filter {
                let mut buf = [0u8; 64];
                while matches!((&f.wake).read(&mut buf), Ok(n) if n > 0) {}
                while let Ok((generation, view)) = f.views.try_recv() {
                    dirty |= state.filtered(generation, view, corpus);
                }
            }
            // Everything queued is applied before the next draw, so that fast
            // typing (or a paste) costs one frame, not one per key.
            while event::poll(Duration::ZERO)? {
                if let Some(action) = action_for(state, event::read()?) {
                    dirty = true;
                    // Moving, opening or quitting acts on the view the
                    // query asks for: the filter in flight is awaited (and
                    // before the index, on the view shown).
                    if !app::edits_query(&action)
                        && let Some(f) = &filter
                    {
                        settle(state, &f.views, corpus);
                    }
                    for effect in app::update(state, action, corpus, index) {
                        match effect {
                            Effect::Quit => return Ok(Outcome::Quit),
                            Effect::Suspend => term.suspend()?,
                            Effect::Copy(text) => term.copy(&text)?,
                            Effect::SaveMarks(changes) => keep.marks.keep(changes, state),
                            Effect::SaveHistory(queries) => {
                                if let Some(path) = keep.history
                                    && let Err(e) = history::save(path, &queries)
                                {
                                    state.message = Some(format!(
                                        "{}: search history not saved: {e}",
                                        path.display()
                                    ));
                                }
                            }
                            Effect::Refetch => match keep.live {
                                Some(l) => l.fetch(),
                                None => {
                                    state.live.activity = None;
                                    state.live.fetching = false;
                                    state.message =
                                        Some("the built-in seeds cannot be refetched".into());
                                }
                            },
                            Effect::Correct(c) => {
                                if let Err(why) = keep.corrector.start(Arc::clone(&shared), c) {
                                    state.corrected_not(why);
                                }
                            }
                            Effect::UndoCorrection(c) => {
                                if let Err(why) = keep.corrector.start_undo(c) {
                                    state.corrected_not(why);
                                }
                            }
                            Effect::Filter { generation, query } => {
                                if let Some(f) = &filter {
                                    request(state, &f.requests, generation, query);
                                }
                            }
                        }
                    }
                }
            }
            dirty |= keep.marks.show_reports(state);
            if dirty {
                term.terminal()
                    .draw(|f| ui::render(f, corpus, state, theme))?;
            }
            let mut others: Vec<BorrowedFd> = filter.iter().map(|f| f.wake.as_fd()).collect();
            others.extend(pending.as_ref().map(|p| p.wake.as_fd()));
            others.extend(indexing.as_ref().map(|p| p.wake.as_fd()));
            others.extend(keep.marks.wake());
            others.extend(keep.live.map(|l| l.wake()));
            let job = keep.corrector.job();
            others.extend(job.as_ref().map(|p| p.wake.as_fd()));
            *wake = term.wait_with(&others)?;
            drop(job);
        }
    })
}

fn action_for(state: &AppState, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => keys::action_for(state, key_of(k)?),
        Event::Resize(cols, rows) => Some(Action::Resize { cols, rows }),
        Event::Mouse(m) => mouse_action(state, m),
        _ => None,
    }
}

/// A click selects (a second click opens); the wheel scrolls the pane
/// under the pointer, or the reader.
fn mouse_action(state: &AppState, m: MouseEvent) -> Option<Action> {
    let at = ui::hit_test(state.size, state, m.column, m.row);
    match m.kind {
        MouseEventKind::Down(MouseButton::Left) => {
            at.map(|(pane, row)| Action::Click { pane, row })
        }
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
            let pane = at.map_or(state.focus, |(p, _)| p);
            let down = m.kind == MouseEventKind::ScrollDown;
            Some(Action::Scroll { pane, down })
        }
        _ => None,
    }
}

fn key_of(k: KeyEvent) -> Option<Key> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    let alt = k.modifiers.contains(KeyModifiers::ALT);
    Some(match k.code {
        KeyCode::Char(c) if ctrl => Key::Ctrl(c.to_ascii_lowercase()),
        KeyCode::Char(c) if alt => Key::Alt(c),
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        _ => return None,
    })
}
