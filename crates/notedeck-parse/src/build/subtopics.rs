//! A heading under a topic that names a thing of its own (`### Fast R-CNN` under `## R-CNN
//! 계열`, `### REINFORCE` under `## Policy Gradient`) and lists that thing's facets as
//! labelled bullets (`**개선점**: …`, `**한계**: …`) is a sub-topic: each labelled bullet is a
//! card of its own (`R-CNN 계열 › Fast R-CNN › 한계`), as under a topic, not one card joining
//! the improvement, the limit and the year.

use super::Builder;
use super::labels::label_of;
use crate::SectionKind;
use crate::tree::{Kind, Plain};

/// Names of facets (what a topic's labelled bullets are usually called). A section titled
/// with one of them is itself a facet, whatever its bullets' labels are.
const FACET_NAMES: &[&str] = &[
    "개념",
    "정의",
    "구조",
    "원리",
    "동작",
    "동작 원리",
    "특징",
    "특성",
    "장점",
    "단점",
    "한계",
    "한계점",
    "문제점",
    "목적",
    "목표",
    "아이디어",
    "핵심 아이디어",
    "개선점",
    "개선 포인트",
    "변경점",
    "차이점",
    "유형",
    "종류",
    "효과",
    "역할",
    "예시",
    "활용",
    "활용 분야",
    "활용 예시",
    "활용 사례",
    "사용 예시",
    "사용 사례",
    "적용 분야",
    "응용 분야",
    "응용",
    "방법",
    "구성",
    "구성 요소",
    "업데이트",
    "업데이트 식",
    "수식",
    "과정",
    "절차",
    "순서",
    "단계",
    "학습",
    "학습 방법",
    "손실",
    "성능",
    "속도",
    "의의",
    // What a problem's or a shift's notes ask: why it happens, how to see it, what to do.
    "원인",
    "탐지",
    "탐지 방법",
    "대응",
    "대응 방법",
    "해결",
    "해결 방법",
    "해결책",
    "idea",
    "structure",
    "definition",
    "goal",
    "purpose",
    "pros",
    "cons",
    "advantages",
    "limitations",
    "limitation",
    "example",
    "examples",
    "type",
    "types",
    "applications",
    "use cases",
    "what it is",
    "how it works",
    "process",
    "stages",
    "steps",
    "overview",
    "key idea",
    "key ideas",
    "benefits",
    "drawbacks",
    "challenges",
    "causes",
    "detection",
    "mitigation",
    "solutions",
    // Aspects of a method or a recipe, as `성능`, `속도`, `손실` and `학습` above.
    "architecture",
    "data",
    "dataset",
    "training",
    "schedule",
    "optimizer",
    "loss",
    "evaluation",
    "performance",
    "speed",
    "memory",
    "cost",
    "inference",
    "input",
    "output",
];

/// Whether `label` names a facet ([`FACET_NAMES`]), ignoring case and a trailing colon.
pub(super) fn is_facet_name(label: &str) -> bool {
    let l = label.trim().trim_end_matches(':').trim();
    FACET_NAMES.iter().any(|n| n.eq_ignore_ascii_case(l))
}

/// [`is_facet_name`], or a facet's name with what it is about after it (`절차 (reduction
/// factor η)`, `구조 (2단계)`, `한계: "n vs B/n" trade-off`).
pub(super) fn names_a_facet(label: &str) -> bool {
    let name = label.split(':').next().unwrap_or("");
    let name = name.split(" (").next().unwrap_or(name);
    is_facet_name(label) || is_facet_name(name)
}

impl<'t, 'a> Builder<'t, 'a> {
    /// Whether facet section `sec`, whose own blocks are `blocks`, is a sub-topic: its title
    /// is no facet name, and its first list has two labelled bullets or more, at least half
    /// of whose labels are facet names.
    pub(super) fn is_subtopic(&self, sec: Option<usize>, blocks: &[usize]) -> bool {
        let Some(s) = sec else { return false };
        if self.doc.sections[s].kind != SectionKind::Facet || is_facet_name(&self.info[s].short) {
            return false;
        }
        let tree = self.tree;
        // A method's formula may open it (`### 1. Vanilla SGD`, its update rule, then `정의`,
        // `장점`, `한계`): the formula is the sub-topic's own, asked as its `수식`.
        let Some(list) = blocks
            .iter()
            .map(|&b| &tree.blocks[b])
            .find(|b| {
                let formula =
                    b.kind == Kind::Paragraph && super::formulas::is_display_formula(tree.inner(b));
                !(formula || matches!(b.kind, Kind::Html | Kind::Rule))
            })
            .filter(|b| b.kind == Kind::List)
        else {
            return false;
        };
        let mut lead = Plain::default();
        let (mut labels, mut facets) = (0, 0);
        for item in list.children.iter().filter(|c| c.kind == Kind::Item) {
            let (_, rest) = self.item_lead_plain(item, &mut lead);
            if let Some(label) = label_of(&lead, !rest.is_empty()).filter(|l| !l.plain_label) {
                labels += 1;
                facets += usize::from(is_facet_name(&label.text));
            }
        }
        labels >= 2 && facets * 2 >= labels
    }
}
