//! `revue`: parse arguments, load the configuration and the corpus, then
//! open the dashboard or print a view.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;

use revue::cli::{self, Cli, ColorChoice, Command};
use revue::{app, config, search, tui, ui};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("revue: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let loaded = config::load(cli.common.config.as_deref())?;
    let corpus = revue::load_corpus(&cli.common.paths, &loaded);
    for w in &corpus.warnings {
        eprintln!("revue: warning: {w}");
    }
    let index = search::SearchIndex::new(&corpus);
    let query = cli.common.query.clone().unwrap_or_default();
    match cli.command {
        Some(Command::Export { format }) => {
            let view = search::filter_str(&corpus, &index, &query);
            for e in &view.errors {
                eprintln!("revue: {}", e.0);
            }
            let matched = cli::print(&corpus, &view, format, &mut std::io::stdout().lock())?;
            Ok(if matched {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        None => {
            if !std::io::stdout().is_terminal() {
                anyhow::bail!(
                    "the dashboard needs a terminal; use `revue export` to print the view"
                );
            }
            let color = match cli.common.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            };
            let mut state = app::AppState::new(&corpus, &index);
            if !query.is_empty() {
                app::update(&mut state, app::Action::SetQuery(query), &corpus, &index);
            }
            tui::run(&corpus, &index, state, &ui::Theme::new(color))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
