//! One entity per referent: mentions are grouped by a folded identity key
//! (case, diacritics, hyphens and Arabic particles folded), then groups are
//! joined by the built-in alias table, acronym pairs found in the text,
//! user aliases, renderings of one foreign name in other spellings (see
//! [`super::renderings`]), surnames that fit exactly one full name, and
//! short forms of organisation and place names written beside their full
//! name ([`super::short_forms`]).
//! Each group's kind is voted from its mentions' cues ([`Votes`]).
//!
//! Every join is found through hash keys, never by comparing all names with
//! each other, so clustering stays linear in the number of mentions.

use std::collections::HashMap;

use crate::extract::entities::{AcronymPair, Mention};
use crate::extract::fold::fold_name;
use crate::extract::gazetteer;
use crate::extract::kind::EntityKind;
use crate::extract::lang::Lang;

use super::renderings::{self, Evidence, Names};
use super::senses;
use super::short_forms;
use super::translit;
use super::votes::Votes;

/// An entity before ids are given.
#[derive(Debug, Clone)]
pub struct Draft {
    pub canonical: String,
    pub kind: EntityKind,
    /// Surface forms, most frequent first.
    pub aliases: Vec<String>,
}

pub struct Clustering {
    pub entities: Vec<Draft>,
    /// For each input mention, the index of its entity.
    pub mention_entity: Vec<u32>,
}

const PARTICLES: &[&str] = &["al", "el", "ad", "ar", "as", "at", "an", "az", "ash"];

/// The key under which two surface forms are the same name:
/// `Bachar el-Assad` = `bachar al assad` = `Bachar Assad`.
pub fn identity_key(name: &str) -> String {
    let folded = fold_name(name);
    let words: Vec<&str> = folded.split(' ').collect();
    let kept: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|(i, w)| !(PARTICLES.contains(w) && i + 1 < words.len()))
        .map(|(_, w)| *w)
        .collect();
    kept.join(" ")
}

/// Disjoint sets of keys: joins made in any order give the same sets.
pub(super) struct UnionFind(Vec<usize>);

