//! Editing the search line as a shell edits its line: a cursor that moves
//! by character or word, deletes before it, and kills to its end. Pure
//! functions on the text and a byte offset kept on a character boundary.

/// Where a cursor move goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Left,
    Right,
    WordLeft,
    WordRight,
    Home,
    End,
}

/// A line being edited: the text and the cursor's byte offset in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    pub cursor: usize,
}

impl Line {
    /// The text with the cursor at its end.
    pub fn at_end(text: &str) -> Line {
        Line {
            text: text.to_string(),
            cursor: text.len(),
        }
    }

    pub fn insert(&mut self, c: char) {
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
    }

    /// Deletes the character before the cursor; whether there was one.
    pub fn backspace(&mut self) -> bool {
        let Some(c) = self.text[..self.cursor].chars().next_back() else {
            return false;
        };
        self.cursor -= c.len_utf8();
        self.text.remove(self.cursor);
        true
    }

    /// Deletes the word before the cursor and the spaces after it (Ctrl-W).
    pub fn delete_word(&mut self) {
        let start = self.word_left();
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    /// Deletes from the cursor to the end (Ctrl-K).
    pub fn kill_to_end(&mut self) {
        self.text.truncate(self.cursor);
    }

    /// Deletes from the start to the cursor (Ctrl-U).
    pub fn kill_to_start(&mut self) {
        self.text.replace_range(..self.cursor, "");
        self.cursor = 0;
    }

    pub fn go(&mut self, m: Move) {
        self.cursor = match m {
            Move::Left => self.text[..self.cursor]
                .chars()
                .next_back()
                .map_or(0, |c| self.cursor - c.len_utf8()),
            Move::Right => self.text[self.cursor..]
                .chars()
                .next()
                .map_or(self.cursor, |c| self.cursor + c.len_utf8()),
            Move::WordLeft => self.word_left(),
            Move::WordRight => self.word_right(),
            Move::Home => 0,
            Move::End => self.text.len(),
        };
    }

    /// The start of the word before the cursor (spaces before it skipped).
    fn word_left(&self) -> usize {
        let before = self.text[..self.cursor].trim_end();
        before.rfind(' ').map_or(0, |i| i + 1)
    }

    /// The end of the word after the cursor (spaces before it skipped).
    fn word_right(&self) -> usize {
        let after = &self.text[self.cursor..];
        let skipped = after.len() - after.trim_start().len();
        let word = after[skipped..].find(' ').unwrap_or(after.len() - skipped);
        self.cursor + skipped + word
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, cursor: usize) -> Line {
        Line {
            text: text.into(),
            cursor,
        }
    }

    #[test]
    fn moves_by_character_and_word_and_to_the_ends() {
        let mut l = Line::at_end("@Poutine date:2017 été");
        l.go(Move::WordLeft);
        assert_eq!(&l.text[l.cursor..], "été");
        l.go(Move::Left);
        l.go(Move::WordLeft);
        assert_eq!(&l.text[l.cursor..], "date:2017 été");
        l.go(Move::WordRight);
        assert_eq!(&l.text[l.cursor..], " été");
        l.go(Move::Right);
        l.go(Move::Right);
        // `é` is two bytes: the cursor stays on a character boundary.
        assert_eq!(&l.text[l.cursor..], "té");
        l.go(Move::Home);
        assert_eq!(l.cursor, 0);
        l.go(Move::Left);
        assert_eq!(l.cursor, 0);
        l.go(Move::End);
        l.go(Move::Right);
        assert_eq!(l.cursor, l.text.len());
    }

    #[test]
    fn edits_at_the_cursor() {
        let mut l = at("erdogan", 3);
        l.insert('x');
        assert_eq!(l, at("erdxogan", 4));
        assert!(l.backspace());
        assert!(l.backspace());
        assert_eq!(l, at("erogan", 2));
        l.kill_to_end();
        assert_eq!(l, at("er", 2));
        let mut l = at("un deux  trois", 9);
        l.delete_word();
        assert_eq!(l, at("un trois", 3));
        l.kill_to_start();
        assert_eq!(l, at("trois", 0));
        assert!(!l.backspace());
        let mut l = at("é", 2);
        assert!(l.backspace());
        assert_eq!(l, at("", 0));
    }
}
