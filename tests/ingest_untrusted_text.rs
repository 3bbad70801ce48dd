//! Untrusted text: a file full of escape sequences (CSI, OSC 0/2/8/52, DCS,
//! tmux passthrough, C1 controls, bare CR, backspace, DEL, bidi overrides)
//! reaches no output with its controls: not the dashboard's frames, not
//! any headless format, not the warnings. Wide characters (CJK, emoji) and
//! combining marks keep the panes aligned.

mod cli_common;

use std::path::PathBuf;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use revue::app::{Action, AppState, update};
use revue::model::{BuildOptions, Corpus, Origin};
use revue::search::SearchIndex;
use revue::ui::{Theme, render};

use cli_common::{Sandbox, stderr};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// What a terminal would act on, or what hides text: C0 (but newline and
/// tab), DEL, C1, bidirectional marks, embeddings, overrides and isolates
/// (U+061C too), zero-width characters and the BOM, the line and paragraph
/// separators.
fn unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{061C}'
                | '\u{200B}'..='\u{200D}'
                | '\u{2060}'
                | '\u{FEFF}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

/// One of each character class that must not pass, between letters.
const HIDDEN: &str = "a\u{202E}b\u{2067}c\u{200E}d\u{200F}e\u{061C}f\u{200B}g\u{200C}h\u{200D}i\u{2060}j\u{FEFF}k\u{2028}l\u{2029}m";

#[test]
fn invisible_characters_reach_no_format_nor_the_screen() {
    let sb = Sandbox::new();
    sb.config(&format!(
        "[[preset]]\nname = \"syrie\"\ndescription = \"Vue {HIDDEN} Syrie\"\nquery = \"syrie\"\n"
    ));
    let dir = sb.path().join("corpus");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("hidden.txt"),
        format!(
            "Titre {HIDDEN} Syrie\n\nVladimir Poutine{HIDDEN} a rencontré Bachar al-Assad à Sotchi le 20 novembre 2017 en Syrie. {HIDDEN}\n"
        ),
    )
    .unwrap();
    let dir = dir.to_str().unwrap();
    for listing in ["articles", "entities", "events", "export"] {
        for format in ["json", "tsv", "md"] {
            if listing == "export" && format == "tsv" {
                continue;
            }
            for preset in [None, Some("syrie")] {
                let mut args = vec![listing, "--format", format, "--no-state", dir];
                args.extend(preset.iter().flat_map(|p| ["--preset", p]));
                let out = sb.run(&args);
                assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
                let text = String::from_utf8(out.stdout.clone()).unwrap();
                // serde_json writes these characters as they are (it
                // escapes only controls): the text shows them if any.
                assert_inert(&format!("{args:?}"), &text);
                assert!(text.contains("Sotchi"), "{args:?}: {text}");
            }
        }
    }
    let out = sb.run(&["presets"]);
    assert_inert("presets", &String::from_utf8(out.stdout).unwrap());

    // The dashboard's cells, the preset picker's included.
    let config = revue::config::parse(
        &std::fs::read_to_string(sb.path().join("config.toml")).unwrap(),
        std::path::Path::new("config.toml"),
    )
    .unwrap();
    let (corpus, index) = corpus(&[PathBuf::from(dir)]);
    let mut state = AppState::new(&corpus, &index);
    revue::config::dashboard::configure(&config, &mut state);
    let mut frames = frames(&corpus, &index, 100, 30);
    update(&mut state, Action::OpenPresets, &corpus, &index);
    let mut t = Terminal::new(TestBackend::new(100, 30)).unwrap();
    t.draw(|f| render(f, &corpus, &state, &Theme::new(false)))
        .unwrap();
    let picker = t.backend().buffer().clone();
    assert!(revue::ui::buffer_text(&picker).contains("Syrie"));
    frames.push(picker);
    for buf in &frames {
        for cell in buf.content() {
            assert_inert("a cell", cell.symbol());
        }
    }
}

fn assert_inert(what: &str, s: &str) {
    let bad: Vec<char> = s.chars().filter(|&c| unsafe_char(c)).collect();
    assert!(bad.is_empty(), "{what} holds {bad:?}:\n{s}");
}

#[test]
fn the_fixture_is_as_hostile_as_it_says() {
    let raw = std::fs::read_to_string(fixture("escapes/escapes.txt")).unwrap();
    for seq in [
        "\x1b]0;",
        "\x1b]2;",
        "\x1b]8;;",
        "\x1b]52;",
        "\x1bP",
        "\x1b[2J",
        "\x1b[?1049l",
        "\u{9b}",
        "\u{9d}",
        "\r",
        "\x08",
        "\x7f",
        "\u{202e}",
        "\u{2067}",
        "\x1bk",
    ] {
        assert!(raw.contains(seq), "the fixture has {seq:?}");
    }
}

