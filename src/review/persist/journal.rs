//! The change log beside the snapshot (`state.json.log`): one JSON line
//! per changed mark (`{"key":…,"mark":…,"on":…}`), or per run with the
//! articles it saw first (`{"run":…,"seen":[…]}`), appended, replayed
//! over the snapshot on load and folded into it by compaction. Only encoding and replay live here; the
//! files and their locks are in [`super`].

use serde::Deserialize;

use crate::review::{Change, MarkBook, Sighting};

/// One line of the log: a mark changed, or a run's sighting.
#[derive(Deserialize)]
#[serde(untagged)]
enum Record {
    Change(Change),
    Sighting(Sighting),
}

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

/// The bytes that append one sighting to the log, as [`encode`] does.
pub fn encode_sighting(s: &Sighting) -> Vec<u8> {
    let mut out = Vec::with_capacity(32 + s.seen.len() * 35);
    out.push(b'\n');
    serde_json::to_writer(&mut out, s).expect("a sighting serialises: numbers and strings");
    out.push(b'\n');
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
        match serde_json::from_slice::<Record>(line) {
            Ok(Record::Change(c)) => book.apply(&c),
            Ok(Record::Sighting(s)) => book.apply_sighting(&s),
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
    fn sightings_and_changes_replay_together() {
        let mut log = encode(&[change("a", Mark::Read, true)]);
        log.extend(encode_sighting(&Sighting {
            run: 7,
            seen: vec!["a".into(), "b".into()],
        }));
        log.extend(encode(&[change("b", Mark::Starred, true)]));
        let mut book = MarkBook::default();
        assert_eq!(replay(&log, &mut book), 0);
        assert!(book.get("a").read && book.get("b").starred);
        assert_eq!(book.seen["b"], 7);
        assert_eq!(book.runs, [7]);
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
