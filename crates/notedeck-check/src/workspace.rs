//! [`Workspace`]: every note, the index over them, and the two ways to check them (the whole
//! workspace for the linter, one file for the editor).

use crate::index::{FileId, Index, NoteKeys, Posted, Sharers, postings};
use crate::rules::cards::FrontKey;
use crate::rules::{
    cards, claims, emphasis, encoding, images, katex, pins, settings, spelling, terms,
};
use crate::{Affected, Finding, ImageResolver, Note, TermSite, sort_findings};
use notedeck_parse::{Claim, Span};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// All notes under the roots, keyed by path; analysis runs over it.
///
/// Cross-file rules (conflicting expansions and claims, duplicate cards) need every file that
/// shares a term name, claim key or card front with the file being checked. The workspace keeps
/// those inverted indexes up to date in [`Workspace::set`] and [`Workspace::remove`], so
/// [`Workspace::check_file`] after an edit touches only the files that share a key with it.
///
/// Cloning is cheap (the notes and the index are shared), so a caller holding the workspace
/// behind a lock can check a snapshot without the lock; the index is copied only if the
/// original changes while a snapshot is alive.
#[derive(Clone, Default)]
pub struct Workspace {
    notes: BTreeMap<PathBuf, Arc<Note>>,
    /// Shared with snapshots; the rules read the postings through it.
    pub(crate) index: Arc<Index>,
    image_exists: Option<ImageResolver>,
}

/// The files posted under one key of the index, with the positions of their items.
type Files = foldhash::HashMap<FileId, Vec<u32>>;

/// Notes whose index keys [`Workspace::insert_many`] makes at once.
const KEYS_CHUNK: usize = 512;

impl fmt::Debug for Workspace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Workspace")
            .field("notes", &self.notes.len())
            .field("image_resolver", &self.image_exists.is_some())
            .finish()
    }
}

impl Workspace {
    /// An empty workspace.
    pub fn new() -> Self {
        Self::default()
    }

    /// Add or replace one file's text, re-parsing it; returns the files whose findings may
    /// have changed.
    pub fn set(&mut self, path: PathBuf, text: &str) -> Affected {
        let note = Note::new(&path, text);
        self.insert(path, note)
    }

    /// Add or replace many files at once, parsing them on all cores. Same result as calling
    /// [`Workspace::set`] for each, in order; this is how the linter loads a vault. Unlike
    /// `set` it does not say which files are affected: a loader checks them all anyway, and
    /// collecting would cost a look at every sharer of every key for each file added.
    pub fn set_many(&mut self, files: Vec<(PathBuf, String)>) {
        let notes = crate::par_map(&files, |(path, text)| (path.clone(), Note::new(path, text)));
        drop(files);
        self.insert_many(notes);
    }

    /// Add or replace many already-parsed notes (made on the caller's threads, trimmed as it
    /// likes), computing their index keys on all cores. Same result as calling
    /// [`Workspace::insert`] for each, in order, without the [`Affected`] sets: on a vault
    /// whose common terms are in every file, collecting them made loading quadratic.
    ///
    /// The card index is sized for all the notes' cards first (growing a table of a vault's
    /// million cards keeps the old and the new table alive at once), and the keys are made a
    /// chunk of notes at a time, so only one chunk's keys wait to be posted.
    pub fn insert_many(&mut self, notes: Vec<(PathBuf, Note)>) {
        self.reserve_cards(notes.iter().map(|(_, note)| note.cards.cards.len()).sum());
        self.insert_chunks(notes, None);
    }

    /// [`Workspace::insert_many`] for a workspace that is checked once and never changed
    /// again (a lint run): the card index keeps only the fronts two cards or more share, the
    /// only ones a rule reads (a front written once is no `duplicate-card`). Every front key
    /// of a 10,000-note vault in the index's hash table was about 69 MB; the shared ones are
    /// found first by sorting the keys (20 MB for a moment). Findings are the same. A later
    /// change to this workspace would not see the earlier notes' fronts written once, so
    /// nothing changes it.
    ///
    /// The notes' cards keep the labels a message can quote (a card whose front another card
    /// shares, or whose answer is empty), not every card's front: about 50 MB on 10,000 notes.
    ///
    /// A workspace that already holds notes is loaded as [`Workspace::insert_many`] does: its
    /// index has every front of those.
    pub fn load_unchanging(&mut self, mut notes: Vec<(PathBuf, Note)>) {
        if !self.notes.is_empty() {
            return self.insert_many(notes);
        }
        let mut keys: Vec<FrontKey> = notes
            .iter()
            .flat_map(|(_, note)| note.cards.cards.iter().filter_map(|c| c.front_key()))
            .collect();
        keys.sort_unstable();
        let shared: foldhash::HashSet<FrontKey> = keys
            .chunk_by(|a, b| a == b)
            .filter(|same| same.len() > 1)
            .map(|same| same[0])
            .collect();
        drop(keys);
        for (_, note) in &mut notes {
            note.cards.keep_labels(|c| {
                c.empty_answer || c.front_key().is_some_and(|key| shared.contains(&key))
            });
        }
        self.insert_chunks(notes, Some(&shared));
    }