impl UnionFind {
    pub(super) fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    pub(super) fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The smaller index stays root so results do not depend on order.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

struct Keys {
    index: HashMap<String, usize>,
    names: Vec<String>,
}

impl Keys {
    fn id(&mut self, key: String) -> usize {
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        self.names.push(key.clone());
        self.index.insert(key, self.names.len() - 1);
        self.names.len() - 1
    }
}

/// Groups mentions into entities; `article_of[i]` is the article of
/// `mentions[i]`, and `article_lang[a]` the language of article `a`.
pub fn cluster(
    mentions: &[&Mention],
    article_of: &[u32],
    article_lang: &[Lang],
    acronyms: &[AcronymPair],
    user_aliases: &[(String, Vec<String>)],
) -> Clustering {
    let gaz = gazetteer::get();
    let mut keys = Keys {
        index: HashMap::new(),
        names: Vec::new(),
    };
    // Numbers, not `usize`: a corpus build holds one per mention.
    let mention_key: Vec<u32> = mentions
        .iter()
        .zip(senses::other_readings(mentions, article_of))
        .map(|(m, other)| {
            let mut key = identity_key(m.text);
            // Another country's place of the same name is another entity;
            // `#` never occurs in a folded name.
            if let Some(country) = other {
                key.push('#');
                key.push_str(country);
            }
            keys.id(key) as u32
        })
        .collect();
    let mut uf = UnionFind((0..keys.names.len()).collect());
    let grow = |uf: &mut UnionFind, keys: &mut Keys, name: &str| {
        let id = keys.id(identity_key(name));
        while uf.0.len() < keys.names.len() {
            uf.0.push(uf.0.len());
        }
        id
    };
    for m in mentions {
        if let Some(group) = gaz.alias_group(m.text) {
            let a = grow(&mut uf, &mut keys, m.text);
            let b = grow(&mut uf, &mut keys, group);
            uf.union(a, b);
        }
    }
    for p in acronyms {
        let a = grow(&mut uf, &mut keys, &p.acronym);
        let b = grow(&mut uf, &mut keys, &p.expansion);
        uf.union(a, b);
    }
    for (canonical, aliases) in user_aliases {
        let a = grow(&mut uf, &mut keys, canonical);
        for alias in aliases {
            let b = grow(&mut uf, &mut keys, alias);
            uf.union(a, b);
        }
    }
    let mut key_votes = vec![Votes::default(); keys.names.len()];
    for (m, &k) in mentions.iter().zip(&mention_key) {
        key_votes[k as usize].add_cues(&m.cues());
    }
    let tkeys: Vec<String> = keys.names.iter().map(|n| translit::name_key(n)).collect();
    let evidence = Evidence {
        names: &keys.names,
        tkeys: &tkeys,
        key_votes: &key_votes,
        mention_key: &mention_key,
        article_of,
        article_lang,
    };
    // Full names first (`Vladimir Poutine` = `Vladimir Putin`), so that a
    // surname then finds one full name, not two renderings of it; then
    // the names left alone (`Navalni` = `Navalny`).
    renderings::join(&mut uf, &evidence, Names::Full);
    join_surnames(&mut uf, &evidence);
    let surnames_not_places = join_surnames_named_like_places(&mut uf, &evidence);
    renderings::join(&mut uf, &evidence, Names::All);
    short_forms::join(&mut uf, &evidence);

    // Gather groups in order of first mention.
    let mut root_entity: HashMap<usize, usize> = HashMap::new();
    let mut forms: Vec<Vec<(String, usize)>> = Vec::new();
    let mut votes: Vec<Votes> = Vec::new();
    let mut mention_entity = Vec::with_capacity(mentions.len());
    for (m, &k) in mentions.iter().zip(&mention_key) {
        let root = uf.find(k as usize);
        let e = *root_entity.entry(root).or_insert_with(|| {
            forms.push(Vec::new());
            votes.push(Votes::default());
            forms.len() - 1
        });
        let mut cues = m.cues();
        if surnames_not_places.contains(&k) {
            cues.gazetteer = None;
        }
        votes[e].add_cues(&cues);
        match forms[e].iter_mut().find(|(f, _)| *f == m.text) {
            Some((_, n)) => *n += 1,
            None => forms[e].push((m.text.to_string(), 1)),
        }
        mention_entity.push(e as u32);
    }
    let entities = forms
        .into_iter()
        .zip(votes)
        .map(|(mut f, v)| {
            let kind = v.winner();
            f.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.len().cmp(&a.0.len())));
            let canonical = choose_canonical(&f, kind);
            Draft {
                canonical,
                kind,
                aliases: f.into_iter().map(|(s, _)| s).collect(),
            }
        })
        .collect();
    Clustering {
        entities,
        mention_entity,
    }
}

/// The most frequent full form: for people, a name of two words or more
/// when there is one; ties go to the longer form. A form in capitals
/// (`MOSCOW` of a dateline) gives way to the same name written in lower
/// case.
fn choose_canonical(forms: &[(String, usize)], kind: EntityKind) -> String {
    let words = |s: &str| s.split_whitespace().count();
    let shouted = |s: &str| {
        !s.chars().any(char::is_lowercase)
            && forms
                .iter()
                .any(|(t, _)| t != s && t.to_lowercase() == s.to_lowercase())
    };
    let full = forms
        .iter()
        .filter(|(s, _)| kind != EntityKind::Person || words(s) >= 2)
        .filter(|(s, _)| !shouted(s));
    full.max_by(|a, b| {
        a.1.cmp(&b.1)
            .then(a.0.len().cmp(&b.0.len()))
            .then(b.0.cmp(&a.0))
    })
    .or(forms.first())
    .map(|(s, _)| s.clone())
    .unwrap_or_default()
}

