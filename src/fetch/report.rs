//! What `revue fetch` says: a progress line on stderr while it runs (only
//! on a terminal, redrawn in place) and one line per feed at the end.

use std::io::Write;
use std::sync::mpsc::Receiver;

use super::{Outcome, Progress};

/// The line of one feed at the end: `name: 3 new, 12 unchanged`,
/// `name: not modified`, or `name: failed: why`.
pub fn line(name: &str, outcome: &Outcome) -> String {
    let name = crate::cli::output::printable(name);
    match outcome {
        Outcome::NotModified => format!("{name}: not modified (nothing new)"),
        Outcome::Failed(why) => format!(
            "{name}: failed: {}",
            crate::cli::output::printable(why).replace('\n', " ")
        ),
        Outcome::Fetched(c) => {
            let mut parts = vec![format!("{} new", c.new)];
            if c.updated > 0 {
                parts.push(format!("{} updated", c.updated));
            }
            parts.push(format!("{} unchanged", c.unchanged));
            if c.unnamed > 0 {
                parts.push(format!("{} without GUID or link skipped", c.unnamed));
            }
            if c.skipped > 0 {
                parts.push(format!(
                    "{} past the first {} skipped",
                    c.skipped,
                    crate::ingest::feed::MAX_ITEMS
                ));
            }
            if c.pages_failed > 0 {
                let first = c.page_problem.as_deref().unwrap_or("");
                parts.push(format!(
                    "{} page(s) not read, summary kept (first: {})",
                    c.pages_failed,
                    crate::cli::output::printable(first)
                ));
            }
            format!("{name}: {}", parts.join(", "))
        }
    }
}

/// Draws `fetching 3/10: name` on `out` as feeds start and end, until the
/// sender is dropped; the line is cleared at the end.
pub fn show_progress(events: Receiver<Progress>, names: &[String], out: &mut impl Write) {
    let total = names.len();
    let mut done = 0;
    let mut running: Vec<usize> = Vec::new();
    for event in events {
        match event {
            Progress::Started(i) => running.push(i),
            Progress::Done(i) => {
                done += 1;
                running.retain(|r| *r != i);
            }
        }
        let now: Vec<&str> = running.iter().map(|i| names[*i].as_str()).collect();
        let mut text = format!("fetching {done}/{total}: {}", now.join(", "));
        // One terminal line: never wrapped, which would break the redraw.
        if text.chars().count() > 78 {
            text = text.chars().take(77).collect::<String>() + "…";
        }
        let _ = write!(out, "\r\x1b[2K{}", crate::cli::output::printable(&text));
        let _ = out.flush();
    }
    let _ = write!(out, "\r\x1b[2K");
    let _ = out.flush();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fetch::Counts;

    #[test]
    fn lines_say_what_came_of_each_feed() {
        let c = Counts {
            new: 3,
            unchanged: 12,
            ..Counts::default()
        };
        assert_eq!(
            line("Gazette", &Outcome::Fetched(c)),
            "Gazette: 3 new, 12 unchanged"
        );
        assert_eq!(
            line("G\u{1b}[2J", &Outcome::Failed("HTTP 500 (3 tries)".into())),
            "G [2J: failed: HTTP 500 (3 tries)"
        );
        assert_eq!(
            line("G", &Outcome::NotModified),
            "G: not modified (nothing new)"
        );
    }
}