    /// Insert `notes` a chunk at a time, posting only the fronts in `only` when it is given.
    fn insert_chunks(
        &mut self,
        notes: Vec<(PathBuf, Note)>,
        only: Option<&foldhash::HashSet<FrontKey>>,
    ) {
        let mut notes = notes.into_iter();
        loop {
            let chunk: Vec<(PathBuf, Note)> = notes.by_ref().take(KEYS_CHUNK).collect();
            if chunk.is_empty() {
                break;
            }
            let keys = crate::par_map(&chunk, |(_, note)| NoteKeys::of(note));
            let mut batch = Vec::with_capacity(chunk.len());
            for ((path, note), keys) in chunk.into_iter().zip(keys) {
                let index = Arc::make_mut(&mut self.index);
                if let Some(old) = self.notes.remove(&path) {
                    // The old version's keys must be posted before they are taken out.
                    index.post_many(std::mem::take(&mut batch), only);
                    index.remove(&path, &old, None);
                }
                let note = Arc::new(note);
                batch.push((index.enter(&path, &note), keys));
                self.notes.insert(path, note);
            }
            Arc::make_mut(&mut self.index).post_many(batch, only);
        }
    }

    /// Make room in the index for `cards` more cards, for a caller about to insert many notes
    /// in batches (see [`Workspace::insert_many`]).
    pub fn reserve_cards(&mut self, cards: usize) {
        Arc::make_mut(&mut self.index).reserve_fronts(cards);
    }

    /// Add or replace one already-parsed note; returns the files whose findings may have
    /// changed (see [`Affected`]).
    pub fn insert(&mut self, path: PathBuf, note: Note) -> Affected {
        let keys = NoteKeys::of(&note);
        let mut sharers = Vec::new();
        self.insert_with_keys(path.clone(), note, keys, Some(&mut sharers));
        self.index.affected(&path, sharers)
    }

    /// Forget a file; returns the files whose findings may have changed: the file itself
    /// (its findings are gone) and those that shared a key with it. Empty if the workspace did
    /// not hold the file.
    pub fn remove(&mut self, path: &Path) -> Affected {
        let Some(old) = self.notes.remove(path) else {
            return Affected::default();
        };
        let mut sharers = Vec::new();
        let index = Arc::make_mut(&mut self.index);
        index.remove(path, &old, Some(&mut sharers));
        index.affected(path, sharers)
    }

    fn insert_with_keys(
        &mut self,
        path: PathBuf,
        note: Note,
        keys: NoteKeys,
        mut sharers: Sharers<'_>,
    ) {
        let index = Arc::make_mut(&mut self.index);
        if let Some(old) = self.notes.remove(&path) {
            index.remove(&path, &old, sharers.as_deref_mut());
        }
        let note = Arc::new(note);
        index.add(&path, &note, keys, sharers);
        self.notes.insert(path, note);
    }

    /// One file, if present.
    pub fn get(&self, path: &Path) -> Option<&Note> {
        self.notes.get(path).map(|n| &**n)
    }

    /// All files in path order.
    pub fn notes(&self) -> impl Iterator<Item = (&PathBuf, &Note)> {
        self.notes.iter().map(|(p, n)| (p, &**n))
    }

    /// Enable `missing-image`: `exists(note_path, image_path)` says whether the image a note
    /// references (its percent-decoded relative path) exists. Without a resolver the rule is off.
    pub fn set_image_resolver(&mut self, exists: ImageResolver) {
        self.image_exists = Some(exists);
    }

