//! `broken-emphasis` on the user's notes and on fragments of them.

use notedeck_check::{Code, Finding, Workspace};
use std::path::PathBuf;

const NOTES: &str = include_str!("../../../notes/역량평가 정리.md");

fn emphasis(text: &str) -> Vec<Finding> {
    let mut ws = Workspace::new();
    let path = PathBuf::from("note.md");
    ws.set(path.clone(), text);
    ws.check_file(&path)
        .into_iter()
        .filter(|f| f.code == Code::BrokenEmphasis)
        .collect()
}

/// Apply a finding's first fix to `text`.
fn fixed(text: &str, finding: &Finding) -> String {
    let mut out = text.to_string();
    let fix = finding.fixes.first().expect("a fix");
    let mut edits = fix.edits.clone();
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    for e in edits {
        out.replace_range(e.span.clone(), &e.new_text);
    }
    out
}

#[test]
fn the_real_notes_have_exactly_the_two_broken_lines() {
    let found = emphasis(NOTES);
    let lines: Vec<&str> = found
        .iter()
        .map(|f| {
            let start = NOTES[..f.span.start].rfind('\n').map_or(0, |i| i + 1);
            let end = NOTES[f.span.end..]
                .find('\n')
                .map_or(NOTES.len(), |i| f.span.end + i);
            &NOTES[start..end]
        })
        .collect();
    assert_eq!(
        lines,
        [
            "- *NAS(Neural Architecture Search)**의 한 방법",
            "- *강화학습(RL)**의 대표적인 **값 기반(Value-based)** 알고리즘",
        ],
        "{found:#?}"
    );
    assert_eq!(
        &NOTES[found[0].span.clone()],
        "*NAS(Neural Architecture Search)**"
    );
}

#[test]
fn fix_balances_the_bold() {
    let text = "## 1. 개념\n\n- *NAS(Neural Architecture Search)**의 한 방법\n";
    let found = emphasis(text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        fixed(text, &found[0]),
        "## 1. 개념\n\n- **NAS(Neural Architecture Search)**의 한 방법\n"
    );
    assert_eq!(
        found[0].fixes[0].title,
        "Balance the emphasis: `**NAS(Neural Architecture Search)**`"
    );
}

#[test]
fn math_code_tables_and_list_markers_are_not_emphasis() {
    for text in [
        // From the notes: a product written with ×, and `<<` in a list.
        "- ΔW = **A × B**\n- B, A: 학습되는 작은 행렬 (rank r, r << dimension)\n",
        // Stars inside inline math and code are not markup.
        "- 수식: $a * b$ 와 `x ** 2` 는 그대로\n",
        // A `*` list marker and a star between spaces.
        "* 항목 하나\n* 5 * 3 = 15\n",
        // Bold split by a soft line break still pairs.
        "**Training–serving skew** happens when **the data\ncontinues** here\n",
        // Balanced bold before a Korean particle (CommonMark would not render it; not our rule).
        "- **본 적 없는 클래스(Unseen)**를 **모두** 구분\n",
        // Table cells with bold and an italic citation.
        "| **계산량** | 적음 | 많음 (채널 수 × forward) |\n- 논문: *Liu et al., 2018, \"DARTS\"*\n",
        // Fenced code and display math.
        "```\ny = a ** b\n```\n\n$$\na * b\n$$\n",
        "---\n***\n",
    ] {
        assert_eq!(emphasis(text), [], "{text}");
    }
}

#[test]
fn a_lone_double_star_is_reported_without_a_fix() {
    let found = emphasis("- **장점: 문장 내·문장 간 관계 모두 학습 가능\n");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].fixes.is_empty());
    assert!(
        found[0].message.contains("never closed"),
        "{}",
        found[0].message
    );
}
