//! Finding pasted KaTeX runs: candidates are TeX-looking stretches, confirmed only when the
//! text right before them is what they render to.

use super::tex::TexTokens;
use super::{PastedKatex, canon};
use crate::Span;

/// `(marker byte, run length)` when `line` opens or closes a fenced code block.
pub(crate) fn fence_marker(line: &str) -> Option<(u8, usize)> {
    let line = line.trim_start_matches(['-', '*', '+', ' ']);
    let first = *line.as_bytes().first()?;
    if first != b'`' && first != b'~' {
        return None;
    }
    let len = line.bytes().take_while(|&b| b == first).count();
    (len >= 3).then_some((first, len))
}

/// Runs on one line of `text` (`line` spans it without its `\n`), as [`super::pasted_katex`] finds
/// them there.
pub(crate) fn runs_in_line(text: &str, line: Span) -> Vec<PastedKatex> {
    let mut out = Vec::new();
    if let Some(l) = text.get(line.clone()) {
        find_in_line(l, line.start, &mut out);
    }
    out
}

/// Search one line (without its `\n`), skipping inline code and `$…$` math.
pub(super) fn find_in_line(line: &str, base: usize, out: &mut Vec<PastedKatex>) {
    let body_start = line.len() - strip_line_prefix(line).len();
    let mut seg_start = 0;
    let bytes = line.as_bytes();
    let mut i = 0;
    let mut segments: Vec<(usize, usize)> = Vec::new();
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'`' || b == b'$' {
            let run = bytes[i..].iter().take_while(|&&c| c == b).count();
            let delim = &line[i..i + run];
            if let Some(close) = line[i + run..].find(delim) {
                segments.push((seg_start, i));
                i = i + run + close + run;
                seg_start = i;
                continue;
            }
            i += run;
            continue;
        }
        i += 1;
    }
    segments.push((seg_start, line.len()));
    for (s, e) in segments {
        let Some(seg) = line.get(s..e) else { continue };
        for run in find_runs_in_segment(seg) {
            let span = base + s + run.span.start..base + s + run.span.end;
            let at = s + run.span.start;
            let display = line
                .get(body_start.min(at)..at)
                .is_some_and(|b| b.trim().is_empty())
                && line
                    .get(s + run.span.end..)
                    .is_some_and(|a| a.trim().is_empty());
            out.push(PastedKatex {
                span,
                rendered: base + s + run.rendered.start..base + s + run.rendered.end,
                tex: base + s + run.tex.start..base + s + run.tex.end,
                display,
            });
        }
    }
}

