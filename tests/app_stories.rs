//! Stories, marking a view read, undo, per-story counts and corrections
//! in the dashboard's state, as sequences of keys without a terminal, on
//! the stories fixture: one dispatch printed by five outlets (copies and
//! rewrites) and two other articles of the same storm. Articles written
//! for the tests.

mod common;

use std::path::PathBuf;
use std::sync::OnceLock;

use revue::app::keys::Key;
use revue::app::stories::{ReadMarks, RowKind};
use revue::app::{AppState, Effect, Mode, Pane, update};
use revue::model::Corpus;
use revue::model::corrections::{self, Correction};
use revue::review::{Change, Mark};
use revue::search::SearchIndex;

use common::keys::{press_on, typed};

fn stories() -> &'static (Corpus, SearchIndex) {
    static C: OnceLock<(Corpus, SearchIndex)> = OnceLock::new();
    C.get_or_init(|| {
        common::build(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stories"))
    })
}

fn press(s: &mut AppState, keys: &[Key]) -> Vec<Effect> {
    press_on(s, stories(), keys)
}

fn fresh() -> AppState {
    let (corpus, index) = stories();
    AppState::new(corpus, index)
}

fn ch(c: char) -> Key {
    Key::Char(c)
}

/// The row of the story of five printings.
fn story_row(s: &AppState) -> usize {
    let (corpus, _) = stories();
    s.rows
        .iter()
        .position(|r| corpus.story_of(r.article).len() == 5)
        .expect("the fixture has a story of five")
}

fn read_count(s: &AppState) -> usize {
    s.marks.iter().filter(|m| m.read).count()
}

fn saved(effects: &[Effect]) -> Vec<Change> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::SaveMarks(c) => Some(c.clone()),
            _ => None,
        })
        .flatten()
        .collect()
}

#[test]
fn a_story_is_one_row_that_expands_to_its_members_and_collapses() {
    let (corpus, _) = stories();
    let mut s = fresh();
    // Seven articles, three stories.
    assert_eq!(s.view.articles.len(), 7);
    assert_eq!(s.len(Pane::Articles), 3);
    let at = story_row(&s);
    let head = s.rows[at].article;
    assert_eq!(head, corpus.story_of(head).representative());
    for _ in 0..at {
        press(&mut s, &[ch('j')]);
    }
    press(&mut s, &[ch('e')]);
    assert_eq!(s.len(Pane::Articles), 7);
    let members: Vec<_> = s.rows[at + 1..at + 5].to_vec();
    assert!(
        members
            .iter()
            .all(|r| r.kind == RowKind::Member { listed: true })
    );
    let story = corpus.story_of(head);
    let ids: Vec<_> = members.iter().map(|r| r.article).collect();
    let expected: Vec<_> = story.members[1..].iter().map(|m| m.article).collect();
    assert_eq!(ids, expected);
    // From a member's row, `e` collapses and leaves the story's row selected.
    press(&mut s, &[ch('j'), ch('j')]);
    assert_eq!(s.selected(Pane::Articles), at + 2);
    press(&mut s, &[ch('e')]);
    assert_eq!(s.len(Pane::Articles), 3);
    assert_eq!(s.selected(Pane::Articles), at);
    // A lone article has nothing to expand.
    let lone = (0..3).find(|&i| i != at).unwrap();
    press(&mut s, &[ch('g')]);
    for _ in 0..lone {
        press(&mut s, &[ch('j')]);
    }
    press(&mut s, &[ch('e')]);
    assert_eq!(s.len(Pane::Articles), 3);
    assert!(s.message.as_deref().unwrap().contains("single report"));
}

#[test]
fn an_expanded_story_lists_members_the_query_leaves_out_dim() {
    let (corpus, index) = stories();
    let mut s = fresh();
    update(
        &mut s,
        revue::app::Action::SetQuery("is:original".into()),
        corpus,
        index,
    );
    let at = story_row(&s);
    for _ in 0..at {
        press(&mut s, &[ch('j')]);
    }
    press(&mut s, &[ch('e')]);
    assert_eq!(s.len(Pane::Articles), 3 + 4);
    assert!(
        s.rows[at + 1..at + 5]
            .iter()
            .all(|r| r.kind == RowKind::Member { listed: false })
    );
}

