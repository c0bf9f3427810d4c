//! Claims (subject › attribute = value) from labelled bullets, formula lines, code blocks and
//! quantities a sentence states (`지니 불순도 최댓값은 **0.5**`), for the checker's conflict
//! rules. Table cells make theirs in [`super::tables`].

use super::Builder;
use super::facts::name_key;
use super::labels::{Label, label_of};
use super::tables::is_hangul;
use crate::tree::{Block, Kind, Plain};
use crate::{Claim, ClaimOrigin, SectionKind, Span, math};
use pulldown_cmark::Event;
use std::ops::Range;

impl<'t, 'a> Builder<'t, 'a> {
    /// Claims from labelled bullets (any depth) and formula bullets of a list.
    pub(super) fn list_claims(&mut self, sec: Option<usize>, list: &Block) {
        let mut lead = self.spare_plain();
        for item in list.children.iter().filter(|c| c.kind == Kind::Item) {
            let (lead_range, rest) = self.tree.item_lead(item);
            let lead_evs = self.tree.events.get(lead_range).unwrap_or_default();
            lead.fill(self.text, lead_evs);
            let label = label_of(&lead, !rest.is_empty());
            self.item_claims(sec, &lead, label.as_ref(), rest);
        }
        self.spare_plains.push(lead);
    }

    /// The claim of one list item (labelled value or formula), then of its nested lists.
    pub(super) fn item_claims(
        &mut self,
        sec: Option<usize>,
        lead: &Plain,
        label: Option<&Label>,
        rest: &[Block],
    ) {
        {
            self.measured_claims(lead, label);
            if let Some(label) = label {
                let value = lead.text[label.value_start.min(lead.text.len())..].trim();
                if !value.is_empty() && !label.plain_label {
                    let vstart = lead.text.len()
                        - lead.text[label.value_start.min(lead.text.len())..]
                            .trim_start()
                            .len();
                    let mut vrange = vstart..vstart + value.len();
                    let mut subject = self.subject(sec);
                    // `**파라미터 수**: DenseNet-121 8.0M` under DenseNet: the variant's.
                    if let Some((name, amount)) = named_variant(&subject, value) {
                        subject = lead.text[vstart + name.start..vstart + name.end].to_string();
                        vrange = vstart + amount.start..vstart + amount.end;
                    }
                    let value = &lead.text[vrange.clone()];
                    if let Some(value_span) = lead.exact_src_span(self.text, &vrange) {
                        self.doc.claims.push(Claim {
                            subject,
                            attribute: math::tex_only(&label.text),
                            value: math::tex_only(value),
                            origin: ClaimOrigin::Bullet,
                            span: lead.span.clone(),
                            value_span,
                        });
                    }
                }
            } else {
                self.formula_claim(sec, lead, lead.span.clone());
                self.sentence_claims(lead);
            }
            self.counted_claims(sec, lead, label);
            for c in rest {
                match c.kind {
                    Kind::List => self.list_claims(sec, c),
                    Kind::CodeBlock => self.code_claims(sec, c),
                    _ => {}
                }
            }
        }
    }

