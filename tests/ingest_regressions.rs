//! Inputs that once crashed revue or made it crawl, each kept as a test:
//! found by the fuzz targets in fuzz/ or by the bad-input fixtures.

use std::path::Path;

use revue::extract::{self, sentences};
use revue::ingest::{decode, parse_file};

/// The whole way from bytes to annotations, as revue reads a file.
fn through_everything(bytes: &[u8]) {
    let text = decode::decode(bytes).text;
    let (articles, _) = parse_file("f.txt", Path::new("f.txt"), &text);
    for a in articles {
        extract::annotate(&a.text, a.header_date);
    }
}

/// A period after a word that follows a multi-byte separator (`«`, a
/// no-break space) cut a character in two in `sentences::split`. Found in
/// a Windows-1252 file read with its 0xA0 bytes (no-break spaces).
#[test]
fn a_sentence_end_after_a_multibyte_separator() {
    for text in [
        "Il a dit «Non. Jamais» hier.",
        "Le\u{a0}Kremlin. Puis Moscou.",
        "Un\u{202f}mot. Encore.",
    ] {
        let ranges = sentences::split(text);
        assert!(ranges.len() >= 2, "{text:?}: {ranges:?}");
    }
    through_everything(b"Il a dit \xabNon. Jamais\xbb hier.\xa0Oui. Non.");
}

/// A capitalised word followed by connectors up to the end of a sentence
/// (`… Bachar el-` then nothing) read the token after the last one in
/// `entities::run_end`. Found by the extract fuzz target in its first
/// minutes (crash-dccb5bdac706eafdc4a0e034bb683c6f6f1cd507).
#[test]
fn connectors_at_the_end_of_a_sentence() {
    for text in [
        "La visite de Bachar al",
        "Rencontre avec Bachar el-",
        "Il parle de Paris de la",
        "Hostile à Bachar el-,Assad et à Moscou du",
    ] {
        extract::annotate(text, None);
    }
    let crash: &[u8] = b"La \x8aurquie est en\x92\x00\x00\x00anche hostile \xc3\x91 Bachar \
el-,Assad sanvendrediir pour aion aux multiples visag\x91 Bachar el-,Assad sanvend\n;\x0bLa \x8aurquie \
est en\x92\x00\x00\x00anche hostile";
    extract::annotate(&String::from_utf8_lossy(crash), None);
}
