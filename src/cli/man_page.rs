//! The sections of the man page that clap does not write: the query
//! syntax, the dashboard's keys, the files revue reads and writes, the
//! environment and the exit status. Each is read from where the program
//! itself keeps it (the query module's syntax rows, the keymap's help
//! rows), so that the page says what the program does.

use std::io::{self, Write};

use super::roff;
use crate::app::keymap::{self, HelpLine, Keymap};
use crate::search::query::{SYNTAX_INTRO, syntax_rows};

/// Writes the extra sections, in roff.
pub fn sections(out: &mut impl Write) -> io::Result<()> {
    section(out, "QUERY SYNTAX")?;
    writeln!(out, ".PP\n{}", roff(SYNTAX_INTRO))?;
    for (term, what) in syntax_rows() {
        item(out, &format!("\\fB{}\\fR", roff(term)), &what)?;
    }
    section(out, "KEYS")?;
    let intro = format!(
        "The dashboard's default keys, by where they act. [keys] in config.toml binds \
         other keys to the actions {}.",
        keymap::names().join(", ")
    );
    writeln!(out, ".PP\n{}", roff(&intro))?;
    // The help overlay's keys; its query syntax is written above.
    for line in Keymap::default().key_lines() {
        match line {
            HelpLine::Section(title) => writeln!(out, ".SS \"{}\"", roff(title))?,
            HelpLine::Entry { keys, text } => item(out, &format!("\\fB{}\\fR", roff(&keys)), text)?,
            HelpLine::Blank => {}
        }
    }
    section(out, "FILES")?;
    for (file, what) in FILES {
        item(out, &format!("\\fI{}\\fR", roff(file)), what)?;
    }
    section(out, "ENVIRONMENT")?;
    for (var, what) in ENVIRONMENT {
        item(out, &format!("\\fB{}\\fR", roff(var)), what)?;
    }
    section(out, "EXIT STATUS")?;
    for (code, what) in EXIT_STATUS {
        item(out, &format!("\\fB{code}\\fR"), what)?;
    }
    Ok(())
}

fn section(out: &mut impl Write, title: &str) -> io::Result<()> {
    writeln!(out, ".SH \"{title}\"")
}

fn item(out: &mut impl Write, tag: &str, text: &str) -> io::Result<()> {
    writeln!(out, ".TP\n{tag}\n{}", roff(text))
}

const FILES: &[(&str, &str)] = &[
    (
        "./config.toml",
        "The configuration read first (after --config PATH): corpus paths and \
         extensions, presets, aliases, keys, colours, state and cache.",
    ),
    (
        "$XDG_CONFIG_HOME/revue/config.toml",
        "The configuration when there is none in the working folder \
         (~/.config/revue/config.toml when XDG_CONFIG_HOME is unset). \
         `revue config path` names the file in use.",
    ),
    (
        "./seeds/",
        "The corpus read when no PATHS are given and the configuration names none.",
    ),
    (
        "$XDG_STATE_HOME/revue/state.json",
        "Review marks (read, starred, flagged), unless [state] path or --state says \
         otherwise (~/.local/state/revue/state.json when XDG_STATE_HOME is unset).",
    ),
    (
        "$XDG_CACHE_HOME/revue/",
        "The cache of built models, one file per set of corpus paths \
         (~/.cache/revue when XDG_CACHE_HOME is unset); --no-cache skips it.",
    ),
];

const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "XDG_CONFIG_HOME",
        "Where the configuration folder is (an absolute path).",
    ),
    ("XDG_STATE_HOME", "Where the review marks are kept."),
    ("XDG_CACHE_HOME", "Where built models are cached."),
    (
        "HOME",
        "The base of the default folders when the XDG variables are unset.",
    ),
    (
        "NO_COLOR",
        "Set and not empty: no colour with --color auto (the default).",
    ),
    (
        "TERM",
        "dumb: no colour with --color auto; the dashboard needs a terminal.",
    ),
];

const EXIT_STATUS: &[(&str, &str)] = &[
    (
        "0",
        "articles, entities, events, export: something matched. Other commands: success.",
    ),
    (
        "1",
        "Nothing matched (an empty corpus included); `revue check`: some files have problems.",
    ),
    (
        "2",
        "An error: a bad query, flag or configuration, a corpus path that does not exist, \
         no corpus at all for a printing command without --demo, or a failure to write.",
    ),
];
