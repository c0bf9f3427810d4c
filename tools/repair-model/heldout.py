#!/usr/bin/env python3
"""Fetch Korean prose the model was NOT built from, as plain UTF-8 text, for measuring repair
accuracy on unseen text (see the README's `repair` section).

  debian-faq-ko      Debian FAQ, Korean translation (Debian package; SPI's verbatim/modified-copy
                     licence)
  kolaw/constitution The Constitution of the Republic of Korea, as shipped in PyPI konlpy's
                     corpus (a public work: Korean Copyright Act art. 7)

Usage: python3 tools/repair-model/heldout.py [--cache DIR] OUTDIR
Then:  cargo run --release -p notedeck-repair --example evaluate -- simulate OUTDIR/*.txt
"""

import argparse
import glob
import html
import os
import re
import subprocess
import sys
import zipfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default="/tmp/notedeck-repair-model")
    ap.add_argument("outdir")
    args = ap.parse_args()
    os.makedirs(args.cache, exist_ok=True)
    os.makedirs(args.outdir, exist_ok=True)

    root = os.path.join(args.cache, "debian-faq-ko")
    if not os.path.isdir(root):
        if not glob.glob(os.path.join(args.cache, "debian-faq-ko_*.deb")):
            subprocess.run(["apt-get", "download", "debian-faq-ko"], cwd=args.cache, check=True)
        deb = sorted(glob.glob(os.path.join(args.cache, "debian-faq-ko_*.deb")))[-1]
        subprocess.run(["dpkg-deb", "-x", deb, root], check=True)
    parts = []
    for path in sorted(glob.glob(os.path.join(root, "usr/share/doc/debian/FAQ/ko/*.html"))):
        with open(path, encoding="utf-8") as f:
            text = re.sub(r"<script.*?</script>|<style.*?</style>", "", f.read(), flags=re.S)
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
        # Keep the prose lines, drop the layout's blank runs.
        parts.append("\n".join(line.strip() for line in text.splitlines() if line.strip()))
    write(args.outdir, "debian-faq-ko.txt", "\n".join(parts))

    konlpy = os.path.join(args.cache, "konlpy")
    wheels = sorted(glob.glob(os.path.join(konlpy, "konlpy-*.whl")))
    if not wheels:
        os.makedirs(konlpy, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-d", konlpy, "konlpy==0.6.0"],
            check=True,
        )
        wheels = sorted(glob.glob(os.path.join(konlpy, "konlpy-*.whl")))
    with zipfile.ZipFile(wheels[-1]) as whl:
        text = whl.read("konlpy/data/corpus/kolaw/constitution.txt").decode("utf-8")
    write(args.outdir, "constitution.txt", text)


def write(outdir, name, text):
    path = os.path.join(outdir, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    hangul = sum(1 for c in text if "\uac00" <= c <= "\ud7a3")
    print(f"{path}: {hangul} Hangul syllables", file=sys.stderr)


if __name__ == "__main__":
    main()
