//! Markdown: a briefing to read or paste. `revue export --format md` prints
//! the whole briefing (counts, top entities by type, the timeline, then each
//! article with its date, headline and lede); `articles`, `entities` and
//! `events` print their section alone. Corpus text is cleaned of control
//! characters and escaped so that a headline cannot open a link or a list.

use std::io::{self, Write};

use crate::extract::kind::EntityKind;

use super::output::{Listing, Report, article_date, clean, lede};

/// Entities per type in the briefing when no `--limit` is given.
const TOP_ENTITIES: usize = 5;
/// Characters of lede per article.
const LEDE: usize = 320;

pub fn print(report: &Report, listing: Listing, out: &mut impl Write) -> io::Result<()> {
    match listing {
        Listing::Export => {
            heading(report, out)?;
            top_entities(report, out)?;
            writeln!(out)?;
            timeline(report, out)?;
            writeln!(out)?;
            articles(report, out)
        }
        Listing::Articles => articles(report, out),
        Listing::Entities => entity_table(report, out),
        Listing::Events => timeline(report, out),
    }
}

fn heading(r: &Report, out: &mut impl Write) -> io::Result<()> {
    let title = match r.preset {
        Some((name, _)) => format!("# Briefing: {}", escape(name)),
        None => "# Briefing".to_string(),
    };
    writeln!(out, "{}\n", r.style.bold(&title))?;
    if let Some((_, Some(description))) = r.preset {
        writeln!(out, "*{}*\n", escape(description))?;
    }
    if !r.query.is_empty() {
        writeln!(out, "Query: {}\n", code(r.query))?;
    }
    let v = r.view;
    let mut counts = format!(
        "**{}** · **{}** · **{}**",
        plural(v.articles.len(), "article"),
        plural(v.entities.len(), "entity"),
        plural(v.events.len(), "event"),
    );
    let dates: Vec<_> = v
        .articles
        .iter()
        .filter_map(|a| r.corpus.article(*a).display_date().map(|(d, _)| d))
        .collect();
    if let (Some(first), Some(last)) = (dates.iter().min(), dates.iter().max()) {
        if first == last {
            counts.push_str(&format!(" · {first}"));
        } else {
            counts.push_str(&format!(" · {first} to {last}"));
        }
    }
    writeln!(out, "{counts}\n")
}

fn section(r: &Report, title: &str, shown: usize, total: usize) -> String {
    let count = if shown < total {
        format!("{shown} of {total}")
    } else {
        total.to_string()
    };
    r.style.bold(&format!("## {title} ({count})"))
}

const KINDS: [(EntityKind, &str); 4] = [
    (EntityKind::Person, "People"),
    (EntityKind::Place, "Places"),
    (EntityKind::Org, "Organisations"),
    (EntityKind::Misc, "Other"),
];

fn top_entities(r: &Report, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "{}\n", r.style.bold("## Top entities"))?;
    let per_kind = r.limit.unwrap_or(TOP_ENTITIES);
    let mut any = false;
    for (kind, label) in KINDS {
        let mut rows: Vec<_> = r
            .view
            .entities
            .iter()
            .filter(|row| r.corpus.entity(row.id).kind == kind)
            .collect();
        if rows.is_empty() {
            continue;
        }
        any = true;
        rows.sort_by_key(|row| std::cmp::Reverse(row.mentions));
        let names: Vec<String> = rows
            .iter()
            .take(per_kind)
            .map(|row| {
                format!(
                    "{} ({})",
                    escape(&r.corpus.entity(row.id).canonical),
                    row.mentions
                )
            })
            .collect();
        let more = rows.len().saturating_sub(per_kind);
        let tail = if more > 0 {
            format!(", and {more} more")
        } else {
            String::new()
        };
        writeln!(out, "- **{label}:** {}{tail}", names.join(", "))?;
    }
    if !any {
        writeln!(out, "No entities.")?;
    }
    Ok(())
}

