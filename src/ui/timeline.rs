//! The event timeline: a compact chart of articles and events over time
//! (following the filter), then the events in date order, grouped by date,
//! each with its type, description and how many articles report it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Sparkline};

use super::list;
use super::text::{fit, pad};
use super::theme::Theme;
use crate::app::{AppState, Pane};
use crate::extract::date::DatePoint;
use crate::extract::kind::EventType;
use crate::model::Corpus;

/// Rows the chart takes above the list, when the pane is tall enough.
const CHART_ROWS: u16 = 3;

pub fn draw(f: &mut Frame, area: Rect, corpus: &Corpus, state: &AppState, theme: &Theme) {
    let events = &state.view.events;
    let title = Line::from(vec![
        Span::styled(" Timeline ", theme.title()),
        Span::raw(match list::awaited(state) {
            Some((note, _)) => note.to_string(),
            None => format!("({}) ", events.len()),
        }),
    ]);
    let focused = state.focus == Pane::Timeline;
    let frame = |borders| {
        Block::default()
            .borders(borders)
            .border_style(theme.border(focused))
    };
    // The chart sits in the pane's top rows when there is room for it.
    let list_block = if has_chart(area) {
        let [chart, rest] =
            Layout::vertical([Constraint::Length(CHART_ROWS + 1), Constraint::Min(3)]).areas(area);
        let block = frame(Borders::TOP | Borders::LEFT | Borders::RIGHT).title(title);
        let inner = block.inner(chart);
        f.render_widget(block, chart);
        draw_chart(f, inner, corpus, state, theme);
        (
            rest,
            frame(Borders::BOTTOM | Borders::LEFT | Borders::RIGHT),
        )
    } else {
        (area, frame(Borders::ALL).title(title))
    };
    let (list_area, block) = list_block;
    let rows = list::Rows {
        empty: list::awaited(state).map_or(list::NOTHING_MATCHES, |(_, empty)| empty),
        ..list::Rows::new(events.len(), state.selected(Pane::Timeline))
    };
    list::draw_in(f, list_area, block, focused, theme, rows, |i, width| {
        let e = corpus.event(events[i]);
        let same_date_as_previous = i > 0 && corpus.event(events[i - 1]).date == e.date;
        let date = if same_date_as_previous {
            String::new()
        } else {
            e.date.to_string()
        };
        let n = e.articles().len();
        let count = if n > 1 {
            format!(" ({n})")
        } else {
            String::new()
        };
        let tag = format!("{:<7}", type_tag(e.kind));
        let room = width.saturating_sub(11 + tag.len() + count.len());
        Line::from(vec![
            Span::styled(pad(&date, 11), theme.date()),
            Span::styled(tag, theme.dim()),
            Span::raw(pad(&fit(&e.description, room), room)),
            Span::styled(count, theme.dim()),
        ])
    });
}

fn has_chart(area: Rect) -> bool {
    area.height >= CHART_ROWS + 6
}

/// The screen row of the list's first item in a timeline pane at `area`.
pub fn first_row_y(area: Rect) -> u16 {
    if has_chart(area) {
        area.y + CHART_ROWS + 1
    } else {
        area.y + 1
    }
}

/// A short tag per type, for a narrow column: the type's query word
/// (`#meet`), from the one table of event types.
pub fn type_tag(t: EventType) -> &'static str {
    t.tag()
}

