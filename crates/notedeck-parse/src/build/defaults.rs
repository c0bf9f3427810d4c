//! A parameter's default, stated twice under one topic: `기본적으로 잠재 changepoint
//! **25개**(`n_changepoints=25`)` in a bullet and `| `n_changepoints` | … | 20 |` in a
//! `기본값` column of the table below it. Notes copy defaults from a library's docs, where
//! they change between versions, and a student restating one in a table is where a stale or
//! mistyped value shows. Each such statement is a claim `n_changepoints › 기본값 = 25`, so
//! the two meet as `conflicting-claim`.
//!
//! Read from the note's lines rather than the card rules: a default is written in inline
//! code wherever it sits (a bullet, a sentence, a cell), and the code's backticks are gone
//! from the plain text the rules read. Only where a topic states one parameter's default
//! twice or more: alone, a default is no claim worth holding against other notes, whose
//! library may well differ.

use super::default_values::{
    after_default_word, assignments, code_spans, default_after, default_of_another, is_parameter,
    labelled_default, named_before_default, names_argument, plain_default, says_default, value_at,
};
use super::param_tables::words_at;
use crate::position::{LineIndex, split_lines};
use crate::{Claim, ClaimOrigin, Document, SectionKind, Span, name_key};
use foldhash::HashMap;

/// The attribute the claims take where no table names the column (`기본값`).
const DEFAULT_ATTRIBUTE: &str = "기본값";

/// A default one line states.
struct DefaultValue<'t> {
    /// The parameter as written in its inline code: `n_changepoints`.
    parameter: &'t str,
    /// The column's header where a `기본값` (or `default`) column holds the value.
    attribute: Option<String>,
    /// The number's span in the note.
    value: Span,
    /// The line's (or the cell's) span.
    span: Span,
    /// Whether a table cell states it.
    cell: bool,
    /// The subject a table row names, when the cell gives that subject's default (`SAM` in
    /// `| **SAM** | flat minima 탐색 | `rho=0.5` |`): its default, not the topic's. Or the
    /// name a line gives right before `기본` (`Adam 기본 betas가 …`).
    owner: Option<&'t str>,
    /// The cell's column header, the subject instead when it titles a section and the row
    /// names none (`| **leaf 최소 크기** | … | `min_child_samples` = 10 | …` under `LightGBM`).
    column: Option<&'t str>,
}

/// Which statements of a default are held against each other.
#[derive(PartialEq)]
enum Group {
    /// A row's subject (its name's key) and the parameter's: the row's cells, and the lines
    /// of the section that subject titles.
    Named(String, String),
    /// The topic and the parameter's key: the topic's other statements.
    Topic(Option<usize>, String),
}