    /// `BF16 (Brain Floating Point): 부호 1비트, 지수 8비트, 가수 7비트 → …`: a name's
    /// measures, each a claim `BF16 › 가수 = 7` that a comparison table's `가수` column of
    /// the BF16 row meets (its cells hold the bare number, so the unit is left out).
    fn measured_claims(&mut self, lead: &Plain, label: Option<&Label>) {
        let t = &lead.text;
        // Asked of every bullet: most hold no digit.
        if !t.as_bytes().iter().any(u8::is_ascii_digit) {
            return;
        }
        // The name is the bullet's label, bold or not (`FP16: …`).
        let (name, from) = match label {
            Some(l) => (l.text.trim(), l.value_start.min(t.len())),
            None => match t.split_once(": ") {
                Some((head, _)) if head.chars().count() <= 40 => (head.trim(), head.len() + 2),
                _ => return,
            },
        };
        if !name.bytes().any(|b| b.is_ascii_alphabetic()) {
            return;
        }
        let value = &t[from..];
        let value = value.split(" → ").next().unwrap_or(value);
        let mut measures = Vec::new();
        let mut at = from;
        for part in value.split(", ") {
            let start = at + (part.len() - part.trim_start().len());
            at += part.len() + 2;
            let mut part = part.trim();
            // `엣지 10,556개 (PyG 양방향 저장)`: an aside after the amount.
            if part.ends_with(')')
                && let Some(open) = part.rfind(" (")
            {
                part = part[..open].trim_end();
            }
            let Some((attribute, amount)) = part.rsplit_once(' ') else {
                return;
            };
            // `2,708개`: digits grouped by thousands.
            let digits = amount
                .bytes()
                .take_while(|b| b.is_ascii_digit() || *b == b'.' || *b == b',')
                .count();
            let digits = amount[..digits].trim_end_matches(',').len();
            let unit = &amount[digits..];
            let counted = digits > 0
                && unit.chars().count() <= 3
                && unit
                    .chars()
                    .all(|c| super::tables::is_hangul(c) || c.is_ascii_alphabetic());
            if !counted || attribute.is_empty() || attribute.chars().count() > 12 {
                return;
            }
            let number_at = start + part.len() - amount.len();
            measures.push((attribute.to_string(), number_at..number_at + digits));
        }
        if measures.len() < 2 {
            return;
        }
        for (attribute, range) in measures {
            let Some(value_span) = lead.exact_src_span(self.text, &range) else {
                continue;
            };
            self.doc.claims.push(Claim {
                subject: name.to_string(),
                attribute,
                value: t[range].to_string(),
                origin: ClaimOrigin::Bullet,
                span: lead.span.clone(),
                value_span,
            });
        }
    }

    /// `ΔW = **A × B**`: a short math-like left side, a short right side, no Hangul.
    pub(super) fn formula_claim(&mut self, sec: Option<usize>, plain: &Plain, span: Span) {
        let t = &plain.text;
        let Some(first) = t.find('=') else {
            return;
        };
        let eq = t.find(" = ").unwrap_or(first);
        let lhs = t[..eq].trim();
        let rhs_start = eq + if t[eq..].starts_with(" = ") { 3 } else { 1 };
        let rhs = t[rhs_start..].trim();
        if !is_formula_side(lhs, 10) || !is_formula_side(rhs, 40) || rhs.contains('=') {
            return;
        }
        let lead = t[rhs_start..].len() - t[rhs_start..].trim_start().len();
        let vrange = rhs_start + lead..rhs_start + lead + rhs.len();
        // A value the checker could not point at exactly (inside a code span over two
        // lines, across an HTML comment) is no claim.
        let Some(value_span) = plain.exact_src_span(self.text, &vrange) else {
            return;
        };
        let subject = self.subject(sec);
        self.doc.claims.push(Claim {
            subject,
            attribute: math::tex_only(lhs),
            value: math::tex_only(rhs),
            origin: ClaimOrigin::Formula,
            span,
            value_span,
        });
    }

    /// Formula claims from the lines of a code block (`y' = (W + BA)x`).
    pub(super) fn code_claims(&mut self, sec: Option<usize>, b: &Block) {
        for e in self.tree.inner(b) {
            let Event::Text(t) = &e.ev else { continue };
            let exact = self.text.get(e.span.clone()) == Some(t.as_ref());
            let mut off = 0;
            for line in t.split_inclusive('\n') {
                let content = line.trim_end_matches(['\n', '\r']);
                // `strategy = fl.server.strategy.FedAvg(` opens a call, `strategy=strategy,`
                // passes an argument in one: neither gives a name its value.
                if content.trim_end().ends_with(['(', ',', '[', '{']) {
                    off += line.len();
                    continue;
                }
                let start = if exact {
                    e.span.start + off
                } else {
                    e.span.start
                };
                let plain = Plain {
                    text: content.to_string(),
                    map: vec![(0, crate::tree::plain_offset(start), exact)],
                    span: start..start + if exact { content.len() } else { 0 },
                    ..Plain::default()
                };
                self.formula_claim(sec, &plain, plain.span.clone());
                off += line.len();
            }
        }
    }
}

