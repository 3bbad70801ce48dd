//! Taking the terminal (raw mode, the alternate screen, the mouse) and
//! giving it back on every way out, from whichever thread sees it first:
//! the event loop, the panic hook, or the signal thread.
//!
//! The signal thread takes the fatal signals (the terminal restored, then
//! the signal's own default) and job control: on SIGTSTP, whoever sent it
//! (Ctrl-Z in the dashboard, `kill -TSTP`), it gives the terminal back and
//! stops; on SIGCONT (`fg`, `kill -CONT`, also after a `kill -STOP` it
//! could not see) it takes the terminal again and asks the loop for a whole
//! redraw. A panic on any thread restores the terminal and wakes the loop,
//! which then ends revue: nothing draws on the normal screen afterwards.
//!
//! The loop is woken through a notice pipe ([`Notice`]), which the panic
//! hook and the signal thread write a byte to.

use std::io::{self, Write};
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};

use crossterm::{cursor, execute, terminal};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

/// Signals that end revue; the terminal is restored first.
const FATAL_SIGNALS: [i32; 4] = [SIGTERM, SIGINT, SIGQUIT, SIGHUP];

/// Whether the terminal is in raw mode on the alternate screen. Whoever
/// swaps it to false restores it: the normal exit, the panic hook or the
/// signal thread, never two of them (leaving the alternate screen twice
/// would move the cursor back over what was printed after the first time).
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Whether the dashboard holds the terminal (from [`Signal::start`] until
/// the terminal is given back for good): a SIGCONT takes it again only
/// then.
static OWNED: AtomicBool = AtomicBool::new(false);

/// Set when the terminal was taken again after a stop: the screen holds
/// whatever the shell printed, so the next frame must be drawn whole.
static REDRAW: AtomicBool = AtomicBool::new(false);

/// The first panic's message, on whichever thread.
static PANICKED: OnceLock<String> = OnceLock::new();

/// The write end of the loop's notice pipe, while there is a loop.
static NOTICE: Mutex<Option<UnixStream>> = Mutex::new(None);

/// Whether the mouse is asked for (`[ui] mouse`).
static MOUSE: AtomicBool = AtomicBool::new(true);

/// Asks for the mouse, or leaves it to the terminal, from the next
/// taking of the terminal on.
pub fn set_mouse(on: bool) {
    MOUSE.store(on, Ordering::SeqCst);
}

/// Raw mode, the alternate screen, the mouse.
pub fn enter() -> io::Result<()> {
    terminal::enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(io::stdout(), terminal::EnterAlternateScreen)?;
    // The mouse is reported where the terminal can; nothing needs it. Only
    // presses and the wheel (1000) in SGR encoding (1006): crossterm's
    // EnableMouseCapture also asks for every movement, which over SSH
    // would send bytes and wake revue at each twitch of the hand.
    if MOUSE.load(Ordering::SeqCst) {
        io::stdout().write_all(b"\x1b[?1000h\x1b[?1006h")?;
    }
    io::stdout().flush()
}

/// Restores the terminal, at most once however many ways out race: raw mode
/// off, the alternate screen left, the cursor shown. Errors are ignored: on
/// a hung-up terminal there is nothing left to restore.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = terminal::disable_raw_mode();
    let mut out = io::stdout();
    let _ = out.write_all(b"\x1b[?1006l\x1b[?1000l");
    let _ = execute!(out, terminal::LeaveAlternateScreen, cursor::Show);
    let _ = out.flush();
}

/// Gives the terminal back for good: no SIGCONT takes it again.
pub fn release() {
    OWNED.store(false, Ordering::SeqCst);
    restore();
    if let Ok(mut n) = NOTICE.lock() {
        *n = None;
    }
}

/// Whether the next frame must be drawn whole (the terminal was taken
/// again after a stop); asking clears it.
pub fn take_redraw() -> bool {
    REDRAW.swap(false, Ordering::SeqCst)
}

/// The message of a panic on any thread since the terminal was taken.
pub fn panicked() -> Option<&'static str> {
    PANICKED.get().map(String::as_str)
}

