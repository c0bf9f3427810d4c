//! The inverted index behind the cross-file rules: term names, claim keys and card front keys,
//! each mapped to the files (and the items in them) that hold it, and [`Affected`], what a
//! change to one file means for the findings of the others.
//!
//! A file's findings depend on other files only through these keys (`conflicting-expansion`
//! and `acronym-mismatch` through term names, `conflicting-claim` through claim keys,
//! `duplicate-card` through front keys, `duplicate-pin` through id pins), so the files posted
//! under the keys of a note's old and new version are exactly the ones whose findings an edit
//! of it may change.

use crate::Note;
use crate::rules::cards::FrontKey;
use crate::rules::claims::{self, ClaimKey};
use crate::rules::terms;
use foldhash::{HashMap, HashMapExt, HashSet};
use std::collections::BTreeSet;
use std::hash::BuildHasher;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// The files whose findings a change to the workspace may have changed, in path order: the
/// changed file itself and every file that shares a term name, claim key or card front key
/// with its old or its new version. The others keep their findings, so an editor re-checks
/// and re-publishes only these.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Affected {
    paths: BTreeSet<PathBuf>,
}

impl Affected {
    /// Whether `path`'s findings may have changed.
    pub fn contains(&self, path: &Path) -> bool {
        self.paths.contains(path)
    }

    /// The paths, sorted.
    pub fn iter(&self) -> impl Iterator<Item = &Path> {
        self.paths.iter().map(PathBuf::as_path)
    }

    /// How many files.
    pub fn len(&self) -> usize {
        self.paths.len()
    }

    /// True when nothing changed (e.g. removing a file the workspace did not hold).
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    /// Add the files of another change (several edits checked together).
    pub fn merge(&mut self, other: Affected) {
        self.paths.extend(other.paths);
    }

    /// The paths as a set.
    pub fn into_paths(self) -> BTreeSet<PathBuf> {
        self.paths
    }
}

impl IntoIterator for Affected {
    type Item = PathBuf;
    type IntoIter = std::collections::btree_set::IntoIter<PathBuf>;

    fn into_iter(self) -> Self::IntoIter {
        self.paths.into_iter()
    }
}

impl<'a> IntoIterator for &'a Affected {
    type Item = &'a PathBuf;
    type IntoIter = std::collections::btree_set::Iter<'a, PathBuf>;

    fn into_iter(self) -> Self::IntoIter {
        self.paths.iter()
    }
}

/// A file's number in the index (paths are interned: hashing and comparing a `PathBuf` walks
/// its components, which dominated building the index for a vault).
pub(crate) type FileId = u32;

/// Key -> file -> positions of the matching items in that file's list (terms, claims, cards).
pub(crate) type Postings<K> = HashMap<K, HashMap<FileId, Vec<u32>>>;

/// Inverted indexes from cross-file keys to the items holding them, kept up to date by
/// [`crate::Workspace::insert`] and [`crate::Workspace::remove`].
#[derive(Debug, Clone, Default)]
pub(crate) struct Index {
    ids: HashMap<PathBuf, FileId>,
    /// The path of each file id (ids are never reused, so removed files keep theirs).
    pub(crate) paths: Vec<PathBuf>,
    /// The note of each file id (`None` once removed), shared with `Workspace::notes`.
    notes: Vec<Option<Arc<Note>>>,
    pub(crate) terms: Postings<String>,
    pub(crate) claims: Postings<ClaimKey>,
    /// Cards by front key: (file, position in its digests). Flat, unlike the other postings:
    /// there is a key for nearly every card of a vault and almost all of them hold one card.
    pub(crate) fronts: HashMap<FrontKey, Posted>,
    /// Id pins (`<!-- id: … -->`): one id is one Anki note across the whole package.
    pub(crate) pins: Postings<String>,
    /// The place of each file id in path order ([`path_bytes`]), computed when first asked
    /// and again after a new path is interned: a group of ten thousand sites (a term written
    /// in every note) is put in path order by sorting numbers, not paths.
    rank: OnceLock<Vec<u32>>,
    /// For each term name, how many of its sites fall in each `conflicting-expansion` group
    /// (a hash of the group key, and the count). A name with fewer than two groups has no
    /// conflict, which most names of a vault are: checking a file skips them without
    /// gathering their sites in every note.
    groups: HashMap<String, Vec<(u64, u32)>>,
}

