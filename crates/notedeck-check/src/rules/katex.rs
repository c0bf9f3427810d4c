//! `pasted-katex`: a formula copied out of a rendered page, so the line holds the rendered
//! glyphs and the TeX source glued together (`McM_cMc`, `α\alphaα`). The parser finds the runs
//! ([`notedeck_parse::pasted_katex`]); this rule turns each into a finding whose fix keeps only
//! the TeX, as `$…$` inline or `$$…$$` for a formula on a line of its own.

use crate::{Code, Edit, Finding, Fix};
use std::path::Path;

/// Findings for pasted KaTeX in `text`.
pub fn pasted_katex(path: &Path, text: &str) -> Vec<Finding> {
    notedeck_parse::pasted_katex(text)
        .into_iter()
        .filter_map(|run| {
            let tex = text.get(run.tex.clone())?.trim();
            let rendered = text.get(run.rendered.clone())?.trim();
            let new_text = if run.display {
                format!("$${tex}$$")
            } else {
                format!("${tex}$")
            };
            let message = if rendered == tex {
                // KaTeX pastes a one-letter formula as the letter three times: `www`.
                format!("pasted formula: \"{tex}\" is pasted three times")
            } else {
                format!(
                    "pasted formula: the rendered text \"{}\" is followed by its TeX source \"{}\"",
                    shorten(rendered),
                    shorten(tex)
                )
            };
            Some(Finding {
                code: Code::PastedKatex,
                severity: Code::PastedKatex.severity(),
                message,
                path: path.to_path_buf(),
                span: run.span.clone(),
                related: Vec::new(),
                fixes: vec![Fix {
                    title: format!("Keep only the TeX: {}", shorten(&new_text)),
                    edits: vec![Edit {
                        path: path.to_path_buf(),
                        span: run.span,
                        new_text,
                    }],
                    preferred: true,
                }],
            })
        })
        .collect()
}

fn shorten(s: &str) -> String {
    const MAX: usize = 48;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let cut: String = s.chars().take(MAX).collect();
        format!("{cut}…")
    }
}
