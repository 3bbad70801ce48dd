//! The change log beside the snapshot (`state.json.log`): one JSON line
//! per changed mark, appended, replayed over the snapshot on load and
//! folded into it by compaction. Only encoding and replay live here; the
//! files and their locks are in [`super`].

use crate::review::{Change, MarkBook};

/// The bytes that append `changes` to the log in one write. The batch
/// starts with a newline of its own: should an earlier append have been
/// torn (a full disk, a crash inside `write`), its fragment ends there as
/// one damaged line instead of swallowing the first record of this batch.
pub fn encode(changes: &[Change]) -> Vec<u8> {
    let mut out = Vec::with_capacity(1 + changes.len() * 64);
    out.push(b'\n');
    for c in changes {
        serde_json::to_writer(&mut out, c).expect("a change serialises: plain strings and bools");
        out.push(b'\n');
    }
    out
}

/// Applies every record of `log` to `book`, in order; returns how many
/// non-empty lines were not records (damaged, or not revue's).
pub fn replay(log: &[u8], book: &mut MarkBook) -> usize {
    let mut damaged = 0;
    for line in log.split(|&b| b == b'\n') {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<Change>(line) {
            Ok(c) => book.apply(&c),
            Err(_) => damaged += 1,
        }
    }
    damaged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::Mark;

    fn change(key: &str, mark: Mark, on: bool) -> Change {
        Change {
            key: key.into(),
            mark,
            on,
        }
    }

    #[test]
    fn a_batch_replays_in_order() {
        let log = encode(&[
            change("a", Mark::Read, true),
            change("a", Mark::Read, false),
            change("b", Mark::Flagged, true),
        ]);
        let mut book = MarkBook::default();
        assert_eq!(replay(&log, &mut book), 0);
        assert!(!book.get("a").read);
        assert!(book.get("b").flagged);
        assert_eq!(book.articles.len(), 1);
    }

    #[test]
    fn a_torn_record_costs_only_itself() {
        let mut log = encode(&[change("a", Mark::Read, true)]);
        log.truncate(log.len() - 5);
        log.extend(encode(&[change("b", Mark::Starred, true)]));
        let mut book = MarkBook::default();
        assert_eq!(replay(&log, &mut book), 1);
        assert!(book.get("b").starred);
    }
}
