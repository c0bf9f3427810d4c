//! No input makes the checker panic, and every span it reports lies on character boundaries
//! of the file it names (the language server slices text with them).

use notedeck_check::Workspace;
use proptest::prelude::*;
use std::path::{Path, PathBuf};

/// Text built from the pieces notes are made of: markup, Korean, acronyms, formulas, emoji.
fn note_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("*"),
        Just("**"),
        Just("`"),
        Just("$"),
        Just("$$"),
        Just("\n"),
        Just("\n\n"),
        Just("- "),
        Just("    "),
        Just("| "),
        Just("## "),
        Just("```\n"),
        Just("("),
        Just(")"),
        Just("LoRA (Row-rank Adaptation)"),
        Just("LoRA (Low-Rank Adaptation)"),
        Just("Masked Language Modeling (MLM)"),
        Just("ΔW = **A × B**"),
        Just("W + ΔW"),
        Just("y' = (W + BA)x"),
        Just("McM_cMc"),
        Just("α\\alphaα"),
        Just("sss"),
        Just("- **장점**: 빠름"),
        Just("| **계산량** | 적음 | 많음 |"),
        Just("📌 "),
        Just("강화학습(RL)"),
        Just("![image.png](a%20b/image.png)"),
        Just("의"),
        Just("X"),
        Just("\r\n"),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_text_checks_without_panicking(a in note_text(), b in note_text()) {
        let mut ws = Workspace::new();
        ws.set_image_resolver(std::sync::Arc::new(|_: &Path, _: &str| false));
        ws.set(PathBuf::from("a.md"), &a);
        ws.set(PathBuf::from("b.md"), &b);
        let all = ws.check_all();
        for f in &all {
            let text = if f.path == Path::new("a.md") { &a } else { &b };
            prop_assert!(text.get(f.span.clone()).is_some(), "{f:?}");
            for fix in &f.fixes {
                for e in &fix.edits {
                    let text = if e.path == Path::new("a.md") { &a } else { &b };
                    prop_assert!(text.get(e.span.clone()).is_some(), "{e:?}");
                }
            }
        }
        let mut per_file = ws.check_file(Path::new("a.md"));
        per_file.extend(ws.check_file(Path::new("b.md")));
        prop_assert_eq!(per_file, all);
        for offset in 0..=a.len() {
            let _ = ws.term_at(Path::new("a.md"), offset);
        }
    }
}
