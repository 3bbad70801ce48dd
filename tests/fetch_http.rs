//! `revue fetch` against a real HTTP server on 127.0.0.1: the archive it
//! writes, conditional GET on the next run (files not rewritten), and each
//! way a server can fail (hanging, redirecting forever, 500, 404, a wrong
//! content type, a body over the cap), after each of which the archive
//! keeps exactly what it had and holds no partial file.

mod cli_common;
mod http_support;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use cli_common::Sandbox;
use http_support::{Reply, Server, rss};

const ITEMS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "urn:gazette:1",
        "Le conseil municipal vote le budget des transports",
        "https://gazette.example/transports",
        "<p>Après trois heures de débat, le conseil a voté le budget des tramways.</p>",
        "Mon, 30 Nov 2026 07:45:00 +0100",
    ),
    (
        "urn:gazette:2",
        "Harbour cranes return to service after the storm",
        "https://gazette.example/harbour",
        "<p>The port authority said all six cranes were working again by noon.</p>",
        "Tue, 01 Dec 2026 18:10:00 -0500",
    ),
];

/// A config with the archive in the sandbox, no retries and a short
/// timeout, unless `extra` (lines of `[fetch]`) sets them.
fn config(feeds: &str, extra: &str) -> String {
    let mut fetch = String::from("[fetch]\narchive = \"archive\"\n");
    for (key, default) in [("retries", "0"), ("timeout", "2")] {
        if !extra.contains(key) {
            fetch.push_str(&format!("{key} = {default}\n"));
        }
    }
    format!("{fetch}{extra}\n{feeds}")
}

fn feed(name: &str, url: &str) -> String {
    format!("[[feed]]\nname = \"{name}\"\nurl = \"{url}\"\n")
}

/// Every file of a folder with its bytes and modification time (hidden
/// files too).
fn listing(dir: &Path) -> BTreeMap<String, (Vec<u8>, SystemTime)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return BTreeMap::new();
    };
    entries
        .map(|e| {
            let e = e.unwrap();
            let meta = e.metadata().unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                (std::fs::read(e.path()).unwrap(), meta.modified().unwrap()),
            )
        })
        .collect()
}

fn items_in(dir: &Path) -> Vec<String> {
    listing(dir)
        .into_keys()
        .filter(|n| n.ends_with(".json"))
        .collect()
}

