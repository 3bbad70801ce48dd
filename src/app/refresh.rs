//! Live refresh without a terminal: how a corpus built again (files
//! added, changed or removed in the corpus folders, or a refetch of the
//! feeds) differs from the one shown ([`Diff`]), and how the dashboard
//! takes it in ([`AppState::fold_in`]) keeping what the user was doing:
//! the query and chips, the selected rows (the same article, entity and
//! event when they still exist, else a neighbour), the screens open and
//! their scroll, and the marks. The building, watching and fetching run
//! on a thread of the terminal loop (`tui/live.rs`); this module only
//! decides.

use std::collections::HashMap;

use crate::model::{ArticleId, Corpus, EntityId, EventId};
use crate::review::Sighting;
use crate::search::SearchIndex;

use super::{AppState, Chip, Effect, Pane, Screen};

/// The term of the chip that lists what arrived.
pub const ARRIVED_TERM: &str = "is:arrived";

/// What the background refresh is doing and can do, for the status line
/// and the refetch key.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Live {
    /// The feeds configured (`[[feed]]`), which the refetch key fetches.
    pub feeds: usize,
    /// What runs now ("fetching 2/5", "refreshing…").
    pub activity: Option<String>,
    /// A fetch asked with the refetch key has not reported back yet.
    pub fetching: bool,
    /// How the corpus folders are watched, when it is not the usual
    /// (polling, off because it failed), for the status line.
    pub watch_note: Option<String>,
}

/// How a corpus built again differs from the one shown. Articles are the
/// same article when their key (`file#part`) is, or else their text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Diff {
    /// Each old article's id in the new corpus; `None`: it is gone.
    pub old_to_new: Vec<Option<ArticleId>>,
    /// New articles whose text the old corpus did not have: files added,
    /// and files whose text changed.
    pub arrived: Vec<ArticleId>,
    /// Of those, the ones whose file and part were there before (edited).
    pub changed: usize,
    /// Old articles whose key and text are both gone.
    pub removed: usize,
    /// Old articles found again by their text under another key (a file
    /// renamed or moved).
    pub moved: usize,
}

impl Diff {
    /// Compares the articles of two corpora, in time linear in their size.
    pub fn between(old: &Corpus, new: &Corpus) -> Diff {
        let by_key: HashMap<&str, ArticleId> = new
            .articles
            .iter()
            .map(|a| (a.key.as_str(), a.id))
            .collect();
        let mut by_text: HashMap<&str, ArticleId> = HashMap::with_capacity(new.articles.len());
        for a in &new.articles {
            // The first of identical texts, as a start would pick.
            by_text.entry(a.text_key.as_str()).or_insert(a.id);
        }
        let old_keys: HashMap<&str, &str> = old
            .articles
            .iter()
            .map(|a| (a.key.as_str(), a.text_key.as_str()))
            .collect();
        let old_texts: std::collections::HashSet<&str> =
            old.articles.iter().map(|a| a.text_key.as_str()).collect();
        let mut moved = 0;
        let old_to_new: Vec<Option<ArticleId>> = old
            .articles
            .iter()
            .map(|a| {
                by_key.get(a.key.as_str()).copied().or_else(|| {
                    let found = by_text.get(a.text_key.as_str()).copied();
                    moved += usize::from(found.is_some());
                    found
                })
            })
            .collect();
        let removed = old_to_new.iter().filter(|m| m.is_none()).count();
        let mut changed = 0;
        let arrived = new
            .articles
            .iter()
            .filter(|a| !old_texts.contains(a.text_key.as_str()))
            .inspect(|a| changed += usize::from(old_keys.contains_key(a.key.as_str())))
            .map(|a| a.id)
            .collect();
        Diff {
            old_to_new,
            arrived,
            changed,
            removed,
            moved,
        }
    }

    /// Whether the new corpus holds the same articles in the same order:
    /// then it is the same corpus (the build is deterministic), and there
    /// is nothing to fold in.
    pub fn is_nothing(&self, new: &Corpus) -> bool {
        self.arrived.is_empty()
            && self.moved == 0
            && self.old_to_new.len() == new.articles.len()
            && self
                .old_to_new
                .iter()
                .enumerate()
                .all(|(i, m)| *m == Some(ArticleId(i as u32)))
    }

    /// Articles added (not edited ones).
    pub fn added(&self) -> usize {
        self.arrived.len() - self.changed
    }

    /// What the message line says: "3 new articles, 1 changed, 2 removed".
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        match self.added() {
            0 => {}
            1 => parts.push("1 new article".to_string()),
            n => parts.push(format!("{n} new articles")),
        }
        if self.changed > 0 {
            parts.push(format!("{} changed", self.changed));
        }
        if self.removed > 0 {
            parts.push(format!("{} removed", self.removed));
        }
        if self.moved > 0 {
            parts.push(format!("{} renamed or moved", self.moved));
        }
        if parts.is_empty() {
            "the corpus was read again: no article added, changed or removed".into()
        } else {
            parts.join(", ")
        }
    }
}

