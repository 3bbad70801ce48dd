//! The JSON export: the schema of `../shared/gold/README.md` (articles,
//! entities, events), for the whole view (`revue export`) or one of its
//! lists (`revue articles|entities|events --format json`). serde_json
//! escapes control characters, so no escape sequence reaches the output.

use crate::review::Marks;
use serde::Serialize;

use crate::model::{ArticleId, Corpus, Event};
use crate::search::View;

#[derive(Serialize)]
struct ExportArticle<'a> {
    /// The article's byline, from its page, feed, export or message.
    author: Option<&'a str>,
    date: Option<String>,
    date_precision: Option<&'static str>,
    date_source: &'static str,
    /// The date guessed from the text when no other is known: the one
    /// the dashboard shows with `~` and `--sort date` orders by.
    date_guess: Option<String>,
    date_guess_precision: Option<&'static str>,
    entities: Vec<&'a str>,
    file: &'a str,
    id: &'a str,
    lang: &'static str,
    /// Review marks (all false when none are stored or `--no-state`).
    marks: ExportMarks,
    part: usize,
    /// The publication moment with its zone (RFC 3339), when the format
    /// gave one.
    published: Option<String>,
    /// The outlet (site, feed, sender) and the format read.
    source: ExportSource<'a>,
    /// The story the article is in, and how it relates to the story's
    /// representative.
    story: ExportStoryRef,
    /// The item carried only a summary, not the article's text.
    summary_only: bool,
    title: &'a str,
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct ExportSource<'a> {
    format: &'static str,
    name: Option<&'a str>,
}

#[derive(Serialize)]
struct ExportStoryRef {
    id: u32,
    likeness: &'static str,
    similarity: f32,
    sources: usize,
}

/// A story of two or more articles, with every member.
#[derive(Serialize)]
struct ExportStory<'a> {
    id: u32,
    members: Vec<ExportMember<'a>>,
    representative: &'a str,
}

#[derive(Serialize)]
struct ExportMember<'a> {
    article: &'a str,
    likeness: &'static str,
    similarity: f32,
}

/// Three decimals: enough to compare with a threshold, and stable output.
fn rounded(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}

#[derive(Serialize)]
struct ExportMarks {
    flagged: bool,
    read: bool,
    starred: bool,
}

#[derive(Serialize)]
struct ExportEntity<'a> {
    aliases: &'a [String],
    articles: Vec<&'a str>,
    canonical: &'a str,
    mentions: usize,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Serialize)]
struct Evidence<'a> {
    article: &'a str,
    sentence: &'a str,
}

#[derive(Serialize)]
struct ExportEvent<'a> {
    articles: Vec<&'a str>,
    date: String,
    description: &'a str,
    evidence: Vec<Evidence<'a>>,
    participants: Vec<&'a str>,
    place: Option<&'a str>,
    precision: &'static str,
    subtype: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
}

/// The export, serialised straight to the output: a `serde_json::Value`
/// of a large corpus would copy every string once more. Keys are in
/// alphabetical order, as the export has always written them.
#[derive(Serialize)]
pub struct Export<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    articles: Option<Vec<ExportArticle<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    entities: Option<Vec<ExportEntity<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    events: Option<Vec<ExportEvent<'a>>>,
    /// The stories of two or more articles the view's articles are in.
    #[serde(skip_serializing_if = "Option::is_none")]
    stories: Option<Vec<ExportStory<'a>>>,
}

/// The export schema of the view, as a JSON value, without review marks.
pub fn export_json(corpus: &Corpus, view: &View) -> serde_json::Value {
    serde_json::to_value(export_marked(corpus, view, &[])).expect("export types serialise")
}

/// The export schema of the view with each article's review marks
/// (`marks` by article id; missing entries are unmarked).
pub fn export_marked<'a>(corpus: &'a Corpus, view: &View, marks: &[Marks]) -> Export<'a> {
    export_lists(
        corpus,
        view,
        marks,
        &["articles", "entities", "events", "stories"],
        None,
    )
}

