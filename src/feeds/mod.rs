//! `revue feeds import|export`: subscriptions in and out of config.toml
//! as OPML. Import appends `[[feed]]` tables with `toml_edit`, so the
//! user's comments, order and layout stay as they were; the new text is
//! checked as a config before it replaces the file (temporary file and
//! rename), so an import never leaves a config that does not load.

pub mod opml;

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, value};

use crate::config::feeds::slug;
use crate::ingest::dedupe::normal_url;

/// What an import did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Imported {
    pub added: Vec<String>,
    /// Feeds whose address config.toml already had.
    pub already: usize,
}

/// The config text with `subs` added as `[[feed]]` entries, skipping
/// addresses it already has; a name whose archive folder another feed
/// has gets a number (`Gazette 2`).
pub fn add_feeds(
    config_text: &str,
    subs: &[opml::Subscription],
) -> Result<(String, Imported), String> {
    let mut doc: DocumentMut = config_text
        .parse()
        .map_err(|e: toml_edit::TomlError| e.to_string())?;
    let mut urls = HashSet::new();
    let mut folders = HashSet::new();
    if let Some(existing) = doc.get("feed") {
        let Some(tables) = existing.as_array_of_tables() else {
            return Err("`feed` is not a list of [[feed]] tables".into());
        };
        for t in tables.iter() {
            if let Some(u) = t.get("url").and_then(Item::as_str) {
                urls.insert(normal_url(u));
            }
            if let Some(n) = t.get("name").and_then(Item::as_str) {
                folders.insert(slug(n));
            }
        }
    }
    let mut done = Imported::default();
    let mut new = Vec::new();
    for s in subs {
        if !urls.insert(normal_url(&s.url)) {
            done.already += 1;
            continue;
        }
        let mut name = s.name.clone();
        let mut n = 2;
        while !folders.insert(slug(&name)) {
            name = format!("{} {n}", s.name);
            n += 1;
        }
        let mut t = Table::new();
        t.insert("name", value(name.as_str()));
        t.insert("url", value(s.url.as_str()));
        new.push(t);
        done.added.push(name);
    }
    if !new.is_empty() {
        let feeds = doc
            .entry("feed")
            .or_insert_with(|| Item::ArrayOfTables(ArrayOfTables::new()))
            .as_array_of_tables_mut()
            .expect("checked to be an array of tables above");
        for t in new {
            feeds.push(t);
        }
    }
    Ok((doc.to_string(), done))
}

/// Imports an OPML file into the config file at `config` (created when
/// missing); returns what was added and what was skipped.
pub fn import(opml_path: &Path, config: &Path) -> anyhow::Result<(Imported, Vec<String>)> {
    let shown = |p: &Path| crate::cli::output::printable(&p.display().to_string());
    let text = crate::regular_file::read_to_string_capped(opml_path, 16 * 1024 * 1024)
        .map_err(|e| anyhow::anyhow!("{}: cannot read: {e}", shown(opml_path)))?;
    let read = opml::read(&text).map_err(|e| anyhow::anyhow!("{}: {e}", shown(opml_path)))?;
    if read.feeds.is_empty() {
        anyhow::bail!(
            "{}: no feeds in it (no <outline> with an xmlUrl)",
            shown(opml_path)
        );
    }
    let before = match std::fs::read_to_string(config) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => anyhow::bail!("{}: cannot read: {e}", shown(config)),
    };
    let (after, done) =
        add_feeds(&before, &read.feeds).map_err(|e| anyhow::anyhow!("{}: {e}", shown(config)))?;
    // The file as it would be must load: a feed name or address the
    // config refuses stops the import before anything is written.
    crate::config::parse(&after, config)?;
    if !done.added.is_empty() {
        replace(config, after.as_bytes())
            .map_err(|e| anyhow::anyhow!("{}: cannot write: {e}", shown(config)))?;
    }
    Ok((done, read.skipped))
}

/// Writes a file whole or not at all, keeping its permissions.
fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".config-")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    if let Ok(meta) = std::fs::metadata(path) {
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    tmp.as_file().sync_data()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sub(name: &str, url: &str) -> opml::Subscription {
        opml::Subscription {
            name: name.into(),
            url: url.into(),
        }
    }

    #[test]
    fn comments_and_layout_survive_an_import() {
        let before = "# my settings\n[corpus]\npaths = [\"news\"]   # where my files are\n\n[[feed]]\nname = \"Gazette\"\nurl = \"https://gazette.example/rss\"\nfull_text = true\n\n[[preset]]\nname = \"p\"\n";
        let (after, done) = add_feeds(
            before,
            &[
                sub("Gazette", "http://www.gazette.example/rss/"),
                sub("Gazette", "https://other.example/feed"),
                sub("Veilleur", "https://veilleur.example/atom"),
            ],
        )
        .unwrap();
        assert_eq!(done.added, ["Gazette 2", "Veilleur"]);
        assert_eq!(done.already, 1);
        assert!(
            after.starts_with(
                "# my settings\n[corpus]\npaths = [\"news\"]   # where my files are\n"
            ),
            "{after}"
        );
        assert!(after.contains("full_text = true"), "{after}");
        let c = crate::config::parse(&after, Path::new("c.toml")).unwrap();
        let names: Vec<_> = c.feeds.iter().map(|f| f.name()).collect();
        assert_eq!(names, ["Gazette", "Gazette 2", "Veilleur"]);
        assert_eq!(c.presets.len(), 1);
    }

    #[test]
    fn a_config_that_is_not_toml_is_left_alone() {
        assert!(add_feeds("[corpus\n", &[sub("a", "https://a.example/")]).is_err());
        assert!(add_feeds("feed = 3\n", &[sub("a", "https://a.example/")]).is_err());
    }
}