/// The read end of the notice pipe: readable when a panic happened or the
/// terminal was taken again.
pub struct Notice(pub UnixStream);

impl Notice {
    pub fn open() -> io::Result<Notice> {
        let (read, write) = UnixStream::pair()?;
        read.set_nonblocking(true)?;
        // A full pipe already says what a byte more would.
        write.set_nonblocking(true)?;
        if let Ok(mut n) = NOTICE.lock() {
            *n = Some(write);
        }
        Ok(Notice(read))
    }

    /// Empties the pipe.
    pub fn drain(&self) {
        let mut buf = [0u8; 64];
        while matches!(io::Read::read(&mut &self.0, &mut buf), Ok(n) if n > 0) {}
    }
}

fn notify() {
    // `try_lock`: a panic while the lock is held (it never is for long)
    // must not deadlock the hook.
    if let Ok(n) = NOTICE.try_lock()
        && let Some(w) = n.as_ref()
    {
        let _ = (&*w).write(&[1]);
    }
}

/// Restores the terminal, then the panic message prints on the normal
/// screen where it can be read (the previous hook prints it); the loop is
/// woken to end revue.
pub fn set_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        let thread = std::thread::current();
        let name = thread.name().unwrap_or("unnamed");
        let _ = PANICKED.set(format!("thread `{name}` panicked: {}", payload(info)));
        previous(info);
        notify();
    }));
}

fn payload(info: &std::panic::PanicHookInfo<'_>) -> String {
    let p = info.payload();
    let text = p
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".to_string());
    match info.location() {
        Some(l) => format!("{text} ({}:{})", l.file(), l.line()),
        None => text,
    }
}

/// The thread that takes revue's signals, until closed.
pub struct Signal {
    handle: signal_hook::iterator::Handle,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Signal {
    /// Starts taking the fatal and job-control signals; the terminal
    /// counts as held from now on.
    pub fn start() -> io::Result<Signal> {
        let mut signals = Signals::new(FATAL_SIGNALS.iter().chain(&[SIGTSTP, SIGCONT]))?;
        let handle = signals.handle();
        OWNED.store(true, Ordering::SeqCst);
        let thread = std::thread::Builder::new()
            .name("revue-signals".into())
            .spawn(move || {
                for sig in signals.forever() {
                    match sig {
                        SIGTSTP => stop(),
                        SIGCONT => take_again(),
                        sig => restore_and_die(sig),
                    }
                }
            })?;
        Ok(Signal {
            handle,
            thread: Some(thread),
        })
    }

    /// Stops taking signals (the default actions apply again).
    pub fn close(&mut self) {
        self.handle.close();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// SIGTSTP: the terminal given back, then stopped as the signal's default
/// would; taken again when continued. stdout is held throughout, so the
/// loop cannot draw on the shell's screen in between.
fn stop() {
    let stdout = io::stdout();
    let _held = stdout.lock();
    restore();
    let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
    take_again_locked();
}

/// SIGCONT: the terminal taken again if the dashboard still holds it.
fn take_again() {
    let stdout = io::stdout();
    let _held = stdout.lock();
    take_again_locked();
}

fn take_again_locked() {
    if !OWNED.load(Ordering::SeqCst) {
        return;
    }
    // After a stop the shell put the terminal back in cooked mode, maybe
    // behind revue's back (`kill -STOP` is not seen): raw mode is set
    // again from scratch (crossterm skips it when it believes it is on).
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = terminal::disable_raw_mode();
    }
    if enter().is_ok() {
        REDRAW.store(true, Ordering::SeqCst);
        notify();
    }
}

/// Runs on the signal thread: holds stdout so that the event loop cannot
/// draw over the restored screen, restores, and ends the process the way
/// the signal would have (so a shell sees "terminated by SIGTERM").
fn restore_and_die(sig: i32) -> ! {
    let stdout = io::stdout();
    let _held = stdout.lock();
    restore();
    let _ = signal_hook::low_level::emulate_default_handler(sig);
    // SIGQUIT's default would dump core; and should emulation fail, exit
    // with the shell's code for a signal death.
    std::process::exit(128 + sig);
}
