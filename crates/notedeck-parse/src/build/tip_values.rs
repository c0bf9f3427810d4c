//! Where the values of a tip line start and end once its first separator is known: each
//! pair of `cue → value, cue → value`, each short item of a listed value, or the effect of
//! a cause. The marks are plain-text offsets that `tips::walk_marks` turns into deletions.

/// Where the values of `cue → value, cue → value` start and end after the first cut at `cut`:
/// `(offset, Some(n))` opens a deletion of card `cn`, `(offset, None)` closes one. Empty when
/// the line has one value.
///
/// Each pair is a card of its own (`Warmup = {{c1::초반 선형 증가}}, Cosine = {{c2::부드럽게
/// 감소}}`): one card hiding every pair asks several facts at once. But two pairs whose
/// values are names, or share words, contrast (`빠른 수렴 → Adam, 일반화 → SGD`, `데이터 적음
/// → CNN 유리, 데이터 많음 → ViT 유리`): a card showing one value gives the other away, so
/// both are hidden on one card.
pub(super) fn pair_marks(
    t: &str,
    cut: usize,
    sep: &str,
    breaks: &[u32],
) -> Vec<(usize, Option<u32>)> {
    let mut marks = vec![(cut, Some(1))];
    let mut from = cut;
    let mut n = 1;
    // After a slash, the next pair may be told the other way (`TENT = 엔트로피 ↓ + BN γ, β /
    // DG는 target 못 봄 → ERM부터 돌려보기`): hidden to the end, the first value took the
    // second tip with it.
    let other = match sep {
        " = " => " → ",
        " → " => " = ",
        _ => sep,
    };
    loop {
        let same = t[from..].find(sep).map(|rel| (rel, sep));
        // Not a slash of a formula (`= \lambda_i / \sum \lambda_j → 누적 90~95%에서 자르기`).
        let turned = t[from..]
            .find(other)
            .filter(|&rel| {
                t[from..from + rel]
                    .rsplit_once(" / ")
                    .is_some_and(|(_, cue)| !cue.contains('\\'))
            })
            .map(|rel| (rel, other));
        let Some((rel, found)) = [same, turned].into_iter().flatten().min() else {
            break;
        };
        let next = from + rel;
        // Pairs are parted by a comma, or by a slash (`A = "…" / B = "…"`); where a slash
        // parts them, a comma is inside a value or a cue (`nprobe, efSearch = 검색 시점 knob
        // / nlist, M, m, nbits = …`), and neither in parentheses parts anything (`"돌린다(Q,
        // K)" = RoPE`). A pair told the other way is parted by a slash only.
        let parts: &[&str] = if found == sep {
            &[" / ", ", "]
        } else {
            &[" / "]
        };
        // A line break parts pairs too (a quoted summary, `> LoRA = … / QLoRA = …` over `>
        // Adapter = …`): the last value took the next lines with it. The parting nearest the
        // cue is the one (`A = 값이 길어서⏎다음 줄로, B = y` parts at the comma); a break
        // inside parentheses parts nothing, as no separator there does.
        let line_break = breaks[..breaks.partition_point(|&b| (b as usize) < next)]
            .iter()
            .rev()
            .map(|&b| b as usize)
            .take_while(|&b| from < b)
            .find(|&b| last_outside_parens(&t[from..=b], " ").is_some_and(|c| from + c == b))
            .map(|b| (b, 1));
        let separator = parts
            .iter()
            .find_map(|d| last_outside_parens(&t[from..next], d).map(|c| (from + c, d.len())));
        let Some((comma, gap)) = line_break
            .into_iter()
            .chain(separator)
            .max_by_key(|&(at, _)| at)
        else {
            break;
        };
        let cue = t[comma + gap..next].trim();
        if t[from..comma].trim().is_empty()
            || cue.is_empty()
            || t[next + found.len()..].trim().is_empty()
        {
            break;
        }
        n += 1;
        marks.push((comma, None));
        marks.push((next + found.len(), Some(n)));
        from = next + found.len();
    }
    if n == 1 {
        return Vec::new();
    }
    // `A = "시간으로 …" / B = "계산으로 …"`: quotes framing a whole value stay shown, as a
    // single quoted value's do (not the one closing `수렴하는 "값"`).
    let quote = |c: char| matches!(c, '"' | '“' | '”');
    let end = t.trim_end().len();
    let mut framed: Vec<(usize, usize)> = Vec::new();
    for (i, &(at, open)) in marks.iter().enumerate() {
        if open.is_none() {
            continue;
        }
        let close = marks.get(i + 1).map_or(end, |&(c, _)| c);
        let value = &t[at..close];
        let lead = value.len() - value.trim_start().len();
        // `Selection = "고르기" (원래 변수 살아있음) / …`: an aside after the closing quote is
        // the value's gloss, shown; the quotes frame what is hidden.
        let inner = without_closing_aside(value.trim());
        let Some(q2) = inner.chars().next_back().filter(|&c| quote(c)) else {
            continue;
        };
        // The first value's opening quote may already stand before its mark.
        let opened = t[..at].ends_with(quote);
        let q1 = inner.chars().next().filter(|&c| quote(c) && !opened);
        let q1_len = q1.map_or(0, char::len_utf8);
        if (opened || q1.is_some()) && inner.len() > q1_len + q2.len_utf8() {
            framed.push((i, at + lead + q1_len));
            framed.push((i + 1, at + lead + inner.len() - q2.len_utf8()));
        } else if inner.len() > q2.len_utf8() {
            // `"버퍼에 쌓아두고 재활용 → Off", "쓰고 바로 버림 → On"`: the quote frames the pair,
            // cue and value, and closes after the value, outside its deletion.
            let pair_start = marks[..i]
                .iter()
                .rev()
                .find(|(_, open)| open.is_none())
                .map_or(0, |&(c, _)| c);
            let before = &t[pair_start..at];
            let open_quote = before.matches('"').count() % 2 == 1
                || before.matches('“').count() > before.matches('”').count();
            if open_quote {
                framed.push((i + 1, at + lead + inner.len() - q2.len_utf8()));
            }
        }
    }
    for (i, at) in framed {
        match marks.get_mut(i) {
            Some(m) => m.0 = at,
            None => marks.push((at, None)),
        }
    }
    let values: Vec<&str> = marks
        .iter()
        .enumerate()
        .filter(|(_, (_, open))| open.is_some())
        .map(|(i, &(at, _))| &t[at..marks.get(i + 1).map_or(t.len(), |&(end, _)| end)])
        .collect();
    // A one-word value (`n-gram` is one) is a name.
    let one_word = |v: &str| {
        v.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
            < 2
    };
    let contrast = n == 2
        && (values.iter().any(|v| one_word(v))
            || shares_a_word(&words(values[0]), &words(values[1])));
    if contrast {
        for (_, open) in &mut marks {
            if open.is_some() {
                *open = Some(1);
            }
        }
    }
    marks
}

