//! Math in notes: pasted KaTeX runs and their conversion to MathJax for Anki.
//!
//! Copying a formula out of a KaTeX-rendered page (Notion does this) pastes its text twice or
//! three times on one line: the MathML text (`Mc`), the TeX source from the annotation
//! (`M_c`), and for inline math often the HTML rendering again (`Mc`): `McM_cMc`. Only the TeX
//! source is worth keeping; the rest would show up as garbled duplicates on a card.
//!
//! Detection never guesses from the look of the text alone: a run is reported only when the
//! text right before a TeX-looking stretch is exactly what that TeX renders to (ignoring
//! spaces and invisible operators), so ordinary prose such as `f_k(x, y)` or `delta_W` is left
//! alone. The one exception is KaTeX's paste of a single-letter formula (`www`, `sss`): three
//! copies of the same lower-case ASCII letter standing alone as a word.

mod find;
mod tex;

pub(crate) use find::{fence_marker, runs_in_line, strip_line_prefix};

use crate::Span;
use find::{find_in_line, find_runs_in_segment, scan_hints};

/// One pasted KaTeX run found by [`pasted_katex`]. All spans are byte ranges into the text
/// that was searched.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PastedKatex {
    /// The whole pasted run: rendered text, TeX source and any trailing second rendering.
    pub span: Span,
    /// The rendered (MathML) text before the TeX source: `Mc` in `McM_cMc`.
    pub rendered: Span,
    /// The TeX source: `M_c` in `McM_cMc`. This is what a card should show.
    pub tex: Span,
    /// True when the run is a formula on a line of its own (a display formula).
    pub display: bool,
}

/// Find pasted KaTeX runs (`McM_cMc`, `α\alphaα`, `−∞-\infty`, `Mc(x,y)=∑kwc,k⋅fk(x,y)M_c(x, y)
/// = \sum_k w_{c,k} \cdot f_k(x, y)`) in `text`, in source order.
///
/// Fenced code blocks, inline code spans, `$…$` math and `$$` blocks spanning lines are not
/// searched: TeX there is meant as written. Runs never overlap and never cross a line break.
/// The function is pure and linear in practice (each candidate is compared only against the
/// word right before it).
pub fn pasted_katex(text: &str) -> Vec<PastedKatex> {
    // Same length, so the spans found are right for `text`.
    let text = &*crate::position::lone_cr_as_lf(text);
    let mut out = Vec::new();
    let mut in_fence: Option<(u8, usize)> = None;
    // Inside a `$$` block spanning lines: TeX meant as written, like a fence.
    let mut in_display = false;
    let mut line_start = 0;
    while line_start < text.len() {
        // The checker runs this over every note: a vectorised search for the line's end.
        let line_end = memchr::memchr(b'\n', &text.as_bytes()[line_start..])
            .map_or(text.len(), |i| line_start + i);
        let line = &text[line_start..line_end];
        let trimmed = line.trim_start_matches([' ', '\t', '>']);
        let fence = fence_marker(trimmed);
        if in_fence.is_none() && (in_display || trimmed.starts_with("$$")) {
            let odd = !trimmed.matches("$$").count().is_multiple_of(2);
            if in_display || odd {
                // Inside, an odd count closes the block; outside, it opens one.
                in_display = in_display != odd;
                line_start = line_end + 1;
                continue;
            }
        }
        match (in_fence, fence) {
            (Some((ch, len)), Some((c2, l2))) if c2 == ch && l2 >= len => in_fence = None,
            (None, Some(f)) => in_fence = Some(f),
            (None, None) if scan_hints(line.as_bytes()) != (false, false) => {
                find_in_line(line, line_start, &mut out);
            }
            _ => {}
        }
        line_start = line_end + 1;
    }
    out
}

