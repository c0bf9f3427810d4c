//! What a table cell's answer says on its own, before it becomes a card: a pointer at another
//! cell, a yes or no its question gives, the count its subject's name says, or a variant's
//! answer inherited from the subject its name extends. Such cells are claims but no cards
//! ([`super::tables`] skips them with the reason).

use super::facts;
use super::tables::is_hangul;

/// Whether a cell's answer opens with a demonstrative (`그 클래스 예측`, `해당 모델`) or is
/// only `둘 다`: what it points at is in another cell, which the card does not show.
pub(super) fn points_elsewhere(value: &str) -> bool {
    let v = value.trim();
    ["그 ", "해당 "].iter().any(|d| v.starts_with(d))
        || OTHER_CELLS.iter().any(|w| v.eq_ignore_ascii_case(w))
}

/// Whole answers that only send the reader to the other cells of the row (`Hybrid › 사용
/// 데이터` → `둘 다`: both of what the other columns say), or to another place in the note
/// (`Self-adversarial › 수식` → `위 식`: the formula above the table).
const OTHER_CELLS: [&str; 17] = [
    "둘 다",
    "둘다",
    "모두",
    "동일",
    "같음",
    "위와 같음",
    "위와 동일",
    "상동",
    "both",
    "same",
    "위 식",
    "위 수식",
    "위 참고",
    "위 참조",
    "아래 참고",
    "아래 참조",
    "see above",
];

/// Words that call a subject the yardstick of its comparison (`기준 정밀도` for `FP32`
/// beside `FP16` and `BF16`).
const BASELINE_WORDS: [&str; 3] = ["기준", "baseline", "reference"];

/// Whether a cell's answer only says its subject is the comparison's baseline (`기준`,
/// `기준 정밀도`, `baseline (100%)`): what the others are measured against, which says
/// nothing of the subject itself.
pub(super) fn only_names_baseline(value: &str) -> bool {
    let mut words = value.split('(').next().unwrap_or("").split_whitespace();
    let first = words.next().unwrap_or("");
    BASELINE_WORDS.iter().any(|w| first.eq_ignore_ascii_case(w)) && words.count() <= 1
}

/// Whether a column measures its subjects against the cell's own subject (`KV cache 크기
/// (MHA 대비)` for `MHA`, `속도 (vs BERT)` for `BERT`): that cell is the yardstick (`1`, `1×`,
/// `100%`), no fact of the subject's.
pub(super) fn measured_against_itself(subject: &str, attribute: &str) -> bool {
    let subject = subject.trim().trim_matches('*').trim();
    if subject.is_empty() {
        return false;
    }
    let is_subject = |w: &str| {
        w.trim_matches(|c: char| "()[]*`".contains(c))
            .eq_ignore_ascii_case(subject)
    };
    let before_daebi = attribute.match_indices("대비").any(|(at, _)| {
        attribute[..at]
            .trim_end()
            .rsplit([' ', '('])
            .next()
            .is_some_and(is_subject)
    });
    let after_vs = attribute.match_indices("vs").any(|(at, _)| {
        !attribute[..at].ends_with(|c: char| c.is_alphanumeric())
            && attribute[at + 2..]
                .trim_start_matches(['.', ' '])
                .split([' ', ')'])
                .next()
                .is_some_and(is_subject)
    });
    before_daebi || after_vs
}