/// Add the claims of the defaults `text` states twice or more under one topic to
/// `doc.claims`, except those a table cell's claim already makes. Returns the places of the
/// ones stated outside tables, each with its 1-based line: a table cell contradicting one
/// waits as it does for a quantity a sentence states ([`super::claims::Stated`]).
pub(super) fn default_claims(
    doc: &mut Document,
    text: &str,
    lines: &LineIndex,
) -> Vec<(usize, usize)> {
    let mut stated = Vec::new();
    // Asked of every note: a vectorised search for each word, most notes holding none.
    let has = |word: &str| memchr::memmem::find(text.as_bytes(), word.as_bytes()).is_some();
    if !has("`") || !(has("기본") || has("디폴트") || has("efault") || has("EFAULT")) {
        return stated;
    }
    // `3. `TransE`의 `scoring_fct_norm` 기본값은 2 (L2 norm)이다` under `### 문항 3`: an exam's
    // choice, false on purpose as often as not, is no statement of the note's.
    let (found, sections): (Vec<DefaultValue>, Vec<Option<usize>>) = defaults_in(text)
        .into_iter()
        .map(|d| {
            let section = doc.section_at(d.span.start);
            (d, section)
        })
        .filter(|(d, section)| {
            d.cell
                || !section.is_some_and(|s| doc.sections[s].kind == SectionKind::Problem)
                || !opens_on_a_number(&text[d.span.clone()])
        })
        .unzip();
    if found.len() < 2 {
        return stated;
    }
    let groups = groups_of(doc, text, &found, &sections);
    for (i, d) in found.iter().enumerate() {
        let same: Vec<usize> = (0..found.len())
            .filter(|&j| groups[j] == groups[i])
            .collect();
        if same.len() < 2 {
            continue;
        }
        // Bullets under two sections of a topic (`### XGBoost`, `### LightGBM`) may give two
        // libraries' defaults of one name: only a table sums up the topic's sections.
        let mut bullet_sections = same
            .iter()
            .filter(|&&j| !found[j].cell)
            .map(|&j| sections[j]);
        if matches!(groups[i], Group::Topic(..))
            && let Some(first) = bullet_sections.next()
            && bullet_sections.any(|s| s != first)
        {
            continue;
        }
        // A table cell already claimed (its row the parameter, its column the default).
        if doc.claims.iter().any(|c| {
            c.origin == ClaimOrigin::TableCell
                && c.value_span.start <= d.value.start
                && d.value.end <= c.value_span.end
                && name_key(&c.subject) == name_key(d.parameter)
        }) {
            continue;
        }
        let attribute = same
            .iter()
            .find_map(|&j| found[j].attribute.clone())
            .unwrap_or_else(|| DEFAULT_ATTRIBUTE.to_string());
        if !d.cell {
            stated.push((doc.claims.len(), lines.line_of(d.span.start) + 1));
        }
        // A row's subject names whose default it is: `SAM › rho`, not every optimiser's.
        let owner = match &groups[i] {
            Group::Named(key, _) => same.iter().find_map(|&j| {
                [found[j].owner, found[j].column]
                    .into_iter()
                    .flatten()
                    .map(owner_name)
                    .find(|o| name_key(o) == *key)
            }),
            Group::Topic(..) => None,
        };
        let subject = match owner {
            // `` `Replay` / `ReplayPlugin` `` names two, each in code.
            Some(o) => format!("{} › {}", o.replace(['`', '*'], ""), d.parameter),
            None => d.parameter.to_string(),
        };
        doc.claims.push(Claim {
            subject,
            attribute,
            value: text[d.value.clone()].to_string(),
            origin: if d.cell {
                ClaimOrigin::TableCell
            } else {
                ClaimOrigin::Bullet
            },
            span: d.span.clone(),
            value_span: d.value.clone(),
        });
    }
    stated
}

/// Whether a line opens on a choice's number: `3. …`, `2) …`, `③ …`, `(3) …`.
fn opens_on_a_number(line: &str) -> bool {
    let line = line.trim_start();
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && line[digits..].starts_with(['.', ')'])
        || super::true_false::choice_mark(line).is_some()
}

