//! E-mail newsletters: one message in an `.eml` file, or a mailbox of them
//! (mbox, each message after a `From ` line), read by `mail-parser`. Each
//! message is one article: its subject the headline, its HTML part through
//! the page text path (else its text part), its sender the source (the
//! display name, else the address), its Date header the date with its zone.
//! The mailing's own lines (unsubscribe, "you are receiving this", the
//! sender's copyright) are not the article's and are dropped. Attachments
//! are not read.

use chrono::{FixedOffset, TimeZone};

use super::format::Format;
use super::html::fragment_text;
use super::item::{Item, Parsed};
use super::source::{Source, Timestamp, When};

/// Messages read from one mailbox (as feed items are capped, and why).
pub const MAX_MESSAGES: usize = super::feed::MAX_ITEMS;

/// Reads an `.eml` file.
pub fn read_eml(bytes: &[u8]) -> Parsed {
    let mut parsed = Parsed::default();
    match message(bytes) {
        Some(item) => parsed.items.push(item),
        None => parsed
            .problems
            .push("not a readable e-mail message".to_string()),
    }
    parsed
}

/// Reads an mbox file.
pub fn read_mbox(bytes: &[u8]) -> Parsed {
    let mut parsed = Parsed::default();
    let (mut bad, mut total) = (0, 0);
    for m in mail_parser::mailbox::mbox::MessageIterator::new(bytes) {
        total += 1;
        if parsed.items.len() >= MAX_MESSAGES {
            continue;
        }
        match m.ok().and_then(|m| message(m.contents())) {
            Some(item) => parsed.items.push(item),
            None => bad += 1,
        }
    }
    if bad > 0 {
        parsed
            .problems
            .push(format!("{bad} message(s) not readable, skipped"));
    }
    if total > MAX_MESSAGES {
        parsed.problems.push(format!(
            "{total} messages: the first {MAX_MESSAGES} read, the rest skipped"
        ));
    }
    if total == 0 {
        parsed
            .problems
            .push("no message (no `From ` line starts one)".to_string());
    }
    parsed
}

fn message(raw: &[u8]) -> Option<Item> {
    let m = mail_parser::MessageParser::default().parse(raw)?;
    let text = without_mailing_lines(&match m.body_html(0) {
        Some(html) => fragment_text(&html),
        None => m.body_text(0).map(|t| t.into_owned()).unwrap_or_default(),
    });
    let title = m.subject().map(str::to_string);
    if title.is_none() && text.trim().is_empty() {
        return None;
    }
    let mut source = Source::new(Format::Mail);
    let sender = m.from().or(m.sender()).and_then(|a| a.first());
    source.outlet = sender.and_then(|a| {
        a.name()
            .filter(|n| !n.trim().is_empty())
            .or(a.address())
            .map(str::to_string)
    });
    source.guid = m.message_id().map(|id| format!("<{id}>"));
    let mut item = Item {
        title,
        text,
        source,
        day: None,
        tidy: false,
    };
    item.set_published(m.date().and_then(stamp).map(When::At));
    Some(item)
}

/// Words of the lines that speak of the mailing rather than the news, in
/// lower case: a newsletter's footer and its "view in the browser" head.
const MAILING_MARKS: &[&str] = &[
    "unsubscribe",
    "you are receiving this",
    "you received this",
    "manage your preferences",
    "update your preferences",
    "view in browser",
    "view this email in your browser",
    "forward to a friend",
    "désabonner",
    "désinscrire",
    "vous recevez cette",
    "vous recevez ce courriel",
    "gérer vos préférences",
    "gérer mes préférences",
    "voir la version en ligne",
    "afficher dans le navigateur",
    "transférer à un ami",
];

/// Whether a line speaks of the mailing: one of [`MAILING_MARKS`], or the
/// sender's copyright.
fn is_mailing_line(line: &str) -> bool {
    let lower = line.trim_start().to_lowercase();
    lower.starts_with('©')
        || lower.starts_with("(c) ")
        || lower.starts_with("copyright")
        || MAILING_MARKS.iter().any(|m| lower.contains(m))
}

