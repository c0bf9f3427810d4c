//! The notes on disk: the one walker, read policy, remote-image test and image resolver, used
//! by the CLI (`lint`, `cards`, `export`) and the language server alike, so that they always
//! see the same vault.
//!
//! Policy, in one place:
//! - A walk visits each real file once and never leaves its root: hidden entries (`.git`,
//!   `.obsidian`), dependency and build folders (`node_modules`, `target`: a notes folder
//!   inside a code repository is common) are skipped; symbolic links are followed only to
//!   regular files inside the root (a link to a folder inside the root adds nothing the walk
//!   does not already see, and a link out of it must not pull in the rest of the disk); what is
//!   not a regular file (FIFOs, sockets, devices) is never opened.
//! - An image is read only from inside the root of the note that links it (after resolving
//!   symbolic links), only when it is a regular file under [`MAX_IMAGE_BYTES`] whose content is
//!   an image type Anki shows.

use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

/// Folders that hold other people's Markdown (READMEs of dependencies), never notes.
pub const SKIPPED_DIRS: [&str; 2] = ["node_modules", "target"];

/// Images larger than this are not bundled: Anki syncs media file by file, and a file this
/// large in a deck of notes is almost certainly a mistake (or not an image).
pub const MAX_IMAGE_BYTES: u64 = 50 * 1024 * 1024;

/// Why a path given by the user could not be used.
#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    /// The path does not exist or cannot be read.
    #[error("cannot read {}: {}", .path.display(), .source)]
    Io {
        /// The path as given.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The path is a FIFO, socket or device: reading it could block forever.
    #[error("{}: not a regular file or folder; give notes as files or folders", .path.display())]
    NotRegular {
        /// The path as given.
        path: PathBuf,
    },
}

/// Markdown files found under the paths a user named.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Found {
    /// Each real note once, as reached from the paths given (a folder's notes sorted, folders
    /// in the order given).
    pub files: Vec<PathBuf>,
    /// The folder each path given stands for (a folder itself, or a file's folder), resolved:
    /// the roots images must stay inside.
    pub roots: Vec<PathBuf>,
}

/// Expand the paths a user named into Markdown files: files are taken as given (when they are
/// regular files), folders are walked for `*.md`. A path that does not exist, or that is
/// neither a regular file nor a folder, is an error; a file named twice (`notes notes/a.md`,
/// `a.md ./a.md`) is kept at its first mention.
pub fn markdown_files(paths: &[PathBuf]) -> Result<Found, VaultError> {
    let mut found = Found::default();
    let mut seen = HashSet::new();
    for path in paths {
        let meta = fs::metadata(path).map_err(|source| VaultError::Io {
            path: path.clone(),
            source,
        })?;
        let real = fs::canonicalize(path).map_err(|source| VaultError::Io {
            path: path.clone(),
            source,
        })?;
        if meta.is_dir() {
            let mut files = walk(path, &real, usize::MAX);
            files.retain(|(_, real)| seen.insert(real.clone()));
            found.files.extend(files.into_iter().map(|(path, _)| path));
            push_root(&mut found.roots, real);
        } else if meta.is_file() {
            if seen.insert(real.clone()) {
                found.files.push(path.clone());
            }
            if let Some(dir) = real.parent() {
                push_root(&mut found.roots, dir.to_path_buf());
            }
        } else {
            return Err(VaultError::NotRegular { path: path.clone() });
        }
    }
    Ok(found)
}

/// Every `*.md` under the workspace `roots` (at most `max` files), sorted, each real file once.
/// Roots that do not exist or cannot be listed are skipped: the editor opened a folder, and the
/// server answers what it can.
pub fn markdown_files_under(roots: &[PathBuf], max: usize) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for root in roots {
        let Ok(real) = fs::canonicalize(root) else {
            continue;
        };
        let files = walk(root, &real, max.saturating_sub(out.len()));
        out.extend(
            files
                .into_iter()
                .filter(|(_, real)| seen.insert(real.clone()))
                .map(|(path, _)| path),
        );
    }
    out.sort();
    out.truncate(max);
    out
}

/// The `*.md` files under `dir` (whose resolved path is `real_root`), as (path under `dir`,
/// resolved path), sorted by path. Iterative: a deep tree of folders cannot exhaust the stack.
fn walk(dir: &Path, real_root: &Path, max: usize) -> Vec<(PathBuf, PathBuf)> {
    let mut out = Vec::new();
    let mut pending = vec![(dir.to_path_buf(), real_root.to_path_buf())];
    while let Some((dir, real_dir)) = pending.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            if out.len() >= max {
                break;
            }
            let name = entry.file_name();
            let name_text = name.to_string_lossy();
            if name_text.starts_with('.') || SKIPPED_DIRS.contains(&name_text.as_ref()) {
                continue;
            }
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let path = dir.join(&name);
            if kind.is_dir() {
                pending.push((path, real_dir.join(&name)));
            } else if is_markdown(&path) {
                if kind.is_file() {
                    out.push((path, real_dir.join(&name)));
                } else if kind.is_symlink()
                    && let Ok(target) = fs::canonicalize(&path)
                    && target.starts_with(real_root)
                    && fs::metadata(&target).is_ok_and(|m| m.is_file())
                {
                    out.push((path, target));
                }
            }
        }
    }
    out.sort();
    out
}

