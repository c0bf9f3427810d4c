//! Reading a private copy of a collection into the compact index of `collection`.
//!
//! Three table scans and no per-row allocation: `notes` (the notedeck note types only), then
//! every card (a card of another note type is one missed lookup), while a second thread scans
//! the review log backwards on its own connection and keeps each card's newest reviews. Rows
//! are read through borrowed values (`get_ref`), GUIDs and tags are appended to one string,
//! and the FSRS memory state is parsed from the borrowed JSON text.

use rusqlite::{Connection, OpenFlags};
use std::collections::HashMap;
use std::path::Path;

use super::{
    CardRow, Clock, Collection, CollectionError, DayRule, LAST_REVIEWS, NoteRow, Review, SCHEMA,
    Span32, State,
};
use crate::model::{BASIC_ID, CLOZE_ID};

/// Open the copy for reading. Read-write, as SQLite must be able to recover the copied WAL;
/// memory-mapped, so pages are read in place instead of through SQLite's page cache.
fn open(copy: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open_with_flags(
        copy,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.execute_batch("PRAGMA mmap_size = 1073741824; PRAGMA query_only = 1;")?;
    Ok(conn)
}

/// Read a private copy (`copy`) of the collection at `path` (named in errors).
pub(super) fn read_copy(
    path: &Path,
    copy: &Path,
    clock: Clock,
) -> Result<Collection, CollectionError> {
    let sql = |source| CollectionError::Sql {
        path: path.to_path_buf(),
        source,
    };
    let too_large = || CollectionError::TooLarge {
        path: path.to_path_buf(),
    };
    let conn = open(copy).map_err(sql)?;
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
        std::thread::spawn(move || review_logs(&open(&copy)?, clock))
    };
    let decks = decks(&conn).map_err(sql)?;

    let mut col = Collection {
        today,
        days: Some(days),
        clock: Some(clock),
        first_day: days.first_day(),
        decks: decks.names,
        ..Collection::default()
    };
    // Counted first (from the note type index alone) so that the arrays are allocated once,
    // at their size: no doubling, no copies, nothing freed behind.
    let count: usize = conn
        .query_row(
            "select count(*) from notes where mid in (?1, ?2)",
            [BASIC_ID, CLOZE_ID],
            |r| r.get(0),
        )
        .map_err(sql)?;
    // Anki note id -> note number; a second note with the same GUID takes the first one's
    // place (the later row wins, and the cards of both are the note's).
    let mut by_id: foldhash::HashMap<i64, u32> =
        foldhash::HashMap::with_capacity_and_hasher(count, Default::default());
    let mut leech_tag: Vec<bool> = Vec::with_capacity(count);
    col.notes.reserve_exact(count);
    col.guids.reserve(count, |_| "");
    // A GUID and a tag or two a note; trimmed to what was used at the end.
    col.text.reserve(count * 24);
    {
        let mut stmt = conn
            .prepare("select id, guid, tags, mod, flds from notes where mid in (?1, ?2)")
            .map_err(sql)?;
        let mut rows = stmt.query([BASIC_ID, CLOZE_ID]).map_err(sql)?;
        while let Some(row) = rows.next().map_err(sql)? {
            let id: i64 = row.get(0).map_err(sql)?;
            let guid = text(row, 1).map_err(sql)?;
            let tags = text(row, 2).map_err(sql)?.trim();
            let modified_s: i64 = row.get(3).map_err(sql)?;
            let fields = text(row, 4).map_err(sql)?;

            let number = u32::try_from(col.notes.len()).map_err(|_| too_large())?;
            col.guids
                .reserve(col.notes.len(), |i| &col.text[col.notes[i].guid.range()]);
            let found = col
                .guids
                .find(guid, |i| &col.text[col.notes[i].guid.range()]);
            let tag_span = push(&mut col.text, tags).ok_or_else(too_large)?;
            let is_leech = tags
                .split_whitespace()
                .any(|t| t.eq_ignore_ascii_case("leech"));
            let note = match found {
                Ok(existing) => {
                    leech_tag[existing] = is_leech;
                    by_id.insert(id, existing as u32);
                    &mut col.notes[existing]
                }
                Err(vacant) => {
                    let guid = push(&mut col.text, guid).ok_or_else(too_large)?;
                    col.guids.fill(vacant, number);
                    by_id.insert(id, number);
                    leech_tag.push(is_leech);
                    col.notes.push(NoteRow {
                        note_id: 0,
                        modified_s: 0,
                        content_hash: 0,
                        guid,
                        tags: Span32::default(),
                        cards: Span32::default(),
                    });
                    &mut col.notes[number as usize]
                }
            };
            note.note_id = id;
            note.modified_s = modified_s;
            note.content_hash = content_hash(fields);
            note.tags = tag_span;
        }
    }

    // Every card; those of other notes are skipped by one lookup, which is cheaper than
    // joining `notes` again. `order` sorts them into note and card order afterwards.
    let all_cards: usize = conn
        .query_row("select count(*) from cards", [], |r| r.get(0))
        .map_err(sql)?;
    let mut cards: Vec<CardRow> = Vec::with_capacity(all_cards);
    let mut order: Vec<(u32, i64, u32, u32)> = Vec::with_capacity(all_cards);
    {
        let mut stmt = conn
            .prepare(
                "select id, nid, did, ord, type, queue, due, ivl, reps, lapses, odue, odid, data \
                 from cards",
            )
            .map_err(sql)?;
        let mut rows = stmt.query([]).map_err(sql)?;
        while let Some(row) = rows.next().map_err(sql)? {
            let nid: i64 = row.get(1).map_err(sql)?;
            let Some(&note) = by_id.get(&nid) else {
                continue;
            };
            let int = |i| row.get::<_, i64>(i).map_err(sql);
            let (did, odid, odue, due, queue) = (int(2)?, int(11)?, int(10)?, int(6)?, int(5)?);
            let ord: u32 = row.get(3).map_err(sql)?;
            let state = match int(4)? {
                1 => State::Learning,
                2 => State::Review,
                3 => State::Relearning,
                _ => State::New,
            };
            let memory = row
                .get_ref(12)
                .ok()
                .and_then(|v| v.as_str().ok())
                .and_then(|data| serde_json::from_str::<Memory>(data).ok())
                .unwrap_or_default();
            let lapses = int(9)?;
            let home = if odid != 0 { odid } else { did };
            let (deck, threshold) = decks.by_id.get(&home).copied().unwrap_or((u32::MAX, 8));
            let number = u32::try_from(cards.len()).map_err(|_| too_large())?;
            order.push((note, nid, ord, number));
            cards.push(CardRow {
                card_id: int(0)?,
                // A card in a filtered deck keeps its home due in `odue`.
                due: if odid != 0 && odue != 0 { odue } else { due },
                // `lrt` when FSRS recorded it (a time <= 0 is none); `i64::MIN` until the
                // review log is read, whose newest entry is the answer time without it.
                last_review_s: memory.lrt.map_or(i64::MIN, |t| t.max(0)),
                stability: memory.s,
                difficulty: memory.d,
                decay: memory.decay,
                interval_days: u32::try_from(int(7)?.max(0)).unwrap_or(u32::MAX),
                reps: int(8)?,
                lapses,
                ord,
                deck,
                reviews_start: 0,
                reviews_30_days: 0,
                passed_30_days: 0,
                review_count: 0,
                state,
                suspended: queue == -1,
                buried: queue == -2 || queue == -3,
                leech: leech_tag[note as usize] || (threshold > 0 && lapses >= threshold),
            });
        }
    }
    drop(by_id);
    drop(leech_tag);
    order.sort_unstable();
    permute(&mut cards, &mut order);

    let logs = logs
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        .map_err(sql)?;
    col.reviews.reserve_exact(logs.reviews);
    let mut note_start = 0usize;
    for (i, (&(note, ..), row)) in order.iter().zip(cards.iter_mut()).enumerate() {
        let reviews_start = u32::try_from(col.reviews.len()).map_err(|_| too_large())?;
        if let Some(log) = logs.by_card.get(&row.card_id) {
            // Kept newest first: oldest first from here on.
            let newest = &logs.newest[log.slot as usize][..usize::from(log.len)];
            col.reviews.extend(newest.iter().rev().copied());
            row.review_count = log.len;
            row.reviews_30_days = log.reviews_30_days;
            row.passed_30_days = log.passed_30_days;
        }
        row.reviews_start = reviews_start;
        if row.last_review_s == i64::MIN {
            let newest = col.reviews[reviews_start as usize..].last();
            row.last_review_s = newest.map_or(0, |r| r.at_s.max(0));
        }
        let last_of_note = order.get(i + 1).is_none_or(|next| next.0 != note);
        if last_of_note {
            col.notes[note as usize].cards = Span32 {
                start: u32::try_from(note_start).map_err(|_| too_large())?,
                end: u32::try_from(i + 1).map_err(|_| too_large())?,
            };
            note_start = i + 1;
        }
    }
    cards.shrink_to_fit();
    col.cards = cards;
    col.text.shrink_to_fit();
    col.notes.shrink_to_fit();
    Ok(col)
}