/// The group of each default: a cell giving a row subject's default is that subject's, and so
/// is a line in the section the subject titles (`## 10. SAM (…)`, its bullet `` `rho=0.05`
/// ``); every other statement is its topic's.
fn groups_of(
    doc: &Document,
    text: &str,
    found: &[DefaultValue],
    sections: &[Option<usize>],
) -> Vec<Group> {
    let mut owners: Vec<Option<String>> = found
        .iter()
        .map(|d| d.owner.map(|o| name_key(owner_name(o))))
        .collect();
    // Two rows naming one class or function from two libraries
    // (`librosa.feature.melspectrogram`, `torchaudio.transforms.MelSpectrogram`) are two
    // owners, told apart by their whole module paths. Only rows written as such a path
    // count: a line calling the class (`torch.optim.Adam(…)`) names the row's class.
    let path_key = |o: &str| name_key(o.trim_matches(['*', '`', ' ']));
    let dotted = |o: &str| o.trim_matches(['*', '`', ' ']).to_ascii_lowercase();
    fn module_path<'t>(d: &DefaultValue<'t>) -> Option<&'t str> {
        d.owner
            .filter(|o| d.cell && owner_name(o) != o.trim_matches(['*', '`', ' ']))
    }
    let mut paths: HashMap<&str, Vec<String>> = HashMap::default();
    for (d, owner) in found.iter().zip(&owners) {
        if let (Some(o), Some(key)) = (module_path(d), owner) {
            let path = dotted(o);
            let seen = paths.entry(key.as_str()).or_default();
            if !seen.contains(&path) {
                seen.push(path);
            }
        }
    }
    // `nn.LSTM` and `torch.nn.LSTM` are one class written two ways: one path ends the other.
    let apart = |a: &str, b: &str| {
        let within = |long: &str, short: &str| {
            long.len() > short.len() && long.ends_with(short) && {
                let at = long.len() - short.len();
                long[..at].ends_with('.')
            }
        };
        a != b && !within(a, b) && !within(b, a)
    };
    let ambiguous: Vec<bool> = owners
        .iter()
        .map(|o| {
            o.as_ref().is_some_and(|k| {
                paths.get(k.as_str()).is_some_and(|p| {
                    p.iter()
                        .enumerate()
                        .any(|(i, a)| p[i + 1..].iter().any(|b| apart(a, b)))
                })
            })
        })
        .collect();
    drop(paths);
    for ((d, owner), ambiguous) in found.iter().zip(&mut owners).zip(ambiguous) {
        if ambiguous && let Some(o) = module_path(d) {
            *owner = Some(path_key(o));
        }
    }
    let mut titled: Vec<Option<usize>> = owners
        .iter()
        .map(|o| o.as_deref().and_then(|o| titled_section(doc, o)))
        .collect();
    for (i, d) in found.iter().enumerate() {
        if owners[i].is_some()
            && titled[i].is_none()
            && let Some(column) = d.column.map(name_key)
            && let Some(t) = titled_section(doc, &column)
        {
            owners[i] = Some(column);
            titled[i] = Some(t);
        }
    }
    let within = |inner: Option<usize>, outer: usize| {
        let mut cur = inner;
        while let Some(s) = cur {
            if s == outer {
                return true;
            }
            cur = doc.sections[s].parent;
        }
        false
    };
    found
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let parameter = name_key(d.parameter);
            if let Some(o) = &owners[i] {
                return Group::Named(o.clone(), parameter);
            }
            let row = (0..found.len()).find(|&j| {
                !d.cell
                    && titled[j].is_some_and(|t| within(sections[i], t))
                    && name_key(found[j].parameter) == parameter
            });
            if let Some(o) = row.and_then(|j| owners[j].clone()) {
                return Group::Named(o, parameter);
            }
            // A topic's bullet on a parameter that one row's subject gives, in the topic's own
            // table (`**num_layers**: …, 기본값 2` over `| `nn.LSTM` | `num_layers` | `1` |`)
            // or in any table when the topic names that subject (`` `alpha` 기본값은 0.1 ``
            // where the topic calls `multipletests`).
            let topic = topic_at(doc, d.span.start);
            let topic_text = topic
                .and_then(|t| text.get(doc.sections[t].span.clone()))
                .unwrap_or_default();
            // A cell may name two (`` `Replay` / `ReplayPlugin` ``).
            let called_in = |text: &str, j: usize| {
                found[j].owner.is_some_and(|o| {
                    o.split('/').any(|o| {
                        names_in_code(text, owner_name(o))
                            || names_in_code(text, o.trim_matches(['*', '`', ' ']))
                    })
                })
            };
            // Or by name in the topic's title (`RandAugment` of `## AutoAugment / RandAugment
            // / TrivialAugment` over `- torchvision 기본값: `magnitude=10``, the row
            // `v2.RandAugment`), or by its library in the line (`DeepSpeed는 … `min_capacity`
            // (기본값 8)` against `deepspeed.moe.layer.MoE`).
            let title = topic.map_or("", |t| doc.sections[t].title.as_str());
            let line = &text[d.span.clone()];
            // Or by an item the line is nested under (`1. **GaussianNB**: …` over
            // `` - `var_smoothing`: … (기본 1e-6) ``).
            let parents = if d.cell {
                Vec::new()
            } else {
                parent_lines(text, d.span.start)
            };
            let under_class =
                |class: &str| parents.iter().any(|l| words_at(l, class).next().is_some());
            let named_plainly = |j: usize| {
                found[j].owner.is_some_and(|o| {
                    let path = o.trim_matches(['*', '`', ' ']);
                    let class = owner_name(o);
                    let library = path
                        .split('.')
                        .next()
                        .filter(|l| *l != path && l.len() >= 4);
                    class.len() >= 4
                        && (words_at(title, class).next().is_some() || under_class(class))
                        || library.is_some_and(|l| {
                            line.split(|c: char| !c.is_ascii_alphanumeric())
                                .any(|w| w.eq_ignore_ascii_case(l))
                        })
                })
            };
            let called = |j: usize| called_in(topic_text, j) || named_plainly(j);
            let rows: Vec<usize> = (0..found.len())
                .filter(|&j| {
                    !d.cell
                        && found[j].cell
                        && name_key(found[j].parameter) == parameter
                        && (topic_at(doc, found[j].span.start) == topic || called(j))
                })
                .collect();
            let one_owner = |js: &mut dyn Iterator<Item = usize>| {
                let mut owned = js.filter_map(|j| owners[j].as_ref());
                let first = owned.next()?;
                owned.all(|o| o == first).then(|| first.clone())
            };
            // Rows of the topic's table giving the parameter to two subjects (`MAML`'s
            // `first_order` and `MAML.adapt`'s): the one the line's own section calls in
            // code is its (`### 1. learn2learn` writes `` `MAML` ``).
            let own_text = sections[i]
                .and_then(|s| text.get(doc.sections[s].span.clone()))
                .unwrap_or_default();
            // Rows of two libraries' classes of one name (`librosa.feature.mfcc`,
            // `torchaudio.transforms.MFCC`): the one whose library the line names.
            match one_owner(&mut rows.iter().copied())
                .or_else(|| {
                    one_owner(&mut rows.iter().copied().filter(|&j| called_in(own_text, j)))
                })
                .or_else(|| one_owner(&mut rows.iter().copied().filter(|&j| named_plainly(j))))
            {
                Some(o) => Group::Named(o, parameter),
                None => Group::Topic(topic, parameter),
            }
        })
        .collect()
}

