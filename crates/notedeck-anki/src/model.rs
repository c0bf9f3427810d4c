//! The two note types notedeck writes, and the collection JSON around them.
//!
//! Anki compares an imported note type with the one it already has (same id): if the fields
//! or templates differ, it copies the note type and skips the package's notes as
//! "conflicting". So the ids, field names and template names below are part of the file
//! format: never change them. Styling (CSS and the HTML around the fields) may change; bump
//! [`MODEL_MOD`] when it does so Anki picks the new look up.

use serde_json::{Value, json};

/// Note-type id of "notedeck Basic" (Front, Back, Context, Source).
pub const BASIC_ID: i64 = 1_731_000_000_101;
/// Note-type id of "notedeck Cloze" (Text, Back Extra, Context, Source).
pub const CLOZE_ID: i64 = 1_731_000_000_102;
/// Modification time (seconds) of the note types; bump when the CSS or templates change.
pub const MODEL_MOD: i64 = 1_764_201_600;

/// Field names of the basic note type, in order.
pub const BASIC_FIELDS: [&str; 4] = ["Front", "Back", "Context", "Source"];
/// Field names of the cloze note type, in order.
pub const CLOZE_FIELDS: [&str; 4] = ["Text", "Back Extra", "Context", "Source"];

/// Korean first: Apple SD Gothic Neo (macOS/iOS), Noto Sans KR (Linux/Android), Malgun Gothic
/// (Windows); Latin text falls back to the system UI font. Dark mode follows Anki's
/// `.nightMode` class.
pub const CSS: &str = r#".card {
  font-family: -apple-system, "Apple SD Gothic Neo", "Noto Sans KR", "Noto Sans CJK KR",
    "Malgun Gothic", "맑은 고딕", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 20px;
  line-height: 1.6;
  word-break: keep-all;
  overflow-wrap: anywhere;
  text-align: left;
  color: #1f2328;
  background-color: #ffffff;
  max-width: 42em;
  margin: 0 auto;
  padding: 0 0.5em;
}
.nd-context { font-size: 0.7em; color: #57606a; margin-bottom: 0.6em; }
.nd-front { font-weight: 600; }
.nd-back { margin-top: 0.4em; }
.nd-source { font-size: 0.6em; color: #8c959f; margin-top: 1.2em; }
.nd-missing { color: #9a6700; font-style: italic; }
.cloze { font-weight: 700; color: #0969da; }
table { border-collapse: collapse; margin: 0.4em 0; }
th, td { border: 1px solid #d0d7de; padding: 0.2em 0.5em; vertical-align: top; }
th { background: #f6f8fa; }
code { font-family: ui-monospace, "D2Coding", Menlo, Consolas, monospace; font-size: 0.9em;
  background: #f6f8fa; padding: 0 0.2em; border-radius: 3px; }
ul, ol { padding-left: 1.4em; margin: 0.3em 0; }
img { max-width: 100%; height: auto; }
hr#answer { border: none; border-top: 1px solid #d0d7de; }
.nightMode.card, .nightMode .card { color: #e6edf3; background-color: #0d1117; }
.nightMode .nd-context { color: #8d96a0; }
.nightMode .nd-source { color: #6e7681; }
.nightMode .nd-missing { color: #d29922; }
.nightMode .cloze { color: #58a6ff; }
.nightMode th, .nightMode td { border-color: #30363d; }
.nightMode th, .nightMode code { background: #161b22; }
.nightMode hr#answer { border-top-color: #30363d; }
"#;

const BASIC_QFMT: &str =
    "<div class=\"nd-context\">{{Context}}</div>\n<div class=\"nd-front\">{{Front}}</div>";
const BASIC_AFMT: &str = "{{FrontSide}}\n\n<hr id=answer>\n\n<div class=\"nd-back\">{{Back}}</div>\n<div class=\"nd-source\">{{Source}}</div>";
const CLOZE_QFMT: &str =
    "<div class=\"nd-context\">{{Context}}</div>\n<div class=\"nd-front\">{{cloze:Text}}</div>";
const CLOZE_AFMT: &str = "<div class=\"nd-context\">{{Context}}</div>\n<div class=\"nd-front\">{{cloze:Text}}</div>\n{{#Back Extra}}<hr id=answer>\n<div class=\"nd-back\">{{Back Extra}}</div>{{/Back Extra}}\n<div class=\"nd-source\">{{Source}}</div>";

/// The `models` column of the collection: both note types, keyed by id.
pub fn models_json() -> Value {
    json!({
        BASIC_ID.to_string(): notetype(BASIC_ID, "notedeck Basic", 0, &BASIC_FIELDS, BASIC_QFMT, BASIC_AFMT),
        CLOZE_ID.to_string(): notetype(CLOZE_ID, "notedeck Cloze", 1, &CLOZE_FIELDS, CLOZE_QFMT, CLOZE_AFMT),
    })
}

/// One deck of the `decks` column, as Anki's schema 11 stores it.
pub fn deck_json(id: i64, name: &str, now_s: i64) -> Value {
    json!({
        "id": id, "name": name, "mod": now_s, "usn": -1, "desc": "", "dyn": 0, "conf": 1,
        "collapsed": false, "browserCollapsed": false, "extendNew": 0, "extendRev": 0,
        "lrnToday": [0, 0], "revToday": [0, 0], "newToday": [0, 0], "timeToday": [0, 0],
    })
}

/// The `conf` column: Anki's defaults for a fresh collection.
pub const COL_CONF: &str = r#"{"activeDecks":[1],"curDeck":1,"newSpread":0,"collapseTime":1200,"timeLim":0,"estTimes":true,"dueCounts":true,"curModel":null,"nextPos":1,"sortType":"noteFld","sortBackwards":false,"addToCur":true,"schedVer":2,"sched2021":true}"#;

/// The `dconf` column: Anki's default deck options (the importer keeps the user's own).
pub const DECK_CONF: &str = r#"{"1":{"id":1,"mod":0,"name":"Default","usn":0,"maxTaken":60,"autoplay":true,"timer":0,"replayq":true,"dyn":false,"new":{"bury":false,"delays":[1.0,10.0],"initialFactor":2500,"ints":[1,4,0],"order":1,"perDay":20},"rev":{"bury":false,"ease4":1.3,"ivlFct":1.0,"maxIvl":36500,"perDay":200,"hardFactor":1.2},"lapse":{"delays":[10.0],"leechAction":1,"leechFails":8,"minInt":1,"mult":0.0}}}"#;

fn notetype(id: i64, name: &str, kind: u8, fields: &[&str], qfmt: &str, afmt: &str) -> Value {
    let flds: Vec<Value> = fields
        .iter()
        .enumerate()
        .map(|(ord, name)| {
            json!({
                "name": name, "ord": ord, "sticky": false, "rtl": false,
                "font": "Arial", "size": 20, "media": [],
            })
        })
        .collect();
    json!({
        "id": id,
        "name": name,
        "type": kind,
        "mod": MODEL_MOD,
        "usn": -1,
        "sortf": 0,
        "did": null,
        "tmpls": [{
            "name": if kind == 1 { "Cloze" } else { "Card 1" },
            "ord": 0, "qfmt": qfmt, "afmt": afmt, "bqfmt": "", "bafmt": "", "did": null,
        }],
        "flds": flds,
        "css": CSS,
        "latexPre": "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
        "latexPost": "\\end{document}",
        "latexsvg": false,
        "req": [[0, "any", [0]]],
        "tags": [],
        "vers": [],
    })
}
