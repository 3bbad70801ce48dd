//! Building the corpus: extraction runs per article in parallel; the
//! decisions that need every article (which sentence-initial words are
//! names, which mentions are one entity, which reports are one event) run
//! after, once.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use rayon::prelude::*;

use crate::extract::events::{self as event_finder, Actor};
use crate::extract::fold::fold;
use crate::extract::kind::Subtype;
use crate::extract::{self, Annotations};
use crate::ingest::{Ingested, RawArticle};
use crate::search::TextWords;

use super::aliases::{self, Clustering};
use super::dates::{self, DateEvidence};
use super::events::{self, Sighting};
use super::extracted::{Extraction, ToExtract, Triggers};
use super::stories::{self, StoryId};
use super::{
    Article, ArticleId, Corpus, DateSource, Entity, EntityId, EntityMention, Event, EventId, Origin,
};

/// What the corpus build takes besides the articles.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// User aliases from `config.toml`: canonical name → other names.
    pub aliases: Vec<(String, Vec<String>)>,
    /// When copies and rewrites are one story (`[stories]`); `None`:
    /// every article is a story of its own.
    pub stories: Option<super::stories::Thresholds>,
    /// The analyst's corrections, applied after clustering and merging.
    pub corrections: Vec<super::corrections::Correction>,
}

impl Default for BuildOptions {
    /// No aliases or corrections; stories at the default thresholds.
    fn default() -> Self {
        BuildOptions {
            aliases: Vec::new(),
            stories: Some(stories::Thresholds::default()),
            corrections: Vec::new(),
        }
    }
}

/// Builds the corpus from ingested articles.
pub fn build(ingested: Ingested, origin: Origin, options: &BuildOptions) -> Corpus {
    Staged::new(ingested, origin).build(options)
}

/// Articles read but not yet extracted: enough for a first look at the
/// corpus (headlines, header dates, texts) while the model is built. The
/// texts are shared with the preview, not copied.
pub struct Staged {
    /// The articles' metadata; their texts are in `texts`.
    raw: Vec<RawArticle>,
    texts: Vec<Arc<str>>,
    text_keys: Vec<String>,
    warnings: Vec<crate::ingest::Warning>,
    origin: Origin,
}

impl Staged {
    pub fn new(ingested: Ingested, origin: Origin) -> Staged {
        let Ingested {
            articles: mut raw,
            warnings,
        } = ingested;
        let texts: Vec<Arc<str>> = raw
            .iter_mut()
            .map(|r| Arc::from(std::mem::take(&mut r.text)))
            .collect();
        let text_keys = texts
            .par_iter()
            .map(|t| crate::review::text_key(t))
            .collect();
        Staged {
            raw,
            texts,
            text_keys,
            warnings,
            origin,
        }
    }

    /// The corpus as far as it is known without extraction: dates from
    /// headers only, no entities, no events. Article ids are those of the
    /// built corpus.
    pub fn preview(&self) -> Corpus {
        let mut dates: Vec<_> = self
            .raw
            .iter()
            .map(|r| {
                dates::own_date(&DateEvidence {
                    header: r.header_date,
                    published: r.published,
                    self_date: None,
                    inherited: r.header_inherited,
                })
            })
            .collect();
        dates::share_within_files(&mut dates, &file_groups(&self.raw));
        let articles = self
            .raw
            .par_iter()
            .zip(&self.texts)
            .zip(&self.text_keys)
            .zip(dates)
            .enumerate()
            .map(|(i, (((r, text), key), (date, date_source)))| Article {
                id: ArticleId(i as u32),
                key: r.key(),
                text_key: key.clone(),
                file: r.file.clone(),
                path: r.path.clone(),
                part: r.part,
                headline: r.headline.clone(),
                has_title: r.has_title,
                source: r.source.clone(),
                text: Arc::clone(text),
                lang: extract::lang::detect(text),
                date,
                date_source,
                inferred_date: None,
                sentences: Vec::new(),
                mentions: Vec::new(),
                entities: Vec::new(),
                events: Vec::new(),
                story: StoryId(i as u32),
            })
            .collect();
        Corpus {
            stories: stories::singletons(self.raw.len()),
            articles,
            entities: Vec::new(),
            events: Vec::new(),
            warnings: self.warnings.clone(),
            origin: self.origin.clone(),
        }
    }

