//! `parse` returns for any input, and every span it reports is inside the text on character
//! boundaries (the language server slices and converts them without checking).

use notedeck_parse::{Document, Span, parse, pasted_katex};
use proptest::prelude::*;

const NOTES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../notes/역량평가 정리.md"
));

fn check_spans(text: &str, d: &Document) {
    let ok = |s: &Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    for s in &d.sections {
        assert!(ok(&s.span) && ok(&s.heading_span), "section {s:?}");
    }
    let mut ids = std::collections::HashSet::new();
    for c in &d.cards {
        assert!(ok(&c.span), "card {c:?}");
        assert!(c.line >= 1);
        // No card has an empty side; a cloze always deletes something.
        assert!(!c.front.trim().is_empty(), "card {c:?}");
        if c.kind == notedeck_parse::CardKind::Cloze {
            assert!(c.cloze.iter().any(|d| d.number == 1), "card {c:?}");
        } else {
            assert!(!c.back.trim().is_empty(), "card {c:?}");
        }
        assert!(
            ids.insert(c.id.clone()) || c.pinned_id.is_some(),
            "duplicate id {c:?}"
        );
        for im in &c.images {
            assert!(ok(&im.span));
        }
        // Hidden parts lie in the front, in order, on character boundaries.
        let mut end = 0;
        for d in &c.cloze {
            assert!(
                end <= d.range.start
                    && d.range.start <= d.range.end
                    && c.front.get(d.range.clone()).is_some(),
                "card {c:?}"
            );
            end = d.range.end;
        }
    }
    for t in &d.terms {
        assert!(
            ok(&t.span) && ok(&t.name_span) && ok(&t.expansion_span),
            "term {t:?}"
        );
    }
    for c in &d.claims {
        assert!(ok(&c.span) && ok(&c.value_span), "claim {c:?}");
    }
    check_term_and_claim_text(text, d);
    for i in &d.images {
        assert!(ok(&i.span));
    }
    for s in &d.skipped {
        assert!(ok(&s.span));
    }
    for p in &d.problems {
        assert!(ok(&p.span));
    }
    for k in pasted_katex(text) {
        assert!(ok(&k.span) && ok(&k.rendered) && ok(&k.tex));
    }
}

/// Every term and claim span holds exactly its text, up to inline markup: `*`, `_`, `` ` ``,
/// `~`, `$` and backslashes are ignored and whitespace runs compare as one space (a name in
/// bold, an expansion wrapped over two lines). A claim's value is what a card shows, so
/// pasted KaTeX in its span counts as its TeX source (`sss` → `s`), and a link in it as its
/// text (`[Red Hat](https://…)` → `Red Hat`). The checker underlines and rewrites these spans.
fn check_term_and_claim_text(text: &str, d: &Document) {
    fn norm(s: &str) -> String {
        let mut unlinked = String::with_capacity(s.len());
        let mut rest = s;
        while let Some(i) = rest.find("](") {
            unlinked.push_str(&rest[..i]);
            rest = rest[i + 2..]
                .find(')')
                .map_or("", |j| &rest[i + 2 + j + 1..]);
        }
        unlinked.push_str(rest);
        unlinked
            .replace('[', "")
            .split(char::is_whitespace)
            .map(|w| w.replace(['*', '_', '`', '~', '$', '\\'], ""))
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }
    let holds = |span: &Span, want: &str| {
        text.get(span.clone())
            .is_some_and(|got| norm(got) == norm(want))
    };
    let mut seen = std::collections::HashSet::new();
    for t in &d.terms {
        assert!(holds(&t.name_span, &t.name), "term name {t:?} in {text:?}");
        assert!(
            holds(&t.expansion_span, &t.expansion),
            "term expansion {t:?} in {text:?}"
        );
        assert!(
            t.span.start <= t.name_span.start.min(t.expansion_span.start)
                && t.name_span.end.max(t.expansion_span.end) <= t.span.end,
            "term {t:?}"
        );
        assert!(
            seen.insert(t.name_span.clone()),
            "term reported twice {t:?}"
        );
    }
    for c in &d.claims {
        // The value was reduced to TeX after markup (`*`, math's `$`) was removed, so try
        // both orders: pasted KaTeX next to a `$` reads differently from the same text
        // without it.
        let as_tex = text.get(c.value_span.clone()).is_some_and(|got| {
            let tex = notedeck_parse::math::tex_only;
            norm(&tex(got)) == norm(&c.value)
                || norm(&tex(&got.replace('*', ""))) == norm(&c.value)
                || norm(&tex(&got.replace(['*', '$'], ""))) == norm(&c.value)
        });
        assert!(
            holds(&c.value_span, &c.value) || as_tex,
            "claim value {c:?} in {text:?}"
        );
        assert!(
            c.span.start <= c.value_span.start && c.value_span.end <= c.span.end,
            "claim {c:?}"
        );
    }
}

#[test]
fn real_notes_terms_and_claims_hold_their_text() {
    check_spans(NOTES, &parse(NOTES, "역량평가 정리"));
}

#[test]
fn term_inside_a_multi_line_code_span() {
    // Found by property testing: both terms got the span of the opening backtick.
    let text = "| **계산량** | 적음 | 많음 |```\n*LoRA (Row-rank Adaptation)LoRA (Row-rank Adaptation)```\n";
    check_spans(text, &parse(text, "t"));
}

/// Pieces of Markdown the notes are made of, to build nasty inputs from.
fn markdown_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("# ".to_string()),
        Just("### 문항".to_string()),
        Just("## **".to_string()),
        Just("**".to_string()),
        Just("- ".to_string()),
        Just("    1. ".to_string()),
        Just("| a | b |\n| --- | --- |\n| ".to_string()),
        Just("📌 **암기 팁**\n\n".to_string()),
        Just("> “X = ".to_string()),
        Just("McM_cMc".to_string()),
        Just("α\\alphaα".to_string()),
        Just("$x_{i}$".to_string()),
        Just("```\n".to_string()),
        Just("<!-- id: a -->".to_string()),
        Just("![i](a%20b.png)".to_string()),
        Just("LoRA (Low-Rank Adaptation)".to_string()),
        Just("Masked Language Modeling (MLM)".to_string()),
        Just("}}".to_string()),
        Just("<!-->".to_string()),
        Just("![a **b**](u v)".to_string()),
        Just(" = ".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("$$\n".to_string()),
        Just("# 1) ".to_string()),
        Just("**Exam tip:**\n\n".to_string()),
        Just("−∞-\\infty".to_string()),
        Just("Mc(x,y)=∑kMc(x, y) = \\sum_k".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        "[가-힣a-zA-Z0-9 ()_^\\\\:=→*]{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_text(text in "\\PC{0,400}") {
        let d = parse(&text, "t");
        check_spans(&text, &d);
    }

    #[test]
    fn markdown_soup(pieces in proptest::collection::vec(markdown_piece(), 0..60)) {
        let text: String = pieces.concat();
        let d = parse(&text, "t");
        check_spans(&text, &d);
    }

    #[test]
    fn splices_of_the_real_notes(cuts in proptest::collection::vec((0usize..NOTES.len(), 0usize..2000), 1..6)) {
        // Concatenate random slices of the notes (snapped to character boundaries).
        let mut text = String::new();
        for (start, len) in cuts {
            let mut s = start;
            while !NOTES.is_char_boundary(s) { s -= 1; }
            let mut e = (s + len).min(NOTES.len());
            while !NOTES.is_char_boundary(e) { e -= 1; }
            text.push_str(&NOTES[s..e]);
        }
        let d = parse(&text, "t");
        check_spans(&text, &d);
    }
}
