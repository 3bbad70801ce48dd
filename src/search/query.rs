//! The query language. Terms separated by spaces must all match; `OR`
//! (in capitals) between groups of terms matches either group, and
//! parentheses group (`lang:fr (erdogan OR poutine)`). A term is `word`
//! (fuzzy), `'word` (exact text, inside words too), `"a phrase"` (exact
//! words in order), `!word` or `!"a phrase"` (excluded), `@name` an entity, `#type` an event type by
//! its code or its timeline tag (`#meeting`, `#meet`) or a subtype
//! (`#verdict`), `date:2017-11` or `date:2015..2017` a date range,
//! `lang:fr` a language, `title:word` the headline, `source:vigie` an
//! outlet (its name or its site's host), `author:kerbrat` a byline (`_`
//! for a space, or quotes: `source:"la vigie"`), `is:unread` a review mark.
//!
//! `date:` keeps an event by its own date, and an article by its date (the
//! guess the list shows with `~` when it has no other) or by an event it
//! reports in the range.

use crate::extract::date::DatePoint;
use crate::extract::kind::{EventType, EventWord, Subtype};
use crate::extract::lang::Lang;
use crate::search::suggest::did_you_mean;

#[derive(Debug, Clone, PartialEq)]
pub enum Term {
    Fuzzy(String),
    /// `'word`: the exact text, case and accents aside, inside words too.
    Exact(String),
    /// `"a phrase"`: the exact text as whole words (`"a rencontré"` is
    /// not in `sa rencontre`).
    Phrase(String),
    /// `!word`: articles without the text.
    Exclude(String),
    /// `!"a phrase"`: articles without the phrase.
    ExcludePhrase(String),
    Entity(String),
    /// `#meeting`, `#meet`, `#verdict`: a type or a subtype of event.
    EventKind(EventWord),
    Date(DateRange),
    Lang(Lang),
    /// `is:unread`, `is:read`, `is:starred`, `is:flagged`, `is:new`,
    /// `is:arrived`, `is:copy`, `is:original`.
    Is(Status),
    /// `event:12`: one event (by id), as drilling down into it gives.
    Event(u32),
    /// `title:NAME`: articles whose headline holds NAME.
    Title(String),
    /// `source:NAME`: articles whose outlet or site holds NAME.
    Source(String),
    /// `author:NAME`: articles whose byline holds NAME.
    Author(String),
}

/// A review status an article may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Unread,
    Read,
    Starred,
    Flagged,
    /// First seen since the previous run (or `--since`).
    New,
    /// Came in while the dashboard is open (a file added, a refetch).
    Arrived,
    /// A copy or rewrite of another article of its story.
    Copy,
    /// Its story's representative: one article per story.
    Original,
}

/// An inclusive range of dates at any precision: `2015..2017` covers
/// 2015-01-01 to 2017-12-31.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DateRange {
    pub from: Option<DatePoint>,
    pub to: Option<DatePoint>,
}

impl DateRange {
    /// Parses what follows `date:` in a query: `2017-11`, `2015..2017`,
    /// `2017-09..` (open end) or `..2016`.
    pub fn parse(s: &str) -> Result<DateRange, QueryError> {
        parse_range(s)
    }

    /// Whether a date (at any precision) overlaps the range.
    pub fn overlaps(&self, d: &DatePoint) -> bool {
        let after_start = self
            .from
            .is_none_or(|f| d.sort_key() >= f.sort_key() || d.contains(&f) || f.contains(d));
        let before_end = self
            .to
            .is_none_or(|t| d.sort_key() <= t.sort_key() || t.contains(d) || d.contains(&t));
        after_start && before_end
    }
}

/// A parsed query: groups of terms, any group matching (`OR`), every
/// term of a group matching. No group matches everything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub groups: Vec<Vec<Term>>,
}

/// A term that cannot be understood; the rest of the query still applies.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryError(pub String);

impl Query {
    pub fn is_empty(&self) -> bool {
        self.groups.iter().all(Vec::is_empty)
    }
}

