//! Sentence boundaries: a line break, or `.`, `!`, `?` followed by a space
//! (or an opening quote) and a capital, except after abbreviations (`M.`,
//! `Oct.`) and inside numbers (`330.000`).

use std::ops::Range;

// Abbreviations that end with a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "st", "ste", "mr", "mrs", "ms", "jr", "sr",
    "gen", "gén", "col", "lt", "sgt", "gov", "sen", "rep", "prof", "jan", "feb", "fév", "mar",
    "apr", "avr", "jun", "jul", "juil", "aug", "sep", "sept", "oct", "nov", "dec", "déc", "no",
    "vol", "p", "cf", "etc", "env", "vs", "u.s", "u.n", "st",
];

/// Byte ranges of the sentences of `text`, trimmed, never empty.
pub fn split(text: &str) -> Vec<Range<usize>> {
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
            push_trimmed(text, start, end, &mut out);
            start = end;
        }
    }
    if start < bytes.len() {
        push_trimmed(text, start, bytes.len(), &mut out);
    }
    out
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
    !(ABBREVIATIONS.contains(&word) || is_initial)
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
    }

    #[test]
    fn splits_before_a_glued_quote() {
        assert_eq!(
            sents("au cœur des discussions.«Vladimir Poutine a tenu"),
            ["au cœur des discussions.", "«Vladimir Poutine a tenu"]
        );
    }
}