/// The lines that the line starting at `at` is nested under, nearest first: each line before
/// it indented less than the one found before (a wrapped line or a bullet between them is
/// passed over as long as it is indented less), up to one not indented, where it stops.
fn parent_lines(text: &str, at: usize) -> Vec<&str> {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let indent = |l: &str| l.len() - l.trim_start().len();
    let mut own = indent(&text[line_start..]);
    let mut out = Vec::new();
    for l in text[..line_start].lines().rev() {
        if own == 0 {
            break;
        }
        if !l.trim().is_empty() && indent(l) < own {
            own = indent(l);
            out.push(l);
        }
    }
    out
}

/// Whether `text` writes `name` in inline code, alone or called (`` `multipletests` ``,
/// `` `multipletests(pvals)` ``, or a module path's `` `nn.CrossEntropyLoss`의 `` when `name`
/// is that path).
fn names_in_code(text: &str, name: &str) -> bool {
    !name.is_empty()
        && text.match_indices(name).any(|(at, _)| {
            text[..at].ends_with('`') && text[at + name.len()..].starts_with(['`', '('])
        })
}

/// The name a row's owner gives its subject by: the class a module path ends in (`umap.UMAP`
/// and `nn.LSTM` are the topics `UMAP` and `LSTM`), markup trimmed, the library naming it
/// left out (`modAL `uncertainty_batch_sampling``).
fn owner_name(owner: &str) -> &str {
    // `modAL `uncertainty_batch_sampling``: the library named, then the function in code.
    let owner = match owner.trim().split('`').collect::<Vec<_>>().as_slice() {
        [library, name, ""] if !library.trim().is_empty() && !name.trim().is_empty() => name,
        _ => owner,
    };
    let name = owner.trim_matches(['*', '`', ' ']);
    // `MarginRankingLoss()`: the class called with no arguments is the class.
    let name = name.strip_suffix("()").unwrap_or(name);
    let identifier = |part: &str| {
        part.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && part.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    };
    match name.rsplit_once('.') {
        Some((path, class)) if identifier(class) && path.split('.').all(identifier) => class,
        _ => name,
    }
}