    /// Extraction, entity clustering and event merging over every article.
    pub fn build(self, options: &BuildOptions) -> Corpus {
        self.build_with(options, &Fresh)
    }

    /// [`Staged::build`] with each article's extraction asked of
    /// `extractor` (which may have it stored).
    pub fn build_with(self, options: &BuildOptions, extractor: &dyn Extractor) -> Corpus {
        self.build_timed(options, extractor).0
    }

    /// [`Staged::build_with`], with the words of each article's text that
    /// extraction found or read back, by article: what
    /// [`crate::search::SearchIndex::from_text_words`] builds the index from.
    pub fn build_with_words(
        self,
        options: &BuildOptions,
        extractor: &dyn Extractor,
    ) -> (Corpus, Vec<TextWords>) {
        let (corpus, words, _) = self.build_timed(options, extractor);
        (corpus, words)
    }

    /// [`Staged::build_with_words`], with how long each step took.
    pub fn build_timed(
        self,
        options: &BuildOptions,
        extractor: &dyn Extractor,
    ) -> (Corpus, Vec<TextWords>, Phases) {
        let mut phases = Phases::start();
        let Staged {
            raw,
            texts,
            text_keys,
            warnings,
            origin,
        } = self;
        let ((mut annotations, triggers), words): ((Vec<Annotations>, Vec<Triggers>), Vec<_>) = raw
            .par_iter()
            .zip(&texts)
            .zip(&text_keys)
            .map(|((a, text), text_key)| {
                let e = extractor.extract(&ToExtract {
                    text,
                    text_key,
                    anchor: a.published.or(a.header_date),
                });
                ((e.annotations, e.triggers), e.words)
            })
            .unzip();
        phases.lap("extract (or read back) each article");

        let (article_dates, date_spans) = resolve_dates(&raw, &annotations);
        // Resolved now: the candidates are the largest part of what is
        // left of the annotations, which stay alive until entities are
        // attached.
        for a in &mut annotations {
            a.date_candidates = Vec::new();
        }
        phases.lap("article dates");
        keep_vouched_mentions(&mut annotations);
        let clustering = {
            let refs: Vec<&extract::entities::Mention> = annotations
                .iter()
                .flat_map(|a| &a.entities.mentions)
                .collect();
            let article_of: Vec<u32> = annotations
                .iter()
                .enumerate()
                .flat_map(|(i, a)| std::iter::repeat_n(i as u32, a.entities.mentions.len()))
                .collect();
            let acronyms: Vec<_> = annotations
                .iter()
                .flat_map(|a| a.entities.acronyms.iter().cloned())
                .collect();
            let article_lang: Vec<_> = annotations.iter().map(|a| a.lang).collect();
            aliases::cluster(
                &refs,
                &article_of,
                &article_lang,
                &acronyms,
                &options.aliases,
            )
        };
        phases.lap("entities: vouching, clustering, typing");

        let mut articles: Vec<Article> = raw
            .into_iter()
            .zip(texts.iter().cloned())
            .zip(annotations.iter_mut())
            .zip(text_keys)
            .enumerate()
            .map(|(i, (((r, text), ann), text_key))| {
                let mut a = new_article(i, r, text, ann, article_dates[i], &date_spans[i]);
                a.text_key = text_key;
                a
            })
            .collect();
        let entities = attach_entities(&mut articles, &mut annotations, &clustering);
        // Event merging needs none of these, and its own index is the
        // largest thing it builds: the peak is lower without them.
        drop((annotations, clustering));
        drop(texts);
        phases.lap("articles, mentions attached");
        let events = find_events(&mut articles, &entities, &date_spans, &triggers);
        drop(triggers);
        phases.lap("events: found, merged, described");
        let stories = match options.stories {
            Some(t) => find_stories(&mut articles, t),
            None => stories::singletons(articles.len()),
        };
        phases.lap("stories");

        let mut corpus = Corpus {
            articles,
            entities,
            events,
            stories,
            warnings,
            origin,
        };
        super::corrections::apply(&mut corpus, &options.corrections);
        phases.lap("corrections");
        (corpus, words, phases)
    }
}

