//! Hostile input: nesting deep enough to overflow a recursive walk, old Mac line endings,
//! NUL bytes. `parse` must answer, on a small stack too (the CLI and the language server
//! parse on worker threads).

use notedeck_parse::{Document, parse};

/// 100,000 levels of each kind of nesting a note can express on one line.
fn deep_notes() -> Vec<(&'static str, String)> {
    const N: usize = 100_000;
    vec![
        ("lists", "- ".repeat(N) + "x\n"),
        ("quotes", ">".repeat(N) + " x\n"),
        ("quote-list mix", "> - ".repeat(N) + "x\n"),
        ("ordered lists", "1. ".repeat(N) + "x\n"),
        ("emphasis", "*".repeat(N) + "x" + &"*".repeat(N) + "\n"),
        ("strong", "**".repeat(N) + "x" + &"**".repeat(N) + "\n"),
        ("brackets", "[".repeat(N) + "x" + &"]".repeat(N) + "\n"),
        ("links", "[".repeat(N) + "x" + &"](u)".repeat(N) + "\n"),
        (
            "images",
            "![".repeat(N) + "x" + &"](u.png)".repeat(N) + "\n",
        ),
        (
            "lists under a topic",
            "# T\n\n## 문제 1\n\n### **A (Alpha)**\n\n".to_string()
                + &"- **a**: ".repeat(N)
                + "x\n",
        ),
    ]
}

/// Parse on a thread with the default 2 MiB stack, as the CLI's and server's workers do.
fn parse_small_stack(text: String) -> Document {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || parse(&text, "deep"))
        .expect("spawn")
        .join()
        .expect("parse returned")
}

#[test]
fn nesting_100k_levels_deep_parses_on_a_small_stack() {
    for (what, text) in deep_notes() {
        let doc = parse_small_stack(text.clone());
        for c in &doc.cards {
            assert!(c.span.end <= text.len(), "{what}: card {c:?}");
        }
        if matches!(
            what,
            "lists" | "quotes" | "quote-list mix" | "ordered lists"
        ) {
            assert!(
                doc.problems
                    .iter()
                    .any(|p| p.message.contains("nested deeper than")),
                "{what}: no nesting problem in {:?}",
                doc.problems
            );
        }
    }
}

#[test]
fn shallow_nesting_is_not_a_problem() {
    let text = "- a\n  - b\n    - c\n      > d\n";
    let doc = parse(text, "t");
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
}

const NOTES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../notes/역량평가 정리.md"
));

/// Everything a card or a position depends on, spans included.
fn summary(doc: &Document) -> String {
    let mut out = String::new();
    for c in &doc.cards {
        out += &format!(
            "{:?} {} {:?} {} | {} | {} | {:?} {:?}\n",
            c.kind, c.id, c.span, c.line, c.front, c.back, c.cloze, c.images
        );
    }
    for s in &doc.sections {
        out += &format!(
            "{:?} {} {:?} {:?}\n",
            s.kind, s.title, s.span, s.heading_span
        );
    }
    for t in &doc.terms {
        out += &format!("{} {} {:?}\n", t.name, t.expansion, t.span);
    }
    for c in &doc.claims {
        out += &format!("{} {} {} {:?}\n", c.subject, c.attribute, c.value, c.span);
    }
    for s in &doc.skipped {
        out += &format!("{} {:?} {}\n", s.line, s.span, s.reason);
    }
    for p in &doc.problems {
        out += &format!("{:?} {}\n", p.span, p.message);
    }
    out
}

#[test]
fn lf_crlf_and_lone_cr_give_the_same_document() {
    let fenced = "# T\n\n## 문제 1\n\n### **A (Alpha)**\n\n- **code**:\n\n  ```\n  - **not**: a card\n  ```\n\n- **b**: c $x$\n";
    for lf in [NOTES, fenced] {
        let crlf = lf.replace('\n', "\r\n");
        let cr = lf.replace('\n', "\r");
        // Same byte length for CR, so every span must be equal; CRLF shifts them.
        let want = summary(&parse(lf, "t"));
        assert_eq!(summary(&parse(&cr, "t")), want);
        let crlf_doc = parse(&crlf, "t");
        let lf_doc = parse(lf, "t");
        assert_eq!(crlf_doc.cards.len(), lf_doc.cards.len());
        for (a, b) in crlf_doc.cards.iter().zip(&lf_doc.cards) {
            assert_eq!(
                (a.line, &a.front, &a.back, &a.id),
                (b.line, &b.front, &b.back, &b.id)
            );
        }
    }
}

