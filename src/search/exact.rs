//! Exact terms (`'word`, `!word`): substrings of an article's folded
//! headline or text. The index keeps no folded copy of the texts, which
//! would take as much memory as the texts themselves: the term's longest
//! run of letters and digits finds the words, hence the articles, that may
//! hold it, and only those articles are folded again to be checked.

use memchr::memmem::Finder;
use rayon::prelude::*;

use super::index::{self, IN_TEXT, SearchIndex, fold_into};
use crate::model::Article;

/// A run this long (in characters) narrows the articles down; a shorter
/// one is in too many words to be worth looking up.
const NARROWING_RUN: usize = 3;

/// For each article, whether it is `kept` and its folded headline or text
/// holds `term` (folded).
pub(crate) fn holding(
    index: &SearchIndex,
    articles: &[Article],
    term: &str,
    kept: &[bool],
) -> Vec<bool> {
    holding_as(index, articles, term, kept, Edges::Any)
}

/// Where a match may start and end.
#[derive(Clone, Copy, PartialEq)]
enum Edges {
    /// Anywhere, inside words too.
    Any,
    /// At word edges: no letter or digit joined to either end.
    Words,
}

fn holding_as(
    index: &SearchIndex,
    articles: &[Article],
    term: &str,
    kept: &[bool],
    edges: Edges,
) -> Vec<bool> {
    if term.is_empty() {
        return kept.to_vec();
    }
    let n = articles.len();
    let mut out = vec![false; n];
    let longest = index::runs(term).max_by_key(|r| r.chars().count());
    // A term that is a single run is in the text of every article whose
    // text has a word holding it.
    // (A word holding the term is not the term as a whole word.)
    let whole = edges == Edges::Any && longest.is_some_and(|r| r.len() == term.len());
    let to_check: Vec<usize> = match longest {
        Some(run) if run.chars().nth(NARROWING_RUN - 1).is_some() => {
            let mut check = vec![false; n];
            for w in index.words_containing(run) {
                for &p in index.postings(w) {
                    let a = index::posting_parts(p).0 as usize;
                    if kept[a] {
                        if whole && p & IN_TEXT != 0 {
                            out[a] = true;
                        } else {
                            check[a] = true;
                        }
                    }
                }
            }
            for &a in index.uncovered() {
                check[a as usize] |= kept[a as usize];
            }
            (0..n).filter(|&a| check[a] && !out[a]).collect()
        }
        // A short run is no guide to which articles lack the term (an
        // elided `l'` is in no word), only to many that hold it. (Most
        // words hold a given letter: reading their postings costs more
        // than finding the letter early in each text.)
        Some(run) if whole && run.chars().nth(1).is_some() => {
            for w in index.words_containing_short(run) {
                for &p in index.postings(w) {
                    let a = index::posting_parts(p).0 as usize;
                    out[a] |= kept[a] && p & IN_TEXT != 0;
                }
            }
            (0..n).filter(|&a| kept[a] && !out[a]).collect()
        }
        _ => (0..n).filter(|&a| kept[a]).collect(),
    };
    let finder = Finder::new(term.as_bytes());
    let check = |buf: &mut String, a: usize| {
        let article = &articles[a];
        folded_contains(&article.headline, &finder, buf, edges)
            || folded_contains(&article.text, &finder, buf, edges)
    };
    let found: Vec<usize> = if to_check.len() < PARALLEL_CHECKS {
        let mut buf = String::new();
        to_check
            .into_iter()
            .filter(|&a| check(&mut buf, a))
            .collect()
    } else {
        to_check
            .par_iter()
            .with_min_len(PARALLEL_CHECKS / 4)
            .map_init(String::new, |buf, &a| check(buf, a).then_some(a))
            .flatten_iter()
            .collect()
    };
    for a in found {
        out[a] = true;
    }
    out
}

/// For each article, whether it is `kept` and its folded headline or text
/// holds `phrase` (folded) as whole words: `"a rencontré"` is not in
/// `sa rencontre`.
pub(crate) fn holding_phrase(
    index: &SearchIndex,
    articles: &[Article],
    phrase: &str,
    kept: &[bool],
) -> Vec<bool> {
    holding_as(index, articles, phrase, kept, Edges::Words)
}

/// Whether the match of `len` bytes at `at` in `folded` has no letter or
/// digit joined to either end of it.
fn at_word_edges(folded: &str, at: usize, len: usize) -> bool {
    let end = at + len;
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let first = folded[at..].chars().next();
    let last = folded[..end].chars().next_back();
    let joined_before = word(first) && word(folded[..at].chars().next_back());
    let joined_after = word(last) && word(folded[end..].chars().next());
    !joined_before && !joined_after
}

#[cfg(test)]
fn holds_words(folded: &str, finder: &Finder<'_>) -> bool {
    let n = finder.needle().len();
    finder
        .find_iter(folded.as_bytes())
        .any(|at| at_word_edges(folded, at, n))
}

