//! The gold scoring of `shared/tools/score.py`, in Rust, so that tests can
//! assert extraction figures on the project's copy of the gold.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde_json::Value;

pub fn norm(s: &str) -> String {
    let f = revue::extract::fold::fold(s).replace('-', " ");
    f.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn base_file(name: &str) -> String {
    let name = name.split('#').next().unwrap_or("");
    name.replace('\\', "/")
        .rsplit('/')
        .next()
        .unwrap_or("")
        .to_string()
}

fn prf(tp_p: usize, n_p: usize, tp_r: usize, n_r: usize) -> f64 {
    let p = if n_p > 0 {
        tp_p as f64 / n_p as f64
    } else {
        0.0
    };
    let r = if n_r > 0 {
        tp_r as f64 / n_r as f64
    } else {
        0.0
    };
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn files_of(v: &Value, amap: &HashMap<String, String>) -> HashSet<String> {
    strs(v)
        .into_iter()
        .map(|r| amap.get(&r).cloned().unwrap_or_else(|| base_file(&r)))
        .collect()
}

/// The figures score.py prints, by name.
pub fn score(gold: &Value, system: &Value) -> BTreeMap<&'static str, f64> {
    let mut out = BTreeMap::new();
    let mut amap = HashMap::new();
    for a in system["articles"].as_array().into_iter().flatten() {
        let f = base_file(a["file"].as_str().or(a["id"].as_str()).unwrap_or(""));
        if let Some(id) = a["id"].as_str() {
            amap.insert(id.to_string(), f.clone());
        }
        amap.insert(f.clone(), f);
    }
    let gents = gold["entities"].as_array().unwrap();
    let mut alias_to_gold: HashMap<String, usize> = HashMap::new();
    for (gi, g) in gents.iter().enumerate() {
        let mut names = strs(&g["aliases"]);
        names.push(g["canonical"].as_str().unwrap().to_string());
        for n in names {
            alias_to_gold.entry(norm(&n)).or_insert(gi);
        }
    }
    let sents = system["entities"].as_array().cloned().unwrap_or_default();
    let mut s_to_g = Vec::new();
    let mut merges = 0;
    for s in &sents {
        let mut forms: HashSet<String> = strs(&s["aliases"]).into_iter().collect();
        forms.insert(s["canonical"].as_str().unwrap_or("").to_string());
        let mut hits: HashMap<usize, usize> = HashMap::new();
        for f in &forms {
            if let Some(&g) = alias_to_gold.get(&norm(f)) {
                *hits.entry(g).or_default() += 1;
            }
        }
        if hits.len() > 1 {
            merges += 1;
        }
        s_to_g.push(
            hits.into_iter()
                .max_by_key(|&(g, n)| (n, std::cmp::Reverse(g)))
                .map(|(g, _)| g),
        );
    }
    let found: HashSet<usize> = s_to_g.iter().flatten().copied().collect();
    let typed: HashSet<usize> = s_to_g
        .iter()
        .zip(&sents)
        .filter_map(|(g, s)| {
            g.filter(|&g| {
                s["type"]
                    .as_str()
                    .unwrap_or("")
                    .eq_ignore_ascii_case(gents[g]["type"].as_str().unwrap())
            })
        })
        .collect();
    let mut per_gold: HashMap<usize, usize> = HashMap::new();
    for g in s_to_g.iter().flatten() {
        *per_gold.entry(*g).or_default() += 1;
    }
    out.insert(
        "entity_f1",
        prf(found.len(), sents.len(), found.len(), gents.len()),
    );
    out.insert(
        "entity_typed_f1",
        prf(typed.len(), sents.len(), typed.len(), gents.len()),
    );
    out.insert(
        "entity_splits",
        per_gold.values().map(|c| c - 1).sum::<usize>() as f64,
    );
    out.insert("entity_merges", merges as f64);
    let gold_pairs: HashSet<(String, String)> = gents
        .iter()
        .enumerate()
        .flat_map(|(gi, g)| {
            strs(&g["articles"])
                .into_iter()
                .map(move |a| (gi.to_string(), base_file(&a)))
        })
        .collect();
    let mut sys_pairs = HashSet::new();
    for (i, s) in sents.iter().enumerate() {
        let key = s_to_g[i].map(|g| g.to_string()).unwrap_or(format!("x{i}"));
        for f in files_of(&s["articles"], &amap) {
            sys_pairs.insert((key.clone(), f));
        }
    }
    let good = sys_pairs.intersection(&gold_pairs).count();
    out.insert(
        "pair_f1",
        prf(good, sys_pairs.len(), good, gold_pairs.len()),
    );

    // Events: same date at the same precision, a shared source, and a shared
    // participant, the place or the type; greedy one-to-one.
    let gevs = gold["events"].as_array().unwrap();
    let sevs = system["events"].as_array().cloned().unwrap_or_default();
    let ids = |v: &Value| -> HashSet<usize> {
        strs(v)
            .iter()
            .filter_map(|x| alias_to_gold.get(&norm(x)).copied())
            .collect()
    };
    let place = |v: &Value| {
        v.as_str()
            .and_then(|p| alias_to_gold.get(&norm(p)).copied())
    };
    let mut used_s = HashSet::new();
    let mut used_g = HashSet::new();
    let mut matches = Vec::new();
    for (si, s) in sevs.iter().enumerate() {
        for (gi, g) in gevs.iter().enumerate() {
            let date_ok = g["date"].as_str().is_some() && s["date"].as_str() == g["date"].as_str();
            if !date_ok {
                continue;
            }
            let gfiles: HashSet<String> =
                strs(&g["articles"]).iter().map(|a| base_file(a)).collect();
            let shared_source = !files_of(&s["articles"], &amap).is_disjoint(&gfiles);
            let same_place = g["place"].is_string()
                && s["place"].is_string()
                && place(&g["place"]) == place(&s["place"]);
            let same_type = s["type"].as_str().unwrap_or("") == g["type"].as_str().unwrap_or("");
            let shared = !ids(&g["participants"]).is_disjoint(&ids(&s["participants"]));
            if shared_source
                && (shared || same_place || same_type)
                && !used_s.contains(&si)
                && !used_g.contains(&gi)
            {
                used_s.insert(si);
                used_g.insert(gi);
                matches.push((si, gi));
            }
        }
    }
    out.insert(
        "event_f1",
        prf(matches.len(), sevs.len(), matches.len(), gevs.len()),
    );
    let jac: Vec<f64> = matches
        .iter()
        .map(|&(si, gi)| {
            let a = files_of(&sevs[si]["articles"], &amap);
            let b: HashSet<String> = strs(&gevs[gi]["articles"])
                .iter()
                .map(|x| base_file(x))
                .collect();
            let u = a.union(&b).count();
            if u == 0 {
                1.0
            } else {
                a.intersection(&b).count() as f64 / u as f64
            }
        })
        .collect();
    out.insert(
        "event_sources_jaccard",
        if jac.is_empty() {
            0.0
        } else {
            jac.iter().sum::<f64>() / jac.len() as f64
        },
    );
    let typed_ev = matches
        .iter()
        .filter(|&&(si, gi)| sevs[si]["type"] == gevs[gi]["type"])
        .count();
    out.insert(
        "event_type_acc",
        if matches.is_empty() {
            0.0
        } else {
            typed_ev as f64 / matches.len() as f64
        },
    );

    // Article dates, exact at the gold precision.
    let (mut total, mut right) = (0, 0);
    for g in gold["articles"].as_array().unwrap() {
        if g["date_source"] == "unknown" || !g["date"].is_string() {
            continue;
        }
        total += 1;
        let file = base_file(g["file"].as_str().unwrap());
        let ok = system["articles"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|a| {
                base_file(a["file"].as_str().or(a["id"].as_str()).unwrap_or("")) == file
                    && (a["part"] == g["part"] || a["part"].is_null())
                    && a["date"] == g["date"]
            });
        right += ok as usize;
    }
    out.insert(
        "article_date_acc",
        if total > 0 {
            right as f64 / total as f64
        } else {
            0.0
        },
    );
    out
}
