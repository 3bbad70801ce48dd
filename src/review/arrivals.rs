//! Articles that arrive while the dashboard is open (a file copied into a
//! corpus folder, a refetch): they belong to the run that saw them, so
//! they are new as everything first seen by this run is (`is:new`, the
//! status line's "N new"), and they are also remembered as arrived
//! (`is:arrived`) until the dashboard closes.

use super::{MarkBook, Sighting};

impl MarkBook {
    /// Records that the articles `keys` arrived during this run: each is
    /// arrived from now on, and those never seen before are first seen by
    /// this run. The sighting to log, when there is one (the keys never
    /// seen before; `None` when all were seen already or no run started).
    pub fn arrive<'a>(&mut self, keys: impl Iterator<Item = &'a str>) -> Option<Sighting> {
        let mut seen = Vec::new();
        for k in keys {
            if !self.seen.contains_key(k) {
                seen.push(k.to_string());
            }
            self.arrived.insert(k.to_string());
        }
        let run = self.run?;
        seen.sort_unstable();
        seen.dedup();
        if seen.is_empty() {
            return None;
        }
        let sighting = Sighting { run, seen };
        self.apply_sighting(&sighting);
        Some(sighting)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrivals_are_new_in_this_run_and_not_in_the_next() {
        let mut b = MarkBook::default();
        b.sight(["a"].into_iter(), 1_000);
        // The second run: `a` is old.
        b.sight(["a"].into_iter(), 2_000);
        assert!(!b.get("a").new);
        let logged = b.arrive(["b", "a"].into_iter()).expect("b was never seen");
        // Logged as first seen by this run, so new now, as a start would
        // have found it.
        assert_eq!(
            logged,
            Sighting {
                run: 2_000,
                seen: vec!["b".into()]
            }
        );
        let m = b.get("b");
        assert!(m.new && m.arrived && m.is_empty());
        // Seen before, it arrived again (a file put back) but is not new.
        assert!(b.get("a").arrived && !b.get("a").new);
        assert_eq!(b.runs, [1_000, 2_000], "no run is added");
        // The next run: `b` was seen by the previous one.
        let mut next = MarkBook::default();
        for s in [
            Sighting {
                run: 1_000,
                seen: vec!["a".into()],
            },
            logged,
        ] {
            next.apply_sighting(&s);
        }
        next.sight(["a", "b"].into_iter(), 3_000);
        assert!(!next.get("b").new && !next.get("b").arrived);
    }

    #[test]
    fn without_a_run_nothing_is_logged_but_arrivals_show() {
        let mut b = MarkBook::default();
        assert_eq!(b.arrive(["x"].into_iter()), None);
        assert!(b.get("x").arrived);
    }
}
