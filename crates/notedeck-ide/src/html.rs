//! Card HTML as text people read: the one conversion behind hovers, the outline and the
//! `cards` listing.

/// Inline elements: their tags separate nothing (`<b>LoRA</b>의` stays one word).
const INLINE: [&str; 10] = [
    "strong", "em", "b", "i", "code", "span", "a", "sub", "sup", "u",
];
/// Elements that start a new line of text.
const BLOCK: [&str; 5] = ["br", "p", "li", "tr", "div"];

/// Card HTML as plain text: tags dropped, a line break for each block (`<br>`, `<li>`, ...),
/// a space for other non-inline tags (table cells, images), common entities decoded, trimmed.
pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let Some(gt) = rest[lt..].find('>') else {
            out.push_str(&rest[lt..]);
            rest = "";
            break;
        };
        let tag = rest[lt + 1..lt + gt]
            .trim_start_matches('/')
            .to_ascii_lowercase();
        let name = tag
            .split(|c: char| !c.is_ascii_alphanumeric())
            .next()
            .unwrap_or("");
        if BLOCK.contains(&name) {
            out.truncate(out.trim_end_matches(' ').len());
            if !out.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
        } else if !INLINE.contains(&name) && !out.is_empty() && !out.ends_with([' ', '\n']) {
            out.push(' ');
        }
        rest = &rest[lt + gt + 1..];
    }
    out.push_str(rest);
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .trim()
        .to_string()
}

/// Card HTML on one line, for listings: [`plain_text`] with every run of whitespace made one
/// space, and its lines joined by `; ` where a line does not end a sentence, so that a
/// list's items stay apart (`강화학습; 진화 알고리즘`, not `강화학습 진화 알고리즘`).
pub fn one_line(html: &str) -> String {
    let mut out = String::new();
    for line in plain_text(html).lines() {
        let mut words = line.split_whitespace().peekable();
        if words.peek().is_none() {
            continue;
        }
        if !out.is_empty() {
            out.push_str(if out.ends_with(['.', '!', '?', ':']) {
                " "
            } else {
                "; "
            });
        }
        for (i, w) in words.enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn card_html_reads_as_text() {
        let html = "<b>LoRA</b> 장점<br>1. 파라미터 &lt; 1%<ul><li>저장·배포 용이</li></ul>";
        assert_eq!(
            plain_text(html),
            "LoRA 장점\n1. 파라미터 < 1%\n저장·배포 용이"
        );
    }

    #[test]
    fn listings_are_one_line() {
        assert_eq!(one_line("<ul><li>MLM</li><li>NSP</li></ul>"), "MLM; NSP");
        assert_eq!(
            one_line("<p>방법을 결정합니다.</p><ul><li>강화학습</li><li>진화 알고리즘</li></ul>"),
            "방법을 결정합니다. 강화학습; 진화 알고리즘"
        );
        assert_eq!(
            one_line("Transformer <strong>Encoder</strong>만 사용 &amp; <code>[MASK]</code>"),
            "Transformer Encoder만 사용 & [MASK]"
        );
        assert_eq!(
            one_line("<table><tr><td>BERT</td><td>Encoder</td></tr></table>"),
            "BERT Encoder"
        );
    }
}
