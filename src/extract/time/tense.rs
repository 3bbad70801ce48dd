//! Whether a clause speaks of the future or the past, read from verb forms
//! and tense words (`se rendra`, `va rencontrer`, `will`, `is due to`,
//! `hier`, `was`), which decides which way a weekday alone points.
//!
//! A heuristic over folded tokens, not a parser: it finds the nearest marker
//! in the clause and does not conjugate. Used by [`super::is_future`] and
//! when resolving a weekday alone.

use super::tokens::{Kind, Scan, Tok};
use crate::extract::lang::Lang;

/// Clause boundaries for tense: a weekday belongs to the verb of its clause.
/// (`et`, `and` are left out: they join names as often as clauses.)
const FR_CLAUSE_WORDS: [&str; 9] = [
    "que", "qu", "qui", "dont", "lorsque", "quand", "tandis", "mais", "car",
];
const EN_CLAUSE_WORDS: [&str; 10] = [
    "that", "which", "who", "whom", "whose", "when", "while", "but", "because", "where",
];
const CLAUSE_MARKS: [&str; 10] = [";", ":", "(", ")", "[", "]", "«", "»", "?", "!"];

/// French verb endings of the simple future, third person (`rendra`,
/// `entretiendront`, `sera`, `devra`, `mettra`).
const FR_FUTURE_ENDINGS: [&str; 12] = [
    "eront", "iront", "dront", "rront", "vront", "ttront", "era", "ira", "dra", "rra", "vra",
    "ttra",
];
/// French verb endings of the conditional, third person (`bloquerait`,
/// `viendraient`).
const FR_CONDITIONAL_ENDINGS: [&str; 8] = [
    "erait", "eraient", "irait", "iraient", "drait", "draient", "rrait", "rraient",
];
/// Words with those endings that are not verbs in the future.
const FR_NOT_FUTURE: [&str; 15] = [
    "camera", "opera", "riviera", "chimera", "cholera", "vera", "lira", "mira", "tira", "sierra",
    "terra", "hydra", "toundra", "tundra", "cathedra",
];
const FR_FUTURE_WORDS: [&str; 10] = [
    "ira",
    "iront",
    "aura",
    "auront",
    "saura",
    "sauront",
    "prochain",
    "prochaine",
    "prochains",
    "prochaines",
];
/// What may sit between `va`/`doit` and its infinitive (`va se rendre`,
/// `doit encore participer`).
const FR_CLITICS: [&str; 22] = [
    "se", "s", "me", "m", "te", "t", "nous", "vous", "le", "la", "les", "l", "lui", "leur", "y",
    "en", "ne", "n", "pas", "il", "elle", "on",
];
const FR_ADVERBS: [&str; 6] = [
    "encore",
    "aussi",
    "egalement",
    "bientot",
    "ensuite",
    "notamment",
];
/// Words ending like infinitives that are not.
const FR_NOT_INFINITIVES: [&str; 9] = [
    "notre", "votre", "contre", "entre", "autre", "hier", "premier", "dernier", "leur",
];
const FR_PAST_WORDS: [&str; 12] = [
    "ont",
    "avait",
    "avaient",
    "eu",
    "etait",
    "etaient",
    "fut",
    "furent",
    "hier",
    "dernier",
    "derniere",
    "dernieres",
];
const EN_PAST_WORDS: [&str; 13] = [
    "was",
    "were",
    "had",
    "did",
    "has",
    "have",
    "said",
    "told",
    "met",
    "held",
    "ago",
    "yesterday",
    "last",
];
/// Verbs that fix the date of a happening, before its `for`/`au` (folded,
/// as tokens are compared).
const DATE_FIXING_VERBS: [&str; 24] = [
    "set",
    "scheduled",
    "rescheduled",
    "slated",
    "fixed",
    "postponed",
    "adjourned",
    "delayed",
    "fixe",
    "fixee",
    "fixes",
    "fixees",
    "renvoye",
    "renvoyee",
    "renvoyes",
    "renvoyees",
    "reporte",
    "reportee",
    "reportes",
    "reportees",
    "ajourne",
    "ajournee",
    "repousse",
    "repoussee",
];
/// Verbs of scheduled happenings whose simple present speaks of the future
/// (not `visit` or `vote`, more often nouns: `his visit to Moscow on July 5`).
const EN_PRESENT_FOR_FUTURE: [&str; 18] = [
    "meet", "meets", "travel", "travels", "face", "faces", "host", "hosts", "fly", "flies",
    "resume", "resumes", "convene", "convenes", "gather", "gathers", "arrive", "arrives",
];
/// Before a word in `-ed` when it is a participle, not a past.
const EN_NOT_BEFORE_PAST: [&str; 12] = [
    "is", "are", "be", "been", "being", "was", "were", "will", "to", "am", "get", "gets",
];
/// Before such a verb when it is an infinitive, a past or a noun.
const EN_NOT_BEFORE_PRESENT: [&str; 16] = [
    "to", "did", "would", "could", "should", "might", "may", "must", "can", "the", "a", "an",
    "his", "her", "its", "their",
];
/// Before `will` when it is the noun (`the will of the people`).
const EN_WILL_NOUN_BEFORE: [&str; 12] = [
    "the",
    "a",
    "political",
    "his",
    "her",
    "its",
    "their",
    "our",
    "good",
    "free",
    "popular",
    "own",
];
/// Between `is` and `to` in a scheduled future (`is due to arrive`).
const EN_SCHEDULE_WORDS: [&str; 8] = [
    "due",
    "expected",
    "set",
    "scheduled",
    "slated",
    "going",
    "poised",
    "about",
];
/// After `is` when, without a verb, it schedules an arrival (`is expected
/// in Paris`): not `set` nor `about`, which take other senses there.
const EN_SCHEDULED_ARRIVALS: [&str; 4] = ["expected", "due", "scheduled", "slated"];
/// After `is expected` or `is due`: where or when (`is due in court`, `is
/// expected back on Monday`), not what (`is due to the fact`, `is expected
/// of him`).
const EN_SCHEDULE_PLACES: [&str; 7] = ["in", "at", "on", "back", "for", "later", "home"];
/// Before `is to` when it states an aim, not a future (`the goal is to`).
const EN_AIM_NOUNS: [&str; 12] = [
    "aim",
    "goal",
    "plan",
    "idea",
    "objective",
    "purpose",
    "task",
    "job",
    "priority",
    "mission",
    "intention",
    "hope",
];
const EN_DETERMINERS: [&str; 12] = [
    "the", "a", "an", "his", "her", "its", "their", "this", "that", "these", "those", "our",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
}