#[test]
fn no_headless_format_lets_a_control_through() {
    let sb = Sandbox::new();
    let dir = fixture("escapes");
    let dir = dir.to_str().unwrap();
    // A file that warns, with a name that would set the terminal's title.
    let named = sb.path().join("\x1b]0;PWNED-NAME\x07\u{202e}.txt");
    std::fs::write(&named, b"").unwrap();
    let named = named.to_str().unwrap();
    for listing in ["articles", "entities", "events", "export"] {
        for format in ["json", "tsv", "md"] {
            if listing == "export" && format == "tsv" {
                continue;
            }
            let out = sb.run(&[listing, "--format", format, "--no-state", dir, named]);
            assert_eq!(
                out.status.code(),
                Some(0),
                "{listing} {format}: {}",
                stderr(&out)
            );
            let text = String::from_utf8(out.stdout.clone()).unwrap();
            assert_inert(&format!("{listing} --format {format}"), &text);
            assert_inert(&format!("{listing} warnings"), &stderr(&out));
            assert!(
                stderr(&out).contains("PWNED-NAME"),
                "the warning names the file"
            );
        }
    }
    let out = sb.run(&["articles", "--format", "tsv", "--no-state", dir]);
    let tsv = String::from_utf8(out.stdout).unwrap();
    assert!(
        tsv.contains("]0;PWNED-TITLE"),
        "the sequence shows as text:\n{tsv}"
    );
    let out = sb.run(&["check", dir, named]);
    assert_inert("check", &String::from_utf8(out.stdout).unwrap());
}

fn corpus(paths: &[PathBuf]) -> (Corpus, SearchIndex) {
    let corpus = revue::model::build(
        revue::ingest::load(paths),
        Origin::Paths(paths.to_vec()),
        &BuildOptions::default(),
    );
    let index = SearchIndex::new(&corpus);
    (corpus, index)
}

/// Frames of the dashboard and of the reader on each article.
fn frames(corpus: &Corpus, index: &SearchIndex, w: u16, h: u16) -> Vec<ratatui::buffer::Buffer> {
    let mut out = Vec::new();
    let mut state = AppState::new(corpus, index);
    update(
        &mut state,
        Action::Resize { cols: w, rows: h },
        corpus,
        index,
    );
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    let theme = Theme::new(false);
    t.draw(|f| render(f, corpus, &state, &theme)).unwrap();
    out.push(t.backend().buffer().clone());
    for _ in 0..corpus.articles.len() {
        update(&mut state, Action::Confirm, corpus, index);
        t.draw(|f| render(f, corpus, &state, &theme)).unwrap();
        out.push(t.backend().buffer().clone());
        update(&mut state, Action::Back, corpus, index);
        update(&mut state, Action::Down, corpus, index);
    }
    out
}

#[test]
fn the_dashboard_draws_escape_sequences_inert() {
    let (corpus, index) = corpus(&[fixture("escapes")]);
    assert_eq!(corpus.articles.len(), 1);
    let frames = frames(&corpus, &index, 100, 30);
    for buf in &frames {
        for cell in buf.content() {
            assert_inert("a cell", cell.symbol());
        }
    }
    let reader = revue::ui::buffer_text(&frames[1]);
    assert!(
        reader.contains("]0;PWNED-TITLE"),
        "shown as text:\n{reader}"
    );
    assert!(reader.contains("Bachar"), "{reader}");
}

/// Each row of a frame as a terminal lays it out: a wide symbol takes its
/// width in columns and covers the cells after it (which ratatui keeps
/// blank).
fn row_widths(buf: &ratatui::buffer::Buffer) -> Vec<usize> {
    (0..buf.area.height)
        .map(|y| {
            let (mut x, mut width) = (0, 0);
            while x < buf.area.width {
                let w = unicode_width::UnicodeWidthStr::width(buf[(x, y)].symbol()).max(1);
                width += w;
                x += w as u16;
            }
            width
        })
        .collect()
}

#[test]
fn wide_characters_and_combining_marks_keep_the_panes_aligned() {
    let (corpus, index) = corpus(&[fixture("cjk.txt"), cli_common::seeds().into()]);
    assert!(
        corpus.articles.iter().any(|a| a.headline.contains('普')),
        "the CJK title is read"
    );
    for (w, h) in [(100, 30), (80, 24), (123, 37)] {
        for buf in frames(&corpus, &index, w, h) {
            let text = revue::ui::buffer_text(&buf);
            for (y, width) in row_widths(&buf).into_iter().enumerate() {
                assert!(
                    width <= w as usize,
                    "row {y} is {width} columns wide in {w}:\n{text}"
                );
            }
            // Every pane's right border sits in its column on every row of
            // the pane: nothing wide pushed it out of place.
            for x in 0..w {
                let top = buf[(x, 0)].symbol();
                if top != "┐" {
                    continue;
                }
                let mut y = 1;
                while y < h && buf[(x, y)].symbol() != "┘" {
                    assert_eq!(
                        buf[(x, y)].symbol(),
                        "│",
                        "the border at column {x} row {y}:\n{text}"
                    );
                    y += 1;
                }
            }
        }
    }
}