/// What the user was looking at, in terms that outlive article, entity
/// and event ids.
struct Place {
    /// The old ids of the article list, and the selected row.
    articles: Vec<ArticleId>,
    article_row: usize,
    entity: Option<(String, crate::extract::kind::EntityKind)>,
    entity_row: usize,
    event: Option<EventId>,
    event_row: usize,
}

impl AppState {
    /// Takes in `new`, built again from the corpus files, in place of
    /// `old`: the query, chips, screens and selection stay (on the same
    /// article, entity or event where it still exists), marks follow the
    /// articles, and what arrived is marked so. Returns the sighting to
    /// log for the articles never seen before.
    pub fn fold_in(
        &mut self,
        old: &Corpus,
        new: &Corpus,
        index: &SearchIndex,
        diff: &Diff,
    ) -> Option<Sighting> {
        let place = self.place(old);
        let closed = self.carry_screens(old, new, diff);
        self.carry_chips(old, new, diff);
        let sighting = self.book.arrive(
            diff.arrived
                .iter()
                .map(|&id| new.article(id).text_key.as_str()),
        );
        self.marks = new
            .articles
            .iter()
            .map(|a| self.book.get(&a.text_key))
            .collect();
        self.building = false;
        self.indexing = false;
        self.carry_expanded(old, new, diff);
        self.refilter(new, Some(index));
        self.return_to(&place, old, new, diff);
        let mut message = diff.summary();
        if closed {
            message.push_str("; what was open is gone, back to the list");
        }
        if !diff.arrived.is_empty()
            && let Some(key) = self.keymap.keys_of("arrived").first()
        {
            message.push_str(&format!(
                " ({}: list what arrived)",
                super::keymap::display(*key)
            ));
        }
        // A query error stays in view: it is about what the user typed.
        if self.view.errors.is_empty() {
            self.message = Some(message);
        }
        sighting
    }

    /// Stories expanded in the list stay so: a story's id is its place
    /// among the stories, which a rebuild may change; its articles say
    /// which story it is now.
    fn carry_expanded(&mut self, old: &Corpus, new: &Corpus, diff: &Diff) {
        let expanded = std::mem::take(&mut self.expanded);
        self.expanded = expanded
            .into_iter()
            .filter_map(|story| {
                old.story(story).members.iter().find_map(|m| {
                    let id = diff
                        .old_to_new
                        .get(m.article.0 as usize)
                        .copied()
                        .flatten()?;
                    Some(new.article(id).story)
                })
            })
            .collect();
    }

    fn place(&self, old: &Corpus) -> Place {
        let entity = self
            .view
            .entities
            .get(self.selected(Pane::Entities))
            .map(|e| old.entity(e.id))
            .map(|e| (e.canonical.clone(), e.kind));
        Place {
            articles: self.rows.iter().map(|r| r.article).collect(),
            article_row: self.selected(Pane::Articles),
            entity,
            entity_row: self.selected(Pane::Entities),
            event: self.view.events.get(self.selected(Pane::Timeline)).copied(),
            event_row: self.selected(Pane::Timeline),
        }
    }

    /// The selected rows after the refilter: on the same things, else on
    /// the nearest article of the old list that is still listed (below the
    /// old selection first, as when the selected row is deleted), else at
    /// the same row.
    fn return_to(&mut self, p: &Place, old: &Corpus, new: &Corpus, diff: &Diff) {
        // The list's rows: a story's printings may show under it, and an
        // article's first row is the one to return to.
        let mut row_of = vec![usize::MAX; new.articles.len()];
        for (row, r) in self.rows.iter().enumerate().rev() {
            row_of[r.article.0 as usize] = row;
        }
        let listed = |old_id: &ArticleId| {
            diff.old_to_new
                .get(old_id.0 as usize)
                .copied()
                .flatten()
                .map(|n| row_of[n.0 as usize])
                .filter(|&r| r != usize::MAX)
        };
        let after = p.articles.iter().skip(p.article_row).find_map(listed);
        let before = || {
            p.articles[..p.article_row.min(p.articles.len())]
                .iter()
                .rev()
                .find_map(listed)
        };
        let last = self.rows.len().saturating_sub(1);
        self.selected[0] = after.or_else(before).unwrap_or(p.article_row.min(last));
        let entity_row = p.entity.as_ref().and_then(|(name, kind)| {
            self.view.entities.iter().position(|row| {
                let e = new.entity(row.id);
                e.canonical == *name && e.kind == *kind
            })
        });
        self.selected[1] =
            entity_row.unwrap_or(p.entity_row.min(self.view.entities.len().saturating_sub(1)));
        let event_row = p
            .event
            .and_then(|e| same_event(old, new, diff, e))
            .and_then(|e| self.view.events.iter().position(|&v| v == e));
        self.selected[2] =
            event_row.unwrap_or(p.event_row.min(self.view.events.len().saturating_sub(1)));
    }

