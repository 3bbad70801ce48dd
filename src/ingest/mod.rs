//! Files to raw articles: discover files, tell their [`Format`], and read
//! each with its adapter — plain text here (decode, header, split on
//! `*****`, headline), pages, feeds, JSON exports and mail in a module of
//! their own (`read_as` is the one place that maps a format to its
//! adapter). No extraction happens here. A file that cannot be read as
//! articles (missing, unreadable, binary, empty, malformed) is a warning
//! and is skipped; nothing else is lost. [`check`] reports the same per
//! file, for `revue check`. A fetcher would hand its downloads to the same
//! seam, as files in a folder.

mod article_body;
pub mod charset;
pub mod decode;
pub mod dedupe;
pub mod discover;
pub mod feed;
pub mod format;
pub mod header;
pub mod headline;
pub mod html;
pub mod ids;
pub mod item;
pub mod json;
pub mod mail;
mod page_scan;
pub mod source;
pub mod split;
mod text_format;

pub use format::Format;
pub use source::{Source, Timestamp};

use std::fmt;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::extract::date::DatePoint;

/// One article as read from disk, before extraction.
#[derive(Debug, Clone)]
pub struct RawArticle {
    /// The file's name in the corpus, as ids and exports cite it: its path
    /// relative to the corpus folder (`2017/001_x.txt`), unique within
    /// the corpus (see [`ids`]).
    pub file: String,
    /// The path it was read from, for messages.
    pub path: PathBuf,
    /// 1-based part within the file.
    pub part: usize,
    pub header_date: Option<DatePoint>,
    pub published: Option<DatePoint>,
    /// Whether `header_date` and `published` are the file's header, read at
    /// the top of an earlier part, rather than this part's own: the date a
    /// later part gives itself then comes first.
    pub header_inherited: bool,
    pub headline: String,
    /// Whether `headline` is a title line at the start of `text`.
    pub has_title: bool,
    /// The article's text (title line included, header excluded).
    pub text: String,
    /// Where it came from (the format alone for plain text).
    pub source: Source,
}

impl RawArticle {
    /// The stable id the export uses: `file#part`, unique within the
    /// corpus since `file` is.
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

/// How the corpus is read: `[corpus]` of config.toml.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Extensions read when walking a folder (without the dot, compared
    /// ignoring case); files named directly are always read.
    pub extensions: Vec<String>,
    /// The most bytes read from one file: the rest is left with a warning.
    pub max_file_bytes: u64,
    /// Whether symlinks inside a folder are followed wherever they lead;
    /// by default only those that stay inside the corpus paths are.
    pub follow_links: bool,
    /// Field names of JSON exports (`[ingest.json]`), boxed: most runs
    /// name none.
    pub json: Box<json::JsonFields>,
}

/// The default of `[corpus] max_file_size`: far above any article, far
/// below what would exhaust memory (the model takes several times the text).
pub const DEFAULT_MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

impl Default for Options {
    fn default() -> Self {
        Options {
            extensions: discover::ARTICLE_EXTENSIONS
                .iter()
                .map(|e| e.to_string())
                .collect(),
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            follow_links: false,
            json: Box::default(),
        }
    }
}

/// Reads every article under `paths`, with the default options.
pub fn load(paths: &[PathBuf]) -> Ingested {
    load_with(paths, &Options::default())
}

/// Reads every article under `paths`.
pub fn load_with(paths: &[PathBuf], options: &Options) -> Ingested {
    read_found(find_with(paths, options), options)
}

/// The files under some paths, found once: the model cache's key and the
/// reading both take them, so a folder is walked once per start.
#[derive(Debug, Default)]
pub struct Found {
    pub files: Vec<PathBuf>,
    /// Each file's metadata as the walk read it, for the cache's key.
    pub metadata: Vec<std::fs::Metadata>,
    /// Each file's name in the corpus (see [`ids`]).
    pub names: Vec<String>,
    /// What the walk met: missing paths, unreadable folders, loops.
    pub warnings: Vec<Warning>,
}

/// The files [`load`] would read, walking folders for `extensions`.
pub fn find<E: AsRef<str>>(paths: &[PathBuf], extensions: &[E]) -> Found {
    let options = Options {
        extensions: extensions.iter().map(|e| e.as_ref().to_string()).collect(),
        ..Options::default()
    };
    find_with(paths, &options)
}