fn is_markdown(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "md")
}

fn push_root(roots: &mut Vec<PathBuf>, root: PathBuf) {
    if !roots.contains(&root) {
        roots.push(root);
    }
}

/// A note's text as read from disk, with anything the user should be told about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteText {
    /// Decoded text.
    pub text: String,
    /// Set when the file was not UTF-8 and was decoded from a legacy encoding (CP949,
    /// Shift-JIS): what to tell the user.
    pub warning: Option<String>,
}

/// Why a note could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file cannot be opened or read.
    #[error("cannot read {}: {}", .path.display(), .source)]
    Io {
        /// The note.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// Not a regular file (a FIFO would block the reader forever).
    #[error("{}: not a regular file", .path.display())]
    NotRegular {
        /// The note.
        path: PathBuf,
    },
    /// Neither UTF-8 nor a legacy encoding notedeck recognises.
    #[error(
        "{}:{line}:{column}: not valid UTF-8 (byte 0x{byte:02X} at line {line}, column {column}) \
         and not CP949/EUC-KR or Shift-JIS either; save it as UTF-8",
        .path.display()
    )]
    Undecodable {
        /// The note.
        path: PathBuf,
        /// 1-based line of the first byte that is not UTF-8.
        line: usize,
        /// 1-based column of that byte, in characters (the line's valid part before it).
        column: usize,
        /// The byte itself.
        byte: u8,
    },
}

/// Read and decode one note: UTF-8 (with or without BOM) as is; CP949/EUC-KR and Shift-JIS
/// with a warning. Only regular files are opened.
pub fn read_note(path: &Path) -> Result<NoteText, ReadError> {
    let io = |source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular {
            path: path.to_path_buf(),
        });
    }
    let bytes = fs::read(path).map_err(io)?;
    let decoded = notedeck_repair::decode_bytes(&bytes);
    if decoded.lossy {
        // Where the UTF-8 reading stops is what a person can look for in an editor.
        let valid = std::str::from_utf8(&bytes)
            .err()
            .map_or(0, |e| e.valid_up_to());
        let before =
            std::str::from_utf8(bytes.get(..valid).unwrap_or_default()).unwrap_or_default();
        let line_start = notedeck_parse::line_bounds(before, before.len()).start;
        return Err(ReadError::Undecodable {
            path: path.to_path_buf(),
            line: notedeck_parse::LineIndex::new(before).line_count(),
            column: before[line_start..].chars().count() + 1,
            byte: bytes.get(valid).copied().unwrap_or_default(),
        });
    }
    Ok(NoteText {
        text: decoded.text,
        warning: decoded.warning,
    })
}

pub use notedeck_parse::is_remote_url as is_remote;

/// Why an image link cannot be bundled.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImageError {
    /// No file at the link.
    #[error("image not found: {}", .0.display())]
    Missing(PathBuf),
    /// The link leads out of the notes folder (`../..`, an absolute path, a symbolic link).
    #[error("image outside the notes folder: {}; only images inside it are bundled", .0.display())]
    OutsideRoot(PathBuf),
    /// The link names a folder, FIFO or device.
    #[error("not a regular file: {}", .0.display())]
    NotRegular(PathBuf),
    /// Larger than [`MAX_IMAGE_BYTES`].
    #[error("image too large ({} MB, at most {} MB): {}", .1 / 1_000_000, MAX_IMAGE_BYTES / 1_000_000, .0.display())]
    TooLarge(PathBuf, u64),
    /// The file's content is not an image type Anki shows.
    #[error("not an image Anki can show (PNG, JPEG, GIF, WebP, SVG, BMP, ICO, AVIF): {}", .0.display())]
    NotAnImage(PathBuf),
}

/// Resolves the images notes link, keeping every read inside the notes roots.
#[derive(Debug, Clone, Default)]
pub struct Images {
    /// Resolved roots; a note belongs to the longest one that holds it.
    roots: Vec<PathBuf>,
}

impl Images {
    /// A resolver for notes under `roots` (resolved here; roots that do not exist are
    /// dropped). A note outside every root is its own folder's root.
    pub fn new(roots: &[PathBuf]) -> Images {
        let roots = roots
            .iter()
            .filter_map(|r| fs::canonicalize(r).ok())
            .collect();
        Images { roots }
    }

