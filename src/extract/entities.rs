//! Entity mentions in one article: capitalised runs with inner particles,
//! acronyms and their expansions, and the context cues that type them.
//!
//! This module sees one article at a time. Decisions that need the whole
//! corpus (is a sentence-initial word a name? which mentions are one
//! entity? what type wins?) are left to the model, which gets every cue.

use std::ops::Range;
use std::sync::LazyLock;

mod acronyms;
mod runs;
mod works;

use acronyms::{acronym_pairs, is_acronym_text};

use super::context;
use super::credits;
use super::fold::{fold, fold_name, with_fold, with_fold_name};
use super::gazetteer::{self, Gazetteer, PlaceKind};
use super::institutions::{self, Head, Words};
use super::kind::EntityKind;
use super::tokens::{Token, particle_name, tokenize};

/// Evidence about what a mention names, gathered from its context.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Cues {
    /// The gazetteer knows the name (or its alias group).
    pub gazetteer: Option<EntityKind>,
    /// A title or role precedes it (`M.`, `le président russe`), or an
    /// age follows it in apposition (`Graham Pellow, 61, showed`).
    pub person_title: bool,
    /// It starts with a known first name and has a surname after it.
    pub first_name: bool,
    /// It starts with an organisation head (`Ministère`, `Conseil`).
    pub org_head: bool,
    /// It starts with the lowercase head of a site (`stade`, `centrale
    /// nucléaire de`).
    pub place_head: bool,
    /// Shaped like a person's name: two to four capitalised words, maybe
    /// with particles (`Edmund de Waal`), and nothing else to say what it is.
    /// The weakest evidence: news names people far more than anything else
    /// written so.
    pub person_shape: bool,
    /// It is an acronym (`OSDH`).
    pub acronym: bool,
    /// A place preposition precedes it (`à`, `en`, `in`).
    pub place_preposition: bool,
    /// It is a named thing that is neither a person, a place nor an
    /// organisation, by its head (`Booker Prize`, `Typhoon Haiyan`) or the
    /// word next to it (`le cyclone X`, `X drones`).
    pub misc: bool,
    /// The words next to it introduce an organisation (`le groupe X`,
    /// `shares of X`, `the X union`).
    pub org_context: bool,
    /// The words next to it say what kind of place it is (`le village de
    /// X`, `X province`).
    #[serde(default)]
    pub place_context: bool,
    /// A known place is one of its words, beside words that are no first
    /// name (`Newcastle United`, `Renew Europe`, `France Télévisions`):
    /// what is named after a place is mostly a club, a company or a body.
    pub place_inside: bool,
}

/// The largest article text, in bytes, whose mentions are found: a
/// [`Mention`] holds its offset and sentence index in 32 bits, as a long
/// article holds millions of mentions at once (three per 32-byte line of
/// short lines). Reads are capped well below it; [`find`] skips any
/// sentence ending past it rather than wrap an offset.
pub const MAX_TEXT_BYTES: usize = u32::MAX as usize;

/// One mention of a would-be entity.
///
/// Packed into 32 bytes (see `mention_is_packed` in the tests): its end
/// is its start plus the length of its form, its offset and sentence are
/// `u32` (bounded by [`MAX_TEXT_BYTES`]) and its cues are bits. At 56
/// bytes, the one vector of mentions of a long article of short lines was
/// most of the build's peak memory.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention<'t> {
    /// The surface form, as written (titles and determiners left out): the
    /// text at [`Mention::span`], borrowed, as a corpus build holds every
    /// mention of every article at once.
    pub text: &'t str,
    start: u32,
    sentence: u32,
    /// [`Cues`]' flags, and whether it is sentence-initial (`INITIAL`).
    flags: u16,
    gazetteer: Option<EntityKind>,
}

/// The bit of [`Mention::flags`] for [`Mention::initial`], above the cues'.
const INITIAL: u16 = 1 << 15;
/// The bit of [`Cues::person_shape`] in [`Mention::flags`].
const PERSON_SHAPE_BIT: u16 = 1 << 4;

impl<'t> Mention<'t> {
    /// The mention of `text`, which starts at byte `start` of the article,
    /// in sentence `sentence`.
    ///
    /// # Panics
    ///
    /// When the mention ends past [`MAX_TEXT_BYTES`].
    pub fn new(text: &'t str, start: usize, sentence: usize, initial: bool, cues: Cues) -> Self {
        assert!(
            start + text.len() <= MAX_TEXT_BYTES && sentence <= MAX_TEXT_BYTES,
            "a mention past the first {MAX_TEXT_BYTES} bytes of an article"
        );
        Mention {
            text,
            start: start as u32,
            sentence: sentence as u32,
            flags: cues.flags() | if initial { INITIAL } else { 0 },
            gazetteer: cues.gazetteer,
        }
    }

    /// Byte range in the article text.
    pub fn span(&self) -> Range<usize> {
        let start = self.start as usize;
        start..start + self.text.len()
    }

    /// Index of its sentence.
    pub fn sentence(&self) -> usize {
        self.sentence as usize
    }

    /// Opens a sentence, quote or headline, where capitals prove nothing:
    /// the model keeps it only when the corpus vouches for the word.
    pub fn initial(&self) -> bool {
        self.flags & INITIAL != 0
    }

    pub fn cues(&self) -> Cues {
        Cues::from_flags(self.flags, self.gazetteer)
    }
}

impl Cues {
    /// Every flag but the gazetteer's kind, one bit each, in the order
    /// [`Cues::from_flags`] reads them.
    fn flags(&self) -> u16 {
        [
            self.person_title,
            self.first_name,
            self.org_head,
            self.place_head,
            self.person_shape,
            self.acronym,
            self.place_preposition,
            self.misc,
            self.org_context,
            self.place_context,
            self.place_inside,
        ]
        .iter()
        .enumerate()
        .fold(0, |bits, (i, &on)| bits | (u16::from(on) << i))
    }

    fn from_flags(bits: u16, gazetteer: Option<EntityKind>) -> Cues {
        let on = |i: u16| bits & (1 << i) != 0;
        Cues {
            gazetteer,
            person_title: on(0),
            first_name: on(1),
            org_head: on(2),
            place_head: on(3),
            person_shape: on(4),
            acronym: on(5),
            place_preposition: on(6),
            misc: on(7),
            org_context: on(8),
            place_context: on(9),
            place_inside: on(10),
        }
    }
}

/// An acronym the text spells out next to its expansion.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct AcronymPair {
    pub acronym: String,
    pub expansion: String,
}

#[derive(Debug, Default)]
pub struct Found<'t> {
    pub mentions: Vec<Mention<'t>>,
    pub acronyms: Vec<AcronymPair>,
    /// Folded words seen capitalised away from a sentence start: the
    /// corpus-wide evidence that vouches for sentence-initial mentions.
    pub mid_sentence_capitals: Vec<String>,
}

static COMMON_NOUNS: LazyLock<rustc_hash::FxHashSet<String>> = LazyLock::new(|| {
    include_str!("data/capitalised_common_nouns.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(fold_name)
        .collect()
});

static NOT_NAMES: LazyLock<rustc_hash::FxHashSet<&'static str>> = LazyLock::new(|| {
    include_str!("data/not_names.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Finds the mentions of every sentence of `text`.
pub fn find<'t>(text: &'t str, sentences: &[Range<usize>]) -> Found<'t> {
    let gaz = gazetteer::get();
    let mut found = Found::default();
    let mut capitals_deduped_at = 1024;
    let mut lowercase_words: rustc_hash::FxHashSet<&'t str> = Default::default();
    for (si, range) in sentences.iter().enumerate() {
        // A mention's offsets are 32 bits: none past the bound.
        if range.end > MAX_TEXT_BYTES {
            break;
        }
        let sentence = &text[range.clone()];
        if credits::is_credit_line(sentence) {
            continue;
        }
        let tokens = tokenize(sentence);
        let mut local = SentenceScan {
            gaz,
            sentence,
            tokens: &tokens,
            found: Vec::new(),
        };
        local.scan();
        local
            .found
            .retain(|m| !credits::is_signing_agency(sentence, m.span.start, m.span.end));
        let pairs = acronym_pairs(sentence, &tokens);
        // Mentions inside a spelled-out expansion give way to it.
        for (pair, span) in &pairs {
            local.found.retain(|m| {
                !(m.span.start >= span.start
                    && m.span.end <= span.end
                    && sentence[m.span.clone()] != pair.acronym)
            });
            local.found.push(RawMention {
                span: span.clone(),
                initial: false,
                head: None,
                first_token: usize::MAX,
            });
        }
        for (i, t) in tokens.iter().enumerate() {
            if t.is_capitalised() && !is_initial_position(sentence, &tokens, i) {
                found.mid_sentence_capitals.push(fold(t.text));
            } else if t.text.len() >= 3 && t.text.starts_with(char::is_lowercase) {
                lowercase_words.insert(t.text);
            }
        }
        // Only whether a word was seen counts: a long article repeats its
        // capitals thousands of times, each a string of its own.
        if found.mid_sentence_capitals.len() > capitals_deduped_at {
            found.mid_sentence_capitals.sort_unstable();
            found.mid_sentence_capitals.dedup();
            capitals_deduped_at = (2 * found.mid_sentence_capitals.len()).max(1024);
        }
        let mut mentions: Vec<Mention> = local
            .found
            .iter()
            .map(|m| local.to_mention(m, si, text, range.start))
            .collect();
        mentions.sort_by_key(|m| m.start);
        found.mentions.extend(mentions);
        found.acronyms.extend(pairs.into_iter().map(|(p, _)| p));
    }
    // A word of the name that the article also writes in lowercase is a
    // common word (`Generation Rent` beside `rent`, `Red Bull` beside
    // `bull`): the name is a title or a brand, not a person's.
    if !lowercase_words.is_empty() {
        for m in &mut found.mentions {
            if m.flags & PERSON_SHAPE_BIT != 0
                && m.text.split([' ', '-']).any(|w| {
                    w.len() >= 3
                        && w.starts_with(char::is_uppercase)
                        && lowercase_words.contains(w.to_lowercase().as_str())
                })
            {
                m.flags &= !PERSON_SHAPE_BIT;
            }
        }
    }
    let elsewhere = acronyms::spelled_elsewhere(&found.mentions, &found.acronyms);
    found.acronyms.extend(elsewhere);
    found
}

struct RawMention {
    /// Byte range in the sentence.
    span: Range<usize>,
    initial: bool,
    /// The lowercase head it starts with, if any (`tribunal`, `stade`).
    head: Option<Head>,
    /// Token index of its first word (`usize::MAX` for spelled-out expansions).
    first_token: usize,
}

struct SentenceScan<'a> {
    gaz: &'a Gazetteer,
    sentence: &'a str,
    tokens: &'a [Token<'a>],
    found: Vec<RawMention>,
}

/// Lowercase words that may sit inside a name (`Corée du Nord`,
/// `Observatoire syrien des droits de l'Homme`, `Bank of England`).
const CONNECTORS: &[&str] = &[
    "de", "du", "des", "la", "of", "the", "bin", "ibn", "ben", "van", "von", "der", "al", "el",
    "y",
    // Portuguese, Spanish and Italian particles (`Lula da Silva`, `Rio
    // Grande do Sul`, `Surigao del Sur`), joining capitalised words only.
    "da", "do", "dos", "das", "del", "di",
];

/// The most tokens one name may hold, connectors included. The longest real
/// names (`Observatoire syrien des droits de l'Homme`, `Luiz Inácio Lula da
/// Silva`) hold seven or eight; a longer capitalised run is a heading, a
/// list or pasted noise, and an unbounded one made every later step (alias
/// keys, surname joins) grow with the square of its length.
const MAX_NAME_TOKENS: usize = 12;

/// What joins an organisation head to its name (`ministère de la Défense`).
/// (French only: English `the office of X` names X, not an office.)
const ORG_CONNECTORS: &[&str] = &["de", "du", "des", "la"];

