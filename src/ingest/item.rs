//! What every adapter but plain text gives: items (a title, a text, a
//! source), turned into [`RawArticle`]s in one place, so that every format's
//! text, title and metadata pass through the same sanitising and the same
//! headline and date rules. A new format returns [`Parsed`] and needs
//! nothing else from this file.

use std::borrow::Cow;
use std::path::Path;

use super::RawArticle;
use super::decode::{sanitize, sanitize_counting};
use super::headline;
use super::source::{Source, When};
use crate::extract::date::DatePoint;

/// One article as an adapter found it.
#[derive(Debug, Clone, Default)]
pub struct Item {
    pub title: Option<String>,
    /// The article's text, paragraphs separated by blank lines.
    pub text: String,
    pub source: Source,
    /// The publication day when the format gave a day without a time
    /// (`source.published` dates the article when it is set).
    pub day: Option<DatePoint>,
    /// Whether `text` is already in [`tidy`]'s form: an adapter that tidied
    /// it says so, and only a text that sanitising changes is tidied again.
    pub tidy: bool,
}

impl Item {
    /// Records a publication date: a moment goes to the source, a day
    /// alone dates the article without inventing a time.
    pub fn set_published(&mut self, when: Option<When>) {
        if let Some(w) = when {
            self.source.published = w.stamp();
            self.day = Some(w.day());
        }
    }
}

/// What an adapter read from one file.
#[derive(Debug, Default)]
pub struct Parsed {
    pub items: Vec<Item>,
    /// What went wrong (each one a warning naming the file).
    pub problems: Vec<String>,
    pub notes: Vec<String>,
}

impl Parsed {
    /// A file that gave nothing, for one reason.
    pub fn failed(why: String) -> Parsed {
        Parsed {
            problems: vec![why],
            ..Parsed::default()
        }
    }
}

/// The articles of a file's items: titles become the first line of the
/// text (as a plain text file's title line is), the published time dates
/// the article, empty items are dropped with a note.
pub fn to_articles(
    name: &str,
    path: &Path,
    items: Vec<Item>,
    notes: &mut Vec<String>,
) -> Vec<RawArticle> {
    let mut out = Vec::with_capacity(items.len());
    let mut empty = 0;
    for item in items {
        let body = match sanitize_counting(&item.text).0 {
            Cow::Borrowed(_) if item.tidy => item.text,
            Cow::Borrowed(_) => tidied(item.text),
            Cow::Owned(clean) => tidied(clean),
        };
        let title = item
            .title
            .map(|t| one_line(&sanitize(&t)))
            .filter(|t| !t.is_empty());
        if body.is_empty() && title.is_none() {
            empty += 1;
            continue;
        }
        let text = match &title {
            // A body that repeats the title (a page's own <h1>) keeps it once.
            Some(t) if !body.starts_with(t.as_str()) => format!("{t}\n\n{body}"),
            _ => body,
        };
        let text = trimmed(text);
        let (headline, has_title) = match title {
            Some(t) => (t, true),
            None => {
                let h = headline::find(&text);
                (h.text, h.is_title)
            }
        };
        let source = clean_source(item.source);
        let published = source.published.map(|t| t.day()).or(item.day);
        out.push(RawArticle {
            file: name.to_string(),
            path: path.to_path_buf(),
            part: out.len() + 1,
            header_date: None,
            published,
            header_inherited: false,
            headline,
            has_title,
            text,
            source,
        });
    }
    if empty > 0 {
        notes.push(format!("{empty} item(s) without title or text skipped"));
    }
    out
}

/// Every string of a source, sanitised and on one line.
fn clean_source(mut s: Source) -> Source {
    for field in [&mut s.outlet, &mut s.url, &mut s.author, &mut s.guid] {
        *field = field
            .take()
            .map(|v| one_line(&sanitize(&v)))
            .filter(|v| !v.is_empty());
    }
    s.author = s.author.map(|a| without_by(&a).to_string());
    s
}

