//! `duplicate-pin`: one `<!-- id: … -->` pin written for two cards of a note.
//!
//! A pin is the card's Anki note id, and one id can only be one note: the first card keeps
//! the pin, the second silently gets the id of its place instead, so it is no longer pinned.
//! `cards` and `export` say so as they parse with ids; lint and the editor parse without them
//! (for speed), so this rule reads the pins themselves.

use crate::{Code, Finding, Related};
use std::collections::HashMap;
use std::path::Path;

/// A finding on every pin whose id an earlier pin of `text` already has.
pub fn duplicate_pins(path: &Path, text: &str) -> Vec<Finding> {
    if !text.contains("id:") {
        return Vec::new();
    }
    let mut first: HashMap<String, std::ops::Range<usize>> = HashMap::new();
    let mut out = Vec::new();
    for (id, span) in notedeck_parse::id_pins(text) {
        let Some(earlier) = first.get(&id) else {
            first.insert(id, span);
            continue;
        };
        out.push(Finding {
            code: Code::DuplicatePin,
            severity: Code::DuplicatePin.severity(),
            message: format!(
                "id pin `{id}` is already given to another card of this note: one id is one \
                 Anki note, so this card is not pinned; give it a different id"
            ),
            path: path.to_path_buf(),
            span,
            related: vec![Related {
                path: path.to_path_buf(),
                span: earlier.clone(),
                message: format!("`{id}` pinned first here"),
            }],
            fixes: Vec::new(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Workspace;
    use std::path::PathBuf;

    const NOTE: &str = "# 역량평가 정리\n\n### 문제9\n\n## 0. GPT\n\n\
        - **사전 학습 목표**: 다음 토큰 예측 <!-- id: gpt-goal -->\n\
        - **구조**: Transformer decoder <!-- id: gpt-goal -->\n\
        - **장점**: 생성 능력 <!-- id: gpt-pros -->\n";

    #[test]
    fn a_pin_given_twice_is_reported_on_the_second_card() {
        let findings = duplicate_pins(Path::new("a.md"), NOTE);
        assert_eq!(findings.len(), 1, "{findings:?}");
        let f = &findings[0];
        assert_eq!(f.code, Code::DuplicatePin);
        let second = NOTE.rfind("<!-- id: gpt-goal -->").expect("second pin");
        assert_eq!(f.span.start, second);
        assert_eq!(
            f.related[0].span.start,
            NOTE.find("<!-- id: gpt-goal -->").expect("first")
        );
        // The parse with ids agrees: the second card is not pinned.
        let doc = notedeck_parse::parse(NOTE, "a");
        let pinned: Vec<_> = doc
            .cards
            .iter()
            .filter_map(|c| c.pinned_id.as_deref())
            .collect();
        assert_eq!(pinned, ["gpt-goal", "gpt-pros"]);
    }

    #[test]
    fn lint_and_the_editor_report_it_through_the_workspace() {
        let mut ws = Workspace::new();
        ws.set(PathBuf::from("a.md"), NOTE);
        let codes: Vec<Code> = ws.check_all().iter().map(|f| f.code).collect();
        assert_eq!(codes, [Code::DuplicatePin]);
        let distinct = NOTE.replacen(
            "구조**: Transformer decoder <!-- id: gpt-goal",
            "구조**: Transformer decoder <!-- id: gpt-arch",
            1,
        );
        assert!(duplicate_pins(Path::new("a.md"), &distinct).is_empty());
    }
}
