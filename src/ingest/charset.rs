//! The text of a web page from its bytes: the encoding a BOM gives, else
//! the one a `<meta charset>` or `http-equiv` tag in the first kilobytes
//! declares, else UTF-8 when the bytes are UTF-8, else Windows-1252 (what
//! browsers assume). A declaration that the bytes contradict (a page that
//! says UTF-8 and is not, or says Latin-1 and is UTF-8) loses to the bytes,
//! with a warning: the page's author was wrong, not its text.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into a page a charset declaration is looked for (the HTML
/// standard's prescan reads 1024 bytes; saved pages often put a longer
/// `<head>` first).
const PRESCAN: usize = 4096;

/// A page's text and, when the declared encoding was wrong or the bytes
/// broken, a warning. UTF-8 bytes are their own text, not copied.
pub struct PageText<'a> {
    pub text: Cow<'a, str>,
    pub warning: Option<String>,
}

/// Decodes a page as the module says.
pub fn decode_page(bytes: &[u8]) -> PageText<'_> {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, errors) = enc.decode_without_bom_handling(&bytes[bom..]);
        return PageText {
            text,
            warning: errors.then(|| format!("bytes not valid {}: replaced", enc.name())),
        };
    }
    let declared = declared(&bytes[..bytes.len().min(PRESCAN)]);
    let is_utf8 = simdutf8::basic::from_utf8(bytes).is_ok();
    let (enc, warning) = match declared {
        Some(d) if d == UTF_8 && !is_utf8 => (
            WINDOWS_1252,
            Some("declared UTF-8 but is not: read as Windows-1252".to_string()),
        ),
        // Latin-1 and its Windows superset are what a template declares by
        // default; UTF-8 bytes with non-ASCII in them are no accident.
        Some(d) if d == WINDOWS_1252 && is_utf8 && !bytes.is_ascii() => (
            UTF_8,
            Some(format!("declared {} but is UTF-8: read as UTF-8", d.name())),
        ),
        Some(d) => (d, None),
        None if is_utf8 => (UTF_8, None),
        None => (
            WINDOWS_1252,
            Some("no charset declared and not UTF-8: read as Windows-1252".to_string()),
        ),
    };
    let (text, errors) = enc.decode_without_bom_handling(bytes);
    let warning = warning.or_else(|| {
        errors.then(|| format!("bytes not valid {} as declared: replaced", enc.name()))
    });
    PageText { text, warning }
}

/// The encoding a `<meta charset=…>` or `<meta http-equiv="Content-Type"
/// content="…; charset=…">` names, if known to the Encoding Standard. An
/// XML prolog's `encoding="…"` counts too (XHTML pages).
fn declared(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut at = 0;
    while let Some(i) = find(&lower[at..], b"charset") {
        let mut j = at + i + b"charset".len();
        at = j;
        while lower.get(j).is_some_and(|b| b.is_ascii_whitespace()) {
            j += 1;
        }
        if lower.get(j) != Some(&b'=') {
            continue;
        }
        if let Some(enc) = label_at(&lower, j + 1) {
            return Some(enc);
        }
    }
    let i = find(&lower, b"encoding=")?;
    label_at(&lower, i + b"encoding=".len())
}

/// The encoding label starting at `i` (quotes and spaces skipped).
fn label_at(lower: &[u8], mut i: usize) -> Option<&'static Encoding> {
    while lower
        .get(i)
        .is_some_and(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'')
    {
        i += 1;
    }
    let end = lower[i.min(lower.len())..]
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
        .map_or(lower.len(), |n| i + n);
    let enc = Encoding::for_label(lower.get(i..end)?)?;
    // A page cannot really be UTF-16 once its prolog was read as ASCII:
    // the standard's prescan makes that declaration UTF-8, and so do we.
    Some(if enc.output_encoding() == UTF_8 {
        UTF_8
    } else {
        enc
    })
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_by_bom_declaration_and_bytes() {
        let latin1 = b"<meta charset=\"iso-8859-1\"><p>caf\xe9</p>";
        let p = decode_page(latin1);
        assert!(p.text.contains("café") && p.warning.is_none());
        let http_equiv = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><p>\x93q\x94</p>";
        assert!(decode_page(http_equiv).text.contains("\u{201c}q\u{201d}"));
        let bom = b"\xEF\xBB\xBF<p>\xc3\xa9t\xc3\xa9</p>";
        assert!(decode_page(bom).text.contains("été"));
        let plain = "<p>été</p>".as_bytes();
        assert!(decode_page(plain).warning.is_none());
    }

    #[test]
    fn a_lying_declaration_loses_to_the_bytes() {
        let says_utf8 = b"<meta charset=utf-8><p>caf\xe9</p>";
        let p = decode_page(says_utf8);
        assert!(p.text.contains("café"));
        assert!(p.warning.unwrap().contains("declared UTF-8"));
        let says_latin1 = "<meta charset=iso-8859-1><p>café</p>".as_bytes();
        let p = decode_page(says_latin1);
        assert!(p.text.contains("café"));
        assert!(p.warning.unwrap().contains("is UTF-8"));
    }
}
