//! `revue stories`: the view's articles grouped into stories, one row per
//! story (its representative, how many sources, the outlets), in the
//! order of the view's first article of each. JSON lists every member
//! with how it relates to the representative; TSV is one row per story;
//! Markdown one line per story with its sources.

use std::collections::HashSet;
use std::io::{self, Write};

use serde::Serialize;

use super::Format;
use super::output::{Report, clean};
use crate::model::{Article, ArticleId, Corpus, Story, StoryId};

/// The stories of the view's articles, each once, in view order.
pub fn of_view(corpus: &Corpus, articles: &[ArticleId]) -> Vec<StoryId> {
    let mut seen = HashSet::new();
    articles
        .iter()
        .map(|&a| corpus.article(a).story)
        .filter(|s| seen.insert(*s))
        .collect()
}

/// Where an article was printed: its outlet, else its site, else its file.
pub fn outlet(a: &Article) -> &str {
    a.source.label().unwrap_or(&a.file)
}

/// The story's outlets, each once, the representative's first.
pub fn outlets<'a>(corpus: &'a Corpus, s: &Story) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for m in &s.members {
        let o = outlet(corpus.article(m.article));
        if !out.contains(&o) {
            out.push(o);
        }
    }
    out
}

#[derive(Serialize)]
struct StoryRow<'a> {
    id: u32,
    representative: &'a str,
    title: &'a str,
    date: Option<String>,
    sources: usize,
    outlets: Vec<&'a str>,
    members: Vec<MemberRow<'a>>,
}

#[derive(Serialize)]
struct MemberRow<'a> {
    id: &'a str,
    likeness: &'static str,
    similarity: f32,
    outlet: &'a str,
    title: &'a str,
}

pub fn print(report: &Report, format: Format, out: &mut impl Write) -> io::Result<()> {
    let corpus = report.corpus;
    let mut ids = of_view(corpus, &report.view.articles);
    ids.truncate(report.limit.unwrap_or(usize::MAX));
    let stories = ids.iter().map(|&s| corpus.story(s));
    match format {
        Format::Json => {
            let rows: Vec<StoryRow> = stories.map(|s| row(corpus, s)).collect();
            serde_json::to_writer_pretty(&mut *out, &serde_json::json!({ "stories": rows }))?;
            writeln!(out)
        }
        Format::Tsv => {
            let header = ["story", "sources", "date", "id", "title", "outlets"].join("\t");
            writeln!(out, "{}", report.style.bold(&header))?;
            for s in stories {
                let a = corpus.article(s.representative());
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}",
                    s.id.0,
                    s.len(),
                    a.date.map(|d| d.to_string()).unwrap_or_default(),
                    clean(&a.key),
                    clean(&a.headline),
                    clean(&outlets(corpus, s).join("; "))
                )?;
            }
            Ok(())
        }
        Format::Md => {
            writeln!(out, "# Stories\n")?;
            for s in stories {
                let a = corpus.article(s.representative());
                let date = a.date.map(|d| format!("{d} — ")).unwrap_or_default();
                let sources = match s.len() {
                    1 => outlet(a).to_string(),
                    n => format!("{n} sources: {}", outlets(corpus, s).join(", ")),
                };
                writeln!(
                    out,
                    "- {date}**{}** ({})",
                    clean(&a.headline),
                    clean(&sources)
                )?;
            }
            Ok(())
        }
    }
}

fn row<'a>(corpus: &'a Corpus, s: &Story) -> StoryRow<'a> {
    let rep = corpus.article(s.representative());
    StoryRow {
        id: s.id.0,
        representative: &rep.key,
        title: &rep.headline,
        date: rep.date.map(|d| d.to_string()),
        sources: s.len(),
        outlets: outlets(corpus, s),
        members: s
            .members
            .iter()
            .map(|m| {
                let a = corpus.article(m.article);
                MemberRow {
                    id: &a.key,
                    likeness: m.likeness.as_str(),
                    similarity: (m.similarity * 1000.0).round() / 1000.0,
                    outlet: outlet(a),
                    title: &a.headline,
                }
            })
            .collect(),
    }
}
