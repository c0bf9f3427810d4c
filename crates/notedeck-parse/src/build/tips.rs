//! Tips (`📌 **암기 팁**`, `**Exam tip:**`, quotes): a cloze card per line, hiding its bold
//! parts or what follows its first `=`, `:` or `→`.

use super::cards::prose_reason;
use super::{Builder, CardDraft};
use crate::tree::{self, Block, Ev, Evs, Kind, Plain};
use crate::{CardKind, Deletion, SectionKind, Span};
use pulldown_cmark::{Event, Tag, TagEnd};

impl<'t, 'a> Builder<'t, 'a> {
    /// 📌 tips, `**Exam tip:**` paragraphs and quotes: a cloze card per item.
    pub(super) fn tip_content(&mut self, sec: Option<usize>, title: &str, b: &'t Block) {
        match b.kind {
            Kind::List => {
                for item in b.children.iter().filter(|c| c.kind == Kind::Item) {
                    let (lead_range, rest) = self.tree.item_lead(item);
                    let evs = self.tree.events.get(lead_range).unwrap_or_default();
                    let plain = Plain::of(self.text, evs);
                    if let Some(c) = cloze(evs, &plain, &self.copies) {
                        self.push_cloze(sec, c, item.span.clone());
                    } else if !rest.is_empty() {
                        // `- Surrogate 모델` + nested list after a tip: an ordinary labelled item.
                        self.labelled_cards(sec, std::slice::from_ref(item));
                    } else {
                        self.skip(
                            item.span.clone(),
                            "tip line with nothing to hide (no bold part and no `=`, `:` or `→`)",
                        );
                    }
                }
            }
            Kind::BlockQuote => {
                for p in &b.children {
                    match p.kind {
                        Kind::Paragraph => {
                            self.tip_item(sec, title, self.tree.inner(p), p.span.clone());
                        }
                        Kind::List => self.tip_content(sec, title, p),
                        _ => {}
                    }
                }
            }
            Kind::Paragraph => {
                self.tip_item(sec, title, self.tree.inner(b), b.span.clone());
            }
            _ => {}
        }
    }

    /// One tip line as a cloze card; when it has nothing to hide, a basic card under the tip's
    /// title (for a paragraph) or a skipped entry. Returns whether a card was made.
    pub(super) fn tip_item(
        &mut self,
        sec: Option<usize>,
        title: &str,
        evs: Evs<'_>,
        span: Span,
    ) -> bool {
        let plain = Plain::of(self.text, evs);
        if plain.text.trim().is_empty() {
            return false;
        }
        if let Some(c) = cloze(evs, &plain, &self.copies) {
            self.push_cloze(sec, c, span);
            return true;
        }
        if !title.is_empty() && prose_reason(plain.text.trim()).is_none() {
            let mut back = String::new();
            tree::render(evs, &mut back, &self.copies);
            let front = self.front(sec, &[title]);
            self.push_card(CardDraft {
                kind: CardKind::Basic,
                sec,
                key: title.to_string(),
                front,
                back,
                cloze: Vec::new(),
                span: span.clone(),
                pin_at: Some(span.start),
                pin_line: None,
            });
            return true;
        }
        self.skip(
            span,
            "tip line with nothing to hide (no bold part and no `=`, `:` or `→`)",
        );
        false
    }

    fn push_cloze(&mut self, sec: Option<usize>, cloze: Cloze, span: Span) {
        let context = self.tip_context(sec, &cloze.key);
        let before = self.raw_cards.len();
        self.push_card(CardDraft {
            kind: CardKind::Cloze,
            sec,
            key: cloze.key,
            front: cloze.front,
            back: String::new(),
            cloze: cloze.deletions,
            span: span.clone(),
            pin_at: Some(span.start),
            pin_line: None,
        });
        if let Some(raw) = self.raw_cards.get_mut(before) {
            raw.card.context = context;
        }
    }

    /// What a tip line is shown under. A line whose subject names a topic (`LSTM = …`,
    /// `GRU = …`) is shown under that topic; any other line of tips that close a problem
    /// (after its last topic, where the heading above them is not what they are about) under
    /// the problem. Only the shown context moves; the id still comes from where the line sits.
    fn tip_context(&mut self, sec: Option<usize>, key: &str) -> Option<std::sync::Arc<[String]>> {
        let subject = key
            .split(['=', '→', ':'])
            .next()
            .unwrap_or("")
            .trim()
            .trim_matches(['“', '”', '"', '\'', '…', ' ']);
        let topic = if subject.is_empty() {
            None
        } else {
            self.topic_named(subject, sec)
        };
        let shown = match topic {
            Some(t) => t,
            None if self.closes_problem(sec) => self.problem_of(sec)?,
            None => return None,
        };
        (Some(shown) != sec).then(|| self.path(Some(shown)))
    }

