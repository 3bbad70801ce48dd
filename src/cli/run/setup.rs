//! What every command does before its own work: the configuration with
//! its corrections, the preset and query, the corpus checked and loaded
//! (from the cache when it holds it), and the review marks.

use std::sync::atomic::AtomicBool;

use anyhow::bail;

use crate::cli::output::printable;
use crate::cli::{Fresh, Global, Select};
use crate::config::{self, Loaded, Preset};
use crate::{cache, review, search};

/// The preset named on the command line, if any, and the whole query:
/// the preset's terms and `--query`, which must parse.
pub(super) fn selection<'a>(
    loaded: &'a Loaded,
    select: &Select,
) -> anyhow::Result<(Option<&'a Preset>, String)> {
    let preset = select
        .preset
        .as_deref()
        .map(|name| loaded.preset(name))
        .transpose()?;
    if let Some(q) = &select.query {
        let (_, errors) = search::query::parse(q);
        if let Some(e) = errors.first() {
            bail!("--query: {}", e.0);
        }
    }
    Ok((
        preset,
        Preset::combined_query(preset, select.query.as_deref()),
    ))
}

/// Refuses a corpus path that does not exist, as grep and ripgrep do
/// (exit 2), and, for the printing commands, the built-in demo articles
/// unless `--demo` asks for them: a script must not get demo data that
/// looks real.
pub(super) fn check_corpus(
    select: &Select,
    loaded: &Loaded,
    global: &Global,
    headless: bool,
) -> anyhow::Result<()> {
    let missing = crate::missing_paths(&select.paths, loaded);
    if let Some(first) = missing.first() {
        let from = if select.paths.is_empty() {
            format!(" (a corpus path of {})", loaded.source())
        } else {
            String::new()
        };
        let more = match missing.len() {
            1 => String::new(),
            n => format!(" and {} more", n - 1),
        };
        bail!(
            "{}: no such file or directory{from}{more}",
            printable(&first.display().to_string())
        );
    }
    if headless && !global.demo && crate::is_demo(&select.paths, loaded) {
        bail!(
            "no articles to read: give files or folders (revue articles PATH…), \
             set [corpus] paths in config.toml, or run where a seeds/ folder is; \
             --demo reads the demo articles built into revue"
        );
    }
    Ok(())
}

/// Says so when the corpus paths hold no article file.
pub(super) fn tell_if_no_article_files(select: &Select, loaded: &Loaded) -> Option<String> {
    let message = crate::no_article_files(&select.paths, loaded)?;
    eprintln!("revue: {}", printable(&message));
    Some(message)
}

/// The corpus and its index, read from the cache when it holds them.
pub(super) fn load_model(select: &Select, loaded: &Loaded, global: &Global) -> crate::Model {
    let cache_dir = cache_dir(global, loaded);
    let model = crate::load_model(&select.paths, loaded, cache_dir.as_deref());
    for w in &model.corpus.warnings {
        eprintln!("revue: warning: {}", printable(&w.to_string()));
    }
    if let Some(w) = &model.cache_warning {
        eprintln!("revue: warning: {}", printable(w));
    }
    model
}

/// Where built models are cached: `[cache] dir`, else the XDG cache
/// folder; `None` with `--no-cache` or `[cache] enabled = false`.
pub(super) fn cache_dir(global: &Global, loaded: &Loaded) -> Option<std::path::PathBuf> {
    if global.no_cache || !loaded.config.cache.enabled {
        return None;
    }
    loaded.cache_dir().or_else(cache::default_dir)
}

/// Runs `work` while the model is saved to its cache beside it, if it
/// was built rather than read back, and waits for the save.
pub(super) fn with_saving<T>(model: &crate::Model, work: impl FnOnce() -> T) -> T {
    let Some(cache) = &model.unsaved else {
        return work();
    };
    let never = AtomicBool::new(false);
    let (out, saved) = std::thread::scope(|s| {
        let saver = s.spawn(|| cache.save(&model.corpus, &model.index, &never));
        (work(), saver.join())
    });
    match saved {
        Ok(Ok(())) => {}
        Ok(Err(e)) => eprintln!(
            "revue: warning: model cache {} not saved: {}",
            printable(&cache.path().display().to_string()),
            printable(&e.to_string())
        ),
        Err(panic) => std::panic::resume_unwind(panic),
    }
    out
}

/// Where review marks live: `--state`, else `[state] path`, else the XDG
/// state folder; `None` with `--no-state`.
pub(super) fn state_path(global: &Global, loaded: &Loaded) -> Option<std::path::PathBuf> {
    if global.no_state {
        return None;
    }
    global
        .state
        .clone()
        .or_else(|| loaded.state_path())
        .or_else(review::persist::default_path)
}

/// The stored marks (a warning for a corrupt file), each article's, and
/// where changes go. Loading is a run: the articles never seen before
/// are logged as first seen now, and new are those first seen since the
/// previous run, or since `since` (Unix milliseconds).
pub(super) fn load_marks(
    path: Option<&std::path::Path>,
    corpus: &crate::model::Corpus,
    since: Option<u64>,
) -> (
    review::MarkBook,
    Vec<review::Marks>,
    Option<String>,
    Option<review::persist::Store>,
) {
    let (mut book, mut warning, store) = match path.map(review::persist::load) {
        Some(l) => (l.book, l.warning, Some(l.store)),
        None => (review::MarkBook::default(), None, None),
    };
    let keys = corpus.articles.iter().map(|a| a.text_key.as_str());
    let sighting = book.sight(keys, review::now_ms());
    if let Some(store) = store.as_ref().filter(|s| s.read_only().is_none())
        && let Err(e) = store.append_sighting(&sighting)
    {
        let w = format!("when articles were first seen is not saved: {e}");
        warning = Some(match warning {
            Some(old) => format!("{old}; {w}"),
            None => w,
        });
    }
    if let Some(since) = since {
        book.new_after = Some(since.saturating_sub(1));
    }
    let per_article = corpus
        .articles
        .iter()
        .map(|a| book.get(&a.text_key))
        .collect();
    (book, per_article, warning, store)
}

/// The configuration, with the corrections of the state folder.
pub(super) fn load_config(global: &Global) -> anyhow::Result<Loaded> {
    let mut loaded = config::load(global.config.as_deref())?;
    if let Some(path) = corrections_path(global, &loaded) {
        let (list, warnings) = review::corrections::read(&path);
        for w in warnings {
            eprintln!("revue: warning: {}", printable(&w));
        }
        loaded.corrections = list;
    }
    Ok(loaded)
}

/// `corrections.jsonl` beside the review marks; none with `--no-state`.
pub(super) fn corrections_path(global: &Global, loaded: &Loaded) -> Option<std::path::PathBuf> {
    state_path(global, loaded).map(|p| review::corrections::beside(&p))
}

/// The query with `is:new` when `--new` asks for it.
pub(super) fn with_fresh(query: String, fresh: &Fresh) -> String {
    match (fresh.new, query.is_empty()) {
        (false, _) => query,
        (true, true) => "is:new".to_string(),
        (true, false) => format!("{query} is:new"),
    }
}

/// `--since`, in Unix milliseconds.
pub(super) fn since(fresh: &Fresh) -> anyhow::Result<Option<u64>> {
    fresh
        .since
        .as_deref()
        .map(|s| review::since::parse(s, review::now_ms()).map_err(anyhow::Error::msg))
        .transpose()
}