fn entity_table(r: &Report, out: &mut impl Write) -> io::Result<()> {
    let rows = r.entities();
    writeln!(
        out,
        "{}\n",
        section(r, "Entities", rows.len(), r.view.entities.len())
    )?;
    if rows.is_empty() {
        return writeln!(out, "No entities.");
    }
    writeln!(out, "| type | entity | mentions | articles |")?;
    writeln!(out, "|---|---|--:|--:|")?;
    for row in rows {
        let e = r.corpus.entity(row.id);
        writeln!(
            out,
            "| {} | {} | {} | {} |",
            e.kind.code(),
            escape(&e.canonical),
            row.mentions,
            row.articles
        )?;
    }
    Ok(())
}

fn timeline(r: &Report, out: &mut impl Write) -> io::Result<()> {
    let events = r.events();
    writeln!(
        out,
        "{}\n",
        section(r, "Timeline", events.len(), r.view.events.len())
    )?;
    if events.is_empty() {
        return writeln!(out, "No dated events.");
    }
    for &id in events {
        let e = r.corpus.event(id);
        let n = e.articles().len();
        writeln!(
            out,
            "- **{}** · {} · {} ({})",
            e.date,
            e.type_and_subtype(),
            escape(&e.description),
            plural(n, "article")
        )?;
    }
    Ok(())
}

fn articles(r: &Report, out: &mut impl Write) -> io::Result<()> {
    let ids = r.articles();
    writeln!(
        out,
        "{}\n",
        section(r, "Articles", ids.len(), r.view.articles.len())
    )?;
    if ids.is_empty() {
        return writeln!(out, "No articles.");
    }
    // Each story once, at its first article in the view, with its sources.
    let mut told = std::collections::HashSet::new();
    let ids: Vec<_> = ids
        .iter()
        .copied()
        .filter(|&id| told.insert(r.corpus.article(id).story))
        .collect();
    for (i, &id) in ids.iter().enumerate() {
        let a = r.corpus.article(id);
        let title = format!("### {} · {}", article_date(a), escape(&a.headline));
        writeln!(out, "{}\n", r.style.bold(&title))?;
        writeln!(out, "{}\n", byline(a))?;
        let story = r.corpus.story(a.story);
        if story.len() > 1 {
            let outlets = super::stories::outlets(r.corpus, story);
            writeln!(
                out,
                "{} sources: {}\n",
                story.len(),
                escape(&outlets.join(", "))
            )?;
        }
        let lede = lede(a, LEDE);
        if !lede.is_empty() {
            writeln!(out, "{}", escape(&lede))?;
        }
        if i + 1 < ids.len() {
            writeln!(out)?;
        }
    }
    Ok(())
}

/// The article's key and language, then where it came from when known:
/// outlet, author, the full timestamp with its zone, the URL.
fn byline(a: &crate::model::Article) -> String {
    let mut parts = vec![code(&a.key), a.lang.code().to_string()];
    let s = &a.source;
    parts.extend(s.label().map(escape));
    parts.extend(s.author.as_deref().map(escape));
    parts.extend(s.published.map(|t| t.to_string()));
    parts.extend(s.url.as_deref().map(code));
    parts.join(" · ")
}

fn plural(n: usize, word: &str) -> String {
    match (n, word) {
        (1, _) => format!("1 {word}"),
        (_, "entity") => format!("{n} entities"),
        _ => format!("{n} {word}s"),
    }
}

/// Corpus text as Markdown inline text: cleaned, with the characters that
/// would start emphasis, code, links, HTML or a table cell escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in clean(s).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A code span; backticks inside become apostrophes.
fn code(s: &str) -> String {
    format!("`{}`", clean(s).replace('`', "'"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_defuses_markup() {
        assert_eq!(
            escape("*a* [b](c) <d> e_f\n#g"),
            "\\*a\\* \\[b\\](c) \\<d\\> e\\_f \\#g"
        );
    }

    #[test]
    fn plurals() {
        assert_eq!(plural(1, "entity"), "1 entity");
        assert_eq!(plural(3, "entity"), "3 entities");
        assert_eq!(plural(0, "article"), "0 articles");
    }
}
