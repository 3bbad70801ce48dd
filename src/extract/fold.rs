//! Folding text for comparison: lower case, no diacritics, one kind of
//! apostrophe and hyphen. `Erdoğan`, `ERDOGAN` and `erdogan` fold alike.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower-cases and strips diacritics; typographic apostrophes become `'`.
/// Hyphens are kept (see [`fold_name`] for names).
pub fn fold(s: &str) -> String {
    // Most words are plain ASCII: no decomposition needed.
    if s.bytes().all(|b| b.is_ascii() && b != b'`') {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.nfkd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '´' => out.push('\''),
            '\u{2010}' | '\u{2011}' | '\u{2013}' => out.push('-'),
            'ı' => out.push('i'),
            'ø' | 'Ø' => out.push('o'),
            'ł' | 'Ł' => out.push('l'),
            'đ' | 'Đ' => out.push('d'),
            'ß' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Folds a name for identity: like [`fold`], with hyphens and runs of spaces
/// made single spaces, so `Moyen-Orient` = `moyen orient`.
pub fn fold_name(s: &str) -> String {
    let f = fold(s);
    let mut out = String::with_capacity(f.len());
    for w in f
        .split(|c: char| c == '-' || c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Folds one character to the ASCII-ish lower-case letters it stands for;
/// used where byte offsets of the original text must be kept.
pub fn fold_char(c: char) -> String {
    let mut buf = [0u8; 4];
    fold(c.encode_utf8(&mut buf))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_diacritics_and_marks() {
        assert_eq!(fold("Erdoğan"), "erdogan");
        assert_eq!(fold("ÉTAT"), "etat");
        assert_eq!(fold("l’ONU"), "l'onu");
        assert_eq!(fold("Choïgou"), "choigou");
        assert_eq!(fold_name("Moyen-Orient"), "moyen orient");
        assert_eq!(fold_name("  Corée   du Nord "), "coree du nord");
        assert_eq!(fold("œuvre"), "oeuvre");
    }
}
