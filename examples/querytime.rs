//! Times revue's startup phases and each query on a corpus folder, one call
//! at a time, and prints median and p99 per query: the per-keystroke
//! latency that criterion's means do not show. `benches/startup.sh` runs it
//! beside `fzf --filter` on the same corpus.
//!
//! ```text
//! cargo run --release --example querytime -- DIR [--runs N]
//! ```
//!
//! Every prefix of `erdogan` is timed (`typed`), then of `poutine syrie`,
//! `@erdogan` and `date:2017-11` (`typed_more`), as one key at a time gives;
//! then, apart, of the exact `'erdogan` and of `poutine !syrie` (`typed_exact`).
//!
//! Output: one TSV row per phase and per query (label, query, runs,
//! median_ms, p99_ms, min_ms, max_ms, matches, the nearest `fzf` query for
//! the reference, and after each phase the resident memory now and at its
//! peak so far, in MB of 10^6 bytes, and the CPU time the phase took in all
//! threads, which a busy machine disturbs less than wall-clock time), then
//! the process's peak resident memory.

#[path = "../benches/corpus/mod.rs"]
mod corpus;

use std::hint::black_box;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use revue::model::{self, BuildOptions, Origin};
use revue::{ingest, search};

fn main() -> ExitCode {
    let mut dir: Option<PathBuf> = None;
    let mut runs = 30usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--runs" => match args.next().and_then(|v| v.parse().ok()) {
                Some(n) if n > 0 => runs = n,
                _ => return usage("--runs needs a positive number"),
            },
            _ if dir.is_none() && !a.starts_with('-') => dir = Some(a.into()),
            other => return usage(&format!("unknown argument `{other}`")),
        }
    }
    let Some(dir) = dir else {
        return usage("a corpus folder is required");
    };
    let paths = vec![dir];

    println!(
        "label\tquery\truns\tmedian_ms\tp99_ms\tmin_ms\tmax_ms\tmatches\tfzf_query\trss_now/peak_mb\tcpu_ms"
    );
    let t = Instant::now();
    let ingested = ingest::load(&paths);
    let n = ingested.articles.len();
    row("phase", "ingest::load", &[t.elapsed()], n, "");
    let t = Instant::now();
    let corpus = model::build(ingested, Origin::Paths(paths), &BuildOptions::default());
    row(
        "phase",
        "model::build",
        &[t.elapsed()],
        corpus.entities.len(),
        "",
    );
    let t = Instant::now();
    let index = search::SearchIndex::new(&corpus);
    row("phase", "SearchIndex::new", &[t.elapsed()], n, "");
    let t = Instant::now();
    let all = search::filter_str(&corpus, &index, "");
    row(
        "phase",
        "filter (empty query)",
        &[t.elapsed()],
        all.articles.len(),
        "",
    );

    let time = |label: &str, q: &str, fzf: &str| {
        let mut times = Vec::with_capacity(runs);
        let mut matches = 0;
        for _ in 0..runs {
            let t = Instant::now();
            let v = black_box(search::filter_str(&corpus, &index, q));
            times.push(t.elapsed());
            matches = v.articles.len();
        }
        row(label, q, &times, matches, fzf);
        times
    };
    for (label, q, fzf) in corpus::QUERIES {
        time(label, q, fzf);
    }
    let mut keystrokes = Vec::new();
    for end in 1..=corpus::TYPED.len() {
        let q = &corpus::TYPED[..end];
        keystrokes.extend(time("typed", q, q));
    }
    row("typed", "(every keystroke)", &keystrokes, 0, "");
    // The other queries of issue 8 typed one character at a time too,
    // prefixes that do not parse yet (`date:2017-1`) included.
    for typed in MORE_TYPED {
        for (end, _) in typed.char_indices().skip(1).chain([(typed.len(), ' ')]) {
            let q = &typed[..end];
            keystrokes.extend(time("typed_more", q, q));
        }
    }
    row("typed_all", "(every keystroke)", &keystrokes, 0, "");
    // Exact and excluded terms, apart: they are checked against the texts.
    let mut exact = Vec::new();
    for typed in EXACT_TYPED {
        for (end, _) in typed.char_indices().skip(1).chain([(typed.len(), ' ')]) {
            let q = &typed[..end];
            exact.extend(time("typed_exact", q, q));
        }
    }
    row("typed_exact", "(every keystroke)", &exact, 0, "");
    if let Some(kb) = proc_status_kb("VmHWM:") {
        println!("# peak resident memory: {:.1} MB", kb as f64 * 1024.0 / 1e6);
    }
    ExitCode::SUCCESS
}

/// Typed one character at a time after `erdogan`; `typed_all` sums them all.
const MORE_TYPED: [&str; 3] = ["poutine syrie", "@erdogan", "date:2017-11"];

/// Exact and excluded terms, typed one character at a time.
const EXACT_TYPED: [&str; 2] = ["'erdogan", "poutine !syrie"];

fn usage(problem: &str) -> ExitCode {
    eprintln!("querytime: {problem}\nusage: querytime DIR [--runs N]");
    ExitCode::from(2)
}

fn row(label: &str, what: &str, times: &[Duration], matches: usize, fzf: &str) {
    let mb = |key| proc_status_kb(key).map_or(f64::NAN, |kb| kb as f64 * 1024.0 / 1e6);
    let rss = if label == "phase" {
        format!(
            "{:.1}/{:.1}\t{}",
            mb("VmRSS:"),
            mb("VmHWM:"),
            cpu_ms_since_last()
        )
    } else {
        String::new()
    };
    let mut ms: Vec<f64> = times.iter().map(|d| d.as_secs_f64() * 1e3).collect();
    ms.sort_by(f64::total_cmp);
    // Nearest rank: the p-th percentile is the ceil(p·n)-th smallest.
    let rank = |p: f64| ms[((p * ms.len() as f64).ceil() as usize).clamp(1, ms.len()) - 1];
    println!(
        "{label}\t{what}\t{}\t{:.3}\t{:.3}\t{:.3}\t{:.3}\t{matches}\t{fzf}\t{rss}",
        ms.len(),
        rank(0.5),
        rank(0.99),
        ms[0],
        ms[ms.len() - 1]
    );
}

/// CPU time (user and system, all threads) since the last call, in ms;
/// from `/proc/self/stat`, in clock ticks of 10 ms.
fn cpu_ms_since_last() -> String {
    static LAST: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let ticks = std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            // Fields after the parenthesised name; utime and stime are 14 and 15.
            let rest = &s[s.rfind(')')? + 2..];
            let f: Vec<&str> = rest.split(' ').collect();
            Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
        });
    match ticks {
        Some(t) => {
            let last = LAST.swap(t, std::sync::atomic::Ordering::Relaxed);
            format!("{}", (t - last) * 10)
        }
        None => "NaN".into(),
    }
}

/// A memory figure of this process in kB, on Linux: `VmRSS:` now, `VmHWM:`
/// its peak.
fn proc_status_kb(key: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