/// Where [`Index::add`] and [`Index::remove`] note the other files posted under the keys they
/// touch; `None` when nobody asks ([`crate::Workspace::set_many`]: collecting would cost, for a
/// term in every file of a vault, a look at each of them for each file added).
pub(crate) type Sharers<'a> = Option<&'a mut Vec<FileId>>;

impl Index {
    /// The path and note of a file id still in the workspace.
    pub(crate) fn file(&self, id: FileId) -> Option<(&Path, &Note)> {
        let note = self.notes.get(id as usize)?.as_deref()?;
        Some((self.paths.get(id as usize)?.as_path(), note))
    }

    /// Post `note` under `keys`, noting in `sharers` the files already posted under them.
    pub(crate) fn add(
        &mut self,
        path: &Path,
        note: &Arc<Note>,
        keys: NoteKeys,
        mut sharers: Sharers<'_>,
    ) {
        let id = self.enter(path, note);
        for (name, group) in keys.groups {
            count_group(&mut self.groups, name, group, true);
        }
        post(&mut self.terms, id, keys.terms, sharers.as_deref_mut());
        post(&mut self.claims, id, keys.claims, sharers.as_deref_mut());
        post(&mut self.pins, id, keys.pins, sharers.as_deref_mut());
        post_fronts(&mut self.fronts, id, keys.fronts, sharers);
    }

    /// Give `path` its id (a new one if it has none) and hold `note` under it; its keys are
    /// posted apart ([`Index::add`], [`Index::post_many`]).
    pub(crate) fn enter(&mut self, path: &Path, note: &Arc<Note>) -> FileId {
        let id = self.id(path);
        if let Some(slot) = self.notes.get_mut(id as usize) {
            *slot = Some(Arc::clone(note));
        }
        id
    }