#[test]
fn line_index_counts_cr_lf_and_crlf_as_one_line_end_each() {
    use notedeck_parse::{LineIndex, Position};
    let text = "a\rb\r\nc\nd";
    let index = LineIndex::new(text);
    assert_eq!(index.line_count(), 4);
    for (offset, line, character) in [
        (0, 0, 0),
        (1, 0, 1),
        (2, 1, 0),
        (3, 1, 1),
        (5, 2, 0),
        (7, 3, 0),
    ] {
        assert_eq!(
            index.position(text, offset),
            Position { line, character },
            "offset {offset}"
        );
    }
    // The CR of a CRLF belongs to the line it ends.
    assert_eq!(
        index.offset(
            text,
            Position {
                line: 1,
                character: 9
            }
        ),
        3
    );
    assert_eq!(
        index.offset(
            text,
            Position {
                line: 0,
                character: 9
            }
        ),
        1
    );
}

#[test]
fn nul_becomes_the_replacement_character_in_every_field() {
    let text = "# T\0itle\n\n## 문제 1\n\n### **A\0 (Al\0pha)**\n\n- **ke\0y**: va\0lue `co\0de` $x\0$\n- **k2**: ![a\0lt](i\0.png) <b\0>\n- **c**: {{c1::a\0b}} and {{c2::\0}}\n\n```\nfen\0ce\n```\n";
    let doc = parse(text, "t");
    let json = serde_json::to_string(&doc).expect("json");
    assert!(!json.contains("\\u0000"), "{json}");
    assert!(doc.cards.len() >= 2, "{:?}", doc.cards);
    for c in &doc.cards {
        for d in &c.cloze {
            assert!(c.front.get(d.range.clone()).is_some(), "{c:?}");
        }
    }
}

mod fuzz {
    use notedeck_parse::{Document, LineIndex, Span, parse};
    use proptest::prelude::*;

    /// Markdown-ish pieces with the hostile parts: every line ending, NUL, astral and
    /// Hangul characters, and nesting past the cap.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("#".to_string()),
            Just("## 문제 1".to_string()),
            Just("- ".to_string()),
            Just("1. ".to_string()),
            Just("> ".to_string()),
            Just("| a | b |\n|---|---|\n| ".to_string()),
            Just("|".to_string()),
            Just("**".to_string()),
            Just("*".to_string()),
            Just("$".to_string()),
            Just("$$".to_string()),
            Just("`".to_string()),
            Just("```".to_string()),
            Just("[".to_string()),
            Just("](u)".to_string()),
            Just("\r".to_string()),
            Just("\n".to_string()),
            Just("\r\n".to_string()),
            Just("\0".to_string()),
            Just("📌".to_string()),
            Just("한국어 ".to_string()),
            Just("LoRA (Low-Rank Adaptation)".to_string()),
            Just("- **라벨**: 값".to_string()),
            Just("<!-- id: x -->".to_string()),
            Just("- ".repeat(40)),
            Just("> ".repeat(40)),
            Just("> - ".repeat(20)),
            "[a-z가-힣 ]{0,8}",
        ]
    }

    fn check(text: &str, d: &Document) {
        let ok = |s: &Span| {
            s.start <= s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end)
        };
        let lines = LineIndex::new(text);
        for s in &d.sections {
            assert!(ok(&s.span) && ok(&s.heading_span), "{s:?}");
        }
        for c in &d.cards {
            assert!(ok(&c.span), "{c:?}");
            assert_eq!(c.line, lines.line_of(c.span.start) + 1, "{c:?}");
            for x in &c.cloze {
                assert!(c.front.get(x.range.clone()).is_some(), "{c:?}");
            }
            for s in [&c.front, &c.back, &c.key] {
                assert!(!s.contains('\0'), "{c:?}");
            }
        }
        for t in &d.terms {
            assert!(
                ok(&t.span) && ok(&t.name_span) && ok(&t.expansion_span),
                "{t:?}"
            );
        }
        for c in &d.claims {
            assert!(ok(&c.span) && ok(&c.value_span), "{c:?}");
        }
        for i in &d.images {
            assert!(ok(&i.span), "{i:?}");
        }
        for s in &d.skipped {
            assert!(ok(&s.span), "{s:?}");
        }
        for p in &d.problems {
            assert!(ok(&p.span), "{p:?}");
        }
    }

    proptest! {
        // 256 cases of at most 80 pieces: about a second in debug.
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn hostile_soup(pieces in proptest::collection::vec(piece(), 0..80)) {
            let text = pieces.concat();
            check(&text, &parse(&text, "t"));
        }
    }
}
