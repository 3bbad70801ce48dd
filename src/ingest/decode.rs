//! Bytes to clean text: UTF-8 (with or without BOM), else Windows-1252 with a
//! warning; line endings made `\n`; control characters and bidi overrides
//! removed so that article text can never drive a terminal.

/// Decoded text and, when the bytes were not UTF-8, a note saying so.
pub struct Decoded {
    pub text: String,
    pub warning: Option<String>,
}

pub fn decode(bytes: &[u8]) -> Decoded {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let (raw, warning) = match std::str::from_utf8(bytes) {
        Ok(s) => (std::borrow::Cow::Borrowed(s), None),
        Err(_) => {
            // Windows-1252 is a superset of Latin-1's printable range, so
            // one fall-back covers both legacy encodings seen in news dumps.
            let (s, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (
                s,
                Some("not valid UTF-8; decoded as Windows-1252/Latin-1".to_string()),
            )
        }
    };
    Decoded {
        text: sanitize(&raw),
        warning,
    }
}

/// Removes what a terminal would interpret: C0 and C1 controls (except
/// newline and tab), DEL, and bidirectional overrides. CR LF and bare CR
/// become LF. An escape sequence loses its ESC and so shows as inert text.
pub fn sanitize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
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
            c if is_unsafe(c) => {}
            c => out.push(c),
        }
    }
    out
}

fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        || c == '\u{FEFF}'
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
    fn escape_sequences_become_inert() {
        let d = decode(b"a\x1b[31mb\x1b]0;title\x07c\xc2\x9bd\xe2\x80\xaee\x08");
        assert_eq!(d.text, "a[31mb]0;titlecde");
    }
}
