//! What the words right around a name say of it, for names that say nothing
//! themselves: `le groupe X`, `shares of X`, `chez X`, `the RMT union` (an
//! organisation), `le cyclone X`, `novel X`, `X drones` (a named thing that
//! is neither a person, a place nor an organisation).
//!
//! Only the word or two next to the name are read; the lists are in
//! `data/contexts.txt`.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::fold::{fold, with_fold};

/// What the context says a name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    Org,
    Misc,
    /// `le village de X`, `X province`: the kind of place the name is.
    Place,
}

#[derive(Default)]
struct Lists {
    org_before: FxHashSet<String>,
    org_before2: FxHashSet<String>,
    org_after: FxHashSet<String>,
    misc_before: FxHashSet<String>,
    misc_after: FxHashSet<String>,
    place_before: FxHashSet<String>,
    place_before2: FxHashSet<String>,
    place_after: FxHashSet<String>,
    org_apposition: FxHashSet<String>,
    misc_apposition: FxHashSet<String>,
    place_apposition: FxHashSet<String>,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let mut lists = Lists::default();
    let mut section = "";
    for line in include_str!("data/contexts.txt").lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
            continue;
        }
        let set = match section {
            "org_before" => &mut lists.org_before,
            "org_before2" => &mut lists.org_before2,
            "org_after" => &mut lists.org_after,
            "misc_before" => &mut lists.misc_before,
            "misc_after" => &mut lists.misc_after,
            "place_before" => &mut lists.place_before,
            "place_before2" => &mut lists.place_before2,
            "place_after" => &mut lists.place_after,
            "org_apposition" => &mut lists.org_apposition,
            "misc_apposition" => &mut lists.misc_apposition,
            "place_apposition" => &mut lists.place_apposition,
            _ => continue,
        };
        set.insert(fold(line));
    }
    lists
});

/// The last two words of `prefix` (what comes right before a name), as
/// written, the nearer last; `None` past punctuation, so that a clause or
/// sentence boundary cuts the context.
fn last_words(prefix: &str) -> [Option<&str>; 2] {
    let mut out = [None, None];
    let mut words = prefix.trim_end().rsplit(char::is_whitespace);
    for slot in out.iter_mut().rev() {
        let Some(w) = words.next() else { break };
        let w = elided(w);
        if w.is_empty() || !w.chars().all(|c| c.is_alphabetic() || c == '-') {
            break;
        }
        *slot = Some(w);
    }
    out
}

/// `w` without a French elided article (`l'assureur` is `assureur`).
fn elided(w: &str) -> &str {
    match w.char_indices().find(|(_, c)| matches!(c, '\'' | '’')) {
        Some((i, c)) if i <= 3 => &w[i + c.len_utf8()..],
        _ => w,
    }
}

fn lowercase(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
}

/// What the words before a name say of it.
pub fn before(prefix: &str) -> Option<Hint> {
    let lists = &*LISTS;
    let [far, near] = last_words(prefix);
    // (`l'ONG X`: a common noun's abbreviation is written in capitals.)
    let near = near.filter(|w| lowercase(w) || w.chars().all(char::is_uppercase))?;
    let hint = |w: &str| {
        with_fold(w, |k| {
            if lists.misc_before.contains(k) {
                Some(Hint::Misc)
            } else if lists.org_before.contains(k) {
                Some(Hint::Org)
            } else if lists.place_before.contains(k) {
                Some(Hint::Place)
            } else {
                None
            }
        })
    };
    if let Some(h) = hint(near) {
        return Some(h);
    }
    if french_company_by_nationality(prefix, far, near) {
        return Some(Hint::Org);
    }
    // (Across a small word the noun is another's: `maker of X`.)
    const SMALL: &[&str] = &[
        "of", "de", "du", "des", "d", "the", "a", "an", "in", "at", "for", "la", "le", "les", "l",
        "et", "and", "to", "au", "aux", "en", "by", "par", "with", "avec", "sur", "on", "from",
        "pour", "dans",
    ];
    let far = far?;
    let pair = fold(&format!("{far} {near}"));
    if lists.org_before2.contains(&pair) {
        return Some(Hint::Org);
    }
    if lists.place_before2.contains(&pair) {
        return Some(Hint::Place);
    }
    if !lowercase(far) || with_fold(near, |k| SMALL.contains(&k)) {
        return None;
    }
    // French puts the adjective after the noun: `la start-up grenobloise X`,
    // `le télescope spatial X`.
    hint(far)
}

/// `la française Ad Vitam`, `l'américain Nvidia`: French names a company
/// by an article and its nationality's adjective, in lowercase, the noun
/// (`la société`) left unsaid; a person's nationality is a capitalised noun
/// (`la Française Léa Martin`).
fn french_company_by_nationality(prefix: &str, far: Option<&str>, near: &str) -> bool {
    let raw = prefix
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    let elided_article = ["l'", "l’", "L'", "L’"].iter().any(|a| raw.starts_with(a));
    let article = elided_article || far.is_some_and(|f| ["le", "la", "les"].contains(&f));
    article && lowercase(near) && super::gazetteer::get().is_demonym(near)
}

/// What the word right after a name says of it.
pub fn after(suffix: &str) -> Option<Hint> {
    let lists = &*LISTS;
    let word = suffix.strip_prefix(' ')?;
    let word = word.split(|c: char| !c.is_alphabetic()).next()?;
    // A capitalised word belongs to a name of its own, or to this one.
    if !word.chars().next().is_some_and(char::is_lowercase) {
        return None;
    }
    with_fold(word, |k| {
        if lists.misc_after.contains(k) {
            Some(Hint::Misc)
        } else if lists.org_after.contains(k) {
            Some(Hint::Org)
        } else if lists.place_after.contains(k) {
            Some(Hint::Place)
        } else {
            None
        }
    })
}

