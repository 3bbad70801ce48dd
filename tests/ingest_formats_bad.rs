//! Bad input in the formats beyond plain text, each a one-line warning
//! naming the file while the rest loads: malformed XML, HTML and JSON, a
//! charset that lies (see ingest_formats.rs), an XML entity bomb and
//! external entities (never expanded, never fetched), a feed of 100,000
//! items and a 50 MB page (both made at test time), and escape sequences
//! in a page's title, site name and text.

use std::path::PathBuf;

use revue::ingest;

fn bad(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats/bad")
        .join(name)
}

/// A good article beside the bad file, to show the rest loads.
fn with_good(dir: &std::path::Path) {
    std::fs::write(
        dir.join("good.txt"),
        "Un bon article\n\nLe texte reste lisible.\n",
    )
    .unwrap();
}

fn one_warning(paths: &[PathBuf], names: &str, says: &str) -> ingest::Ingested {
    let got = ingest::load(paths);
    assert_eq!(got.warnings.len(), 1, "{:?}", got.warnings);
    let w = got.warnings[0].to_string();
    assert!(w.contains(names) && w.contains(says), "{w}");
    assert!(!w.contains('\n'), "one line: {w:?}");
    got
}

#[test]
fn malformed_xml_json_and_html() {
    let dir = tempfile::tempdir().unwrap();
    with_good(dir.path());
    let good = dir.path().join("good.txt");
    let got = one_warning(
        &[bad("broken.xml"), good.clone()],
        "broken.xml",
        "not a readable feed",
    );
    assert_eq!(got.articles.len(), 1);
    let got = one_warning(
        &[bad("broken.json"), good.clone()],
        "broken.json",
        "not valid JSON: EOF while parsing a value (line 3, column 0)",
    );
    assert_eq!(got.articles.len(), 1);
    // Unclosed tags are HTML as browsers read it: the text is all there.
    let got = ingest::load(&[bad("broken.html")]);
    assert!(got.warnings.is_empty(), "{:?}", got.warnings);
    let text = &got.articles[0].text;
    assert!(
        text.contains("sans débat") && text.contains("jamais fermé"),
        "{text:?}"
    );
}

#[test]
fn entities_are_never_expanded_nor_fetched() {
    for name in ["bomb.xml", "external.xml"] {
        let got = ingest::load(&[bad(name)]);
        assert!(got.warnings.is_empty(), "{name}: {:?}", got.warnings);
        let a = &got.articles[0];
        assert!(a.text.len() < 300, "{name}: {} bytes", a.text.len());
        assert!(!a.text.contains("lollol"), "{name}: expanded");
    }
    let got = ingest::load(&[bad("external.xml")]);
    let host = std::fs::read_to_string("/etc/hostname").unwrap_or_default();
    if !host.trim().is_empty() {
        assert!(!got.articles[0].text.contains(host.trim()), "file read");
    }
}

#[test]
fn a_feed_of_100000_items_keeps_the_first_10000() {
    let dir = tempfile::tempdir().unwrap();
    let mut xml =
        String::from("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Huge</title>");
    for i in 0..100_000 {
        xml.push_str(&format!(
            "<item><title>Item {i}</title><link>https://huge.example/{i}</link><description>Texte {i}.</description></item>"
        ));
    }
    xml.push_str("</channel></rss>");
    let path = dir.path().join("huge.xml");
    std::fs::write(&path, xml).unwrap();
    with_good(dir.path());
    let got = one_warning(
        &[dir.path().to_path_buf()],
        "huge.xml",
        "100000 items: the first 10000 read, the rest skipped",
    );
    assert_eq!(got.articles.len(), 10_001);
}

#[test]
fn a_50_mb_page_is_skipped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let mut page = String::from("<html><body><article><p>");
    let filler = "Un paragraphe sans fin. ".repeat(1000);
    while page.len() < 50 * 1024 * 1024 {
        page.push_str(&filler);
    }
    page.push_str("</p></article></body></html>");
    std::fs::write(dir.path().join("big.html"), page).unwrap();
    with_good(dir.path());
    let got = one_warning(
        &[dir.path().to_path_buf()],
        "big.html",
        "page of 50 MB, over the 16 MB a page may have",
    );
    assert_eq!(got.articles.len(), 1);
}

#[test]
fn no_control_sequence_survives_a_page() {
    let got = ingest::load(&[bad("escapes.html")]);
    let a = &got.articles[0];
    let s = &a.source;
    for field in [&a.headline, &a.text, s.outlet.as_ref().unwrap()] {
        assert!(
            !field.chars().any(|c| c.is_control() && c != '\n'),
            "{field:?}"
        );
        assert!(!field.contains('\u{202e}'), "bidi override in {field:?}");
    }
    assert!(a.text.contains("couleur"), "{:?}", a.text);
}

#[test]
fn a_parser_error_quoting_a_control_byte_reaches_no_warning() {
    // A feed broken by a control character inside a closing tag: the XML
    // parser's message quotes the tag, control byte and all.
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.xml");
    std::fs::write(
        &feed,
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Fil</title>\
         <item><title>Un titre</title><link>https://example.org/1</\u{1}\u{1b}[2Jlink>\
         </item></channel></rss>",
    )
    .unwrap();
    let read = ingest::read_file(&feed, &ingest::Options::default());
    assert!(!read.problems.is_empty(), "the broken feed is reported");
    for message in read.problems.iter().chain(&read.notes) {
        assert!(
            !message
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t'),
            "{message:?}"
        );
    }
}
