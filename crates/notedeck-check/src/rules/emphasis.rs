//! `broken-emphasis`: `*`/`**` runs that do not pair up, so a renderer prints the asterisks.
//!
//! Notion's export sometimes loses one star: `- *NAS(Neural Architecture Search)**의 한 방법`
//! opens with `*` and closes with `**`, and every Markdown renderer shows both literally. The
//! rule pairs runs of the same length within one paragraph (a soft line break does not end
//! emphasis), skipping code, math, list markers and stars with spaces on both sides
//! (`a * b`). It is deliberately lenient about CommonMark's flanking rules, which would also
//! reject the balanced `**강화학습(RL)**의` (a `**` after punctuation and before a letter): that
//! is a renderer limitation with Korean particles, not a typo the writer can see.

use crate::{Code, Edit, Finding, Fix};
use std::path::Path;

/// Findings for unbalanced emphasis in `text`.
pub fn broken_emphasis(path: &Path, text: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    if !text.contains('*') {
        return out;
    }
    for_each_unit(text, |unit| {
        if has_star(text, unit) {
            check_unit(path, text, unit, &mut out);
        }
    });
    out
}

/// A run of `*` in the text.
#[derive(Debug, Clone, Copy)]
struct Run {
    start: usize,
    len: usize,
    can_open: bool,
    can_close: bool,
}

/// A stretch of inline text in which emphasis can pair: a paragraph (several lines joined by
/// soft breaks), a list item's first line plus its lazy continuation, a heading, or one table
/// cell, as byte ranges of `text` (list and quote markers left out).
type Unit = [(usize, usize)];

fn check_unit(path: &Path, text: &str, unit: &Unit, out: &mut Vec<Finding>) {
    let runs = star_runs(text, unit);
    let mut stack: Vec<Run> = Vec::new();
    let mut unmatched: Vec<Run> = Vec::new();
    for run in runs {
        if let Some(pos) = stack
            .iter()
            .rposition(|o| o.len == run.len)
            .filter(|_| run.can_close)
        {
            // Openers between the match and this closer never closed.
            unmatched.extend(stack.drain(pos + 1..));
            stack.pop();
            continue;
        }
        if run.can_open {
            stack.push(run);
        } else {
            unmatched.push(run);
        }
    }
    unmatched.extend(stack);
    unmatched.sort_by_key(|r| r.start);

    let mut i = 0;
    while i < unmatched.len() {
        let run = unmatched[i];
        let next = unmatched.get(i + 1).copied();
        if let Some(close) = next.filter(|c| run.can_open && c.can_close && c.len != run.len) {
            out.push(mismatched(path, text, run, close));
            i += 2;
            continue;
        }
        // A lone `*` may be meant literally (a footnote mark, `p*`); a lone `**` never is.
        if run.len >= 2 {
            out.push(unclosed(path, text, run));
        }
        i += 1;
    }
}

fn mismatched(path: &Path, text: &str, open: Run, close: Run) -> Finding {
    let (short, long) = if open.len < close.len {
        (open, close)
    } else {
        (close, open)
    };
    let stars = "*".repeat(long.len);
    let inner = text.get(open.start + open.len..close.start).unwrap_or("");
    Finding {
        code: Code::BrokenEmphasis,
        severity: Code::BrokenEmphasis.severity(),
        message: format!(
            "emphasis opens with `{}` but closes with `{}`, so the asterisks show literally",
            "*".repeat(open.len),
            "*".repeat(close.len)
        ),
        path: path.to_path_buf(),
        span: open.start..close.start + close.len,
        related: Vec::new(),
        fixes: vec![Fix {
            title: format!("Balance the emphasis: `{stars}{inner}{stars}`"),
            edits: vec![Edit {
                path: path.to_path_buf(),
                span: short.start..short.start + short.len,
                new_text: stars.clone(),
            }],
            preferred: true,
        }],
    }
}

fn unclosed(path: &Path, _text: &str, run: Run) -> Finding {
    let stars = "*".repeat(run.len);
    let what = if run.can_open && !run.can_close {
        "is never closed"
    } else {
        "closes nothing"
    };
    Finding {
        code: Code::BrokenEmphasis,
        severity: Code::BrokenEmphasis.severity(),
        message: format!("`{stars}` {what} in this paragraph, so it shows literally"),
        path: path.to_path_buf(),
        span: run.start..run.start + run.len,
        related: Vec::new(),
        fixes: Vec::new(),
    }
}

/// Star runs of a unit, outside code spans, inline math and escapes.
fn star_runs(text: &str, unit: &Unit) -> Vec<Run> {
    // Join the pieces virtually: positions map back to `text` through `pieces`. Working per
    // piece with the neighbouring characters taken across piece borders as whitespace matches
    // how a soft line break behaves (it is a space for flanking purposes).
    let mut runs = Vec::new();
    let mut code_ticks: Option<usize> = None;
    let mut in_math = false;
    for &(start, end) in unit {
        let Some(piece) = text.get(start..end) else {
            continue;
        };
        let bytes = piece.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Every other byte only steps on: go straight to the next that matters.
            i = next_special(bytes, i);
            let Some(&b) = bytes.get(i) else { break };
            if b == b'\\' {
                i += 2;
                continue;
            }
            if b == b'`' {
                let n = count(bytes, i, b'`');
                match code_ticks {
                    None if has_closing_ticks(unit, text, start + i + n, n) => code_ticks = Some(n),
                    Some(open) if open == n => code_ticks = None,
                    _ => {}
                }
                i += n;
                continue;
            }
            if code_ticks.is_some() {
                i += 1;
                continue;
            }
            if b == b'$' {
                let n = count(bytes, i, b'$');
                if in_math {
                    in_math = false;
                } else if next_char(piece, i + n).is_some_and(|c| !c.is_whitespace()) {
                    in_math = true;
                }
                i += n;
                continue;
            }
            if in_math || b != b'*' {
                i += 1;
                continue;
            }
            let n = count(bytes, i, b'*');
            let before = prev_char(piece, i);
            let after = next_char(piece, i + n);
            let space_before = before.is_none_or(char::is_whitespace);
            let space_after = after.is_none_or(char::is_whitespace);
            if !(space_before && space_after) {
                runs.push(Run {
                    start: start + i,
                    len: n,
                    can_open: !space_after,
                    can_close: !space_before,
                });
            }
            i += n;
        }
    }
    runs
}