/// Put `cards` into the order of `order` (sorted; its last field is each card's place in
/// `cards`) in place, following each cycle of the permutation: a second array of every card
/// would be as large as the index's own. The last fields of `order` are spent doing it.
fn permute(cards: &mut [CardRow], order: &mut [(u32, i64, u32, u32)]) {
    const DONE: u32 = u32::MAX;
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = std::mem::replace(&mut order[at].3, DONE);
            if from == DONE || from as usize == start {
                break;
            }
            cards.swap(at, from as usize);
            at = from as usize;
        }
    }
}

/// Column `i` as borrowed text (a blob or a number is an error, as `get::<String>` makes it).
fn text<'r>(row: &'r rusqlite::Row<'_>, i: usize) -> rusqlite::Result<&'r str> {
    let value = row.get_ref(i)?;
    value
        .as_str()
        .map_err(|_| rusqlite::Error::InvalidColumnType(i, String::new(), value.data_type()))
}

/// Append `s` to `text`; its span, or `None` past 4 GiB.
fn push(text: &mut String, s: &str) -> Option<Span32> {
    let start = u32::try_from(text.len()).ok()?;
    text.push_str(s);
    let end = u32::try_from(text.len()).ok()?;
    Some(Span32 { start, end })
}

/// FSRS memory state as `cards.data` holds it once FSRS has run (Anki keeps `f32`s).
#[derive(serde::Deserialize, Default, Clone, Copy)]
struct Memory {
    s: Option<f32>,
    d: Option<f32>,
    decay: Option<f32>,
    lrt: Option<i64>,
}

