//! Reading the student's Anki collection back: how each card notedeck made is doing.
//!
//! Read only, and never in place: the collection is located ([`locate`]), copied with its WAL
//! ([`Snapshot`]) and the copy is read. Only notes of notedeck's own note types are read, so
//! the user's other decks are never touched or reported. Anki's schema 18 (Anki 2.1.50 and
//! later, 23.x to 26.x) is the one understood; another version is refused with a message.
//!
//! Written from Anki's documented behaviour and checked against the real `anki` library
//! (`tests/test_anki_collection.py`); no Anki code is used.

mod locate;
mod snapshot;
mod time;

pub use locate::locate;
pub use snapshot::Snapshot;
pub use time::{Clock, DayRule, civil_date, retrievability};

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::model::{BASIC_ID, CLOZE_ID};

/// The collection schema this reader understands.
pub const SCHEMA: i64 = 18;

/// Why a collection could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CollectionError {
    /// No collection where one was looked for.
    #[error(
        "no Anki collection found (looked for {}); give its path with --collection, or set \
         ANKI_BASE to Anki's folder",
        looked.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
    )]
    NotFound {
        /// Where it looked.
        looked: Vec<PathBuf>,
    },
    /// Several profiles and no record of the last one used.
    #[error(
        "several Anki profiles: {}; choose one with --collection",
        found.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
    )]
    Ambiguous {
        /// The collections found.
        found: Vec<PathBuf>,
    },
    /// Copying the collection failed.
    #[error("cannot copy {}: {source}", path.display())]
    Io {
        /// The collection.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// Anki kept writing while it was copied.
    #[error("{}: Anki kept changing the collection while it was copied; try again", path.display())]
    Busy {
        /// The collection.
        path: PathBuf,
    },
    /// Not a collection SQLite can read.
    #[error("{}: not a readable Anki collection ({source})", path.display())]
    Sql {
        /// The collection.
        path: PathBuf,
        /// What SQLite said.
        source: rusqlite::Error,
    },
    /// A schema version other than [`SCHEMA`].
    #[error(
        "{}: Anki collection schema {found}, but notedeck reads schema {SCHEMA} (Anki 2.1.50 to \
         26.x); open it once in a current Anki to upgrade it",
        path.display()
    )]
    Schema {
        /// The collection.
        path: PathBuf,
        /// Its `col.ver`.
        found: i64,
    },
}

/// Where a card is in its learning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// Never studied.
    New,
    /// Being learnt for the first time.
    Learning,
    /// Learnt; reviewed at growing intervals.
    Review,
    /// Forgotten in a review; being learnt again.
    Relearning,
}

/// When a card is next shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Due {
    /// A new card: shown in this order among the new cards.
    New {
        /// Its position in the new queue.
        position: i64,
    },
    /// A learning card: due at a moment, minutes from now (negative: overdue).
    Minutes {
        /// Minutes from now.
        in_minutes: i64,
    },
    /// A review card: due on a day.
    Day {
        /// Days from today (0: today; negative: overdue).
        in_days: i64,
        /// The calendar date.
        date: Date,
    },
}

/// A calendar date, kept as a day number (no allocation per card) and written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date(pub i64);

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&civil_date(self.0))
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// One review of a card, from the review log.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Review {
    /// When, in seconds since the epoch.
    pub at_s: i64,
    /// The answer: 1 Again, 2 Hard, 3 Good, 4 Easy.
    pub ease: u8,
    /// Whether it was a review of a learnt card (not learning or relearning steps).
    pub review: bool,
}

/// How one card of a notedeck note is doing in Anki.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CardReview {
    /// Anki's card id.
    pub card_id: i64,
    /// Which card of the note (cloze deletions make several).
    pub ord: u32,
    /// Its home deck (`역량평가 정리::문제 9`), shared by the cards of the deck.
    pub deck: std::sync::Arc<str>,
    /// Where it is in its learning.
    pub state: State,
    /// Suspended by the user (or as a leech).
    pub suspended: bool,
    /// Buried until tomorrow.
    pub buried: bool,
    /// When it is next shown.
    pub due: Due,
    /// The current interval in days (review cards).
    pub interval_days: i64,
    /// Times answered.
    pub reps: i64,
    /// Times forgotten after being learnt.
    pub lapses: i64,
    /// The last answer, in seconds since the epoch.
    pub last_review_s: Option<i64>,
    /// FSRS memory stability in days, when FSRS has run on the card.
    pub stability: Option<f64>,
    /// FSRS difficulty (1-10), when FSRS has run on the card.
    pub difficulty: Option<f64>,
    /// FSRS probability of recalling it now.
    pub retrievability: Option<f64>,
    /// Forgotten so often that it is a leech: lapses at or above its deck preset's threshold,
    /// or the note carries Anki's `leech` tag.
    pub leech: bool,
    /// Its last reviews (at most [`LAST_REVIEWS`]), oldest first.
    pub reviews: Vec<Review>,
    /// Reviews of the learnt card (not learning steps) in the 30 days before now.
    pub reviews_30_days: u32,
    /// Of those, the ones answered other than Again.
    pub passed_30_days: u32,
}

