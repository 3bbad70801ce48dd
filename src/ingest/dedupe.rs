//! The same item reached twice — in two feeds, or as a feed item and as
//! its saved page — is one article. Two articles are the same when they
//! share a GUID or a URL (compared without scheme, `www.`, fragment,
//! trailing slash and tracking parameters). The fuller one stays (text
//! over a summary, then the longer text) at the place of the first, and
//! takes from the other what its own source lacks. Plain text articles,
//! which carry neither, are never merged.

use std::collections::HashMap;

use super::RawArticle;
use super::source::Source;

/// The articles with duplicates merged, in their first order, and how
/// many were merged away.
pub fn merge(articles: Vec<RawArticle>) -> (Vec<RawArticle>, usize) {
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut out: Vec<RawArticle> = Vec::with_capacity(articles.len());
    let mut merged = 0;
    for a in articles {
        let keys = keys(&a.source);
        match keys.iter().find_map(|k| by_key.get(k).copied()) {
            Some(i) => {
                merged += 1;
                let kept = &mut out[i];
                if fuller(&a, kept) {
                    let old = std::mem::replace(kept, a);
                    fill(&mut kept.source, old.source);
                } else {
                    fill(&mut kept.source, a.source);
                }
                for k in keys.into_iter().chain(self::keys(&out[i].source)) {
                    by_key.entry(k).or_insert(i);
                }
            }
            None => {
                for k in keys {
                    by_key.entry(k).or_insert(out.len());
                }
                out.push(a);
            }
        }
    }
    (out, merged)
}

fn keys(s: &Source) -> Vec<String> {
    let mut k = Vec::new();
    if let Some(g) = &s.guid {
        k.push(format!("id:{g}"));
    }
    if let Some(u) = &s.url {
        k.push(format!("url:{}", normal_url(u)));
    }
    k
}

fn fuller(a: &RawArticle, b: &RawArticle) -> bool {
    (!a.source.summary_only, a.text.len()) > (!b.source.summary_only, b.text.len())
}

/// Fields of `kept` it lacks, from `other`.
fn fill(kept: &mut Source, other: Source) {
    kept.outlet = kept.outlet.take().or(other.outlet);
    kept.url = kept.url.take().or(other.url);
    kept.author = kept.author.take().or(other.author);
    kept.published = kept.published.or(other.published);
    kept.modified = kept.modified.or(other.modified);
    kept.guid = kept.guid.take().or(other.guid);
}

/// A URL as two links to one page agree on.
pub fn normal_url(u: &str) -> String {
    let u = u.trim();
    let u = u.split_once("://").map_or(u, |(_, rest)| rest);
    let u = u.split('#').next().unwrap_or(u);
    let (path, query) = u.split_once('?').unwrap_or((u, ""));
    let path = path.strip_prefix("www.").unwrap_or(path);
    let path = path.trim_end_matches('/');
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| {
            let name = p.split('=').next().unwrap_or("");
            !(name.starts_with("utm_")
                || matches!(
                    name,
                    "fbclid" | "gclid" | "xtor" | "at_medium" | "at_campaign"
                ))
        })
        .collect();
    let mut out = path.to_ascii_lowercase();
    if !kept.is_empty() {
        out.push('?');
        out.push_str(&kept.join("&"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_that_name_one_page() {
        let same = [
            "https://www.example.org/a/b/",
            "http://example.org/a/b#top",
            "https://example.org/a/b?utm_source=rss&utm_medium=feed",
        ];
        for u in same {
            assert_eq!(normal_url(u), "example.org/a/b", "{u}");
        }
        assert_ne!(
            normal_url("https://example.org/a?id=1"),
            normal_url("https://example.org/a?id=2")
        );
    }
}
