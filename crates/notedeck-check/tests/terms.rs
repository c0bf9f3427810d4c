//! Terms across a workspace, on the user's notes and fragments in their style:
//! `conflicting-expansion`, `acronym-mismatch`, and the term index behind hover, definition,
//! references and completion.

use notedeck_check::{Code, Finding, Workspace};
use notedeck_parse::Span;
use std::path::{Path, PathBuf};

const NOTES: &str = include_str!("../../../notes/역량평가 정리.md");
const REAL: &str = "notes/역량평가 정리.md";

fn workspace(files: &[(&str, &str)]) -> Workspace {
    let mut ws = Workspace::new();
    for (path, text) in files {
        ws.set(PathBuf::from(path), text);
    }
    ws
}

fn with_code<'a>(findings: &'a [Finding], code: &str) -> Vec<&'a Finding> {
    findings
        .iter()
        .filter(|f| f.code.as_str() == code)
        .collect()
}

/// The findings of one code in a workspace holding one file.
fn findings_of(path: &str, text: &str, code: Code) -> Vec<Finding> {
    workspace(&[(path, text)])
        .check_all()
        .into_iter()
        .filter(|f| f.code == code)
        .collect()
}

/// Line (1-based) and text of a span.
fn at(text: &str, span: &std::ops::Range<usize>) -> (usize, String) {
    (
        text[..span.start].matches('\n').count() + 1,
        text[span.clone()].to_string(),
    )
}

#[test]
fn row_rank_is_the_one_conflicting_expansion_in_the_notes() {
    let ws = workspace(&[(REAL, NOTES)]);
    let all = ws.check_all();
    let found = with_code(&all, "conflicting-expansion");
    assert_eq!(found.len(), 1, "{found:#?}");
    let f = found[0];
    assert_eq!(at(NOTES, &f.span), (115, "Row-rank Adaptation".to_string()));
    assert_eq!(f.related.len(), 1);
    assert_eq!(
        at(NOTES, &f.related[0].span),
        (121, "Low-Rank Adaptation".to_string())
    );
    assert!(
        f.message.contains("\"Low-Rank Adaptation\""),
        "{}",
        f.message
    );

    // The fix rewrites the expansion and nothing else.
    let edit = &f.fixes[0].edits[0];
    let mut fixed = NOTES.to_string();
    fixed.replace_range(edit.span.clone(), &edit.new_text);
    assert!(fixed.contains("\n\nLoRA (Low-Rank Adaptation)\n\n- LLM의"));
    assert_eq!(fixed.len(), NOTES.len());
    let ws = workspace(&[(REAL, &fixed)]);
    assert!(with_code(&ws.check_all(), "conflicting-expansion").is_empty());
}

#[test]
fn row_rank_is_one_finding_naming_the_initial_that_does_not_fit() {
    let ws = workspace(&[(REAL, NOTES)]);
    let all = ws.check_all();
    // The conflict covers the mismatch: one squiggle on the span, not two.
    let on_span: Vec<&Finding> = all
        .iter()
        .filter(|f| at(NOTES, &f.span) == (115, "Row-rank Adaptation".to_string()))
        .collect();
    assert_eq!(on_span.len(), 1, "{on_span:#?}");
    let f = on_span[0];
    assert_eq!(f.code, Code::ConflictingExpansion);
    assert!(
        f.message
            .ends_with("which spells the name; here \"Row\" gives R where \"LoRA\" needs L"),
        "{}",
        f.message
    );
    assert!(with_code(&all, "acronym-mismatch").is_empty(), "{all:#?}");
    assert_eq!(f.fixes.len(), 1);
    assert!(f.fixes[0].preferred);
    assert_eq!(f.fixes[0].edits[0].new_text, "Low-Rank Adaptation");
    // The same in the editor's view of the file.
    assert_eq!(ws.check_file(Path::new(REAL)), all);
}

#[test]
fn a_mismatch_without_a_rival_stays_a_mismatch() {
    let text = "### 문항10\n\nLoRA (Row-rank Adaptation)\n";
    let ws = workspace(&[("a.md", text)]);
    let found = ws.check_all();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].code, Code::AcronymMismatch);
    assert_eq!(
        found[0].message,
        "the initials of \"Row-rank Adaptation\" cannot spell \"LoRA\": \"Row\" gives R where \
         \"LoRA\" needs L"
    );
    assert_eq!(ws.check_file(Path::new("a.md")), found);
}

