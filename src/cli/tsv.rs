//! TSV: one table per listing, a header line, then one row per item. Fields
//! never hold a tab or a newline (they become spaces), so `cut -f` and `awk
//! -F'\t'` always see whole rows. Lists inside a field are joined by `; `.
//! New columns go last, so that `cut -f` of the old ones reads the same.

use std::io::{self, Write};

use super::output::{Listing, Report, clean};

pub fn print(report: &Report, listing: Listing, out: &mut impl Write) -> io::Result<()> {
    let corpus = report.corpus;
    let mut row = |fields: &[String]| writeln!(out, "{}", fields.join("\t"));
    let header = |names: &[&str]| -> Vec<String> { vec![report.style.bold(&names.join("\t"))] };
    match listing {
        Listing::Articles => {
            row(&header(&[
                "id",
                "date",
                "precision",
                "source",
                "lang",
                "title",
                "entities",
                "outlet",
                "author",
                "published",
                "url",
                "date_guess",
                "date_guess_precision",
            ]))?;
            for &id in report.articles() {
                let a = corpus.article(id);
                let names: Vec<&str> = a
                    .entities
                    .iter()
                    .map(|e| corpus.entity(*e).canonical.as_str())
                    .collect();
                let guess = super::json::date_guess(a);
                row(&[
                    clean(&a.key),
                    a.date.map(|d| d.to_string()).unwrap_or_default(),
                    a.date
                        .map(|d| d.precision().as_str().to_string())
                        .unwrap_or_default(),
                    a.date_source.as_str().to_string(),
                    a.lang.code().to_string(),
                    clean(&a.headline),
                    clean(&names.join("; ")),
                    clean(a.source.label().unwrap_or_default()),
                    clean(a.source.author.as_deref().unwrap_or_default()),
                    a.source
                        .published
                        .map(|t| t.to_string())
                        .unwrap_or_default(),
                    clean(a.source.url.as_deref().unwrap_or_default()),
                    guess.map(|d| d.to_string()).unwrap_or_default(),
                    guess
                        .map(|d| d.precision().as_str().to_string())
                        .unwrap_or_default(),
                ])?;
            }
        }
        Listing::Entities => {
            row(&header(&[
                "name", "type", "mentions", "articles", "aliases",
            ]))?;
            for r in report.entities() {
                let e = corpus.entity(r.id);
                row(&[
                    clean(&e.canonical),
                    e.kind.code().to_string(),
                    r.mentions.to_string(),
                    r.articles.to_string(),
                    clean(&e.aliases.join("; ")),
                ])?;
            }
        }
        Listing::Events => {
            row(&header(&[
                "date",
                "precision",
                "type",
                "subtype",
                "description",
                "participants",
                "place",
                "articles",
            ]))?;
            for &id in report.events() {
                let e = corpus.event(id);
                let participants: Vec<&str> = e
                    .participants
                    .iter()
                    .map(|p| corpus.entity(*p).canonical.as_str())
                    .collect();
                let articles: Vec<&str> = e
                    .articles()
                    .into_iter()
                    .map(|a| corpus.article(a).key.as_str())
                    .collect();
                row(&[
                    e.date.to_string(),
                    e.date.precision().as_str().to_string(),
                    e.kind.code().to_string(),
                    e.subtype.code().to_string(),
                    clean(&e.description),
                    clean(&participants.join("; ")),
                    e.place
                        .map(|p| clean(&corpus.entity(p).canonical))
                        .unwrap_or_default(),
                    clean(&articles.join("; ")),
                ])?;
            }
        }
        Listing::Export => {
            let why = super::output::unsupported(listing, super::Format::Tsv);
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                why.unwrap_or_default(),
            ));
        }
    }
    Ok(())
}
