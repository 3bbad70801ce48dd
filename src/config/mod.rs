//! `config.toml`: the corpus, the look of the dashboard, key bindings,
//! aliases and presets. Lookup: `--config PATH`, `./config.toml`,
//! `$XDG_CONFIG_HOME/revue/config.toml` (or `~/.config/revue/config.toml`),
//! then built-in defaults.
//!
//! Everything is checked while the file is read: unknown keys, wrong types,
//! bad values (dates, event types, sort orders, keys) and duplicate preset
//! names are errors naming the file, line and column, with the nearest
//! valid name for a near miss. A config that loads is a config that works;
//! nothing here reads the corpus or touches the terminal.

pub mod dashboard;
pub mod feeds;
pub mod keys;
pub mod preset;
pub mod values;
pub mod watch;

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer, de::Error as _};

use crate::app::Pane;

pub use feeds::{FeedConfig, FetchConfig};
pub use keys::{KeyAction, Keys};
pub use preset::{Preset, UnknownPreset};

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub corpus: CorpusConfig,
    #[serde(default)]
    pub ui: UiConfig,
    /// Action name → key or keys, replacing that action's defaults.
    #[serde(default)]
    pub keys: Keys,
    /// Canonical name → other names of the same referent.
    #[serde(default)]
    pub aliases: BTreeMap<String, Vec<String>>,
    /// `[[preset]]` entries, in file order.
    #[serde(default, rename = "preset")]
    pub presets: Vec<Preset>,
    #[serde(default)]
    pub state: StateConfig,
    #[serde(default)]
    pub cache: CacheConfig,
    /// `[ingest]`: how files of each format are read.
    #[serde(default)]
    pub ingest: IngestConfig,
    /// `[[feed]]` subscriptions, in file order, which `revue fetch` downloads.
    #[serde(default, rename = "feed")]
    pub feeds: Vec<FeedConfig>,
    /// `[fetch]`: how `revue fetch` downloads them.
    #[serde(default)]
    pub fetch: FetchConfig,
    /// `[stories]`: when copies and rewrites of one dispatch are one story.
    #[serde(default)]
    pub stories: StoriesConfig,
}

/// `[stories]`: Jaccard similarities of the articles' shingles, 0 to 1.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct StoriesConfig {
    /// Whether to find stories at all (off: every article is its own).
    #[serde(default = "yes")]
    pub enabled: bool,
    /// At or above: a copy of the story's representative.
    #[serde(default = "copy_threshold", deserialize_with = "similarity")]
    pub copy: f32,
    /// At or above: one story; a rewrite when below `copy`.
    #[serde(default = "rewrite_threshold", deserialize_with = "similarity")]
    pub rewrite: f32,
    /// What a read mark on a story's row reaches in the dashboard:
    /// `story` (every printing), `copies`, or `article` (the row alone).
    #[serde(default)]
    pub read_marks: crate::app::stories::ReadMarks,
}

impl Default for StoriesConfig {
    fn default() -> Self {
        StoriesConfig {
            enabled: true,
            copy: copy_threshold(),
            rewrite: rewrite_threshold(),
            read_marks: Default::default(),
        }
    }
}

fn copy_threshold() -> f32 {
    crate::model::stories::Thresholds::default().copy
}

fn rewrite_threshold() -> f32 {
    crate::model::stories::Thresholds::default().rewrite
}

fn similarity<'de, D: Deserializer<'de>>(d: D) -> Result<f32, D::Error> {
    let v = f64::deserialize(d)?;
    // Zero would make every pair of articles one story.
    if v > 0.0 && v <= 1.0 {
        Ok(v as f32)
    } else {
        Err(D::Error::custom(format!(
            "{v} is out of range: a similarity is above 0 and at most 1"
        )))
    }
}

/// `[cache]`: the on-disk cache of the built model.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CacheConfig {
    /// Whether to read and write it (`--no-cache` turns it off for one run).
    #[serde(default = "yes")]
    pub enabled: bool,
    /// The folder of cache files, relative to the config file.
    pub dir: Option<PathBuf>,
}