#[test]
fn a_tie_goes_to_the_expansion_spelt_in_english_words() {
    // One against one, both spell RNN: the misspelling never wins, whichever file is first.
    let typo = "## **RNN (Recurrant Neural Network)**\n";
    let right = "- RNN (Recurrent Neural Network) 구조\n";
    for (first, second) in [(typo, right), (right, typo)] {
        let ws = workspace(&[("a.md", first), ("b.md", second)]);
        let found = with_code(&ws.check_all(), "conflicting-expansion")
            .into_iter()
            .cloned()
            .collect::<Vec<_>>();
        assert_eq!(found.len(), 1, "{found:#?}");
        let f = &found[0];
        let text = if f.path == Path::new("a.md") {
            first
        } else {
            second
        };
        assert_eq!(&text[f.span.clone()], "Recurrant Neural Network");
        assert!(
            f.message
                .ends_with("in 1 other place; \"Recurrant\" is not an English word"),
            "{}",
            f.message
        );
        assert_eq!(f.fixes.len(), 1);
        assert!(f.fixes[0].preferred);
        assert_eq!(f.fixes[0].edits[0].new_text, "Recurrent Neural Network");
    }
}

#[test]
fn a_tie_nothing_decides_offers_both_fixes_and_prefers_neither() {
    // Two ways to read CD, once each, both English words and both spelling the name.
    let a = "- CD (Continuous Delivery) 단계\n";
    let b = "- **배포**: CD (Continuous Deployment) 자동화\n";
    let ws = workspace(&[("a.md", a), ("b.md", b)]);
    let all = ws.check_all();
    let found = with_code(&all, "conflicting-expansion");
    // One problem, one finding: on the later place, as before.
    assert_eq!(found.len(), 1, "{all:#?}");
    let f = found[0];
    assert_eq!(f.path, Path::new("b.md"));
    assert_eq!(&b[f.span.clone()], "Continuous Deployment");
    assert!(
        f.message.ends_with(
            "in 1 other place; each is used as often and nothing tells which is right: choose one"
        ),
        "{}",
        f.message
    );
    let titles: Vec<&str> = f.fixes.iter().map(|x| x.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Replace with \"Continuous Delivery\"",
            "Use \"Continuous Deployment\" everywhere (changes 1 other place)",
        ]
    );
    assert!(f.fixes.iter().all(|x| !x.preferred));
    // Each fix alone ends the conflict, from either side.
    for fix in &f.fixes {
        assert_eq!(fix.edits.len(), 1);
        let edit = &fix.edits[0];
        let mut files = vec![("a.md", a.to_string()), ("b.md", b.to_string())];
        for (path, text) in &mut files {
            if edit.path == Path::new(path) {
                text.replace_range(edit.span.clone(), &edit.new_text);
            }
        }
        let ws = workspace(&[("a.md", &files[0].1), ("b.md", &files[1].1)]);
        assert!(ws.check_all().is_empty(), "{:#?}", ws.check_all());
    }
}

#[test]
fn rejected_terms_are_the_conflicting_and_mismatched_expansions() {
    let a = "### 문항10\n\nLoRA (Row-rank Adaptation)\n\n## **LoRA (Low-Rank Adaptation)**\n\n- GPT (Generative Transformer)\n- BERT (Bidirectional Encoder Representations from Transformers)\n";
    let ws = workspace(&[("a.md", a)]);
    let rejected = ws.rejected_terms();
    assert_eq!(rejected.any.len(), 1);
    let texts = |spans: &[Span]| -> Vec<String> {
        spans.iter().map(|s| a[s.clone()].to_string()).collect()
    };
    assert_eq!(
        texts(&rejected.any[Path::new("a.md")]),
        ["LoRA (Row-rank Adaptation)", "GPT (Generative Transformer)"]
    );
    // Only the conflict is another place's word against this one: GPT's initials alone.
    assert_eq!(
        texts(&rejected.conflicting[Path::new("a.md")]),
        ["LoRA (Row-rank Adaptation)"]
    );
    let fixed = a.replace("Row-rank", "Low-Rank").replace(
        "Generative Transformer)",
        "Generative Pre-trained Transformer)",
    );
    let fixed = workspace(&[("a.md", &fixed)]).rejected_terms();
    assert!(fixed.any.is_empty() && fixed.conflicting.is_empty());
}

