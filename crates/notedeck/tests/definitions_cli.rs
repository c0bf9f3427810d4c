//! Definition cards the linter rejects are not made: `cards` and `export` leave out a definition
//! whose expansion lint reports, and keep one per term per note; lint reports the wrong
//! expansion once.

mod common;

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn notedeck(cwd: &Path) -> Command {
    let mut cmd = Command::cargo_bin("notedeck").expect("binary");
    // Never compare with the Anki collection of the machine running the tests.
    cmd.current_dir(cwd)
        .env("ANKI_BASE", cwd.join(".no-anki"))
        .timeout(Duration::from_secs(60));
    cmd
}

fn json_of(cwd: &Path, args: &[&str]) -> Vec<Value> {
    let out = notedeck(cwd).args(args).output().expect("run");
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

/// What `notedeck ARGS` prints on stdout in `cwd`.
fn stdout_of(cwd: &Path, args: &[&str]) -> String {
    let out = notedeck(cwd).args(args).output().expect("run");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn definitions(cards: &[Value]) -> Vec<(String, String)> {
    cards
        .iter()
        .filter(|c| c["kind"] == "definition")
        .map(|c| {
            (
                c["front"].as_str().unwrap_or_default().to_string(),
                c["back"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn real_notes() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../notes/역량평가 정리.md")
}

#[test]
fn row_rank_gets_no_card_and_one_finding_in_the_real_notes() {
    let dir = tempfile::tempdir().expect("tmp");
    let notes = real_notes();
    let notes = notes.to_str().expect("utf-8 path");

    let cards = json_of(dir.path(), &["cards", "--format", "json", notes]);
    let lora: Vec<(String, String)> = definitions(&cards)
        .into_iter()
        .filter(|(front, _)| front == "LoRA")
        .collect();
    assert_eq!(
        lora,
        [("LoRA".to_string(), "Low-Rank Adaptation".to_string())]
    );
    assert!(
        cards
            .iter()
            .all(|c| !c["back"].as_str().is_some_and(|b| b.contains("Row-rank"))),
        "no card teaches the typo"
    );

    let findings = json_of(dir.path(), &["lint", "--format", "json", notes]);
    // Line 115 (0-based 114): one squiggle, the conflict, naming the initial that is wrong.
    let on_line: Vec<&Value> = findings
        .iter()
        .filter(|f| f["range"]["start"]["line"] == 114)
        .collect();
    assert_eq!(on_line.len(), 1, "{on_line:#?}");
    assert_eq!(on_line[0]["code"], "conflicting-expansion");
    let message = on_line[0]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("here \"Row\" gives R where \"LoRA\" needs L"),
        "{message}"
    );
    assert_eq!(on_line[0]["fixes"][0]["preferred"], true);
    assert!(findings.iter().all(|f| f["code"] != "acronym-mismatch"));
}

#[test]
fn cards_and_export_leave_out_the_same_definitions_and_bring_one_back_once_fixed() {
    let dir = tempfile::tempdir().expect("tmp");
    let notes = dir.path().join("notes");
    std::fs::create_dir(&notes).expect("mkdir");
    // The typo is in one note, the right expansion in another: only the checker, which sees
    // both, knows which definition is wrong.
    let typo = "# 복습\n\n## QLoRA\n\n- LoRA (Row-rank Adaptation)를 4-bit 양자화와 결합\n- **장점**: 메모리 절약\n";
    std::fs::write(notes.join("a.md"), typo).expect("write");
    std::fs::write(
        notes.join("b.md"),
        "# 정리\n\n## LoRA (Low-Rank Adaptation)\n\n- **장점**: 학습할 파라미터 수 감소\n\n\
         ## LSTM (Long Short-Term Memory)\n\n- **구조**: LSTM (long short term memory) 게이트 3개\n",
    )
    .expect("write");

    let cards = json_of(dir.path(), &["cards", "--format", "json", "notes"]);
    let defs = definitions(&cards);
    assert_eq!(
        defs,
        [
            ("LoRA".to_string(), "Low-Rank Adaptation".to_string()),
            ("LSTM".to_string(), "Long Short-Term Memory".to_string()),
        ],
        "no Row-rank card, and one LSTM card although it is written two ways"
    );
    let ids: Vec<&str> = cards.iter().filter_map(|c| c["id"].as_str()).collect();

    // The table says what was left out and why.
    let table = stdout_of(dir.path(), &["cards", "notes"]);
    assert!(
        table.contains("5  definition of LoRA not carded: lint reports its expansion"),
        "{table}"
    );
    assert!(
        table.contains("definition of LSTM not carded again: it has one at line 7"),
        "{table}"
    );
    // Nor is the line that writes the slip carded: it would teach it.
    assert!(
        table.contains(
            "5  shows LoRA's expansion where lint reports it conflicting (fix it and the card \
             comes back)"
        ),
        "{table}"
    );

    // Export makes the very same cards.
    let out = notedeck(dir.path())
        .args(["export", "notes", "-o", "out.apkg"])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(
        summary.contains(&format!("{} cards (", cards.len())) && summary.contains("2 definition"),
        "{summary}"
    );

    // Fixed, the definition is carded from its own place, and so is the line that wrote
    // it; no other card's id changed.
    std::fs::write(notes.join("a.md"), typo.replace("Row-rank", "Low-Rank")).expect("write");
    let fixed = json_of(dir.path(), &["cards", "--format", "json", "notes"]);
    assert_eq!(fixed.len(), cards.len() + 2);
    assert!(
        fixed.iter().any(|c| c["kind"] != "definition"
            && c["front"]
                .as_str()
                .is_some_and(|f| f.contains("LoRA (Low-Rank Adaptation)를"))),
        "{fixed:#?}"
    );
    let back: Vec<&Value> = fixed
        .iter()
        .filter(|c| {
            c["kind"] == "definition"
                && c["source"]["path"]
                    .as_str()
                    .is_some_and(|p| p.ends_with("a.md"))
        })
        .collect();
    assert_eq!(back.len(), 1);
    assert_eq!(back[0]["back"], "Low-Rank Adaptation");
    for id in ids {
        assert!(fixed.iter().any(|c| c["id"] == id), "{id} kept its id");
    }
}

#[test]
fn a_line_showing_a_misspelt_expansion_is_left_out_until_fixed() {
    // `CRF (Conditional Random Feild)`: the cloze hiding it would teach the typo. Export
    // leaves out the same card, and fixed, it comes back.
    let dir = tempfile::tempdir().expect("tempdir");
    let notes = dir.path().join("notes");
    std::fs::create_dir(&notes).expect("mkdir");
    let typo = "# 세그멘테이션\n\n## DeepLab 계열\n\n\
                - v1의 후처리: **CRF (Conditional Random Feild)** — 픽셀 간 유사도로 경계를 다듬음\n\
                - v3+ decoder: ASPP 출력 ×4 upsample 후 low-level feature concat\n";
    std::fs::write(notes.join("seg.md"), typo).expect("write");
    let shows = |cards: &[Value]| {
        cards.iter().any(|c| {
            c["kind"] != "definition"
                && c["front"]
                    .as_str()
                    .is_some_and(|f| f.contains("CRF (Conditional Random"))
        })
    };
    let cards = json_of(dir.path(), &["cards", "--format", "json", "notes"]);
    assert!(!shows(&cards), "{cards:#?}");
    let table = stdout_of(dir.path(), &["cards", "notes"]);
    assert!(
        table.contains(
            "5  shows CRF's expansion with a word lint reports misspelt (fix it and the card \
             comes back)"
        ),
        "{table}"
    );
    let summary = stdout_of(dir.path(), &["export", "notes", "-o", "out.apkg"]);
    assert!(
        summary.contains(&format!("{} cards (", cards.len())),
        "{summary}"
    );

    std::fs::write(notes.join("seg.md"), typo.replace("Feild", "Field")).expect("write");
    let fixed = json_of(dir.path(), &["cards", "--format", "json", "notes"]);
    assert!(shows(&fixed), "{fixed:#?}");
}

#[test]
fn a_word_the_note_uses_as_its_own_term_keeps_its_definition() {
    // `Atrous` is one vowel from `Atreus`, but the note titles a section with it and writes
    // it again: lint is silent, and the definition of ASPP is carded. The check of terms
    // made for cards keeps only the expansions, so it must count the word in the whole text.
    let dir = tempfile::tempdir().expect("tempdir");
    let notes = dir.path().join("notes");
    std::fs::create_dir(&notes).expect("mkdir");
    std::fs::write(
        notes.join("seg.md"),
        "# 세그멘테이션\n\n## DeepLab 계열\n\n### 1. Atrous (Dilated) Convolution\n\n\
         - **정의**: 필터 사이에 구멍을 둔 conv\n\n### 3. ASPP (Atrous Spatial Pyramid Pooling)\n\n\
         - **정의**: 여러 rate의 atrous conv를 병렬로 적용\n",
    )
    .expect("write");
    let cards = json_of(dir.path(), &["cards", "--format", "json", "notes"]);
    assert!(
        definitions(&cards).contains(&(
            "ASPP".to_string(),
            "Atrous Spatial Pyramid Pooling".to_string()
        )),
        "{cards:#?}"
    );
    let lint = stdout_of(dir.path(), &["lint", "notes"]);
    assert!(lint.contains("No findings"), "{lint}");
}

/// Each note of a package: (GUID, fields joined by U+001F).
fn package_fields(apkg: &Path) -> Vec<(String, String)> {
    let (_file, conn) = common::package_db(apkg);
    let mut stmt = conn
        .prepare("SELECT guid, flds FROM notes ORDER BY guid")
        .expect("query");
    stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .expect("rows")
        .map(|r| r.expect("row"))
        .collect()
}

#[test]
fn a_card_showing_a_slip_in_an_expansion_keeps_its_fact_without_it() {
    // `GRU (Gated Recurrant Unit)` inside a fact about Transformers: the fact is right, the
    // expansion is the slip. The card is shown and exported without the expansion, under its
    // own id, and with the expansion once it is fixed.
    let dir = tempfile::tempdir().expect("tempdir");
    let notes = dir.path().join("notes");
    std::fs::create_dir(&notes).expect("mkdir");
    let slip = "# 딥러닝\n\n## Transformer\n\n### 장점\n\n\
                - **병렬화**: GRU (Gated Recurrant Unit)나 LSTM처럼 시점을 하나씩 처리하지 않음\n\
                - **장거리 의존성**: 모든 토큰 쌍이 한 층에서 바로 연결됨\n";
    std::fs::write(notes.join("a.md"), slip).expect("write");
    std::fs::write(
        notes.join("b.md"),
        "# RNN\n\n## GRU (Gated Recurrent Unit)\n\n- **구조**: 게이트 2개\n",
    )
    .expect("write");
    let findings = json_of(dir.path(), &["lint", "--format", "json", "notes"]);
    assert!(
        findings
            .iter()
            .any(|f| f["code"] == "conflicting-expansion"),
        "{findings:#?}"
    );

    let advantages = |cards: &[Value]| -> Option<(String, String)> {
        cards.iter().find_map(|c| {
            let back = c["back"].as_str()?;
            back.contains("LSTM처럼")
                .then(|| (c["id"].as_str().unwrap_or("").to_string(), back.to_string()))
        })
    };
    let cards = json_of(dir.path(), &["cards", "--format", "json", "notes"]);
    let (id, back) = advantages(&cards).expect("the card is kept");
    assert!(back.contains("GRU나 LSTM처럼"), "{back}");
    assert!(!back.contains("Recurrant"), "{back}");
    let table = stdout_of(dir.path(), &["cards", "notes"]);
    assert!(!table.contains("shows GRU's expansion"), "{table}");

    // Export writes the very same card: its note is written again without the slip.
    let summary = stdout_of(dir.path(), &["export", "notes", "-o", "out.apkg"]);
    assert!(
        summary.contains(&format!("{} cards (", cards.len())),
        "{summary}"
    );
    let written = package_fields(&dir.path().join("out.apkg"));
    let note = written
        .iter()
        .find(|(guid, _)| *guid == id)
        .expect("the note is in the package");
    assert!(note.1.contains("GRU나 LSTM처럼"), "{}", note.1);
    assert!(!note.1.contains("Recurrant"), "{}", note.1);
    assert_eq!(written.len(), cards.len());

    // Fixed, the card shows the expansion again, under the same id.
    std::fs::write(notes.join("a.md"), slip.replace("Recurrant", "Recurrent")).expect("write");
    let fixed = json_of(dir.path(), &["cards", "--format", "json", "notes"]);
    let (fixed_id, fixed_back) = advantages(&fixed).expect("the card");
    assert_eq!(fixed_id, id);
    assert!(
        fixed_back.contains("GRU (Gated Recurrent Unit)나"),
        "{fixed_back}"
    );
}
