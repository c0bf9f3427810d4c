//! `notedeck stats`: how the cards of the notes are doing in the student's own Anki collection
//! — by document and by section: cards by state, due today and within 7 days, retention over
//! the last 30 days, mean recall probability, leeches and the most forgotten cards with
//! `file:line`, cards not imported yet, and orphans (notes in Anki that notedeck made and the
//! notes no longer hold), with the Anki search that finds them.
//!
//! The collection is read from a private copy and never written (see
//! `notedeck_anki::collection`).

use anyhow::{Context, Result};
use notedeck_anki::collection::{
    CardReview, Clock, Collection, Due, NoteReview, State, civil_date, locate,
};
use notedeck_ide::html::one_line;
use notedeck_parse::Card;
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

mod html;

use crate::cmd::read_and_parse;
use crate::definitions::Definitions;
use crate::display;
use crate::input::collect_markdown;
use notedeck_ide::vault::Images;

/// Arguments of `notedeck stats`.
#[derive(clap::Args)]
pub struct Args {
    /// Note files or folders. [default: `notes` if that folder exists, else `.`]
    pub paths: Vec<PathBuf>,
    /// The Anki collection (`collection.anki2`, or its profile folder). [default: the one
    /// Anki opened last: `ANKI_BASE`, else Anki's folder on this system]
    #[arg(long)]
    pub collection: Option<PathBuf>,
    /// Output format: `text` for people, `json` for scripts and editors.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Write the report to this file (atomically) instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Compute as of this Unix time (seconds) instead of now.
    #[arg(long, hide = true)]
    pub now: Option<i64>,
    /// With `--now`: the UTC offset then, in seconds east (UTC+9 is 32400).
    #[arg(long, hide = true, allow_hyphen_values = true)]
    pub utc_offset: Option<i32>,
}

/// How to print the statistics.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// A summary per note file.
    Text,
    /// Everything, for scripts.
    Json,
    /// One self-contained page with charts (retention by section, due forecast, weakest
    /// sections) and links back to the notes.
    Html,
}

/// How many of the most forgotten cards each document lists.
const MOST_LAPSED: usize = 5;

pub fn run(args: Args) -> Result<ExitCode> {
    let paths = if args.paths.is_empty() {
        vec![crate::input::default_root()]
    } else {
        args.paths.clone()
    };
    let found = collect_markdown(&paths)?;
    let images = Images::new(&found.roots);
    let files = found.files;
    let clock = match args.now {
        Some(now_s) => Clock {
            now_s,
            utc_offset_s: args.utc_offset.unwrap_or(0),
        },
        None => Clock::system(),
    };
    let path = locate(args.collection.as_deref())?;
    let collection = Collection::read(&path, clock)
        .with_context(|| format!("reading {}", display::path(&path)))?;

    let mut report = Report {
        collection: display::raw(&path),
        today: collection.days.map_or_else(
            || civil_date(clock.now_s.div_euclid(86_400)),
            |d| d.date(collection.today),
        ),
        anki_day: collection.today,
        documents: Vec::new(),
        orphans: Vec::new(),
        orphan_search: String::new(),
    };
    let parsed = read_and_parse(&files, &images, |_| {})?;
    // The cards export makes: a definition it leaves out is not a card of the notes.
    let definitions = Definitions::of_parsed(parsed.iter());
    let mut in_notes: HashSet<String> = HashSet::new();
    for (file, _, mut doc) in parsed {
        definitions.apply(&file, &mut doc);
        in_notes.extend(doc.cards.iter().map(|c| c.id.clone()));
        report
            .documents
            .push(document(display::raw(&file), &doc.cards, &collection));
    }
    let (orphans, search) = notedeck_ide::orphans(&collection, &in_notes);
    report.orphans = orphans
        .into_iter()
        .map(|(guid, note)| Orphan {
            id: guid.to_string(),
            note_id: note.note_id(),
            deck: note
                .cards()
                .next()
                .map(|c| c.deck().to_string())
                .unwrap_or_default(),
        })
        .collect();
    report.orphan_search = search;

    let rendered = match args.format {
        Format::Json => {
            let mut json = serde_json::to_string_pretty(&report)?;
            json.push('\n');
            json
        }
        Format::Html => html::page(&report),
        Format::Text => {
            let mut text_out = Vec::new();
            text(&report, &mut text_out)?;
            String::from_utf8_lossy(&text_out).into_owned()
        }
    };
    match &args.output {
        Some(path) => write_atomically(path, &rendered)?,
        None => {
            let mut out = std::io::stdout().lock();
            match out
                .write_all(rendered.as_bytes())
                .and_then(|()| out.flush())
            {
                Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => {}
                other => other?,
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Write `text` to `path` through a temporary file renamed into place: a failed write leaves
/// the previous report as it was.
fn write_atomically(path: &std::path::Path, text: &str) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("cannot write in {}", display::path(dir)))?;
    tmp.write_all(text.as_bytes())
        .with_context(|| format!("cannot write {}", display::path(path)))?;
    tmp.persist(path)
        .with_context(|| format!("cannot write {}", display::path(path)))?;
    Ok(())
}

/// Everything `stats` reports.
#[derive(Serialize)]
struct Report<'a> {
    collection: String,
    /// The date of Anki's current day (which starts at the collection's rollover hour).
    today: String,
    /// Anki's day number: days since the collection was created, as its scheduler counts.
    anki_day: i64,
    documents: Vec<Document<'a>>,
    orphans: Vec<Orphan>,
    /// `nid:1,2,3`: paste into Anki's browser to see the orphans (empty when there are none).
    orphan_search: String,
}

/// One note file.
#[derive(Serialize)]
struct Document<'a> {
    path: String,
    #[serde(flatten)]
    totals: Totals,
    leeches: Vec<CardLine>,
    most_lapsed: Vec<CardLine>,
    sections: Vec<Section>,
    /// Every card of the document in note order, with what Anki holds for it.
    by_card: Vec<CardStats<'a>>,
}

