//! `missing-image`: an image link whose file does not exist, or that Markdown reads as text.

use crate::{Code, Edit, Finding, Fix, Note};
use std::path::Path;

/// Findings for the images of one note that `exists` cannot find. Remote images (`https:`,
/// `data:`, `//host/...`) are not checked: the workspace never goes to the network.
pub fn missing_images(
    path: &Path,
    note: &Note,
    exists: &dyn Fn(&Path, &str) -> bool,
) -> Vec<Finding> {
    note.doc
        .images
        .iter()
        .filter(|image| !image.is_remote() && !exists(path, &image.path))
        .map(|image| Finding {
            code: Code::MissingImage,
            severity: Code::MissingImage.severity(),
            message: format!(
                "image \"{}\" not found next to this note; copy it there or fix the link",
                image.path
            ),
            path: path.to_path_buf(),
            span: image.span.clone(),
            related: Vec::new(),
            fixes: Vec::new(),
        })
        .collect()
}

/// Findings for image links that Markdown reads as text, a space in their path
/// ([`notedeck_parse::unread_images`]): no card shows them and export bundles nothing. The
/// fix writes each space as `%20`, as Notion does.
pub fn unread_images(path: &Path, text: &str) -> Vec<Finding> {
    notedeck_parse::unread_images(text)
        .into_iter()
        .map(|image| {
            let written = &text[image.path.clone()];
            Finding {
                code: Code::MissingImage,
                severity: Code::MissingImage.severity(),
                message: format!(
                    "image link \"{written}\" has a space in its path: Markdown reads the line \
                     as text, so no card shows the image and export leaves it out"
                ),
                path: path.to_path_buf(),
                span: image.span,
                related: Vec::new(),
                fixes: vec![Fix {
                    title: "Write the spaces in the path as %20".to_string(),
                    edits: vec![Edit {
                        path: path.to_path_buf(),
                        span: image.path,
                        new_text: written.replace(' ', "%20"),
                    }],
                    preferred: true,
                }],
            }
        })
        .collect()
}
