//! Lines that only cite where a method comes from (`- 2017년 Kipf & Welling (ICLR)`, `- 2014년
//! Kingma & Ba가 제안 (ICLR 2015 발표)`): who published it, and when. As a cloze they hid the
//! year (`{{c1::2017}}년 Kipf & Welling (ICLR)`), a date a student does not study, and the
//! context alone said what was published. No card holds them; they are listed as skipped. A
//! line that says more than the citation (`… 제안, 망각 게이트는 2000년 Gers 등이 추가`,
//! `… 생물 의료 영상 분할을 위해 제안`) is a fact and stays one.

use super::Builder;
use super::key_terms::year;
use crate::tree::{Block, Kind, Plain};

/// The attribute a citation's year is claimed under: a comparison table's year column.
const YEAR_ATTRIBUTE: &str = "연도";

/// Why such a line is no card, as the skipped list says.
pub(super) const CITATION_REASON: &str =
    "only cites who published the method and when, which is no fact to study";

/// Why a line dating a citation, with nothing else marked to ask, is no card.
pub(super) const CITED_REASON: &str = "dates who published the method and when, and marks \
     nothing else to ask (a bold term, a count): the year is no fact to study";

/// The Korean words a citation holds besides names, years and venues, each as a whole run
/// of Hangul (a particle after a Latin name, `Welling이`, is a run of its own).
const CITATION_WORDS: [&str; 46] = [
    "년",
    "등",
    "등이",
    "등의",
    "등은",
    "등과",
    "등에",
    "이",
    "가",
    "의",
    "은",
    "는",
    "와",
    "과",
    "이가",
    "에서",
    "에",
    "로",
    "으로",
    "및",
    "제안",
    "처음",
    "제안함",
    "제안됨",
    "제안했으며",
    "제안했고",
    "제안하였으며",
    "제안한",
    "발표",
    "발표함",
    "발전시킴",
    "공개",
    "게재",
    "정리",
    "정립",
    "논문",
    "논문으로",
    "논문에서",
    "같은",
    "해",
    "함께",
    "공저",
    "연구진",
    "연구팀",
    "팀",
    "저",
];

/// Whether a statement (its plain text and bold parts) only cites a publication: it holds a
/// year and a name in Latin letters, nothing in bold (an author's bold marks the fact), and
/// no Korean word but a citation's ([`CITATION_WORDS`]).
pub(super) fn is_citation(plain: &Plain) -> bool {
    let t = plain.text.trim();
    if !plain.strong.is_empty() || year(t).is_none() {
        return false;
    }
    let named = t
        .split(|c: char| !c.is_alphabetic())
        .any(|w| w.chars().next().is_some_and(|c| c.is_ascii_uppercase()));
    // An English line is a citation only with nothing said but names (`Bergstra & Bengio
    // (2012) showed …` is a fact); beside Korean, the English is what was published
    // (`1995년 Cortes & Vapnik이 soft margin SVM 발표`).
    let korean = t.chars().any(super::tables::is_hangul);
    named
        && hangul_runs(t).all(|run| CITATION_WORDS.contains(&run))
        && (korean || !says_in_english(t))
}

/// Lowercase English words a citation holds outside its quoted title (`Liu et al.`,
/// `Kipf and Welling`, `arXiv`).
const CITATION_ENGLISH: [&str; 5] = ["et", "al", "and", "arxiv", "in"];

/// Whether `t` says something in English besides names and a quoted title: a lowercase
/// word (`Bergstra & Bengio (2012) showed it is more efficient …`).
fn says_in_english(t: &str) -> bool {
    let outside_quotes = t
        .split(['"', '“', '”'])
        .step_by(2)
        .flat_map(|part| part.split(|c: char| !c.is_alphabetic()));
    outside_quotes
        .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
        .any(|w| !CITATION_ENGLISH.contains(&w.to_lowercase().as_str()))
}

/// What a line says besides the citations its years date (`2016년 Redmon 등이 제안, 이후
/// v2~v8로 발전` → `이후 v2~v8로 발전`; `2015년 Ronneberger 등이 생물 의료 영상 분할을 위해
/// 제안` → `생물 의료 영상 분할을 위해`), or `None` when no year of it dates a name
/// ([`dates_a_name`]). Each clause (up to a comma) holding such a year loses the citation's
/// words: the year, the names, `&`, `et al.` and a citation's Korean words. Hidden, such a
/// year asked when a paper came out, which a student does not study: what the line asks is
/// in the rest, if anywhere.
pub(super) fn without_citations(t: &str) -> Option<String> {
    let mut cited = false;
    let mut rest: Vec<&str> = Vec::new();
    for clause in clauses(t) {
        match dated_year(clause) {
            Some(y) => {
                cited = true;
                rest.extend(
                    clause
                        .split_whitespace()
                        .filter(|w| !is_citation_word(w, y)),
                );
            }
            None => rest.extend(clause.split_whitespace()),
        }
    }
    cited.then(|| rest.join(" "))
}

