//! Helpers shared by the CLI tests.

use std::io::Read;
use std::path::Path;

/// The collection of a package, unzipped into a temporary file (kept alive beside the
/// connection) and opened.
pub fn package_db(apkg: &Path) -> (tempfile::NamedTempFile, rusqlite::Connection) {
    let file = std::fs::File::open(apkg).expect("package");
    let mut zip = zip::ZipArchive::new(file).expect("zip");
    let mut db = Vec::new();
    zip.by_name("collection.anki2")
        .expect("collection")
        .read_to_end(&mut db)
        .expect("read collection");
    let tmp = tempfile::NamedTempFile::new().expect("tmp");
    std::fs::write(tmp.path(), db).expect("write collection");
    let conn = rusqlite::Connection::open(tmp.path()).expect("sqlite");
    (tmp, conn)
}
