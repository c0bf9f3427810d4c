//! Reading the student's Anki collection back: how each card notedeck made is doing.
//!
//! Read only, and never in place: the collection is located ([`locate`]), copied with its WAL
//! ([`Snapshot`]) and the copy is read. Only notes of notedeck's own note types are read, so
//! the user's other decks are never touched or reported. Anki's schema 18 (Anki 2.1.50 and
//! later, 23.x to 26.x) is the one understood; another version is refused with a message.
//!
//! The index is a handful of flat arrays (notes, cards, reviews, one string of GUIDs and tags)
//! and a GUID table of note numbers, not a map of owned notes: a year of reviews of 100,000
//! cards is held in a few large allocations, built and dropped in one piece, so a language
//! server that swaps in a new read every review session neither fragments its heap nor pauses
//! to free a million small objects. [`NoteReview`] and [`CardReview`] are views into it.
//!
//! Written from Anki's documented behaviour and checked against the real `anki` library
//! (`tests/test_anki_stats.py`); no Anki code is used.

mod locate;
mod read;
mod snapshot;
mod time;

pub use locate::locate;
pub use read::content_hash;
pub use snapshot::Snapshot;
pub use time::{Clock, DayRule, civil_date, retrievability};

use serde::Serialize;
use serde::ser::{SerializeSeq, SerializeStruct};
use std::hash::BuildHasher;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The collection schema this reader understands.
pub const SCHEMA: i64 = 18;

/// How many of a card's last reviews are kept (a year of reviews of 100,000 cards is a
/// million rows: the editor shows the last few, the stats count the last 30 days).
pub const LAST_REVIEWS: usize = 5;

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
    /// More notedeck notes, cards or text than the index counts with 32 bits.
    #[error("{}: too many notedeck notes to read", path.display())]
    TooLarge {
        /// The collection.
        path: PathBuf,
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
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Review {
    /// When, in seconds since the epoch.
    pub at_s: i64,
    /// The answer: 1 Again, 2 Hard, 3 Good, 4 Easy.
    pub ease: u8,
    /// Whether it was a review of a learnt card (not learning or relearning steps).
    pub review: bool,
}

/// The notedeck notes of one collection, by GUID (notedeck's card id).
#[derive(Debug, Clone, Default)]
pub struct Collection {
    notes: Vec<NoteRow>,
    /// The cards of note `n` are `cards[n.cards]`, in note id and then card order.
    cards: Vec<CardRow>,
    /// The last reviews of card `c` are `reviews[c.reviews..][..c.review_count]`, oldest first.
    reviews: Vec<Review>,
    /// Every note's GUID and tags, one after another.
    text: String,
    /// Deck names (levels joined with `::`); a card holds an index.
    decks: Vec<Box<str>>,
    guids: GuidTable,
    /// Civil day of Anki's day 0, for due dates.
    first_day: i64,
    /// Anki's "today" when read.
    pub today: i64,
    /// The day rule, for turning day numbers into dates.
    pub days: Option<DayRule>,
    /// The moment the collection was read for.
    pub clock: Option<Clock>,
}

/// One note: ranges into the collection's text and cards.
#[derive(Debug, Clone)]
struct NoteRow {
    note_id: i64,
    modified_s: i64,
    content_hash: u64,
    guid: Span32,
    tags: Span32,
    cards: Span32,
}

/// A range held in 32 bits per end: half the size of `Range<usize>`, and the reader refuses
/// anything that does not fit ([`CollectionError::TooLarge`]).
#[derive(Debug, Clone, Copy, Default)]
struct Span32 {
    start: u32,
    end: u32,
}

impl Span32 {
    fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// One card, with nothing on the heap. The FSRS memory state is kept as the `f32` Anki itself
/// stores; counts and times stay as wide as SQLite gave them (the interval, never negative, in a
/// `u32`). What depends on the moment read (due in days or minutes, recall now) is computed
/// when asked, from the collection's clock.
#[derive(Debug, Clone)]
struct CardRow {
    card_id: i64,
    /// `due`, or `odue` for a card in a filtered deck.
    due: i64,
    /// The last answer in seconds; 0 when unknown.
    last_review_s: i64,
    stability: Option<f32>,
    difficulty: Option<f32>,
    decay: Option<f32>,
    interval_days: u32,
    reps: i64,
    lapses: i64,
    ord: u32,
    deck: u32,
    reviews_start: u32,
    reviews_30_days: u32,
    passed_30_days: u32,
    review_count: u8,
    state: State,
    suspended: bool,
    buried: bool,
    leech: bool,
}

impl Collection {
    /// Snapshot the collection at `path` and read it as of `clock`.
    pub fn read(path: &Path, clock: Clock) -> Result<Collection, CollectionError> {
        let snapshot = Snapshot::take(path)?;
        read::read_copy(path, &snapshot.path(), clock)
    }

    /// The note with this GUID, if Anki has it.
    pub fn note(&self, guid: &str) -> Option<NoteReview<'_>> {
        let index = self.guids.find(guid, |i| self.guid_of(i)).ok()?;
        Some(self.view(index))
    }

    /// Every notedeck note in the collection, in no particular order.
    pub fn notes(&self) -> impl ExactSizeIterator<Item = NoteReview<'_>> + '_ {
        (0..self.notes.len()).map(|i| self.view(i))
    }

    /// How many notedeck notes the collection holds.
    pub fn len(&self) -> usize {
        self.notes.len()
    }

    /// Whether the collection holds no notedeck note.
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty()
    }

    /// The bytes the index holds on the heap (what a language server keeps per collection).
    pub fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        self.notes.capacity() * size_of::<NoteRow>()
            + self.cards.capacity() * size_of::<CardRow>()
            + self.reviews.capacity() * size_of::<Review>()
            + self.text.capacity()
            + self.decks.iter().map(|d| d.len()).sum::<usize>()
            + self.decks.capacity() * size_of::<Box<str>>()
            + self.guids.slots.capacity() * size_of::<u64>()
    }

    fn view(&self, index: usize) -> NoteReview<'_> {
        NoteReview {
            collection: self,
            row: &self.notes[index],
        }
    }

    fn guid_of(&self, index: usize) -> &str {
        &self.text[self.notes[index].guid.range()]
    }
}

