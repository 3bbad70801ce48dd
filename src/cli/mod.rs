//! The command line (clap) and headless output. `revue [PATHS…]` opens the
//! dashboard; `revue articles|entities|events|export` print the same view
//! as JSON, TSV or Markdown; `revue fetch` downloads the feeds and `revue
//! feeds import|export` moves them in and out as OPML; `revue presets`,
//! `revue config path|check`, `revue completions SHELL` and `revue man`
//! help people set it up. Every flag is documented once, here, and the
//! help, the man page and the shell completions are all generated from
//! these definitions.

pub mod json;
pub mod man_page;
pub mod markdown;
pub mod output;
pub mod run;
pub mod stories;
pub mod tsv;

use std::path::PathBuf;

use clap::builder::TypedValueParser;
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use crate::search::Sort;

pub use json::{export_json, export_marked};
pub use output::{Listing, Report, Style};

/// What `--help` says after the options: the query syntax, the exit
/// status and where the configuration is read from.
fn after_help() -> String {
    format!(
        "Query syntax (--query, presets, the dashboard's search line):\n{}\n\n{EXIT_STATUS}\n\n\
         Configuration: --config PATH, else ./config.toml, else $XDG_CONFIG_HOME/revue/config.toml \
         (~/.config/revue/config.toml), else built-in defaults. `revue config path` shows which.",
        crate::search::query::syntax_help()
    )
}

const EXIT_STATUS: &str = "\
Exit status of articles, entities, events and export: 0 when something matched, 1 when
nothing did (an empty corpus included), 2 on error: a bad query, flag or config, a corpus
path that does not exist, or no corpus at all without --demo (messages on stderr, data on
stdout).";

#[derive(Debug, Parser)]
#[command(
    name = "revue",
    version,
    about = "A terminal news-briefing dashboard: articles, entities and events, filtered as you type.",
    long_about = "A terminal news-briefing dashboard. revue reads a folder of news articles, finds who, \
where, which organisation and what happened when, and shows articles, entities and a timeline \
that a search line filters as you type. The same views print as JSON, TSV or Markdown for scripts.",
    after_long_help = after_help(),
    // `revue seeds/ articles`: a command name after the paths is the command.
    subcommand_precedence_over_arg = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// What to open the dashboard on.
    #[command(flatten)]
    pub select: Select,
    #[command(flatten)]
    pub global: Global,
    /// The dashboard: do not follow changes to the corpus folders (`[corpus]
    /// watch = false`); the refetch key still reads the corpus again.
    #[arg(long)]
    pub no_watch: bool,
}

/// Options every command takes.
#[derive(Debug, Args, Clone, Default)]
pub struct Global {
    /// Configuration file (default: ./config.toml, then $XDG_CONFIG_HOME/revue/config.toml).
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// When to use colour: auto is on a terminal without NO_COLOR.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Review marks file (default: `[state]` path of config.toml, else
    /// $XDG_STATE_HOME/revue/state.json, else ~/.local/state/revue/state.json).
    #[arg(long, global = true, value_name = "PATH", conflicts_with = "no_state")]
    pub state: Option<PathBuf>,
    /// Neither read nor write review marks.
    #[arg(long, global = true)]
    pub no_state: bool,
    /// Neither read nor write the cache of the built model ($XDG_CACHE_HOME/revue,
    /// else ~/.cache/revue): extract the corpus again.
    #[arg(long, global = true)]
    pub no_cache: bool,
    /// Read the demo articles built into revue when no corpus is given (no
    /// PATHS, no `[corpus] paths`, no ./seeds): the dashboard opens them
    /// anyway with a notice; the printing commands refuse without this flag.
    #[arg(long, global = true)]
    pub demo: bool,
}

/// The corpus and the query: which articles a view starts from.
#[derive(Debug, Args, Clone, Default)]
pub struct Select {
    /// Article files or folders (default: the corpus of config.toml, else seeds/).
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
    /// Start from a preset of config.toml (`revue presets` lists them).
    #[arg(long, short, value_name = "NAME")]
    pub preset: Option<String>,
    /// Filter with a query (the search line's syntax); with --preset, both apply.
    #[arg(long, short, value_name = "QUERY", allow_hyphen_values = true)]
    pub query: Option<String>,
}

