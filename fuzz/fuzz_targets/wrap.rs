//! Any text through the reader's wrapping: the memo, asked for a window
//! of lines, then for a line's offset, then for everything, must give the
//! lines that wrapping the whole text at once gives, each cut on character
//! boundaries. The first byte picks the width.
#![no_main]

use libfuzzer_sys::fuzz_target;
use revue::app::wrap::{WrapMemo, wrap};

fuzz_target!(|data: &[u8]| {
    let Some((&w, rest)) = data.split_first() else {
        return;
    };
    let width = usize::from(w % 120) + 1;
    let text = String::from_utf8_lossy(rest);
    let text = text.as_ref();
    let all = wrap(text, width);
    for r in &all {
        assert!(text.get(r.clone()).is_some(), "line {r:?} cuts a character");
    }
    let memo = WrapMemo::default();
    let window = memo.lines(text, "k", width, 3..40);
    assert_eq!(window, all[3.min(all.len())..40.min(all.len())]);
    let middle = text.len() / 2;
    let line = memo.line_of(text, "k", width, middle);
    assert_eq!(line, revue::app::wrap::line_of(&all, middle));
    assert_eq!(memo.count_up_to(text, "k", width, usize::MAX), all.len());
});
