//! Notes -> Anki package (`.apkg`).
//!
//! The package is the legacy "schema 11" layout that every Anki importer accepts: a zip holding
//! `collection.anki2` (an SQLite database), a JSON `media` map and the media files stored under
//! numbers. The crate knows nothing about Markdown: callers hand it plain [`Note`]s and
//! [`MediaFile`]s.
//!
//! What makes a re-export update cards in place instead of duplicating them is how Anki's
//! importer behaves (checked with Anki 26.9): notes are matched by GUID only, an existing note
//! is updated only when the package's note time is strictly newer, existing cards' scheduling
//! is never touched, and a note type whose fields or templates changed is copied and its notes
//! skipped. So this crate uses fixed note-type ids and fields ([`model`]), keeps note times
//! that change only when a note's content changes ([`state`]), and names media by content hash
//! ([`media_name`]).

use foldhash::{HashSet, HashSetExt};
use rusqlite::{Connection, params};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::collections::hash_map::Entry;
use std::io::{self, Read};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

pub mod collection;
pub mod lock;
pub mod model;
mod package;
pub mod spell;
mod stale;
pub mod state;
mod writer;

pub use writer::Writer;

use state::{NoteState, State};

/// Which note type a [`Note`] uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoteKind {
    /// Front/back card: fields Front, Back, Context, Source.
    Basic,
    /// Cloze deletion: fields Text, Back Extra, Context, Source; one card per `{{cN::...}}`.
    Cloze,
}

/// One Anki note, ready to be written. All text fields are HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Stable identity. Anki matches notes by GUID only, so it must come from where the card
    /// is in the notes, never from its content.
    pub guid: String,
    /// The note type.
    pub kind: NoteKind,
    /// Deck name, levels joined with `::` (`역량평가 정리::문제 9`).
    pub deck: String,
    /// Front (Basic) or Text with `{{cN::...}}` deletions (Cloze; see [`spell::cloze_text`]).
    pub front: String,
    /// Back (Basic) or Back Extra (Cloze); may be empty for cloze notes.
    pub back: String,
    /// Breadcrumb of the headings above the card: `BERT › 구조`.
    pub context: String,
    /// Where the card came from: `역량평가 정리.md:17`. Not part of the change detection
    /// (line numbers shift with every edit above the card), see [`state`].
    pub source: String,
    /// Tags as Anki spells them ([`spell::tags`]); whitespace left inside a tag is written
    /// as `_` because Anki separates tags by spaces.
    pub tags: Vec<String>,
}

/// A media file to bundle: `name` is what the notes' HTML refers to (see [`media_name`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaFile {
    /// File name inside Anki's media folder.
    pub name: String,
    /// File on disk to copy into the package.
    pub path: PathBuf,
}

/// How to write a package. `Default` is right for the command line.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Where the note-time state lives; default [`state::path_for`] of the output.
    pub state_path: Option<PathBuf>,
    /// The export time in milliseconds since the epoch; default now. Tests pin it.
    pub now_ms: Option<i64>,
    /// How long to wait while another export writes the same package; default
    /// [`lock::DEFAULT_TIMEOUT`].
    pub lock_timeout: Option<Duration>,
    /// Called with the lock file's path when the export has to wait for another one, so the
    /// user knows why nothing happens.
    pub on_wait: Option<fn(&Path)>,
    /// The student's collection, when one was read: a note the state file does not know (it
    /// was lost, or this is another machine) but Anki holds with the same content keeps
    /// Anki's note time, so the import leaves it (and edits made in Anki) alone.
    pub collection: Option<std::sync::Arc<collection::Collection>>,
}

/// What was written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Notes in the package.
    pub notes: usize,
    /// Cards in the package (a cloze note has one per deletion number).
    pub cards: usize,
    /// Decks, including parents of nested decks.
    pub decks: usize,
    /// Media files bundled.
    pub media: usize,
    /// Notes not in the previous export's state.
    pub new_notes: usize,
    /// Notes whose content changed since the previous export (their time was bumped).
    pub changed_notes: usize,
    /// Notes whose content did not change (their time was kept, so Anki leaves them alone).
    pub unchanged_notes: usize,
    /// Temporary files of killed exports removed from the package's directory.
    pub stale_files_removed: usize,
    /// Their total size in bytes.
    pub stale_bytes_removed: u64,
}

