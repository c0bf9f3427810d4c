//! The package writer, checked by reading the package back: the zip layout, the schema-11
//! collection, ids, due order, note times across re-exports, media names, atomicity.

use notedeck_anki::{
    Error, MediaFile, Note, NoteKind, Options, Writer, card_ords, deck_id, media_name, model,
    state, write_package,
};
use rusqlite::Connection;
use std::io::Read;
use std::path::Path;

const T0: i64 = 1_764_201_600_000; // ms

/// Three cards shaped like the real notes: a bold-label bullet, a cloze tip with math, a
/// comparison-table cell in another exam problem.
fn notes() -> Vec<Note> {
    vec![
        Note {
            guid: "bert-structure".into(),
            kind: NoteKind::Basic,
            deck: "역량평가 정리::문제 9".into(),
            front: "BERT › 구조".into(),
            back: "Transformer <strong>Encoder</strong>만 사용 (양방향 문맥 학습)".into(),
            context: "문제 9 › BERT".into(),
            source: "역량평가 정리.md:17".into(),
            tags: vec!["문제_9".into(), "BERT".into()],
        },
        Note {
            guid: "lora-tip".into(),
            kind: NoteKind::Cloze,
            deck: "역량평가 정리::문제 9".into(),
            front:
                "📌 LoRA: {{c1::\\(\\Delta W = A \\times B\\)}}, {{c2::\\(r \\ll \\min(d, k)\\)}}"
                    .into(),
            back: String::new(),
            context: "문제 9 › LoRA".into(),
            source: "역량평가 정리.md:120".into(),
            tags: vec!["문제_9".into(), "LoRA".into()],
        },
        Note {
            guid: "score-cam-cost".into(),
            kind: NoteKind::Basic,
            deck: "역량평가 정리::문항 10".into(),
            front: "Score-CAM › 계산량".into(),
            back: "많음 (채널 수 × forward)".into(),
            context: "문항 10 › CAM 비교".into(),
            source: "역량평가 정리.md:240".into(),
            tags: vec!["문항_10".into(), "Score CAM".into()],
        },
    ]
}

fn at(ms: i64) -> Options {
    Options {
        now_ms: Some(ms),
        ..Options::default()
    }
}

/// Unzip the collection into `dir` and open it.
fn open_collection(apkg: &Path, dir: &Path) -> Connection {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(apkg).expect("package")).expect("zip");
    let mut bytes = Vec::new();
    zip.by_name("collection.anki2")
        .expect("collection.anki2 in package")
        .read_to_end(&mut bytes)
        .expect("read collection");
    let path = dir.join("unzipped.anki2");
    std::fs::write(&path, bytes).expect("write collection");
    Connection::open(path).expect("open collection")
}

fn zip_entry(apkg: &Path, name: &str) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(apkg).expect("package")).expect("zip");
    let mut bytes = Vec::new();
    zip.by_name(name)
        .expect("entry")
        .read_to_end(&mut bytes)
        .expect("read entry");
    bytes
}

fn note_times(db: &Connection) -> Vec<(String, i64, i64)> {
    let mut stmt = db
        .prepare("SELECT guid, id, mod FROM notes ORDER BY guid")
        .expect("query");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("rows")
}

