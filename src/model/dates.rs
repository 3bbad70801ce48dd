//! Article dates: the header's publication day, else the header's date
//! refined by a date the text gives for itself, else that text date alone,
//! else a date shared by another part of the same file. Anything less is a
//! guess, kept apart and marked as such.

use crate::extract::DatedSpan;
use crate::extract::date::DatePoint;

use super::DateSource;

/// What one article knows of its own date before the corpus is consulted.
#[derive(Debug, Clone, Copy)]
pub struct DateEvidence {
    pub header: Option<DatePoint>,
    pub published: Option<DatePoint>,
    pub self_date: Option<DatePoint>,
    /// Whether `header` and `published` are the file's, inherited by a
    /// later part (see `RawArticle::header_inherited`).
    pub inherited: bool,
}

/// The article's date and where it came from, without help from siblings.
pub fn own_date(e: &DateEvidence) -> (Option<DatePoint>, DateSource) {
    // A later part of a file: the file's header dates the first part, so a
    // date this part gives itself (its own date line) comes first.
    if e.inherited
        && let Some(t) = e.self_date
    {
        return (Some(t), DateSource::Text);
    }
    if let Some(p) = e.published {
        return (Some(p), DateSource::Header);
    }
    match (e.header, e.self_date) {
        (Some(h), Some(t)) if h.contains(&t) => (Some(t), DateSource::Text),
        (Some(h), _) => (Some(h), DateSource::Header),
        (None, Some(t)) => (Some(t), DateSource::Text),
        (None, None) => (None, DateSource::Unknown),
    }
}

/// Articles split from one file share the date that one of them gives.
/// `group` lists, for each article, the index of its file; undated
/// articles take the first dated sibling's date, as a text date.
pub fn share_within_files(dates: &mut [(Option<DatePoint>, DateSource)], group: &[usize]) {
    let mut first_dated: std::collections::HashMap<usize, DatePoint> =
        std::collections::HashMap::new();
    for (d, g) in dates.iter().zip(group) {
        if let Some(d) = d.0 {
            first_dated.entry(*g).or_insert(d);
        }
    }
    for (d, g) in dates.iter_mut().zip(group) {
        if d.0.is_none()
            && let Some(shared) = first_dated.get(g)
        {
            *d = (Some(*shared), DateSource::Text);
        }
    }
}

/// A guess for an undated article: its latest explicit (not relative) date.
pub fn infer(dates: &[DatedSpan]) -> Option<DatePoint> {
    dates.iter().filter(|d| !d.relative).map(|d| d.date).max()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<DatePoint> {
        DatePoint::parse(s)
    }

    #[test]
    fn published_day_wins_then_text_refines_header() {
        let e = DateEvidence {
            header: d("2017-11"),
            published: d("2017-11-21"),
            self_date: None,
            inherited: false,
        };
        assert_eq!(own_date(&e), (d("2017-11-21"), DateSource::Header));
        let e = DateEvidence {
            header: d("2019-01"),
            published: None,
            self_date: d("2019-01-23"),
            inherited: false,
        };
        assert_eq!(own_date(&e), (d("2019-01-23"), DateSource::Text));
        let e = DateEvidence {
            header: d("2019-01"),
            published: None,
            self_date: d("2018-05-02"),
            inherited: false,
        };
        assert_eq!(own_date(&e), (d("2019-01"), DateSource::Header));
        let e = DateEvidence {
            header: None,
            published: None,
            self_date: None,
            inherited: false,
        };
        assert_eq!(own_date(&e), (None, DateSource::Unknown));
    }

    #[test]
    fn a_later_part_dates_itself_before_the_file_header() {
        let e = DateEvidence {
            header: d("2024-05-20"),
            published: None,
            self_date: d("2024-05-21"),
            inherited: true,
        };
        assert_eq!(own_date(&e), (d("2024-05-21"), DateSource::Text));
        let e = DateEvidence {
            header: d("2023-07"),
            published: d("2023-07-20"),
            self_date: None,
            inherited: true,
        };
        assert_eq!(own_date(&e), (d("2023-07-20"), DateSource::Header));
    }

    #[test]
    fn siblings_share_a_date() {
        let mut v = vec![
            (None, DateSource::Unknown),
            (d("2017-11-21"), DateSource::Text),
            (None, DateSource::Unknown),
        ];
        share_within_files(&mut v, &[0, 0, 1]);
        assert_eq!(v[0], (d("2017-11-21"), DateSource::Text));
        assert_eq!(v[2], (None, DateSource::Unknown));
    }
}