/// A byline without the word that introduces it (`By Jane Roe`, `Par
/// Anne Dupont`): readability and some feeds keep it, and the reader says
/// "by" itself.
fn without_by(author: &str) -> &str {
    let (word, rest) = author.split_once(' ').unwrap_or((author, ""));
    let by = word.eq_ignore_ascii_case("by") || word.eq_ignore_ascii_case("par");
    if by && !rest.trim().is_empty() {
        rest.trim_start()
    } else {
        author
    }
}

/// A string without its leading and trailing whitespace, copied only
/// when it has some.
fn trimmed(s: String) -> String {
    if s.trim().len() == s.len() {
        s
    } else {
        s.trim().to_string()
    }
}

/// [`tidy`] of an owned string, which is kept when already tidy.
pub fn tidied(s: String) -> String {
    let changed = match tidy(&s) {
        Cow::Owned(t) => Some(t),
        Cow::Borrowed(_) => None,
    };
    changed.unwrap_or(s)
}

/// Whitespace runs made one space.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lines trimmed, runs of blank lines made one: extracted page text keeps
/// its paragraphs and loses the indentation of the markup. Each run of
/// whitespace between words becomes one space, one line break or one
/// blank line; the text between runs, and every run already in that form,
/// is copied in whole slices: every page's text passes here twice, and
/// most of it is words and single spaces. A text already in that form
/// comes back borrowed.
pub fn tidy(s: &str) -> Cow<'_, str> {
    let bytes = s.as_bytes();
    let mut out = String::new();
    // Text from `clean` to `i` is kept as it is, not yet copied.
    let mut clean = 0;
    let mut i = 0;
    while i < bytes.len() {
        if !MAY_BE_SPACE[usize::from(bytes[i])] {
            i += 1;
            continue;
        }
        let (width, white) = whitespace_at(s, i);
        if !white {
            i += width;
            continue;
        }
        // One space between two words, the commonest run, stays as it is.
        if bytes[i] == b' '
            && i > 0
            && bytes
                .get(i + 1)
                .is_some_and(|&b| !MAY_BE_SPACE[usize::from(b)] || !whitespace_at(s, i + 1).1)
        {
            i += 1;
            continue;
        }
        let start = i;
        let mut breaks = 0usize;
        while i < bytes.len() {
            let (width, white) = whitespace_at(s, i);
            if !white {
                break;
            }
            breaks += usize::from(bytes[i] == b'\n');
            i += width;
        }
        if start == 0 {
            // Whitespace before the first word is dropped.
            clean = i;
            continue;
        }
        if i == bytes.len() {
            // And after the last.
            if out.is_empty() {
                return Cow::Borrowed(&s[clean..start]);
            }
            out.push_str(&s[clean..start]);
            clean = i;
            break;
        }
        let sep = match breaks {
            0 => " ",
            1 => "\n",
            _ => "\n\n",
        };
        if !(i - start == sep.len() && bytes[start..i].iter().eq(sep.as_bytes())) {
            if out.capacity() == 0 {
                out.reserve(s.len());
            }
            out.push_str(&s[clean..start]);
            out.push_str(sep);
            clean = i;
        }
    }
    if out.is_empty() {
        // Nothing copied yet: the text is a slice of the input.
        return Cow::Borrowed(&s[clean..]);
    }
    out.push_str(&s[clean..]);
    Cow::Owned(out)
}

/// Bytes that may start a whitespace character: ASCII whitespace, and the
/// first bytes of the UTF-8 forms of U+0085, U+00A0 (0xC2), U+1680 (0xE1),
/// U+2000 to U+205F (0xE2) and U+3000 (0xE3). Any other byte is part of
/// a word.
pub(super) static MAY_BE_SPACE: [bool; 256] = {
    let mut t = [false; 256];
    let starts = [
        b' ', b'\t', b'\n', 0x0b, 0x0c, b'\r', 0xc2, 0xe1, 0xe2, 0xe3,
    ];
    let mut k = 0;
    while k < starts.len() {
        t[starts[k] as usize] = true;
        k += 1;
    }
    t
};

