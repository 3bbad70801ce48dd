//! Stories on articles written for these tests: one dispatch and its
//! edited printings, two other reports of the same day on the same topic,
//! identical boilerplate in bulk, and a generated corpus on which banding
//! must give the clusters that comparing every pair gives.

use super::*;

const DISPATCH: &str = "Le port de Saint-Malo rouvre après la tempête
Le port de commerce de Saint-Malo a rouvert mardi matin, deux jours après le passage de la tempête qui avait arraché une partie des quais et coulé trois chalutiers à leur amarrage.
La capitainerie a autorisé les premiers ferries à accoster vers huit heures, après l'inspection des digues par les plongeurs de la gendarmerie maritime.
« Les dégâts sont lourds mais les bassins sont sûrs », a déclaré la directrice du port, Anne Le Goff, lors d'un point de presse tenu sur le quai Saint-Louis.
Les pêcheurs estiment leurs pertes à plusieurs millions d'euros. La chambre de commerce a promis un fonds d'urgence dès la semaine prochaine, sans en préciser le montant.
La préfecture maintient l'interdiction d'accès aux remparts ouest, où des blocs de granit se sont détachés pendant la nuit de dimanche à lundi.
Météo-France annonce un temps calme pour le reste de la semaine, avec des vents faibles de secteur nord.";

/// The dispatch with its headline changed.
fn new_headline() -> String {
    DISPATCH.replacen(
        "Le port de Saint-Malo rouvre après la tempête",
        "Saint-Malo : les ferries accostent de nouveau",
        1,
    )
}

