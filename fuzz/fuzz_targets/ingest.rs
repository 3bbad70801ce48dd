//! Any bytes as an article file: decoding, the sanitizer, the header, the
//! `*****` split and the headline must never panic, and what comes out must
//! hold nothing a terminal would interpret.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use revue::ingest::{decode, parse_file};

fuzz_target!(|data: &[u8]| {
    let decoded = decode::decode(data);
    assert_inert(&decoded.text);
    let (articles, _problems) = parse_file("f.txt", Path::new("f.txt"), &decoded.text);
    for (i, a) in articles.iter().enumerate() {
        assert_eq!(a.part, i + 1);
        assert!(!a.text.trim().is_empty(), "an article has text");
        assert_inert(&a.text);
        assert_inert(&a.headline);
    }
    // Sanitizing is idempotent: clean text stays as it is.
    assert_eq!(decode::sanitize(&decoded.text), decoded.text);
});

fn assert_inert(s: &str) {
    for c in s.chars() {
        assert!(
            c == '\n' || !(c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')),
            "{c:?} reached the text"
        );
    }
}