impl Builder<'_, '_> {
    /// A count a bullet says in passing (`**구조**: **80개**의 고품질 multi-turn(2턴) 질문`,
    /// `질문 80개`, `8개 카테고리`): its topic's `질문 = 80개`, a claim only where a table of the
    /// note counts the topic's 질문 in a `질문 수` row or column ([`settle_stated`]). Said in
    /// passing, a count is too loose to hold against other bullets (a base and a large
    /// model's layers under one topic); the table's count is what the bullet must agree with.
    fn counted_claims(&mut self, sec: Option<usize>, lead: &Plain, label: Option<&Label>) {
        let t = &lead.text;
        let from = label.map_or(0, |l| l.value_start.min(t.len()));
        // Asked of every bullet: most count nothing.
        if !t[from..].contains("개") || !t.as_bytes()[from..].iter().any(u8::is_ascii_digit) {
            return;
        }
        let text = self.text;
        let counting = *self.counting_table.get_or_insert_with(|| {
            // `질문 수`, `개수`, bold or not; not `손실함수`.
            text.lines().any(|l| {
                l.trim_start().starts_with('|')
                    && [" 수 |", " 수** |", "개수 |", "개수** |"]
                        .iter()
                        .any(|c| l.contains(c))
            })
        });
        if !counting {
            return;
        }
        let mut subject: Option<String> = None;
        for words in clauses(t, from) {
            let mut counts = words
                .iter()
                .enumerate()
                .filter(|(_, (_, w))| count_of(w).is_some());
            let (Some((i, &(at, word))), None) = (counts.next(), counts.next()) else {
                continue;
            };
            let last = words.len() - 1;
            let noun = if word.ends_with("개의") && i < last {
                words[last].1
            } else if word.ends_with("개의") {
                continue;
            } else if i == last && i > 0 {
                words[i - 1].1
            } else if i + 1 == last {
                words[last].1
            } else {
                continue;
            };
            let noun = noun.trim_end_matches(['.', ':']);
            if noun.chars().count() < 2 || !noun.chars().all(|c| c.is_alphabetic() || c == '-') {
                continue;
            }
            let Some(digits) = count_of(word) else {
                continue;
            };
            let vrange = at..at + digits + "개".len();
            let Some(value_span) = lead.exact_src_span(self.text, &vrange) else {
                continue;
            };
            let subject = subject.get_or_insert_with(|| self.subject(sec)).clone();
            if subject.is_empty() {
                return;
            }
            let line = self.lines.line_of(lead.span.start) + 1;
            self.stated.push(Stated {
                subjects: vec![subject],
                claim: Claim {
                    subject: String::new(),
                    attribute: noun.to_string(),
                    value: t[vrange].to_string(),
                    origin: ClaimOrigin::Bullet,
                    span: lead.span.clone(),
                    value_span,
                },
                counted: true,
                line,
            });
        }
    }
}

/// A labelled value naming a variant of the topic before its amount (`DenseNet-121 8.0M`
/// under DenseNet, `ResNet-50 25.6M, 4.1 GFLOPs` under ResNet): the name's range and the
/// first amount's, in `value`. A comparison table's row of that variant states the same
/// attribute of it, not of the topic.
fn named_variant(topic: &str, value: &str) -> Option<(Range<usize>, Range<usize>)> {
    let (name, rest) = value.split_once(' ')?;
    // Asked of every labelled value: most have no amount right after their first word.
    if !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let squashed = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (topic, variant) = (squashed(topic), squashed(name));
    if topic.is_empty() || variant.len() <= topic.len() || !variant.starts_with(&topic) {
        return None;
    }
    let end = [", ", " (", " → ", " / "]
        .iter()
        .filter_map(|sep| rest.find(sep))
        .min()
        .unwrap_or(rest.len());
    let from = name.len() + 1;
    Some((0..name.len(), from..from + rest[..end].trim_end().len()))
}

/// The digits of a count word (`80개`, `80개의`): their length.
fn count_of(word: &str) -> Option<usize> {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &word[digits..];
    (digits > 0 && (rest == "개" || rest == "개의")).then_some(digits)
}