/// Whether a cell's answer, its check marks aside, is only words of its own question
/// (`Gradient 필요` → `✔ 필요`), or numbers its name holds (`ViT-L/14@336px › 입력 해상도` →
/// `336`, `p50k_base › vocab 크기` → `약 50K`). A bare mark (`O`, `X`) is an answer of its own.
pub(super) fn only_repeats_question(value: &str, subject: &str, attribute: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| c.is_whitespace() || "(),/·:".contains(c))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let is_mark = |w: &String| w.chars().all(|c| c == '-' || MARKS.contains(c));
    let question: Vec<String> = words(subject).into_iter().chain(words(attribute)).collect();
    let answer: Vec<String> = words(value).into_iter().filter(|w| !is_mark(w)).collect();
    // `ViT-L/14@336px › 입력 해상도` → `336`: a number the name holds is given away too.
    // `p50k_base › vocab 크기` → `약 50K`: so is a number with its magnitude the name
    // writes, a hedge before it aside.
    let magnitude = |w: &String| {
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0
            && matches!(&w[digits..], "k" | "m" | "b")
            && subject.to_lowercase().contains(w.as_str())
    };
    let given = |w: &String| {
        question.contains(w)
            || magnitude(w)
            || w.bytes().all(|b| b.is_ascii_digit())
                && [subject, attribute]
                    .iter()
                    .flat_map(|q| q.split(|c: char| !c.is_ascii_digit()))
                    .any(|n| n == w)
    };
    let hedge = |w: &String| HEDGES.contains(&w.as_str());
    answer.iter().any(|w| !hedge(w)) && answer.iter().all(|w| hedge(w) || given(w))
        || spells_subject(value.trim(), subject)
}

/// Whether `value` is one identifier ending on the subject's letters (`Flat › 클래스` →
/// `IndexFlat`, `IVF4096,PQ64` → `IndexIVFPQ`, `Adam` → `torch.optim.Adam`), or spelling
/// them and then one word (`Vote Entropy › modAL 함수` → `vote_entropy_sampling`), or on those
/// of the first part of a subject joined by commas (`IDMap,Flat` → `IndexIDMap`): the name
/// written out, which the front gives away. Not a name that only holds the subject's
/// (`RoBERTa` of `BERT`, `AdamW` of `Adam`), nor a call (`SGD(momentum)`).
fn spells_subject(value: &str, subject: &str) -> bool {
    let letters = |s: &str| -> String {
        s.chars()
            .filter(char::is_ascii_alphabetic)
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    if value.is_empty()
        || !value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
    {
        return false;
    }
    // `vote_entropy_sampling` of `Vote Entropy`: the name and one word after it.
    let parts: Vec<&str> = value.split(['_', '.']).filter(|p| !p.is_empty()).collect();
    let named = letters(subject);
    if named.len() >= 3 && parts.len() >= 2 && letters(&parts[..parts.len() - 1].concat()) == named
    {
        return true;
    }
    let value = letters(value);
    let first = subject.split(',').next().unwrap_or(subject);
    [subject, first].iter().any(|s| {
        let s = letters(s);
        s.len() >= 3 && value.ends_with(&s)
    })
}

/// Words saying a number is rounded (`약 50K`): no part of the answer.
const HEDGES: [&str; 4] = ["약", "about", "approx", "~"];

/// Words of a name that say a count (`Zero-Shot`, `Dual Encoder`), with the count.
const NAMED_COUNTS: [(&str, u32); 9] = [
    ("zero", 0),
    ("one", 1),
    ("single", 1),
    ("mono", 1),
    ("two", 2),
    ("dual", 2),
    ("double", 2),
    ("three", 3),
    ("triple", 3),
];

/// What count a name says: `Some(Some(n))` for `One-Shot` (1), `Some(None)` for `Few-Shot`
/// ("a few"), `None` for a name that says none.
pub(super) fn count_named(name: &str) -> Option<Option<u32>> {
    let mut few = false;
    for w in name.split(|c: char| !c.is_alphanumeric()) {
        if let Some(&(_, n)) = NAMED_COUNTS.iter().find(|(c, _)| w.eq_ignore_ascii_case(c)) {
            return Some(Some(n));
        }
        few |= w.eq_ignore_ascii_case("few");
    }
    few.then_some(None)
}

/// Whether a cell's answer is only the count its subject's name says: `없음` for
/// `Zero-Shot`, `1개` for `One-Shot`, `2` for `Dual Encoder`, `소량` for `Few-Shot`.
pub(super) fn names_its_count(subject: &str, value: &str) -> bool {
    let few = || {
        subject
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case("few"))
    };
    if says_few(value) && few() {
        return true;
    }
    matches!(count_named(subject), Some(Some(said)) if count_of(value) == Some(said))
        || counts_parts_of_its_name(subject, value)
}