#[test]
fn package_holds_a_schema_11_collection_with_fixed_note_types_and_decks() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("notes.apkg");
    let summary = write_package(&out, &notes(), &[], &at(T0)).expect("export");
    assert_eq!(
        (
            summary.notes,
            summary.cards,
            summary.decks,
            summary.new_notes
        ),
        (3, 4, 3, 3)
    );

    let db = open_collection(&out, dir.path());
    let (ver, models, decks): (i64, String, String) = db
        .query_row("SELECT ver, models, decks FROM col", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .expect("col row");
    assert_eq!(ver, 11);
    let models: serde_json::Value = serde_json::from_str(&models).expect("models json");
    let basic = &models[model::BASIC_ID.to_string()];
    let cloze = &models[model::CLOZE_ID.to_string()];
    let names = |m: &serde_json::Value| -> Vec<String> {
        m["flds"]
            .as_array()
            .expect("flds")
            .iter()
            .map(|f| f["name"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(names(basic), ["Front", "Back", "Context", "Source"]);
    assert_eq!(names(cloze), ["Text", "Back Extra", "Context", "Source"]);
    assert_eq!(cloze["type"], 1);
    assert!(basic["css"].as_str().expect("css").contains("Noto Sans KR"));
    assert!(basic["css"].as_str().expect("css").contains(".nightMode"));

    // Parents of nested decks exist, ids are derived from the names.
    let decks: serde_json::Value = serde_json::from_str(&decks).expect("decks json");
    for name in [
        "역량평가 정리",
        "역량평가 정리::문제 9",
        "역량평가 정리::문항 10",
    ] {
        let id = deck_id(name);
        assert_eq!(decks[id.to_string()]["name"], name);
    }

    let (flds, tags, mid): (String, String, i64) = db
        .query_row(
            "SELECT flds, tags, mid FROM notes WHERE guid = 'bert-structure'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("note");
    assert_eq!(
        flds,
        "BERT › 구조\u{1f}Transformer <strong>Encoder</strong>만 사용 (양방향 문맥 학습)\u{1f}문제 9 › BERT\u{1f}역량평가 정리.md:17"
    );
    assert_eq!(tags, " 문제_9 BERT ");
    assert_eq!(mid, model::BASIC_ID);
    let spaced: String = db
        .query_row(
            "SELECT tags FROM notes WHERE guid = 'score-cam-cost'",
            [],
            |r| r.get(0),
        )
        .expect("note");
    assert_eq!(spaced, " 문항_10 Score_CAM ");

    // Cards in note order: due = position; both cloze cards share their note's position.
    let mut stmt = db
        .prepare(
            "SELECT n.guid, c.ord, c.due, c.did, c.type, c.queue FROM cards c
             JOIN notes n ON n.id = c.nid ORDER BY c.due, c.ord",
        )
        .expect("query");
    let cards: Vec<(String, i64, i64, i64, i64, i64)> = stmt
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("rows");
    let problem9 = deck_id("역량평가 정리::문제 9");
    let problem10 = deck_id("역량평가 정리::문항 10");
    assert_eq!(
        cards,
        [
            ("bert-structure".into(), 0, 1, problem9, 0, 0),
            ("lora-tip".into(), 0, 2, problem9, 0, 0),
            ("lora-tip".into(), 1, 2, problem9, 0, 0),
            ("score-cam-cost".into(), 0, 3, problem10, 0, 0),
        ]
    );
    assert_eq!(zip_entry(&out, "media"), b"{}");
}

#[test]
fn note_times_stay_for_unchanged_notes_and_grow_for_changed_ones_even_in_the_same_second() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("notes.apkg");
    write_package(&out, &notes(), &[], &at(T0)).expect("first export");
    let first = note_times(&open_collection(&out, dir.path()));
    assert!(first.iter().all(|(_, _, m)| *m == T0 / 1000));
    assert!(state::path_for(&out).exists());

    // Later, nothing changed except line numbers: times and ids stay.
    let mut shifted = notes();
    shifted[0].source = "역량평가 정리.md:19".into();
    let summary = write_package(&out, &shifted, &[], &at(T0 + 60_000)).expect("re-export");
    assert_eq!((summary.unchanged_notes, summary.changed_notes), (3, 0));
    assert_eq!(note_times(&open_collection(&out, dir.path())), first);

    // Same second as the first export, one answer edited: only that note's time moves, and
    // strictly forward.
    let mut edited = notes();
    edited[0].back = "Transformer <strong>Encoder</strong>만 사용".into();
    let summary = write_package(&out, &edited, &[], &at(T0 + 300)).expect("edit export");
    assert_eq!((summary.unchanged_notes, summary.changed_notes), (2, 1));
    let after = note_times(&open_collection(&out, dir.path()));
    for ((guid, id, old), (guid2, id2, new)) in first.iter().zip(&after) {
        assert_eq!((guid, id), (guid2, id2), "ids are kept");
        if guid == "bert-structure" {
            assert_eq!(*new, old + 1);
        } else {
            assert_eq!(new, old);
        }
    }

    // And again in the same second: still strictly newer than the last export.
    edited[0].back = "Encoder only".into();
    write_package(&out, &edited, &[], &at(T0 + 600)).expect("second edit");
    let again = note_times(&open_collection(&out, dir.path()));
    assert_eq!(again[0].2, T0 / 1000 + 2);
}

#[test]
fn new_notes_get_fresh_ids_that_do_not_collide_with_earlier_ones() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("notes.apkg");
    write_package(&out, &notes(), &[], &at(T0)).expect("first export");
    let mut more = notes();
    more.insert(
        1,
        Note {
            guid: "bert-limit".into(),
            front: "BERT › 한계".into(),
            back: "MLM 시 [MASK] 토큰이 실제 사용 환경과 불일치(노이즈)".into(),
            ..more[0].clone()
        },
    );
    // The clock went backwards: fresh ids must still be unique.
    write_package(&out, &more, &[], &at(T0 - 10_000)).expect("second export");
    let db = open_collection(&out, dir.path());
    let distinct: i64 = db
        .query_row("SELECT COUNT(DISTINCT id) FROM notes", [], |r| r.get(0))
        .expect("count");
    assert_eq!(distinct, 4);
    let due: i64 = db
        .query_row(
            "SELECT c.due FROM cards c JOIN notes n ON n.id = c.nid WHERE n.guid = 'bert-limit'",
            [],
            |r| r.get(0),
        )
        .expect("due");
    assert_eq!(due, 2, "inserted card is studied in note order");
}

#[test]
fn two_different_images_with_the_same_name_are_both_bundled() {
    let dir = tempfile::tempdir().expect("tmp");
    let a = dir.path().join("a/image.png");
    let b = dir.path().join("b/image.png");
    for (path, bytes) in [(&a, b"\x89PNG first".as_slice()), (&b, b"\x89PNG second")] {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("dir");
        std::fs::write(path, bytes).expect("write image");
    }
    let name_a = media_name(&a).expect("hash a");
    let name_b = media_name(&b).expect("hash b");
    assert_ne!(name_a, name_b);
    assert!(name_a.starts_with("notedeck-") && name_a.ends_with(".png"));
    assert_eq!(media_name(&a).expect("again"), name_a, "names are stable");

    let media = vec![
        MediaFile {
            name: name_a.clone(),
            path: a,
        },
        MediaFile {
            name: name_b.clone(),
            path: b,
        },
    ];
    let out = dir.path().join("notes.apkg");
    let summary = write_package(&out, &notes(), &media, &at(T0)).expect("export");
    assert_eq!(summary.media, 2);
    let map: serde_json::Value =
        serde_json::from_slice(&zip_entry(&out, "media")).expect("media map");
    assert_eq!(map, serde_json::json!({"0": name_a, "1": name_b}));
    assert_eq!(zip_entry(&out, "0"), b"\x89PNG first");
    assert_eq!(zip_entry(&out, "1"), b"\x89PNG second");
}

#[test]
fn a_failed_export_leaves_the_previous_package_and_no_temporary_files() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("notes.apkg");
    write_package(&out, &notes(), &[], &at(T0)).expect("first export");
    let before = std::fs::read(&out).expect("package");
    let state_before = std::fs::read(state::path_for(&out)).expect("state");

    // A missing media file fails the export after the collection was built.
    let media = vec![MediaFile {
        name: "notedeck-0000.png".into(),
        path: dir.path().join("gone.png"),
    }];
    let mut edited = notes();
    edited[0].back = "바뀐 답".into();
    let err = write_package(&out, &edited, &media, &at(T0 + 5_000)).expect_err("must fail");
    assert!(
        matches!(&err, Error::Io { path, .. } if path.ends_with("gone.png")),
        "{err}"
    );

    // Duplicate GUIDs fail before anything is written.
    let mut dup = notes();
    dup[2].guid = "bert-structure".into();
    let err = write_package(&out, &dup, &[], &at(T0 + 5_000)).expect_err("must fail");
    assert!(err.to_string().contains("역량평가 정리.md:240"), "{err}");

    assert_eq!(std::fs::read(&out).expect("package"), before);
    assert_eq!(
        std::fs::read(state::path_for(&out)).expect("state"),
        state_before
    );
    assert_eq!(entries(dir.path()), ["notes.apkg", "notes.apkg.state.json"]);

    // An output directory that does not exist is an I/O error naming it.
    let err = write_package(&dir.path().join("nope/x.apkg"), &notes(), &[], &at(T0))
        .expect_err("must fail");
    assert!(err.to_string().contains("nope"), "{err}");
}

#[test]
fn notes_added_a_few_at_a_time_and_one_left_out_make_the_package_without_it() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("notes.apkg");
    let notes = notes();
    let mut writer = Writer::create(&out, &at(T0)).expect("writer");
    writer.add(&notes[..1]).expect("first");
    writer.add(&notes[1..]).expect("rest");
    assert_eq!(writer.len(), 3);
    // The cloze note goes: its two cards with it, and the note after it moves up.
    writer.leave_out(1).expect("leave out");
    let summary = writer.finish(&[]).expect("finish");
    assert_eq!(
        (
            summary.notes,
            summary.cards,
            summary.decks,
            summary.new_notes
        ),
        (2, 2, 3, 2)
    );

    let db = open_collection(&out, dir.path());
    let mut stmt = db
        .prepare("SELECT n.guid, c.due FROM cards c JOIN notes n ON n.id = c.nid ORDER BY c.due")
        .expect("query");
    let cards: Vec<(String, i64)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("rows");
    assert_eq!(
        cards,
        [("bert-structure".into(), 1), ("score-cam-cost".into(), 2)]
    );
    let state = state::State::load(&state::path_for(&out)).expect("state");
    assert!(!state.notes.contains_key("lora-tip"));
    assert_eq!(state.notes.len(), 2);

    // A writer dropped unfinished leaves the package as it was and nothing else.
    let before = std::fs::read(&out).expect("package");
    let mut writer = Writer::create(&out, &at(T0 + 5_000)).expect("writer");
    writer.add(&notes).expect("add");
    let err = writer.add(&notes[..1]).expect_err("duplicate");
    assert!(err.to_string().contains("역량평가 정리.md:17"), "{err}");
    drop(writer);
    assert_eq!(std::fs::read(&out).expect("package"), before);
    assert_eq!(
        entries(dir.path()),
        ["notes.apkg", "notes.apkg.state.json", "unzipped.anki2"]
    );
}

