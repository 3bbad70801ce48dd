//! The optional first-line header of an article file:
//! ` date YYYY-MM[-DD] [publié le DD/MM/YYYY [à HH:MM]]`, possibly followed by
//! the article's first words on the same line.

use crate::extract::date::DatePoint;

#[derive(Debug, Default, PartialEq)]
pub struct Header {
    /// The `date` field, at the precision written.
    pub date: Option<DatePoint>,
    /// The `publié le` day, when given.
    pub published: Option<DatePoint>,
    /// A header field that was present but not a real date.
    pub invalid: Option<String>,
}

/// Splits a header off the text. Returns the header (default when there is
/// none) and the byte offset where the article text starts.
pub fn parse(text: &str) -> (Header, usize) {
    let trimmed = text.trim_start_matches([' ', '\n']);
    let lead = text.len() - trimmed.len();
    let Some(rest) = trimmed.strip_prefix("date ") else {
        return (Header::default(), 0);
    };
    let mut header = Header::default();
    let (token, mut rest) = split_word(rest);
    if looks_like_iso(token) {
        match DatePoint::parse(token) {
            Some(d) => header.date = Some(d),
            None => header.invalid = Some(format!("impossible header date `{token}`")),
        }
    } else {
        return (Header::default(), 0);
    }
    if let Some(after) = rest.trim_start_matches(' ').strip_prefix("publié le ") {
        let (day, after) = split_word(after);
        match parse_dmy(day) {
            Some(d) => header.published = Some(d),
            None => header.invalid = Some(format!("impossible publication date `{day}`")),
        }
        rest = after;
        if let Some(after) = rest.trim_start_matches(' ').strip_prefix("à ") {
            let (time, after) = split_word(after);
            if time.contains(':') {
                rest = after;
            }
        }
    }
    let start = text.len() - rest.trim_start_matches([' ', '\n']).len();
    debug_assert!(start >= lead);
    (header, start)
}

fn split_word(s: &str) -> (&str, &str) {
    let s = s.trim_start_matches(' ');
    let end = s.find([' ', '\n']).unwrap_or(s.len());
    (&s[..end], &s[end..])
}

fn looks_like_iso(s: &str) -> bool {
    s.len() >= 4
        && s.chars().all(|c| c.is_ascii_digit() || c == '-')
        && s[..4].bytes().all(|b| b.is_ascii_digit())
}

/// `21/11/2017` → the day.
pub fn parse_dmy(s: &str) -> Option<DatePoint> {
    let mut it = s.split('/');
    let d = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let y = it.next()?.parse().ok()?;
    if it.next().is_some() {
        return None;
    }
    DatePoint::day(y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_header() {
        let t = " date 2017-11 publié le 21/11/2017 à 12:06\n\nAprès la guerre";
        let (h, start) = parse(t);
        assert_eq!(h.date.unwrap().to_string(), "2017-11");
        assert_eq!(h.published.unwrap().to_string(), "2017-11-21");
        assert_eq!(&t[start..], "Après la guerre");
    }

    #[test]
    fn header_then_text_on_same_line() {
        let t = " date 2017-09 Le président russe";
        let (h, start) = parse(t);
        assert_eq!(h.date.unwrap().to_string(), "2017-09");
        assert_eq!(h.published, None);
        assert_eq!(&t[start..], "Le président russe");
    }

    #[test]
    fn no_header() {
        let t = "Le chef de l'Etat russe";
        assert_eq!(parse(t), (Header::default(), 0));
        assert_eq!(parse("date limite dépassée").1, 0);
    }

    #[test]
    fn impossible_dates_are_reported() {
        let (h, _) = parse(" date 2017-13 texte");
        assert_eq!(h.date, None);
        assert!(h.invalid.unwrap().contains("2017-13"));
        let (h, _) = parse(" date 2017-02 publié le 31/02/2017 texte");
        assert!(h.invalid.is_some());
    }
}