/// Where the last `sep` of `text` outside parentheses starts.
fn last_outside_parens(text: &str, sep: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut last = None;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 && text[i..].starts_with(sep) => last = Some(i),
            _ => {}
        }
    }
    last
}

/// Where the parenthesis open at byte `at` of `t` closes, when `at` is inside one.
pub(super) fn closing_paren(t: &str, at: usize) -> Option<usize> {
    let open = t[..at].chars().fold(0i32, |depth, c| match c {
        '(' => depth + 1,
        ')' => (depth - 1).max(0),
        _ => depth,
    });
    if open == 0 {
        return None;
    }
    let mut depth = open;
    for (i, c) in t[at..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth < open {
                    return Some(at + i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Where the items of a value listing three to eight short items (`Level 0 = Manual, No
/// CI/CD, Model-only deployment, No monitoring`; `DQN = Q-Learning + DNN + Experience Replay +
/// Target Network`) start and end, as [`pair_marks`] gives marks: a card per item, the
/// others shown as its cue. One deletion of the whole list asked every item at once. Empty
/// when an item is a phrase of its own (over four words), holds an arrow, a colon or an `=`
/// (`NAS를 … 만든 방법, discrete → continuous`), or the list has another shape.
pub(super) fn list_marks(t: &str, cut: usize) -> Vec<(usize, Option<u32>)> {
    let end = t.trim_end().len();
    let value = &t[cut..end];
    let Some(sep) = [", ", " + "].into_iter().find(|sep| value.contains(sep)) else {
        return Vec::new();
    };
    let mut items: Vec<(usize, usize)> = Vec::new();
    let (mut depth, mut start) = (0usize, cut);
    for (i, c) in value.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 && value[i..].starts_with(sep) => {
                items.push((start, cut + i));
                start = cut + i + sep.len();
            }
            _ => {}
        }
    }
    items.push((start, end));
    let short = |&(a, b): &(usize, usize)| {
        let item = t[a..b].trim();
        !item.is_empty()
            && item.chars().count() <= 40
            && item.split_whitespace().count() <= 4
            && !item.contains(['→', ':', '=', '<', '>'])
    };
    if !(3..=8).contains(&items.len()) || !items.iter().all(short) {
        return Vec::new();
    }
    let mut marks = Vec::with_capacity(2 * items.len());
    for (n, &(a, b)) in items.iter().enumerate() {
        let lead = t[a..b].len() - t[a..b].trim_start().len();
        marks.push((a + lead, Some(n as u32 + 1)));
        if n + 1 < items.len() {
            marks.push((a + t[a..b].trim_end().len(), None));
        }
    }
    marks
}

/// `value` without a parenthesised aside closing it after a quote (`"고르기" (원래 변수
/// 살아있음)` → `"고르기"`); as it is otherwise.
fn without_closing_aside(value: &str) -> &str {
    match super::key_terms::closing_aside(value) {
        Some((head, inside)) if head.ends_with(['"', '”']) && !inside.contains(['(', ')']) => {
            head
        }
        _ => value,
    }
}

/// The clauses of `text` parted by `, `, ` / ` or a line break (the space at an offset in
/// `breaks`) outside parentheses, as byte ranges.
fn clauses_of(text: &str, breaks: &[usize]) -> Vec<(usize, usize)> {
    let mut clauses = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if i < start => {}
            _ if depth == 0 && breaks.binary_search(&i).is_ok() => {
                clauses.push((start, i));
                start = i + 1;
            }
            _ if depth == 0 && (text[i..].starts_with(", ") || text[i..].starts_with(" / ")) => {
                clauses.push((start, i));
                start = i + if text[i..].starts_with(", ") { 2 } else { 3 };
            }
            _ => {}
        }
    }
    clauses.push((start, text.len()));
    clauses
}