impl Select {
    /// This selection, with what it leaves out taken from `outer` (options
    /// given before the subcommand: `revue --preset x articles`).
    pub fn or(self, outer: &Select) -> Select {
        Select {
            paths: if self.paths.is_empty() {
                outer.paths.clone()
            } else {
                self.paths
            },
            preset: self.preset.or_else(|| outer.preset.clone()),
            query: self.query.or_else(|| outer.query.clone()),
        }
    }
}

/// Options of the headless views.
#[derive(Debug, Args, Clone)]
pub struct ViewArgs {
    #[command(flatten)]
    pub select: Select,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// At most N items per list (in the Markdown briefing, N entities per type).
    #[arg(long, short = 'n', value_name = "N")]
    pub limit: Option<usize>,
    /// Order of the lists (default: the preset's sort, else relevance).
    #[arg(long, short, value_name = "ORDER", value_parser = sort_parser())]
    pub sort: Option<Sort>,
    #[command(flatten)]
    pub fresh: Fresh,
}

/// What counts as new (`is:new`).
#[derive(Debug, Args, Clone, Default)]
pub struct Fresh {
    /// Only articles first seen since the previous run of revue (or
    /// --since): adds `is:new` to the query. With nothing new, exit 1.
    #[arg(long)]
    pub new: bool,
    /// What `is:new` counts from: a date (2026-11-30, midnight UTC), a
    /// moment (RFC 3339) or an age (2d, 12h, 30m, 1w); default: the
    /// previous run.
    #[arg(long, value_name = "WHEN")]
    pub since: Option<String>,
}