#[test]
fn a_misspelt_expansion_is_rejected_until_fixed() {
    // Two notes in the user's style: a clustering metric and an actor-critic method, each
    // expanded once with a word one letter off. Their definition cards taught the typo.
    let a = "## **4. 외부 지표**\n\n- NMI (Normalized Mutual Infomation): 정보 이론 기반\n- ARI (Adjusted Rand Index)\n";
    let b = "## **7. A3C (Asynchronus Advantage Actor-Critic)**\n\n- 여러 worker 비동기 학습\n";
    let ws = workspace(&[("a.md", a), ("b.md", b)]);
    let rejected = ws.rejected_terms();
    let texts = |text: &str, spans: &[Span]| -> Vec<String> {
        spans.iter().map(|s| text[s.clone()].to_string()).collect()
    };
    assert_eq!(
        texts(a, &rejected.any[Path::new("a.md")]),
        ["NMI (Normalized Mutual Infomation)"]
    );
    assert_eq!(
        texts(b, &rejected.any[Path::new("b.md")]),
        ["A3C (Asynchronus Advantage Actor-Critic)"]
    );
    // No other place gives another expansion: nothing conflicts.
    assert!(rejected.conflicting.is_empty());
    let fixed_a = a.replace("Infomation", "Information");
    let fixed_b = b.replace("Asynchronus", "Asynchronous");
    let fixed = workspace(&[("a.md", &fixed_a), ("b.md", &fixed_b)]).rejected_terms();
    assert!(fixed.any.is_empty());
}

#[test]
fn notes_made_for_terms_only_reject_what_whole_notes_reject() {
    let files = [
        (
            "a.md",
            "# A\n\nLoRA (Row-rank Adaptation)\n\n## **LoRA (Low-Rank Adaptation)**\n\n- GPT (Bidirectional Transformer)\n",
        ),
        (
            "b.md",
            "# B\n\n**CD (Continuous Delivery)**\n\n- MLM (Masked Language Modeling)\n",
        ),
        (
            "c.md",
            "# C\n\nCD (Continuous Deployment) 설명, **MLM** (Masked *Language* Modeling)\n",
        ),
        ("real.md", NOTES),
        ("badge.md", BADGE),
    ];
    let whole = workspace(&files);
    let mut terms_only = Workspace::new();
    terms_only.insert_many(
        files
            .iter()
            .map(|(path, text)| {
                let doc = notedeck_parse::parse(text, path);
                let note = notedeck_check::Note::for_terms(text, doc.title, doc.terms);
                (PathBuf::from(path), note)
            })
            .collect(),
    );
    assert!(!whole.rejected_terms().any.is_empty());
    assert_eq!(terms_only.rejected_terms(), whole.rejected_terms());
}

#[test]
fn the_minority_expansion_is_flagged_in_its_own_file() {
    let a = "# 자연어처리 요약\n\n### 문항3\n\n## **2. MoE (Mixture of Encoders)**\n\n- **구조**: 여러 expert 중 일부만 활성화\n";
    let b = "# 자연어처리 핵심 개념\n\n### 문항7\n\n## **1. MoE (Mixture of Experts)**\n\n- **장점**: 연산량 대비 파라미터 수 증가\n";
    let c = "# 머신러닝 기초 심화\n\n- **비교 대상**: MoE (Mixture of Experts) 와 dense 모델\n";
    let ws = workspace(&[("a.md", a), ("b.md", b), ("c.md", c)]);
    let in_a = ws.check_file(Path::new("a.md"));
    let found = with_code(&in_a, "conflicting-expansion");
    assert_eq!(found.len(), 1, "{in_a:#?}");
    assert_eq!(&a[found[0].span.clone()], "Mixture of Encoders");
    assert_eq!(found[0].fixes[0].edits[0].new_text, "Mixture of Experts");
    assert_eq!(found[0].related.len(), 2);
    assert!(ws.check_file(Path::new("b.md")).is_empty());
    assert!(ws.check_file(Path::new("c.md")).is_empty());
    // check_all reports the same finding once.
    assert_eq!(with_code(&ws.check_all(), "conflicting-expansion"), found);
}

