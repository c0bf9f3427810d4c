//! Editor features on small inline vaults, without a protocol: a fixture names its files with
//! `//- path` lines, `$0` marks the cursor, and each answer is rendered as text and compared.

use notedeck_check::Workspace;
use notedeck_ide::{Analysis, Location, MAX_DEFINITIONS, Symbol, TermCache};
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// The vault of a fixture and the cursor (file, byte offset) where `$0` was.
struct Fixture {
    ws: Workspace,
    roots: Vec<PathBuf>,
    terms: TermCache,
    cursor: Option<(PathBuf, usize)>,
}

fn fixture(text: &str) -> Fixture {
    let mut ws = Workspace::new();
    let mut cursor = None;
    for part in text.split("//- ").filter(|p| !p.trim().is_empty()) {
        let (name, body) = part.split_once('\n').expect("a path line");
        let path = PathBuf::from("/vault").join(name.trim());
        let body = match body.find("$0") {
            Some(at) => {
                cursor = Some((path.clone(), at));
                body.replacen("$0", "", 1)
            }
            None => body.to_string(),
        };
        ws.set(path, &body);
    }
    Fixture {
        ws,
        roots: vec![PathBuf::from("/vault")],
        terms: TermCache::default(),
        cursor,
    }
}

impl Fixture {
    fn analysis(&self) -> Analysis<'_> {
        Analysis::new(&self.ws, &self.roots, &self.terms)
    }

    fn cursor(&self) -> (&Path, usize) {
        let (path, at) = self.cursor.as_ref().expect("the fixture has a $0");
        (path, *at)
    }

    /// Go to definition at the cursor, each place shown by [`Fixture::show`].
    fn definitions(&self) -> Vec<String> {
        let (path, at) = self.cursor();
        self.analysis()
            .definition(path, at)
            .iter()
            .map(|l| self.show(l))
            .collect()
    }

    /// `a.md:3 "LoRA (Low-Rank Adaptation)"`: a location with the text it covers.
    fn show(&self, l: &Location) -> String {
        let note = self.ws.get(&l.path).expect("in the vault");
        format!(
            "{}:{} {:?}",
            self.analysis().display_path(&l.path),
            note.lines.line_of(l.span.start) + 1,
            &note.text[l.span.clone()]
        )
    }
}

const LORA: &str = "\
//- a.md
# 정리

## LoRA (Low-Rank Adaptation)

- **장점**: 학습할 파라미터 수 감소
//- b.md
# 복습

## QLoRA

- $0LoRA (Row-rank Adaptation)를 4-bit 양자화와 결합
- LoRA 모듈만 학습
";

#[test]
fn hover_on_a_term_names_its_definition_and_the_other_expansion() {
    let f = fixture(LORA);
    let (path, at) = f.cursor();
    let hover = f.analysis().hover(path, at).expect("a hover");
    assert_eq!(
        hover.markdown,
        "**LoRA** — Low-Rank Adaptation\n\nDefined in a.md, line 3\n\n\
         Also expanded as:\n- \"Row-rank Adaptation\" (b.md, line 5)\n\n---\n\n\
         **Card** (definition) · QLoRA\n\n**Front:** LoRA\n\n**Back:** Row-rank Adaptation"
    );
    let span = hover.span.expect("the word");
    assert_eq!(&f.ws.get(path).expect("b").text[span], "LoRA");
}