    /// Keeps each screen open on what it showed; a screen whose article,
    /// entity or event is gone is closed with those above it. Whether one
    /// was.
    fn carry_screens(&mut self, old: &Corpus, new: &Corpus, diff: &Diff) -> bool {
        let open = self.screens.len();
        let mut kept = Vec::with_capacity(open);
        for s in std::mem::take(&mut self.screens) {
            let carried = match s {
                Screen::Dashboard => Some(Screen::Dashboard),
                Screen::Reader(mut r) => {
                    let id = diff.old_to_new.get(r.article.0 as usize).copied().flatten();
                    id.map(|id| {
                        let a = new.article(id);
                        if a.text_key != old.article(r.article).text_key {
                            // Another text: its sentences are others.
                            r.sentence = None;
                        }
                        let rows = a.entities.len() + a.events.len();
                        r.side = r.side.filter(|_| rows > 0).map(|s| s.min(rows - 1));
                        r.article = id;
                        Screen::Reader(r)
                    })
                }
                Screen::Entity(mut d) => same_entity(old, new, d.entity).map(|id| {
                    d.entity = id;
                    d.selected = d.selected.min(new.mention_sentences(id).len());
                    Screen::Entity(d)
                }),
                Screen::Event(mut d) => same_event(old, new, diff, d.event).map(|id| {
                    d.event = id;
                    d.selected = d.selected.min(new.event(id).reports.len());
                    Screen::Event(d)
                }),
            };
            match carried {
                Some(s) => kept.push(s),
                None => break,
            }
        }
        let closed = kept.len() < open;
        self.screens = kept;
        closed
    }

    /// Chips narrowing to one event name it by id: the id is carried to
    /// the same event, and a chip whose event is gone is dropped.
    fn carry_chips(&mut self, old: &Corpus, new: &Corpus, diff: &Diff) {
        let carry = |c: &mut Chip| -> bool {
            let Some(n) = c
                .term
                .strip_prefix("event:")
                .and_then(|n| n.parse::<u32>().ok())
            else {
                return true;
            };
            if n as usize >= old.events.len() {
                return true;
            }
            match same_event(old, new, diff, EventId(n)) {
                Some(e) => {
                    c.term = format!("event:{}", e.0);
                    true
                }
                None => false,
            }
        };
        self.chips.retain_mut(carry);
        self.history.carry_chips(carry);
    }
}

/// The entity of `new` with the same name and kind as `e` of `old`.
fn same_entity(old: &Corpus, new: &Corpus, e: EntityId) -> Option<EntityId> {
    let was = old.entity(e);
    new.entities
        .iter()
        .find(|n| n.canonical == was.canonical && n.kind == was.kind)
        .map(|n| n.id)
}

/// The event of `new` that holds a report of `e` of `old`: the same
/// sentence of the same article (when the article's text is the same).
fn same_event(old: &Corpus, new: &Corpus, diff: &Diff, e: EventId) -> Option<EventId> {
    old.event(e).reports.iter().find_map(|r| {
        let id = diff
            .old_to_new
            .get(r.article.0 as usize)
            .copied()
            .flatten()?;
        let a = new.article(id);
        if a.text_key != old.article(r.article).text_key {
            return None;
        }
        a.events.iter().copied().find(|&ev| {
            new.event(ev)
                .reports
                .iter()
                .any(|n| n.article == id && n.sentence == r.sentence)
        })
    })
}

/// The refetch key: the effect that starts a fetch, or why not.
pub(super) fn refetch(state: &mut AppState) -> Option<Effect> {
    if state.live.feeds == 0 {
        state.message = Some(
            "no feeds to fetch: add [[feed]] entries (name, url) to config.toml, \
             or `revue feeds import FILE.opml`"
                .into(),
        );
        return None;
    }
    if state.live.fetching {
        state.message = Some("already fetching: the feeds are fetched once at a time".into());
        return None;
    }
    let n = state.live.feeds;
    state.live.fetching = true;
    state.live.activity = Some(format!("fetching 0/{n}"));
    state.message = Some(if n == 1 {
        "fetching the feed in the background".to_string()
    } else {
        format!("fetching {n} feeds in the background")
    });
    Some(Effect::Refetch)
}

/// The key that lists what arrived: a chip `is:arrived` over the article
/// list, or the chip taken off again.
pub(super) fn show_arrived(state: &mut AppState, corpus: &Corpus, index: Option<&SearchIndex>) {
    if let Some(at) = state.chips.iter().position(|c| c.term == ARRIVED_TERM) {
        state.history.push(state.snapshot());
        state.chips.remove(at);
        state.refilter(corpus, index);
        state.message = Some("every article again".into());
        return;
    }
    let arrived = state.marks.iter().filter(|m| m.arrived).count();
    if arrived == 0 {
        state.message = Some("nothing arrived since the dashboard opened".into());
        return;
    }
    state.history.push(state.snapshot());
    state.chips.push(Chip {
        label: "arrived".into(),
        term: ARRIVED_TERM.into(),
    });
    state.back_to_dashboard();
    state.refilter(corpus, index);
    state.focus = Pane::Articles;
    let what = if arrived == 1 {
        "1 article".to_string()
    } else {
        format!("{arrived} articles")
    };
    state.message = Some(format!(
        "{what} arrived since the dashboard opened (the same key again: every article)"
    ));
}
