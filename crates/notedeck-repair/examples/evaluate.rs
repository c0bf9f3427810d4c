//! Accuracy and speed of the encoding repair (documented in the README's `repair` section).
//!
//! ```sh
//! # a damaged file against its known original
//! cargo run --release -p notedeck-repair --example evaluate -- pair DAMAGED ORIGINAL
//! # clean UTF-8 texts, damaged here as Windows-1254 (the notes' damage), then repaired;
//! # with EVALUATE_LIST=1 every wrong character is listed, as `pair` does
//! cargo run --release -p notedeck-repair --example evaluate -- simulate FILE...
//! # every line reports: characters restored (those that lost a byte), how many are wrong, how
//! # many are reported uncertain, and how many wrong ones are not (the editor's hints miss them)
//! # repair speed on about 1 MB of damaged text built by repeating FILE
//! cargo run --release -p notedeck-repair --example evaluate -- speed DAMAGED
//! ```

use notedeck_repair::{CodePage, Repair, repair, simulate_damage};
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("pair") if args.len() == 3 => pair(&args[1], &args[2]),
        Some("simulate") if args.len() >= 2 => simulate(&args[1..]),
        Some("speed") if args.len() == 2 => speed(&args[1]),
        _ => Err("usage: evaluate pair DAMAGED ORIGINAL | simulate FILE... | speed DAMAGED".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(2)
        }
    }
}

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
}

fn pair(damaged: &str, original: &str) -> Result<(), String> {
    let damaged_text = read(damaged)?;
    let original_text = read(original)?;
    let started = Instant::now();
    let repaired = repair(&damaged_text);
    let elapsed = started.elapsed();
    report(
        damaged,
        &original_text,
        &repaired,
        elapsed.as_secs_f64(),
        true,
    );
    Ok(())
}

fn simulate(files: &[String]) -> Result<(), String> {
    let mut all = Score::default();
    for file in files {
        let original = read(file)?;
        let damaged = simulate_damage(&original, CodePage::Windows1254);
        let started = Instant::now();
        let repaired = repair(&damaged);
        let score = report(
            file,
            &original,
            &repaired,
            started.elapsed().as_secs_f64(),
            std::env::var_os("EVALUATE_LIST").is_some(),
        );
        all.add(&score);
    }
    if files.len() > 1 {
        all.print("all files");
    }
    Ok(())
}

fn speed(damaged: &str) -> Result<(), String> {
    let text = read(damaged)?;
    let mut big = String::new();
    while big.len() < 1_000_000 {
        big.push_str(&text);
        big.push('\n');
    }
    // The first call also parses the model; time it separately.
    let started = Instant::now();
    let _ = notedeck_repair::detect("");
    let _ = repair("ì—ëŸ‰í‰ê°€ ì •ë¦¬");
    let load = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let repaired = repair(&big);
    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "model load {:.3} s; repaired {} bytes ({} restored characters) in {:.3} s ({:.2} MB/s)",
        load,
        big.len(),
        repaired.restored.len(),
        elapsed,
        big.len() as f64 / 1e6 / elapsed
    );
    let started = Instant::now();
    let clean = repaired.text;
    let detected = notedeck_repair::detect(&clean);
    println!(
        "detect on {} bytes of clean text: {:?} in {:.4} s",
        clean.len(),
        detected.map(|d| d.damaged_chars),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

#[derive(Default)]
struct Score {
    damaged: usize,
    exact: usize,
    other_changed: usize,
    uncertain: usize,
    wrong_flagged: usize,
}

impl Score {
    fn add(&mut self, other: &Score) {
        self.damaged += other.damaged;
        self.exact += other.exact;
        self.other_changed += other.other_changed;
        self.uncertain += other.uncertain;
        self.wrong_flagged += other.wrong_flagged;
    }

    fn print(&self, name: &str) {
        let wrong = self.damaged - self.exact;
        println!(
            "{name}: {} restored, {} wrong ({:.2}% exact), {} uncertain, {} wrong not flagged \
             uncertain; {} other characters changed",
            self.damaged,
            wrong,
            100.0 * self.exact as f64 / self.damaged.max(1) as f64,
            self.uncertain,
            wrong - self.wrong_flagged,
            self.other_changed,
        );
    }
}

fn report(name: &str, original: &str, repaired: &Repair, secs: f64, show: bool) -> Score {
    let mut score = Score::default();
    let by_offset: std::collections::HashMap<usize, &notedeck_repair::Restored> = repaired
        .restored
        .iter()
        .map(|r| (r.span_in_output.start, r))
        .collect();
    let out: Vec<(usize, char)> = repaired.text.char_indices().collect();
    let orig: Vec<char> = original.chars().collect();
    if out.len() != orig.len() {
        println!(
            "{name}: repaired text has {} characters, original {}",
            out.len(),
            orig.len()
        );
    }
    for (i, (&(offset, got), &want)) in out.iter().zip(&orig).enumerate() {
        match by_offset.get(&offset) {
            Some(r) => {
                score.damaged += 1;
                if r.is_uncertain() {
                    score.uncertain += 1;
                }
                if got == want {
                    score.exact += 1;
                } else {
                    if r.is_uncertain() {
                        score.wrong_flagged += 1;
                    }
                    if show {
                        let ctx: String = orig[i.saturating_sub(6)..(i + 6).min(orig.len())]
                            .iter()
                            .collect();
                        let offered = r.alternatives.iter().any(|&(c, _)| c == want);
                        println!(
                            "  line {}: {want} restored as {got} ({:.4}{}{}) in {:?}",
                            r.line,
                            r.confidence,
                            if r.is_uncertain() {
                                ", uncertain"
                            } else {
                                ", NOT FLAGGED"
                            },
                            if offered {
                                ""
                            } else {
                                ", not among the alternatives"
                            },
                            ctx
                        );
                    }
                }
            }
            None if got != want => score.other_changed += 1,
            None => {}
        }
    }
    score.print(&format!("{name} ({secs:.3} s)"));
    score
}