/// How many of a card's last reviews are kept (a year of reviews of 100,000 cards is a
/// million rows: the editor shows the last few, the stats count the last 30 days).
pub const LAST_REVIEWS: usize = 5;

/// A note notedeck made, as Anki holds it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoteReview {
    /// Anki's note id (for the search `nid:…`).
    pub note_id: i64,
    /// The note's tags as Anki holds them (the user's own included).
    pub tags: Vec<String>,
    /// When Anki last changed the note (seconds): an export that does not change the note
    /// must not be newer than this, or Anki would overwrite edits made in it.
    #[serde(skip)]
    pub modified_s: i64,
    /// A hash of the note's fields as Anki holds them, the last (Source) aside: see
    /// [`content_hash`].
    #[serde(skip)]
    pub content_hash: u64,
    /// Its cards.
    pub cards: Vec<CardReview>,
}

/// The notedeck notes of one collection, by GUID (notedeck's card id).
#[derive(Debug, Clone, Default)]
pub struct Collection {
    /// Notes by GUID.
    pub notes: HashMap<String, NoteReview>,
    /// Anki's "today" when read.
    pub today: i64,
    /// The day rule, for turning day numbers into dates.
    pub days: Option<DayRule>,
    /// The moment the collection was read for.
    pub clock: Option<Clock>,
}

impl Collection {
    /// Snapshot the collection at `path` and read it as of `clock`.
    pub fn read(path: &Path, clock: Clock) -> Result<Collection, CollectionError> {
        let snapshot = Snapshot::take(path)?;
        read_copy(path, &snapshot.path(), clock)
    }

    /// The note with this GUID, if Anki has it.
    pub fn note(&self, guid: &str) -> Option<&NoteReview> {
        self.notes.get(guid)
    }
}

