//! Copying to the clipboard of the terminal the analyst sits at: OSC 52,
//! which terminals, tmux (`set-clipboard on`) and ssh pass on, so it works
//! where no clipboard program can be reached.

use super::AppState;
use crate::model::Corpus;

/// What the copy key takes, and a word for the status line: the sentence
/// the reader marks (opened from the timeline or an entity), else the
/// article's URL where it has one, else its headline; the selected
/// article's URL or headline in the list.
pub fn what_to_copy(state: &AppState, corpus: &Corpus) -> Option<(&'static str, String)> {
    let id = state.current_article()?;
    let a = corpus.article(id);
    if let Some(i) = state.reader().and_then(|r| r.sentence) {
        let sentence = a.sentence(i).trim();
        if !sentence.is_empty() {
            return Some(("sentence", sentence.to_string()));
        }
    }
    match &a.source.url {
        Some(url) => Some(("URL", url.clone())),
        None => Some(("headline", a.headline.clone())),
    }
}

/// The escape sequence that puts `text` on the clipboard: OSC 52 with the
/// text in base64, ended by BEL (which every terminal that knows OSC 52
/// takes; some take no ST).
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Standard base64 with padding (RFC 4648).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_as_the_rfc_gives_it() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded, "{plain}");
        }
        assert_eq!(base64("é".as_bytes()), "w6k=");
    }

    #[test]
    fn the_sequence_carries_nothing_but_base64() {
        let s = osc52("a\x1b]0;title\x07b");
        assert!(s.starts_with("\x1b]52;c;") && s.ends_with('\x07'));
        let body = &s["\x1b]52;c;".len()..s.len() - 1];
        assert!(
            body.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
        );
    }
}
