//! Places that share a name across countries: `Georgia` the country and
//! the US state. The gazetteer gives every reading of such a name with its
//! country ([`gazetteer::Gazetteer::place_readings`]), the first being the
//! one the name usually means. An article reads another one only where it
//! places the name the way news places a state or region, right after a
//! town of that country (`Atlanta, Georgia`, `Atlanta (Géorgie)`);
//! merely naming that country's places elsewhere in the text proves
//! nothing (an article on Georgia the country names Washington). The
//! mentions of an article that reads another country's place are keyed
//! apart, so the two referents never cluster.
//!
//! One lookup per distinct name and one look at the mention before each
//! mention: linear.

use std::collections::HashMap;

use crate::extract::entities::Mention;
use crate::extract::gazetteer::{self, PlaceKind};

/// Bytes between a town and the region after it: `, ` or ` (`; a longer
/// gap is a list (`the United States and Georgia`), not a placing.
const GAP: usize = 2;

/// For each mention, the country of the reading its article chose when
/// that is not the name's first reading; `None` for nearly every mention.
pub(super) fn other_readings(
    mentions: &[&Mention],
    article_of: &[u32],
) -> impl Iterator<Item = Option<&'static str>> {
    let gaz = gazetteer::get();
    // Each name's countries, and the country of a name that is a town of
    // one country only.
    let mut countries: HashMap<&str, (Vec<&'static str>, Option<&'static str>)> = HashMap::new();
    for m in mentions {
        countries.entry(m.text).or_insert_with(|| {
            let readings = gaz.place_readings(m.text);
            let mut cs: Vec<&'static str> = Vec::new();
            for c in readings.iter().filter_map(|(_, c)| *c) {
                if !cs.contains(&c) {
                    cs.push(c);
                }
            }
            let town = match readings[..] {
                [(PlaceKind::City, c)] => c,
                _ => None,
            };
            (cs, town)
        });
    }
    // (article, name) → the other reading that a town before it chose.
    let mut chosen: HashMap<(u32, &str), &'static str> = HashMap::new();
    for i in 1..mentions.len() {
        let (m, before) = (mentions[i], mentions[i - 1]);
        let cs = &countries[m.text].0;
        if cs.len() < 2 || article_of[i] != article_of[i - 1] || before.sentence() != m.sentence() {
            continue;
        }
        let adjacent = before.span().end + GAP == m.span().start;
        let town = countries[before.text].1;
        if let Some(c) = town.filter(|c| adjacent && cs[1..].contains(c)) {
            chosen.insert((article_of[i], m.text), c);
        }
    }
    // Lazily: the caller reads them once, in order, and a long article's
    // mentions are many.
    mentions
        .iter()
        .zip(article_of)
        .map(move |(m, &a)| chosen.get(&(a, m.text)).copied())
}