    /// Whether `sec` is in the last of several topics of its problem, where a problem's
    /// closing tips sit (a tip inside an earlier topic is about that topic).
    fn closes_problem(&self, sec: Option<usize>) -> bool {
        let sections = &self.doc.sections;
        let mut topic = sec;
        while let Some(t) = topic {
            if sections[t].kind == SectionKind::Topic {
                break;
            }
            topic = sections[t].parent;
        }
        let Some(topic) = topic else {
            return false;
        };
        // Sections are in document order and a problem's run ends at the next problem.
        fn topic_before_problem<'s>(mut run: impl Iterator<Item = &'s crate::Section>) -> bool {
            run.find(|s| matches!(s.kind, SectionKind::Topic | SectionKind::Problem))
                .is_some_and(|s| s.kind == SectionKind::Topic)
        }
        !topic_before_problem(sections[topic + 1..].iter())
            && topic_before_problem(sections[..topic].iter().rev())
    }
}

/// `📌 **암기 팁**` or `**Exam tip:**` / `**Exam keywords**:` → the tip's title.
pub(super) fn tip_title(plain: &Plain) -> Option<String> {
    let t = plain.text.trim();
    if let Some(rest) = t.strip_prefix('📌') {
        let title = rest.trim().trim_end_matches(':').trim();
        return Some(if title.is_empty() {
            "팁".into()
        } else {
            title.to_string()
        });
    }
    let lower = t.to_lowercase();
    let bold_start = plain
        .strong
        .first()
        .is_some_and(|s| plain.text[..s.start].trim().is_empty());
    if bold_start
        && (lower.starts_with("exam tip") || lower.starts_with("exam keyword"))
        && t.ends_with(':')
    {
        return Some(
            t.trim_end_matches(':')
                .trim_end_matches('*')
                .trim()
                .to_string(),
        );
    }
    None
}

/// A tip line as a cloze card.
struct Cloze {
    /// The whole line as HTML.
    front: String,
    /// The parts of `front` to hide.
    deletions: Vec<Deletion>,
    /// The line with its hidden parts as `…`: the question, not the answer, names the card.
    key: String,
}

