//! A key under which the French and English renderings of one foreign name
//! meet: `Poutine` and `Putin`, `Loukachenko` and `Lukashenko`, `Kadhafi`,
//! `Gaddafi` and `Qaddafi`, `Zaporijia` and `Zaporizhzhia` all key alike.
//!
//! Russian, Ukrainian, Arabic and Persian names reach the two languages
//! through different spelling conventions for the same sounds: French
//! writes `ou` for English `u`, `j` for `zh`, `ch` for `sh`, `tch` for `ch`,
//! adds an `e` to keep a final `n` sounded (`Poutine`, `Salmane`), and both
//! hesitate between `y`, `i` and `iy`, single and doubled consonants, `k`,
//! `q` and `g`, `h` or no `h` after a consonant. The key writes each such
//! family of spellings one way. It is deliberately loose, so it is only a
//! *candidate* for a join: `aliases` confirms it with corpus evidence (same
//! kind, compatible first names, rarely in the same article) before two
//! entities become one.
//!
//! Input is a name already folded by [`crate::extract::fold::fold_name`]
//! (lower case, no diacritics, words split by single spaces); characters
//! outside ASCII pass through unchanged.

/// Connecting words of Arabic names that one rendering writes and another
/// drops or spells otherwise (`Mohammed ben Salmane`, `Mohammed bin
/// Salman`); left out inside a name, never as its first or last word.
const LINKS: &[&str] = &["ben", "bin", "ibn"];

