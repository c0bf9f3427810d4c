//! `duplicate-pin`: one `<!-- id: … -->` pin written for two cards, of one note or of two.
//!
//! A pin is the card's Anki note id, and one id can only be one note. Within a note the first
//! card keeps the pin and the second silently gets the id of its place instead, so it is no
//! longer pinned; across notes export leaves the second card out of the package. `cards` and
//! `export` say so as they parse with ids; lint and the editor parse without them (for
//! speed), so this rule reads the pins themselves ([`crate::Note::pins`]).

use crate::index::postings;
use crate::{Code, Finding, Note, Related, Workspace};
use notedeck_parse::Span;
use std::collections::HashMap;
use std::path::Path;

/// A finding on every pin of `note` whose id an earlier pin of the note already has.
pub fn duplicate_pins(path: &Path, note: &Note) -> Vec<Finding> {
    let mut first: HashMap<&str, std::ops::Range<usize>> = HashMap::new();
    let mut out = Vec::new();
    for (id, span) in &note.pins {
        let Some(earlier) = first.get(id.as_str()) else {
            first.insert(id, span.clone());
            continue;
        };
        out.push(finding(
            id,
            (path, span.clone()),
            (path, earlier.clone()),
            "another card of this note: one id is one Anki note, so this card is not pinned",
        ));
    }
    out
}

/// `duplicate-pin` on `pin`, given first at `first`; `given` says to what and with what
/// effect.
fn finding(id: &str, pin: (&Path, Span), first: (&Path, Span), given: &str) -> Finding {
    Finding {
        code: Code::DuplicatePin,
        severity: Code::DuplicatePin.severity(),
        message: format!("id pin `{id}` is already given to {given}; give it a different id"),
        path: pin.0.to_path_buf(),
        span: pin.1,
        related: vec![Related {
            path: first.0.to_path_buf(),
            span: first.1,
            message: format!("`{id}` pinned first here"),
        }],
        fixes: Vec::new(),
    }
}

/// A finding on the first pin of `id` in each file after the first (in path order) that
/// holds it: export keeps the card of the first file and leaves the others' out.
pub(crate) fn pins_in_other_files(ws: &Workspace, id: &str) -> Vec<Finding> {
    let files = postings(&ws.index, &ws.index.pins, id);
    let Some(&(first_path, first_note, first_at)) = files.first() else {
        return Vec::new();
    };
    let Some((_, first_span)) = first_at
        .first()
        .and_then(|&i| first_note.pins.get(i as usize))
    else {
        return Vec::new();
    };
    files
        .iter()
        .skip(1)
        .filter_map(|&(path, note, at)| {
            let (_, span) = note.pins.get(*at.first()? as usize)?;
            Some(finding(
                id,
                (path, span.clone()),
                (first_path, first_span.clone()),
                "a card of another note: one id is one Anki note, so export leaves this card out",
            ))
        })
        .collect()
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
        let findings = duplicate_pins(Path::new("a.md"), &Note::new(Path::new("a.md"), NOTE));
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
        let a = Path::new("a.md");
        assert!(duplicate_pins(a, &Note::new(a, &distinct)).is_empty());
    }

    #[test]
    fn a_pin_another_note_holds_is_reported_in_the_later_note_and_goes_with_its_fix() {
        // Export keeps the card of the first file in path order and leaves the other out.
        let a = "## GPT\n\n- **구조**: Transformer decoder <!-- id: shared -->\n";
        let b = "## BERT\n\n- **구조**: Transformer encoder <!-- id: shared -->\n";
        let mut ws = Workspace::new();
        ws.set(PathBuf::from("a.md"), a);
        ws.set(PathBuf::from("b.md"), b);
        let all = ws.check_all();
        assert_eq!(all.len(), 1, "{all:?}");
        let f = &all[0];
        assert_eq!(
            (f.code, f.path.as_path()),
            (Code::DuplicatePin, Path::new("b.md"))
        );
        assert_eq!(f.span.start, b.find("<!-- id").expect("pin"));
        assert_eq!(f.related[0].path, Path::new("a.md"));
        // The editor sees the same for the file it checks, and nothing in the first one.
        assert_eq!(ws.check_file(Path::new("b.md")), all);
        assert!(ws.check_file(Path::new("a.md")).is_empty());
        // Re-pinning the first note changes the second's findings: both are affected, and
        // the finding is gone.
        let affected = ws.set(PathBuf::from("a.md"), &a.replace("shared", "gpt-arch"));
        assert!(affected.contains(Path::new("b.md")), "{affected:?}");
        assert!(ws.check_file(Path::new("b.md")).is_empty());
        assert!(ws.check_all().is_empty());
    }
}