/// The one topic or facet section whose title's key is `key`.
fn titled_section(doc: &Document, key: &str) -> Option<usize> {
    let mut found = doc.sections.iter().enumerate().filter(|(_, s)| {
        matches!(s.kind, SectionKind::Topic | SectionKind::Facet) && name_key(&s.title) == key
    });
    match (found.next(), found.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}

/// The topic holding byte `at` (else the innermost section, else none).
fn topic_at(doc: &Document, at: usize) -> Option<usize> {
    let innermost = doc.section_at(at)?;
    let mut cur = Some(innermost);
    while let Some(s) = cur {
        if doc.sections[s].kind == SectionKind::Topic {
            return Some(s);
        }
        cur = doc.sections[s].parent;
    }
    Some(innermost)
}

/// Every default the lines of `text` state, outside fenced code.
fn defaults_in(text: &str) -> Vec<DefaultValue<'_>> {
    let mut out = Vec::new();
    let mut fence: Option<(u8, usize)> = None;
    let mut header: Vec<&str> = Vec::new();
    let mut in_table = false;
    // Whether the current table is a library's table of defaults ([`library_table`]).
    let mut library = false;
    // Whether the heading over the lines says they are defaults (`## **9. 주요 하이퍼파라미터
    // & 기본값**`): a table there gives defaults in every cell.
    let mut heading_says = false;
    // The current table's rows: first cell and where their defaults start in `out`. Rows
    // sharing a first cell (`| **YOLOv5** | `detect.py` | …` and `| **YOLOv5** | `val.py` |
    // …`) are told apart by another cell: their defaults are no one subject's.
    let mut rows: Vec<(&str, usize, usize)> = Vec::new();
    let mut ambiguous: Vec<Span> = Vec::new();
    let mut at = 0;
    for raw in split_lines(text) {
        let start = at;
        at += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim_start();
        match (fence, crate::math::fence_marker(trimmed)) {
            (Some((ch, len)), Some((c2, l2))) if c2 == ch && l2 >= len => {
                fence = None;
                continue;
            }
            (Some(_), _) => continue,
            (None, Some(open)) => {
                fence = Some(open);
                in_table = false;
                continue;
            }
            (None, None) => {}
        }
        if trimmed.starts_with('#') {
            heading_says = says_default(trimmed);
        }
        if !trimmed.starts_with('|') {
            in_table = false;
            header.clear();
            library = false;
            rows.clear();
            stated_in_line(line, start, &mut out);
            continue;
        }
        // Every default a row states is in inline code, but in a library's table of defaults
        // (`함수 | 인자 | 기본값`), whose rows may name all three plainly (`| KNNImputer |
        // n_neighbors | 5 |`).
        if in_table && !line.contains('`') && !library {
            continue;
        }
        let mut cells = cells_of(line, start);
        // `| 〃 | `min_fit_clients` | 2 |`: the row's function is the one above.
        if in_table
            && let (Some(cell), Some(&(above, _, _))) = (cells.first_mut(), rows.last())
            && super::tables::is_ditto(cell.0)
        {
            cell.0 = above;
        }
        if !in_table {
            // The header row, until its delimiter row starts the body.
            if cells
                .iter()
                .all(|(c, _)| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':')))
            {
                in_table = true;
            } else {
                header = cells.iter().map(|(c, _)| *c).collect();
                library = library_table(&header);
            }
            continue;
        }
        let from = out.len();
        stated_in_row(&header, &cells, heading_says, &mut out);
        if let Some(&(first, _)) = cells.first() {
            // Rows of one function giving its parameters one by one (`| `DBSCAN` | eps |`,
            // `| `DBSCAN` | min_samples |`) are no ambiguity: only a parameter both give is.
            for &(_, a, b) in rows.iter().filter(|(f, _, _)| *f == first) {
                let shared =
                    |d: &DefaultValue| out[from..].iter().any(|n| n.parameter == d.parameter);
                if out[a..b].iter().any(shared) {
                    ambiguous.extend(
                        out[a..b]
                            .iter()
                            .chain(&out[from..])
                            .map(|d| d.value.clone()),
                    );
                }
            }
            rows.push((first, from, out.len()));
        }
    }
    if !ambiguous.is_empty() {
        out.retain(|d| !ambiguous.contains(&d.value));
    }
    out
}

/// The cells of a table row, trimmed, each with its byte offset in the note.
fn cells_of(line: &str, start: usize) -> Vec<(&str, usize)> {
    let mut out = Vec::new();
    let mut from = None;
    let mut code = false;
    let bytes = line.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'`' => code = !code,
            b'|' if !code && (i == 0 || bytes[i - 1] != b'\\') => {
                if let Some(f) = from {
                    let cell: &str = &line[f..i];
                    let lead = cell.len() - cell.trim_start().len();
                    out.push((cell.trim(), start + f + lead));
                }
                from = Some(i + 1);
            }
            _ => {}
        }
    }
    out
}