/// Build a cloze front for a tip line: hide the bold parts other than a leading subject;
/// failing that, everything after the first `=`, `:` or `→`.
fn cloze(evs: Evs, plain: &Plain, copies: &[Span]) -> Option<Cloze> {
    let t = &plain.text;
    let lead_ws = t.len() - t.trim_start().len();
    let leading = plain.strong.first().filter(|s| s.start <= lead_ws).cloned();
    let hidden: Vec<usize> = plain
        .strong
        .iter()
        .enumerate()
        .filter(|(_, s)| Some(*s) != leading.as_ref() && !t[(*s).clone()].trim().is_empty())
        .map(|(i, _)| i)
        .collect();
    let mut out: Vec<Ev> = Vec::with_capacity(evs.len() + 4);
    let key: String;
    if !hidden.is_empty() {
        let mut strong_i = 0usize;
        let mut depth = 0usize;
        let mut n = 0u32;
        let mut open = false;
        for e in evs {
            match e.ev {
                Event::Start(Tag::Strong) => {
                    if depth == 0 && hidden.contains(&strong_i) {
                        n += 1;
                        out.push(Ev {
                            ev: tree::cloze_open(n),
                            span: e.span.start..e.span.start,
                        });
                        open = true;
                    }
                    depth += 1;
                    out.push(Ev {
                        ev: e.ev.clone(),
                        span: e.span.clone(),
                    });
                }
                Event::End(TagEnd::Strong) => {
                    depth = depth.saturating_sub(1);
                    out.push(Ev {
                        ev: e.ev.clone(),
                        span: e.span.clone(),
                    });
                    if depth == 0 {
                        if open {
                            out.push(Ev {
                                ev: tree::cloze_close(),
                                span: e.span.end..e.span.end,
                            });
                            open = false;
                        }
                        strong_i += 1;
                    }
                }
                _ => out.push(Ev {
                    ev: e.ev.clone(),
                    span: e.span.clone(),
                }),
            }
        }
        let mut k = String::new();
        let mut pos = 0;
        for (i, s) in plain.strong.iter().enumerate() {
            if hidden.contains(&i) {
                k.push_str(&t[pos..s.start]);
                k.push('…');
                pos = s.end;
            }
        }
        k.push_str(&t[pos..]);
        key = k;
    } else {
        // Hide what follows the first separator after the leading subject.
        let from = leading.as_ref().map_or(0, |s| s.end);
        let (sep_at, sep_len) = [" = ", ": ", " → ", "= ", " ="]
            .iter()
            .filter_map(|sep| t[from..].find(sep).map(|i| (from + i, sep.len())))
            .min_by_key(|&(i, _)| i)?;
        let mut cut = sep_at + sep_len;
        // `X = “…”`: the quotes frame the answer; keep them outside the deletion.
        let rest = &t[cut..];
        let ws = rest.len() - rest.trim_start().len();
        if let Some(q) = ['“', '"']
            .into_iter()
            .find(|&q| rest.trim_start().starts_with(q))
            && rest.trim_end().len() > ws + q.len_utf8()
            && rest.trim_end().ends_with(['”', '"'])
        {
            cut += ws + q.len_utf8();
        }
        let answer = t[cut..].trim();
        let question = t[..sep_at].trim();
        if answer.is_empty() || question.is_empty() {
            return None;
        }
        // The cut must fall in a top-level text event. Offsets count text the way
        // `Plain::of` does: image alt text is not part of the plain text.
        let mut pos = 0usize;
        let mut depth = 0usize;
        let mut in_image = false;
        let mut done = false;
        for e in evs {
            match &e.ev {
                Event::Start(Tag::Image { .. }) => {
                    in_image = true;
                    out.push(Ev {
                        ev: e.ev.clone(),
                        span: e.span.clone(),
                    });
                }
                Event::End(TagEnd::Image) => {
                    in_image = false;
                    out.push(Ev {
                        ev: e.ev.clone(),
                        span: e.span.clone(),
                    });
                }
                _ if in_image => out.push(Ev {
                    ev: e.ev.clone(),
                    span: e.span.clone(),
                }),
                Event::Text(s) | Event::Code(s) | Event::InlineMath(s) | Event::DisplayMath(s) => {
                    let len = s.len();
                    if !done && pos <= cut && cut <= pos + len && (cut < pos + len || depth == 0) {
                        if depth != 0 || !matches!(e.ev, Event::Text(_)) {
                            return None;
                        }
                        let local = cut - pos;
                        let (a, b) = s.split_at_checked(local)?;
                        let exact = e.span.len() == len;
                        let mid = if exact {
                            e.span.start + local
                        } else {
                            e.span.start
                        };
                        out.push(Ev {
                            ev: Event::Text(a.to_string().into()),
                            span: e.span.start..mid,
                        });
                        out.push(Ev {
                            ev: tree::cloze_open(1),
                            span: mid..mid,
                        });
                        out.push(Ev {
                            ev: Event::Text(b.to_string().into()),
                            span: mid..e.span.end,
                        });
                        done = true;
                    } else {
                        out.push(Ev {
                            ev: e.ev.clone(),
                            span: e.span.clone(),
                        });
                    }
                    pos += len;
                }
                Event::SoftBreak | Event::HardBreak => {
                    pos += 1;
                    out.push(Ev {
                        ev: e.ev.clone(),
                        span: e.span.clone(),
                    });
                }
                Event::Start(
                    Tag::Strong | Tag::Emphasis | Tag::Link { .. } | Tag::Strikethrough,
                ) => {
                    depth += 1;
                    out.push(Ev {
                        ev: e.ev.clone(),
                        span: e.span.clone(),
                    });
                }
                Event::End(
                    TagEnd::Strong | TagEnd::Emphasis | TagEnd::Link | TagEnd::Strikethrough,
                ) => {
                    depth = depth.saturating_sub(1);
                    out.push(Ev {
                        ev: e.ev.clone(),
                        span: e.span.clone(),
                    });
                }
                _ => out.push(Ev {
                    ev: e.ev.clone(),
                    span: e.span.clone(),
                }),
            }
        }
        if !done {
            return None;
        }
        // `“DARTS = …”`: the closing quote stays outside the deletion, like the opening one.
        let quoted = ["“", "\""].iter().any(|q| t[..cut].contains(q));
        let mut tail: Option<Ev> = None;
        if quoted
            && let Some(last) = out.last_mut()
            && let Event::Text(txt) = &last.ev
        {
            let trimmed = txt.trim_end();
            if let Some(body) = trimmed
                .strip_suffix('”')
                .or_else(|| trimmed.strip_suffix('"'))
                && !body.trim().is_empty()
            {
                let quote = txt[body.len()..].to_string();
                let split = if last.span.len() == txt.len() {
                    last.span.start + body.len()
                } else {
                    last.span.end
                };
                let end = last.span.end;
                last.ev = Event::Text(body.to_string().into());
                last.span = last.span.start..split;
                tail = Some(Ev {
                    ev: Event::Text(quote.into()),
                    span: split..end,
                });
            }
        }
        let end = out.last().map_or(0, |e| e.span.end);
        out.push(Ev {
            ev: tree::cloze_close(),
            span: end..end,
        });
        out.extend(tail);
        key = format!("{} …", t[..cut].trim());
    }
    let mut front = String::new();
    let mut deletions = tree::render_cloze(&out, &mut front, copies);
    // Trim the outer whitespace, but never into a hidden part: what a deletion holds is
    // hidden as rendered.
    let keep_from = deletions.first().map_or(usize::MAX, |d| d.range.start);
    let keep_to = deletions.last().map_or(0, |d| d.range.end);
    let start = (front.len() - front.trim_start().len()).min(keep_from);
    let end = front.trim_end().len().max(keep_to).max(start);
    let front = front.get(start..end).unwrap_or_default().to_string();
    for d in &mut deletions {
        d.range = d.range.start - start..d.range.end - start;
    }
    Some(Cloze {
        front,
        deletions,
        key: key.trim().to_string(),
    })
}