/// Whether `term` holds the name of an author the line `t` cites (a name a year dates):
/// `Box-Jenkins 방법론` in `1970년 Box & Jenkins가 …`.
pub(super) fn names_a_cited_author(t: &str, term: &str) -> bool {
    let Some(clause) = clauses(t).find(|c| dated_year(c).is_some()) else {
        return false;
    };
    clause
        .split_whitespace()
        .map(|w| w.trim_end_matches(|c: char| super::tables::is_hangul(c) || c == ','))
        .filter(|w| w.len() >= 3 && is_name_word(w))
        .any(|name| term.split(['-', ' ']).any(|part| part == name))
}

/// What a later clause of a line dates (`…, 망각 게이트는 2000년 Gers 등이 추가` →
/// `망각 게이트`): the subject, marked by `는` or `은`, before its own dated year. Two dated
/// events on one line tell which part came later, and that part is the fact.
pub(super) fn later_dated_subject(t: &str) -> Option<&str> {
    clauses(t).skip(1).find_map(|clause| {
        let y = dated_year(clause)?;
        let at = super::facts::offset_in(clause, y)?;
        let subject = clause[..at]
            .trim_end()
            .strip_suffix('는')
            .or_else(|| clause[..at].trim_end().strip_suffix('은'))?
            .trim();
        (!subject.is_empty()).then_some(subject)
    })
}

/// Whether a line opens with a citation: its first year dates a name and only the
/// citation's words come before it (`2016년 Redmon 등이 …`, `Hinton 등이 2015년 …`). A year in
/// a closing aside (`… 다변량 입력 가능 (1997년 Hochreiter & Schmidhuber)`) is a remark on a
/// line saying something else.
pub(super) fn opens_with_citation(t: &str) -> bool {
    let Some(y) = year(t) else { return false };
    let Some(at) = super::facts::offset_in(t, y) else {
        return false;
    };
    t[..at].split_whitespace().all(|w| is_citation_word(w, y))
        && dates_a_name(&t[..at], &t[at + y.len()..])
}

/// The first year of `clause` that dates a name, if any.
fn dated_year(clause: &str) -> Option<&str> {
    let y = year(clause)?;
    let at = super::facts::offset_in(clause, y)?;
    dates_a_name(&clause[..at], &clause[at + y.len()..]).then_some(y)
}

/// The clauses of a line, split at `, ` outside parentheses and not after `et al.`: `FM
/// (Rendle, 2010): …` and `Long et al., CVPR 2015 — …` are one clause each, whose year
/// dates the name before it.
fn clauses(t: &str) -> impl Iterator<Item = &str> {
    let mut rest = t;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        // The next `, ` with as many `(` as `)` before it.
        let mut from = 0;
        let cut = loop {
            let Some(i) = rest[from..].find(", ").map(|i| from + i) else {
                break None;
            };
            let before = &rest.as_bytes()[..i];
            let open = memchr::memchr_iter(b'(', before).count();
            // `Long et al., CVPR 2015`: the authors' comma is within the citation.
            if open <= memchr::memchr_iter(b')', before).count() && !before.ends_with(b" et al.") {
                break Some(i);
            }
            from = i + 2;
        };
        let (clause, next) = match cut {
            Some(i) => (&rest[..i], &rest[i + 2..]),
            None => (rest, ""),
        };
        rest = next;
        Some(clause)
    })
}

/// Whether the year between `before` and `after` dates a name: a name in Latin letters
/// follows it (`2016년 Redmon`, `2016 (Cheng et al.)`) or comes just before it, with `등`
/// (`Hinton 등이 2015년`), a comma (`Kang & McAuley, 2018`, `(Rendle, 2010)`) or the
/// parenthesis the year is in (`ResNet(2016)`).
pub(super) fn dates_a_name(before: &str, after: &str) -> bool {
    let named_after = after
        .strip_prefix('년')
        .or_else(|| after.trim_start().strip_prefix('('))
        .map(str::trim_start)
        .and_then(|a| a.split_whitespace().next())
        .is_some_and(is_name_word);
    let mut words_before = before.split_whitespace().rev();
    let last = words_before.next();
    // `ResNet(2016)`, `ResNet (2016)`: a name's year in parentheses.
    let parenthesised = || match last.and_then(|w| w.strip_suffix('(')) {
        Some("") => before
            .split_whitespace()
            .rev()
            .nth(1)
            .is_some_and(is_name_word),
        Some(name) => is_name_word(name),
        None => false,
    };
    // `(Jozefowicz et al., 2015)`: the first author, then `et al.`, maybe the venue after
    // (`Long et al., CVPR 2015`).
    let et_al = || {
        let mut words = before.split_whitespace().rev().peekable();
        if words.peek().is_some_and(|w| is_venue(w)) {
            words.next();
        }
        matches!(words.next(), Some("al.," | "al,"))
            && words.next() == Some("et")
            && words
                .next()
                .is_some_and(|w| is_name_word(w.trim_start_matches('(')))
    };
    named_after
        || last
            .map(|w| w.trim_start_matches('('))
            .is_some_and(|w| w.len() > 1 && w.ends_with(',') && is_name_word(w))
        || et_al()
        || last.is_some_and(|w| w.starts_with('등'))
            && words_before.next().is_some_and(is_name_word)
        || parenthesised()
}