/// Generational suffixes, as identity keys end with them.
const GENERATIONS: &[&str] = &[" jr", " sr", " ii", " iii"];

/// A shorter name joins the one longer person name that ends with it
/// (`Poutine` → `Vladimir Poutine`); with two candidates it stays alone.
/// Names are compared by their transliteration keys, so that `Poutine`
/// finds `Vladimir Putin`.
fn join_surnames(uf: &mut UnionFind, evidence: &Evidence) {
    let (names, tkeys, key_votes) = (evidence.names, evidence.tkeys, evidence.key_votes);
    let mut root_votes: HashMap<usize, Votes> = HashMap::new();
    for (k, v) in key_votes.iter().enumerate() {
        root_votes.entry(uf.find(k)).or_default().merge(v);
    }
    let gaz = gazetteer::get();
    let roots: Vec<usize> = (0..names.len()).map(|j| uf.find(j)).collect();
    // Longer names by each of their proper word suffixes and by their first
    // word, so that each short name looks up its candidates directly.
    // `Whitcombe` → `Thomas Whitcombe Jr.`: a generational suffix is no part
    // of the surname, so such a name is also looked up without it.
    let bare: Vec<(usize, String)> = names
        .iter()
        .enumerate()
        .filter_map(|(j, n)| {
            let n = n.trim_end_matches('.');
            let b = GENERATIONS.iter().find_map(|g| n.strip_suffix(g))?;
            Some((j, translit::name_key(b)))
        })
        .collect();
    let mut by_suffix: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_first: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, b) in &bare {
        for (i, _) in b.match_indices(' ') {
            by_suffix.entry(&b[i + 1..]).or_default().push(*j);
        }
    }
    for (j, long) in tkeys.iter().enumerate() {
        for (i, _) in long.match_indices(' ') {
            by_suffix.entry(&long[i + 1..]).or_default().push(j);
        }
        if let Some((first, _)) = long.split_once(' ') {
            by_first.entry(first).or_default().push(j);
        }
    }
    // `Lula` → `Luiz Inácio Lula da Silva`, `Diomaye` → `Bassirou Diomaye
    // Faye`: a name used alone may be a middle word of the full one.
    let mut by_inner: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, long) in tkeys.iter().enumerate() {
        let words: Vec<&str> = long.split(' ').collect();
        if words.len() >= 3 {
            for w in &words[1..words.len() - 1] {
                by_inner.entry(w).or_default().push(j);
            }
        }
    }
    // `Samia Suluhu` → `Samia Suluhu Hassan`: a name of two words or more
    // may be the first words of the full one.
    let mut by_prefix: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, long) in tkeys.iter().enumerate() {
        let spaces: Vec<usize> = long.match_indices(' ').map(|(i, _)| i).collect();
        for &i in spaces.iter().skip(1) {
            by_prefix.entry(&long[..i]).or_default().push(j);
        }
    }
    let articles = lone_name_articles(evidence, &by_first, &by_inner, &by_prefix);
    let share_an_article = |a: usize, b: usize| {
        let (Some(x), Some(y)) = (articles.get(&a), articles.get(&b)) else {
            return false;
        };
        x.iter().any(|art| y.binary_search(art).is_ok())
    };
    let mut joins = Vec::new();
    for (k, short) in names.iter().enumerate() {
        let root = roots[k];
        if root_votes
            .get(&root)
            .is_some_and(Votes::has_gazetteer_place_or_org)
        {
            continue;
        }
        let people_among = |candidates: Option<&Vec<usize>>| {
            let mut targets: Vec<usize> = candidates
                .into_iter()
                .flatten()
                .map(|&j| roots[j])
                .filter(|r| {
                    *r != root
                        && root_votes
                            .get(r)
                            .is_some_and(|v| v.winner() == EntityKind::Person)
                })
                .collect();
            targets.sort_unstable();
            targets.dedup();
            targets
        };
        // A first name alone is no surname (`Donald` is not `Trump`).
        let first_name = gaz.is_first_name(short);
        let mut targets = if first_name {
            Vec::new()
        } else {
            people_among(by_suffix.get(tkeys[k].as_str()))
        };
        // Family name first (`Xi` → `Xi Jinping`), when no name ends with it.
        // A word that is also a given name joins that way only a name of
        // its own article: elsewhere it is anyone's (`King Charles` is not
        // `Charles Leclerc`).
        if targets.is_empty() && !short.contains(' ') {
            let candidates = by_first.get(tkeys[k].as_str());
            targets = if first_name {
                let near: Vec<usize> = candidates
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(|&j| share_an_article(k, j))
                    .collect();
                people_among(Some(&near))
            } else {
                people_among(candidates)
            };
        }
        // A middle word joins only a name of its own article, and only
        // when no other name takes it.
        if targets.is_empty() && !short.contains(' ') && short.chars().count() >= 3 {
            let near: Vec<usize> = by_inner
                .get(tkeys[k].as_str())
                .into_iter()
                .flatten()
                .copied()
                .filter(|&j| share_an_article(k, j))
                .collect();
            targets = people_among(Some(&near));
        }
        if targets.is_empty() && short.contains(' ') {
            let near: Vec<usize> = by_prefix
                .get(tkeys[k].as_str())
                .into_iter()
                .flatten()
                .copied()
                .filter(|&j| share_an_article(k, j))
                .collect();
            targets = people_among(Some(&near));
        }
        if let [target] = targets[..] {
            joins.push((k, target));
        }
    }
    for (a, b) in joins {
        uf.union(a, b);
    }
}