/// What ends the text before a portfolio (`ministre de la Défense`), folded.
const PORTFOLIO_CUES: &[&str] = &[
    "ministre de la",
    "ministres de la",
    "ministre des",
    "ministres des",
    "ministre du",
    "ministres du",
    "ministre de l",
    "ministres de l",
    "minister of",
    "ministers of",
    "secretary of",
    "secretaire d'etat",
    "secretaire d'etat a la",
];

/// French articles, capitalised as a name's first word (`La Réunion`).
const FRENCH_ARTICLES: &[&str] = &["La", "Le", "Les"];

/// What joins a French minister's title, past its qualifiers, to the
/// portfolio (`délégué aux Transports`, `chargée du Numérique`).
const PORTFOLIO_CONNECTORS: &[&str] = &["de", "du", "des", "la", "aux", "au", "à"];

/// Words that may stand between `ministre` and the connector of its
/// portfolio, besides nationalities (`ministre italien de l'Économie`):
/// rank and charge.
const PORTFOLIO_QUALIFIERS: &[&str] = &[
    "délégué",
    "déléguée",
    "délégués",
    "déléguées",
    "chargé",
    "chargée",
    "chargés",
    "chargées",
    "adjoint",
    "adjointe",
    "adjoints",
    "adjointes",
    "ancien",
    "ancienne",
    "anciens",
    "anciennes",
    "nouveau",
    "nouvelle",
    "nouveaux",
    "nouvelles",
    "actuel",
    "actuelle",
    "futur",
    "future",
];

/// The French titles whose complement is a portfolio.
const PORTFOLIO_TITLES: &[&str] = &["ministre", "ministres", "secrétaire", "secrétaires"];

