//! Time what the language server does after an edit: `set()` of one changed file followed by
//! `check_file()` on it, in a loaded vault. Also times loading and `check_all()`.
//!
//! ```sh
//! python3 tools/gen-vault/gen_vault.py /tmp/vault 1000
//! cargo run --release -p notedeck-check --example edit_timing -- /tmp/vault
//! ```

use notedeck_check::Workspace;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn main() {
    let Some(root) = std::env::args().nth(1) else {
        eprintln!("usage: edit_timing VAULT_DIR");
        std::process::exit(2);
    };
    let mut files = Vec::new();
    walk(Path::new(&root), &mut files);
    files.sort();
    let texts: Vec<(PathBuf, String)> = files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok().map(|t| (p.clone(), t)))
        .collect();
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();

    let mut ws = Workspace::new();
    let start = Instant::now();
    ws.set_many(texts.clone());
    let load = start.elapsed();
    let start = Instant::now();
    let all = ws.check_all();
    let check_all = start.elapsed();
    println!(
        "{} files, {:.1} MB: parse {:?}, check_all {:?} ({} findings)",
        texts.len(),
        bytes as f64 / 1e6,
        load,
        check_all,
        all.len()
    );
    let mut by_code = std::collections::BTreeMap::new();
    for f in &all {
        *by_code.entry(f.code.as_str()).or_insert(0) += 1;
    }
    println!("{by_code:?}");

    // Edit the file with the most findings (it shares keys with many others), 21 times.
    let (path, text) = texts
        .iter()
        .max_by_key(|(p, _)| all.iter().filter(|f| &f.path == p).count())
        .cloned()
        .unwrap_or_default();
    let mut set_times: Vec<Duration> = Vec::new();
    let mut check_times: Vec<Duration> = Vec::new();
    let runs: usize = std::env::var("EDIT_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(21);
    for i in 0..runs {
        let edited = format!("{text}\n- 수정 {i}: LoRA (Low-Rank Adaptation)\n");
        let start = Instant::now();
        ws.set(path.clone(), &edited);
        set_times.push(start.elapsed());
        let start = Instant::now();
        let found = ws.check_file(&path);
        check_times.push(start.elapsed());
        std::hint::black_box(found);
    }
    set_times.sort();
    check_times.sort();
    println!(
        "after editing {} ({} KB): set() median {:?}, check_file() median {:?} (max {:?})",
        path.display(),
        text.len() / 1024,
        set_times[set_times.len() / 2],
        check_times[check_times.len() / 2],
        check_times[check_times.len() - 1]
    );
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
}