/// Read a private copy (`copy`) of the collection at `path` (named in errors).
fn read_copy(path: &Path, copy: &Path, clock: Clock) -> Result<Collection, CollectionError> {
    let sql = |source| CollectionError::Sql {
        path: path.to_path_buf(),
        source,
    };
    let conn = Connection::open_with_flags(
        copy,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(sql)?;
    let (ver, crt): (i64, i64) = conn
        .query_row("select ver, crt from col", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .map_err(sql)?;
    if ver != SCHEMA {
        return Err(CollectionError::Schema {
            path: path.to_path_buf(),
            found: ver,
        });
    }
    let config = |key: &str| -> Option<i64> {
        let raw: Vec<u8> = conn
            .query_row("select val from config where key = ?1", [key], |r| r.get(0))
            .ok()?;
        serde_json::from_slice::<serde_json::Value>(&raw)
            .ok()?
            .as_i64()
    };
    let days = DayRule {
        created_s: crt,
        creation_offset_min: config("creationOffset")
            .and_then(|v| i32::try_from(v).ok())
            .unwrap_or(0),
        rollover_hour: config("rollover")
            .and_then(|v| i32::try_from(v).ok())
            .unwrap_or(4),
    };
    let today = days.today(clock);
    let logs = {
        let copy = copy.to_path_buf();
        std::thread::spawn(move || {
            let conn = Connection::open_with_flags(
                &copy,
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?;
            review_logs(&conn, clock)
        })
    };
    let thresholds = leech_thresholds(&conn).map_err(sql)?;
    let decks = decks(&conn).map_err(sql)?;

    let mut notes: HashMap<String, NoteReview> = HashMap::new();
    let mut by_id: HashMap<i64, String> = HashMap::new();
    {
        let mut stmt = conn
            .prepare("select id, guid, tags, mod, flds from notes where mid in (?1, ?2)")
            .map_err(sql)?;
        let rows = stmt
            .query_map([BASIC_ID, CLOZE_ID], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, String>(4)?,
                ))
            })
            .map_err(sql)?;
        for row in rows {
            let (id, guid, tags, modified_s, fields) = row.map_err(sql)?;
            by_id.insert(id, guid.clone());
            notes.insert(
                guid,
                NoteReview {
                    note_id: id,
                    tags: tags.split_whitespace().map(str::to_string).collect(),
                    modified_s,
                    content_hash: content_hash(&fields),
                    cards: Vec::new(),
                },
            );
        }
    }
    let mut stmt = conn
        .prepare(
            "select c.id, c.nid, c.did, c.ord, c.type, c.queue, c.due, c.ivl, c.reps, c.lapses, \
             c.odue, c.odid, c.data from cards c join notes n on n.id = c.nid \
             where n.mid in (?1, ?2) order by c.nid, c.ord",
        )
        .map_err(sql)?;
    let rows = stmt
        .query_map([BASIC_ID, CLOZE_ID], |r| {
            Ok(Row {
                id: r.get(0)?,
                nid: r.get(1)?,
                did: r.get(2)?,
                ord: r.get(3)?,
                kind: r.get(4)?,
                queue: r.get(5)?,
                due: r.get(6)?,
                ivl: r.get(7)?,
                reps: r.get(8)?,
                lapses: r.get(9)?,
                odue: r.get(10)?,
                odid: r.get(11)?,
                memory: r
                    .get_ref(12)?
                    .as_str()
                    .ok()
                    .and_then(|data| serde_json::from_str(data).ok())
                    .unwrap_or_default(),
            })
        })
        .map_err(sql)?;
    let rows: Vec<Row> = rows.collect::<Result<_, _>>().map_err(sql)?;
    drop(stmt);
    let mut logs = logs
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        .map_err(sql)?;
    for log in logs.values_mut() {
        log.last.shrink_to_fit();
    }
    let deck_names: HashMap<i64, std::sync::Arc<str>> = decks
        .iter()
        .map(|(id, d)| (*id, std::sync::Arc::from(d.name.as_str())))
        .collect();
    let no_deck: std::sync::Arc<str> = std::sync::Arc::from("");
    for row in rows {
        let Some(note) = by_id.get(&row.nid).and_then(|g| notes.get_mut(g)) else {
            continue;
        };
        let home = if row.odid != 0 { row.odid } else { row.did };
        let deck = decks.get(&home);
        let threshold = deck
            .and_then(|d| thresholds.get(&d.config))
            .copied()
            .unwrap_or(8);
        let leech_tag = note.tags.iter().any(|t| t.eq_ignore_ascii_case("leech"));
        let log = logs.remove(&row.id).unwrap_or_default();
        note.cards.push(card(
            &row,
            deck_names
                .get(&home)
                .cloned()
                .unwrap_or_else(|| no_deck.clone()),
            threshold,
            leech_tag,
            log,
            days.first_day(),
            today,
            clock,
        ));
    }
    Ok(Collection {
        notes,
        today,
        days: Some(days),
        clock: Some(clock),
    })
}

/// One row of `cards`.
struct Row {
    id: i64,
    nid: i64,
    did: i64,
    ord: u32,
    kind: i64,
    queue: i64,
    due: i64,
    ivl: i64,
    reps: i64,
    lapses: i64,
    odue: i64,
    odid: i64,
    memory: Memory,
}

/// FSRS memory state as `cards.data` holds it once FSRS has run.
#[derive(serde::Deserialize, Default, Clone, Copy)]
struct Memory {
    s: Option<f64>,
    d: Option<f64>,
    decay: Option<f64>,
    lrt: Option<i64>,
}