    /// Post the keys of many entered notes, in order, as [`Index::add`] does one by one
    /// without noting sharers. The term, claim and front tables are filled on threads of their
    /// own, each in the same order as one after the other: posting a vault's keys was the
    /// longest part of loading it that ran on one core. Pins, which few notes have, are
    /// posted on the calling thread.
    ///
    /// With `only`, the card index gets just the fronts in it (see
    /// [`crate::Workspace::load_unchanging`]).
    pub(crate) fn post_many(
        &mut self,
        batch: Vec<(FileId, NoteKeys)>,
        only: Option<&HashSet<FrontKey>>,
    ) {
        let mut names = Vec::with_capacity(batch.len());
        let mut claims = Vec::with_capacity(batch.len());
        let mut fronts = Vec::with_capacity(batch.len());
        for (id, keys) in batch {
            names.push((id, keys.groups, keys.terms));
            claims.push((id, keys.claims));
            fronts.push((id, keys.fronts));
            post(&mut self.pins, id, keys.pins, None);
        }
        let Index {
            terms: term_map,
            claims: claim_map,
            fronts: front_map,
            groups: group_map,
            ..
        } = self;
        std::thread::scope(|scope| {
            let terms = scope.spawn(move || {
                for (id, groups, terms) in names {
                    for (name, group) in groups {
                        count_group(group_map, name, group, true);
                    }
                    post(term_map, id, terms, None);
                }
            });
            let claims = scope.spawn(move || {
                for (id, claims) in claims {
                    post(claim_map, id, claims, None);
                }
            });
            for (id, mut fronts) in fronts {
                if let Some(only) = only {
                    fronts.retain(|(key, _)| only.contains(key));
                }
                post_fronts(front_map, id, fronts, None);
            }
            for worker in [terms, claims] {
                // A panic re-raises here rather than leaving a table half filled unnoticed.
                worker
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e));
            }
        });
    }

    /// Take `note` (the version of `path` the index holds) out, noting in `sharers` the files
    /// posted under its keys.
    pub(crate) fn remove(&mut self, path: &Path, note: &Note, mut sharers: Sharers<'_>) {
        let Some(&id) = self.ids.get(path) else {
            return;
        };
        if let Some(slot) = self.notes.get_mut(id as usize) {
            *slot = None;
        }
        for (name, group) in group_keys(note) {
            count_group(&mut self.groups, name, group, false);
        }
        unpost(&mut self.terms, id, term_keys(note), sharers.as_deref_mut());
        unpost(
            &mut self.claims,
            id,
            note.doc.claims.iter().map(|c| Some(claims::key(c))),
            sharers.as_deref_mut(),
        );
        unpost(
            &mut self.pins,
            id,
            note.pins.iter().map(|(pin, _)| Some(pin.clone())),
            sharers.as_deref_mut(),
        );
        for key in note
            .cards
            .cards
            .iter()
            .filter_map(crate::CardDigest::front_key)
        {
            if let Some(posted) = self.fronts.get_mut(&key) {
                if let Some(out) = sharers.as_deref_mut() {
                    out.extend(posted.as_slice().iter().map(|&(file, _)| file));
                }
                if !posted.remove_file(id) {
                    self.fronts.remove(&key);
                }
            }
        }
    }

    /// Make room for `cards` more cards in the card index.
    pub(crate) fn reserve_fronts(&mut self, cards: usize) {
        self.fronts.reserve(cards);
    }

    /// Whether the sites of term `name` fall in two groups or more, so that
    /// `conflicting-expansion` may have something to say about them.
    pub(crate) fn may_conflict(&self, name: &str) -> bool {
        self.groups
            .get(name)
            .is_some_and(|groups| groups.len() >= 2)
    }

    /// `path` and the files of `sharers` (ids, possibly repeated) as an [`Affected`].
    pub(crate) fn affected(&self, path: &Path, sharers: Vec<FileId>) -> Affected {
        // Each file once, then in path order, so the set is built without comparing paths:
        // an edited note shares its common terms with nearly every file of a vault, once per
        // term.
        let mut seen = vec![false; self.paths.len()];
        let mut sharers: Vec<FileId> = sharers
            .into_iter()
            .filter(|&id| {
                seen.get_mut(id as usize)
                    .is_some_and(|s| !std::mem::replace(s, true))
            })
            .collect();
        sharers.sort_unstable_by_key(|&id| self.rank(id));
        let mut paths: BTreeSet<PathBuf> = sharers
            .into_iter()
            .filter_map(|id| self.paths.get(id as usize).cloned())
            .collect();
        paths.insert(path.to_path_buf());
        Affected { paths }
    }

    /// The rank of each file id in path order, computed once per set of paths.
    pub(crate) fn ranks(&self) -> &[u32] {
        self.rank.get_or_init(|| {
            let mut by_path: Vec<usize> = (0..self.paths.len()).collect();
            by_path.sort_by(|&a, &b| path_bytes(&self.paths[a]).cmp(path_bytes(&self.paths[b])));
            let mut rank = vec![u32::MAX; self.paths.len()];
            for (r, id) in by_path.into_iter().enumerate() {
                rank[id] = u32::try_from(r).unwrap_or(u32::MAX);
            }
            rank
        })
    }

    /// The rank of file `id` in path order.
    pub(crate) fn rank(&self, id: FileId) -> u32 {
        self.ranks().get(id as usize).copied().unwrap_or(u32::MAX)
    }

    fn id(&mut self, path: &Path) -> FileId {
        if let Some(&id) = self.ids.get(path) {
            return id;
        }
        self.rank = OnceLock::new();
        let id = FileId::try_from(self.paths.len()).unwrap_or(FileId::MAX);
        self.paths.push(path.to_path_buf());
        self.notes.push(None);
        self.ids.insert(path.to_path_buf(), id);
        id
    }
}

