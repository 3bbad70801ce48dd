//! The search index, built once from the corpus: every distinct folded
//! word with the articles that contain it and the best field it appears
//! in (headline, entity name, body), and the entity counts the entity pane
//! sums. Exact terms find their articles through the words too (see
//! `super::exact`): the index keeps no folded copy of the texts.
//!
//! Every list-of-lists is one flat array with offsets (`Lists`): a few
//! large allocations instead of one per word or article, which keeps the
//! index compact in memory and quick to build and to (de)serialise.

mod check;
mod text_words;

use std::ops::Range;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::model::{Article, Corpus};

pub use text_words::TextWords;
use text_words::for_each_word;
pub(crate) use text_words::{fold_into, runs};

/// Where a word occurs in an article; a higher field ranks higher.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Field {
    Body = 1,
    Entity = 2,
    Headline = 3,
}

impl Field {
    fn from_bits(bits: u32) -> Field {
        match bits & 3 {
            3 => Field::Headline,
            2 => Field::Entity,
            _ => Field::Body,
        }
    }
}

/// Many lists in one array: list `i` is `items[starts[i]..starts[i + 1]]`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Lists<T> {
    starts: Vec<usize>,
    items: Vec<T>,
}

impl<T> Default for Lists<T> {
    fn default() -> Self {
        Lists {
            starts: vec![0],
            items: Vec::new(),
        }
    }
}

impl<T: Copy> Lists<T> {
    pub(crate) fn get(&self, i: usize) -> &[T] {
        &self.items[self.starts[i]..self.starts[i + 1]]
    }

    pub(crate) fn len(&self) -> usize {
        self.starts.len() - 1
    }

    fn push(&mut self, list: impl IntoIterator<Item = T>) {
        self.items.extend(list);
        self.starts.push(self.items.len());
    }

    /// Lists from `(list, item)` pairs sorted by list, for `lists` lists.
    fn from_sorted_pairs(lists: usize, pairs: &[(u32, T)]) -> Self {
        let mut starts = Vec::with_capacity(lists + 1);
        starts.push(0);
        let mut at = 0;
        for l in 0..lists {
            while at < pairs.len() && pairs[at].0 as usize == l {
                at += 1;
            }
            starts.push(at);
        }
        Lists {
            starts,
            items: pairs.iter().map(|p| p.1).collect(),
        }
    }
}

/// An article's posting: its id in the high bits, then whether the word is
/// in the headline or text ([`IN_TEXT`]: the best field may be an entity's
/// name that the text does not spell out), the [`Field`] in the low two.
pub(crate) fn posting_parts(p: u32) -> (u32, Field) {
    (p >> POSTING_BITS, Field::from_bits(p))
}

/// See [`posting_parts`].
pub(crate) const IN_TEXT: u32 = 4;
const POSTING_BITS: u32 = 3;
const POSTING_MASK: u32 = (1 << POSTING_BITS) - 1;