/// A heading path within a document.
#[derive(Serialize)]
struct Section {
    path: Vec<String>,
    #[serde(flatten)]
    totals: Totals,
}

/// Counts over a set of cards.
#[derive(Serialize, Default, Clone)]
struct Totals {
    /// Cards the notes make.
    cards: usize,
    /// Of them, not in the collection yet (not imported since they were written).
    not_imported: usize,
    /// Anki cards by state (a cloze note has one per deletion).
    new: usize,
    learning: usize,
    review: usize,
    relearning: usize,
    suspended: usize,
    buried: usize,
    due_today: usize,
    due_in_7_days: usize,
    /// Reviews of learnt cards in the last 30 days, and the share answered other than Again.
    reviews_30_days: usize,
    retention_30_days: Option<f64>,
    /// Mean FSRS recall probability now, over cards FSRS has scheduled.
    mean_retrievability: Option<f64>,
    leeches: usize,
    lapses: i64,
    #[serde(skip)]
    passed_30_days: usize,
    #[serde(skip)]
    retrievability_sum: f64,
    #[serde(skip)]
    retrievability_count: usize,
}

/// A card of the notes by its line, for lists of leeches and forgotten cards.
#[derive(Serialize, Clone)]
struct CardLine {
    line: usize,
    front: String,
    lapses: i64,
    note_id: i64,
}

/// One card of the notes and what Anki holds for it.
#[derive(Serialize)]
struct CardStats<'a> {
    id: String,
    line: usize,
    front: String,
    path: Vec<String>,
    /// The note in Anki (`null`: not imported yet).
    anki: Option<NoteReview<'a>>,
}

/// A note in Anki that notedeck made and the notes no longer hold.
#[derive(Serialize)]
struct Orphan {
    id: String,
    note_id: i64,
    deck: String,
}

