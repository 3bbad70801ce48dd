//! The formatted text of a DOM node, as `dom_query`'s `formatted_text`
//! gives it — block elements a blank line apart, `<br>`, `<li>` and rows a
//! line, cells a space, each text node's whitespace runs one space — built
//! without its costs: `dom_query` decodes every character of the text to
//! split it on whitespace and copies each word on its own, which made the
//! formatted text of an article a sixth of a page's time. Here a text
//! node already words one space apart is copied whole, any other is
//! scanned for the few bytes that can start whitespace and copied in
//! stretches, and the walk says whether its text is already tidy, which
//! spares the page path its second scan of every byte (`item::tidy`).
//!
//! The tests compare both on every element of the fixture pages and on
//! tricky fragments: the text must be the same, byte for byte.

use dom_query::{NodeData, NodeId, NodeRef, Tree, local_name};

use super::item::{MAY_BE_SPACE, whitespace_at};

/// What an element's end adds to the text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Break {
    /// A blank line: `<p>`, `<div>`, headings, lists, tables.
    Block,
    /// A line: `<br>`, `<hr>`, `<li>`, `<tr>`.
    Line,
    /// A space: `<td>`, `<th>`.
    Cell,
    None,
}

enum Op {
    Open(NodeId),
    Close(Break),
}

/// What a node is to the formatting.
enum Seen {
    Done,
    Element { brk: Break, pre: bool },
}

/// A node's formatted text, and whether it is known to be in the form
/// `item::tidy` gives (words, and between them one space, one line break
/// or one blank line): then tidying it, a second scan of every byte,
/// would change nothing and can be skipped.
pub struct Formatted {
    pub text: String,
    pub tidy: bool,
}

/// The formatted text of the node's children, trimmed at the end: what
/// `NodeRef::formatted_text` returns.
pub fn formatted(root: &NodeRef) -> Formatted {
    let tree = root.tree;
    let mut ops = Vec::new();
    push_children(tree, root.id, &mut ops);
    let mut out = Out {
        text: String::new(),
        tidy: true,
    };
    while let Some(op) = ops.pop() {
        match op {
            Op::Open(id) => {
                let Some(node) = tree.get(&id) else {
                    continue;
                };
                let seen = node
                    .query(|n| match &n.data {
                        NodeData::Text { contents } => {
                            out.push_normalized(contents);
                            Seen::Done
                        }
                        NodeData::Element(e) => Seen::Element {
                            brk: break_of(&e.name.local),
                            pre: e.name.local == local_name!("pre"),
                        },
                        _ => Seen::Done,
                    })
                    .unwrap_or(Seen::Done);
                let Seen::Element { brk, pre } = seen else {
                    continue;
                };
                if brk == Break::Block && !(out.text.is_empty() || out.text.ends_with("\n\n")) {
                    out.separator('\n');
                }
                ops.push(Op::Close(brk));
                if pre {
                    // Kept as it is, whitespace and all.
                    out.text.push_str(&node.text());
                    out.tidy = false;
                    continue;
                }
                push_children(tree, id, &mut ops);
            }
            Op::Close(brk) => out.close(brk),
        }
    }
    let Out { mut text, tidy } = out;
    text.truncate(text.trim_end().len());
    Formatted { text, tidy }
}

/// The node's children, last first, so that the first is popped first.
fn push_children(tree: &Tree, id: NodeId, ops: &mut Vec<Op>) {
    let mut child = tree
        .get(&id)
        .and_then(|n| n.query(|n| n.last_child))
        .flatten();
    while let Some(c) = child {
        ops.push(Op::Open(c));
        child = tree
            .get(&c)
            .and_then(|n| n.query(|n| n.prev_sibling))
            .flatten();
    }
}

fn break_of(name: &dom_query::LocalName) -> Break {
    match *name {
        local_name!("article")
        | local_name!("blockquote")
        | local_name!("section")
        | local_name!("div")
        | local_name!("p")
        | local_name!("pre")
        | local_name!("h1")
        | local_name!("h2")
        | local_name!("h3")
        | local_name!("h4")
        | local_name!("h5")
        | local_name!("h6")
        | local_name!("ul")
        | local_name!("ol")
        | local_name!("dl")
        | local_name!("table") => Break::Block,
        local_name!("br") | local_name!("hr") | local_name!("li") | local_name!("tr") => {
            Break::Line
        }
        local_name!("td") | local_name!("th") => Break::Cell,
        _ => Break::None,
    }
}

/// The text being built. Words hold no whitespace, so every whitespace
/// character of the text is a separator pushed here or one space inside a
/// copied stretch of words, or comes from a `<pre>`: `tidy` stays true
/// while each separator makes, with those before it, one space, one line
/// break or one blank line between two words.
struct Out {
    text: String,
    tidy: bool,
}

