//! Bytes to clean text: UTF-8 (with or without BOM), UTF-16 with a BOM,
//! else Windows-1252 with a warning; line endings made `\n`; control,
//! bidi, zero-width and separator characters removed (see [`is_unsafe`])
//! so that article text can never drive a terminal nor hide in an export. Binary files are recognised so that they can be
//! skipped instead of read as garbage.

use std::borrow::Cow;

/// Decoded text, a warning when the bytes were not UTF-8, and notes on
/// what was cleaned on the way (not problems: a BOM, CRLF line endings).
pub struct Decoded {
    pub text: String,
    pub warning: Option<String>,
    pub notes: Vec<String>,
}

/// How much of a file the binary test looks at (as git does).
const SNIFF: usize = 8192;

/// Why `bytes` are not text, if they are not: a NUL byte near the start
/// (no text encoding revue reads has one, UTF-16 with a BOM aside), or
/// mostly control bytes.
pub fn binary(bytes: &[u8]) -> Option<&'static str> {
    if encoding_rs::Encoding::for_bom(bytes).is_some() {
        return None;
    }
    let head = &bytes[..bytes.len().min(SNIFF)];
    if memchr::memchr(0, head).is_some() {
        return Some("binary file (NUL bytes)");
    }
    // ESC is left out: a file full of escape sequences is text, shown inert.
    let controls: usize = head
        .iter()
        .map(|&b| usize::from(b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b)))
        .sum();
    (controls * 10 > head.len()).then_some("binary file (mostly control bytes)")
}

pub fn decode(bytes: &[u8]) -> Decoded {
    let mut notes = Vec::new();
    let (raw, warning) = match encoding_rs::Encoding::for_bom(bytes) {
        Some((enc, bom)) if enc == encoding_rs::UTF_8 => {
            notes.push("UTF-8 byte-order mark removed".to_string());
            utf8_or_legacy(&bytes[bom..])
        }
        Some((enc, bom)) => {
            notes.push(format!("decoded as {}", enc.name()));
            let (s, malformed) = enc.decode_without_bom_handling(&bytes[bom..]);
            let warning =
                malformed.then(|| format!("malformed {}; bad units replaced", enc.name()));
            (s, warning)
        }
        None => utf8_or_legacy(bytes),
    };
    if raw.contains("\r\n") {
        notes.push("CRLF line endings".to_string());
    }
    let (text, removed) = sanitize_counting(&raw);
    if removed > 0 {
        notes.push(format!(
            "{removed} control or bidi characters removed: escape sequences show as plain text"
        ));
    }
    Decoded {
        text: text.into_owned(),
        warning,
        notes,
    }
}

/// UTF-8 as it is; each run of bytes that is not UTF-8 read as
/// Windows-1252 (a superset of Latin-1's printable range, so one fall-back
/// covers both legacy encodings seen in news dumps). A file all in
/// Windows-1252 decodes whole that way; a UTF-8 file with one stray Latin-1
/// byte keeps its UTF-8 (decoding the whole file as Windows-1252 would turn
/// every accented letter into two).
fn utf8_or_legacy(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, Option<String>) {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (std::borrow::Cow::Borrowed(s), None);
    }
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 8);
    let mut legacy = 0;
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        let bad = chunk.invalid();
        if !bad.is_empty() {
            legacy += bad.len();
            out.push_str(&encoding_rs::WINDOWS_1252.decode_without_bom_handling(bad).0);
        }
    }
    let warning = format!(
        "not valid UTF-8; {legacy} byte{} decoded as Windows-1252/Latin-1",
        if legacy == 1 { "" } else { "s" }
    );
    (std::borrow::Cow::Owned(out), Some(warning))
}

