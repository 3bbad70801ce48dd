//! Finding an article's headline: a short first line without final
//! punctuation is a title; otherwise the first sentence stands in, whole:
//! the screen fits it to its column, and exports print it as it is.

/// The headline and whether it is a real title line (as opposed to a lede
/// standing in for one).
#[derive(Debug, PartialEq)]
pub struct Headline {
    pub text: String,
    pub is_title: bool,
}

const TITLE_MAX_CHARS: usize = 140;
/// A first sentence longer than this is no headline but a line without
/// sentences (a page flattened to one line): it is cut, so that the model
/// does not hold such a text twice.
const LEDE_MAX_CHARS: usize = 600;

pub fn find(text: &str) -> Headline {
    let text = skip_labels(text.trim_start());
    let first_line = text.lines().next().unwrap_or("").trim();
    let has_more = text.trim_end().len() > first_line.len();
    if has_more && is_title_line(first_line) {
        return Headline {
            text: first_line.to_string(),
            is_title: true,
        };
    }
    Headline {
        text: shorten(first_sentence(first_line), LEDE_MAX_CHARS),
        is_title: false,
    }
}

/// The longest a section label runs (`POLITICS`, `EN DIRECT`, `BREAKING NEWS`).
const LABEL_MAX_CHARS: usize = 40;

/// The text from its first line that is not a section label in capitals
/// nor a date line: pages print `LIVE` or `PREMIER LEAGUE`, and `Publié le
/// 12/03/2024 à 10:05`, above the headline.
fn skip_labels(text: &str) -> &str {
    let mut rest = text;
    for _ in 0..3 {
        let Some((line, after)) = rest.split_once('\n') else {
            break;
        };
        let line = line.trim();
        let label = !line.is_empty()
            && line.chars().count() <= LABEL_MAX_CHARS
            && line.chars().any(char::is_alphabetic)
            && !line.chars().any(char::is_lowercase)
            || crate::extract::time::is_date_line(line);
        if !label || after.trim().is_empty() {
            break;
        }
        rest = after.trim_start();
    }
    rest
}

fn is_title_line(line: &str) -> bool {
    let n = line.chars().count();
    let last = line.chars().last().unwrap_or('.');
    (3..=TITLE_MAX_CHARS).contains(&n) && !matches!(last, '.' | '!' | ',' | ';' | ':' | '»' | '"')
}

fn first_sentence(line: &str) -> &str {
    let mut prev_lower = false;
    for (i, c) in line.char_indices() {
        if matches!(c, '.' | '!' | '?') && prev_lower {
            let rest = &line[i + c.len_utf8()..];
            if rest.is_empty() || rest.starts_with(' ') {
                return &line[..i];
            }
        }
        prev_lower = c.is_lowercase() || c == ')' || c == '"' || c == '»';
    }
    line
}

/// Cuts at a word boundary and marks the cut with `…`.
pub fn shorten(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        return s.to_string();
    }
    let cut: String = s.chars().take(max_chars).collect();
    let at = cut
        .rfind(' ')
        .filter(|&i| i > max_chars / 2)
        .unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_line_without_final_punctuation_is_a_title() {
        let h = find("Poutine et Trump s’entretiendront au téléphone\nAprès sa rencontre…");
        assert_eq!(h.text, "Poutine et Trump s’entretiendront au téléphone");
        assert!(h.is_title);
    }

    #[test]
    fn a_section_label_in_capitals_is_no_headline() {
        let h = find("LIVE\nBREAKING NEWS\nStorm hits the coast\nWinds rose overnight.");
        assert_eq!(h.text, "Storm hits the coast");
        assert!(h.is_title);
        // A text of one label line keeps it.
        assert_eq!(find("EN DIRECT").text, "EN DIRECT");
    }

    #[test]
    fn a_date_line_above_the_headline_is_no_headline() {
        for (text, want) in [
            (
                "Publié le 12/03/2024 à 10:05, mis à jour à 12:30\nTrafic au port du Havre\nSuite.",
                "Trafic au port du Havre",
            ),
            (
                "Updated: Jan. 5, 2023 @ 9:12pm\nStorm hits the coast\nWinds rose.",
                "Storm hits the coast",
            ),
            // A headline that opens with a date stays one.
            (
                "12 mars 2024 : le jour où tout a basculé\nSuite.",
                "12 mars 2024 : le jour où tout a basculé",
            ),
        ] {
            assert_eq!(find(text).text, want, "{text}");
        }
    }

    #[test]
    fn a_first_sentence_stands_in() {
        let h = find("Le chef de l’Etat a rencontré mercredi le président. Il a dit.\nSuite.");
        assert_eq!(
            h.text,
            "Le chef de l’Etat a rencontré mercredi le président"
        );
        assert!(!h.is_title);
    }

    #[test]
    fn a_long_first_sentence_stands_in_whole() {
        let long = "Après la guerre en Syrie et la déroute militaire de Daesh, le ballet diplomatique commence vraiment cette fois. Suite.";
        let h = find(long);
        assert_eq!(
            h.text,
            "Après la guerre en Syrie et la déroute militaire de Daesh, le ballet diplomatique commence vraiment cette fois"
        );
    }

    #[test]
    fn a_line_without_sentences_is_cut_at_a_word() {
        let long = "mot ".repeat(1000);
        let h = find(&long);
        assert!(h.text.ends_with('…'));
        assert!(h.text.chars().count() <= LEDE_MAX_CHARS + 1);
    }

    #[test]
    fn a_lone_line_is_not_a_title_of_nothing() {
        assert!(!find("Une seule ligne").is_title);
    }
}