    /// Every finding in the workspace, sorted by path, then span.
    pub fn check_all(&self) -> Vec<Finding> {
        let mut out = self.check_local_all();
        // The index already groups every cross-file key; order each group's files by path
        // bytes (through the index's rank) so "first" and "later" match `check_file`. The
        // groups are independent, so they are checked on all cores, in the same order as one
        // after the other.
        let rank = self.index.ranks();
        let names: Vec<(&String, &Files)> = self
            .index
            .terms
            .iter()
            .filter(|(name, _)| self.index.may_conflict(name))
            .collect();
        out.extend(
            crate::par_map(&names, |&(name, files)| {
                let sites = self
                    .in_path_order(files, rank)
                    .flat_map(|(path, note, positions)| {
                        positions
                            .iter()
                            .filter_map(|&i| note.doc.terms.get(i as usize))
                            .map(move |term| TermSite {
                                path,
                                term,
                                text: &note.text,
                            })
                    })
                    .collect();
                terms::expansion_conflicts_among(name, sites)
            })
            .into_iter()
            .flatten(),
        );
        // A key written once clashes with nothing; skipping those spares a look at most
        // claims of a vault.
        let keys: Vec<&Files> = self
            .index
            .claims
            .values()
            .filter(|files| files.len() > 1 || files.values().any(|p| p.len() > 1))
            .collect();
        out.extend(
            crate::par_map(&keys, |&files| {
                let group: Vec<(&Path, &Claim)> = self
                    .in_path_order(files, rank)
                    .flat_map(|(path, note, positions)| {
                        positions
                            .iter()
                            .filter_map(|&i| note.doc.claims.get(i as usize))
                            .map(move |c| (path, c))
                    })
                    .collect();
                claims::conflicts_among(&group)
            })
            .into_iter()
            .flatten(),
        );
        let fronts: Vec<&[(FileId, u32)]> = self
            .index
            .fronts
            .values()
            .filter_map(|posted| match posted {
                Posted::Many(posted) => Some(posted.as_slice()),
                Posted::One(_) => None,
            })
            .collect();
        out.extend(
            crate::par_map(&fronts, |&posted| {
                cards::duplicates_among(&cards::in_rank_order(self, posted, rank))
            })
            .into_iter()
            .flatten(),
        );
        for (id, files) in &self.index.pins {
            if files.len() > 1 {
                out.extend(pins::pins_in_other_files(self, id));
            }
        }
        terms::drop_mismatches_under_conflicts(&mut out);
        sort_findings(&mut out);
        // The parser may report one term twice at the same place; say it once, as
        // `check_file` does.
        out.dedup();
        cards::drop_duplicates_of_conflicts(&mut out);
        out
    }

    /// Findings whose primary span is in `path`, including cross-file conflicts in which this
    /// file holds the variant to fix. Cost: this file plus the files sharing a key with it.
    pub fn check_file(&self, path: &Path) -> Vec<Finding> {
        self.check_files(&[path]).pop().unwrap_or_default()
    }

    /// [`Workspace::check_file`] for each of `paths` (in that order), each cross-file key
    /// the files share looked at once: after an edit of a note that writes the vault's common
    /// terms, nearly every file is affected, and checking them one by one went over each
    /// common term's sites in the whole vault once per file.
    pub fn check_files(&self, paths: &[&Path]) -> Vec<Vec<Finding>> {
        let mut out: Vec<Vec<Finding>> = vec![Vec::new(); paths.len()];
        let mut slot: HashMap<&Path, usize> = HashMap::new();
        let (mut names, mut keys, mut fronts) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
        let mut pin_ids = BTreeSet::new();
        for (i, path) in paths.iter().enumerate() {
            let Some(note) = self.notes.get(*path) else {
                continue;
            };
            slot.insert(path, i);
            self.check_local(path, note, &mut out[i]);
            names.extend(note.doc.terms.iter().map(|t| t.name.as_str()));
            keys.extend(note.doc.claims.iter().map(claims::key));
            pin_ids.extend(note.pins.iter().map(|(id, _)| id.as_str()));
            fronts.extend(
                note.cards
                    .cards
                    .iter()
                    .filter_map(crate::CardDigest::front_key),
            );
        }
        let wanted = |path: &Path| slot.contains_key(path);
        let mut cross = Vec::new();
        for name in names.into_iter().filter(|n| self.index.may_conflict(n)) {
            cross.extend(terms::expansion_conflicts_in(
                name,
                self.term_sites(name),
                &wanted,
            ));
        }
        for key in &keys {
            cross.extend(claims::conflicts_among(&claims::claims_with(self, key)));
        }
        for front in &fronts {
            cross.extend(cards::duplicates_among(&cards::cards_with(self, front)));
        }
        for id in pin_ids {
            cross.extend(pins::pins_in_other_files(self, id));
        }
        for finding in cross {
            if let Some(&i) = slot.get(finding.path.as_path()) {
                out[i].push(finding);
            }
        }
        for (findings, path) in out.iter_mut().zip(paths) {
            findings.retain(|f| f.path == *path);
            terms::drop_mismatches_under_conflicts(findings);
            sort_findings(findings);
            findings.dedup();
            cards::drop_duplicates_of_conflicts(findings);
        }
        out
    }