/// The entity pane for the whole corpus, which an empty query and any term
/// that every article matches (`e`) show: precomputed, not summed per key.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct AllArticles {
    /// Per entity: mentions and articles over the corpus.
    pub(crate) mentions: Vec<u32>,
    pub(crate) articles: Vec<u32>,
    /// Entities in at least one article, in the entity pane's order.
    pub(crate) entity_order: Vec<u32>,
    /// Events of at least one article, in id (date) order.
    pub(crate) events: Vec<u32>,
    /// Per event: how many times the articles list it.
    pub(crate) event_listings: Vec<u32>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SearchIndex {
    /// Distinct folded words, sorted bytewise, so that prefixes are ranges.
    words: Lists<u8>,
    /// For each word, the articles holding it with their best field, by
    /// article (see [`posting_parts`]).
    postings: Lists<u32>,
    /// Articles whose folded headline or text has a run of three or more
    /// letters and digits lying in none of their words (folding can make
    /// letters of a symbol, `™` → `tm`): exact terms check these in full.
    uncovered: Vec<u32>,
    /// Folded words of each entity's names.
    pub(crate) entity_words: Vec<Vec<String>>,
    /// Three-letter sequences (packed chars), sorted, and for each the words
    /// holding it: inner matches look a term's sequences up here.
    trigram_keys: Vec<u64>,
    trigram_words: Lists<u32>,
    /// Each article's entities (ids) with their mention counts there.
    pub(crate) entity_counts: Lists<(u32, u32)>,
    /// Each entity's articles, by id: `@name` terms read these.
    pub(crate) entity_articles: Lists<u32>,
    /// For each word, the entities one of whose names holds it.
    word_entities: Lists<u32>,
    /// Each article's events (ids), as the article lists them: read here
    /// rather than from the articles, whose other fields would crowd the cache.
    pub(crate) article_events: Lists<u32>,
    /// Each entity's place in the order of (canonical name, id): the entity
    /// pane's last tie-break, as a number.
    pub(crate) entity_name_rank: Vec<u32>,
    /// The entities in that order: the inverse of `entity_name_rank`.
    pub(crate) entity_by_name: Vec<u32>,
    /// Each entity's kind (`EntityKind as u8`): the pane's first key, kept
    /// apart from the entities' other fields for the cache's sake.
    pub(crate) entity_kind: Vec<u8>,
    pub(crate) all: AllArticles,
    /// The characters that start words, sorted, and for each the best score
    /// of that character as a one-letter term in each article that has a
    /// word starting with it (by article): the first key typed matches
    /// nearly every article through many words, too many postings to read
    /// per key.
    first_chars: Vec<char>,
    first_char_best: Lists<(u32, i32)>,
}

/// Articles per parallel task while gathering postings.
const CHUNK: usize = 256;

impl SearchIndex {
    /// The index of `corpus`, its articles' words found now.
    pub fn new(corpus: &Corpus) -> Self {
        let text_words: Vec<TextWords> = corpus
            .articles
            .par_iter()
            .map(|a| TextWords::of(&a.text))
            .collect();
        Self::from_text_words(corpus, &text_words)
    }

    /// The index of `corpus` from each article's [`TextWords`] (of its
    /// text, by article), as the build keeps them from extraction or the
    /// per-article cache: the same index as [`SearchIndex::new`]'s.
    ///
    /// # Panics
    ///
    /// When there are not as many [`TextWords`] as articles.
    pub fn from_text_words(corpus: &Corpus, text_words: &[TextWords]) -> Self {
        assert_eq!(
            text_words.len(),
            corpus.articles.len(),
            "the words of each article"
        );
        let entity_words: Vec<Vec<String>> = corpus
            .entities
            .par_iter()
            .map(|e| {
                let mut v: Vec<String> = e.aliases.iter().flat_map(|n| words_of(n)).collect();
                v.sort();
                v.dedup();
                v
            })
            .collect();
        let (words, postings, uncovered) =
            word_postings(&corpus.articles, text_words, &entity_words);
        let (trigram_keys, trigram_words) = trigram_table(&words);
        let (first_chars, first_char_best) =
            first_char_best(&words, &postings, corpus.articles.len());
        let word_entities = word_entities(&words, &entity_words);
        let entity_counts = entity_counts(&corpus.articles);
        let entity_articles = transpose(&entity_counts, corpus.entities.len());
        let entity_by_name = entity_by_name(corpus);
        let mut entity_name_rank = vec![0u32; entity_by_name.len()];
        for (r, &e) in entity_by_name.iter().enumerate() {
            entity_name_rank[e as usize] = r as u32;
        }
        let mut article_events = Lists::default();
        for a in &corpus.articles {
            article_events.push(a.events.iter().map(|e| e.0));
        }
        let mut index = SearchIndex {
            words,
            postings,
            uncovered,
            entity_words,
            trigram_keys,
            trigram_words,
            entity_counts,
            entity_articles,
            word_entities,
            entity_name_rank,
            entity_by_name,
            entity_kind: corpus.entities.iter().map(|e| e.kind as u8).collect(),
            article_events,
            all: AllArticles::default(),
            first_chars,
            first_char_best,
        };
        index.all = all_articles(corpus, &index);
        index
    }
}

impl SearchIndex {
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    pub fn word(&self, i: usize) -> &str {
        // Built from `&str`s only, cut at their ends.
        std::str::from_utf8(self.words.get(i)).expect("index words are UTF-8")
    }

