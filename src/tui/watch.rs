//! Watching the corpus folders for the dashboard's live refresh, with the
//! `notify` crate: inotify where it works, else polling. Network file
//! systems (NFS, SMB, sshfs and other FUSE mounts, 9p) take an inotify
//! watch without complaint and then never report what other machines
//! write, so they are polled from the start; a failing inotify (its watch
//! limit reached, no inotify at all) falls back to polling too, and the
//! dashboard says so. This module only tells that something relevant
//! changed; `live.rs` decides when to read the corpus again.

use std::path::{Path, PathBuf};
use std::time::Duration;

use notify::{EventKind, RecursiveMode, Watcher};

/// How often a polled folder is scanned: each scan reads the metadata of
/// every file under it.
pub const POLL_EVERY: Duration = Duration::from_secs(5);

/// `[corpus] watch`, the config's own words for it.
pub use crate::config::watch::Watch as Mode;

/// How the folders ended up watched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum How {
    Inotify,
    /// Polling, and why (what the status line and message say).
    Polling(String),
}

/// A running watcher; dropping it stops its thread.
pub struct Watch {
    watcher: Box<dyn Watcher + Send>,
    handler: Handler,
    watched: Vec<PathBuf>,
    pub how: How,
    /// Paths that could not be watched, with why.
    pub problems: Vec<String>,
}

/// The filesystem of a path, when it is one that inotify cannot follow
/// (changes made by other machines are never reported).
pub fn network_fs(path: &Path) -> Option<&'static str> {
    let kind = rustix::fs::statfs(path).ok()?.f_type;
    network_fs_kind(kind as i64)
}

/// The name of a network filesystem's `statfs` magic number.
fn network_fs_kind(magic: i64) -> Option<&'static str> {
    // The kernel's magic numbers (include/uapi/linux/magic.h, and fs/smb,
    // fs/fuse, fs/ceph for those it does not list there).
    Some(match magic as u32 {
        0x6969 => "NFS",
        0x517B => "SMB",
        0xFF53_4D42 => "CIFS",
        0xFE53_4D42 => "SMB2",
        0x6573_5546 => "FUSE",
        0x0102_1997 => "9p",
        0x00C3_6400 => "Ceph",
        0x5346_414F | 0x6B41_4653 => "AFS",
        0x7375_7245 => "Coda",
        _ => return None,
    })
}

/// Watches `paths` (recursively), calling `changed` for each event that
/// may change the corpus: one under a file the corpus reads (`takes`), or
/// a folder. `None` when `mode` is off or nothing could be watched, with
/// why in the second value when it is news.
pub fn start(
    mode: Mode,
    paths: &[PathBuf],
    takes: impl Fn(&Path) -> bool + Send + Sync + 'static,
    changed: impl Fn() + Send + Sync + 'static,
) -> (Option<Watch>, Option<String>) {
    if mode == Mode::Off || paths.is_empty() {
        return (None, None);
    }
    let handler = relevant_events(takes, changed);
    let polled = match mode {
        Mode::Poll => Some("[corpus] watch = \"poll\"".to_string()),
        _ => paths.iter().find_map(|p| {
            network_fs(p)
                .map(|fs| format!("{} is on {fs}, which inotify cannot follow", p.display()))
        }),
    };
    let (watcher, how): (Box<dyn Watcher + Send>, How) = match polled {
        Some(why) => match poller(handler.clone()) {
            Ok(w) => (w, How::Polling(why)),
            Err(e) => {
                return (
                    None,
                    Some(format!("the corpus folders are not watched: {e}")),
                );
            }
        },
        None => match notify::recommended_watcher(handler.clone()) {
            Ok(w) => (Box::new(w), How::Inotify),
            Err(e) => match poller(handler.clone()) {
                Ok(w) => (w, How::Polling(format!("inotify failed: {e}"))),
                Err(e) => {
                    return (
                        None,
                        Some(format!("the corpus folders are not watched: {e}")),
                    );
                }
            },
        },
    };
    let mut w = Watch {
        watcher,
        handler,
        watched: Vec::new(),
        how,
        problems: Vec::new(),
    };
    w.add(paths);
    if w.watched.is_empty() {
        let why = w.problems.join("; ");
        return (
            None,
            Some(format!("the corpus folders are not watched: {why}")),
        );
    }
    let note = match &w.how {
        How::Inotify => None,
        How::Polling(why) => Some(format!(
            "{why}: watched by polling every {} s",
            POLL_EVERY.as_secs()
        )),
    };
    let note = match (note, w.problems.is_empty()) {
        (n, true) => n,
        (n, false) => Some(
            n.into_iter()
                .chain(w.problems.iter().cloned())
                .collect::<Vec<_>>()
                .join("; "),
        ),
    };
    (Some(w), note)
}

impl Watch {
    /// Watches those of `paths` not watched yet (the feed archive, once a
    /// first fetch made it). An inotify watch that fails moves every path
    /// to polling.
    pub fn add(&mut self, paths: &[PathBuf]) {
        for p in paths {
            if self.watched.contains(p) || !p.exists() {
                continue;
            }
            match self.watcher.watch(p, RecursiveMode::Recursive) {
                Ok(()) => self.watched.push(p.clone()),
                Err(e) if self.how == How::Inotify => {
                    // The watch limit (or no inotify): poll everything.
                    match poller(self.handler.clone()) {
                        Ok(w) => {
                            self.watcher = w;
                            self.how = How::Polling(format!("inotify failed: {e}"));
                            let again = std::mem::take(&mut self.watched);
                            let all: Vec<PathBuf> =
                                again.into_iter().chain(paths.iter().cloned()).collect();
                            return self.add(&all);
                        }
                        Err(_) => self
                            .problems
                            .push(format!("{}: not watched: {e}", p.display())),
                    }
                }
                Err(e) => self
                    .problems
                    .push(format!("{}: not watched: {e}", p.display())),
            }
        }
    }

