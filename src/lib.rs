//! revue: a terminal news-briefing dashboard. The crate is a library
//! first: ingest files, extract entities, dates and events, build the
//! corpus, filter it, and draw it; `main.rs` only wires these together.
//!
//! Dependencies point one way: `ui → app → search → model → extract`, and
//! `ingest` feeds `model`. Nothing below `ui` knows about the terminal.

pub mod app;
pub mod cache;
pub mod cli;
pub mod config;
pub mod extract;
pub mod feeds;
pub mod fetch;
pub mod ingest;
pub mod model;
pub mod regular_file;
pub mod review;
pub mod search;
pub mod tui;
pub mod ui;

use std::path::{Path, PathBuf};

use ingest::Found;
use model::{BuildOptions, Corpus, Origin, Staged};
use search::SearchIndex;

/// Where the corpus comes from: the command line's paths, else the
/// config's, else `./seeds/`, else the seeds built into the binary.
pub fn load_corpus(cli_paths: &[PathBuf], loaded: &config::Loaded) -> Corpus {
    find_corpus(cli_paths, loaded)
        .stage()
        .build(&build_options(loaded))
}

/// The corpus's input: paths and the files found under them, or the seeds
/// built into the binary.
pub enum Source {
    Files {
        paths: Vec<PathBuf>,
        found: Found,
        options: ingest::Options,
    },
    BuiltIn,
}

/// Finds the files [`load_corpus`] reads, without reading them.
pub fn find_corpus(cli_paths: &[PathBuf], loaded: &config::Loaded) -> Source {
    match corpus_paths(cli_paths, loaded) {
        Some(paths) => {
            let options = loaded.config.ingest_options();
            let found = ingest::find_with(&paths, &options);
            Source::Files {
                paths,
                found,
                options,
            }
        }
        None => Source::BuiltIn,
    }
}

impl Source {
    /// The articles read, not yet extracted.
    pub fn stage(self) -> Staged {
        match self {
            Source::Files {
                paths,
                found,
                options,
            } => Staged::new(ingest::read_found(found, &options), Origin::Paths(paths)),
            Source::BuiltIn => Staged::new(ingest::embedded_seeds(), Origin::BuiltIn),
        }
    }
}

/// The corpus paths that do not exist (a broken symlink counts as one):
/// from the command line, else from the configuration.
pub fn missing_paths(cli_paths: &[PathBuf], loaded: &config::Loaded) -> Vec<PathBuf> {
    corpus_paths(cli_paths, loaded)
        .unwrap_or_default()
        .into_iter()
        .filter(|p| !p.exists())
        .collect()
}

/// Whether no corpus is given at all (no paths, no `[corpus] paths`, no
/// `./seeds/`), so that the built-in demo articles would be read.
pub fn is_demo(cli_paths: &[PathBuf], loaded: &config::Loaded) -> bool {
    corpus_paths(cli_paths, loaded).is_none()
}

/// When the corpus paths hold no article file at all (an empty folder, a
/// folder of other files): what to tell the user, naming the extensions
/// looked for.
pub fn no_article_files(cli_paths: &[PathBuf], loaded: &config::Loaded) -> Option<String> {
    let Source::Files {
        paths,
        found,
        options,
    } = find_corpus(cli_paths, loaded)
    else {
        return None;
    };
    if !found.files.is_empty() {
        return None;
    }
    let looked_for = if options
        .extensions
        .iter()
        .any(|e| e == ingest::discover::ANY)
    {
        "files of any extension".to_string()
    } else {
        options
            .extensions
            .iter()
            .map(|e| format!("*.{e}"))
            .collect::<Vec<_>>()
            .join(", ")
            + " and files without an extension"
    };
    let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    Some(format!(
        "no article files in {} (looked for {looked_for})",
        paths.join(", ")
    ))
}

/// The paths to read, or `None` for the built-in seeds.
fn corpus_paths(cli_paths: &[PathBuf], loaded: &config::Loaded) -> Option<Vec<PathBuf>> {
    if !cli_paths.is_empty() {
        return Some(cli_paths.to_vec());
    }
    let from_config = loaded.corpus_paths();
    if !from_config.is_empty() {
        Some(from_config)
    } else if PathBuf::from("seeds").is_dir() {
        Some(vec![PathBuf::from("seeds")])
    } else {
        None
    }
}

