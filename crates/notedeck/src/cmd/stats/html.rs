//! `notedeck stats --format html`: one self-contained page (inline CSS and SVG, no script, no
//! network) a student would rather look at than read: retention by section, a due forecast,
//! the weakest sections, and the leeches with links back to the notes.

use notedeck_anki::collection::Due;
use std::fmt::Write;
use std::path::Path;

use super::{Document, Report, Section};

/// Days the due forecast covers (today included; overdue cards count as due today).
const FORECAST_DAYS: usize = 30;
/// Sections the "weakest" table lists.
const WEAKEST: usize = 8;

/// The whole page.
pub(super) fn page(report: &Report<'_>) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"ko\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>notedeck stats · {today}</title><style>{STYLE}</style></head><body>\
         <header><h1>How your notes are doing in Anki</h1>\
         <p class=\"muted\">{today} · {collection}</p></header>",
        today = esc(&report.today),
        collection = esc(&report.collection),
    );
    for doc in &report.documents {
        document(&mut out, doc);
    }
    if !report.orphans.is_empty() {
        let _ = write!(
            out,
            "<section id=\"orphans\"><h2>In Anki, no longer in the notes</h2><p>{} \
             that notedeck made {} still in your collection (an import never deletes). \
             Find them in Anki's browser with <code>{}</code>.</p></section>",
            if report.orphans.len() == 1 {
                "1 note".to_string()
            } else {
                format!("{} notes", report.orphans.len())
            },
            if report.orphans.len() == 1 {
                "is"
            } else {
                "are"
            },
            esc(&report.orphan_search)
        );
    }
    out.push_str("</body></html>\n");
    out
}

fn document(out: &mut String, doc: &Document<'_>) {
    let t = &doc.totals;
    let link = file_link(&doc.path);
    let _ = write!(
        out,
        "<section class=\"doc\"><h2><a href=\"{link}\">{path}</a></h2><div class=\"tiles\">",
        path = esc(&doc.path)
    );
    for (value, label) in [
        (t.cards.to_string(), "cards"),
        (t.due_today.to_string(), "due today"),
        (t.due_in_7_days.to_string(), "due within 7 days"),
        (percent(t.retention_30_days), "retention, 30 days"),
        (percent(t.mean_retrievability), "recall now"),
        (t.leeches.to_string(), "leeches"),
        (t.not_imported.to_string(), "not in Anki yet"),
    ] {
        let _ = write!(
            out,
            "<div class=\"tile\"><b>{}</b><span>{label}</span></div>",
            esc(&value)
        );
    }
    out.push_str("</div>");
    retention_chart(out, &doc.sections);
    forecast_chart(out, doc);
    weakest(out, &doc.sections);
    leeches(out, doc, &link);
    out.push_str("</section>");
}

/// Horizontal bars: each section's share of reviews answered other than Again.
fn retention_chart(out: &mut String, sections: &[Section]) {
    let rows: Vec<&Section> = sections
        .iter()
        .filter(|s| s.totals.retention_30_days.is_some())
        .collect();
    out.push_str("<h3>Retention by section, last 30 days</h3>");
    if rows.is_empty() {
        out.push_str("<p class=\"muted\">No reviews in the last 30 days.</p>");
        return;
    }
    let (row_h, label_w, bar_w) = (26, 320, 420);
    let height = rows.len() * row_h + 10;
    let _ = write!(
        out,
        "<svg id=\"retention-chart\" role=\"img\" aria-label=\"Retention by section\" \
         viewBox=\"0 0 {w} {height}\" width=\"100%\">",
        w = label_w + bar_w + 120
    );
    for (i, s) in rows.iter().enumerate() {
        let r = s.totals.retention_30_days.unwrap_or(0.0);
        let y = i * row_h + 5;
        let width = (r * bar_w as f64).round();
        let class = if r >= 0.9 {
            "good"
        } else if r >= 0.8 {
            "fair"
        } else {
            "poor"
        };
        let _ = write!(
            out,
            "<text x=\"{tx}\" y=\"{ty}\" text-anchor=\"end\">{label}</text>\
             <rect class=\"bar {class}\" x=\"{label_w}\" y=\"{y}\" width=\"{width}\" height=\"18\" rx=\"3\"/>\
             <text x=\"{vx}\" y=\"{ty}\">{pct} · {n} reviews</text>",
            tx = label_w - 8,
            ty = y + 14,
            label = esc(&section_name(s)),
            vx = label_w as f64 + width + 6.0,
            pct = percent(Some(r)),
            n = s.totals.reviews_30_days,
        );
    }
    out.push_str("</svg>");
}