impl SentenceScan<'_> {
    fn scan(&mut self) {
        let n = self.tokens.len();
        let mut i = 0;
        while i < n {
            if let Some(end) = self.quoted_title(i) {
                self.push(i, end);
                if let Some(m) = self.found.last_mut() {
                    m.head = Some(Head::Misc);
                }
                i = end;
                continue;
            }
            if let Some((name, head)) = self.words().lowercase_head(i) {
                let end = self.run_end(name);
                self.push(i, end);
                if let Some(m) = self.found.last_mut() {
                    m.head = Some(head);
                }
                i = end;
                continue;
            }
            if let Some(end) = self.org_phrase(i) {
                self.push(i, end);
                i = end;
                continue;
            }
            if !self.starts_name(i) {
                i += 1;
                continue;
            }
            let end = self.run_end(i);
            self.push_run(i, end);
            i = end;
        }
    }

    fn words(&self) -> Words<'_> {
        Words {
            gaz: self.gaz,
            tokens: self.tokens,
            sentence: self.sentence,
        }
    }

    fn starts_name(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        // (`au XVIIIe siècle`: a century names nothing; `la Ve République`
        // is a name, of a thing.)
        if is_roman_ordinal(t.text) {
            return self.tokens.get(i + 1).is_some_and(|next| {
                next.is_capitalised() && self.glued(i + 1) && !is_roman_ordinal(next.text)
            });
        }
        t.is_capitalised() && !t.text.chars().next().is_some_and(|c| c.is_ascii_digit())
    }

    /// The capitalised words from `i` on, at most `max`, without
    /// connectors: what may follow an `and` in a name.
    fn run_end_plain(&self, i: usize, max: usize) -> usize {
        let mut end = i + 1;
        while end < self.tokens.len()
            && end - i < max
            && self.glued(end)
            && self.starts_name(end)
            && !self.gaz.is_month_or_weekday(self.tokens[end].text)
        {
            end += 1;
        }
        end
    }

    /// One past the last token of the capitalised run starting at `i`.
    fn run_end(&self, i: usize) -> usize {
        let n = self.tokens.len();
        let mut end = i + 1;
        loop {
            // `Fire and Rescue Service`: `and` inside an English name.
            if end < n
                && end + 1 < n
                && end + 1 - i < MAX_NAME_TOKENS
                && self.glued(end)
                && self.glued(end + 1)
                && self.starts_name(end + 1)
            {
                let next_end = self.run_end_plain(end + 1, MAX_NAME_TOKENS - (end + 1 - i));
                if self.and_continues(i, end, next_end) {
                    end = next_end;
                    continue;
                }
            }
            // `Maes & Fils`: an ampersand joins a company's names.
            if end < n && self.starts_name(end) && self.gap_is(end, "&") {
                end += 1;
                continue;
            }
            // `People's Assembly`, `Children's Hospital`, `Workers' Party`:
            // the possessive of a people's common noun is inside a name.
            if end < n
                && end + 1 - i < MAX_NAME_TOKENS
                && self.starts_name(end)
                && institutions::is_collective_possessor(self.tokens[end - 1].text)
                && (self.gap_is(end, "'s")
                    || self.gap_is(end, "’s")
                    || self.tokens[end - 1].text.ends_with('s')
                        && (self.gap_is(end, "'") || self.gap_is(end, "’")))
            {
                end += 1;
                continue;
            }
            // Capitalised words directly after, or connectors leading to one.
            let mut j = end;
            while j < n && self.glued(j) && (self.is_connector(j) || self.for_joins(i, j)) {
                j += 1;
            }
            // `le Paris Saint-Germain de Kylian Mbappé`: a first name and
            // a surname after the connector are a person of their own.
            // (Only after `de`: `bin`, `van` and the like are the
            // person's own particles, `Mohammed bin Abdulrahman Al Thani`.)
            let person_after = j > end
                && ["de", "du", "des"].contains(&self.tokens[end].text)
                && j + 1 < n
                && self.gaz.is_given_name(self.tokens[j].text)
                && self.glued(j + 1)
                && self.starts_name(j + 1);
            // (`Appointments Committee of the Cabinet`: after an English `of`
            // or `for`, a body that follows a body's head is its complement.)
            let complement_body = end < n
                && ["of", "for"].contains(&self.tokens[end].text)
                && self.gaz.is_org_head(self.tokens[end - 1].text);
            // `Dupré du Groupe Tartempion`: an organisation starts after the connector.
            // (Connectors may run to the end of the sentence: j == n.)
            let org_after_connector =
                j > end && j < n && self.gaz.is_org_head(self.tokens[j].text) && !complement_body;
            if j < n
                && j + 1 - i <= MAX_NAME_TOKENS
                && self.glued(j)
                && self.starts_name(j)
                && !self.gaz.is_month_or_weekday(self.tokens[j].text)
                && !org_after_connector
                && !person_after
            {
                end = j + 1;
            } else {
                break;
            }
        }
        // `Ariane 6`, `Interstate 70`, `Ligue 1`: a number of one to three
        // digits right after one word that is no known name, month or
        // weekday is the name's (a model, a road, a division); a score
        // (`2-1`) or an amount (`70,000`) is not.
        if end == i + 1 && self.numbered(i) {
            return end + 1;
        }
        // `Finance Bill 2024`, `World Cup 2026`: a year right after a law's,
        // a cup's or a prize's head is the name's edition.
        if end > i + 1
            && institutions::english_head(self.tokens[i].text, self.tokens[end - 1].text)
                == Some(Head::Misc)
            && self.year_follows(end - 1)
        {
            return end + 1;
        }
        // `Organisation mondiale de la santé`: lowercase words after a head.
        // (`Les Forces armées`: the determiner will fall off the name.)
        let head = end - 1;
        let only_determiners_before = (i..head).all(|k| self.gaz.is_stopword(self.tokens[k].text));
        let tail = if only_determiners_before {
            self.words().capitalised_head_tail(head, end)
        } else {
            end
        };
        if tail > end {
            return tail;
        }
        // Lowercase words that complete a known name (`Nations unies`), the
        // run's own or the one that ends it after a connector
        // (`Haut-Commissariat des Nations unies`).
        let inner_starts = (i + 2..end).filter(|&k| self.is_connector(k - 1));
        for start in std::iter::once(i).chain(inner_starts) {
            for extra in (1..=3).rev() {
                let e = end + extra;
                if e <= n
                    && (end..e)
                        .all(|k| self.glued(k) && (start == i || !self.tokens[k].is_capitalised()))
                    && self.gaz.kind(self.text(start, e)).is_some()
                {
                    return e;
                }
            }
        }
        end
    }

    fn is_connector(&self, j: usize) -> bool {
        CONNECTORS.contains(&self.tokens[j].text)
    }

    /// `Centers for Disease Control`, `Transport for London`: an English
    /// `for` right after the run from `i` joins the capitalised words after
    /// it, when the run is no person's, no title and no known name of its
    /// own, and no person follows (`Jones for Senate` aside, a `for`
    /// between two capitalised words is mostly inside a body's name).
    fn for_joins(&self, i: usize, j: usize) -> bool {
        self.tokens[j].text == "for"
            && j > i
            && self.tokens.get(j + 1).is_some_and(|t| {
                t.is_capitalised()
                    && !self.gaz.is_first_name(t.text)
                    && !self.gaz.is_month_or_weekday(t.text)
            })
            && !self.gaz.is_first_name(self.tokens[i].text)
            && !self.gaz.ends_with_person_cue(self.text(i, j))
            && self.gaz.kind(self.text(i, j)).is_none()
            // (`Booker Prize for Orbital`: what a prize is for is another name.)
            && institutions::english_head(self.tokens[i].text, self.tokens[j - 1].text)
                != Some(Head::Misc)
    }

    /// Whether the word at `i` takes the number after it (see `run_end`).
    fn numbered(&self, i: usize) -> bool {
        let Some(next) = self.tokens.get(i + 1) else {
            return false;
        };
        let digits =
            (1..=3).contains(&next.text.len()) && next.text.bytes().all(|b| b.is_ascii_digit());
        let after = &self.sentence[next.end..];
        let number_goes_on = after.starts_with(|c: char| c.is_ascii_digit() || "-–:/%".contains(c))
            || after.starts_with([',', '.'])
                && after[1..].starts_with(|c: char| c.is_ascii_digit());
        let word = self.tokens[i].text;
        digits
            && self.sentence[self.tokens[i].end..next.start] == *" "
            && !number_goes_on
            && !self.gaz.is_month_or_weekday(word)
            && !self.gaz.is_stopword(word)
            && self.gaz.kind(word).is_none()
    }

    /// The last word of the tokens `k..end` but a number that numbers
    /// them (`Bill` in `Finance Bill 2024`): where an English head stands.
    fn head_word(&self, k: usize, end: usize) -> &str {
        let last = self.tokens[end - 1].text;
        if end - k >= 2 && last.bytes().all(|b| b.is_ascii_digit()) {
            self.tokens[end - 2].text
        } else {
            last
        }
    }

    /// Whether a year (`2024`) stands alone right after the word at `i`.
    fn year_follows(&self, i: usize) -> bool {
        let Some(next) = self.tokens.get(i + 1) else {
            return false;
        };
        let after = &self.sentence[next.end..];
        next.text.len() == 4
            && next.text.bytes().all(|b| b.is_ascii_digit())
            && (next.text.starts_with("19") || next.text.starts_with("20"))
            && self.sentence[self.tokens[i].end..next.start] == *" "
            && !after.starts_with(|c: char| c.is_ascii_digit() || "-–:/%".contains(c))
    }

    /// Whether `mark` alone, with spaces, stands between token `j` and the one before.
    fn gap_is(&self, j: usize, mark: &str) -> bool {
        j > 0 && self.sentence[self.tokens[j - 1].end..self.tokens[j].start].trim() == mark
    }

    /// Only spaces (or an elision such as `l'`) between token `j` and the one before.
    fn glued(&self, j: usize) -> bool {
        glued(self.sentence, self.tokens, j)
    }

    /// `ministère russe de la Défense`: a lowercase organisation head, an
    /// optional nationality, then `de`/`du`/`des` and a capitalised name.
    fn org_phrase(&self, i: usize) -> Option<usize> {
        let t = &self.tokens[i];
        // A connector must follow, at once or after a nationality: told
        // before the gazetteer is asked.
        let connector_at = |k: usize| {
            self.tokens
                .get(k)
                .is_some_and(|t| ORG_CONNECTORS.contains(&t.text))
        };
        if !(connector_at(i + 1) || connector_at(i + 2)) {
            return None;
        }
        if t.is_capitalised() || !self.gaz.is_org_head(t.text) {
            return None;
        }
        let n = self.tokens.len();
        let mut j = i + 1;
        if j < n
            && self.glued(j)
            && self.gaz.is_demonym(self.tokens[j].text)
            && !self.tokens[j].is_capitalised()
        {
            j += 1;
        }
        let conn_start = j;
        while j < n && self.glued(j) && ORG_CONNECTORS.contains(&self.tokens[j].text) {
            j += 1;
        }
        if j == conn_start || j >= n || !self.glued(j) || !self.starts_name(j) {
            return None;
        }
        let end = self.run_end(j);
        // `le gouvernement de François Legault`: a head before a person
        // names the person's body, not a named one; the person is the name.
        if end - j >= 2 && self.gaz.is_first_name(self.tokens[j].text) {
            return None;
        }
        Some(end)
    }

    /// Splits a run where a first name starts a new name (`Défense Sergueï
    /// Choïgou`), drops leading stopwords and lone common nouns, and keeps
    /// the rest.
    fn push_run(&mut self, start: usize, end: usize) {
        if let Some(of) = self.person_of_place(start, end) {
            self.push_run(start, of);
            self.push_trimmed(of + 1, end);
            return;
        }
        if let Some(person) = self.place_before_person(start, end) {
            self.push_trimmed(start, person);
            self.push_trimmed(person, end);
            return;
        }
        let mut s = start;
        // Set where a title has just said that a person's name starts.
        let mut after_title = false;
        for k in start + 1..end {
            if let Some(known) = self.before_title(s, k, end) {
                if known > s {
                    self.push_trimmed(s, known);
                }
                s = k;
                after_title = true;
                continue;
            }
            // `Secretary Heidi Alexander`: the first word after a title is
            // the person's own first name, whatever follows.
            if after_title && k == s + 1 {
                continue;
            }
            let prev = &self.tokens[k - 1];
            // (`Mélanie Hubert`: a given name before a first name is the
            // person's own, not the end of another name.)
            // (`Jasper National Park`, `Ramat David Airbase`: a first name
            // whose words end with a place's or a body's head starts no
            // person; the head names the whole run.)
            let starts_person = self.gaz.is_first_name(self.tokens[k].text)
                && !self.gaz.is_given_name(prev.text)
                && !["al", "el", "bin", "ibn", "ben"].contains(&prev.text)
                && self.gaz.kind(self.text(s, end)).is_none()
                && institutions::english_head(self.tokens[k].text, self.head_word(k, end))
                    .is_none();
            if starts_person {
                self.push_trimmed(s, k);
                s = k;
            }
        }
        self.push_trimmed(s, end);
    }

    fn push_trimmed(&mut self, mut start: usize, mut end: usize) {
        while end > start
            && (CONNECTORS.contains(&self.tokens[end - 1].text)
                || NOT_NAMES.contains(self.tokens[end - 1].text)
                // (`Labour MPs`, `MPs voted`: a plural of capitals is a
                // common noun.)
                || is_plural_acronym(self.tokens[end - 1].text))
        {
            end -= 1;
        }
        // `a Louisiana Republican`, `Senate Republican leader`: a party
        // member's word after a name qualifies a person, as a demonym does.
        if end - start > 1 && AFFILIATIONS.contains(&self.tokens[end - 1].text) {
            end -= 1;
        }
        while start < end && NOT_NAMES.contains(self.tokens[start].text) {
            start += 1;
        }
        while start < end {
            let t = &self.tokens[start];
            let droppable = self.gaz.is_stopword(t.text)
                || self.gaz.is_month_or_weekday(t.text)
                || end - start > 1 && is_origin_compound(t.text)
                || CONNECTORS.contains(&t.text)
                || (end - start > 1
                    && (self.gaz.is_demonym(t.text) || self.is_demonym_compound(t.text))
                    && !self.demonym_named(start, end))
                || (end - start > 1
                    && self.gaz.ends_with_person_cue(t.text)
                    && !self.english_headed(start, end))
                // (`Neighbouring Mali`: a participle opening the sentence
                // before a known name is no part of it.)
                || (end - start > 1
                    && is_participle(t.text)
                    && is_initial_position(self.sentence, self.tokens, start)
                    && self.gaz.kind(self.text(start + 1, end)).is_some()
                    && self.gaz.kind(self.text(start, end)).is_none());
            if !droppable {
                break;
            }
            // `de La Réunion`, `selon Le Figaro`: past the sentence's start a
            // French article keeps its capital only as the name's first word.
            if end - start > 1
                && FRENCH_ARTICLES.contains(&t.text)
                && !is_initial_position(self.sentence, self.tokens, start)
            {
                break;
            }
            // `La Paz` keeps its article; `La Syrie` and `The United Nations` lose it.
            let known_whole = self.gaz.kind(self.text(start, end)).is_some();
            let known_rest = start + 1 < end && self.gaz.kind(self.text(start + 1, end)).is_some();
            if known_whole && !known_rest {
                break;
            }
            start += 1;
        }
        if start >= end {
            return;
        }
        let text = self.text(start, end);
        let single = end - start == 1;
        let lone_noise = single
            && (with_fold_name(text, |k| COMMON_NOUNS.contains(k))
                || self.gaz.is_demonym(text)
                || self.is_demonym_compound(text)
                || self.gaz.is_stopword(text)
                || text.chars().count() < 2
                || is_hyphenated_modifier(text) && self.gaz.kind(text).is_none());
        // `Secretary of State`, `Prime Minister`: a role, not a name; but a
        // first name and a surname are a person's, whatever the surname
        // means or the words before say (`Bruno Le Maire`, `le secrétaire
        // d'État Antony Blinken`).
        let role = self.gaz.ends_with_person_cue(text) && !self.english_headed(start, end);
        // (`Hun Sen`: a given name before what reads as a title's
        // abbreviation without its dot is a person's name; a period that
        // ends the sentence is no abbreviation's.) Asked only of a role.
        let person = || {
            let after = &self.sentence[self.tokens[end - 1].end..];
            let undotted = after
                .strip_prefix('.')
                .is_none_or(|rest| rest.trim().is_empty());
            !single
                && (self.gaz.is_first_name(self.tokens[start].text)
                    || undotted && self.gaz.is_given_name(self.tokens[start].text))
        };
        if lone_noise
            || (self.is_portfolio(start) || role) && !person() && self.gaz.kind(text).is_none()
        {
            return;
        }
        self.push(start, end);
    }

    /// `Asian Development Bank`, `Armenian Apostolic Church`, `Italian
    /// Grand Prix`: an English name whose last word is an organisation's
    /// or a named thing's head keeps the nationality that opens it, and so
    /// does a name known whole (`British Columbia`); `French President
    /// Emmanuel Macron` has no such head and loses it.
    fn demonym_named(&self, start: usize, end: usize) -> bool {
        // `British Columbia`, `American Samoa`: a place known whole.
        if self.gaz.kind(self.text(start, end)).is_some() {
            return true;
        }
        end - start >= 3
            && self.tokens[start + 1..end]
                .iter()
                .all(|t| t.is_capitalised())
            && matches!(
                institutions::english_head(self.tokens[start + 1].text, self.tokens[end - 1].text),
                Some(Head::Org | Head::Misc)
            )
            && self.gaz.kind(self.text(start + 1, end)).is_none()
    }

    /// `Justice Department`: an English name of two words
    /// or more that ends with an organisation's or a named thing's head
    /// keeps the title word that opens it (`Justice`), which is
    /// no title there. (Not a place's head: `President Park` is a person.)
    pub(super) fn english_headed(&self, start: usize, end: usize) -> bool {
        end - start >= 2
            && matches!(
                institutions::english_head(self.tokens[start].text, self.tokens[end - 1].text),
                Some(Head::Org | Head::Misc)
            )
    }

    /// `ministre de la Défense`: the capitalised word names a portfolio.
    fn is_portfolio(&self, start: usize) -> bool {
        self.after_qualified_title(start) || self.after_portfolio_cue(start)
    }

    /// `ministre française de la Transition énergétique`, `ministre
    /// déléguée chargée du Numérique`, `secrétaire d'État aux Transports`:
    /// the title, then nationalities, ranks and charges, then the
    /// connector, read back word by word from the name.
    fn after_qualified_title(&self, start: usize) -> bool {
        let word = |j: usize| self.tokens[j].text;
        let mut j = start;
        let mut connectors = 0;
        while j > 0 && connectors < 2 && PORTFOLIO_CONNECTORS.contains(&word(j - 1)) {
            j -= 1;
            connectors += 1;
        }
        if connectors == 0 {
            return false;
        }
        for _ in 0..4 {
            if j == 0 {
                return false;
            }
            let w = word(j - 1);
            if PORTFOLIO_TITLES.contains(&w) {
                return true;
            }
            // `secrétaire d'État`: the title's own complement.
            let state = w == "État" && self.tokens[j - 1].elided;
            let qualifier = w.chars().next().is_some_and(char::is_lowercase)
                && (PORTFOLIO_QUALIFIERS.contains(&w) || self.gaz.is_demonym(w));
            if !(state || qualifier) {
                return false;
            }
            j -= 1;
        }
        false
    }

    fn after_portfolio_cue(&self, start: usize) -> bool {
        // Only the end of the text before matters: folding all of it for
        // every name made a long sentence quadratic.
        let prefix = &self.sentence[..self.tokens[start].start];
        let from = prefix.char_indices().rev().nth(63).map_or(0, |(i, _)| i);
        let window = &prefix[from..];
        // Folding goes character by character, so the fold of the window
        // ends with the fold of its last characters: when those fold to at
        // least a cue's length of text (spaces and apostrophes aside), they
        // decide alone.
        let longest = PORTFOLIO_CUES.iter().map(|p| p.len()).max().unwrap_or(0);
        let tail_from = window
            .char_indices()
            .rev()
            .nth(longest + 1)
            .map_or(0, |(i, _)| i);
        if tail_from > 0 {
            let decided = with_fold(&window[tail_from..], |tail| {
                let tail = tail.trim_end_matches([' ', '\'']);
                (tail.len() >= longest).then(|| PORTFOLIO_CUES.iter().any(|p| tail.ends_with(p)))
            });
            if let Some(decided) = decided {
                return decided;
            }
        }
        with_fold(window, |before| {
            let before = before.trim_end_matches([' ', '\'']);
            PORTFOLIO_CUES.iter().any(|p| before.ends_with(p))
        })
    }

    fn push(&mut self, start: usize, end: usize) {
        let mut span = self.tokens[start].start..self.tokens[end - 1].end;
        // `Yanis B.`, `Ferdinand Marcos Jr.`: the period is the name's.
        if end - start >= 2
            && is_name_suffix(self.tokens[end - 1].text)
            && self.sentence[span.end..].starts_with('.')
        {
            span.end += 1;
        }
        let initial = is_initial_position(self.sentence, self.tokens, start);
        self.found.push(RawMention {
            span,
            initial,
            head: None,
            first_token: start,
        });
    }

    fn text(&self, start: usize, end: usize) -> &str {
        &self.sentence[self.tokens[start].start..self.tokens[end - 1].end]
    }

    /// Whether one of the `n` capitalised tokens from `at` is a known place
    /// and another is no place (`Renew Europe`, not `Rio Grande`). A town
    /// opening the name may be a first name (`Paris Hilton`): only a
    /// country or a region counts there (`France Télévisions`).
    fn has_place_word(&self, at: usize, n: usize) -> bool {
        let Some(words) = self.tokens.get(at..at + n) else {
            return false;
        };
        let mut place = false;
        let mut other = false;
        for (k, t) in words.iter().enumerate().filter(|(_, t)| t.is_capitalised()) {
            let is_place = self.gaz.kind(t.text) == Some(EntityKind::Place)
                && (k > 0 || self.gaz.place_kind(t.text) != Some(PlaceKind::City));
            if is_place {
                place = true;
            } else if !is_place_modifier(t.text) {
                other = true;
            }
        }
        place && other
    }

    /// Whether what the gazetteer does not know is a place by its form: a
    /// known region after it (`Austin, Texas`), place words around one
    /// known place (`Greater Manchester`), or, for a name with no head of
    /// its own, the shape of a small place's name (`Novoselivka`) that no
    /// given name opens.
    fn placed_by_form(
        &self,
        (at, n_words): (usize, usize),
        (first, last): (&str, &str),
        suffix: &str,
        headless: bool,
    ) -> bool {
        self.region_follows(suffix)
            || n_words >= 2 && self.place_compound(at, n_words)
            || n_words == 1 && self.hyphenated_place_compound(first)
            || headless
                && institutions::toponym_shaped(first, last, n_words)
                && !self.gaz.is_given_name(first)
    }

    /// `South West Norfolk`, `Greater Manchester`: words that make a place
    /// of a place (see [`is_place_modifier`]) around one known place, and
    /// nothing else: the name is a place, not a club named after one.
    fn place_compound(&self, at: usize, n: usize) -> bool {
        let Some(words) = self.tokens.get(at..at + n) else {
            return false;
        };
        // One word that is no modifier, and that one a known place: the
        // modifiers are told first, so that most names ask the gazetteer
        // nothing.
        let mut others = words.iter().filter(|t| !is_place_modifier(t.text));
        match (others.next(), others.next()) {
            (Some(t), None) => self.gaz.kind(t.text) == Some(EntityKind::Place),
            _ => false,
        }
    }

    /// `Thai-Cambodian`, `US-Indian`, `franco-allemand`: words joined by a
    /// hyphen whose last is a demonym qualify, as a demonym does.
    fn is_demonym_compound(&self, word: &str) -> bool {
        word.contains('-')
            && word
                .rsplit_once('-')
                .is_some_and(|(first, last)| !first.is_empty() && self.gaz.is_demonym(last))
    }

    /// `Sud-Liban`, `Nord-Kivu`: the same in one hyphenated word.
    fn hyphenated_place_compound(&self, word: &str) -> bool {
        if !word.contains('-') {
            return false;
        }
        let mut others = word.split('-').filter(|p| !is_place_modifier(p));
        match (others.next(), others.next()) {
            (Some(p), None) if p.len() < word.len() => self.gaz.kind(p) == Some(EntityKind::Place),
            _ => false,
        }
    }

    /// `Austin, Texas, software maker`, `DAKAR, Senegal (AP)`: a known
    /// region or country right after the name, between commas or before
    /// the end of a clause, says the name is a town of it.
    fn region_follows(&self, suffix: &str) -> bool {
        let Some(rest) = suffix.strip_prefix(", ") else {
            return false;
        };
        let end = rest
            .find([',', '.', ';', '(', ')', '—', '–'])
            .unwrap_or(rest.len());
        let region = rest[..end].trim_end();
        let words = region.split(' ').count();
        (1..=3).contains(&words)
            && region.split(' ').all(|w| w.starts_with(char::is_uppercase))
            && matches!(
                self.gaz.place_kind(region),
                Some(PlaceKind::Region | PlaceKind::Country)
            )
            && (end == rest.len() || !rest[end..].starts_with('.') || end + 1 == rest.len())
    }

    /// Whether the `n` tokens from `at` look like a person's name.
    /// The words after the first of the run at `at` of `n` words could be
    /// a surname: capitalised or particles, the last capitalised, none an
    /// acronym, an organisation's head or a name known alone.
    fn surname_after(&self, at: usize, n: usize) -> bool {
        let Some(rest) = self.tokens.get(at + 1..at + n) else {
            return false;
        };
        rest.last().is_some_and(|t| t.is_capitalised())
            && rest.iter().all(|t| {
                (t.is_capitalised()
                    || ["de", "du", "da", "van", "von", "le", "la"].contains(&t.text))
                    && !t.is_acronym()
                    && !self.gaz.is_org_head(t.text)
                    && self.gaz.kind(t.text).is_none()
            })
    }

    fn person_shaped(&self, at: usize, n: usize) -> bool {
        const PARTICLES: &[&str] = &[
            "de", "du", "van", "von", "der", "den", "da", "dos", "das", "di", "del", "al", "el",
            "bin", "ben", "ibn", "le", "la",
        ];
        let Some(words) = self.tokens.get(at..at + n) else {
            return false;
        };
        let capitalised = words.iter().filter(|t| t.is_capitalised()).count();
        (2..=4).contains(&capitalised)
            && words[0].is_capitalised()
            && words.last().is_some_and(|t| t.is_capitalised())
            && words.iter().all(|t| {
                let word_like = t
                    .text
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’');
                let lower_ok = t.is_capitalised() || PARTICLES.contains(&t.text);
                // A word that names something alone (`Coupe de France`,
                // `Palais Bourbon`) or a common noun is no part of a
                // person's name.
                // (Towns are not counted: many share a family name.)
                let names_alone = t.is_capitalised()
                    && (matches!(
                        self.gaz.kind(t.text),
                        Some(EntityKind::Org | EntityKind::Misc)
                    ) || self.gaz.place_kind(t.text) == Some(PlaceKind::Country)
                        || with_fold_name(t.text, |k| COMMON_NOUNS.contains(k)));
                word_like
                    && lower_ok
                    && !names_alone
                    && !is_spelled_number(t.text)
                    && !is_plural_acronym(t.text)
                    && !t.is_acronym()
                    && !self.gaz.is_org_head(t.text)
                    && !self.gaz.is_demonym(t.text)
            })
    }

    /// A sentence-initial run of `n_words` from token `at` whose writing,
    /// not its capital, says it is a name (no common word is written so):
    /// an acronym before a lowercase word (`EDF a prévenu`: a heading in
    /// capitals goes on in capitals), a word with a capital after its
    /// hyphen (`Météo-France`), or a word before another capitalised one
    /// that is no given name (`Air Austral a annulé`; `Analyst John Smith`
    /// is trimmed to the person before this).
    fn written_as_a_name(&self, at: usize, n_words: usize, suffix: &str) -> bool {
        let Some(first) = self.tokens.get(at) else {
            return false;
        };
        // (The shape is told first: most sentence starts are no such
        // shape, and ask the word lists nothing.)
        let common = |w: &str| {
            NOT_NAMES.contains(w)
                || self.gaz.is_stopword(w)
                || self.gaz.is_month_or_weekday(w)
                || self.gaz.is_demonym(w)
                || with_fold_name(w, |k| COMMON_NOUNS.contains(k))
                || self.gaz.ends_with_person_cue(w)
        };
        if n_words == 1 && first.is_acronym() {
            let letters = first.text.chars().filter(|c| c.is_alphabetic()).count();
            return (2..=5).contains(&letters)
                && suffix
                    .trim_start_matches([' ', '\u{a0}'])
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
                && !common(first.text);
        }
        if n_words == 1 {
            return first.text.split_once('-').is_some_and(|(a, b)| {
                b.chars().next().is_some_and(char::is_uppercase)
                    && a.chars().skip(1).all(char::is_lowercase)
                    && !common(a)
                    && !common(b)
                    && !common(first.text)
            });
        }
        // (`Neighbouring Mali`, `Landlocked Chad`: a known name after a
        // participle is that name alone; `Parks Canada` is one name.)
        let participle = is_participle(first.text);
        let rest = &self.sentence[self.tokens[at + 1].start..self.tokens[at + n_words - 1].end];
        self.tokens.get(at + 1).is_some_and(|second| {
            second.is_capitalised()
                && !second.is_acronym()
                && !self.gaz.is_given_name(second.text)
                && !common(second.text)
                && !common(first.text)
                && (!participle || self.gaz.kind(rest).is_none())
        })
    }

    /// The mention at `m`, in the sentence starting at byte `offset` of `whole`.
    fn to_mention<'t>(
        &self,
        m: &RawMention,
        sentence: usize,
        whole: &'t str,
        offset: usize,
    ) -> Mention<'t> {
        let text = &whole[m.span.start + offset..m.span.end + offset];
        // Tokens are in text order: a binary search, not a scan per mention
        // (which made a long sentence quadratic).
        let at = self.tokens.partition_point(|t| t.start < m.span.start);
        let first = self
            .tokens
            .get(at)
            .filter(|t| t.start == m.span.start)
            .map_or("", |t| t.text);
        let n_words = self.tokens[at..]
            .iter()
            .take_while(|t| t.start < m.span.end)
            .filter(|t| t.end <= m.span.end)
            .count();
        // (A name with an alias group is a known name: `kind` says it all.)
        let gaz_kind = self.gaz.kind(text);
        let last = self.tokens[..at + n_words.max(1)]
            .last()
            .map_or("", |t| t.text);
        let english_head = (n_words >= 2)
            .then(|| institutions::english_head(first, last))
            .flatten()
            .map(|head| {
                // (`Wexner Medical Center`, `Pew Research Center`: a site's
                // head after the field of a body names the body.)
                let before_last = self.tokens[..at + n_words - 1]
                    .last()
                    .map_or("", |t| t.text);
                if head == Head::Place && n_words >= 3 && institutions::is_body_field(before_last) {
                    Head::Org
                } else {
                    head
                }
            });
        let prefix = &self.sentence[..m.span.start];
        let suffix = &self.sentence[m.span.end..];
        let context = if gaz_kind.is_some() {
            None
        } else {
            context::before(prefix)
                .or_else(|| context::after(suffix))
                .or_else(|| context::apposition(suffix))
        };
        // (`Sheetal Niwas, the presidential residence`: what the apposition
        // says the name is, no first name in it can gainsay.)
        let described = gaz_kind.is_none() && context::apposition(suffix).is_some();
        // `Ariane 6`, `Ligue 1`, `Formula One`, `Ve République`: a name
        // numbered like a model or a division, in digits, in words or in
        // Roman numerals, is a thing, never a person, whatever its first word.
        let numbered = n_words >= 2
            && (last.bytes().all(|b| b.is_ascii_digit())
                || is_spelled_number(last)
                || is_roman_ordinal(first));
        // `COP29`, `CSO-3`: a code of capitals and a number names a
        // conference, a model or a mission, not a body.
        let coded = n_words == 1 && is_code_name(text);
        // (`the conservative Bhumjaithai party`: the noun after the name
        // says what it is, over the adjective before it; `Its predecessor,
        // Ariane 5`: a numbered name is no person's.)
        let person_title = !numbered
            && !coded
            && (self
                .gaz
                .ends_with_person_cue(prefix.trim_end_matches([' ', ',']))
                && context::after(suffix) != Some(context::Hint::Org)
                || age_follows(suffix));
        let dateline = m.initial && is_dateline_place(text, prefix, suffix);
        let cues = Cues {
            gazetteer: gaz_kind,
            person_title,
            // (`SOS Méditerranée`: a word in capitals is no given name.)
            first_name: n_words >= 2
                && (self.gaz.is_given_name(first) && !is_acronym_text(first)
                    || is_initials(first) && self.gaz.kind(first).is_none()
                    || is_initial(first) && text[first.len()..].starts_with(". "))
                && !numbered
                && !described
                // (`Emilia Romagna Grand Prix`: a prize or a race named
                // after someone or somewhere is no person.)
                && english_head != Some(Head::Misc),
            // (`Marine Le Pen`: a known first name before a capitalised
            // surname opens a person, though `Marine` heads `Marine nationale`.)
            org_head: self.gaz.is_org_head(first)
                && !(self.gaz.is_first_name(first)
                    && (2..=4).contains(&n_words)
                    && self.surname_after(at, n_words))
                || m.head == Some(Head::Org)
                || english_head == Some(Head::Org)
                || m.first_token == usize::MAX && !is_acronym_text(text),
            place_head: m.head == Some(Head::Place)
                || english_head == Some(Head::Place)
                || n_words == 1 && is_saint_place(text),
            // (`the Aston Villa manager`, `l'Allianz Riviera`: a person's
            // name takes no article.)
            person_shape: gaz_kind.is_none()
                && !described
                && !after_article(prefix)
                && english_head.is_none()
                && m.head.is_none()
                && m.first_token != usize::MAX
                && self.person_shaped(at, n_words),
            acronym: n_words == 1 && is_acronym_text(text) && !dateline,
            place_preposition: place_preposition(prefix).is_some(),
            misc: english_head == Some(Head::Misc)
                || m.head == Some(Head::Misc)
                || context == Some(context::Hint::Misc)
                || numbered
                || coded,
            org_context: !person_title && context == Some(context::Hint::Org),
            place_context: !person_title
                && (context == Some(context::Hint::Place)
                    || dateline
                    || gaz_kind.is_none()
                        && self.placed_by_form(
                            (at, n_words),
                            (first, last),
                            suffix,
                            english_head.is_none() && m.head.is_none(),
                        )),
            place_inside: gaz_kind.is_none()
                && english_head.is_none()
                && n_words >= 2
                && !self.gaz.is_given_name(first)
                && self.has_place_word(at, n_words),
        };
        // A known name or first name proves itself even at a sentence start.
        // So does an institution's head with its complement (`Forces armées`).
        let vouched = cues.gazetteer.is_some()
            || cues.first_name
            || particle_name(first)
            || (cues.org_head || cues.place_head) && n_words >= 2
            || m.head == Some(Head::Misc)
            || m.initial && self.written_as_a_name(at, n_words, suffix);
        Mention::new(
            text,
            m.span.start + offset,
            sentence,
            m.initial && !vouched,
            cues,
        )
    }
}

