//! The four output formats of `notedeck lint`. Positions are 0-based line and UTF-16 column in
//! JSON (as in LSP); the human, GitHub and SARIF formats print the same positions 1-based.
//!
//! Paths and note text are data: JSON and SARIF carry them JSON-escaped, the GitHub format
//! escapes them as workflow commands require, and the human format writes control characters
//! as escapes (see [`crate::display`]), so no name or note can forge a line of the report.
//!
//! The JSON shape is a stable contract (see the README's `lint` section): an array of
//! `{path, code, severity, message, range, related, fixes}` objects, sorted by path then span;
//! each fix is `{title, edits, preferred}`, `preferred` false for alternatives to choose from.

use crate::display;
use notedeck_check::{Code, Finding, Severity, Workspace};
use notedeck_parse::{Position, Span};
use serde::Serialize;
use serde_json::json;
use std::io::{self, Write};
use std::path::Path;

/// How `notedeck lint` prints its findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One ruff-like line per finding, with related places and fixes indented below.
    Human,
    /// A JSON array of findings (stable contract).
    Json,
    /// SARIF 2.1.0, for code-scanning uploads.
    Sarif,
    /// GitHub Actions workflow commands (`::error file=...::message`).
    Github,
}

/// Write `findings` (already sorted) in `format`. `files` is how many files were checked.
pub fn write(
    format: Format,
    findings: &[Finding],
    ws: &Workspace,
    files: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Human => human(findings, ws, files, out),
        Format::Json => {
            let items: Vec<JsonFinding<'_>> =
                findings.iter().map(|f| JsonFinding::new(f, ws)).collect();
            serde_json::to_writer_pretty(&mut *out, &items)?;
            writeln!(out)
        }
        Format::Sarif => {
            serde_json::to_writer_pretty(&mut *out, &sarif(findings, ws))?;
            writeln!(out)
        }
        Format::Github => github(findings, ws, out),
    }
}

/// A 0-based range in UTF-16 units, as LSP has it.
#[derive(Debug, Clone, Copy, Serialize)]
struct Range {
    start: Position,
    end: Position,
}

/// Convert a byte span of `path` to a range; a path the workspace does not hold (it cannot
/// happen for findings it produced) maps to the start of the file.
fn range(ws: &Workspace, path: &Path, span: &Span) -> Range {
    match ws.get(path) {
        Some(note) => Range {
            start: note.lines.position(&note.text, span.start),
            end: note.lines.position(&note.text, span.end),
        },
        None => {
            let zero = Position {
                line: 0,
                character: 0,
            };
            Range {
                start: zero,
                end: zero,
            }
        }
    }
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    path: String,
    code: Code,
    severity: Severity,
    message: &'a str,
    range: Range,
    related: Vec<JsonRelated<'a>>,
    fixes: Vec<JsonFix<'a>>,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    path: String,
    range: Range,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    title: &'a str,
    edits: Vec<JsonEdit<'a>>,
    /// False for alternatives the user must choose between: never apply one unasked.
    preferred: bool,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    path: String,
    range: Range,
    new_text: &'a str,
}

