//! How a printing of a story differs from the story's representative, as
//! the reader says it: the headline changed, paragraphs added, cut or
//! reworded. Paragraphs are the texts' non-blank lines, compared with
//! case, accents and spacing folded away; a paragraph of one text that
//! the other lacks is *reworded* when it shares most of its words with
//! one the other text lacks, else *added* (or *cut*).
//!
//! Pure: two texts and their headlines in, counts out. Work grows with the
//! square of the paragraphs of one article, a few dozen at most.

use crate::extract::fold::fold_name;

/// The differences of a printing from its story's representative.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Differences {
    pub headline_changed: bool,
    /// Paragraphs the printing has and the representative lacks.
    pub added: usize,
    /// Paragraphs of the representative the printing lacks.
    pub cut: usize,
    /// Paragraphs the printing words otherwise.
    pub reworded: usize,
}

impl Differences {
    pub fn is_empty(&self) -> bool {
        *self == Differences::default()
    }

    /// `headline changed · 1 paragraph reworded · 2 cut`; `same text`.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if self.headline_changed {
            parts.push("headline changed".to_string());
        }
        let mut paragraphs = |n: usize, what: &str| {
            if n > 0 {
                let noun = if parts.iter().any(|p| p.contains("paragraph")) {
                    ""
                } else if n == 1 {
                    " paragraph"
                } else {
                    " paragraphs"
                };
                parts.push(format!("{n}{noun} {what}"));
            }
        };
        paragraphs(self.reworded, "reworded");
        paragraphs(self.added, "added");
        paragraphs(self.cut, "cut");
        if parts.is_empty() {
            "same text".into()
        } else {
            parts.join(" · ")
        }
    }
}

/// A paragraph's words, folded, for comparing.
fn words(p: &str) -> Vec<String> {
    let mut w: Vec<String> = p
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(fold_name)
        .collect();
    w.sort_unstable();
    w.dedup();
    w
}

/// The non-blank lines of a text after its headline (when it opens with
/// it), folded.
fn paragraphs(text: &str, headline: &str) -> Vec<String> {
    let mut lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines
        .first()
        .is_some_and(|l| fold_name(l) == fold_name(headline))
    {
        lines.remove(0);
    }
    lines.into_iter().map(|l| words(l).join(" ")).collect()
}

/// Share of words two folded paragraphs have in common (Jaccard).
fn overlap(a: &str, b: &str) -> f32 {
    let a: Vec<&str> = a.split(' ').collect();
    let b: Vec<&str> = b.split(' ').collect();
    let common = a.iter().filter(|w| b.binary_search(w).is_ok()).count();
    let union = a.len() + b.len() - common;
    if union == 0 {
        1.0
    } else {
        common as f32 / union as f32
    }
}

/// A paragraph sharing at least this much of its words with another is
/// that one reworded.
const REWORDED: f32 = 0.4;

/// How `text` (headline `headline`) differs from the representative's.
pub fn differences(representative: (&str, &str), printing: (&str, &str)) -> Differences {
    let (rep_text, rep_headline) = representative;
    let (text, headline) = printing;
    let ours = paragraphs(text, headline);
    let theirs = paragraphs(rep_text, rep_headline);
    let mut only_ours: Vec<&String> = ours.iter().filter(|p| !theirs.contains(p)).collect();
    let mut only_theirs: Vec<&String> = theirs.iter().filter(|p| !ours.contains(p)).collect();
    let mut reworded = 0;
    only_ours.retain(|p| {
        let best = only_theirs
            .iter()
            .enumerate()
            .map(|(i, q)| (i, overlap(p, q)))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        match best {
            Some((i, o)) if o >= REWORDED => {
                only_theirs.remove(i);
                reworded += 1;
                false
            }
            _ => true,
        }
    });
    Differences {
        headline_changed: fold_name(headline) != fold_name(rep_headline),
        added: only_ours.len(),
        cut: only_theirs.len(),
        reworded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DISPATCH: &str = "Le port rouvre\nLe port a rouvert mardi matin après la tempête.\nLes ferries accostent de nouveau vers huit heures.\nLes pêcheurs comptent leurs pertes.\n";

    #[test]
    fn each_kind_of_edit_is_named() {
        let rep = (DISPATCH, "Le port rouvre");
        let cases: [(&str, &str, Differences); 5] = [
            (DISPATCH, "Le port rouvre", Differences::default()),
            (
                "Les ferries sont de retour\nLe port a rouvert mardi matin après la tempête.\nLes ferries accostent de nouveau vers huit heures.\nLes pêcheurs comptent leurs pertes.\n",
                "Les ferries sont de retour",
                Differences {
                    headline_changed: true,
                    ..Differences::default()
                },
            ),
            (
                "Le port rouvre\nLe port a rouvert mardi matin après la tempête.\nLes ferries accostent de nouveau vers huit heures.\n",
                "Le port rouvre",
                Differences {
                    cut: 1,
                    ..Differences::default()
                },
            ),
            (
                "Le port rouvre\nPar notre correspondante\nLe port a rouvert mardi matin après la tempête.\nLes ferries accostent de nouveau vers huit heures.\nLes pêcheurs comptent leurs pertes.\n",
                "Le port rouvre",
                Differences {
                    added: 1,
                    ..Differences::default()
                },
            ),
            (
                "Le port rouvre\nLe port a rouvert mardi matin après la tempête.\nVers huit heures, les ferries accostent de nouveau au quai.\nLes pêcheurs comptent leurs pertes.\n",
                "Le port rouvre",
                Differences {
                    reworded: 1,
                    ..Differences::default()
                },
            ),
        ];
        for (text, headline, want) in cases {
            assert_eq!(differences(rep, (text, headline)), want, "{text}");
        }
    }

    #[test]
    fn the_description_counts_paragraphs_once() {
        let d = Differences {
            headline_changed: true,
            reworded: 1,
            added: 0,
            cut: 2,
        };
        assert_eq!(
            d.describe(),
            "headline changed · 1 paragraph reworded · 2 cut"
        );
        assert_eq!(Differences::default().describe(), "same text");
    }
}
