//! Choosing the characters that lost a byte: candidates, their prior, and a Viterbi search over
//! the syllable trigram model with the intact text as fixed context.

use crate::model::{self, Model};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

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

/// Trigram probabilities for one repair: the built-in model, mixed (in the second pass) with a
/// cache model counted from the document being repaired.
#[derive(Default)]
struct Scorer {
    /// Trigrams already looked up: text repeats its contexts, and one hash lookup is cheaper
    /// than the model's three binary searches and the cache's four lookups.
    memo: HashMap<u64, Entry, BuildFastHasher>,
    cache: Option<Cache>,
}

/// What the scorer knows about one trigram.
#[derive(Clone, Copy)]
struct Entry {
    /// log P(c | a, b), mixed with the cache when there is one.
    log_p: f64,
    built_in: f64,
    counts: Counts,
}

/// Trigrams kept in the memo (a few tens of MB at most); a megabyte of real text needs about
/// 120k-310k.
const MEMO_LIMIT: usize = 1 << 19;

impl Scorer {
    /// log P(c | a, b) for the trigram that ends at lattice node `i`.
    fn log_prob(&mut self, i: usize, a: u16, b: u16, c: u16) -> f64 {
        self.probs(i, a, b, c).0
    }

    /// log P(c | a, b) as [`Scorer::log_prob`] gives it, and the built-in model's P(c | a, b)
    /// (without the cache), for the confidence.
    fn probs(&mut self, i: usize, a: u16, b: u16, c: u16) -> (f64, f64) {
        let key = trigram_key(a, b, c);
        let cache = self.cache.as_ref();
        let entry = match self.memo.get(&key) {
            Some(entry) => *entry,
            None => {
                let built_in = Model::get().log_prob(a, b, c).exp();
                let counts = cache.map_or_else(Counts::default, |cache| cache.counts(a, b, c));
                let entry = Entry {
                    log_p: counts.mix(built_in).ln(),
                    built_in,
                    counts,
                };
                // Bounded: input made of nothing but damaged characters has a new trigram at
                // almost every step, and memory must not grow with it.
                if self.memo.len() < MEMO_LIMIT {
                    self.memo.insert(key, entry);
                }
                entry
            }
        };
        let log_p = match cache.and_then(|cache| cache.own_counts(i, a, b, c)) {
            // This position's own first-pass reading is in the counts: score without it.
            Some(own) => entry.counts.without(own).mix(entry.built_in).ln(),
            None => entry.log_p,
        };
        (log_p, entry.built_in)
    }