/// What the corpus build takes from the configuration.
pub fn build_options(loaded: &config::Loaded) -> BuildOptions {
    BuildOptions {
        aliases: loaded
            .config
            .aliases
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        stories: loaded
            .config
            .stories
            .enabled
            .then_some(model::stories::Thresholds {
                copy: loaded.config.stories.copy,
                rewrite: loaded.config.stories.rewrite,
            }),
        corrections: loaded.corrections.clone(),
    }
}

// Extraction makes many small, short-lived allocations on every core;
// mimalloc serves them faster than the system allocator and returns freed
// memory instead of keeping it in per-thread arenas. Heap profilers
// (heaptrack, massif) see only malloc: `RUSTFLAGS='--cfg
// revue_system_allocator'` builds with the system allocator for them.
#[cfg(not(revue_system_allocator))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Makes the allocator give freed memory back to the system at once and
/// for good: the build frees far more than the model it leaves, and by
/// default mimalloc returns it late, and on Linux only as pages the kernel
/// may take back later, which still count as resident. Set before the
/// first allocation (below), as mimalloc reserves its first arena then.
pub fn return_freed_memory() {
    // SAFETY: plain setters of mimalloc's options.
    unsafe {
        libmimalloc_sys::mi_option_set(ARENA_EAGER_COMMIT, 0);
        libmimalloc_sys::mi_option_set(PURGE_DELAY, 0);
    }
}

/// Whether [`return_freed_memory`] has taken effect.
pub fn returns_freed_memory() -> bool {
    // SAFETY: plain getters.
    unsafe {
        libmimalloc_sys::mi_option_get(ARENA_EAGER_COMMIT) == 0
            && libmimalloc_sys::mi_option_get(PURGE_DELAY) == 0
    }
}

// Positions in mimalloc v3's `mi_option_e`, which libmimalloc-sys does not
// name.
const ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

// Runs after mimalloc's own constructor (priority 101) and before `main`
// and the standard library's first allocation, in every program linking
// revue: the binary, its tests, benchmarks and examples.
#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array")]
static RETURN_FREED_MEMORY: extern "C" fn() = {
    extern "C" fn before_main() {
        return_freed_memory();
    }
    before_main
};

/// The corpus ready to show, and what became of the cache on the way.
pub struct Model {
    pub corpus: Corpus,
    pub index: SearchIndex,
    /// The cache to save the model in: set when the model was built (not
    /// read back) and may be saved.
    pub unsaved: Option<cache::Cache>,
    /// Why a cache file was rebuilt rather than read, when that is news.
    pub cache_warning: Option<String>,
}

/// Like [`load_corpus`], reading the model from the cache in `cache_dir`
/// when it holds one for these very files, and building it otherwise.
pub fn load_model(
    cli_paths: &[PathBuf],
    loaded: &config::Loaded,
    cache_dir: Option<&Path>,
) -> Model {
    let source = find_corpus(cli_paths, loaded);
    let mut cached = read_cache(&source, loaded, cache_dir);
    let (corpus, index) = match cached.model {
        Some(model) => model,
        None => {
            let store_dir = article_store(&source, cache_dir);
            let (corpus, index, warning) =
                build_model(source.stage(), &build_options(loaded), store_dir.as_deref());
            if let Some(w) = warning {
                cached.warning = Some(match cached.warning.take() {
                    Some(before) => format!("{before}; {w}"),
                    None => w,
                });
            }
            (corpus, index)
        }
    };
    Model {
        corpus,
        index,
        unsaved: cached.save_to,
        cache_warning: cached.warning,
    }
}

/// The folder of the per-article cache for `source`'s articles, in
/// `cache_dir` (`None`: the cache is off); none for the seeds built into
/// the binary, which take no time to extract.
pub fn article_store(source: &Source, cache_dir: Option<&Path>) -> Option<PathBuf> {
    match source {
        Source::Files { .. } => cache_dir.map(cache::articles::dir_in),
        Source::BuiltIn => None,
    }
}

/// Builds `staged` and its index, each article's extraction (with the
/// words the index merges) read from the per-article cache in `store_dir`
/// when it holds a sound one, and what is extracted now added to it (see
/// [`cache::articles`]); with the warning of the cache entries that were
/// unusable, if any. `None`: extract every article.
pub fn build_model(
    staged: Staged,
    options: &BuildOptions,
    store_dir: Option<&Path>,
) -> (Corpus, SearchIndex, Option<String>) {
    let (corpus, words, warning) = match store_dir.and_then(cache::articles::Store::open) {
        Some(store) => {
            let (corpus, words) = staged.build_with_words(options, &store);
            (corpus, words, store.finish().warning)
        }
        None => {
            let (corpus, words) = staged.build_with_words(options, &model::Fresh);
            (corpus, words, None)
        }
    };
    let index = SearchIndex::from_text_words(&corpus, &words);
    (corpus, index, warning)
}