/// Offset of the first `\\`, `` ` ``, `$` or `*` at or after `from`, or the end.
fn next_special(bytes: &[u8], from: usize) -> usize {
    notedeck_repair::next_byte(bytes, from, |b| matches!(b, b'\\' | b'`' | b'$' | b'*'))
}

fn has_closing_ticks(pieces: &[(usize, usize)], text: &str, from: usize, n: usize) -> bool {
    for &(start, end) in pieces {
        if end <= from {
            continue;
        }
        let lo = start.max(from);
        let Some(s) = text.get(lo..end) else {
            continue;
        };
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'`' {
                let k = count(bytes, i, b'`');
                if k == n {
                    return true;
                }
                i += k;
            } else {
                i += 1;
            }
        }
    }
    false
}

fn count(bytes: &[u8], from: usize, b: u8) -> usize {
    bytes[from..].iter().take_while(|&&x| x == b).count()
}

fn prev_char(s: &str, i: usize) -> Option<char> {
    s.get(..i).and_then(|p| p.chars().next_back())
}

fn next_char(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|p| p.chars().next())
}

/// Call `visit` with each unit of `text`, skipping fenced code and `$$` display math. One
/// buffer is reused for every unit: a vault has millions of lines.
fn for_each_unit(text: &str, mut visit: impl FnMut(&Unit)) {
    let mut current: Vec<(usize, usize)> = Vec::new();
    let mut flush = |current: &mut Vec<(usize, usize)>| {
        if !current.is_empty() {
            visit(current);
            current.clear();
        }
    };
    let mut fence: Option<(u8, usize)> = None;
    let mut display_math = false;
    let mut offset = 0;
    for raw in notedeck_parse::split_lines(text) {
        let line_start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let content_start = line_start + indent;
        let line_end = line_start + line.len();

        if let Some((ch, n)) = fence {
            if count(trimmed.as_bytes(), 0, ch) >= n && trimmed.trim_matches(ch as char).is_empty()
            {
                fence = None;
            }
            continue;
        }
        let tb = trimmed.as_bytes();
        if let Some(&ch @ (b'`' | b'~')) = tb.first() {
            let n = count(tb, 0, ch);
            if n >= 3 {
                flush(&mut current);
                fence = Some((ch, n));
                continue;
            }
        }
        if trimmed == "$$" {
            flush(&mut current);
            display_math = !display_math;
            continue;
        }
        if display_math {
            continue;
        }
        if trimmed.is_empty() || is_thematic_break(trimmed) {
            flush(&mut current);
            continue;
        }
        if trimmed.starts_with('|') {
            flush(&mut current);
            for cell in table_cells(line, line_start) {
                current.push(cell);
                flush(&mut current);
            }
            continue;
        }
        let marker = block_marker(trimmed);
        if marker.is_some() || trimmed.starts_with('#') {
            flush(&mut current);
        }
        let body_start = content_start + marker.unwrap_or(0);
        current.push((body_start, line_end));
        if trimmed.starts_with('#') {
            flush(&mut current);
        }
    }
    flush(&mut current);
}

/// Whether any piece of the unit holds a `*` (most units have none worth scanning).
fn has_star(text: &str, unit: &Unit) -> bool {
    unit.iter()
        .any(|&(s, e)| text.as_bytes().get(s..e).is_some_and(|b| b.contains(&b'*')))
}

/// Length of a list or blockquote marker (with its space) at the start of `line`, if any.
fn block_marker(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    match b.first()? {
        b'-' | b'*' | b'+' if b.get(1).is_none_or(|c| *c == b' ' || *c == b'\t') => {
            Some(b.len().min(2))
        }
        b'>' => Some(if b.get(1) == Some(&b' ') { 2 } else { 1 }),
        b'0'..=b'9' => {
            let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
            match (b.get(digits), b.get(digits + 1)) {
                (Some(b'.' | b')'), Some(b' ') | None) => Some((digits + 2).min(b.len())),
                _ => None,
            }
        }
        _ => None,
    }
}

fn is_thematic_break(line: &str) -> bool {
    let Some(first @ (b'*' | b'-' | b'_')) = line.bytes().next() else {
        return false;
    };
    let mut marks = 0;
    for b in line.bytes() {
        match b {
            b' ' | b'\t' => {}
            _ if b == first => marks += 1,
            _ => return false,
        }
    }
    marks >= 3
}

/// Byte ranges of the cells of a table row (between unescaped `|` outside backticks).
fn table_cells(line: &str, line_start: usize) -> Vec<(usize, usize)> {
    let mut cells = Vec::new();
    let bytes = line.as_bytes();
    let mut in_code = false;
    let mut cell_start = None;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'`' => in_code = !in_code,
            b'|' if !in_code => {
                if let Some(s) = cell_start {
                    cells.push((line_start + s, line_start + i));
                }
                cell_start = Some(i + 1);
            }
            _ => {}
        }
        i += 1;
    }
    if let Some(s) = cell_start.filter(|&s| s < bytes.len()) {
        cells.push((line_start + s, line_start + bytes.len()));
    }
    cells
}
