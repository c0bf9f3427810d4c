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

use crate::Span;

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
/// Fenced code blocks, inline code spans and `$…$` math are not searched: TeX there is meant
/// as written. Runs never overlap and never cross a line break. The function is pure and
/// linear in practice (each candidate is compared only against the word right before it).
pub fn pasted_katex(text: &str) -> Vec<PastedKatex> {
    let mut out = Vec::new();
    let mut in_fence: Option<(u8, usize)> = None;
    let mut line_start = 0;
    while line_start < text.len() {
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i);
        let line = &text[line_start..line_end];
        let trimmed = line.trim_start_matches([' ', '\t', '>']);
        let fence = fence_marker(trimmed);
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
        c if c.is_whitespace() => '\0',
        '\u{2212}' | '\u{2013}' => '-',
        '\u{2032}' => '\'',
        '\u{2217}' => '*',
        c => c,
    }
}

// ---------------------------------------------------------------------------------------------

/// `(marker byte, run length)` when `line` opens or closes a fenced code block.
fn fence_marker(line: &str) -> Option<(u8, usize)> {
    let line = line.trim_start_matches(['-', '*', '+', ' ']);
    let first = *line.as_bytes().first()?;
    if first != b'`' && first != b'~' {
        return None;
    }
    let len = line.bytes().take_while(|&b| b == first).count();
    (len >= 3).then_some((first, len))
}

/// Runs on one line of `text` (`line` spans it without its `\n`), as [`pasted_katex`] finds
/// them there.
pub(crate) fn runs_in_line(text: &str, line: Span) -> Vec<PastedKatex> {
    let mut out = Vec::new();
    if let Some(l) = text.get(line.clone()) {
        find_in_line(l, line.start, &mut out);
    }
    out
}