/// The line without indentation, blockquote markers and a list marker.
pub(crate) fn strip_line_prefix(line: &str) -> &str {
    let mut rest = line.trim_start_matches([' ', '\t', '>']);
    for marker in ["- ", "* ", "+ "] {
        if let Some(r) = rest.strip_prefix(marker) {
            return r.trim_start();
        }
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0
        && digits < 10
        && let Some(r) = rest[digits..]
            .strip_prefix(". ")
            .or_else(|| rest[digits..].strip_prefix(") "))
    {
        rest = r.trim_start();
    }
    rest
}

/// Longest words considered; beyond this a "word" is not a pasted formula.
const MAX_WORD: usize = 600;

/// Runs within one segment of one line (no newlines, no code, no `$` math). Spans are
/// relative to `seg`; `display` is left false for the caller to decide.
pub(super) fn find_runs_in_segment(seg: &str) -> Vec<PastedKatex> {
    let (anchors, triple) = scan_hints(seg.as_bytes());
    let mut out = Vec::new();
    if anchors {
        find_tex_runs(seg, &mut out);
    }
    if triple {
        find_tripled_letters(seg, &mut out);
    }
    if out.len() > 1 {
        out.sort_by_key(|r| r.span.start);
        // Drop overlaps (a tripled letter inside a longer run), keeping the earlier run.
        let mut kept: Vec<PastedKatex> = Vec::with_capacity(out.len());
        for r in out {
            if kept.last().is_none_or(|k| k.span.end <= r.span.start) {
                kept.push(r);
            }
        }
        return kept;
    }
    out
}

/// One pass over the bytes: could there be a TeX run (`\`, `_`, `^`, `'`) or a tripled
/// letter (`www`)? Almost all text says no to both, and then nothing else is done.
pub(super) fn scan_hints(bytes: &[u8]) -> (bool, bool) {
    // Two branch-free passes the compiler vectorises: faster than one clever loop.
    let anchors = bytes.iter().fold(false, |acc, &b| {
        acc | matches!(b, b'\\' | b'_' | b'^' | b'\'')
    });
    // Three shifted slices rather than `windows(3)`, whose bounds checks kept the loop
    // scalar.
    let n = bytes.len().saturating_sub(2);
    let (a, b, c) = (
        bytes.get(..n).unwrap_or_default(),
        bytes.get(1..n + 1).unwrap_or_default(),
        bytes.get(2..n + 2).unwrap_or_default(),
    );
    let triple = a.iter().zip(b).zip(c).fold(false, |acc, ((&x, &y), &z)| {
        acc | ((x == y) & (y == z) & x.is_ascii_lowercase())
    });
    (anchors, triple)
}

/// A byte that only TeX puts between word characters: `\` before a letter, `_`, `^`. An
/// underscore between digits groups them (`buffer_size` `1_000_000`, as Python writes it):
/// read as a subscript, `1_000_000` was the rendering `00` pasted before its TeX `0_0`.
fn is_anchor(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'\\' => bytes.get(i + 1).is_some_and(|b| b.is_ascii_alphabetic()),
        b'_' if i > 0 && bytes[i - 1].is_ascii_digit() => bytes
            .get(i + 1)
            .is_some_and(|&b| b != b' ' && !b.is_ascii_digit()),
        b'_' | b'^' => i > 0 && bytes.get(i + 1).is_some_and(|&b| b != b' '),
        b'\'' => i > 0 && bytes[i - 1].is_ascii_alphanumeric(),
        _ => false,
    }
}

/// Rendered text immediately followed by its TeX source (and maybe a second rendering).
/// Only ASCII stretches holding an anchor are tried, each start position once.
fn find_tex_runs(seg: &str, out: &mut Vec<PastedKatex>) {
    let bytes = seg.as_bytes();
    let mut back: Vec<(usize, char)> = Vec::new();
    // Buffers of `match_at`, kept from one start position to the next.
    let mut scratch = MatchScratch::default();
    // Every start position below `tried` has been tried already.
    let mut tried = 1;
    let mut p = 0;
    while p < bytes.len() {
        if !is_anchor(bytes, p) {
            p += 1;
            continue;
        }
        // TeX is ASCII: it starts within the ASCII stretch that holds the anchor.
        let mut a = p;
        while a > tried && bytes[a - 1].is_ascii() {
            a -= 1;
        }
        let mut found = None;
        for s in a.max(tried)..=p {
            if bytes[s].is_ascii_whitespace() {
                continue;
            }
            let Some(prev) = seg[..s].chars().next_back() else {
                continue;
            };
            if prev.is_whitespace() {
                continue;
            }
            // The word (no whitespace) that ends at s: where the rendering must be.
            let word_start = seg[..s]
                .char_indices()
                .rev()
                .take(MAX_WORD)
                .find(|(_, c)| c.is_whitespace())
                .map_or(0, |(i, c)| i + c.len_utf8());
            back.clear();
            back.extend(
                seg[word_start..s]
                    .char_indices()
                    .rev()
                    .take(MAX_WORD)
                    .map(|(i, c)| (word_start + i, canon(c)))
                    .filter(|&(_, c)| c != '\0'),
            );
            if let Some(run) = match_at(seg, s, &back, &mut scratch) {
                found = Some(run);
                break;
            }
        }
        tried = p + 1;
        match found {
            Some(run) => {
                p = run.span.end.max(p + 1);
                tried = p.max(tried);
                out.push(run);
            }
            None => p += 1,
        }
    }
}

