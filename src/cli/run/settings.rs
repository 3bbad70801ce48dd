//! The commands about revue's own set-up: `config`, `fetch` and `feeds`.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::bail;

use super::say;
use crate::cli::{ConfigCommand, FeedsCommand, Global, output::printable};
use crate::config;

pub(super) fn config_command(action: ConfigCommand, global: &Global) -> anyhow::Result<ExitCode> {
    let explicit = global.config.as_deref();
    match action {
        ConfigCommand::Path => {
            match config::locate(explicit) {
                Some(p) if !p.is_file() => {
                    bail!("{}: no such file", p.display())
                }
                Some(p) => say(&printable(&p.display().to_string()))?,
                None => say("built-in defaults")?,
            }
            Ok(ExitCode::SUCCESS)
        }
        ConfigCommand::Check => {
            let loaded = config::load(explicit)?;
            let Some(path) = &loaded.path else {
                say("no configuration file: built-in defaults")?;
                return Ok(ExitCode::SUCCESS);
            };
            for p in loaded.corpus_paths() {
                if !p.exists() {
                    eprintln!(
                        "revue: warning: {}: corpus path {} does not exist",
                        printable(&path.display().to_string()),
                        printable(&p.display().to_string())
                    );
                }
            }
            let c = &loaded.config;
            say(&format!(
                "{}: ok ({} presets, {} key bindings, {} aliases, {} feeds)",
                printable(&path.display().to_string()),
                c.presets.len(),
                c.keys.bindings().count(),
                c.aliases.len(),
                c.feeds.len()
            ))?;
            if !c.feeds.is_empty()
                && let Some(archive) = loaded.archive_dir()
            {
                let fetched = if archive.is_dir() {
                    "read with the corpus"
                } else {
                    "not fetched yet: run `revue fetch`"
                };
                say(&format!(
                    "feed archive: {} ({fetched})",
                    printable(&archive.display().to_string())
                ))?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `revue fetch`: every feed into the archive, one line per feed.
pub(super) fn fetch(global: &Global) -> anyhow::Result<ExitCode> {
    let loaded = config::load(global.config.as_deref())?;
    let feeds = &loaded.config.feeds;
    if feeds.is_empty() {
        bail!(
            "{}: no [[feed]] to fetch; add one (name, url) or `revue feeds import FILE.opml`",
            printable(&loaded.source())
        );
    }
    let Some(archive) = loaded.archive_dir() else {
        bail!("no archive folder: set [fetch] archive, or HOME or XDG_DATA_HOME");
    };
    let names: Vec<String> = feeds.iter().map(|f| f.name().to_string()).collect();
    let (tx, rx) = std::sync::mpsc::channel();
    let show = io::stderr().is_terminal();
    let drawer = std::thread::spawn(move || {
        if show {
            crate::fetch::report::show_progress(rx, &names, &mut io::stderr());
        } else {
            rx.iter().for_each(drop);
        }
    });
    let c = &loaded.config.fetch;
    let outcomes =
        crate::fetch::fetch_all(feeds, &archive, crate::fetch::settings(c), c.hosts, &tx);
    drop(tx);
    let _ = drawer.join();
    let mut out = BufWriter::new(io::stdout().lock());
    for (f, o) in feeds.iter().zip(&outcomes) {
        writeln!(out, "{}", crate::fetch::report::line(f.name(), o))?;
    }
    out.flush()?;
    let failed = outcomes
        .iter()
        .any(|o| matches!(o, crate::fetch::Outcome::Failed(_)));
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `revue feeds import FILE` and `revue feeds export`.
pub(super) fn feeds_command(action: FeedsCommand, global: &Global) -> anyhow::Result<ExitCode> {
    match action {
        FeedsCommand::Export => {
            let loaded = config::load(global.config.as_deref())?;
            let mut out = io::stdout().lock();
            out.write_all(crate::feeds::opml::write(&loaded.config.feeds).as_bytes())?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        FeedsCommand::Import { file } => {
            // The config in use, else the user's own (created).
            let target = config::locate(global.config.as_deref())
                .or_else(config::user_path)
                .ok_or_else(|| anyhow::anyhow!("no config file: give one with --config"))?;
            let (done, skipped) = crate::feeds::import(&file, &target)?;
            for s in &skipped {
                eprintln!(
                    "revue: warning: {}: {} skipped",
                    printable(&file.display().to_string()),
                    printable(s)
                );
            }
            say(&format!(
                "{}: {} feed(s) added{}",
                printable(&target.display().to_string()),
                done.added.len(),
                if done.already > 0 {
                    format!(", {} already there", done.already)
                } else {
                    String::new()
                }
            ))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