/// Whether a count's aside names parts that its subject's name is made of, as many as it
/// counts: `Wide & Deep` → `2개 (Wide + Deep)`, `FM` → `1개 (FM)`, `DeepFM` → `2개 (FM +
/// Deep)`. The front says the answer.
fn counts_parts_of_its_name(subject: &str, value: &str) -> bool {
    let Some(aside) = value
        .split_once('(')
        .and_then(|(_, rest)| rest.strip_suffix(')'))
    else {
        return false;
    };
    let Some(n) = count_of(value) else {
        return false;
    };
    let parts = || aside.split(['+', ',', '/', '&']).map(str::trim);
    let name = subject.to_lowercase();
    n as usize == parts().count()
        && parts().all(|p| {
            p.chars().filter(|c| c.is_alphanumeric()).count() >= 2
                && name.contains(&p.to_lowercase())
        })
}

/// Words by which a subject's name says it goes without (`Level 0 – Manual Process`,
/// `No Regularization`): a manual process automates nothing.
const LACKING: [&str; 5] = ["manual", "수동", "no", "without", "non"];

/// Whether a cell holds only a dash standing for no value (`-`, `—`, `–`, `N/A`).
pub(super) fn is_dash(value: &str) -> bool {
    ["-", "—", "–", "n/a"]
        .iter()
        .any(|w| value.trim().eq_ignore_ascii_case(w))
}

/// Whether a cell only says its subject lacks the feature (`없음`, `none`, `X`, `-`) and the
/// subject's name already says it goes without: `Level 0 – Manual Process › 자동화 범위` →
/// `없음`. A name that says nothing of the kind keeps its card (`Linear Regression › 활성
/// 함수` → `없음` is worth asking).
pub(super) fn names_its_absence(subject: &str, value: &str) -> bool {
    let bare = value.split('(').next().unwrap_or("").trim();
    let absent = count_of(value) == Some(0)
        || is_dash(bare)
        || !bare.is_empty() && bare.chars().all(|c| "✘✗×Xx".contains(c));
    absent
        && subject
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| LACKING.iter().any(|l| w.eq_ignore_ascii_case(l)))
}

/// Answers that say only that more is better (`높을수록`, `higher is better`): the default
/// of any score, so the card asks nothing (`BLEU › 좋은 방향`). Lower-is-better
/// (`Perplexity` → `낮을수록`) is the fact worth a card.
const HIGHER_IS_BETTER: [&str; 6] = [
    "높을수록",
    "높을수록 좋음",
    "클수록 좋음",
    "higher",
    "higher is better",
    "↑",
];

/// Whether a cell's answer (emphasis and asides apart) only says that a higher value is
/// better ([`HIGHER_IS_BETTER`]).
pub(super) fn says_higher_is_better(value: &str) -> bool {
    let bare = value.split('(').next().unwrap_or("").trim();
    let bare = bare.trim_matches(|c: char| c == '*' || c == '_' || c == '.');
    HIGHER_IS_BETTER
        .iter()
        .any(|w| bare.eq_ignore_ascii_case(w))
}

/// Most words of an answer that [`opens_with_its_name`] reads as the name's own: a longer
/// answer says more than the name does.
const OWN_NAME_MAX_WORDS: usize = 3;