/// The cards of one front key as (file, position in its digests). Nearly every key has one
/// card, which needs no allocation of its own: the index is smaller and a copy of it (made
/// when the workspace changes while a snapshot is being checked) is quick.
#[derive(Debug, Clone)]
pub(crate) enum Posted {
    One((FileId, u32)),
    /// Boxed, so that a value of the table is 16 bytes, not 32: the table holds a vault's
    /// million cards, and only a few keys ever hold more than one.
    #[allow(clippy::box_collection)]
    Many(Box<Vec<(FileId, u32)>>),
}

impl Posted {
    pub(crate) fn as_slice(&self) -> &[(FileId, u32)] {
        match self {
            Posted::One(card) => std::slice::from_ref(card),
            Posted::Many(cards) => cards,
        }
    }

    fn push(&mut self, card: (FileId, u32)) {
        match self {
            Posted::One(first) => *self = Posted::Many(Box::new(vec![*first, card])),
            Posted::Many(cards) => cards.push(card),
        }
    }

    /// Drop the cards of file `id`; `false` once no card is left.
    fn remove_file(&mut self, id: FileId) -> bool {
        match self {
            Posted::One((file, _)) => *file != id,
            Posted::Many(cards) => {
                cards.retain(|&(file, _)| file != id);
                match *cards.as_slice() {
                    [] => false,
                    [card] => {
                        *self = Posted::One(card);
                        true
                    }
                    _ => true,
                }
            }
        }
    }
}

/// One note's index keys with the positions of their items, computed apart from the index so
/// that [`crate::Workspace::set_many`] can do it on the parsing threads.
#[derive(Debug, Default)]
pub(crate) struct NoteKeys {
    terms: HashMap<String, Vec<u32>>,
    /// The `conflicting-expansion` group of each term site (see [`Index::may_conflict`]).
    groups: Vec<(String, u64)>,
    claims: HashMap<ClaimKey, Vec<u32>>,
    fronts: Vec<(FrontKey, u32)>,
    pins: HashMap<String, Vec<u32>>,
}

impl NoteKeys {
    pub(crate) fn of(note: &Note) -> NoteKeys {
        // Each term's key once: checking that a term's expansion is where its span says
        // (every term of a vault) was half of what indexing a note cost.
        let names: Vec<Option<String>> = term_keys(note).collect();
        NoteKeys {
            groups: groups_of(names.iter().map(Option::as_deref), note).collect(),
            terms: group(names.into_iter()),
            claims: group(note.doc.claims.iter().map(|c| Some(claims::key(c)))),
            pins: group(note.pins.iter().map(|(pin, _)| Some(pin.clone()))),
            fronts: note
                .cards
                .cards
                .iter()
                .enumerate()
                .filter_map(|(i, c)| Some((c.front_key()?, u32::try_from(i).ok()?)))
                .collect(),
        }
    }
}

/// The items posted under `key`, as (path, note, positions), in path order.
pub(crate) fn postings<'a, K, Q>(
    index: &'a Index,
    map: &'a Postings<K>,
    key: &Q,
) -> Vec<(&'a Path, &'a Note, &'a [u32])>
where
    K: Eq + std::hash::Hash + std::borrow::Borrow<Q>,
    Q: Eq + std::hash::Hash + ?Sized,
{
    let mut ids: Vec<(u32, FileId, &[u32])> = map
        .get(key)
        .into_iter()
        .flatten()
        .map(|(&id, positions)| (index.rank(id), id, positions.as_slice()))
        .collect();
    ids.sort_unstable_by_key(|&(rank, id, _)| (rank, id));
    ids.into_iter()
        .filter_map(|(_, id, positions)| {
            let (path, note) = index.file(id)?;
            Some((path, note, positions))
        })
        .collect()
}

/// The order files are taken in within a cross-file group (which place is "first"): byte
/// order of the path, the same in `check_all` and `check_file`, and much cheaper than
/// comparing paths component by component.
pub(crate) fn path_bytes(path: &Path) -> &[u8] {
    path.as_os_str().as_encoded_bytes()
}

/// The index key of each term of a note: its name, or `None` for a term whose expansion span
/// does not hold its expansion (a parser slip; a fix there would overwrite the wrong text).
fn term_keys(note: &Note) -> impl Iterator<Item = Option<String>> + '_ {
    note.doc
        .terms
        .iter()
        .map(|t| terms::expansion_in_text(&note.text, t).then(|| t.name.clone()))
}

