//! JSON Lines and JSON arrays of articles, as news APIs and scrapers export
//! them: an array of objects, an object holding one (`articles`, `items`,
//! `results`, `data`…), or one object per line. Each field is found by the
//! names common shapes use (`title`/`headline`, `body`/`text`/`content`,
//! `published_at`/`date`/`pubDate`/`seendate`, `url`/`link`,
//! `source`/`site`/`domain`, `author`/`byline`), compared ignoring case,
//! `_` and `-`, unless `[ingest.json]` in config.toml names it (a dotted
//! path for a nested field: `source.name`). Text from a description or
//! summary field marks the article summary-only. HTML in a text field goes
//! through the page text path.

use serde::Deserialize;
use serde_json::{Map, Value};

use super::format::Format;
use super::html::fragment_text;
use super::item::{Item, Parsed};
use super::source::{Source, parse_when, unix};

/// `[ingest.json]`: the field of each kind, where the names revue knows do
/// not find it. Each is a key of the article object or a dotted path.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields)]
pub struct JsonFields {
    /// The field holding the array of articles in an object.
    pub items: Option<String>,
    pub title: Option<String>,
    pub text: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
    /// A stable id of the item, which finds it again in another export.
    pub guid: Option<String>,
}

/// Names tried for each field, in order, normalised (lowercase, no `_` or
/// `-`).
// Not `name`: a package manifest or a settings file has one, and is no
// article.
const TITLE: &[&str] = &["title", "headline", "webtitle"];
const TEXT: &[&str] = &[
    "body",
    "text",
    "content",
    "fulltext",
    "articlebody",
    "bodytext",
    "maintext",
];
/// Fields that hold a summary: used when no text field is there.
const SUMMARY: &[&str] = &[
    "description",
    "summary",
    "excerpt",
    "abstract",
    "snippet",
    "lede",
];
const PUBLISHED: &[&str] = &[
    "publishedat",
    "published",
    "datepublished",
    "pubdate",
    "seendate",
    "date",
    "webpublicationdate",
    "createdat",
    "datetime",
    "timestamp",
    "time",
];
const URL: &[&str] = &["url", "link", "weburl", "href", "uri", "permalink"];
const SOURCE: &[&str] = &[
    "source",
    "sourcename",
    "site",
    "sitename",
    "domain",
    "publisher",
    "outlet",
    "feed",
];
const AUTHOR: &[&str] = &["author", "authors", "byline", "creator", "writer"];
const GUID: &[&str] = &["guid", "uuid"];
/// Keys of an object that hold the array of articles.
const CONTAINERS: &[&str] = &[
    "articles", "items", "results", "data", "entries", "news", "posts", "docs", "hits",
];

/// Reads a JSON or JSON Lines file.
pub fn read(text: &str, fields: &JsonFields) -> Parsed {
    let mut parsed = Parsed::default();
    let values = match serde_json::from_str::<Value>(text) {
        Ok(v) => match articles_in(v, fields) {
            Ok(list) => list,
            Err(why) => return Parsed::failed(why),
        },
        // More than one value: JSON Lines, read line by line so that one
        // bad line costs only itself.
        Err(e) if e.is_syntax() && e.line() > 1 || e.to_string().contains("trailing") => {
            lines(text, &mut parsed)
        }
        Err(e) => {
            return Parsed::failed(format!(
                "not valid JSON: {} (line {}, column {})",
                strip_position(&e.to_string()),
                e.line(),
                e.column()
            ));
        }
    };
    let mut no_text = 0;
    for v in values {
        match v {
            Value::Object(o) => match item_of(&o, fields) {
                Some(item) => parsed.items.push(item),
                None => no_text += 1,
            },
            _ => no_text += 1,
        }
    }
    if no_text > 0 {
        parsed.problems.push(format!(
            "{no_text} record(s) without a title or text field skipped: name the fields in [ingest.json]"
        ));
    }
    parsed
}

/// The article objects of a whole-file value.
fn articles_in(v: Value, fields: &JsonFields) -> Result<Vec<Value>, String> {
    match v {
        Value::Array(a) => Ok(a),
        Value::Object(mut o) => {
            if let Some(path) = &fields.items {
                return match take_path(&mut o, path) {
                    Some(Value::Array(a)) => Ok(a),
                    _ => Err(format!("no array at `{path}` ([ingest.json] items)")),
                };
            }
            let key = o
                .iter()
                .find(|(k, v)| v.is_array() && CONTAINERS.contains(&norm(k).as_str()))
                .map(|(k, _)| k.clone());
            match key.and_then(|k| o.remove(&k)) {
                Some(Value::Array(a)) => Ok(a),
                // One object: one article.
                _ => Ok(vec![Value::Object(o)]),
            }
        }
        _ => Err("not an article export: neither an array nor an object".to_string()),
    }
}

fn take_path(o: &mut Map<String, Value>, path: &str) -> Option<Value> {
    let mut parts = path.split('.');
    let first = parts.next()?;
    let mut v = o.remove(first)?;
    for p in parts {
        v = v.get_mut(p)?.take();
    }
    Some(v)
}

/// One value per non-empty line; bad lines are counted into one warning.
fn lines(text: &str, parsed: &mut Parsed) -> Vec<Value> {
    let mut out = Vec::new();
    let mut bad = 0;
    let mut first_bad = None;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(v) => out.push(v),
            Err(e) => {
                bad += 1;
                first_bad.get_or_insert_with(|| {
                    format!(
                        "line {}, column {}: {}",
                        n + 1,
                        e.column(),
                        strip_position(&e.to_string())
                    )
                });
            }
        }
    }
    if let Some(first) = first_bad {
        parsed.problems.push(format!(
            "{bad} line(s) not valid JSON skipped (first at {first})"
        ));
    }
    out
}

