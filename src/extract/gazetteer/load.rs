//! Parsing of the embedded data files into a [`Gazetteer`]: name files
//! (one referent a line, `|`-separated names), demonyms with their French
//! plurals, the one-entry-a-line word lists, the `[section]`s of `cues.txt`
//! and `triggers.txt`.
//!
//! It only builds; it never answers a lookup. A malformed or contradictory
//! entry is skipped and reported as a problem (file and line), never a panic.

use rustc_hash::FxHashSet as HashSet;

use super::triggers::{Role, Trigger, phrase_words};
use super::{Gazetteer, PlaceKind, Referent, Shapes};
use crate::extract::fold::fold_name;
use crate::extract::kind::{EntityKind, Subtype};

const COUNTRIES: &str = include_str!("../data/places_countries.txt");
const CITIES: &str = include_str!("../data/places_cities.txt");
const REGIONS: &str = include_str!("../data/places_regions.txt");
const ORGANISATIONS: &str = include_str!("../data/organisations.txt");
const MISC: &str = include_str!("../data/misc.txt");
const FIRST_NAMES: &str = include_str!("../data/first_names.txt");
const DEMONYMS: &str = include_str!("../data/demonyms.txt");
const STOPWORDS: &str = include_str!("../data/stopwords.txt");
const MONTHS_WEEKDAYS: &str = include_str!("../data/months_weekdays.txt");
const TITLES: &str = include_str!("../data/titles.txt");
const CUES: &str = include_str!("../data/cues.txt");
const TRIGGERS: &str = include_str!("../data/triggers.txt");

/// Parses every embedded file; see [`Gazetteer::build`].
pub(super) fn build() -> (Gazetteer, Vec<String>) {
    use EntityKind::{Misc, Org, Place};
    use PlaceKind::{City, Country, Region};
    let name_files = [
        ("places_countries.txt", COUNTRIES, Place, Some(Country)),
        ("places_cities.txt", CITIES, Place, Some(City)),
        ("places_regions.txt", REGIONS, Place, Some(Region)),
        ("organisations.txt", ORGANISATIONS, Org, None),
        ("misc.txt", MISC, Misc, None),
    ];
    let mut b = Builder::default();
    for (file, text, kind, place) in name_files {
        b.names(file, text, kind, place);
    }
    b.word_lists();
    b.demonyms();
    b.triggers();
    b.cues();
    b.finish()
}

/// The entries of a data file: trimmed lines with their 1-based numbers,
/// without the blank and `#` comment lines.
fn entries(text: &'static str) -> impl Iterator<Item = (usize, &'static str)> {
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim()))
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
}