/// Second renderings of display formulas on a neighbouring line: KaTeX's HTML text that the
/// paste put on the line before or after the formula (`계산:Mc(x,y)=k∑wc,k⋅fk(x,y)` above
/// `Mc(x,y)=∑kwc,k⋅fk(x,y)M_c(x, y) = …`). A copy is the whole line (without list marker) or
/// the part after a `:`, holding exactly the characters of the formula's rendered text in
/// any order. Spans are sorted and do not overlap the runs.
pub fn katex_copies(text: &str, runs: &[PastedKatex]) -> Vec<Span> {
    let text = &*crate::position::lone_cr_as_lf(text);
    let mut out: Vec<Span> = Vec::new();
    for run in runs.iter().filter(|r| r.display) {
        let Some(rendered) = text.get(run.rendered.clone()) else {
            continue;
        };
        let mut want: Vec<char> = rendered.chars().map(canon).filter(|&c| c != '\0').collect();
        want.sort_unstable();
        let line_start = text[..run.span.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[run.span.end..]
            .find('\n')
            .map_or(text.len(), |i| run.span.end + i);
        for neighbour in [prev_line(text, line_start), next_line(text, line_end)]
            .into_iter()
            .flatten()
        {
            if let Some(span) = copy_in_line(text, neighbour, &want) {
                out.push(span);
            }
        }
    }
    out.sort_by_key(|s| s.start);
    out.dedup();
    out
}

/// The previous non-blank line before the line starting at `start`.
fn prev_line(text: &str, start: usize) -> Option<Span> {
    let mut end = start.checked_sub(1)?;
    loop {
        let s = text[..end].rfind('\n').map_or(0, |i| i + 1);
        if !text[s..end].trim().is_empty() {
            return Some(s..end);
        }
        end = s.checked_sub(1)?;
    }
}

/// The next non-blank line after the line ending at `end` (at its `\n` or the text end).
fn next_line(text: &str, end: usize) -> Option<Span> {
    let mut s = end + 1;
    while s < text.len() {
        let e = text[s..].find('\n').map_or(text.len(), |i| s + i);
        if !text[s..e].trim().is_empty() {
            return Some(s..e);
        }
        s = e + 1;
    }
    None
}

fn copy_in_line(text: &str, line: Span, want: &[char]) -> Option<Span> {
    let l = text.get(line.clone())?;
    let body = strip_line_prefix(l);
    let body_start = line.start + (l.len() - body.len());
    let mut candidates = vec![body_start];
    candidates.extend(body.match_indices(':').map(|(i, _)| body_start + i + 1));
    for start in candidates {
        let part = text.get(start..line.end)?;
        let mut have: Vec<char> = part.chars().map(canon).filter(|&c| c != '\0').collect();
        have.sort_unstable();
        if !have.is_empty() && have == want {
            let lead = part.len() - part.trim_start().len();
            return Some(start + lead..line.end - (part.len() - part.trim_end().len()));
        }
    }
    None
}

/// Render `text` (plain text, no Markdown) as HTML with pasted KaTeX runs replaced by MathJax
/// delimiters around their TeX source: `\(…\)` inline, `\[…\]` when `display` says the text is
/// a formula of its own. The rest is HTML-escaped.
pub fn text_to_html(text: &str, out: &mut String) {
    text_to_html_in(text, true, out);
}

/// [`text_to_html`] for text that may be only part of its block: with `display_ok` false a
/// formula that fills `text` is still inline (`\(…\)`), because other content shares its line.
pub fn text_to_html_in(text: &str, display_ok: bool, out: &mut String) {
    if scan_hints(text.as_bytes()) == (false, false) {
        escape_html(text, out);
        return;
    }
    let runs = find_runs_in_segment(text);
    let mut pos = 0;
    for run in &runs {
        escape_html(&text[pos..run.span.start], out);
        let display = display_ok
            && text[..run.span.start].trim().is_empty()
            && text[run.span.end..].trim().is_empty();
        push_mathjax(&text[run.tex.clone()], display, out);
        pos = run.span.end;
    }
    escape_html(&text[pos..], out);
}

/// `text` as HTML with its inline math (`math`: ranges of `text` holding TeX without its
/// dollars, in order) set off as MathJax `\(…\)`, and the rest as [`text_to_html_in`]
/// shows plain text that shares its line. A piece of a note's plain text (a label, a
/// sentence, a term) shows as math what the note wrote as math.
pub fn text_with_math_to_html(text: &str, math: &[Span], out: &mut String) {
    let mut pos = 0;
    for m in math {
        let (Some(before), Some(tex)) = (text.get(pos..m.start), text.get(m.clone())) else {
            continue;
        };
        text_to_html_in(before, false, out);
        push_mathjax(tex, false, out);
        pos = m.end;
    }
    text_to_html_in(text.get(pos..).unwrap_or_default(), false, out);
}

/// `text` with each pasted KaTeX run replaced by its TeX source (`McM_cMc` → `M_c`): the
/// form claims, keys and labels are compared in.
pub fn tex_only(text: &str) -> String {
    if scan_hints(text.as_bytes()) == (false, false) {
        return text.to_string();
    }
    let runs = find_runs_in_segment(text);
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for run in &runs {
        out.push_str(&text[pos..run.span.start]);
        out.push_str(&text[run.tex.clone()]);
        pos = run.span.end;
    }
    out.push_str(&text[pos..]);
    out
}

/// Append `tex` wrapped in MathJax delimiters (`\(…\)` or `\[…\]`), HTML-escaped.
pub fn push_mathjax(tex: &str, display: bool, out: &mut String) {
    out.push_str(if display { "\\[" } else { "\\(" });
    escape_html(tex.trim(), out);
    out.push_str(if display { "\\]" } else { "\\)" });
}

/// Escape `&`, `<`, `>` and `"` for HTML text and attribute values.
pub fn escape_html(text: &str, out: &mut String) {
    let special = text
        .bytes()
        .fold(false, |acc, b| acc | matches!(b, b'&' | b'<' | b'>' | b'"'));
    if !special {
        out.push_str(text);
        return;
    }
    let mut last = 0;
    for (i, b) in text.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => continue,
        };
        out.push_str(&text[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&text[last..]);
}

/// Normalise one rendered character for comparison; `'\0'` means "ignore".
pub(crate) fn canon(c: char) -> char {
    match c {
        '\u{2061}'..='\u{2064}' | '\u{200B}' => '\0',
        // An accent's mark, which KaTeX renders after its base (`\hat{y}` as `y^`, `\bar{x}`
        // as `xˉ`) while the TeX names it before: left out on both sides.
        '^' | '~' | '\u{00A8}' | '\u{02C6}'..='\u{02DD}' | '\u{20D0}'..='\u{20FF}' => '\0',
        c if c.is_whitespace() => '\0',
        '\u{2212}' | '\u{2013}' => '-',
        '\u{2032}' => '\'',
        '\u{2217}' => '*',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(text: &str) -> Vec<(&str, &str, &str, bool)> {
        pasted_katex(text)
            .into_iter()
            .map(|r| {
                (
                    &text[r.span.clone()],
                    &text[r.rendered.clone()],
                    &text[r.tex.clone()],
                    r.display,
                )
            })
            .collect()
    }

    #[test]
    fn display_formula_from_cam_notes() {
        let line = "        Mc(x,y)=∑kwc,k⋅fk(x,y)M_c(x, y) = \\sum_k w_{c,k} \\cdot f_k(x, y)\n";
        let found = runs(line);
        assert_eq!(
            found,
            vec![(
                line.trim(),
                "Mc(x,y)=∑kwc,k⋅fk(x,y)",
                "M_c(x, y) = \\sum_k w_{c,k} \\cdot f_k(x, y)",
                true
            )]
        );
    }

    #[test]
    fn an_accent_rendered_after_its_base_is_found() {
        // KaTeX renders `\hat{y}` as `y^` and `\bar{x}` as `xˉ`: the mark after the base.
        let line = "    y^(x)=w0+∑i=1nwixi\\hat{y}(x) = w_0 + \\sum_{i=1}^{n} w_i x_i\n";
        assert_eq!(
            runs(line),
            vec![(
                line.trim(),
                "y^(x)=w0+∑i=1nwixi",
                "\\hat{y}(x) = w_0 + \\sum_{i=1}^{n} w_i x_i",
                true
            )]
        );
        assert_eq!(
            runs("- 평균 xˉ\\bar{x}의 분산\n"),
            vec![("xˉ\\bar{x}", "xˉ", "\\bar{x}", false)]
        );
    }

    #[test]
    fn a_display_block_over_several_lines_is_tex_as_written() {
        // `f(x)\right)` reads as the rendered `)` before its TeX `\right)`, but a `$$` block
        // is TeX the author wrote. A pasted run after the block is still found.
        let text = "$$\n\\mathbb{E}\\left[(y - \\hat{f}(x))^2\\right] = \\left(\\mathbb{E}[\\hat{f}(x)] \
                    - f(x)\\right)^2 + \\sigma^2\n$$\n\n- s′s's′: 다음 상태\n";
        assert_eq!(runs(text), vec![("s′s's′", "s′", "s'", false)]);
        // A block opening on its formula's first line is a block too.
        let text = "$$\\left(\\mathbb{E}[\\hat{f}(x)]\n- f(x)\\right)^2\n$$\n";
        assert_eq!(runs(text), vec![]);
    }

    #[test]
    fn inline_runs_with_second_rendering() {
        assert_eq!(
            runs("    5. McM_cMc를 원본 이미지 크기로 보간 → 시각화"),
            vec![("McM_cMc", "Mc", "M_c", false)]
        );
        assert_eq!(
            runs("        여기서 α\\alphaα가 학습 가능한 아키텍처 파라미터"),
            vec![("α\\alphaα", "α", "\\alpha", false)]
        );
        assert_eq!(
            runs("- s′s's′: 다음 상태"),
            vec![("s′s's′", "s′", "s'", false)]
        );
        assert_eq!(
            runs("- **Q(s, a)**: 상태 sss에서 행동 aaa를 했을 때"),
            vec![("sss", "s", "s", false), ("aaa", "a", "a", false)]
        );
    }

    #[test]
    fn table_cell_with_two_runs() {
        let line = "| 출력 범위 | −∞-\\infty ~ +∞+\\infty | 0 ~ 1 |";
        assert_eq!(
            runs(line),
            vec![
                ("−∞-\\infty", "−∞", "-\\infty", false),
                ("+∞+\\infty", "+∞", "+\\infty", false)
            ]
        );
    }

    #[test]
    fn bellman_update_and_softmax() {
        let q = "Q(s,a)←Q(s,a)+α[r+γmax\u{2061}a′Q(s′,a′)−Q(s,a)]Q(s,a) \\leftarrow Q(s,a) + \\alpha \\big[ r + \\gamma \\max_{a'} Q(s',a') - Q(s,a) \\big]";
        let found = runs(q);
        assert_eq!(found.len(), 1);
        assert!(found[0].2.starts_with("Q(s,a) \\leftarrow"));
        assert!(found[0].3);
        let soft = "        o(i,j)(x)=∑kexp\u{2061}(αk(i,j))∑k′exp\u{2061}(αk′(i,j))⋅opk(x)o^{(i,j)}(x) = \\sum_{k} \\frac{\\exp(\\alpha_k^{(i,j)})}{\\sum_{k'}\\exp(\\alpha_{k'}^{(i,j)})} \\cdot op_k(x)";
        let found = runs(soft);
        assert_eq!(found.len(), 1);
        assert!(found[0].2.starts_with("o^{(i,j)}(x) = \\sum_{k}"));
    }

    #[test]
    fn prose_with_underscores_is_not_math() {
        assert!(
            runs("1. **마지막 합성곱(Conv) 레이어**에서 feature map f_k(x, y) 추출").is_empty()
        );
        assert!(
            runs("A와 B의 곱 BA가 원래의 가중치 W_0에 더해져서, 가중치의 변화 delta_W를")
                .is_empty()
        );
        assert!(runs("visit www.example.com or the model's output").is_empty());
        assert!(runs("```\nMcM_cMc\n```\n`α\\alphaα` $x_i$").is_empty());
    }

    #[test]
    fn html_uses_tex_only() {
        let mut out = String::new();
        text_to_html("McM_cMc를 원본 이미지 크기로 보간 <", &mut out);
        assert_eq!(out, "\\(M_c\\)를 원본 이미지 크기로 보간 &lt;");
        let mut out = String::new();
        text_to_html("Mc(x,y)=∑kwc,kM_c(x, y) = \\sum_k w_{c,k}", &mut out);
        assert_eq!(out, "\\[M_c(x, y) = \\sum_k w_{c,k}\\]");
    }
}
