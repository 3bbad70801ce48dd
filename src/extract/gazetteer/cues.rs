//! Person cues: whether the text right before a name ends with a title and
//! its complement (`le ministre russe des Affaires étrangères`, `M.`,
//! `Foreign Minister`), which says the name is a person's.
//!
//! It reads only the last few words, folded, against the lists that `load`
//! built; it does not find names, nor decide what a name is otherwise.

use super::{Gazetteer, HashSet};
use std::cell::Cell;
use std::ops::Range;

use crate::extract::fold::{fold_into, with_fold};

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

impl Gazetteer {
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
        // Most texts end with a word that ends no cue: the last word tells,
        // before anything is built.
        let may_end_a_cue = self.with_last_cue_token(text, |t| {
            self.title_tails.contains(t) || self.complement_tails.contains(t)
        });
        if may_end_a_cue != Some(true) {
            return false;
        }
        // The buffers of the last call, if this thread made one.
        let mut scratch = SCRATCH.take().unwrap_or_default();
        let found = self.person_cue_in(text, &mut scratch);
        SCRATCH.set(Some(scratch));
        found
    }

    /// [`Gazetteer::ends_with_person_cue`] past its first check.
    fn person_cue_in(&self, text: &str, scratch: &mut Scratch) -> bool {
        let Scratch {
            words,
            reversed,
            folded,
            key,
        } = scratch;
        let mut tokens = CueTokens::new(self, text, words, reversed, folded);
        let is_title = |k: &str| self.titles.contains(k);
        let is_complement = |k: &str| self.is_complement(k);
        // Tokens already read, from the end.
        let mut read = 0;
        while tokens.ensure(read + 1) {
            let title = longest_suffix(
                &mut tokens,
                read,
                self.max_title_words,
                &self.title_tails,
                key,
                is_title,
            );
            if title.is_some() {
                return true;
            }
            let complement = longest_suffix(
                &mut tokens,
                read,
                self.max_complement_words,
                &self.complement_tails,
                key,
                is_complement,
            );
            if let Some(n) = complement {
                read += n;
            } else if read > 0 && self.title_connectors.contains(tokens.back(read)) {
                read += 1;
            } else {
                return false;
            }
        }
        false
    }

    /// What may follow a title before the name, besides connectors.
    fn is_complement(&self, key: &str) -> bool {
        self.demonyms.contains(key)
            || self.title_complements.contains(key)
            || self.names.contains_key(key)
            || self.org_heads.contains(key)
    }

    /// `f` of the last of the [`CueTokens`] of `text`, without reading the
    /// others: `None` when there is none.
    fn with_last_cue_token<R>(&self, text: &str, f: impl FnOnce(&str) -> R) -> Option<R> {
        let chunk = cue_text(text).split_whitespace().next_back()?;
        with_fold(chunk, |folded| {
            let word = folded.trim_start_matches(|c: char| !c.is_alphanumeric());
            let last = word.chars().last()?;
            let abbreviation = last == '.' && self.titles.contains(word);
            if !(last.is_alphanumeric() || last == '\'' || abbreviation) {
                return None;
            }
            let piece = word.split('-').rev().find(|p| !p.is_empty())?;
            let piece = match ELISIONS
                .iter()
                .find(|e| piece.len() > e.len() && piece.starts_with(*e))
            {
                Some(elision) => &piece[elision.len()..],
                None => piece,
            };
            Some(f(piece))
        })
    }
}

/// Buffers for reading a person cue, kept from one call to the next.
#[derive(Default)]
struct Scratch {
    words: String,
    reversed: Vec<Range<usize>>,
    folded: String,
    key: String,
}

thread_local! {
    static SCRATCH: Cell<Option<Scratch>> = const { Cell::new(None) };
}

/// What a person cue is read from: `text` without trailing space and one
/// trailing comma.
fn cue_text(text: &str) -> &str {
    let text = text.trim_end();
    match text.strip_suffix(',') {
        Some(rest) => rest.trim_end(),
        None => text,
    }
}