/// The clauses of `t` from byte `from` on (parted by `,`, `;` and `→` outside parentheses),
/// each as its words outside parentheses with their byte offsets in `t`.
fn clauses(t: &str, from: usize) -> Vec<Vec<(usize, &str)>> {
    fn end_word<'t>(
        t: &'t str,
        out: &mut [Vec<(usize, &'t str)>],
        start: Option<usize>,
        end: usize,
    ) {
        if let Some(s) = start
            && s < end
            && let Some(clause) = out.last_mut()
        {
            clause.push((s, &t[s..end]));
        }
    }
    let mut out = vec![Vec::new()];
    let mut depth = 0usize;
    let mut word: Option<usize> = None;
    for (i, c) in t[from..].char_indices() {
        let i = i + from;
        match c {
            '(' | '（' => {
                end_word(t, &mut out, word.take(), i);
                depth += 1;
            }
            ')' | '）' => depth = depth.saturating_sub(1),
            ',' | ';' | '→' if depth == 0 => {
                end_word(t, &mut out, word.take(), i);
                out.push(Vec::new());
            }
            c if c.is_whitespace() => end_word(t, &mut out, word.take(), i),
            _ if depth == 0 && word.is_none() => word = Some(i),
            _ => {}
        }
    }
    end_word(t, &mut out, word.take(), t.len());
    out.retain(|c| !c.is_empty());
    out
}

/// A quantity a sentence states (`이진 분류에서 지니 불순도 최댓값은 **0.5**`): the claim, its
/// attribute the word before `은`/`는` (`최댓값`), and the words before that which may name its
/// subject, longest first (`분류에서 지니 불순도`, `지니 불순도`, `불순도`). Which of them names a
/// subject is known once the whole note is read ([`settle_stated`]).
pub(super) struct Stated {
    subjects: Vec<String>,
    claim: Claim,
    /// A count said in passing ([`Builder::counted_claims`]): a claim only where a table
    /// cell of the note has its key, its attribute taken from that cell.
    counted: bool,
    /// 1-based line of the sentence.
    line: usize,
}

/// `은 ` and `는 `, after which a sentence states a value, as byte searches built once.
static PARTICLES: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 2]> =
    std::sync::LazyLock::new(|| {
        [
            memchr::memmem::Finder::new("은 "),
            memchr::memmem::Finder::new("는 "),
        ]
    });

/// Most words of a stated subject.
const STATED_SUBJECT_MAX_WORDS: usize = 3;

impl Builder<'_, '_> {
    /// The quantities a sentence states of a subject ([`Stated`]): the value is what follows
    /// `은 `/`는 `, bold or a number with its unit, and holds a digit.
    fn sentence_claims(&mut self, lead: &Plain) {
        let t = &lead.text;
        let bytes = t.as_bytes();
        // Most lines state no number at all: a quick look for a digit first. Then a stated
        // value follows `은 ` or `는 ` and is a bold part or a number, found by a byte search.
        if !bytes.iter().any(u8::is_ascii_digit) {
            return;
        }
        let places: Vec<usize> = PARTICLES
            .iter()
            .flat_map(|f| f.find_iter(bytes).map(|at| at + f.needle().len()))
            .filter(|&v| {
                bytes.get(v).is_some_and(u8::is_ascii_digit)
                    || lead.strong.iter().any(|s| s.start == v)
            })
            .collect();
        for vstart in places {
            let bold = lead.strong.iter().find(|s| s.start == vstart).cloned();
            let p = vstart - "은 ".len();
            let vrange = match bold {
                Some(s) => s,
                None => {
                    let digits = t[vstart..]
                        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                        .unwrap_or(t.len() - vstart);
                    let unit = t[vstart + digits..]
                        .chars()
                        .take_while(|&c| is_hangul(c) || c == '%')
                        .take(3)
                        .map(char::len_utf8)
                        .sum::<usize>();
                    vstart..vstart + digits + unit
                }
            };
            let value = t[vrange.clone()].trim();
            if !value.bytes().any(|b| b.is_ascii_digit()) {
                continue;
            }
            let clause_start = t[..p].rfind(", ").map_or(0, |c| c + 2);
            let words: Vec<&str> = t[clause_start..p].split_whitespace().collect();
            let Some((attribute, before)) = words.split_last() else {
                continue;
            };
            if before.is_empty() || attribute.chars().count() < 2 {
                continue;
            }
            let Some(value_span) = lead.exact_src_span(self.text, &vrange) else {
                continue;
            };
            let subjects = (1..=before.len().min(STATED_SUBJECT_MAX_WORDS))
                .rev()
                .map(|n| before[before.len() - n..].join(" "))
                .collect();
            let line = self.lines.line_of(lead.span.start) + 1;
            self.stated.push(Stated {
                line,
                subjects,
                counted: false,
                claim: Claim {
                    subject: String::new(),
                    attribute: attribute.to_string(),
                    value: math::tex_only(value),
                    origin: ClaimOrigin::Bullet,
                    span: lead.span.clone(),
                    value_span,
                },
            });
        }
    }
}