/// What an English apposition right after a name says of it: its head
/// noun, last before a relative, a preposition or punctuation (`, the
/// presidential residence in`: a place; `, a brooding piano ballad that`:
/// a named thing; `, a Swedish appliance maker,`: an organisation). Only
/// nouns that never describe a person are listed. (French is left out: a
/// comma and an article there as often open the next clause, `…, la
/// société compte 140 salariés`.)
pub fn apposition(suffix: &str) -> Option<Hint> {
    const STOPS: &[&str] = &[
        "that", "which", "who", "whose", "where", "of", "in", "at", "for", "with", "from", "on",
        "to", "and", "or", "by", "near", "outside",
    ];
    let lists = &*LISTS;
    let rest = suffix.strip_prefix(", ")?;
    let (det, rest) = rest.split_once(' ')?;
    if !["the", "a", "an"].contains(&det) {
        return None;
    }
    let mut head = None;
    for (i, w) in rest.split(' ').enumerate() {
        let bare = w.trim_end_matches([',', '.', ';', ':']);
        if i == 4 || STOPS.contains(&bare) {
            break;
        }
        let possessive = bare.ends_with("'s") || bare.ends_with("’s");
        if !possessive && !bare.chars().all(|c| c.is_lowercase() || c == '-') {
            // (`, a salué "un livre`: French, or no apposition.)
            if !bare.chars().next().is_some_and(char::is_uppercase) {
                return None;
            }
        } else if !possessive {
            head = Some(bare);
        }
        if bare.len() != w.len() {
            break;
        }
    }
    with_fold(head?, |k| {
        if lists.misc_apposition.contains(k) {
            Some(Hint::Misc)
        } else if lists.org_apposition.contains(k) {
            Some(Hint::Org)
        } else if lists.place_apposition.contains(k) {
            Some(Hint::Place)
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_before_a_name() {
        let rows: &[(&str, Option<Hint>)] = &[
            ("Le contrat a été signé par le groupe ", Some(Hint::Org)),
            ("Les puces seront fabriquées chez ", Some(Hint::Org)),
            ("la start-up grenobloise ", Some(Hint::Org)),
            ("a été racheté par l'assureur ", Some(Hint::Org)),
            ("Shares of ", Some(Hint::Org)),
            ("fined the US chipmaker ", Some(Hint::Org)),
            ("à l'approche du cyclone ", Some(Hint::Misc)),
            ("le télescope spatial ", Some(Hint::Misc)),
            ("won the prize for her novel ", Some(Hint::Misc)),
            ("des drones de type ", Some(Hint::Misc)),
            ("le jury du prix ", Some(Hint::Misc)),
            // The kind of place before the name.
            ("les habitants du village de ", Some(Hint::Place)),
            ("le séisme sur l'île de ", Some(Hint::Place)),
            ("residents of the island of ", Some(Hint::Place)),
            ("a suspendu ses vols à l'aéroport ", Some(Hint::Place)),
            ("bloquaient l'autoroute ", Some(Hint::Place)),
            ("le jury s'est réuni au restaurant ", Some(Hint::Place)),
            ("les rescapés du navire ", Some(Hint::Misc)),
            ("crew of the tanker ", Some(Hint::Misc)),
            ("a school in the town of ", Some(Hint::Place)),
            ("the capital of ", None),
            // A person's context, or none.
            ("a déclaré le président ", None),
            ("said ", None),
            ("the group's chief executive, ", None),
            ("le groupe. ", None),
            ("the maker of ", None),
            ("", None),
        ];
        for (prefix, hint) in rows {
            assert_eq!(before(prefix), *hint, "{prefix:?}");
        }
    }

    #[test]
    fn words_after_a_name() {
        let rows: &[(&str, Option<Hint>)] = &[
            (" drones were shot down", Some(Hint::Misc)),
            (" biscuits and soups", Some(Hint::Misc)),
            (" union said", Some(Hint::Org)),
            (" party won", Some(Hint::Org)),
            (" said on Monday", None),
            (" province kept the road closed", Some(Hint::Place)),
            (" river burst its banks", Some(Hint::Place)),
            (" district of Tokyo", Some(Hint::Place)),
            (" airport was closed", Some(Hint::Place)),
            // (`the Trump camp`: a person's side, not a place.)
            (" camp said", None),
            (" crossing reopened", Some(Hint::Place)),
            (" Union", None),
            (", the union", None),
        ];
        for (suffix, hint) in rows {
            assert_eq!(after(suffix), *hint, "{suffix:?}");
        }
    }

    #[test]
    fn an_apposition_after_a_name() {
        let rows: &[(&str, Option<Hint>)] = &[
            (
                ", the presidential residence in the capital",
                Some(Hint::Place),
            ),
            (
                ", the sprawling complex that houses ministries",
                Some(Hint::Place),
            ),
            (", a brooding piano ballad that won", Some(Hint::Misc)),
            (", a Swedish appliance maker, said", Some(Hint::Org)),
            (", the country's largest lender.", Some(Hint::Org)),
            // Nouns that describe people say nothing.
            (", the company's founder, said", None),
            (", a party member, said", None),
            (", the union leader", None),
            // French: the next clause, or a verb.
            (", la société compte 140 salariés", None),
            (", a salué \"un livre rare\"", None),
            (" said", None),
        ];
        for (suffix, hint) in rows {
            assert_eq!(apposition(suffix), *hint, "{suffix:?}");
        }
    }
}
