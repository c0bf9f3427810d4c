//! Whether a bullet's bold label is a claim about its topic (`No CI/CD`, `Low release
//! frequency`, `계산 비용 높음`) or the name of a facet (`구조`, `Deployment scope`), and
//! whether a list's labels are claims. A list of claims is asked as one card of its labels:
//! a card per label would ask with the answer on its front.

use super::Builder;
use super::answers::DEGREES;
use super::labels::label_of;
use crate::tree::{Block, Kind, Plain};

/// First words that make a label a statement about its topic (`No CI/CD`, `Low release
/// frequency`, `Fully manual`, `Introduce CI/CD`) rather than the name of a facet
/// (`Deployment scope`).
const CLAIM_FIRST_WORDS: &[&str] = &[
    "no",
    "not",
    "non",
    "never",
    "without",
    "lack",
    "lacks",
    "low",
    "lower",
    "high",
    "higher",
    "less",
    "more",
    "fully",
    "partially",
    "manual",
    "manually",
    "only",
    "poor",
    "limited",
    "frequent",
    "infrequent",
    "rare",
    "slow",
    "slower",
    "fast",
    "faster",
    "hard",
    "easy",
    // A recommendation is a claim too (`Introduce CI/CD and CT`): the verb opens it.
    "introduce",
    "adopt",
    "avoid",
    "apply",
    "automate",
    "enable",
    "improve",
    "reduce",
    "increase",
    "prefer",
];

/// Korean endings of an action taken on the topic (`모델 복잡도 증가`, `정규화 약화`,
/// `학습 과정 개선`): a recommendation, as `Increase …` or `Reduce …` is in English
/// ([`is_action_label`]).
const ACTION_ENDINGS: &[&str] = &[
    "증가",
    "감소",
    "강화",
    "약화",
    "개선",
    "축소",
    "확대",
    "향상",
    "완화",
    "늘리기",
    "줄이기",
    "높이기",
    "낮추기",
];

/// Auxiliaries and copulas: a label holding one is a sentence, not a name.
const CLAIM_VERBS: &[&str] = &[
    "is", "are", "was", "were", "will", "can", "cannot", "can't", "does", "doesn't", "do", "don't",
    "has", "have", "must", "should", "may", "needs", "requires",
];

/// Whether a bold label states a fact about its topic rather than naming a facet of it: it
/// opens with a negation, quantity or manner word, holds a verb, lists several properties
/// (a comma outside parentheses), or ends in a Korean predicate.
pub(crate) fn is_claim_label(label: &str) -> bool {
    if !label
        .bytes()
        .any(|b| b.is_ascii_alphabetic() || b == b',' || b == b'(')
    {
        // Most labels are Korean facet names (`구조`, `장점`): only the ending can tell.
        // After `핵심`/`주요` it names a facet (`핵심 어려움`, the key difficulty), whatever
        // it ends on.
        let mut words = label.split_whitespace();
        if words.next().is_some_and(|w| matches!(w, "핵심" | "주요")) {
            return false;
        }
        let last = label.split_whitespace().next_back().unwrap_or("");
        return DEGREES.iter().any(|e| last.ends_with(e)) || is_adjective(last);
    }
    // Words outside parentheses only (`Feature Store (optional, e.g. Feast)`: a parenthetical
    // says nothing about the label's own shape). No allocation: every labelled list of every
    // note asks this.
    let mut depth = 0usize;
    let mut start: Option<usize> = None;
    let (mut first, mut last): (Option<&str>, Option<&str>) = (None, None);
    let (mut comma, mut verb) = (false, false);
    for (i, c) in label
        .char_indices()
        .chain(std::iter::once((label.len(), ' ')))
    {
        let boundary = c.is_whitespace() || matches!(c, '(' | ')' | ',');
        if boundary && let Some(s) = start.take() {
            // ASCII punctuation only: a Unicode class lookup per Hangul letter was most of
            // the cost of this function.
            let w = label[s..i].trim_matches(|c: char| c.is_ascii_punctuation() && c != '\'');
            if !w.is_empty() {
                first.get_or_insert(w);
                last = Some(w);
                verb |= w.len() <= 7
                    && w.is_ascii()
                    && CLAIM_VERBS.iter().any(|v| v.eq_ignore_ascii_case(w));
            }
        }
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => comma = true,
            _ if !boundary && depth == 0 && start.is_none() => start = Some(i),
            _ => {}
        }
    }
    let Some(first) = first else {
        return false;
    };
    (first.len() <= 10
        && CLAIM_FIRST_WORDS
            .iter()
            .any(|w| w.eq_ignore_ascii_case(first)))
        || comma
        || verb
        || last.is_some_and(|w| DEGREES.iter().any(|e| w.ends_with(e)))
}

/// Whether a label names an action to take, by its Korean ending (`모델 복잡도 증가`,
/// `특징(feature) 강화`): a claim when its explanation is brief enough to ask with it
/// (see `split.rs`), though not where a long one would be left out for it.
pub(crate) fn is_action_label(label: &str) -> bool {
    label
        .split_whitespace()
        .next_back()
        .and_then(|w| w.rsplit(')').next())
        .is_some_and(|w| ACTION_ENDINGS.iter().any(|e| w.ends_with(e)))
}

/// Whether a Korean word is an adjective of the `-적` form (`독립적`, `효율적`, `비선형적`):
/// a property of the topic. Two syllables are a noun (`목적`, `지적`).
fn is_adjective(word: &str) -> bool {
    word.ends_with('적') && word.chars().count() >= 3
}