#[test]
fn benign_variants_are_not_conflicts() {
    let files = [
        (
            "a.md",
            "## **1. WAL (Write-Ahead Logging)**\n\n- **KNN (k-Nearest Neighbors)**: 거리 기반\n- RTT (Round-Trip Time) 측정\n- **LSTM (Long Short-Term Memory)**\n",
        ),
        (
            "b.md",
            "## **WAL (Write Ahead Logging)**\n\n- KNN (k-nearest neighbors) 분류\n- RTT (round trip time) 증가\n- LSTM (Long Short Term Memory)\n",
        ),
        (
            "c.md",
            "- **BPE (Byte Pair Encoding)** 와 BPE (Byte-Pair Encoding)\n- MFA (Multi-Factor Authentication), MFA (Multi Factor Authentication)\n",
        ),
    ];
    let ws = workspace(&files);
    let all = ws.check_all();
    assert!(
        with_code(&all, "conflicting-expansion").is_empty(),
        "{all:#?}"
    );
    assert!(with_code(&all, "acronym-mismatch").is_empty(), "{all:#?}");
}

#[test]
fn editing_one_file_updates_cross_file_findings() {
    let a = "LoRA (Row-rank Adaptation)\n";
    let b = "## **LoRA (Low-Rank Adaptation)**\n";
    let mut ws = workspace(&[("a.md", a), ("b.md", b)]);
    assert_eq!(
        with_code(&ws.check_file(Path::new("a.md")), "conflicting-expansion").len(),
        1
    );
    ws.set(PathBuf::from("a.md"), "LoRA (Low-Rank Adaptation)\n");
    assert!(ws.check_file(Path::new("a.md")).is_empty());
    // Remove the definition: the other file's mismatch no longer has a rival.
    ws.set(PathBuf::from("a.md"), a);
    ws.remove(Path::new("b.md"));
    let left = ws.check_file(Path::new("a.md"));
    assert!(
        with_code(&left, "conflicting-expansion").is_empty(),
        "{left:#?}"
    );
    assert_eq!(with_code(&left, "acronym-mismatch").len(), 1);
    assert!(with_code(&left, "acronym-mismatch")[0].fixes.is_empty());
}

#[test]
fn term_index_on_the_notes() {
    let ws = workspace(&[(REAL, NOTES)]);

    let defs = ws.definitions("LoRA");
    assert_eq!(defs.len(), 2, "{defs:#?}");
    assert!(defs[0].term.is_heading);
    assert_eq!(defs[0].term.expansion, "Low-Rank Adaptation");

    let refs = ws.references("LoRA");
    let lines: Vec<usize> = refs.iter().map(|(_, s)| at(NOTES, s).0).collect();
    // The two definitions and the plain mentions such as "LoRA 모듈만 학습".
    for line in [115, 121, 126, 152, 154, 161] {
        assert!(lines.contains(&line), "line {line} missing from {lines:?}");
    }
    assert!(
        refs.iter()
            .all(|(p, s)| p == Path::new(REAL) && &NOTES[s.clone()] == "LoRA")
    );

    let mention = NOTES.find("LoRA 모듈만 학습").expect("the mention") + 2;
    assert_eq!(
        ws.term_at(Path::new(REAL), mention).as_deref(),
        Some("LoRA")
    );
    let korean = NOTES.find("저차원 행렬 A와").expect("Korean text");
    assert_eq!(ws.term_at(Path::new(REAL), korean), None);

    let terms = ws.terms();
    let lora = terms
        .iter()
        .find(|s| s.term.name == "LoRA")
        .expect("LoRA in terms()");
    assert_eq!(lora.term.expansion, "Low-Rank Adaptation");
    let names: Vec<&str> = terms.iter().map(|s| s.term.name.as_str()).collect();
    for name in [
        "BERT", "RoBERTa", "BART", "CAM", "Grad-CAM", "MaaS", "DARTS", "NAS",
    ] {
        assert!(names.contains(&name), "{name} missing from {names:?}");
    }
}

