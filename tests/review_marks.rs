//! Review marks: keys that set them, filters that read them, and the file
//! that keeps them (atomic even when the process is killed mid-save, and
//! shared by processes marking at the same time).

mod common;

use common::keys::{press, seeds_dashboard as fresh};

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use revue::app::keys::Key;
use revue::app::{AppState, Effect, Mode, Pane};
use revue::review::{Mark, MarkBook, Marks, persist};

fn selected(s: &AppState) -> revue::model::ArticleId {
    s.view.articles[s.selected(Pane::Articles)]
}

#[test]
fn space_marks_read_and_moves_on() {
    let mut s = fresh();
    let first = selected(&s);
    let effects = press(&mut s, &[Key::Char(' ')]);
    assert!(s.marks_of(first).read);
    assert_eq!(
        effects,
        [Effect::SaveMarks(vec![revue::review::Change {
            key: revue::review::text_key(&common::seeds().0.article(first).text),
            mark: Mark::Read,
            on: true
        }])]
    );
    assert_eq!(s.selected(Pane::Articles), 1);
    // Space never unmarks (it used to toggle); `r` does.
    press(&mut s, &[Key::Char('k'), Key::Char(' ')]);
    assert!(s.marks_of(first).read, "space keeps it read");
    press(&mut s, &[Key::Char('k'), Key::Char('r')]);
    assert!(!s.marks_of(first).read, "r toggles");
}

#[test]
fn s_stars_f_flags_and_the_book_follows() {
    let (corpus, _) = common::seeds();
    let mut s = fresh();
    let a = selected(&s);
    press(&mut s, &[Key::Char('s'), Key::Char('f')]);
    let m = s.marks_of(a);
    assert!(m.starred && m.flagged && !m.read);
    assert_eq!(s.book.get(&corpus.article(a).text_key), m);
}

#[test]
fn n_and_shift_n_jump_between_unread() {
    let mut s = fresh();
    // Read articles 1 and 2; from 0, n goes to 3.
    press(
        &mut s,
        &[
            Key::Char('j'),
            Key::Char(' '),
            Key::Char(' '),
            Key::Char('g'),
            Key::Char('n'),
        ],
    );
    assert_eq!(s.selected(Pane::Articles), 3);
    press(&mut s, &[Key::Char('N')]);
    assert_eq!(s.selected(Pane::Articles), 0);
}

#[test]
fn u_shows_unread_only_and_is_terms_filter() {
    let mut s = fresh();
    press(&mut s, &[Key::Char(' '), Key::Char('s')]);
    press(&mut s, &[Key::Char('u')]);
    assert!(s.unread_only);
    assert_eq!(s.view.articles.len(), 5);
    press(&mut s, &[Key::Char('u'), Key::Char('/')]);
    for c in "is:starred".chars() {
        press(&mut s, &[Key::Char(c)]);
    }
    assert_eq!(s.view.articles.len(), 1);
    let (corpus, index) = common::seeds();
    let read = revue::search::filter_marked(corpus, index, "is:read", &s.marks);
    assert_eq!(read.articles.len(), 1);
}

#[test]
fn the_reader_marks_read_and_brackets_step_through_articles() {
    let mut s = fresh();
    press(&mut s, &[Key::Enter]);
    assert_eq!(s.mode(), Mode::Reader);
    let first = s.reader().unwrap().article;
    assert!(s.marks_of(first).read);
    press(&mut s, &[Key::Char(']')]);
    let second = s.reader().unwrap().article;
    assert_eq!(second, s.view.articles[1]);
    assert!(s.marks_of(second).read);
    press(&mut s, &[Key::Char('[')]);
    assert_eq!(s.reader().unwrap().article, first);
}

