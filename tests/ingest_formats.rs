//! Every format read from disk, field by field, on the fixtures of
//! tests/fixtures/formats/ (pages, feeds, JSON exports, mail, written for
//! these tests): what each gives as text, headline, source, URL, author
//! and timestamp; duplicates merged; `revue check` naming each file's
//! format and what it found.

mod cli_common;

use std::path::PathBuf;

use cli_common::{Sandbox, stdout};
use revue::ingest::{self, Format, RawArticle};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name)
}

fn read(name: &str) -> Vec<RawArticle> {
    let got = ingest::load(&[fixture(name)]);
    assert!(got.warnings.is_empty(), "{name}: {:?}", got.warnings);
    got.articles
}

fn published(a: &RawArticle) -> String {
    a.source
        .published
        .map(|t| t.to_string())
        .unwrap_or_default()
}

#[test]
fn html_page_gives_the_article_and_its_metadata() {
    let a = read("page.html");
    assert_eq!(a.len(), 1);
    let a = &a[0];
    assert_eq!(a.source.format, Format::Html);
    assert_eq!(a.headline, "Le port de Brest rouvre après la tempête");
    assert_eq!(a.source.outlet.as_deref(), Some("La Vigie de l'Ouest"));
    assert_eq!(a.source.author.as_deref(), Some("Maëlle Kerbrat"));
    assert_eq!(
        a.source.url.as_deref(),
        Some("https://vigie-ouest.example/mer/2026/11/28/port-de-brest-rouvre")
    );
    assert_eq!(published(a), "2026-11-28T09:15:00+01:00");
    assert_eq!(
        a.source.modified.map(|t| t.to_string()).as_deref(),
        Some("2026-11-28T18:40:00+01:00")
    );
    assert_eq!(a.published.unwrap().to_string(), "2026-11-28");
    for kept in [
        "a rouvert samedi matin",
        "préfecture maritime",
        "Hervé Le Gall",
    ] {
        assert!(a.text.contains(kept), "{kept:?} missing from {:?}", a.text);
    }
    for chrome in [
        "Accueil",
        "PUBLICITÉ",
        "Photo : agence fictive",
        "Lire aussi",
        "Jeanlouis29",
        "mentions légales",
    ] {
        assert!(!a.text.contains(chrome), "{chrome:?} left in {:?}", a.text);
    }
}

#[test]
fn charsets_from_declarations_and_bytes() {
    let got = ingest::load(&[fixture("bad/latin1.html")]);
    assert!(got.warnings.is_empty(), "{:?}", got.warnings);
    assert!(got.articles[0].text.contains("Les élèves de Besançon"));
    // Declared UTF-8, written in Latin-1: the bytes win, with a warning.
    let got = ingest::load(&[fixture("bad/lying.html")]);
    assert!(got.articles[0].text.contains("Le café de la gare"));
    assert_eq!(got.warnings.len(), 1);
    assert!(
        got.warnings[0]
            .to_string()
            .contains("lying.html: declared UTF-8")
    );
}

#[test]
fn an_extensionless_page_is_found_by_its_content() {
    let a = read("bad/saved-page");
    assert_eq!(a[0].source.format, Format::Html);
    assert_eq!(a[0].source.outlet.as_deref(), Some("Le Guetteur"));
}

#[test]
fn rss_items_with_link_guid_author_and_content() {
    let a = read("rss.xml");
    assert_eq!(a.len(), 2);
    assert!(a.iter().all(|a| a.source.format == Format::Feed));
    assert!(
        a.iter()
            .all(|a| a.source.outlet.as_deref() == Some("Le Courrier du Rhône"))
    );
    assert_eq!(
        a[0].headline,
        "Le métro lyonnais prolongé jusqu'à Vaulx-en-Velin"
    );
    assert_eq!(a[0].source.author.as_deref(), Some("Paul Verdier"));
    assert_eq!(a[0].source.guid.as_deref(), Some("courrier-rhone-4411"));
    assert_eq!(
        a[0].source.url.as_deref(),
        Some("https://courrier-rhone.example/transports/metro-prolonge")
    );
    // The moment in the zone the feed wrote it in (feed-rs alone gives UTC).
    assert_eq!(published(&a[0]), "2026-11-27T17:30:00+01:00");
    assert!(a[0].text.contains("400 millions d'euros") && a[0].text.contains("en 2028"));
    assert!(
        !a[0].text.contains("Perrache"),
        "caption kept: {:?}",
        a[0].text
    );
    assert!(!a[0].source.summary_only);
    assert!(a[1].source.summary_only);
    assert!(a[1].text.contains("2 000 policiers"));
}

#[test]
fn atom_in_an_xml_file_and_json_feed() {
    let a = read("atom.xml");
    assert_eq!(a[0].source.format, Format::Feed);
    assert_eq!(a[0].source.outlet.as_deref(), Some("Nouvelles de Montréal"));
    assert_eq!(a[0].source.author.as_deref(), Some("Sophie Tremblay"));
    assert_eq!(published(&a[0]), "2026-11-29T09:00:00-05:00");
    assert_eq!(
        a[0].text,
        "La STM annonce une nouvelle ligne de bus express\n\nLa Société de transport de Montréal a annoncé dimanche une ligne express entre Laval et le centre-ville.\n\nLe service commencera en janvier."
    );
    let a = read("feed.json");
    assert_eq!(a[0].source.format, Format::Feed);
    assert_eq!(a[0].source.outlet.as_deref(), Some("The Harbour Gazette"));
    assert_eq!(a[0].source.author.as_deref(), Some("Liam O'Connor"));
    assert_eq!(a[0].headline, "Ferry strike ends after nine days");
    assert!(a[0].text.contains("Service to Dartmouth resumed at noon."));
}

