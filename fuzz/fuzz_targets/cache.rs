//! The cache decoder on forged sections: the first input byte picks which
//! section of the seeds' model the rest of the input replaces, the others
//! kept as written; the whole is decoded and checked as a cache file with
//! good tags would be (`cache::decode_sections`), and a model that passes
//! is searched. No panic, whatever the bytes. With the top bit of the
//! first byte set, the rest is instead a whole cache file for
//! `cache::file::open` under a fixed key, whose sections are then read.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use revue::cache::secret::Secret;

fn good() -> &'static Vec<Vec<u8>> {
    static GOOD: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    GOOD.get_or_init(|| {
        let corpus = revue::model::build(
            revue::ingest::embedded_seeds(),
            revue::model::Origin::BuiltIn,
            &revue::model::BuildOptions::default(),
        );
        let index = revue::search::SearchIndex::new(&corpus);
        revue::cache::encode_sections(&corpus, &index).expect("encoded")
    })
}

fn file_path() -> &'static std::path::PathBuf {
    static PATH: OnceLock<std::path::PathBuf> = OnceLock::new();
    PATH.get_or_init(|| std::env::temp_dir().join(format!("revue-fuzz-cache-{}", std::process::id())))
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    if pick & 0x80 != 0 {
        let path = file_path();
        std::fs::write(path, rest).expect("written");
        if let Ok(opened) = revue::cache::file::open(path, 7, &Secret::fixed(1)) {
            for i in 0..opened.section_count() {
                let _ = opened.section(i);
            }
        }
        return;
    }
    let mut sections = good().clone();
    let i = pick as usize % sections.len();
    sections[i] = rest.to_vec();
    if let Ok((corpus, index)) = revue::cache::decode_sections(&sections) {
        for q in ["", "e", "erdogan", "@poutine syrie", "date:2017-11"] {
            let v = revue::search::filter_str(&corpus, &index, q);
            let _ = revue::cli::export_json(&corpus, &v);
        }
    }
});