impl Out {
    fn separator(&mut self, c: char) {
        let t = &self.text;
        let fits = match c {
            ' ' => !(t.is_empty() || t.ends_with([' ', '\n'])),
            _ => !(t.is_empty() || t.ends_with(' ') || t.ends_with("\n\n")),
        };
        self.tidy &= fits;
        self.text.push(c);
    }

    fn trim_trailing_space(&mut self) {
        self.text.truncate(self.text.trim_end_matches(' ').len());
    }

    fn close(&mut self, brk: Break) {
        if self.text.is_empty() || self.text.ends_with("\n\n") {
            return;
        }
        match brk {
            Break::Block => {
                self.trim_trailing_space();
                self.separator('\n');
                self.separator('\n');
            }
            Break::Line => {
                self.trim_trailing_space();
                self.separator('\n');
            }
            Break::Cell if !self.text.ends_with(['\n', ' ']) => self.separator(' '),
            Break::Cell | Break::None => {}
        }
    }

    /// A text node's words, one space between them; a space before them
    /// when the node starts with whitespace and the text does not end a
    /// line or a word, and after them when the node ends with whitespace.
    fn push_normalized(&mut self, new: &str) {
        let follows_newline = self.text.is_empty() || self.text.ends_with(['\n', ' ']);
        let space_before = !follows_newline && new.starts_with(char::is_whitespace);
        let words = if is_normal(new) {
            // Already words one space apart: the node is copied whole.
            if space_before {
                self.separator(' ');
            }
            self.text.push_str(new);
            true
        } else {
            self.push_words(new, space_before)
        };
        if !words && follows_newline {
            return;
        }
        if new.ends_with(char::is_whitespace) && !self.text.ends_with(char::is_whitespace) {
            self.separator(' ');
        }
    }

    /// Appends the words of `s` one space apart, after a space when
    /// `space_before` and there is a word; whether there was one. A
    /// stretch of words already one space apart is copied in one slice.
    fn push_words(&mut self, s: &str, space_before: bool) -> bool {
        let bytes = s.as_bytes();
        let white_at = |i: usize| MAY_BE_SPACE[usize::from(bytes[i])] && whitespace_at(s, i).1;
        // The stretch being kept, from its first word to the end of its last.
        let mut stretch: Option<(usize, usize)> = None;
        let mut i = 0;
        loop {
            let run = i;
            while i < bytes.len() && white_at(i) {
                i += whitespace_at(s, i).0;
            }
            if i == bytes.len() {
                break;
            }
            let word = i;
            while i < bytes.len() {
                if !MAY_BE_SPACE[usize::from(bytes[i])] {
                    i += 1;
                    continue;
                }
                let (width, white) = whitespace_at(s, i);
                if white {
                    break;
                }
                i += width;
            }
            stretch = match stretch {
                // One space between the last word and this one: the
                // stretch goes on.
                Some((start, _)) if word - run == 1 && bytes[run] == b' ' => Some((start, i)),
                Some((start, end)) => {
                    self.text.push_str(&s[start..end]);
                    self.separator(' ');
                    Some((word, i))
                }
                None => {
                    if space_before {
                        self.separator(' ');
                    }
                    Some((word, i))
                }
            };
        }
        match stretch {
            Some((start, end)) => {
                self.text.push_str(&s[start..end]);
                true
            }
            None => false,
        }
    }
}

