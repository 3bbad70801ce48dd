//! `config.toml`: where the corpus is and which aliases the user adds.
//! Lookup: `--config PATH`, `./config.toml`, `$XDG_CONFIG_HOME/revue/config.toml`
//! (or `~/.config/revue/config.toml`), then built-in defaults. Unknown keys
//! and wrong types are errors naming the file, line and column.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub corpus: CorpusConfig,
    /// Canonical name → other names of the same referent.
    #[serde(default)]
    pub aliases: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CorpusConfig {
    /// Files or folders of articles, relative to the config file.
    #[serde(default)]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: cannot read: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
}

/// A loaded configuration and the file it came from (`None`: built-in).
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub config: Config,
    pub path: Option<PathBuf>,
}

impl Loaded {
    /// Corpus paths resolved against the config file's folder.
    pub fn corpus_paths(&self) -> Vec<PathBuf> {
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
}

/// The config file to use: the explicit one, else the first that exists.
pub fn locate(explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = explicit {
        return Some(p.to_path_buf());
    }
    let local = PathBuf::from("config.toml");
    if local.is_file() {
        return Some(local);
    }
    let xdg = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    let user = xdg.join("revue").join("config.toml");
    user.is_file().then_some(user)
}

pub fn load(explicit: Option<&Path>) -> Result<Loaded, ConfigError> {
    let Some(path) = locate(explicit) else {
        return Ok(Loaded::default());
    };
    let text = std::fs::read_to_string(&path).map_err(|source| ConfigError::Read {
        path: path.clone(),
        source,
    })?;
    let config = parse(&text, &path)?;
    Ok(Loaded {
        config,
        path: Some(path),
    })
}

/// Parses config text; errors carry the 1-based line and column.
pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
    toml::from_str(text).map_err(|e| {
        let (line, column) = e.span().map(|s| line_col(text, s.start)).unwrap_or((1, 1));
        ConfigError::Parse {
            path: path.to_path_buf(),
            line,
            column,
            message: e.message().to_string(),
        }
    })
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_paths_and_aliases() {
        let c = parse(
            "[corpus]\npaths = [\"seeds\"]\n[aliases]\n\"Jean Dupont\" = [\"JD\"]\n",
            Path::new("c.toml"),
        )
        .unwrap();
        assert_eq!(c.corpus.paths, [PathBuf::from("seeds")]);
        assert_eq!(c.aliases["Jean Dupont"], ["JD"]);
    }

    #[test]
    fn unknown_keys_name_line_and_column() {
        let e = parse("[corpus]\npahts = [\"seeds\"]\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("c.toml:2:1: "), "{e}");
        assert!(e.contains("pahts"), "{e}");
    }
}