/// Defaults a table row states: a `parameter` row's cell in a `기본값` column, the same of a
/// row naming a subject and then its `parameter` in a cell of its own (its default), or a
/// `parameter=value` cell in a row or column about defaults (`sklearn 기본 반복`).
fn stated_in_row<'t>(
    header: &[&'t str],
    cells: &[(&'t str, usize)],
    about_defaults: bool,
    out: &mut Vec<DefaultValue<'t>>,
) {
    let Some(&(first, _)) = cells.first() else {
        return;
    };
    let row_about_defaults = says_default(first);
    // `| **`calibration_curve`** | `n_bins` | `10` |`: a row naming a subject, then its
    // parameter alone in a cell of another column, then the default. Under a column naming
    // arguments (`함수 | 인자 | 기본값`) the parameter may be plain: `| `DBSCAN` |
    // min_samples | 5 |`, and the function in code is then the row's subject.
    let parameter_in = |(j, &(cell, _)): (usize, &(&'t str, usize))| -> Option<&'t str> {
        let column = header.get(j).copied().unwrap_or("");
        if says_default(column) {
            return None;
        }
        code_only_parameter(cell).or_else(|| {
            let plain = cell.trim_matches('*');
            (header_names(column, ARGUMENT_HEADERS) && names_argument(plain)).then_some(plain)
        })
    };
    let in_other_cell = cells.iter().enumerate().skip(1).find_map(parameter_in);
    let row_parameter = code_only_parameter(first).filter(|_| {
        in_other_cell.is_none()
            || !header
                .first()
                .is_some_and(|h| header_names(h, FUNCTION_HEADERS))
    });
    let named_parameter = if row_parameter.is_none() && !row_about_defaults {
        in_other_cell
    } else {
        None
    };
    let assigned_in_row: Vec<&str> = cells
        .iter()
        .skip(1)
        .flat_map(|&(cell, at)| assignments(cell, at))
        .map(|(parameter, _)| parameter)
        .collect();
    for (j, &(cell, at)) in cells.iter().enumerate().skip(1) {
        let column = header.get(j).copied().unwrap_or("");
        let span = at..at + cell.len();
        // The row's parameter, the row's own default; the one a cell names, its subject's.
        let row_default = row_parameter
            .map(|p| (p, None))
            .or(named_parameter.map(|p| (p, Some(first))));
        if let Some((parameter, owner)) = row_default
            && says_default(column)
            && let Some(n) = value_at(cell.trim_start_matches(['*', '`']))
        {
            let lead = cell.len() - cell.trim_start_matches(['*', '`']).len();
            out.push(DefaultValue {
                parameter,
                attribute: Some(column.trim_matches('*').trim().to_string()),
                value: at + lead..at + lead + n,
                span,
                cell: true,
                owner,
                column: None,
            });
            continue;
        }
        if about_defaults || row_about_defaults || says_default(column) {
            for (parameter, value) in assignments(cell, at) {
                // `learning_rate=0.3` | `learning_rate=0.1` across a row: each column's
                // subject has its own, and which is whose is the table's to say.
                if assigned_in_row.iter().filter(|p| **p == parameter).count() > 1 {
                    continue;
                }
                out.push(DefaultValue {
                    parameter,
                    attribute: None,
                    value,
                    span: span.clone(),
                    cell: true,
                    // A row naming a subject (`| **SAM** | … | `rho=0.5` |`), not one
                    // saying it holds defaults (`sklearn 기본 반복`, its columns the subjects).
                    owner: (!row_about_defaults && !first.is_empty()).then_some(first),
                    column: (!column.is_empty()).then_some(column),
                });
            }
        }
    }
}

/// Column headers naming arguments (`인자`, `파라미터`, `parameter`).
const ARGUMENT_HEADERS: &[&str] = &[
    "인자",
    "파라미터",
    "매개변수",
    "하이퍼파라미터",
    "parameter",
    "argument",
    "param",
    "arg",
];

/// Column headers naming functions or classes (`함수`, `클래스`, `function`).
const FUNCTION_HEADERS: &[&str] = &[
    "함수",
    "클래스",
    "메서드",
    "function",
    "class",
    "method",
    "api",
    "estimator",
];

/// Whether a column's header is one of `words`, or its plural in English.
fn header_names(header: &str, words: &[&str]) -> bool {
    let h = header.trim_matches('*').trim();
    words
        .iter()
        .any(|w| h.eq_ignore_ascii_case(w) || h.to_ascii_lowercase() == format!("{w}s"))
}

/// Whether a table's header is a library's table of defaults: functions first, then their
/// arguments, then a column of defaults (`함수 | 인자 | 기본값 | 메모`).
fn library_table(header: &[&str]) -> bool {
    header
        .first()
        .is_some_and(|h| header_names(h, FUNCTION_HEADERS))
        && header.iter().any(|h| header_names(h, ARGUMENT_HEADERS))
        && header.iter().any(|h| says_default(h))
}

/// The parameter a cell holds in inline code and nothing else (`` `n_bins` ``).
fn code_only_parameter(cell: &str) -> Option<&str> {
    code_spans(cell)
        .next()
        .filter(|(code, at)| *at == 1 && code.len() + 2 == cell.len() && is_parameter(code))
        .map(|(code, _)| code)
}

/// Defaults a line outside tables states: `` `n_repeats` 기본값 **5** ``, `` `eta` (기본 0.3)
/// ``, or `` `n_changepoints=25` `` in a line that says it is the default (`기본적으로`); or a
/// bullet labelling a parameter in bold (`- **min_samples (MinPts)**: 최소 이웃 수, 기본값 4`);
/// or, in a line without code, one [`plain_default`] reads.
fn stated_in_line<'t>(line: &'t str, start: usize, out: &mut Vec<DefaultValue<'t>>) {
    let labelled = labelled_default(line);
    if labelled.is_none() && !line.contains('`') {
        // `Adam 기본 betas가 (0.5, 0.999)라서`: the parameter and its owner written plainly;
        // or the parameter before the word (`top_k 기본값이 **40**`).
        let before = || {
            named_before_default(line)
                .into_iter()
                .next()
                .map(|(parameter, value)| (None, parameter, value))
        };
        if let Some((owner, parameter, value)) = plain_default(line).or_else(before) {
            out.push(DefaultValue {
                parameter,
                attribute: None,
                value: start + value.start..start + value.end,
                span: start + (line.len() - line.trim_start().len())..start + line.len(),
                cell: false,
                owner,
                column: None,
            });
        }
        return;
    }
    let span = start + (line.len() - line.trim_start().len())..start + line.len();
    // `` `calibration_curve` 기본 `n_bins=5` ``: a function named before the default word
    // owns the defaults the line sets, as a table row naming it does.
    let owner = code_spans(line).find_map(|(code, at)| {
        let after = &line[at + code.len() + 1..];
        (is_parameter(code)
            && after_default_word(after).is_some()
            && default_after(after).is_none())
        .then_some(code)
    });
    let mut seen: Vec<&str> = Vec::new();
    let mut push = |parameter: &'t str, value: Span, out: &mut Vec<DefaultValue<'t>>| {
        // One statement per parameter a line: `lr=0.1` then `lr=0.01` is a change, not two
        // defaults.
        if seen.contains(&parameter) {
            out.retain(|d| d.parameter != parameter || d.span != span);
            return;
        }
        seen.push(parameter);
        out.push(DefaultValue {
            parameter,
            attribute: None,
            value,
            span: span.clone(),
            cell: false,
            owner,
            column: None,
        });
    };
    let labelled_parameter = labelled.as_ref().map(|(p, _)| *p);
    if let Some((parameter, value)) = labelled {
        push(parameter, start + value.start..start + value.end, out);
    }
    for (code, at) in code_spans(line) {
        if is_parameter(code) {
            let after = &line[at + code.len() + 1..];
            if let Some((from, len)) = default_after(after) {
                let value_at = start + at + code.len() + 1 + from;
                push(code, value_at..value_at + len, out);
            }
        }
    }
    // `` HF `generate()`는 top_k 기본값이 **40**이라서 ``: a plain name beside code.
    for (parameter, value) in named_before_default(line) {
        if line[..value.start].matches('`').count().is_multiple_of(2) {
            push(parameter, start + value.start..start + value.end, out);
        }
    }
    if says_default(line) {
        // After a label giving the default (`**first_order 기본값**: `True``), setting the
        // parameter in code (`… 원하면 `first_order=False` 명시`) is how to change it.
        for (parameter, value) in assignments(line, start) {
            if labelled_parameter == Some(parameter) || default_of_another(line, parameter) {
                continue;
            }
            // `` `prefix_projection=True` (기본값 False) ``: the code sets a value, the words
            // after it give the default.
            let after = line
                .get(value.end - start..)
                .and_then(|a| a.strip_prefix('`'))
                .and_then(|a| default_after(a).map(|(from, len)| (a, from, len)));
            match after {
                Some((a, from, len)) => {
                    let at = start + line.len() - a.len() + from;
                    push(parameter, at..at + len, out);
                }
                None => push(parameter, value, out),
            }
        }
    }
}