#[allow(clippy::too_many_arguments)] // one card's facts from four tables
fn card(
    row: &Row,
    deck: std::sync::Arc<str>,
    threshold: i64,
    leech_tag: bool,
    log: Log,
    first_day: i64,
    today: i64,
    clock: Clock,
) -> CardReview {
    let Log {
        last: reviews,
        reviews_30_days,
        passed_30_days,
    } = log;
    let state = match row.kind {
        1 => State::Learning,
        2 => State::Review,
        3 => State::Relearning,
        _ => State::New,
    };
    // A card in a filtered deck keeps its home due in `odue`.
    let due_value = if row.odid != 0 && row.odue != 0 {
        row.odue
    } else {
        row.due
    };
    let due = match state {
        State::New => Due::New {
            position: due_value,
        },
        // Learning steps under a day are due at a moment; longer ones on a day.
        State::Learning | State::Relearning if due_value > 1_000_000_000 => Due::Minutes {
            in_minutes: (due_value - clock.now_s).div_euclid(60),
        },
        _ => Due::Day {
            in_days: due_value - today,
            date: Date(first_day + due_value),
        },
    };
    let memory = &row.memory;
    let last_review_s = memory
        .lrt
        .or_else(|| reviews.last().map(|r| r.at_s))
        .filter(|&t| t > 0);
    let retrievability = match (memory.s, last_review_s) {
        (Some(s), Some(at)) => Some(retrievability(
            s,
            memory.decay.unwrap_or(0.5),
            (clock.now_s - at) as f64 / 86_400.0,
        )),
        _ => None,
    };
    CardReview {
        card_id: row.id,
        ord: row.ord,
        deck,
        state,
        suspended: row.queue == -1,
        buried: row.queue == -2 || row.queue == -3,
        due,
        interval_days: row.ivl.max(0),
        reps: row.reps,
        lapses: row.lapses,
        last_review_s,
        stability: memory.s,
        difficulty: memory.d,
        retrievability,
        leech: leech_tag || (threshold > 0 && row.lapses >= threshold),
        reviews,
        reviews_30_days,
        passed_30_days,
    }
}

/// A deck's name (levels joined with `::`) and its preset.
struct Deck {
    name: String,
    config: i64,
}

fn decks(conn: &Connection) -> rusqlite::Result<HashMap<i64, Deck>> {
    let mut stmt = conn.prepare("select id, name, kind from decks")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Vec<u8>>(2)?,
        ))
    })?;
    let mut out = HashMap::new();
    for row in rows {
        let (id, name, kind) = row?;
        // `kind` field 1 is a normal deck, whose field 1 is its preset id.
        let config = proto_bytes(&kind, 1)
            .and_then(|normal| proto_varint(normal, 1))
            .and_then(|v| i64::try_from(v).ok())
            .unwrap_or(1);
        out.insert(
            id,
            Deck {
                name: name.replace('\u{1f}', "::"),
                config,
            },
        );
    }
    Ok(out)
}

/// Each preset's leech threshold (`deck_config.config` field 22; 8 when unset).
fn leech_thresholds(conn: &Connection) -> rusqlite::Result<HashMap<i64, i64>> {
    let mut stmt = conn.prepare("select id, config from deck_config")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))?;
    let mut out = HashMap::new();
    for row in rows {
        let (id, config) = row?;
        let threshold = proto_varint(&config, 22)
            .and_then(|v| i64::try_from(v).ok())
            .unwrap_or(8);
        out.insert(id, threshold);
    }
    Ok(out)
}

/// What a card's review log comes to: its last reviews and the last 30 days' counts.
#[derive(Default)]
struct Log {
    last: Vec<Review>,
    reviews_30_days: u32,
    passed_30_days: u32,
}

/// Every card's review log, read in one pass over `revlog` (in time order: its ids are
/// times), keeping per card only what is shown. Runs on its own connection and thread while
/// the notes and cards are read: on two cores the scan of a year of reviews is hidden.
fn review_logs(conn: &Connection, clock: Clock) -> rusqlite::Result<foldhash::HashMap<i64, Log>> {
    // Ids are keys here, not user input: a fast hash, as every review row looks one up.
    let mut logs: foldhash::HashMap<i64, Log> = foldhash::HashMap::default();
    let since_ms = (clock.now_s - 30 * 86_400) * 1000;
    // The table is stored in id order, which is time order.
    let mut stmt = conn.prepare("select id, cid, ease, type from revlog")?;
    let mut rows = stmt.query([])?;
    let int = |row: &rusqlite::Row<'_>, i: usize| row.get_ref(i).ok().and_then(|v| v.as_i64().ok());
    while let Some(row) = rows.next()? {
        let Some(cid) = int(row, 1) else {
            continue;
        };
        let log = logs.entry(cid).or_default();
        let (Some(id), Some(ease), Some(kind)) = (int(row, 0), int(row, 2), int(row, 3)) else {
            continue;
        };
        // Manual reschedules (type 4) and entries without an answer are not reviews.
        if !(1..=4).contains(&ease) || kind > 3 {
            continue;
        }
        let review = Review {
            at_s: id / 1000,
            ease: u8::try_from(ease).unwrap_or(0),
            review: kind == 1,
        };
        if review.review && id >= since_ms {
            log.reviews_30_days += 1;
            log.passed_30_days += u32::from(ease > 1);
        }
        if log.last.len() == LAST_REVIEWS {
            log.last.rotate_left(1);
            log.last[LAST_REVIEWS - 1] = review;
        } else {
            log.last.push(review);
        }
    }
    Ok(logs)
}

