//! The JSON export: the schema of `../shared/gold/README.md` (articles,
//! entities, events), for the whole view (`revue export`) or one of its
//! lists (`revue articles|entities|events --format json`). serde_json
//! escapes control characters, so no escape sequence reaches the output.

use crate::review::Marks;
use serde::Serialize;

use crate::model::{Corpus, Event};
use crate::search::View;

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
    /// Review marks (all false when none are stored or `--no-state`).
    marks: ExportMarks,
}

#[derive(Serialize)]
struct ExportMarks {
    read: bool,
    starred: bool,
    flagged: bool,
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

/// The export schema of the view, as a JSON value, without review marks.
pub fn export_json(corpus: &Corpus, view: &View) -> serde_json::Value {
    export_marked(corpus, view, &[])
}

/// The export schema of the view with each article's review marks
/// (`marks` by article id; missing entries are unmarked).
pub fn export_marked(corpus: &Corpus, view: &View, marks: &[Marks]) -> serde_json::Value {
    let key = |id: crate::model::ArticleId| corpus.article(id).key.as_str();
    let articles = view
        .articles
        .iter()
        .map(|&id| {
            let a = corpus.article(id);
            let m = marks.get(id.0 as usize).copied().unwrap_or_default();
            ExportArticle {
                marks: ExportMarks {
                    read: m.read,
                    starred: m.starred,
                    flagged: m.flagged,
                },
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

/// The view's export with each list cut to `limit` items, keeping only the
/// lists named in `keep` (`articles`, `entities`, `events`).
pub fn export_lists(
    corpus: &Corpus,
    view: &View,
    marks: &[Marks],
    keep: &[&str],
    limit: Option<usize>,
) -> serde_json::Value {
    let serde_json::Value::Object(all) = export_marked(corpus, view, marks) else {
        unreachable!("the export is an object");
    };
    let out = all
        .into_iter()
        .filter(|(k, _)| keep.contains(&k.as_str()))
        .map(|(k, mut v)| {
            if let (Some(n), Some(items)) = (limit, v.as_array_mut()) {
                items.truncate(n);
            }
            (k, v)
        })
        .collect();
    serde_json::Value::Object(out)
}