/// The folded words of the end of a text that may belong to a person cue,
/// read from the end as they are asked for: hyphenated words split
/// (`porte-parole`), elided articles split off (`l'ONU`), and nothing
/// before punctuation that ends a clause, nor before the last
/// [`CUE_WINDOW`] whitespace-separated chunks.
struct CueTokens<'a> {
    gaz: &'a Gazetteer,
    chunks: std::iter::Take<std::iter::Rev<std::str::SplitWhitespace<'a>>>,
    /// No more tokens.
    done: bool,
    /// The tokens read, as ranges of `words`, the last one first.
    words: &'a mut String,
    reversed: &'a mut Vec<Range<usize>>,
    /// The chunk being read, folded.
    folded: &'a mut String,
}

impl<'a> CueTokens<'a> {
    /// Reads `text` with the given buffers (cleared first).
    fn new(
        gaz: &'a Gazetteer,
        text: &'a str,
        words: &'a mut String,
        reversed: &'a mut Vec<Range<usize>>,
        folded: &'a mut String,
    ) -> Self {
        words.clear();
        reversed.clear();
        CueTokens {
            gaz,
            chunks: cue_text(text).split_whitespace().rev().take(CUE_WINDOW),
            done: false,
            words,
            reversed,
            folded,
        }
    }

    /// Whether there are at least `n` tokens, reading chunks as needed.
    fn ensure(&mut self, n: usize) -> bool {
        while self.reversed.len() < n && !self.done {
            self.read_chunk();
        }
        self.reversed.len() >= n
    }

    /// The token `k` places from the end (0 is the last); it must have been
    /// [`CueTokens::ensure`]d.
    fn back(&self, k: usize) -> &str {
        &self.words[self.reversed[k].clone()]
    }

    fn read_chunk(&mut self) {
        let Some(chunk) = self.chunks.next() else {
            self.done = true;
            return;
        };
        self.folded.clear();
        fold_into(chunk, self.folded);
        let folded = self.folded.as_str();
        let word = folded.trim_start_matches(|c: char| !c.is_alphanumeric());
        let Some(last) = word.chars().last() else {
            self.done = true;
            return;
        };
        // A word ending with punctuation closes a clause, except a title
        // abbreviation (`M.`, `Gen.`).
        let abbreviation = last == '.' && self.gaz.titles.contains(word);
        if !(last.is_alphanumeric() || last == '\'' || abbreviation) {
            self.done = true;
            return;
        }
        let (words, reversed) = (&mut *self.words, &mut *self.reversed);
        let mut push = |piece: &str| {
            words.push_str(piece);
            reversed.push(words.len() - piece.len()..words.len());
        };
        for piece in word.split('-').rev().filter(|p| !p.is_empty()) {
            match ELISIONS
                .iter()
                .find(|e| piece.len() > e.len() && piece.starts_with(*e))
            {
                Some(elision) => {
                    push(&piece[elision.len()..]);
                    push(elision);
                }
                None => push(piece),
            }
        }
        // Leading punctuation (`(`, `«`) opens what the cue may hold.
        if word.len() != folded.len() {
            self.done = true;
        }
    }
}