/// For each term of `note` that the index posts and `conflicting-expansion` compares: its
/// name and a hash of its group key.
fn group_keys(note: &Note) -> impl Iterator<Item = (String, u64)> + '_ {
    groups_of(term_keys(note), note)
}

/// [`group_keys`] given the note's [`term_keys`].
fn groups_of<N: Into<String>>(
    names: impl Iterator<Item = Option<N>>,
    note: &Note,
) -> impl Iterator<Item = (String, u64)> {
    names.zip(&note.doc.terms).filter_map(|(name, term)| {
        let key = terms::group_key(&term.expansion)?;
        Some((name?.into(), crate::rules::cards::KEY_HASH.hash_one(&key)))
    })
}

/// Count one site of term `name` in group `group` in or out.
fn count_group(groups: &mut HashMap<String, Vec<(u64, u32)>>, name: String, group: u64, add: bool) {
    if add {
        let counts = groups.entry(name).or_default();
        match counts.iter_mut().find(|(g, _)| *g == group) {
            Some((_, n)) => *n += 1,
            None => counts.push((group, 1)),
        }
        return;
    }
    let Some(counts) = groups.get_mut(&name) else {
        return;
    };
    if let Some(i) = counts.iter().position(|&(g, _)| g == group) {
        counts[i].1 -= 1;
        if counts[i].1 == 0 {
            counts.swap_remove(i);
        }
    }
    if counts.is_empty() {
        groups.remove(&name);
    }
}

/// Positions of one file's items grouped by key (items without a key are skipped).
fn group<K: Eq + std::hash::Hash>(keys: impl Iterator<Item = Option<K>>) -> HashMap<K, Vec<u32>> {
    let mut out: HashMap<K, Vec<u32>> = HashMap::new();
    for (i, key) in keys.enumerate() {
        if let (Some(key), Ok(i)) = (key, u32::try_from(i)) {
            out.entry(key).or_default().push(i);
        }
    }
    out
}

fn post<K: Eq + std::hash::Hash>(
    map: &mut Postings<K>,
    id: FileId,
    keys: HashMap<K, Vec<u32>>,
    mut sharers: Sharers<'_>,
) {
    for (key, positions) in keys {
        match map.get_mut(&key) {
            Some(files) => {
                if let Some(out) = sharers.as_deref_mut() {
                    out.extend(files.keys().copied());
                }
                files.insert(id, positions);
            }
            None => {
                map.insert(key, [(id, positions)].into_iter().collect());
            }
        }
    }
}

fn post_fronts(
    map: &mut HashMap<FrontKey, Posted>,
    id: FileId,
    fronts: Vec<(FrontKey, u32)>,
    mut sharers: Sharers<'_>,
) {
    for (key, i) in fronts {
        match map.get_mut(&key) {
            Some(posted) => {
                if let Some(out) = sharers.as_deref_mut() {
                    out.extend(posted.as_slice().iter().map(|&(file, _)| file));
                }
                posted.push((id, i));
            }
            None => {
                map.insert(key, Posted::One((id, i)));
            }
        }
    }
}

fn unpost<K: Eq + std::hash::Hash>(
    map: &mut Postings<K>,
    id: FileId,
    keys: impl Iterator<Item = Option<K>>,
    mut sharers: Sharers<'_>,
) {
    for key in keys.flatten() {
        if let Some(files) = map.get_mut(&key) {
            if let Some(out) = sharers.as_deref_mut() {
                out.extend(files.keys().copied());
            }
            files.remove(&id);
            if files.is_empty() {
                map.remove(&key);
            }
        }
    }
}
