//! A deterministic generator of news articles in revue's input format, for
//! benchmarks. It knows nothing of revue's code: it writes what a wire
//! archive looks like (optional ` date YYYY-MM[ publié le …]` header, some
//! files holding two articles split by `*****`, an optional title line,
//! French and English paragraphs with people, places, organisations, dates
//! in many forms and event triggers), so that revue can be timed on text it
//! has never seen. The same article count and seed always give the same
//! bytes: the only randomness is the small PRNG below, seeded by the caller.
//!
//! Used by `examples/gencorpus.rs` (files on disk) and by the benches
//! (in memory or in a temporary folder).

#![allow(dead_code)] // each user (example, bench) takes a different part

mod data;

use std::io::{self, Write as _};
use std::path::Path;

use data::*;

/// The queries the benchmarks time, on names the generator writes: a label,
/// the revue query, and the nearest `fzf` query (fzf has no entity or date
/// filter, so `@erdogan` becomes the word and `date:2017-11` the string).
pub const QUERIES: &[(&str, &str, &str)] = &[
    ("one_term", "erdogan", "erdogan"),
    ("two_terms", "poutine syrie", "poutine syrie"),
    (
        "four_terms",
        "poutine sommet syrie moscou",
        "poutine sommet syrie moscou",
    ),
    ("entity", "@erdogan", "erdogan"),
    ("date", "date:2017-11", "2017-11"),
];

/// The query typed one character at a time: `e`, `er`, `erd`, … `erdogan`.
pub const TYPED: &str = "erdogan";

/// SplitMix64: tiny, fast, and good enough to pick words; fixed forever so
/// that a seed names the same corpus on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x005E_ED0F_2E7E_u64)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() as u128 * n as u128) >> 64) as usize
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    /// In `0..n`, heavily favouring small indices (as news favours a few
    /// names): index 0 about 4% of draws out of 20,000.
    pub fn skewed(&mut self, n: usize) -> usize {
        ((self.unit().powi(3) * n as f64) as usize).min(n - 1)
    }
}

/// One generated file: its name, its bytes, and each article as one line
/// (header included, newlines folded to spaces) for line-based tools.
pub struct File {
    pub name: String,
    pub contents: String,
    pub lines: Vec<String>,
}

struct Person {
    first: String,
    last_fr: String,
    last_en: String,
    female: bool,
    country: usize,
    role: usize,
}

/// The people articles talk about: the well-known figures first (the most
/// frequent), then 1,500 invented ones. Fixed, whatever the seed, so that a
/// query names the same people in every corpus.
fn roster() -> Vec<Person> {
    let mut out: Vec<Person> = FAMOUS
        .iter()
        .map(|&(first, fr, en, country, role, female)| Person {
            first: first.into(),
            last_fr: fr.into(),
            last_en: en.into(),
            female,
            country,
            role,
        })
        .collect();
    let mut rng = Rng::new(0xC0FFEE);
    for _ in 0..20_000 {
        let female = rng.chance(0.3);
        let first = if female {
            rng.pick(FIRST_FEMALE)
        } else {
            rng.pick(FIRST_MALE)
        };
        let last = *rng.pick(SURNAMES);
        out.push(Person {
            first: first.to_string(),
            last_fr: last.into(),
            last_en: last.into(),
            female,
            country: rng.skewed(COUNTRIES.len()),
            role: rng.below(11),
        });
    }
    out
}

/// Writes N articles in files, yielding one file at a time.
pub struct Generator {
    rng: Rng,
    roster: Vec<Person>,
    file_no: usize,
    left: usize,
}

impl Generator {
    pub fn new(articles: usize, seed: u64) -> Self {
        Generator {
            rng: Rng::new(seed),
            roster: roster(),
            file_no: 0,
            left: articles,
        }
    }
}

impl Iterator for Generator {
    type Item = File;

    fn next(&mut self) -> Option<File> {
        if self.left == 0 {
            return None;
        }
        let parts = if self.left >= 2 && self.rng.chance(0.12) {
            2
        } else {
            1
        };
        self.left -= parts;
        let file = make_file(&mut self.rng, &self.roster, self.file_no, parts);
        self.file_no += 1;
        Some(file)
    }
}

/// What the generator wrote.
#[derive(Debug, Default, Clone, Copy)]
pub struct Stats {
    pub files: usize,
    pub articles: usize,
    pub bytes: usize,
}

