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

/// A package being written: [`Writer::add`] takes the notes in study order, a batch at a time,
/// and [`Writer::finish`] puts the package and its state file in place. Nothing of the whole
/// vault has to be held at once: each note goes into the collection database as it comes.
///
/// The package's lock is held from [`Writer::create`] until the writer is finished or dropped;
/// a writer dropped unfinished (an error on the way) leaves the previous package, its state
/// file and no temporary files behind.
pub struct Writer {
    // Fields drop in order: the database closes before its file goes, and the lock is
    // released last.
    conn: Connection,
    db_file: tempfile::NamedTempFile,
    out: PathBuf,
    state_path: PathBuf,
    old: State,
    state: State,
    anki: Option<std::sync::Arc<collection::Collection>>,
    now_ms: i64,
    /// The next fresh note (or card) id.
    next_id: i64,
    /// Every note added, by position: what its cards need once the positions are final.
    notes: Vec<Written>,
    /// The card numbers of the notes, `Written::ords` indexing into it.
    ords: Vec<u16>,
    /// Deck names in order of first use, and their indexes.
    deck_names: Vec<String>,
    deck_index: foldhash::HashMap<String, u32>,
    removed: stale::Removed,
    _lock: lock::PackageLock,
}

/// What the cards of one added note need: its cards are written by [`Writer::finish`], when
/// every note left out is known, so that `due` counts only the notes in the package.
struct Written {
    id: i64,
    modified: i64,
    deck: u32,
    /// Start of its card numbers in [`Writer::ords`].
    ords: u32,
    ord_count: u16,
    status: Status,
}

/// How a note compares with what Anki has; `LeftOut` once [`Writer::leave_out`] took it back.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Status {
    New,
    Changed,
    Unchanged,
    LeftOut,
}

/// Notes formatted per batch on a second thread while the caller's thread feeds SQLite.
const BATCH: usize = 512;

const INSERT_NOTE: &str =
    "INSERT INTO notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data)
     VALUES (?1, ?2, ?3, ?4, -1, ?5, ?6, ?7, ?8, 0, '')";
/// Card rows per `INSERT` statement (six parameters each, well below SQLite's limit).
const CARDS_PER_INSERT: usize = 128;

/// An `INSERT` of `rows` new cards, each bound as (id, nid, did, ord, mod, due).
fn insert_cards_sql(rows: usize) -> String {
    let row = "(?, ?, ?, ?, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')";
    let mut sql = String::from(
        "INSERT INTO cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps,
                            lapses, left, odue, odid, flags, data) VALUES ",
    );
    for i in 0..rows {
        if i > 0 {
            sql.push_str(", ");
        }
        sql.push_str(row);
    }
    sql
}

impl Writer {
    /// Start writing the package `out`: wait for its lock, remove what killed exports left
    /// next to it, read the previous export's state and open the temporary collection.
    pub fn create(out: &Path, options: &Options) -> Result<Writer, Error> {
        let now_ms = options.now_ms.unwrap_or_else(now_millis);
        let state_path = options
            .state_path
            .clone()
            .unwrap_or_else(|| state::path_for(out));
        let dir = parent_dir(out);
        let lock = lock::acquire(
            out,
            options.lock_timeout.unwrap_or(lock::DEFAULT_TIMEOUT),
            options.on_wait,
        )?;
        let removed = stale::remove_stale(dir);
        let old = State::load(&state_path)?;

        let db_file = tempfile::Builder::new()
            .prefix(&stale::prefix())
            .suffix(".anki2")
            .tempfile_in(dir)
            .map_err(|source| io_error(dir, without_temp_path(source)))?;
        let conn = Connection::open(db_file.path())?;
        // A throwaway file: durability is provided by the final rename, not by SQLite.
        conn.execute_batch(
            "PRAGMA page_size = 65536; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
             PRAGMA cache_size = -8192; PRAGMA locking_mode = EXCLUSIVE;",
        )?;
        conn.execute_batch("BEGIN")?;
        conn.execute_batch(SCHEMA)?;
        // Fresh ids stay above the ids of the notes Anki holds too: a new note, or one added
        // and then left out, must not take the id of a held note written after it (the
        // previous export may be less than a note per millisecond ago).
        let held = options
            .collection
            .as_deref()
            .and_then(|c| c.notes().map(|n| n.note_id()).max())
            .unwrap_or(0);
        let next_id = now_ms
            .max(old.max_id().saturating_add(1))
            .max(held.saturating_add(1));
        Ok(Writer {
            conn,
            db_file,
            out: out.to_path_buf(),
            state_path,
            old,
            state: State::default(),
            anki: options.collection.clone(),
            now_ms,
            next_id,
            notes: Vec::new(),
            ords: Vec::new(),
            deck_names: Vec::new(),
            deck_index: foldhash::HashMap::default(),
            removed,
            _lock: lock,
        })
    }