/// Queries joined so that all of them apply: each one holding an `OR` is
/// put in parentheses (`(erdogan OR poutine) lang:fr`), as plain joining
/// would give the terms after it to its last group only.
pub fn conjoin<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            if parse(p).0.groups.len() > 1 {
                format!("({p})")
            } else {
                p.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The field names a `name:value` term may have.
pub const FIELDS: [&str; 7] = ["author", "date", "event", "is", "lang", "source", "title"];

/// Alternatives a query may expand to (each `OR` inside parentheses
/// multiplies them): enough for any query typed by hand.
const MAX_GROUPS: usize = 64;

/// Parses a query. Bad terms are reported and left out.
pub fn parse(input: &str) -> (Query, Vec<QueryError>) {
    let mut errors = Vec::new();
    let tokens = lex(input, &mut errors);
    let mut at = 0;
    let groups = parse_or(&tokens, &mut at, &mut errors);
    let groups = groups.into_iter().filter(|g| !g.is_empty()).collect();
    (Query { groups }, errors)
}

#[derive(Debug, PartialEq)]
enum Token {
    Word(String),
    Open,
    Close,
    Or,
}

/// Splits a query into words, `(`, `)` and `OR`. A `"` opens a run that
/// spaces and parentheses do not end, up to the next `"`; a `(` opens a
/// group at the start of a word, and a `)` at its end closes an open group
/// (and is part of the word when none is open: `'AFP)`).
fn lex(input: &str, errors: &mut Vec<QueryError>) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut depth = 0usize;
    let mut chars = input.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.peek().is_none() {
            break;
        }
        let mut opens = 0;
        while chars.next_if_eq(&'(').is_some() {
            opens += 1;
        }
        let mut word = String::new();
        let mut quoted = false;
        while let Some(c) = chars.next_if(|c| quoted || !c.is_whitespace()) {
            quoted ^= c == '"';
            word.push(c);
        }
        let mut closes = 0;
        while depth + opens > closes && word.ends_with(')') && !quoted {
            word.pop();
            closes += 1;
        }
        tokens.extend((0..opens).map(|_| Token::Open));
        depth += opens;
        match word.as_str() {
            "" => {}
            "OR" => tokens.push(Token::Or),
            _ => tokens.push(Token::Word(word)),
        }
        tokens.extend((0..closes).map(|_| Token::Close));
        depth -= closes;
    }
    if depth > 0 {
        errors.push(QueryError(format!(
            "unclosed `(`: add {}",
            ")".repeat(depth)
        )));
    }
    tokens
}

/// Groups joined by `OR`, up to a `)` or the end. An empty side adds
/// nothing (`erdogan OR` while typing is `erdogan`).
fn parse_or(tokens: &[Token], at: &mut usize, errors: &mut Vec<QueryError>) -> Vec<Vec<Term>> {
    let mut alternatives: Vec<Vec<Vec<Term>>> = vec![parse_and(tokens, at, errors)];
    while tokens.get(*at) == Some(&Token::Or) {
        *at += 1;
        alternatives.push(parse_and(tokens, at, errors));
    }
    let mut groups: Vec<Vec<Term>> = alternatives
        .into_iter()
        .filter(|a| !(a.len() == 1 && a[0].is_empty()))
        .flatten()
        .collect();
    if groups.is_empty() {
        return vec![Vec::new()];
    }
    if groups.len() > MAX_GROUPS {
        groups.truncate(MAX_GROUPS);
        errors.push(QueryError(format!(
            "too many alternatives: the first {MAX_GROUPS} apply"
        )));
    }
    groups
}

/// Terms and parenthesised groups that must all match: the alternatives
/// of each multiplied out into groups of plain terms.
fn parse_and(tokens: &[Token], at: &mut usize, errors: &mut Vec<QueryError>) -> Vec<Vec<Term>> {
    let mut groups: Vec<Vec<Term>> = vec![Vec::new()];
    while let Some(token) = tokens.get(*at) {
        let part = match token {
            Token::Or | Token::Close => break,
            Token::Word(raw) => {
                *at += 1;
                match parse_term(raw) {
                    Ok(Some(t)) => vec![vec![t]],
                    Ok(None) => continue,
                    Err(e) => {
                        errors.push(e);
                        continue;
                    }
                }
            }
            Token::Open => {
                *at += 1;
                let inner = parse_or(tokens, at, errors);
                if tokens.get(*at) == Some(&Token::Close) {
                    *at += 1;
                }
                inner
            }
        };
        let mut product = Vec::with_capacity(groups.len() * part.len());
        'outer: for g in &groups {
            for p in &part {
                if product.len() > MAX_GROUPS {
                    break 'outer;
                }
                product.push(g.iter().chain(p).cloned().collect());
            }
        }
        groups = product;
    }
    groups
}

