//! Sentence boundaries: a line break, or `.`, `!`, `?` followed by a space
//! (or an opening quote) and a capital, except after abbreviations (`M.`,
//! `Oct.`) and inside numbers (`330.000`). A sentence longer than
//! [`MAX_SENTENCE_BYTES`] (a page without punctuation, a pasted log) is cut
//! into pieces of at most that length, at spaces where it has them: the
//! steps after this one may cost more than linear time in one sentence's
//! length, and no real sentence comes near the limit.

use std::ops::Range;

// Abbreviations that end with a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "st", "ste", "mr", "mrs", "ms", "jr", "sr",
    "gen", "gén", "col", "lt", "sgt", "gov", "sen", "rep", "prof", "jan", "feb", "fév", "mar",
    "apr", "avr", "jun", "jul", "juil", "aug", "sep", "sept", "oct", "nov", "dec", "déc", "no",
    "vol", "p", "cf", "etc", "env", "vs", "u.s", "u.n", "st",
];

/// The longest sentence kept whole, in bytes (about 600 words).
pub const MAX_SENTENCE_BYTES: usize = 4096;

/// Byte ranges of the sentences of `text`, trimmed, never empty, none
/// longer than [`MAX_SENTENCE_BYTES`].
pub fn split(text: &str) -> Vec<Range<usize>> {
    split_counting(text).0
}

/// How many sentences of `text` [`split`] cuts for being too long, and the
/// longest of them in bytes. A sentence never spans a line break, so text
/// without a line that long has none, and is not split to know it.
pub fn overlong(text: &str) -> (usize, usize) {
    let mut start = 0;
    let long_line = memchr::memchr_iter(b'\n', text.as_bytes())
        .chain([text.len()])
        .any(|end| {
            let long = end - start > MAX_SENTENCE_BYTES;
            start = end + 1;
            long
        });
    if long_line {
        split_counting(text).1
    } else {
        (0, 0)
    }
}

/// [`split`], and how many sentences it cut with the longest one's length.
fn split_counting(text: &str) -> (Vec<Range<usize>>, (usize, usize)) {
    let mut cut = (0, 0);
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    // The marks are ASCII, or `…` (E2 80 A6), whose bytes start no other
    // character: a byte scan finds them where the characters are.
    for (i, &b) in bytes.iter().enumerate() {
        let (end, boundary) = match b {
            b'\n' => (i + 1, true),
            b'.' | b'!' | b'?' => (i + 1, ends_sentence(text, start, i, i + 1)),
            0xE2 if bytes[i + 1..].starts_with(&[0x80, 0xA6]) => {
                (i + 3, ends_sentence(text, start, i, i + 3))
            }
            _ => continue,
        };
        if boundary {
            push_capped(text, start, end, &mut out, &mut cut);
            start = end;
        }
    }
    if start < bytes.len() {
        push_capped(text, start, bytes.len(), &mut out, &mut cut);
    }
    (out, cut)
}

/// Pushes the sentence `start..end` in pieces of at most
/// [`MAX_SENTENCE_BYTES`], each cut after the last space that fits (or at
/// a character boundary, in a run without spaces), counting the cut one.
fn push_capped(
    text: &str,
    mut start: usize,
    end: usize,
    out: &mut Vec<Range<usize>>,
    cut: &mut (usize, usize),
) {
    let len = text[start..end].trim().len();
    if len > MAX_SENTENCE_BYTES {
        *cut = (cut.0 + 1, cut.1.max(len));
    }
    while end - start > MAX_SENTENCE_BYTES {
        let mut at = start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        if let Some(space) = text[start..at].rfind(' ').filter(|&i| i > 0) {
            at = start + space + 1;
        }
        push_trimmed(text, start, at, out);
        start = at;
    }
    push_trimmed(text, start, end, out);
}