#[test]
fn definition_goes_to_the_heading_with_the_expansion_the_notes_agree_on() {
    let f = fixture(LORA);
    assert_eq!(f.definitions(), [r#"a.md:3 "LoRA (Low-Rank Adaptation)""#]);
}

#[test]
fn definition_of_a_term_many_notes_define_lists_the_nearest_first() {
    let mut vault = String::new();
    for n in 0..MAX_DEFINITIONS + 10 {
        write!(
            vault,
            "//- a/{n:03}.md\n# 정리\n\n## LoRA (Low-Rank Adaptation)\n\n- 파라미터 감소\n"
        )
        .expect("a string");
    }
    vault.push_str("//- z/c.md\n# 복습\n\n## LoRA (Low-Rank Adaptation)\n\n- 모듈만 학습\n");
    vault.push_str("//- z/d.md\n# 메모\n\n- $0LoRA 모듈만 학습\n");
    let f = fixture(&vault);
    let found = f.definitions();
    assert_eq!(found.len(), MAX_DEFINITIONS);
    // The preferred site, then the note beside the cursor's, then the rest in path order.
    assert_eq!(
        found[..3],
        [
            r#"a/000.md:3 "LoRA (Low-Rank Adaptation)""#,
            r#"z/c.md:3 "LoRA (Low-Rank Adaptation)""#,
            r#"a/001.md:3 "LoRA (Low-Rank Adaptation)""#,
        ]
    );
}

#[test]
fn references_list_every_whole_word_mention() {
    let f = fixture(LORA);
    let (path, at) = f.cursor();
    let show = |include: bool| -> Vec<String> {
        f.analysis()
            .references(path, at, include)
            .expect("a term")
            .iter()
            .map(|l| f.show(l))
            .collect()
    };
    assert_eq!(
        show(true),
        [r#"a.md:3 "LoRA""#, r#"b.md:5 "LoRA""#, r#"b.md:6 "LoRA""#]
    );
    // QLoRA is another word; without declarations the defining heading is left out.
    assert_eq!(show(false), [r#"b.md:5 "LoRA""#, r#"b.md:6 "LoRA""#]);
}

#[test]
fn completion_offers_known_terms_by_prefix() {
    let f = fixture("//- a.md\n# 정리\n\n## LoRA (Low-Rank Adaptation)\n\n- Lo$0\n");
    let (path, at) = f.cursor();
    let items = f.analysis().completions(path, at).expect("items");
    let shown: Vec<String> = items
        .iter()
        .map(|c| format!("{} | {} | {}", c.label, c.detail, c.documentation))
        .collect();
    assert_eq!(
        shown,
        ["LoRA | Low-Rank Adaptation | LoRA (Low-Rank Adaptation) — a.md, line 3"]
    );
    let symbols = f.analysis().workspace_symbols("low-rank");
    assert_eq!(symbols.len(), 1);
    assert_eq!(
        f.show(&symbols[0].location),
        r#"a.md:3 "LoRA (Low-Rank Adaptation)""#
    );
}

#[test]
fn outline_nests_sections_and_hangs_cards_under_them() {
    let f = fixture(
        "//- a.md\n# 역량평가 정리\n\n## 문제 9\n\n### BERT\n\n- **구조**: Transformer Encoder만 사용\n\
         - **사전 학습**: MLM, NSP\n\n### GPT\n\n- **구조**: Transformer Decoder\n",
    );
    let symbols = f
        .analysis()
        .document_symbols(Path::new("/vault/a.md"))
        .expect("an outline");
    let mut out = String::new();
    fn render(out: &mut String, symbols: &[Symbol], depth: usize) {
        for s in symbols {
            let _ = writeln!(
                out,
                "{}{:?} {}{}",
                "  ".repeat(depth),
                s.kind,
                s.name,
                s.detail
                    .as_deref()
                    .map(|d| format!(" ({d})"))
                    .unwrap_or_default()
            );
            render(out, &s.children, depth + 1);
        }
    }
    render(&mut out, &symbols, 0);
    assert_eq!(
        out,
        "Section(Title) 역량평가 정리\n\
         \x20 Section(Problem) 문제 9\n\
         \x20   Section(Topic) BERT\n\
         \x20     Card(Basic) 구조 (basic)\n\
         \x20     Card(Basic) 사전 학습 (basic)\n\
         \x20   Section(Topic) GPT\n\
         \x20     Card(Basic) 구조 (basic)\n"
    );
    let lenses: Vec<String> = f
        .analysis()
        .code_lenses(Path::new("/vault/a.md"))
        .expect("lenses")
        .iter()
        .map(|l| {
            format!(
                "{} {}",
                l.title,
                &f.ws.get(Path::new("/vault/a.md")).expect("a").text[l.span.clone()]
            )
        })
        .collect();
    assert_eq!(
        lenses,
        [
            "3 cards # 역량평가 정리",
            "3 cards ## 문제 9",
            "2 cards ### BERT",
            "1 card ### GPT"
        ]
    );
}

/// Actions as text: kind, title, the codes they fix, their edits and whether preferred.
fn show_actions(f: &Fixture, actions: &[notedeck_ide::Action]) -> Vec<String> {
    actions
        .iter()
        .map(|a| {
            let codes: Vec<&str> = a.fixes.iter().map(|x| x.code.as_str()).collect();
            let edits: Vec<String> = a
                .edits
                .iter()
                .map(|e| {
                    format!(
                        "{:?} -> {:?}",
                        f.show(&Location {
                            path: e.path.clone(),
                            span: e.span.clone()
                        }),
                        e.new_text
                    )
                })
                .collect();
            format!(
                "{:?} {} {:?} {} {}",
                a.kind,
                a.title,
                codes,
                edits.join(", "),
                a.preferred
            )
        })
        .collect()
}

#[test]
fn actions_on_a_wrong_expansion_offer_one_fix_for_its_one_finding_and_pinning() {
    let f = fixture(LORA);
    let (path, _) = f.cursor();
    let at =
        f.ws.get(path)
            .expect("b")
            .text
            .find("Row-rank")
            .expect("fixture");
    let findings = f.analysis().diagnostics(path);
    let actions = f.analysis().actions(path, findings, at..at, &|_| false);
    // The conflict covers the acronym mismatch: one finding, one fix.
    assert_eq!(
        show_actions(&f, &actions),
        [
            r#"QuickFix Replace with "Low-Rank Adaptation" ["conflicting-expansion"] "b.md:5 \"Row-rank Adaptation\"" -> "Low-Rank Adaptation" true"#,
            r#"PinCardId Pin card id (41o5q3Tq1Y1) [] "b.md:5 \"\"" -> " <!-- id: 41o5q3Tq1Y1 -->" false"#,
            r#"PinCardId Pin card id (BICVzCH8VJJ) [] "b.md:5 \"\"" -> " <!-- id: BICVzCH8VJJ -->" false"#,
        ]
    );
}

#[test]
fn an_undecided_tie_offers_two_fixes_to_choose_from_neither_preferred() {
    // Twice each, both English, both spell CD: nothing tells which is meant.
    let f = fixture(
        "\
//- a.md
- CD (Continuous Delivery) 단계
- CD (Continuous Delivery) 자동화
//- b.md
- **배포**: $0CD (Continuous Deployment)와 CD (Continuous Deployment)
",
    );
    let (path, at) = f.cursor();
    let line = at..f.ws.get(path).expect("b").text.len();
    let findings = f.analysis().diagnostics(path);
    assert_eq!(findings.len(), 2, "{findings:#?}");
    let mut actions = f.analysis().actions(path, findings, line, &|_| false);
    actions.retain(|a| a.kind == notedeck_ide::ActionKind::QuickFix);
    // Each place may take the other variant; "use this one everywhere" is the same edit for
    // both findings, so it is one action listing both. None is preferred: an editor's "fix
    // all" must not pick one, let alone apply both.
    assert_eq!(
        show_actions(&f, &actions),
        [
            r#"QuickFix Replace with "Continuous Delivery" ["conflicting-expansion"] "b.md:1 \"Continuous Deployment\"" -> "Continuous Delivery" false"#,
            r#"QuickFix Use "Continuous Deployment" everywhere (changes 2 other places) ["conflicting-expansion", "conflicting-expansion"] "a.md:1 \"Continuous Delivery\"" -> "Continuous Deployment", "a.md:2 \"Continuous Delivery\"" -> "Continuous Deployment" false"#,
            r#"QuickFix Replace with "Continuous Delivery" ["conflicting-expansion"] "b.md:1 \"Continuous Deployment\"" -> "Continuous Delivery" false"#,
        ]
    );
}
