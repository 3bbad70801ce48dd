//! Institution and site names that French writes with lowercase words:
//! `Organisation mondiale de la santé` (a capitalised head, then lowercase
//! adjectives and `de` + nouns), `tribunal correctionnel de Bobigny`,
//! `cour d'appel de Paris` (a lowercase head, its complements, then `de` +
//! a capitalised name) and `stade Pierre-de-Coubertin`. Without these rules
//! the capitalised run alone (`Organisation`, `Bobigny`) stands for the
//! whole name.
//!
//! Works on the tokens of one sentence; the word lists are in
//! `data/institutions.txt`.

use std::sync::LazyLock;

use super::fold::with_fold;
use super::gazetteer::Gazetteer;
use super::tokens::Token;

/// What the lists say of a lowercase head.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Head {
    Org,
    Place,
    /// A named thing that is neither: a prize, a cup, a law, a storm.
    Misc,
}

/// A lowercase head: its folded words (`maison d'arrêt` as `maison
/// arret`), what it names, and whether it needs a complement before the name.
type HeadEntry = (Vec<String>, Head, bool);

struct Lists {
    /// Heads by their first folded word.
    heads: rustc_hash::FxHashMap<String, Vec<HeadEntry>>,
    adjective_endings: Vec<&'static str>,
    place_adjective_endings: Vec<&'static str>,
    not_complement: Vec<&'static str>,
    org_tail: rustc_hash::FxHashSet<&'static str>,
    place_tail: rustc_hash::FxHashSet<&'static str>,
    place_title: rustc_hash::FxHashSet<&'static str>,
    misc_tail: rustc_hash::FxHashSet<&'static str>,
    body_field: rustc_hash::FxHashSet<&'static str>,
    collective_possessor: rustc_hash::FxHashSet<&'static str>,
    misc_title: rustc_hash::FxHashSet<&'static str>,
    place_suffix: Vec<&'static str>,
    place_prefix: rustc_hash::FxHashSet<&'static str>,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let mut lists = Lists {
        heads: Default::default(),
        adjective_endings: Vec::new(),
        place_adjective_endings: Vec::new(),
        not_complement: Vec::new(),
        org_tail: Default::default(),
        place_tail: Default::default(),
        place_title: Default::default(),
        misc_tail: Default::default(),
        body_field: Default::default(),
        collective_possessor: Default::default(),
        misc_title: Default::default(),
        place_suffix: Vec::new(),
        place_prefix: Default::default(),
    };
    for line in include_str!("data/institutions.txt").lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split('|').map(str::trim);
        let section = fields.next().unwrap_or("");
        for f in fields.filter(|f| !f.is_empty()) {
            match section {
                "lowercase_org" | "lowercase_place" | "qualified_org" | "qualified_place" => {
                    let head = if section.ends_with("org") {
                        Head::Org
                    } else {
                        Head::Place
                    };
                    let qualified = section.starts_with("qualified");
                    let words = f
                        .split([' ', '\''])
                        .filter(|w| !w.is_empty() && *w != "d")
                        .map(super::fold::fold)
                        .collect();
                    let words: Vec<String> = words;
                    if let Some(first) = words.first().cloned() {
                        lists
                            .heads
                            .entry(first)
                            .or_default()
                            .push((words, head, qualified));
                    }
                }
                "adjective_ending" => lists.adjective_endings.push(f),
                "place_adjective_ending" => lists.place_adjective_endings.push(f),
                "not_complement" => lists.not_complement.push(f),
                "org_tail" => {
                    lists.org_tail.insert(f);
                }
                "place_tail" => {
                    lists.place_tail.insert(f);
                }
                "place_title" => {
                    lists.place_title.insert(f);
                }
                "misc_tail" => {
                    lists.misc_tail.insert(f);
                }
                "collective_possessor" => {
                    lists.collective_possessor.insert(f);
                }
                "body_field" => {
                    lists.body_field.insert(f);
                }
                "misc_title" => {
                    lists.misc_title.insert(f);
                }
                "place_suffix" => lists.place_suffix.push(f),
                "place_prefix" => {
                    lists.place_prefix.insert(f);
                }
                _ => {}
            }
        }
    }
    // Longest ending first, so that the first match is the best.
    lists
        .adjective_endings
        .sort_by_key(|e| std::cmp::Reverse(e.len()));
    lists
});

/// What the words of a name of two words or more say of it, English
/// style: its last word a head (`Health Ministry`, `Bicol River`) or its
/// first a place title (`County Durham`).
pub fn english_head(first: &str, last: &str) -> Option<Head> {
    let lists = &*LISTS;
    if lists.org_tail.contains(last) {
        Some(Head::Org)
    } else if lists.misc_tail.contains(last) || lists.misc_title.contains(first) {
        Some(Head::Misc)
    } else if lists.place_tail.contains(last) || lists.place_title.contains(first) {
        Some(Head::Place)
    } else {
        None
    }
}