/// Why a package could not be written. The output file is then left as it was.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading or writing a file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file involved.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// The temporary collection database could not be written.
    #[error("writing the collection database: {0}")]
    Sql(#[from] rusqlite::Error),
    /// The zip archive could not be written.
    #[error("writing the package archive: {0}")]
    Zip(#[from] zip::result::ZipError),
    /// The state file exists but cannot be understood.
    #[error(
        "{path}: unreadable export state ({message}); delete it to start over (notes edited \
         inside Anki will then be overwritten by the next import)"
    )]
    State {
        /// The state file.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// Another export kept the package locked for the whole wait.
    #[error(
        "{package}: another export is writing this package and still held {lock} after {} s; \
         run again when it has finished (if no export is running, delete {lock})",
        waited.as_secs()
    )]
    Locked {
        /// The package.
        package: PathBuf,
        /// Its lock file.
        lock: PathBuf,
        /// How long this export waited.
        waited: Duration,
    },
    /// Two notes share a GUID: Anki would merge them into one.
    #[error("two notes have the same id {guid:?} (sources: {first} and {second})")]
    DuplicateGuid {
        /// The shared GUID.
        guid: String,
        /// Source of the first note.
        first: String,
        /// Source of the second note.
        second: String,
    },
}

/// Write `notes` and `media` as an `.apkg` at `out`, atomically: the package is assembled in
/// temporary files next to `out` and renamed over it only when complete, then the state file
/// is replaced the same way.
///
/// The whole write holds the package's lock ([`lock`]), so concurrent exports to one package
/// run one after the other; under it, temporary files that killed exports left next to `out`
/// are removed first.
///
/// Notes keep their order: the n-th note's cards get `due = n`, so new cards are studied in
/// note order. [`Writer`] does the same for notes that arrive a few at a time.
pub fn write_package(
    out: &Path,
    notes: &[Note],
    media: &[MediaFile],
    options: &Options,
) -> Result<Summary, Error> {
    let mut writer = Writer::create(out, options)?;
    writer.add(notes)?;
    writer.finish(media)
}

/// Content-hashed media name for a file: `notedeck-<16 hex digits of SHA-256>.<ext>`. Two
/// different `image.png` files get different names; the same picture used twice is stored
/// once.
pub fn media_name(path: &Path) -> io::Result<String> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    let digest = hasher.finalize();
    let ext: String = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .filter(|e| !e.is_empty() && e.len() <= 5 && e.chars().all(|c| c.is_ascii_alphanumeric()))
        .map(|e| format!(".{e}"))
        .unwrap_or_default();
    Ok(format!("notedeck-{}{ext}", hex(&digest[..8])))
}

/// Anki's deck id for a deck name: derived from the name so that the same deck gets the same
/// id in every export. Kept below 2^53 because Anki's web views handle ids as JS numbers.
pub fn deck_id(name: &str) -> i64 {
    let digest = Sha256::digest(name.as_bytes());
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&digest[..8]);
    let low = u64::from_le_bytes(bytes) & ((1 << 52) - 1);
    // Bit 52 set keeps derived ids away from Anki's own (timestamp) ids and from deck 1.
    ((1u64 << 52) | low) as i64
}

/// The card numbers (0-based `ord`s) a note produces: `[0]` for a basic note, one per distinct
/// `{{cN::` for a cloze note (and `[0]` if it has none, as Anki does).
pub fn card_ords(note: &Note) -> Vec<u32> {
    if note.kind == NoteKind::Basic {
        return vec![0];
    }
    let mut ords = Vec::new();
    let text = note.front.as_bytes();
    let mut i = 0;
    while let Some(pos) = find(&text[i..], b"{{c") {
        let start = i + pos + 3;
        let digits = text[start..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if digits > 0 && text[start + digits..].starts_with(b"::") {
            let number = std::str::from_utf8(&text[start..start + digits])
                .ok()
                .and_then(|s| s.parse::<u32>().ok());
            if let Some(n) = number.filter(|n| (1..=500).contains(n)) {
                ords.push(n - 1);
            }
        }
        i = start;
    }
    ords.sort_unstable();
    ords.dedup();
    if ords.is_empty() {
        ords.push(0);
    }
    ords
}

/// The decks JSON of the collection: Anki's Default deck plus every deck and its parents.
fn decks_json<'a>(
    names: impl Iterator<Item = &'a str>,
    now_s: i64,
) -> serde_json::Map<String, serde_json::Value> {
    let mut all: BTreeMap<String, i64> = BTreeMap::new();
    for name in names {
        let mut prefix = String::new();
        for (i, part) in name.split("::").enumerate() {
            if i > 0 {
                prefix.push_str("::");
            }
            prefix.push_str(part);
            all.entry(prefix.clone())
                .or_insert_with(|| deck_id(&prefix));
        }
    }
    let mut map = serde_json::Map::new();
    map.insert("1".into(), model::deck_json(1, "Default", 0));
    for (name, id) in all {
        map.insert(id.to_string(), model::deck_json(id, &name, now_s));
    }
    map
}