    /// For each note that has any, the terms whose expansion the checker reports as
    /// `conflicting-expansion`, `acronym-mismatch` or `misspelled-expansion`, as spans of the whole `Name (Expansion)`
    /// in source order. A definition card made from one of them would teach what lint rejects,
    /// so export and `notedeck cards` leave it out; once the text is fixed the card is back.
    /// Each name's conflicts are computed once, as in [`Workspace::check_all`].
    pub fn rejected_terms(&self) -> RejectedTerms {
        let mut flagged: HashMap<&Path, HashSet<Span>> = HashMap::new();
        let mut conflicting: HashMap<&Path, HashSet<Span>> = HashMap::new();
        let mut misspelt: HashMap<&Path, HashSet<Span>> = HashMap::new();
        for name in self.index.terms.keys() {
            if !self.index.may_conflict(name) {
                continue;
            }
            for f in terms::conflicting_expansions(self, name) {
                if let Some((path, _)) = self.notes.get_key_value(&f.path) {
                    flagged.entry(path).or_default().insert(f.span.clone());
                    conflicting.entry(path).or_default().insert(f.span);
                }
            }
        }
        for (path, note) in &self.notes {
            for f in terms::acronym_mismatches(self, path, note) {
                flagged.entry(path).or_default().insert(f.span);
            }
            // A misspelt word's finding spans the word: the card is its term's.
            for f in spelling::misspelled_expansions(self, path, note) {
                let term = note.doc.terms.iter().find(|t| {
                    t.expansion_span.start <= f.span.start && f.span.end <= t.expansion_span.end
                });
                if let Some(term) = term {
                    flagged
                        .entry(path)
                        .or_default()
                        .insert(term.expansion_span.clone());
                    if f.fixes.len() == 1 {
                        misspelt
                            .entry(path)
                            .or_default()
                            .insert(term.expansion_span.clone());
                    }
                }
            }
        }
        let sites = |flagged: &HashMap<&Path, HashSet<Span>>| {
            self.notes
                .iter()
                .filter_map(|(path, note)| {
                    let spans = flagged.get(path.as_path())?;
                    let terms: Vec<Span> = note
                        .doc
                        .terms
                        .iter()
                        .filter(|t| spans.contains(&t.expansion_span))
                        .map(|t| t.span.clone())
                        .collect();
                    (!terms.is_empty()).then(|| (path.clone(), terms))
                })
                .collect()
        };
        RejectedTerms {
            any: sites(&flagged),
            conflicting: sites(&conflicting),
            misspelt: sites(&misspelt),
        }
    }