/// Try TeX starting at `s` whose rendering equals the text right before `s` (`back` holds
/// that text's characters in reverse). Prefers the longest TeX.
fn match_at(
    seg: &str,
    s: usize,
    back: &[(usize, char)],
    scratch: &mut MatchScratch,
) -> Option<PastedKatex> {
    let first = seg.as_bytes().get(s).copied()?;
    if !(first.is_ascii_alphanumeric() || b"\\(-+[|".contains(&first)) {
        return None;
    }
    // Token ends and cumulative rendered characters, stopping once longer than `back`.
    let MatchScratch { sig, ends } = scratch;
    sig.clear();
    ends.clear();
    let mut anchor = false;
    let stretch_end = seg[s..]
        .char_indices()
        .find(|(_, c)| !c.is_ascii())
        .map_or(seg.len(), |(i, _)| s + i);
    for tok in TexTokens::new(&seg[s..stretch_end]) {
        anchor |= tok.anchor;
        sig.extend(tok.sig.chars().map(canon).filter(|&c| c != '\0'));
        if sig.len() > back.len() {
            break;
        }
        if !tok.blank {
            ends.push((s + tok.end, sig.len(), anchor));
        }
    }
    let sig = &sig[..];
    for &(end, n, has_anchor) in ends.iter().rev() {
        if !has_anchor || n == 0 || n > back.len() {
            continue;
        }
        // back is reversed: the rendering is back[n-1] ..= back[0].
        let matches = (0..n).all(|i| back[n - 1 - i].1 == sig[i]);
        if !matches {
            continue;
        }
        let r_start = back[n - 1].0;
        // Closing braces render nothing but belong to the TeX.
        let mut end = end;
        let mut depth = brace_depth(&seg[s..end]);
        while depth > 0 && seg.as_bytes().get(end) == Some(&b'}') {
            end += 1;
            depth -= 1;
        }
        let rendered_chars = &sig[..n];
        let mut span_end = end;
        // A second rendering right after the TeX (inline KaTeX HTML): the same characters.
        let mut it = seg[end..].char_indices();
        let mut k = 0;
        let mut last = end;
        while k < rendered_chars.len() {
            match it.next() {
                Some((i, c)) => {
                    let c2 = canon(c);
                    if c.is_whitespace() {
                        break;
                    }
                    if c2 == '\0' {
                        last = end + i + c.len_utf8();
                        continue;
                    }
                    if c2 != rendered_chars[k] {
                        break;
                    }
                    k += 1;
                    last = end + i + c.len_utf8();
                }
                None => break,
            }
        }
        if k == rendered_chars.len() {
            span_end = last;
        }
        return Some(PastedKatex {
            span: r_start..span_end,
            rendered: r_start..s,
            tex: s..end,
            display: false,
        });
    }
    None
}

/// The buffers [`match_at`] fills, reused across the start positions of a segment.
#[derive(Default)]
struct MatchScratch {
    /// Cumulative rendered characters of the tokens read.
    sig: Vec<char>,
    /// (end byte, rendered characters so far, holds an anchor) after each token.
    ends: Vec<(usize, usize, bool)>,
}

/// Unclosed `{` groups in `tex` (escaped braces do not count).
fn brace_depth(tex: &str) -> usize {
    let mut depth = 0usize;
    let mut escaped = false;
    for b in tex.bytes() {
        match b {
            _ if escaped => escaped = false,
            b'\\' => escaped = true,
            b'{' => depth += 1,
            b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    depth
}

/// `www`, `sss`: KaTeX's paste of a one-letter formula (rendering, TeX, rendering).
fn find_tripled_letters(seg: &str, out: &mut Vec<PastedKatex>) {
    let bytes = seg.as_bytes();
    let mut i = 0;
    while i + 3 <= bytes.len() {
        let b = bytes[i];
        if b.is_ascii_lowercase()
            && bytes[i + 1] == b
            && bytes[i + 2] == b
            && !seg[..i].chars().next_back().is_some_and(is_word_char)
            && !seg[i + 3..].chars().next().is_some_and(is_word_char)
            && !(bytes.get(i + 3) == Some(&b'.')
                && bytes.get(i + 4).is_some_and(u8::is_ascii_alphanumeric))
        {
            out.push(PastedKatex {
                span: i..i + 3,
                rendered: i..i + 1,
                tex: i + 1..i + 2,
                display: false,
            });
            i += 3;
            continue;
        }
        i += 1;
    }
}

/// Letters and digits of the Latin script (and `_`) continue an ASCII word; Hangul does not,
/// because Korean particles attach directly to formulas (`sss에서`).
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '\\'
}
