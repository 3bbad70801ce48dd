//! Any bytes as a file of each format revue reads (HTML page, feed, JSON
//! export, e-mail, mbox, text), the format picked by the first byte through
//! the file's extension, or left to sniffing: reading must never panic, and
//! no byte of what comes out may drive a terminal.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use revue::ingest::{Options, read_bytes};

const NAMES: &[&str] = &[
    "page.html", "feed.xml", "feed.json", "export.jsonl", "letter.eml", "box.mbox", "a.txt",
    "extensionless",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[pick as usize % NAMES.len()];
    let read = read_bytes(Path::new(name), name, bytes, &Options::default());
    for a in &read.articles {
        assert!(!a.text.trim().is_empty(), "an article has text");
        assert_inert(&a.text);
        assert_inert(&a.headline);
        let s = &a.source;
        for field in [&s.outlet, &s.url, &s.author, &s.guid].into_iter().flatten() {
            assert_inert(field);
        }
    }
    // Warnings keep their tabs (harmless); nothing else of control.
    for p in read.problems.iter().chain(&read.notes) {
        assert_inert(&p.replace('\t', " "));
    }
});

fn assert_inert(s: &str) {
    for c in s.chars() {
        assert!(
            c == '\n'
                || !(c.is_control()
                    || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')),
            "{c:?} reached the text"
        );
    }
}