impl Scan<'_> {
    /// Whether the weekday at token `idx` is spoken of in the future: the
    /// tense of the verb nearest before it (verbs precede their dates in both
    /// languages), else after it, in its comma-bounded segment, then in its
    /// clause; else whether the sentence has any future at all.
    pub(super) fn future_at(&self, idx: usize) -> bool {
        [true, false]
            .into_iter()
            .find_map(|soft| {
                let (s, e) = self.clause_bounds(idx, soft);
                self.nearest_marker(s, idx, e)
            })
            .map_or_else(|| self.any_future(), |t| t == Tense::Future)
    }

    /// Whether the clause of token `idx` is marked for the future: as
    /// [`Scan::future_at`], but a clause without a tense marker of its own
    /// is not future, whatever the rest of the sentence says.
    pub(super) fn future_marked_at(&self, idx: usize) -> bool {
        self.fixed_for(idx)
            || [true, false].into_iter().find_map(|soft| {
                let (s, e) = self.clause_bounds(idx, soft);
                self.nearest_marker(s, idx, e)
            }) == Some(Tense::Future)
    }

    /// `set the sentencing for Feb. 20`, `l'audience a été renvoyée au 12
    /// mars`: a date after the `for`/`au` of a verb that fixes a happening's
    /// date lies ahead of the fixing, whatever the verb's tense.
    fn fixed_for(&self, idx: usize) -> bool {
        let Some(p) = self.prev_word(idx) else {
            return false;
        };
        if !self.word_in(p, &["for", "au"]) {
            return false;
        }
        let (s, _) = self.clause_bounds(idx, false);
        (s..p)
            .rev()
            .take(6)
            .any(|j| self.word_in(j, &DATE_FIXING_VERBS))
    }

    fn clause_bounds(&self, idx: usize, soft: bool) -> (usize, usize) {
        let start = (0..idx)
            .rev()
            .find(|&j| self.is_boundary(j, soft))
            .map_or(0, |j| j + 1);
        let end = (idx + 1..self.toks.len())
            .find(|&j| self.is_boundary(j, soft))
            .unwrap_or(self.toks.len());
        (start, end)
    }

    fn is_boundary(&self, j: usize, soft: bool) -> bool {
        let words: &[&str] = match self.lang {
            Lang::Fr => &FR_CLAUSE_WORDS,
            Lang::En => &EN_CLAUSE_WORDS,
        };
        self.punct_in(j, &CLAUSE_MARKS) || self.word_in(j, words) || (soft && self.is_punct(j, ","))
    }

    /// The tense marker of `s..e` nearest before `idx`, else nearest after
    /// (`a rencontré lundi X et se rendra jeudi`: each day its own verb).
    fn nearest_marker(&self, s: usize, idx: usize, e: usize) -> Option<Tense> {
        (s..idx)
            .rev()
            .find_map(|j| self.marker(j))
            .or_else(|| (idx + 1..e).find_map(|j| self.marker(j)))
    }

    pub(super) fn any_future(&self) -> bool {
        (0..self.toks.len()).any(|j| self.marker(j) == Some(Tense::Future))
    }

    fn marker(&self, j: usize) -> Option<Tense> {
        let t = self.tok(j).filter(|t| t.kind == Kind::Word)?;
        match self.lang {
            Lang::Fr => self.marker_fr(j, t),
            Lang::En => self.marker_en(j, t),
        }
    }

    fn marker_fr(&self, j: usize, t: &Tok<'_>) -> Option<Tense> {
        let w = t.norm.as_ref();
        // `a` the auxiliary, not `à`.
        let past = t.raw == "a"
            || FR_PAST_WORDS.contains(&w)
            || (w == "est" && self.prev_word(j).is_some_and(|p| self.is_word(p, "s")))
            || (w == "sont" && self.prev_word(j).is_some_and(|p| self.is_word(p, "se")));
        if past {
            return Some(Tense::Past);
        }
        let future = FR_FUTURE_WORDS.contains(&w)
            || (!t.capitalised() && (is_fr_future_form(w) || is_fr_conditional_form(w)))
            || (matches!(
                w,
                "va" | "vont" | "doit" | "doivent" | "devrait" | "devraient"
            ) && self.infinitive_follows(j + 1))
            || (w == "venir" && j.checked_sub(1).is_some_and(|p| self.is_a_grave(p)))
            || ((w.starts_with("prevu") || w.starts_with("attendu"))
                && self
                    .prev_word(j)
                    .is_some_and(|p| self.word_in(p, &["est", "sont"])));
        future.then_some(Tense::Future)
    }

    /// An infinitive after `va`, `doit`..., past clitics and adverbs (`va se
    /// rendre`, `doit encore participer`).
    fn infinitive_follows(&self, mut k: usize) -> bool {
        for _ in 0..6 {
            if self.punct_in(k, &["'", "-"])
                || self.word_in(k, &FR_CLITICS)
                || self.word_in(k, &FR_ADVERBS)
            {
                k += 1;
            } else {
                break;
            }
        }
        self.word(k).is_some_and(|w| {
            w.len() >= 3
                && ["er", "ir", "re", "oir"].iter().any(|s| w.ends_with(s))
                && !FR_NOT_INFINITIVES.contains(&w)
        })
    }

    fn marker_en(&self, j: usize, t: &Tok<'_>) -> Option<Tense> {
        let w = t.norm.as_ref();
        let wont = self.is_punct(j + 1, "'") && self.is_word(j + 2, "t");
        if w == "won" && !wont {
            return Some(Tense::Past);
        }
        if self.present_for_future(j, t) {
            return Some(Tense::Future);
        }
        if self.regular_past(j, t) {
            return Some(Tense::Past);
        }
        if EN_PAST_WORDS.contains(&w) {
            // `will be held`: a passive participle, not a past tense.
            let passive = self
                .prev_word(j)
                .is_some_and(|p| self.word_in(p, &["be", "been", "being"]));
            return (!passive).then_some(Tense::Past);
        }
        let future = match w {
            "will" => {
                t.raw == "will"
                    && !self
                        .prev_word(j)
                        .is_some_and(|p| self.word_in(p, &EN_WILL_NOUN_BEFORE))
                    && self.word(j + 1).is_some_and(|n| n != "of")
            }
            "shall" | "tomorrow" | "upcoming" | "forthcoming" => true,
            // The future seen from a past saying (`said it would walk out
            // from Tuesday`), not the past of `would have`.
            "would" => !self.word_in(j + 1, &["have", "not", "n"]),
            "ll" => self.glued(j) && j.checked_sub(1).is_some_and(|p| self.is_punct(p, "'")),
            "won" => wont,
            "next" => !self.word_in(j + 1, &["to", "day", "morning", "door"]),
            "is" | "are" | "am" => self.be_to_follows(j),
            _ => false,
        };
        future.then_some(Tense::Future)
    }

    /// A verb of a scheduled happening in the simple present, which news
    /// uses for what is to come (`leaders meet in Brussels on Thursday`,
    /// `Villa travel to Turin on Wednesday`): not after `to`, a modal or a
    /// determiner (`agreed to meet`, `the visit`), nor capitalised (a
    /// headline's present tells what happened).
    fn present_for_future(&self, j: usize, t: &Tok<'_>) -> bool {
        if t.capitalised() || !EN_PRESENT_FOR_FUTURE.contains(&t.norm.as_ref()) {
            return false;
        }
        !self
            .prev_word(j)
            .is_some_and(|p| self.word_in(p, &EN_NOT_BEFORE_PRESENT))
    }

    /// A regular past (`qualified`, `signed`): a lower-case word in `-ed`
    /// that no form of `be`, `will` or `to` precedes (`is expected`, `will
    /// be held`) and no determiner (`the planned visit`).
    fn regular_past(&self, j: usize, t: &Tok<'_>) -> bool {
        let w = t.norm.as_ref();
        w.len() > 4
            && w.ends_with("ed")
            && !t.capitalised()
            && !self.prev_word(j).is_some_and(|p| {
                self.word_in(p, &EN_NOT_BEFORE_PAST) || self.word_in(p, &EN_DETERMINERS)
            })
    }

    /// `is to meet`, `are due to arrive`, `is expected to`: not `the goal
    /// is to`, nor `is due to the fact`.
    fn be_to_follows(&self, j: usize) -> bool {
        if self
            .prev_word(j)
            .is_some_and(|p| self.word_in(p, &EN_AIM_NOUNS))
        {
            return false;
        }
        // `is expected in New York on Monday`, `is due in court`: a
        // schedule word with its place or time, no verb.
        if self.word_in(j + 1, &EN_SCHEDULED_ARRIVALS) && self.word_in(j + 2, &EN_SCHEDULE_PLACES) {
            return true;
        }
        let k = if self.word_in(j + 1, &EN_SCHEDULE_WORDS) {
            j + 2
        } else {
            j + 1
        };
        self.is_word(k, "to")
            && self
                .word(k + 1)
                .is_some_and(|w| !EN_DETERMINERS.contains(&w))
    }
}

/// A French verb in the conditional, third person, by its ending: in news
/// the future seen from a past saying (`a prévenu qu'elle bloquerait dès
/// jeudi`). Not `aurait`/`serait`, the auxiliaries of the conditional that
/// reports an unconfirmed past (`il aurait été tué lundi`).
fn is_fr_conditional_form(w: &str) -> bool {
    w.len() >= 6
        && FR_CONDITIONAL_ENDINGS.iter().any(|e| w.ends_with(e))
        && !matches!(w, "aurait" | "auraient" | "serait" | "seraient")
}

/// A French verb in the simple future, third person, by its ending.
fn is_fr_future_form(w: &str) -> bool {
    w.len() >= 4 && FR_FUTURE_ENDINGS.iter().any(|e| w.ends_with(e)) && !FR_NOT_FUTURE.contains(&w)
}
