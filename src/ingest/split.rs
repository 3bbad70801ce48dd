//! Splitting one file into several articles on a line made of `*****`.

/// Byte ranges of the parts of `text`, separated by lines of five or more
/// `*` and nothing else. Empty parts (a separator at the start, the end, or
/// repeated) are dropped.
pub fn parts(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if t.len() >= 5 && t.bytes().all(|b| b == b'*') {
            push_part(text, start, pos, &mut out);
            start = pos + line.len();
        }
        pos += line.len();
    }
    push_part(text, start, text.len(), &mut out);
    out
}

fn push_part(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    if !text[start..end].trim().is_empty() {
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
}
