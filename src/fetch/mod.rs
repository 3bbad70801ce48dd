//! `revue fetch`: downloads the `[[feed]]` subscriptions of config.toml
//! into the archive (`<archive>/<feed>/`, one JSON Feed file per item),
//! which the dashboard then reads like any folder. Feeds are grouped by
//! host: each host gets one request at a time, and at most `[fetch] hosts`
//! hosts are fetched at once. Each feed ends in one [`Outcome`]; what went
//! wrong with one feed never stops the others.

pub mod archive;
pub mod feed;
pub mod http;
pub mod record;
pub mod report;

use std::collections::VecDeque;
use std::path::Path;
use std::sync::Mutex;
use std::sync::mpsc;
use std::time::Duration;

use crate::config::{FeedConfig, FetchConfig};

pub use feed::{Counts, Outcome};

/// The settings of requests under `[fetch]`.
pub fn settings(c: &FetchConfig) -> http::Settings {
    http::Settings {
        timeout: Duration::from_secs(c.timeout),
        retries: c.retries,
        max_bytes: c.max_size.0,
        backoff: Duration::from_millis(500),
    }
}

/// What the threads tell the display as they go.
#[derive(Debug)]
pub enum Progress {
    Started(usize),
    Done(usize),
}

/// Fetches every feed into its folder under `archive`; the outcomes in
/// the feeds' order. `progress` hears of each feed as it starts and ends.
pub fn fetch_all(
    feeds: &[FeedConfig],
    archive: &Path,
    settings: http::Settings,
    hosts: usize,
    progress: &mpsc::Sender<Progress>,
) -> Vec<Outcome> {
    let client = http::Client::new(settings);
    let queue = Mutex::new(by_host(feeds));
    let outcomes = Mutex::new(vec![None; feeds.len()]);
    let workers = hosts.max(1).min(feeds.len());
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let next = queue.lock().ok().and_then(|mut q| q.pop_front());
                    let Some(group) = next else { break };
                    for i in group {
                        let f = &feeds[i];
                        let _ = progress.send(Progress::Started(i));
                        let dir = archive::Archive::new(archive.join(f.folder()));
                        let outcome = feed::fetch(&client, f, &dir);
                        if let Ok(mut o) = outcomes.lock() {
                            o[i] = Some(outcome);
                        }
                        let _ = progress.send(Progress::Done(i));
                    }
                }
            });
        }
    });
    outcomes
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .map(|o| o.unwrap_or_else(|| Outcome::Failed("not fetched: a worker stopped".into())))
        .collect()
}

/// Feed indices grouped by host, hosts in the order of their first feed.
fn by_host(feeds: &[FeedConfig]) -> VecDeque<Vec<usize>> {
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, f) in feeds.iter().enumerate() {
        let host = host_of(&f.url);
        match groups.iter_mut().find(|(h, _)| *h == host) {
            Some((_, g)) => g.push(i),
            None => groups.push((host, vec![i])),
        }
    }
    groups.into_iter().map(|(_, g)| g).collect()
}

/// The host and port of an http(s) URL, lowercase.
fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let authority = authority.rsplit('@').next().unwrap_or(authority);
    authority.to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_of_one_host_are_one_group() {
        let feeds = [
            FeedConfig::new("a", "https://one.example/a", false),
            FeedConfig::new("b", "https://two.example/b", false),
            FeedConfig::new("c", "https://ONE.example/c", false),
            FeedConfig::new("d", "http://one.example:8080/d", false),
        ];
        let groups: Vec<_> = by_host(&feeds).into_iter().collect();
        assert_eq!(groups, [vec![0, 2], vec![1], vec![3]]);
    }
}
