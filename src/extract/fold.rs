//! Folding text for comparison: lower case, no diacritics, one kind of
//! apostrophe and hyphen. `Erdoğan`, `ERDOGAN` and `erdogan` fold alike.
//!
//! Folding is defined by `fold_slow` (NFKD, combining marks dropped, a few
//! letters spelled out, lower case). Most text folds character by character,
//! so the folds of the characters below `TABLE_END` are computed once, by
//! that definition, into a table; a string with a character the table does
//! not hold is folded the slow way as a whole. Both ways give the same text.

use std::cell::RefCell;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{canonical_combining_class, is_combining_mark};

/// Lower-cases and strips diacritics; typographic apostrophes become `'`.
/// Hyphens are kept (see [`fold_name`] for names).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`], appended to `out`.
pub fn fold_into(s: &str, out: &mut String) {
    // Most words are plain ASCII: no decomposition needed.
    if s.bytes().all(|b| b.is_ascii() && b != b'`') {
        let start = out.len();
        out.push_str(s);
        out[start..].make_ascii_lowercase();
        return;
    }
    let base = out.len();
    let table = &*TABLE;
    for c in s.chars() {
        match table.get(c) {
            Some(f) => out.push_str(f),
            None => {
                out.truncate(base);
                fold_slow(s, out);
                return;
            }
        }
    }
}

/// The definition of folding, one decomposition of the whole string.
fn fold_slow(s: &str, out: &mut String) {
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
}

/// Characters below this fold through the table.
const TABLE_END: u32 = 0x3000;

/// The fold of each character below [`TABLE_END`], where folding it alone
/// is what folding it inside any text gives: true when everything its
/// decomposition keeps is a starter (canonical combining class 0), which
/// canonical reordering never moves.
struct FoldTable {
    text: String,
    /// `offset << 8 | len` into `text`, or `u32::MAX` for no entry.
    index: Vec<u32>,
}

impl FoldTable {
    fn build() -> Self {
        let mut text = String::new();
        let mut index = Vec::with_capacity(TABLE_END as usize);
        let mut one = String::new();
        for cp in 0..TABLE_END {
            let Some(c) = char::from_u32(cp) else {
                index.push(u32::MAX);
                continue;
            };
            let keeps_starters_only = std::iter::once(c)
                .nfkd()
                .all(|d| is_combining_mark(d) || canonical_combining_class(d) == 0);
            one.clear();
            let mut buf = [0u8; 4];
            fold_slow(c.encode_utf8(&mut buf), &mut one);
            let offset = text.len();
            if !keeps_starters_only || one.len() > 255 || offset >= 1 << 24 {
                index.push(u32::MAX);
                continue;
            }
            text.push_str(&one);
            index.push((offset as u32) << 8 | one.len() as u32);
        }
        FoldTable { text, index }
    }

    #[inline]
    fn get(&self, c: char) -> Option<&str> {
        let e = *self.index.get(c as usize)?;
        if e == u32::MAX {
            return None;
        }
        let (offset, len) = ((e >> 8) as usize, (e & 0xff) as usize);
        Some(&self.text[offset..offset + len])
    }
}

static TABLE: LazyLock<FoldTable> = LazyLock::new(FoldTable::build);

/// Folds a name for identity: like [`fold`], with hyphens and runs of spaces
/// made single spaces, so `Moyen-Orient` = `moyen orient`.
pub fn fold_name(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_name_into(s, &mut out);
    out
}

/// [`fold_name`], appended to `out`: the fold's words, split on hyphens
/// and white space, joined by single spaces.
pub fn fold_name_into(s: &str, out: &mut String) {
    let base = out.len();
    let mut pending = false;
    out.reserve(s.len());
    if s.bytes().all(|b| b.is_ascii() && b != b'`') {
        fold_ascii_name_into(s, base, out);
        return;
    }
    let table = &*TABLE;
    for c in s.chars() {
        match table.get(c) {
            Some(f) => f
                .chars()
                .for_each(|d| join_char(out, base, &mut pending, d)),
            None => {
                out.truncate(base);
                let mut folded = String::with_capacity(s.len());
                fold_slow(s, &mut folded);
                pending = false;
                folded
                    .chars()
                    .for_each(|d| join_char(out, base, &mut pending, d));
                return;
            }
        }
    }
}

/// [`fold_name_into`] of plain ASCII without a backquote: its words
/// lower-cased a slice at a time, not a character at a time.
fn fold_ascii_name_into(s: &str, base: usize, out: &mut String) {
    // `-` and what `char::is_whitespace` says of ASCII.
    let is_separator = |b: u8| matches!(b, b'-' | b' ' | b'\t'..=b'\r');
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && is_separator(bytes[i]) {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && !is_separator(bytes[i]) {
            i += 1;
        }
        if start < i {
            if out.len() > base {
                out.push(' ');
            }
            let at = out.len();
            out.push_str(&s[start..i]);
            out[at..].make_ascii_lowercase();
        }
    }
}