/// The `sep`-separated, trimmed, non-empty fields of an entry.
fn fields(entry: &'static str, sep: char) -> impl Iterator<Item = &'static str> {
    entry.split(sep).map(str::trim).filter(|f| !f.is_empty())
}

/// French plurals of a demonym: `+s`, except masculines in -s/-x/-z
/// (unchanged: `français`) and in -al (`occidental` → `occidentaux`).
pub(super) fn french_plurals(masculine: &str, feminine: &str) -> [String; 2] {
    let masculine_plural = if masculine.ends_with(['s', 'x', 'z']) {
        masculine.to_string()
    } else if let Some(stem) = masculine.strip_suffix("al") {
        format!("{stem}aux")
    } else {
        format!("{masculine}s")
    };
    [masculine_plural, format!("{feminine}s")]
}

/// Collects the lists and the problems met while parsing them.
#[derive(Default)]
struct Builder {
    g: Gazetteer,
    problems: Vec<String>,
}

impl Builder {
    /// A name file: one referent a line, `|`-separated names, `=` for exact case.
    fn names(
        &mut self,
        file: &'static str,
        text: &'static str,
        kind: EntityKind,
        place: Option<PlaceKind>,
    ) {
        for (line, entry) in entries(text) {
            let index = self.g.referents.len();
            let mut canonical = None;
            for name in fields(entry, '|') {
                let exact = name.strip_prefix('=').map(str::trim);
                canonical.get_or_insert(exact.unwrap_or(name));
                let previous = match exact {
                    Some(exact) => *self.g.exact_names.entry(exact).or_insert(index),
                    None => *self.g.names.entry(fold_name(name)).or_insert(index),
                };
                if previous != index {
                    let other = &self.g.referents[previous];
                    self.problems.push(format!(
                        "{file}:{line}: `{name}` already names `{}` ({}:{})",
                        other.canonical, other.source, other.line
                    ));
                }
            }
            let Some(canonical) = canonical else { continue };
            self.g.referents.push(Referent {
                canonical,
                kind,
                place,
                source: file,
                line,
            });
        }
    }

    /// `demonyms.txt`: `masculine, feminine | English forms`. Run after the
    /// name files: a form that is also a known name stays a name.
    fn demonyms(&mut self) {
        for (line, entry) in entries(DEMONYMS) {
            let (french, english) = entry.split_once('|').unwrap_or((entry, ""));
            let mut forms: Vec<String> = fields(english, ',').map(fold_name).collect();
            let mut french = fields(french, ',');
            if let Some(masculine) = french.next() {
                let feminine = french.next().unwrap_or(masculine);
                let [masculine_plural, feminine_plural] = french_plurals(masculine, feminine);
                forms.extend(
                    [masculine, feminine, &masculine_plural, &feminine_plural].map(fold_name),
                );
            }
            if french.next().is_some() {
                self.problems
                    .push(format!("demonyms.txt:{line}: more than two French forms"));
            }
            for form in forms {
                if !self.g.names.contains_key(&form) {
                    self.g.demonyms.insert(form);
                }
            }
        }
    }

    /// The files of one word or phrase a line.
    fn word_lists(&mut self) {
        set(&mut self.g.first_names, FIRST_NAMES);
        set(&mut self.g.stopwords, STOPWORDS);
        set(&mut self.g.stopwords, MONTHS_WEEKDAYS);
        set(&mut self.g.months_weekdays, MONTHS_WEEKDAYS);
        set(&mut self.g.titles, TITLES);
    }

    /// `cues.txt`: `[section]` lines, then entries.
    fn cues(&mut self) {
        let mut section = "";
        for (line, entry) in entries(CUES) {
            if let Some(name) = entry.strip_prefix('[').and_then(|e| e.strip_suffix(']')) {
                section = name;
                continue;
            }
            let target = match section {
                "org_head" => &mut self.g.org_heads,
                "place_preposition" => &mut self.g.place_prepositions,
                "title_complement" => &mut self.g.title_complements,
                "title_connector" => &mut self.g.title_connectors,
                _ => {
                    self.problems
                        .push(format!("cues.txt:{line}: entry outside a known section"));
                    continue;
                }
            };
            target.insert(fold_name(entry));
        }
    }

    /// `triggers.txt`: `type | phrase | phrase...`.
    fn triggers(&mut self) {
        for (line, entry) in entries(TRIGGERS) {
            let mut items = fields(entry, '|');
            let code = items.next().unwrap_or_default();
            let event = match (code, Subtype::from_code(code)) {
                ("none", _) => None,
                ("onset", _) => Some(Role::Onset),
                (_, Some(event)) => Some(Role::Event(event)),
                (_, None) => {
                    self.problems
                        .push(format!("triggers.txt:{line}: unknown subtype `{code}`"));
                    continue;
                }
            };
            for phrase in items {
                let words = phrase_words(phrase);
                let Some(first) = words.first() else {
                    self.problems
                        .push(format!("triggers.txt:{line}: empty phrase `{phrase}`"));
                    continue;
                };
                let candidates = self.g.triggers.entry(first.clone()).or_default();
                match candidates.iter().find(|t| *t.words == *words) {
                    Some(t) if t.event != event => self.problems.push(format!(
                        "triggers.txt:{line}: `{phrase}` is already a {:?} trigger",
                        t.event
                    )),
                    Some(_) => {}
                    None => candidates.push(Trigger {
                        words: words.into(),
                        event,
                    }),
                }
            }
        }
        for candidates in self.g.triggers.values_mut() {
            candidates.sort_by_key(|t| std::cmp::Reverse(t.words.len()));
        }
    }

    fn finish(mut self) -> (Gazetteer, Vec<String>) {
        let g = &mut self.g;
        g.max_title_words = max_words(g.titles.iter());
        g.max_complement_words = max_words(
            g.names
                .keys()
                .chain(&g.demonyms)
                .chain(&g.title_complements)
                .chain(&g.org_heads),
        );
        g.title_tails = tails(g.titles.iter());
        let complements = || {
            g.names
                .keys()
                .chain(&g.demonyms)
                .chain(&g.title_complements)
                .chain(&g.org_heads)
        };
        g.complement_tails = tails(complements());
        g.name_first_words = g
            .names
            .keys()
            .filter_map(|k| k.split(' ').next())
            .map(str::to_string)
            .collect();
        g.name_last_words = g
            .names
            .keys()
            .filter_map(|k| k.split(' ').next_back())
            .map(str::to_string)
            .collect();
        g.first_name_shapes = Shapes::of(g.first_names.iter());
        g.demonym_shapes = Shapes::of(g.demonyms.iter());
        g.stopword_shapes = Shapes::of(g.stopwords.iter());
        g.month_weekday_shapes = Shapes::of(g.months_weekdays.iter());
        g.org_head_shapes = Shapes::of(g.org_heads.iter());
        g.place_preposition_shapes = Shapes::of(g.place_prepositions.iter());
        g.max_trigger_words = g
            .triggers
            .values()
            .flatten()
            .map(|t| t.words.len())
            .max()
            .unwrap_or(0);
        (self.g, self.problems)
    }
}

/// The suffixes of `keys` that start a key or follow a space or an
/// apostrophe: whatever the last of the words that make up a key can be.
fn tails<'a>(keys: impl Iterator<Item = &'a String>) -> HashSet<String> {
    let mut out = HashSet::default();
    for k in keys {
        out.insert(k.clone());
        for (i, c) in k.char_indices() {
            if c == ' ' || c == '\'' {
                out.insert(k[i + c.len_utf8()..].to_string());
            }
        }
    }
    out
}

/// Adds a one-entry-a-line file to a set, folded with `fold_name`.
fn set(target: &mut HashSet<String>, text: &'static str) {
    for (_, entry) in entries(text) {
        // Tokens never carry a final period: `Nov.` is also looked up as `nov`.
        if let Some(bare) = entry.strip_suffix('.').filter(|b| !b.contains('.')) {
            target.insert(fold_name(bare));
        }
        target.insert(fold_name(entry));
    }
}

/// The most words in one key, counted as [`Gazetteer::cue_tokens`] splits
/// them (`de l'onu` is three).
fn max_words<'a>(keys: impl Iterator<Item = &'a String>) -> usize {
    keys.map(|k| {
        k.split(' ')
            .map(|w| 1 + usize::from(w.contains('\'')))
            .sum()
    })
    .max()
    .unwrap_or(0)
}
