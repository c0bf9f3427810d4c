"""Shared pytest fixtures for the end-to-end tests."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUILD_TIMEOUT_S = 900


def notedeck_binary() -> str:
    """$NOTEDECK_BIN (scripts/test sets it), else a release build (a no-op when up to date)."""
    env = os.environ.get("NOTEDECK_BIN")
    if env:
        if not (Path(env).is_file() and os.access(env, os.X_OK)):
            pytest.fail(f"NOTEDECK_BIN={env} is not an executable file")
        return env
    build = subprocess.run(
        ["cargo", "build", "--release", "-p", "notedeck"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
    )
    if build.returncode != 0:
        pytest.fail(f"cargo build --release -p notedeck failed:\n{build.stderr[-4000:]}")
    return str(ROOT / "target" / "release" / "notedeck")


@pytest.fixture(scope="session")
def notedeck() -> str:
    """Path of the notedeck binary under test."""
    return notedeck_binary()


@pytest.fixture(scope="session", autouse=True)
def no_anki_of_this_machine(tmp_path_factory):
    """Export, stats and the server look for the Anki collection Anki opened last: point them
    at an empty folder, so that the collection of whoever runs the tests never leaks in
    (tests that want one name it, or set ANKI_BASE themselves)."""
    os.environ["ANKI_BASE"] = str(tmp_path_factory.mktemp("no-anki"))
