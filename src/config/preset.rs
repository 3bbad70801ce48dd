//! `[[preset]]`: a named view people come back to. A preset is a query in
//! the dashboard's syntax plus fields that spell out common terms (entity,
//! event type, date range, language), a sort order and a focused pane.
//! [`Preset::query_string`] turns it into one query, which the dashboard
//! (`Action::SetQuery`) and the headless commands both apply.

use serde::Deserialize;
use toml::Spanned;

use crate::app::Pane;
use crate::extract::kind::EventType;
use crate::extract::lang::Lang;
use crate::search::Sort;
use crate::search::query::DateRange;

use super::values;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preset {
    /// Unique among the presets; what `--preset` names. Spanned so that a
    /// duplicate can be pointed at.
    name: Spanned<String>,
    /// One line saying what the view is for (`revue presets` lists it).
    #[serde(default, deserialize_with = "values::optional_line")]
    pub description: Option<String>,
    /// Terms in the dashboard's search syntax.
    #[serde(default, deserialize_with = "values::optional_query")]
    pub query: Option<String>,
    /// Keep articles naming this entity (any of its names; fuzzy).
    #[serde(default, deserialize_with = "values::optional_nonempty")]
    pub entity: Option<String>,
    /// Keep articles from this source: an outlet, feed or site whose name
    /// holds it (the `source:` term, spaces allowed).
    #[serde(default, deserialize_with = "values::optional_nonempty")]
    pub source: Option<String>,
    /// Keep events (and the articles reporting them) of this type.
    #[serde(rename = "type", default, deserialize_with = "values::optional")]
    pub kind: Option<EventType>,
    /// Keep articles and events in this range: `2017-11`, `2015..2017`.
    #[serde(default, deserialize_with = "values::optional")]
    pub date: Option<DateRange>,
    #[serde(default, deserialize_with = "values::optional")]
    pub lang: Option<Lang>,
    /// Order of the lists (default: relevance).
    #[serde(default, deserialize_with = "values::optional")]
    pub sort: Option<Sort>,
    /// The pane the dashboard focuses (default: articles).
    #[serde(default, deserialize_with = "values::optional")]
    pub pane: Option<Pane>,
}

impl Preset {
    pub fn name(&self) -> &str {
        self.name.get_ref()
    }

    /// Byte span of the name in the config text.
    pub(super) fn name_span(&self) -> std::ops::Range<usize> {
        self.name.span()
    }

    /// The preset as one query in the dashboard's syntax: its `query`, then
    /// `@entity`, `source:`, `#type`, `date:` and `lang:` terms. All of
    /// them apply.
    pub fn query_string(&self) -> String {
        let mut terms: Vec<String> = Vec::new();
        if let Some(q) = &self.query {
            terms.push(q.clone());
        }
        if let Some(e) = &self.entity {
            terms.push(format!(
                "@{}",
                e.split_whitespace().collect::<Vec<_>>().join("_")
            ));
        }
        if let Some(s) = &self.source {
            terms.push(format!(
                "source:{}",
                s.split_whitespace().collect::<Vec<_>>().join("_")
            ));
        }
        if let Some(t) = self.kind {
            terms.push(format!("#{}", t.code()));
        }
        if let Some(r) = &self.date {
            terms.push(format!("date:{}", range_text(r)));
        }
        if let Some(l) = self.lang {
            terms.push(format!("lang:{}", l.code()));
        }
        crate::search::query::conjoin(terms.iter().map(String::as_str))
    }

    /// A preset's query followed by more terms (`--query`): both apply.
    pub fn combined_query(preset: Option<&Preset>, extra: Option<&str>) -> String {
        let q = preset.map(Preset::query_string).unwrap_or_default();
        crate::search::query::conjoin([q.as_str(), extra.unwrap_or("")])
    }
}

/// A date range as the query syntax writes it.
fn range_text(r: &DateRange) -> String {
    let side =
        |d: Option<crate::extract::date::DatePoint>| d.map(|d| d.to_string()).unwrap_or_default();
    match (r.from, r.to) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (a, b) => format!("{}..{}", side(a), side(b)),
    }
}

/// `--preset NAME` names no preset.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("no preset named `{name}`{hint}")]
pub struct UnknownPreset {
    pub name: String,
    /// What follows the message: a suggestion or the list of presets.
    hint: String,
}

impl UnknownPreset {
    pub(super) fn new(name: &str, presets: &[Preset]) -> Self {
        let names: Vec<&str> = presets.iter().map(Preset::name).collect();
        let hint = if names.is_empty() {
            " (the configuration defines no presets)".to_string()
        } else if let Some(near) = values::did_you_mean(name, names.iter().copied()) {
            format!("; did you mean `{near}`?")
        } else {
            format!(" (presets: {})", names.join(", "))
        };
        UnknownPreset {
            name: name.to_string(),
            hint,
        }
    }
}