#[test]
fn marking_a_story_read_marks_its_printings_and_unmarking_too() {
    let mut s = fresh();
    let at = story_row(&s);
    for _ in 0..at {
        press(&mut s, &[ch('j')]);
    }
    // A star on one printing must survive the story's read marks.
    press(&mut s, &[ch('e'), ch('j'), ch('s'), ch('k'), ch('e')]);
    let starred = s.marks.iter().filter(|m| m.starred).count();
    assert_eq!(starred, 1);
    let effects = press(&mut s, &[ch('r')]);
    assert_eq!(read_count(&s), 5);
    let changes = saved(&effects);
    assert_eq!(changes.len(), 5, "{changes:?}");
    assert!(changes.iter().all(|c| c.mark == Mark::Read && c.on));
    let effects = press(&mut s, &[ch('r')]);
    assert_eq!(read_count(&s), 0);
    assert_eq!(saved(&effects).len(), 5);
    assert_eq!(s.marks.iter().filter(|m| m.starred).count(), 1);
    // A member's row marks that printing alone.
    press(&mut s, &[ch('e'), ch('j'), ch('r')]);
    assert_eq!(read_count(&s), 1);
    // The book agrees with the per-article marks.
    let (corpus, _) = stories();
    for a in &corpus.articles {
        assert_eq!(s.book.get(&a.text_key).read, s.marks_of(a.id).read);
    }
}

#[test]
fn read_marks_can_reach_copies_only_or_the_row_alone() {
    let (corpus, _) = stories();
    for (rule, expected) in [
        (ReadMarks::Story, 5),
        (
            ReadMarks::Copies,
            1 + corpus
                .stories
                .iter()
                .find(|st| st.len() == 5)
                .unwrap()
                .members
                .iter()
                .filter(|m| m.likeness == revue::model::Likeness::Copy)
                .count(),
        ),
        (ReadMarks::Article, 1),
    ] {
        let mut s = fresh();
        s.read_marks = rule;
        let at = story_row(&s);
        for _ in 0..at {
            press(&mut s, &[ch('j')]);
        }
        press(&mut s, &[ch(' ')]);
        assert_eq!(read_count(&s), expected, "{rule:?}");
    }
}

#[test]
fn a_marks_the_whole_view_and_u_restores_exactly_the_marks_before() {
    let mut s = fresh();
    // One article read and one starred before.
    let at = story_row(&s);
    let lone = (0..3).find(|&i| i != at).unwrap();
    for _ in 0..lone {
        press(&mut s, &[ch('j')]);
    }
    press(&mut s, &[ch('r'), ch('s')]);
    let before = s.marks.clone();
    let effects = press(&mut s, &[ch('A')]);
    assert_eq!(read_count(&s), 7);
    // Only the six that were unread changed.
    assert_eq!(saved(&effects).len(), 6);
    let effects = press(&mut s, &[ch('U')]);
    assert_eq!(s.marks, before);
    assert_eq!(saved(&effects).len(), 6);
    assert!(saved(&effects).iter().all(|c| !c.on));
    // Then the star, then the read mark, then nothing.
    press(&mut s, &[ch('U')]);
    assert_eq!(s.marks.iter().filter(|m| m.starred).count(), 0);
    assert_eq!(read_count(&s), 1);
    press(&mut s, &[ch('U')]);
    assert_eq!(read_count(&s), 0);
    press(&mut s, &[ch('U')]);
    assert_eq!(s.message.as_deref(), Some("nothing to undo"));
}

#[test]
fn a_marks_only_what_the_view_lists() {
    let (corpus, index) = stories();
    let mut s = fresh();
    update(
        &mut s,
        revue::app::Action::SetQuery("écoles".into()),
        corpus,
        index,
    );
    let listed = s.view.articles.len();
    assert!((1..7).contains(&listed), "{listed}");
    press(&mut s, &[ch('A')]);
    assert_eq!(read_count(&s), listed);
}

#[test]
fn a_large_view_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let n = revue::app::mark_all::ASK_ABOVE + 5;
    for i in 0..n {
        std::fs::write(
            dir.path().join(format!("a{i:03}.txt")),
            format!(
                "Note numéro {i}\nLe conseil a examiné le dossier {i} et rendu un avis sur le point {}.\n",
                i * 7
            ),
        )
        .unwrap();
    }
    let built = common::build(dir.path().to_path_buf());
    let mut s = AppState::new(&built.0, &built.1);
    assert_eq!(s.view.articles.len(), n);
    press_on(&mut s, &built, &[ch('A')]);
    assert_eq!(s.mode(), Mode::Question);
    assert_eq!(read_count(&s), 0);
    // No: nothing marked; other keys do nothing meanwhile.
    press_on(&mut s, &built, &[ch('j'), ch('n')]);
    assert_eq!(s.mode(), Mode::Dashboard);
    assert_eq!(s.selected(Pane::Articles), 0);
    assert_eq!(read_count(&s), 0);
    press_on(&mut s, &built, &[ch('A'), ch('y')]);
    assert_eq!(read_count(&s), n);
    press_on(&mut s, &built, &[ch('U')]);
    assert_eq!(read_count(&s), 0);
}

