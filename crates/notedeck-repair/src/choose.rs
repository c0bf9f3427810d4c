//! Choosing the characters that lost a byte: candidates, their prior, and a Viterbi search over
//! the syllable trigram model with the intact text as fixed context.

use crate::model::{self, Model};

/// One possible original character for a damaged position.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub ch: char,
    pub token: u16,
    /// log P(character | its model token): 0 for syllables (the model itself scores them);
    /// for symbols, how common the symbol is, since the model sees all symbols as one token.
    pub log_prior: f64,
}

/// Every character that `lead` + `present` could have been before `need - present.len()`
/// continuation bytes from `droppable` were lost.
pub(crate) fn candidates(
    lead: u8,
    present: &[u8],
    need: usize,
    droppable: &[u8],
    context: &Context<'_>,
) -> Vec<Candidate> {
    let missing = need.saturating_sub(present.len());
    let mut out: Vec<Candidate> = Vec::new();
    let mut buf = Vec::with_capacity(need + 1);
    for slots in combinations(need, missing) {
        for fill in product(droppable, missing) {
            buf.clear();
            buf.push(lead);
            let (mut p, mut f) = (0, 0);
            for slot in 0..need {
                if slots.contains(&slot) {
                    buf.push(fill[f]);
                    f += 1;
                } else {
                    buf.push(present[p]);
                    p += 1;
                }
            }
            let Some(ch) = std::str::from_utf8(&buf)
                .ok()
                .and_then(|s| s.chars().next())
            else {
                continue;
            };
            if ch.is_control() || out.iter().any(|c| c.ch == ch) {
                continue;
            }
            let token = model::token_of(ch);
            let log_prior = if model::is_hangul_syllable(ch) {
                0.0
            } else {
                symbol_log_prior(ch, context)
            };
            out.push(Candidate {
                ch,
                token,
                log_prior,
            });
        }
    }
    let cap = if missing > 1 {
        MAX_CANDIDATES_MULTI
    } else {
        MAX_CANDIDATES
    };
    if out.len() > cap {
        // Only when several bytes are missing: keep the likeliest by themselves, so that the
        // search stays small (and candidate indices fit a byte).
        let model = Model::get();
        let score = |c: &Candidate| c.log_prior + model.log_unigram(c.token);
        out.sort_by(|a, b| score(b).total_cmp(&score(a)));
        out.truncate(cap);
    }
    out
}

/// Upper bound on candidates per position.
const MAX_CANDIDATES: usize = 32;
/// When every continuation byte is gone (a lone lead), dozens of syllables fit; the likeliest
/// few by frequency cover the real cases ("자" is EC 9E 90: both bytes undefined in 1254).
const MAX_CANDIDATES_MULTI: usize = 12;

/// Text around a damaged position, for the symbol hints (the damaged line, in the input).
pub(crate) struct Context<'a> {
    pub line: &'a str,
    /// The damaged characters' offset within `line`.
    pub at: usize,
}

/// Bonus for a symbol whose LaTeX command appears on the same line: Notion copies a KaTeX
/// formula as its rendered characters followed by the TeX source, which survives (it is ASCII).
const TEX_SOURCE_BONUS: f64 = 4.0;
/// Bonus for U+2061 FUNCTION APPLICATION right after an operator name ("exp", "max"), which is
/// where KaTeX puts it; anywhere else it is essentially never typed.
const FUNCTION_APPLICATION_BONUS: f64 = 9.0;

fn symbol_log_prior(ch: char, context: &Context<'_>) -> f64 {
    let model = Model::get();
    // Symbols of KS X 1001 are the ones a Korean keyboard offers (ㅁ + 한자 key): common in
    // Korean text even when the training text had few of them.
    let korean_keyboard = encoding_rs::EUC_KR
        .new_encoder()
        .max_buffer_length_from_utf8_without_replacement(4)
        .is_some()
        && {
            let mut buf = [0u8; 4];
            let s = ch.encode_utf8(&mut buf);
            let (_, _, unmappable) = encoding_rs::EUC_KR.encode(s);
            !unmappable
        };
    let count = model.symbol_count(ch) as f64 + 0.5 + if korean_keyboard { 5.0 } else { 0.0 };
    let mut prior = (count / (model.symbol_total() + 1000.0)).ln();
    if ch == '\u{2061}' && follows_operator_name(context) {
        prior += FUNCTION_APPLICATION_BONUS;
    } else if tex_names(ch)
        .iter()
        .any(|name| has_tex_command(context.line, name))
    {
        prior += TEX_SOURCE_BONUS;
    }
    prior
}

fn follows_operator_name(context: &Context<'_>) -> bool {
    let before = context.line.get(..context.at).unwrap_or("");
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    const OPERATORS: &[&str] = &[
        "sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh", "tanh", "arcsin", "arccos",
        "arctan", "log", "ln", "lg", "exp", "max", "min", "sup", "inf", "lim", "det", "arg",
        "argmax", "argmin", "deg", "dim", "gcd", "ker", "Pr", "softmax",
    ];
    OPERATORS.iter().any(|op| word.ends_with(op))
}