#[inline]
fn join_char(out: &mut String, base: usize, pending: &mut bool, c: char) {
    if c == '-' || c.is_whitespace() {
        *pending = true;
        return;
    }
    if *pending && out.len() > base {
        out.push(' ');
    }
    *pending = false;
    out.push(c);
}

/// Folds one character to the ASCII-ish lower-case letters it stands for;
/// used where byte offsets of the original text must be kept.
pub fn fold_char(c: char) -> String {
    let mut buf = [0u8; 4];
    fold(c.encode_utf8(&mut buf))
}

thread_local! {
    static KEY: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Runs `f` on `s` folded as [`fold_name`] folds it, in a buffer kept for
/// the purpose (no allocation once it has grown).
pub fn with_fold_name<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    with_buffer(s, fold_name_into, f)
}

/// Runs `f` on `s` folded as [`fold`] folds it, in the same kind of buffer
/// as [`with_fold_name`].
pub fn with_fold<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    with_buffer(s, fold_into, f)
}

/// `f` on `s` as `into` writes it, in the thread's buffer; in a buffer of
/// its own when `f` itself folds (the thread's is borrowed then).
fn with_buffer<R>(s: &str, into: fn(&str, &mut String), f: impl FnOnce(&str) -> R) -> R {
    KEY.with(|k| match k.try_borrow_mut() {
        Ok(mut buf) => {
            buf.clear();
            into(s, &mut buf);
            f(&buf)
        }
        Err(_) => {
            let mut own = String::new();
            into(s, &mut own);
            f(&own)
        }
    })
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

    fn slow(s: &str) -> String {
        let mut out = String::new();
        fold_slow(s, &mut out);
        out
    }

    fn slow_name(s: &str) -> String {
        let f = slow(s);
        let words: Vec<&str> = f
            .split(|c: char| c == '-' || c.is_whitespace())
            .filter(|w| !w.is_empty())
            .collect();
        words.join(" ")
    }

    #[test]
    fn plain_ascii_names_fold_as_the_definition_does() {
        // Separators of every kind, in runs, at both ends and between words.
        let alphabet = [
            'a', 'Z', 'q', '.', '\'', '7', ' ', '-', '\t', '\n', '\u{b}', '\u{c}', '\r', '\u{1f}',
        ];
        let mut rng = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..20_000 {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            let n = (rng % 9) as usize;
            let s: String = (0..n)
                .map(|k| alphabet[((rng >> (4 * k + 8)) % alphabet.len() as u64) as usize])
                .collect();
            assert_eq!(fold_name(&s), slow_name(&s), "{s:?}");
            let mut buf = String::from("x-");
            fold_name_into(&s, &mut buf);
            assert_eq!(buf, format!("x-{}", slow_name(&s)), "{s:?}");
        }
        assert_eq!(fold_name(" -Bank  of\tEngland- "), "bank of england");
    }

    #[test]
    fn the_table_folds_as_the_definition_does() {
        let mut rng = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            rng
        };
        let chars: Vec<char> = (0..0x3400).filter_map(char::from_u32).collect();
        for &c in &chars {
            let s = c.to_string();
            assert_eq!(fold(&s), slow(&s), "{c:?}");
            assert_eq!(fold_name(&s), slow_name(&s), "{c:?}");
        }
        // Marks and letters mixed, where reordering would show.
        let marks = [
            '\u{301}', '\u{327}', '\u{345}', '\u{5b0}', '\u{e48}', ' ', '-', 'a', 'É',
        ];
        for _ in 0..20_000 {
            let n = (next() % 8) as usize;
            let s: String = (0..n)
                .map(|_| {
                    if next() % 2 == 0 {
                        marks[(next() % marks.len() as u64) as usize]
                    } else {
                        chars[(next() % chars.len() as u64) as usize]
                    }
                })
                .collect();
            assert_eq!(fold(&s), slow(&s), "{s:?}");
            assert_eq!(fold_name(&s), slow_name(&s), "{s:?}");
            let mut buf = String::from("x-");
            fold_name_into(&s, &mut buf);
            assert_eq!(buf, format!("x-{}", slow_name(&s)));
            assert_eq!(with_fold_name(&s, str::to_string), slow_name(&s));
            // Nested, the inner call gets a buffer of its own.
            let (outer, inner) = with_fold(&s, |f| (f.to_string(), with_fold(&s, str::to_string)));
            assert_eq!(
                (outer.as_str(), inner.as_str()),
                (slow(&s).as_str(), slow(&s).as_str())
            );
        }
    }
}
