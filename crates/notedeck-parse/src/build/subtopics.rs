//! A heading under a topic that names a thing of its own (`### Fast R-CNN` under `## R-CNN
//! 계열`, `### REINFORCE` under `## Policy Gradient`) and lists that thing's facets as
//! labelled bullets (`**개선점**: …`, `**한계**: …`) is a sub-topic: each labelled bullet is a
//! card of its own (`R-CNN 계열 › Fast R-CNN › 한계`), as under a topic, not one card joining
//! the improvement, the limit and the year.

use super::Builder;
use super::labels::{label_of, plain_name_label};
use crate::SectionKind;
use crate::tree::{Block, Kind, Plain};

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
    "진단",
    "진단 방법",
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

/// The steps a case is told in (`사례 1` → `상황`, `적용`, `결과/교훈`): the parts of any
/// case, never a set of parts to recall. Only a split's heads are read by them: a line
/// opening `교훈:` is no facet's label.
const CASE_STEPS: [&str; 6] = ["상황", "배경", "적용", "결과", "교훈", "시사점"];

/// [`is_facet_name`] or a step a case is told in ([`CASE_STEPS`]), or a facet's name with
/// what it is about after it (`절차 (reduction factor η)`, `구조 (2단계)`, `한계: "n vs B/n"
/// trade-off`), or two joined by `/` (`결과/교훈`).
pub(super) fn names_a_facet(label: &str) -> bool {
    let name = label.split(':').next().unwrap_or("");
    let name = name.split(" (").next().unwrap_or(name);
    let one = |n: &str| is_facet_name(n) || CASE_STEPS.contains(&n.trim());
    one(label) || one(name) || name.contains('/') && name.split('/').all(one)
}

/// Words a title ends with when it asks for a set of things, whose names are the answer:
/// `ARIMA › 구성`, `지식 증류 › 대표 사례`, `VLM Hallucination › 완화 방법`, `Transformer 계열`.
const SET_TITLE_ENDINGS: [&str; 41] = [
    "구성",
    "구조",
    "구성 요소",
    "구성요소",
    "종류",
    "유형",
    "특징",
    "특성",
    "방법",
    "기법",
    "도구",
    "사례",
    "예시",
    "용어",
    "계열",
    "공통",
    "모델",
    "전략",
    "장점",
    "단점",
    "한계",
    "한계점",
    "문제점",
    "활용",
    "분야",
    "components",
    "types",
    "methods",
    "examples",
    "features",
    "advantages",
    "limitations",
    "techniques",
    "tools",
    "challenges",
    "benefits",
    "drawbacks",
    "pros",
    "cons",
    "applications",
    "use cases",
];

/// Whether a section titled `title` lists `names` as a set to recall: its title asks for one
/// ([`SET_TITLE_ENDINGS`]), or two names or more end in one word (`Linear schedule`, `Cosine
/// schedule`).
pub(super) fn lists_a_set<'n>(title: &str, names: impl Iterator<Item = &'n str>) -> bool {
    let title = title.trim().to_lowercase();
    if SET_TITLE_ENDINGS.iter().any(|e| title.ends_with(e)) {
        return true;
    }
    let mut last: Option<String> = None;
    let mut count = 0;
    for name in names {
        let word = name
            .split_whitespace()
            .next_back()
            .unwrap_or("")
            .to_lowercase();
        if word.is_empty() || last.as_ref().is_some_and(|l| *l != word) {
            return false;
        }
        last = Some(word);
        count += 1;
    }
    count >= 2
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
        // `장점`, `한계`): the formula is the sub-topic's own, asked as its `수식`. It may also
        // part its lists (`### 1. CBOW`: `- **개념**: …`, the formula, then `- **장점**`,
        // `- **단점**`): the lists up to anything else are read as one.
        let formula = |b: &Block| {
            b.kind == Kind::Paragraph && super::formulas::is_display_formula(tree.inner(b))
        };
        let mut lists: Vec<&Block> = Vec::new();
        let mut after_formula = false;
        // Whether a formula opens the section, before any list.
        let mut opened = false;
        for b in blocks.iter().map(|&b| &tree.blocks[b]) {
            if matches!(b.kind, Kind::Html | Kind::Rule) {
                continue;
            }
            if formula(b) {
                opened |= lists.is_empty();
                after_formula = true;
                continue;
            }
            // A list goes on the one before it only across a formula: a bullet list after a
            // numbered one (`1. **Negative Sampling**`, then `- **한계**: …`) is the topic's.
            if b.kind != Kind::List || !(lists.is_empty() || after_formula) {
                break;
            }
            lists.push(b);
            after_formula = false;
        }
        if lists.is_empty() {
            return false;
        }
        let mut lead = Plain::default();
        let (mut labels, mut facets, mut named, mut bold_facets) = (0, 0, 0, 0);
        for item in lists
            .iter()
            .flat_map(|l| l.children.iter())
            .filter(|c| c.kind == Kind::Item)
        {
            let (_, rest) = self.item_lead_plain(item, &mut lead);
            // `- 목표: …`, `- 배운 점: …` under `### 1. 쿠폰 타게팅`: a case's facets, named
            // plainly.
            let bold = label_of(&lead, !rest.is_empty()).filter(|l| !l.plain_label);
            let plain = bold.is_none().then(|| plain_name_label(&lead)).flatten();
            let is_plain = plain.is_some();
            if let Some(label) = bold.or(plain) {
                let facet = usize::from(is_facet_name(&label.text));
                labels += 1;
                facets += facet;
                if is_plain {
                    named += 1;
                } else {
                    bold_facets += facet;
                }
            }
        }
        // `### 2. Dice Loss`: its formula, then what it does and its `**한계**`. A section a
        // formula opens defines a thing of its own, whatever its bullets are labelled.
        // Only a name does (`목적 함수` over GloVe's formula is that formula's facet).
        let titled = self.info[s].short.bytes().any(|b| b.is_ascii_alphabetic());
        let bold = labels - named;
        bold >= 2 && bold_facets * 2 >= bold
            || named > 0 && labels >= 2 && facets * 2 >= labels
            || opened && titled
    }
}