fn has_tex_command(line: &str, name: &str) -> bool {
    line.match_indices('\\').any(|(i, _)| {
        let rest = line.get(i + 1..).unwrap_or("");
        rest.starts_with(name)
            && !rest[name.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic())
    })
}

fn tex_names(ch: char) -> &'static [&'static str] {
    match ch {
        '∞' => &["infty"],
        '←' => &["leftarrow", "gets"],
        '→' => &["rightarrow", "to"],
        '↔' => &["leftrightarrow"],
        '↑' => &["uparrow"],
        '↓' => &["downarrow"],
        '⇐' => &["Leftarrow"],
        '⇒' => &["Rightarrow", "implies"],
        '⇔' => &["Leftrightarrow", "iff"],
        '∏' => &["prod"],
        '∑' => &["sum"],
        '∫' => &["int"],
        '∂' => &["partial"],
        '∇' => &["nabla"],
        '⋅' => &["cdot"],
        '×' => &["times"],
        '±' => &["pm"],
        '≠' => &["neq", "ne"],
        '≤' => &["leq", "le"],
        '≥' => &["geq", "ge"],
        '≈' => &["approx"],
        '∝' => &["propto"],
        '∈' => &["in"],
        '∉' => &["notin"],
        '⊂' => &["subset"],
        '⊆' => &["subseteq"],
        '∪' => &["cup"],
        '∩' => &["cap"],
        '∀' => &["forall"],
        '∃' => &["exists"],
        '√' => &["sqrt"],
        '…' => &["ldots", "dots"],
        '⋯' => &["cdots"],
        '′' => &["prime"],
        _ => &[],
    }
}

/// Trigram log-probabilities already looked up during one repair: text repeats its contexts,
/// and a hash lookup is cheaper than the model's three binary searches.
#[derive(Default)]
struct Memo {
    cache: std::collections::HashMap<u64, f64>,
}

impl Memo {
    fn log_prob(&mut self, a: u16, b: u16, c: u16) -> f64 {
        let key = (u64::from(a) << 32) | (u64::from(b) << 16) | u64::from(c);
        *self
            .cache
            .entry(key)
            .or_insert_with(|| Model::get().log_prob(a, b, c))
    }
}

/// States kept per lattice position. Exact for real damage (a syllable has at most 8 candidates
/// and neighbours rarely both lost bytes); it bounds the work on pathological input, such as
/// long runs of characters that lost every continuation byte.
const BEAM: usize = 64;

fn prune(scores: &mut [f64]) {
    if scores.len() <= BEAM {
        return;
    }
    let mut sorted: Vec<f64> = scores.to_vec();
    let (_, &mut cut, _) = sorted.select_nth_unstable_by(BEAM - 1, |a, b| b.total_cmp(a));
    for s in scores.iter_mut() {
        if *s < cut {
            *s = f64::NEG_INFINITY;
        }
    }
}

/// All ways to pick `k` of `n` slots (n <= 3 here).
fn combinations(n: usize, k: usize) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    for mask in 0u32..(1 << n) {
        if mask.count_ones() as usize == k {
            out.push((0..n).filter(|i| mask & (1 << i) != 0).collect());
        }
    }
    out
}

/// All sequences of `k` bytes drawn from `set`.
fn product(set: &[u8], k: usize) -> Vec<Vec<u8>> {
    let mut out = vec![Vec::new()];
    for _ in 0..k {
        out = out
            .into_iter()
            .flat_map(|prefix| {
                set.iter().map(move |&b| {
                    let mut next = prefix.clone();
                    next.push(b);
                    next
                })
            })
            .collect();
    }
    out
}

/// A position of the lattice: a fixed token, or one of several candidates.
pub(crate) enum Node {
    Fixed(u16),
    Choice(Vec<Candidate>),
}

impl Node {
    fn len(&self) -> usize {
        match self {
            Node::Fixed(_) => 1,
            Node::Choice(c) => c.len(),
        }
    }

    fn token(&self, i: usize) -> u16 {
        match self {
            Node::Fixed(t) => *t,
            Node::Choice(c) => c.get(i).map_or(model::T_OTHER, |c| c.token),
        }
    }

    fn log_prior(&self, i: usize) -> f64 {
        match self {
            Node::Fixed(_) => 0.0,
            Node::Choice(c) => c.get(i).map_or(0.0, |c| c.log_prior),
        }
    }
}

/// The choice made at a lattice position, with the local posterior of every candidate.
pub(crate) struct Decision {
    pub chosen: usize,
    /// (candidate index, probability), most probable first.
    pub posterior: Vec<(usize, f32)>,
}

/// Builds the token sequence, collapsing runs as the model was trained.
#[derive(Default)]
pub(crate) struct Lattice {
    nodes: Vec<Node>,
}

impl Lattice {
    pub(crate) fn push_char(&mut self, ch: char) {
        self.push_fixed(model::token_of(ch));
    }

