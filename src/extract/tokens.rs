//! Words of a sentence with their byte offsets. Elided articles and
//! pronouns (`l'`, `d'`, `qu'`) are split off so that `l'ONU` yields `ONU`;
//! hyphens stay inside words (`Moyen-Orient`, `al-Assad`).

/// A word and where it sits in the text it was cut from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// Set when the word was preceded by an elided `l'`, `d'`… (the elision
    /// is not part of `text`).
    pub elided: bool,
}

impl Token<'_> {
    /// Starts with a capital letter, or is an Arabic-particle name such as
    /// `al-Assad` whose name part is capitalised.
    pub fn is_capitalised(&self) -> bool {
        let mut chars = self.text.chars();
        match chars.next() {
            Some(c) if c.is_uppercase() => true,
            Some(_) => particle_name(self.text),
            None => false,
        }
    }

    /// Two or more letters, all capitals (`ONU`, `OSDH`), digits allowed after the first.
    pub fn is_acronym(&self) -> bool {
        let letters = self.text.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 2
            && self.text.chars().next().is_some_and(char::is_uppercase)
            && self
                .text
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-')
    }
}

/// `al-Assad`, `el-Assad`, `ad-Dawla`, `ben-Salmane`: a lowercase Arabic
/// particle glued to a capitalised name.
pub fn particle_name(w: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "al-", "el-", "ad-", "ar-", "as-", "at-", "an-", "az-", "ash-", "ben-", "bin-", "ibn-",
        "abu-", "abou-",
    ];
    // Every particle ends with its hyphen at byte 2, 3 or 4.
    let b = w.as_bytes();
    if !(b.get(2) == Some(&b'-') || b.get(3) == Some(&b'-') || b.get(4) == Some(&b'-')) {
        return false;
    }
    PARTICLES.iter().any(|p| {
        w.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p))
            && w[p.len()..].chars().next().is_some_and(char::is_uppercase)
    })
}

/// `c.is_alphabetic()`, without the table search for the letters of
/// Latin-1 and Latin Extended-A and -B (all alphabetic but `×` and `÷`).
#[inline(always)]
pub(crate) fn is_alphabetic(c: char) -> bool {
    match c {
        '\u{C0}'..='\u{24F}' => c != '×' && c != '÷',
        _ => c.is_alphabetic(),
    }
}

/// `c.is_alphanumeric()`, likewise.
#[inline(always)]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    match c {
        '\u{C0}'..='\u{24F}' => c != '×' && c != '÷',
        _ => c.is_alphanumeric(),
    }
}

/// The character at byte `i` of `text`, which must be a character
/// boundary, and its length in bytes; ASCII without decoding.
#[inline(always)]
pub(crate) fn char_at(text: &str, i: usize) -> (char, usize) {
    match text.as_bytes()[i] {
        b if b.is_ascii() => (char::from(b), 1),
        _ => {
            let c = text[i..]
                .chars()
                .next()
                .expect("i is on a character boundary");
            (c, c.len_utf8())
        }
    }
}

/// The maximal runs of alphabetic characters of `text`, in order: what
/// `text.split(|c: char| !c.is_alphabetic())` gives without its empty
/// pieces, read a byte at a time where the text is ASCII.
pub fn alphabetic_runs(text: &str) -> AlphabeticRuns<'_> {
    AlphabeticRuns { text, at: 0 }
}

/// See [`alphabetic_runs`].
pub struct AlphabeticRuns<'a> {
    text: &'a str,
    /// Where to look next (a character boundary).
    at: usize,
}

impl AlphabeticRuns<'_> {
    /// The first byte at or after `i` whose character is alphabetic when
    /// `alphabetic` is false, not alphabetic when it is true (or the end of
    /// the text): where a run of one kind ends.
    #[inline(always)]
    fn run_end(&self, mut i: usize, alphabetic: bool) -> usize {
        let bytes = self.text.as_bytes();
        while i < bytes.len() {
            // Runs of ASCII of the kind sought, then one character.
            if alphabetic {
                while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                    i += 1;
                }
            } else {
                while i < bytes.len() && bytes[i].is_ascii() && !bytes[i].is_ascii_alphabetic() {
                    i += 1;
                }
            }
            if i >= bytes.len() {
                break;
            }
            let b = bytes[i];
            if b.is_ascii() {
                break;
            }
            let (c, len) = char_at(self.text, i);
            if is_alphabetic(c) != alphabetic {
                break;
            }
            i += len;
        }
        i
    }
}

impl<'a> Iterator for AlphabeticRuns<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        let start = self.run_end(self.at, false);
        if start >= self.text.len() {
            self.at = start;
            return None;
        }
        let end = self.run_end(start, true);
        self.at = end;
        Some(&self.text[start..end])
    }
}

const ELISIONS: &[&str] = &[
    "l", "d", "qu", "s", "n", "j", "m", "t", "c", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’' || c == 'ʼ'
}

fn is_word_char(c: char) -> bool {
    is_alphanumeric(c)
}

/// Splits `text` into words. Punctuation is dropped; `-` and apostrophes
/// inside a word keep it whole unless the part before the apostrophe is an
/// elision.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::with_capacity(text.len() / 5 + 4);
    out.extend(tokens(text));
    out
}

/// The words of [`tokenize`] one at a time: a whole text's tokens take
/// several times the text, which the search index, reading each word once,
/// need not hold.
pub fn tokens(text: &str) -> Tokens<'_> {
    Tokens {
        text,
        at: 0,
        elided: false,
    }
}