/// A note notedeck made, as Anki holds it: a view into a [`Collection`].
#[derive(Clone, Copy)]
pub struct NoteReview<'a> {
    collection: &'a Collection,
    row: &'a NoteRow,
}

impl<'a> NoteReview<'a> {
    /// Its GUID (notedeck's card id).
    pub fn guid(self) -> &'a str {
        &self.collection.text[self.row.guid.range()]
    }

    /// Anki's note id (for the search `nid:…`).
    pub fn note_id(self) -> i64 {
        self.row.note_id
    }

    /// The note's tags as Anki holds them (the user's own included).
    pub fn tags(self) -> impl Iterator<Item = &'a str> + Clone {
        self.collection.text[self.row.tags.range()].split_whitespace()
    }

    /// When Anki last changed the note (seconds): an export that does not change the note
    /// must not be newer than this, or Anki would overwrite edits made in it.
    pub fn modified_s(self) -> i64 {
        self.row.modified_s
    }

    /// A hash of the note's fields as Anki holds them, the last (Source) aside: see
    /// [`content_hash`].
    pub fn content_hash(self) -> u64 {
        self.row.content_hash
    }

    /// Its cards, in card order.
    pub fn cards(
        self,
    ) -> impl ExactSizeIterator<Item = CardReview<'a>> + DoubleEndedIterator + Clone {
        let collection = self.collection;
        collection.cards[self.row.cards.range()]
            .iter()
            .map(move |row| CardReview { collection, row })
    }
}

impl std::fmt::Debug for NoteReview<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NoteReview")
            .field("guid", &self.guid())
            .field("note_id", &self.note_id())
            .field("cards", &self.cards().collect::<Vec<_>>())
            .finish()
    }
}