fn ends_sentence(text: &str, start: usize, at: usize, end: usize) -> bool {
    let rest = &text[end..];
    let mut after = rest.chars();
    let next = after.next();
    let next_starts_sentence = match next {
        None => true,
        Some(' ') | Some('\u{a0}') => {
            let rest = rest.trim_start_matches([' ', '\u{a0}', '"', '«', '“', '(', '-', '—']);
            rest.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        }
        // "discussions.«Vladimir" happens in copied text.
        Some('«') | Some('"') | Some('“') => true,
        Some(c) => c.is_uppercase() && text[..at].chars().last().is_some_and(|p| p.is_lowercase()),
    };
    if !next_starts_sentence {
        return false;
    }
    if text[..at].ends_with("..") {
        return true;
    }
    // After the separator, whatever its length in bytes (`«`, a no-break
    // space): `p + 1` cut a character in two and panicked.
    let word_start = text[start..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '(' || c == '«' || c == '"')
        .map(|(p, c)| start + p + c.len_utf8())
        .unwrap_or(start);
    let word = text[word_start..at].to_lowercase();
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    // A single capital before the period is an initial (J. Smith).
    let is_initial =
        word.chars().count() == 1 && text[word_start..at].chars().all(char::is_uppercase);
    !(ABBREVIATIONS.contains(&word) || is_initial || opens_with_initials(text, word_start, at))
}

/// `senators, J.D. Vance`, `Sen. J.D. Harlan`: capitals with their periods
/// (`J.D.`) after anything but a lowercase word are a given name's
/// initials, not the end of a sentence; after one (`at M.I.T.`) they may
/// well end it.
fn opens_with_initials(text: &str, word_start: usize, at: usize) -> bool {
    let word = &text[word_start..at];
    let parts: Vec<&str> = word.split('.').collect();
    let initials = parts.len() >= 2
        && parts
            .iter()
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase));
    let before = text[..word_start].trim_end();
    let after_lowercase_word = before.chars().next_back().is_some_and(|c| c.is_lowercase());
    initials && !after_lowercase_word
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(start + lead..end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(t: &str) -> Vec<&str> {
        split(t).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn splits_on_punctuation_and_lines() {
        assert_eq!(
            sents("Un titre\nPremière phrase. Deuxième ! Trois?"),
            ["Un titre", "Première phrase.", "Deuxième !", "Trois?"]
        );
    }

    #[test]
    fn keeps_abbreviations_numbers_and_initials() {
        assert_eq!(
            sents("M. Poutine a parlé. 330.000 morts. Oct. 20 fut calme."),
            [
                "M. Poutine a parlé.",
                "330.000 morts.",
                "Oct. 20 fut calme."
            ]
        );
        assert_eq!(
            sents("George W. Bush est venu."),
            ["George W. Bush est venu."]
        );
        // Initials of a given name; a country's initials may end a sentence.
        let rows: &[(&str, &[&str])] = &[
            (
                "Two senators, J.D. Vance and Ann Lee, voted no.",
                &["Two senators, J.D. Vance and Ann Lee, voted no."],
            ),
            (
                "Sen. J.D. Harlan asked why.",
                &["Sen. J.D. Harlan asked why."],
            ),
            (
                "He studied at M.I.T. Then he left.",
                &["He studied at M.I.T.", "Then he left."],
            ),
        ];
        for (text, want) in rows {
            assert_eq!(sents(text), *want, "{text}");
        }
    }

    #[test]
    fn overlong_sentences_are_cut_at_spaces_and_counted() {
        let long = "Moscou ".repeat(2_000);
        let text = format!("Une phrase courte.\n{long}\nFin.");
        let pieces = split(&text);
        assert!(pieces.iter().all(|r| r.len() <= MAX_SENTENCE_BYTES));
        assert!(pieces.iter().all(|r| text[r.clone()].ends_with("Moscou")
            || !text[r.clone()].contains("Moscou")));
        let rejoined: Vec<&str> = pieces.iter().map(|r| &text[r.clone()]).collect();
        // Joined again by single spaces: the text less its line breaks and the
        // space before the second.
        assert_eq!(rejoined.join(" ").len(), text.len() - 1);
        assert_eq!(overlong(&text), (1, long.trim().len()));
        assert_eq!(overlong("Court.\nAussi."), (0, 0));
        // No space at all: cut on character boundaries.
        let word = "é".repeat(5_000);
        assert!(split(&word).iter().all(|r| r.len() <= MAX_SENTENCE_BYTES));
        assert_eq!(overlong(&word), (1, word.len()));
    }

    #[test]
    fn splits_before_a_glued_quote() {
        assert_eq!(
            sents("au cœur des discussions.«Vladimir Poutine a tenu"),
            ["au cœur des discussions.", "«Vladimir Poutine a tenu"]
        );
    }
}