/// How long each step of a build took, in order: what benchmarks report.
#[derive(Debug, Clone)]
pub struct Phases {
    /// Each step and its wall-clock time.
    pub steps: Vec<(&'static str, std::time::Duration)>,
    /// Each step's processor time, all threads of the process summed: on
    /// a machine shared with other work, the wall clock mostly measures
    /// the others' load, this the step's own work.
    pub cpu: Vec<std::time::Duration>,
    since: std::time::Instant,
    cpu_since: std::time::Duration,
}

impl Phases {
    fn start() -> Phases {
        Phases {
            steps: Vec::new(),
            cpu: Vec::new(),
            since: std::time::Instant::now(),
            cpu_since: process_cpu_time(),
        }
    }

    fn lap(&mut self, step: &'static str) {
        let now = std::time::Instant::now();
        let cpu = process_cpu_time();
        self.steps.push((step, now - self.since));
        self.cpu.push(cpu.saturating_sub(self.cpu_since));
        self.since = now;
        self.cpu_since = cpu;
    }
}

/// The processor time this process has used so far, all threads.
pub fn process_cpu_time() -> std::time::Duration {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ProcessCPUTime);
    std::time::Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// Where the build gets one article's extraction from.
pub trait Extractor: Sync {
    fn extract<'t>(&self, article: &ToExtract<'t, '_>) -> Extraction<'t>;
}

/// Extraction done now, for every article.
pub struct Fresh;

impl Extractor for Fresh {
    fn extract<'t>(&self, article: &ToExtract<'t, '_>) -> Extraction<'t> {
        article.extract()
    }
}

/// Which articles share a file, as one group number per article.
fn file_groups(raw: &[RawArticle]) -> Vec<usize> {
    let mut files: HashMap<&std::path::Path, usize> = HashMap::new();
    raw.iter()
        .map(|r| {
            let n = files.len();
            *files.entry(r.path.as_path()).or_insert(n)
        })
        .collect()
}

/// Article dates, then every sentence's dates resolved against them.
#[allow(clippy::type_complexity)]
fn resolve_dates(
    raw: &[RawArticle],
    annotations: &[Annotations],
) -> (
    Vec<(Option<extract::date::DatePoint>, DateSource)>,
    Vec<Vec<extract::DatedSpan>>,
) {
    let mut own: Vec<_> = raw
        .iter()
        .zip(annotations)
        .map(|(r, a)| {
            dates::own_date(&DateEvidence {
                header: r.header_date,
                published: r.published,
                self_date: a.self_date,
                inherited: r.header_inherited,
            })
        })
        .collect();
    dates::share_within_files(&mut own, &file_groups(raw));
    // The date expressions annotate found, resolved against the article's
    // date now that it is known: the text is not scanned again.
    let spans = annotations
        .par_iter()
        .zip(&own)
        .map(|(a, (date, _))| a.dates_at(*date))
        .collect();
    (own, spans)
}

/// Leaves the mentions worth keeping: sentence-initial ones only when the
/// corpus shows the word capitalised mid-sentence somewhere. The capitals
/// are moved out of the annotations into one set.
fn keep_vouched_mentions(annotations: &mut [Annotations]) {
    let mut mid: HashSet<String> = HashSet::new();
    for a in annotations.iter_mut() {
        mid.extend(std::mem::take(&mut a.entities.mid_sentence_capitals));
    }
    for a in annotations.iter_mut() {
        let mentions = &mut a.entities.mentions;
        mentions.retain(|m| {
            let first = m.text.split([' ', '-']).next().unwrap_or("");
            !m.initial() || mid.contains(fold(first).as_str())
        });
        mentions.shrink_to_fit();
    }
}

fn new_article(
    i: usize,
    r: RawArticle,
    text: Arc<str>,
    ann: &mut Annotations,
    (date, date_source): (Option<extract::date::DatePoint>, DateSource),
    spans: &[extract::DatedSpan],
) -> Article {
    let inferred_date = if date.is_none() {
        dates::infer(spans)
    } else {
        None
    };
    Article {
        id: ArticleId(i as u32),
        key: r.key(),
        text_key: String::new(),
        file: r.file,
        path: r.path,
        part: r.part,
        headline: r.headline,
        has_title: r.has_title,
        source: r.source,
        text,
        lang: ann.lang,
        date,
        date_source,
        inferred_date,
        sentences: std::mem::take(&mut ann.sentences),
        mentions: Vec::new(),
        entities: Vec::new(),
        events: Vec::new(),
        story: StoryId(i as u32),
    }
}

/// The stories of the corpus, each article told its own. A story's
/// representative is its earliest dated report (by day, then by the
/// moment a feed or page gives), then its longest.
fn find_stories(articles: &mut [Article], thresholds: stories::Thresholds) -> Vec<stories::Story> {
    let mut order: Vec<u32> = (0..articles.len() as u32).collect();
    order.sort_by_key(|&i| {
        let a = &articles[i as usize];
        let date = a.date.map(|d| d.sort_key());
        let moment = a.source.published;
        (
            date.is_none(),
            date,
            moment.is_none(),
            moment,
            std::cmp::Reverse(a.text.len()),
            i,
        )
    });
    let mut preference = vec![0u32; articles.len()];
    for (rank, &i) in order.iter().enumerate() {
        preference[i as usize] = rank as u32;
    }
    let texts: Vec<&str> = articles.iter().map(|a| &*a.text).collect();
    let found = stories::find(&texts, &preference, thresholds);
    for s in &found {
        for m in &s.members {
            articles[m.article.0 as usize].story = s.id;
        }
    }
    found
}

// What lets `attach_entities` turn mentions into entity mentions in place.
const _: () = {
    use std::mem::{align_of, size_of};
    assert!(size_of::<EntityMention>() == size_of::<extract::entities::Mention>());
    assert!(align_of::<EntityMention>() == align_of::<extract::entities::Mention>());
};

/// The entities of the clustering, and each article's mentions of them:
/// `c.mention_entity` lists the annotations' mentions in article order.
/// The annotations' mentions are dropped as they are attached, so that
/// both forms of every mention are never held at once.
fn attach_entities(
    articles: &mut [Article],
    annotations: &mut [Annotations],
    c: &Clustering,
) -> Vec<Entity> {
    let mut entities: Vec<Entity> = c
        .entities
        .iter()
        .enumerate()
        .map(|(i, d)| Entity {
            id: EntityId(i as u32),
            canonical: d.canonical.clone(),
            kind: d.kind,
            aliases: d.aliases.clone(),
            mentions: 0,
            articles: Vec::new(),
        })
        .collect();
    let mut mention_entity = c.mention_entity.iter();
    for (ai, (article, ann)) in articles.iter_mut().zip(annotations).enumerate() {
        // Mentions are most of an article's own data: they become entity
        // mentions in place (the two are the same size), so that a long
        // article never holds both, and keep their exact capacity.
        let mentions = std::mem::take(&mut ann.entities.mentions);
        article.mentions = mentions
            .into_iter()
            .map_while(|m| {
                let &e = mention_entity.next()?;
                let ent = &mut entities[e as usize];
                ent.mentions += 1;
                // Mentions come article by article: a repeat is the last one.
                if ent.articles.last() != Some(&ArticleId(ai as u32)) {
                    ent.articles.push(ArticleId(ai as u32));
                }
                Some(EntityMention {
                    entity: EntityId(e),
                    span: m.span(),
                    sentence: m.sentence(),
                })
            })
            .collect();
    }
    for a in articles.iter_mut() {
        let mut counts: HashMap<EntityId, usize> = HashMap::new();
        for m in &a.mentions {
            *counts.entry(m.entity).or_default() += 1;
        }
        let mut ids: Vec<(EntityId, usize)> = counts.into_iter().collect();
        ids.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
        a.entities = ids.into_iter().map(|(e, _)| e).collect();
    }
    entities
}

fn find_events(
    articles: &mut [Article],
    entities: &[Entity],
    date_spans: &[Vec<extract::DatedSpan>],
    triggers: &[Triggers],
) -> Vec<Event> {
    // `merge` sees the reports in article order. Articles are read in
    // parallel a batch at a time, the batch's sightings merged before the
    // next is read; an article longer than a batch is read alone, each
    // sighting merged as it is found. A sighting is larger than its
    // sentence: holding a long article's all at once made them the
    // largest thing the build held.
    let mut merger = events::Merger::default();
    let found = &*articles;
    for batch in batches(found) {
        let at = batch.start;
        if batch.len() == 1 {
            sightings_of(
                &found[at],
                entities,
                &date_spans[at],
                &triggers[at],
                &mut |s| merger.add(s),
            );
            continue;
        }
        let sightings: Vec<Vec<Sighting>> = found[batch.clone()]
            .par_iter()
            .zip(&date_spans[batch.clone()])
            .zip(&triggers[batch])
            .map(|((a, spans), triggers)| {
                let mut out = Vec::new();
                sightings_of(a, entities, spans, triggers, &mut |s| out.push(s));
                out
            })
            .collect();
        for s in sightings.into_iter().flatten() {
            merger.add(s);
        }
    }
    let merged = merger.finish();
    let mut out = Vec::with_capacity(merged.len());
    for (i, m) in merged.into_iter().enumerate() {
        let id = EventId(i as u32);
        let lang = articles[m.reports[0].article.0 as usize].lang;
        let named = |ids: &[EntityId]| -> Vec<(&str, _)> {
            ids.iter()
                .map(|p| {
                    let e = &entities[p.0 as usize];
                    (e.canonical.as_str(), e.kind)
                })
                .collect()
        };
        let (names, agents) = (named(&m.participants), named(&m.gist.agents));
        let place = m.place.map(|p| {
            let name = entities[p.0 as usize].canonical.as_str();
            (m.place_preposition.as_deref(), name)
        });
        let description = events::describe(&events::Description {
            subtype: m.subtype,
            participants: &names,
            agents: &agents,
            gist: &m.gist.words,
            place,
            lang,
        });
        for r in &m.reports {
            let a = &mut articles[r.article.0 as usize];
            // Ids are handed out in order, so a repeat can only be the last.
            if a.events.last() != Some(&id) {
                a.events.push(id);
            }
        }
        out.push(Event {
            id,
            date: m.date,
            kind: m.kind,
            subtype: m.subtype,
            description,
            participants: m.participants,
            place: m.place,
            reports: m.reports,
        });
    }
    out
}

/// The text an article batch of [`find_events`] holds at most, unless it
/// is one article: its sightings take a few times its size.
const BATCH_TEXT: usize = 1 << 20;

/// Consecutive runs of articles of at most [`BATCH_TEXT`] of text
/// together, a longer article alone.
fn batches(articles: &[Article]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut text) = (0, 0);
    for (i, a) in articles.iter().enumerate() {
        let len = a.text.len();
        if i > start && (text + len > BATCH_TEXT || len > BATCH_TEXT) {
            out.push(start..i);
            (start, text) = (i, 0);
        }
        text += len;
    }
    if start < articles.len() {
        out.push(start..articles.len());
    }
    out
}

