//! Image links Markdown reads as text: `![image.png](머신러닝 정리 abc/image.png)`, a space in
//! the path (Notion writes `%20`; a hand-written link often does not). CommonMark takes the
//! line for plain text, so a card showed the link's characters, and export bundled nothing.
//! The parser leaves such a line out of every card; the checker reports it with the fix.

use crate::Span;

/// One image link with a space in its path, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadImage {
    /// Span of the whole `![alt](path)`.
    pub span: Span,
    /// Span of the path between the parentheses.
    pub path: Span,
}

/// Every image link in `text` that Markdown reads as text because its path holds a space, in
/// source order. Fenced code blocks and inline code spans are not searched, nor is a path in
/// angle brackets (`![x](<a b.png>)`), which Markdown reads.
pub fn unread_images(text: &str) -> Vec<UnreadImage> {
    let mut out = Vec::new();
    // Most notes hold no image link at all.
    if memchr::memmem::find(text.as_bytes(), b"![").is_none() {
        return Vec::new();
    }
    let mut in_fence: Option<(u8, usize)> = None;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        // Fences as the pasted-KaTeX search reads them: a closing run at least as long.
        let fence = crate::math::fence_marker(line.trim_start_matches([' ', '\t', '>']));
        match (in_fence, fence) {
            (Some((ch, len)), Some((c2, l2))) if c2 == ch && l2 >= len => in_fence = None,
            (None, Some(f)) => in_fence = Some(f),
            (None, None) if line.contains("![") => scan_line(line, line_start, &mut out),
            _ => {}
        }
        line_start += line.len();
    }
    out
}

/// The unread image links of one line (`base`: where the line starts in the text).
fn scan_line(line: &str, base: usize, out: &mut Vec<UnreadImage>) {
    let mut from = 0;
    while let Some(at) = line[from..].find("![").map(|i| from + i) {
        from = at + 2;
        // Inside an inline code span: an odd number of backticks before it.
        if !line[..at].matches('`').count().is_multiple_of(2) {
            continue;
        }
        let Some(close) = line[at..].find("](").map(|i| at + i) else {
            continue;
        };
        if line[at + 2..close].contains(['[', ']', '\n']) {
            continue;
        }
        let path_start = close + 2;
        let Some(end) = line[path_start..].find(')').map(|i| path_start + i) else {
            continue;
        };
        let path = &line[path_start..end];
        let unread = path.trim() == path
            && path.contains(' ')
            && !path.starts_with('<')
            && !path.contains(['\n', '('])
            // `![x](a.png "title")` is a link with a title, which Markdown reads.
            && !path.contains('"');
        if unread {
            out.push(UnreadImage {
                span: base + at..base + end + 1,
                path: base + path_start..base + end,
            });
            from = end + 1;
        }
    }
}

/// Whether a paragraph's text is one unread image link and nothing else.
pub(crate) fn is_unread_image(text: &str) -> bool {
    let t = text.trim();
    matches!(unread_images(t).as_slice(), [one] if one.span == (0..t.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_space_in_the_path_is_read_as_text() {
        let text = "## SVM\n\n![image.png](머신러닝 기초 정리 5c2e81f0a7/image.png)\n";
        let found = unread_images(text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            &text[found[0].span.clone()],
            "![image.png](머신러닝 기초 정리 5c2e81f0a7/image.png)"
        );
        assert_eq!(
            &text[found[0].path.clone()],
            "머신러닝 기초 정리 5c2e81f0a7/image.png"
        );
        assert!(is_unread_image("![image.png](a b/image.png)"));
        assert!(!is_unread_image("그림: ![image.png](a b/image.png)"));
    }

    #[test]
    fn links_markdown_reads_are_left_alone() {
        for text in [
            "![image.png](a%20b/image.png)\n",
            "![image.png](<a b/image.png>)\n",
            "![x](a.png \"a title\")\n",
            "`![x](a b.png)` in code\n",
            "```\n![x](a b.png)\n```\n",
        ] {
            assert!(unread_images(text).is_empty(), "{text}");
        }
    }
}