impl Default for CacheConfig {
    fn default() -> Self {
        CacheConfig {
            enabled: true,
            dir: None,
        }
    }
}

fn yes() -> bool {
    true
}

/// `[state]`: where review marks are kept.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct StateConfig {
    /// The marks file, relative to the config file.
    pub path: Option<PathBuf>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CorpusConfig {
    /// Files or folders of articles, relative to the config file.
    #[serde(default)]
    pub paths: Vec<PathBuf>,
    /// File extensions read when walking a folder (files named directly
    /// are always read), without the dot, compared ignoring case.
    #[serde(default = "default_extensions", deserialize_with = "extensions")]
    pub extensions: Vec<String>,
    /// The most read of one file (`"64 MB"`, or bytes): the rest is left
    /// out with a warning.
    #[serde(default = "default_max_file_size")]
    pub max_file_size: values::ByteSize,
    /// Whether symlinks in the corpus folders are followed wherever they
    /// lead; by default one that leaves the corpus paths is skipped with a
    /// warning.
    #[serde(default)]
    pub follow_links: bool,
    /// Whether the open dashboard follows changes to the corpus folders:
    /// `true` (inotify, else polling), `"poll"` or `false`.
    #[serde(default)]
    pub watch: watch::Watch,
}

impl Default for CorpusConfig {
    fn default() -> Self {
        CorpusConfig {
            paths: Vec::new(),
            extensions: default_extensions(),
            max_file_size: default_max_file_size(),
            follow_links: false,
            watch: watch::Watch::default(),
        }
    }
}

impl CorpusConfig {
    /// How ingest reads the corpus under these settings (and the
    /// defaults of `[ingest]`: [`Config::ingest_options`] adds those).
    pub fn ingest_options(&self) -> crate::ingest::Options {
        crate::ingest::Options {
            extensions: self.extensions.clone(),
            max_file_bytes: self.max_file_size.0,
            follow_links: self.follow_links,
            json: Box::default(),
        }
    }
}

/// `[ingest]`: how files of each format are read.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct IngestConfig {
    /// `[ingest.json]`: field names of JSON exports.
    #[serde(default)]
    pub json: crate::ingest::json::JsonFields,
}

impl Config {
    /// How ingest reads the corpus: `[corpus]` and `[ingest]` together.
    pub fn ingest_options(&self) -> crate::ingest::Options {
        crate::ingest::Options {
            json: Box::new(self.ingest.json.clone()),
            ..self.corpus.ingest_options()
        }
    }
}

fn default_max_file_size() -> values::ByteSize {
    values::ByteSize(crate::ingest::DEFAULT_MAX_FILE_BYTES)
}

fn default_extensions() -> Vec<String> {
    crate::ingest::discover::ARTICLE_EXTENSIONS
        .iter()
        .map(|e| e.to_string())
        .collect()
}

fn extensions<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let raw = Vec::<String>::deserialize(d)?;
    if raw.is_empty() {
        return Err(D::Error::custom(
            "no extensions: leave the key out for the defaults (those of every format)",
        ));
    }
    raw.iter()
        .map(|e| {
            let e = e.trim().trim_start_matches("*.").trim_start_matches('.');
            if e.is_empty() || e.contains(['/', '\\', '*', '?', '.']) {
                Err(D::Error::custom(format!(
                    "bad extension `{e}`: write it without dot or wildcard, as in \"txt\""
                )))
            } else {
                Ok(e.to_lowercase())
            }
        })
        .collect()
}

/// Colours of the dashboard.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    /// For dark terminal backgrounds.
    #[default]
    Dark,
    /// For light terminal backgrounds.
    Light,
    /// Only the terminal's own 16 colours, as its palette sets them.
    Ansi16,
}

