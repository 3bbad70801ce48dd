//! Titles of works in quotation marks: `pour "Les Heures de sel"`,
//! `auteur de « La Dernière Écluse »`, `the novel "Orbital"`. A title is
//! made of ordinary words, so its capitalised words alone read as a person
//! (`Dernière Écluse`) or lose the article and lowercase words that belong
//! to it; the quotation marks and the word before them say where it starts
//! and ends, and that it names a work.

use super::SentenceScan;
use crate::extract::fold::with_fold;

/// Words that announce a title right before its opening quote, folded.
const WORK_NOUNS: &[&str] = &[
    // French.
    "roman",
    "film",
    "livre",
    "album",
    "essai",
    "recit",
    "piece",
    "serie",
    "documentaire",
    "chanson",
    "recueil",
    "ouvrage",
    "intitule",
    "intitulee",
    "titre",
    "biographie",
    "spectacle",
    "exposition",
    "emission",
    "long-metrage",
    "court-metrage",
    "opera",
    "single",
    // English.
    "novel",
    "book",
    "movie",
    "song",
    "series",
    "documentary",
    "play",
    "titled",
    "entitled",
    "memoir",
    "collection",
    "show",
    "exhibition",
];

/// Prepositions that introduce a title after a prize (`récompensé pour
/// "X"`, `awarded for "X"`).
const FOR: &[&str] = &["pour", "for"];

/// Prepositions that introduce a title after its maker (`auteur de "X"`).
const OF: &[&str] = &["de", "of"];

/// What may stand before [`OF`] for the quote after it to be a title,
/// folded: the maker of a work (a bare `de "X"` is as often a quotation).
const MAKERS: &[&str] = &[
    "auteur",
    "autrice",
    "auteure",
    "realisateur",
    "realisatrice",
    "scenariste",
    "compositeur",
    "compositrice",
    "interprete",
    "createur",
    "creatrice",
    "adaptation",
    "author",
    "director",
    "writer",
    "composer",
    "creator",
];

const OPENING: &[char] = &['"', '«', '“'];
const CLOSING: &[char] = &['"', '»', '”'];

/// The most words a title may hold; a longer quoted run is a quotation.
const MAX_TITLE_TOKENS: usize = 8;

impl SentenceScan<'_> {
    /// One past the last token of the quoted title that starts at `i`,
    /// when the word before its opening quote announces a work and the
    /// quote closes, with nothing but words and elisions inside, within
    /// [`MAX_TITLE_TOKENS`].
    pub(super) fn quoted_title(&self, i: usize) -> Option<usize> {
        if i == 0 || !self.tokens[i].is_capitalised() {
            return None;
        }
        let before = &self.sentence[self.tokens[i - 1].end..self.tokens[i].start];
        let before = before.trim();
        if before.chars().count() != 1 || !before.starts_with(OPENING) {
            return None;
        }
        if !self.announces_work(i - 1) {
            return None;
        }
        let n = self.tokens.len();
        for k in i + 1..=(i + MAX_TITLE_TOKENS).min(n) {
            let gap_end = self.tokens.get(k).map_or(self.sentence.len(), |t| t.start);
            let gap = &self.sentence[self.tokens[k - 1].end..gap_end];
            let inner = gap.trim_start();
            if inner.starts_with(CLOSING) {
                return Some(k);
            }
            // Inside a title only spaces and elisions part words; anything
            // else (a comma, a full stop) makes it a quotation.
            if !inner.is_empty() && !super::is_elision_gap(gap) {
                return None;
            }
        }
        None
    }

    fn announces_work(&self, j: usize) -> bool {
        let word = self.tokens[j].text;
        with_fold(word, |w| {
            WORK_NOUNS.contains(&w)
                || FOR.contains(&w)
                || OF.contains(&w)
                    && j > 0
                    && with_fold(self.tokens[j - 1].text, |m| MAKERS.contains(&m))
        })
    }
}