/// Fewest clauses of a line read as a summary of facts ([`summary_marks`]).
const SUMMARY_MIN_CLAUSES: usize = 6;

/// [`pair_marks`] of the pairs after a label's colon (`**지표**: Semantic = mIoU, Instance =
/// mask AP, Panoptic = PQ`, from `cut` after the colon): each value after its cue's ` = ` or
/// ` → `. Hidden from the colon, one deletion asked the three pairs at once.
pub(super) fn labelled_pairs(t: &str, cut: usize, breaks: &[u32]) -> Vec<(usize, Option<u32>)> {
    let first = [" = ", " → "]
        .into_iter()
        .filter_map(|sep| t[cut..].find(sep).map(|at| (cut + at, sep)))
        .min_by_key(|&(at, _)| at);
    match first {
        Some((at, sep)) if !t[cut..at].trim().is_empty() => {
            pair_marks(t, at + sep.len(), sep, breaks)
        }
        _ => Vec::new(),
    }
}

/// Where the values start and end of a line summing up many facts in clauses of several
/// shapes (`p-value ≠ P(H0), power = 1 − β, n ≈ 16σ²/δ², SRM 나오면 해석 금지, …, BH = FDR,
/// novelty → 기간 늘리기, …`), as [`pair_marks`] gives marks: each clause's value after its
/// ` = ` or ` → ` hidden on its own card, a clause without one shown. Read as pairs, a
/// value ran on to the next ` = ` and one deletion hid four facts. Empty unless the line has
/// [`SUMMARY_MIN_CLAUSES`] clauses or more, parted by `, `, ` / ` or a line break (`breaks`,
/// plain offsets) outside parentheses, two of them at least without a separator.
pub(super) fn summary_marks(t: &str, from: usize, breaks: &[u32]) -> Vec<(usize, Option<u32>)> {
    let end = t.trim_end().len();
    let line = &t[from..end];
    let breaks: Vec<usize> = breaks
        .iter()
        .map(|&b| b as usize)
        .filter(|&b| from <= b && b < end)
        .map(|b| b - from)
        .collect();
    let clauses = clauses_of(line, &breaks);
    if clauses.len() < SUMMARY_MIN_CLAUSES {
        return Vec::new();
    }
    let value_of = |(a, b): (usize, usize)| {
        [" = ", " → "]
            .iter()
            .filter_map(|sep| line[a..b].find(sep).map(|at| a + at + sep.len()))
            .min()
            .filter(|&v| !line[v..b].trim().is_empty())
    };
    let bare = clauses.iter().filter(|&&c| value_of(c).is_none()).count();
    if bare < 2 || clauses.len() - bare < 2 {
        return Vec::new();
    }
    let mut marks = Vec::new();
    let mut n = 0;
    for &(a, b) in &clauses {
        if let Some(v) = value_of((a, b)) {
            n += 1;
            marks.push((from + v, Some(n)));
            if from + b < end {
                marks.push((from + a + line[a..b].trim_end().len(), None));
            }
        }
    }
    marks
}