/// Whether a short answer opens with a word of its subject's own name, so that the front says
/// what is asked: `중앙 집중 학습 › 데이터 위치` → `중앙 서버에 수집`, `Panoptic Segmentation ›
/// 대표 모델` → `Panoptic FPN`. Only whole words count (`GPT-2` is no word of `GPT`), of two
/// letters or more, and the answer's asides are set apart (`RKD (Relational KD)`).
pub(super) fn opens_with_its_name(subject: &str, value: &str) -> bool {
    // Every table cell comes through here: no word is copied.
    let bare = value.split('(').next().unwrap_or("");
    let mut words = bare
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty());
    let Some(first) = words.next() else {
        return false;
    };
    let opens = first.chars().nth(1).is_some()
        && subject
            .split(|c: char| c.is_whitespace() || "()/·,:".contains(c))
            .any(|w| w.eq_ignore_ascii_case(first));
    opens && words.take(OWN_NAME_MAX_WORDS).count() < OWN_NAME_MAX_WORDS
        || holds_its_name(subject, bare)
}

/// Whether a short answer ends on its subject's whole name after a word or two that qualify
/// it: `평균 › 핵심` → `산술 평균` (not `Power › 기준` → `n ↑ → Power ↑`).
fn holds_its_name(subject: &str, bare: &str) -> bool {
    let name = subject.split('(').next().unwrap_or("").trim();
    let answer = bare.trim();
    let Some(before) = answer.len().checked_sub(name.len()).and_then(|at| {
        answer
            .get(at..)
            .filter(|end| end.eq_ignore_ascii_case(name))
            .map(|_| &answer[..at])
    }) else {
        return false;
    };
    let qualifiers = before.split_whitespace().count();
    name.chars().nth(1).is_some()
        && before.ends_with(' ')
        && (1..=2).contains(&qualifiers)
        && before.chars().all(|c| c.is_alphanumeric() || c == ' ')
}

/// Answers that only say "a few": what a `Few-Shot` name already says.
const FEW: [&str; 7] = ["소량", "적음", "적은 양", "몇 개", "few", "a few", "small"];

/// Whether an answer (asides in parentheses apart) only says "a few" ([`FEW`]).
fn says_few(value: &str) -> bool {
    let bare = value.split('(').next().unwrap_or("").trim();
    FEW.iter().any(|w| bare.eq_ignore_ascii_case(w))
}

/// Whether an answer is a count at all: a number ([`count_of`]) or "a few".
pub(super) fn is_count(value: &str) -> bool {
    says_few(value) || count_of(value).is_some()
}

/// The number an answer is, and nothing more: `없음`, `none` and `0` are 0, `1개`, `하나`
/// and `한 개` are 1, `3가지` is 3 (asides in parentheses apart).
fn count_of(value: &str) -> Option<u32> {
    let bare = value.split('(').next().unwrap_or("").trim();
    let spelled = [
        ("없음", 0),
        ("none", 0),
        ("하나", 1),
        ("한 개", 1),
        ("둘", 2),
        ("두 개", 2),
        ("셋", 3),
        ("세 개", 3),
    ];
    if let Some(&(_, n)) = spelled.iter().find(|(w, _)| bare.eq_ignore_ascii_case(w)) {
        return Some(n);
    }
    let digits = bare.len() - bare.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let counter = &bare[digits..];
    (digits > 0 && counter.chars().count() <= 2 && counter.chars().all(is_hangul))
        .then(|| bare[..digits].parse().ok())
        .flatten()
}

/// Whether subject `name` is a variant of subject `base` by its name: `base` and a short
/// suffix (`AdamW` of `Adam`, `GPT-2` of `GPT`), not another name that starts the same way.
pub(super) fn extends(name: &str, base: &str) -> bool {
    const SUFFIX_MAX_CHARS: usize = 6;
    base.chars().count() >= 2
        && name.strip_prefix(base).is_some_and(|rest| {
            !rest.is_empty()
                && rest.chars().count() <= SUFFIX_MAX_CHARS
                && !rest.starts_with(char::is_whitespace)
        })
}

