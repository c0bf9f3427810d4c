//! The `.apkg` container: a zip of the collection database, a JSON `media` map and the media
//! files stored under numbers.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use crate::{Error, MediaFile, io_error};

/// Zip the collection and media the way Anki expects: media stored under numbers, with a
/// JSON map from number to name.
pub(crate) fn write_zip(
    out: &mut std::fs::File,
    out_path: &Path,
    db: &Path,
    media: &[MediaFile],
) -> Result<(), Error> {
    use zip::write::SimpleFileOptions;
    let deflated = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        // Level 1: the database is text-heavy and compresses well even at the fastest level;
        // higher levels cost several times the time for a few percent.
        .compression_level(Some(1))
        .large_file(true);
    // Pictures are already compressed; deflating them again only costs time.
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);

    let abandoned = std::rc::Rc::new(std::cell::Cell::new(false));
    let mut zip = zip::ZipWriter::new(Abandonable::new(
        BufWriter::with_capacity(1 << 20, &mut *out),
        abandoned.clone(),
    ));
    let written = fill_zip(&mut zip, out_path, db, media, deflated, stored);
    if written.is_err() {
        // The zip writer finishes the archive when dropped and prints its own debug output
        // when that fails; the temporary file is thrown away anyway.
        abandoned.set(true);
        return written;
    }
    let mut writer = zip.finish()?;
    writer
        .flush()
        .map_err(|source| io_error(out_path, source))?;
    Ok(())
}

/// The archive's entries: the collection, the media map and the media files.
fn fill_zip<W: Write + io::Seek>(
    zip: &mut zip::ZipWriter<W>,
    out_path: &Path,
    db: &Path,
    media: &[MediaFile],
    deflated: zip::write::SimpleFileOptions,
    stored: zip::write::SimpleFileOptions,
) -> Result<(), Error> {
    zip.start_file("collection.anki2", deflated)?;
    let mut db_file = std::fs::File::open(db).map_err(|source| io_error(db, source))?;
    io::copy(&mut db_file, zip).map_err(|source| io_error(db, source))?;

    let map: serde_json::Map<String, serde_json::Value> = media
        .iter()
        .enumerate()
        .map(|(i, m)| (i.to_string(), serde_json::Value::from(m.name.clone())))
        .collect();
    zip.start_file("media", deflated)?;
    zip.write_all(serde_json::Value::Object(map).to_string().as_bytes())
        .map_err(|source| io_error(out_path, source))?;
    for (i, file) in media.iter().enumerate() {
        zip.start_file(i.to_string(), stored)?;
        let mut src =
            std::fs::File::open(&file.path).map_err(|source| io_error(&file.path, source))?;
        io::copy(&mut src, zip).map_err(|source| io_error(&file.path, source))?;
    }
    Ok(())
}

/// The package file as the zip writer sees it. Once `abandoned` (by the caller, or by the
/// first failed write), writes and seeks succeed without touching the file, so the zip
/// writer's finishing on drop cannot fail again and print. Positions are tracked so that
/// the writer still sees a consistent file.
struct Abandonable<W> {
    inner: W,
    abandoned: std::rc::Rc<std::cell::Cell<bool>>,
    position: u64,
    end: u64,
}

impl<W> Abandonable<W> {
    fn new(inner: W, abandoned: std::rc::Rc<std::cell::Cell<bool>>) -> Self {
        Abandonable {
            inner,
            abandoned,
            position: 0,
            end: 0,
        }
    }

    fn watch<T>(&self, result: io::Result<T>) -> io::Result<T> {
        if result.is_err() {
            self.abandoned.set(true);
        }
        result
    }

    fn moved_to(&mut self, position: u64) -> u64 {
        self.position = position;
        self.end = self.end.max(position);
        position
    }
}

impl<W: Write> Write for Abandonable<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = if self.abandoned.get() {
            buf.len()
        } else {
            let result = self.inner.write(buf);
            self.watch(result)?
        };
        self.moved_to(self.position + n as u64);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.abandoned.get() {
            return Ok(());
        }
        let result = self.inner.flush();
        self.watch(result)
    }
}

impl<W: io::Seek> io::Seek for Abandonable<W> {
    fn seek(&mut self, pos: io::SeekFrom) -> io::Result<u64> {
        let position = if self.abandoned.get() {
            let offset = |base: u64, delta: i64| base.saturating_add_signed(delta);
            match pos {
                io::SeekFrom::Start(n) => n,
                io::SeekFrom::Current(d) => offset(self.position, d),
                io::SeekFrom::End(d) => offset(self.end, d),
            }
        } else {
            let result = self.inner.seek(pos);
            self.watch(result)?
        };
        Ok(self.moved_to(position))
    }
}
