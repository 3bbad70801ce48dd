//! The query language: space-separated terms that must all match.
//! `word` fuzzy, `'word` exact substring, `!word` excludes, `@name` an
//! entity, `#type` an event type, `date:2017-11` or `date:2015..2017` a
//! date range, `lang:fr` a language, `source:vigie` an outlet (its name or
//! its site's host, `_` for a space), `author:kerbrat` a byline.

use crate::extract::date::DatePoint;
use crate::extract::kind::EventType;
use crate::extract::lang::Lang;

#[derive(Debug, Clone, PartialEq)]
pub enum Term {
    Fuzzy(String),
    Exact(String),
    Exclude(String),
    Entity(String),
    EventType(EventType),
    Date(DateRange),
    Lang(Lang),
    /// `is:unread`, `is:read`, `is:starred`, `is:flagged`, `is:new`,
    /// `is:copy`, `is:original`.
    Is(Status),
    /// `event:12`: one event (by id), as drilling down into it gives.
    Event(u32),
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

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub terms: Vec<Term>,
}

/// A term that cannot be understood; the rest of the query still applies.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryError(pub String);

impl Query {
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// Parses a query. Bad terms are reported and left out.
pub fn parse(input: &str) -> (Query, Vec<QueryError>) {
    let mut terms = Vec::new();
    let mut errors = Vec::new();
    for raw in input.split_whitespace() {
        match parse_term(raw) {
            Ok(Some(t)) => terms.push(t),
            Ok(None) => {}
            Err(e) => errors.push(e),
        }
    }
    (Query { terms }, errors)
}

fn parse_term(raw: &str) -> Result<Option<Term>, QueryError> {
    let nonempty = |s: &str| (!s.is_empty()).then(|| s.to_string());
    if let Some(rest) = raw.strip_prefix('\'') {
        return Ok(nonempty(rest).map(Term::Exact));
    }
    if let Some(rest) = raw.strip_prefix('!') {
        return Ok(nonempty(rest.trim_start_matches('\'')).map(Term::Exclude));
    }
    if let Some(rest) = raw.strip_prefix('@') {
        return Ok(nonempty(rest).map(Term::Entity));
    }
    if let Some(rest) = raw.strip_prefix('#') {
        if rest.is_empty() {
            return Ok(None);
        }
        return EventType::from_code(&rest.to_lowercase().replace('-', "_"))
            .map(|t| Some(Term::EventType(t)))
            .ok_or_else(|| {
                QueryError(format!(
                    "unknown event type `#{rest}` (one of: {})",
                    type_list()
                ))
            });
    }
    if let Some(rest) = raw.strip_prefix("date:") {
        return parse_range(rest).map(|r| Some(Term::Date(r)));
    }
    if let Some(rest) = raw.strip_prefix("lang:") {
        return Lang::from_code(rest)
            .map(|l| Some(Term::Lang(l)))
            .ok_or_else(|| QueryError(format!("unknown language `{rest}` (fr or en)")));
    }
    if let Some(rest) = raw.strip_prefix("source:") {
        return Ok(nonempty(&rest.replace('_', " ")).map(Term::Source));
    }
    if let Some(rest) = raw.strip_prefix("author:") {
        return Ok(nonempty(&rest.replace('_', " ")).map(Term::Author));
    }
    if let Some(rest) = raw.strip_prefix("event:") {
        return rest
            .parse()
            .map(|id| Some(Term::Event(id)))
            .map_err(|_| QueryError(format!("bad event id `event:{rest}`")));
    }
    if let Some(rest) = raw.strip_prefix("is:") {
        let status = match rest.to_lowercase().as_str() {
            "unread" => Status::Unread,
            "read" => Status::Read,
            "starred" | "star" => Status::Starred,
            "flagged" | "flag" => Status::Flagged,
            "new" => Status::New,
            "copy" => Status::Copy,
            "original" => Status::Original,
            _ => {
                return Err(QueryError(format!(
                    "unknown status `is:{rest}` (unread, read, starred, flagged, new, copy or original)"
                )));
            }
        };
        return Ok(Some(Term::Is(status)));
    }
    Ok(Some(Term::Fuzzy(raw.to_string())))
}

fn type_list() -> String {
    EventType::ALL
        .iter()
        .map(|t| t.code())
        .collect::<Vec<_>>()
        .join(", ")
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

    #[test]
    fn parses_every_term_kind() {
        let (q, e) = parse("erdo 'Sotchi !Trump @poutine #meeting date:2015..2017 lang:fr");
        assert!(e.is_empty());
        assert_eq!(q.terms.len(), 7);
        assert_eq!(q.terms[0], Term::Fuzzy("erdo".into()));
        assert_eq!(q.terms[1], Term::Exact("Sotchi".into()));
        assert_eq!(q.terms[2], Term::Exclude("Trump".into()));
        assert_eq!(q.terms[4], Term::EventType(EventType::Meeting));
        assert_eq!(q.terms[6], Term::Lang(Lang::Fr));
    }

    #[test]
    fn sources_and_authors() {
        let (q, e) = parse("source:la_vigie author:Kerbrat source:");
        assert!(e.is_empty());
        assert_eq!(
            q.terms,
            [
                Term::Source("la vigie".into()),
                Term::Author("Kerbrat".into())
            ]
        );
    }

    #[test]
    fn review_statuses() {
        let (q, e) = parse("is:unread is:starred is:flagged is:read");
        assert!(e.is_empty());
        assert_eq!(q.terms[0], Term::Is(Status::Unread));
        assert_eq!(q.terms[3], Term::Is(Status::Read));
        assert_eq!(parse("is:cool").1.len(), 1);
        let (q, _) = parse("is:new is:copy is:original");
        assert_eq!(
            q.terms,
            [
                Term::Is(Status::New),
                Term::Is(Status::Copy),
                Term::Is(Status::Original)
            ]
        );
    }

    #[test]
    fn bad_terms_are_reported_and_skipped() {
        let (q, e) = parse("#party date:2017-13 lang:de ok");
        assert_eq!(q.terms, [Term::Fuzzy("ok".into())]);
        assert_eq!(e.len(), 3);
        assert!(e[0].0.contains("meeting"));
    }

    #[test]
    fn ranges_overlap_at_any_precision() {
        let (q, _) = parse("date:2015..2017");
        let Term::Date(r) = q.terms[0] else { panic!() };
        for inside in ["2015", "2016-03", "2017-12-31"] {
            assert!(r.overlaps(&DatePoint::parse(inside).unwrap()), "{inside}");
        }
        assert!(!r.overlaps(&DatePoint::parse("2018-01").unwrap()));
        let (q, _) = parse("date:2017-11");
        let Term::Date(r) = q.terms[0] else { panic!() };
        assert!(r.overlaps(&DatePoint::parse("2017-11-20").unwrap()));
        assert!(r.overlaps(&DatePoint::parse("2017").unwrap()));
        assert!(!r.overlaps(&DatePoint::parse("2017-10-31").unwrap()));
    }
}
