//! One GET as `revue fetch` makes it, over `ureq` (rustls, gzip): the
//! conditional headers of the last answer, a timeout on the whole request,
//! a bounded number of redirects, a cap on the body (counted after gzip,
//! so a small compressed bomb is refused too), and retries with doubling
//! waits for what may pass (a timeout, a dropped connection, a 5xx or 429
//! answer). A 4xx other than 429 and a body over the cap are not retried.

use std::time::Duration;

use ureq::{Agent, ResponseExt};

/// How requests are made: from `[fetch]`.
#[derive(Debug, Clone)]
pub struct Settings {
    pub timeout: Duration,
    pub retries: u32,
    pub max_bytes: u64,
    /// The first wait before a retry; each next one is twice as long.
    pub backoff: Duration,
}

/// The most redirects followed from one address.
pub const MAX_REDIRECTS: u32 = 5;

/// The validators of an earlier answer, sent so that an unchanged feed
/// comes back as a bodiless 304.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// A successful answer.
#[derive(Debug)]
pub enum Answer {
    /// 304: unchanged since the validators were given.
    NotModified,
    Body(Body),
}

#[derive(Debug)]
pub struct Body {
    pub bytes: Vec<u8>,
    /// The media type, lowercase, without parameters (`None`: not sent).
    pub content_type: Option<String>,
    pub validators: Validators,
    /// Where the body came from, after redirects.
    pub url: String,
}

/// Why a request failed, as the line per feed says it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Failure {
    #[error("HTTP {0}")]
    Status(u16),
    #[error("timed out after {0} s")]
    Timeout(u64),
    #[error("redirect loop: more than {MAX_REDIRECTS} redirects")]
    Redirects,
    #[error("body over the {0} cap")]
    TooLarge(String),
    #[error("{0}")]
    Network(String),
}

impl Failure {
    /// Whether trying again may help.
    fn passes(&self) -> bool {
        match self {
            Failure::Status(s) => *s == 429 || *s >= 500,
            Failure::Timeout(_) | Failure::Network(_) => true,
            Failure::Redirects | Failure::TooLarge(_) => false,
        }
    }
}

/// Makes requests under one set of settings; shared by the threads.
pub struct Client {
    agent: Agent,
    settings: Settings,
}

impl Client {
    pub fn new(settings: Settings) -> Client {
        let agent: Agent = Agent::config_builder()
            .timeout_global(Some(settings.timeout))
            .max_redirects(MAX_REDIRECTS)
            .http_status_as_error(false)
            .user_agent(concat!(
                "revue/",
                env!("CARGO_PKG_VERSION"),
                " (feed reader)"
            ))
            .build()
            .into();
        Client { agent, settings }
    }

    /// GETs `url`, trying again after what may pass; how many tries were
    /// made is given with a failure.
    pub fn get(&self, url: &str, validators: &Validators) -> Result<Answer, (Failure, u32)> {
        let mut wait = self.settings.backoff;
        let mut tries = 0;
        loop {
            tries += 1;
            match self.get_once(url, validators) {
                Ok(a) => return Ok(a),
                Err(f) if f.passes() && tries <= self.settings.retries => {
                    std::thread::sleep(wait);
                    wait = wait.saturating_mul(2);
                }
                Err(f) => return Err((f, tries)),
            }
        }
    }

    fn get_once(&self, url: &str, v: &Validators) -> Result<Answer, Failure> {
        let mut request = self.agent.get(url);
        if let Some(etag) = &v.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(date) = &v.last_modified {
            request = request.header("If-Modified-Since", date);
        }
        let mut response = request.call().map_err(|e| self.failure(e))?;
        let status = response.status().as_u16();
        if status == 304 {
            return Ok(Answer::NotModified);
        }
        if !(200..300).contains(&status) {
            return Err(Failure::Status(status));
        }
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|h| h.to_str().ok())
                .map(str::trim)
                .filter(|h| !h.is_empty())
                .map(str::to_string)
        };
        let validators = Validators {
            etag: header("etag"),
            last_modified: header("last-modified"),
        };
        let content_type = header("content-type").map(|t| {
            t.split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase()
        });
        let final_url = response.get_uri().to_string();
        let bytes = response
            .body_mut()
            .with_config()
            .limit(self.settings.max_bytes)
            .read_to_vec()
            .map_err(|e| self.failure(e))?;
        Ok(Answer::Body(Body {
            bytes,
            content_type,
            validators,
            url: final_url,
        }))
    }

    fn failure(&self, e: ureq::Error) -> Failure {
        use ureq::Error as E;
        match e {
            E::StatusCode(s) => Failure::Status(s),
            E::Timeout(_) => Failure::Timeout(self.settings.timeout.as_secs()),
            E::TooManyRedirects => Failure::Redirects,
            E::BodyExceedsLimit(_) => Failure::TooLarge(size(self.settings.max_bytes)),
            E::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                Failure::Timeout(self.settings.timeout.as_secs())
            }
            E::Io(io)
                if matches!(
                    io.kind(),
                    std::io::ErrorKind::UnexpectedEof | std::io::ErrorKind::ConnectionReset
                ) =>
            {
                Failure::Network("the connection closed before the whole answer came".into())
            }
            E::Io(io) => match ureq::Error::from(io) {
                // ureq reports the cap from inside its reader as an I/O error.
                E::BodyExceedsLimit(_) => Failure::TooLarge(size(self.settings.max_bytes)),
                E::Timeout(_) => Failure::Timeout(self.settings.timeout.as_secs()),
                other => Failure::Network(one_line(&other.to_string())),
            },
            E::HostNotFound => Failure::Network("host not found".into()),
            other => Failure::Network(one_line(&other.to_string())),
        }
    }
}

/// A byte count as people write it.
pub fn size(bytes: u64) -> String {
    if bytes >= 1_000_000 && bytes.is_multiple_of(1_000_000) {
        format!("{} MB", bytes / 1_000_000)
    } else if bytes >= 1_000 && bytes.is_multiple_of(1_000) {
        format!("{} KB", bytes / 1_000)
    } else {
        format!("{bytes} bytes")
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
