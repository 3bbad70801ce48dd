//! The built-in gazetteer: word lists that the rule-based extractor consults.
//!
//! What it knows, from the data files under `data/` (each file's header says
//! where its entries come from and what belongs in it):
//! - known names of places (countries, cities, regions), organisations and a
//!   few miscellaneous named things, French and English, grouped into
//!   equivalence classes (`Daech` = `Islamic State`, `Syria` = `Syrie`);
//! - first names, demonyms (`syriennes`, `Americans`), stopwords, months and
//!   weekdays: words that help decide whether a capitalised run is a person,
//!   or no entity at all;
//! - cues: person titles (`le président russe`, `M.`), organisation heads
//!   (`Ministère`, `Council`) and place prepositions (`à`, `in`);
//! - event triggers (`rencontre`, `spoke by phone`, `frappes aériennes`).
//!
//! What it does not know: people. A person is never a known name here, only
//! recognisable by a first name or a title cue (`Erdogan` is in no list,
//! `Recep` is a first name).
//!
//! All comparisons are on folded text (see [`super::fold`]): case, diacritics,
//! typographic apostrophes and hyphens do not matter, except for the few
//! acronyms marked `=` in the data (`US`, `UN`, `IS`), which are everyday words
//! in another case (`us`, `un`, `is`) and so match only as written.
//!
//! The data is embedded at build time and parsed once, on first use of
//! [`get`]. Parsing never panics: a malformed or contradictory entry is
//! skipped and reported by [`Gazetteer::build`], which the tests require to
//! report nothing.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use unicode_normalization::char::is_combining_mark;

use super::fold::{fold, fold_name};
use super::kind::{EntityKind, EventType};

const COUNTRIES: &str = include_str!("data/places_countries.txt");
const CITIES: &str = include_str!("data/places_cities.txt");
const REGIONS: &str = include_str!("data/places_regions.txt");
const ORGANISATIONS: &str = include_str!("data/organisations.txt");
const MISC: &str = include_str!("data/misc.txt");
const FIRST_NAMES: &str = include_str!("data/first_names.txt");
const DEMONYMS: &str = include_str!("data/demonyms.txt");
const STOPWORDS: &str = include_str!("data/stopwords.txt");
const MONTHS_WEEKDAYS: &str = include_str!("data/months_weekdays.txt");
const TITLES: &str = include_str!("data/titles.txt");
const CUES: &str = include_str!("data/cues.txt");
const TRIGGERS: &str = include_str!("data/triggers.txt");

/// How many whitespace-separated words at the end of a text
/// [`Gazetteer::ends_with_person_cue`] looks at: a title and its complement
/// (`le ministre russe des Affaires étrangères`) fit well within it.
const CUE_WINDOW: usize = 12;

/// French elided words, split off the word they are glued to (`l'ONU` is
/// `l'` + `ONU`) when reading a title's complement.
const ELISIONS: &[&str] = &[
    "l'", "d'", "j'", "m'", "n'", "s'", "t'", "c'", "qu'", "jusqu'", "lorsqu'", "puisqu'",
    "quoiqu'",
];

/// What kind of place a known place name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    Country,
    City,
    Region,
}

/// One line of a name file: a referent and its canonical name.
#[derive(Debug)]
struct Referent {
    /// The first name listed on the line (without a `=` mark).
    canonical: &'static str,
    kind: EntityKind,
    place: Option<PlaceKind>,
    /// Data file and line, for reports.
    source: &'static str,
    line: usize,
}

/// A trigger phrase, as folded words; `event` is `None` for the phrases that
/// only shadow a shorter trigger (`so-called` over `called`).
#[derive(Debug)]
struct Trigger {
    words: Box<[String]>,
    event: Option<EventType>,
}

/// The built-in word lists, keyed by folded text. See the module doc.
/// (`Default` is the empty gazetteer, which knows nothing.)
#[derive(Debug, Default)]
pub struct Gazetteer {
    referents: Vec<Referent>,
    /// `fold_name` of every name → index in `referents`.
    names: HashMap<String, usize>,
    /// Names marked `=` in the data, exactly as written → index in `referents`.
    exact_names: HashMap<&'static str, usize>,
    first_names: HashSet<String>,
    demonyms: HashSet<String>,
    /// Includes the months and weekdays.
    stopwords: HashSet<String>,
    months_weekdays: HashSet<String>,
    titles: HashSet<String>,
    title_complements: HashSet<String>,
    title_connectors: HashSet<String>,
    org_heads: HashSet<String>,
    place_prepositions: HashSet<String>,
    /// First folded word → the phrases starting with it, longest first.
    triggers: HashMap<String, Vec<Trigger>>,
    /// Longest entry, in words, of: titles; names, demonyms and complements
    /// (what may follow a title); triggers.
    max_title_words: usize,
    max_complement_words: usize,
    max_trigger_words: usize,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer::build().0);