    /// Ids of the entities one of whose names holds word `i`.
    pub fn word_entities(&self, i: usize) -> &[u32] {
        self.word_entities.get(i)
    }

    /// The articles holding word `i`, with the best field, packed (see
    /// [`posting_parts`]).
    pub(crate) fn postings(&self, i: usize) -> &[u32] {
        self.postings.get(i)
    }

    /// See [`SearchIndex::uncovered`](#structfield.uncovered).
    pub(crate) fn uncovered(&self) -> &[u32] {
        &self.uncovered
    }

    /// Every word holding `part`, of any length: one pass over the words'
    /// bytes, for parts too short for the trigram table.
    pub(crate) fn words_containing_short(&self, part: &str) -> Vec<usize> {
        let starts = &self.words.starts;
        let mut out: Vec<usize> = Vec::new();
        for at in memchr::memmem::find_iter(&self.words.items, part.as_bytes()) {
            // The word the match starts in, if it also ends there.
            let w = starts.partition_point(|&s| s <= at) - 1;
            if at + part.len() <= starts[w + 1] && out.last() != Some(&w) {
                out.push(w);
            }
        }
        out
    }

    /// Every word holding `part`, which has three characters or more.
    pub(crate) fn words_containing(&self, part: &str) -> Vec<usize> {
        let chars: Vec<char> = part.chars().collect();
        let Some(rarest) = chars
            .windows(3)
            .map(|w| self.trigram(trigram_key(w[0], w[1], w[2])).unwrap_or(&[]))
            .min_by_key(|l| l.len())
        else {
            return Vec::new();
        };
        rarest
            .iter()
            .map(|&w| w as usize)
            .filter(|&w| self.word(w).contains(part))
            .collect()
    }

