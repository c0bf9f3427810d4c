#!/usr/bin/env python3
"""Sample general Korean text from Kiwi's CoNg language model, for the repair model.

The repair model needs statistics of everyday Korean ("본 적 없는", "점점 더", "수십 개"), which
software translations lack. Kiwi (PyPI `kiwipiepy` + `kiwipiepy-model`, Apache-2.0) ships a
language model trained on the NIKL corpora (Sejong, Modu); its morpheme dictionaries and n-gram
statistics are released under Apache-2.0 and cannot reconstruct the source text. Sampling from
it turns that model into plain text whose syllable statistics `build.py` counts like any other
prose: the model is distilled, no corpus text is copied.

Deterministic: the same seed, line count and package versions give the same text (checked).
Runs inside a virtual environment that has kiwipiepy (build.py makes one).

Two kinds of shard: free sentences, drawn from the model alone (LINES sentences), and
sentences that continue the first 2-5 morphemes of a line of the translation catalogues given
in PREFIXES (LINES attempts; a line too short to continue is skipped). The second brings the
model's everyday Korean to the explanatory register of help texts and notes ("이 기능을 사용하면
…").

Usage: sample_kiwi.py SEED LINES OUT [PREFIXES]
"""

import math
import os
import random
import sys

from kiwipiepy import Kiwi

# Kiwi predicts placeholder morphemes for numbers, Latin words and punctuation without a form;
# give them one so the syllable statistics around them stay natural ("12 억 원", "(TV)").
FILL = {"SP": ",", "SSO": "(", "SSC": ")", "SF": ".", "SE": "…", "SO": "-", "SW": "*"}
LATIN = ["AI", "API", "PC", "TV", "data", "model", "CPU", "GPU", "test", "OK"]
# The next morpheme is drawn from the 255 likeliest (about 97% of the mass; more costs 10x time).
TOP_N = 255
# Context the model is given, in morphemes (CoNg looks at a few words).
CONTEXT = 8


def main():
    seed, lines, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    if len(sys.argv) > 4:
        with open(sys.argv[4], encoding="utf-8") as f:
            prefixes = f.read().split("\n")
        continued(seed, lines, out, prefixes)
    else:
        free(seed, lines, out)


def draw(kiwi, ctx, rng):
    """The next morpheme after `ctx` (morpheme ids), drawn by its probability; appended."""
    cand = kiwi.predict_next_morpheme(ctx[-CONTEXT:], top_n=TOP_N)
    c = rng.choices(cand, [math.exp(x.score) for x in cand])[0]
    ctx.append(c.id)
    return c


def form_of(c, rng, years):
    """The text of a sampled morpheme; placeholders get one. Numbers: the free shards also
    draw years and months (the two kinds were sampled so, and the seeds must keep their text)."""
    if c.form:
        return c.form
    if c.tag == "SN":
        if years:
            return str(
                rng.choice([rng.randint(1, 12), rng.randint(1, 100), rng.randint(1900, 2030)])
            )
        return str(rng.randint(1, 100))
    if c.tag == "SL":
        return rng.choice(LATIN)
    return FILL.get(c.tag, "")


def surface(kiwi, sentence):
    """The sentence as text: join restores the surface forms (은/는, 더워), space the spacing;
    None when join cannot inflect a combination."""
    try:
        return kiwi.space(kiwi.join(sentence, lm_search=True))
    except Exception:
        return None


def continued(seed, lines, out, prefixes):
    kiwi = Kiwi(model_type="cong", num_workers=1)
    rng = random.Random(seed)
    with open(out + ".tmp", "w", encoding="utf-8") as f:
        for _ in range(lines):
            line = rng.choice(prefixes)
            toks = [t for t in kiwi.tokenize(line) if t.id is not None]
            if len(toks) < 3:
                continue
            k = rng.randint(2, min(5, len(toks) - 1))
            ctx = [t.id for t in toks[:k]]
            sentence = [(t.form, t.tag) for t in toks[:k]]
            while len(sentence) < 60:
                c = draw(kiwi, ctx, rng)
                form = form_of(c, rng, years=False)
                if form:
                    sentence.append((form, c.tag))
                if c.tag == "SF":
                    break
            text = surface(kiwi, sentence)
            if text is not None:
                f.write(text + "\n")
    os.replace(out + ".tmp", out)


def free(seed, lines, out):
    kiwi = Kiwi(model_type="cong", num_workers=1)
    rng = random.Random(seed)
    ctx = [t.id for t in kiwi.tokenize("끝났다.")][-1:]
    sentence = []
    written = 0
    with open(out + ".tmp", "w", encoding="utf-8") as f:
        while written < lines:
            c = draw(kiwi, ctx, rng)
            form = form_of(c, rng, years=True)
            if form:
                sentence.append((form, c.tag))
            if (c.tag == "SF" and len(sentence) > 3) or len(sentence) > 60:
                # A sentence join cannot make is written as an empty line (the shards have them).
                f.write((surface(kiwi, sentence) or "") + "\n")
                written += 1
                sentence = []
    os.replace(out + ".tmp", out)


if __name__ == "__main__":
    main()
