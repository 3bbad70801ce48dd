//! A small HTTP/1.1 server on 127.0.0.1 for the fetch tests: each
//! connection is one request, answered by the test's own function, then
//! closed. It records every request (path and headers) and how many were
//! being answered at once, so that tests can check what revue asked for.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A request as the server read it.
#[derive(Debug, Clone)]
pub struct Request {
    pub path: String,
    /// Header names lowercase.
    pub headers: Vec<(String, String)>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// What the server answers.
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Wait this long before answering anything.
    pub delay: Duration,
}

impl Reply {
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status: 200,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
            delay: Duration::ZERO,
        }
    }

    pub fn status(status: u16) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: if status == 304 {
                Vec::new()
            } else {
                format!("status {status}").into_bytes()
            },
            delay: Duration::ZERO,
        }
    }

    pub fn redirect(to: &str) -> Reply {
        let mut r = Reply::status(302);
        r.headers.push(("Location".into(), to.into()));
        r
    }

    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.into(), value.into()));
        self
    }

    pub fn delayed(mut self, d: Duration) -> Reply {
        self.delay = d;
        self
    }

    /// The body gzipped, as a server does for a client that accepts it.
    pub fn gzipped(mut self) -> Reply {
        use flate2::{Compression, write::GzEncoder};
        let mut e = GzEncoder::new(Vec::new(), Compression::default());
        e.write_all(&self.body).expect("gzip into memory");
        self.body = e.finish().expect("gzip into memory");
        self.headers
            .push(("Content-Encoding".into(), "gzip".into()));
        self
    }
}

pub struct Server {
    pub port: u16,
    requests: Arc<Mutex<Vec<Request>>>,
    most_at_once: Arc<AtomicUsize>,
}

impl Server {
    /// Starts serving on a free port; `answer` makes each reply.
    pub fn start(answer: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port on 127.0.0.1");
        let port = listener.local_addr().expect("a bound address").port();
        let requests: Arc<Mutex<Vec<Request>>> = Arc::default();
        let most_at_once: Arc<AtomicUsize> = Arc::default();
        let now = Arc::new(AtomicUsize::new(0));
        let answer = Arc::new(answer);
        let (log, most) = (Arc::clone(&requests), Arc::clone(&most_at_once));
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (answer, log, most, now) = (
                    Arc::clone(&answer),
                    Arc::clone(&log),
                    Arc::clone(&most),
                    Arc::clone(&now),
                );
                std::thread::spawn(move || {
                    let at_once = now.fetch_add(1, Ordering::SeqCst) + 1;
                    most.fetch_max(at_once, Ordering::SeqCst);
                    let _ = serve(stream, &*answer, &log);
                    now.fetch_sub(1, Ordering::SeqCst);
                });
            }
        });
        Server {
            port,
            requests,
            most_at_once,
        }
    }

    /// The address of a path on this server, by IP.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// The same path by name: another host to revue, the same server.
    pub fn url_by_name(&self, path: &str) -> String {
        format!("http://localhost:{}{path}", self.port)
    }

    pub fn requests(&self) -> Vec<Request> {
        self.requests.lock().expect("the log").clone()
    }

    pub fn requests_for(&self, path: &str) -> Vec<Request> {
        self.requests()
            .into_iter()
            .filter(|r| r.path == path)
            .collect()
    }

    /// The most requests that were being answered at one moment.
    pub fn most_at_once(&self) -> usize {
        self.most_at_once.load(Ordering::SeqCst)
    }
}

fn serve(
    stream: TcpStream,
    answer: &(dyn Fn(&Request) -> Reply + Send + Sync),
    log: &Mutex<Vec<Request>>,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((n, v)) = h.split_once(':') {
            headers.push((n.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }
    let request = Request { path, headers };
    log.lock().expect("the log").push(request.clone());
    let reply = answer(&request);
    std::thread::sleep(reply.delay);
    let mut out = stream;
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nConnection: close\r\n",
        reply.status,
        reason(reply.status)
    );
    // A reply may claim a length of its own (to cut a body short).
    if !reply
        .headers
        .iter()
        .any(|(n, _)| n.eq_ignore_ascii_case("content-length"))
    {
        head.push_str(&format!("Content-Length: {}\r\n", reply.body.len()));
    }
    for (n, v) in &reply.headers {
        head.push_str(&format!("{n}: {v}\r\n"));
    }
    head.push_str("\r\n");
    out.write_all(head.as_bytes())?;
    if reply.status != 304 {
        out.write_all(&reply.body)?;
    }
    out.flush()
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        302 => "Found",
        304 => "Not Modified",
        404 => "Not Found",
        500 => "Internal Server Error",
        _ => "Status",
    }
}

/// An RSS 2.0 feed of `items`: (guid, title, link, html description, date).
pub fn rss(title: &str, items: &[(&str, &str, &str, &str, &str)]) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>{title}</title><link>https://example.org/</link><description>d</description>\n"
    );
    for (guid, t, link, html, date) in items {
        out.push_str(&format!(
            "<item><guid>{guid}</guid><title>{t}</title><link>{link}</link><description><![CDATA[{html}]]></description><pubDate>{date}</pubDate></item>\n"
        ));
    }
    out.push_str("</channel></rss>\n");
    out
}