/// Search one line (without its `\n`), skipping inline code and `$…$` math.
fn find_in_line(line: &str, base: usize, out: &mut Vec<PastedKatex>) {
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
fn find_runs_in_segment(seg: &str) -> Vec<PastedKatex> {
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
fn scan_hints(bytes: &[u8]) -> (bool, bool) {
    // Two branch-free passes the compiler vectorises: faster than one clever loop.
    let anchors = bytes.iter().fold(false, |acc, &b| {
        acc | matches!(b, b'\\' | b'_' | b'^' | b'\'')
    });
    let triple = bytes.windows(3).fold(false, |acc, w| {
        acc | ((w[0] == w[1]) & (w[1] == w[2]) & w[0].is_ascii_lowercase())
    });
    (anchors, triple)
}

/// A byte that only TeX puts between word characters: `\` before a letter, `_`, `^`.
fn is_anchor(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'\\' => bytes.get(i + 1).is_some_and(|b| b.is_ascii_alphabetic()),
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
            if let Some(run) = match_at(seg, s, &back) {
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
fn match_at(seg: &str, s: usize, back: &[(usize, char)]) -> Option<PastedKatex> {
    let first = seg.as_bytes().get(s).copied()?;
    if !(first.is_ascii_alphanumeric() || b"\\(-+[|".contains(&first)) {
        return None;
    }
    // Token ends and cumulative rendered characters, stopping once longer than `back`.
    let mut sig: Vec<char> = Vec::new();
    let mut ends: Vec<(usize, usize, bool)> = Vec::new(); // (end byte, sig len, has anchor)
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
        let rendered_chars: Vec<char> = sig[..n].to_vec();
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

/// Tokeniser over ASCII TeX source, mapping each token to its rendering.
struct TexTokens<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> TexTokens<'a> {
    fn new(src: &'a str) -> Self {
        TexTokens { src, pos: 0 }
    }
}

impl Iterator for TexTokens<'_> {
    type Item = TexToken;

    fn next(&mut self) -> Option<TexToken> {
        let bytes = self.src.as_bytes();
        let start = self.pos;
        let &b = bytes.get(start)?;
        if b == b'\\' {
            let name_len = bytes[start + 1..]
                .iter()
                .take_while(|c| c.is_ascii_alphabetic())
                .count();
            if name_len > 0 {
                let name = &self.src[start + 1..start + 1 + name_len];
                self.pos = start + 1 + name_len;
                let sig = command_rendering(name);
                return Some(TexToken {
                    end: self.pos,
                    sig: sig.into(),
                    anchor: true,
                    blank: sig.is_empty(),
                });
            }
            // Control symbol: `\{`, `\,`, `\\`.
            let next = self.src[start + 1..].chars().next();
            self.pos = start + 1 + next.map_or(0, char::len_utf8);
            let sig = match next {
                Some(c @ ('{' | '}' | '%' | '#' | '&' | '_' | '$')) => c.to_string(),
                Some('|') => "∥".to_string(),
                _ => String::new(),
            };
            let blank = sig.is_empty();
            return Some(TexToken {
                end: self.pos,
                sig,
                anchor: true,
                blank,
            });
        }
        let c = self.src[start..].chars().next()?;
        self.pos = start + c.len_utf8();
        let (sig, anchor, blank) = match c {
            '_' | '^' => (String::new(), true, true),
            '{' | '}' | '&' | '~' => (String::new(), false, true),
            c if c.is_whitespace() => (String::new(), false, true),
            '\'' => ("′".to_string(), true, false),
            c => (c.to_string(), false, false),
        };
        Some(TexToken {
            end: self.pos,
            sig,
            anchor,
            blank,
        })
    }
}

/// One TeX token and what it renders to.
struct TexToken {
    /// Byte end of the token within the tokenised string.
    end: usize,
    /// Rendered characters (before [`canon`]).
    sig: String,
    /// Only TeX writes this (`\cmd`, `_`, `^`, `'`): a run must contain one.
    anchor: bool,
    /// Whitespace, grouping or layout only: never the end of a TeX run.
    blank: bool,
}

/// What KaTeX renders a control word as (its MathML text). Unknown commands render as
/// nothing, which makes a match unlikely rather than wrong.
fn command_rendering(name: &str) -> &'static str {
    match name {
        "alpha" => "α",
        "beta" => "β",
        "gamma" => "γ",
        "delta" => "δ",
        "epsilon" => "ϵ",
        "varepsilon" => "ε",
        "zeta" => "ζ",
        "eta" => "η",
        "theta" => "θ",
        "vartheta" => "ϑ",
        "iota" => "ι",
        "kappa" => "κ",
        "lambda" => "λ",
        "mu" => "μ",
        "nu" => "ν",
        "xi" => "ξ",
        "pi" => "π",
        "rho" => "ρ",
        "sigma" => "σ",
        "tau" => "τ",
        "upsilon" => "υ",
        "phi" => "ϕ",
        "varphi" => "φ",
        "chi" => "χ",
        "psi" => "ψ",
        "omega" => "ω",
        "Gamma" => "Γ",
        "Delta" => "Δ",
        "Theta" => "Θ",
        "Lambda" => "Λ",
        "Xi" => "Ξ",
        "Pi" => "Π",
        "Sigma" => "Σ",
        "Phi" => "Φ",
        "Psi" => "Ψ",
        "Omega" => "Ω",
        "sum" => "∑",
        "prod" => "∏",
        "int" => "∫",
        "oint" => "∮",
        "infty" => "∞",
        "cdot" => "⋅",
        "times" => "×",
        "div" => "÷",
        "pm" => "±",
        "mp" => "∓",
        "leftarrow" | "gets" => "←",
        "rightarrow" | "to" => "→",
        "Leftarrow" => "⇐",
        "Rightarrow" | "implies" => "⇒",
        "leftrightarrow" => "↔",
        "Leftrightarrow" | "iff" => "⇔",
        "mapsto" => "↦",
        "leq" | "le" => "≤",
        "geq" | "ge" => "≥",
        "neq" | "ne" => "≠",
        "approx" => "≈",
        "sim" => "∼",
        "simeq" => "≃",
        "equiv" => "≡",
        "propto" => "∝",
        "ll" => "≪",
        "gg" => "≫",
        "partial" => "∂",
        "nabla" => "∇",
        "in" => "∈",
        "notin" => "∉",
        "subset" => "⊂",
        "subseteq" => "⊆",
        "cup" => "∪",
        "cap" => "∩",
        "forall" => "∀",
        "exists" => "∃",
        "emptyset" | "varnothing" => "∅",
        "cdots" => "⋯",
        "ldots" | "dots" => "…",
        "vdots" => "⋮",
        "prime" => "′",
        "circ" => "∘",
        "ast" => "∗",
        "star" => "⋆",
        "odot" => "⊙",
        "otimes" => "⊗",
        "oplus" => "⊕",
        "mid" => "∣",
        "lvert" | "rvert" | "vert" => "∣",
        "Vert" | "lVert" | "rVert" => "∥",
        "langle" => "⟨",
        "rangle" => "⟩",
        "lfloor" => "⌊",
        "rfloor" => "⌋",
        "lceil" => "⌈",
        "rceil" => "⌉",
        "neg" | "lnot" => "¬",
        "land" | "wedge" => "∧",
        "lor" | "vee" => "∨",
        "sqrt" => "√",
        "log" => "log",
        "ln" => "ln",
        "exp" => "exp",
        "max" => "max",
        "min" => "min",
        "sup" => "sup",
        "inf" => "inf",
        "lim" => "lim",
        "arg" => "arg",
        "sin" => "sin",
        "cos" => "cos",
        "tan" => "tan",
        "tanh" => "tanh",
        "det" => "det",
        "Pr" => "Pr",
        // Layout, fonts, accents and spacing render no characters of their own.
        _ => "",
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