#[test]
fn counts_per_story_count_five_printings_once() {
    let (corpus, _) = stories();
    let mut s = fresh();
    let goff = s
        .view
        .entities
        .iter()
        .find(|r| corpus.entity(r.id).canonical == "Anne Le Goff")
        .cloned()
        .expect("the fixture names the port's director");
    assert_eq!(s.entity_articles(corpus, &goff), goff.articles);
    assert!(goff.articles >= 4, "{goff:?}");
    press(&mut s, &[ch('S')]);
    assert!(s.per_story);
    assert_eq!(s.entity_articles(corpus, &goff), 1);
    press(&mut s, &[ch('S')]);
    assert_eq!(s.entity_articles(corpus, &goff), goff.articles);
}

/// Three printings of one dispatch naming Hélène Marchal, and two stories
/// of their own naming Hugo Berthier: per printing she comes first, per
/// story he does.
fn printings_and_stories(dir: &std::path::Path) {
    let dispatch = "La mairie de Quimper a voté jeudi soir le budget de la nouvelle médiathèque, \
        après trois heures de débats. L'adjointe à la culture, Hélène Marchal, a défendu un projet \
        ouvert le dimanche et gratuit pour les moins de vingt-cinq ans. L'opposition a dénoncé un \
        coût de construction qui a doublé depuis l'esquisse de 2023 et réclamé un audit des marchés. \
        Les travaux doivent commencer au printemps sur le site de l'ancienne caserne, pour une \
        ouverture prévue à l'automne 2028.";
    for (file, headline) in [
        ("a.txt", "Quimper vote sa médiathèque"),
        ("b.txt", "La médiathèque de Quimper adoptée"),
        ("c.txt", "Feu vert pour la médiathèque"),
    ] {
        std::fs::write(dir.join(file), format!("{headline}\n{dispatch}\n")).unwrap();
    }
    std::fs::write(
        dir.join("d.txt"),
        "Le festival de Douarnenez reporté\nLe festival de cinéma de Douarnenez est reporté \
         d'une semaine faute de salle, a annoncé son directeur, Hugo Berthier, qui cherche un \
         chapiteau pour accueillir les projections du soir.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("e.txt"),
        "Un chapiteau pour les films\nHugo Berthier a trouvé son chapiteau: une troupe de cirque \
         de Morlaix prête le sien aux cinéphiles, qui pourront voir les films sous la toile à \
         partir du 14 août.\n",
    )
    .unwrap();
}

#[test]
fn sorted_by_articles_the_entities_follow_the_counts_shown_per_story() {
    let dir = tempfile::tempdir().unwrap();
    printings_and_stories(dir.path());
    let built = common::build(dir.path().to_path_buf());
    let corpus = &built.0;
    assert_eq!(corpus.stories.len(), 3, "one dispatch, two stories");
    let shown = |s: &AppState| -> Vec<(String, usize)> {
        s.view
            .entities
            .iter()
            .map(|r| {
                let name = corpus.entity(r.id).canonical.clone();
                (name, s.entity_articles(corpus, r))
            })
            .collect()
    };
    let rank = |s: &AppState, name: &str| shown(s).iter().position(|(n, _)| n == name);
    let mut s = AppState::new(&built.0, &built.1);
    // Type, then mentions, then articles.
    press_on(&mut s, &built, &[ch('o'), ch('o')]);
    assert_eq!(s.entity_sort, revue::search::EntitySort::Articles);
    assert!(
        rank(&s, "Hélène Marchal") < rank(&s, "Hugo Berthier"),
        "{:?}",
        shown(&s)
    );
    press_on(&mut s, &built, &[ch('S')]);
    assert!(
        rank(&s, "Hugo Berthier") < rank(&s, "Hélène Marchal"),
        "per story: {:?}",
        shown(&s)
    );
    let counts: Vec<usize> = shown(&s).iter().map(|(_, n)| *n).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{:?}", shown(&s));
    press_on(&mut s, &built, &[ch('S')]);
    assert!(
        rank(&s, "Hélène Marchal") < rank(&s, "Hugo Berthier"),
        "per printing again"
    );
}