/// The files [`load_with`] would read.
pub fn find_with(paths: &[PathBuf], options: &Options) -> Found {
    let mut warnings = Vec::new();
    let (files, metadata): (Vec<PathBuf>, _) = discover::found_with(paths, options, &mut warnings)
        .into_iter()
        .unzip();
    let names = ids::names(paths, &files);
    Found {
        files,
        metadata,
        names,
        warnings,
    }
}

/// Reads the files found.
pub fn read_found(found: Found, options: &Options) -> Ingested {
    let Found {
        files,
        names,
        mut warnings,
        ..
    } = found;
    // Files are read and parsed in parallel, and kept in the order found.
    let reads: Vec<FileRead> = files
        .par_iter()
        .zip(&names)
        .map(|(path, name)| read_file_named(path, name, options))
        .collect();
    let mut articles = Vec::new();
    for (path, read) in files.iter().zip(reads) {
        warnings.extend(read.problems.into_iter().map(|m| Warning::new(path, m)));
        articles.extend(read.articles);
    }
    let (articles, _merged) = dedupe::merge(articles);
    Ingested { articles, warnings }
}

/// What reading one file gave.
#[derive(Debug, Default)]
pub struct FileRead {
    /// The format it was read as; `None`: not one revue reads (skipped).
    pub format: Option<Format>,
    pub articles: Vec<RawArticle>,
    /// What went wrong (each one a warning).
    pub problems: Vec<String>,
    /// What was cleaned on the way, without loss (a BOM, CRLF, control
    /// characters, empty parts between separators): worth knowing, not a
    /// problem.
    pub notes: Vec<String>,
}

/// How many first bytes tell a file's format.
const SNIFF: usize = 4096;

/// Reads one article file, named by its file name: a binary or
/// unreadable file, or one that is not a regular file (a FIFO, a device),
/// is a problem and gives no article; one over `options.max_file_bytes` is
/// read up to there, with a problem; one of no format revue reads is
/// skipped with a note.
pub fn read_file(path: &Path, options: &Options) -> FileRead {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    read_file_named(path, &name, options)
}

/// [`read_file`], its articles named `name` in the corpus (see [`ids`]).
pub fn read_file_named(path: &Path, name: &str, options: &Options) -> FileRead {
    let max_bytes = options.max_file_bytes;
    let skipped = |why: String| FileRead {
        problems: vec![format!("skipped: {why}")],
        ..FileRead::default()
    };
    let capped = match crate::regular_file::read_capped(path, max_bytes) {
        Ok(c) => c,
        Err(e) => return skipped(format!("cannot read: {e}")),
    };
    let mut bytes = capped.bytes;
    let cut = capped.cut_from.map(|size| {
        decode::cut_at_character(&mut bytes);
        format!(
            "{size} bytes, over the limit of {max_bytes} ([corpus] max_file_size): \
             only the first {} bytes read",
            bytes.len()
        )
    });
    let mut read = read_bytes(path, name, &bytes, options);
    if read.format.is_some() {
        read.problems.splice(0..0, cut);
    }
    read
}

/// The articles of a file's bytes, already read (a download, a fuzz
/// input): its format found from `path`'s extension and the bytes, as for a
/// file on disk.
pub fn read_bytes(path: &Path, name: &str, bytes: &[u8], options: &Options) -> FileRead {
    let Some(format) = Format::detect(path, &bytes[..bytes.len().min(SNIFF)]) else {
        return FileRead {
            notes: vec!["skipped: not a format revue reads".to_string()],
            ..FileRead::default()
        };
    };
    if let Some(why) = decode::binary(bytes) {
        return FileRead {
            problems: vec![format!("skipped: {why}")],
            ..FileRead::default()
        };
    }
    // The name is shown and exported: it must not drive a terminal either.
    let name = decode::sanitize(name);
    let mut read = read_as(format, &name, path, bytes, options);
    // A parser's message may quote the bytes it stopped at.
    for message in read.problems.iter_mut().chain(&mut read.notes) {
        *message = decode::sanitize(message);
    }
    read
}

