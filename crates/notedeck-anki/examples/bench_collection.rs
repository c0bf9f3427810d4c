//! Collection-reading benchmark: how long notedeck takes to snapshot a student's Anki
//! collection (copy it and its WAL) and index its notedeck cards, and how much memory the
//! index holds. Run through `scripts/bench-collection`, which builds a collection of N
//! notedeck notes with a year of reviews with Anki's own library.
//!
//! `bench_collection COLLECTION [--runs R]`: prints one JSON line with the median time of R
//! reads, the notes and cards indexed, and the resident memory the index added.

use notedeck_anki::collection::{Clock, Collection};
use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = PathBuf::from(
        args.next()
            .ok_or("usage: bench_collection COLLECTION [--runs R]")?,
    );
    let mut runs = 5usize;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--runs" => runs = args.next().ok_or("--runs needs a value")?.parse()?,
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let mut times = Vec::new();
    let before = rss_mb();
    let mut kept = None;
    for _ in 0..runs.max(1) {
        // The previous index is dropped first, as the server does when it swaps in a new one.
        drop(kept.take());
        let start = Instant::now();
        let collection = Collection::read(&path, Clock::system())?;
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        kept = Some(collection);
    }
    let held = rss_mb();
    let collection = kept.unwrap_or_default();
    let cards: usize = collection.notes().map(|n| n.cards().len()).sum();
    let reviews: usize = collection
        .notes()
        .flat_map(|n| n.cards())
        .map(|c| c.reviews().len())
        .sum();
    times.sort_by(f64::total_cmp);
    println!(
        "{{\"notes\": {}, \"cards\": {cards}, \"reviews\": {reviews}, \"read_ms_median\": {:.1}, \
         \"read_ms_all\": {:?}, \"index_rss_mb\": {:.1}, \"index_heap_mb\": {:.1}}}",
        collection.len(),
        times[times.len() / 2],
        times
            .iter()
            .map(|t| (t * 10.0).round() / 10.0)
            .collect::<Vec<_>>(),
        held - before,
        collection.heap_bytes() as f64 / 1_048_576.0,
    );
    Ok(())
}

/// Resident memory now, from /proc (Linux); 0 elsewhere.
fn rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}
