//! `damaged-encoding` through the workspace: reported like any other rule, and the fix built on
//! request restores the note.

use notedeck_check::{Code, Severity, Workspace, encoding};
use notedeck_repair::CodePage;
use std::path::{Path, PathBuf};

const NOTES: &str = include_str!("../../../notes/역량평가 정리.md");

#[test]
fn a_damaged_note_is_reported_and_its_fix_restores_it() {
    let damaged = notedeck_repair::simulate_damage(NOTES, CodePage::Windows1254);
    let (bad, good) = (Path::new("bad.md"), Path::new("good.md"));
    let mut ws = Workspace::new();
    ws.set(bad.to_path_buf(), &damaged);
    ws.set(good.to_path_buf(), NOTES);

    let all = ws.check_all();
    let found: Vec<_> = all
        .iter()
        .filter(|f| f.code == Code::DamagedEncoding)
        .collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].path, bad);
    assert_eq!(found[0].severity, Severity::Error);
    assert!(
        found[0].message.contains("Windows-1254"),
        "{}",
        found[0].message
    );
    assert_eq!(
        ws.check_file(bad)
            .iter()
            .filter(|f| f.code == Code::DamagedEncoding)
            .count(),
        1
    );

    let fix = encoding::repair_fix(bad, &damaged).expect("the damaged note has a fix");
    assert_eq!(fix.edits.len(), 1);
    assert_eq!(fix.edits[0].span, 0..damaged.len());
    ws.set(PathBuf::from(bad), &fix.edits[0].new_text);
    assert!(
        ws.check_file(bad)
            .iter()
            .all(|f| f.code != Code::DamagedEncoding)
    );
    assert!(fix.edits[0].new_text.contains("# 역량평가 정리"));
}