/// Written as the owned note used to be: `note_id`, `tags` and `cards`, each card in full.
impl Serialize for NoteReview<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Seq<I>(I);
        impl<I: Iterator<Item = T> + Clone, T: Serialize> Serialize for Seq<I> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut seq = s.serialize_seq(None)?;
                for item in self.0.clone() {
                    seq.serialize_element(&item)?;
                }
                seq.end()
            }
        }
        let mut note = serializer.serialize_struct("NoteReview", 3)?;
        note.serialize_field("note_id", &self.note_id())?;
        note.serialize_field("tags", &Seq(self.tags()))?;
        note.serialize_field("cards", &Seq(self.cards()))?;
        note.end()
    }
}

/// How one card of a notedeck note is doing in Anki: a view into a [`Collection`].
#[derive(Clone, Copy)]
pub struct CardReview<'a> {
    collection: &'a Collection,
    row: &'a CardRow,
}

impl<'a> CardReview<'a> {
    /// Anki's card id.
    pub fn card_id(self) -> i64 {
        self.row.card_id
    }

    /// Which card of the note (cloze deletions make several).
    pub fn ord(self) -> u32 {
        self.row.ord
    }

    /// Its home deck (`역량평가 정리::문제 9`).
    pub fn deck(self) -> &'a str {
        self.collection
            .decks
            .get(self.row.deck as usize)
            .map_or("", |d| d)
    }

    /// Where it is in its learning.
    pub fn state(self) -> State {
        self.row.state
    }

    /// Suspended by the user (or as a leech).
    pub fn suspended(self) -> bool {
        self.row.suspended
    }

    /// Buried until tomorrow.
    pub fn buried(self) -> bool {
        self.row.buried
    }

    /// When it is next shown, as of the moment the collection was read.
    pub fn due(self) -> Due {
        let due = self.row.due;
        match self.row.state {
            State::New => Due::New { position: due },
            // Learning steps under a day are due at a moment; longer ones on a day.
            State::Learning | State::Relearning if due > 1_000_000_000 => Due::Minutes {
                in_minutes: (due - self.now_s()).div_euclid(60),
            },
            _ => Due::Day {
                in_days: due - self.collection.today,
                date: Date(self.collection.first_day + due),
            },
        }
    }

    /// The current interval in days (review cards).
    pub fn interval_days(self) -> i64 {
        i64::from(self.row.interval_days)
    }

    /// Times answered.
    pub fn reps(self) -> i64 {
        self.row.reps
    }

    /// Times forgotten after being learnt.
    pub fn lapses(self) -> i64 {
        self.row.lapses
    }

    /// The last answer, in seconds since the epoch.
    pub fn last_review_s(self) -> Option<i64> {
        Some(self.row.last_review_s).filter(|&t| t > 0)
    }

    /// FSRS memory stability in days, when FSRS has run on the card (Anki keeps an `f32`).
    pub fn stability(self) -> Option<f32> {
        self.row.stability
    }

    /// FSRS difficulty (1-10), when FSRS has run on the card.
    pub fn difficulty(self) -> Option<f32> {
        self.row.difficulty
    }

    /// FSRS probability of recalling it at the moment the collection was read.
    pub fn retrievability(self) -> Option<f64> {
        let (stability, at) = (self.row.stability?, self.last_review_s()?);
        Some(retrievability(
            f64::from(stability),
            self.row.decay.map_or(0.5, f64::from),
            (self.now_s() - at) as f64 / 86_400.0,
        ))
    }

    /// Forgotten so often that it is a leech: lapses at or above its deck preset's threshold,
    /// or the note carries Anki's `leech` tag.
    pub fn leech(self) -> bool {
        self.row.leech
    }

    /// Its last reviews (at most [`LAST_REVIEWS`]), oldest first.
    pub fn reviews(self) -> &'a [Review] {
        let start = self.row.reviews_start as usize;
        &self.collection.reviews[start..start + usize::from(self.row.review_count)]
    }

    /// Reviews of the learnt card (not learning steps) in the 30 days before the read.
    pub fn reviews_30_days(self) -> u32 {
        self.row.reviews_30_days
    }

    /// Of those, the ones answered other than Again.
    pub fn passed_30_days(self) -> u32 {
        self.row.passed_30_days
    }

    fn now_s(self) -> i64 {
        self.collection.clock.map_or(0, |c| c.now_s)
    }
}

