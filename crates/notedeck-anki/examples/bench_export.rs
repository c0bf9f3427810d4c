//! Export benchmark: synthetic notes shaped like the user's (Korean prose, bold-label bullets,
//! nested lists, comparison-table cells, cloze tips with math) written with
//! [`notedeck_anki::write_package`]. Run through `scripts/bench-export`, which also times
//! Python genanki on the same notes.
//!
//! `bench_export --cards N [--runs R] [--dir DIR] [--dump FILE]`: prints one JSON line with
//! the median export time of R fresh exports, a re-export with unchanged notes, and the
//! process's peak resident memory. `--dump` also writes the notes as JSON for genanki.

use notedeck_anki::{MediaFile, Note, NoteKind, Options, write_package};
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut cards = 10_000usize;
    let mut runs = 5usize;
    let mut dir = std::env::temp_dir().join("notedeck-bench");
    let mut dump: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--cards" => cards = value()?.parse()?,
            "--runs" => runs = value()?.parse()?,
            "--dir" => dir = PathBuf::from(value()?),
            "--dump" => dump = Some(PathBuf::from(value()?)),
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    std::fs::create_dir_all(&dir)?;
    let notes = synthetic_notes(cards);
    let media: Vec<MediaFile> = Vec::new();
    let out = dir.join(format!("bench-{cards}.apkg"));
    let state = notedeck_anki::state::path_for(&out);

    let mut fresh = Vec::new();
    let mut summary = None;
    let cpu_before = cpu_seconds();
    for _ in 0..runs.max(1) {
        let _ = std::fs::remove_file(&out);
        let _ = std::fs::remove_file(&state);
        let start = Instant::now();
        summary = Some(write_package(&out, &notes, &media, &Options::default())?);
        fresh.push(start.elapsed().as_secs_f64());
    }
    let fresh_cpu = cpu_seconds()
        .zip(cpu_before)
        .map(|(a, b)| (a - b) / runs.max(1) as f64);
    // Re-export with the state in place: every note unchanged.
    let mut again = Vec::new();
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        write_package(&out, &notes, &media, &Options::default())?;
        again.push(start.elapsed().as_secs_f64());
    }
    let summary = summary.unwrap_or_default();
    // Measured before the dump below, which is not part of exporting.
    let peak = peak_rss_mb();
    if let Some(path) = &dump {
        let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
        out.write_all(b"[")?;
        for (i, note) in notes.iter().enumerate() {
            if i > 0 {
                out.write_all(b",")?;
            }
            serde_json::to_writer(&mut out, &note_json(note))?;
        }
        out.write_all(b"]")?;
        out.flush()?;
    }
    println!(
        "{}",
        serde_json::json!({
            "cards": summary.cards,
            "notes": summary.notes,
            "fresh_s": median(&mut fresh),
            "fresh_cpu_s": fresh_cpu,
            "reexport_s": median(&mut again),
            "peak_rss_mb": peak,
            "apkg_mb": std::fs::metadata(&out)?.len() as f64 / 1e6,
        })
    );
    Ok(())
}

/// Deterministic notes: 1 in 10 is a cloze tip, 3 in 10 are table cells, the rest are
/// bullet/list cards; spread over 25 exam-problem decks in order (genanki's writer slows down
/// quadratically with the number of decks, so thousands of decks would not be a fair
/// comparison).
fn synthetic_notes(count: usize) -> Vec<Note> {
    const TOPICS: [&str; 8] = [
        "BERT",
        "SpanBERT",
        "RoBERTa",
        "ELECTRA",
        "LoRA",
        "Grad-CAM",
        "Score-CAM",
        "DARTS",
    ];
    const LABELS: [&str; 6] = ["구조", "사전 학습 방법", "장점", "한계", "아이디어", "효과"];
    let mut notes = Vec::with_capacity(count);
    for i in 0..count {
        let topic = TOPICS[i % TOPICS.len()];
        let label = LABELS[(i / TOPICS.len()) % LABELS.len()];
        let problem = i / count.div_ceil(25) + 1;
        let deck = format!("합성 노트::문제 {problem}");
        let context = format!("문제 {problem} › {topic} › {label}");
        let source = format!("합성 노트.md:{}", i * 3 + 1);
        let tags = vec![format!("문제_{problem}"), topic.to_string()];
        let guid = format!("nd{i:08x}");
        let (kind, front, back) = match i % 10 {
            0 => (
                NoteKind::Cloze,
                format!(
                    "📌 {topic}의 핵심: {{{{c1::가중치 행렬의 변화량 \\(\\Delta W = A \\times B\\)}}}}를 \
                     {{{{c2::저랭크 분해}}}}로 근사한다 ({i}번)"
                ),
                "암기 팁: 파라미터 수가 크게 줄어든다".to_string(),
            ),
            1..=3 => (
                NoteKind::Basic,
                format!("{topic} › {label} › 계산량 ({i})"),
                "<table><tr><th>구분</th><th>Grad-CAM</th><th>Score-CAM</th></tr>\
                 <tr><td>계산량</td><td>적음 (backward 1회)</td><td>많음 (채널 수 × forward)</td></tr></table>"
                    .to_string(),
            ),
            _ => (
                NoteKind::Basic,
                format!("{topic} › {label} ({i})"),
                format!(
                    "Transformer <strong>Encoder</strong>만 사용 (양방향 문맥 학습)\
                     <ul><li>입력 토큰의 일부를 <code>[MASK]</code>로 가리고 원래 단어 예측</li>\
                     <li>두 문장이 순서상 이어지는지(True) 또는 무작위 조합(False)인지 분류</li>\
                     <li>문장 내·문장 간 관계 모두 학습 가능 — {i}</li></ul>"
                ),
            ),
        };
        notes.push(Note {
            guid,
            kind,
            deck,
            front,
            back,
            context,
            source,
            tags,
        });
    }
    notes
}

fn note_json(note: &Note) -> serde_json::Value {
    serde_json::json!({
        "guid": note.guid,
        "kind": if note.kind == NoteKind::Cloze { "cloze" } else { "basic" },
        "deck": note.deck,
        "fields": [note.front, note.back, note.context, note.source],
        "tags": note.tags,
    })
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

/// User + system CPU time of this process, all threads (Linux `/proc/self/stat`): unlike
/// wall time, it does not grow when other programs compete for the cores.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
    let rest = stat.rsplit_once(')')?.1;
    let mut fields = rest.split_whitespace().skip(11);
    let utime: f64 = fields.next()?.parse().ok()?;
    let stime: f64 = fields.next()?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// Peak resident set size of this process (Linux `VmHWM`), in MB.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}
