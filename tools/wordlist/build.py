#!/usr/bin/env python3
"""Build crates/notedeck-check/data/english-words.txt from SCOWL's American English list.

The source is Debian's `wamerican` package (SCOWL size 50, 2020.12.07), the file
/usr/share/dict/american-english:

    apt-get download wamerican && dpkg-deb -x wamerican_*_all.deb x
    python3 tools/wordlist/build.py x/usr/share/dict/american-english

Only words of ASCII letters are kept (possessives and accented words are left out), lowercased
and sorted. Each line is front-coded: one digit, how many leading letters the word shares with
the previous one (at most 9), then the rest of the word. That halves the size the binary
embeds (330 kB instead of 670 kB) and is decoded once, on first use.
"""

import re
import sys

src = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/dict/american-english"
out = sys.argv[2] if len(sys.argv) > 2 else "crates/notedeck-check/data/english-words.txt"

with open(src, encoding="utf-8") as f:
    words = sorted({w.strip().lower() for w in f if re.fullmatch(r"[A-Za-z]+", w.strip())})

lines = []
prev = ""
for w in words:
    n = 0
    while n < min(len(prev), len(w), 9) and prev[n] == w[n]:
        n += 1
    lines.append(f"{n}{w[n:]}")
    prev = w

with open(out, "w", encoding="ascii", newline="\n") as f:
    f.write("\n".join(lines) + "\n")
print(f"{len(words)} words -> {out}")
