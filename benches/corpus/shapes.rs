//! The generated articles in the shapes news arrives in besides plain
//! text: saved web pages (the article inside the chrome of a news site —
//! a menu, a "lire aussi" box, a footer — with the meta tags readability
//! and revue look for) and RSS 2.0 feeds of 50 items, each item's text as
//! HTML paragraphs. The text is the plain generator's, so that the same
//! seed gives the same articles in every shape.

use std::io;
use std::path::Path;

use super::{Generator, Stats};

/// One article of a generated file: header and title taken off.
pub struct Piece {
    pub title: String,
    pub paragraphs: Vec<String>,
    /// `YYYY-MM` from the header, when it had one.
    pub month: Option<String>,
}

/// The articles of a generated file's contents.
pub fn pieces(contents: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    for part in contents.split("\n*****\n") {
        let mut text = part.trim_start_matches('\n');
        let mut month = None;
        if let Some(rest) = text.strip_prefix(" date ") {
            month = rest.get(..7).map(str::to_string);
            // The header ends at its line's end, or where the text follows
            // it on the same line.
            let after = rest.get(7..).unwrap_or("");
            let cut = if after.starts_with('\n') || after.starts_with(" publié") {
                rest.find('\n').unwrap_or(rest.len())
            } else {
                rest.len().min(7)
            };
            text = &rest[cut..];
        }
        let mut paragraphs: Vec<String> = text
            .split("\n\n")
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty())
            .collect();
        if paragraphs.is_empty() {
            continue;
        }
        let title = if paragraphs.len() > 1 && paragraphs[0].len() < 140 {
            paragraphs.remove(0)
        } else {
            paragraphs[0].chars().take(80).collect()
        };
        out.push(Piece {
            title,
            paragraphs,
            month,
        });
    }
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn date(p: &Piece, n: usize) -> String {
    let month = p.month.as_deref().unwrap_or("2017-11");
    format!(
        "{month}-{:02}T{:02}:{:02}:00+01:00",
        1 + n % 28,
        6 + n % 14,
        n % 60
    )
}

/// A saved page of a made-up news site holding one article.
pub fn html_page(p: &Piece, n: usize) -> String {
    let site = format!("Le Courrier {}", n % 7);
    let mut body = String::new();
    for (i, para) in p.paragraphs.iter().enumerate() {
        body.push_str(&format!("<p>{}</p>\n", escape(para)));
        if i == 1 {
            body.push_str(
                "<aside class=\"lire-aussi\"><p>Lire aussi : <a href=\"/autre\">Un autre sujet du jour</a></p></aside>\n",
            );
        }
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">\n<title>{t} – {site}</title>\n\
<meta property=\"og:site_name\" content=\"{site}\">\n<meta property=\"article:published_time\" content=\"{d}\">\n\
<meta name=\"author\" content=\"Rédaction\">\n<link rel=\"canonical\" href=\"https://courrier{s}.example/articles/{n}\">\n\
<link rel=\"stylesheet\" href=\"/style.css\"><script>var analytics = {{ id: {n} }};</script>\n</head>\n<body>\n\
<header><nav><ul><li><a href=\"/\">Accueil</a></li><li><a href=\"/monde\">Monde</a></li><li><a href=\"/politique\">Politique</a></li>\
<li><a href=\"/economie\">Économie</a></li><li><a href=\"/culture\">Culture</a></li></ul></nav></header>\n\
<main><article>\n<h1>{t}</h1>\n<p class=\"byline\">Par la rédaction, le <time datetime=\"{d}\">{d}</time></p>\n{body}</article>\n\
<section class=\"comments\"><h2>Commentaires</h2><p>Soyez le premier à réagir.</p></section></main>\n\
<footer><p>© {site} — mentions légales — contact</p></footer>\n</body></html>\n",
        t = escape(&p.title),
        d = date(p, n),
        s = n % 7,
    )
}

/// An RSS 2.0 item of one article, its text as escaped HTML paragraphs.
fn rss_item(p: &Piece, n: usize) -> String {
    let html: String = p
        .paragraphs
        .iter()
        .map(|para| format!("<p>{}</p>", escape(para)))
        .collect();
    format!(
        "<item><guid>urn:courrier:{n}</guid><title>{}</title><link>https://courrier.example/articles/{n}</link>\
<author>redaction@courrier.example (Rédaction)</author><pubDate>{}</pubDate><description>{}</description></item>\n",
        escape(&p.title),
        date(p, n),
        escape(&html)
    )
}

/// Items per generated feed file, as a news feed keeps.
pub const ITEMS_PER_FEED: usize = 50;

/// Writes `n` articles as `n` HTML pages under `dir`.
pub fn write_pages(dir: &Path, n: usize, seed: u64) -> io::Result<Stats> {
    std::fs::create_dir_all(dir)?;
    let mut stats = Stats::default();
    for p in Generator::new(usize::MAX, seed)
        .flat_map(|f| pieces(&f.contents))
        .take(n)
    {
        let page = html_page(&p, stats.articles);
        std::fs::write(dir.join(format!("{:06}.html", stats.articles)), &page)?;
        stats.files += 1;
        stats.articles += 1;
        stats.bytes += page.len();
    }
    Ok(stats)
}

/// Writes `n` articles as feed items, [`ITEMS_PER_FEED`] to a file.
pub fn write_feeds(dir: &Path, n: usize, seed: u64) -> io::Result<Stats> {
    std::fs::create_dir_all(dir)?;
    let mut stats = Stats::default();
    let mut items = String::new();
    let mut in_file = 0;
    let flush = |items: &mut String, stats: &mut Stats| -> io::Result<()> {
        let feed = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Le Courrier</title>\
<link>https://courrier.example/</link><description>Les dernières nouvelles</description>\n{items}</channel></rss>\n"
        );
        std::fs::write(dir.join(format!("{:05}.xml", stats.files)), &feed)?;
        stats.files += 1;
        stats.bytes += feed.len();
        items.clear();
        Ok(())
    };
    for p in Generator::new(usize::MAX, seed)
        .flat_map(|f| pieces(&f.contents))
        .take(n)
    {
        items.push_str(&rss_item(&p, stats.articles));
        stats.articles += 1;
        in_file += 1;
        if in_file == ITEMS_PER_FEED {
            flush(&mut items, &mut stats)?;
            in_file = 0;
        }
    }
    if in_file > 0 {
        flush(&mut items, &mut stats)?;
    }
    Ok(stats)
}