/// What the model cache holds for the corpus [`load_corpus`] would build.
pub struct Cached<M> {
    /// What was read back, when the cache held a model for these very files.
    pub model: Option<M>,
    /// Where to save a model built now: `None` when the model was read
    /// back, the cache is off, the corpus is the built-in seeds, or a file
    /// changed too recently to be told apart from a later change.
    pub save_to: Option<cache::Cache>,
    /// Why a cache file will be rebuilt rather than read, when that is news.
    pub warning: Option<String>,
}

/// Looks the corpus up in the cache in `cache_dir` (`None`: cache off),
/// reading back the corpus and its index.
pub fn read_cache(
    source: &Source,
    loaded: &config::Loaded,
    cache_dir: Option<&Path>,
) -> Cached<(Corpus, SearchIndex)> {
    look_up(source, loaded, cache_dir, cache::Cache::load)
}

/// A model read back from the cache for the dashboard: its corpus, and
/// its index read with it or still to decode.
pub struct CachedCorpus {
    pub corpus: Corpus,
    pub index: CachedIndex,
    /// Where to save a model should the index turn out unreadable.
    pub cache: cache::Cache,
}

pub enum CachedIndex {
    Read(Box<SearchIndex>),
    /// A large index, decoded on one core: the corpus can be shown
    /// meanwhile ([`cache::Stored::index`]).
    Stored(cache::Stored),
}

/// Indexes encoded in up to this many bytes are decoded beside the corpus,
/// sharing the cores, and shown with it (10,000 generated articles' takes
/// 52 MB, about 0.2 s on one core); a larger one would hold the first
/// frame back (100,000 articles': 551 MB, 2 s).
const INDEX_READ_WITH_CORPUS: u64 = 64 << 20;

/// Like [`read_cache`], reading back the corpus, and its index too when it
/// is small.
pub fn read_cached_corpus(
    source: &Source,
    loaded: &config::Loaded,
    cache_dir: Option<&Path>,
) -> Cached<CachedCorpus> {
    look_up(source, loaded, cache_dir, |cache| {
        let stored = cache.open()?;
        let (corpus, index) = if stored.index_bytes() <= INDEX_READ_WITH_CORPUS {
            let (corpus, index) = stored.both()?;
            (corpus, CachedIndex::Read(Box::new(index)))
        } else {
            (stored.corpus()?, CachedIndex::Stored(stored))
        };
        Ok(CachedCorpus {
            corpus,
            index,
            cache: cache.clone(),
        })
    })
}

fn look_up<M>(
    source: &Source,
    loaded: &config::Loaded,
    cache_dir: Option<&Path>,
    read: impl FnOnce(&cache::Cache) -> Result<M, cache::Unusable>,
) -> Cached<M> {
    let mut cached = Cached {
        model: None,
        save_to: None,
        warning: None,
    };
    let (Source::Files { paths, found, .. }, Some(dir)) = (source, cache_dir) else {
        return cached;
    };
    let options = build_options(loaded);
    // `[ingest]` and the size cap change what the same files give: they
    // are keyed with the extensions, as entries no extension can spell
    // (they have a `=`).
    let mut extensions = loaded.config.corpus.extensions.clone();
    extensions.push(format!("ingest={:?}", loaded.config.ingest));
    extensions.push(format!(
        "max_file_size={}",
        loaded.config.corpus.max_file_size.0
    ));
    let Some(cache) = cache::Cache::new(dir, paths, &extensions, found, &options) else {
        return cached;
    };
    match read(&cache) {
        Ok(model) => {
            cached.model = Some(model);
            return cached;
        }
        Err(cache::Unusable::Stale) => {}
        Err(cache::Unusable::Corrupt(why)) => {
            cached.warning = Some(format!(
                "model cache {}: {why}; rebuilt",
                cache.path().display()
            ));
        }
    }
    if let Some((file, n)) = cache.future() {
        let others = match n - 1 {
            0 => String::new(),
            1 => " (and 1 other file)".to_string(),
            k => format!(" (and {k} other files)"),
        };
        let news = format!(
            "{}{others}: modified in the future (check the clock); the model cache is saved all the same",
            file.display()
        );
        cached.warning = Some(match cached.warning.take() {
            Some(w) => format!("{w}; {news}"),
            None => news,
        });
    }
    cached.save_to = cache.settled().then_some(cache);
    cached
}
