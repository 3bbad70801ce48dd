//! Any text through extraction: language, sentences, entities, dates and
//! the article's own date, against any anchor. Nothing may panic, and every
//! span must cut the text on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use revue::extract::date::DatePoint;
use revue::extract::lang::Lang;
use revue::extract::{annotate, find_dates, time};

fuzz_target!(|data: &[u8]| {
    let Some((&[kind, a, b], rest)) = data.split_first_chunk::<3>() else {
        return;
    };
    let year = 1900 + i32::from(a) * 2;
    let anchor = match kind % 4 {
        0 => None,
        1 => Some(DatePoint::year(year)),
        2 => DatePoint::month(year, u32::from(b % 13)),
        _ => DatePoint::day(year, u32::from(b % 13), u32::from(kind / 4 % 32)),
    };
    let text = String::from_utf8_lossy(rest);
    let text = text.as_ref();

    let ann = annotate(text, anchor);
    for r in &ann.sentences {
        assert!(text.get(r.clone()).is_some(), "sentence {r:?} cuts a character");
    }
    for d in &ann.dates {
        assert!(d.sentence < ann.sentences.len());
        assert!(text.get(d.span.clone()).is_some(), "date {:?} cuts a character", d.span);
    }
    for lang in [Lang::Fr, Lang::En] {
        for d in find_dates(text, &ann.sentences, anchor, lang) {
            assert!(text.get(d.span.clone()).is_some());
        }
        let _ = time::self_date(text, anchor, lang);
    }
});
