//! What a page prints besides the news: signature lines (`Par Jeanne
//! Martin`, `Reporting by …`), photo and wire credits (`Photo : AFP`,
//! `(AP Photo/…)`), headings in capitals (`EN DIRECT`, `BREAKING`) and the
//! agency that signs a dateline (`KYIV (Reuters) -`). Their names are not
//! what the article is about, so entity extraction leaves them out.
//!
//! Sentences are split at line breaks, so a whole line is one sentence.

use std::sync::LazyLock;

struct Lists {
    byline: Vec<&'static str>,
    credit: Vec<&'static str>,
    agency: Vec<&'static str>,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let mut lists = Lists {
        byline: Vec::new(),
        credit: Vec::new(),
        agency: Vec::new(),
    };
    for line in include_str!("data/credit_lines.txt").lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split('|').map(str::trim);
        let target = match fields.next() {
            Some("byline") => &mut lists.byline,
            Some("credit") => &mut lists.credit,
            Some("agency") => &mut lists.agency,
            _ => continue,
        };
        target.extend(fields.filter(|f| !f.is_empty()));
    }
    // Longest first, so that `Reporting by` is tried before `Reporting`.
    for list in [&mut lists.byline, &mut lists.credit] {
        list.sort_by_key(|w| std::cmp::Reverse(w.len()));
    }
    lists
});

/// The longest a signature or credit line runs; a longer line is prose.
const MAX_SIGNATURE_LEN: usize = 120;

/// Whether `sentence` (a whole line or a piece of one) is a signature, a
/// credit or a heading in capitals, whose names are not news.
pub fn is_credit_line(sentence: &str) -> bool {
    let s = sentence.trim();
    if s.is_empty() {
        return false;
    }
    // `EN DIRECT`, `BREAKING`, `LIVE UPDATES`: no lowercase letter at all.
    if !s.chars().any(char::is_lowercase) && s.chars().any(char::is_alphabetic) {
        return true;
    }
    if s.len() <= MAX_SIGNATURE_LEN && is_contribution_line(s) {
        return true;
    }
    if s.len() > MAX_SIGNATURE_LEN || s.ends_with(['.', '!', '?', ':', ';']) {
        return false;
    }
    let lists = &*LISTS;
    // `Associated Press` alone on its line signs the copy.
    if lists.agency.contains(&s) {
        return true;
    }
    if is_names_line(s) {
        return true;
    }
    let opens = |words: &[&str]| {
        let s = s.trim_start_matches(['(', '[']);
        words.iter().find_map(|w| {
            s.strip_prefix(w)
                .filter(|rest| rest.is_empty() || rest.starts_with([' ', ':', '/', '\u{a0}']))
        })
    };
    if opens(&lists.credit).is_some() {
        return true;
    }
    // `(AP Photo/…)`, `Reuters Photo`: an agency's own credit.
    if opens(&lists.agency).is_some_and(|rest| {
        let rest = rest.trim_start();
        lists.credit.iter().any(|w| rest.starts_with(w))
    }) {
        return true;
    }
    // A signature: the word, then a capitalised name (`Par ailleurs, …` is prose).
    opens(&lists.byline).is_some_and(|rest| {
        rest.trim_start_matches([' ', ':', '\u{a0}'])
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    })
}

/// What follows the verb of a line that credits who helped report the
/// story (`X contributed to this report.`, `Y and Z contributed from
/// Kyiv.`), folded to lower case and without its final period.
const CONTRIBUTED_TO: [&str; 8] = [
    "to this report",
    "to this story",
    "to this article",
    "reporting",
    "to reporting",
    "à cet article",
    "à ce reportage",
    "au reportage",
];

/// A line that credits the reporters who helped (`Associated Press writer
/// Dalia Ross contributed to this report.`, `Ana Ruiz and Tom Bell
/// contributed from Kyiv.`), not what they report: the verb of
/// contributing followed by one of [`CONTRIBUTED_TO`], or by `from` and a
/// capitalised place that ends the line.
fn is_contribution_line(s: &str) -> bool {
    // Most lines are prose: one scan for the verb's stem turns them away.
    static STEM: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("contribu"));
    if STEM.find(s.as_bytes()).is_none() {
        return false;
    }
    let s = s.trim_end_matches('.');
    let Some((_, rest)) = ["contributed ", "a contribué ", "ont contribué "]
        .iter()
        .find_map(|verb| s.split_once(verb))
    else {
        return false;
    };
    let rest = rest.trim().to_lowercase();
    if CONTRIBUTED_TO.contains(&rest.as_str()) {
        return true;
    }
    let place = ["from ", "depuis "]
        .iter()
        .find_map(|w| rest.strip_prefix(w));
    place.is_some_and(|p| {
        let words = p.split_whitespace().count();
        (1..=3).contains(&words)
    }) && s
        .rsplit_once(' ')
        .is_some_and(|(_, last)| last.starts_with(char::is_uppercase))
}

