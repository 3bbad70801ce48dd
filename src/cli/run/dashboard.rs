//! `revue` with no command: the dashboard, opened on the model as soon as
//! there is something to show, with live refresh behind it.

use std::io::{self, IsTerminal};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use anyhow::bail;

use super::setup::{
    cache_dir, check_corpus, corrections_path, load_config, load_marks, selection, state_path,
    tell_if_no_article_files,
};
use crate::cli::{Global, Select, output::printable};
use crate::config::{self, Loaded};
use crate::{app, review, search, tui, ui};

pub(super) fn dashboard(
    select: Select,
    global: &Global,
    no_watch: bool,
) -> anyhow::Result<ExitCode> {
    // A bad config or preset fails before the terminal is touched: no
    // half-configured dashboard.
    let loaded = load_config(global)?;
    let (preset, query) = selection(&loaded, &select)?;
    check_corpus(&select, &loaded, global, false)?;
    if !io::stdout().is_terminal() {
        bail!("the dashboard needs a terminal; use `revue export` to print the view");
    }
    let opened = std::time::SystemTime::now();
    let model = open_model(&select, &loaded, global)?;
    let empty = model.corpus.articles.is_empty();
    let (corpus, index) = (&*model.corpus, model.index.as_ref());
    let mut state = app::AppState::new(corpus, index);
    state.building = model.pending.is_some();
    config::dashboard::configure(&loaded.config, &mut state);
    let marks_path = state_path(global, &loaded);
    let (book, _, warning, store) = load_marks(marks_path.as_deref(), corpus, None);
    state.load_marks(book, corpus, index);
    state.message = warning;
    let history = marks_path.as_deref().and_then(tui::history_beside);
    if let Some(path) = &history {
        let (queries, warning) = tui::load_history(path);
        state.search_history = queries;
        state.message = state.message.take().or(warning);
    }
    if empty && let Some(none) = tell_if_no_article_files(&select, &loaded) {
        state.message = Some(none.clone());
        state.notice = Some(none);
    }
    if !query.is_empty() {
        app::update(&mut state, app::Action::SetQuery(query), corpus, index);
    }
    if let Some(p) = preset {
        state.active_preset = Some(p.name().to_string());
        if let Some(pane) = p.pane {
            app::update(&mut state, app::Action::Focus(pane), corpus, index);
        }
    }
    // Never 256-colour codes to a terminal that shows fewer.
    let palette =
        ui::theme::ColourDepth::from_env().palette(config::dashboard::palette(&loaded.config));
    let theme = ui::Theme::with_palette(global.color.enabled(true), palette);
    tui::set_mouse(loaded.config.ui.mouse);
    let live = live_sources(&select, &loaded, global, no_watch, opened);
    let corrector = tui::Corrector::new(corrections_path(global, &loaded), {
        // Undoing a correction rebuilds the corpus from its sources, as a
        // start would: the per-article cache spares the extraction, and
        // the model cache may still hold the corpus with these corrections.
        let (paths, loaded) = (select.paths.clone(), loaded.clone());
        let cache_dir = cache_dir(global, &loaded);
        std::sync::Arc::new(move |list| {
            let mut loaded = loaded.clone();
            loaded.corrections = list;
            let model = crate::load_model(&paths, &loaded, cache_dir.as_deref());
            if let Some(cache) = &model.unsaved {
                // A failed save only means building again next time.
                let _ = cache.save(&model.corpus, &model.index, &AtomicBool::new(false));
            }
            (model.corpus, model.index)
        })
    });
    for problem in tui::run_with(model, state, &theme, store, history, Some(live), corrector)? {
        eprintln!("revue: warning: {}", printable(&problem));
    }
    for w in late_warnings().drain(..) {
        eprintln!("revue: warning: {}", printable(&w));
    }
    Ok(ExitCode::SUCCESS)
}

/// What the open dashboard's live refresh needs: the model built again as
/// a start builds it (the cache serving what did not change), the fetch
/// of `revue fetch`, and how to watch.
fn live_sources(
    select: &Select,
    loaded: &Loaded,
    global: &Global,
    no_watch: bool,
    opened: std::time::SystemTime,
) -> tui::Sources {
    let paths = select.paths.clone();
    let (for_check, paths_checked) = (loaded.clone(), paths.clone());
    let missed = Box::new(move |shown: &crate::model::Corpus| {
        changed_since(&paths_checked, &for_check, shown, opened)
    });
    let cache_dir = cache_dir(global, loaded);
    let for_build = loaded.clone();
    let corrections = corrections_path(global, loaded);
    let rebuild = Box::new(move |stop: &AtomicBool| {
        // Corrections made in the dashboard since it opened hold too.
        let mut loaded = for_build.clone();
        if let Some(path) = &corrections {
            loaded.corrections = review::corrections::read(path).0;
        }
        let model = crate::load_model(&paths, &loaded, cache_dir.as_deref());
        if let Some(cache) = &model.unsaved {
            // A failed save only means building again next time.
            let _ = cache.save(&model.corpus, &model.index, stop);
        }
        tui::Rebuilt {
            corpus: model.corpus,
            index: model.index,
            warning: model.cache_warning,
        }
    });
    let fetcher = loaded
        .archive_dir()
        .filter(|_| !loaded.config.feeds.is_empty())
        .map(|archive| {
            let feeds = loaded.config.feeds.clone();
            let c = loaded.config.fetch.clone();
            tui::Fetcher {
                names: feeds.iter().map(|f| f.name().to_string()).collect(),
                fetch: Box::new(move |progress| {
                    let settings = crate::fetch::settings(&c);
                    crate::fetch::fetch_all(&feeds, &archive, settings, c.hosts, progress)
                }),
                // Paths on the command line replace the config's corpus,
                // the archive with it.
                shown: select.paths.is_empty(),
            }
        });
    let extensions = loaded.config.corpus.extensions.clone();
    tui::Sources {
        rebuild,
        fetcher,
        watch: if no_watch {
            config::watch::Watch::Off
        } else {
            loaded.config.corpus.watch
        },
        takes: Arc::new(move |p: &std::path::Path| crate::ingest::discover::takes(p, &extensions)),
        missed,
    }
}