#[test]
fn a_term_whose_span_misses_its_text_is_left_alone() {
    // A parser slip (seen on a table row with a stray code fence): the term's spans point at a
    // backtick. Fixing "there" would overwrite the wrong text, so the term takes no part.
    let text = "| a | b |```\nLoRA (Row-rank Adaptation)\n";
    let path = PathBuf::from("slip.md");
    let mut note = notedeck_check::Note::new(&path, text);
    let tick = text.find('`').expect("a backtick");
    note.doc.terms = vec![notedeck_parse::Term {
        name: "LoRA".to_string(),
        expansion: "Row-rank Adaptation".to_string(),
        span: tick..tick + 1,
        name_span: tick..tick + 1,
        expansion_span: tick..tick + 1,
        is_heading: false,
        section: None,
    }];
    let mut ws = workspace(&[("good.md", "## **LoRA (Low-Rank Adaptation)**\n")]);
    ws.insert(path.clone(), note);
    let found = ws.check_file(&path);
    assert!(
        found
            .iter()
            .all(|f| f.code != Code::ConflictingExpansion && f.code != Code::AcronymMismatch),
        "{found:#?}"
    );
    assert_eq!(ws.definitions("LoRA").len(), 1);
}

#[test]
fn a_citation_in_parentheses_is_no_expansion() {
    // `GroupLens (Resnick et al.)` cites the authors: their initials need not spell the name.
    let mut ws = Workspace::new();
    ws.set(
        PathBuf::from("rec.md"),
        "# 추천 시스템 정리\n\n### 문제4\n\n## User-based CF\n\n- 1994년 GroupLens (Resnick et al.) 뉴스 추천에서 사용\n",
    );
    let found = ws.check_all();
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn a_regular_form_the_word_list_leaves_out_is_no_misspelling() {
    // `Sharded` is `shard` + `-ed`: the tie stays undecided rather than preferring the slip
    // `Shared`.
    let found = findings_of(
        "dist.md",
        "# 분산 학습 정리\n\n### 문항 3\n\n## **FSDP**\n\n- **핵심**: FSDP (Fully Sharded Data Parallel), ZeRO-3와 같은 sharding\n\n## 예상 면접 질문\n\n**Q1. FSDP가 DDP보다 메모리를 덜 쓰는 이유는?**\n\n- A: FSDP (Fully Shared Data Parallel)는 파라미터를 GPU마다 나눠 가짐\n",
        Code::ConflictingExpansion,
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].fixes.len() == 2 && found[0].fixes.iter().all(|f| !f.preferred),
        "{found:#?}"
    );
}

#[test]
fn a_tie_is_decided_by_the_variant_a_heading_introduces() {
    // Both expansions are English and each is written once: the heading is where the author
    // defined the name, the answer's variant is the slip.
    let text = "# 이상 탐지 정리\n\n### 문항 5\n\n## **4. LOF (Local Outlier Factor)**\n\n- **핵심**: 이웃 대비 밀도\n\n## 예상 면접 질문\n\n**Q3. LOF(Local Outlier Function)가 유리한 상황은?**\n\n- A: 밀도가 다른 클러스터가 섞인 경우\n";
    let found = findings_of("anomaly.md", text, Code::ConflictingExpansion);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(&text[found[0].span.clone()], "Local Outlier Function");
    assert!(
        found[0].message.contains("a heading"),
        "{}",
        found[0].message
    );
    assert_eq!(found[0].fixes.len(), 1);
    assert!(found[0].fixes[0].preferred);
    assert_eq!(found[0].fixes[0].edits[0].new_text, "Local Outlier Factor");
}

/// The active learning note: the overview table spells BADGE one way, its section's heading
/// another, and the section's text speaks of the table's word.
const BADGE: &str = "# 액티브 러닝 정리\n\n| 계열 | 대표 방법 | 질문 |\n| --- | --- | --- |\n| **Hybrid** | BADGE (Batch Active learning by Diverse Gradient Embeddings) | 불확실 + 다양한 샘플은? |\n\n## **5. Diversity & Batch-mode Selection**\n\n### BADGE (Batch Active learning by Diverse Gradient Ensembles)\n\n- Ash et al., ICLR 2020\n- **gradient embedding**: 예측 라벨을 정답이라 가정했을 때 마지막 layer 가중치에 대한 cross-entropy gradient\n\n### 기타 batch 방법\n\n- **Query-by-committee**: ensemble 간 불일치\n";