#[test]
fn n_in_the_reader_jumps_to_the_next_match() {
    use revue::app::reader;
    use revue::extract::fold::fold;

    let mut s = fresh();
    press(&mut s, &[Key::Char('/')]);
    for c in "moscou".chars() {
        press(&mut s, &[Key::Char(c)]);
    }
    press(&mut s, &[Key::Enter, Key::Enter]);
    // The wrapped lines that name Moscow, below the first line shown.
    let (corpus, _) = common::seeds();
    let text = &corpus.article(s.reader().unwrap().article).text;
    let lines = reader::wrap(text, reader::text_width(s.size.0));
    let last_top = lines.len().saturating_sub(reader::text_rows(s.size.1));
    let tops: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(i, l)| *i > 1 && fold(&text[(*l).clone()]).contains("moscou"))
        .map(|(i, _)| (i - 1).min(last_top))
        .collect();
    assert!(!tops.is_empty(), "the article names Moscow below its top");
    // Each `n` brings the next of them to the second row, as far as the
    // text scrolls; then says there is no more.
    let mut seen = vec![s.reader().unwrap().scroll];
    while s.message.is_none() {
        press(&mut s, &[Key::Char('n')]);
        seen.push(s.reader().unwrap().scroll);
        assert!(seen.len() <= tops.len() + 2, "n stops: {seen:?}");
    }
    assert_eq!(s.message.as_deref(), Some("no more matches"));
    let mut jumps: Vec<usize> = seen[1..seen.len() - 1].to_vec();
    jumps.dedup();
    let mut expected = tops.clone();
    expected.dedup();
    assert_eq!(jumps, expected, "scrolled through {seen:?}");
    // `N` goes back up.
    s.message = None;
    press(&mut s, &[Key::Char('N')]);
    assert!(s.reader().unwrap().scroll < *seen.last().unwrap());
    assert!(s.message.is_none());
}

#[test]
fn marks_load_from_a_book_by_text() {
    let (corpus, index) = common::seeds();
    let mut book = MarkBook::default();
    book.set(
        &corpus.articles[2].text_key,
        Marks::default().toggled(Mark::Starred),
    );
    let mut s = fresh();
    s.load_marks(book, corpus, index);
    assert!(s.marks_of(corpus.articles[2].id).starred);
    // Loading is no change: the next action saves nothing.
    assert!(press(&mut s, &[Key::Down]).is_empty());
}

/// Run only as the child of `a_kill_between_write_and_rename_keeps_the_old_marks`:
/// writes the new marks' temporary file, then waits to be killed.
#[test]
fn child_writes_temp_file_then_hangs() {
    let Some(path) = std::env::var_os("REVUE_TEST_MARKS_PATH") else {
        return;
    };
    let mut book = MarkBook::default();
    book.set("new", Marks::default().toggled(Mark::Flagged));
    let pending = persist::prepare(&PathBuf::from(path), &book).unwrap();
    std::thread::sleep(Duration::from_secs(60));
    pending.commit().unwrap();
}

#[test]
fn a_kill_between_write_and_rename_keeps_the_old_marks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let mut old = MarkBook::default();
    old.set("old", Marks::default().toggled(Mark::Read));
    persist::save(&path, &old).unwrap();

    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "child_writes_temp_file_then_hangs",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("REVUE_TEST_MARKS_PATH", &path)
        .spawn()
        .unwrap();
    let start = Instant::now();
    let temp_written = || {
        std::fs::read_dir(dir.path()).unwrap().any(|e| {
            let e = e.unwrap();
            e.file_name().to_string_lossy().contains(".tmp-") && e.metadata().unwrap().len() > 0
        })
    };
    while !temp_written() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the child never wrote its temporary file"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();

    let loaded = persist::load(&path);
    assert_eq!(loaded.book, old);
    assert!(loaded.warning.is_none());
}

/// Marks each writer sets in `two_writers_at_once_keep_every_mark`.
const MARKS_PER_WRITER: usize = 200;