impl std::fmt::Debug for CardReview<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CardReview")
            .field("card_id", &self.card_id())
            .field("ord", &self.ord())
            .field("state", &self.state())
            .field("due", &self.due())
            .finish_non_exhaustive()
    }
}

impl Serialize for CardReview<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let c = *self;
        let mut card = serializer.serialize_struct("CardReview", 18)?;
        card.serialize_field("card_id", &c.card_id())?;
        card.serialize_field("ord", &c.ord())?;
        card.serialize_field("deck", c.deck())?;
        card.serialize_field("state", &c.state())?;
        card.serialize_field("suspended", &c.suspended())?;
        card.serialize_field("buried", &c.buried())?;
        card.serialize_field("due", &c.due())?;
        card.serialize_field("interval_days", &c.interval_days())?;
        card.serialize_field("reps", &c.reps())?;
        card.serialize_field("lapses", &c.lapses())?;
        card.serialize_field("last_review_s", &c.last_review_s())?;
        // As `f32`, so a value Anki wrote (`3.2602`) is written back the same.
        card.serialize_field("stability", &c.stability())?;
        card.serialize_field("difficulty", &c.difficulty())?;
        card.serialize_field("retrievability", &c.retrievability())?;
        card.serialize_field("leech", &c.leech())?;
        card.serialize_field("reviews", c.reviews())?;
        card.serialize_field("reviews_30_days", &c.reviews_30_days())?;
        card.serialize_field("passed_30_days", &c.passed_30_days())?;
        card.end()
    }
}

/// Note numbers by GUID: open addressing with linear probing over a power-of-two table. A
/// slot holds a note number plus one (0: empty) and, above it, 32 more bits of the GUID's
/// hash, so a probe compares GUIDs only when those agree. Eight bytes a note at most half
/// full, instead of a `String` key and a map entry per note.
#[derive(Debug, Clone, Default)]
struct GuidTable {
    slots: Vec<u64>,
}

/// Where a GUID not in the table goes.
struct Vacant {
    at: usize,
    tag: u64,
}

/// GUIDs come from the notes (not from an adversary): a fixed fast hash is enough.
const HASH: foldhash::fast::FixedState =
    foldhash::fast::FixedState::with_seed(0x6e6f_7465_6465_636b);

impl GuidTable {
    /// The note number of `guid` (`Ok`), or where it belongs (`Err`); `guid_of(n)` is note
    /// `n`'s GUID.
    fn find<'s>(&self, guid: &str, guid_of: impl Fn(usize) -> &'s str) -> Result<usize, Vacant> {
        let hash = HASH.hash_one(guid);
        let tag = hash & !u64::from(u32::MAX);
        if self.slots.is_empty() {
            return Err(Vacant { at: 0, tag });
        }
        let mask = self.slots.len() - 1;
        let mut at = hash as usize & mask;
        loop {
            let slot = self.slots[at];
            if slot == 0 {
                return Err(Vacant { at, tag });
            }
            let number = (slot & u64::from(u32::MAX)) as usize - 1;
            if slot & !u64::from(u32::MAX) == tag && guid_of(number) == guid {
                return Ok(number);
            }
            at = (at + 1) & mask;
        }
    }

    /// Put note `number` where [`GuidTable::find`] said its GUID goes (after
    /// [`GuidTable::reserve`] made room).
    fn fill(&mut self, vacant: Vacant, number: u32) {
        self.slots[vacant.at] = vacant.tag | (u64::from(number) + 1);
    }

    /// Make room for one more of `len` notes (at most half full, so probes stay short).
    fn reserve<'s>(&mut self, len: usize, guid_of: impl Fn(usize) -> &'s str) {
        if (len + 1) * 2 <= self.slots.len() {
            return;
        }
        let size = ((len + 1) * 2).next_power_of_two().max(1024);
        let old = std::mem::replace(&mut self.slots, vec![0; size]);
        let mask = size - 1;
        for slot in old.into_iter().filter(|&slot| slot != 0) {
            let number = (slot & u64::from(u32::MAX)) as usize - 1;
            let mut at = HASH.hash_one(guid_of(number)) as usize & mask;
            while self.slots[at] != 0 {
                at = (at + 1) & mask;
            }
            self.slots[at] = slot;
        }
    }
}