/// Whether a list of `items` items with bold `labels` is a list of claims: most items are
/// labelled and at least half the labels are claims ([`is_claim_label`]). Its neutral labels
/// go with the claims: the list is carded all or none.
pub(crate) fn labels_are_claims<'s>(
    labels: impl Iterator<Item = &'s str> + Clone,
    items: usize,
) -> bool {
    let n = labels.clone().count();
    if n < 2 || n * 2 <= items {
        return false;
    }
    // Stop as soon as the answer is known: most lists are decided by their first labels.
    // A facet's name among them (`**정의**` beside `**Warmup 필요**`) votes against: such a
    // list names facets, and its one claim is a label like any other.
    let (mut claims, mut facets, mut seen) = (0, 0, 0);
    for l in labels {
        seen += 1;
        if is_claim_label(l) {
            claims += 1;
        } else if super::subtopics::is_facet_name(l) {
            facets += 1;
        }
        if claims * 2 >= n && claims > facets + (n - seen) {
            return true;
        }
        if (claims + n - seen) * 2 < n || claims + n - seen <= facets {
            return false;
        }
    }
    claims * 2 >= n && claims > facets
}

impl<'t> Builder<'t, '_> {
    /// A cloze for each bullet of a claim's explanation (`rest`, its lists at any depth) that
    /// sets a term in bold inside its sentence rather than opening with it as a label.
    pub(super) fn bold_in_explanation(&mut self, sec: usize, rest: &'t [Block]) {
        let mut lead = Plain::default();
        for list in rest.iter().filter(|b| b.kind == Kind::List) {
            for item in list.children.iter().filter(|c| c.kind == Kind::Item) {
                let (_, nested) = self.item_lead_plain(item, &mut lead);
                let lead_ws = lead.text.len() - lead.text.trim_start().len();
                let inside =
                    !lead.strong.is_empty() && lead.strong.iter().all(|s| s.start > lead_ws);
                if inside {
                    self.statement_cloze_with_nested(Some(sec), item, true);
                }
                self.bold_in_explanation(sec, nested);
            }
        }
    }

    /// "Topic › Facet" → the list's labels, for a list whose labels are claims.
    pub(super) fn claim_list_card(&mut self, sec: usize, parts: &[&'t Block]) {
        let back = self.claim_list_html(parts);
        self.push_section_card(sec, back, parts);
    }

    /// `parts` as HTML with each labelled item of their lists reduced to its label.
    pub(super) fn claim_list_html(&mut self, parts: &[&'t Block]) -> String {
        let mut back = String::new();
        let mut lead = Plain::default();
        for (i, b) in parts.iter().enumerate() {
            if b.kind != Kind::List {
                self.render_one(b, parts.get(i + 1).copied(), &mut back);
                continue;
            }
            let close = self.open_list(b, &mut back);
            for item in b.children.iter().filter(|c| c.kind == Kind::Item) {
                let (_, rest) = self.item_lead_plain(item, &mut lead);
                match label_of(&lead, !rest.is_empty()) {
                    Some(l) if !l.plain_label => {
                        back.push_str("<li>");
                        back.push_str(&l.html());
                        back.push_str("</li>");
                    }
                    _ => self.render_one(item, None, &mut back),
                }
            }
            back.push_str(close);
        }
        back
    }
}

#[cfg(test)]
mod tests {
    use super::{is_action_label, is_claim_label, labels_are_claims};

    #[test]
    fn actions_by_their_korean_ending() {
        for action in [
            "모델 복잡도 증가",
            "정규화 약화",
            "특징(feature) 강화",
            "학습 과정 개선",
        ] {
            assert!(is_action_label(action), "{action} is an action");
        }
        for name in ["데이터 측면", "앙상블 기법", "증가율", "(강화)"] {
            assert!(!is_action_label(name), "{name} is no action");
        }
    }

    #[test]
    fn claims_and_facet_names() {
        for claim in [
            "No CI/CD",
            "Low release frequency",
            "Fully manual, script-driven",
            "No active performance monitoring",
            "GAP will calculate a single value",
            "계산 비용 높음",
            "bias 조정 필요",
            "Without labels (zero-shot)",
            "Introduce CI/CD and CT",
            "언어 독립적",
        ] {
            assert!(is_claim_label(claim), "{claim} is a claim");
        }
        for name in [
            "구조",
            "장점",
            "한계",
            "Validation",
            "Goal",
            "Deployment scope",
            "Data validation",
            "Feature Store (optional, e.g. Feast)",
            "미분 가능성",
            "사전 학습 목표",
            "Experimental–operational symmetry",
            "Continuous experimentation",
            "Use cases",
            "목적",
            "학습 목적",
            "핵심 어려움",
            "주요 한계",
            "데이터 측면",
            "앙상블 기법",
        ] {
            assert!(!is_claim_label(name), "{name} is a facet name");
        }
    }

    #[test]
    fn a_list_naming_a_facet_is_no_list_of_claims() {
        let claims = |labels: &[&str]| labels_are_claims(labels.iter().copied(), labels.len());
        assert!(claims(&["No CI/CD", "Low release frequency"]));
        assert!(claims(&["No CI/CD", "Low release frequency", "Goal"]));
        // `정의` names a facet: its one claim beside it is a label like any other.
        assert!(!claims(&["정의", "Warmup 필요"]));
        assert!(!claims(&["정의", "이유", "Warmup 필요", "한계"]));
    }
}