/// Whether a word names a venue as citations write it: a short word of Latin letters with
/// two capitals or more (`CVPR`, `NeurIPS`, `MICCAI`).
fn is_venue(w: &str) -> bool {
    let w = w.trim_end_matches(',');
    (2..=8).contains(&w.len())
        && w.bytes().all(|b| b.is_ascii_alphabetic())
        && w.starts_with(|c: char| c.is_ascii_uppercase())
        && w.bytes().filter(u8::is_ascii_uppercase).count() >= 2
}

/// Whether a word is a name in Latin letters, with a Korean particle or not (`Redmon`,
/// `Schmidhuber가`).
fn is_name_word(w: &str) -> bool {
    let latin = w.trim_end_matches(|c: char| super::tables::is_hangul(c) || c == ',');
    latin.starts_with(|c: char| c.is_ascii_uppercase())
        && latin
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '.')
        && {
            let particle = w[latin.len()..].trim_end_matches(',');
            particle.is_empty() || CITATION_WORDS.contains(&particle)
        }
}

/// Whether a word of a citation's clause belongs to the citation: its year, a name, `&`,
/// `et al.` or a citation's Korean word.
fn is_citation_word(w: &str, year: &str) -> bool {
    let bare = w.trim_matches(|c: char| c.is_ascii_punctuation() && c != '&');
    // `ResNet(2016)`: the name and its year in one word.
    if let Some((name, rest)) = bare.split_once('(') {
        return is_name_word(name) && rest.starts_with(year);
    }
    bare.starts_with(year)
        || is_name_word(bare)
        || matches!(bare, "&" | "et" | "al")
        || CITATION_WORDS.contains(&bare)
}

impl Builder<'_, '_> {
    /// A list item that only cites a publication ([`is_citation`]), with nothing nested.
    pub(super) fn is_citation_item(&self, item: &Block) -> bool {
        // Every rendered bullet comes through here: one with a nested block is turned away
        // before anything is read.
        self.tree.item_lead(item).1.is_empty()
            && self
                .lead_with_year(item)
                .is_some_and(|lead| is_citation(&lead))
    }

    /// The year claim of a bullet that only cites its topic's paper (`- Kang & McAuley,
    /// 2018` under SASRec): `SASRec › 연도 = 2018`, which a comparison table's `연도` column
    /// may contradict. Only a topic's first such bullet, and only with one year: a second
    /// citation dates another work (`… 2000년 Gers 등이 추가`).
    pub(super) fn citation_year_claim(&mut self, sec: Option<usize>, item: &Block) {
        let Some(s) = sec.filter(|&s| !self.cited_topics.contains(&s)) else {
            return;
        };
        self.cited_topics.push(s);
        let src = self.text.get(item.span.clone()).unwrap_or_default();
        let mut years = super::key_terms::digit_runs(src)
            .map(|(a, b)| (a, &src[a..b]))
            .filter(|(_, d)| year(d) == Some(*d));
        let (Some((at, y)), None) = (years.next(), years.next()) else {
            return;
        };
        let start = item.span.start + at;
        // A section under the topic named by what it is (`### 2. GPTQ`, `### 3. AWQ` under
        // `## Quantization for Inference`) has a paper of its own: the citation dates it, not
        // the topic, whose sections' years would all contradict each other.
        let subject = if self.doc.sections[s].kind == crate::SectionKind::Facet
            && !super::subtopics::is_facet_name(&self.info[s].short)
        {
            self.info[s].short.clone()
        } else {
            self.subject(Some(s))
        };
        self.doc.claims.push(crate::Claim {
            subject,
            attribute: YEAR_ATTRIBUTE.to_string(),
            value: y.to_string(),
            origin: crate::ClaimOrigin::Bullet,
            span: item.span.clone(),
            value_span: start..start + y.len(),
        });
    }