/// Whether `word` is a common noun for a group of people whose
/// possessive opens the rest of a name (`People's`, `Children's`).
pub fn is_collective_possessor(word: &str) -> bool {
    LISTS.collective_possessor.contains(word)
}

/// Whether `word`, before a site's head (`Medical Center`), names the
/// field of a body that the site houses.
pub fn is_body_field(word: &str) -> bool {
    LISTS.body_field.contains(word)
}

/// Whether a name the gazetteer does not know is shaped like a place's:
/// its last word ends as place names do in the languages world news names
/// most (`Avdiivka`, `Vovchansk`), or, for two words or more, its first
/// word opens such names (`Beit Lahia`, `Khan Younis`).
pub fn toponym_shaped(first: &str, last: &str, n_words: usize) -> bool {
    let lists = &*LISTS;
    // (A hyphenated last word is mostly a double family name,
    // `Martin-Granville`.)
    let suffixed = lists.place_suffix.iter().any(|e| {
        last.strip_suffix(e)
            .is_some_and(|stem| stem.chars().count() >= 3 && !stem.contains('-'))
    });
    suffixed || n_words >= 2 && lists.place_prefix.contains(first)
}

/// The most lowercase words a name may take after its head.
const MAX_TAIL: usize = 8;

/// The tokens of one sentence, with the test of what joins two of them.
pub struct Words<'a> {
    pub gaz: &'a Gazetteer,
    pub tokens: &'a [Token<'a>],
    pub sentence: &'a str,
}

const CONNECTORS: &[&str] = &["de", "du", "des", "la", "l"];