/// Articles to check in full from which the checks are shared out
/// between the cores.
const PARALLEL_CHECKS: usize = 4096;

/// Bytes of text folded first; each further block is twice as long, up to
/// [`LAST_BLOCK`]. A term most texts hold is found in their first words,
/// and a rare one costs few blocks.
const FIRST_BLOCK: usize = 64;
const LAST_BLOCK: usize = 4096;

/// Whether the folded `text` holds the finder's needle (at word edges
/// for [`Edges::Words`]), folding a block at a time and keeping the folded
/// tail a match may start in (and, for word edges, the character before
/// it). A match that ends where the folded text does so far waits for the
/// next block, which tells what follows it.
fn folded_contains(text: &str, finder: &Finder<'_>, buf: &mut String, edges: Edges) -> bool {
    let needle = finder.needle().len();
    let overlap = match edges {
        Edges::Any => needle.saturating_sub(1),
        Edges::Words => needle + 4,
    };
    buf.clear();
    let mut at = 0;
    let mut block = FIRST_BLOCK;
    let mut first = true;
    while at < text.len() {
        let mut end = (at + block).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let mut keep = buf.len().saturating_sub(overlap);
        while !buf.is_char_boundary(keep) {
            keep -= 1;
        }
        buf.drain(..keep);
        // Folding maps each character on its own: blocks fold as the
        // whole text would.
        fold_into(buf, &text[at..end]);
        let last = end == text.len();
        let found = match edges {
            Edges::Any => finder.find(buf.as_bytes()).is_some(),
            Edges::Words => finder.find_iter(buf.as_bytes()).any(|m| {
                // At 0 after the first block: judged in the block before.
                (first || m > 0)
                    && (last || m + needle < buf.len())
                    && at_word_edges(buf, m, needle)
            }),
        };
        if found {
            return true;
        }
        first = false;
        at = end;
        block = (block * 2).min(LAST_BLOCK);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::fold::fold;

    #[test]
    fn phrases_hold_whole_words() {
        for (text, phrase, holds) in [
            ("poutine a rencontre assad", "a rencontre", true),
            ("apres sa rencontre avec", "a rencontre", false),
            ("l'onu a dit", "onu", true),
            ("a rencontrer", "a rencontre", false),
            ("sa rencontre, puis a rencontre", "a rencontre", true),
            ("al-assad", "assad", true),
        ] {
            let finder = Finder::new(phrase.as_bytes());
            assert_eq!(holds_words(text, &finder), holds, "{phrase} in {text}");
        }
    }

    #[test]
    fn block_by_block_phrases_agree_with_the_whole_folded_text() {
        // Matches on every side of every block edge.
        let text = "xa rencontre ".repeat(300) + "a rencontre. " + &"sa rencontrer ".repeat(300);
        let mut buf = String::new();
        for (needle, holds) in [
            ("a rencontre", true),
            ("sa rencontre", false),
            ("rencontrer", true),
            ("xa", true),
            ("rencontrer sa", true),
        ] {
            let finder = Finder::new(needle.as_bytes());
            assert_eq!(holds_words(&fold(&text), &finder), holds, "{needle}");
            assert_eq!(
                folded_contains(&text, &finder, &mut buf, Edges::Words),
                holds,
                "{needle}"
            );
        }
        // The only whole `a rencontre` sits astride a block edge.
        for pad in 0..80 {
            let text = "z".repeat(pad) + " a rencontre " + &"y".repeat(200);
            let finder = Finder::new(b"a rencontre");
            assert!(
                folded_contains(&text, &finder, &mut buf, Edges::Words),
                "{pad}"
            );
            let text = "z".repeat(pad) + "a rencontrez" + &"y".repeat(200);
            assert!(
                !folded_contains(&text, &finder, &mut buf, Edges::Words),
                "{pad}"
            );
        }
    }

    #[test]
    fn block_by_block_folding_finds_what_the_whole_folded_text_holds() {
        let text = "Erdoğan à Sotchi. ".repeat(200) + "ŒUVRE straße ™ l’ONU";
        let mut buf = String::from("left from another text");
        for needle in [
            "erdogan a sotchi",
            "oeuvre strasse",
            "tm l'onu",
            ". erd",
            "gan",
        ] {
            let finder = Finder::new(needle.as_bytes());
            assert!(
                folded_contains(&text, &finder, &mut buf, Edges::Any),
                "{needle}"
            );
            assert!(fold(&text).contains(needle));
        }
        for needle in ["sotchi..", "erdogan  a", "zz"] {
            let finder = Finder::new(needle.as_bytes());
            assert!(
                !folded_contains(&text, &finder, &mut buf, Edges::Any),
                "{needle}"
            );
        }
    }
}