fn sort_parser() -> impl TypedValueParser<Value = Sort> {
    clap::builder::PossibleValuesParser::new(Sort::names())
        .map(|s| Sort::from_name(&s).expect("PossibleValuesParser only passes listed names"))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the matching articles: id, date, language, headline, entities.
    Articles(ViewArgs),
    /// Print the entities of the matching articles, with mention counts.
    Entities(ViewArgs),
    /// Print the timeline: dated events of the matching articles.
    Events(ViewArgs),
    /// Print the whole view: articles, entities and events (JSON), or the briefing (md).
    Export(ViewArgs),
    /// Print one row per story (an article and its copies and rewrites):
    /// the representative, how many sources, the outlets.
    Stories(ViewArgs),
    /// Set or clear a review mark on every matching article, as the
    /// dashboard does (exit 1 when nothing matches).
    Mark(MarkArgs),
    /// Record a correction of the extraction, applied at every build.
    Correct {
        #[command(subcommand)]
        action: CorrectCommand,
    },
    /// List the corrections, oldest first, with whether each applies.
    Corrections(CorrectionArgs),
    /// List the presets of config.toml with their descriptions and queries.
    Presets {
        /// Output format: text (aligned columns) or json.
        #[arg(long, short, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Check article files: one line per file, ok or its problem (exit 0
    /// when every file is fine, 1 when some have problems, 2 on error).
    Check {
        /// Article files or folders (default: the corpus of config.toml, else seeds/).
        #[arg(value_name = "PATHS")]
        paths: Vec<PathBuf>,
    },
    /// Download the `[[feed]]`s of config.toml into the archive
    /// ($XDG_DATA_HOME/revue/archive, or `[fetch] archive`): one line per
    /// feed (new, unchanged, failed and why). Exit 0 when every feed was
    /// fetched, 1 when some failed, 2 on error.
    Fetch,
    /// Import or export the `[[feed]]` subscriptions as OPML.
    Feeds {
        #[command(subcommand)]
        action: FeedsCommand,
    },
    /// Show or check the configuration file.
    Config {
        #[command(subcommand)]
        action: ConfigCommand,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): `revue man > revue.1`.
    Man,
}

/// Options of `revue mark`.
#[derive(Debug, Args, Clone)]
pub struct MarkArgs {
    /// The mark to set (read, star, flag) or clear (unread, unstar, unflag).
    #[arg(value_enum)]
    pub mark: MarkAction,
    #[command(flatten)]
    pub select: Select,
    /// Mark every article of the matching articles' stories too (their
    /// copies and rewrites).
    #[arg(long)]
    pub stories: bool,
    #[command(flatten)]
    pub fresh: Fresh,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MarkAction {
    Read,
    Unread,
    Star,
    Unstar,
    Flag,
    Unflag,
}

impl MarkAction {
    /// The mark, and whether it is set.
    pub fn mark(self) -> (crate::review::Mark, bool) {
        use crate::review::Mark;
        match self {
            MarkAction::Read => (Mark::Read, true),
            MarkAction::Unread => (Mark::Read, false),
            MarkAction::Star => (Mark::Starred, true),
            MarkAction::Unstar => (Mark::Starred, false),
            MarkAction::Flag => (Mark::Flagged, true),
            MarkAction::Unflag => (Mark::Flagged, false),
        }
    }
}

/// The corpus the corrections are checked against.
#[derive(Debug, Args, Clone)]
pub struct CorrectionArgs {
    /// Article files or folders (default: the corpus of config.toml, else seeds/).
    #[arg(value_name = "PATHS", global = true)]
    pub paths: Vec<PathBuf>,
}

/// `revue correct …`: entities by any of their names, events by id.
#[derive(Debug, Subcommand)]
pub enum CorrectCommand {
    /// Merge entity NAME into entity INTO (its names become INTO's).
    Merge {
        name: String,
        into: String,
        #[command(flatten)]
        on: CorrectionArgs,
    },
    /// Split the mentions written ALIAS off entity NAME into an entity of their own.
    Split {
        name: String,
        alias: String,
        #[command(flatten)]
        on: CorrectionArgs,
    },
    /// Change the type of entity NAME (person, place, org, misc).
    Retype {
        name: String,
        kind: String,
        #[command(flatten)]
        on: CorrectionArgs,
    },
    /// Hide entity NAME (junk): its mentions are dropped.
    Hide {
        name: String,
        #[command(flatten)]
        on: CorrectionArgs,
    },
    /// Hide event ID (the number of the query term `event:ID`).
    HideEvent {
        id: u32,
        #[command(flatten)]
        on: CorrectionArgs,
    },
    /// Change the type or subtype of event ID (meeting, verdict, …).
    RetypeEvent {
        id: u32,
        kind: String,
        #[command(flatten)]
        on: CorrectionArgs,
    },
    /// Remove the last correction.
    Undo,
}

#[derive(Debug, Subcommand)]
pub enum FeedsCommand {
    /// Add the feeds of an OPML file to config.toml as `[[feed]]` entries
    /// (the rest of the file kept as it is; feeds already there skipped).
    Import {
        /// The OPML file (as feed readers export their subscriptions).
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Print the `[[feed]]` subscriptions as OPML on stdout.
    Export,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the configuration file in use, or "built-in defaults".
    Path,
    /// Validate the configuration file: exit 0 when it is valid, 2 when not.
    Check,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour output going to a terminal (or not). `auto` is
    /// off for a pipe, for `NO_COLOR` (set and not empty) and for
    /// `TERM=dumb`; `always` and `never` win over the environment.
    pub fn enabled(self, is_terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                is_terminal
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
            }
        }
    }
}

/// How `revue presets` lists them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// One line per preset: name, description, `[query]`.
    #[default]
    Text,
    /// An array of objects: name, description, query, sort, pane.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The export schema of the gold annotations.
    Json,
    /// Tab-separated values with a header line.
    Tsv,
    /// A Markdown briefing.
    #[value(alias = "markdown")]
    Md,
}

/// The clap command, for completions and the man page.
pub fn command() -> clap::Command {
    Cli::command()
}

/// Writes a completion script for a shell.
pub fn completions(
    shell: clap_complete::Shell,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    // clap_complete panics on a write error; a closed pipe is not a bug.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command(), "revue", &mut script);
    out.write_all(&script)
}

/// Writes the man page (roff): clap_mangen's page for `revue`, a section
/// per subcommand with its usage and options, so that one page documents
/// every flag, then the query syntax, the keys, the files, the environment
/// and the exit status. `doc/revue.1` is this output (a test keeps it so).
pub fn man(out: &mut impl std::io::Write) -> std::io::Result<()> {
    let mut cmd = command().after_long_help(None::<&'static str>);
    cmd.build();
    clap_mangen::Man::new(cmd.clone()).render(out)?;
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        man_subcommand(sub, out)?;
    }
    man_page::sections(out)
}