/// 16 hex digits of SHA-256 over what the note says: type, Front, Back, Context and tags.
///
/// Left out on purpose: the deck (Anki does not move existing cards on import, so a deck
/// change alone would only overwrite edits made inside Anki) and Source (its line number
/// shifts whenever a line is added above the card; bumping every note below an edit would
/// overwrite their Anki edits too, so Anki's copy of Source is refreshed only when the note
/// itself changes).
fn content_hash(note: &Note) -> u64 {
    let mut hasher = Sha256::new();
    hasher.update([note.kind as u8]);
    for part in [&note.front, &note.back, &note.context] {
        hasher.update(part.as_bytes());
        hasher.update([0x1f]);
    }
    for tag in &note.tags {
        hasher.update(tag.as_bytes());
        hasher.update([b' ']);
    }
    let digest = hasher.finalize();
    let mut prefix = [0u8; 8];
    prefix.copy_from_slice(&digest[..8]);
    u64::from_be_bytes(prefix)
}

/// Fields in note-type order, separated by Anki's 0x1f; a stray 0x1f would shift fields.
fn join_fields(note: &Note, out: &mut String) {
    for (i, field) in [&note.front, &note.back, &note.context, &note.source]
        .into_iter()
        .enumerate()
    {
        if i > 0 {
            out.push('\u{1f}');
        }
        if field.contains('\u{1f}') {
            out.push_str(&field.replace('\u{1f}', " "));
        } else {
            out.push_str(field);
        }
    }
}

/// Anki's tag column: ` tag1 tag2 ` (leading and trailing space), no spaces inside tags.
fn join_tags(tags: &[String], out: &mut String) {
    let start = out.len();
    for tag in tags {
        let tag = tag.trim();
        if tag.is_empty() {
            continue;
        }
        out.push(' ');
        out.extend(tag.chars().map(|c| if c.is_whitespace() { '_' } else { c }));
    }
    if out.len() > start {
        out.push(' ');
    }
}

/// The sort field: the first field without tags, as Anki shows it in the browser.
fn strip_html(html: &str, out: &mut String) {
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

fn now_millis() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// A temporary file next to a final output. Temporary files are private (0600) by default;
/// the package and state are ordinary files the user may share, and the rename keeps the
/// mode, so they are created 0644 (on Unix).
pub(crate) fn output_tempfile(dir: &Path, suffix: &str) -> io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    let prefix = stale::prefix();
    builder.prefix(&prefix).suffix(suffix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    builder.tempfile_in(dir).map_err(without_temp_path)
}

/// tempfile adds the random temporary name to its errors ("… at path \"/x/.notedeck-…\""); the
/// user never asked for that file, so the error is reported for the directory instead.
fn without_temp_path(err: io::Error) -> io::Error {
    let os_error = err
        .get_ref()
        .and_then(|inner| inner.source())
        .and_then(|source| source.downcast_ref::<io::Error>())
        .and_then(io::Error::raw_os_error);
    match os_error {
        Some(code) => io::Error::from_raw_os_error(code),
        None => err,
    }
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

pub(crate) fn io_error(path: &Path, source: io::Error) -> Error {
    Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Anki's schema-11 tables, as its own legacy export writes them, without its indexes: the
/// importer reads every row anyway (and builds its own indexes when it upgrades the package
/// to the current schema), while building them here doubled the export time of 100,000
/// notes. Verified by importing with Anki 26.9.
const SCHEMA: &str = "
CREATE TABLE col (
  id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL,
  ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL,
  conf text NOT NULL, models text NOT NULL, decks text NOT NULL, dconf text NOT NULL,
  tags text NOT NULL
);
CREATE TABLE notes (
  id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL,
  usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL,
  csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL
);
CREATE TABLE cards (
  id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL,
  mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL,
  due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL,
  lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL,
  flags integer NOT NULL, data text NOT NULL
);
CREATE TABLE revlog (
  id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL,
  ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL,
  type integer NOT NULL
);
CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
";