/// The byte width of the character at `i` and whether it is whitespace,
/// ASCII decided without decoding.
pub(super) fn whitespace_at(s: &str, i: usize) -> (usize, bool) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        return (1, matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'));
    }
    let c = s[i..].chars().next().expect("i is a char boundary");
    (c.len_utf8(), c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `tidy` must give: each line's words joined by one space, the
    /// lines by a line break, or a blank line where blank lines were.
    fn tidy_by_lines(s: &str) -> String {
        let mut out = String::new();
        let mut blank = false;
        for line in s.lines() {
            let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
            if line.is_empty() {
                blank = !out.is_empty();
                continue;
            }
            if !out.is_empty() {
                out.push_str(if blank { "\n\n" } else { "\n" });
            }
            blank = false;
            out.push_str(&line);
        }
        out
    }

    #[test]
    fn tidy_is_the_line_by_line_definition() {
        let pieces = [
            "a",
            "é",
            "mot",
            " ",
            "  ",
            "\t",
            "\n",
            "\r\n",
            "\r",
            "\u{a0}",
            "\u{2028}",
            "\u{3000}",
            "\u{b}",
            "\u{c}",
            "\u{1c}",
            "\u{85}",
            "\n \n",
            "x\u{200b}y",
        ];
        // Every string of up to four pieces, and longer ones from a
        // fixed sequence: the cases are enumerated, not sampled.
        let n = pieces.len();
        for len in 0..=4u32 {
            for code in 0..n.pow(len) {
                let mut s = String::new();
                let mut c = code;
                for _ in 0..len {
                    s.push_str(pieces[c % n]);
                    c /= n;
                }
                assert_eq!(tidy(&s), tidy_by_lines(&s), "{s:?}");
                let again = tidy(&s).into_owned();
                assert!(matches!(tidy(&again), Cow::Borrowed(_)), "{again:?}");
            }
        }
        let long: String = (0..500).map(|i| pieces[(i * 7 + i / 3) % n]).collect();
        assert_eq!(tidy(&long), tidy_by_lines(&long));
    }
    use crate::ingest::format::Format;
    use crate::ingest::source::parse_when;

    #[test]
    fn a_byline_loses_its_by() {
        for (author, kept) in [
            (
                "By Claire Dunmore, Courts Correspondent",
                "Claire Dunmore, Courts Correspondent",
            ),
            ("Par Lucas Perrin, avec AFP", "Lucas Perrin, avec AFP"),
            ("BY  JANE ROE", "JANE ROE"),
            ("Bypass Weekly", "Bypass Weekly"),
            ("Paré Lemoine", "Paré Lemoine"),
            ("By ", "By "),
        ] {
            assert_eq!(without_by(author), kept, "{author}");
        }
    }

    #[test]
    fn items_become_titled_dated_clean_articles() {
        let mut source = Source::new(Format::Feed);
        source.outlet = Some("La \u{1b}[31mGazette\n".into());
        source.published = parse_when("2026-11-30T07:45:00+01:00").and_then(|w| w.stamp());
        let items = vec![
            Item {
                title: Some("Un  titre\u{202e}".into()),
                text: "  Premier paragraphe.\n\n\n   Second.  ".into(),
                source,
                day: None,
                tidy: false,
            },
            Item::default(),
        ];
        let mut notes = Vec::new();
        let a = to_articles("f.xml", Path::new("f.xml"), items, &mut notes);
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].headline, "Un titre");
        assert_eq!(a[0].text, "Un titre\n\nPremier paragraphe.\n\nSecond.");
        assert_eq!(a[0].source.outlet.as_deref(), Some("La [31mGazette"));
        assert_eq!(a[0].published.unwrap().to_string(), "2026-11-30");
        assert_eq!(notes.len(), 1);
    }
}