#[test]
fn a_note_written_again_keeps_its_guid_id_deck_and_tags() {
    // Export writes a note before it knows every note's terms; once it does, a card showing
    // a slip is written again without it. Re-exported as it was first written, the same note
    // keeps the id it had: its review history stays.
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("notes.apkg");
    let mut notes = notes();
    notes[0].back = "Transformer <strong>Encoder</strong>만 사용 (Bidirectional Encodr)".into();
    let mut first = Writer::create(&out, &at(T0)).expect("writer");
    first.add(&notes).expect("add");
    first.finish(&[]).expect("finish");
    let before = note_times(&open_collection(&out, dir.path()));

    let mut writer = Writer::create(&out, &at(T0 + 60_000)).expect("writer");
    writer.add(&notes).expect("add");
    let strip = |front: &str, back: &str| {
        back.contains(" (Bidirectional Encodr)").then(|| {
            (
                front.to_string(),
                back.replace(" (Bidirectional Encodr)", ""),
            )
        })
    };
    assert!(writer.rewrite(0, strip).expect("rewrite"));
    // Nothing to change, or a position taken back already: not written again.
    assert!(!writer.rewrite(2, strip).expect("rewrite"));
    assert!(!writer.rewrite(0, strip).expect("rewrite"));
    let summary = writer.finish(&[]).expect("finish");
    assert_eq!((summary.notes, summary.changed_notes), (3, 1));

    let db = open_collection(&out, dir.path());
    let (flds, tags, mid): (String, String, i64) = db
        .query_row(
            "SELECT flds, tags, mid FROM notes WHERE guid = 'bert-structure'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("the note is there once");
    assert_eq!(
        flds,
        "BERT › 구조\u{1f}Transformer <strong>Encoder</strong>만 사용\u{1f}문제 9 › BERT\u{1f}역량평가 정리.md:17"
    );
    assert_eq!((tags.as_str(), mid), (" 문제_9 BERT ", model::BASIC_ID));
    let deck: String = db
        .query_row(
            "SELECT c.did FROM cards c JOIN notes n ON n.id = c.nid WHERE n.guid = 'bert-structure'",
            [],
            |r| r.get::<_, i64>(0),
        )
        .map(|did| did.to_string())
        .expect("its card");
    assert_eq!(deck, deck_id("역량평가 정리::문제 9").to_string());
    let after = note_times(&db);
    let id = |times: &[(String, i64, i64)]| {
        times
            .iter()
            .find(|(guid, _, _)| guid == "bert-structure")
            .map(|(_, id, _)| *id)
    };
    assert_eq!(id(&after), id(&before), "the note keeps its id");
    assert_eq!(after.len(), 3);
}

#[test]
fn a_damaged_state_file_is_refused_with_advice() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("notes.apkg");
    std::fs::write(state::path_for(&out), "{not json").expect("write");
    let err = write_package(&out, &notes(), &[], &at(T0)).expect_err("must fail");
    assert!(matches!(err, Error::State { .. }));
    assert!(err.to_string().contains("delete it"), "{err}");
    assert!(!out.exists());
}

#[test]
fn cloze_cards_follow_the_deletion_numbers_even_with_braces_in_math() {
    let mut note = notes()[1].clone();
    assert_eq!(card_ords(&note), [0, 1]);
    note.front = "{{c3::\\(x^{2^{k}}\\)}} 그리고 {{c1::Grad-CAM}} {{c1::again}}".into();
    assert_eq!(card_ords(&note), [0, 2]);
    note.front = "삭제 없음".into();
    assert_eq!(card_ords(&note), [0]);
    assert_eq!(card_ords(&notes()[0]), [0]);
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