    /// The paths watched.
    #[cfg(test)]
    pub fn watched(&self) -> &[PathBuf] {
        &self.watched
    }
}

fn poller(handler: Handler) -> notify::Result<Box<dyn Watcher + Send>> {
    let config = notify::Config::default().with_poll_interval(POLL_EVERY);
    Ok(Box::new(notify::PollWatcher::new(handler, config)?))
}

/// The event handler every watcher of one dashboard shares.
#[derive(Clone)]
pub struct Handler(std::sync::Arc<dyn Fn(notify::Result<notify::Event>) + Send + Sync>);

impl notify::EventHandler for Handler {
    fn handle_event(&mut self, event: notify::Result<notify::Event>) {
        (self.0)(event)
    }
}

fn relevant_events(
    takes: impl Fn(&Path) -> bool + Send + Sync + 'static,
    changed: impl Fn() + Send + Sync + 'static,
) -> Handler {
    Handler(std::sync::Arc::new(move |event| match event {
        Ok(e) if matters(&e, &takes) => changed(),
        Ok(_) => {}
        // Events were lost (a full queue) or a watch broke: only reading
        // the folders again tells what they hold now.
        Err(_) => changed(),
    }))
}

/// Whether an event may change the corpus: not a read, not a change of
/// times or permissions only, and on a file the corpus reads or a
/// folder (a folder moved in brings its files).
fn matters(e: &notify::Event, takes: &impl Fn(&Path) -> bool) -> bool {
    if e.need_rescan() {
        return true;
    }
    match e.kind {
        EventKind::Access(_) => false,
        EventKind::Modify(notify::event::ModifyKind::Metadata(_)) => false,
        _ => e.paths.iter().any(|p| takes(p) || p.is_dir()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{AccessKind, CreateKind, MetadataKind, ModifyKind, RemoveKind};

    #[test]
    fn network_file_systems_are_known_by_their_magic() {
        assert_eq!(network_fs_kind(0x6969), Some("NFS"));
        assert_eq!(network_fs_kind(0xFF53_4D42), Some("CIFS"));
        assert_eq!(network_fs_kind(0x6573_5546), Some("FUSE"));
        // ext4, tmpfs, btrfs, xfs: inotify sees every change.
        for local in [0xEF53, 0x0102_1994, 0x9123_683E, 0x5846_5342] {
            assert_eq!(network_fs_kind(local), None);
        }
    }

    #[test]
    fn reads_and_time_changes_do_not_matter_new_or_removed_files_do() {
        let takes = |p: &Path| p.extension().is_some_and(|e| e == "txt");
        let ev = |kind, path: &str| notify::Event::new(kind).add_path(PathBuf::from(path));
        let yes = [
            ev(EventKind::Create(CreateKind::File), "/c/a.txt"),
            ev(EventKind::Remove(RemoveKind::File), "/c/a.txt"),
            ev(EventKind::Modify(ModifyKind::Any), "/c/a.txt"),
            // A rename from a hidden partial file onto an article.
            ev(
                EventKind::Modify(ModifyKind::Name(notify::event::RenameMode::Both)),
                "/c/.partial-1",
            )
            .add_path(PathBuf::from("/c/a.txt")),
        ];
        for e in &yes {
            assert!(matters(e, &takes), "{e:?}");
        }
        let no = [
            ev(EventKind::Access(AccessKind::Any), "/c/a.txt"),
            ev(
                EventKind::Modify(ModifyKind::Metadata(MetadataKind::WriteTime)),
                "/c/a.txt",
            ),
            ev(EventKind::Create(CreateKind::File), "/c/.partial-1"),
            ev(EventKind::Create(CreateKind::File), "/c/notes.pdf"),
        ];
        for e in &no {
            assert!(!matters(e, &takes), "{e:?}");
        }
    }

    #[test]
    fn a_file_written_into_a_watched_folder_is_reported_and_off_watches_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let tx = std::sync::Mutex::new(tx);
        let changed = move || {
            let _ = tx.lock().unwrap().send(());
        };
        let takes = |p: &Path| p.extension().is_some_and(|e| e == "txt");
        let (w, note) = start(Mode::Auto, &[dir.path().to_path_buf()], takes, changed);
        let w = w.expect("a local folder is watched");
        assert_eq!(w.watched(), [dir.path().to_path_buf()]);
        if w.how == How::Inotify {
            assert_eq!(note, None);
        }
        std::fs::write(dir.path().join("skipped.pdf"), "x").unwrap();
        std::fs::write(dir.path().join("a.txt"), "An article.").unwrap();
        rx.recv_timeout(Duration::from_secs(10))
            .expect("the new article is reported");
        let (off, note) = start(Mode::Off, &[dir.path().to_path_buf()], takes, || {});
        assert!(off.is_none() && note.is_none());
    }
}