    /// How many notes were added so far: the next note added has this position.
    pub fn len(&self) -> usize {
        self.notes.len()
    }

    /// Whether no note was added yet.
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty()
    }

    /// Add the next notes, in study order. A note whose GUID an earlier one has is an error
    /// ([`Error::DuplicateGuid`]): Anki would merge them into one. After an error the writer
    /// is only good for dropping (which leaves the previous package as it was).
    pub fn add(&mut self, notes: &[Note]) -> Result<(), Error> {
        if notes.len() <= BATCH {
            return self.insert(notes, &Batch::new(notes));
        }
        // Hashing and formatting run on a second thread while this one feeds SQLite: on two
        // cores that hides most of the per-note string work behind the inserts.
        std::thread::scope(|scope| {
            let (sender, batches) = std::sync::mpsc::sync_channel::<Batch>(4);
            scope.spawn(move || {
                for chunk in notes.chunks(BATCH) {
                    if sender.send(Batch::new(chunk)).is_err() {
                        break; // the writer stopped on an error
                    }
                }
            });
            for (chunk, batch) in notes.chunks(BATCH).zip(batches) {
                self.insert(chunk, &batch)?;
            }
            Ok(())
        })
    }

    /// Take back the note added at `position` (counted from 0 over all [`Writer::add`]s): it
    /// is not in the package, and the notes after it move up one place, as if it had never
    /// been added. Positions out of range, or taken back already, change nothing.
    pub fn leave_out(&mut self, position: usize) -> Result<(), Error> {
        let Some(note) = self.notes.get_mut(position) else {
            return Ok(());
        };
        if note.status == Status::LeftOut {
            return Ok(());
        }
        let guid: String =
            self.conn
                .query_row("SELECT guid FROM notes WHERE id = ?1", [note.id], |row| {
                    row.get(0)
                })?;
        self.conn
            .execute("DELETE FROM notes WHERE id = ?1", [note.id])?;
        self.state.notes.remove(&guid);
        note.status = Status::LeftOut;
        Ok(())
    }

    fn insert(&mut self, notes: &[Note], batch: &Batch) -> Result<(), Error> {
        let now_s = self.now_ms / 1000;
        let mut insert_note = self.conn.prepare_cached(INSERT_NOTE)?;
        for (note, row) in notes.iter().zip(&batch.rows) {
            let slot = match self.state.notes.entry(note.guid.clone()) {
                Entry::Occupied(_) => return Err(duplicate_guid(&self.conn, notes, note)),
                Entry::Vacant(slot) => slot,
            };
            let (id, modified, status) = match self.old.notes.get(&note.guid) {
                Some(prev) if prev.hash == row.hash => (prev.id, prev.modified, Status::Unchanged),
                // Strictly newer than what Anki has from the previous export, even when both
                // exports happen within the same second.
                Some(prev) => (prev.id, now_s.max(prev.modified + 1), Status::Changed),
                None => match self.anki.as_deref().and_then(|c| c.note(&note.guid)) {
                    // The state does not know the note, but Anki does: unchanged content
                    // keeps Anki's time (not newer: nothing to update), changed content is
                    // newer than what Anki holds.
                    Some(held)
                        if collection::content_hash(batch.columns(row).0)
                            == held.content_hash() =>
                    {
                        (held.note_id(), held.modified_s(), Status::Unchanged)
                    }
                    Some(held) => (
                        held.note_id(),
                        now_s.max(held.modified_s() + 1),
                        Status::Changed,
                    ),
                    None => {
                        let id = self.next_id;
                        self.next_id += 1;
                        (id, now_s, Status::New)
                    }
                },
            };
            let mid = match note.kind {
                NoteKind::Basic => model::BASIC_ID,
                NoteKind::Cloze => model::CLOZE_ID,
            };
            let (flds, tags, sfld) = batch.columns(row);
            insert_note.execute(params![id, note.guid, mid, modified, tags, flds, sfld, 0])?;
            slot.insert(NoteState {
                hash: row.hash,
                modified,
                id,
            });

            // Notes come grouped by deck: the last one is checked before the map.
            let deck = match self.notes.last() {
                Some(last) if self.deck_names[last.deck as usize] == note.deck => last.deck,
                _ => match self.deck_index.get(&note.deck) {
                    Some(&deck) => deck,
                    None => {
                        let deck = self.deck_names.len() as u32;
                        self.deck_names.push(note.deck.clone());
                        self.deck_index.insert(note.deck.clone(), deck);
                        deck
                    }
                },
            };
            let start = self.ords.len();
            // `card_ords` keeps deletion numbers within 1..=500.
            self.ords
                .extend(card_ords(note).into_iter().map(|ord| ord as u16));
            self.notes.push(Written {
                id,
                modified,
                deck,
                ords: start as u32,
                ord_count: (self.ords.len() - start) as u16,
                status,
            });
        }
        Ok(())
    }

    /// Write the cards, the decks and the package with `media`, then the state file; returns
    /// what was written.
    pub fn finish(self, media: &[MediaFile]) -> Result<Summary, Error> {
        let Writer {
            conn,
            db_file,
            out,
            state_path,
            state,
            now_ms,
            mut next_id,
            notes,
            ords,
            deck_names,
            removed,
            _lock,
            ..
        } = self;
        let now_s = now_ms / 1000;
        let mut summary = Summary {
            media: media.len(),
            stale_files_removed: removed.files,
            stale_bytes_removed: removed.bytes,
            ..Summary::default()
        };
        let mut used_decks = vec![false; deck_names.len()];
        {
            // Many cards per statement: a card row is a few integers, and one statement per
            // row spent more time stepping SQLite's statement than storing the row.
            let mut insert_cards = conn.prepare(&insert_cards_sql(CARDS_PER_INSERT))?;
            let mut rows: Vec<[i64; 6]> = Vec::with_capacity(CARDS_PER_INSERT);
            let mut used_card_ids: HashSet<i64> = HashSet::with_capacity(notes.len() * 2);
            let deck_ids: Vec<i64> = deck_names.iter().map(|name| deck_id(name)).collect();
            for note in &notes {
                match note.status {
                    Status::LeftOut => continue,
                    Status::New => summary.new_notes += 1,
                    Status::Changed => summary.changed_notes += 1,
                    Status::Unchanged => summary.unchanged_notes += 1,
                }
                summary.notes += 1;
                used_decks[note.deck as usize] = true;
                let due = summary.notes as i64;
                let start = note.ords as usize;
                for &ord in &ords[start..start + usize::from(note.ord_count)] {
                    let mut cid = note.id + i64::from(ord);
                    while !used_card_ids.insert(cid) {
                        cid = next_id;
                        next_id += 1;
                    }
                    let did = deck_ids[note.deck as usize];
                    rows.push([cid, note.id, did, i64::from(ord), note.modified, due]);
                    if rows.len() == CARDS_PER_INSERT {
                        insert_cards.execute(rusqlite::params_from_iter(rows.iter().flatten()))?;
                        rows.clear();
                    }
                    summary.cards += 1;
                }
            }
            if !rows.is_empty() {
                conn.execute(
                    &insert_cards_sql(rows.len()),
                    rusqlite::params_from_iter(rows.iter().flatten()),
                )?;
            }
        }
        drop(notes);

        let used = deck_names
            .iter()
            .zip(&used_decks)
            .filter(|(_, used)| **used)
            .map(|(name, _)| name.as_str());
        let deck_json = decks_json(used, now_s);
        summary.decks = deck_json.len() - 1; // not counting Anki's Default deck
        let models = model::models_json();
        conn.execute(
            "INSERT INTO col (id, crt, mod, scm, ver, dty, usn, ls, conf, models, decks, dconf, tags)
             VALUES (1, ?1, ?2, ?2, 11, 0, 0, 0, ?3, ?4, ?5, ?6, '{}')",
            params![
                (now_s / 86_400) * 86_400,
                now_ms,
                model::COL_CONF,
                models.to_string(),
                serde_json::Value::Object(deck_json).to_string(),
                model::DECK_CONF,
            ],
        )?;
        conn.execute_batch("COMMIT")?;
        conn.close().map_err(|(_, err)| err)?;

        let dir = parent_dir(&out);
        let mut apkg = output_tempfile(dir, ".apkg").map_err(|source| io_error(dir, source))?;
        // The state is serialized while the package is compressed; both are renamed into
        // place only when both succeeded.
        let (zipped, staged) = std::thread::scope(|scope| {
            let staged = scope.spawn(|| state.stage(&state_path));
            let zipped = package::write_zip(apkg.as_file_mut(), &out, db_file.path(), media);
            (zipped, staged.join())
        });
        zipped?;
        let staged = staged.unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
        apkg.as_file()
            .sync_all()
            .map_err(|source| io_error(&out, source))?;
        apkg.persist(&out)
            .map_err(|err| io_error(&out, err.error))?;
        drop(db_file);

        State::commit(staged, &state_path)?;
        Ok(summary)
    }
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