    /// A citation with what the work found nested under it (`- *Gao et al., 2023, "Scaling
    /// Laws for Reward Model Overoptimization"*` over `- proxy RM 점수는 … 계속 ↑`, …): a card
    /// asking for the findings by the citation, rather than a line of the topic's 핵심 내용
    /// card beside unrelated bullets. Returns whether it was made.
    pub(super) fn cited_findings(&mut self, sec: Option<usize>, item: &Block) -> bool {
        let (_, rest) = self.tree.item_lead(item);
        if sec.is_none() || !rest.iter().any(|b| b.kind == Kind::List) {
            return false;
        }
        let Some(lead) = self.lead_with_year(item).filter(is_citation) else {
            return false;
        };
        let label = lead.text.trim().trim_end_matches(':').trim().to_string();
        let mut back = String::new();
        self.render_children(rest, &mut back);
        if back.is_empty() {
            return false;
        }
        let front = self.front(sec, &[&label]);
        self.push_item_card(sec, item, label, front, back);
        true
    }

    /// Whether a list item's first line opens with a citation ([`opens_with_citation`]).
    pub(super) fn dates_a_citation(&self, item: &Block) -> bool {
        // `RetinaNet (Lin et al., 2017)에서 제안, 논문 기본값 $\gamma=2$`: a value set in a
        // formula is a fact the line gives besides its citation.
        self.lead_with_year(item).is_some_and(|lead| {
            opens_with_citation(lead.text.trim())
                && !lead
                    .math
                    .iter()
                    .any(|m| lead.text.get(m.clone()).is_some_and(|t| t.contains('=')))
        })
    }

    /// An item's first line as plain text, when its source may hold a year: most bullets
    /// hold no digit at all, and are turned away before their plain text is made.
    fn lead_with_year(&self, item: &Block) -> Option<Plain> {
        let src = self.text.get(item.span.clone()).unwrap_or_default();
        if !may_hold_year(src.as_bytes()) {
            return None;
        }
        let mut lead = Plain::default();
        self.item_lead_plain(item, &mut lead);
        Some(lead)
    }
}

/// Whether `src` holds `19` or `20` followed by two digits: a vectorised look for the
/// year's first digit, since most bullets hold no digit at all.
fn may_hold_year(src: &[u8]) -> bool {
    memchr::memchr2_iter(b'1', b'2', src).any(|at| {
        matches!(src.get(at..at + 2), Some(b"19" | b"20"))
            && src
                .get(at + 2..at + 4)
                .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    })
}

/// The maximal runs of Hangul syllables in `t`.
fn hangul_runs(t: &str) -> impl Iterator<Item = &str> {
    t.split(|c: char| !super::tables::is_hangul(c))
        .filter(|run| !run.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> Plain {
        Plain {
            text: text.to_string(),
            ..Plain::default()
        }
    }

    #[test]
    fn a_citation_is_names_a_year_and_a_venue() {
        for line in [
            "2017년 Kipf & Welling (ICLR)",
            "2018년 Veličković 등 (ICLR)",
            "1995년 Cortes & Vapnik이 soft margin SVM 발표",
            "1901년 Pearson이 처음 제안, 1933년 Hotelling이 발전시킴",
            "2014년 Kingma & Ba가 제안 (ICLR 2015 발표)",
            "2013년 Mikolov 등(Google)이 제안",
            "Srivastava, Hinton 등이 2014년 JMLR 논문으로 정리",
            "2017년 Arjovsky 등 (WGAN), 같은 해 Gulrajani 등 (WGAN-GP)",
            "2019년 arXiv 공개, 2020년 He 등 (FAIR, CVPR)",
            "2015년 Hinton, Vinyals, Dean의 \"Distilling the Knowledge in a Neural Network\"에서 정립",
            "Loshchilov & Hutter, \"Decoupled Weight Decay Regularization\" (ICLR 2019)",
            "논문: Dosovitskiy et al., \"An Image is Worth 16x16 Words\", ICLR 2021",
        ] {
            assert!(is_citation(&plain(line)), "{line}");
        }
    }

    #[test]
    fn a_line_that_says_more_than_its_citation_is_a_fact() {
        for line in [
            "1997년 Hochreiter & Schmidhuber가 제안, 망각 게이트는 2000년 Gers 등이 추가",
            "2015년 Ronneberger 등이 생물 의료 영상 분할을 위해 제안",
            "2016년 Redmon 등이 제안, 이후 v2~v8로 발전",
            "2015년 Hinton 등이 제안했으며, Student는 확률 분포 전체를 따라 하도록 학습합니다.",
            "넷플릭스 프라이즈(2006~2009)가 행렬 분해 기법을 널리 알림",
            "Bergstra & Bengio (2012) showed it is more efficient than grid search",
            // No name: a date of its own, not a citation.
            "2018년 제안",
        ] {
            assert!(!is_citation(&plain(line)), "{line}");
        }
        let mut bold = plain("2017년 Vaswani 등이 제안");
        bold.strong.push(6..13);
        assert!(!is_citation(&bold), "the author's bold marks the fact");
    }
}
