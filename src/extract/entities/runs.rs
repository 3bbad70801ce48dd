//! Where one capitalised run holds several names, and where several runs
//! are one name: a role between an organisation or place and a person
//! (`London Mayor Sadiq Khan`, `Transport Secretary Heidi Alexander`), a
//! person and their state (`Sherrod Brown of Ohio`), and English names
//! whose words `and` joins (`Greater Manchester Fire and Rescue Service`).

use super::SentenceScan;
use crate::extract::institutions::{self, Head};

impl SentenceScan<'_> {
    /// `London Mayor Sadiq Khan`: when the words before `k` end with a
    /// title that is not the run's first word, and a person's name of two
    /// words or more (or a known first name) starts at `k`, the words
    /// before the title that the gazetteer knows (`London`). Returns where
    /// that known part ends (`s` when none is known).
    pub(super) fn before_title(&self, s: usize, k: usize, end: usize) -> Option<usize> {
        let t = &self.tokens[k];
        if !t.is_capitalised() || k <= s + 1 {
            return None;
        }
        let person_follows = end - k >= 2 || self.gaz.is_first_name(t.text);
        // (`Acme Chief Executive John Smith`: a word that the title goes
        // on with is the title's, not the person's.)
        if !person_follows
            || !self.gaz.ends_with_person_cue(self.text(s, k))
            || self.gaz.ends_with_person_cue(self.tokens[s].text)
            || self.gaz.kind(t.text).is_none()
                && !self.gaz.is_given_name(t.text)
                && self.gaz.ends_with_person_cue(self.text(s, k + 1))
        {
            return None;
        }
        // Every word before `k` that ends a cue is part of the title
        // (`Prime Minister`, `Secretary`); the longest known name left of it stays.
        // (`ECOWAS Commission President X`: a name that ends with an
        // English head is as good as a known one.)
        let known = (s + 1..k)
            .rev()
            .find(|&p| {
                self.gaz.kind(self.text(s, p)).is_some()
                    || self.english_headed(s, p)
                    // (`RCMP Superintendent X`: so is an acronym.)
                    || p == s + 1 && self.tokens[s].is_acronym()
            })
            .unwrap_or(s);
        Some(known)
    }

    /// `Sherrod Brown of Ohio`, `Kevin Magnussen of Haas`: a name of two
    /// words or more, `of`, then a known place, or anything after a
    /// person's name of two or three words that opens with a given name,
    /// when the whole run is no known name and the first part holds no
    /// organisation head (`Bank of England` stays whole). The index of
    /// `of`.
    pub(super) fn person_of_place(&self, s: usize, end: usize) -> Option<usize> {
        if self.gaz.kind(self.text(s, end)).is_some() {
            return None;
        }
        let of = (s + 2..end.saturating_sub(1)).find(|&k| self.tokens[k].text == "of")?;
        let place = self.text(of + 1, end);
        let is_place = self.gaz.kind(place) == Some(crate::extract::kind::EntityKind::Place);
        let head_before = (s..of).any(|k| self.gaz.is_org_head(self.tokens[k].text));
        let all_capitalised = (s..of).all(|k| self.tokens[k].is_capitalised());
        let person_before = of - s <= 3 && self.gaz.is_given_name(self.tokens[s].text);
        ((is_place || person_before) && !head_before && all_capitalised).then_some(of)
    }

    /// `maire de Valparaíso Daniela Ortúzar`, `ancien maire de Taipei Ko
    /// Wen-je`: a known place of one or two words opening the run, then a person's name of two
    /// words or more that opens with a given name, or any such name when a
    /// role and its `de`/`of` come just before the place. Where the person
    /// starts. (`Paris Saint-Germain`: a place opening a longer known name,
    /// or a rest known as a name of its own, keeps the run whole.)
    pub(super) fn place_before_person(&self, s: usize, end: usize) -> Option<usize> {
        if end < s + 3 {
            return None;
        }
        // A place of one or two words: a run asks the gazetteer at most twice
        // before it is known to hold none.
        let place = |k: usize| {
            self.gaz.kind(self.text(s, k)) == Some(crate::extract::kind::EntityKind::Place)
        };
        let k = [s + 2, s + 1]
            .into_iter()
            .find(|&k| k < end - 1 && place(k))?;
        if self.gaz.kind(self.text(s, end)).is_some() {
            return None;
        }
        if self.gaz.kind(self.text(k, end)).is_some()
            || !(k..end).all(|j| self.tokens[j].is_capitalised())
        {
            return None;
        }
        let before = self.sentence[..self.tokens[s].start].trim_end();
        let after_role = ["de", "d'", "d’", "of"].iter().any(|p| {
            before
                .strip_suffix(p)
                .is_some_and(|b| b.ends_with(' ') && self.gaz.ends_with_person_cue(b.trim_end()))
        });
        (after_role || self.gaz.is_given_name(self.tokens[k].text)).then_some(k)
    }

    /// `Fire and Rescue Service`: whether the run that starts after the
    /// `and` at `j` continues the name that ends there, the name before it
    /// being no person's and no known name of its own (`Britain and
    /// France` are two): when the name after it ends with a head (English
    /// puts the head last: `Service`, `Act`), or when the name before it
    /// is a head and its `of` complement, which the `and` extends with one
    /// or two words that are no known name (`Department of Rehabilitation
    /// and Correction`, `Brotherhood of Locomotive Engineers and Trainmen`).
    pub(super) fn and_continues(&self, start: usize, j: usize, next_end: usize) -> bool {
        let word = self.tokens[j].text;
        if word != "and" || next_end <= j + 1 {
            return false;
        }
        let first = self.tokens[start].text;
        if self.gaz.is_first_name(first) {
            return false;
        }
        let last = self.tokens[next_end - 1].text;
        let headed = match institutions::english_head(first, last) {
            Some(Head::Org | Head::Misc) => true,
            _ => self.gaz.is_org_head(last),
        };
        if headed {
            // (`ITV News and Sky News`: a name of two words or more that
            // ends with its own head before the `and` is complete; what
            // follows is another.)
            let headed_before = j - start >= 2
                && matches!(
                    institutions::english_head(first, self.tokens[j - 1].text),
                    Some(Head::Org | Head::Misc)
                );
            return !headed_before && self.gaz.kind(self.text(start, j)).is_none();
        }
        // (`Centers for Disease Control and Prevention`: a `for` inside
        // the run is as good as a head's `of`.)
        let head_of = (start..j.saturating_sub(2)).any(|k| {
            self.gaz.is_org_head(self.tokens[k].text) && self.tokens[k + 1].text == "of"
                || self.tokens[k + 1].text == "for"
        });
        let known_after = (j + 1..next_end).any(|k| self.gaz.kind(self.tokens[k].text).is_some());
        head_of && next_end - j <= 3 && !known_after
    }
}