/// Korean predicates saying how much of something there is, or whether it is there (`없음`,
/// `높음`, `필요`, `어려움`): a label closing on one states a fact (`계산 비용 높음`), and a
/// cell answering with one only places its subject on the feature its facet names (`약함`).
pub(super) const DEGREES: &[&str] = &[
    "없음",
    "있음",
    "낮음",
    "높음",
    "많음",
    "적음",
    "강함",
    "약함",
    "큼",
    "작음",
    "부족",
    "불가",
    "가능",
    "불가능",
    "필요",
    "불필요",
    "어려움",
    "쉬움",
    "빠름",
    "느림",
    "용이",
    "중간",
    "짧음",
    "김",
    "긺",
    "넓음",
    "좁음",
    "깊음",
    "얕음",
    "보통",
    "좋음",
    "나쁨",
    "우수",
];

/// Words a cell's answer may qualify its degree with (`가장 많음`, `상대적으로 낮음`).
const DEGREE_MODIFIERS: &[&str] = &[
    "가장",
    "매우",
    "상대적으로",
    "비교적",
    "더",
    "다소",
    "아주",
    "약간",
    "조금",
    "훨씬",
];

/// Whether a cell's answer (its words, asides apart) is one degree word (`약함`, `가장 많음`,
/// `있음`): like a check mark, it says where the subject stands on the feature its facet
/// names.
pub(super) fn is_degree(words: &str) -> bool {
    let mut rest = words.split(' ').filter(|w| !DEGREE_MODIFIERS.contains(w));
    matches!((rest.next(), rest.next()), (Some(w), None) if DEGREES.contains(&w))
}

/// Whether a cell's answer (plain text) is only a degree ([`is_degree`]): `매우 느림`, `높음
/// (계수)`. Most cells end on no degree word and are told apart before their words are read.
pub(super) fn is_degree_cell(value: &str) -> bool {
    let bare = value.split('(').next().unwrap_or("").trim_end();
    DEGREES.iter().any(|d| bare.ends_with(d))
        && is_degree(&facts::answer_words(&facts::without_asides(value)))
}

/// Check marks a cell answers yes or no with.
const MARKS: &str = "✔✘✓✗○×OoXx";

/// Whether a cell's answer is only check marks (`O`, `X`, `✔`): whether its subject has the
/// feature its facet names.
pub(super) fn is_mark(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && t.chars().all(|c| MARKS.contains(c))
}

/// `text` without a yes mark closing it after words (`모델 성능 모니터링 O` → `모델 성능
/// 모니터링`): the mark says yes to what the words name, and shown it reads as a stray
/// letter. A closing no (`멀티모달 X`) is the answer itself, and a cell of marks only (`O`,
/// `X (미지원)`) is left as it is.
pub(super) fn without_trailing_mark(text: &str) -> &str {
    // One mark, a capital or a symbol: `입력 x` ends on a variable.
    const CLOSING: [&str; 4] = ["O", "✔", "✓", "○"];
    let t = text.trim_end();
    match t.rsplit_once(' ') {
        Some((words, last)) if CLOSING.contains(&last) && !is_mark(words) && !words.is_empty() => {
            words.trim_end()
        }
        _ => text,
    }
}

/// Whether a cell answers with check marks only, maybe with an aside (`O (스케줄/트리거
/// 기반)`): yes or no, said of its subject.
pub(super) fn is_mark_cell(value: &str) -> bool {
    is_mark(value.split('(').next().unwrap_or(""))
}

/// The answer at least two thirds of a facet's `values` share when there are four subjects
/// or more (`subjects`), some answer otherwise, and the shared answer is no mark or degree.
pub(super) fn shared_by_most<'v>(values: &[&'v str], subjects: usize) -> Option<&'v str> {
    if values.len() < 4 || values.len() != subjects {
        return None;
    }
    let count = |v: &str| values.iter().filter(|w| **w == v).count();
    let shared = values.iter().copied().max_by_key(|v| count(v))?;
    let n = count(shared);
    (n * 3 >= values.len() * 2
        && n < values.len()
        && !shared.is_empty()
        && !is_mark_cell(shared)
        && !is_degree_cell(shared))
    .then_some(shared)
}