    pub(crate) fn push_fixed(&mut self, token: u16) {
        if model::collapses(token)
            && matches!(self.nodes.last(), Some(Node::Fixed(t)) if *t == token)
        {
            return;
        }
        self.nodes.push(Node::Fixed(token));
    }

    /// Adds a choice; returns its lattice index.
    pub(crate) fn push_choice(&mut self, candidates: Vec<Candidate>) -> usize {
        self.nodes.push(Node::Choice(candidates));
        self.nodes.len() - 1
    }

    /// The most probable candidate at every choice, with local posteriors; indexed by the
    /// lattice index `push_choice` returned.
    pub(crate) fn decide(mut self) -> Vec<(usize, Decision)> {
        // Two boundary tokens of history, as in training; one at the end closes the last word.
        self.nodes.insert(0, Node::Fixed(model::T_SPACE));
        self.nodes.insert(0, Node::Fixed(model::T_SPACE));
        self.nodes.push(Node::Fixed(model::T_SPACE));
        let mut model = Memo::default();
        let best = self.viterbi(&mut model);
        let mut out = Vec::new();
        for (i, node) in self.nodes.iter().enumerate() {
            let Node::Choice(cands) = node else { continue };
            let tok = |k: usize| -> Option<u16> {
                let n = self.nodes.get(k)?;
                Some(n.token(*best.get(k)?))
            };
            let (p2, p1) = (tok(i - 2), tok(i - 1));
            let (n1, n2) = (tok(i + 1), tok(i + 2));
            let scores: Vec<f64> = cands
                .iter()
                .map(|c| {
                    let model = &mut model;
                    let mut s = c.log_prior;
                    if let (Some(a), Some(b)) = (p2, p1) {
                        s += model.log_prob(a, b, c.token);
                    }
                    if let (Some(b), Some(d)) = (p1, n1) {
                        s += model.log_prob(b, c.token, d);
                    }
                    if let (Some(d), Some(e)) = (n1, n2) {
                        s += model.log_prob(c.token, d, e);
                    }
                    s
                })
                .collect();
            let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let weights: Vec<f64> = scores.iter().map(|s| (s - max).exp()).collect();
            let sum: f64 = weights.iter().sum();
            let mut posterior: Vec<(usize, f32)> = weights
                .iter()
                .enumerate()
                .map(|(k, w)| (k, (w / sum) as f32))
                .collect();
            posterior.sort_by(|a, b| b.1.total_cmp(&a.1));
            // Lattice indices shift by the two inserted boundary tokens.
            out.push((
                i - 2,
                Decision {
                    chosen: best[i],
                    posterior,
                },
            ));
        }
        out
    }

    /// Best candidate index per node (0 for fixed nodes): Viterbi with states = the candidate
    /// pair at (i-1, i), exact for a trigram model.
    fn viterbi(&self, model: &mut Memo) -> Vec<usize> {
        let n = self.nodes.len();
        // back[i] holds, for each state (j_prev, j) at node i (flattened j_prev * len_i + j),
        // the best candidate index at node i-2.
        let mut back: Vec<Vec<u8>> = Vec::with_capacity(n);
        back.push(vec![0]);
        back.push(vec![0]);
        let mut scores: Vec<f64> = vec![0.0];
        for i in 2..n {
            let (na, nb, nc) = (
                self.nodes[i - 2].len(),
                self.nodes[i - 1].len(),
                self.nodes[i].len(),
            );
            if na * nb == 1 && nc == 1 {
                // One path through here: its score no longer matters for the choice.
                back.push(vec![0]);
                continue;
            }
            let mut next = vec![f64::NEG_INFINITY; nb * nc];
            let mut bp = vec![0u8; nb * nc];
            for a in 0..na {
                for b in 0..nb {
                    let prev = scores.get(a * nb + b).copied().unwrap_or(f64::NEG_INFINITY);
                    if prev == f64::NEG_INFINITY {
                        continue;
                    }
                    let (ta, tb) = (self.nodes[i - 2].token(a), self.nodes[i - 1].token(b));
                    for c in 0..nc {
                        let s = prev
                            + model.log_prob(ta, tb, self.nodes[i].token(c))
                            + self.nodes[i].log_prior(c);
                        let k = b * nc + c;
                        if s > next[k] {
                            next[k] = s;
                            bp[k] = a as u8;
                        }
                    }
                }
            }
            prune(&mut next);
            scores = next;
            back.push(bp);
        }
        // Backtrack from the best final state.
        let mut best = vec![0usize; n];
        let nc = self.nodes[n - 1].len();
        let (mut b, mut c) = (0, 0);
        let mut top = f64::NEG_INFINITY;
        for (k, &s) in scores.iter().enumerate() {
            if s > top {
                top = s;
                (b, c) = (k / nc, k % nc);
            }
        }
        best[n - 1] = c;
        best[n - 2] = b;
        for i in (2..n).rev() {
            let nc = self.nodes[i].len();
            let a = back[i]
                .get(best[i - 1] * nc + best[i])
                .copied()
                .unwrap_or(0);
            best[i - 2] = a as usize;
        }
        best
    }
}