/// The one place a format meets its adapter.
fn read_as(format: Format, name: &str, path: &Path, bytes: &[u8], options: &Options) -> FileRead {
    let parsed = match format {
        Format::Text => return read_text(name, path, bytes),
        Format::Html => html::read(bytes),
        Format::Feed => feed::read(bytes),
        Format::Json => {
            let decoded = decode::decode(bytes);
            let mut p = json::read(&decoded.text, &options.json);
            p.problems.splice(0..0, decoded.warning);
            p
        }
        Format::Mail => mail::read_eml(bytes),
        Format::Mbox => mail::read_mbox(bytes),
    };
    let item::Parsed {
        items,
        mut problems,
        mut notes,
    } = parsed;
    let articles = item::to_articles(name, path, items, &mut notes);
    if articles.is_empty() && problems.is_empty() {
        problems.push("no article in the file".to_string());
    }
    FileRead {
        format: Some(format),
        articles,
        problems,
        notes,
    }
}

/// A plain text file: decoded, then split into articles.
fn read_text(name: &str, path: &Path, bytes: &[u8]) -> FileRead {
    let decoded = decode::decode(bytes);
    let (articles, mut problems, mut notes) = parse_file_noting(name, path, &decoded.text);
    problems.splice(0..0, decoded.warning);
    notes.splice(0..0, decoded.notes);
    FileRead {
        format: Some(Format::Text),
        articles,
        problems,
        notes,
    }
}

/// One input of `revue check`: a file read, or a path that could not be.
#[derive(Debug)]
pub struct FileReport {
    pub path: PathBuf,
    /// The format the file was read as; `None` for a path that gave no
    /// file and for a file of no format revue reads.
    pub format: Option<Format>,
    /// Whether the file was skipped for its format (not a problem).
    pub skipped: bool,
    pub articles: usize,
    /// What the articles carry beyond their text (outlet, dates, links,
    /// authors), for formats that carry anything.
    pub found: Vec<String>,
    pub problems: Vec<String>,
    pub notes: Vec<String>,
}