impl Words<'_> {
    fn glued(&self, j: usize) -> bool {
        super::entities::glued(self.sentence, self.tokens, j)
    }

    fn lower(&self, j: usize) -> Option<&str> {
        let t = self.tokens.get(j)?;
        let first = t.text.chars().next()?;
        (first.is_lowercase() && self.glued(j)).then_some(t.text)
    }

    fn is_connector(&self, j: usize) -> bool {
        self.lower(j).is_some_and(|w| CONNECTORS.contains(&w))
    }

    /// A lowercase adjective or participle (`nationale`, `armées`,
    /// `russe`, `anti-stupéfiants`).
    fn is_adjective(&self, j: usize) -> bool {
        let Some(w) = self.lower(j) else {
            return false;
        };
        let lists = &*LISTS;
        if w.chars().count() < 4 || lists.not_complement.contains(&w) || self.gaz.is_stopword(w) {
            return false;
        }
        w.starts_with("anti-")
            || self.gaz.is_demonym(w)
            || lists.adjective_endings.iter().any(|e| w.ends_with(e))
    }

    /// A lowercase noun after `de` (`santé`, `comptes`, `commerce`): any
    /// word of three letters or more that is no function word and, after a
    /// bare `de`, no infinitive (`demande au Conseil de statuer`).
    fn is_noun(&self, j: usize, after_bare_de: bool) -> bool {
        let Some(w) = self.lower(j) else {
            return false;
        };
        let infinitive = after_bare_de && (w.ends_with("er") || w.ends_with("ir"));
        w.chars().count() >= 3
            && !infinitive
            && !LISTS.not_complement.contains(&w)
            && !self.gaz.is_stopword(w)
            && !self.gaz.is_month_or_weekday(w)
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
    }

    /// One complement at `j`: adjectives, or connectors (or an elision)
    /// then a noun and its adjectives (`de l'énergie atomique`,
    /// `d'appel`). One past its end.
    fn complement(&self, j: usize) -> Option<usize> {
        if self.is_adjective(j) {
            let mut k = j + 1;
            while self.is_adjective(k) {
                k += 1;
            }
            return Some(k);
        }
        let mut k = j;
        while self.is_connector(k) {
            k += 1;
        }
        let elided = self.tokens.get(k).is_some_and(|t| t.elided);
        if k == j && !elided {
            return None;
        }
        let bare_de = k == j + 1 && self.tokens[j].text == "de";
        if !self.is_noun(k, bare_de) {
            return None;
        }
        k += 1;
        while self.is_adjective(k) {
            k += 1;
        }
        Some(k)
    }

    /// Lowercase complements from `j` on, `et` joining two (`de
    /// volcanologie et de sismologie`), at most [`MAX_TAIL`] words.
    fn complements(&self, mut j: usize) -> usize {
        let start = j;
        while j - start < MAX_TAIL {
            if let Some(k) = self.complement(j) {
                j = k;
                continue;
            }
            if self.lower(j) == Some("et")
                && let Some(k) = self.complement(j + 1)
                && k > j + 2
            {
                j = k;
                continue;
            }
            break;
        }
        j
    }

    /// `Organisation mondiale de la santé`: one past the end of the
    /// lowercase words that complete the capitalised head ending at `end`
    /// (`end` itself when there are none).
    pub fn capitalised_head_tail(&self, head: usize, end: usize) -> usize {
        if end != head + 1 {
            return end;
        }
        if self.gaz.is_org_head(self.tokens[head].text) {
            return self.complements(end);
        }
        // `Sécurité sociale`, `Santé publique France`: a capitalised word
        // nothing else names, then a plain adjective (no nationality, no
        // participle: `Dupont arrêté` is a person and what befell him), and
        // perhaps a capitalised word that ends the name.
        let word = self.tokens[head].text;
        let unknown = self.gaz.kind(word).is_none()
            && !self.gaz.is_first_name(word)
            && !self.gaz.is_stopword(word)
            && !self.gaz.is_month_or_weekday(word);
        // (`Stade rennais`, `Olympique lyonnais`: a nationality or a town's
        // adjective after a word nothing names makes a club or a body of
        // that place; after a known name it only says where that one is
        // from, `le Hezbollah libanais`.)
        let place_adjective_after = || {
            self.lower(end).is_some_and(|w| {
                w.chars().count() >= 5
                    && !self.gaz.is_stopword(w)
                    && !LISTS.not_complement.contains(&w)
                    && (self.gaz.is_demonym(w)
                        || LISTS.place_adjective_endings.iter().any(|e| w.ends_with(e)))
            })
        };
        if unknown && place_adjective_after() && !self.is_adjective(end + 1) {
            return end + 1;
        }
        if !unknown || !self.is_plain_adjective(end) {
            return end;
        }
        let mut k = end + 1;
        while self.is_plain_adjective(k) {
            k += 1;
        }
        // (`Sud-Rail appelle les aiguilleurs`: an article after the word
        // makes it a verb and the name its subject.)
        let article_after = self.tokens.get(k).is_some_and(|t| {
            let gap = &self.sentence[self.tokens[k - 1].end..t.start];
            t.elided && gap.trim_start().starts_with(['l', 'L'])
                || ["le", "la", "les", "un", "une"].contains(&t.text)
        });
        if article_after {
            return end;
        }
        let capital_after = self.tokens.get(k).is_some_and(|t| {
            t.is_capitalised() && self.glued(k) && self.gaz.kind(t.text).is_some()
        });
        if capital_after { k + 1 } else { k }
    }

    /// An adjective by its ending alone, neither a nationality nor a participle.
    fn is_plain_adjective(&self, j: usize) -> bool {
        const PLAIN: &[&str] = &[
            "ale", "ales", "al", "aux", "ique", "iques", "aire", "aires", "elle", "elles", "el",
            "els", "if", "ive", "ifs", "ives", "ier", "ière", "iers", "ières", "iste", "istes",
        ];
        self.is_adjective(j)
            && !self.gaz.is_demonym(self.tokens[j].text)
            && PLAIN.iter().any(|e| self.tokens[j].text.ends_with(e))
    }

    /// `tribunal correctionnel de Bobigny`: a lowercase head at `i`, its
    /// complements, then connectors and a capitalised name starting at the
    /// returned index; for sites, the name may follow the head at once
    /// (`stade Pierre-de-Coubertin`).
    pub fn lowercase_head(&self, i: usize) -> Option<(usize, Head)> {
        let (len, head, qualified) = self.head_at(i)?;
        let after_head = i + len;
        let mut j = self.complements(after_head);
        if qualified && j == after_head {
            return None;
        }
        // The complements may have eaten the connector before the name.
        while j > after_head && self.is_connector(j - 1) {
            j -= 1;
        }
        let conn_start = j;
        while self.is_connector(j) {
            j += 1;
        }
        let name_at = self.tokens.get(j)?;
        let capitalised = name_at.is_capitalised() && self.glued(j);
        let direct = j == after_head && head == Head::Place && !qualified && !name_at.elided;
        ((j > conn_start || name_at.elided || direct) && capitalised).then_some((j, head))
    }

    /// The lowercase head starting at token `i`, and its length in tokens.
    fn head_at(&self, i: usize) -> Option<(usize, Head, bool)> {
        let first = self.tokens.get(i)?;
        if !first.text.chars().next()?.is_lowercase() {
            return None;
        }
        let candidates = with_fold(first.text, |f| LISTS.heads.get(f))?;
        candidates.iter().find_map(|(words, head, qualified)| {
            let matches = words.iter().enumerate().skip(1).all(|(k, w)| {
                self.tokens
                    .get(i + k)
                    .is_some_and(|t| (k == 0 || self.glued(i + k)) && with_fold(t.text, |f| f == w))
            });
            matches.then_some((words.len(), *head, *qualified))
        })
    }
}