/// The decks: their names, and by id the name's number and the preset's leech threshold.
struct Decks {
    names: Vec<Box<str>>,
    by_id: HashMap<i64, (u32, i64)>,
}

fn decks(conn: &Connection) -> rusqlite::Result<Decks> {
    let thresholds = leech_thresholds(conn)?;
    let mut stmt = conn.prepare("select id, name, kind from decks")?;
    let mut rows = stmt.query([])?;
    let mut decks = Decks {
        names: Vec::new(),
        by_id: HashMap::new(),
    };
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let name: String = row.get(1)?;
        let kind: Vec<u8> = row.get(2)?;
        // `kind` field 1 is a normal deck, whose field 1 is its preset id.
        let config = proto_bytes(&kind, 1)
            .and_then(|normal| proto_varint(normal, 1))
            .and_then(|v| i64::try_from(v).ok())
            .unwrap_or(1);
        let number = u32::try_from(decks.names.len()).unwrap_or(u32::MAX);
        decks
            .names
            .push(name.replace('\u{1f}', "::").into_boxed_str());
        let threshold = thresholds.get(&config).copied().unwrap_or(8);
        decks.by_id.insert(id, (number, threshold));
    }
    Ok(decks)
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

/// What the review log comes to, per card id: its newest reviews and the last 30 days'
/// counts.
struct Logs {
    by_card: foldhash::HashMap<i64, Log>,
    /// Card `slot`'s newest reviews, newest first, are `newest[slot]`.
    newest: Vec<[Review; LAST_REVIEWS]>,
    /// Reviews kept over all cards.
    reviews: usize,
}