impl FileReport {
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Reads what [`load_with`] reads and reports on every file and on every
/// path that gave no file (missing, unreadable, a symlink loop), in path
/// order; files of other extensions under the folders are listed as
/// skipped. No extraction is done.
pub fn check(paths: &[PathBuf], options: &Options) -> Vec<FileReport> {
    let mut warnings = Vec::new();
    let every = Options {
        extensions: vec![discover::ANY.to_string()],
        ..options.clone()
    };
    let files = discover::files_with(paths, &every, &mut warnings);
    let mut reports: Vec<FileReport> = warnings
        .into_iter()
        .map(|w| FileReport {
            path: w.path,
            format: None,
            skipped: false,
            articles: 0,
            found: Vec::new(),
            problems: vec![w.message],
            notes: Vec::new(),
        })
        .collect();
    let named = |p: &Path| paths.iter().any(|g| g == p);
    let reads: Vec<(PathBuf, Option<FileRead>)> = files
        .into_par_iter()
        .map(|path| {
            let taken = named(&path) || discover::takes(&path, &options.extensions);
            let read = taken.then(|| read_file(&path, options));
            (path, read)
        })
        .collect();
    for (path, read) in reads {
        let read = read.unwrap_or_default();
        reports.push(FileReport {
            path,
            format: read.format,
            skipped: read.format.is_none() && read.problems.is_empty(),
            articles: read.articles.len(),
            found: found_in(&read.articles),
            problems: read.problems,
            notes: read.notes,
        });
    }
    reports.sort_by(|a, b| a.path.cmp(&b.path));
    reports
}

/// What a file's articles carry: their outlets, how many are dated, have
/// a link, an author, only a summary. Nothing for plain text, which
/// carries none of it.
fn found_in(articles: &[RawArticle]) -> Vec<String> {
    if articles.iter().all(|a| a.source.format == Format::Text) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut outlets: Vec<&str> = articles.iter().filter_map(|a| a.source.label()).collect();
    outlets.sort_unstable();
    outlets.dedup();
    match outlets.as_slice() {
        [] => {}
        [one] => out.push(format!("source {one}")),
        [first, rest @ ..] => out.push(format!("sources {first} and {} more", rest.len())),
    }
    let count = |what: &str, n: usize| (n > 0).then(|| format!("{n} {what}"));
    out.extend(count(
        "dated",
        articles.iter().filter(|a| a.published.is_some()).count(),
    ));
    out.extend(count(
        "with a URL",
        articles.iter().filter(|a| a.source.url.is_some()).count(),
    ));
    out.extend(count(
        "with an author",
        articles
            .iter()
            .filter(|a| a.source.author.is_some())
            .count(),
    ));
    out.extend(count(
        "summary only",
        articles.iter().filter(|a| a.source.summary_only).count(),
    ));
    out
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
    let (articles, problems, _) = parse_file_noting(name, path, text);
    (articles, problems)
}

/// [`parse_file`], with notes on what was dropped without loss.
fn parse_file_noting(
    name: &str,
    path: &Path,
    text: &str,
) -> (Vec<RawArticle>, Vec<String>, Vec<String>) {
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    let (header, start) = header::parse(text);
    if let Some(p) = &header.invalid {
        problems.push(format!("{p}: date ignored, text kept"));
    }
    let body = &text[start..];
    let mut articles = Vec::new();
    let (parts, empty) = split::parts_and_empty(body);
    if empty > 0 {
        notes.push(format!(
            "{empty} empty part(s) around `*****` separators skipped"
        ));
    }
    let several = parts.len() > 1;
    for (a, b) in parts {
        let t = body[a..b].trim();
        // A later part may open with a header of its own, which then
        // applies to that part alone.
        let (own, start) = if articles.is_empty() {
            (header::Header::default(), 0)
        } else {
            header::parse(t)
        };
        if let Some(p) = &own.invalid {
            problems.push(format!("{p}: date ignored, text kept"));
        }
        let t = t[start..].trim();
        if t.is_empty() {
            continue;
        }
        let has_own = own.date.is_some() || own.invalid.is_some();
        let (header_date, published) = if has_own {
            (own.date, own.published)
        } else {
            (header.date, header.published)
        };
        if let Some(p) = overlong_sentences(t) {
            let part = articles.len() + 1;
            problems.push(if several {
                format!("part {part}: {p}")
            } else {
                p
            });
        }
        let h = headline::find(t);
        articles.push(RawArticle {
            file: name.to_string(),
            path: path.to_path_buf(),
            part: articles.len() + 1,
            header_date,
            published,
            header_inherited: !articles.is_empty() && !has_own && header_date.is_some(),
            headline: h.text,
            has_title: h.is_title,
            text: t.to_string(),
            source: Source::new(Format::Text),
        });
    }
    if articles.is_empty() {
        problems.push("no article text (empty file)".to_string());
    }
    (articles, problems, notes)
}

/// The warning for sentences that extraction will take in pieces (see
/// `extract::sentences`), if the text has any: said here, where the file is
/// known, rather than cut in silence.
fn overlong_sentences(text: &str) -> Option<String> {
    let (count, longest) = crate::extract::sentences::overlong(text);
    (count > 0).then(|| {
        format!(
            "{count} sentence(s) over {} bytes (the longest {longest} bytes): \
             cut into pieces of at most {} bytes for extraction, text kept whole",
            crate::extract::sentences::MAX_SENTENCE_BYTES,
            crate::extract::sentences::MAX_SENTENCE_BYTES
        )
    })
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
        assert!(!a[0].header_inherited && a[1].header_inherited);
    }

    #[test]
    fn a_part_with_its_own_header_keeps_it() {
        let t = " date 2017-11 publié le 21/11/2017\nUn.\n*****\n date 2018-02-03 Deux.";
        let (a, p) = parse_file("f.txt", Path::new("f.txt"), t);
        assert!(p.is_empty());
        assert_eq!(a[1].header_date.unwrap().to_string(), "2018-02-03");
        assert_eq!(a[1].published, None);
        assert!(!a[1].header_inherited);
        assert_eq!(a[1].text, "Deux.");
    }

    #[test]
    fn an_overlong_sentence_is_a_problem_naming_the_part() {
        let t = format!("Un.\n*****\nDeux.\n{}\n", "Moscou ".repeat(1_000));
        let (a, p) = parse_file("f.txt", Path::new("f.txt"), &t);
        assert_eq!(a.len(), 2);
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            p[0].starts_with("part 2: 1 sentence(s) over 4096 bytes (the longest 6999 bytes)"),
            "{}",
            p[0]
        );
    }

    #[test]
    fn empty_file_is_a_problem_not_an_article() {
        let (a, p) = parse_file("e.txt", Path::new("e.txt"), "  \n");
        assert!(a.is_empty());
        assert_eq!(p.len(), 1);
    }
}