/// Run only as a child of `two_writers_at_once_keep_every_mark`: sets its
/// marks in batches of 1 to 4, compacting every few batches, as a dashboard
/// and its saver would (compaction is made far more frequent than in use,
/// to race it against the other writer's appends).
#[test]
fn child_writer_marks_and_compacts() {
    let (Some(path), Some(name)) = (
        std::env::var_os("REVUE_TEST_MARKS_PATH"),
        std::env::var("REVUE_TEST_WRITER").ok(),
    ) else {
        return;
    };
    let store = persist::load(&PathBuf::from(path)).store;
    let mut i = 0;
    let mut batches = 0;
    while i < MARKS_PER_WRITER {
        let n = (1 + batches % 4).min(MARKS_PER_WRITER - i);
        let batch: Vec<_> = (i..i + n)
            .flat_map(|j| {
                // Both writers also mark one shared article, each its own mark.
                let shared = revue::review::Change {
                    key: "shared".into(),
                    mark: if name == "a" {
                        Mark::Read
                    } else {
                        Mark::Starred
                    },
                    on: true,
                };
                [
                    revue::review::Change {
                        key: format!("{name}-{j}"),
                        mark: Mark::Flagged,
                        on: true,
                    },
                    shared,
                ]
            })
            .collect();
        store.append(&batch).unwrap();
        batches += 1;
        if batches % 7 == 0 {
            store.compact().unwrap();
        }
        i += n;
    }
}

#[test]
fn two_writers_at_once_keep_every_mark() {
    // Failed before (as two dashboards): each saved its whole book from
    // memory, so the later save dropped the other's marks.
    for round in 0..15 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let writers: Vec<_> = ["a", "b"]
            .into_iter()
            .map(|name| {
                Command::new(std::env::current_exe().unwrap())
                    .args([
                        "--exact",
                        "child_writer_marks_and_compacts",
                        "--test-threads=1",
                    ])
                    .env("REVUE_TEST_MARKS_PATH", &path)
                    .env("REVUE_TEST_WRITER", name)
                    .stdout(std::process::Stdio::null())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for mut w in writers {
            assert!(
                w.wait().unwrap().success(),
                "round {round}: a writer failed"
            );
        }
        let loaded = persist::load(&path);
        assert!(loaded.warning.is_none(), "{:?}", loaded.warning);
        let book = loaded.book;
        for name in ["a", "b"] {
            for j in 0..MARKS_PER_WRITER {
                assert!(
                    book.get(&format!("{name}-{j}")).flagged,
                    "round {round}: {name}-{j} lost"
                );
            }
        }
        let shared = book.get("shared");
        assert!(shared.read && shared.starred, "round {round}: {shared:?}");
        // And once more compacted, nothing changes.
        loaded.store.compact().unwrap();
        assert_eq!(persist::load(&path).book, book);
    }
}

fn revue_export(dir: &std::path::Path, extra: &[&str]) -> std::process::Output {
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
    Command::new(env!("CARGO_BIN_EXE_revue"))
        .current_dir(dir)
        .env("XDG_STATE_HOME", dir.join("xdg-state"))
        .env("XDG_CACHE_HOME", dir.join("xdg-cache"))
        .env("HOME", dir)
        .arg("export")
        .arg(&seeds)
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn exports_carry_the_stored_marks_and_is_terms_use_them() {
    let (corpus, _) = common::seeds();
    let dir = tempfile::tempdir().unwrap();
    let mut book = MarkBook::default();
    book.set(
        &corpus.articles[3].text_key,
        Marks {
            read: true,
            starred: true,
            flagged: false,
            ..Marks::default()
        },
    );
    persist::save(&dir.path().join("xdg-state/revue/state.json"), &book).unwrap();

    let out = revue_export(dir.path(), &["--query", "is:starred"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let articles = v["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0]["id"], corpus.articles[3].key.as_str());
    assert_eq!(
        articles[0]["marks"],
        serde_json::json!({"read": true, "starred": true, "flagged": false})
    );

    // --no-state reads nothing.
    let out = revue_export(dir.path(), &["--no-state", "--query", "is:starred"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_corrupt_marks_file_is_set_aside_and_the_corpus_still_loads() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("marks.json");
    std::fs::write(&state, "]]] not json").unwrap();
    let out = revue_export(dir.path(), &["--state", state.to_str().unwrap()]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("corrupt review marks") && err.contains("kept aside"),
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["articles"].as_array().unwrap().len(), 6);
}
