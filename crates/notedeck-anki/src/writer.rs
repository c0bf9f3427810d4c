//! The package writer: notes go into the collection database as they come, cards last, then
//! the database is zipped and the package and its state file are put in place.

use super::*;
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

    /// Write the note added at `position` again with the front and back `edit` makes of its
    /// own (`None`: it cannot, and the note stays as it is), for a slip found in its text
    /// once every note is read. It is taken back ([`Writer::leave_out`]) and added anew with
    /// the same GUID, so it keeps its id and its review history; it moves to the end of the
    /// package's order, its new card last among the new ones. Whether it was written again:
    /// not when `edit` gives `None`, nor for a position out of range or taken back.
    pub fn rewrite(
        &mut self,
        position: usize,
        edit: impl Fn(&str, &str) -> Option<(String, String)>,
    ) -> Result<bool, Error> {
        let Some(written) = self.notes.get(position) else {
            return Ok(false);
        };
        if written.status == Status::LeftOut {
            return Ok(false);
        }
        let (guid, mid, flds, tags): (String, i64, String, String) = self.conn.query_row(
            "SELECT guid, mid, flds, tags FROM notes WHERE id = ?1",
            [written.id],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
        )?;
        let mut fields = flds.split('\u{1f}').map(str::to_string);
        let mut field = || fields.next().unwrap_or_default();
        let (front, back, context, source) = (field(), field(), field(), field());
        let Some((front, back)) = edit(&front, &back) else {
            return Ok(false);
        };
        let note = Note {
            guid,
            kind: if mid == model::CLOZE_ID {
                NoteKind::Cloze
            } else {
                NoteKind::Basic
            },
            deck: self.deck_names[written.deck as usize].clone(),
            front,
            back,
            context,
            source,
            tags: tags.split_whitespace().map(str::to_string).collect(),
        };
        self.leave_out(position)?;
        self.add(std::slice::from_ref(&note))?;
        Ok(true)
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