    /// The image file the local link `link` (percent-decoded, relative to the note's folder)
    /// of note `note` may be read from.
    pub fn resolve(&self, note: &Path, link: &str) -> Result<PathBuf, ImageError> {
        let dir = note.parent().unwrap_or(Path::new(""));
        let written = dir.join(link);
        // Most links of a vault exported from Notion point at images left behind: one stat
        // settles those, before any path is resolved. Only for a plain relative link: one
        // with `..` or a root is judged on its text first, so that whether a file exists
        // outside the notes is never told.
        let plain = Path::new(link)
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
        if plain && fs::metadata(&written).is_err() {
            return Err(ImageError::Missing(written));
        }
        let Some(note_dir) = fs::canonicalize(if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        })
        .ok() else {
            return Err(ImageError::Missing(written));
        };
        let root = self
            .roots
            .iter()
            .filter(|r| note_dir.starts_with(r))
            .max_by_key(|r| r.as_os_str().len())
            .cloned()
            .unwrap_or_else(|| note_dir.clone());
        // Judge `..` and absolute paths on the text first: a link out of the root is refused
        // whether or not the file exists (what exists outside is none of the deck's business).
        let lexical = normalize(&note_dir.join(link));
        if !lexical.starts_with(&root) {
            return Err(ImageError::OutsideRoot(written));
        }
        let Ok(real) = fs::canonicalize(&written) else {
            return Err(ImageError::Missing(written));
        };
        if !real.starts_with(&root) {
            return Err(ImageError::OutsideRoot(written));
        }
        let meta = fs::metadata(&real).map_err(|_| ImageError::Missing(written.clone()))?;
        if !meta.is_file() {
            return Err(ImageError::NotRegular(written));
        }
        if meta.len() > MAX_IMAGE_BYTES {
            return Err(ImageError::TooLarge(written, meta.len()));
        }
        if !looks_like_image(&real) {
            return Err(ImageError::NotAnImage(written));
        }
        Ok(real)
    }

    /// Whether the link resolves to an image that would be bundled (the `missing-image` rule).
    pub fn exists(&self, note: &Path, link: &str) -> bool {
        self.resolve(note, link).is_ok()
    }
}

/// `a/b/../c` -> `a/c` without touching the disk.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Whether the file starts like an image type Anki's web view shows. The content decides, not
/// the extension: `secrets.png` holding text must not be bundled.
fn looks_like_image(path: &Path) -> bool {
    let mut head = [0u8; 512];
    let Ok(mut file) = fs::File::open(path) else {
        return false;
    };
    let mut len = 0;
    while len < head.len() {
        match file.read(&mut head[len..]) {
            Ok(0) => break,
            Ok(n) => len += n,
            Err(_) => return false,
        }
    }
    is_image_bytes(&head[..len])
}

/// The magic numbers of PNG, JPEG, GIF, WebP, BMP, ICO, AVIF/HEIF and SVG (text that opens
/// an `<svg` element near its start).
pub fn is_image_bytes(head: &[u8]) -> bool {
    let starts = |magic: &[u8]| head.starts_with(magic);
    if starts(b"\x89PNG\r\n\x1a\n")
        || starts(b"\xff\xd8\xff")
        || starts(b"GIF87a")
        || starts(b"GIF89a")
        || starts(b"BM")
        || starts(b"\0\0\x01\0")
    {
        return true;
    }
    if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
        return true;
    }
    if head.len() >= 12 && &head[4..8] == b"ftyp" {
        return matches!(&head[8..12], b"avif" | b"avis" | b"heic" | b"mif1");
    }
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    (text.starts_with("<?xml") || text.starts_with("<svg") || text.starts_with("<!--"))
        && text.contains("<svg")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_out_of_the_notes_never_tells_whether_the_file_exists() {
        let dir = tempfile::tempdir().expect("tmp");
        let notes = dir.path().join("notes");
        fs::create_dir(&notes).expect("mkdir");
        fs::write(dir.path().join("there.png"), b"\x89PNG\r\n\x1a\n").expect("write");
        let images = Images::new(std::slice::from_ref(&notes));
        let note = notes.join("a.md");
        for link in ["../there.png", "../not-there.png"] {
            assert!(
                matches!(images.resolve(&note, link), Err(ImageError::OutsideRoot(_))),
                "{link}"
            );
        }
        assert!(matches!(
            images.resolve(&note, "gone.png"),
            Err(ImageError::Missing(_))
        ));
    }

    #[test]
    fn remote_links_are_urls_and_protocol_relative_links() {
        for url in [
            "https://cdn.example.com/x.png",
            "//cdn.example.com/x.png",
            "data:image/png;base64,AAAA",
            "HTTP://EXAMPLE.COM/A.PNG",
        ] {
            assert!(is_remote(url), "{url}");
        }
        for url in [
            "image.png",
            "역량평가 정리/image.png",
            "C:\\notes\\x.png",
            "../x.png",
            "/etc/x.png",
            "a:b.png",
        ] {
            assert!(!is_remote(url), "{url}");
        }
    }

    #[test]
    fn image_magic_numbers() {
        assert!(is_image_bytes(b"\x89PNG\r\n\x1a\n...."));
        assert!(is_image_bytes(b"\xff\xd8\xff\xe0..JFIF"));
        assert!(is_image_bytes(b"RIFF\x10\0\0\0WEBPVP8 "));
        assert!(is_image_bytes(
            b"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
        ));
        assert!(!is_image_bytes(b"root:x:0:0:root:/root:/bin/bash\n"));
        assert!(!is_image_bytes(b"PATH=/usr/bin\0HOME=/root\0"));
        assert!(!is_image_bytes(b""));
    }
}