/// `Lewis Hamilton` … `Hamilton`: a surname that the gazetteer knows as a
/// place, which [`join_surnames`] leaves alone, joins the one person whose
/// full name, opened by a given name, ends with it and is written in nine in ten of the articles
/// that write it, when nothing but the gazetteer says it is a place (no `in
/// Hamilton`, no `Hamilton council`). A share of articles, so that the city
/// named in articles of its own stays the city. Returns the keys so
/// joined: their gazetteer vote was the place's, not the person's.
fn join_surnames_named_like_places(
    uf: &mut UnionFind,
    evidence: &Evidence,
) -> rustc_hash::FxHashSet<u32> {
    let (names, tkeys, key_votes) = (evidence.names, evidence.tkeys, evidence.key_votes);
    let gaz = gazetteer::get();
    let mut joined = rustc_hash::FxHashSet::default();
    let wanted: HashMap<&str, usize> = names
        .iter()
        .enumerate()
        .filter(|&(k, n)| {
            !n.contains(' ')
                && key_votes[k].only_gazetteer_places_it()
                && !gaz.is_first_name(n)
                && uf.find(k) == k
        })
        .map(|(k, _)| (tkeys[k].as_str(), k))
        .collect();
    if wanted.is_empty() {
        return joined;
    }
    let mut root_votes: HashMap<usize, Votes> = HashMap::new();
    for (k, v) in key_votes.iter().enumerate() {
        root_votes.entry(uf.find(k)).or_default().merge(v);
    }
    // Short key → the longer people's names that end with it.
    let mut longer: HashMap<usize, Vec<usize>> = HashMap::new();
    for (j, long) in tkeys.iter().enumerate() {
        let Some((_, last)) = long.rsplit_once(' ') else {
            continue;
        };
        // Opened by a given name: a person's, not a body's with a place in
        // it (`Renaissance du Finistère`).
        if let Some(&k) = wanted.get(last)
            && names[j]
                .split(' ')
                .next()
                .is_some_and(|f| gaz.is_first_name(f))
            && root_votes[&uf.find(j)].winner() == EntityKind::Person
        {
            longer.entry(k).or_default().push(j);
        }
    }
    if longer.is_empty() {
        return joined;
    }
    let mut gathered: HashMap<usize, Vec<u32>> = HashMap::new();
    for k in longer.keys() {
        gathered.insert(*k, Vec::new());
    }
    for &j in longer.values().flatten() {
        gathered.insert(j, Vec::new());
    }
    for (&k, &a) in evidence.mention_key.iter().zip(evidence.article_of) {
        if let Some(list) = gathered.get_mut(&(k as usize)) {
            list.push(a);
        }
    }
    for list in gathered.values_mut() {
        list.sort_unstable();
        list.dedup();
    }
    let mut joins = Vec::new();
    for (&k, js) in &longer {
        let own = &gathered[&k];
        let mut by_root: HashMap<usize, Vec<u32>> = HashMap::new();
        for &j in js {
            by_root.entry(uf.find(j)).or_default().extend(&gathered[&j]);
        }
        let beside: Vec<usize> = by_root
            .into_iter()
            .filter_map(|(r, mut arts)| {
                arts.sort_unstable();
                let shared = own.iter().filter(|a| arts.binary_search(a).is_ok()).count();
                (10 * shared >= 9 * own.len()).then_some(r)
            })
            .collect();
        if let [r] = beside[..] {
            joins.push((k, r));
        }
    }
    for (k, r) in joins {
        uf.union(k, r);
        joined.insert(k as u32);
    }
    joined
}