fn no_partial_files(dir: &Path) {
    for name in listing(dir).keys() {
        assert!(
            name.ends_with(".json") || name == ".fetch-state",
            "left behind: {name}"
        );
    }
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn items_are_archived_once_and_a_304_rewrites_nothing() {
    let etag = Arc::new(AtomicUsize::new(1));
    let extra_item = Arc::new(AtomicUsize::new(0));
    let (e, x) = (Arc::clone(&etag), Arc::clone(&extra_item));
    let server = Server::start(move |r| {
        let tag = format!("\"v{}\"", e.load(Ordering::SeqCst));
        if r.header("if-none-match") == Some(tag.as_str()) {
            return Reply::status(304);
        }
        let mut items = ITEMS.to_vec();
        if x.load(Ordering::SeqCst) > 0 {
            items.push((
                "urn:gazette:3",
                "Night trains to the coast resume in spring",
                "https://gazette.example/trains",
                "<p>The operator confirmed four departures a week from March.</p>",
                "2026-12-01T21:00:00+01:00",
            ));
        }
        Reply::ok("application/rss+xml", rss("La Gazette", &items)).header("ETag", &tag)
    });
    let sb = Sandbox::new();
    sb.config(&config(&feed("Gazette", &server.url("/rss")), ""));
    let dir = sb.path().join("archive/gazette");

    let o = sb.run(&["fetch"]);
    assert!(o.status.success(), "{o:?}");
    assert_eq!(stdout(&o), "Gazette: 2 new, 0 unchanged\n");
    assert_eq!(items_in(&dir).len(), 2);
    no_partial_files(&dir);
    let first = listing(&dir);

    // The next run asks with the ETag, gets a 304 and touches nothing.
    std::thread::sleep(Duration::from_millis(30));
    let o = sb.run(&["fetch"]);
    assert!(o.status.success(), "{o:?}");
    assert_eq!(stdout(&o), "Gazette: not modified (nothing new)\n");
    let asked = server.requests_for("/rss");
    assert_eq!(asked[1].header("if-none-match"), Some("\"v1\""));
    assert_eq!(listing(&dir), first);

    // A changed feed: the new item is written, the others are not.
    etag.store(2, Ordering::SeqCst);
    extra_item.store(1, Ordering::SeqCst);
    let o = sb.run(&["fetch"]);
    assert_eq!(stdout(&o), "Gazette: 1 new, 2 unchanged\n");
    let after = listing(&dir);
    assert_eq!(after.len(), 4);
    for (name, (bytes, mtime)) in first.iter().filter(|(n, _)| n.ends_with(".json")) {
        assert_eq!(
            &after[name],
            &(bytes.clone(), *mtime),
            "{name} was rewritten"
        );
    }
    no_partial_files(&dir);

    // The dashboard's corpus is the archive: the articles with their feed
    // as source and their timestamps in the zone the feed gave.
    let o = sb.run(&["articles", "--format", "json"]);
    assert!(o.status.success(), "{o:?}");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let arts = v["articles"].as_array().unwrap();
    assert_eq!(arts.len(), 3, "{v}");
    for a in arts {
        assert_eq!(a["source"]["name"], "Gazette", "{a}");
        assert_eq!(a["source"]["format"], "feed", "{a}");
    }
    let published: Vec<&str> = arts
        .iter()
        .map(|a| a["published"].as_str().unwrap())
        .collect();
    for want in [
        "2026-11-30T07:45:00+01:00",
        "2026-12-01T18:10:00-05:00",
        "2026-12-01T21:00:00+01:00",
    ] {
        assert!(published.contains(&want), "{published:?}");
    }
    let o = sb.run(&["check"]);
    assert!(stdout(&o).contains("archive/gazette/"), "{}", stdout(&o));
}

#[test]
fn last_modified_is_sent_back() {
    let server = Server::start(|r| {
        if r.header("if-modified-since") == Some("Mon, 30 Nov 2026 08:00:00 GMT") {
            return Reply::status(304);
        }
        Reply::ok("application/xml", rss("G", ITEMS))
            .header("Last-Modified", "Mon, 30 Nov 2026 08:00:00 GMT")
    });
    let sb = Sandbox::new();
    sb.config(&config(&feed("G", &server.url("/f")), ""));
    assert_eq!(stdout(&sb.run(&["fetch"])), "G: 2 new, 0 unchanged\n");
    assert_eq!(
        stdout(&sb.run(&["fetch"])),
        "G: not modified (nothing new)\n"
    );
}

/// A first good fetch, then the server goes bad in some way: the feed's
/// line says why, the exit status is 1, and the archive is as it was.
fn fails_keeping_the_archive(bad: Reply, extra: &str, why: &str) -> Server {
    let bad = Arc::new(std::sync::Mutex::new(Some(bad)));
    let good = Arc::new(AtomicUsize::new(1));
    let g = Arc::clone(&good);
    let server = Server::start(move |r| {
        if r.path == "/loop" {
            return Reply::redirect("/loop");
        }
        if g.load(Ordering::SeqCst) == 1 {
            return Reply::ok("application/rss+xml", rss("G", ITEMS));
        }
        let mut slot = bad.lock().unwrap();
        // The same bad answer every time it is asked for.
        let b = slot.take().expect("a bad reply");
        let copy = Reply {
            status: b.status,
            headers: b.headers.clone(),
            body: b.body.clone(),
            delay: b.delay,
        };
        *slot = Some(b);
        copy
    });
    let sb = Sandbox::new();
    sb.config(&config(&feed("G", &server.url("/f")), extra));
    let dir = sb.path().join("archive/g");
    assert!(sb.run(&["fetch"]).status.success());
    let before = listing(&dir);
    assert_eq!(items_in(&dir).len(), 2);
    good.store(0, Ordering::SeqCst);
    let o = sb.run(&["fetch"]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let out = stdout(&o);
    assert!(out.starts_with("G: failed: "), "{out}");
    assert!(out.contains(why), "{out} lacks {why}");
    assert_eq!(listing(&dir), before, "the archive changed");
    no_partial_files(&dir);
    server
}

#[test]
fn a_server_that_hangs_times_out() {
    let slow = Reply::ok("application/rss+xml", rss("G", ITEMS)).delayed(Duration::from_secs(6));
    fails_keeping_the_archive(slow, "timeout = 1", "timed out after 1 s");
}

#[test]
fn a_redirect_loop_is_cut_short() {
    let server = fails_keeping_the_archive(Reply::redirect("/loop"), "", "redirect loop");
    let loops = server.requests_for("/loop").len();
    assert!((4..=6).contains(&loops), "{loops} redirects followed");
}

#[test]
fn a_500_is_retried_then_reported() {
    let server = fails_keeping_the_archive(Reply::status(500), "retries = 1", "HTTP 500 (2 tries)");
    // One good fetch, then two tries of the bad one.
    assert_eq!(server.requests_for("/f").len(), 3);
}

#[test]
fn a_404_is_reported_without_retrying() {
    let server = fails_keeping_the_archive(Reply::status(404), "retries = 2", "HTTP 404");
    assert_eq!(server.requests_for("/f").len(), 2);
}

#[test]
fn a_wrong_content_type_is_refused() {
    let png = Reply::ok("image/png", b"\x89PNG\r\n\x1a\n....".to_vec());
    fails_keeping_the_archive(png, "", "wrong content type image/png");
    let page = Reply::ok(
        "text/html; charset=utf-8",
        "<!DOCTYPE html><html><head><title>Accueil</title></head><body><p>Bienvenue</p></body></html>",
    );
    fails_keeping_the_archive(page, "", "is a web page (text/html), not a feed");
}

#[test]
fn a_body_over_the_cap_is_refused() {
    let big = rss(
        "G",
        &[(
            "urn:big",
            "Big",
            "https://gazette.example/big",
            &"Lorem ipsum dolor. ".repeat(2_000),
            "Mon, 30 Nov 2026 07:45:00 +0100",
        )],
    );
    fails_keeping_the_archive(
        Reply::ok("application/rss+xml", big),
        "max_size = \"20 KB\"",
        "body over the 20 KB cap",
    );
}

#[test]
fn a_malformed_feed_is_refused() {
    let broken = Reply::ok(
        "application/rss+xml",
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>G</title><item><title>x</title></channel>",
    );
    fails_keeping_the_archive(broken, "", "not a readable feed");
}

#[test]
fn a_gzipped_feed_is_read() {
    let server = Server::start(|r| {
        let reply = Reply::ok("application/rss+xml", rss("G", ITEMS));
        if r.header("accept-encoding")
            .is_some_and(|e| e.contains("gzip"))
        {
            reply.gzipped()
        } else {
            reply
        }
    });
    let sb = Sandbox::new();
    sb.config(&config(&feed("G", &server.url("/f")), ""));
    let o = sb.run(&["fetch"]);
    assert_eq!(stdout(&o), "G: 2 new, 0 unchanged\n", "{o:?}");
    assert!(
        server.requests()[0]
            .header("accept-encoding")
            .is_some_and(|e| e.contains("gzip"))
    );
    let files = items_in(&sb.path().join("archive/g"));
    let text = std::fs::read_to_string(sb.path().join("archive/g").join(&files[0])).unwrap();
    assert!(text.contains("https://jsonfeed.org/version/1.1"), "{text}");
}

#[test]
fn full_text_reads_each_page_once() {
    let server = Server::start(|r| match r.path.as_str() {
        "/f" => {
            let base = format!("http://{}", r.header("host").unwrap_or(""));
            let items = [
                (
                    "urn:v:1",
                    "Le musée rouvre ses salles",
                    format!("{base}/page/1"),
                    "Résumé seulement.".to_string(),
                    "2026-11-29T10:00:00+01:00",
                ),
                (
                    "urn:v:2",
                    "Page manquante",
                    format!("{base}/page/404"),
                    "Un autre résumé.".to_string(),
                    "2026-11-29T11:00:00+01:00",
                ),
            ];
            let items: Vec<(&str, &str, &str, &str, &str)> = items
                .iter()
                .map(|(g, t, l, h, d)| (*g, *t, l.as_str(), h.as_str(), *d))
                .collect();
            Reply::ok("application/rss+xml", rss("Le Veilleur", &items))
        }
        "/page/1" => Reply::ok(
            "text/html",
            "<!DOCTYPE html><html><head><title>Le musée rouvre ses salles</title>\
             <meta name=\"author\" content=\"Inès Caron\"></head><body>\
             <nav><a href=\"/\">Accueil</a> <a href=\"/culture\">Culture</a></nav>\
             <article><h1>Le musée rouvre ses salles</h1>\
             <p>Après deux ans de travaux, le musée des beaux-arts rouvre ce samedi ses douze salles du premier étage, avec un parcours entièrement repensé autour des collections du dix-neuvième siècle.</p>\
             <p>La directrice a précisé que l'entrée resterait gratuite le premier dimanche de chaque mois, comme avant la fermeture, et que les horaires du soir seraient étendus au jeudi.</p>\
             </article><footer>Mentions légales</footer></body></html>",
        ),
        _ => Reply::status(404),
    });
    let sb = Sandbox::new();
    sb.config(&config(
        &format!(
            "{}full_text = true\n",
            feed("Le Veilleur", &server.url("/f"))
        ),
        "",
    ));
    let o = sb.run(&["fetch"]);
    let out = stdout(&o);
    assert!(
        out.starts_with(
            "Le Veilleur: 2 new, 0 unchanged, 1 page(s) not read, summary kept (first: "
        ),
        "{out}"
    );
    assert!(out.contains("/page/404: HTTP 404"), "{out}");
    assert!(o.status.success(), "{o:?}");
    let o = sb.run(&["fetch"]);
    assert!(
        stdout(&o).starts_with("Le Veilleur: 0 new, 2 unchanged"),
        "{}",
        stdout(&o)
    );
    assert_eq!(
        server.requests_for("/page/1").len(),
        1,
        "the page was fetched again"
    );

    let o = sb.run(&["export", "--format", "json", "-q", "musée"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let a = &v["articles"][0];
    assert_eq!(a["source"]["name"], "Le Veilleur", "{a}");
    assert_eq!(a["summary_only"], false, "{a}");
    let text = std::fs::read_dir(sb.path().join("archive/le-veilleur"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .find(|t| t.contains("urn:v:1"))
        .unwrap();
    assert!(text.contains("douze salles"), "{text}");
    assert!(
        !text.contains("Mentions légales") && !text.contains("Accueil"),
        "{text}"
    );
}

#[test]
fn one_bad_feed_does_not_stop_the_others() {
    let server = Server::start(|r| match r.path.as_str() {
        "/good" => Reply::ok("application/rss+xml", rss("Good", ITEMS)),
        _ => Reply::status(500),
    });
    let sb = Sandbox::new();
    sb.config(&config(
        &format!(
            "{}{}",
            feed("Broken", &server.url("/bad")),
            feed("Good", &server.url_by_name("/good"))
        ),
        "",
    ));
    let o = sb.run(&["fetch"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stdout(&o),
        "Broken: failed: HTTP 500\nGood: 2 new, 0 unchanged\n"
    );
    assert!(!sb.path().join("archive/broken").exists());
}

#[test]
fn one_request_at_a_time_per_host() {
    let server = Server::start(|r| {
        Reply::ok("application/rss+xml", rss("x", &ITEMS[..1]))
            .delayed(Duration::from_millis(300))
            .header("X-Path", &r.path)
    });
    let feeds: String = (0..3)
        .map(|i| feed(&format!("f{i}"), &server.url(&format!("/f{i}"))))
        .collect();
    let sb = Sandbox::new();
    sb.config(&config(&feeds, "hosts = 4"));
    assert!(sb.run(&["fetch"]).status.success());
    assert_eq!(server.most_at_once(), 1);
    // Two hosts (by IP and by name) are fetched from at once.
    let server = Server::start(|_| {
        Reply::ok("application/rss+xml", rss("x", &ITEMS[..1])).delayed(Duration::from_millis(500))
    });
    let feeds = format!(
        "{}{}",
        feed("a", &server.url("/a")),
        feed("b", &server.url_by_name("/b"))
    );
    let sb = Sandbox::new();
    sb.config(&config(&feeds, "hosts = 2"));
    assert!(sb.run(&["fetch"]).status.success());
    assert_eq!(server.most_at_once(), 2);
}

#[test]
fn the_archive_defaults_to_the_xdg_data_folder() {
    let server = Server::start(|_| Reply::ok("application/rss+xml", rss("G", ITEMS)));
    let sb = Sandbox::new();
    sb.config(&format!(
        "[fetch]\nretries = 0\n{}",
        feed("G", &server.url("/f"))
    ));
    let data = sb.path().join("data");
    let o = sb
        .revue()
        .env("XDG_DATA_HOME", &data)
        .arg("fetch")
        .output()
        .unwrap();
    assert!(o.status.success(), "{o:?}");
    assert_eq!(items_in(&data.join("revue/archive/g")).len(), 2);
    let o = sb
        .revue()
        .env("XDG_DATA_HOME", &data)
        .args(["config", "check"])
        .output()
        .unwrap();
    assert!(stdout(&o).contains("feed archive: "), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("revue/archive (read with the corpus)"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn fetch_without_feeds_says_what_to_do() {
    let sb = Sandbox::new();
    sb.config("");
    let o = sb.run(&["fetch"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no [[feed]] to fetch"));
}

#[test]
fn entities_are_never_expanded_nor_fetched() {
    let bomb = r#"<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY ext SYSTEM "http://127.0.0.1:9/evil">
]>
<rss version="2.0"><channel><title>T</title>
<item><guid>urn:b</guid><title>Boom &c;</title><description>x &ext; y</description></item>
</channel></rss>"#;
    let server = Server::start(move |_| Reply::ok("application/rss+xml", bomb));
    let sb = Sandbox::new();
    sb.config(&config(&feed("B", &server.url("/f")), ""));
    let o = sb.run(&["fetch"]);
    assert!(o.status.success(), "{o:?}");
    let dir = sb.path().join("archive/b");
    let size: usize = listing(&dir).values().map(|(b, _)| b.len()).sum();
    assert!(size < 2_000, "{size} bytes archived");
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn a_feed_of_too_many_items_keeps_the_first() {
    let n = 10_003;
    let items: Vec<(String, String)> = (0..n)
        .map(|i| (format!("urn:n:{i}"), format!("https://n.example/{i}")))
        .collect();
    let items: Vec<(&str, &str, &str, &str, &str)> = items
        .iter()
        .map(|(g, l)| (g.as_str(), "Item", l.as_str(), "x", "2026-11-30T07:00:00Z"))
        .collect();
    let body = rss("N", &items);
    let server = Server::start(move |_| Reply::ok("application/rss+xml", body.clone()));
    let sb = Sandbox::new();
    sb.config(&config(
        &feed("N", &server.url("/f")),
        "max_size = \"64 MB\"",
    ));
    let o = sb.run(&["fetch"]);
    assert_eq!(
        stdout(&o),
        "N: 10000 new, 0 unchanged, 3 past the first 10000 skipped\n"
    );
    assert_eq!(items_in(&sb.path().join("archive/n")).len(), 10_000);
}

#[test]
fn a_connection_cut_mid_body_writes_nothing() {
    let cut = Reply::ok("application/rss+xml", rss("G", ITEMS)).header("Content-Length", "100000");
    fails_keeping_the_archive(
        cut,
        "",
        "the connection closed before the whole answer came",
    );
}

#[test]
fn items_sharing_a_link_keep_a_file_each_whatever_their_order() {
    let flip = Arc::new(AtomicUsize::new(0));
    let f = Arc::clone(&flip);
    let server = Server::start(move |_| {
        let mut items = vec![
            (
                "urn:s:1",
                "Premier",
                "https://s.example/",
                "<p>Un.</p>",
                "2026-11-30T07:00:00Z",
            ),
            (
                "urn:s:2",
                "Second",
                "https://s.example/",
                "<p>Deux.</p>",
                "2026-11-30T08:00:00Z",
            ),
        ];
        if f.load(Ordering::SeqCst) == 1 {
            items.reverse();
        }
        Reply::ok("application/rss+xml", rss("S", &items))
    });
    let sb = Sandbox::new();
    sb.config(&config(&feed("S", &server.url("/f")), ""));
    assert_eq!(stdout(&sb.run(&["fetch"])), "S: 2 new, 0 unchanged\n");
    let dir = sb.path().join("archive/s");
    let before = listing(&dir);
    flip.store(1, Ordering::SeqCst);
    assert_eq!(stdout(&sb.run(&["fetch"])), "S: 0 new, 2 unchanged\n");
    for (name, v) in before.iter().filter(|(n, _)| n.ends_with(".json")) {
        assert_eq!(&listing(&dir)[name], v, "{name} was rewritten");
    }
}