fn draw_chart(f: &mut Frame, area: Rect, corpus: &Corpus, state: &AppState, theme: &Theme) {
    let articles: Vec<DatePoint> = state
        .view
        .articles
        .iter()
        .filter_map(|a| corpus.article(*a).display_date().map(|(d, _)| d))
        .collect();
    let events: Vec<DatePoint> = state
        .view
        .events
        .iter()
        .map(|e| corpus.event(*e).date)
        .collect();
    let label_w = 4u16;
    let width = area.width.saturating_sub(label_w) as usize;
    let Some(axis) = Axis::new(articles.iter().chain(&events), width) else {
        return;
    };
    // Each bucket is as many columns wide as fit, so the chart fills the pane.
    let stretch = (width / axis.buckets.max(1)).max(1);
    let widen = |v: Vec<u64>| -> Vec<u64> {
        v.into_iter()
            .flat_map(|x| std::iter::repeat_n(x, stretch))
            .collect()
    };
    let rows = [
        ("art", widen(axis.counts(&articles))),
        ("evt", widen(axis.counts(&events))),
    ];
    for (i, (label, data)) in rows.iter().enumerate() {
        let y = area.y + i as u16;
        f.render_widget(
            Span::styled(*label, theme.dim()),
            Rect {
                x: area.x,
                y,
                width: label_w,
                height: 1,
            },
        );
        let spark = Sparkline::default().data(data).style(theme.bar());
        f.render_widget(
            spark,
            Rect {
                x: area.x + label_w,
                y,
                width: width as u16,
                height: 1,
            },
        );
    }
    let (from, to) = axis.labels();
    let gap = width.saturating_sub(from.len() + to.len());
    let axis_line = format!(
        "{}{from}{}{to}",
        " ".repeat(label_w as usize),
        " ".repeat(gap)
    );
    f.render_widget(
        Span::styled(axis_line, theme.dim()),
        Rect {
            y: area.y + 2,
            height: 1,
            ..area
        },
    );
}

/// Buckets of months (or of years, when the months do not fit the width)
/// from the earliest to the latest date.
#[derive(Debug, PartialEq)]
pub struct Axis {
    first: i32,
    buckets: usize,
    by_year: bool,
}

impl Axis {
    pub fn new<'a>(dates: impl Iterator<Item = &'a DatePoint>, width: usize) -> Option<Axis> {
        let months: Vec<i32> = dates.map(month_index).collect();
        let (lo, hi) = (*months.iter().min()?, *months.iter().max()?);
        if (hi - lo + 1) as usize <= width {
            return Some(Axis {
                first: lo,
                buckets: (hi - lo + 1) as usize,
                by_year: false,
            });
        }
        let (ly, hy) = (lo.div_euclid(12), hi.div_euclid(12));
        Some(Axis {
            first: ly,
            buckets: ((hy - ly + 1) as usize).min(width.max(1)),
            by_year: true,
        })
    }

    /// How many dates fall in each bucket; a year-only date counts in its
    /// year's first month when buckets are months.
    pub fn counts(&self, dates: &[DatePoint]) -> Vec<u64> {
        let mut v = vec![0u64; self.buckets];
        for d in dates {
            let key = if self.by_year { d.year } else { month_index(d) };
            if let Some(slot) = usize::try_from(key - self.first)
                .ok()
                .and_then(|i| v.get_mut(i))
            {
                *slot += 1;
            }
        }
        v
    }

    pub fn labels(&self) -> (String, String) {
        if self.by_year {
            (
                self.first.to_string(),
                (self.first + self.buckets as i32 - 1).to_string(),
            )
        } else {
            let show = |m: i32| format!("{}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1);
            (show(self.first), show(self.first + self.buckets as i32 - 1))
        }
    }
}

fn month_index(d: &DatePoint) -> i32 {
    d.year * 12 + d.month.map_or(0, |m| m as i32 - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> DatePoint {
        DatePoint::parse(s).unwrap()
    }

    #[test]
    fn months_when_they_fit_years_otherwise() {
        let dates = [d("2017-09"), d("2017-11-21"), d("2017-11")];
        let axis = Axis::new(dates.iter(), 20).unwrap();
        assert_eq!(axis.counts(&dates), [1, 0, 2]);
        assert_eq!(axis.labels(), ("2017-09".into(), "2017-11".into()));
        let wide = [d("2011"), d("2017-11"), d("2022-12")];
        let axis = Axis::new(wide.iter(), 20).unwrap();
        assert_eq!(axis.counts(&wide).len(), 12);
        assert_eq!(axis.labels(), ("2011".into(), "2022".into()));
        assert!(Axis::new([].iter(), 20).is_none());
    }
}