/// Where the figures start and end of a value listing named figures (`t-SNE perplexity 30 /
/// UMAP n_neighbors 15, min_dist 0.1 / LDA 최대 C−1`), as [`pair_marks`] gives marks: each
/// name stays shown as its figure's cue. One deletion of the whole value asked four unrelated
/// numbers behind a label (`숫자:`) that said nothing of them. Empty unless every item, split
/// at ` / ` and `, `, is a name of one to four words and a last word holding a digit.
pub(super) fn figure_marks(t: &str, cut: usize) -> Vec<(usize, Option<u32>)> {
    let end = t.trim_end().len();
    let value = &t[cut..end];
    if !value.contains(" / ") {
        return Vec::new();
    }
    let items = clauses_of(value, &[]);
    let mut marks = Vec::with_capacity(2 * items.len());
    for (n, &(a, b)) in items.iter().enumerate() {
        let item = value[a..b].trim_end();
        let Some((name, figure)) = item.trim_start().rsplit_once(' ') else {
            return Vec::new();
        };
        let words = name.split_whitespace().count();
        if !(1..=4).contains(&words)
            || !figure.bytes().any(|b| b.is_ascii_digit())
            || item.contains(['→', '=', ':', '<', '>'])
        {
            return Vec::new();
        }
        let at = cut + a + item.len() - figure.len();
        marks.push((at, Some(n as u32 + 1)));
        if n + 1 < items.len() {
            marks.push((at + figure.len(), None));
        }
    }
    if marks.len() < 3 {
        return Vec::new();
    }
    marks
}

/// Where the deletion of a value `cause → effect` starts, as [`pair_marks`] gives marks: at
/// the effect, the cause staying shown as the cue (`Overfitting = "Too much memorizing" →
/// {{c1::모델 단순화 & 정규화}}`). One deletion of the whole value asked two facts at once, and
/// a card per side asked the cause back from its own effect, or the name the term already
/// says (`Grad-CAM = gradient로 가중치`). Empty (the whole value hidden, as before) when the
/// value is not one cause and one effect: an effect that shares a word with its cause (its
/// mirror: `노이즈 추가 → 노이즈 제거`), an ordering or a pipeline of three steps or more
/// (`SFT → 보상 모델 → PPO`, whose order is the fact), a list with an arrow in one item
/// (`NAS를 … 만든 방법, discrete → continuous`: a `, ` before the arrow), or an arrow inside
/// parentheses.
pub(super) fn effect_mark(t: &str, cut: usize) -> Vec<(usize, Option<u32>)> {
    const ARROW: &str = " → ";
    let mut arrows = Vec::new();
    let mut depth = 0usize;
    for (i, c) in t[cut..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 && t[cut + i..].starts_with(ARROW) => arrows.push(cut + i),
            _ => {}
        }
    }
    let [arrow] = arrows[..] else {
        return Vec::new();
    };
    let (cause, effect) = (&t[cut..arrow], &t[arrow + ARROW.len()..]);
    let (cause_words, effect_words) = (words(cause), words(effect));
    // `노이즈 추가(순방향) → 노이즈 제거 학습(역방향)`: an effect sharing a word with its
    // cause is its mirror, which the shown cause gives away.
    let mirror = shares_a_word(&cause_words, &effect_words);
    if cause_words.is_empty() || effect_words.is_empty() || mirror || cause.contains(", ") {
        return Vec::new();
    }
    vec![(arrow + ARROW.len(), Some(1))]
}

/// The words of a tip's value, case folded: not the arrows, pluses and brackets between them.
fn words(value: &str) -> Vec<String> {
    value
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether two values of a tip line share a word, so that showing one gives the other away.
fn shares_a_word(a: &[String], b: &[String]) -> bool {
    a.iter().any(|w| b.contains(w))
}