/// How the three panes are arranged.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Layout {
    /// Articles on the left; entities above the timeline on the right.
    #[default]
    SideBySide,
    /// Articles on top; entities beside the timeline below.
    Stacked,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct UiConfig {
    #[serde(default)]
    pub theme: ThemeName,
    #[serde(default)]
    pub layout: Layout,
    /// The panes shown, each once; at least one.
    #[serde(default = "all_panes", deserialize_with = "panes")]
    pub panes: Vec<Pane>,
    /// Share of the screen for the article list: its width side by side,
    /// its height stacked (10 to 90).
    #[serde(default = "half", deserialize_with = "percent")]
    pub articles_percent: u16,
    /// Share of the rest for the entities, the timeline taking what is
    /// left (10 to 90).
    #[serde(default = "half", deserialize_with = "percent")]
    pub entities_percent: u16,
    /// Clicks and the wheel (false leaves the mouse to the terminal, for
    /// selecting text).
    #[serde(default = "yes")]
    pub mouse: bool,
}

impl Default for UiConfig {
    fn default() -> Self {
        UiConfig {
            theme: ThemeName::default(),
            layout: Layout::default(),
            panes: all_panes(),
            articles_percent: half(),
            entities_percent: half(),
            mouse: true,
        }
    }
}

fn all_panes() -> Vec<Pane> {
    vec![Pane::Articles, Pane::Entities, Pane::Timeline]
}

fn half() -> u16 {
    50
}

fn panes<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Pane>, D::Error> {
    use values::FromConfig;
    let mut out = Vec::new();
    for name in Vec::<String>::deserialize(d)? {
        let p = Pane::from_config(&name).map_err(D::Error::custom)?;
        if out.contains(&p) {
            return Err(D::Error::custom(format!("pane `{name}` is listed twice")));
        }
        out.push(p);
    }
    if out.is_empty() {
        return Err(D::Error::custom(
            "no panes: list at least one of articles, entities, timeline",
        ));
    }
    Ok(out)
}

fn percent<'de, D: Deserializer<'de>>(d: D) -> Result<u16, D::Error> {
    let v = i64::deserialize(d)?;
    if (10..=90).contains(&v) {
        Ok(v as u16)
    } else {
        Err(D::Error::custom(format!(
            "{v}% is out of range: a pane takes 10 to 90 percent"
        )))
    }
}

impl Config {
    /// The preset of that name, or an error suggesting the nearest name.
    pub fn preset(&self, name: &str) -> Result<&Preset, UnknownPreset> {
        self.presets
            .iter()
            .find(|p| p.name() == name)
            .ok_or_else(|| UnknownPreset::new(name, &self.presets))
    }

    /// Checks across entries that serde cannot see one at a time: a byte
    /// span and a message for the first problem.
    fn cross_check(&self, text: &str) -> Option<(Range<usize>, String)> {
        for p in &self.presets {
            // A name is typed after `--preset` and shown on screen: one that
            // hides characters could not be typed, and could pass for another.
            if let Some(c) = p
                .name()
                .chars()
                .find(|&c| crate::ingest::decode::is_unsafe(c))
            {
                return Some((
                    p.name_span(),
                    format!(
                        "preset name `{}` holds U+{:04X}, a control or invisible character; remove it",
                        cli_safe(p.name()),
                        u32::from(c)
                    ),
                ));
            }
        }
        if let Some((first, again)) = first_repeat(&self.presets, Preset::name) {
            let (first, p) = (&self.presets[first], &self.presets[again]);
            return Some((
                p.name_span(),
                format!(
                    "duplicate preset name `{}` (first defined on line {}); preset names must be unique",
                    p.name(),
                    line_col(text, first.name_span().start).0
                ),
            ));
        }
        feeds::cross_check(&self.feeds).or_else(|| self.keys.conflict())
    }
}