/// The event reports of one article's sentences, entities resolved, each
/// handed to `found` in sentence order.
fn sightings_of(
    a: &Article,
    entities: &[Entity],
    spans: &[extract::DatedSpan],
    triggers: &Triggers,
    found: &mut dyn FnMut(Sighting),
) {
    // Dates and mentions grouped by sentence in one pass each: looking them
    // up per sentence made an article of many sentences quadratic. Both
    // come in sentence order; a copy is sorted only when they do not.
    let dates = by_sentence(spans, |d| d.sentence);
    let mentions = by_sentence(&a.mentions, |m| m.sentence);
    // A happening no trigger named yields to a triggered one of the same
    // date and actor in the article: that is the same happening, told
    // again in a sentence of its own.
    let mut untriggered: Vec<Sighting> = Vec::new();
    let mut triggered: HashMap<extract::date::DatePoint, Vec<EntityId>> = HashMap::new();
    let mut sort = |s: Sighting| {
        if s.subtype == Subtype::Other {
            untriggered.push(s);
        } else {
            let named = triggered.entry(s.date).or_default();
            named.extend(s.participants.iter().chain(&s.place).copied());
            found(s);
        }
    };
    let mut m_at = 0;
    for group in dates.chunk_by(|x, y| x.sentence == y.sentence) {
        let si = group[0].sentence;
        let Some(range) = a.sentences.get(si) else {
            continue;
        };
        while m_at < mentions.len() && mentions[m_at].sentence < si {
            m_at += 1;
        }
        let m_end = m_at + mentions[m_at..].partition_point(|m| m.sentence == si);
        let in_sentence = &mentions[m_at..m_end];
        m_at = m_end;
        sentence_sightings(
            a,
            entities,
            (si, range),
            triggers.of_sentence(si),
            group,
            in_sentence,
            &mut sort,
        );
    }
    for s in untriggered {
        let told = triggered.get(&s.date).is_some_and(|named| {
            s.participants
                .iter()
                .chain(&s.place)
                .any(|p| named.contains(p))
        });
        if !told {
            found(s);
        }
    }
}

