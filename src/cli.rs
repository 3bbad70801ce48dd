//! The command line (clap) and headless output. `revue [PATHS…]` opens the
//! dashboard; `revue export` prints the model of the current view.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use serde::Serialize;

use crate::model::{Corpus, Event};
use crate::search::View;

#[derive(Debug, Parser)]
#[command(
    name = "revue",
    version,
    about = "A terminal news-briefing dashboard: articles, entities and events, filtered as you type."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Args, Clone, Default)]
pub struct Common {
    /// Article files or folders (default: the corpus of config.toml, else seeds/).
    #[arg(global = true)]
    pub paths: Vec<PathBuf>,
    /// Configuration file (default: ./config.toml, then $XDG_CONFIG_HOME/revue/config.toml).
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Start with this query (the dashboard's search line syntax).
    #[arg(long, short, global = true, value_name = "QUERY")]
    pub query: Option<String>,
    /// When to use colour.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the model of the current view (articles, entities, events).
    Export {
        #[arg(long, short, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
}

#[derive(Serialize)]
struct ExportArticle<'a> {
    id: &'a str,
    file: &'a str,
    part: usize,
    title: &'a str,
    date: Option<String>,
    date_precision: Option<&'static str>,
    date_source: &'static str,
    lang: &'static str,
    entities: Vec<&'a str>,
}

#[derive(Serialize)]
struct ExportEntity<'a> {
    canonical: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    aliases: &'a [String],
    mentions: usize,
    articles: Vec<&'a str>,
}

#[derive(Serialize)]
struct Evidence<'a> {
    article: &'a str,
    sentence: &'a str,
}

#[derive(Serialize)]
struct ExportEvent<'a> {
    date: String,
    precision: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    description: &'a str,
    participants: Vec<&'a str>,
    place: Option<&'a str>,
    articles: Vec<&'a str>,
    evidence: Vec<Evidence<'a>>,
}

#[derive(Serialize)]
struct Export<'a> {
    articles: Vec<ExportArticle<'a>>,
    entities: Vec<ExportEntity<'a>>,
    events: Vec<ExportEvent<'a>>,
}

/// The export schema of the view, as a JSON value.
pub fn export_json(corpus: &Corpus, view: &View) -> serde_json::Value {
    let key = |id: crate::model::ArticleId| corpus.article(id).key.as_str();
    let articles = view
        .articles
        .iter()
        .map(|&id| {
            let a = corpus.article(id);
            ExportArticle {
                id: &a.key,
                file: &a.file,
                part: a.part,
                title: &a.headline,
                date: a.date.map(|d| d.to_string()),
                date_precision: a.date.map(|d| d.precision().as_str()),
                date_source: a.date_source.as_str(),
                lang: a.lang.code(),
                entities: a
                    .entities
                    .iter()
                    .map(|e| corpus.entity(*e).canonical.as_str())
                    .collect(),
            }
        })
        .collect();
    let in_view: std::collections::HashSet<_> = view.articles.iter().copied().collect();
    let entities = view
        .entities
        .iter()
        .map(|r| {
            let e = corpus.entity(r.id);
            ExportEntity {
                canonical: &e.canonical,
                kind: e.kind.code(),
                aliases: &e.aliases,
                mentions: r.mentions,
                articles: e
                    .articles
                    .iter()
                    .filter(|a| in_view.contains(a))
                    .map(|&a| key(a))
                    .collect(),
            }
        })
        .collect();
    let events = view
        .events
        .iter()
        .map(|&id| export_event(corpus, corpus.event(id)))
        .collect();
    serde_json::to_value(Export {
        articles,
        entities,
        events,
    })
    .expect("export types serialise")
}

fn export_event<'a>(corpus: &'a Corpus, e: &'a Event) -> ExportEvent<'a> {
    ExportEvent {
        date: e.date.to_string(),
        precision: e.date.precision().as_str(),
        kind: e.kind.code(),
        description: &e.description,
        participants: e
            .participants
            .iter()
            .map(|p| corpus.entity(*p).canonical.as_str())
            .collect(),
        place: e.place.map(|p| corpus.entity(p).canonical.as_str()),
        articles: e
            .articles()
            .into_iter()
            .map(|a| corpus.article(a).key.as_str())
            .collect(),
        evidence: e
            .reports
            .iter()
            .map(|r| {
                let a = corpus.article(r.article);
                Evidence {
                    article: &a.key,
                    sentence: a.sentence(r.sentence),
                }
            })
            .collect(),
    }
}

/// Prints the view in a format; returns whether anything matched.
pub fn print(
    corpus: &Corpus,
    view: &View,
    format: Format,
    out: &mut impl Write,
) -> std::io::Result<bool> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &export_json(corpus, view))?;
            writeln!(out)?;
        }
    }
    Ok(!view.articles.is_empty())
}
