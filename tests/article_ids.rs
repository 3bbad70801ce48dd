//! Article ids are unique within a corpus and stable: a file's path
//! relative to the corpus folder, `#part` (issue 14). Two folders holding
//! `a.txt` export two ids, in articles, entities, events and evidence
//! alike, and the same ids whatever the folder is called or wherever revue
//! starts; a file named directly keeps its file name.

mod cli_common;

use std::collections::BTreeSet;
use std::path::Path;

use cli_common::{Sandbox, stderr, stdout};

/// A corpus folder with `2017/a.txt` and `2018/a.txt` (two seeds, which
/// have events), under `root`.
fn two_years(root: &Path) {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for (year, seed) in [
        ("2017", "000_547d6bcc8b194531.txt"),
        ("2018", "001_2f1464cb4d1d22d2.txt"),
    ] {
        let dir = root.join(year);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(seeds.join(seed), dir.join("a.txt")).unwrap();
    }
}

fn export(sb: &Sandbox, cwd: &Path, args: &[&str]) -> serde_json::Value {
    let out = sb
        .revue()
        .current_dir(cwd)
        .args(["export", "--format", "json", "--no-state"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

fn ids(v: &serde_json::Value) -> Vec<String> {
    v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn two_folders_with_the_same_file_name_export_distinct_ids() {
    let sb = Sandbox::new();
    two_years(&sb.path().join("corpus"));
    let v = export(&sb, sb.path(), &["corpus"]);
    let ids = ids(&v);
    let unique: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "ids unique: {ids:?}");
    assert!(ids.contains(&"2017/a.txt#1".to_string()), "{ids:?}");
    assert!(ids.contains(&"2018/a.txt#1".to_string()), "{ids:?}");
    for a in v["articles"].as_array().unwrap() {
        let (file, part) = (a["file"].as_str().unwrap(), a["part"].as_u64().unwrap());
        assert_eq!(
            a["id"],
            format!("{file}#{part}"),
            "the file field names the id's file"
        );
    }
    // Every citation names one article, and an article of this export.
    let known: BTreeSet<&str> = ids.iter().map(String::as_str).collect();
    let mut cited = Vec::new();
    for e in v["entities"].as_array().unwrap() {
        cited.extend(e["articles"].as_array().unwrap().iter().cloned());
    }
    for e in v["events"].as_array().unwrap() {
        cited.extend(e["articles"].as_array().unwrap().iter().cloned());
        cited.extend(
            e["evidence"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x["article"].clone()),
        );
    }
    assert!(!cited.is_empty());
    for c in &cited {
        assert!(
            known.contains(c.as_str().unwrap()),
            "{c} is an article's id"
        );
    }
    let years: BTreeSet<&str> = cited
        .iter()
        .filter_map(|c| c.as_str().unwrap().split('/').next())
        .collect();
    assert_eq!(
        years,
        BTreeSet::from(["2017", "2018"]),
        "both files are cited"
    );
}

#[test]
fn ids_do_not_depend_on_the_folder_name_nor_where_revue_starts() {
    let sb = Sandbox::new();
    two_years(&sb.path().join("corpus"));
    let here = ids(&export(&sb, sb.path(), &["corpus"]));
    let again = ids(&export(&sb, sb.path(), &["./corpus/"]));
    let elsewhere = std::env::temp_dir();
    let absolute = sb.path().join("corpus");
    let from_elsewhere = ids(&export(&sb, &elsewhere, &[absolute.to_str().unwrap()]));
    std::fs::rename(sb.path().join("corpus"), sb.path().join("renamed")).unwrap();
    let renamed = ids(&export(&sb, sb.path(), &["renamed"]));
    assert_eq!(here, again);
    assert_eq!(here, from_elsewhere);
    assert_eq!(here, renamed);
}

#[test]
fn files_named_directly_keep_their_names_unless_they_clash() {
    let sb = Sandbox::new();
    two_years(sb.path());
    let v = export(&sb, sb.path(), &["2017/a.txt"]);
    assert_eq!(ids(&v)[0], "a.txt#1");
    let v = export(&sb, sb.path(), &["2017/a.txt", "2018/a.txt"]);
    let ids = ids(&v);
    assert!(ids.contains(&"2017/a.txt#1".to_string()), "{ids:?}");
    assert!(ids.contains(&"2018/a.txt#1".to_string()), "{ids:?}");
}