/// `items` in order of `sentence`: themselves when they are, a sorted copy
/// (stable, as the sort before) when they are not.
fn by_sentence<T: Clone>(items: &[T], sentence: impl Fn(&T) -> usize) -> std::borrow::Cow<'_, [T]> {
    if items.is_sorted_by_key(&sentence) {
        return std::borrow::Cow::Borrowed(items);
    }
    let mut sorted = items.to_vec();
    sorted.sort_by_key(sentence);
    std::borrow::Cow::Owned(sorted)
}

/// The events one sentence reports, given its dates and mentions.
fn sentence_sightings(
    a: &Article,
    entities: &[Entity],
    (si, range): (usize, &std::ops::Range<usize>),
    triggers: &[super::extracted::Trigger],
    dates: &[extract::DatedSpan],
    in_sentence: &[EntityMention],
    found: &mut dyn FnMut(Sighting),
) {
    let actors: Vec<Actor> = in_sentence
        .iter()
        .map(|m| Actor {
            span: m.span.clone(),
            kind: entities[m.entity.0 as usize].kind,
            place_preposition: extract::entities::place_preposition(
                &a.text[range.start..m.span.start],
            )
            .is_some(),
        })
        .collect();
    let dates: Vec<&extract::DatedSpan> = dates.iter().collect();
    for c in event_finder::find_among(&a.text, si, range.clone(), triggers, &dates, &actors) {
        let mut seen = HashSet::new();
        let mut participants: Vec<EntityId> = Vec::new();
        for &p in &c.participants {
            let id = in_sentence[p].entity;
            if seen.insert(id) {
                participants.push(id);
            }
        }
        let place = c.place.map(|p| in_sentence[p].entity);
        let place_preposition = c.place.and_then(|p| {
            let before = &a.text[range.start..in_sentence[p].span.start];
            extract::entities::place_preposition(before).map(str::to_string)
        });
        participants.retain(|p| Some(*p) != place);
        // Those named before the trigger did it or had it done to them.
        let agents = c
            .participants
            .iter()
            .filter(|&&p| in_sentence[p].span.start < c.trigger.start)
            .map(|&p| in_sentence[p].entity)
            .filter(|id| participants.contains(id))
            .fold(Vec::new(), |mut v, id| {
                if !v.contains(&id) {
                    v.push(id);
                }
                v
            });
        found(Sighting {
            article: a.id,
            sentence: si,
            date: c.date,
            kind: c.kind,
            subtype: c.subtype,
            participants,
            place,
            place_preposition,
            gist: events::Gist {
                words: a.text[c.gist.clone()].to_string(),
                agents,
            },
        });
    }
}