/// Carries out a correction as the event loop does: applied to a copy of
/// the corpus, which then replaces it.
fn apply(s: &mut AppState, corpus: &Corpus, c: Correction) -> (Corpus, SearchIndex) {
    let mut fixed = corpus.clone();
    assert_eq!(
        corrections::apply(&mut fixed, std::slice::from_ref(&c)),
        [true]
    );
    let index = SearchIndex::new(&fixed);
    s.corrected(revue::app::correct::Corrected::Applied(c), &fixed, &index);
    (fixed, index)
}

fn correction(effects: &[Effect]) -> Option<Correction> {
    effects.iter().find_map(|e| match e {
        Effect::Correct(c) => Some(c.clone()),
        _ => None,
    })
}

/// Selects the entity row named `name` in the entity pane.
fn select_entity(s: &mut AppState, name: &str) {
    let (corpus, _) = stories();
    press(s, &[ch('2'), ch('g')]);
    let at = s
        .view
        .entities
        .iter()
        .position(|r| corpus.entity(r.id).canonical == name)
        .unwrap_or_else(|| panic!("{name} is listed"));
    for _ in 0..at {
        press(s, &[ch('j')]);
    }
}

#[test]
fn a_merge_is_picked_by_typing_and_undone() {
    let (corpus, _) = stories();
    let mut s = fresh();
    select_entity(&mut s, "Claire Morvan");
    press(&mut s, &[ch('c')]);
    assert_eq!(s.mode(), Mode::Choose);
    // The first choice of the menu: merge.
    press(&mut s, &[Key::Enter]);
    let picker = s.chooser().expect("the merge picker");
    let all = picker.rows.len();
    assert_eq!(all, corpus.entities.len() - 1);
    // Letters filter, in order, anywhere in the name.
    press(&mut s, &typed("goff"));
    let picker = s.chooser().unwrap();
    assert!(picker.rows.len() < all);
    assert_eq!(picker.chosen().unwrap().label, "Anne Le Goff");
    press(&mut s, &[Key::Backspace, Key::Backspace]);
    assert!(!s.chooser().unwrap().rows.is_empty());
    press(&mut s, &typed("ff"));
    let effects = press(&mut s, &[Key::Enter]);
    let c = correction(&effects).expect("a correction for the event loop");
    assert_eq!(
        c,
        Correction::Merge {
            entity: "Claire Morvan".into(),
            into: "Anne Le Goff".into()
        }
    );
    assert_eq!(s.mode(), Mode::Dashboard);
    assert!(s.correcting.is_some());
    // A second correction waits for the first.
    press(&mut s, &[ch('c')]);
    assert_eq!(s.mode(), Mode::Dashboard);
    let corrected = apply(&mut s, corpus, c.clone());
    let fixed = &corrected.0;
    assert!(s.correcting.is_none());
    assert!(
        !s.view
            .entities
            .iter()
            .any(|r| fixed.entity(r.id).canonical == "Claire Morvan")
    );
    let effects = press_on(&mut s, &corrected, &[ch('U')]);
    assert!(effects.contains(&Effect::UndoCorrection(c)), "{effects:?}");
}

#[test]
fn split_retype_and_hide_from_the_entity_menu() {
    // Retype: the type picker offers the other three types.
    let mut s = fresh();
    select_entity(&mut s, "Saint-Malo");
    press(&mut s, &[ch('c'), Key::Down, Key::Down, Key::Enter]);
    assert_eq!(s.chooser().unwrap().rows.len(), 3);
    let effects = press(&mut s, &typed("org"));
    assert!(effects.is_empty());
    let effects = press(&mut s, &[Key::Enter]);
    assert_eq!(
        correction(&effects),
        Some(Correction::Retype {
            entity: "Saint-Malo".into(),
            kind: revue::extract::kind::EntityKind::Org
        })
    );
    // Hide: at once.
    let mut s = fresh();
    select_entity(&mut s, "Anne Le Goff");
    let effects = press(
        &mut s,
        &[ch('c'), Key::Down, Key::Down, Key::Down, Key::Enter],
    );
    assert_eq!(
        correction(&effects),
        Some(Correction::Hide {
            entity: "Anne Le Goff".into()
        })
    );
    // Split: a name with no other to split off says so.
    let mut s = fresh();
    select_entity(&mut s, "Anne Le Goff");
    press(&mut s, &[ch('c'), Key::Down, Key::Enter]);
    assert_eq!(s.mode(), Mode::Dashboard);
    assert!(
        s.message.as_deref().unwrap().contains("no other name"),
        "{:?}",
        s.message
    );
    // Esc closes a picker without a correction.
    let mut s = fresh();
    select_entity(&mut s, "Anne Le Goff");
    let effects = press(&mut s, &[ch('c'), Key::Esc]);
    assert_eq!(s.mode(), Mode::Dashboard);
    assert!(correction(&effects).is_none());
}