    /// Every site of `name` written as `Name (Expansion)`: sites with the preferred expansion
    /// (the one `conflicting-expansion` proposes) first, headings before passing mentions, then
    /// in path and source order. Hover shows the first.
    pub fn definitions(&self, name: &str) -> Vec<TermSite<'_>> {
        terms::ranked_sites(self, name)
    }

    /// Every mention of `name` as a whole word (ASCII letters and digits do not continue it, so
    /// `LoRA의` counts and `LoRAs` does not), in path and source order.
    pub fn references(&self, name: &str) -> Vec<(PathBuf, Span)> {
        let mut out = Vec::new();
        if name.is_empty() {
            return out;
        }
        for (path, note) in &self.notes {
            for (at, _) in note.text.match_indices(name) {
                let end = at + name.len();
                if terms::is_whole_word(&note.text, at, end) {
                    out.push((path.clone(), at..end));
                }
            }
        }
        out
    }

    /// The name of the known term written at byte `offset` of `path`: the term whose
    /// `Name (Expansion)` text contains the offset, else the word under the offset if some note
    /// defines a term of that name.
    pub fn term_at(&self, path: &Path, offset: usize) -> Option<String> {
        let note = self.notes.get(path)?;
        if let Some(term) = note
            .doc
            .terms
            .iter()
            .find(|t| t.span.start <= offset && offset < t.span.end)
        {
            return Some(term.name.clone());
        }
        let word = terms::word_at(&note.text, offset)?;
        self.index
            .terms
            .contains_key(word)
            .then(|| word.to_string())
    }

    /// One site per distinct term name, sorted by name: the definition (heading) site with the
    /// preferred expansion when there is one, for workspace symbols and completion.
    pub fn terms(&self) -> Vec<TermSite<'_>> {
        let mut names: Vec<&String> = self.index.terms.keys().collect();
        names.sort();
        names
            .into_iter()
            .filter_map(|name| terms::preferred_site(self, name))
            .collect()
    }

    /// The names of the terms written in at least `min_files` files (those whose answers cost
    /// the most to gather), in no particular order.
    pub fn common_terms(&self, min_files: usize) -> Vec<&str> {
        self.index
            .terms
            .iter()
            .filter(|(_, files)| files.len() >= min_files)
            .map(|(name, _)| name.as_str())
            .collect()
    }

    /// Whether the term `name` is written in at least `min_files` files.
    pub fn is_common_term(&self, name: &str, min_files: usize) -> bool {
        self.index
            .terms
            .get(name)
            .is_some_and(|files| files.len() >= min_files)
    }

    /// All sites of `name` in path and source order.
    pub(crate) fn term_sites(&self, name: &str) -> Vec<TermSite<'_>> {
        postings(&self.index, &self.index.terms, name)
            .into_iter()
            .flat_map(|(path, note, positions)| {
                positions
                    .iter()
                    .filter_map(|&i| note.doc.terms.get(i as usize))
                    .map(move |term| TermSite {
                        path,
                        term,
                        text: &note.text,
                    })
            })
            .collect()
    }

    /// The files of one posting list with their notes, in path order given by `rank`.
    fn in_path_order<'a>(
        &'a self,
        files: &'a Files,
        rank: &[u32],
    ) -> impl Iterator<Item = (&'a Path, &'a Note, &'a [u32])> + 'a {
        let mut ids: Vec<(u32, FileId)> = files
            .keys()
            .map(|&id| (rank.get(id as usize).copied().unwrap_or(u32::MAX), id))
            .collect();
        ids.sort_unstable();
        ids.into_iter().filter_map(move |(_, id)| {
            let (path, note) = self.index.file(id)?;
            Some((path, note, files.get(&id)?.as_slice()))
        })
    }

    /// Per-file rules over every note, split across cores (a vault is mostly independent
    /// files; the cross-file rules run afterwards on the shared indexes).
    fn check_local_all(&self) -> Vec<Finding> {
        let notes: Vec<(&PathBuf, &Note)> = self.notes().collect();
        crate::par_map(&notes, |(path, note)| {
            let mut out = Vec::new();
            self.check_local(path, note, &mut out);
            out
        })
        .into_iter()
        .flatten()
        .collect()
    }

    /// Rules that look at one file only.
    fn check_local(&self, path: &Path, note: &Note, out: &mut Vec<Finding>) {
        out.extend(emphasis::broken_emphasis(path, &note.text));
        out.extend(katex::pasted_katex(path, &note.text));
        out.extend(pins::duplicate_pins(path, note));
        out.extend(terms::acronym_mismatches(self, path, note));
        out.extend(spelling::misspelled_expansions(self, path, note));
        out.extend(cards::empty_answers(path, note));
        out.extend(claims::implied_formula_conflicts(path, note));
        out.extend(settings::conflicting_settings(path, note));
        out.extend(encoding::damaged_encoding(path, note));
        out.extend(images::unread_images(path, &note.text));
        if let Some(exists) = &self.image_exists {
            out.extend(images::missing_images(path, note, exists.as_ref()));
        }
    }
}

/// The terms the checker reports, by note: spans of the whole `Name (Expansion)`, in source
/// order.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct RejectedTerms {
    /// Reported as `conflicting-expansion`, `acronym-mismatch` or `misspelled-expansion`: no
    /// definition card.
    pub any: BTreeMap<PathBuf, Vec<Span>>,
    /// Reported as `conflicting-expansion` only: another place gives the name another
    /// expansion, so a card showing this one teaches what the notes contradict. (An
    /// `acronym-mismatch` alone may be an expansion the initials rule cannot read.)
    pub conflicting: BTreeMap<PathBuf, Vec<Span>>,
    /// Reported as `misspelled-expansion` with one word in reach (`CRF (Conditional Random
    /// Feild)`): a card showing this expansion teaches the typo.
    pub misspelt: BTreeMap<PathBuf, Vec<Span>>,
}
