//! Language detection between French and English by counting frequent
//! function words: cheap, deterministic and reliable on news prose.

use std::fmt;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub fn from_code(s: &str) -> Option<Self> {
        match s.to_ascii_lowercase().as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

// Words that are frequent in one language and rare in the other.
const FR: &[&str] = &[
    "le", "la", "les", "des", "du", "et", "est", "une", "dans", "pour", "qui", "que", "sur",
    "avec", "au", "aux", "pas", "ont", "été", "par", "ses", "son", "sa", "cette", "mais",
];
const EN: &[&str] = &[
    "the", "and", "is", "of", "to", "in", "that", "was", "for", "with", "on", "by", "his", "her",
    "have", "has", "were", "from", "this", "which", "but", "said", "are", "its", "at",
];

/// Each word of [`FR`] and [`EN`]: whether it is in each list.
static WORDS: LazyLock<FxHashMap<&'static str, (bool, bool)>> = LazyLock::new(|| {
    let mut out = FxHashMap::default();
    for w in FR {
        out.entry(*w).or_insert((false, false)).0 = true;
    }
    for w in EN {
        out.entry(*w).or_insert((false, false)).1 = true;
    }
    out
});

/// Guesses the language of a text; French when nothing decides.
pub fn detect(text: &str) -> Lang {
    let (mut fr, mut en) = (0usize, 0usize);
    for w in super::tokens::alphabetic_runs(text).take(2000) {
        // Lower-casing never makes fewer characters: no word of more than 5
        // (the longest listed word) can be one. Plain ASCII words are
        // lower-cased on the stack.
        if w.len() > 5 && w.chars().nth(5).is_some() {
            continue;
        }
        let mut buf = [0u8; 5];
        let lower;
        let w = if w.is_ascii() {
            let buf = &mut buf[..w.len()];
            buf.copy_from_slice(w.as_bytes());
            buf.make_ascii_lowercase();
            std::str::from_utf8(buf).unwrap_or_default()
        } else {
            lower = w.to_lowercase();
            lower.as_str()
        };
        if let Some(&(f, e)) = WORDS.get(w) {
            fr += f as usize;
            en += e as usize;
        }
    }
    if en > fr { Lang::En } else { Lang::Fr }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_listed_word_is_longer_than_five_bytes() {
        assert!(FR.iter().chain(EN).all(|w| w.len() <= 5));
    }

    #[test]
    fn detects_french_and_english() {
        assert_eq!(
            detect("Le président russe a rencontré son homologue dans la soirée."),
            Lang::Fr
        );
        assert_eq!(
            detect("The Russian president met his counterpart in the evening."),
            Lang::En
        );
        assert_eq!(detect(""), Lang::Fr);
    }
}