/// The transliteration key of a folded name: each word keyed by
/// [`word_key_into`], connecting words inside the name left out.
pub fn name_key(folded: &str) -> String {
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    let mut out = String::with_capacity(folded.len());
    for (i, w) in words.iter().enumerate() {
        let inner = i > 0 && i + 1 < words.len();
        if inner && LINKS.contains(w) {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        // French sounds a final `n` with an `e` in surnames (`Poutine`),
        // not in first names, where the `e` makes another name (`Jean`,
        // `Jeanne`; `Martin`, `Martine`).
        let last = i + 1 == words.len();
        word_key_into(w, last, &mut out);
    }
    out
}

/// A looser key for names of two words or more: the first name by its
/// consonants alone, for the first names that each language translates
/// rather than transliterates (`Alexandre`/`Alexander`, `Evguéni`/
/// `Yevgeny`, `Mohammed`/`Muhammad`). Meant for names seen in different
/// languages only; `None` for a single word.
pub fn loose_key(tkey: &str) -> Option<String> {
    let (first, rest) = tkey.split_once(' ')?;
    let mut out = consonants(first);
    out.push(' ');
    out.push_str(rest);
    Some(out)
}

/// The consonants of a key, doubles written once: `aleksandre` → `lksndr`.
pub fn consonants(key: &str) -> String {
    let mut out: String = key
        .chars()
        .filter(|c| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u'))
        .collect();
    collapse_doubles(&mut out, 0);
    out
}

/// Sounds written by more than one letter group, each group in the spelling
/// the key uses; longer groups first, so that `tch` is read before `ch`.
/// `X` stands for the `sh` family and `J` for the `zh` family, letters that
/// no folded input holds in upper case.
const GROUPS: &[(&str, &str)] = &[
    ("tsch", "X"),
    ("dzh", "J"),
    ("tch", "X"),
    ("sch", "X"),
    ("ch", "X"),
    ("sh", "X"),
    ("zh", "J"),
    ("dj", "J"),
    ("ph", "f"),
    ("kh", "k"),
    ("gh", "k"),
    ("dh", "d"),
    ("th", "t"),
    ("ck", "k"),
    ("ou", "u"),
    ("gue", "ke"),
    ("gui", "ki"),
    ("qu", "k"),
];

/// The key of one folded word (see the module documentation), appended;
/// `last` when it ends the name (a surname or a single name).
fn word_key_into(word: &str, last: bool, out: &mut String) {
    let start = out.len();
    let b = word.as_bytes();
    let mut i = 0;
    // Russian initial `е`: French `Ie`/`E`, English `Ye`/`E`
    // (`Iekaterinbourg`, `Yekaterinburg`).
    if b.starts_with(b"ye") || b.starts_with(b"ie") {
        out.push('e');
        i = 2;
    }
    while i < b.len() {
        if let Some((from, to)) = GROUPS
            .iter()
            .find(|(f, _)| b[i..].starts_with(f.as_bytes()))
        {
            out.push_str(to);
            i += from.len();
            continue;
        }
        let c = word[i..].chars().next().expect("i is on a char boundary");
        let next = b.get(i + 1).copied();
        match c {
            'j' => out.push('J'),
            'g' | 'q' => out.push('k'),
            'c' if matches!(next, Some(b'e' | b'i' | b'y')) => out.push('s'),
            'c' => out.push('k'),
            'x' => out.push_str("ks"),
            'w' => out.push('v'),
            'y' => out.push('i'),
            // A silent or breathy `h` inside a word (`Mohammed`, `Kadhafi`).
            'h' if i > 0 => {}
            '\'' => {}
            _ => out.push(c),
        }
        i += c.len_utf8();
    }
    // French keeps a final `n` sounded with a silent `e`: `Poutine`;
    // never after a doubled `n` (`Jeanne`, `Corinne` are names of their own).
    let key = &out[start..];
    if last && key.len() > 3 && key.ends_with("ne") && !key.ends_with("nne") {
        out.pop();
    }
    collapse_doubles(out, start);
}

/// Doubled letters written once (`Odessa`, `Gaddafi`, `Zelenskiy` → `ii`).
fn collapse_doubles(out: &mut String, start: usize) {
    let mut prev: Option<char> = None;
    let tail: String = out[start..]
        .chars()
        .filter(|&c| {
            let keep = prev != Some(c);
            prev = Some(c);
            keep
        })
        .collect();
    out.truncate(start);
    out.push_str(&tail);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::fold::fold_name;

    fn key(s: &str) -> String {
        name_key(&fold_name(s))
    }

    #[test]
    fn renderings_of_one_name_key_alike() {
        for names in [
            &["Putin", "Poutine"][..],
            &["Navalny", "Navalni"],
            &["Prigojine", "Prigozhin"],
            &["Kadhafi", "Gaddafi", "Qaddafi", "Khadafi"],
            &["Loukachenko", "Lukashenko"],
            &["Mohammed ben Salmane", "Mohammed bin Salman"],
            &["Odessa", "Odesa"],
            &["Zaporijia", "Zaporizhzhia"],
            &["Zelensky", "Zelenskiy", "Zelenski", "Zelenskyy"],
            &["Khrouchtchev", "Khrushchev"],
            &["Gorbatchev", "Gorbachev"],
            &["Choïgou", "Shoigu"],
            &["Sergueï", "Sergei", "Sergey"],
            &["Iouri", "Yuri"],
            &["Marioupol", "Mariupol"],
            &["Bakhmout", "Bakhmut"],
            &["Lyssytchansk", "Lysychansk"],
            &["Avdiïvka", "Avdiivka"],
            &["Raïssi", "Raisi"],
            &["Ahmadinejad", "Ahmadinedjad"],
            &["Netanyahou", "Netanyahu"],
            &["Iekaterinbourg", "Yekaterinburg", "Ekaterinbourg"],
            &["Sotchi", "Sochi"],
        ] {
            let k = key(names[0]);
            for n in &names[1..] {
                assert_eq!(key(n), k, "{} / {n}", names[0]);
            }
        }
    }

    #[test]
    fn different_names_keep_different_keys() {
        for (a, b) in [
            ("Georgia", "Géorgie"),
            ("Hollande", "Holland"),
            ("Washington", "Washing"),
            ("Moscou", "Moscow"),
            ("Abbas", "Abba"),
            ("Macron", "Micron"),
            ("Bachar al-Assad", "Bashar Hafez"),
            ("Jean Dupont", "Jeanne Dupont"),
            ("Martin Aubry", "Martine Aubry"),
        ] {
            assert_ne!(key(a), key(b), "{a} / {b}");
        }
    }

    #[test]
    fn translated_first_names_meet_in_the_loose_key_only() {
        for (a, b) in [
            ("Alexandre Loukachenko", "Alexander Lukashenko"),
            ("Evguéni Prigojine", "Yevgeny Prigozhin"),
            ("Mouammar Kadhafi", "Muammar Gaddafi"),
        ] {
            let loose = |s: &str| loose_key(&key(s));
            assert_eq!(loose(a), loose(b), "{a} / {b}");
        }
        assert_ne!(key("Alexandre Loukachenko"), key("Alexander Lukashenko"));
        assert_eq!(loose_key("putin"), None);
    }

    #[test]
    fn connecting_words_stay_at_the_edges() {
        assert_eq!(key("Ben Gvir"), "ben kvir");
        assert_eq!(key("Ali Ben"), "ali ben");
        assert_eq!(key("Oussama ben Laden"), "usama laden");
    }
}
