//! One module per LSP request. Each takes the server [`State`](crate::state::State) and the
//! request's params and returns the protocol answer; none of them locks, spawns or sends.

pub mod code_action;
pub mod code_lens;
pub mod completion;
pub mod definition;
pub mod diagnostics;
pub mod hover;
pub mod references;
pub mod symbols;

use std::path::Path;
use tower_lsp_server::ls_types::Range;

use crate::state::State;
use crate::text::Text;

/// A path as a person reads it: relative to the workspace root that holds it.
pub(crate) fn display_path(st: &State, path: &Path) -> String {
    st.roots
        .iter()
        .find_map(|root| path.strip_prefix(root).ok())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// The range of the occurrence of `name` on the line of `offset` that covers `offset`.
pub(crate) fn word_range(text: Text<'_>, offset: usize, name: &str) -> Option<Range> {
    let line = text.line_span(offset);
    let line_text = text.text.get(line.clone())?;
    line_text
        .match_indices(name)
        .map(|(i, _)| line.start + i..line.start + i + name.len())
        .find(|span| span.start <= offset && offset <= span.end)
        .map(|span| text.range(&span))
}

/// Card HTML as plain text for a hover: tags dropped, line breaks kept, entities decoded.
pub(crate) fn plain_text(html: &str) -> String {
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
        if matches!(name, "br" | "p" | "li" | "tr" | "div")
            && !out.ends_with('\n')
            && !out.is_empty()
        {
            out.push('\n');
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
}
