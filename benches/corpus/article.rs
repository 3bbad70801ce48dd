//! One generated file: its header, its articles (title, paragraphs of
//! sentences filled from the templates in `data`), and the cast each
//! article keeps coming back to.

use super::calendar::{self, FIRST_DAY, LAST_DAY, civil_from_days};
use super::data::*;
use super::{File, Person, Rng};

/// File `file_no` of the corpus: `parts` articles (1 or 2, split by
/// `*****`) from one day of the archive, under one header (or none).
pub fn make_file(rng: &mut Rng, roster: &[Person], file_no: usize, parts: usize) -> File {
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
pub enum Lang {
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

    fn date(&mut self) -> String {
        calendar::expression(self.rng, self.lang, self.day)
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
/// archive's does (Heaps' law): with the templates' words, about 11k
/// distinct words at 1k articles and 58k at 10k.
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
