"""`notedeck lint` on a generated vault: every planted conflicting expansion is found, in the
file that holds the odd variant, and no benign variant (hyphen, space or case only) is.

The vault comes from the project's generator (`tools/gen-vault/gen_vault.py`), which lists what
it planted in `.vault_manifest.json`. 300 files keep the test quick; the benchmarks in the
README (`scripts/bench-vault`, `scripts/bench-lsp`) use the same generator.
"""

from __future__ import annotations

import collections
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "tools" / "gen-vault" / "gen_vault.py"
FILES = 300




@pytest.fixture(scope="module")
def vault(tmp_path_factory) -> tuple[Path, dict]:
    if not GENERATOR.is_file():
        pytest.fail(f"vault generator missing: {GENERATOR}")
    out = tmp_path_factory.mktemp("vault") / "v"
    subprocess.run([sys.executable, str(GENERATOR), str(out), str(FILES)], check=True,
                   capture_output=True)
    manifest = json.loads((out / ".vault_manifest.json").read_text(encoding="utf-8"))
    return out, manifest


def lint(notedeck: str, vault: Path) -> list[dict]:
    run = subprocess.run([notedeck, "lint", "--format", "json", "."], cwd=vault,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode in (0, 1), run.stderr
    return json.loads(run.stdout)


def test_planted_conflicts_found_and_benign_variants_not(notedeck, vault):
    root, manifest = vault
    findings = lint(notedeck, root)
    conflicts = [f for f in findings if f["code"] == "conflicting-expansion"]
    planted = manifest["conflicts"]
    assert planted, "the generator planted no conflicts"

    expected = {(c["acronym"], c["alternate"], f) for c in planted for f in c["alternate_files"]}
    got = set()
    for f in conflicts:
        acronym = next(c["acronym"] for c in planted if f'"{c["acronym"]}"' in f["message"])
        alternate = next(c["alternate"] for c in planted if c["acronym"] == acronym)
        assert f'"{alternate}"' in f["message"], f
        # The fix proposes the canonical expansion.
        canonical = next(c["canonical"] for c in planted if c["acronym"] == acronym)
        assert f["fixes"][0]["edits"][0]["new_text"] == canonical, f
        got.add((acronym, alternate, f["path"].removeprefix("./")))
    assert got == expected

    benign = set(manifest["benign_variants"])
    assert benign, "the generator planted no benign variants"
    for f in findings:
        if f["code"] in ("conflicting-expansion", "acronym-mismatch"):
            assert not any(f'"{a}"' in f["message"] for a in benign), f

    by_code = collections.Counter(f["code"] for f in findings)
    # The generator writes well-formed Markdown with correct acronyms: these must stay silent.
    for code in ("acronym-mismatch", "broken-emphasis", "pasted-katex"):
        assert by_code[code] == 0, [f for f in findings if f["code"] == code][:5]
