//! The printing commands: `articles`, `entities`, `events`, `export`,
//! `stories` and `presets`.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::bail;

use super::setup::{
    check_corpus, load_config, load_marks, load_model, selection, since, state_path,
    tell_if_no_article_files, with_fresh, with_saving,
};
use crate::cli::{self, Global, Listing, Report, Select, Style, ViewArgs, output::printable};
use crate::config::{Loaded, Preset};
use crate::search;

pub(super) fn view(
    listing: Listing,
    args: ViewArgs,
    outer: &Select,
    global: &Global,
) -> anyhow::Result<ExitCode> {
    if let Some(why) = cli::output::unsupported(listing, args.format) {
        bail!("{why}");
    }
    print_report(&args, outer, global, |report, out| {
        cli::output::print(report, listing, args.format, &mut { out })?;
        Ok(listing.matched(report.view))
    })
}

/// `revue stories`: the view's articles, one row per story.
pub(super) fn stories(args: ViewArgs, outer: &Select, global: &Global) -> anyhow::Result<ExitCode> {
    print_report(&args, outer, global, |report, out| {
        cli::stories::print(report, args.format, &mut { out })?;
        Ok(!report.view.articles.is_empty())
    })
}

/// The view the arguments ask for (config, preset and query, the corpus
/// loaded and saved to its cache, marks read, sorted as asked) handed to
/// `print` as a report; exit 1 when `print` says nothing matched.
fn print_report(
    args: &ViewArgs,
    outer: &Select,
    global: &Global,
    print: impl FnOnce(&Report, &mut dyn Write) -> anyhow::Result<bool>,
) -> anyhow::Result<ExitCode> {
    let select = args.select.clone().or(outer);
    let loaded = load_config(global)?;
    let (preset, query) = selection(&loaded, &select)?;
    check_corpus(&select, &loaded, global, true)?;
    let query = with_fresh(query, &args.fresh);
    let since = since(&args.fresh)?;
    let model = load_model(&select, &loaded, global);
    if model.corpus.articles.is_empty() {
        tell_if_no_article_files(&select, &loaded);
    }
    with_saving(&model, || {
        let (corpus, index) = (&model.corpus, &model.index);
        let (_, marks, warning, _) =
            load_marks(state_path(global, &loaded).as_deref(), corpus, since);
        if let Some(w) = warning {
            eprintln!("revue: warning: {}", printable(&w));
        }
        let mut view = search::filter_marked(corpus, index, &query, &marks);
        let sort = args
            .sort
            .or(preset.and_then(|p| p.sort))
            .unwrap_or_default();
        search::sort::sort(corpus, &mut view, sort);
        let stdout = io::stdout();
        let report = Report {
            corpus,
            view: &view,
            marks: &marks,
            limit: args.limit,
            preset: preset.map(|p| (p.name(), p.description.as_deref())),
            query: &query,
            style: Style {
                color: global.color.enabled(stdout.is_terminal()),
            },
        };
        let mut out = BufWriter::new(stdout.lock());
        let matched = print(&report, &mut out)?;
        out.flush()?;
        Ok(if matched {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        })
    })
}

pub(super) fn presets(loaded: &Loaded, format: cli::ListFormat) -> anyhow::Result<ExitCode> {
    let presets = &loaded.config.presets;
    if presets.is_empty() {
        eprintln!("revue: no presets in {}", printable(&loaded.source()));
    }
    let mut out = BufWriter::new(io::stdout().lock());
    match format {
        cli::ListFormat::Text => presets_text(presets, &mut out)?,
        cli::ListFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &cli::json::presets(presets))?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// One line per preset: its name, description and `[query]`, aligned.
fn presets_text(presets: &[Preset], out: &mut impl Write) -> io::Result<()> {
    let width = presets
        .iter()
        .map(|p| p.name().chars().count())
        .max()
        .unwrap_or(0);
    let clean = cli::output::clean;
    for p in presets {
        let description = match p.description.as_deref() {
            Some(d) => format!("{}  ", clean(d)),
            None => String::new(),
        };
        writeln!(
            out,
            "{:width$}  {description}[{}]",
            clean(p.name()),
            clean(&p.query_string())
        )?;
    }
    Ok(())
}