/// Words for a member of an American party, which follow a state or a
/// chamber before a person (`a Louisiana Republican`). Plurals are left
/// out: `Socialists and Democrats` is a group's name.
const AFFILIATIONS: &[&str] = &["Republican", "Democrat"];

/// An English present or past participle written as a sentence's first
/// word (`Neighbouring`, `Landlocked`).
fn is_participle(word: &str) -> bool {
    (word.ends_with("ing") || word.ends_with("ed"))
        && word.len() >= 6
        && word.chars().skip(1).all(char::is_lowercase)
}

/// Two capitals or more, then a number (`COP29`, `CSO-3`), or a word, a
/// hyphen and a number (`Chandrayaan-3`, `Soyuz-2`).
fn is_code_name(text: &str) -> bool {
    let letters = text.bytes().take_while(u8::is_ascii_uppercase).count();
    let rest = text[letters..]
        .strip_prefix('-')
        .unwrap_or(&text[letters..]);
    let coded = letters >= 2 && !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit());
    let numbered_word = text.rsplit_once('-').is_some_and(|(word, n)| {
        word.chars().count() >= 3
            && word.chars().all(char::is_alphabetic)
            && !n.is_empty()
            && n.bytes().all(|b| b.is_ascii_digit())
    });
    coded || numbered_word
}