/// Give each stated quantity ([`Stated`]) the subject its words name: the longest of them
/// that is a table row's subject or a topic's title in the note. One naming none is no
/// claim: a sentence's words are mostly not names. Returns the claims' places in
/// [`crate::Document::claims`], each with its line.
pub(super) fn settle_stated(doc: &mut crate::Document, stated: Vec<Stated>) -> Vec<(usize, usize)> {
    if stated.is_empty() {
        return Vec::new();
    }
    let mut names: Vec<String> = doc
        .claims
        .iter()
        .filter(|c| c.origin == ClaimOrigin::TableCell)
        .map(|c| name_key(&c.subject))
        .chain(
            doc.sections
                .iter()
                .filter(|s| s.kind == SectionKind::Topic)
                .map(|s| name_key(&s.title)),
        )
        .collect();
    names.sort_unstable();
    names.dedup();
    // The table cells' (subject, attribute) keys with their attributes, for the counts.
    let cells: Vec<(String, String, &str)> = if stated.iter().any(|s| s.counted) {
        doc.claims
            .iter()
            .filter(|c| c.origin == ClaimOrigin::TableCell)
            .map(|c| {
                (
                    name_key(&c.subject),
                    name_key(&c.attribute),
                    c.attribute.as_str(),
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut settled: Vec<(Claim, usize)> = Vec::new();
    for Stated {
        subjects,
        mut claim,
        line,
        counted,
    } in stated
    {
        if counted {
            // `질문` counts what a `질문 수` (or `질문 개수`) row of the subject says.
            let noun = name_key(&claim.attribute);
            let Some(subject) = subjects.into_iter().next() else {
                continue;
            };
            let key = name_key(&subject);
            let Some((_, _, attribute)) = cells.iter().find(|(s, a, _)| {
                *s == key
                    && a.strip_prefix(noun.as_str())
                        .is_some_and(|n| n == "수" || n == "개수")
            }) else {
                continue;
            };
            claim.attribute = attribute.to_string();
            claim.subject = subject;
            settled.push((claim, line));
            continue;
        }
        let Some(subject) = subjects
            .into_iter()
            .find(|s| names.binary_search(&name_key(s)).is_ok())
        else {
            continue;
        };
        claim.subject = subject;
        settled.push((claim, line));
    }
    if settled.is_empty() {
        return Vec::new();
    }
    // In source order among the others: the checker reports the later of two clashing
    // claims, so the table contradicting a sentence above it is the one underlined.
    let old = std::mem::take(&mut doc.claims);
    let mut out = Vec::with_capacity(settled.len());
    let mut old = old.into_iter().peekable();
    for (claim, line) in settled {
        while let Some(c) = old.next_if(|c| c.span.start <= claim.span.start) {
            doc.claims.push(c);
        }
        out.push((doc.claims.len(), line));
        doc.claims.push(claim);
    }
    doc.claims.extend(old);
    out
}

/// The setting a value opening on `True` or `False` (any case) gives a flag.
pub(super) fn flag_value(value: &str) -> Option<bool> {
    let first = value.split_whitespace().next()?;
    if first.eq_ignore_ascii_case("true") {
        Some(true)
    } else if first.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

fn is_formula_side(s: &str, max: usize) -> bool {
    let n = s.chars().count();
    n > 0
        && n <= max
        && !s.chars().any(is_hangul)
        && s.chars().any(|c| c.is_alphabetic())
        && (max > 10 || !s.contains(' '))
}