/// Writes `articles` articles under `dir` (created if missing) and, when
/// asked, every article as one line into `lines`.
pub fn write_corpus(
    dir: &Path,
    articles: usize,
    seed: u64,
    lines: Option<&Path>,
) -> io::Result<Stats> {
    std::fs::create_dir_all(dir)?;
    let mut out = match lines {
        Some(p) => Some(io::BufWriter::new(std::fs::File::create(p)?)),
        None => None,
    };
    let mut stats = Stats::default();
    for f in Generator::new(articles, seed) {
        std::fs::write(dir.join(&f.name), &f.contents)?;
        stats.files += 1;
        stats.articles += f.lines.len();
        stats.bytes += f.contents.len();
        if let Some(out) = out.as_mut() {
            for l in &f.lines {
                writeln!(out, "{l}")?;
            }
        }
    }
    if let Some(mut out) = out {
        out.flush()?;
    }
    Ok(stats)
}

/// Files in memory until they hold at least `bytes` bytes.
pub fn files_of_size(bytes: usize, seed: u64) -> Vec<File> {
    let mut total = 0;
    let mut out = Vec::new();
    for f in Generator::new(usize::MAX, seed) {
        total += f.contents.len();
        out.push(f);
        if total >= bytes {
            break;
        }
    }
    out
}

// ---------------------------------------------------------------- a file

/// First and last day of the archive: 2010-01-01 to 2024-12-31.
const FIRST_DAY: i64 = 14_610;
const LAST_DAY: i64 = 20_088;

fn make_file(rng: &mut Rng, roster: &[Person], file_no: usize, parts: usize) -> File {
    let day = FIRST_DAY + rng.below((LAST_DAY - FIRST_DAY) as usize) as i64;
    let (y, m, d) = civil_from_days(day);
    let name = format!("{file_no:06}_{:016x}.txt", rng.next_u64());
    let mut header = String::new();
    let mut inline = false;
    match rng.below(100) {
        0..=34 => {}
        35..=54 => header = format!(" date {y}-{m:02}"),
        55..=79 => {
            let (hh, mm) = (6 + rng.below(16), rng.below(60));
            header = format!(" date {y}-{m:02} publié le {d:02}/{m:02}/{y} à {hh:02}:{mm:02}");
        }
        _ => {
            header = format!(" date {y}-{m:02}");
            inline = true;
        }
    }
    let mut contents = String::new();
    let mut lines = Vec::new();
    for part in 0..parts {
        let own_title = !(inline && part == 0);
        let article = make_article(rng, roster, day, own_title);
        if part == 0 {
            contents.push_str(&header);
            if inline {
                contents.push(' ');
            } else if !header.is_empty() {
                contents.push_str(if rng.chance(0.4) { "\n\n" } else { "\n" });
            }
        } else {
            contents.push_str("\n*****\n");
        }
        contents.push_str(&article);
        let mut line = header.trim().to_string();
        for w in article.split_whitespace() {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(w);
        }
        lines.push(line);
    }
    contents.push('\n');
    File {
        name,
        contents,
        lines,
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Lang {
    Fr,
    En,
}

/// One article's cast and habits: the people, places and organisations it
/// keeps coming back to, its date, its typography.
struct Ctx<'a> {
    rng: &'a mut Rng,
    roster: &'a [Person],
    lang: Lang,
    day: i64,
    people: Vec<usize>,
    countries: Vec<usize>,
    cities: Vec<usize>,
    orgs: Vec<usize>,
    mentioned: Vec<usize>,
    last_person: usize,
    quote_style: usize,
    /// Sentences already written, so that an article seldom repeats one.
    used: Vec<&'static str>,
}

fn make_article(rng: &mut Rng, roster: &[Person], day: i64, own_title: bool) -> String {
    let lang = if rng.chance(0.7) { Lang::Fr } else { Lang::En };
    let mut people = Vec::new();
    while people.len() < 2 + rng.below(3) {
        let p = rng.skewed(roster.len());
        if !people.contains(&p) {
            people.push(p);
        }
    }
    let mut countries = vec![roster[people[0]].country];
    countries.push(rng.skewed(COUNTRIES.len()));
    let cities = (0..1 + rng.below(3))
        .map(|_| rng.below(CITIES.len()))
        .collect();
    let orgs = (0..1 + rng.below(2))
        .map(|_| rng.below(ORGS.len()))
        .collect();
    let curly = rng.chance(0.5);
    let quote_style = rng.below(3);
    // Paragraph breaks: one line, blank lines, or the whole text on one line.
    let sep = match rng.below(20) {
        0..=8 => "\n",
        9..=15 => "\n\n",
        16 => "\n\n\n\n",
        _ => " ",
    };
    let target = 1200 + rng.below(4400);
    let mut cx = Ctx {
        rng,
        roster,
        lang,
        day,
        people,
        countries,
        cities,
        orgs,
        mentioned: Vec::new(),
        last_person: usize::MAX,
        quote_style,
        used: Vec::new(),
    };
    let mut text = String::new();
    if own_title && cx.rng.chance(0.55) {
        let t = *cx.rng.pick(if lang == Lang::Fr {
            TITLES_FR
        } else {
            TITLES_EN
        });
        text.push_str(&capitalise(&cx.fill(t)));
        text.push('\n');
    }
    let mut first = true;
    while text.len() < target {
        if !first {
            text.push_str(sep);
        }
        let n = 2 + cx.rng.below(5);
        for i in 0..n {
            let kind = if first { 0 } else { cx.rng.below(100) };
            let t = cx.fresh(match (lang, kind) {
                (Lang::Fr, 0..=54) => SENTENCES_FR,
                (Lang::Fr, 55..=77) => FILLERS_FR,
                (Lang::Fr, _) => TOPICS_FR,
                (Lang::En, 0..=54) => SENTENCES_EN,
                (Lang::En, 55..=77) => FILLERS_EN,
                (Lang::En, _) => TOPICS_EN,
            });
            if i > 0 {
                text.push(' ');
            }
            text.push_str(&capitalise(&cx.fill(t)));
            first = false;
        }
    }
    if curly {
        text.replace('\'', "’")
    } else {
        text
    }
}

fn capitalise(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(cs).collect(),
        _ => s.to_string(),
    }
}