    fn set_cache(&mut self, cache: Cache) {
        // Keep the built-in probabilities already looked up; add the cache's counts.
        for (&key, entry) in &mut self.memo {
            let (a, b, c) = ((key >> 32) as u16, (key >> 16) as u16, key as u16);
            entry.counts = cache.counts(a, b, c);
            entry.log_p = entry.counts.mix(entry.built_in).ln();
        }
        self.cache = Some(cache);
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
    /// (candidate index, probability), most probable first: what the choice (and the cache)
    /// is made with.
    pub posterior: Vec<(usize, f32)>,
    /// The same posterior under the two floored models, the built-in one alone and the one the
    /// choice was made with (see [`FLOOR_WEIGHT`]): what the reported confidence is made of.
    pub floored: [Vec<(usize, f32)>; 2],
}

impl Decision {
    /// The honest confidence of the chosen candidate and the posterior it comes from: the lower
    /// of the two floored posteriors.
    pub(crate) fn calibrated(&self) -> (f32, &[(usize, f32)]) {
        let of = |posterior: &[(usize, f32)]| {
            posterior
                .iter()
                .find(|(i, _)| *i == self.chosen)
                .map_or(0.0, |&(_, p)| p)
        };
        let [built_in, adapted] = &self.floored;
        if of(built_in) <= of(adapted) {
            (of(built_in), built_in)
        } else {
            (of(adapted), adapted)
        }
    }
}

/// Weight of the predicted token's unigram probability mixed into every trigram probability
/// when the confidence is computed (never when choosing). Absolute discounting gives an unseen
/// trigram after a history with few distinct followers a tiny probability, and a syllable pair
/// the training text happens to lack ("섞기", "쓰되") then loses by ten nats or more: a certainty
/// the counts do not support. Floored, an unseen trigram costs at most ln(1/0.02) ≈ 3.9 nats
/// below the token's own frequency. Chosen on the held-out texts (0.003-0.2 measured; smaller
/// flags fewer there, larger fewer on the notes); see docs/repair.md.
const FLOOR_WEIGHT: f64 = 0.02;

/// Posterior (most probable first) of candidates with these log scores.
fn posterior_of(scores: &[f64]) -> Vec<(usize, f32)> {
    let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let weights: Vec<f64> = scores.iter().map(|s| (s - max).exp()).collect();
    let sum: f64 = weights.iter().sum();
    let mut posterior: Vec<(usize, f32)> = weights
        .iter()
        .enumerate()
        .map(|(k, w)| (k, (w / sum) as f32))
        .collect();
    posterior.sort_by(|a, b| b.1.total_cmp(&a.1));
    posterior
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
    ///
    /// Two passes: the first with the built-in model alone; its confident choices and the
    /// intact text then make a cache model of this very document, and the second pass decides
    /// with both (see [`Cache`]); only the first when `adapt` is false. `agree` revises the
    /// decisions of each pass (one reading per damaged word) before they are used.
    pub(crate) fn decide(
        mut self,
        agree: impl Fn(&mut [(usize, Decision)]),
        adapt: bool,
    ) -> Vec<(usize, Decision)> {
        // Two boundary tokens of history, as in training; one at the end closes the last word.
        self.nodes.insert(0, Node::Fixed(model::T_SPACE));
        self.nodes.insert(0, Node::Fixed(model::T_SPACE));
        self.nodes.push(Node::Fixed(model::T_SPACE));
        let mut scorer = Scorer::default();
        // The first pass reports confidences only when it is the last.
        let mut first = self.decide_with(&mut scorer, !adapt);
        agree(&mut first);
        if !adapt {
            return first;
        }
        // One adapted pass: more passes measured no better on held-out text.
        scorer.set_cache(Cache::build(&self.nodes, &first));
        let mut out = self.decide_with(&mut scorer, true);
        agree(&mut out);
        out
    }

    /// One pass: the Viterbi path, then every choice's posterior with its neighbours fixed;
    /// `calibrate` adds the floored posteriors the confidence is reported from.
    fn decide_with(&self, model: &mut Scorer, calibrate: bool) -> Vec<(usize, Decision)> {
        let best = self.viterbi(model);
        let mut out = Vec::new();
        for (i, node) in self.nodes.iter().enumerate() {
            let Node::Choice(cands) = node else { continue };
            let tok = |k: usize| -> Option<u16> {
                let n = self.nodes.get(k)?;
                Some(n.token(*best.get(k)?))
            };
            let (p2, p1) = (tok(i - 2), tok(i - 1));
            let (n1, n2) = (tok(i + 1), tok(i + 2));
            // Per candidate: the score the choice is made with, and the floored scores of the
            // built-in and of the adapted model (equal when there is no cache).
            let mut scores = Vec::with_capacity(cands.len());
            let mut floored: [Vec<f64>; 2] = Default::default();
            let model_unigram = |t: u16| Model::get().unigram(t);
            let floor = |p: f64, u: f64| ((1.0 - FLOOR_WEIGHT) * p + FLOOR_WEIGHT * u).ln();
            for c in cands {
                // ((log P as chosen with, built-in P), predicted token) of the three trigrams.
                let terms = [
                    p2.zip(p1)
                        .map(|(a, b)| (model.probs(i, a, b, c.token), c.token)),
                    p1.zip(n1)
                        .map(|(b, d)| (model.probs(i + 1, b, c.token, d), d)),
                    n1.zip(n2)
                        .map(|(d, e)| (model.probs(i + 2, c.token, d, e), e)),
                ];
                let mut s = [c.log_prior; 3];
                for ((log_p, built_in), predicted) in terms.into_iter().flatten() {
                    s[0] += log_p;
                    if calibrate {
                        let u = model_unigram(predicted);
                        s[1] += floor(built_in, u);
                        s[2] += floor(log_p.exp(), u);
                    }
                }
                scores.push(s[0]);
                if calibrate {
                    floored[0].push(s[1]);
                    floored[1].push(s[2]);
                }
            }
            let posterior = posterior_of(&scores);
            // Lattice indices shift by the two inserted boundary tokens.
            out.push((
                i - 2,
                Decision {
                    chosen: best[i],
                    posterior,
                    floored: floored.map(|scores| posterior_of(&scores)),
                },
            ));
        }
        out
    }

    /// Best candidate index per node (0 for fixed nodes): Viterbi with states = the candidate
    /// pair at (i-1, i), exact for a trigram model.
    fn viterbi(&self, model: &mut Scorer) -> Vec<usize> {
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
                            + model.log_prob(i, ta, tb, self.nodes[i].token(c))
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

/// A cache model of the document being repaired (a document-adaptive language model).
///
/// Only characters whose UTF-8 held a dropped byte are damaged; the rest of the document, and
/// the damaged characters the first pass chose with confidence, are good evidence of how this
/// document writes: "채널" read with confidence in "채널 인덱스" makes "채널" likelier where the
/// context says little ("채?별"). Counts of syllable bigrams and trigrams over that text make a
/// small trigram model, mixed with the built-in one. Each trigram is scored without its own
/// first-pass reading (leave-one-out), so a first-pass choice never votes for itself.
struct Cache {
    /// The first pass's token at every lattice node; [`UNKNOWN`] where it was not confident.
    first: Vec<u16>,
    trigrams: HashMap<u64, u32, BuildFastHasher>,
    trigram_histories: HashMap<u32, u32, BuildFastHasher>,
    bigrams: HashMap<u32, u32, BuildFastHasher>,
    bigram_histories: HashMap<u16, u32, BuildFastHasher>,
}

// The constants below were chosen on the held-out texts (Debian FAQ and Constitution, damaged by
// simulation), not on the user's notes; see the README's `repair` section.

/// A first-pass choice at least this probable counts as known text for the cache (0.9 and 0.99
/// measured worse). Not the reporting threshold: that one applies to the floored confidence.
const CONFIDENT: f32 = 0.95;
/// Weight of the cache model where its history is well attested.
const CACHE_WEIGHT: f64 = 0.4;
/// Bigram-history count at which the cache gets half its weight: one or two observations are
/// weak evidence.
const HISTORY_HALF: f64 = 2.0;
/// Dirichlet prior of the cache trigram towards the cache bigram.
const TRIGRAM_PRIOR: f64 = 1.0;

/// First-pass tokens that are not known (the choice was not confident).
const UNKNOWN: u16 = u16::MAX;

impl Cache {
    fn build(nodes: &[Node], first: &[(usize, Decision)]) -> Cache {
        let mut tokens: Vec<u16> = nodes.iter().map(|n| n.token(0)).collect();
        for (i, d) in first {
            // Decisions are numbered without the two boundary tokens in front.
            let i = i + 2;
            let sure = d
                .posterior
                .first()
                .is_some_and(|&(k, p)| k == d.chosen && p >= CONFIDENT);
            if let (Some(t), Some(node)) = (tokens.get_mut(i), nodes.get(i)) {
                *t = if sure { node.token(d.chosen) } else { UNKNOWN };
            }
        }
        let mut cache = Cache {
            first: Vec::new(),
            trigrams: HashMap::default(),
            trigram_histories: HashMap::default(),
            bigrams: HashMap::default(),
            bigram_histories: HashMap::default(),
        };
        for w in tokens.windows(2) {
            if w.contains(&UNKNOWN) {
                continue;
            }
            *cache.bigrams.entry(bigram_key(w[0], w[1])).or_default() += 1;
            *cache.bigram_histories.entry(w[0]).or_default() += 1;
        }
        for w in tokens.windows(3) {
            if w.contains(&UNKNOWN) {
                continue;
            }
            *cache
                .trigrams
                .entry(trigram_key(w[0], w[1], w[2]))
                .or_default() += 1;
            *cache
                .trigram_histories
                .entry(bigram_key(w[0], w[1]))
                .or_default() += 1;
        }
        cache.first = tokens;
        cache
    }

    /// The counts that bear on P(c | a, b).
    fn counts(&self, a: u16, b: u16, c: u16) -> Counts {
        let get2 =
            |m: &HashMap<u32, u32, BuildFastHasher>, k| f64::from(m.get(&k).copied().unwrap_or(0));
        Counts {
            bigram_history: f64::from(self.bigram_histories.get(&b).copied().unwrap_or(0)),
            bigram: get2(&self.bigrams, bigram_key(b, c)),
            trigram_history: get2(&self.trigram_histories, bigram_key(a, b)),
            trigram: f64::from(
                self.trigrams
                    .get(&trigram_key(a, b, c))
                    .copied()
                    .unwrap_or(0),
            ),
        }
    }

    /// What the first-pass reading at node `i` itself added to the counts of (a, b, c), if
    /// anything.
    fn own_counts(&self, i: usize, a: u16, b: u16, c: u16) -> Option<Counts> {
        let own = |k: usize| {
            i.checked_sub(k)
                .and_then(|j| self.first.get(j))
                .copied()
                .filter(|&t| t != UNKNOWN)
        };
        let (f1, f0) = (own(1)?, own(0)?);
        if f1 != b {
            return None;
        }
        let mut counts = Counts {
            bigram_history: 1.0,
            bigram: f64::from(u8::from(f0 == c)),
            ..Counts::default()
        };
        if own(2) == Some(a) {
            counts.trigram_history = 1.0;
            counts.trigram = counts.bigram;
        }
        Some(counts)
    }
}

/// Cache counts for one trigram (a, b, c).
#[derive(Clone, Copy, Default)]
struct Counts {
    /// Known bigrams (b, *), and (b, c).
    bigram_history: f64,
    bigram: f64,
    /// Known trigrams (a, b, *), and (a, b, c).
    trigram_history: f64,
    trigram: f64,
}

impl Counts {
    fn without(self, own: Counts) -> Counts {
        Counts {
            bigram_history: (self.bigram_history - own.bigram_history).max(0.0),
            bigram: (self.bigram - own.bigram).max(0.0),
            trigram_history: (self.trigram_history - own.trigram_history).max(0.0),
            trigram: (self.trigram - own.trigram).max(0.0),
        }
    }

    /// The built-in probability mixed with the cache's: a trigram cache with a Dirichlet prior
    /// towards the bigram cache, weighted by how much the history was seen.
    fn mix(self, built_in: f64) -> f64 {
        let bh = self.bigram_history;
        if bh <= 0.0 {
            return built_in;
        }
        let cached = (self.trigram + TRIGRAM_PRIOR * self.bigram / bh)
            / (self.trigram_history + TRIGRAM_PRIOR);
        let weight = CACHE_WEIGHT * bh / (bh + HISTORY_HALF);
        (1.0 - weight) * built_in + weight * cached
    }
}

fn bigram_key(a: u16, b: u16) -> u32 {
    (u32::from(a) << 16) | u32::from(b)
}

fn trigram_key(a: u16, b: u16, c: u16) -> u64 {
    (u64::from(a) << 32) | (u64::from(b) << 16) | u64::from(c)
}

/// A multiplicative hash for the integer keys above (the standard SipHash is several times
/// slower, and the keys are not attacker-chosen in any way that matters: the worst case is a
/// slower repair).
#[derive(Default, Clone, Copy)]
struct FastHasher(u64);

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        // The product's high bits are the well-mixed ones; the table indexes by the low ones.
        self.0 ^ (self.0 >> 32)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u16(&mut self, n: u16) {
        self.write_u64(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type BuildFastHasher = BuildHasherDefault<FastHasher>;