/// The text of a value, without the quotes around it (`"la vigie"`); an
/// unquoted one reads `_` as a space when `underscores` says so.
fn value(s: &str, underscores: bool) -> Option<String> {
    let v = match s.strip_prefix('"') {
        Some(inner) => inner.strip_suffix('"').unwrap_or(inner).to_string(),
        None if underscores => s.replace('_', " "),
        None => s.to_string(),
    };
    (!v.trim().is_empty()).then_some(v)
}

fn parse_term(raw: &str) -> Result<Option<Term>, QueryError> {
    // A phrase still being typed (no closing quote yet) matches as exact
    // text, so that `"a renc` already finds `a rencontré`.
    let closed = |q: &str| q.len() > 1 && q.starts_with('"') && q.ends_with('"');
    if raw.starts_with('"') {
        let phrase = if closed(raw) {
            Term::Phrase
        } else {
            Term::Exact
        };
        return Ok(value(raw, false).map(phrase));
    }
    if let Some(rest) = raw.strip_prefix('\'') {
        return Ok(value(rest, false).map(Term::Exact));
    }
    if let Some(rest) = raw.strip_prefix('!') {
        if closed(rest) {
            return Ok(value(rest, false).map(Term::ExcludePhrase));
        }
        return Ok(value(rest.trim_start_matches('\''), false).map(Term::Exclude));
    }
    if let Some(rest) = raw.strip_prefix('@') {
        return Ok(value(rest, false).map(Term::Entity));
    }
    if let Some(rest) = raw.strip_prefix('#') {
        if rest.is_empty() {
            return Ok(None);
        }
        return EventWord::parse(rest)
            .map(|w| Some(Term::EventKind(w)))
            .ok_or_else(|| unknown_event_word(rest));
    }
    let Some((field, rest)) = raw.split_once(':').filter(|(f, _)| is_field_name(f)) else {
        return Ok(Some(Term::Fuzzy(raw.to_string())));
    };
    match field {
        "date" => parse_range(rest).map(|r| Some(Term::Date(r))),
        "lang" => Lang::from_code(rest)
            .map(|l| Some(Term::Lang(l)))
            .ok_or_else(|| QueryError(format!("unknown language `{rest}` (fr or en)"))),
        "title" => Ok(value(rest, false).map(Term::Title)),
        "source" => Ok(value(rest, true).map(Term::Source)),
        "author" => Ok(value(rest, true).map(Term::Author)),
        "event" => rest
            .parse()
            .map(|id| Some(Term::Event(id)))
            .map_err(|_| QueryError(format!("bad event id `event:{rest}`"))),
        "is" => parse_status(rest).map(|s| Some(Term::Is(s))),
        _ => match did_you_mean(field, FIELDS) {
            Some(near) => Err(QueryError(format!(
                "unknown field `{field}:`; did you mean `{near}:`?"
            ))),
            // `12:30`, `http://…`: a word like any other.
            None => Ok(Some(Term::Fuzzy(raw.to_string()))),
        },
    }
}

/// Whether what precedes a `:` reads as a field name (`title`), known or
/// misspelt, rather than part of a word (`12:30`).
fn is_field_name(f: &str) -> bool {
    (2..=8).contains(&f.len()) && f.chars().all(|c| c.is_ascii_lowercase())
}

fn parse_status(rest: &str) -> Result<Status, QueryError> {
    Ok(match rest.to_lowercase().as_str() {
        "unread" => Status::Unread,
        "read" => Status::Read,
        "starred" | "star" => Status::Starred,
        "flagged" | "flag" => Status::Flagged,
        "new" => Status::New,
        "arrived" => Status::Arrived,
        "copy" => Status::Copy,
        "original" => Status::Original,
        _ => {
            return Err(QueryError(format!(
                "unknown status `is:{rest}` (unread, read, starred, flagged, new, arrived, copy or original)"
            )));
        }
    })
}

fn unknown_event_word(word: &str) -> QueryError {
    let lower = word.to_lowercase().replace('-', "_");
    match did_you_mean(&lower, EventWord::vocabulary()) {
        Some(near) => QueryError(format!(
            "unknown event type `#{word}`; did you mean `#{near}`?"
        )),
        None => QueryError(format!(
            "unknown event type `#{word}` (one of: {})",
            type_list()
        )),
    }
}