/// A note's content as the export compares it: its fields (joined by U+001F, Anki's own
/// separator) without the last one, Source (`file:line`), which moves with every edit above
/// the card.
pub fn content_hash(fields: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let content = fields
        .rsplit_once('\u{1f}')
        .map_or(fields, |(rest, _)| rest);
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    content.hash(&mut hasher);
    hasher.finish()
}

/// The value of varint field `field` of a protobuf message (the last one, as protobuf reads).
fn proto_varint(message: &[u8], field: u64) -> Option<u64> {
    match proto_field(message, field)? {
        ProtoValue::Varint(v) => Some(v),
        _ => None,
    }
}

/// The bytes of length-delimited field `field` (a nested message or string).
fn proto_bytes(message: &[u8], field: u64) -> Option<&[u8]> {
    match proto_field(message, field)? {
        ProtoValue::Bytes(b) => Some(b),
        _ => None,
    }
}

/// The last occurrence of field `field`; `None` if absent or the message is malformed.
fn proto_field(message: &[u8], field: u64) -> Option<ProtoValue<'_>> {
    let mut found = None;
    walk_proto(message, |number, value| {
        if number == field {
            found = Some(value);
        }
    })?;
    found
}

#[derive(Clone, Copy)]
enum ProtoValue<'a> {
    Varint(u64),
    Bytes(&'a [u8]),
    Fixed,
}

/// Call `f` with each top-level field of a protobuf message; `None` if it is malformed.
fn walk_proto<'a>(mut rest: &'a [u8], mut f: impl FnMut(u64, ProtoValue<'a>)) -> Option<()> {
    while !rest.is_empty() {
        let key = read_varint(&mut rest)?;
        let (number, wire) = (key >> 3, key & 7);
        match wire {
            0 => f(number, ProtoValue::Varint(read_varint(&mut rest)?)),
            1 => {
                rest = rest.get(8..)?;
                f(number, ProtoValue::Fixed);
            }
            2 => {
                let len = usize::try_from(read_varint(&mut rest)?).ok()?;
                let (bytes, tail) = (rest.get(..len)?, rest.get(len..)?);
                rest = tail;
                f(number, ProtoValue::Bytes(bytes));
            }
            5 => {
                rest = rest.get(4..)?;
                f(number, ProtoValue::Fixed);
            }
            _ => return None,
        }
    }
    Some(())
}

fn read_varint(rest: &mut &[u8]) -> Option<u64> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let (&byte, tail) = rest.split_first()?;
        *rest = tail;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The default preset as Anki 26.9 writes it (leech action 1 = tag only, threshold 8).
    const DEFAULT_PRESET: &str = "0A080000803F00002041120400002041221C0000803F0000803F0000803F0000803F0000803F0000803F0000803F481450C8015D00002040656666A63F6D9A99993F7D0000803F8001949D02880101900101980104A80101B00108C0013CAD026666663FC5026666663FE00201";

    fn unhex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .filter_map(|i| u8::from_str_radix(&s[i..i + 2], 16).ok())
            .collect()
    }

    #[test]
    fn reads_the_leech_threshold_and_action_of_a_real_preset() {
        let preset = unhex(DEFAULT_PRESET);
        assert_eq!(proto_varint(&preset, 22), Some(8));
        assert_eq!(proto_varint(&preset, 21), Some(1));
        // A normal deck's kind names preset 1.
        let kind = unhex("0A020801");
        assert_eq!(
            proto_bytes(&kind, 1).and_then(|n| proto_varint(n, 1)),
            Some(1)
        );
        assert_eq!(proto_varint(&[0x80], 1), None, "truncated varint");
    }
}