#[test]
fn json_lines_and_api_exports() {
    let a = read("articles.jsonl");
    assert_eq!(a.len(), 2);
    assert_eq!(a[0].source.format, Format::Json);
    assert_eq!(a[0].headline, "Valley bridge reopens to traffic");
    assert_eq!(a[0].source.outlet.as_deref(), Some("dailyvalley.example"));
    assert_eq!(a[0].source.author.as_deref(), Some("Grace Miller"));
    assert_eq!(published(&a[0]), "2026-11-30T07:15:00+00:00");
    assert!(a[0].text.contains("detour through Millbrook"));
    let a = read("articles.json");
    assert_eq!(a.len(), 2);
    assert_eq!(a[0].source.outlet.as_deref(), Some("Le Petit Quotidien"));
    assert_eq!(a[0].source.author.as_deref(), Some("Claire Dubois"));
    assert!(a[0].text.contains("Vigicrues") && !a[0].source.summary_only);
    assert_eq!(a[1].source.author, None);
    assert!(a[1].source.summary_only, "description only");
}

#[test]
fn json_field_names_from_config() {
    let sb = Sandbox::new();
    std::fs::write(
        sb.path().join("odd.json"),
        r#"[{"heading":"Le tramway de Caen prolongé","story":"Le tramway de Caen ira jusqu'à Ifs en 2028.","when":"2026-11-29","outlet_name":"Ouest Matin"}]"#,
    )
    .unwrap();
    sb.config("[ingest.json]\ntitle = \"heading\"\ntext = \"story\"\npublished = \"when\"\nsource = \"outlet_name\"\n");
    let out = sb.run(&["export", "odd.json"]);
    let json = stdout(&out);
    assert!(
        json.contains("\"title\": \"Le tramway de Caen prolongé\""),
        "{json}"
    );
    assert!(json.contains("\"name\": \"Ouest Matin\""), "{json}");
    assert!(json.contains("\"date\": \"2026-11-29\""), "{json}");
    sb.config("[ingest.json]\ntitel = \"heading\"\n");
    let out = sb.run(&["export", "odd.json"]);
    let err = cli_common::stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains(":2:1") && err.contains("titel"), "{err}");
}

#[test]
fn newsletters_from_eml_and_mbox() {
    let a = read("letter.eml");
    assert_eq!(a[0].source.format, Format::Mail);
    assert_eq!(a[0].headline, "Les titres du 30 novembre");
    assert_eq!(a[0].source.outlet.as_deref(), Some("La Lettre du Matin"));
    assert_eq!(published(&a[0]), "2026-11-30T06:30:00+01:00");
    assert!(
        a[0].text
            .contains("relève sa prévision de croissance à 1,1 %")
    );
    assert!(!a[0].text.contains("Lire aussi"));
    let a = read("letters.mbox");
    assert_eq!(a.len(), 2);
    assert!(
        a.iter()
            .all(|a| a.source.outlet.as_deref() == Some("Weekly Brief"))
    );
    assert_eq!(a[1].headline, "Rail timetable changes");
    assert_eq!(a[1].published.unwrap().to_string(), "2026-11-29");
}

#[test]
fn the_same_item_reached_twice_is_one_article() {
    let dir = tempfile::tempdir().unwrap();
    let rss = std::fs::read_to_string(fixture("rss.xml")).unwrap();
    std::fs::write(dir.path().join("a.xml"), &rss).unwrap();
    // Another feed with the second item under another GUID, its link
    // without the tracking parameter.
    let other = rss
        .replace("Le Courrier du Rhône", "Revue des revues")
        .replace("courrier-rhone-4412", "rdr-77")
        .replace("?utm_source=rss", "");
    std::fs::write(dir.path().join("b.xml"), other).unwrap();
    let got = ingest::load(&[dir.path().to_path_buf()]);
    assert_eq!(got.articles.len(), 2, "{:?}", got.articles);
    assert!(
        got.articles
            .iter()
            .all(|a| a.source.outlet.as_deref() == Some("Le Courrier du Rhône"))
    );
}

#[test]
fn check_names_formats_findings_and_skips() {
    let sb = Sandbox::new();
    let out = sb.run(&["check", fixture("").to_str().unwrap()]);
    let text = stdout(&out);
    let line = |name: &str| {
        text.lines()
            .find(|l| l.split(": ").next().is_some_and(|p| p.ends_with(name)))
            .unwrap_or_else(|| panic!("no line for {name} in:\n{text}"))
            .to_string()
    };
    assert!(
        line("page.html").ends_with(
            "html ok, 1 article — source La Vigie de l'Ouest, 1 dated, 1 with a URL, 1 with an author"
        ),
        "{text}"
    );
    assert!(line("rss.xml").contains("feed ok, 2 articles"), "{text}");
    assert!(line("rss.xml").contains("1 summary only"), "{text}");
    assert!(
        line("articles.jsonl").contains("json ok, 2 articles"),
        "{text}"
    );
    assert!(line("letter.eml").contains("mail ok, 1 article"), "{text}");
    assert!(
        line("letters.mbox").contains("mbox ok, 2 articles"),
        "{text}"
    );
    assert!(line("saved-page").contains("html ok"), "{text}");
    assert!(
        line("notes.pdf").ends_with("skipped, not a format revue reads"),
        "{text}"
    );
    assert!(
        text.lines()
            .last()
            .unwrap()
            .ends_with("; 1 skipped (not a format revue reads)"),
        "{text}"
    );
}
