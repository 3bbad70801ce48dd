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
//!
//! Where things are: `load` parses the data files, `cues` reads person cues
//! at the end of a text, `triggers` matches event trigger phrases; the name
//! and word-list lookups are here.

mod cues;
mod load;
mod triggers;

#[cfg(test)]
mod generated_tests;
#[cfg(test)]
mod tests;

use std::sync::LazyLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::fold::with_fold_name;
// The tests compare lookups with `fold_name`.
#[cfg(test)]
use super::fold::fold_name;
use super::kind::EntityKind;
use triggers::Trigger;

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
    /// ISO 3166-1 code of the country a place lies in (its own, for a
    /// country), where a generated file says it.
    country: Option<&'static str>,
    /// Data file and line, for reports.
    source: &'static str,
    line: usize,
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
    /// Keys of `names` that generated files also give to other places
    /// (`georgia`: the country, then the US state) → those referents.
    other_readings: HashMap<String, Vec<usize>>,
    first_names: HashSet<String>,
    /// Generated first names not in `first_names`: given names somewhere,
    /// and sometimes family names elsewhere (`Erdogan`, `Abbas`).
    given_names: HashSet<String>,
    demonyms: HashSet<String>,
    /// Includes the months and weekdays.
    stopwords: HashSet<String>,
    months_weekdays: HashSet<String>,
    titles: HashSet<String>,
    title_complements: HashSet<String>,
    title_connectors: HashSet<String>,
    org_heads: HashSet<String>,
    place_prepositions: HashSet<String>,
    /// Every way a title, or a complement (see `cues`), may end: each
    /// suffix of an entry that starts the entry or follows a space or an
    /// apostrophe. A text whose last cue word is in neither set ends with
    /// no person cue.
    title_tails: HashSet<String>,
    complement_tails: HashSet<String>,
    /// The first and the last word of every key of `names`.
    name_first_words: WordHashes,
    name_last_words: WordHashes,
    /// The [`Shapes`] of the word lists, checked before hashing a word.
    first_name_shapes: Shapes,
    given_name_shapes: Shapes,
    demonym_shapes: Shapes,
    stopword_shapes: Shapes,
    month_weekday_shapes: Shapes,
    org_head_shapes: Shapes,
    place_preposition_shapes: Shapes,
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
        load::build()
    }

    fn referent(&self, name: &str) -> Option<&Referent> {
        let name = name.trim();
        if let Some(&i) = self.exact_names.get(name) {
            return Some(&self.referents[i]);
        }
        // Most capitalised runs start or end with a word that starts or
        // ends no name: those words tell, without folding the run whole.
        // (A leading `l'`, `d'` may be glued to the name's first word, and
        // makes the last one when the name has one word.)
        let mut buf = [0u8; 32];
        let known = |words: &WordHashes, w: &str| {
            words.contains(w)
                || ["l'", "d'"]
                    .iter()
                    .any(|a| w.strip_prefix(a).is_some_and(|rest| words.contains(rest)))
        };
        if let Some(first) = ascii_end_word(name, false, &mut buf) {
            let article = matches!(first, "le" | "la" | "les" | "the");
            if !article && !known(&self.name_first_words, first) {
                return None;
            }
        }
        if let Some(last) = ascii_end_word(name, true, &mut buf)
            && !known(&self.name_last_words, last)
        {
            return None;
        }
        let i = with_fold_name(name, |key| {
            self.names.get(key).or_else(|| {
                // `l'ONU`, `la Syrie`, `the Kremlin`: the article is not part
                // of the name (names that include it, like `La Paz`, matched
                // above).
                let rest = ["l'", "d'", "le ", "la ", "les ", "the "]
                    .iter()
                    .find_map(|article| key.strip_prefix(article))?;
                self.names.get(rest)
            })
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

    /// The ISO 3166-1 code of the country of a known place (`Kharkiv` →
    /// `UA`, `Allemagne` → `DE`), when the generated data gives one.
    pub fn country(&self, name: &str) -> Option<&'static str> {
        self.referent(name).and_then(|r| r.country)
    }

    /// Every place a name may be, first the one [`Gazetteer::place_kind`]
    /// answers, with its country: `Georgia` is the country `GE`, then a
    /// region of `US`. Compared with `fold_name`, as written (no article
    /// is dropped).
    pub fn place_readings(&self, name: &str) -> Vec<(PlaceKind, Option<&'static str>)> {
        let first = self.referent(name).into_iter();
        let others = with_fold_name(name, |key| self.other_readings.get(key).cloned());
        first
            .chain(
                others
                    .unwrap_or_default()
                    .into_iter()
                    .map(|i| &self.referents[i]),
            )
            .filter_map(|r| Some((r.place?, r.country)))
            .collect()
    }

    /// A known first name (`Recep`, `Sergueï` = `Sergei`..., `Jean-Yves`).
    pub fn is_first_name(&self, word: &str) -> bool {
        with_key(word, |k| {
            self.first_name_shapes.may_hold(k) && self.first_names.contains(k)
        })
    }

    /// A first name or any given name of the generated list (`Imogen`,
    /// `Kenji`, `Olena`): the first word of a longer name that is likely a
    /// person. Weaker than [`Gazetteer::is_first_name`]: some of these are
    /// family names too (`Erdogan`, `Abbas`), so a word alone that is only
    /// a given name may still be someone's surname.
    pub fn is_given_name(&self, word: &str) -> bool {
        self.is_first_name(word)
            || with_key(word, |k| {
                self.given_name_shapes.may_hold(k) && self.given_names.contains(k)
            })
    }

    /// A demonym or nationality adjective, any inflection and case
    /// (`syriennes`, `Occidentaux`, `Americans`). A word that is also a known
    /// name (`Argentine`, `Suisse`) is a name, not a demonym.
    pub fn is_demonym(&self, word: &str) -> bool {
        with_key(word, |k| {
            self.demonym_shapes.may_hold(k) && self.demonyms.contains(k)
        })
    }

    /// A word that is never an entity on its own, any case (`Après`, `The`,
    /// `L'`), months and weekdays included.
    pub fn is_stopword(&self, word: &str) -> bool {
        with_key(word, |k| {
            self.stopword_shapes.may_hold(k) && self.stopwords.contains(k)
        })
    }

    /// A French or English month or weekday name (`Lundi`, `novembre`, `May`).
    pub fn is_month_or_weekday(&self, word: &str) -> bool {
        with_key(word, |k| {
            self.month_weekday_shapes.may_hold(k) && self.months_weekdays.contains(k)
        })
    }

    /// A word that starts an organisation's name when it heads a capitalised
    /// run (`Ministère`, `Forces`, `Council`), any case.
    pub fn is_org_head(&self, word: &str) -> bool {
        with_key(word, |k| {
            self.org_head_shapes.may_hold(k) && self.org_heads.contains(k)
        })
    }

    /// A word or short phrase that often comes right before a place (`à`,
    /// `au`, `en`, `près de`, `in`, `at`), any case. A cue, not proof.
    pub fn is_place_preposition(&self, word: &str) -> bool {
        with_key(word, |k| {
            self.place_preposition_shapes.may_hold(k) && self.place_prepositions.contains(k)
        })
    }
}

/// The hashes of a set of words: a pre-check that may say yes to a word
/// not in the set, never no to one in it, and costs no allocation per word
/// to build (the generated names have a hundred thousand words).
#[derive(Debug, Default)]
struct WordHashes(HashSet<u64>);

impl WordHashes {
    fn hash(word: &str) -> u64 {
        use std::hash::BuildHasher;
        rustc_hash::FxBuildHasher.hash_one(word)
    }

    fn insert(&mut self, word: &str) {
        self.0.insert(Self::hash(word));
    }

    fn contains(&self, word: &str) -> bool {
        self.0.contains(&Self::hash(word))
    }
}

/// The length, first byte and last byte of every key of a set, as bits
/// (bytes taken modulo 64, lengths from 31 on counted as one): a key whose
/// shape is not there is not in the set, which is cheaper to tell than to
/// hash it.
#[derive(Debug, Default)]
struct Shapes {
    first: [u64; 32],
    last: [u64; 32],
}

impl Shapes {
    fn of<'a>(keys: impl Iterator<Item = &'a String>) -> Self {
        let mut s = Shapes::default();
        for k in keys {
            if let (Some(&f), Some(&l)) = (k.as_bytes().first(), k.as_bytes().last()) {
                let n = k.len().min(31);
                s.first[n] |= 1 << (f & 63);
                s.last[n] |= 1 << (l & 63);
            }
        }
        s
    }

    /// False only when no key has the shape of `key`.
    #[inline]
    fn may_hold(&self, key: &str) -> bool {
        let b = key.as_bytes();
        let (Some(&f), Some(&l)) = (b.first(), b.last()) else {
            return true;
        };
        let n = b.len().min(31);
        (self.first[n] >> (f & 63)) & 1 != 0 && (self.last[n] >> (l & 63)) & 1 != 0
    }
}

