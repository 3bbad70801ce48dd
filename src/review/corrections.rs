//! The corrections file (`corrections.jsonl`, beside the review marks):
//! one correction per line, as JSON, oldest first, readable and editable
//! by hand. A new correction is appended in one write; undo rewrites the
//! file without its last correction, through a temporary file renamed
//! over it, so that the file is whole at every moment. A line that cannot
//! be read is named in a warning and kept, never dropped.

use std::fs;
use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use crate::model::corrections::Correction;

/// The corrections file of a state path: `corrections.jsonl` in its folder.
pub fn beside(state: &Path) -> PathBuf {
    super::persist::snapshot::parent_of(&super::persist::snapshot::resolve(state))
        .join("corrections.jsonl")
}

/// The corrections in the file, and a warning per line that is not one
/// (`file:line: why`). A missing file holds none.
pub fn read(path: &Path) -> (Vec<Correction>, Vec<String>) {
    let bytes = match super::persist::snapshot::read_regular(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return (Vec::new(), Vec::new()),
        Err(e) => return (Vec::new(), vec![format!("{}: {e}", path.display())]),
    };
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<Correction>(line) {
            Ok(c) => out.push(c),
            Err(e) => warnings.push(format!(
                "{}:{}: not a correction ({e}); left as it is",
                path.display(),
                i + 1
            )),
        }
    }
    (out, warnings)
}

/// Appends one correction, synced.
pub fn append(path: &Path, c: &Correction) -> io::Result<()> {
    super::persist::snapshot::create_dir(super::persist::snapshot::parent_of(path))?;
    let mut line = serde_json::to_vec(c).expect("a correction serialises: strings");
    line.push(b'\n');
    let mut f = fs::OpenOptions::new()
        .append(true)
        .create(true)
        .mode(0o600)
        .open(path)?;
    // A file not ending in a newline (edited by hand) would glue the new
    // line to its last one.
    if f.metadata()?.len() > 0 && !ends_with_newline(path)? {
        line.insert(0, b'\n');
    }
    f.write_all(&line)?;
    f.sync_data()
}

fn ends_with_newline(path: &Path) -> io::Result<bool> {
    use std::io::{Read, Seek, SeekFrom};
    let mut f = fs::File::open(path)?;
    f.seek(SeekFrom::End(-1))?;
    let mut last = [0u8; 1];
    f.read_exact(&mut last)?;
    Ok(last[0] == b'\n')
}

/// Removes the last correction (lines that are not corrections stay);
/// returns it, or `None` when there is none.
pub fn undo(path: &Path) -> io::Result<Option<Correction>> {
    let bytes = match super::persist::snapshot::read_regular(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    let Some((at, removed)) = lines
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, l)| serde_json::from_slice::<Correction>(l).ok().map(|c| (i, c)))
    else {
        return Ok(None);
    };
    let mut kept: Vec<u8> = Vec::with_capacity(bytes.len());
    for (i, l) in lines.iter().enumerate() {
        if i != at && !l.is_empty() {
            kept.extend_from_slice(l);
            kept.push(b'\n');
        }
    }
    let dir = super::persist::snapshot::parent_of(path);
    let mut temp = tempfile::Builder::new()
        .prefix(".corrections.jsonl.tmp-")
        .tempfile_in(dir)?;
    temp.write_all(&kept)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(Some(removed))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn merge(a: &str, b: &str) -> Correction {
        Correction::Merge {
            entity: a.into(),
            into: b.into(),
        }
    }

    #[test]
    fn corrections_append_read_and_undo() {
        let dir = tempfile::tempdir().unwrap();
        let path = beside(&dir.path().join("state/state.json"));
        assert_eq!(path, dir.path().join("state/corrections.jsonl"));
        assert_eq!(read(&path), (vec![], vec![]));
        append(&path, &merge("A", "B")).unwrap();
        append(&path, &Correction::Hide { entity: "C".into() }).unwrap();
        assert_eq!(read(&path).0.len(), 2);
        assert_eq!(
            undo(&path).unwrap(),
            Some(Correction::Hide { entity: "C".into() })
        );
        assert_eq!(read(&path).0, [merge("A", "B")]);
    }

    #[test]
    fn a_bad_line_is_named_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("corrections.jsonl");
        fs::write(
            &path,
            "{\"merge\":{\"entity\":\"A\",\"into\":\"B\"}}\nmy note",
        )
        .unwrap();
        let (list, warnings) = read(&path);
        assert_eq!(list, [merge("A", "B")]);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("corrections.jsonl:2"), "{warnings:?}");
        // Appending after a line without its newline starts a new line.
        append(&path, &merge("C", "D")).unwrap();
        assert_eq!(read(&path).0, [merge("A", "B"), merge("C", "D")]);
        undo(&path).unwrap();
        undo(&path).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "my note\n");
        assert_eq!(undo(&path).unwrap(), None);
    }
}