/// The view's export with each list cut to `limit` items, keeping only the
/// lists named in `keep` (`articles`, `entities`, `events`).
pub fn export_lists<'a>(
    corpus: &'a Corpus,
    view: &View,
    marks: &[Marks],
    keep: &[&str],
    limit: Option<usize>,
) -> Export<'a> {
    let limit = limit.unwrap_or(usize::MAX);
    let key = |id: ArticleId| corpus.article(id).key.as_str();
    let articles = keep.contains(&"articles").then(|| {
        view.articles
            .iter()
            .take(limit)
            .map(|&id| export_article(corpus, id, marks))
            .collect()
    });
    let entities = keep.contains(&"entities").then(|| {
        let in_view: std::collections::HashSet<_> = view.articles.iter().copied().collect();
        view.entities
            .iter()
            .take(limit)
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
            .collect()
    });
    let events = keep.contains(&"events").then(|| {
        view.events
            .iter()
            .take(limit)
            .map(|&id| export_event(corpus, corpus.event(id)))
            .collect()
    });
    let stories = keep.contains(&"stories").then(|| {
        super::stories::of_view(corpus, &view.articles)
            .into_iter()
            .map(|s| corpus.story(s))
            .filter(|s| s.len() > 1)
            .take(limit)
            .map(|s| ExportStory {
                id: s.id.0,
                representative: key(s.representative()),
                members: s
                    .members
                    .iter()
                    .map(|m| ExportMember {
                        article: key(m.article),
                        likeness: m.likeness.as_str(),
                        similarity: rounded(m.similarity),
                    })
                    .collect(),
            })
            .collect()
    });
    Export {
        articles,
        entities,
        events,
        stories,
    }
}

fn export_article<'a>(corpus: &'a Corpus, id: ArticleId, marks: &[Marks]) -> ExportArticle<'a> {
    let a = corpus.article(id);
    let m = marks.get(id.0 as usize).copied().unwrap_or_default();
    let guess = date_guess(a);
    let story = corpus.story(a.story);
    let member = story.member(id);
    ExportArticle {
        story: ExportStoryRef {
            id: a.story.0,
            likeness: member.map_or("original", |m| m.likeness.as_str()),
            similarity: member.map_or(1.0, |m| rounded(m.similarity)),
            sources: story.len(),
        },
        marks: ExportMarks {
            read: m.read,
            starred: m.starred,
            flagged: m.flagged,
        },
        id: &a.key,
        file: &a.file,
        part: a.part,
        title: &a.headline,
        author: a.source.author.as_deref(),
        url: a.source.url.as_deref(),
        published: a.source.published.map(|t| t.to_string()),
        summary_only: a.source.summary_only,
        source: ExportSource {
            format: a.source.format.name(),
            name: a.source.label(),
        },
        date: a.date.map(|d| d.to_string()),
        date_precision: a.date.map(|d| d.precision().as_str()),
        date_source: a.date_source.as_str(),
        date_guess: guess.map(|d| d.to_string()),
        date_guess_precision: guess.map(|d| d.precision().as_str()),
        lang: a.lang.code(),
        entities: a
            .entities
            .iter()
            .map(|e| corpus.entity(*e).canonical.as_str())
            .collect(),
    }
}

/// An article's guessed date, when it has no other.
pub fn date_guess(a: &crate::model::Article) -> Option<crate::extract::date::DatePoint> {
    match a.display_date() {
        Some((d, true)) => Some(d),
        _ => None,
    }
}

fn export_event<'a>(corpus: &'a Corpus, e: &'a Event) -> ExportEvent<'a> {
    ExportEvent {
        date: e.date.to_string(),
        precision: e.date.precision().as_str(),
        kind: e.kind.code(),
        subtype: e.subtype.code(),
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

#[derive(Serialize)]
pub struct ExportPreset<'a> {
    name: &'a str,
    description: Option<&'a str>,
    /// The whole query the preset applies, in the search line's syntax.
    query: String,
    sort: Option<&'static str>,
    pane: Option<&'static str>,
}

/// `revue presets --format json`: each preset as config.toml means it.
pub fn presets(presets: &[crate::config::Preset]) -> Vec<ExportPreset<'_>> {
    presets
        .iter()
        .map(|p| ExportPreset {
            name: p.name(),
            description: p.description.as_deref(),
            query: p.query_string(),
            sort: p.sort.map(|s| s.name()),
            pane: p.pane.map(crate::config::values::pane_name),
        })
        .collect()
}