impl<'a> JsonFinding<'a> {
    fn new(f: &'a Finding, ws: &Workspace) -> Self {
        JsonFinding {
            path: display::raw(&f.path),
            code: f.code,
            severity: f.severity,
            message: &f.message,
            range: range(ws, &f.path, &f.span),
            related: f
                .related
                .iter()
                .map(|r| JsonRelated {
                    path: display::raw(&r.path),
                    range: range(ws, &r.path, &r.span),
                    message: &r.message,
                })
                .collect(),
            fixes: f
                .fixes
                .iter()
                .map(|fix| JsonFix {
                    title: &fix.title,
                    preferred: fix.preferred,
                    edits: fix
                        .edits
                        .iter()
                        .map(|e| JsonEdit {
                            path: display::raw(&e.path),
                            range: range(ws, &e.path, &e.span),
                            new_text: &e.new_text,
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

fn human(
    findings: &[Finding],
    ws: &Workspace,
    files: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    for f in findings {
        let at = range(ws, &f.path, &f.span).start;
        writeln!(
            out,
            "{}:{}:{}: {}[{}] {}",
            display::path(&f.path),
            at.line + 1,
            at.character + 1,
            f.severity,
            f.code,
            display::text(&f.message)
        )?;
        for r in &f.related {
            let at = range(ws, &r.path, &r.span).start;
            writeln!(
                out,
                "    = related: {}:{}:{}: {}",
                display::path(&r.path),
                at.line + 1,
                at.character + 1,
                display::text(&r.message)
            )?;
        }
        for fix in &f.fixes {
            writeln!(
                out,
                "    = {}: {}",
                fix_label(fix),
                display::text(&fix.title)
            )?;
        }
    }
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let files = plural(files, "file");
    if findings.is_empty() {
        writeln!(out, "No findings in {files}.")
    } else {
        let mut parts = Vec::new();
        for (s, name) in [
            (Severity::Error, "error"),
            (Severity::Warning, "warning"),
            (Severity::Info, "info"),
            (Severity::Hint, "hint"),
        ] {
            let n = count(s);
            if n > 0 {
                parts.push(plural(n, name));
            }
        }
        writeln!(
            out,
            "\nFound {} in {files} ({}).",
            plural(findings.len(), "finding"),
            parts.join(", ")
        )
    }
}

/// How a fix is introduced: `fix`, or `fix (choose one)` for an alternative the checker does
/// not prefer over the others.
fn fix_label(fix: &notedeck_check::Fix) -> &'static str {
    if fix.preferred {
        "fix"
    } else {
        "fix (choose one)"
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// GitHub workflow commands; related places are appended to the message because an
/// annotation has only one location. The `file` property is the real path (the runner
/// unescapes it to find the file); inside the message, paths and note text are escaped for
/// people first, so the only line breaks in an annotation are the ones added here.
fn github(findings: &[Finding], ws: &Workspace, out: &mut dyn Write) -> io::Result<()> {
    for f in findings {
        let r = range(ws, &f.path, &f.span);
        let level = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info | Severity::Hint => "notice",
        };
        let mut message = display::text(&f.message).into_owned();
        for rel in &f.related {
            let at = range(ws, &rel.path, &rel.span).start;
            message.push_str(&format!(
                "\nrelated: {}:{}:{}: {}",
                display::path(&rel.path),
                at.line + 1,
                at.character + 1,
                display::text(&rel.message)
            ));
        }
        // The preferred fix, or every alternative when there is no preferred one.
        let shown = match f.fixes.first() {
            Some(first) if first.preferred => &f.fixes[..1],
            _ => &f.fixes[..],
        };
        for fix in shown {
            message.push_str(&format!(
                "\n{}: {}",
                fix_label(fix),
                display::text(&fix.title)
            ));
        }
        writeln!(
            out,
            "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(&display::raw(&f.path)),
            r.start.line + 1,
            r.start.character + 1,
            r.end.line + 1,
            r.end.character + 1,
            escape_property(f.code.as_str()),
            escape_data(&message)
        )?;
    }
    Ok(())
}

/// Workflow command data: `%`, CR and LF are escaped (GitHub's toolkit `escapeData`).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Workflow command properties additionally escape `:` and `,` (`escapeProperty`).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The rules SARIF lists, in the README's order.
const RULES: [Code; Code::ALL.len()] = Code::ALL;

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

fn sarif(findings: &[Finding], ws: &Workspace) -> serde_json::Value {
    let rules: Vec<_> = RULES
        .iter()
        .map(|code| {
            json!({
                "id": code.as_str(),
                "name": code.as_str(),
                "shortDescription": { "text": code.doc() },
            })
        })
        .collect();
    let region = |path: &Path, span: &Span| {
        let r = range(ws, path, span);
        json!({
            "startLine": r.start.line + 1,
            "startColumn": r.start.character + 1,
            "endLine": r.end.line + 1,
            "endColumn": r.end.character + 1,
        })
    };
    let location = |path: &Path, span: &Span| {
        json!({
            "physicalLocation": {
                "artifactLocation": { "uri": uri(path) },
                "region": region(path, span),
            }
        })
    };
    let results: Vec<_> = findings
        .iter()
        .map(|f| {
            let mut result = json!({
                "ruleId": f.code,
                "level": sarif_level(f.severity),
                "message": { "text": f.message },
                "locations": [location(&f.path, &f.span)],
            });
            if let Some(index) = RULES.iter().position(|code| *code == f.code) {
                result["ruleIndex"] = json!(index);
            }
            if !f.related.is_empty() {
                result["relatedLocations"] = f
                    .related
                    .iter()
                    .enumerate()
                    .map(|(i, r)| {
                        let mut loc = location(&r.path, &r.span);
                        loc["id"] = json!(i);
                        loc["message"] = json!({ "text": r.message });
                        loc
                    })
                    .collect();
            }
            if !f.fixes.is_empty() {
                result["fixes"] = f
                    .fixes
                    .iter()
                    .map(|fix| {
                        json!({
                            "description": { "text": fix.title },
                            "artifactChanges": fix.edits.iter().map(|e| json!({
                                "artifactLocation": { "uri": uri(&e.path) },
                                "replacements": [{
                                    "deletedRegion": region(&e.path, &e.span),
                                    "insertedContent": { "text": e.new_text },
                                }],
                            })).collect::<Vec<_>>(),
                        })
                    })
                    .collect();
            }
            result
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "notedeck",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "utf16CodeUnits",
            "results": results,
        }]
    })
}

/// A relative URI reference for SARIF: the path with `/` kept and everything outside RFC
/// 3986's unreserved set percent-encoded (spaces, Korean).
fn uri(path: &Path) -> String {
    const SET: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'/')
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~');
    percent_encoding::utf8_percent_encode(&display::raw(path), SET).to_string()
}