/// The text without the mailing's head and foot: the runs of mailing
/// lines (and blank lines) before the first line of news and after the
/// last. A line between two lines of news is the news's own, whatever it
/// says (`se désinscrire des listes électorales`).
fn without_mailing_lines(text: &str) -> String {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mailing = |l: &&str| l.trim().is_empty() || is_mailing_line(l);
    let first = lines.iter().position(|l| !mailing(l));
    let last = lines.iter().rposition(|l| !mailing(l));
    match (first, last) {
        (Some(first), Some(last)) => lines[first..=last].concat(),
        _ => String::new(),
    }
}

/// A Date header as a timestamp in the sender's zone.
fn stamp(d: &mail_parser::DateTime) -> Option<Timestamp> {
    let secs = (i32::from(d.tz_hour) * 60 + i32::from(d.tz_minute)) * 60;
    let zone = if d.tz_before_gmt {
        FixedOffset::west_opt(secs)
    } else {
        FixedOffset::east_opt(secs)
    }?;
    let t = zone
        .with_ymd_and_hms(
            i32::from(d.year),
            u32::from(d.month),
            u32::from(d.day),
            u32::from(d.hour),
            u32::from(d.minute),
            u32::from(d.second),
        )
        .single()?;
    Some(Timestamp(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_gives_subject_sender_and_date() {
        let raw = b"From: \"La Lettre du Matin\" <matin@lettre.example>\r\nSubject: =?utf-8?q?Les_titres_du_jour?=\r\nDate: Mon, 30 Nov 2026 06:30:00 +0100\r\nMessage-ID: <abc@lettre.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nBonjour.\r\n";
        let p = read_eml(raw);
        let i = &p.items[0];
        assert_eq!(i.title.as_deref(), Some("Les titres du jour"));
        assert_eq!(i.source.outlet.as_deref(), Some("La Lettre du Matin"));
        assert_eq!(
            i.source.published.unwrap().to_string(),
            "2026-11-30T06:30:00+01:00"
        );
        assert_eq!(i.text.trim(), "Bonjour.");
    }

    #[test]
    fn the_mailings_own_lines_are_not_the_article() {
        let rows = [
            (
                "Le conseil a voté le budget.\nVous recevez cette lettre car vous êtes abonné. Se désabonner — © Le Courrier 2026\n",
                "Le conseil a voté le budget.\n",
            ),
            (
                "View this email in your browser\nThe council approved the budget.\nUnsubscribe | Manage your preferences\n© 2026 Ledger Media Ltd, 4 Mill Lane\n",
                "The council approved the budget.\n",
            ),
            // A copyright sign inside a sentence is the news's.
            (
                "The band lost the © to its first album in court.\n",
                "The band lost the © to its first album in court.\n",
            ),
            // Between two lines of news, a line is the news's own.
            (
                "La préfecture a ouvert les inscriptions.\nOn peut aussi se désinscrire des listes en mairie.\nLe scrutin a lieu le 9 mars.\nSe désabonner\n",
                "La préfecture a ouvert les inscriptions.\nOn peut aussi se désinscrire des listes en mairie.\nLe scrutin a lieu le 9 mars.\n",
            ),
        ];
        for (text, kept) in rows {
            assert_eq!(without_mailing_lines(text), kept, "{text}");
        }
    }

    #[test]
    fn a_newsletter_footer_names_nothing() {
        let raw = "From: \"Echo Evening\" <news@echo.example>\r\nSubject: Tonight\r\nDate: Mon, 30 Nov 2026 18:00:00 +0000\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>The council approved the budget.</p><p class=\"footer\">You are receiving this because you subscribed. Unsubscribe. Daily Echo is published by Echo Digital Group.</p></body></html>\r\n";
        let p = read_eml(raw.as_bytes());
        let text = &p.items[0].text;
        assert!(text.contains("approved the budget"), "{text}");
        assert!(!text.contains("Echo Digital Group"), "{text}");
    }
}