/// A name in capitals that opens the text's line before a comma or a
/// parenthesis and, further on the line, a dash: the place of a dateline
/// (`CARBONNE (Haute-Garonne) —`, `MOSCOW, Nov. 21 (Reuters) -`), which
/// is no acronym.
fn is_dateline_place(text: &str, prefix: &str, suffix: &str) -> bool {
    let line = suffix.split('\n').next().unwrap_or("");
    let reach = &line[..line.floor_char_boundary(80)];
    prefix.trim().is_empty()
        && text.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !text.chars().any(char::is_lowercase)
        && (line.starts_with(',') || line.trim_start().starts_with('('))
        && [" - ", " — ", " – ", " -- "]
            .iter()
            .any(|d| reach.contains(d))
}

/// `, 61,`: an age in apposition right after a name, which only a
/// person's takes (`Graham Pellow, 61, showed no emotion`).
fn age_follows(suffix: &str) -> bool {
    let Some(rest) = suffix.strip_prefix(", ") else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits) && rest[digits..].starts_with([',', ')'])
}

/// `One` to `Ten`, capitalised as the last word of a name (`Formula One`).
/// `British-based`, `Kurdish-led`, `US-backed`: where a body comes from or
/// who leads it, said before its name, is no part of it.
fn is_origin_compound(word: &str) -> bool {
    const PARTICIPLES: &[&str] = &[
        "based",
        "led",
        "backed",
        "owned",
        "run",
        "made",
        "funded",
        "born",
        "controlled",
        "allied",
        "brokered",
        "sponsored",
        "listed",
        "headquartered",
        "linked",
        "aligned",
    ];
    word.rsplit_once('-').is_some_and(|(first, last)| {
        first.starts_with(char::is_uppercase) && PARTICIPLES.contains(&last)
    })
}

/// Whether `prefix` ends with a definite article (`the`, `le`, `l'`).
fn after_article(prefix: &str) -> bool {
    let p = prefix.trim_end();
    if p.ends_with(['\'', '’']) && prefix.len() == p.len() {
        let stem = &p[..p.len() - p.chars().last().map_or(0, char::len_utf8)];
        let last = stem.rsplit([' ', '(', '"', '«']).next().unwrap_or("");
        return last.eq_ignore_ascii_case("l");
    }
    if p.len() == prefix.len() {
        return false;
    }
    let last = p.rsplit([' ', '(', '"', '«']).next().unwrap_or("");
    ["the", "The", "le", "Le", "la", "La", "les", "Les"].contains(&last)
}

/// `MPs`, `NGOs`: capitals and a plural's `s`, a common noun's plural.
fn is_plural_acronym(word: &str) -> bool {
    word.strip_suffix('s').is_some_and(|stem| {
        stem.chars().count() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase())
    })
}

fn is_spelled_number(word: &str) -> bool {
    const NUMBERS: &[&str] = &[
        "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
    ];
    NUMBERS.contains(&word)
}

/// A French ordinal in Roman numerals: `XVIIIe`, `Ve`, `IIIe`, `Ier`.
fn is_roman_ordinal(word: &str) -> bool {
    let digits = ["ème", "er", "re", "e"]
        .iter()
        .find_map(|s| word.strip_suffix(s))
        .unwrap_or("");
    !digits.is_empty() && digits.bytes().all(|b| b"IVXLC".contains(&b))
}

/// `Saint-Benoît`, `Sainte-Marie`: French writes a saint's name with a
/// hyphen when it names a place (the saint is `saint Benoît`).
fn is_saint_place(word: &str) -> bool {
    ["Saint-", "Sainte-"].iter().any(|p| {
        word.strip_prefix(p)
            .is_some_and(|rest| rest.starts_with(char::is_uppercase))
    })
}

/// `J.D.`, `J.-P.`: a given name written as initials, each one capital
/// and its period (`U.S.` too, which the gazetteer knows as a place).
fn is_initials(word: &str) -> bool {
    let parts: Vec<&str> = word.trim_end_matches('.').split(['.', '-']).collect();
    parts.len() >= 2 && parts.iter().all(|p| p.is_empty() || is_initial(p)) && word.contains('.')
}

/// A word that makes a place of a place (`Greater Manchester`, `South
/// Sudan`, `Haute-Loire`), not a club or a company.
fn is_place_modifier(word: &str) -> bool {
    const MODIFIERS: &[&str] = &[
        "greater",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "upper",
        "lower",
        "new",
        "central",
        "old",
        "grand",
        "nord",
        "sud",
        "est",
        "ouest",
        "haute",
        "haut",
        "basse",
        "bas",
        "nouvelle",
        "nouveau",
        "saint",
        "sainte",
        "san",
        "santa",
        "sao",
        "rio",
        "port",
        "mount",
        "lake",
        "cape",
        "gulf",
        "isle",
        // Streets and sites named after a place are places too.
        "rue",
        "avenue",
        "boulevard",
        "quai",
        "route",
        "pont",
        "gare",
        "aeroport",
        "porte",
        "place",
        "parc",
        "stade",
        "vallee",
        "mont",
        "col",
        "baie",
        "golfe",
    ];
    with_fold(word, |k| MODIFIERS.contains(&k))
}

/// Only spaces (or an elision such as `l'`) between token `j` of
/// `sentence` and the one before.
pub(super) fn glued(sentence: &str, tokens: &[Token], j: usize) -> bool {
    if j == 0 || j >= tokens.len() {
        return false;
    }
    let gap = &sentence[tokens[j - 1].end..tokens[j].start];
    let gap = gap.trim_matches(|c: char| c == ' ' || c == '\u{a0}');
    gap.is_empty()
        || is_elision_gap(gap)
        || gap == "." && (is_inner_initial(tokens, j) || is_leading_initial(tokens, j))
}

/// Token `j - 1` is an initial opening a name (`V. Narayanan`): no
/// capitalised word before it, a capitalised word after it that is no
/// article (`Plan B. The`) and no `I` (a numeral or the pronoun).
fn is_leading_initial(tokens: &[Token], j: usize) -> bool {
    j >= 1
        && is_initial(tokens[j - 1].text)
        && tokens[j - 1].text != "I"
        && (j < 2 || !tokens[j - 2].is_capitalised())
        && tokens[j].is_capitalised()
        && !gazetteer::get().is_stopword(tokens[j].text)
}

/// Token `j - 1` is a middle initial between two capitalised words
/// (`Marcus T. Reddick`), so its period cuts no name.
fn is_inner_initial(tokens: &[Token], j: usize) -> bool {
    j >= 2
        && is_initial(tokens[j - 1].text)
        && tokens[j - 2].is_capitalised()
        && tokens[j].is_capitalised()
        // (`Plan B. The rest`: an article after the period opens a sentence.)
        && !gazetteer::get().is_stopword(tokens[j].text)
}

fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

/// A last word that keeps its period: an initial or `Jr.`/`Sr.`.
fn is_name_suffix(word: &str) -> bool {
    is_initial(word) || matches!(word, "Jr" | "Sr")
}

/// `Iranian-backed`, `Russian-made`: a compound adjective, not a name.
fn is_hyphenated_modifier(word: &str) -> bool {
    word.rsplit_once('-')
        .is_some_and(|(_, last)| last.chars().all(char::is_lowercase))
}

/// The place preposition that ends the text before a name (`à`, `en`,
/// `in`, or with an article, `in the`), as written.
pub fn place_preposition(before: &str) -> Option<&str> {
    let gaz = gazetteer::get();
    let trimmed = before.trim_end();
    let is_break = |c: char| c.is_whitespace() || c == '(' || c == ',' || c == '\'' || c == '’';
    let mut words = trimmed.rsplit(is_break).filter(|w| !w.is_empty());
    let last = words.next()?;
    if gaz.is_place_preposition(last) {
        return Some(last);
    }
    let prev = words.next()?;
    // `près de Rennes`, `autour de Saint-Malo`: a phrase ending in a word
    // that alone opens no place.
    if let Some(phrase) = trimmed
        .len()
        .checked_sub(prev.len() + 1 + last.len())
        .and_then(|start| trimmed.get(start..))
        && gaz.is_place_preposition(phrase)
    {
        return Some(phrase);
    }
    let article = with_fold(last, |f| ["the", "le", "la", "les", "l"].contains(&f));
    // `dans le Gard`, `dans les Ardennes`: `dans` before an article opens a
    // region's name; alone it opens a newspaper's too (`dans Libération`).
    if !(article && (gaz.is_place_preposition(prev) || with_fold(prev, |f| f == "dans"))) {
        return None;
    }
    let start = trimmed.rfind(prev)?;
    Some(trimmed[start..].trim_end_matches(['\'', '’']))
}

fn is_elision_gap(gap: &str) -> bool {
    let g = gap.trim_end_matches(['\'', '’']);
    g.len() < gap.len() && ["l", "d", "L", "D", "qu"].contains(&g.trim())
}

