//! `[[feed]]` subscriptions and `[fetch]`, how `revue fetch` downloads
//! them: where the archive is, the timeout, retries, size cap and how many
//! hosts are fetched at once. Only the settings are here; the fetching is
//! `crate::fetch`.

use std::ops::Range;
use std::path::PathBuf;

use serde::{Deserialize, Deserializer, de::Error as _};
use toml::Spanned;

use super::values::ByteSize;

/// One `[[feed]]` entry.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedConfig {
    /// The feed's name: its articles' source and its archive folder.
    /// Spanned so that a duplicate can be pointed at.
    name: Spanned<String>,
    /// The feed's address (http or https).
    #[serde(deserialize_with = "http_url")]
    pub url: String,
    /// Fetch each new item's page once and read its text from there,
    /// for feeds that carry only summaries.
    #[serde(default)]
    pub full_text: bool,
}

impl FeedConfig {
    pub fn new(name: &str, url: &str, full_text: bool) -> FeedConfig {
        FeedConfig {
            name: Spanned::new(0..0, name.to_string()),
            url: url.to_string(),
            full_text,
        }
    }

    pub fn name(&self) -> &str {
        self.name.get_ref()
    }

    pub(super) fn name_span(&self) -> Range<usize> {
        self.name.span()
    }

    /// The archive folder's name: the feed's name in lowercase letters,
    /// digits and `-`, so that it is a safe file name on every system.
    pub fn folder(&self) -> String {
        slug(self.name())
    }
}

/// A name as a file name: letters and digits kept (lowercased), every
/// other run of characters one `-`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

fn http_url<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let url = String::deserialize(d)?;
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(r) if !r.is_empty() && !r.starts_with('/') && !url.contains(char::is_whitespace) => {
            Ok(url.to_string())
        }
        _ => Err(D::Error::custom(format!(
            "bad feed url `{}`: write the whole address, as in \"https://example.org/feed.xml\"",
            super::cli_safe(url)
        ))),
    }
}

/// `[fetch]`: how `revue fetch` downloads the feeds.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FetchConfig {
    /// The archive folder, relative to the config file (default:
    /// `$XDG_DATA_HOME/revue/archive`, else `~/.local/share/revue/archive`).
    pub archive: Option<PathBuf>,
    /// Seconds one request may take, connection to last byte.
    #[serde(default = "default_timeout", deserialize_with = "seconds")]
    pub timeout: u64,
    /// Tries after the first for a request that failed on the way (a
    /// timeout, a dropped connection, a 5xx or 429 answer).
    #[serde(default = "default_retries")]
    pub retries: u32,
    /// The largest feed or page read; a larger one fails.
    #[serde(default = "default_max_size")]
    pub max_size: ByteSize,
    /// How many hosts are fetched from at once (one request at a time
    /// to each host).
    #[serde(default = "default_hosts", deserialize_with = "at_least_one")]
    pub hosts: usize,
}

impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            archive: None,
            timeout: default_timeout(),
            retries: default_retries(),
            max_size: default_max_size(),
            hosts: default_hosts(),
        }
    }
}

fn default_timeout() -> u64 {
    30
}

fn default_retries() -> u32 {
    2
}

fn default_max_size() -> ByteSize {
    ByteSize(10_000_000)
}

fn default_hosts() -> usize {
    4
}

fn seconds<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    match u64::deserialize(d)? {
        0 => Err(D::Error::custom(
            "a timeout of 0 seconds would fail every request",
        )),
        n => Ok(n),
    }
}

fn at_least_one<'de, D: Deserializer<'de>>(d: D) -> Result<usize, D::Error> {
    match usize::deserialize(d)? {
        0 => Err(D::Error::custom("0 hosts at once would fetch nothing")),
        n => Ok(n),
    }
}

/// The first problem across feeds: a name that is empty or hides
/// characters, or two feeds sharing an archive folder.
pub(super) fn cross_check(feeds: &[FeedConfig]) -> Option<(Range<usize>, String)> {
    let mut seen = std::collections::HashMap::new();
    for f in feeds {
        if f.folder().is_empty() {
            return Some((
                f.name_span(),
                format!(
                    "feed name `{}` has no letter or digit; name the feed",
                    super::cli_safe(f.name())
                ),
            ));
        }
        if let Some(c) = f
            .name()
            .chars()
            .find(|&c| crate::ingest::decode::is_unsafe(c))
        {
            return Some((
                f.name_span(),
                format!(
                    "feed name `{}` holds U+{:04X}, a control or invisible character; remove it",
                    super::cli_safe(f.name()),
                    u32::from(c)
                ),
            ));
        }
        if let Some(first) = seen.insert(f.folder(), f) {
            return Some((
                f.name_span(),
                format!(
                    "feed `{}` would share the archive folder `{}` with feed `{}`; rename one",
                    super::cli_safe(f.name()),
                    f.folder(),
                    super::cli_safe(first.name())
                ),
            ));
        }
    }
    None
}

/// The archive's default place: `$XDG_DATA_HOME/revue/archive`, else
/// `~/.local/share/revue/archive`.
pub fn default_archive() -> Option<PathBuf> {
    let data = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local").join("share"))
        })?;
    Some(data.join("revue").join("archive"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_folder_names() {
        assert_eq!(slug("Le Monde — International"), "le-monde-international");
        assert_eq!(slug("../../etc"), "etc");
        assert_eq!(slug("Ça va ?"), "ça-va");
        assert_eq!(slug("***"), "");
    }
}
