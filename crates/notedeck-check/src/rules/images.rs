//! `missing-image`: an image link whose file does not exist.

use crate::{Code, Finding, Note};
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