impl Ctx<'_> {
    /// A template this article has not used yet, when a few draws find one.
    fn fresh(&mut self, list: &'static [&'static str]) -> &'static str {
        let mut t = *self.rng.pick(list);
        for _ in 0..8 {
            if !self.used.contains(&t) {
                break;
            }
            t = *self.rng.pick(list);
        }
        self.used.push(t);
        t
    }

    /// Fills a template's `{slot}`s (see `data`).
    fn fill(&mut self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 64);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("templates close their slots");
            let slot = &rest[open + 1..close];
            let text = self.slot(slot);
            out.push_str(&text);
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }

    fn slot(&mut self, slot: &str) -> String {
        match slot {
            "p" => {
                let p = if self.rng.chance(0.5) {
                    self.people[0]
                } else {
                    *self.rng.pick(&self.people)
                };
                self.last_person = p;
                self.mention(p)
            }
            "q" => {
                let others: Vec<usize> = (self.people.iter().copied())
                    .filter(|&p| p != self.last_person)
                    .collect();
                let q = *self.rng.pick(&others);
                self.mention(q)
            }
            "s1" | "s2" => {
                let p = &self.roster[self.people[usize::from(slot == "s2")]];
                match self.lang {
                    Lang::Fr => p.last_fr.clone(),
                    Lang::En => p.last_en.clone(),
                }
            }
            "à" | "in" => {
                if self.rng.chance(0.5) {
                    let (fr, en) = CITIES[self.city()];
                    match self.lang {
                        Lang::Fr => format!("à {fr}"),
                        Lang::En => format!("in {en}"),
                    }
                } else {
                    let c = &COUNTRIES[self.country()];
                    match self.lang {
                        Lang::Fr => c.en.to_string(),
                        Lang::En => format!("in {}", c.english),
                    }
                }
            }
            "pays" | "pays2" | "country" | "country2" => {
                let i = if slot.ends_with('2') {
                    self.rng.below(COUNTRIES.len())
                } else {
                    self.countries[0]
                };
                let c = &COUNTRIES[i];
                if slot.starts_with('p') {
                    c.le.into()
                } else {
                    c.english.into()
                }
            }
            "du_pays" => COUNTRIES[self.country()].de.into(),
            "ville" => CITIES[self.city()].0.into(),
            "city" => CITIES[self.city()].1.into(),
            "o" | "de_o" => {
                let i = if self.rng.chance(0.8) {
                    *self.rng.pick(&self.orgs)
                } else {
                    self.rng.below(ORGS.len())
                };
                let (le, de, en) = ORGS[i];
                match (self.lang, slot) {
                    (Lang::En, _) => en.into(),
                    (_, "o") => le.into(),
                    _ => de.into(),
                }
            }
            "date" => self.date(),
            "year" => (civil_from_days(self.day).0 - 1 - self.rng.below(10) as i64).to_string(),
            "n" => self.number(),
            "k" => (2 + self.rng.below(40)).to_string(),
            "w" => lexeme(self.rng),
            "W" => capitalise(&lexeme(self.rng)),
            "quote" => {
                let q = match self.lang {
                    Lang::Fr => *self.rng.pick(QUOTES_FR),
                    Lang::En => *self.rng.pick(QUOTES_EN),
                };
                match (self.lang, self.quote_style) {
                    (Lang::Fr, 0) => format!("« {q} »"),
                    (Lang::Fr, 1) => format!("«{q}»"),
                    (Lang::En, 0) => format!("“{q}”"),
                    _ => format!("\"{q}\""),
                }
            }
            other => panic!("unknown template slot {{{other}}}"),
        }
    }

    fn city(&mut self) -> usize {
        if self.rng.chance(0.8) {
            *self.rng.pick(&self.cities)
        } else {
            self.rng.below(CITIES.len())
        }
    }

    fn country(&mut self) -> usize {
        if self.rng.chance(0.8) {
            *self.rng.pick(&self.countries)
        } else {
            self.rng.below(COUNTRIES.len())
        }
    }

    /// A person as a reporter names them: in full with a title the first
    /// time, then mostly by surname, sometimes by title alone.
    fn mention(&mut self, i: usize) -> String {
        let p = &self.roster[i];
        let (role_m, role_f, role_en, adj) = ROLES[p.role];
        let c = &COUNTRIES[p.country];
        let first_time = !self.mentioned.contains(&i);
        if first_time {
            self.mentioned.push(i);
        }
        let roll = self.rng.below(100);
        match self.lang {
            Lang::Fr => {
                let role = if p.female { role_f } else { role_m };
                let titled = match (adj, p.female) {
                    (false, _) => role.to_string(),
                    (true, false) => format!("{role} {}", c.adj_m),
                    (true, true) => format!("{role} {}", c.adj_f),
                };
                let full = format!("{} {}", p.first, p.last_fr);
                match (first_time, roll) {
                    (true, 0..=54) => format!("{titled} {full}"),
                    (true, _) | (false, 55..=84) => full,
                    (false, 0..=54) => p.last_fr.clone(),
                    (false, _) => titled,
                }
            }
            Lang::En => {
                let titled = if adj {
                    format!("{} {role_en}", c.adj_en)
                } else {
                    role_en.to_string()
                };
                let full = format!("{} {}", p.first, p.last_en);
                match (first_time, roll) {
                    (true, 0..=54) => format!("{titled} {full}"),
                    (true, _) | (false, 60..=84) => full,
                    (false, 0..=59) => p.last_en.clone(),
                    (false, _) => format!("the {titled}"),
                }
            }
        }
    }

    /// A temporal expression near the article's date, in one of the forms
    /// reporters use.
    fn date(&mut self) -> String {
        let a = self.day;
        let back = |rng: &mut Rng, n: usize| a - 1 - rng.below(n) as i64;
        let roll = self.rng.below(100);
        match self.lang {
            Lang::Fr => match roll {
                0..=17 => {
                    let t = if self.rng.chance(0.2) {
                        a + 1 + self.rng.below(6) as i64
                    } else {
                        back(self.rng, 6)
                    };
                    let (_, m, d) = civil_from_days(t);
                    format!(
                        "{} {} {}",
                        WEEKDAYS_FR[weekday(t)],
                        day_fr(d),
                        MONTHS_FR[m - 1]
                    )
                }
                18..=32 => {
                    let (_, m, d) = civil_from_days(back(self.rng, 40));
                    format!("le {} {}", day_fr(d), MONTHS_FR[m - 1])
                }
                33..=42 => {
                    let (y, m, _) = civil_from_days(a - 30 * (1 + self.rng.below(36)) as i64);
                    format!("en {} {y}", MONTHS_FR[m - 1])
                }
                43..=50 => {
                    let (y, m, d) = civil_from_days(back(self.rng, 400));
                    format!("le {d:02}/{m:02}/{y}")
                }
                51..=58 => format!("en {}", civil_from_days(a).0 - 1 - self.rng.below(8) as i64),
                59..=70 => WEEKDAYS_FR[weekday(back(self.rng, 6))].to_string(),
                71..=82 => (*self.rng.pick(&[
                    "hier",
                    "la semaine dernière",
                    "l'année dernière",
                    "avant-hier",
                    "le mois dernier",
                    "ce matin",
                ]))
                .to_string(),
                83..=90 => {
                    let (y, m, d) = civil_from_days(a);
                    format!("ce {} {} {y}", day_fr(d), MONTHS_FR[m - 1])
                }
                _ => {
                    let (y, m, d) = civil_from_days(back(self.rng, 2000));
                    format!("le {} {} {y}", day_fr(d), MONTHS_FR[m - 1])
                }
            },
            Lang::En => match roll {
                0..=19 => format!("on {}", WEEKDAYS_EN[weekday(back(self.rng, 6))]),
                20..=34 => {
                    let (y, m, d) = civil_from_days(back(self.rng, 600));
                    format!("on {} {d}, {y}", MONTHS_EN[m - 1])
                }
                35..=44 => {
                    let (y, m, d) = civil_from_days(back(self.rng, 600));
                    format!("on {} {d}, {y}", MONTHS_EN_ABBR[m - 1])
                }
                45..=56 => {
                    let (y, m, _) = civil_from_days(a - 30 * (1 + self.rng.below(36)) as i64);
                    format!("in {} {y}", MONTHS_EN[m - 1])
                }
                57..=72 => (*self.rng.pick(&[
                    "last week",
                    "yesterday",
                    "last year",
                    "last month",
                    "earlier this week",
                ]))
                .to_string(),
                73..=82 => format!("in {}", civil_from_days(a).0 - 1 - self.rng.below(8) as i64),
                _ => {
                    let (_, m, d) = civil_from_days(back(self.rng, 40));
                    format!("on {} {d}", MONTHS_EN[m - 1])
                }
            },
        }
    }

    fn number(&mut self) -> String {
        let fr = self.lang == Lang::Fr;
        match self.rng.below(5) {
            0 => (2 + self.rng.below(20)).to_string(),
            1 => (10 * (1 + self.rng.below(99))).to_string(),
            2 if fr => format!("{}.000", 1 + self.rng.below(500)),
            2 => format!("{},000", 1 + self.rng.below(500)),
            3 => (1000 + self.rng.below(9000)).to_string(),
            _ if fr => format!("{} 000", 1 + self.rng.below(90)),
            _ => format!("{} million", 1 + self.rng.below(12)),
        }
    }
}

