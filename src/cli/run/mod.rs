//! The commands behind `revue`'s arguments, each in the module of its
//! kind; `main.rs` parses the arguments and calls [`run`].

mod check;
mod dashboard;
mod marks;
mod settings;
mod setup;
mod views;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use crate::cli::{self, Cli, Command, Listing};
use crate::config;

/// Runs the command `cli` names (the dashboard when it names none) and
/// gives the exit status: 0 when a view matched something, 1 when it
/// matched nothing, errors to the caller (status 2, grep's rule).
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let Cli {
        command,
        select,
        global,
        no_watch,
    } = cli;
    match command {
        None => dashboard::dashboard(select, &global, no_watch),
        Some(Command::Articles(args)) => views::view(Listing::Articles, args, &select, &global),
        Some(Command::Entities(args)) => views::view(Listing::Entities, args, &select, &global),
        Some(Command::Events(args)) => views::view(Listing::Events, args, &select, &global),
        Some(Command::Export(args)) => views::view(Listing::Export, args, &select, &global),
        Some(Command::Presets { format }) => {
            views::presets(&config::load(global.config.as_deref())?, format)
        }
        Some(Command::Stories(args)) => views::stories(args, &select, &global),
        Some(Command::Mark(args)) => marks::mark(args, &select, &global),
        Some(Command::Correct { action }) => marks::correct(action, &select, &global),
        Some(Command::Corrections(on)) => marks::corrections(on, &select, &global),
        Some(Command::Check { paths }) => check::check(paths, &select, &global),
        Some(Command::Config { action }) => settings::config_command(action, &global),
        Some(Command::Fetch) => settings::fetch(&global),
        Some(Command::Feeds { action }) => settings::feeds_command(action, &global),
        Some(Command::Completions { shell }) => {
            let mut out = io::stdout().lock();
            cli::completions(shell, &mut out)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man) => {
            let mut out = BufWriter::new(io::stdout().lock());
            cli::man(&mut out)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// One line on stdout; an error (a closed pipe) instead of println!'s panic.
pub(super) fn say(line: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    writeln!(out, "{line}")?;
    out.flush()
}

/// Whether `e` is, or was caused by, writing to a closed pipe
/// (`revue export | head`), which is nothing to report.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
