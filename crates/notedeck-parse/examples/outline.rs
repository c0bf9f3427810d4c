//! Print what the parser makes of a note: outline, cards, terms, claims, skipped blocks and
//! problems, one per line. `cargo run -p notedeck-parse --example outline -- NOTE.md`

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: outline NOTE.md");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    let stem = std::path::Path::new(&path)
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let doc = notedeck_parse::parse(&text, &stem);
    // With a line number, print the full cards that start on that line instead.
    if let Some(line) = std::env::args()
        .nth(2)
        .and_then(|l| l.parse::<usize>().ok())
    {
        for c in doc.cards.iter().filter(|c| c.line == line) {
            println!(
                "{:?} {} {:?} key={:?}\nFRONT {}\nBACK  {}\n",
                c.kind, c.id, c.deck, c.key, c.front, c.back
            );
        }
        return ExitCode::SUCCESS;
    }
    print!("{}", notedeck_parse::listing(&text, &doc));
    ExitCode::SUCCESS
}