fn man_subcommand(sub: &clap::Command, out: &mut impl std::io::Write) -> std::io::Result<()> {
    let usage = sub.clone().render_usage().to_string();
    let usage = usage.trim_start_matches("Usage:").trim();
    let title = format!("revue {}", sub.get_name()).to_uppercase();
    writeln!(out, ".SH \"{}\"", roff(&title))?;
    writeln!(out, ".PP\n\\fB{}\\fR", roff(usage))?;
    if let Some(about) = sub.get_long_about().or(sub.get_about()) {
        writeln!(out, ".PP\n{}", roff(&about.to_string()))?;
    }
    for arg in sub
        .get_arguments()
        .filter(|a| !a.is_hide_set() && !a.is_global_set())
    {
        let mut names: Vec<String> = Vec::new();
        if let Some(s) = arg.get_short() {
            names.push(format!("\\fB\\-{}\\fR", roff(&s.to_string())));
        }
        if let Some(l) = arg.get_long() {
            names.push(format!("\\fB\\-\\-{}\\fR", roff(l)));
        }
        let value = arg
            .get_value_names()
            .and_then(|v| v.first())
            .map(|v| v.to_string())
            .unwrap_or_else(|| arg.get_id().to_string().to_uppercase());
        if names.is_empty() {
            names.push(format!("[\\fI{}\\fR]", roff(&value)));
        } else if arg.get_action().takes_values() {
            names.push(format!("<\\fI{}\\fR>", roff(&value)));
        }
        writeln!(out, ".TP\n{}", names.join(" "))?;
        let help = arg
            .get_long_help()
            .or(arg.get_help())
            .map(|h| h.to_string());
        writeln!(out, "{}", roff(help.as_deref().unwrap_or("")))?;
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        if !values.is_empty() {
            writeln!(out, ".br\n[possible values: {}]", roff(&values.join(", ")))?;
        }
    }
    for subsub in sub.get_subcommands().filter(|s| s.get_name() != "help") {
        writeln!(out, ".TP\n\\fB{}\\fR", roff(subsub.get_name()))?;
        let about = subsub
            .get_about()
            .map(|a| a.to_string())
            .unwrap_or_default();
        writeln!(out, "{}", roff(&about))?;
    }
    Ok(())
}

/// Text for a roff line: backslashes and hyphens escaped, and a leading
/// `.` or `'` kept from reading as a request.
pub(crate) fn roff(s: &str) -> String {
    let s = s.replace('\\', "\\e").replace('-', "\\-");
    if s.starts_with(['.', '\'']) {
        format!("\\&{s}")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clap_definitions_are_consistent() {
        command().debug_assert();
    }

    #[test]
    fn options_before_the_subcommand_count() {
        let cli =
            Cli::try_parse_from(["revue", "--preset", "p", "articles", "-q", "erdo", "seeds"])
                .unwrap();
        let Some(Command::Articles(args)) = cli.command else {
            panic!("articles");
        };
        let s = args.select.or(&cli.select);
        assert_eq!(s.preset.as_deref(), Some("p"));
        assert_eq!(s.query.as_deref(), Some("erdo"));
        assert_eq!(s.paths, [PathBuf::from("seeds")]);
        let cli = Cli::try_parse_from(["revue", "a", "b", "events"]).unwrap();
        let Some(Command::Events(args)) = cli.command else {
            panic!("events");
        };
        let s = args.select.or(&cli.select);
        assert_eq!(s.paths, [PathBuf::from("a"), PathBuf::from("b")]);
    }

    #[test]
    fn sort_names_parse() {
        let cli = Cli::try_parse_from(["revue", "events", "--sort", "date-asc"]).unwrap();
        let Some(Command::Events(args)) = cli.command else {
            panic!("events");
        };
        assert_eq!(args.sort, Some(Sort::DateAsc));
        assert!(Cli::try_parse_from(["revue", "events", "--sort", "newest"]).is_err());
    }
}
