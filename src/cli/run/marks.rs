//! The commands that change the analyst's work: `mark`, `correct`, and
//! `corrections`, which lists what was corrected.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::bail;

use super::say;
use super::setup::{
    corrections_path, load_config, load_marks, load_model, selection, since, state_path,
    with_fresh, with_saving,
};
use crate::cli::{CorrectCommand, CorrectionArgs, Global, MarkArgs, Select, output::printable};
use crate::{review, search};

/// `revue mark MARK --query Q`: the mark set (or cleared) on every
/// matching article, through the same change log as the dashboard's.
pub(super) fn mark(args: MarkArgs, outer: &Select, global: &Global) -> anyhow::Result<ExitCode> {
    let select = args.select.clone().or(outer);
    let loaded = load_config(global)?;
    let (_, query) = selection(&loaded, &select)?;
    let query = with_fresh(query, &args.fresh);
    let since = since(&args.fresh)?;
    let Some(path) = state_path(global, &loaded) else {
        bail!("--no-state: marks would not be saved");
    };
    let model = load_model(&select, &loaded, global);
    with_saving(&model, || {
        let corpus = &model.corpus;
        let (book, marks, warning, store) = load_marks(Some(&path), corpus, since);
        if let Some(w) = warning {
            eprintln!("revue: warning: {}", printable(&w));
        }
        let view = search::filter_marked(corpus, &model.index, &query, &marks);
        let (which, on) = args.mark.mark();
        let mut targets: Vec<crate::model::ArticleId> = view.articles.clone();
        if args.stories {
            for &a in &view.articles {
                targets.extend(corpus.story_of(a).members.iter().map(|m| m.article));
            }
        }
        // Copies share a text key: each key is changed once.
        let mut keys: Vec<&str> = targets
            .iter()
            .map(|&a| corpus.article(a).text_key.as_str())
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let changes: Vec<review::Change> = keys
            .iter()
            .filter(|k| book.get(k).get(which) != on)
            .map(|k| review::Change {
                key: k.to_string(),
                mark: which,
                on,
            })
            .collect();
        let store = store.expect("a state path gives a store");
        if !changes.is_empty() && store.append(&changes)? > review::persist::COMPACT_AT {
            store.compact()?;
        }
        let verb = format!("{:?}", args.mark).to_lowercase();
        say(&format!(
            "{} of {} matching articles changed ({verb})",
            changes.len(),
            targets.len()
        ))?;
        Ok(if view.articles.is_empty() {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        })
    })
}

/// `revue correct …`: checks the correction against the corpus it is
/// made on (a name no entity has is refused, with the nearest names),
/// then appends it to the corrections file.
pub(super) fn correct(
    action: CorrectCommand,
    outer: &Select,
    global: &Global,
) -> anyhow::Result<ExitCode> {
    use crate::model::corrections::{self, Correction, EventRef};
    let loaded = load_config(global)?;
    let Some(path) = corrections_path(global, &loaded) else {
        bail!("--no-state: corrections live beside the review marks, which are off");
    };
    let on = match &action {
        CorrectCommand::Undo => {
            return match review::corrections::undo(&path)? {
                Some(c) => {
                    say(&format!("undone: {}", printable(&c.describe())))?;
                    Ok(ExitCode::SUCCESS)
                }
                None => {
                    eprintln!("revue: no correction to undo");
                    Ok(ExitCode::from(1))
                }
            };
        }
        CorrectCommand::Merge { on, .. }
        | CorrectCommand::Split { on, .. }
        | CorrectCommand::Retype { on, .. }
        | CorrectCommand::Hide { on, .. }
        | CorrectCommand::HideEvent { on, .. }
        | CorrectCommand::RetypeEvent { on, .. } => on,
    };
    let select = Select {
        paths: on.paths.clone(),
        ..Select::default()
    }
    .or(outer);
    let model = load_model(&select, &loaded, global);
    let corpus = &model.corpus;
    let entity = |name: &str| -> anyhow::Result<String> {
        match corpus.find_entity(name) {
            Some(_) => Ok(name.to_string()),
            None => bail!("no entity named \"{}\" in this corpus", printable(name)),
        }
    };
    let event = |id: u32| -> anyhow::Result<EventRef> {
        EventRef::of(corpus, crate::model::EventId(id))
            .ok_or_else(|| anyhow::anyhow!("no event {id} (event ids run from 0)"))
    };
    let c = match action {
        CorrectCommand::Merge { name, into, .. } => Correction::Merge {
            entity: entity(&name)?,
            into: entity(&into)?,
        },
        CorrectCommand::Split { name, alias, .. } => Correction::Split {
            entity: entity(&name)?,
            alias,
        },
        CorrectCommand::Retype { name, kind, .. } => Correction::Retype {
            entity: entity(&name)?,
            kind: corrections::kind_of(&kind).ok_or_else(|| {
                anyhow::anyhow!("unknown entity type `{kind}` (person, place, org or misc)")
            })?,
        },
        CorrectCommand::Hide { name, .. } => Correction::Hide {
            entity: entity(&name)?,
        },
        CorrectCommand::HideEvent { id, .. } => Correction::HideEvent { event: event(id)? },
        CorrectCommand::RetypeEvent { id, kind, .. } => Correction::RetypeEvent {
            event: event(id)?,
            subtype: corrections::subtype_of(&kind)
                .ok_or_else(|| anyhow::anyhow!("unknown event type `{kind}`"))?,
        },
        CorrectCommand::Undo => unreachable!("handled above"),
    };
    // Checked on the corpus as it is now: a correction that would change
    // nothing is refused rather than saved to puzzle later.
    let mut trial = corpus.clone();
    if corrections::apply(&mut trial, std::slice::from_ref(&c)) != [true] {
        bail!(
            "{}: changes nothing in this corpus",
            printable(&c.describe())
        );
    }
    review::corrections::append(&path, &c)?;
    say(&format!(
        "{} (saved in {})",
        printable(&c.describe()),
        printable(&path.display().to_string())
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// `revue corrections`: each correction, and whether it still finds what
/// it names in the corpus (`not found` once the name is gone).
pub(super) fn corrections(
    on: CorrectionArgs,
    outer: &Select,
    global: &Global,
) -> anyhow::Result<ExitCode> {
    let mut loaded = load_config(global)?;
    let Some(path) = corrections_path(global, &loaded) else {
        bail!("--no-state: corrections live beside the review marks, which are off");
    };
    let list = std::mem::take(&mut loaded.corrections);
    if list.is_empty() {
        eprintln!(
            "revue: no corrections in {}",
            printable(&path.display().to_string())
        );
        return Ok(ExitCode::from(1));
    }
    let select = Select {
        paths: on.paths,
        ..Select::default()
    }
    .or(outer);
    // The corpus without the corrections, to apply them one by one.
    let mut corpus = crate::load_corpus(&select.paths, &loaded);
    let applied = crate::model::corrections::apply(&mut corpus, &list);
    let mut out = BufWriter::new(io::stdout().lock());
    for (i, (c, ok)) in list.iter().zip(applied).enumerate() {
        let status = if ok { "applies" } else { "not found" };
        writeln!(out, "{}\t{}\t{status}", i + 1, printable(&c.describe()))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
