//! The Korean syllable model: trigram counts over syllables, compiled into the binary.
//!
//! Built by `tools/repair-model/build.py` from openly licensed Korean text (see the README's
//! `repair` section). The format, all integers LEB128 varints unless noted:
//!
//! ```text
//! "NDKM"  u32 LE version  u32 LE token count V  f32 LE discount
//! V unigram counts
//! bigram count, then per bigram (sorted by key b*V+c): key delta, count
//! trigram count, then per trigram (sorted by key (a*V+b)*V+c): key delta, count
//! symbol count, then per symbol (sorted by code point): code point delta, count
//! ```
//!
//! Probabilities are interpolated absolute discounting over raw counts: with little training
//! text, raw lower-order counts keep the syllable frequencies that decide most repairs (Kneser-Ney
//! continuation counts were measured worse here).

use std::sync::OnceLock;

/// Token for spaces, ASCII punctuation and line breaks: a word boundary for the model.
pub(crate) const T_SPACE: u16 = 0;
const T_LATIN: u16 = 1;
const T_DIGIT: u16 = 2;
/// Token for any other non-Hangul character (symbols, CJK, emoji).
pub(crate) const T_OTHER: u16 = 3;
const T_HANGUL0: u16 = 4;
const HANGUL_FIRST: u32 = 0xAC00;
const HANGUL_LAST: u32 = 0xD7A3;

static MODEL_BYTES: &[u8] = include_bytes!("../model/ko-syllables.bin");
static MODEL: OnceLock<Model> = OnceLock::new();

/// The model's view of a character (must match `token` in build.py).
pub(crate) fn token_of(ch: char) -> u16 {
    let cp = ch as u32;
    if (HANGUL_FIRST..=HANGUL_LAST).contains(&cp) {
        return T_HANGUL0 + (cp - HANGUL_FIRST) as u16;
    }
    if ch.is_ascii() {
        if ch.is_ascii_alphabetic() {
            return T_LATIN;
        }
        if ch.is_ascii_digit() {
            return T_DIGIT;
        }
        return T_SPACE;
    }
    T_OTHER
}

/// Runs of these tokens count once, as in training.
pub(crate) fn collapses(token: u16) -> bool {
    matches!(token, T_SPACE | T_LATIN | T_DIGIT)
}

/// Whether `ch` is a precomposed Hangul syllable.
pub(crate) fn is_hangul_syllable(ch: char) -> bool {
    (HANGUL_FIRST..=HANGUL_LAST).contains(&(ch as u32))
}

/// The loaded model (parsed once, on first use).
pub(crate) struct Model {
    n_tokens: usize,
    discount: f64,
    total: f64,
    unigram: Vec<u32>,
    /// Per history token: total count and number of distinct followers.
    bigram_history: Vec<(u32, u32)>,
    bigrams: Vec<(u32, u32)>,
    /// Per two-token history (key a*V+b), sorted: total count and distinct followers.
    trigram_history: Vec<(u32, u32, u32)>,
    trigrams: Vec<(u64, u32)>,
    symbols: Vec<(u32, u32)>,
    symbol_total: f64,
}