#[test]
fn events_are_hidden_or_retyped_from_the_timeline() {
    let (corpus, _) = stories();
    let mut s = fresh();
    press(&mut s, &[ch('3')]);
    if s.view.events.is_empty() {
        panic!("the fixture has events");
    }
    let e = s.view.events[0];
    press(&mut s, &[ch('c')]);
    assert_eq!(s.mode(), Mode::Choose);
    press(&mut s, &[Key::Down, Key::Enter]);
    let effects = s.correcting.clone();
    assert!(effects.unwrap().contains("hide event"));
    let mut s = fresh();
    press(&mut s, &[ch('3'), ch('c'), Key::Enter]);
    let choice = s.chooser().unwrap().chosen().unwrap().value.clone();
    let effects = press(&mut s, &[Key::Enter]);
    match correction(&effects) {
        Some(Correction::RetypeEvent { event, subtype }) => {
            assert_eq!(event, corrections::EventRef::of(corpus, e).unwrap());
            assert_eq!(subtype.code(), choice);
            assert_ne!(subtype, corpus.event(e).subtype);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn c_says_what_it_corrects_on_the_article_list() {
    let mut s = fresh();
    press(&mut s, &[ch('c')]);
    assert_eq!(s.mode(), Mode::Dashboard);
    assert!(s.message.as_deref().unwrap().contains("entity or an event"));
}

#[test]
fn opening_a_story_reads_its_printings_and_each_undo_is_one_step() {
    let mut s = fresh();
    let at = story_row(&s);
    for _ in 0..at {
        press(&mut s, &[ch('j')]);
    }
    press(&mut s, &[Key::Enter]);
    assert_eq!(s.mode(), Mode::Reader);
    assert_eq!(read_count(&s), 5);
    // A star in the reader is a step of its own, undone first.
    press(&mut s, &[ch('s'), ch('q')]);
    press(&mut s, &[ch('U')]);
    assert_eq!(s.marks.iter().filter(|m| m.starred).count(), 0);
    assert_eq!(read_count(&s), 5);
    press(&mut s, &[ch('U')]);
    assert_eq!(read_count(&s), 0);
    assert_eq!(s.undo.len(), 0);
}

/// The seeds name entities by several names: the split picker, from the
/// entity detail, offers the names other than the entity's own.
#[test]
fn an_alias_is_split_off_from_the_entity_detail() {
    use revue::extract::fold::fold_name;
    let seeds = common::build(common::seeds_dir());
    let (corpus, index) = &seeds;
    let mut s = AppState::new(corpus, index);
    let at = s
        .view
        .entities
        .iter()
        .position(|r| {
            let e = corpus.entity(r.id);
            e.aliases
                .iter()
                .any(|a| fold_name(a) != fold_name(&e.canonical))
        })
        .expect("the seeds have an entity of several names");
    let entity = corpus.entity(s.view.entities[at].id);
    press_on(&mut s, &seeds, &[ch('2')]);
    for _ in 0..at {
        press_on(&mut s, &seeds, &[ch('j')]);
    }
    press_on(&mut s, &seeds, &[Key::Enter]);
    assert_eq!(s.mode(), Mode::Entity);
    press_on(&mut s, &seeds, &[ch('c'), Key::Down, Key::Enter]);
    let offered: Vec<String> = s
        .chooser()
        .expect("the split picker")
        .choices
        .iter()
        .map(|c| c.value.clone())
        .collect();
    assert!(!offered.is_empty());
    assert!(
        offered
            .iter()
            .all(|a| fold_name(a) != fold_name(&entity.canonical) && entity.aliases.contains(a)),
        "{offered:?}"
    );
    let effects = press_on(&mut s, &seeds, &[Key::Enter]);
    let c = correction(&effects).expect("a split");
    assert_eq!(
        c,
        Correction::Split {
            entity: entity.canonical.clone(),
            alias: offered[0].clone()
        }
    );
    // As the event loop does: the split applies to the corpus shown.
    let mut fixed = corpus.clone();
    assert_eq!(corrections::apply(&mut fixed, &[c]), [true]);
}