/// The longest run of tokens ending `read` tokens from the end, at most
/// `max`, that `accept` takes once joined as `fold_name` would write it
/// (`de l'onu`): its length. Runs grow one token to the left while their
/// text is still one of `tails` (every way an accepted text may end), so
/// that only the tokens needed are read.
fn longest_suffix(
    tokens: &mut CueTokens<'_>,
    read: usize,
    max: usize,
    tails: &HashSet<String>,
    key: &mut String,
    accept: impl Fn(&str) -> bool,
) -> Option<usize> {
    let mut longest = None;
    key.clear();
    for n in 1..=max {
        if !tokens.ensure(read + n) {
            break;
        }
        let token = tokens.back(read + n - 1);
        // Joined as a space would join them, but after an elision.
        if !key.is_empty() && !token.ends_with('\'') {
            key.insert(0, ' ');
        }
        key.insert_str(0, token);
        if !tails.contains(key.as_str()) {
            break;
        }
        if accept(key) {
            longest = Some(n);
        }
    }
    longest
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::fold::fold;
    use crate::extract::gazetteer;

    /// The cue tokens of `text`, all of them, in text order.
    fn all_tokens(g: &Gazetteer, text: &str) -> Vec<String> {
        let mut s = Scratch::default();
        let mut t = CueTokens::new(g, text, &mut s.words, &mut s.reversed, &mut s.folded);
        t.ensure(usize::MAX);
        (0..t.reversed.len())
            .rev()
            .map(|k| t.back(k).to_string())
            .collect()
    }

    /// The person cue as first written: every token read, every suffix
    /// length tried from the longest.
    fn eager_person_cue(g: &Gazetteer, text: &str) -> bool {
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
            let abbreviation = last == '.' && g.titles.contains(word);
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
            if word.len() != folded.len() {
                break;
            }
        }
        reversed.reverse();
        let tokens = reversed;
        let longest = |tokens: &[String], max: usize, accept: &dyn Fn(&str) -> bool| {
            (1..=max.min(tokens.len())).rev().find(|&n| {
                let mut key = String::new();
                for token in &tokens[tokens.len() - n..] {
                    if !key.is_empty() && !key.ends_with('\'') {
                        key.push(' ');
                    }
                    key.push_str(token);
                }
                accept(&key)
            })
        };
        let mut end = tokens.len();
        while end > 0 {
            let tail = &tokens[..end];
            if longest(tail, g.max_title_words, &|k| g.titles.contains(k)).is_some() {
                return true;
            }
            if let Some(n) = longest(tail, g.max_complement_words, &|k| g.is_complement(k)) {
                end -= n;
            } else if end < tokens.len() && g.title_connectors.contains(&tokens[end - 1]) {
                end -= 1;
            } else {
                return false;
            }
        }
        false
    }

    const TEXTS: &[&str] = &[
        "",
        " ",
        ",",
        "le président russe",
        "le président russe, ",
        "le porte-parole du Kremlin,",
        "le ministre russe des Affaires étrangères",
        "le ministre de la Défense",
        "le président de",
        "le président.",
        "selon M.",
        "(M.",
        "de l'ONU",
        "l’ONU",
        "x -",
        "x a-",
        "He met Secretary of State",
        "the Foreign Minister",
        "«président",
        "aujourd'hui",
        "qu'",
        "jusqu'au",
        "ÉTAT-MAJOR",
        "a\u{301}",
        "le secrétaire d'État américain",
        "le chef de la diplomatie européenne",
        "l'ambassadeur de France en Syrie",
        "le Premier ministre israélien",
        "Le président syrien",
        "le vice-président américain",
        "le président du Parlement européen",
    ];

    #[test]
    fn the_last_cue_token_is_the_last_of_the_cue_tokens() {
        let g = gazetteer::get();
        for text in TEXTS {
            let last = g.with_last_cue_token(text, str::to_string);
            assert_eq!(last.as_ref(), all_tokens(g, text).last(), "{text:?}");
        }
    }

    #[test]
    fn reading_tokens_as_needed_decides_as_reading_them_all() {
        let g = gazetteer::get();
        let mut texts: Vec<String> = TEXTS.iter().map(|t| t.to_string()).collect();
        // Every word-aligned prefix of two seeds, as the text before a name.
        for seed in [
            include_str!("../../../seeds/000_547d6bcc8b194531.txt"),
            include_str!("../../../seeds/003_46078d7cf27677f4.txt"),
        ] {
            for (i, _) in seed.match_indices(' ') {
                texts.push(seed[..i].to_string());
            }
        }
        for text in &texts {
            assert_eq!(
                g.ends_with_person_cue(text),
                eager_person_cue(g, text),
                "{text:?}"
            );
        }
    }
}
