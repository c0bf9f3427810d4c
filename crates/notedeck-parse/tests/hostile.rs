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
