//! Splitting one file into several articles on a line made of `*****`.

/// Byte ranges of the parts of `text`, separated by lines of five or more
/// `*` and nothing else. Empty parts (a separator at the start, the end, or
/// repeated) are dropped.
pub fn parts(text: &str) -> Vec<(usize, usize)> {
    parts_and_empty(text).0
}

/// [`parts`], and how many empty parts were dropped (only counted when the
/// text has a separator at all).
pub fn parts_and_empty(text: &str) -> (Vec<(usize, usize)>, usize) {
    let mut out = Vec::new();
    let mut empty = 0;
    let mut start = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if t.len() >= 5 && t.bytes().all(|b| b == b'*') {
            push_part(text, start, pos, &mut out, &mut empty);
            start = pos + line.len();
        }
        pos += line.len();
    }
    push_part(text, start, text.len(), &mut out, &mut empty);
    if start == 0 {
        empty = 0;
    }
    (out, empty)
}

fn push_part(
    text: &str,
    start: usize,
    end: usize,
    out: &mut Vec<(usize, usize)>,
    empty: &mut usize,
) {
    if text[start..end].trim().is_empty() {
        *empty += 1;
    } else {
        out.push((start, end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        parts(t).into_iter().map(|(a, b)| t[a..b].trim()).collect()
    }

    #[test]
    fn splits_on_star_lines() {
        assert_eq!(texts("un\n*****\ndeux\n"), ["un", "deux"]);
        assert_eq!(
            texts("*****\nun\n*****\n*****\ndeux\n*****"),
            ["un", "deux"]
        );
        assert_eq!(
            texts("un ***** pas un séparateur"),
            ["un ***** pas un séparateur"]
        );
        assert!(texts("  \n*****\n").is_empty());
    }

    #[test]
    fn counts_the_empty_parts_dropped() {
        assert_eq!(parts_and_empty("un\n*****\ndeux").1, 0);
        assert_eq!(parts_and_empty("*****\nun\n*****\n*****\ndeux\n*****").1, 3);
        assert_eq!(parts_and_empty("").1, 0);
        assert_eq!(parts_and_empty("***** \n").1, 2);
    }
}
