//! One module per subcommand; each exposes `Args` (clap) and `run(args) -> Result<ExitCode>`.

pub mod cards;
pub mod export;
pub mod lint;
pub mod lsp;
pub mod repair;
pub mod stats;

use crate::input::read_note;
use anyhow::Result;
use notedeck_ide::cards::drop_missing_image_cards;
use notedeck_ide::vault::Images;
use notedeck_parse::Document;
use std::path::PathBuf;

/// A note file read and parsed: its path, text and parse.
pub(crate) type Parsed = (PathBuf, String, Document);

/// Read and parse `files` on all cores, in their order, each parse without the cards a deck
/// drops for missing images (`cards` and `stats` list what export makes). Each file's read
/// warnings go to `on_warning` in file order, up to the first file that cannot be read, whose
/// error is returned.
pub(crate) fn read_and_parse(
    files: &[PathBuf],
    images: &Images,
    mut on_warning: impl FnMut(&str),
) -> Result<Vec<Parsed>> {
    let loaded = notedeck_ide::par_map(files, |file| -> Result<(Parsed, Vec<String>)> {
        let note = read_note(file)?;
        let mut doc = notedeck_parse::parse(&note.text, &export::title_of(file));
        drop_missing_image_cards(&mut doc, file, images);
        Ok(((file.clone(), note.text, doc), note.warnings))
    });
    let mut parsed = Vec::with_capacity(files.len());
    for loaded in loaded {
        let (note, warnings) = loaded?;
        warnings.iter().for_each(|w| on_warning(w));
        parsed.push(note);
    }
    Ok(parsed)
}
