//! Reprints: what a wire archive holds besides fresh reports, the same
//! dispatch printed again by another outlet, as it came or lightly
//! edited (the headline changed, a paragraph cut, a byline added, a
//! sentence reworded). Written from articles the generator made before,
//! so that benchmarks meet stories of realistic size.

use super::Rng;

/// Bylines an outlet adds on top of a dispatch.
const BYLINES: &[&str] = &[
    "Par notre correspondant permanent",
    "De notre envoyée spéciale",
    "Avec agences",
    "By our staff correspondent",
    "Reporting by the foreign desk",
];

/// Sentences an editor writes in place of one of the dispatch's.
const REWORDINGS: &[&str] = &[
    "Les discussions doivent reprendre dans les prochains jours, selon une source proche du dossier.",
    "Aucun calendrier précis n'a été communiqué à ce stade.",
    "Plusieurs délégations ont réservé leur réponse.",
    "Talks are expected to resume within days, a person familiar with the matter said.",
    "No timetable has been given so far.",
];

/// The ways a reprint differs from its dispatch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Verbatim,
    Headline,
    CutParagraph,
    Byline,
    Reworded,
}

/// `article` as another outlet prints it.
pub fn reprint(rng: &mut Rng, article: &str) -> (Edit, String) {
    let edit = match rng.below(5) {
        0 => Edit::Verbatim,
        1 => Edit::Headline,
        2 => Edit::CutParagraph,
        3 => Edit::Byline,
        _ => Edit::Reworded,
    };
    let mut lines: Vec<String> = article.lines().map(str::to_string).collect();
    // The ` date …` header line, when the file has one, stays first.
    let top = usize::from(lines.len() > 1 && lines[0].starts_with(" date"));
    match edit {
        Edit::Verbatim => {}
        Edit::Headline => {
            let new = format!(
                "{} — {}",
                rng.pick(&["Dépêche", "Update", "Analyse"]),
                lines[top]
            );
            lines[top] = new;
        }
        Edit::CutParagraph => {
            // The longest paragraph after the first, when there is one.
            if lines.len() > 2
                && let Some((at, _)) = lines
                    .iter()
                    .enumerate()
                    .skip(top + 1)
                    .filter(|(_, l)| !l.trim().is_empty())
                    .max_by_key(|(_, l)| l.len())
            {
                lines.remove(at);
            }
        }
        Edit::Byline => lines.insert((top + 1).min(lines.len()), rng.pick(BYLINES).to_string()),
        Edit::Reworded => {
            let at = rng.below(lines.len());
            let line = &lines[at];
            // One sentence of the line given in other words.
            let new = match line.split_once(". ") {
                Some((_, rest)) => format!("{} {rest}", rng.pick(REWORDINGS)),
                None => format!("{line} {}", rng.pick(REWORDINGS)),
            };
            lines[at] = new;
        }
    }
    (edit, lines.join("\n"))
}