/// The first word of the sentence, or the first word after an opening
/// quote, a colon or a dash: places where any word may be capitalised.
fn is_initial_position(sentence: &str, tokens: &[Token], i: usize) -> bool {
    let gap_start = if i == 0 { 0 } else { tokens[i - 1].end };
    let gap = &sentence[gap_start..tokens[i].start];
    // (`KHARTOUM, 3 mars (AFP) - Le Soudan`: a spaced hyphen is a dash.)
    i == 0
        || gap.contains(['«', '“', '"', ':', '—', '–', '(', '['])
        || gap.contains('-') && (gap.trim() == "-" || gap.trim_end().ends_with(" -"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::sentences;

    fn mentions(text: &str) -> Vec<(String, bool)> {
        let s = sentences::split(text);
        find(text, &s)
            .mentions
            .into_iter()
            .map(|m| (m.text.to_string(), m.initial()))
            .collect()
    }

    /// A long article of short lines holds about three mentions per
    /// 32-byte line, all at once: at 56 bytes a mention, they alone were
    /// over 5× the text, and the build's peak over 10× (issue 13).
    #[test]
    fn mention_is_packed() {
        assert!(std::mem::size_of::<Mention>() <= 32);
    }

    #[test]
    fn every_cue_and_the_span_survive_the_packing() {
        let text = "xx Jean Dupont";
        let mut cues = Cues::from_flags(0b111_1111_1111, Some(EntityKind::Org));
        for bit in 0..=11 {
            for initial in [false, true] {
                let m = Mention::new(&text[3..], 3, 7, initial, cues);
                assert_eq!(
                    (m.span(), m.sentence(), m.initial(), m.cues()),
                    (3..14, 7, initial, cues)
                );
            }
            cues = Cues::from_flags(1 << bit, None);
        }
        let all = Cues::from_flags(u16::MAX >> 5, Some(EntityKind::Misc));
        assert!(all.person_title && all.place_inside && all.misc);
    }

    #[test]
    #[should_panic(expected = "a mention past")]
    fn a_mention_past_the_bound_is_refused() {
        Mention::new("X", MAX_TEXT_BYTES, 0, false, Cues::default());
    }

    fn names(text: &str) -> Vec<String> {
        mentions(text)
            .into_iter()
            .filter(|(_, initial)| !initial)
            .map(|(t, _)| t)
            .collect()
    }

    /// Each row's sentence yields exactly its names, in order.
    fn assert_names(rows: &[(&str, &[&str])]) {
        for (text, want) in rows {
            assert_eq!(names(text), *want, "{text}");
        }
    }

    #[test]
    fn one_row_per_rule() {
        let rows: &[(&str, &[&str])] = &[
            // a party member's word qualifies the person after a state
            (
                "Then Mike Johnson, a Louisiana Republican, said so to the Republican Party.",
                &["Mike Johnson", "Louisiana", "Republican Party"],
            ),
            // demonyms joined by a hyphen qualify, as one does
            (
                "Then the Thai-Cambodian border and Bint Jbeil.",
                &["Bint Jbeil"],
            ),
            // an initial opens a name; a given name before an undotted
            // title's abbreviation is a person's
            (
                "Then chairman V. Narayanan called Cambodia's former leader Hun Sen.",
                &["V. Narayanan", "Cambodia", "Hun Sen"],
            ),
            // a place, then a person after a role, or opened by a given name
            (
                "L'ancien maire de Taipei Ko Wen-je et le Paris Saint-Germain de Luis Enrique.",
                &["Taipei", "Ko Wen-je", "Paris Saint-Germain", "Luis Enrique"],
            ),
            (
                "Il a vu la maire de Valparaíso Daniela Ortúzar au stade.",
                &["Valparaíso", "Daniela Ortúzar"],
            ),
            // inner particles
            (
                "Il a vu Bachar el-Assad et la Corée du Nord hier.",
                &["Bachar el-Assad", "Corée du Nord"],
            ),
            (
                "Selon l'Observatoire syrien des droits de l'Homme (OSDH), rien.",
                &["Observatoire syrien des droits de l'Homme", "OSDH"],
            ),
            // elision
            ("Il parle de l'ONU et d'Idleb.", &["ONU", "Idleb"]),
            // a title does not enter the name; a first name splits a run
            (
                "le ministre de la Défense Sergueï Choïgou a parlé.",
                &["Sergueï Choïgou"],
            ),
            ("selon M. Poutine, rien.", &["Poutine"]),
            // determiners leave known names, stay in La Paz
            (
                "Ils iront vers La Paz puis vers la Syrie.",
                &["La Paz", "Syrie"],
            ),
            // demonyms, months and common nouns are not entities alone
            (
                "Les Russes et les Américains ont parlé en Novembre à l'État.",
                &[],
            ),
            // an organisation head with a named complement
            (
                "des responsables du ministère russe de la Défense sont venus.",
                &["ministère russe de la Défense"],
            ),
            // English
            (
                "He met Secretary of State Antony Blinken at the White House.",
                &["Antony Blinken", "White House"],
            ),
            (
                "The talks, hosted by the United Nations in Geneva, ended.",
                &["United Nations", "Geneva"],
            ),
            (
                "It was an Iranian-backed militia, the U.S. said.",
                &["U.S."],
            ),
        ];
        assert_names(rows);
    }

    #[test]
    fn french_heads_first_type_sites_and_competitions() {
        for (text, name) in [
            (
                "Ils se sont rassemblés devant le Palais Bourbon mardi.",
                "Palais Bourbon",
            ),
            ("Le refuge du Mont Blanc a fermé.", "Mont Blanc"),
            ("La foule a traversé le Pont Mirabeau.", "Pont Mirabeau"),
        ] {
            let cues = cues_of(text, name);
            assert!(cues.place_head && !cues.person_shape, "{text}: {cues:?}");
        }
        for (text, name) in [
            (
                "Rennes a été éliminé de la Coupe de France.",
                "Coupe de France",
            ),
            ("Le Traité de Rome a été signé en 1957.", "Traité de Rome"),
            ("Sous la Ve République, rien.", "Ve République"),
        ] {
            let cues = cues_of(text, name);
            assert!(cues.misc, "{text}: {cues:?}");
        }
    }

    #[test]
    fn place_adjectives_and_known_names_complete_a_capitalised_run() {
        assert_names(&[
            (
                "Rennes a battu samedi le Stade rennais à domicile.",
                &["Rennes", "Stade rennais"],
            ),
            (
                "Il a rejoint l'Olympique lyonnais en 2019.",
                &["Olympique lyonnais"],
            ),
            (
                "Selon le Haut-Commissariat des Nations unies, rien.",
                &["Haut-Commissariat des Nations unies"],
            ),
            // A century names nothing; an ordinal before a name is a thing's.
            (
                "L'église du XIXe siècle a brûlé, au cœur du XVIIIe arrondissement.",
                &[],
            ),
            ("Sous la Ve République, rien.", &["Ve République"]),
            // A word ending like an adjective before an article is a verb.
            (
                "Le syndicat Sud-Rail appelle les aiguilleurs à cesser le travail.",
                &["Sud-Rail"],
            ),
            // After a known name, the adjective only says where it is from.
            (
                "Le Hezbollah libanais a tiré des roquettes.",
                &["Hezbollah"],
            ),
        ]);
    }

    #[test]
    fn names_shaped_like_small_places_lean_to_places() {
        for (text, name) in [
            (
                "Russian troops shelled Novoselivka overnight.",
                "Novoselivka",
            ),
            ("Les combats ont repris autour d'Ivanivske.", "Ivanivske"),
            (
                "An air strike hit a house in Beit Lahia on Sunday.",
                "Beit Lahia",
            ),
            (
                "Des familles ont fui vers Deir Qanoun mardi.",
                "Deir Qanoun",
            ),
        ] {
            let cues = cues_of(text, name);
            assert!(cues.place_context, "{text}: {cues:?}");
        }
        // A family name that shares a word or an ending is no place.
        for (text, name) in [
            ("London Mayor Sadiq Khan said so.", "Sadiq Khan"),
            ("Elon Musk wrote on Monday.", "Elon Musk"),
            ("Sergueï Lavrov a répondu.", "Sergueï Lavrov"),
        ] {
            let cues = cues_of(text, name);
            assert!(!cues.place_context, "{text}: {cues:?}");
        }
    }

    #[test]
    fn quoted_titles_of_works_are_whole_named_things() {
        assert_names(&[
            (
                "Elle a reçu le prix pour \"Les Heures de sel\", publié à Arles.",
                &["Les Heures de sel", "Arles"],
            ),
            (
                "Il a battu Julien Mercadier, auteur de « La Dernière Écluse ».",
                &["Julien Mercadier", "La Dernière Écluse"],
            ),
            (
                "Le jury a distingué l'historienne pour “Les Ports de l'Empire”.",
                &["Les Ports de l'Empire"],
            ),
            (
                "She won the award for her novel \"The Salt Hours\" on Tuesday.",
                &["The Salt Hours"],
            ),
            // A quotation is no title: a bare `de` before it, a comma
            // inside it, or no word announcing a work.
            (
                "Il a parlé de \"Marie Dupont\" devant la cour.",
                &["Marie Dupont"],
            ),
            (
                "Il a plaidé pour \"Jean Moulin, enfin\" hier.",
                &["Jean Moulin"],
            ),
            ("\"Nous tenons bon\", a déclaré M. Macron.", &["Macron"]),
        ]);
        for (text, name) in [
            ("Le jury l'a récompensé pour \"Vivre vite\".", "Vivre vite"),
            (
                "a documentary titled \"North Without Return\" aired.",
                "North Without Return",
            ),
        ] {
            let cues = cues_of(text, name);
            assert!(cues.misc && !cues.person_shape, "{text}: {cues:?}");
        }
        let cues = cues_of(
            "Il a parlé de \"Marie Dupont\" devant la cour.",
            "Marie Dupont",
        );
        assert!(!cues.misc && cues.first_name, "{cues:?}");
    }

    #[test]
    fn a_capitalised_article_inside_a_sentence_opens_the_name() {
        let rows: &[(&str, &[&str])] = &[
            (
                "Le maire de La Ciotat a reçu les syndicats.",
                &["La Ciotat"],
            ),
            ("Il l'a dit au journal Le Progrès hier.", &["Le Progrès"]),
            // lowercase, the article is the sentence's
            ("Ils iront vers la Syrie.", &["Syrie"]),
        ];
        assert_names(rows);
    }

    #[test]
    fn portfolios_after_qualified_titles_name_nothing() {
        let rows: &[(&str, &[&str])] = &[
            (
                "Le ministre portugais de l'Agriculture, Rui Costa, a parlé.",
                &["Rui Costa"],
            ),
            (
                "La ministre déléguée chargée de l'Artisanat, Claire Vasseur, s'est tue.",
                &["Claire Vasseur"],
            ),
            (
                "Le ministre délégué aux Anciens combattants Paul Girard est venu.",
                &["Paul Girard"],
            ),
            (
                "La secrétaire d'État chargée de la Mer a reçu les pêcheurs de Lorient.",
                &["Lorient"],
            ),
            (
                "Les ministres africains de la Santé se réunissent à Dakar.",
                &["Dakar"],
            ),
            // a known place after the connector stays a place
            ("Le ministre polonais à Varsovie a parlé.", &["Varsovie"]),
            // anything else between the title and the name breaks the walk
            ("Le ministre a rendu visite aux Bertin hier.", &["Bertin"]),
        ];
        assert_names(rows);
    }

    #[test]
    fn names_kept_whole_across_and_roles_numbers_and_nationalities() {
        let rows: &[(&str, &[&str])] = &[
            // `and` inside an English name: a head last, or a head's `of`
            (
                "He voted for the Railway Safety and Accountability Act on Monday.",
                &["Railway Safety and Accountability Act"],
            ),
            (
                "He read the files of the Ohio Department of Rehabilitation and Correction.",
                &["Ohio Department of Rehabilitation and Correction"],
            ),
            (
                "A rule from the Department of Health and Human Services applies.",
                &["Department of Health and Human Services"],
            ),
            // after a body's head, `of the` and a body are its complement
            (
                "The Appointments Committee of the Cabinet approved his name on Monday.",
                &["Appointments Committee of the Cabinet"],
            ),
            (
                "Le PDG Marc Roy du Groupe Valmont a parlé.",
                &["Marc Roy", "Groupe Valmont"],
            ),
            // two known names stay two
            (
                "Talks between Britain and France resumed.",
                &["Britain", "France"],
            ),
            // a first name and a surname are a person, whatever comes before
            (
                "Le ministre de l'Économie, Bruno Le Maire, a parlé.",
                &["Bruno Le Maire"],
            ),
            (
                "Il a vu le secrétaire d'État Antony Blinken hier.",
                &["Antony Blinken"],
            ),
            (
                "La présidente, Mélanie Hubert, a parlé.",
                &["Mélanie Hubert"],
            ),
            (
                "les négociations avec le gouvernement de François Legault achoppent.",
                &["François Legault"],
            ),
            // a number after one word is the name's; dates and scores are not
            (
                "la fusée Ariane 6 a décollé, et un ATR 72 aussi.",
                &["Ariane 6", "ATR 72"],
            ),
            (
                "They fled on Interstate 70 after Newcastle lost 2-1 on March 9 in Ohio.",
                &["Interstate 70", "Newcastle", "Ohio"],
            ),
            // a nationality opens a place known whole
            (
                "Many drove west into British Columbia on Tuesday.",
                &["British Columbia"],
            ),
            // a nationality opens a name with an organisation's head
            (
                "The Asian Development Bank paid, said French President Emmanuel Macron.",
                &["Asian Development Bank", "Emmanuel Macron"],
            ),
        ];
        assert_names(rows);
    }

    #[test]
    fn numbered_names_are_things_and_hyphenated_saints_places() {
        // (text, name, misc, place head)
        let rows = [
            ("la fusée Ariane 6 a décollé.", "Ariane 6", true, false),
            (
                "Le club joue en Ligue 1 cette saison.",
                "Ligue 1",
                true,
                false,
            ),
            (
                "Les secours ont gagné Saint-Benoît dans la nuit.",
                "Saint-Benoît",
                false,
                true,
            ),
            (
                "Elle vit à Sainte-Marie depuis 2010.",
                "Sainte-Marie",
                false,
                true,
            ),
            // a person is neither; a saint without the hyphen is no place
            (
                "Il a parlé avec Jean Dupont hier.",
                "Jean Dupont",
                false,
                false,
            ),
            ("Il a prié saint Benoît hier.", "Benoît", false, false),
            (
                "He raced in Formula One for a decade.",
                "Formula One",
                true,
                false,
            ),
        ];
        for (text, name, misc, place) in rows {
            let c = cues_of(text, name);
            assert_eq!((c.misc, c.place_head), (misc, place), "{text}");
        }
        // `Ariane` is a first name, but no person is numbered.
        assert!(!cues_of("la fusée Ariane 6 a décollé.", "Ariane 6").first_name);
    }

    #[test]
    fn sentence_initial_words_wait_for_corpus_evidence() {
        let m =
            mentions("Rassuré, il arrive. Poutine parle. Vladimir Poutine aussi. Moscou répond.");
        assert!(m.contains(&("Rassuré".to_string(), true)));
        assert!(m.contains(&("Poutine".to_string(), true)));
        // A known first name or a gazetteer name vouches for itself.
        assert!(m.contains(&("Vladimir Poutine".to_string(), false)));
        assert!(m.contains(&("Moscou".to_string(), false)));
    }

    #[test]
    fn a_sentence_start_written_as_no_common_word_is_written_vouches_itself() {
        // (name, vouched by its writing)
        let rows = [
            ("EDF a prévenu ses clients.", "EDF", true),
            ("Météo-France prévoit des orages.", "Météo-France", true),
            ("Air Austral a annulé ses vols.", "Air Austral", true),
            ("Parks Canada closed the trail.", "Parks Canada", true),
            // A heading in capitals goes on in capitals.
            ("ALERTE ROUGE sur la côte.", "ALERTE ROUGE", false),
            // The abbreviation of a common noun is no name.
            ("OPA hostile sur le groupe.", "OPA", false),
            // A word before a given name is trimmed off, not vouched.
            ("Analyst John Smith said so.", "John Smith", true),
            // A participle before a known place is no part of its name.
            ("Neighbouring Mali closed its border.", "Mali", true),
            (
                "Franco-Allemand, le projet avance.",
                "Franco-Allemand",
                false,
            ),
            ("Rassuré, il arrive.", "Rassuré", false),
        ];
        for (text, name, vouched) in rows {
            let got = mentions(text);
            let initial = got.iter().find(|(t, _)| t == name).map(|(_, i)| *i);
            assert!(
                if vouched {
                    initial == Some(false)
                } else {
                    initial != Some(false)
                },
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn a_dateline_place_in_capitals_is_a_place_and_a_code_with_a_number_a_thing() {
        type Row = (&'static str, &'static str, fn(&Cues) -> bool);
        let rows: [Row; 7] = [
            (
                "CARBONNE (Haute-Garonne) — Les agriculteurs bloquent.",
                "CARBONNE",
                |c| c.place_context && !c.acronym,
            ),
            (
                "KHARTOUM, 3 mars (AFP) - Le Soudan a signé.",
                "KHARTOUM",
                |c| c.place_context && !c.acronym,
            ),
            // An acronym opening a sentence with no dash after it.
            ("OTAN, UE et ONU ont signé.", "OTAN", |c| {
                c.acronym && !c.place_context
            }),
            ("La COP29 s'ouvre à Bakou.", "COP29", |c| c.misc),
            ("Le satellite CSO-3 est en orbite.", "CSO-3", |c| c.misc),
            (
                "The Chandrayaan-3 lander touched down.",
                "Chandrayaan-3",
                |c| c.misc,
            ),
            // One letter and a number is a road, a group or a plane.
            ("Le G20 se réunit.", "G20", |c| !c.misc),
        ];
        for (text, name, ok) in rows {
            let c = cues_of(text, name);
            assert!(ok(&c), "{text}: {c:?}");
        }
        // After a dateline's spaced hyphen a sentence starts again: its
        // determiner is no part of the name.
        let names: Vec<String> = mentions("KHARTOUM, 3 mars (AFP) - Le Soudan a signé.")
            .into_iter()
            .map(|(t, _)| t)
            .collect();
        assert!(names.contains(&"Soudan".to_string()), "{names:?}");
    }

    #[test]
    fn a_site_a_mayor_or_dans_before_an_article_place_a_name_and_a_first_name_opens_a_person() {
        type Row = (&'static str, &'static str, fn(&Cues) -> bool);
        let rows: [Row; 8] = [
            ("Mais l'usine de Revin fermera.", "Revin", |c| {
                c.place_context
            }),
            ("Le maire de Quimperlé a parlé.", "Quimperlé", |c| {
                c.place_context
            }),
            ("Deux cas dans le Gard.", "Gard", |c| c.place_preposition),
            // A phrase whose last word alone opens no place.
            ("Des serres autour de Plouvenec.", "Plouvenec", |c| {
                c.place_preposition
            }),
            ("Un portrait de Plouvenec.", "Plouvenec", |c| {
                !c.place_preposition
            }),
            // A newspaper follows a bare `dans`.
            ("Il a lu dans Libération un article.", "Libération", |c| {
                !c.place_preposition
            }),
            ("Selon Marine Le Pen, rien.", "Marine Le Pen", |c| {
                c.first_name && !c.org_head
            }),
            (
                "Selon la Marine nationale, rien.",
                "Marine nationale",
                |c| c.org_head,
            ),
        ];
        for (text, name, ok) in rows {
            let c = cues_of(text, name);
            assert!(ok(&c), "{text}: {c:?}");
        }
    }

    #[test]
    fn acronyms_pair_with_expansions_in_either_order() {
        let text = "Le sommet de l'APEC (Coopération économique pour l'Asie-Pacifique) et l'État islamique (EI).";
        let s = sentences::split(text);
        let pairs = find(text, &s).acronyms;
        let got: Vec<(&str, &str)> = pairs
            .iter()
            .map(|p| (p.acronym.as_str(), p.expansion.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("APEC", "Coopération économique pour l'Asie-Pacifique"),
                ("EI", "État islamique")
            ]
        );
    }

    #[test]
    fn acronyms_pair_with_a_name_of_their_article_or_a_word_in_parentheses() {
        let pairs = |text: &str| -> Vec<(String, String)> {
            let s = sentences::split(text);
            find(text, &s)
                .acronyms
                .into_iter()
                .map(|p| (p.acronym, p.expansion))
                .collect()
        };
        let got = pairs(
            "The Environmental Protection Agency fined him. Later the EPA said it would appeal.",
        );
        assert_eq!(
            got,
            [("EPA".into(), "Environmental Protection Agency".into())]
        );
        // Two names with the same initials: neither.
        let got = pairs(
            "The Ruling Party Presidium met. The Reform Panel Plenary met. The RPP said nothing.",
        );
        assert!(got.is_empty(), "{got:?}");
        // Two letters stand for too many things.
        let got = pairs("Amnesty International said AI tools were used.");
        assert!(got.is_empty(), "{got:?}");
        let got = pairs(
            "La motion de la Nouvelle union populaire écologique et sociale (Nupes) a été rejetée.",
        );
        assert_eq!(
            got,
            [(
                "Nupes".into(),
                "Nouvelle union populaire écologique et sociale".into()
            )]
        );
    }

    #[test]
    fn cues_type_mentions() {
        let text = "Hier, le président syrien Omar Khalil est allé à Zorbaville avec M. Dupré du Groupe Tartempion.";
        let s = sentences::split(text);
        let found = find(text, &s).mentions;
        let cue = |name: &str| {
            found
                .iter()
                .find(|m| m.text == name)
                .map(|m| m.cues())
                .unwrap()
        };
        assert!(cue("Omar Khalil").person_title && cue("Omar Khalil").first_name);
        assert!(cue("Zorbaville").place_preposition);
        assert!(cue("Dupré").person_title);
        assert!(cue("Groupe Tartempion").org_head);
    }

    #[test]
    fn what_a_person_never_is_takes_the_person_shape_away() {
        type Row = (&'static str, &'static str, fn(&Cues) -> bool);
        let rows: &[Row] = &[
            // The control: nothing else to say, a person's shape.
            ("Yesterday Tomas Velder said no.", "Tomas Velder", |c| {
                c.person_shape
            }),
            // A word of the name the article writes in lowercase.
            (
                "Campaigners at Harvest Rent said the rent rise was unfair.",
                "Harvest Rent",
                |c| !c.person_shape,
            ),
            // An article before it.
            (
                "Yesterday the Velmont Orchard manager quit.",
                "Velmont Orchard",
                |c| !c.person_shape,
            ),
            (
                "Il a joué à l'Orvana Brisco samedi.",
                "Orvana Brisco",
                |c| !c.person_shape,
            ),
            // A spelled number among its words.
            (
                "Yesterday fans of Seven Larches cheered.",
                "Seven Larches",
                |c| !c.person_shape,
            ),
            // The noun after the name over the adjective before it.
            (
                "He leads the conservative Brelandia party now.",
                "Brelandia",
                |c| !c.person_title && c.org_context,
            ),
            // A numbered name after a word that comes before people.
            (
                "Its predecessor, Vantor 4, flew last year.",
                "Vantor 4",
                |c| !c.person_title && c.misc,
            ),
            // A site's head last, unless a body's field comes before it.
            (
                "It lifted off from the Pellham Space Centre.",
                "Pellham Space Centre",
                |c| c.place_head && !c.person_shape,
            ),
            (
                "Doctors at the Orrin Medical Center agreed.",
                "Orrin Medical Center",
                |c| c.org_head && !c.place_head,
            ),
            // French names a company by its nationality's adjective.
            (
                "Le film est coproduit par la française Lisandre.",
                "Lisandre",
                |c| c.org_context,
            ),
            (
                "Elle a battu la Française Lisandre Moreau.",
                "Lisandre Moreau",
                |c| !c.org_context,
            ),
            (
                "Ensuite Air Velora a annulé ses vols.",
                "Air Velora",
                |c| c.org_head,
            ),
        ];
        for (text, name, ok) in rows {
            let cues = cues_of(text, name);
            assert!(ok(&cues), "{name} in {text:?}: {cues:?}");
        }
    }

    #[test]
    fn a_peoples_possessive_stays_inside_a_name() {
        let names: Vec<String> = mentions(
            "Yesterday the Farmers' Union and the Orvel Children's Hospital met Russia's envoy.",
        )
        .into_iter()
        .map(|(n, _)| n)
        .collect();
        assert_eq!(
            names,
            ["Farmers' Union", "Orvel Children's Hospital", "Russia"]
        );
    }

    #[test]
    fn a_plural_of_capitals_is_no_name_nor_part_of_one() {
        let names: Vec<String> = mentions("Yesterday ninety Tory MPs voted, and MPs cheered.")
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(names, ["Tory"]);
    }

    /// The cues of the mention `name` in `text`.
    fn cues_of(text: &str, name: &str) -> Cues {
        let s = sentences::split(text);
        find(text, &s)
            .mentions
            .iter()
            .find(|m| m.text == name)
            .map(|m| m.cues())
            .unwrap_or_else(|| panic!("{name:?} not found in {text:?}"))
    }

    #[test]
    fn context_heads_and_inner_places_type_names_with_nothing_else() {
        type Row = (&'static str, &'static str, fn(&Cues) -> bool);
        let rows: &[Row] = &[
            // Organisations by the word before or after.
            (
                "Les puces seront fabriquées chez Norvalis dès l'automne.",
                "Norvalis",
                |c| c.org_context,
            ),
            (
                "Elle a été rachetée par le groupe pharmaceutique Vendrel.",
                "Vendrel",
                |c| c.org_context,
            ),
            (
                "On Monday, shares of Tarrowmede fell 4%.",
                "Tarrowmede",
                |c| c.org_context,
            ),
            (
                "The Kelbrook union called a strike for Tuesday.",
                "Kelbrook",
                |c| c.org_context,
            ),
            // A role is a person's, whatever word comes before it.
            (
                "The union leader Brannock Teale said no.",
                "Brannock Teale",
                |c| !c.org_context && c.person_title,
            ),
            (
                "Villa manager Ostrel Vane praised his side.",
                "Ostrel Vane",
                |c| c.person_title,
            ),
            // Named things that are neither.
            (
                "Le cyclone Maëlys doit toucher l'île dans la nuit.",
                "Maëlys",
                |c| c.misc,
            ),
            (
                "She won for her novel Driftlight last year.",
                "Driftlight",
                |c| c.misc,
            ),
            (
                "The army said dozens of Qaher drones were shot down.",
                "Qaher",
                |c| c.misc,
            ),
            (
                "The Corrin Prize was awarded on Tuesday.",
                "Corrin Prize",
                |c| c.misc,
            ),
            (
                "Typhoon Lorvel made landfall on Thursday.",
                "Typhoon Lorvel",
                |c| c.misc,
            ),
            // A known place beside words that are no first name.
            (
                "The fans of Bayern Munich sang for an hour.",
                "Bayern Munich",
                |c| c.place_inside,
            ),
            (
                "Il a rejoint France Ondes en janvier.",
                "France Ondes",
                |c| c.place_inside,
            ),
            (
                "Greater Manchester police said so.",
                "Greater Manchester",
                |c| !c.place_inside,
            ),
            ("Paris Hilton arrived late.", "Paris Hilton", |c| {
                !c.place_inside
            }),
            // An age in apposition is a person's.
            (
                "The rancher, Wade Tolliver, 67, said no.",
                "Wade Tolliver",
                |c| c.person_title,
            ),
            ("Tolliver, who is 67, said no.", "Tolliver", |c| {
                !c.person_title
            }),
            // A town, then its state or country between commas.
            (
                "It bought the Brenford, Texas, software maker.",
                "Brenford",
                |c| c.place_context,
            ),
            (
                "He met Anna Petrova, Russia's envoy, on Monday.",
                "Anna Petrova",
                |c| !c.place_context,
            ),
            // Place modifiers around one known place make a place.
            (
                "She lost South West Norfolk to Labour.",
                "South West Norfolk",
                |c| c.place_context,
            ),
            (
                "He scored for Norfolk Rovers twice.",
                "Norfolk Rovers",
                |c| !c.place_context,
            ),
            // A race named after a region is no person.
            (
                "Crowds came for the Emilia Romagna Grand Prix on Sunday.",
                "Emilia Romagna Grand Prix",
                |c| c.misc && !c.first_name,
            ),
        ];
        for (text, name, holds) in rows {
            assert!(
                holds(&cues_of(text, name)),
                "{name} in {text:?}: {:?}",
                cues_of(text, name)
            );
        }
    }

    #[test]
    fn initials_and_suffixes_stay_inside_names() {
        let rows: &[(&str, &str)] = &[
            (
                "The suspect, Marcus T. Reddick, 34, was charged.",
                "Marcus T. Reddick",
            ),
            (
                "Its chief, Daniel K. Whitford Jr., told analysts so.",
                "Daniel K. Whitford Jr.",
            ),
            (
                "Le suspect, présenté comme Yanis B., a été interpellé.",
                "Yanis B.",
            ),
        ];
        for (text, name) in rows {
            assert!(
                names(text).contains(&name.to_string()),
                "{name}: {:?}",
                names(text)
            );
        }
    }

    #[test]
    fn french_institutions_keep_their_lowercase_words() {
        let rows: &[(&str, &[&str])] = &[
            (
                "selon l'Organisation mondiale de la santé, rien.",
                &["Organisation mondiale de la santé"],
            ),
            (
                "Les Forces armées maliennes ont reculé.",
                &["Forces armées maliennes"],
            ),
            (
                "l'Institut national de recherche et de sécurité a publié.",
                &["Institut national de recherche et de sécurité"],
            ),
            // a verb ends the name; an infinitive after `de` is no complement
            (
                "La Commission européenne propose une taxe.",
                &["Commission européenne"],
            ),
            ("il demande au Conseil de statuer.", &["Conseil"]),
            (
                "devant le tribunal correctionnel de Bobigny mardi",
                &["tribunal correctionnel de Bobigny"],
            ),
            (
                "la cour d'appel de Douai a confirmé",
                &["cour d'appel de Douai"],
            ),
            (
                "au tribunal de commerce de Nanterre.",
                &["tribunal de commerce de Nanterre"],
            ),
            ("au stade Jean-Bouin, puis", &["stade Jean-Bouin"]),
            (
                "près de la centrale nucléaire de Flamanville.",
                &["centrale nucléaire de Flamanville"],
            ),
            // a generic site names only its place
            ("depuis le port d'Odessa.", &["Odessa"]),
            ("le tribunal a jugé Paul Martin.", &["Paul Martin"]),
        ];
        assert_names(rows);
    }

    #[test]
    fn roles_states_and_joined_words_inside_english_runs() {
        let rows: &[(&str, &[&str])] = &[
            (
                "said London Mayor Sadiq Khan on Monday.",
                &["London", "Sadiq Khan"],
            ),
            (
                "said Transport Secretary Heidi Alexander on Monday.",
                &["Heidi Alexander"],
            ),
            (
                "according to Senator Sherrod Brown of Ohio and others.",
                &["Sherrod Brown", "Ohio"],
            ),
            // a place after `of` stays in a known or headed name
            (
                "a rate set by the Bank of England yesterday.",
                &["Bank of England"],
            ),
            (
                "crews from Greater Manchester Fire and Rescue Service came.",
                &["Greater Manchester Fire and Rescue Service"],
            ),
            ("the bakery Maes & Fils closed.", &["Maes & Fils"]),
            // a title of two words is the title's, an acronym before it a body
            (
                "the deal was approved, Corvell Chief Executive Ana Brisk said.",
                &["Ana Brisk"],
            ),
            (
                "the cars left, RCMP Superintendent Alain Verrat said.",
                &["RCMP", "Alain Verrat"],
            ),
            // where a body comes from, said before it, is not its name
            (
                "a trial run by the British-based Quill Assurance Scheme ended.",
                &["Quill Assurance Scheme"],
            ),
            // `and` between two people joins nothing
            (
                "when Joe Biden and Xi Jinping met.",
                &["Joe Biden", "Xi Jinping"],
            ),
            // a year after a law's head is its edition; not after a person
            (
                "MPs passed the Harbour Bill 2024 on Tuesday.",
                &["Harbour Bill 2024"],
            ),
            (
                "Nadia Corbel 2024 was printed on the shirts.",
                &["Nadia Corbel"],
            ),
            // two headed names on either side of `and` are two
            (
                "polls for Calder News and Fenwick News showed it.",
                &["Calder News", "Fenwick News"],
            ),
            // a person of an organisation is two names
            (
                "said Nadia Corbel of the Harwick Legal Foundation on Monday.",
                &["Nadia Corbel", "Harwick Legal Foundation"],
            ),
            // a first name before a head starts no person
            (
                "crews in Tarnby National Park said.",
                &["Tarnby National Park"],
            ),
            (
                "rockets hit the Ein Michael Airbase at dawn.",
                &["Ein Michael Airbase"],
            ),
            // English lowercase heads do not take `of`
            (
                "the office of Prime Minister Keir Starmer said.",
                &["Keir Starmer"],
            ),
        ];
        assert_names(rows);
    }

    #[test]
    fn english_heads_come_last_and_person_shaped_names_say_so() {
        let text = "The Gaza Health Ministry, the Bicol River, County Durham and Edmund de Waal.";
        let s = sentences::split(text);
        let found = find(text, &s).mentions;
        let cue = |name: &str| {
            found
                .iter()
                .find(|m| m.text == name)
                .map(|m| m.cues())
                .unwrap_or_else(|| panic!("{name} in {found:?}"))
        };
        assert!(cue("Gaza Health Ministry").org_head);
        assert!(cue("Bicol River").place_head);
        assert!(cue("County Durham").place_head);
        let de_waal = cue("Edmund de Waal");
        assert!(de_waal.person_shape && !de_waal.org_head && !de_waal.place_head);
        assert!(!cue("Gaza Health Ministry").person_shape);
    }

    #[test]
    fn clock_marks_zones_and_currency_codes_name_nothing() {
        let rows: &[(&str, &[&str])] = &[
            ("It opened at 10:05 AM ET in New York.", &["New York"]),
            ("Sales rose to USD 4 billion at Nordpak.", &["Nordpak"]),
            ("Le vote a eu lieu à 18:00 GMT à Paris.", &["Paris"]),
        ];
        assert_names(rows);
    }

    #[test]
    fn signatures_credits_and_signing_agencies_name_nothing() {
        let text = "KYIV, March 3 (Reuters) - Talks opened.\nBy Jane Smith\nPhoto : AFP\nThe minister told Reuters that Kyiv was calm.";
        let got = names(text);
        assert_eq!(got.iter().filter(|n| *n == "Reuters").count(), 1, "{got:?}");
        assert!(!got.contains(&"Jane Smith".to_string()), "{got:?}");
        assert!(!got.contains(&"AFP".to_string()), "{got:?}");
    }

    #[test]
    fn a_long_capitalised_run_is_cut_into_names_of_bounded_length() {
        let text = "Moscou ".repeat(1000);
        for (name, _) in mentions(&text) {
            assert!(name.split(' ').count() <= MAX_NAME_TOKENS, "{name}");
        }
    }
}
