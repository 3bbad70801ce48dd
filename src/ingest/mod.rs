//! Files to raw articles: discover files, decode them, read the header,
//! split on `*****`, find a headline. No extraction happens here.

pub mod decode;
pub mod discover;
pub mod header;
pub mod headline;
pub mod split;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::extract::date::DatePoint;

/// One article as read from disk, before extraction.
#[derive(Debug, Clone)]
pub struct RawArticle {
    /// File name, as the export cites it (`001_x.txt`).
    pub file: String,
    /// The path it was read from, for messages.
    pub path: PathBuf,
    /// 1-based part within the file.
    pub part: usize,
    pub header_date: Option<DatePoint>,
    pub published: Option<DatePoint>,
    pub headline: String,
    /// Whether `headline` is a title line at the start of `text`.
    pub has_title: bool,
    /// The article's text (title line included, header excluded).
    pub text: String,
}

impl RawArticle {
    /// The stable id the export uses: `file#part`.
    pub fn key(&self) -> String {
        format!("{}#{}", self.file, self.part)
    }
}

/// A problem with one input, reported and otherwise survived.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    pub path: PathBuf,
    pub message: String,
}

impl Warning {
    pub fn new(path: &Path, message: String) -> Self {
        Warning {
            path: path.to_path_buf(),
            message,
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

#[derive(Debug, Default)]
pub struct Ingested {
    pub articles: Vec<RawArticle>,
    pub warnings: Vec<Warning>,
}

/// Reads every article under `paths`.
pub fn load(paths: &[PathBuf]) -> Ingested {
    load_with(paths, discover::ARTICLE_EXTENSIONS)
}

/// Reads every article under `paths`, walking folders for files with one
/// of `extensions` (files named directly are always read).
pub fn load_with<E: AsRef<str>>(paths: &[PathBuf], extensions: &[E]) -> Ingested {
    let mut warnings = Vec::new();
    let files = discover::files_with(paths, extensions, &mut warnings);
    let mut articles = Vec::new();
    for path in files {
        match std::fs::read(&path) {
            Ok(bytes) => {
                let decoded = decode::decode(&bytes);
                if let Some(w) = decoded.warning {
                    warnings.push(Warning::new(&path, w));
                }
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| path.display().to_string());
                let (parsed, problems) = parse_file(&name, &path, &decoded.text);
                warnings.extend(problems.into_iter().map(|m| Warning::new(&path, m)));
                articles.extend(parsed);
            }
            Err(e) => warnings.push(Warning::new(&path, format!("skipped: {e}"))),
        }
    }
    Ingested { articles, warnings }
}

/// The seed articles built into the binary, for a first run anywhere.
pub fn embedded_seeds() -> Ingested {
    const SEEDS: &[(&str, &str)] = &[
        (
            "000_547d6bcc8b194531.txt",
            include_str!("../../seeds/000_547d6bcc8b194531.txt"),
        ),
        (
            "001_2f1464cb4d1d22d2.txt",
            include_str!("../../seeds/001_2f1464cb4d1d22d2.txt"),
        ),
        (
            "002_a733c1d142b18ac5.txt",
            include_str!("../../seeds/002_a733c1d142b18ac5.txt"),
        ),
        (
            "003_46078d7cf27677f4.txt",
            include_str!("../../seeds/003_46078d7cf27677f4.txt"),
        ),
        (
            "004_8833cc1fb73df897.txt",
            include_str!("../../seeds/004_8833cc1fb73df897.txt"),
        ),
    ];
    let mut out = Ingested::default();
    for (name, text) in SEEDS {
        let path = PathBuf::from(format!("(built-in)/{name}"));
        let (articles, _) = parse_file(name, &path, &decode::sanitize(text));
        out.articles.extend(articles);
    }
    out
}

/// Splits decoded file text into articles. Returns them with the problems
/// found (an impossible header date, an empty file).
pub fn parse_file(name: &str, path: &Path, text: &str) -> (Vec<RawArticle>, Vec<String>) {
    let mut problems = Vec::new();
    let (header, start) = header::parse(text);
    if let Some(p) = &header.invalid {
        problems.push(p.clone());
    }
    let body = &text[start..];
    let mut articles = Vec::new();
    for (a, b) in split::parts(body) {
        let t = body[a..b].trim();
        let h = headline::find(t);
        articles.push(RawArticle {
            file: name.to_string(),
            path: path.to_path_buf(),
            part: articles.len() + 1,
            header_date: header.date,
            published: header.published,
            headline: h.text,
            has_title: h.is_title,
            text: t.to_string(),
        });
    }
    if articles.is_empty() {
        problems.push("no article text (empty file)".to_string());
    }
    (articles, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_share_the_file_header() {
        let t = " date 2017-11 publié le 21/11/2017 à 12:06\nUn.\n*****\nTitre court\nDeux.";
        let (a, p) = parse_file("f.txt", Path::new("f.txt"), t);
        assert!(p.is_empty());
        assert_eq!(a.len(), 2);
        assert_eq!(a[1].key(), "f.txt#2");
        assert_eq!(a[1].headline, "Titre court");
        assert!(a[1].has_title);
        assert_eq!(a[1].header_date.unwrap().to_string(), "2017-11");
        assert_eq!(a[0].published.unwrap().to_string(), "2017-11-21");
    }

    #[test]
    fn empty_file_is_a_problem_not_an_article() {
        let (a, p) = parse_file("e.txt", Path::new("e.txt"), "  \n");
        assert!(a.is_empty());
        assert_eq!(p.len(), 1);
    }
}