/// Whether the corpus files are other than those `shown` was read from,
/// or one was modified since `since`: a walk of the folders, no reading.
fn changed_since(
    paths: &[std::path::PathBuf],
    loaded: &Loaded,
    shown: &crate::model::Corpus,
    since: std::time::SystemTime,
) -> bool {
    let crate::Source::Files { found, .. } = crate::find_corpus(paths, loaded) else {
        return false;
    };
    if found
        .metadata
        .iter()
        .any(|m| m.modified().is_ok_and(|t| t >= since))
    {
        return true;
    }
    let read: std::collections::HashSet<&std::path::Path> =
        shown.articles.iter().map(|a| a.path.as_path()).collect();
    // A file that gave no article (empty) counts as a change: one more
    // rebuild, never a missed one.
    found.files.len() != read.len() || found.files.iter().any(|f| !read.contains(f.as_path()))
}

/// Warnings of work done while the dashboard holds the terminal, printed
/// once it is restored.
fn late_warnings() -> std::sync::MutexGuard<'static, Vec<String>> {
    static LATE: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());
    LATE.lock().unwrap_or_else(|e| e.into_inner())
}

/// Below this many articles the corpus is built before the first frame
/// (1,000 generated articles open whole in about half a second on two cores).
const SMALL_CORPUS: usize = 1_000;

/// The dashboard's corpus: whole when it builds quickly, else a preview of
/// the articles (headlines, header dates, texts) at once, searchable when
/// its index is made, and replaced by the built corpus when extraction
/// ends. A model read from the cache is shown as soon as its corpus is
/// decoded, its index following.
fn open_model(select: &Select, loaded: &Loaded, global: &Global) -> anyhow::Result<tui::Shown> {
    let cache_dir = cache_dir(global, loaded);
    let source = crate::find_corpus(&select.paths, loaded);
    let cached = crate::read_cached_corpus(&source, loaded, cache_dir.as_deref());
    if let Some(w) = &cached.warning {
        eprintln!("revue: warning: {}", printable(w));
    }
    if let Some(read) = cached.model {
        for w in &read.corpus.warnings {
            eprintln!("revue: warning: {}", printable(&w.to_string()));
        }
        return Ok(from_cache(read)?);
    }
    let store_dir = crate::article_store(&source, cache_dir.as_deref());
    let staged = source.stage();
    let preview = Arc::new(staged.preview());
    let articles = preview.articles.len();
    for w in &preview.warnings {
        eprintln!("revue: warning: {}", printable(&w.to_string()));
    }
    let (index_promise, indexing) = tui::promise()?;
    let (built_promise, pending) = tui::promise()?;
    let options = crate::build_options(loaded);
    let save_to = cached.save_to;
    let of_preview = Arc::clone(&preview);
    std::thread::Builder::new()
        .name("revue-build".into())
        .spawn(move || {
            // Search on the preview comes long before the build ends: its
            // index is made first, alone on the cores.
            index_promise.keep(search::SearchIndex::new(&of_preview));
            drop(of_preview);
            let (corpus, index, warning) =
                crate::build_model(staged, &options, store_dir.as_deref());
            // The terminal belongs to the dashboard now: said when it closes.
            if let Some(w) = warning {
                late_warnings().push(w);
            }
            // Saved before it is handed over, which costs the dashboard a
            // moment more of the preview; a failed save only means building
            // again next time, and the screen is no place to say so.
            if let Some(cache) = save_to {
                let _ = cache.save(&corpus, &index, &AtomicBool::new(false));
            }
            built_promise.keep((corpus, index));
        })?;
    // A small corpus builds in a moment: shown whole, without a preview
    // flashing by. A large one would only delay its first frame waiting.
    let patience = if articles < SMALL_CORPUS {
        std::time::Duration::from_millis(250)
    } else {
        std::time::Duration::ZERO
    };
    if let Some((corpus, index)) = pending.wait(patience) {
        return Ok(tui::Shown {
            corpus: Arc::new(corpus),
            index: Some(index),
            indexing: None,
            pending: None,
        });
    }
    Ok(tui::Shown {
        corpus: preview,
        index: None,
        indexing: Some(indexing),
        pending: Some(pending),
    })
}

/// The model read back from the cache; a large index is decoded on a
/// thread of its own while the corpus is shown.
fn from_cache(read: crate::CachedCorpus) -> std::io::Result<tui::Shown> {
    let crate::CachedCorpus {
        corpus,
        index,
        cache,
    } = read;
    let corpus = Arc::new(corpus);
    let stored = match index {
        crate::CachedIndex::Read(index) => {
            return Ok(tui::Shown {
                corpus,
                index: Some(*index),
                indexing: None,
                pending: None,
            });
        }
        crate::CachedIndex::Stored(stored) => stored,
    };
    let of = Arc::clone(&corpus);
    let indexing = tui::Pending::spawn("revue-index", move || match stored.index(&of) {
        Ok(index) => index,
        // The corpus was checked whole, so an index that is not sound is
        // made again from it, and the file saved anew over the bad one.
        Err(_) => {
            let index = search::SearchIndex::new(&of);
            if cache.settled() {
                let _ = cache.save(&of, &index, &AtomicBool::new(false));
            }
            index
        }
    })?;
    Ok(tui::Shown {
        corpus,
        index: None,
        indexing: Some(indexing),
        pending: None,
    })
}