/// Notes' columns as Anki stores them, computed off the writing thread. The text of a whole
/// batch shares one buffer: one allocation per 512 notes instead of three per note.
struct Batch {
    text: String,
    rows: Vec<Row>,
}

/// One note's columns: its content hash and where its text columns are in [`Batch::text`].
struct Row {
    hash: u64,
    flds: Range<usize>,
    tags: Range<usize>,
    sfld: Range<usize>,
}

impl Batch {
    fn new(notes: &[Note]) -> Batch {
        let size: usize = notes
            .iter()
            .map(|n| 2 * n.front.len() + n.back.len() + n.context.len() + n.source.len() + 64)
            .sum();
        let mut text = String::with_capacity(size);
        let rows = notes
            .iter()
            .map(|note| {
                let start = text.len();
                join_fields(note, &mut text);
                let flds = start..text.len();
                join_tags(&note.tags, &mut text);
                let tags = flds.end..text.len();
                strip_html(&note.front, &mut text);
                let sfld = tags.end..text.len();
                Row {
                    hash: content_hash(note),
                    flds,
                    tags,
                    sfld,
                }
            })
            .collect();
        Batch { text, rows }
    }

    /// The text columns of `row`; empty if a range were ever out of bounds.
    fn columns(&self, row: &Row) -> (&str, &str, &str) {
        let get = |r: &Range<usize>| self.text.get(r.clone()).unwrap_or_default();
        (get(&row.flds), get(&row.tags), get(&row.sfld))
    }
}

/// The error for `second`, a note of `batch` whose GUID an earlier note already has: the
/// first is looked for among the batch, then in the collection written so far (an error
/// path, so a scan of the table is fine).
fn duplicate_guid(conn: &Connection, batch: &[Note], second: &Note) -> Error {
    let first = match batch
        .iter()
        .take_while(|n| !std::ptr::eq(*n, second))
        .find(|n| n.guid == second.guid)
    {
        Some(first) => first.source.clone(),
        None => conn
            .query_row(
                "SELECT flds FROM notes WHERE guid = ?1",
                [&second.guid],
                |row| row.get::<_, String>(0),
            )
            .ok()
            .and_then(|flds| flds.split('\u{1f}').nth(3).map(str::to_string))
            .unwrap_or_default(),
    };
    Error::DuplicateGuid {
        guid: second.guid.clone(),
        first,
        second: second.source.clone(),
    }
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