/// The dispatch without its fourth paragraph.
fn paragraph_cut() -> String {
    DISPATCH
        .lines()
        .filter(|l| !l.starts_with("Les pêcheurs"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The dispatch signed by an outlet's correspondent.
fn byline_added() -> String {
    DISPATCH.replacen(
        '\n',
        "\nPar notre correspondante à Saint-Malo, Claire Morvan\n",
        1,
    )
}

/// The dispatch with one sentence said in other words.
fn sentence_reworded() -> String {
    DISPATCH.replacen(
        "La capitainerie a autorisé les premiers ferries à accoster vers huit heures, après l'inspection des digues par les plongeurs de la gendarmerie maritime.",
        "Vers huit heures, une fois les digues inspectées par des plongeurs de la gendarmerie, la capitainerie a laissé entrer les premiers ferries.",
        1,
    )
}

/// Same town, same day, same storm, another story.
const OTHER_STORY: &str = "Tempête : les écoles de Saint-Malo restent fermées
Les écoles maternelles et primaires de Saint-Malo resteront fermées jusqu'à jeudi, a annoncé mardi la mairie, le temps de vérifier les toitures endommagées par la tempête.
Une cellule d'accueil est ouverte au gymnase de la Découverte pour les enfants des parents qui travaillent, de sept heures à dix-neuf heures.
L'adjoint chargé de l'éducation, Yann Kervella, a indiqué que deux préaux s'étaient effondrés et que plusieurs salles de classe étaient inondées.
Les collèges et lycées, qui dépendent du département et de la région, rouvriront en revanche mercredi.";

/// And a third: the same storm seen from the farms.
const THIRD_STORY: &str = "Après la tempête, les maraîchers de la côte comptent leurs serres
Dans les communes autour de Saint-Malo, les maraîchers ont passé la journée de mardi à relever les serres couchées par le vent de dimanche.
Selon la chambre d'agriculture, près d'un tiers des abris de la côte ont été touchés, et les récoltes de salades et d'artichauts sont en grande partie perdues.
Les exploitants réclament le classement en catastrophe naturelle, que la préfecture dit examiner « dans les meilleurs délais ».";

fn stories_of(texts: &[&str]) -> Vec<Story> {
    let preference: Vec<u32> = (0..texts.len() as u32).collect();
    find(texts, &preference, Thresholds::default())
}

fn partition(stories: &[Story]) -> Vec<Vec<u32>> {
    let mut out: Vec<Vec<u32>> = stories
        .iter()
        .map(|s| {
            let mut v: Vec<u32> = s.members.iter().map(|m| m.article.0).collect();
            v.sort_unstable();
            v
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_dispatch_and_four_edited_printings_are_one_story() {
    let edited = [
        new_headline(),
        paragraph_cut(),
        byline_added(),
        sentence_reworded(),
    ];
    let mut texts = vec![OTHER_STORY, DISPATCH];
    texts.extend(edited.iter().map(String::as_str));
    texts.push(THIRD_STORY);
    let stories = stories_of(&texts);
    assert_eq!(partition(&stories), [vec![0], vec![1, 2, 3, 4, 5], vec![6]]);
    let story = &stories[1];
    assert_eq!(story.representative(), ArticleId(1));
    assert_eq!(story.len(), 5);
    for m in &story.members[1..] {
        assert!(m.similarity >= 0.5 && m.similarity < 1.0, "{m:?}");
    }
    // A byline or a headline changes a few shingles: copies. A paragraph
    // cut or a sentence reworded changes more: rewrites.
    let likeness = |i: u32| story.member(ArticleId(i)).unwrap().likeness;
    assert_eq!(likeness(1), Likeness::Original);
    assert_eq!(likeness(2), Likeness::Copy);
    assert_eq!(likeness(4), Likeness::Copy);
    assert_eq!(likeness(3), Likeness::Rewrite);
    assert_eq!(likeness(5), Likeness::Rewrite);
}

#[test]
fn the_preferred_member_represents_the_story() {
    let edited = byline_added();
    let texts = [edited.as_str(), DISPATCH];
    let stories = find(&texts, &[5, 1], Thresholds::default());
    assert_eq!(stories.len(), 1);
    assert_eq!(stories[0].representative(), ArticleId(1));
    assert_eq!(stories[0].members[1].article, ArticleId(0));
}

#[test]
fn identical_texts_are_copies_of_similarity_one() {
    let texts = [DISPATCH, DISPATCH, OTHER_STORY];
    let stories = stories_of(&texts);
    assert_eq!(partition(&stories), [vec![0, 1], vec![2]]);
    assert_eq!(stories[0].members[1].similarity, 1.0);
    assert_eq!(stories[0].members[1].likeness, Likeness::Copy);
}

#[test]
fn stories_of_one_topic_and_day_stay_apart() {
    let texts = [DISPATCH, OTHER_STORY, THIRD_STORY];
    assert_eq!(stories_of(&texts).len(), 3);
    let sim = |a, b| shingles::jaccard(&shingles::set(a), &shingles::set(b));
    assert!(sim(DISPATCH, OTHER_STORY) < 0.05);
    assert!(sim(DISPATCH, THIRD_STORY) < 0.05);
}

#[test]
fn a_stricter_threshold_splits_rewrites_off() {
    let cut = paragraph_cut();
    let texts = [DISPATCH, cut.as_str()];
    let strict = Thresholds {
        copy: 0.99,
        rewrite: 0.95,
    };
    assert_eq!(find(&texts, &[0, 1], strict).len(), 2);
    assert_eq!(find(&texts, &[0, 1], Thresholds::default()).len(), 1);
}

#[test]
fn empty_texts_are_stories_of_their_own() {
    let texts = ["", "", DISPATCH];
    assert_eq!(partition(&stories_of(&texts)), [vec![0], vec![1], vec![2]]);
}

#[test]
fn boilerplate_in_bulk_is_paired_linearly() {
    // 3,000 printings of one notice, and 3,000 of one notice with a
    // number that changes: all pairs would be nine million candidates.
    let notice = "Avis aux abonnés : le service client est joignable du lundi au vendredi de neuf heures à dix-huit heures au numéro habituel, sauf les jours fériés.";
    let mut texts: Vec<String> = vec![notice.to_string(); 3_000];
    texts.extend((0..3_000).map(|i| format!("{notice} Référence {i}.")));
    let signatures: Vec<_> = texts.iter().map(|t| signature::of(t)).collect();
    let pairs = candidates::pairs(&signatures);
    assert!(
        pairs.len() <= texts.len() * (candidates::BUCKET_CAP + 1),
        "{} candidate pairs",
        pairs.len()
    );
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let stories = stories_of(&refs);
    assert_eq!(stories.len(), 1, "one notice, one story");
    assert_eq!(stories[0].len(), 6_000);
}

/// A small generator of articles from a Zipf-like vocabulary, with
/// edited copies: a corpus whose similarities spread from near zero to one.
fn generated(n: usize, seed: u64) -> Vec<String> {
    let mut state = seed;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        shingles::mix(state)
    };
    let word = |r: u64| {
        let x = (r % 1_000_000) as f64 / 1_000_000.0;
        format!("w{}", (x.powi(3) * 3_000.0) as u32)
    };
    let mut out: Vec<String> = Vec::with_capacity(n);
    while out.len() < n {
        let r = next();
        if !out.is_empty() && r % 3 == 0 {
            // An edited copy of an earlier article: some words replaced,
            // some dropped, a tail added.
            let src = out[(next() as usize) % out.len()].clone();
            let rate = 2 + next() % 30;
            let mut words: Vec<String> = Vec::new();
            for w in src.split(' ') {
                match next() % 100 {
                    x if x < rate / 2 => {}
                    x if x < rate => words.push(word(next())),
                    _ => words.push(w.to_string()),
                }
            }
            for _ in 0..next() % 10 {
                words.push(word(next()));
            }
            out.push(words.join(" "));
        } else {
            let len = 40 + (next() % 80) as usize;
            out.push((0..len).map(|_| word(next())).collect::<Vec<_>>().join(" "));
        }
    }
    out
}

/// The stories comparing every pair would give, and how many pairs
/// joined were close to the threshold (within 0.15 above it), where
/// banding is likeliest to miss one.
fn all_pairs(texts: &[&str], t: Thresholds) -> (Vec<Vec<u32>>, usize) {
    let sets: Vec<Vec<u64>> = texts.iter().map(|s| shingles::set(s)).collect();
    let mut u = UnionFind::new(texts.len());
    let mut close = 0;
    for a in 0..texts.len() {
        for b in a + 1..texts.len() {
            let s = shingles::jaccard(&sets[a], &sets[b]);
            if s >= t.rewrite {
                u.union(a, b);
                close += usize::from(s < t.rewrite + 0.15);
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<u32>> = Default::default();
    for i in 0..texts.len() {
        groups.entry(u.find(i)).or_default().push(i as u32);
    }
    let mut out: Vec<Vec<u32>> = groups.into_values().collect();
    out.sort();
    (out, close)
}

#[test]
fn banding_gives_the_clusters_of_all_pairs_on_2000_articles() {
    let texts = generated(2_000, 7);
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let banded = partition(&stories_of(&refs));
    let (truth, close) = all_pairs(&refs, Thresholds::default());
    let clustered = truth.iter().filter(|g| g.len() > 1).count();
    // The corpus must hold stories, some of them joined by pairs just
    // above the threshold, for the comparison to mean something.
    assert!(clustered > 100, "{clustered} stories of several articles");
    assert!(close > 20, "{close} pairs close to the threshold");
    assert_eq!(banded, truth);
}