/// Whether a text is words one space apart and nothing else: no
/// whitespace at its ends, none but single spaces inside. Decided without
/// a branch per byte (the bytes are compared in threes, which the
/// compiler can do many at a time); the Unicode spaces are told by their
/// UTF-8 forms: U+0085 and U+00A0 (`C2 85`, `C2 A0`), U+1680 (`E1 9A 80`;
/// any `E1 9A` is taken for it), U+2000 to U+200A, U+2028, U+2029, U+202F
/// (`E2 80 80`–`8A`, `A8`, `A9`, `AF`), U+205F (`E2 81 9F`) and U+3000
/// (`E3 80 80`; any `E3 80`). A text taken for not normal only goes the
/// longer way.
fn is_normal(s: &str) -> bool {
    let b = s.as_bytes();
    let n = b.len();
    if n < 3 || s.starts_with(char::is_whitespace) || s.ends_with(char::is_whitespace) {
        return false;
    }
    let bad = b
        .iter()
        .zip(&b[1..])
        .zip(&b[2..])
        .fold(false, |bad, ((&x, &y), &z)| {
            let control = x.wrapping_sub(b'\t') < 5;
            let double = x == b' ' && y == b' ';
            let c2 = x == 0xc2 && (y == 0xa0 || y == 0x85);
            let e1_e3 = (x == 0xe1 && y == 0x9a) || (x == 0xe3 && y == 0x80);
            let e2 = x == 0xe2
                && ((y == 0x80 && (z <= 0x8a || z == 0xa8 || z == 0xa9 || z == 0xaf))
                    || (y == 0x81 && z == 0x9f));
            bad | control | double | c2 | e1_e3 | e2
        });
    // The last two bytes: the last is no whitespace (checked above), so
    // only a control character before it is left to find.
    !bad && b[n - 2].wrapping_sub(b'\t') >= 5
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::item;
    use dom_query::Document;
    use std::borrow::Cow;

    /// The text is `dom_query`'s, and a text said to be tidy is one that
    /// `tidy` gives back as it is; on the page and every element of it.
    /// How many texts were said tidy.
    fn same_as_dom_query(html: &str) -> usize {
        let doc = Document::from(html);
        let root = doc.root();
        let mut tidy = 0;
        for n in std::iter::once(root).chain(root.descendants_it()) {
            if !(n.is_element() || n.id == root.id) {
                continue;
            }
            let got = formatted(&n);
            assert_eq!(
                got.text,
                &*n.formatted_text(),
                "{:?} of {html}",
                n.node_name()
            );
            if got.tidy {
                tidy += 1;
                assert!(
                    matches!(item::tidy(&got.text), Cow::Borrowed(t) if t == got.text),
                    "said tidy, but is not: {:?} of {html}",
                    got.text
                );
            }
        }
        tidy
    }

    #[test]
    fn normal_texts_are_words_one_space_apart() {
        for (s, normal) in [
            ("un deux trois", true),
            ("l\u{2019}été « oui » \u{2014} non\u{2026}", true),
            // Taken for spaces by their first two bytes: the longer way.
            ("\u{3001}abc", false),
            ("a\u{1681}bc", false),
            ("ab", false),
            ("un  deux", false),
            (" un deux", false),
            ("un deux ", false),
            ("un\tdeux", false),
            ("un\ndeux", false),
            ("un\rdeux", false),
            ("un\n d", false),
            ("a\nb", false),
            ("un\u{a0}deux", false),
            ("un\u{85}deux", false),
            ("un\u{2002}deux", false),
            ("un\u{2028}deux", false),
            ("un\u{202f}deux", false),
            ("un\u{205f}deux", false),
            ("un\u{3000}deux", false),
            ("un\u{1680}deux", false),
        ] {
            assert_eq!(is_normal(s), normal, "{s:?}");
            if normal {
                assert_eq!(s.split_whitespace().collect::<Vec<_>>().join(" "), s);
            }
        }
        // Every whitespace character inside a word is found.
        for c in (0..=0x10ffff)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
        {
            if c != ' ' {
                assert!(!is_normal(&format!("ab{c}cd")), "{c:?}");
            }
        }
    }

    #[test]
    fn the_text_is_dom_querys_on_tricky_markup() {
        for html in [
            "",
            "   ",
            "a",
            "<p> un  deux\n\ttrois </p><p>quatre</p>",
            "<div>a <span> b </span>c</div> <div> </div>d",
            "<p>a<br>b<br><br><br>c</p><hr>",
            "<ul><li> un </li><li>deux<ul><li>trois</li></ul></li></ul>",
            "<table><tr><td>a</td><td> b </td><th>c</th></tr><tr><td></td></tr></table>",
            "<pre>  gardé\n   tel quel  </pre>suite",
            "<p>a\u{a0}\u{a0}b\u{2003}c\u{3000}d\u{85}e\u{1c}f\u{200b}g</p>",
            "<p>\u{a0}début</p>x<b>\u{a0}</b>y<i> </i>z",
            "<p>mot<!-- commentaire --> suite</p><svg><text> a  b </text></svg>",
            "<blockquote>c<p>d</p>e</blockquote><h2>titre </h2> texte",
            "<td>x</td>y<th>z</th>\t",
            "é \u{e9}t\u{e9} \u{1680}ogham\u{2028}ligne\u{205f}x",
            "<p>a </p> <p> b</p>\n\n<div>\u{a0}</div><p>c\u{a0}</p>",
            "<p>a<div></div></p><div>b <div>c</div></div><li>d <br> e</li>",
            "<p>Un texte simple, sans rien.</p><p>Un second, l\u{2019}autre.</p>",
        ] {
            same_as_dom_query(html);
        }
        // Plain paragraphs are known tidy, so their text is not tidied again.
        assert!(same_as_dom_query("<article><p>Un texte.</p><p>Un autre.</p></article>") >= 3);
    }

    #[test]
    fn the_text_is_dom_querys_on_the_fixture_pages() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests");
        let mut pages: Vec<_> = [
            "fixtures/pages",
            "fixtures/formats",
            "devset/formats-en",
            "devset/formats-fr",
        ]
        .iter()
        .flat_map(|d| std::fs::read_dir(format!("{dir}/{d}")).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
        pages.sort();
        assert!(pages.len() >= 6, "{pages:?}");
        let mut tidy = 0;
        for page in pages {
            tidy += same_as_dom_query(&std::fs::read_to_string(page).unwrap());
        }
        assert!(tidy > 0);
    }
}