#[test]
fn a_tie_is_decided_by_what_the_text_under_the_heading_says() {
    // Each variant is written once and both spell the name: the heading would decide, but the
    // text under it speaks of "gradient embedding", the table's word. `ensemble` in the next
    // section is not under the heading.
    let found = findings_of("al.md", BADGE, Code::ConflictingExpansion);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        &BADGE[found[0].span.clone()],
        "Batch Active learning by Diverse Gradient Ensembles"
    );
    assert!(
        found[0].message.contains("says \"embedding\""),
        "{}",
        found[0].message
    );
    assert!(found[0].fixes[0].preferred);
    assert_eq!(
        found[0].fixes[0].edits[0].new_text,
        "Batch Active learning by Diverse Gradient Embeddings"
    );
}

#[test]
fn a_word_of_an_expansion_one_slip_from_english_is_reported_with_its_fix() {
    // A term written once has no rival for `conflicting-expansion` to weigh. Latin, names,
    // statistics' `Loess`, a brand's `Flickr`, regular forms and a term with a rival are left
    // alone.
    let text = "# 추천 시스템 정리\n\n### 문항 18\n\n## **NDCG (Normalized Discounted Cummulative Gain)**\n\n- **핵심**: 순위 할인\n\n## **MAP (Maximum A Posteriori)**\n\n- **STL (Seasonal and Trend decomposition using Loess)**: 강건한 분해\n- **CFG (Classifier-Free Guidance)**: 조건 없이\n- **데이터셋**: FFHQ (Flickr-Faces-HQ) 7만 장\n- **GRU (Gated Recurrant Unit)**: 게이트 2개\n- 다른 표기: GRU (Gated Recurrent Unit)\n";
    let found = findings_of("rec.md", text, Code::MisspelledExpansion);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(&text[found[0].span.clone()], "Cummulative");
    let fix = &found[0].fixes[0];
    assert!(fix.preferred);
    assert_eq!(fix.edits[0].new_text, "Cumulative");
}

#[test]
fn a_name_the_word_list_lacks_does_not_lose_a_tie() {
    // `Parzen` is a name no slip explains: `Probability`, a word the list knows, must not win
    // for that. The heading's variant is kept.
    let text = "# HPO 정리\n\n### 문항 4\n\n## **3. TPE (Tree-structured Parzen Estimator)**\n\n- **핵심**: 좋은 trial과 나쁜 trial의 밀도 비율\n\n## 예상 면접 질문\n\n**Q4. TPE(Tree-structured Probability Estimator)가 GP보다 나은 점은?**\n\n- A: 조건부 탐색 공간을 다룸\n";
    let found = findings_of("hpo.md", text, Code::ConflictingExpansion);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        &text[found[0].span.clone()],
        "Tree-structured Probability Estimator"
    );
    assert_eq!(
        found[0].fixes[0].edits[0].new_text,
        "Tree-structured Parzen Estimator"
    );
}

#[test]
fn an_expansion_with_an_accented_name_is_compared_and_its_name_is_no_slip() {
    // `Fréchet` kept every FID expansion out of the comparison, so `Distnace` passed; the
    // accented name is a word no list holds and no slip of its own.
    let text = "## FID (Fréchet Inception Distance)\n\n- 낮을수록 좋음\n- FID (Fréchet Inception Distnace)는 분포 사이 거리\n";
    let found = findings_of("eval.md", text, Code::ConflictingExpansion);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(&text[found[0].span.clone()], "Fréchet Inception Distnace");
    assert!(
        found[0]
            .message
            .ends_with("\"Distnace\" is not an English word"),
        "{}",
        found[0].message
    );
    assert_eq!(
        found[0].fixes[0].edits[0].new_text,
        "Fréchet Inception Distance"
    );
}

#[test]
fn a_tie_is_decided_by_the_variant_whose_words_start_with_the_names_lowercase_runs() {
    // A Transformer note expands `ALiBi` once as `Attention with Linear Biases` and once, in
    // its summary table, as `… Learned Biases`: both spell A, L, B and both are English, yet
    // only `Linear` starts with the `Li` the name writes.
    let text = "# Transformer 정리\n\n### 문항 7\n\n## **4. 위치 인코딩**\n\n- **ALiBi (Attention with Linear Biases)**: attention score에 거리 비례 penalty\n\n## 요약\n\n| 방식 | 특징 |\n| --- | --- |\n| **ALiBi (Attention with Learned Biases)** | 고정 slope |\n";
    let found = findings_of("tf.md", text, Code::ConflictingExpansion);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        &text[found[0].span.clone()],
        "Attention with Learned Biases"
    );
    assert!(found[0].message.contains("\"Li\""), "{}", found[0].message);
    assert_eq!(found[0].fixes.len(), 1);
    assert!(found[0].fixes[0].preferred);
    assert_eq!(
        found[0].fixes[0].edits[0].new_text,
        "Attention with Linear Biases"
    );
}