/// A word of the long tail: rank `r` is drawn log-uniformly in
/// `1..1_000_000` (Zipf's law with exponent 1), and each rank always spells
/// the same pseudo-word. So the vocabulary grows with the corpus as a real
/// archive's does (Heaps' law): about 15k distinct rare words at 1k
/// articles, 100k at 10k, 500k at 100k.
fn lexeme(rng: &mut Rng) -> String {
    let r = (rng.unit() * (1_000_000f64).ln()).exp() as u64;
    let mut w = Rng::new(r.wrapping_mul(0x2545_F491_4F6C_DD1D));
    let mut out = String::new();
    for _ in 0..1 + w.below(3) {
        out.push_str(w.pick::<&str>(ONSETS));
        out.push_str(w.pick::<&str>(VOWELS));
        out.push_str(w.pick::<&str>(CODAS));
    }
    if w.chance(0.6) {
        out.push_str(w.pick::<&str>(ENDINGS));
    }
    out
}

fn day_fr(d: u32) -> String {
    if d == 1 { "1er".into() } else { d.to_string() }
}

// ---------------------------------------------------------------- dates

/// Days since 1970-01-01 to (year, month 1-12, day 1-31) (H. Hinnant's
/// `civil_from_days`).
fn civil_from_days(z: i64) -> (i64, usize, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as usize;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// 0 is Sunday (1970-01-01 was a Thursday).
fn weekday(z: i64) -> usize {
    (z + 4).rem_euclid(7) as usize
}