/// Vertical bars: Anki cards due on each of the next days.
fn forecast_chart(out: &mut String, doc: &Document<'_>) {
    let mut days = [0usize; FORECAST_DAYS];
    for card in doc
        .by_card
        .iter()
        .filter_map(|c| c.anki)
        .flat_map(|n| n.cards())
        .filter(|c| !c.suspended())
    {
        let day = match card.due() {
            Due::Day { in_days, .. } => in_days.max(0),
            Due::Minutes { in_minutes } => in_minutes.max(0) / (24 * 60),
            Due::New { .. } => continue,
        };
        if let Some(slot) = usize::try_from(day).ok().and_then(|d| days.get_mut(d)) {
            *slot += 1;
        }
    }
    out.push_str("<h3>Due in the next 30 days</h3>");
    let peak = days.iter().copied().max().unwrap_or(0).max(1);
    let (bar, gap, chart_h) = (18, 6, 160);
    let _ = write!(
        out,
        "<svg id=\"due-forecast\" role=\"img\" aria-label=\"Cards due per day\" \
         viewBox=\"0 0 {w} {h}\" width=\"100%\">",
        w = FORECAST_DAYS * (bar + gap) + 20,
        h = chart_h + 40
    );
    for (i, n) in days.iter().enumerate() {
        let height = (*n as f64 / peak as f64 * chart_h as f64).round();
        let x = 10 + i * (bar + gap);
        let _ = write!(
            out,
            "<rect class=\"bar due\" x=\"{x}\" y=\"{y}\" width=\"{bar}\" height=\"{height}\" rx=\"2\">\
             <title>{label}: {n} due</title></rect>",
            y = chart_h as f64 - height + 10.0,
            label = if i == 0 {
                "today".to_string()
            } else {
                format!("in {i} d")
            },
        );
        if i % 5 == 0 {
            let _ = write!(
                out,
                "<text x=\"{tx}\" y=\"{ty}\" text-anchor=\"middle\">{label}</text>",
                tx = x + bar / 2,
                ty = chart_h + 30,
                label = if i == 0 {
                    "today".into()
                } else {
                    format!("+{i}")
                },
            );
        }
    }
    out.push_str("</svg>");
}

/// The sections to work on: lowest retention first, then most lapses.
fn weakest(out: &mut String, sections: &[Section]) {
    let mut rows: Vec<&Section> = sections
        .iter()
        .filter(|s| s.totals.lapses > 0 || s.totals.retention_30_days.is_some())
        .collect();
    rows.sort_by(|a, b| {
        let r = |s: &Section| s.totals.retention_30_days.unwrap_or(1.0);
        r(a).total_cmp(&r(b))
            .then(b.totals.lapses.cmp(&a.totals.lapses))
    });
    out.push_str("<h3>Weakest sections</h3>");
    if rows.is_empty() {
        out.push_str("<p class=\"muted\">Nothing forgotten yet.</p>");
        return;
    }
    out.push_str(
        "<table id=\"weakest\"><tr><th>section</th><th>retention</th><th>lapses</th>\
         <th>leeches</th><th>due today</th></tr>",
    );
    for s in rows.into_iter().take(WEAKEST) {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&section_name(s)),
            percent(s.totals.retention_30_days),
            s.totals.lapses,
            s.totals.leeches,
            s.totals.due_today
        );
    }
    out.push_str("</table>");
}

fn leeches(out: &mut String, doc: &Document<'_>, link: &str) {
    if doc.most_lapsed.is_empty() {
        return;
    }
    out.push_str("<h3>Most forgotten cards</h3><ul class=\"cards\">");
    for c in &doc.most_lapsed {
        let leech = doc.leeches.iter().any(|l| l.note_id == c.note_id);
        let _ = write!(
            out,
            "<li><a href=\"{link}\">{path}:{line}</a> {front} <span class=\"muted\">{lapses} \
             lapses{tag} · <code>nid:{nid}</code></span></li>",
            path = esc(&doc.path),
            line = c.line,
            front = esc(&c.front),
            lapses = c.lapses,
            tag = if leech { " · leech" } else { "" },
            nid = c.note_id,
        );
    }
    out.push_str("</ul>");
}

fn section_name(s: &Section) -> String {
    if s.path.is_empty() {
        "(top)".to_string()
    } else {
        s.path.join(" › ")
    }
}

fn percent(v: Option<f64>) -> String {
    v.map_or("–".to_string(), |v| format!("{:.0}%", v * 100.0))
}

/// A `file://` link to a note (absolute, percent-encoded), so the page leads back to it.
fn file_link(path: &str) -> String {
    let absolute = std::fs::canonicalize(Path::new(path)).unwrap_or_else(|_| path.into());
    let text = absolute.to_string_lossy();
    let encoded: String = text
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect();
    format!("file://{encoded}")
}

/// Text safe inside HTML elements and double-quoted attributes.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    notedeck_parse::math::escape_html(text, &mut out);
    out
}

const STYLE: &str = "
body { font-family: 'Apple SD Gothic Neo', 'Noto Sans KR', 'Malgun Gothic', system-ui, sans-serif;
  margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1f2328; background: #fff; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } h2 { margin-top: 2.5rem; } h3 { margin-top: 2rem; }
a { color: #0969da; } .muted { color: #59636e; } code { background: #f6f8fa; padding: 0 0.3em; }
.tiles { display: flex; flex-wrap: wrap; gap: 0.8rem; }
.tile { border: 1px solid #d0d7de; border-radius: 8px; padding: 0.6rem 1rem; min-width: 7rem; }
.tile b { display: block; font-size: 1.5rem; } .tile span { color: #59636e; font-size: 0.85rem; }
svg text { font-size: 13px; fill: #1f2328; }
.bar.good { fill: #2da44e; } .bar.fair { fill: #d4a72c; } .bar.poor { fill: #cf222e; } .bar.due { fill: #0969da; }
table { border-collapse: collapse; } td, th { border-bottom: 1px solid #d0d7de; padding: 0.3rem 0.8rem; text-align: left; }
ul.cards li { margin: 0.3rem 0; }
@media (prefers-color-scheme: dark) { body { background: #0d1117; color: #e6edf3; }
  svg text { fill: #e6edf3; } code { background: #161b22; } a { color: #4493f8; } }
";