/// The event types as the help writes them: each code with its timeline
/// tag where they differ (`meeting/meet`).
pub fn type_list() -> String {
    EventType::ALL
        .iter()
        .map(|t| {
            if t.tag() == t.code() {
                t.code().to_string()
            } else {
                format!("{}/{}", t.code(), t.tag())
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The subtypes that are words of their own (not also a type's word).
pub fn subtype_list() -> String {
    Subtype::ALL
        .iter()
        .filter(|s| EventWord::parse(s.code()) == Some(EventWord::Subtype(**s)))
        .map(|s| s.code())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The first line of the query syntax's help: how terms combine.
pub const SYNTAX_INTRO: &str = "Terms separated by spaces must all match; OR (in capitals) \
between groups matches either group, and parentheses group terms: lang:fr (erdogan OR poutine).";

/// The query syntax, one row per kind of term: how it is written, what it
/// selects. `--help`, the man page and the dashboard's help read it here.
pub fn syntax_rows() -> Vec<(&'static str, String)> {
    vec![
        (
            "word",
            "fuzzy: the word or a near spelling (erdo, poutne)".into(),
        ),
        (
            "'word",
            "exact text, case and accents aside, inside words too ('rencontr)".into(),
        ),
        (
            "\"a phrase\"",
            "these words in this order, as whole words (\"a rencontré\")".into(),
        ),
        (
            "!word  !\"a phrase\"",
            "leaves out the articles holding it".into(),
        ),
        (
            "@name",
            "an entity, by any of its names (@vladimir_poutine)".into(),
        ),
        (
            "#type",
            format!(
                "events of a type, by its code or its timeline tag: {}; or of a subtype: {}",
                type_list(),
                subtype_list()
            ),
        ),
        (
            "date:2017-11",
            "a date or a range (date:2015..2017, date:2017-09.., date:..2016): events by \
             their own date; articles by their date (or the guess shown with ~) or by an \
             event they report in the range"
                .into(),
        ),
        ("lang:fr", "a language: fr or en".into()),
        (
            "title:word",
            "the headline holds it (title:\"a phrase\")".into(),
        ),
        (
            "source:vigie",
            "the outlet or its site (_ or quotes for a space: source:\"la vigie\")".into(),
        ),
        ("author:kerbrat", "the byline holds it".into()),
        (
            "is:unread",
            "review marks: unread, read, starred, flagged; new (first seen since the \
             previous run); arrived (while the dashboard is open); copy, original (a \
             story's reprints, its representative)"
                .into(),
        ),
    ]
}

/// The query syntax in a few lines, for the help overlay: each row of
/// [`syntax_rows`] there in short, several terms to a line.
pub const SYNTAX_SUMMARY: &[(&str, &str)] = &[
    (
        "word 'word",
        "fuzzy word · exact text (all terms must match)",
    ),
    (
        "\"a phrase\"",
        "these words in this order (\"a rencontré\")",
    ),
    ("!word", "exclude"),
    ("A OR B  ( )", "either group · parentheses group terms"),
    (
        "@name #type",
        "articles naming an entity · events of a type",
    ),
    ("date: lang:", "date:2017-11  date:2015..2017  lang:fr"),
    ("title:", "title:word  title:\"a phrase\" (the headline)"),
    (
        "source: author:",
        "source:vigie  author:kerbrat (outlet, byline)",
    ),
    ("is:", "is:unread is:read is:starred is:flagged"),
];

/// The query syntax as plain text, for `--help`.
pub fn syntax_help() -> String {
    let rows = syntax_rows();
    let width = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = SYNTAX_INTRO.to_string();
    for (k, v) in rows {
        out.push_str(&format!("\n  {k:width$}  {v}"));
    }
    out
}

fn parse_range(s: &str) -> Result<DateRange, QueryError> {
    let bad = || {
        QueryError(format!(
            "bad date `date:{s}` (YYYY, YYYY-MM, YYYY-MM-DD or FROM..TO)"
        ))
    };
    let one = |p: &str| {
        if p.is_empty() {
            Ok(None)
        } else {
            DatePoint::parse(p).map(Some).ok_or_else(bad)
        }
    };
    match s.split_once("..") {
        Some((a, b)) => Ok(DateRange {
            from: one(a)?,
            to: one(b)?,
        }),
        None => {
            let d = DatePoint::parse(s).ok_or_else(bad)?;
            Ok(DateRange {
                from: Some(d),
                to: Some(d),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one group of a query without `OR`.
    fn terms(q: &str) -> (Vec<Term>, Vec<QueryError>) {
        let (q, e) = parse(q);
        assert!(q.groups.len() <= 1, "{q:?}");
        (q.groups.into_iter().next().unwrap_or_default(), e)
    }

    /// A kind of term added to the language and its long help, but not to
    /// the overlay's summary, fails here.
    #[test]
    fn the_summary_names_every_kind_of_term() {
        let summary: Vec<&str> = SYNTAX_SUMMARY
            .iter()
            .flat_map(|(terms, _)| terms.split_whitespace())
            .collect();
        for (term, _) in syntax_rows() {
            let head = term.split_whitespace().next().unwrap();
            // `date:2017-11` is summed up as `date:`; `word` as itself.
            let kind = head.find(':').map_or(head, |i| &head[..=i]);
            assert!(
                summary.iter().any(|s| *s == kind || s.starts_with(kind)),
                "{kind} is not in the help overlay's summary"
            );
        }
        assert!(summary.contains(&"OR"), "OR is not in the summary");
    }

    #[test]
    fn parses_every_term_kind() {
        let (t, e) = terms("erdo 'Sotchi !Trump @poutine #meeting date:2015..2017 lang:fr");
        assert!(e.is_empty());
        assert_eq!(t.len(), 7);
        assert_eq!(t[0], Term::Fuzzy("erdo".into()));
        assert_eq!(t[1], Term::Exact("Sotchi".into()));
        assert_eq!(t[2], Term::Exclude("Trump".into()));
        assert_eq!(t[4], Term::EventKind(EventWord::Type(EventType::Meeting)));
        assert_eq!(t[6], Term::Lang(Lang::Fr));
    }

    #[test]
    fn sources_and_authors() {
        let (t, e) = terms("source:la_vigie author:Kerbrat source: source:\"le monde\"");
        assert!(e.is_empty());
        assert_eq!(
            t,
            [
                Term::Source("la vigie".into()),
                Term::Author("Kerbrat".into()),
                Term::Source("le monde".into()),
            ]
        );
    }

    #[test]
    fn review_statuses() {
        let (t, e) = terms("is:unread is:starred is:flagged is:read");
        assert!(e.is_empty());
        assert_eq!(t[0], Term::Is(Status::Unread));
        assert_eq!(t[3], Term::Is(Status::Read));
        assert_eq!(parse("is:cool").1.len(), 1);
        let (q, _) = terms("is:new is:arrived is:copy is:original");
        assert_eq!(
            q,
            [
                Term::Is(Status::New),
                Term::Is(Status::Arrived),
                Term::Is(Status::Copy),
                Term::Is(Status::Original)
            ]
        );
    }

    #[test]
    fn bad_terms_are_reported_and_skipped() {
        let (t, e) = terms("#party date:2017-13 lang:de ok");
        assert_eq!(t, [Term::Fuzzy("ok".into())]);
        assert_eq!(e.len(), 3);
        assert!(e[0].0.contains("meeting"));
    }

    #[test]
    fn timeline_tags_and_subtypes_are_event_words() {
        let (t, e) = terms("#meet #milit #accord #vote #said #call #verdict");
        assert!(e.is_empty(), "{e:?}");
        use EventType::*;
        let want: Vec<Term> = [Meeting, Military, Agreement, Election, Statement, PhoneCall]
            .into_iter()
            .map(|k| Term::EventKind(EventWord::Type(k)))
            .chain([Term::EventKind(EventWord::Subtype(Subtype::Verdict))])
            .collect();
        assert_eq!(t, want);
    }

    #[test]
    fn a_misspelt_event_type_gets_a_suggestion() {
        let (_, e) = parse("#meting");
        assert!(e[0].0.contains("did you mean `#meeting`"), "{e:?}");
        let (_, e) = parse("#miltary");
        assert!(e[0].0.contains("did you mean `#military`"), "{e:?}");
        let (_, e) = parse("#acord");
        assert!(e[0].0.contains("did you mean `#accord`"), "{e:?}");
    }

    #[test]
    fn a_misspelt_field_gets_a_suggestion_and_other_colons_are_words() {
        let (_, e) = parse("tilte:sotchi");
        assert!(e[0].0.contains("did you mean `title:`"), "{e:?}");
        let (_, e) = parse("sorce:vigie dat:2017");
        assert!(e[0].0.contains("`source:`"), "{e:?}");
        assert!(e[1].0.contains("`date:`"), "{e:?}");
        let (t, e) = terms("12:30 https://x.fr");
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(t[0], Term::Fuzzy("12:30".into()));
    }

    #[test]
    fn phrases_in_quotes_are_exact_text() {
        let (t, e) = terms("\"a rencontré\" !\"Donald Trump\" title:\"au téléphone\" erdo");
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(
            t,
            [
                Term::Phrase("a rencontré".into()),
                Term::ExcludePhrase("Donald Trump".into()),
                Term::Title("au téléphone".into()),
                Term::Fuzzy("erdo".into()),
            ]
        );
        // An unclosed quote runs to the end, and matches as exact text
        // while the phrase is being typed.
        assert_eq!(terms("\"a renc").0, [Term::Exact("a renc".into())]);
        assert_eq!(terms("\"(a) OR b\"").0, [Term::Phrase("(a) OR b".into())]);
    }

    #[test]
    fn or_separates_groups_and_parentheses_multiply_out() {
        let (q, e) = parse("erdogan #meeting OR poutine");
        assert!(e.is_empty());
        assert_eq!(q.groups.len(), 2);
        assert_eq!(q.groups[0].len(), 2);
        assert_eq!(q.groups[1], [Term::Fuzzy("poutine".into())]);
        let (q, e) = parse("lang:fr (erdogan OR poutine) is:unread");
        assert!(e.is_empty());
        let fr = Term::Lang(Lang::Fr);
        let unread = Term::Is(Status::Unread);
        assert_eq!(
            q.groups,
            [
                vec![fr.clone(), Term::Fuzzy("erdogan".into()), unread.clone()],
                vec![fr, Term::Fuzzy("poutine".into()), unread],
            ]
        );
        // Lower-case `or` is a word; an empty side while typing adds nothing.
        assert_eq!(parse("or").0.groups, [vec![Term::Fuzzy("or".into())]]);
        assert_eq!(parse("erdogan OR").0.groups.len(), 1);
        assert!(parse("OR").0.is_empty());
        // `(AFP)` with no group open is a word.
        assert_eq!(terms("(AFP)").0, [Term::Fuzzy("AFP".into())]);
        assert_eq!(terms("'AFP)").0, [Term::Exact("AFP)".into())]);
        let (q, e) = parse("(a OR b");
        assert_eq!(q.groups.len(), 2);
        assert!(e[0].0.contains("unclosed"), "{e:?}");
    }

    #[test]
    fn conjoined_queries_all_apply() {
        let q = conjoin(["erdogan OR poutine", "", "lang:fr", "a b"]);
        assert_eq!(q, "(erdogan OR poutine) lang:fr a b");
        let (q, e) = parse(&q);
        assert!(e.is_empty());
        assert_eq!(q.groups.len(), 2);
        assert!(q.groups.iter().all(|g| g.contains(&Term::Lang(Lang::Fr))));
    }

    #[test]
    fn alternatives_are_capped() {
        let q = "(a OR b) (c OR d) (e OR f) (g OR h) (i OR j) (k OR l) (m OR n) (o OR p)";
        let (q, e) = parse(q);
        assert_eq!(q.groups.len(), MAX_GROUPS);
        assert!(e.iter().any(|e| e.0.contains("too many")), "{e:?}");
    }

    #[test]
    fn the_help_names_every_event_word() {
        let help = syntax_help();
        for w in EventWord::vocabulary() {
            assert!(help.contains(w), "{w}");
        }
    }

    #[test]
    fn ranges_overlap_at_any_precision() {
        let (q, _) = terms("date:2015..2017");
        let Term::Date(r) = q[0] else { panic!() };
        for inside in ["2015", "2016-03", "2017-12-31"] {
            assert!(r.overlaps(&DatePoint::parse(inside).unwrap()), "{inside}");
        }
        assert!(!r.overlaps(&DatePoint::parse("2018-01").unwrap()));
        let (q, _) = terms("date:2017-11");
        let Term::Date(r) = q[0] else { panic!() };
        assert!(r.overlaps(&DatePoint::parse("2017-11-20").unwrap()));
        assert!(r.overlaps(&DatePoint::parse("2017").unwrap()));
        assert!(!r.overlaps(&DatePoint::parse("2017-10-31").unwrap()));
    }
}
