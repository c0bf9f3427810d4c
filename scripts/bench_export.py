"""Driver of scripts/bench-export: runs the Rust export benchmark and Python genanki on the
same synthetic notes, each in its own process (so peak memory is measured per writer), and
prints a table with the medians and the speed ratio.

notedeck: median of N fresh exports (state file removed before each) inside one process,
timed around `write_package` only; CPU is user + system time per fresh export over all
threads (stable when other programs load the machine, unlike wall time); its peak RSS is the process's VmHWM, which includes the
generated notes held in memory. genanki: median of N runs of building the genanki notes and
`Package.write_to_file`, after loading the same notes from JSON; peak RSS is ru_maxrss.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

GENANKI = r"""
import hashlib, json, resource, statistics, sys, time
import genanki

path, out, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
notes = json.load(open(path, encoding="utf-8"))
basic = genanki.Model(
    1731000000101, "notedeck Basic",
    fields=[{"name": n} for n in ("Front", "Back", "Context", "Source")],
    templates=[{"name": "Card 1", "qfmt": "{{Context}}<br>{{Front}}",
                "afmt": "{{FrontSide}}<hr id=answer>{{Back}}<br>{{Source}}"}],
)
cloze = genanki.Model(
    1731000000102, "notedeck Cloze", model_type=genanki.Model.CLOZE,
    fields=[{"name": n} for n in ("Text", "Back Extra", "Context", "Source")],
    templates=[{"name": "Cloze", "qfmt": "{{Context}}<br>{{cloze:Text}}",
                "afmt": "{{cloze:Text}}<br>{{Back Extra}}<br>{{Source}}"}],
)

def deck_id(name):
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:6], "little") | (1 << 50)

times = []
for _ in range(runs):
    start = time.perf_counter()
    decks = {}
    for i, n in enumerate(notes):
        deck = decks.get(n["deck"])
        if deck is None:
            deck = decks[n["deck"]] = genanki.Deck(deck_id(n["deck"]), n["deck"])
        model = cloze if n["kind"] == "cloze" else basic
        deck.add_note(genanki.Note(model=model, fields=n["fields"], tags=n["tags"],
                                   guid=n["guid"], due=i + 1))
    genanki.Package(list(decks.values())).write_to_file(out)
    times.append(time.perf_counter() - start)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"median_s": statistics.median(times), "peak_rss_mb": peak}))
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--genanki-runs", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args()

    rows = []
    with tempfile.TemporaryDirectory(prefix="notedeck-bench-") as tmp:
        for size in args.sizes:
            dump = Path(tmp) / f"notes-{size}.json"
            ours = json.loads(
                subprocess.run(
                    [args.bin, "--cards", str(size), "--runs", str(args.runs),
                     "--dir", tmp, "--dump", str(dump)],
                    check=True, capture_output=True, text=True,
                ).stdout
            )
            theirs = json.loads(
                subprocess.run(
                    [sys.executable, "-c", GENANKI, str(dump), str(Path(tmp) / "genanki.apkg"),
                     str(args.genanki_runs)],
                    check=True, capture_output=True, text=True,
                ).stdout
            )
            rows.append((size, ours, theirs))

    load = Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else "?"
    print(f"load average (1 min) after the runs: {load} on {os.cpu_count()} cores")
    print(f"{'notes':>8} {'cards':>8} | {'notedeck':>9} {'CPU':>7} {'re-export':>9} {'peak RSS':>9}"
          f" {'.apkg':>7} | {'genanki':>8} {'peak RSS':>9} | {'ratio':>6}")
    for size, ours, theirs in rows:
        print(
            f"{size:>8} {ours['cards']:>8} | {ours['fresh_s']:>8.3f}s {ours['fresh_cpu_s']:>6.2f}s"
            f" {ours['reexport_s']:>8.3f}s"
            f" {ours['peak_rss_mb']:>6.0f} MB {ours['apkg_mb']:>4.1f} MB |"
            f" {theirs['median_s']:>7.2f}s {theirs['peak_rss_mb']:>6.0f} MB |"
            f" {theirs['median_s'] / ours['fresh_s']:>5.1f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