/// One card's log, kept in the map itself: every review row touches its card's entry, and
/// one cache line for both the key and the counts is what the scan's speed comes down to.
#[derive(Clone, Copy)]
struct Log {
    slot: u32,
    len: u8,
    reviews_30_days: u32,
    passed_30_days: u32,
}

/// Scan the review log once, newest first (the table is stored in id order, which is time
/// order), keeping each card's newest [`LAST_REVIEWS`] and counting the last 30 days' reviews.
/// Runs on its own connection and thread while the notes and cards are read: on two cores the
/// scan of a year of reviews is hidden.
fn review_logs(conn: &Connection, clock: Clock) -> rusqlite::Result<Logs> {
    let mut logs = Logs {
        // Ids are keys here, not user input: a fast hash, as every review row looks one up.
        by_card: foldhash::HashMap::default(),
        newest: Vec::new(),
        reviews: 0,
    };
    let none = Review {
        at_s: 0,
        ease: 0,
        review: false,
    };
    // Sized for every card at once: the log holds a card or so more (deleted cards' rows).
    let cards: usize = conn.query_row("select count(*) from cards", [], |r| r.get(0))?;
    logs.by_card.reserve(cards);
    logs.newest.reserve_exact(cards);
    let since_ms = (clock.now_s - 30 * 86_400) * 1000;
    let mut stmt = conn.prepare("select id, cid, ease, type from revlog order by id desc")?;
    let mut rows = stmt.query([])?;
    let int = |row: &rusqlite::Row<'_>, i: usize| row.get_ref(i).ok().and_then(|v| v.as_i64().ok());
    while let Some(row) = rows.next()? {
        let (Some(id), Some(cid), Some(ease), Some(kind)) =
            (int(row, 0), int(row, 1), int(row, 2), int(row, 3))
        else {
            continue;
        };
        // Manual reschedules (type 4) and entries without an answer are not reviews.
        if !(1..=4).contains(&ease) || kind > 3 {
            continue;
        }
        let next = logs.newest.len();
        let log = logs.by_card.entry(cid).or_insert_with(|| Log {
            slot: next as u32,
            len: 0,
            reviews_30_days: 0,
            passed_30_days: 0,
        });
        if log.slot as usize == next {
            logs.newest.push([none; LAST_REVIEWS]);
        }
        let review = kind == 1;
        if review && id >= since_ms {
            log.reviews_30_days += 1;
            log.passed_30_days += u32::from(ease > 1);
        }
        if usize::from(log.len) < LAST_REVIEWS {
            logs.newest[log.slot as usize][usize::from(log.len)] = Review {
                at_s: id / 1000,
                ease: ease as u8,
                review,
            };
            log.len += 1;
            logs.reviews += 1;
        }
    }
    Ok(logs)
}

/// A note's content as the export compares it: its fields (joined by U+001F, Anki's own
/// separator) without the last one, Source (`file:line`), which moves with every edit above
/// the card.
///
/// Compared only within one run (never stored), so the hash is a fast one: a real note's
/// fields are kilobytes of HTML, hashed for every note of the collection on every read.
pub fn content_hash(fields: &str) -> u64 {
    use std::hash::BuildHasher;
    let content = fields
        .rsplit_once('\u{1f}')
        .map_or(fields, |(rest, _)| rest);
    foldhash::quality::FixedState::with_seed(0).hash_one(content)
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