impl Model {
    /// The built-in model.
    pub(crate) fn get() -> &'static Model {
        // The bytes are compiled in and checked by a test, so failing to parse them is a build
        // defect, not a user error; fall back to an empty model rather than panic.
        MODEL.get_or_init(|| Model::parse(MODEL_BYTES).unwrap_or_else(|_| Model::empty()))
    }

    fn empty() -> Model {
        let n = T_HANGUL0 as usize + 11172;
        Model {
            n_tokens: n,
            discount: 0.75,
            total: 0.0,
            unigram: vec![0; n],
            bigram_history: vec![(0, 0); n],
            bigrams: Vec::new(),
            trigram_history: Vec::new(),
            trigrams: Vec::new(),
            symbols: Vec::new(),
            symbol_total: 0.0,
        }
    }

    pub(crate) fn parse(bytes: &[u8]) -> Result<Model, &'static str> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(4)? != b"NDKM" {
            return Err("not a notedeck model");
        }
        let version = r.u32_le()?;
        if version != 1 {
            return Err("unknown model version");
        }
        let n_tokens = r.u32_le()? as usize;
        let discount = f32::from_bits(r.u32_le()?) as f64;
        if n_tokens != T_HANGUL0 as usize + 11172 {
            return Err("unexpected token count");
        }
        let mut unigram = Vec::with_capacity(n_tokens);
        for _ in 0..n_tokens {
            unigram.push(r.varint()? as u32);
        }
        let total = unigram.iter().map(|&c| c as f64).sum();

        let n_bigrams = r.varint()? as usize;
        let mut bigrams = Vec::with_capacity(n_bigrams);
        let mut bigram_history = vec![(0u32, 0u32); n_tokens];
        let mut key = 0u64;
        for _ in 0..n_bigrams {
            key += r.varint()?;
            let count = r.varint()? as u32;
            let history = (key / n_tokens as u64) as usize;
            let slot = bigram_history
                .get_mut(history)
                .ok_or("bigram out of range")?;
            slot.0 += count;
            slot.1 += 1;
            bigrams.push((key as u32, count));
        }

        let n_trigrams = r.varint()? as usize;
        let mut trigrams = Vec::with_capacity(n_trigrams);
        let mut trigram_history: Vec<(u32, u32, u32)> = Vec::new();
        let mut key = 0u64;
        for _ in 0..n_trigrams {
            key += r.varint()?;
            let count = r.varint()? as u32;
            let history = (key / n_tokens as u64) as u32;
            match trigram_history.last_mut() {
                Some(last) if last.0 == history => {
                    last.1 += count;
                    last.2 += 1;
                }
                _ => trigram_history.push((history, count, 1)),
            }
            trigrams.push((key, count));
        }

        let n_symbols = r.varint()? as usize;
        let mut symbols = Vec::with_capacity(n_symbols);
        let mut cp = 0u64;
        for _ in 0..n_symbols {
            cp += r.varint()?;
            symbols.push((cp as u32, r.varint()? as u32));
        }
        let symbol_total = symbols.iter().map(|&(_, n)| n as f64).sum();
        Ok(Model {
            n_tokens,
            discount,
            total,
            unigram,
            bigram_history,
            bigrams,
            trigram_history,
            trigrams,
            symbols,
            symbol_total,
        })
    }

    /// log P(c | a, b).
    pub(crate) fn log_prob(&self, a: u16, b: u16, c: u16) -> f64 {
        self.prob3(a, b, c).ln()
    }

    /// log P(c), ignoring context.
    pub(crate) fn log_unigram(&self, c: u16) -> f64 {
        self.prob1(c).ln()
    }

    /// P(c), ignoring context.
    pub(crate) fn unigram(&self, c: u16) -> f64 {
        self.prob1(c)
    }

    fn prob1(&self, c: u16) -> f64 {
        let count = self.unigram.get(c as usize).copied().unwrap_or(0) as f64;
        (count + 0.1) / (self.total + 0.1 * self.n_tokens as f64)
    }

    fn prob2(&self, b: u16, c: u16) -> f64 {
        let low = self.prob1(c);
        let (total, distinct) = self
            .bigram_history
            .get(b as usize)
            .copied()
            .unwrap_or((0, 0));
        if total == 0 {
            return low;
        }
        let key = b as u32 * self.n_tokens as u32 + c as u32;
        let count = match self.bigrams.binary_search_by_key(&key, |&(k, _)| k) {
            Ok(i) => self.bigrams[i].1,
            Err(_) => 0,
        };
        let total = total as f64;
        (count as f64 - self.discount).max(0.0) / total
            + self.discount * distinct as f64 / total * low
    }

    fn prob3(&self, a: u16, b: u16, c: u16) -> f64 {
        let low = self.prob2(b, c);
        let history = a as u32 * self.n_tokens as u32 + b as u32;
        let Ok(h) = self
            .trigram_history
            .binary_search_by_key(&history, |&(k, _, _)| k)
        else {
            return low;
        };
        let (_, total, distinct) = self.trigram_history[h];
        let key = history as u64 * self.n_tokens as u64 + c as u64;
        let count = match self.trigrams.binary_search_by_key(&key, |&(k, _)| k) {
            Ok(i) => self.trigrams[i].1,
            Err(_) => 0,
        };
        let total = total as f64;
        (count as f64 - self.discount).max(0.0) / total
            + self.discount * distinct as f64 / total * low
    }

    /// How often the training text used this non-Hangul character (0 if never).
    pub(crate) fn symbol_count(&self, ch: char) -> u32 {
        match self
            .symbols
            .binary_search_by_key(&(ch as u32), |&(cp, _)| cp)
        {
            Ok(i) => self.symbols[i].1,
            Err(_) => 0,
        }
    }

    /// Total of all symbol counts, for normalising [`Model::symbol_count`].
    pub(crate) fn symbol_total(&self) -> f64 {
        self.symbol_total
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], &'static str> {
        let end = self.pos.checked_add(n).ok_or("truncated model")?;
        let slice = self.bytes.get(self.pos..end).ok_or("truncated model")?;
        self.pos = end;
        Ok(slice)
    }

    fn u32_le(&mut self) -> Result<u32, &'static str> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn varint(&mut self) -> Result<u64, &'static str> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.bytes.get(self.pos).ok_or("truncated model")?;
            self.pos += 1;
            value |= u64::from(byte & 0x7F) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err("bad varint in model")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_model_parses_and_knows_common_korean() {
        let model = Model::parse(MODEL_BYTES).expect("model parses");
        assert!(model.trigrams.len() > 100_000);
        // "니다" is far more likely than "니닥" after "합".
        let (hap, ni) = (token_of('합'), token_of('니'));
        assert!(
            model.log_prob(hap, ni, token_of('다')) > model.log_prob(hap, ni, token_of('닥')) + 3.0
        );
        assert!(model.symbol_count('”') > 0);
    }
}