/// Text from the config for a message: unsafe characters as spaces.
pub(crate) fn cli_safe(s: &str) -> String {
    s.chars()
        .map(|c| {
            if crate::ingest::decode::is_unsafe(c) {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// The first item whose key an earlier item has: `(earlier, again)`. One
/// hash look-up per item; comparing each preset with all before it cost
/// 12.5 s on every command for 80,000 presets.
fn first_repeat<'a, T, K: Eq + std::hash::Hash>(
    items: &'a [T],
    mut key: impl FnMut(&'a T) -> K,
) -> Option<(usize, usize)> {
    let mut seen = std::collections::HashMap::with_capacity(items.len());
    items
        .iter()
        .enumerate()
        .find_map(|(i, item)| seen.insert(key(item), i).map(|first| (first, i)))
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}:{line}:{column}: {message}{excerpt}", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
        /// The offending line with a caret under the problem, or empty.
        excerpt: Excerpt,
    },
    #[error("{origin}: {error}")]
    Preset {
        /// The file the presets come from, or "built-in defaults".
        origin: String,
        error: UnknownPreset,
    },
}

/// The source line of an error with `^` under the problem, shown after the
/// message.
#[derive(Debug, Clone, Default)]
pub struct Excerpt(String);

impl fmt::Display for Excerpt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A loaded configuration and the file it came from (`None`: built-in).
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub config: Config,
    pub path: Option<PathBuf>,
    /// The analyst's corrections (from the state folder, read by the
    /// caller, which knows where that is), applied at every build.
    pub corrections: Vec<crate::model::corrections::Correction>,
}

impl Loaded {
    /// `[state] path`, resolved against the config file's folder.
    pub fn state_path(&self) -> Option<PathBuf> {
        Some(self.resolve(self.config.state.path.as_ref()?))
    }

    /// `[cache] dir`, resolved against the config file's folder.
    pub fn cache_dir(&self) -> Option<PathBuf> {
        Some(self.resolve(self.config.cache.dir.as_ref()?))
    }

    fn resolve(&self, p: &Path) -> PathBuf {
        let base = self
            .path
            .as_deref()
            .and_then(Path::parent)
            .unwrap_or(Path::new("."));
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            base.join(p)
        }
    }

    /// The feed archive: `[fetch] archive` resolved against the config
    /// file's folder, else the XDG data folder's.
    pub fn archive_dir(&self) -> Option<PathBuf> {
        match &self.config.fetch.archive {
            Some(p) => Some(self.resolve(p)),
            None => feeds::default_archive(),
        }
    }

    /// Corpus paths resolved against the config file's folder, and the
    /// feed archive once feeds are configured and fetched.
    pub fn corpus_paths(&self) -> Vec<PathBuf> {
        let mut paths = self.configured_paths();
        if !self.config.feeds.is_empty()
            && let Some(archive) = self.archive_dir().filter(|a| a.is_dir())
        {
            paths.push(archive);
        }
        paths
    }

    fn configured_paths(&self) -> Vec<PathBuf> {
        let base = self
            .path
            .as_deref()
            .and_then(Path::parent)
            .unwrap_or(Path::new("."));
        self.config
            .corpus
            .paths
            .iter()
            .map(|p| {
                if p.is_absolute() {
                    p.clone()
                } else {
                    base.join(p)
                }
            })
            .collect()
    }

    /// Where the configuration comes from, for messages.
    pub fn source(&self) -> String {
        match &self.path {
            Some(p) => p.display().to_string(),
            None => "built-in defaults".to_string(),
        }
    }

    /// A preset by name; the error names the config file.
    pub fn preset(&self, name: &str) -> Result<&Preset, ConfigError> {
        self.config
            .preset(name)
            .map_err(|error| ConfigError::Preset {
                origin: self.source(),
                error,
            })
    }
}

/// The config file to use: the explicit one, else the first that exists.
pub fn locate(explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = explicit {
        return Some(p.to_path_buf());
    }
    let local = PathBuf::from("config.toml");
    // Whatever sits there is the config: a FIFO or a folder is then refused
    // when read, rather than passed over in silence.
    if local.exists() {
        return Some(local);
    }
    let user = user_path()?;
    user.exists().then_some(user)
}

/// The user's config file, whether or not it exists:
/// `$XDG_CONFIG_HOME/revue/config.toml`, else `~/.config/revue/config.toml`.
pub fn user_path() -> Option<PathBuf> {
    let xdg = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(xdg.join("revue").join("config.toml"))
}

/// The largest config read: ample for tens of thousands of presets, and a
/// bound on what a mistaken path (a log, a disk image) can cost.
pub const MAX_CONFIG_BYTES: u64 = 64 * 1024 * 1024;