/// The first word of `fold_name(name)` (the last one if `last`),
/// lower-cased into `buf`, when the text from the name's end to the
/// separator that bounds that word is plain ASCII, so that folding it is
/// lower-casing it, whatever the rest (folding goes character by
/// character); `None` otherwise.
fn ascii_end_word<'b>(name: &str, last: bool, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    // `-` and what `char::is_whitespace` says of ASCII.
    let is_separator = |b: u8| matches!(b, b'-' | b' ' | b'\t'..=b'\r');
    let bytes = name.as_bytes();
    let (start, end) = if last {
        let mut end = bytes.len();
        while end > 0 && is_separator(bytes[end - 1]) {
            end -= 1;
        }
        let mut start = end;
        while start > 0 && !is_separator(bytes[start - 1]) {
            start -= 1;
        }
        (start, end)
    } else {
        let mut start = 0;
        while start < bytes.len() && is_separator(bytes[start]) {
            start += 1;
        }
        let mut end = start;
        while end < bytes.len() && !is_separator(bytes[end]) {
            end += 1;
        }
        (start, end)
    };
    // From the name's end (or start) through the word.
    let read = if last { &bytes[start..] } else { &bytes[..end] };
    if start == end || end - start > buf.len() || !read.iter().all(|&b| b.is_ascii() && b != b'`') {
        return None;
    }
    let out = &mut buf[..end - start];
    out.copy_from_slice(&bytes[start..end]);
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
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
    with_fold_name(word, f)
}
