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
// Generated from data packages by scripts/gazetteer/generate.py.
const GENERATED_COUNTRIES: &str = include_str!("../data/generated_countries.txt");
const GENERATED_REGIONS: &str = include_str!("../data/generated_regions.txt");
const GENERATED_CITIES: &str = include_str!("../data/generated_cities.txt");
const GENERATED_LANGUAGES: &str = include_str!("../data/generated_languages.txt");
const GENERATED_FIRST_NAMES: &str = include_str!("../data/generated_first_names.txt");

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
    // What may follow a title is a hand-kept name, not any town of the
    // world: complements are taken before the generated names come.
    b.complements();
    // After the hand-kept names, which keep their meaning, and the
    // stopwords and demonyms, which generated names may not be.
    b.generated_places(GENERATED_COUNTRIES, Country);
    b.generated_places(GENERATED_REGIONS, Region);
    b.generated_places(GENERATED_CITIES, City);
    b.generated_words();
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
                country: None,
                source: file,
                line,
            });
        }
    }

    /// A generated place file: `CODE | name | name...` a line (see
    /// scripts/gazetteer/generate.py). Generated data never overrides the
    /// hand-kept lists and reports no conflict: a line joins the hand-kept
    /// place of the same kind that has one of its names (giving it its
    /// country); a name that is already another referent's stays that
    /// referent's, and this place becomes its other reading. Stopwords are
    /// and demonyms are no names.
    fn generated_places(&mut self, text: &'static str, place: PlaceKind) {
        self.g.names.reserve(text.len() / 16);
        let file = match place {
            PlaceKind::Country => "generated_countries.txt",
            PlaceKind::Region => "generated_regions.txt",
            PlaceKind::City => "generated_cities.txt",
        };
        for (line, entry) in entries(text) {
            let mut items = fields(entry, '|');
            let country = items.next().filter(|c| *c != "-");
            let names: Vec<(&'static str, String)> = items
                .map(|n| (n, fold_name(n)))
                .filter(|(_, key)| {
                    !self.g.stopwords.contains(key) && !self.g.demonyms.contains(key)
                })
                .collect();
            let Some(&(canonical, _)) = names.first() else {
                continue;
            };
            let joined = names.iter().find_map(|(_, key)| {
                let &i = self.g.names.get(key)?;
                let r = &self.g.referents[i];
                let same = r.kind == EntityKind::Place
                    && r.place == Some(place)
                    && (r.country.is_none() || r.country == country);
                same.then_some(i)
            });
            let index = joined.unwrap_or(self.g.referents.len());
            for (_, key) in names {
                match self.g.names.get(&key) {
                    None => {
                        self.g.names.insert(key, index);
                    }
                    Some(&i) if i == index => {}
                    Some(_) => self.g.other_readings.entry(key).or_default().push(index),
                }
            }
            match joined {
                Some(i) => {
                    let r = &mut self.g.referents[i];
                    r.country = r.country.or(country);
                }
                None => self.g.referents.push(Referent {
                    canonical,
                    kind: EntityKind::Place,
                    place: Some(place),
                    country,
                    source: file,
                    line,
                }),
            }
        }
    }

    /// The generated word lists, after the demonyms: language names count
    /// as demonyms (never an entity alone), unless they are names, first
    /// names or stopwords; generated first names (`Name | countries`) are
    /// given names (see [`Gazetteer::is_given_name`]) unless they are
    /// stopwords, demonyms, hand-kept first names or known names (`Africa`
    /// is a Spanish given name, but `Africa Corps` is no person).
    fn generated_words(&mut self) {
        for (_, entry) in entries(GENERATED_LANGUAGES) {
            let key = fold_name(entry);
            let g = &self.g;
            let taken = g.names.contains_key(&key)
                || g.first_names.contains(&key)
                || g.stopwords.contains(&key);
            if !taken {
                self.g.demonyms.insert(key);
            }
        }
        for (_, entry) in entries(GENERATED_FIRST_NAMES) {
            let Some(name) = fields(entry, '|').next() else {
                continue;
            };
            let key = fold_name(name);
            let g = &self.g;
            let taken = g.stopwords.contains(&key)
                || g.demonyms.contains(&key)
                || g.first_names.contains(&key)
                || g.names.contains_key(&key);
            if !taken {
                self.g.given_names.insert(key);
            }
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
                ("victory", _) => Some(Role::Victory),
                ("blast", _) => Some(Role::Blast),
                ("strike_word", _) => Some(Role::StrikeWord),
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

    /// The words that may follow a title (see `cues`): the names known so
    /// far, demonyms, complements and organisation heads.
    fn complements(&mut self) {
        let g = &mut self.g;
        let complements = || {
            g.names
                .keys()
                .chain(&g.demonyms)
                .chain(&g.title_complements)
                .chain(&g.org_heads)
        };
        g.max_complement_words = max_words(complements());
        g.complement_tails = tails(complements());
    }

    fn finish(mut self) -> (Gazetteer, Vec<String>) {
        let g = &mut self.g;
        g.max_title_words = max_words(g.titles.iter());
        g.title_tails = tails(g.titles.iter());
        for key in g.names.keys() {
            if let Some(first) = key.split(' ').next() {
                g.name_first_words.insert(first);
            }
            if let Some(last) = key.split(' ').next_back() {
                g.name_last_words.insert(last);
            }
        }
        g.first_name_shapes = Shapes::of(g.first_names.iter());
        g.given_name_shapes = Shapes::of(g.given_names.iter());
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