pub fn load(explicit: Option<&Path>) -> Result<Loaded, ConfigError> {
    let Some(path) = locate(explicit) else {
        return Ok(Loaded::default());
    };
    let text =
        crate::regular_file::read_to_string_capped(&path, MAX_CONFIG_BYTES).map_err(|source| {
            ConfigError::Read {
                path: path.clone(),
                source,
            }
        })?;
    let config = parse(&text, &path)?;
    Ok(Loaded {
        config,
        path: Some(path),
        corrections: Vec::new(),
    })
}

/// Parses and checks config text; errors carry the 1-based line and column
/// (in characters) and, for a misspelt name, the nearest valid one.
pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
    let error = |span: Option<Range<usize>>, message: String| {
        let (line, column) = span
            .as_ref()
            .map(|s| line_col(text, s.start))
            .unwrap_or((1, 1));
        ConfigError::Parse {
            path: path.to_path_buf(),
            line,
            column,
            message,
            excerpt: span.map(|s| excerpt(text, s)).unwrap_or_default(),
        }
    };
    let config: Config =
        toml::from_str(text).map_err(|e| error(e.span(), with_suggestion(e.message())))?;
    match config.cross_check(text) {
        Some((span, message)) => Err(error(Some(span), message)),
        None => Ok(config),
    }
}