/// Drops the end of `bytes` back to the last whole UTF-8 character, so
/// that a file cut at a size limit still decodes as UTF-8 (a character cut
/// in two would send it to the Windows-1252 fall-back). Bytes that are not
/// UTF-8 anyway are left as they are.
pub fn cut_at_character(bytes: &mut Vec<u8>) {
    // A character is at most four bytes: its start is among the last four.
    let tail = bytes.len().saturating_sub(4);
    let Some(start) = (tail..bytes.len()).rev().find(|&i| bytes[i] & 0xC0 != 0x80) else {
        return;
    };
    let needed = match bytes[start] {
        b if b < 0x80 => 1,
        b if b >= 0xF0 => 4,
        b if b >= 0xE0 => 3,
        b if b >= 0xC0 => 2,
        _ => return,
    };
    if bytes.len() - start < needed {
        bytes.truncate(start);
    }
}

/// Removes what a terminal would interpret: C0 and C1 controls (except
/// newline and tab), DEL, and bidirectional overrides. CR LF and bare CR
/// become LF. An escape sequence loses its ESC and so shows as inert text.
pub fn sanitize(s: &str) -> String {
    sanitize_counting(s).0.into_owned()
}

/// [`sanitize`], and how many characters it removed (line endings and tabs,
/// which it only normalises, are not counted). A text with nothing to
/// change comes back borrowed: most article text has nothing, and each
/// is sanitised once more as an article.
pub fn sanitize_counting(s: &str) -> (Cow<'_, str>, usize) {
    let mut out = String::new();
    let mut removed = 0;
    let bytes = s.as_bytes();
    // Text up to `clean` is in `out`; text from it to `i` is kept as is.
    let mut clean = 0;
    let mut i = 0;
    while i < bytes.len() {
        if !MAY_CHANGE[usize::from(bytes[i])] {
            i += 1;
            continue;
        }
        let c = s[i..].chars().next().expect("a character starts at i");
        let len = c.len_utf8();
        let replacement = match c {
            '\r' if bytes.get(i + 1) == Some(&b'\n') => Some(""),
            '\r' => Some("\n"),
            '\t' => Some(" "),
            // A line break that only some programs take for one.
            '\u{2028}' | '\u{2029}' => Some("\n"),
            c if is_unsafe(c) => {
                removed += 1;
                Some("")
            }
            _ => None,
        };
        if let Some(r) = replacement {
            if out.capacity() == 0 {
                out.reserve(s.len());
            }
            out.push_str(&s[clean..i]);
            out.push_str(r);
            clean = i + len;
        }
        i += len;
    }
    if clean == 0 {
        return (Cow::Borrowed(s), removed);
    }
    out.push_str(&s[clean..]);
    (Cow::Owned(out), removed)
}

/// The first bytes of every character that [`sanitize_counting`] changes:
/// C0 controls (newline aside) and DEL; C1 controls (C2 80..9F); the
/// Arabic letter mark (D8 9C); the zero-width characters, bidi marks,
/// overrides and isolates and the separators (E2 ...); the BOM (EF BB BF).
const MAY_CHANGE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b != b'\n' as usize;
        b += 1;
    }
    t[0x7f] = true;
    t[0xc2] = true;
    t[0xd8] = true;
    t[0xe2] = true;
    t[0xef] = true;
    t
};

