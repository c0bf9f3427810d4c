//! Parse throughput over a folder of notes (the language server parses a whole vault on
//! start). Reads every `.md` file under DIR into memory first, then times parsing only.
//!
//! ```text
//! python3 tools/gen-vault/gen_vault.py /tmp/vault 1000
//! cargo run --release -p notedeck-parse --example parse_vault -- /tmp/vault
//! ```
//!
//! On a busy machine wall time is noisy; `perf stat -e instructions` over
//! `parse_vault DIR 3 --no-baseline` counts work independent of load.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: parse_vault DIR [ROUNDS] [--no-baseline]");
        return ExitCode::from(2);
    };
    let rounds: usize = std::env::args()
        .nth(2)
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let mut files = Vec::new();
    collect(Path::new(&dir), &mut files);
    let notes: Vec<(String, String)> = files
        .iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(p).ok()?;
            let stem = p.file_stem()?.to_string_lossy().into_owned();
            Some((stem, text))
        })
        .collect();
    let bytes: usize = notes.iter().map(|(_, t)| t.len()).sum();
    let mut times = Vec::new();
    let mut cpu = Vec::new();
    let mut cards = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        let cpu_start = on_cpu_ns();
        cards = 0;
        for (stem, text) in &notes {
            let doc = notedeck_parse::parse(text, stem);
            cards += doc.cards.len();
        }
        times.push(start.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (cpu_start, on_cpu_ns()) {
            cpu.push((b - a) as f64 / 1e9);
        }
    }
    times.sort_by(f64::total_cmp);
    cpu.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    // Baseline: pulldown-cmark's own pass over the same text, which parse() makes once.
    // `ROUNDS 0` skips it (for counting instructions of parse() alone with `perf stat`).
    let base_rounds = if std::env::args()
        .nth(3)
        .is_some_and(|a| a == "--no-baseline")
    {
        0
    } else {
        rounds
    };
    let mut base = Vec::new();
    for _ in 0..base_rounds {
        let start = Instant::now();
        let mut events = 0usize;
        for (_, text) in &notes {
            let options = pulldown_cmark::Options::ENABLE_TABLES
                | pulldown_cmark::Options::ENABLE_STRIKETHROUGH
                | pulldown_cmark::Options::ENABLE_MATH;
            events += pulldown_cmark::Parser::new_ext(text, options)
                .into_offset_iter()
                .count();
        }
        std::hint::black_box(events);
        base.push(start.elapsed().as_secs_f64());
    }
    base.sort_by(f64::total_cmp);
    if let Some(b) = base.get(base.len() / 2) {
        println!("pulldown-cmark alone: median {:.0} ms", b * 1e3);
    }
    println!(
        "{} files, {:.1} MB, {} cards: median {:.0} ms over {} rounds ({:.0} MB/s; min {:.0} ms, max {:.0} ms)",
        notes.len(),
        bytes as f64 / 1e6,
        cards,
        median * 1e3,
        rounds,
        bytes as f64 / 1e6 / median,
        times[0] * 1e3,
        times[times.len() - 1] * 1e3,
    );
    if let Some(c) = cpu.get(cpu.len() / 2) {
        // On a shared machine the process waits for a core; time on a core is what parse costs.
        println!(
            "on-CPU time: median {:.0} ms ({:.0} MB/s)",
            c * 1e3,
            bytes as f64 / 1e6 / c
        );
    }
    ExitCode::SUCCESS
}

/// Nanoseconds this thread has run on a CPU (Linux `/proc/thread-self/schedstat`).
fn on_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "md") {
            out.push(p);
        }
    }
}