/// serde reports a misspelt key or variant as "unknown field `pahts`,
/// expected `paths` or `extensions`"; this adds the nearest of the expected
/// names when one is close.
fn with_suggestion(message: &str) -> String {
    let message = message.trim_end();
    let unknown = ["unknown field `", "unknown variant `"]
        .iter()
        .find_map(|p| message.find(p).map(|i| i + p.len()));
    let Some(start) = unknown else {
        return message.to_string();
    };
    let Some(len) = message[start..].find('`') else {
        return message.to_string();
    };
    let word = &message[start..start + len];
    let Some(expected) = message.find("expected").map(|i| &message[i..]) else {
        return message.to_string();
    };
    let candidates = expected.split('`').skip(1).step_by(2);
    format!("{message}{}", values::suggestion(word, candidates))
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset);
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut i = offset.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The line holding `span` and carets under the part of it on that line.
/// Control characters in the line are shown as spaces: config text goes to
/// a terminal.
fn excerpt(text: &str, span: Range<usize>) -> Excerpt {
    let start = floor_char_boundary(text, span.start);
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = cli_safe(&text[line_start..line_end]);
    let (number, column) = line_col(text, start);
    let end = floor_char_boundary(text, span.end.clamp(start, line_end));
    let width = text[start..end].chars().count().max(1);
    let gutter = " ".repeat(number.to_string().len());
    Excerpt(format!(
        "\n{gutter} |\n{number} | {line}\n{gutter} | {}{}",
        " ".repeat(column - 1),
        "^".repeat(width)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::kind::EventType;
    use crate::search::Sort;

    fn parse_str(s: &str) -> Result<Config, String> {
        parse(s, Path::new("c.toml")).map_err(|e| e.to_string())
    }

    #[test]
    fn story_thresholds_are_read_and_checked() {
        let c = parse_str("[stories]\ncopy = 0.95\nrewrite = 0.6\n").unwrap();
        assert_eq!((c.stories.copy, c.stories.rewrite), (0.95, 0.6));
        assert_eq!(parse_str("").unwrap().stories, StoriesConfig::default());
        let e = parse_str("[stories]\nrewrite = 1.5\n").unwrap_err();
        assert!(e.contains("c.toml:2") && e.contains("out of range"), "{e}");
    }

    #[test]
    fn what_a_story_read_mark_reaches_is_read_and_checked() {
        use crate::app::stories::ReadMarks;
        assert_eq!(parse_str("").unwrap().stories.read_marks, ReadMarks::Story);
        let c = parse_str("[stories]\nread_marks = \"copies\"\n").unwrap();
        assert_eq!(c.stories.read_marks, ReadMarks::Copies);
        let e = parse_str("[stories]\nread_marks = \"all\"\n").unwrap_err();
        assert!(e.contains("c.toml:2") && e.contains("article"), "{e}");
    }

    #[test]
    fn parses_paths_and_aliases() {
        let c = parse_str("[corpus]\npaths = [\"seeds\"]\n[aliases]\n\"Jean Dupont\" = [\"JD\"]\n")
            .unwrap();
        assert_eq!(c.corpus.paths, [PathBuf::from("seeds")]);
        assert_eq!(c.corpus.extensions, crate::ingest::format::EXTENSIONS);
        assert_eq!(c.aliases["Jean Dupont"], ["JD"]);
    }

    #[test]
    fn json_fields_are_set_and_checked() {
        let c = parse_str("[ingest.json]\ntitle = \"meta.heading\"\n").unwrap();
        assert_eq!(c.ingest.json.title.as_deref(), Some("meta.heading"));
        let e = parse_str("[ingest.json]\ntitle = \"t\"\nbdoy = \"b\"\n").unwrap_err();
        assert!(e.contains("c.toml:3:1") && e.contains("bdoy"), "{e}");
        assert!(e.contains("`body`") || e.contains("text"), "{e}");
    }

    #[test]
    fn empty_text_is_the_defaults() {
        assert_eq!(parse_str("").unwrap(), Config::default());
    }

    #[test]
    fn unknown_keys_name_line_and_column_and_the_nearest_key() {
        let e = parse_str("[corpus]\npahts = [\"seeds\"]\n").unwrap_err();
        assert!(e.starts_with("c.toml:2:1: "), "{e}");
        assert!(e.contains("pahts"), "{e}");
        assert!(e.contains("did you mean `paths`?"), "{e}");
        assert!(e.contains("2 | pahts = [\"seeds\"]\n  | ^^^^^"), "{e}");
    }

    #[test]
    fn unknown_variants_suggest_too() {
        let e = parse_str("[ui]\ntheme = \"drak\"\n").unwrap_err();
        assert!(e.starts_with("c.toml:2:9: "), "{e}");
        assert!(e.contains("did you mean `dark`?"), "{e}");
        let e = parse_str("[keys]\nqiut = \"x\"\n").unwrap_err();
        assert!(e.starts_with("c.toml:2:1: "), "{e}");
        assert!(e.contains("did you mean `quit`?"), "{e}");
    }

    #[test]
    fn ui_values_are_checked() {
        let c = parse_str(
            "[ui]\ntheme = \"ansi16\"\nlayout = \"stacked\"\npanes = [\"articles\", \"timeline\"]\narticles_percent = 60\n",
        )
        .unwrap();
        assert_eq!(c.ui.theme, ThemeName::Ansi16);
        assert_eq!(c.ui.layout, Layout::Stacked);
        assert_eq!(c.ui.panes, [Pane::Articles, Pane::Timeline]);
        assert_eq!(c.ui.articles_percent, 60);
        assert_eq!(c.ui.entities_percent, 50);
        let e = parse_str("[ui]\narticles_percent = 95\n").unwrap_err();
        assert!(
            e.starts_with("c.toml:2:20: ") && e.contains("10 to 90"),
            "{e}"
        );
        let e = parse_str("[ui]\npanes = [\"articles\", \"articles\"]\n").unwrap_err();
        assert!(e.contains("twice"), "{e}");
        let e = parse_str("[corpus]\nextensions = [\"*.txt\", \"a/b\"]\n").unwrap_err();
        assert!(e.contains("bad extension `a/b`"), "{e}");
    }

    #[test]
    fn keys_are_checked() {
        let c = parse_str("[keys]\nquit = \"x\"\ndown = [\"j\", \"ctrl-n\"]\n").unwrap();
        assert_eq!(c.keys.get("down").unwrap().len(), 2);
        assert!(c.keys.get("up").is_none());
        let e = parse_str("[keys]\nopen = \"entr\"\n").unwrap_err();
        assert!(e.starts_with("c.toml:2:8: "), "{e}");
        assert!(e.contains("did you mean `enter`?"), "{e}");
        let e = parse_str("[keys]\ndown = \"j\"\ntop = [\"g\", \"j\"]\n").unwrap_err();
        assert!(e.starts_with("c.toml:3:7: "), "{e}");
        assert!(e.contains("`j` is bound to both `down` and `top`"), "{e}");
        // A key the defaults give to another action of the same screen.
        let e = parse_str("[keys]\nquit = \"j\"\n").unwrap_err();
        assert!(e.starts_with("c.toml:2:8: "), "{e}");
        assert!(e.contains("`j` is bound to both `quit` and `down`"), "{e}");
    }

    #[test]
    fn presets_are_checked() {
        let c = parse_str(
            "[[preset]]\nname = \"a\"\ntype = \"meeting\"\ndate = \"2017-11\"\nsort = \"date\"\npane = \"timeline\"\n",
        )
        .unwrap();
        let p = c.preset("a").unwrap();
        assert_eq!(p.kind, Some(EventType::Meeting));
        assert_eq!(p.sort, Some(Sort::Date));
        assert_eq!(p.pane, Some(Pane::Timeline));
        let e = parse_str("[[preset]]\nname = \"a\"\ndate = \"2017-13\"\n").unwrap_err();
        assert!(
            e.starts_with("c.toml:3:8: ") && e.contains("bad date range"),
            "{e}"
        );
        let e = parse_str("[[preset]]\nname = \"a\"\ntype = \"meetng\"\n").unwrap_err();
        assert!(
            e.starts_with("c.toml:3:8: ") && e.contains("`meeting`"),
            "{e}"
        );
        let e = parse_str("[[preset]]\nname = \"a\"\nquery = \"#party\"\n").unwrap_err();
        assert!(e.starts_with("c.toml:3:9: ") && e.contains("#party"), "{e}");
        let e = parse_str("[[preset]]\nname = \"a\"\nsrot = \"date\"\n").unwrap_err();
        assert!(
            e.starts_with("c.toml:3:1: ") && e.contains("did you mean `sort`?"),
            "{e}"
        );
        let e = parse_str("[[preset]]\nname = \"a\"\n\n[[preset]]\nname = \"a\"\n").unwrap_err();
        assert!(e.starts_with("c.toml:5:8: "), "{e}");
        assert!(
            e.contains("duplicate preset name `a` (first defined on line 2)"),
            "{e}"
        );
        let e = parse_str("[[preset]]\ndescription = \"x\"\n").unwrap_err();
        assert!(e.contains("missing field `name`"), "{e}");
    }

    #[test]
    fn repeats_are_found_with_one_key_per_item() {
        let names: Vec<String> = (0..1000).map(|i| format!("p{i}")).collect();
        let mut calls = 0;
        let found = first_repeat(&names, |n| {
            calls += 1;
            n.as_str()
        });
        assert_eq!((found, calls), (None, 1000));
        assert_eq!(
            first_repeat(&["a", "b", "c", "b", "a"], |n| *n),
            Some((1, 3))
        );
    }

    #[test]
    fn a_preset_is_one_query() {
        let c = parse_str(
            "[[preset]]\nname = \"sotchi\"\nquery = \"'Sotchi\"\nentity = \"Bachar al-Assad\"\ntype = \"meeting\"\ndate = \"2015..2017\"\nlang = \"fr\"\n",
        )
        .unwrap();
        let p = c.preset("sotchi").unwrap();
        assert_eq!(
            p.query_string(),
            "'Sotchi @Bachar_al-Assad #meeting date:2015..2017 lang:fr"
        );
        assert_eq!(
            Preset::combined_query(Some(p), Some("erdo")),
            "'Sotchi @Bachar_al-Assad #meeting date:2015..2017 lang:fr erdo"
        );
        assert_eq!(Preset::combined_query(None, Some(" erdo ")), "erdo");
    }

    #[test]
    fn a_misspelt_preset_gets_the_nearest_name() {
        let c = parse_str("[[preset]]\nname = \"syria-military\"\n[[preset]]\nname = \"turkey\"\n")
            .unwrap();
        let e = c.preset("syria-militray").unwrap_err().to_string();
        assert_eq!(
            e,
            "no preset named `syria-militray`; did you mean `syria-military`?"
        );
        let e = c.preset("zzz").unwrap_err().to_string();
        assert!(e.contains("presets: syria-military, turkey"), "{e}");
        let e = Config::default().preset("x").unwrap_err().to_string();
        assert!(e.contains("defines no presets"), "{e}");
    }
}