/// Whether `c` must not reach a terminal or an export: controls (C0, DEL,
/// C1), the bidi marks, embeddings, overrides and isolates (which reorder
/// what follows on screen), the zero-width characters and the BOM (which
/// hide text or tell two alike-looking names apart), and the line and
/// paragraph separators (which some terminals and editors break lines at,
/// others not). Newline and tab are controls too: callers that keep them
/// test for them first.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_and_crlf() {
        let d = decode(b"\xEF\xBB\xBFLigne un\r\nLigne deux\rtrois");
        assert_eq!(d.text, "Ligne un\nLigne deux\ntrois");
        assert!(d.warning.is_none());
    }

    #[test]
    fn windows_1252_falls_back_with_warning() {
        let d = decode(b"Le pr\xe9sident \x93russe\x94");
        assert_eq!(d.text, "Le président “russe”");
        assert!(d.warning.is_some());
    }

    #[test]
    fn a_stray_latin1_byte_leaves_the_utf8_as_it_is() {
        let mut bytes = "Le président “russe” à Alep, ".as_bytes().to_vec();
        bytes.extend(b"caf\xe9.");
        let d = decode(&bytes);
        assert_eq!(d.text, "Le président “russe” à Alep, café.");
        let w = d.warning.unwrap();
        assert!(w.contains("1 byte decoded as Windows-1252"), "{w}");
    }

    #[test]
    fn escape_sequences_become_inert() {
        let d = decode(b"a\x1b[31mb\x1b]0;title\x07c\xc2\x9bd\xe2\x80\xaee\x08");
        assert_eq!(d.text, "a[31mb]0;titlecde");
    }

    #[test]
    fn notes_say_what_was_cleaned() {
        let d = decode(b"\xEF\xBB\xBFun\r\ndeux \x1b[2J");
        assert_eq!(d.text, "un\ndeux [2J");
        assert_eq!(d.notes.len(), 3, "{:?}", d.notes);
        assert!(decode(b"plain text\n").notes.is_empty());
    }

    #[test]
    fn invisible_characters_are_removed_and_separators_break_lines() {
        let d =
            decode("a\u{061C}b\u{200B}c\u{200C}d\u{200D}e\u{2060}f\u{200E}g\u{2066}h".as_bytes());
        assert_eq!(d.text, "abcdefgh");
        assert_eq!(
            decode("un\u{2028}deux\u{2029}trois".as_bytes()).text,
            "un\ndeux\ntrois"
        );
        // Arabic letters share U+061C's first byte and stay.
        assert_eq!(
            decode("\u{0627}\u{0644}".as_bytes()).text,
            "\u{0627}\u{0644}"
        );
    }

    #[test]
    fn a_cut_drops_a_split_character_only() {
        for (bytes, kept) in [
            (&b"abc"[..], 3),
            ("a\u{e9}".as_bytes(), 3),
            (&"a\u{e9}".as_bytes()[..2], 1),
            (&"a\u{20ac}".as_bytes()[..3], 1),
            (&"a\u{1F600}".as_bytes()[..4], 1),
            (&b""[..], 0),
        ] {
            let mut v = bytes.to_vec();
            cut_at_character(&mut v);
            assert_eq!(v.len(), kept, "{bytes:?}");
        }
    }

    #[test]
    fn utf16_with_a_bom_is_text() {
        let bytes: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Été à Alep".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(binary(&bytes), None);
        let d = decode(&bytes);
        assert_eq!(d.text, "Été à Alep");
        assert!(d.warning.is_none());
    }

    #[test]
    fn binary_files_are_recognised() {
        assert!(binary(b"\x7fELF\x02\x01\x01\x00\x00").is_some());
        assert!(binary(&[1, 2, 3, 4, 5, 6, 7, b'a', b'b']).is_some());
        assert!(binary("texte accentué\r\n\x1b[31m".as_bytes()).is_none());
        assert!(binary(b"Le pr\xe9sident").is_none());
        assert!(binary(b"").is_none());
    }

    /// The definition: one character at a time.
    fn sanitize_slowly(s: &str) -> (String, usize) {
        let mut out = String::new();
        let mut removed = 0;
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\r' => {
                    if chars.peek() != Some(&'\n') {
                        out.push('\n');
                    }
                }
                '\n' => out.push('\n'),
                '\t' => out.push(' '),
                '\u{2028}' | '\u{2029}' => out.push('\n'),
                c if is_unsafe(c) => removed += 1,
                c => out.push(c),
            }
        }
        (out, removed)
    }

    #[test]
    fn sanitizing_by_bytes_is_sanitizing_by_characters() {
        let mut all: String = (0..0x3000).filter_map(char::from_u32).collect();
        all.extend(['\u{FEFF}', '\u{FFFD}', '\u{EFFF}', '\u{1F600}', '\r']);
        let (text, removed) = sanitize_counting(&all);
        assert_eq!((text.into_owned(), removed), sanitize_slowly(&all));
        for t in [
            "",
            "\r",
            "\r\n",
            "\n\r",
            "a\r\r\nb\t\u{85}c\u{202E}d\u{FEFF}",
        ] {
            let (text, removed) = sanitize_counting(t);
            assert_eq!((text.into_owned(), removed), sanitize_slowly(t), "{t:?}");
        }
    }
}