#[test]
fn a_word_under_the_heading_speaks_for_a_variant_only_beside_its_neighbour() {
    // `partial likelihood` under `Cox PH (Proportional Hazards)` is Cox's estimation, not
    // `Partial Hazards`: the word alone turned the fix against the heading's right variant.
    let text = "# 생존 분석 정리\n\n### 문항 1\n\n## **5. Cox PH (Proportional Hazards) 모형**\n\n- **추정: 부분우도 (partial likelihood)** → $h_0(t)$ 몰라도 추정 가능\n\n## **면접 Q&A**\n\n**Q3. PH (Partial Hazards) 가정이 깨지면 어떻게 하나요?**\n\n- 층화, 시간 상호작용항\n";
    let found = findings_of("surv.md", text, Code::ConflictingExpansion);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(&text[found[0].span.clone()], "Partial Hazards");
    assert_eq!(found[0].fixes[0].edits[0].new_text, "Proportional Hazards");
}

#[test]
fn a_lowercase_letter_of_a_name_may_stand_for_a_small_word() {
    // `Mo` of `ST-MoE` is `Mixture of`, as much as a word `MoE`: the lowercase run gave the
    // interview answer's `Sparse Transformer MoE` the tie, against the bold title's variant.
    let text = "# MoE 정리\n\n## **5. Router z-loss & 학습 안정화**\n\n- **ST-MoE (Stable and Transferable Mixture of Experts)** (Zoph et al., 2022)에서 제안\n\n**Q3. router z-loss는 왜 쓰나요?**\n\n- A: ST-MoE (Sparse Transformer MoE) 논문에서 제안된 안정화 loss\n";
    let found = findings_of("moe.md", text, Code::ConflictingExpansion);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(&text[found[0].span.clone()], "Sparse Transformer MoE");
    assert_eq!(
        found[0].fixes[0].edits[0].new_text,
        "Stable and Transferable Mixture of Experts"
    );
}

#[test]
fn a_heading_expansion_starting_inside_its_first_word_wins() {
    // DoRA is Weight-Decomposed Low-Rank Adaptation: its D starts the second part of the first
    // word. Read as not spelling the name, the heading lost to a slip in an interview answer.
    let text = "## **6. DoRA (Weight-Decomposed Low-Rank Adaptation)**

- **개념**: weight를 magnitude와 direction으로 분해

**Q4. DoRA (Dynamic Low-Rank Adaptation)는 LoRA와 뭐가 다른가요?**
";
    let found = findings_of("peft.md", text, Code::ConflictingExpansion);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(&text[found[0].span.clone()], "Dynamic Low-Rank Adaptation");
    assert_eq!(
        found[0].fixes[0].edits[0].new_text,
        "Weight-Decomposed Low-Rank Adaptation"
    );
}

#[test]
fn a_lowercase_gloss_is_no_expansion_of_the_name() {
    // `sparse GP (inducing points)` says how a sparse GP works; it is no second expansion of
    // `GP (Gaussian Process)`. A lowercase slip sharing the real expansion's words still is.
    let text = "## **3. GP (Gaussian Process)**

- **단점**
    - 해결: sparse GP (inducing points), random Fourier features
";
    let ws = workspace(&[("bayes.md", text)]);
    let all = ws.check_all();
    assert!(
        with_code(&all, "conflicting-expansion").is_empty(),
        "{all:#?}"
    );
    assert!(with_code(&all, "acronym-mismatch").is_empty(), "{all:#?}");
    let slip = "## **1. LoRA (Low-Rank Adaptation)**

- **개념**: 저랭크 행렬 두 개

## 2. 비교

- LoRA (row-rank adaptation) 는 가볍다
";
    let found = findings_of("lora.md", slip, Code::ConflictingExpansion);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(&slip[found[0].span.clone()], "row-rank adaptation");
}
