//! `revue`: parse arguments, load the configuration and the corpus, then
//! open the dashboard or print a view. Exit status: 0 when a view matched
//! something, 1 when it matched nothing, 2 on any error (grep's rule).

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use anyhow::bail;
use clap::Parser;

use revue::cli::{
    self, Cli, Command, ConfigCommand, CorrectCommand, CorrectionArgs, FeedsCommand, Fresh, Global,
    Listing, MarkArgs, Report, Select, Style, ViewArgs,
};
use revue::config::{self, Loaded, Preset};
use revue::{app, cache, review, search, tui, ui};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    match run(cli) {
        Ok(code) => code,
        // The reader went away (`revue export | head`): nothing to say.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("revue: {}", printable(&format!("{e:#}")));
            ExitCode::from(2)
        }
    }
}

/// Prints clap's message and gives its status. Help and version are
/// revue's own text, printed as clap styles them; an error quotes the
/// arguments, which may hold escape sequences (`--color $'\e]52;…'`), so
/// it prints plain with control characters as spaces.
fn clap_exit(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    let code = ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        // A closed stdout (`revue --help | true`) is nothing to report.
        let _ = e.print();
        return code;
    }
    let _ = write!(io::stderr(), "{}", printable(&e.render().to_string()));
    code
}

/// One line on stdout; an error (a closed pipe) instead of println!'s panic.
fn say(line: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    writeln!(out, "{line}")?;
    out.flush()
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let Cli {
        command,
        select,
        global,
        no_watch,
    } = cli;
    match command {
        None => dashboard(select, &global, no_watch),
        Some(Command::Articles(args)) => view(Listing::Articles, args, &select, &global),
        Some(Command::Entities(args)) => view(Listing::Entities, args, &select, &global),
        Some(Command::Events(args)) => view(Listing::Events, args, &select, &global),
        Some(Command::Export(args)) => view(Listing::Export, args, &select, &global),
        Some(Command::Presets { format }) => {
            presets(&config::load(global.config.as_deref())?, format)
        }
        Some(Command::Stories(args)) => stories(args, &select, &global),
        Some(Command::Mark(args)) => mark(args, &select, &global),
        Some(Command::Correct { action }) => correct(action, &select, &global),
        Some(Command::Corrections(on)) => corrections(on, &select, &global),
        Some(Command::Check { paths }) => check(paths, &select, &global),
        Some(Command::Config { action }) => config_command(action, &global),
        Some(Command::Fetch) => fetch(&global),
        Some(Command::Feeds { action }) => feeds_command(action, &global),
        Some(Command::Completions { shell }) => {
            let mut out = io::stdout().lock();
            cli::completions(shell, &mut out)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man) => {
            let mut out = BufWriter::new(io::stdout().lock());
            cli::man(&mut out)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The preset named on the command line, if any, and the whole query:
/// the preset's terms and `--query`, which must parse.
fn selection<'a>(
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
fn check_corpus(
    select: &Select,
    loaded: &Loaded,
    global: &Global,
    headless: bool,
) -> anyhow::Result<()> {
    let missing = revue::missing_paths(&select.paths, loaded);
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
    if headless && !global.demo && revue::is_demo(&select.paths, loaded) {
        bail!(
            "no articles to read: give files or folders (revue articles PATH…), \
             set [corpus] paths in config.toml, or run where a seeds/ folder is; \
             --demo reads the demo articles built into revue"
        );
    }
    Ok(())
}

/// Says so when the corpus paths hold no article file.
fn tell_if_no_article_files(select: &Select, loaded: &Loaded) -> Option<String> {
    let message = revue::no_article_files(&select.paths, loaded)?;
    eprintln!("revue: {}", printable(&message));
    Some(message)
}

/// The corpus and its index, read from the cache when it holds them.
fn load_model(select: &Select, loaded: &Loaded, global: &Global) -> revue::Model {
    let cache_dir = cache_dir(global, loaded);
    let model = revue::load_model(&select.paths, loaded, cache_dir.as_deref());
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
fn cache_dir(global: &Global, loaded: &Loaded) -> Option<std::path::PathBuf> {
    if global.no_cache || !loaded.config.cache.enabled {
        return None;
    }
    loaded.cache_dir().or_else(cache::default_dir)
}

/// Runs `work` while the model is saved to its cache beside it, if it
/// was built rather than read back, and waits for the save.
fn with_saving<T>(model: &revue::Model, work: impl FnOnce() -> T) -> T {
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
fn state_path(global: &Global, loaded: &Loaded) -> Option<std::path::PathBuf> {
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
fn load_marks(
    path: Option<&std::path::Path>,
    corpus: &revue::model::Corpus,
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

fn view(
    listing: Listing,
    args: ViewArgs,
    outer: &Select,
    global: &Global,
) -> anyhow::Result<ExitCode> {
    let select = args.select.clone().or(outer);
    if let Some(why) = cli::output::unsupported(listing, args.format) {
        bail!("{why}");
    }
    let loaded = load_config(global)?;
    let (preset, query) = selection(&loaded, &select)?;
    check_corpus(&select, &loaded, global, true)?;
    let query = with_fresh(query, &args.fresh);
    let since = since(&args.fresh)?;
    let model = load_model(&select, &loaded, global);
    if model.corpus.articles.is_empty() {
        tell_if_no_article_files(&select, &loaded);
    }
    with_saving(&model, || {
        print_view(
            listing, &args, preset, &query, &model, global, &loaded, since,
        )
    })
}

/// The configuration, with the corrections of the state folder.
fn load_config(global: &Global) -> anyhow::Result<Loaded> {
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
fn corrections_path(global: &Global, loaded: &Loaded) -> Option<std::path::PathBuf> {
    state_path(global, loaded).map(|p| review::corrections::beside(&p))
}

/// The query with `is:new` when `--new` asks for it.
fn with_fresh(query: String, fresh: &Fresh) -> String {
    match (fresh.new, query.is_empty()) {
        (false, _) => query,
        (true, true) => "is:new".to_string(),
        (true, false) => format!("{query} is:new"),
    }
}

/// `--since`, in Unix milliseconds.
fn since(fresh: &Fresh) -> anyhow::Result<Option<u64>> {
    fresh
        .since
        .as_deref()
        .map(|s| review::since::parse(s, review::now_ms()).map_err(anyhow::Error::msg))
        .transpose()
}

#[allow(clippy::too_many_arguments)]
fn print_view(
    listing: Listing,
    args: &ViewArgs,
    preset: Option<&Preset>,
    query: &str,
    model: &revue::Model,
    global: &Global,
    loaded: &Loaded,
    since: Option<u64>,
) -> anyhow::Result<ExitCode> {
    print_report(
        args,
        preset,
        query,
        model,
        global,
        loaded,
        since,
        |report, out| {
            cli::output::print(report, listing, args.format, &mut { out })?;
            Ok(listing.matched(report.view))
        },
    )
}

/// The view of `query` (marks loaded, sorted as asked) handed to `print` as
/// a report; exit 1 when `print` says nothing matched.
#[allow(clippy::too_many_arguments)]
fn print_report(
    args: &ViewArgs,
    preset: Option<&Preset>,
    query: &str,
    model: &revue::Model,
    global: &Global,
    loaded: &Loaded,
    since: Option<u64>,
    print: impl FnOnce(&Report, &mut dyn Write) -> anyhow::Result<bool>,
) -> anyhow::Result<ExitCode> {
    let (corpus, index) = (&model.corpus, &model.index);
    let (_, marks, warning, _) = load_marks(state_path(global, loaded).as_deref(), corpus, since);
    if let Some(w) = warning {
        eprintln!("revue: warning: {}", printable(&w));
    }
    let mut view = search::filter_marked(corpus, index, query, &marks);
    let sort = args
        .sort
        .or(preset.and_then(|p| p.sort))
        .unwrap_or_default();
    search::sort::sort(corpus, &mut view, sort);
    let stdout = io::stdout();
    let report = Report {
        corpus,
        view: &view,
        marks: &marks,
        limit: args.limit,
        preset: preset.map(|p| (p.name(), p.description.as_deref())),
        query,
        style: Style {
            color: global.color.enabled(stdout.is_terminal()),
        },
    };
    let mut out = BufWriter::new(stdout.lock());
    let matched = print(&report, &mut out)?;
    out.flush()?;
    Ok(if matched {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn dashboard(select: Select, global: &Global, no_watch: bool) -> anyhow::Result<ExitCode> {
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
        // Undoing a correction rebuilds the corpus from its sources.
        let (paths, loaded) = (select.paths.clone(), loaded.clone());
        std::sync::Arc::new(move |list| {
            let mut loaded = loaded.clone();
            loaded.corrections = list;
            revue::load_corpus(&paths, &loaded)
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
    let missed = Box::new(move |shown: &revue::model::Corpus| {
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
        let model = revue::load_model(&paths, &loaded, cache_dir.as_deref());
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
                    let settings = revue::fetch::settings(&c);
                    revue::fetch::fetch_all(&feeds, &archive, settings, c.hosts, progress)
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
        takes: Arc::new(move |p: &std::path::Path| revue::ingest::discover::takes(p, &extensions)),
        missed,
    }
}

/// Whether the corpus files are other than those `shown` was read from,
/// or one was modified since `since`: a walk of the folders, no reading.
fn changed_since(
    paths: &[std::path::PathBuf],
    loaded: &Loaded,
    shown: &revue::model::Corpus,
    since: std::time::SystemTime,
) -> bool {
    let revue::Source::Files { found, .. } = revue::find_corpus(paths, loaded) else {
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
    let source = revue::find_corpus(&select.paths, loaded);
    let cached = revue::read_cached_corpus(&source, loaded, cache_dir.as_deref());
    if let Some(w) = &cached.warning {
        eprintln!("revue: warning: {}", printable(w));
    }
    if let Some(read) = cached.model {
        for w in &read.corpus.warnings {
            eprintln!("revue: warning: {}", printable(&w.to_string()));
        }
        return Ok(from_cache(read)?);
    }
    let store_dir = revue::article_store(&source, cache_dir.as_deref());
    let staged = source.stage();
    let preview = Arc::new(staged.preview());
    let articles = preview.articles.len();
    for w in &preview.warnings {
        eprintln!("revue: warning: {}", printable(&w.to_string()));
    }
    let (index_promise, indexing) = tui::promise()?;
    let (built_promise, pending) = tui::promise()?;
    let options = revue::build_options(loaded);
    let save_to = cached.save_to;
    let of_preview = Arc::clone(&preview);
    std::thread::Builder::new()
        .name("revue-build".into())
        .spawn(move || {
            // Search on the preview comes long before the build ends: its
            // index is made first, alone on the cores.
            index_promise.keep(search::SearchIndex::new(&of_preview));
            drop(of_preview);
            let (corpus, warning) = revue::build_corpus(staged, &options, store_dir.as_deref());
            // The terminal belongs to the dashboard now: said when it closes.
            if let Some(w) = warning {
                late_warnings().push(w);
            }
            let index = search::SearchIndex::new(&corpus);
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
fn from_cache(read: revue::CachedCorpus) -> std::io::Result<tui::Shown> {
    let revue::CachedCorpus {
        corpus,
        index,
        cache,
    } = read;
    let corpus = Arc::new(corpus);
    let stored = match index {
        revue::CachedIndex::Read(index) => {
            return Ok(tui::Shown {
                corpus,
                index: Some(*index),
                indexing: None,
                pending: None,
            });
        }
        revue::CachedIndex::Stored(stored) => stored,
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

fn presets(loaded: &Loaded, format: cli::ListFormat) -> anyhow::Result<ExitCode> {
    let presets = &loaded.config.presets;
    if presets.is_empty() {
        eprintln!("revue: no presets in {}", printable(&loaded.source()));
    }
    let mut out = BufWriter::new(io::stdout().lock());
    match format {
        cli::ListFormat::Text => presets_text(presets, &mut out)?,
        cli::ListFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &cli::json::presets(presets))?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// One line per preset: its name, description and `[query]`, aligned.
fn presets_text(presets: &[Preset], out: &mut impl Write) -> io::Result<()> {
    let width = presets
        .iter()
        .map(|p| p.name().chars().count())
        .max()
        .unwrap_or(0);
    let clean = cli::output::clean;
    for p in presets {
        let description = match p.description.as_deref() {
            Some(d) => format!("{}  ", clean(d)),
            None => String::new(),
        };
        writeln!(
            out,
            "{:width$}  {description}[{}]",
            clean(p.name()),
            clean(&p.query_string())
        )?;
    }
    Ok(())
}

/// `revue check`: every input file with its problem, or ok with its
/// article count and what was cleaned. Exit 0 when all are fine, 1 when
/// some have problems.
fn check(
    paths: Vec<std::path::PathBuf>,
    outer: &Select,
    global: &Global,
) -> anyhow::Result<ExitCode> {
    let loaded = config::load(global.config.as_deref())?;
    let from_config = loaded.corpus_paths();
    let paths = if !paths.is_empty() {
        paths
    } else if !outer.paths.is_empty() {
        outer.paths.clone()
    } else if !from_config.is_empty() {
        from_config
    } else if std::path::Path::new("seeds").is_dir() {
        vec!["seeds".into()]
    } else {
        say("no paths given: the built-in seed articles, which are fine")?;
        return Ok(ExitCode::SUCCESS);
    };
    let reports = revue::ingest::check(&paths, &loaded.config.ingest_options());
    let mut out = BufWriter::new(io::stdout().lock());
    let plural = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    for r in &reports {
        // One line per input, whatever its name holds.
        let path = printable(&r.path.display().to_string()).replace('\n', " ");
        let notes = if r.notes.is_empty() {
            String::new()
        } else {
            format!(" ({})", r.notes.join("; "))
        };
        // The format, for every format but plain text (whose lines stay
        // as they were), and what its articles carry.
        let format = r
            .format
            .filter(|f| *f != revue::ingest::Format::Text)
            .map(|f| format!("{} ", f.name()))
            .unwrap_or_default();
        let found = if r.found.is_empty() {
            String::new()
        } else {
            format!(" — {}", printable(&r.found.join(", ")))
        };
        if r.skipped {
            writeln!(out, "{path}: skipped, not a format revue reads")?;
        } else if r.is_ok() {
            writeln!(
                out,
                "{path}: {format}ok, {}{found}{notes}",
                plural(r.articles, "article")
            )?;
        } else {
            let read = if r.articles > 0 {
                format!(" [{} read]", plural(r.articles, "article"))
            } else {
                String::new()
            };
            writeln!(
                out,
                "{path}: {format}{}{read}{found}{notes}",
                printable(&r.problems.join("; "))
            )?;
        }
    }
    let bad = reports.iter().filter(|r| !r.is_ok()).count();
    let skipped = reports.iter().filter(|r| r.skipped).count();
    let read = reports.len() - skipped;
    let articles: usize = reports.iter().map(|r| r.articles).sum();
    let skipped = if skipped > 0 {
        format!("; {skipped} skipped (not a format revue reads)")
    } else {
        String::new()
    };
    writeln!(
        out,
        "{}: {} fine, {} with problems; {}{skipped}",
        plural(read, "input"),
        read - bad,
        bad,
        plural(articles, "article")
    )?;
    out.flush()?;
    Ok(if bad == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn config_command(action: ConfigCommand, global: &Global) -> anyhow::Result<ExitCode> {
    let explicit = global.config.as_deref();
    match action {
        ConfigCommand::Path => {
            match config::locate(explicit) {
                Some(p) if !p.is_file() => {
                    bail!("{}: no such file", p.display())
                }
                Some(p) => say(&printable(&p.display().to_string()))?,
                None => say("built-in defaults")?,
            }
            Ok(ExitCode::SUCCESS)
        }
        ConfigCommand::Check => {
            let loaded = config::load(explicit)?;
            let Some(path) = &loaded.path else {
                say("no configuration file: built-in defaults")?;
                return Ok(ExitCode::SUCCESS);
            };
            for p in loaded.corpus_paths() {
                if !p.exists() {
                    eprintln!(
                        "revue: warning: {}: corpus path {} does not exist",
                        printable(&path.display().to_string()),
                        printable(&p.display().to_string())
                    );
                }
            }
            let c = &loaded.config;
            say(&format!(
                "{}: ok ({} presets, {} key bindings, {} aliases, {} feeds)",
                printable(&path.display().to_string()),
                c.presets.len(),
                c.keys.bindings().count(),
                c.aliases.len(),
                c.feeds.len()
            ))?;
            if !c.feeds.is_empty()
                && let Some(archive) = loaded.archive_dir()
            {
                let fetched = if archive.is_dir() {
                    "read with the corpus"
                } else {
                    "not fetched yet: run `revue fetch`"
                };
                say(&format!(
                    "feed archive: {} ({fetched})",
                    printable(&archive.display().to_string())
                ))?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `revue fetch`: every feed into the archive, one line per feed.
fn fetch(global: &Global) -> anyhow::Result<ExitCode> {
    let loaded = config::load(global.config.as_deref())?;
    let feeds = &loaded.config.feeds;
    if feeds.is_empty() {
        bail!(
            "{}: no [[feed]] to fetch; add one (name, url) or `revue feeds import FILE.opml`",
            printable(&loaded.source())
        );
    }
    let Some(archive) = loaded.archive_dir() else {
        bail!("no archive folder: set [fetch] archive, or HOME or XDG_DATA_HOME");
    };
    let names: Vec<String> = feeds.iter().map(|f| f.name().to_string()).collect();
    let (tx, rx) = std::sync::mpsc::channel();
    let show = io::stderr().is_terminal();
    let drawer = std::thread::spawn(move || {
        if show {
            revue::fetch::report::show_progress(rx, &names, &mut io::stderr());
        } else {
            rx.iter().for_each(drop);
        }
    });
    let c = &loaded.config.fetch;
    let outcomes =
        revue::fetch::fetch_all(feeds, &archive, revue::fetch::settings(c), c.hosts, &tx);
    drop(tx);
    let _ = drawer.join();
    let mut out = BufWriter::new(io::stdout().lock());
    for (f, o) in feeds.iter().zip(&outcomes) {
        writeln!(out, "{}", revue::fetch::report::line(f.name(), o))?;
    }
    out.flush()?;
    let failed = outcomes
        .iter()
        .any(|o| matches!(o, revue::fetch::Outcome::Failed(_)));
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `revue feeds import FILE` and `revue feeds export`.
fn feeds_command(action: FeedsCommand, global: &Global) -> anyhow::Result<ExitCode> {
    match action {
        FeedsCommand::Export => {
            let loaded = config::load(global.config.as_deref())?;
            let mut out = io::stdout().lock();
            out.write_all(revue::feeds::opml::write(&loaded.config.feeds).as_bytes())?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        FeedsCommand::Import { file } => {
            // The config in use, else the user's own (created).
            let target = config::locate(global.config.as_deref())
                .or_else(config::user_path)
                .ok_or_else(|| anyhow::anyhow!("no config file: give one with --config"))?;
            let (done, skipped) = revue::feeds::import(&file, &target)?;
            for s in &skipped {
                eprintln!(
                    "revue: warning: {}: {} skipped",
                    printable(&file.display().to_string()),
                    printable(s)
                );
            }
            say(&format!(
                "{}: {} feed(s) added{}",
                printable(&target.display().to_string()),
                done.added.len(),
                if done.already > 0 {
                    format!(", {} already there", done.already)
                } else {
                    String::new()
                }
            ))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

use cli::output::printable;

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// `revue stories`: the view's articles, one row per story.
fn stories(args: ViewArgs, outer: &Select, global: &Global) -> anyhow::Result<ExitCode> {
    let select = args.select.clone().or(outer);
    let loaded = load_config(global)?;
    let (preset, query) = selection(&loaded, &select)?;
    let query = with_fresh(query, &args.fresh);
    let since = since(&args.fresh)?;
    check_corpus(&select, &loaded, global, true)?;
    let model = load_model(&select, &loaded, global);
    if model.corpus.articles.is_empty() {
        tell_if_no_article_files(&select, &loaded);
    }
    with_saving(&model, || {
        print_report(
            &args,
            preset,
            &query,
            &model,
            global,
            &loaded,
            since,
            |report, out| {
                cli::stories::print(report, args.format, &mut { out })?;
                Ok(!report.view.articles.is_empty())
            },
        )
    })
}

/// `revue mark MARK --query Q`: the mark set (or cleared) on every
/// matching article, through the same change log as the dashboard's.
fn mark(args: MarkArgs, outer: &Select, global: &Global) -> anyhow::Result<ExitCode> {
    let select = args.select.clone().or(outer);
    let loaded = load_config(global)?;
    let (_, query) = selection(&loaded, &select)?;
    let query = with_fresh(query, &args.fresh);
    let since = since(&args.fresh)?;
    let Some(path) = state_path(global, &loaded) else {
        bail!("--no-state: marks would not be saved");
    };
    let model = load_model(&select, &loaded, global);
    with_saving(&model, || {
        let corpus = &model.corpus;
        let (book, marks, warning, store) = load_marks(Some(&path), corpus, since);
        if let Some(w) = warning {
            eprintln!("revue: warning: {}", printable(&w));
        }
        let view = search::filter_marked(corpus, &model.index, &query, &marks);
        let (which, on) = args.mark.mark();
        let mut targets: Vec<revue::model::ArticleId> = view.articles.clone();
        if args.stories {
            for &a in &view.articles {
                targets.extend(corpus.story_of(a).members.iter().map(|m| m.article));
            }
        }
        // Copies share a text key: each key is changed once.
        let mut keys: Vec<&str> = targets
            .iter()
            .map(|&a| corpus.article(a).text_key.as_str())
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let changes: Vec<review::Change> = keys
            .iter()
            .filter(|k| book.get(k).get(which) != on)
            .map(|k| review::Change {
                key: k.to_string(),
                mark: which,
                on,
            })
            .collect();
        let store = store.expect("a state path gives a store");
        if !changes.is_empty() && store.append(&changes)? > review::persist::COMPACT_AT {
            store.compact()?;
        }
        let verb = format!("{:?}", args.mark).to_lowercase();
        say(&format!(
            "{} of {} matching articles changed ({verb})",
            changes.len(),
            targets.len()
        ))?;
        Ok(if view.articles.is_empty() {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        })
    })
}

/// `revue correct …`: checks the correction against the corpus it is
/// made on (a name no entity has is refused, with the nearest names),
/// then appends it to the corrections file.
fn correct(action: CorrectCommand, outer: &Select, global: &Global) -> anyhow::Result<ExitCode> {
    use revue::model::corrections::{self, Correction, EventRef};
    let loaded = load_config(global)?;
    let Some(path) = corrections_path(global, &loaded) else {
        bail!("--no-state: corrections live beside the review marks, which are off");
    };
    let on = match &action {
        CorrectCommand::Undo => {
            return match review::corrections::undo(&path)? {
                Some(c) => {
                    say(&format!("undone: {}", printable(&c.describe())))?;
                    Ok(ExitCode::SUCCESS)
                }
                None => {
                    eprintln!("revue: no correction to undo");
                    Ok(ExitCode::from(1))
                }
            };
        }
        CorrectCommand::Merge { on, .. }
        | CorrectCommand::Split { on, .. }
        | CorrectCommand::Retype { on, .. }
        | CorrectCommand::Hide { on, .. }
        | CorrectCommand::HideEvent { on, .. }
        | CorrectCommand::RetypeEvent { on, .. } => on,
    };
    let select = Select {
        paths: on.paths.clone(),
        ..Select::default()
    }
    .or(outer);
    let model = load_model(&select, &loaded, global);
    let corpus = &model.corpus;
    let entity = |name: &str| -> anyhow::Result<String> {
        match corpus.find_entity(name) {
            Some(_) => Ok(name.to_string()),
            None => bail!("no entity named \"{}\" in this corpus", printable(name)),
        }
    };
    let event = |id: u32| -> anyhow::Result<EventRef> {
        EventRef::of(corpus, revue::model::EventId(id))
            .ok_or_else(|| anyhow::anyhow!("no event {id} (event ids run from 0)"))
    };
    let c = match action {
        CorrectCommand::Merge { name, into, .. } => Correction::Merge {
            entity: entity(&name)?,
            into: entity(&into)?,
        },
        CorrectCommand::Split { name, alias, .. } => Correction::Split {
            entity: entity(&name)?,
            alias,
        },
        CorrectCommand::Retype { name, kind, .. } => Correction::Retype {
            entity: entity(&name)?,
            kind: corrections::kind_of(&kind).ok_or_else(|| {
                anyhow::anyhow!("unknown entity type `{kind}` (person, place, org or misc)")
            })?,
        },
        CorrectCommand::Hide { name, .. } => Correction::Hide {
            entity: entity(&name)?,
        },
        CorrectCommand::HideEvent { id, .. } => Correction::HideEvent { event: event(id)? },
        CorrectCommand::RetypeEvent { id, kind, .. } => Correction::RetypeEvent {
            event: event(id)?,
            subtype: corrections::subtype_of(&kind)
                .ok_or_else(|| anyhow::anyhow!("unknown event type `{kind}`"))?,
        },
        CorrectCommand::Undo => unreachable!("handled above"),
    };
    // Checked on the corpus as it is now: a correction that would change
    // nothing is refused rather than saved to puzzle later.
    let mut trial = corpus.clone();
    if corrections::apply(&mut trial, std::slice::from_ref(&c)) != [true] {
        bail!(
            "{}: changes nothing in this corpus",
            printable(&c.describe())
        );
    }
    review::corrections::append(&path, &c)?;
    say(&format!(
        "{} (saved in {})",
        printable(&c.describe()),
        printable(&path.display().to_string())
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// `revue corrections`: each correction, and whether it still finds what
/// it names in the corpus (`not found` once the name is gone).
fn corrections(on: CorrectionArgs, outer: &Select, global: &Global) -> anyhow::Result<ExitCode> {
    let mut loaded = load_config(global)?;
    let Some(path) = corrections_path(global, &loaded) else {
        bail!("--no-state: corrections live beside the review marks, which are off");
    };
    let list = std::mem::take(&mut loaded.corrections);
    if list.is_empty() {
        eprintln!(
            "revue: no corrections in {}",
            printable(&path.display().to_string())
        );
        return Ok(ExitCode::from(1));
    }
    let select = Select {
        paths: on.paths,
        ..Select::default()
    }
    .or(outer);
    // The corpus without the corrections, to apply them one by one.
    let mut corpus = revue::load_corpus(&select.paths, &loaded);
    let applied = revue::model::corrections::apply(&mut corpus, &list);
    let mut out = BufWriter::new(io::stdout().lock());
    for (i, (c, ok)) in list.iter().zip(applied).enumerate() {
        let status = if ok { "applies" } else { "not found" };
        writeln!(out, "{}\t{}\t{status}", i + 1, printable(&c.describe()))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