/// The iterator of [`tokens`].
pub struct Tokens<'a> {
    text: &'a str,
    /// The next character to read.
    at: usize,
    /// The word before was an elision (`l'`), which the next word carries.
    elided: bool,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let text = self.text;
        while self.at < text.len() {
            let start = self.at;
            let (c, len) = char_at(text, start);
            self.at += len;
            if !is_word_char(c) {
                continue;
            }
            let mut end = self.at;
            let mut is_elision = false;
            while self.at < text.len() {
                let j = self.at;
                let (d, len) = char_at(text, j);
                let glued_period = d == '.' && is_dotted_acronym(&text[start..j], &text[j..]);
                if is_word_char(d) || glued_period {
                    end = j + len;
                    self.at = end;
                    continue;
                }
                let joins = d == '-' || is_apostrophe(d);
                let next_is_word =
                    || j + len < text.len() && is_word_char(char_at(text, j + len).0);
                if !(joins && next_is_word()) {
                    break;
                }
                self.at = j + len;
                if is_apostrophe(d)
                    && ELISIONS
                        .iter()
                        .any(|e| text[start..j].eq_ignore_ascii_case(e))
                {
                    is_elision = true;
                    break;
                }
                end = j + len;
            }
            if is_elision {
                // The elision itself is not a word; the next word carries the flag.
                self.elided = true;
                continue;
            }
            let end = start + without_possessive(&text[start..end]).len();
            return Some(Token {
                text: &text[start..end],
                start,
                end,
                elided: std::mem::take(&mut self.elided),
            });
        }
        None
    }
}

/// `Russia's`, `Merkel’s`: the English possessive is no part of the name.
fn without_possessive(word: &str) -> &str {
    for apostrophe in ["'s", "’s"] {
        if let Some(stem) = word.strip_suffix(apostrophe)
            && stem.chars().count() >= 2
            && stem.chars().last().is_some_and(is_alphabetic)
        {
            return stem;
        }
    }
    word
}

// U.S. and U.N. keep their periods; an initial's period (J. Smith) does not join.
fn is_dotted_acronym(before: &str, rest: &str) -> bool {
    let last_is_single_capital = before
        .rsplit('.')
        .next()
        .is_some_and(|s| s.chars().count() == 1 && s.chars().all(char::is_uppercase));
    let closes_dotted =
        before.contains('.') && !rest[1..].starts_with(|c: char| c.is_alphanumeric());
    last_is_single_capital && closes_dotted
        || last_is_single_capital
            && rest[1..].chars().next().is_some_and(char::is_uppercase)
            && rest[1..].chars().nth(1) == Some('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<&str> {
        tokenize(t).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn one_word_at_a_time_gives_the_same_words() {
        let text = "L'ONU et l’Union européenne : Russia's envoy, U.S. officials, \
                    J. Smith à Saint-Pétersbourg — d'abord 3,5 % ; fin";
        let all: Vec<(&str, usize, usize, bool)> = tokenize(text)
            .into_iter()
            .map(|t| (t.text, t.start, t.end, t.elided))
            .collect();
        let streamed: Vec<_> = tokens(text)
            .map(|t| (t.text, t.start, t.end, t.elided))
            .collect();
        assert_eq!(streamed, all);
        assert!(all.iter().any(|t| t.3), "an elision seen: {all:?}");
    }

    #[test]
    fn elisions_split_hyphens_join() {
        assert_eq!(
            words("l'ONU et d’Idleb, qu'Erdoğan"),
            ["ONU", "et", "Idleb", "Erdoğan"]
        );
        assert_eq!(
            words("au Moyen-Orient, al-Assad"),
            ["au", "Moyen-Orient", "al-Assad"]
        );
        assert_eq!(words("aujourd'hui"), ["aujourd'hui"]);
        let t = tokenize("l'ONU");
        assert!(t[0].elided);
        assert_eq!(t[0].start, 2);
    }

    #[test]
    fn english_possessives_leave_the_name() {
        assert_eq!(
            words("Russia's army, Merkel’s party, the Fed's rate, it's"),
            [
                "Russia", "army", "Merkel", "party", "the", "Fed", "rate", "it"
            ]
        );
        // Not a possessive: a name of its own.
    }

    #[test]
    fn capitals_and_acronyms() {
        let t = tokenize("ONU al-Qaïda syrien OSDH Moyen-Orient");
        assert!(t[0].is_acronym() && t[0].is_capitalised());
        assert!(t[1].is_capitalised() && !t[1].is_acronym());
        assert!(!t[2].is_capitalised());
        assert!(t[3].is_acronym());
        assert!(!t[4].is_acronym());
    }

    #[test]
    fn fast_character_classes_agree_with_the_standard_ones() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn alphabetic_runs_split_as_str_split_does() {
        for t in [
            "",
            "a",
            " a b ",
            "l'ONU, d’Idleb: 2017 été Erdoğan!",
            "e\u{301}te\u{301} ß 漢字 ① x²y ǅ",
            "…«»",
        ] {
            let want: Vec<&str> = t
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(alphabetic_runs(t).collect::<Vec<_>>(), want, "{t:?}");
        }
    }

    #[test]
    fn dotted_acronyms_stay_whole() {
        assert_eq!(
            words("the U.S. and U.N. said. J. Smith"),
            ["the", "U.S.", "and", "U.N.", "said", "J", "Smith"]
        );
    }
}