/// The articles, sorted, of each one-word name that is a given name and of
/// each longer name it opens, and of each other one-word name and the
/// longer names it is a middle word of, and of each longer name and the
/// names it opens: all that the joins by first words and middle word ask
/// of articles, so only these few keys are gathered.
fn lone_name_articles(
    evidence: &Evidence,
    by_first: &HashMap<&str, Vec<usize>>,
    by_inner: &HashMap<&str, Vec<usize>>,
    by_prefix: &HashMap<&str, Vec<usize>>,
) -> HashMap<usize, Vec<u32>> {
    let gaz = gazetteer::get();
    let mut wanted: rustc_hash::FxHashSet<usize> = Default::default();
    for (k, name) in evidence.names.iter().enumerate() {
        let key = evidence.tkeys[k].as_str();
        if name.contains(' ') {
            if let Some(c) = by_prefix.get(key) {
                wanted.insert(k);
                wanted.extend(c);
            }
            continue;
        }
        let first = gaz.is_first_name(name).then(|| by_first.get(key)).flatten();
        for c in [first, by_inner.get(key)].into_iter().flatten() {
            wanted.insert(k);
            wanted.extend(c);
        }
    }
    let mut articles: HashMap<usize, Vec<u32>> = HashMap::new();
    if wanted.is_empty() {
        return articles;
    }
    for (&k, &a) in evidence.mention_key.iter().zip(evidence.article_of) {
        if wanted.contains(&(k as usize)) {
            articles.entry(k as usize).or_default().push(a);
        }
    }
    for list in articles.values_mut() {
        list.sort_unstable();
        list.dedup();
    }
    articles
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::Cues;

    fn m(text: &str, cues: Cues) -> Mention<'_> {
        Mention::new(text, 0, 0, false, cues)
    }

    fn person() -> Cues {
        Cues {
            first_name: true,
            ..Cues::default()
        }
    }

    /// Every mention in article 0.
    fn one_article(ms: &[&Mention]) -> Vec<u32> {
        vec![0; ms.len()]
    }

    fn names(c: &Clustering) -> Vec<Vec<String>> {
        let mut v: Vec<Vec<String>> = c
            .entities
            .iter()
            .map(|d| {
                let mut a = d.aliases.clone();
                a.sort();
                a
            })
            .collect();
        v.sort();
        v
    }

    #[test]
    fn particles_and_diacritics_fold() {
        assert_eq!(
            identity_key("Bachar el-Assad"),
            identity_key("Bachar al-Assad")
        );
        assert_eq!(identity_key("al-Assad"), "assad");
        assert_eq!(identity_key("Erdoğan"), identity_key("Erdogan"));
    }

    #[test]
    fn surname_joins_its_one_full_name() {
        let ms = [
            m("Jean Dupont", person()),
            m("Dupont", Cues::default()),
            m("Marie Curie", person()),
        ];
        let refs: Vec<&Mention> = ms.iter().collect();
        let c = cluster(&refs, &one_article(&refs), &[Lang::Fr], &[], &[]);
        assert_eq!(
            names(&c),
            [vec!["Dupont", "Jean Dupont"], vec!["Marie Curie"]]
        );
        assert_eq!(c.entities[0].canonical, "Jean Dupont");
        assert_eq!(c.entities[0].kind, EntityKind::Person);
    }

    #[test]
    fn a_name_in_capitals_gives_the_canonical_form_to_its_lower_case_writing() {
        let forms = |v: &[(&str, usize)]| -> Vec<(String, usize)> {
            v.iter().map(|(s, n)| (s.to_string(), *n)).collect()
        };
        // A dateline's capitals, however often, give way.
        let f = forms(&[("MOSCOW", 3), ("Moscow", 1)]);
        assert_eq!(choose_canonical(&f, EntityKind::Place), "Moscow");
        // An acronym written only in capitals stays.
        let f = forms(&[
            ("OTAN", 3),
            ("Organisation du traité de l'Atlantique nord", 1),
        ]);
        assert_eq!(choose_canonical(&f, EntityKind::Org), "OTAN");
    }

    #[test]
    fn a_given_name_alone_joins_the_name_it_opens_only_in_its_article() {
        let title = Cues {
            person_title: true,
            ..Cues::default()
        };
        let ms = [m("Charles Leclerc", person()), m("Charles", title)];
        let refs: Vec<&Mention> = ms.iter().collect();
        // In two articles, two people; in one, the name it opens.
        let c = cluster(&refs, &[0, 1], &[Lang::En, Lang::En], &[], &[]);
        assert_eq!(c.entities.len(), 2);
        let c = cluster(&refs, &one_article(&refs), &[Lang::En], &[], &[]);
        assert_eq!(c.entities.len(), 1);
    }

    #[test]
    fn a_family_name_first_joins_when_no_name_ends_with_it() {
        let ms = [
            m(
                "Xi Jinping",
                Cues {
                    person_title: true,
                    ..Cues::default()
                },
            ),
            m("Xi", Cues::default()),
        ];
        let refs: Vec<&Mention> = ms.iter().collect();
        assert_eq!(
            cluster(&refs, &one_article(&refs), &[Lang::Fr], &[], &[])
                .entities
                .len(),
            1
        );
    }

    #[test]
    fn a_surname_finds_its_full_name_past_a_generational_suffix() {
        // (full name, surname alone, joined)
        let rows = [
            ("Thomas Whitcombe Jr.", "Whitcombe", true),
            ("Edward Harrowby Sr.", "Harrowby", true),
            ("Charles Pellow III", "Pellow", true),
            // without a suffix nothing changes
            ("Thomas Whitcombe", "Whitcombe", true),
            ("Thomas Whitcombe Jr.", "Pellow", false),
        ];
        for (full, short, joined) in rows {
            let ms = [m(full, person()), m(short, Cues::default())];
            let refs: Vec<&Mention> = ms.iter().collect();
            let c = cluster(&refs, &one_article(&refs), &[Lang::En], &[], &[]);
            assert_eq!(c.entities.len() == 1, joined, "{full} / {short}");
        }
    }

    #[test]
    fn a_middle_word_joins_the_full_name_of_its_own_article_only() {
        let ms = [
            m("Teodoro Valcar Mendes", person()),
            m("Valcar", Cues::default()),
            m("Valcar", Cues::default()),
        ];
        let refs: Vec<&Mention> = ms.iter().collect();
        let c = cluster(&refs, &one_article(&refs), &[Lang::En], &[], &[]);
        assert_eq!(names(&c), [vec!["Teodoro Valcar Mendes", "Valcar"]]);
        assert_eq!(c.entities[0].kind, EntityKind::Person);
        // Elsewhere the word may be anyone's.
        let c = cluster(&refs, &[0, 1, 1], &[Lang::En], &[], &[]);
        assert_eq!(c.entities.len(), 2);
    }

    #[test]
    fn first_words_join_the_full_name_of_their_article() {
        let ms = [
            m("Halima Sendeya Okoro", person()),
            m("Halima Sendeya", person()),
        ];
        let refs: Vec<&Mention> = ms.iter().collect();
        let c = cluster(&refs, &one_article(&refs), &[Lang::En], &[], &[]);
        assert_eq!(names(&c), [vec!["Halima Sendeya", "Halima Sendeya Okoro"]]);
        let c = cluster(&refs, &[0, 1], &[Lang::En], &[], &[]);
        assert_eq!(c.entities.len(), 2);
    }

    #[test]
    fn competing_full_names_keep_the_surname_apart() {
        let ms = [
            m("Jean Dupont", person()),
            m("Paul Dupont", person()),
            m("Dupont", Cues::default()),
        ];
        let refs: Vec<&Mention> = ms.iter().collect();
        assert_eq!(
            cluster(&refs, &one_article(&refs), &[Lang::Fr], &[], &[])
                .entities
                .len(),
            3
        );
    }

    #[test]
    fn acronym_pairs_and_user_aliases_join() {
        let ms = [
            m("OSDH", Cues::default()),
            m("Observatoire syrien des droits de l'Homme", Cues::default()),
            m("Big Apple", Cues::default()),
            m("New York", Cues::default()),
        ];
        let refs: Vec<&Mention> = ms.iter().collect();
        let pair = AcronymPair {
            acronym: "OSDH".into(),
            expansion: "Observatoire syrien des droits de l'Homme".into(),
        };
        let user = [("New York".to_string(), vec!["Big Apple".to_string()])];
        let c = cluster(&refs, &one_article(&refs), &[Lang::Fr], &[pair], &user);
        assert_eq!(c.entities.len(), 2);
        assert_eq!(c.mention_entity, [0, 0, 1, 1]);
    }

    fn cues(f: impl FnOnce(&mut Cues)) -> Cues {
        let mut c = Cues::default();
        f(&mut c);
        c
    }

    #[test]
    fn short_forms_join_the_name_they_are_written_beside() {
        let org = cues(|c| c.org_head = true);
        let place = cues(|c| c.place_head = true);
        let prep = cues(|c| c.place_preposition = true);
        let acronym = cues(|c| c.acronym = true);
        // (long, its cues, short, its cues, the short's article, joined)
        let rows = [
            (
                "Harrowgate Foods",
                org,
                "Harrowgate",
                Cues::default(),
                0,
                true,
            ),
            // Not beside it: the short form may name something else.
            (
                "Harrowgate Foods",
                org,
                "Harrowgate",
                Cues::default(),
                1,
                false,
            ),
            ("Assemblée nationale", org, "Assemblée", org, 0, true),
            // An acronym is a name of its own.
            ("CGT-CFDT", acronym, "CFDT", acronym, 0, false),
            // A place named by a head after another is another place.
            ("Bicol River", place, "Bicol", prep, 0, false),
            // An eponym alone names more than the body.
            (
                "Académie Goncourt",
                org,
                "Goncourt",
                Cues::default(),
                0,
                false,
            ),
        ];
        for (long, lc, short, sc, article, joined) in rows {
            let ms = [m(long, lc), m(short, sc)];
            let refs: Vec<&Mention> = ms.iter().collect();
            let c = cluster(&refs, &[0, article], &[Lang::Fr, Lang::Fr], &[], &[]);
            assert_eq!(c.entities.len() == 1, joined, "{long} / {short}");
        }
    }
}