    /// The words a term may match, a superset of what the matcher accepts:
    /// words starting with the term; for longer terms, words containing it
    /// (through the trigram table) and words sharing its first two letters
    /// (where a typo may hide).
    pub fn candidates(&self, term: &str) -> Vec<usize> {
        let chars: Vec<char> = term.chars().collect();
        let mut out: Vec<usize> = self.prefix_range(term).collect();
        if chars.len() < super::matcher::MIN_INNER {
            return out;
        }
        let lists: Option<Vec<&[u32]>> = chars
            .windows(3)
            .map(|w| self.trigram(trigram_key(w[0], w[1], w[2])))
            .collect();
        if let Some(rarest) = lists.and_then(|l| l.into_iter().min_by_key(|l| l.len())) {
            out.extend(
                rarest
                    .iter()
                    .map(|&w| w as usize)
                    .filter(|&w| self.word(w).contains(term)),
            );
        }
        if chars.len() >= super::matcher::MIN_TYPO {
            let two: String = chars[..2].iter().collect();
            out.extend(self.prefix_range(&two));
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// For a term of one character: the words it matches (a prefix range)
    /// and its best score in each article holding one, by article.
    pub(crate) fn one_char(&self, term: &str) -> Option<OneChar<'_>> {
        let mut chars = term.chars();
        let c = chars.next()?;
        if chars.next().is_some() {
            return None;
        }
        let i = self.first_chars.binary_search(&c).ok()?;
        Some((self.prefix_range(term), self.first_char_best.get(i)))
    }

    fn trigram(&self, key: u64) -> Option<&[u32]> {
        let i = self.trigram_keys.binary_search(&key).ok()?;
        Some(self.trigram_words.get(i))
    }

    /// The ids of the words starting with `prefix`: one range of the sorted list.
    fn prefix_range(&self, prefix: &str) -> std::ops::Range<usize> {
        let p = prefix.as_bytes();
        let n = self.words.len();
        let start = partition_point(n, |i| self.words.get(i) < p);
        let len = partition_point(n - start, |i| self.words.get(start + i).starts_with(p));
        start..start + len
    }
}

/// The first index in `0..n` for which `pred` is false (`pred` true then false).
fn partition_point(n: usize, pred: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

fn trigram_key(a: char, b: char, c: char) -> u64 {
    // A char is at most 21 bits.
    ((a as u64) << 42) | ((b as u64) << 21) | c as u64
}

/// The words a one-character term matches, and its score per article.
pub(crate) type OneChar<'a> = (Range<usize>, &'a [(u32, i32)]);

/// One chunk of articles' postings before the vocabulary is merged: the
/// chunk's own word ids, each article's distinct words packed with their
/// best field (`id << POSTING_BITS | in_text | field`).
struct ChunkPostings {
    words: Vec<Box<str>>,
    starts: Vec<usize>,
    items: Vec<u32>,
    /// Its articles' numbers in the chunk that are not covered (see
    /// `SearchIndex::uncovered`).
    uncovered: Vec<u32>,
}

/// The sorted vocabulary and its postings. Chunks of articles are indexed
/// in parallel, each with its own small vocabulary; the vocabularies are
/// merged and sorted once, and the postings laid out by counting, in
/// article order, so each word's list stays sorted by article.
fn word_postings(
    articles: &[Article],
    text_words: &[TextWords],
    entity_words: &[Vec<String>],
) -> (Lists<u8>, Lists<u32>, Vec<u32>) {
    let mut chunks: Vec<ChunkPostings> = articles
        .par_chunks(CHUNK)
        .zip(text_words.par_chunks(CHUNK))
        .map(|(c, w)| chunk_postings(c, w, entity_words))
        .collect();

    let mut global: FxHashMap<&str, u32> = FxHashMap::default();
    let mut vocabulary: Vec<&str> = Vec::new();
    let to_global: Vec<Vec<u32>> = chunks
        .iter()
        .map(|c| {
            c.words
                .iter()
                .map(|w| {
                    *global.entry(w).or_insert_with(|| {
                        vocabulary.push(w);
                        (vocabulary.len() - 1) as u32
                    })
                })
                .collect()
        })
        .collect();
    drop(global);
    let mut order: Vec<u32> = (0..vocabulary.len() as u32).collect();
    order.par_sort_unstable_by_key(|&g| vocabulary[g as usize]);
    let mut rank = vec![0u32; vocabulary.len()];
    for (r, &g) in order.iter().enumerate() {
        rank[g as usize] = r as u32;
    }
    let mut words = Lists {
        starts: Vec::with_capacity(order.len() + 1),
        items: Vec::new(),
    };
    words.starts.push(0);
    for &g in &order {
        words.push(vocabulary[g as usize].bytes());
    }
    drop(vocabulary);

    // Chunk word ids to sorted ranks, keeping the field bits, in place:
    // the chunks' postings are as large as the index's.
    chunks.par_iter_mut().zip(&to_global).for_each(|(c, g)| {
        c.words = Vec::new();
        for p in &mut c.items {
            *p = (rank[g[(*p >> POSTING_BITS) as usize] as usize] << POSTING_BITS)
                | (*p & POSTING_MASK);
        }
    });
    drop(to_global);
    let mut starts = vec![0usize; order.len() + 1];
    for p in chunks.iter().flat_map(|c| &c.items) {
        starts[(p >> POSTING_BITS) as usize + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut next = starts.clone();
    let mut items = vec![0u32; starts[order.len()]];
    let mut article = 0u32;
    for c in &mut chunks {
        for a in c.starts.windows(2) {
            for &p in &c.items[a[0]..a[1]] {
                let w = (p >> POSTING_BITS) as usize;
                items[next[w]] = (article << POSTING_BITS) | (p & POSTING_MASK);
                next[w] += 1;
            }
            article += 1;
        }
        c.items = Vec::new();
    }
    let uncovered = chunks
        .iter()
        .enumerate()
        .flat_map(|(c, chunk)| chunk.uncovered.iter().map(move |&a| (c * CHUNK) as u32 + a))
        .collect();
    (words, Lists { starts, items }, uncovered)
}

fn chunk_postings(
    articles: &[Article],
    text_words: &[TextWords],
    entity_words: &[Vec<String>],
) -> ChunkPostings {
    let mut ids: FxHashMap<Box<str>, u32> = FxHashMap::default();
    let mut words: Vec<Box<str>> = Vec::new();
    let mut starts = vec![0];
    let mut items = Vec::new();
    let mut here: Vec<u32> = Vec::new();
    let mut uncovered = Vec::new();
    let mut folded = String::new();
    for (i, (a, text)) in articles.iter().zip(text_words).enumerate() {
        here.clear();
        let mut add = |w: &str, f: Field| {
            let id = match ids.get(w) {
                Some(&id) => id,
                None => {
                    let id = words.len() as u32;
                    words.push(w.into());
                    ids.insert(w.into(), id);
                    id
                }
            };
            here.push((id << POSTING_BITS) | f as u32);
        };
        for w in text.iter() {
            add(w, Field::Body);
        }
        for e in &a.entities {
            for w in &entity_words[e.0 as usize] {
                add(w, Field::Entity);
            }
        }
        for_each_word(&a.headline, |w| add(w, Field::Headline));
        // Sorted by word then field: the last of each word has its best
        // field, and only an entity's name gave it when all are `Entity`.
        here.sort_unstable();
        for group in here.chunk_by(|p, q| p >> POSTING_BITS == q >> POSTING_BITS) {
            let best = group[group.len() - 1];
            let in_text = group.iter().any(|&p| Field::from_bits(p) != Field::Entity);
            items.push(if in_text { best | IN_TEXT } else { best });
        }
        let own = &items[starts[starts.len() - 1]..];
        // A run of the text that none of its own words holds may lie in a
        // headline word; the text's other runs lie in its words.
        folded.clear();
        fold_into(&mut folded, &a.headline);
        let covered = runs(&folded)
            .chain(text.loose_runs().iter().map(String::as_str))
            .all(|run| run.chars().nth(2).is_none() || in_own_words(run, own, &ids, &words));
        if !covered {
            uncovered.push(i as u32);
        }
        starts.push(items.len());
    }
    ChunkPostings {
        words,
        starts,
        items,
        uncovered,
    }
}

/// Whether `run` lies in one of an article's headline or text words
/// (`own`: its postings by word id in the chunk's vocabulary): it is one
/// of them, or inside one that also holds other characters (`aujourd'hui`).
fn in_own_words(
    run: &str,
    own: &[u32],
    ids: &FxHashMap<Box<str>, u32>,
    words: &[Box<str>],
) -> bool {
    let in_text = |p: u32| p & IN_TEXT != 0;
    if let Some(&id) = ids.get(run)
        && let Ok(at) = own.binary_search_by_key(&id, |p| p >> POSTING_BITS)
        && in_text(own[at])
    {
        return true;
    }
    own.iter().any(|&p| {
        let w = &words[(p >> POSTING_BITS) as usize];
        in_text(p) && w.len() > run.len() && w.contains(run)
    })
}

/// See `SearchIndex::first_chars`. Words starting with one character are
/// one range of the sorted list; each range is scored as `filter` scores a
/// one-character term, in parallel.
fn first_char_best(
    words: &Lists<u8>,
    postings: &Lists<u32>,
    articles: usize,
) -> (Vec<char>, Lists<(u32, i32)>) {
    let word = |i: usize| std::str::from_utf8(words.get(i)).expect("index words are UTF-8");
    let mut groups: Vec<(char, std::ops::Range<usize>)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let Some(c) = word(i).chars().next() else {
            i += 1;
            continue;
        };
        let mut buf = [0u8; 4];
        let first = c.encode_utf8(&mut buf).as_bytes();
        let end = i + partition_point(words.len() - i, |k| words.get(i + k).starts_with(first));
        groups.push((c, i..end));
        i = end;
    }
    let lists: Vec<Vec<(u32, i32)>> = groups
        .par_iter()
        .map(|(c, range)| {
            let m = super::matcher::WordMatcher::default();
            let term = c.to_string();
            let mut best = vec![i64::MIN; articles];
            let mut held: Vec<u32> = Vec::new();
            for w in range.clone() {
                let Some(s) = m.score(&term, word(w)) else {
                    continue;
                };
                for &p in postings.get(w) {
                    let (a, field) = posting_parts(p);
                    let b = &mut best[a as usize];
                    if *b == i64::MIN {
                        held.push(a);
                    }
                    *b = (*b).max(s + super::field_bonus(field));
                }
            }
            held.sort_unstable();
            held.iter().map(|&a| (a, best[a as usize] as i32)).collect()
        })
        .collect();
    let mut out = Lists::default();
    for l in lists {
        out.push(l);
    }
    (groups.into_iter().map(|g| g.0).collect(), out)
}

fn trigram_table(words: &Lists<u8>) -> (Vec<u64>, Lists<u32>) {
    let mut pairs: Vec<(u64, u32)> = (0..words.len())
        .into_par_iter()
        .flat_map_iter(|i| {
            let w = std::str::from_utf8(words.get(i)).expect("index words are UTF-8");
            let chars: Vec<char> = w.chars().collect();
            let keys: Vec<(u64, u32)> = chars
                .windows(3)
                .map(|t| (trigram_key(t[0], t[1], t[2]), i as u32))
                .collect();
            keys
        })
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    let mut keys: Vec<u64> = Vec::new();
    let mut lists = Lists::default();
    let mut at = 0;
    while at < pairs.len() {
        let key = pairs[at].0;
        let end = at + pairs[at..].partition_point(|p| p.0 == key);
        keys.push(key);
        lists.push(pairs[at..end].iter().map(|p| p.1));
        at = end;
    }
    (keys, lists)
}

fn word_entities(words: &Lists<u8>, entity_words: &[Vec<String>]) -> Lists<u32> {
    let find = |w: &str| partition_point(words.len(), |i| words.get(i) < w.as_bytes());
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for (e, ws) in entity_words.iter().enumerate() {
        for w in ws {
            let i = find(w);
            if i < words.len() && words.get(i) == w.as_bytes() {
                pairs.push((i as u32, e as u32));
            }
        }
    }
    // Stable: each word's entities stay in id order.
    pairs.sort_by_key(|p| p.0);
    Lists::from_sorted_pairs(words.len(), &pairs)
}

fn entity_counts(articles: &[Article]) -> Lists<(u32, u32)> {
    let per_article: Vec<Vec<(u32, u32)>> = articles
        .par_iter()
        .map(|a| {
            a.entities
                .iter()
                .map(|e| {
                    let n = a.mentions.iter().filter(|m| m.entity == *e).count();
                    (e.0, n as u32)
                })
                .collect()
        })
        .collect();
    let mut out = Lists::default();
    for l in per_article {
        out.push(l);
    }
    out
}

/// For each entity, the articles whose counts name it, in article order.
fn transpose(counts: &Lists<(u32, u32)>, entities: usize) -> Lists<u32> {
    let mut pairs: Vec<(u32, u32)> = (0..counts.len())
        .flat_map(|a| counts.get(a).iter().map(move |&(e, _)| (e, a as u32)))
        .collect();
    pairs.sort_by_key(|p| p.0);
    pairs.dedup();
    Lists::from_sorted_pairs(entities, &pairs)
}

fn entity_by_name(corpus: &Corpus) -> Vec<u32> {
    let mut by_name: Vec<u32> = (0..corpus.entities.len() as u32).collect();
    by_name.par_sort_by(|&x, &y| {
        corpus.entities[x as usize]
            .canonical
            .cmp(&corpus.entities[y as usize].canonical)
            .then(x.cmp(&y))
    });
    by_name
}

fn all_articles(corpus: &Corpus, index: &SearchIndex) -> AllArticles {
    let n = corpus.entities.len();
    let mut mentions = vec![0u32; n];
    let mut articles = vec![0u32; n];
    for &(e, m) in &index.entity_counts.items {
        mentions[e as usize] += m;
        articles[e as usize] += 1;
    }
    let entity_order = super::entity_order(corpus, index, &mentions, &articles);
    let mut event_listings = vec![0u32; corpus.events.len()];
    for &e in &index.article_events.items {
        event_listings[e as usize] += 1;
    }
    let events = (0..event_listings.len() as u32)
        .filter(|&e| event_listings[e as usize] > 0)
        .collect();
    AllArticles {
        mentions,
        articles,
        entity_order,
        events,
        event_listings,
    }
}

/// Folded words of a text; a hyphenated word also gives its parts.
pub fn words_of(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |w| out.push(w.to_string()));
    out
}