/// serde_json's message without its own " at line L column C".
fn strip_position(msg: &str) -> &str {
    msg.split(" at line ").next().unwrap_or(msg)
}

/// Lowercase without `_` and `-`: `published_at`, `publishedAt` and
/// `Published-At` are one name.
fn norm(k: &str) -> String {
    k.chars()
        .filter(|c| *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

/// The value of a field: the configured path, else the first known name.
fn field<'a>(o: &'a Map<String, Value>, set: Option<&str>, names: &[&str]) -> Option<&'a Value> {
    if let Some(path) = set {
        let mut parts = path.split('.');
        let mut v = o.get(parts.next()?)?;
        for p in parts {
            v = v.get(p)?;
        }
        return Some(v).filter(|v| !v.is_null());
    }
    names.iter().find_map(|n| {
        o.iter()
            .find(|(k, v)| !v.is_null() && norm(k) == *n)
            .map(|(_, v)| v)
    })
}

/// A value as text: a string, a number, the name of an object (`source:
/// {"name": …}`), the names of a list joined.
fn text_of(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        Value::Object(o) => ["name", "title", "domain", "id"]
            .iter()
            .find_map(|k| o.get(*k).and_then(text_of))?,
        Value::Array(a) => a.iter().filter_map(text_of).collect::<Vec<_>>().join(", "),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// A text field's words: HTML through the page text path.
fn prose(v: &Value) -> Option<String> {
    let s = text_of(v)?;
    let s = if s.contains('<') && s.contains('>') {
        fragment_text(&s)
    } else {
        s
    };
    (!s.is_empty()).then_some(s)
}

fn item_of(o: &Map<String, Value>, f: &JsonFields) -> Option<Item> {
    let title = field(o, f.title.as_deref(), TITLE).and_then(text_of);
    let body = field(o, f.text.as_deref(), TEXT).and_then(prose);
    let summary = if body.is_none() && f.text.is_none() {
        field(o, None, SUMMARY).and_then(prose)
    } else {
        None
    };
    // A summary alone is not enough: a record needs a title or a text to
    // be an article and not some other object with a description.
    if title.is_none() && body.is_none() {
        return None;
    }
    let mut source = Source::new(Format::Json);
    source.summary_only = body.is_none() && summary.is_some();
    source.url = field(o, f.url.as_deref(), URL).and_then(text_of);
    source.outlet = field(o, f.source.as_deref(), SOURCE).and_then(text_of);
    source.author = field(o, f.author.as_deref(), AUTHOR).and_then(text_of);
    source.guid = field(o, f.guid.as_deref(), GUID).and_then(text_of);
    let when = field(o, f.published.as_deref(), PUBLISHED).and_then(|v| match v {
        Value::Number(n) => n.as_i64().and_then(unix),
        v => text_of(v).as_deref().and_then(parse_when),
    });
    let mut item = Item {
        title,
        text: body.or(summary).unwrap_or_default(),
        source,
        day: None,
        tidy: false,
    };
    item.set_published(when);
    Some(item)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_of_common_shapes() {
        let api = r#"{"status":"ok","articles":[{"source":{"id":null,"name":"Le Veilleur"},
            "author":"Ana Ruiz","title":"T","description":"D","publishedAt":"2026-11-30T07:00:00Z",
            "url":"https://veilleur.example/t"}]}"#;
        let p = read(api, &JsonFields::default());
        let i = &p.items[0];
        assert_eq!(i.source.outlet.as_deref(), Some("Le Veilleur"));
        assert_eq!(i.source.author.as_deref(), Some("Ana Ruiz"));
        assert!(i.source.summary_only);
        assert_eq!(i.text, "D");
        assert_eq!(i.day.unwrap().to_string(), "2026-11-30");
        let gdelt = "{\"url\":\"https://a.example/x\",\"headline\":\"H\",\"seendate\":\"20261129T120000Z\",\"domain\":\"a.example\",\"body\":\"B\"}\n";
        let p = read(&gdelt.repeat(2), &JsonFields::default());
        assert_eq!(p.items.len(), 2);
        assert_eq!(p.items[0].source.outlet.as_deref(), Some("a.example"));
        assert!(!p.items[0].source.summary_only);
    }

    #[test]
    fn configured_fields_win() {
        let f = JsonFields {
            title: Some("meta.heading".into()),
            text: Some("words".into()),
            ..JsonFields::default()
        };
        let p = read(r#"[{"meta":{"heading":"H"},"words":"W","title":"no"}]"#, &f);
        assert_eq!(p.items[0].title.as_deref(), Some("H"));
        assert_eq!(p.items[0].text, "W");
    }

    #[test]
    fn bad_lines_cost_only_themselves() {
        let p = read(
            "{\"title\":\"a\",\"text\":\"b\"}\n{oops\n{\"title\":\"c\"}\n",
            &JsonFields::default(),
        );
        assert_eq!(p.items.len(), 2);
        assert!(
            p.problems[0].contains("1 line(s)") && p.problems[0].contains("line 2"),
            "{:?}",
            p.problems
        );
        let p = read("[{\"title\": ", &JsonFields::default());
        assert!(
            p.items.is_empty() && p.problems[0].starts_with("not valid JSON"),
            "{:?}",
            p.problems
        );
    }
}