/// The built-in gazetteer, parsed once from the embedded data files.
pub fn get() -> &'static Gazetteer {
    &GAZETTEER
}

impl Gazetteer {
    /// Parses the embedded data. Returns the gazetteer and the problems found
    /// in the data (a name or trigger claimed by two different referents or
    /// types, an unknown event type, an empty entry): such entries keep their
    /// first meaning, or are skipped. The built-in data has none (tested).
    pub fn build() -> (Gazetteer, Vec<String>) {
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

    fn referent(&self, name: &str) -> Option<&Referent> {
        let name = name.trim();
        if let Some(&i) = self.exact_names.get(name) {
            return Some(&self.referents[i]);
        }
        let key = fold_name(name);
        let i = self.names.get(key.as_str()).or_else(|| {
            // `l'ONU`, `la Syrie`, `the Kremlin`: the article is not part of
            // the name (names that include it, like `La Paz`, matched above).
            let rest = ["l'", "d'", "le ", "la ", "les ", "the "]
                .iter()
                .find_map(|article| key.strip_prefix(article))?;
            self.names.get(rest)
        })?;
        Some(&self.referents[*i])
    }

    /// Kind of a known full name (`Corée du Nord` → Place, `Nations unies` →
    /// Org, `Brexit` → Misc), compared with `fold_name`; a leading article
    /// (`l'`, `d'`, `le`, `la`, `les`, `the`) is ignored if the name with it
    /// is unknown. Never `Person`: people are not in the gazetteer.
    pub fn kind(&self, name: &str) -> Option<EntityKind> {
        self.referent(name).map(|r| r.kind)
    }

    /// A built-in equivalence class: the first-listed name of the line that
    /// holds `name` (`Daesh` → `État islamique`, `Syria` → `Syrie`, `Idleb` →
    /// `Idlib`), compared like [`Gazetteer::kind`].
    pub fn alias_group(&self, name: &str) -> Option<&str> {
        self.referent(name).map(|r| r.canonical)
    }

    /// Country, city or region, for a known place name.
    pub fn place_kind(&self, name: &str) -> Option<PlaceKind> {
        self.referent(name).and_then(|r| r.place)
    }

    /// A known first name (`Recep`, `Sergueï` = `Sergei`..., `Jean-Yves`).
    pub fn is_first_name(&self, word: &str) -> bool {
        with_key(word, |k| self.first_names.contains(k))
    }

    /// A demonym or nationality adjective, any inflection and case
    /// (`syriennes`, `Occidentaux`, `Americans`). A word that is also a known
    /// name (`Argentine`, `Suisse`) is a name, not a demonym.
    pub fn is_demonym(&self, word: &str) -> bool {
        with_key(word, |k| self.demonyms.contains(k))
    }

    /// A word that is never an entity on its own, any case (`Après`, `The`,
    /// `L'`), months and weekdays included.
    pub fn is_stopword(&self, word: &str) -> bool {
        with_key(word, |k| self.stopwords.contains(k))
    }

    /// A French or English month or weekday name (`Lundi`, `novembre`, `May`).
    pub fn is_month_or_weekday(&self, word: &str) -> bool {
        with_key(word, |k| self.months_weekdays.contains(k))
    }

    /// Whether `text`, what comes right before a name (lowercased or not),
    /// ends with a cue that the name is a person's.
    ///
    /// Accepted: a title from `titles.txt` (`M.`, `Mme`, `président`,
    /// `Foreign Minister`, `porte-parole`...), optionally followed by a
    /// complement made of demonyms (`russe`), known names (`du Kremlin`,
    /// `de l'ONU`), organisation heads and the portfolio or qualifier words of
    /// `cues.txt` (`de la Défense`, `sortant`), joined by small connectors
    /// (`de`, `du`, `l'`, `of`, `the`...). So `le président russe`, `le
    /// ministre de la Défense`, `Secretary of State` and `M.` are cues.
    ///
    /// Not accepted: a connector right before the name (`le président de`), a
    /// sentence end (`le président.`) or other punctuation inside the cue.
    /// One trailing comma is allowed, for an apposition (`le porte-parole du
    /// Kremlin, Dmitri Peskov`). Only the last few words are read.
    pub fn ends_with_person_cue(&self, text: &str) -> bool {
        let tokens = self.cue_tokens(text);
        let is_title = |k: &str| self.titles.contains(k);
        let is_complement = |k: &str| self.is_complement(k);
        let mut key = String::new();
        let mut end = tokens.len();
        while end > 0 {
            let tail = &tokens[..end];
            if longest_suffix(tail, self.max_title_words, &mut key, is_title).is_some() {
                return true;
            }
            if let Some(n) =
                longest_suffix(tail, self.max_complement_words, &mut key, is_complement)
            {
                end -= n;
            } else if end < tokens.len() && self.title_connectors.contains(&tokens[end - 1]) {
                end -= 1;
            } else {
                return false;
            }
        }
        false
    }

    /// A word that starts an organisation's name when it heads a capitalised
    /// run (`Ministère`, `Forces`, `Council`), any case.
    pub fn is_org_head(&self, word: &str) -> bool {
        with_key(word, |k| self.org_heads.contains(k))
    }

    /// A word or short phrase that often comes right before a place (`à`,
    /// `au`, `en`, `près de`, `in`, `at`), any case. A cue, not proof.
    pub fn is_place_preposition(&self, word: &str) -> bool {
        with_key(word, |k| self.place_prepositions.contains(k))
    }

    /// The event trigger at the very start of `text` (byte 0, no leading
    /// space skipped): the longest trigger phrase that starts there, compared
    /// folded and by whole words, as its byte length in `text` and its type.
    /// `None` if no trigger starts there, or if the longest phrase is one that
    /// means no event (`so-called`).
    pub fn trigger_at(&self, text: &str) -> Option<(usize, EventType)> {
        let mut spans = word_spans(text);
        let first = spans.next().filter(|&(start, _)| start == 0)?;
        let first_word = fold(&text[first.0..first.1]);
        if !self.triggers.contains_key(&first_word) {
            return None;
        }
        let spans: Vec<(usize, usize)> = std::iter::once(first)
            .chain(spans.take(self.max_trigger_words.saturating_sub(1)))
            .collect();
        let words: Vec<String> = std::iter::once(first_word)
            .chain(spans[1..].iter().map(|&(s, e)| fold(&text[s..e])))
            .collect();
        let (n, event) = self.trigger_match(&words)?;
        Some((spans[n - 1].1, event?))
    }

    /// All trigger matches in a sentence, left to right and not overlapping
    /// (the longest phrase wins at each word): `(byte start, byte end, type)`,
    /// offsets in `sentence`.
    pub fn triggers_in(&self, sentence: &str) -> Vec<(usize, usize, EventType)> {
        let spans: Vec<(usize, usize)> = word_spans(sentence).collect();
        let words: Vec<String> = spans.iter().map(|&(s, e)| fold(&sentence[s..e])).collect();
        let mut found = Vec::new();
        let mut i = 0;
        while i < words.len() {
            match self.trigger_match(&words[i..]) {
                Some((n, event)) => {
                    if let Some(event) = event {
                        found.push((spans[i].0, spans[i + n - 1].1, event));
                    }
                    i += n;
                }
                None => i += 1,
            }
        }
        found
    }

    /// The longest trigger phrase that `words` (folded) starts with: its
    /// length in words, and its type (`None` for a shadowing phrase).
    fn trigger_match(&self, words: &[String]) -> Option<(usize, Option<EventType>)> {
        let candidates = self.triggers.get(words.first()?)?;
        candidates
            .iter()
            .find(|t| {
                words.len() >= t.words.len() && t.words.iter().zip(words).all(|(a, b)| a == b)
            })
            .map(|t| (t.words.len(), t.event))
    }

    /// What may follow a title before the name, besides connectors.
    fn is_complement(&self, key: &str) -> bool {
        self.demonyms.contains(key)
            || self.title_complements.contains(key)
            || self.names.contains_key(key)
            || self.org_heads.contains(key)
    }

    /// The folded words of the end of `text` that may belong to a person cue:
    /// hyphenated words split (`porte-parole`), elided articles split off
    /// (`l'ONU`), and nothing before punctuation that ends a clause.
    fn cue_tokens(&self, text: &str) -> Vec<String> {
        let mut text = text.trim_end();
        if let Some(rest) = text.strip_suffix(',') {
            text = rest.trim_end();
        }
        let mut reversed = Vec::new();
        for chunk in text.split_whitespace().rev().take(CUE_WINDOW) {
            let folded = fold(chunk);
            let word = folded.trim_start_matches(|c: char| !c.is_alphanumeric());
            let Some(last) = word.chars().last() else {
                break;
            };
            // A word ending with punctuation closes a clause, except a title
            // abbreviation (`M.`, `Gen.`).
            let abbreviation = last == '.' && self.titles.contains(word);
            if !(last.is_alphanumeric() || last == '\'' || abbreviation) {
                break;
            }
            for piece in word.split('-').rev().filter(|p| !p.is_empty()) {
                match ELISIONS
                    .iter()
                    .find(|e| piece.len() > e.len() && piece.starts_with(*e))
                {
                    Some(elision) => {
                        reversed.push(piece[elision.len()..].to_string());
                        reversed.push((*elision).to_string());
                    }
                    None => reversed.push(piece.to_string()),
                }
            }
            // Leading punctuation (`(`, `«`) opens what the cue may hold.
            if word.len() != folded.len() {
                break;
            }
        }
        reversed.reverse();
        reversed
    }
}

/// The longest suffix of `tokens`, at most `max` words, that `accept` takes
/// once joined as `fold_name` would write it (`de l'onu`): its length.
fn longest_suffix(
    tokens: &[String],
    max: usize,
    key: &mut String,
    accept: impl Fn(&str) -> bool,
) -> Option<usize> {
    (1..=max.min(tokens.len())).rev().find(|&n| {
        key.clear();
        for token in &tokens[tokens.len() - n..] {
            if !key.is_empty() && !key.ends_with('\'') {
                key.push(' ');
            }
            key.push_str(token);
        }
        accept(key)
    })
}

/// Runs `f` on `word` folded as `fold_name` folds it, without allocating for
/// short plain ASCII words (the common case).
fn with_key<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let word = word.trim();
    let mut buf = [0u8; 32];
    if word.len() <= buf.len()
        && word
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'\'' || b == b'.')
    {
        for (to, from) in buf.iter_mut().zip(word.bytes()) {
            *to = from.to_ascii_lowercase();
        }
        if let Ok(key) = std::str::from_utf8(&buf[..word.len()]) {
            return f(key);
        }
    }
    f(&fold_name(word))
}