/// A line of reporters' names alone, as a page prints its signature under
/// the headline (`Andrew Sparrow and Kiran Stacey`, `Marie Roy, Paul Vidal
/// et Anne Ruiz`): two to four names of two or three capitalised words, each
/// opening with a known given name, joined by `and`, `et`, `&` or commas.
fn is_names_line(s: &str) -> bool {
    let gaz = crate::extract::gazetteer::get();
    let mut names = 0;
    for part in s
        .split([',', '&'])
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" et "))
    {
        let words: Vec<&str> = part.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        let capitalised = words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || "-'’.".contains(c))
        });
        if !(2..=3).contains(&words.len()) || !capitalised || !gaz.is_given_name(words[0]) {
            return false;
        }
        names += 1;
    }
    (2..=4).contains(&names)
}

/// Whether the mention at `start..end` of `sentence` is an agency signing
/// the copy: in parentheses (`(AFP)`, `(Reuters) -`) or after a credit
/// word (`© Reuters`, `Photo AFP`), rather than named in the news.
pub fn is_signing_agency(sentence: &str, start: usize, end: usize) -> bool {
    let lists = &*LISTS;
    let name = &sentence[start..end];
    if !lists.agency.contains(&name) {
        return false;
    }
    let before = sentence[..start].trim_end();
    let after = sentence[end..].trim_start();
    let in_parentheses = before.ends_with('(') && after.starts_with([')', '/', ',']);
    let after_credit = before.ends_with('©')
        || before.ends_with('/')
        || lists
            .credit
            .iter()
            .any(|w| before.trim_end_matches([':', ' ', '\u{a0}']).ends_with(w));
    in_parentheses || after_credit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_credit_and_heading_lines() {
        let rows: &[(&str, bool)] = &[
            ("Par Jeanne Martin", true),
            ("Par Jeanne Martin, envoyée spéciale à Kiev", true),
            ("By Jane Smith and Tom Brown", true),
            ("Reporting by Tom Ridley; Editing by Mark Ellery", true),
            ("Avec AFP", true),
            ("Photo : AFP", true),
            ("© Photo : AFP", true),
            ("(AP Photo/John Doe)", true),
            ("Crédit : Reuters", true),
            ("EN DIRECT", true),
            ("BREAKING", true),
            ("Par ailleurs, le ministre a parlé à Lyon.", false),
            ("Par la suite, rien.", false),
            ("By Tuesday the talks had stalled in Geneva.", false),
            ("Photographers gathered in Kyiv on Monday.", false),
            ("Jean Dupont a rencontré Paul Martin.", false),
            // Who helped report, and reporters' names alone under a headline.
            (
                "Associated Press writer Dalia Ross contributed to this report.",
                true,
            ),
            ("Ana Ruiz and Tom Bell contributed from Kyiv.", true),
            ("Léa Roy a contribué à cet article.", true),
            ("Andrew Marsh and Kiran Bell", true),
            ("Marie Roy, Paul Vidal et Anne Ruiz", true),
            ("Associated Press", true),
            ("Germany contributed 5 billion euros to the fund.", false),
            ("Norway contributed from its reserves.", false),
            ("Joe Biden", false),
            ("Israel and Hamas", false),
            ("Lewis Hamilton wins in Monaco", false),
        ];
        for (line, want) in rows {
            assert_eq!(is_credit_line(line), *want, "{line}");
        }
    }

    #[test]
    fn agencies_sign_in_parentheses_and_credits_but_are_news_in_prose() {
        let at = |s: &str, name: &str| {
            let i = s.find(name).unwrap();
            is_signing_agency(s, i, i + name.len())
        };
        assert!(at("KYIV, March 3 (Reuters) - Talks", "Reuters"));
        assert!(at("BAMAKO, 14 mars (AFP) - Le", "AFP"));
        assert!(at("des secouristes à Derna. Photo : Reuters", "Reuters"));
        assert!(!at("a indiqué l'AFP mardi", "AFP"));
        assert!(!at("the minister told Reuters on Monday", "Reuters"));
        assert!(!at("Le Monde (Paris) rapporte", "Paris"));
    }
}