fn document<'a>(path: String, cards: &[Card], collection: &'a Collection) -> Document<'a> {
    let mut totals = Totals::default();
    let mut sections: BTreeMap<Vec<String>, Totals> = BTreeMap::new();
    let mut lapsed = Vec::new();
    let mut stats = Vec::with_capacity(cards.len());
    for card in cards {
        let note = collection.note(&card.id);
        let front = one_line(&notedeck_parse::marked_front(card));
        totals.add(note);
        sections.entry(card.path.to_vec()).or_default().add(note);
        if let Some(note) = note {
            let lapses: i64 = note.cards().map(|c| c.lapses()).sum();
            let leech = note.cards().any(|c| c.leech());
            if lapses > 0 || leech {
                lapsed.push((
                    leech,
                    CardLine {
                        line: card.line,
                        front: front.clone(),
                        lapses,
                        note_id: note.note_id(),
                    },
                ));
            }
        }
        stats.push(CardStats {
            id: card.id.clone(),
            line: card.line,
            front,
            path: card.path.to_vec(),
            anki: note,
        });
    }
    let leeches = lapsed
        .iter()
        .filter(|(leech, _)| *leech)
        .map(|(_, c)| c.clone())
        .collect();
    lapsed.sort_by(|a, b| b.1.lapses.cmp(&a.1.lapses).then(a.1.line.cmp(&b.1.line)));
    Document {
        path,
        totals: totals.finish(),
        leeches,
        most_lapsed: lapsed
            .into_iter()
            .take(MOST_LAPSED)
            .map(|(_, c)| c)
            .collect(),
        sections: sections
            .into_iter()
            .map(|(path, t)| Section {
                path,
                totals: t.finish(),
            })
            .collect(),
        by_card: stats,
    }
}

impl Totals {
    fn add(&mut self, note: Option<NoteReview<'_>>) {
        self.cards += 1;
        let Some(note) = note else {
            self.not_imported += 1;
            return;
        };
        if note.cards().any(|c| c.leech()) {
            self.leeches += 1;
        }
        for card in note.cards() {
            self.add_card(card);
        }
    }

    fn add_card(&mut self, card: CardReview<'_>) {
        match card.state() {
            State::New => self.new += 1,
            State::Learning => self.learning += 1,
            State::Review => self.review += 1,
            State::Relearning => self.relearning += 1,
        }
        self.suspended += usize::from(card.suspended());
        self.buried += usize::from(card.buried());
        self.lapses += card.lapses();
        let active = !card.suspended() && !card.buried();
        let week = match &card.due() {
            Due::New { .. } => false,
            // Learning steps: due within the day they fall in.
            Due::Minutes { in_minutes } => *in_minutes < 8 * 24 * 60,
            Due::Day { in_days, .. } => *in_days <= 7,
        };
        self.due_today += usize::from(notedeck_ide::reviews::is_due_today(card));
        self.due_in_7_days += usize::from(active && week);
        self.reviews_30_days += card.reviews_30_days() as usize;
        self.passed_30_days += card.passed_30_days() as usize;
        if let Some(r) = card.retrievability() {
            self.retrievability_sum += r;
            self.retrievability_count += 1;
        }
    }

    fn finish(mut self) -> Totals {
        self.retention_30_days = (self.reviews_30_days > 0)
            .then(|| self.passed_30_days as f64 / self.reviews_30_days as f64);
        self.mean_retrievability = (self.retrievability_count > 0)
            .then(|| self.retrievability_sum / self.retrievability_count as f64);
        self
    }
}

fn text(report: &Report<'_>, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(out, "collection: {}", display::text(&report.collection))?;
    for doc in &report.documents {
        let t = &doc.totals;
        let percent = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{:.0}%", v * 100.0));
        writeln!(
            out,
            "{}: {} cards ({} not imported) · new {} · learning {} · review {} · relearning {} · \
             suspended {} · due today {} · in 7 days {} · retention 30 d {} ({} reviews) · \
             recall now {} · {} leech{}",
            display::text(&doc.path),
            t.cards,
            t.not_imported,
            t.new,
            t.learning,
            t.review,
            t.relearning,
            t.suspended,
            t.due_today,
            t.due_in_7_days,
            percent(t.retention_30_days),
            t.reviews_30_days,
            percent(t.mean_retrievability),
            t.leeches,
            if t.leeches == 1 { "" } else { "es" }
        )?;
        for (title, list) in [
            ("leeches", &doc.leeches),
            ("most forgotten", &doc.most_lapsed),
        ] {
            if list.is_empty() {
                continue;
            }
            writeln!(out, "  {title}:")?;
            for c in list {
                writeln!(
                    out,
                    "    {}:{}  {}  ({} lapses, nid:{})",
                    display::text(&doc.path),
                    c.line,
                    display::text(&c.front),
                    c.lapses,
                    c.note_id
                )?;
            }
        }
    }
    if !report.orphans.is_empty() {
        writeln!(
            out,
            "orphans: {} note{} in Anki that the notes no longer hold; find them in Anki's \
             browser with: {}",
            report.orphans.len(),
            if report.orphans.len() == 1 { "" } else { "s" },
            report.orphan_search
        )?;
    }
    Ok(())
}