/// Byte spans of the words of `text`, for trigger matching: runs of letters,
/// digits and combining marks; an apostrophe right after a word ends it and
/// belongs to it (`l'accord` is `l'` + `accord`, as the elided article is a
/// word of its own). Hyphens and all other characters separate words.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let mut start = None;
        while let Some((i, c)) = chars.next() {
            let in_word = c.is_alphanumeric() || is_combining_mark(c);
            match start {
                None if in_word => start = Some(i),
                None => {}
                Some(_) if in_word => {}
                Some(s) if is_apostrophe(c) => return Some((s, i + c.len_utf8())),
                Some(s) => return Some((s, i)),
            }
            if start.is_some() && chars.peek().is_none() {
                return start.map(|s| (s, text.len()));
            }
        }
        None
    })
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

/// The trigger phrase's folded words, split as [`word_spans`] splits text.
fn phrase_words(phrase: &str) -> Vec<String> {
    word_spans(phrase)
        .map(|(s, e)| fold(&phrase[s..e]))
        .collect()
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
fn french_plurals(masculine: &str, feminine: &str) -> [String; 2] {
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
            let event = match (code, EventType::from_code(code)) {
                ("none", _) => None,
                (_, Some(event)) => Some(event),
                (_, None) => {
                    self.problems
                        .push(format!("triggers.txt:{line}: unknown type `{code}`"));
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

#[cfg(test)]
mod tests {
    use super::*;

    fn g() -> &'static Gazetteer {
        get()
    }

    #[test]
    fn data_has_no_conflicts() {
        let (_, problems) = Gazetteer::build();
        assert!(
            problems.is_empty(),
            "data problems:\n{}",
            problems.join("\n")
        );
    }

    #[test]
    fn every_file_has_its_entries() {
        let (g, _) = Gazetteer::build();
        let count = |place| {
            g.referents
                .iter()
                .filter(|r| r.place == Some(place))
                .count()
        };
        assert!(count(PlaceKind::Country) >= 197, "countries");
        assert!(count(PlaceKind::City) >= 450, "cities");
        assert!(count(PlaceKind::Region) >= 150, "regions");
        let count = |kind| g.referents.iter().filter(|r| r.kind == kind).count();
        assert!(count(EntityKind::Org) >= 200, "organisations");
        assert!(count(EntityKind::Misc) >= 30, "misc");
        assert!(g.first_names.len() >= 1000, "first names");
        assert!(g.demonyms.len() >= 1000, "demonyms");
        assert!(g.stopwords.len() >= 500, "stopwords");
        assert!(g.months_weekdays.len() >= 60, "months and weekdays");
        assert!(g.titles.len() >= 300, "titles");
        assert!(g.org_heads.len() >= 100, "org heads");
        assert!(g.place_prepositions.len() >= 10, "place prepositions");
        assert!(g.title_complements.len() >= 100, "title complements");
        assert!(g.triggers.values().flatten().count() >= 400, "triggers");
    }

    #[test]
    fn word_lists_do_not_overlap() {
        let g = g();
        let mut overlaps = Vec::new();
        for word in &g.stopwords {
            if g.names.contains_key(word) {
                overlaps.push(format!("stopword `{word}` is a known name"));
            }
            if g.first_names.contains(word) {
                overlaps.push(format!("stopword `{word}` is a first name"));
            }
            if g.demonyms.contains(word) {
                overlaps.push(format!("stopword `{word}` is a demonym"));
            }
        }
        for word in &g.first_names {
            if g.demonyms.contains(word) {
                overlaps.push(format!("first name `{word}` is a demonym"));
            }
        }
        overlaps.sort();
        assert!(overlaps.is_empty(), "{}", overlaps.join("\n"));
    }

    #[test]
    fn knows_places_in_both_languages() {
        let g = g();
        for name in [
            "Corée du Nord",
            "coree du nord",
            "North Korea",
            "Syrie",
            "Syria",
            "États-Unis",
            "Etats-Unis",
            "etats unis",
            "USA",
            "U.S.",
            "US",
            "Royaume-Uni",
            "UK",
            "Moscou",
            "Moscow",
            "Pékin",
            "Pekin",
            "Beijing",
            "Genève",
            "Idleb",
            "Lattaquié",
            "Latakia",
            "Sotchi",
            "Téhéran",
            "Nur-Sultan",
            "Moyen-Orient",
            "moyen orient",
            "Middle East",
            "Crimée",
            "Donbas",
            "Cisjordanie",
            "West Bank",
            "bande de Gaza",
            "Asie-Pacifique",
            "Occident",
            "la Syrie",
            "Douma",
        ] {
            assert_eq!(g.kind(name), Some(EntityKind::Place), "{name}");
        }
        assert_eq!(g.place_kind("Syria"), Some(PlaceKind::Country));
        assert_eq!(g.place_kind("Aleppo"), Some(PlaceKind::City));
        assert_eq!(g.place_kind("Caucase"), Some(PlaceKind::Region));
        assert_eq!(g.place_kind("OTAN"), None);
    }

    #[test]
    fn knows_organisations_in_both_languages() {
        let g = g();
        for name in [
            "Nations unies",
            "ONU",
            "l'ONU",
            "l’ONU",
            "UN",
            "United Nations",
            "OTAN",
            "Nato",
            "Union européenne",
            "Union europeenne",
            "EU",
            "Kremlin",
            "Maison Blanche",
            "White House",
            "Élysée",
            "Elysee",
            "Daech",
            "ISIS",
            "IS",
            "Hayat Tahrir al-Cham",
            "AFP",
            "Reuters",
            "FSB",
            "State Duma",
        ] {
            assert_eq!(g.kind(name), Some(EntityKind::Org), "{name}");
        }
        assert_eq!(g.kind("Brexit"), Some(EntityKind::Misc));
    }

    #[test]
    fn everyday_words_are_not_names() {
        let g = g();
        for word in [
            "Le",
            "La",
            "Les",
            "Mais",
            "Selon",
            "Lundi",
            "Novembre",
            "Après",
            "The",
            "un",
            "Un",
            "us",
            "Us",
            "is",
            "Is",
            "eu",
            "au",
            "Au",
            "who",
            "Who",
            "Car",
            "eau",
            "Erdogan",
            "Poutine",
            "Président",
        ] {
            assert_eq!(g.kind(word), None, "{word}");
        }
    }

    #[test]
    fn alias_groups_are_equivalence_classes() {
        let g = g();
        assert_eq!(g.alias_group("Daech"), g.alias_group("Islamic State"));
        assert_eq!(g.alias_group("Daesh"), Some("État islamique"));
        assert_eq!(g.alias_group("IS"), Some("État islamique"));
        assert_eq!(g.alias_group("Syria"), Some("Syrie"));
        assert_eq!(g.alias_group("Idleb"), Some("Idlib"));
        assert_eq!(g.alias_group("Beijing"), Some("Pékin"));
        assert_eq!(g.alias_group("U.S."), Some("États-Unis"));
        assert_eq!(g.alias_group("NATO"), Some("OTAN"));
        assert_eq!(g.alias_group("Erdogan"), None);
    }

    #[test]
    fn first_names_any_transliteration_and_accent() {
        let g = g();
        for name in [
            "Recep",
            "Tayyip",
            "Mevlüt",
            "Mevlut",
            "Bachar",
            "Bashar",
            "Sergueï",
            "Serguei",
            "Sergei",
            "Sergey",
            "Vladimir",
            "Dmitri",
            "Dmitry",
            "Mohammed",
            "Muhammad",
            "Hassan",
            "Ebrahim",
            "Emmanuel",
            "Donald",
            "Jean-Yves",
            "jean yves",
            "Angela",
            "Xi",
        ] {
            assert!(g.is_first_name(name), "{name}");
        }
        for word in ["Erdogan", "Poutine", "Le", "Syrie", "May"] {
            assert!(!g.is_first_name(word), "{word}");
        }
    }

    #[test]
    fn demonyms_every_inflection() {
        let g = g();
        for word in [
            "syrien",
            "syrienne",
            "syriens",
            "syriennes",
            "Russes",
            "turc",
            "turque",
            "turcs",
            "turques",
            "Américains",
            "iranien",
            "Français",
            "françaises",
            "Occidentaux",
            "nord-coréens",
            "Syrian",
            "Americans",
            "North Korean",
            "argentins",
            "suisses",
        ] {
            assert!(g.is_demonym(word), "{word}");
        }
        // A known name is a name first.
        for word in ["Argentine", "Suisse", "Syrie", "Russie", "Erdogan"] {
            assert!(!g.is_demonym(word), "{word}");
        }
    }

    #[test]
    fn stopwords_months_and_weekdays() {
        let g = g();
        for word in [
            "Après", "apres", "APRÈS", "Le", "L'", "L’", "Selon", "The", "However", "Lundi",
        ] {
            assert!(g.is_stopword(word), "{word}");
        }
        for word in [
            "Lundi", "novembre", "Novembre", "Février", "May", "Sunday", "Sept.",
        ] {
            assert!(g.is_month_or_weekday(word) && g.is_stopword(word), "{word}");
        }
        for word in ["Syrie", "Poutine", "Recep", "ONU"] {
            assert!(!g.is_stopword(word), "{word}");
        }
        assert!(!g.is_month_or_weekday("Le"));
    }

    #[test]
    fn person_cues() {
        let g = g();
        for text in [
            "le président russe",
            "Le président russe",
            "le ministre de la Défense",
            "le ministre russe des Affaires étrangères",
            "M.",
            "Selon M.",
            "Mme",
            "le porte-parole du Kremlin,",
            "le secrétaire général de l'ONU",
            "le secrétaire général de l’ONU",
            "l'émir du Qatar",
            "son homologue turc",
            "le chef de l'État",
            "le président sortant",
            "le prince héritier saoudien",
            "Russian President",
            "Foreign Minister",
            "the Secretary of State",
            "UN Secretary-General",
            "said Gen.",
            "À Moscou, le ministre",
        ] {
            assert!(g.ends_with_person_cue(text), "{text}");
        }
        for text in [
            "",
            "Après",
            "les Russes",
            "le président russe et",
            "le président de",
            "le président.",
            "le président (",
            "à Moscou",
            "a rencontré",
            "in the capital",
        ] {
            assert!(!g.ends_with_person_cue(text), "{text}");
        }
    }

    #[test]
    fn org_heads_and_place_prepositions() {
        let g = g();
        for word in [
            "Ministère",
            "ministere",
            "Forces",
            "Conseil",
            "Council",
            "Haut-Commissariat",
        ] {
            assert!(g.is_org_head(word), "{word}");
        }
        assert!(!g.is_org_head("Président"));
        for word in ["à", "À", "au", "en", "près de", "jusqu'à", "in", "at"] {
            assert!(g.is_place_preposition(word), "{word}");
        }
        assert!(!g.is_place_preposition("selon"));
    }

    #[test]
    fn trigger_at_start_of_text() {
        let g = g();
        assert_eq!(
            g.trigger_at("rencontre Erdogan"),
            Some((9, EventType::Meeting))
        );
        assert_eq!(
            g.trigger_at("Rencontré hier"),
            Some(("Rencontré".len(), EventType::Meeting))
        );
        let text = "s’est entretenu par téléphone avec Erdogan";
        let len = "s’est entretenu par téléphone".len();
        assert_eq!(g.trigger_at(text), Some((len, EventType::PhoneCall)));
        assert_eq!(
            g.trigger_at("s'est entretenu avec"),
            Some((15, EventType::Meeting))
        );
        assert_eq!(
            g.trigger_at("sommet, à Sotchi"),
            Some((6, EventType::Summit))
        );
        assert_eq!(
            g.trigger_at("cessez-le-feu"),
            Some((13, EventType::Agreement))
        );
        assert_eq!(
            g.trigger_at("spoke by phone with"),
            Some((14, EventType::PhoneCall))
        );
        assert_eq!(
            g.trigger_at("called Erdogan"),
            Some((6, EventType::PhoneCall))
        );
        assert_eq!(g.trigger_at("so-called talks"), None);
        assert_eq!(g.trigger_at("rencontrez"), None, "whole words only");
        assert_eq!(g.trigger_at(" rencontre"), None, "must start at byte 0");
        assert_eq!(g.trigger_at("Erdogan"), None);
        assert_eq!(g.trigger_at(""), None);
    }

    #[test]
    fn triggers_in_sentences() {
        let g = g();
        let fr = "Vladimir Poutine a rencontré Recep Tayyip Erdogan à Sotchi lors d’un sommet \
                  consacré à l’offensive turque, a déclaré le Kremlin.";
        let found = g.triggers_in(fr);
        let got: Vec<(&str, EventType)> = found.iter().map(|&(s, e, t)| (&fr[s..e], t)).collect();
        assert_eq!(
            got,
            [
                ("rencontré", EventType::Meeting),
                ("sommet", EventType::Summit),
                ("offensive", EventType::Military),
                ("a déclaré", EventType::Statement),
            ]
        );
        let en = "Putin spoke by phone with Erdogan and said the so-called deal, signed in \
                  Sochi, ended the airstrikes.";
        let found = g.triggers_in(en);
        let got: Vec<(&str, EventType)> = found.iter().map(|&(s, e, t)| (&en[s..e], t)).collect();
        assert_eq!(
            got,
            [
                ("spoke by phone", EventType::PhoneCall),
                ("said", EventType::Statement),
                ("deal", EventType::Agreement),
                ("signed", EventType::Agreement),
                ("airstrikes", EventType::Military),
            ]
        );
        assert!(g.triggers_in("").is_empty());
        assert!(g.triggers_in("Du coup, rien.").is_empty());
    }

    #[test]
    fn word_spans_split_hyphens_and_elisions() {
        let text = "l’accord, cessez-le-feu; aujourd'hui é\u{301}té";
        let words: Vec<&str> = word_spans(text).map(|(s, e)| &text[s..e]).collect();
        assert_eq!(
            words,
            [
                "l’",
                "accord",
                "cessez",
                "le",
                "feu",
                "aujourd'",
                "hui",
                "é\u{301}té"
            ]
        );
    }

    #[test]
    fn fast_key_matches_fold_name() {
        for word in [
            "Après",
            "L'",
            "M.",
            "Syrie",
            "USA",
            "Jean-Yves",
            " Lundi ",
            "a`b",
        ] {
            assert_eq!(with_key(word, str::to_string), fold_name(word), "{word}");
        }
    }

    #[test]
    fn french_plural_rules() {
        assert_eq!(
            french_plurals("syrien", "syrienne"),
            ["syriens", "syriennes"]
        );
        assert_eq!(
            french_plurals("français", "française"),
            ["français", "françaises"]
        );
        assert_eq!(
            french_plurals("occidental", "occidentale"),
            ["occidentaux", "occidentales"]
        );
    }
}
