//! `revue`: parse the arguments and run their command (`revue::cli::run`).
//! Exit status: 0 when a view matched something, 1 when it matched
//! nothing, 2 on any error (grep's rule).

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

use revue::cli::Cli;
use revue::cli::output::printable;
use revue::cli::run::{is_broken_pipe, run};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    match run(cli) {
        Ok(code) => code,
        // The reader went away (`revue export | head`): nothing to say.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("revue: {}", printable(&format!("{e:#}")));
            ExitCode::from(2)
        }
    }
}

/// Prints clap's message and gives its status. Help and version are
/// revue's own text, printed as clap styles them; an error quotes the
/// arguments, which may hold escape sequences (`--color $'\e]52;…'`), so
/// it prints plain with control characters as spaces.
fn clap_exit(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    let code = ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        // A closed stdout (`revue --help | true`) is nothing to report.
        let _ = e.print();
        return code;
    }
    let _ = write!(io::stderr(), "{}", printable(&e.render().to_string()));
    code
}
