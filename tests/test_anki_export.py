"""End-to-end: `notedeck export` packages imported by Anki's own library (PyPI `anki`).

The bundled notes (notes/) are exported into a temporary directory and imported into fresh
collections. The counts must match `notedeck cards --format json`; cards must render with
their Korean text and MathJax; an answer edited in the notes must update the same note in
place without touching its review state; an unchanged re-export must update nothing; images
must arrive in Anki's media folder; a card written again without a slip stays one note with its review state.

$NOTEDECK_BIN (scripts/test sets it to target/release/notedeck), else a release build is made.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.import_export_pb2 import ImportAnkiPackageUpdateCondition as UpdateCondition
from anki.scheduler_pb2 import CardAnswer

ROOT = Path(__file__).resolve().parents[1]
NOTES = ROOT / "notes"
NOTE_FILE = "역량평가 정리.md"

# The smallest valid PNG (1x1, transparent): a real picture for Anki's media check.
PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6300010000050001"
    "0d0a2db40000000049454e44ae426082"
)




def run(notedeck: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [notedeck, *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, f"notedeck {' '.join(args)}: {proc.stderr}"
    return proc


def cards_json(notedeck: str, path: Path) -> list[dict]:
    return json.loads(run(notedeck, "cards", str(path), "--format", "json", cwd=path.parent).stdout)


def export(notedeck: str, notes: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return run(notedeck, "export", str(notes), "-o", str(out), cwd=out.parent)


def open_collection(path: Path) -> Collection:
    path.parent.mkdir(parents=True, exist_ok=True)
    return Collection(str(path))


def export_and_open(notedeck: str, notes: Path, tmp_path: Path) -> tuple[Path, Collection]:
    """Export `notes` to a package in a folder of its own (where exports of the edited notes
    write again, beside the state file) and open an empty Anki collection to import it into."""
    out = tmp_path / "out" / "notes.apkg"
    out.parent.mkdir()
    export(notedeck, notes, out)
    return out, open_collection(tmp_path / "anki" / "collection.anki2")


def import_package(col: Collection, apkg: Path):
    request = ImportAnkiPackageRequest(
        package_path=str(apkg),
        options=ImportAnkiPackageOptions(
            merge_notetypes=False,
            update_notes=UpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
            update_notetypes=UpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
            with_scheduling=False,
            with_deck_configs=False,
        ),
    )
    return col.import_anki_package(request).log


def note_id(col: Collection, guid: str) -> int:
    nid = col.db.scalar("select id from notes where guid = ?", guid)
    assert nid, f"note {guid} not in the collection"
    return nid


def review_state(card) -> tuple:
    """What a review sets on a card (reloaded first): type, queue, due, interval, reps."""
    card.load()
    return (card.type, card.queue, card.due, card.ivl, card.reps)


def answer_good(col: Collection, card) -> tuple:
    """Answer `card` Good, as a student reviewing it would; its review state after."""
    card.start_timer()
    states = col._backend.get_scheduling_states(card.id)
    col.sched.answer_card(col.sched.build_answer(card=card, states=states, rating=CardAnswer.GOOD))
    return review_state(card)


def expected_card_count(cards: list[dict]) -> int:
    """Anki makes one card per basic note and one per distinct {{cN:: of a cloze note."""
    total = 0
    for card in cards:
        if card["kind"] == "cloze":
            total += max(1, len(set(re.findall(r"\{\{c(\d+)::", card["front"]))))
        else:
            total += 1
    return total


def deck_names_with_parents(cards: list[dict]) -> set[str]:
    names = set()
    for card in cards:
        parts = card["deck"].split("::")
        for i in range(1, len(parts) + 1):
            names.add("::".join(parts[:i]))
    return names


@pytest.fixture
def notes_copy(tmp_path: Path) -> Path:
    """A private copy of the bundled notes, free to edit."""
    dest = tmp_path / "notes"
    shutil.copytree(NOTES, dest)
    for path in dest.rglob("*"):
        path.chmod(0o644 if path.is_file() else 0o755)
    return dest


def find_card(cards: list[dict], predicate) -> dict:
    found = [c for c in cards if predicate(c)]
    assert found, "no such card in `notedeck cards` output"
    return found[0]


def bert_structure(card: dict) -> bool:
    return "구조" in card["front"] and "Encoder" in card["back"] and any(
        "BERT" in p and "SpanBERT" not in p for p in card.get("path", []) + [card["front"]]
    )


def test_real_notes_import_with_counts_matching_cards(notedeck, notes_copy, tmp_path):
    cards = cards_json(notedeck, notes_copy)
    assert len(cards) > 0, "the parser found no cards in the real notes"
    out = tmp_path / "notes.apkg"
    summary = export(notedeck, notes_copy, out).stdout
    assert f"{len(cards)} cards" in summary

    col = open_collection(tmp_path / "anki" / "collection.anki2")
    try:
        log = import_package(col, out)
        assert len(log.new) == len(cards)
        assert not log.updated and not log.duplicate and not log.conflicting
        assert not log.missing_notetype
        assert col.note_count() == len(cards)
        assert col.card_count() == expected_card_count(cards)
        imported_decks = {d.name for d in col.decks.all_names_and_ids()} - {"Default"}
        assert imported_decks == deck_names_with_parents(cards)
        assert "역량평가 정리" in imported_decks

        # Each card is in its own deck, in study order within the deck.
        for card in cards[:50]:
            nid = note_id(col, card["id"])
            note = col.get_note(nid)
            assert note.tags == card["tags"] or sorted(note.tags) == sorted(card["tags"])
            deck = col.decks.name(col.get_card(note.card_ids()[0]).did)
            assert deck == card["deck"]
        dues = col.db.list(
            "select c.due from cards c join notes n on n.id = c.nid order by n.id, c.ord"
        )
        assert dues == sorted(dues)

        problems, ok = col.fix_integrity()
        assert ok, problems
    finally:
        col.close()


def test_bert_and_math_cards_render_with_korean_and_mathjax(notedeck, notes_copy, tmp_path):
    cards = cards_json(notedeck, notes_copy)
    bert = find_card(cards, bert_structure)
    math = find_card(cards, lambda c: "\\(" in c["front"] + c["back"] and c["kind"] != "cloze")
    out = tmp_path / "notes.apkg"
    export(notedeck, notes_copy, out)

    col = open_collection(tmp_path / "anki" / "collection.anki2")
    try:
        import_package(col, out)
        card = col.get_note(note_id(col, bert["id"])).cards()[0]
        question, answer = card.question(), card.answer()
        assert "구조" in question
        assert "Encoder" in answer and "양방향" in answer
        assert "Noto Sans KR" in answer  # the note type's CSS came along

        card = col.get_note(note_id(col, math["id"])).cards()[0]
        rendered = card.question() + card.answer()
        assert "\\(" in rendered and "\\)" in rendered
        assert re.search(r"[가-힣]", rendered), "Korean text lost"
    finally:
        col.close()


def test_edited_answer_updates_the_same_note_and_keeps_review_state(
    notedeck, notes_copy, tmp_path
):
    cards = cards_json(notedeck, notes_copy)
    bert = find_card(cards, bert_structure)
    out, col = export_and_open(notedeck, notes_copy, tmp_path)
    try:
        import_package(col, out)
        notes_before = col.note_count()
        cards_before = col.card_count()
        nid = note_id(col, bert["id"])
        card = col.get_note(nid).cards()[0]
        reviewed = answer_good(col, card)
        assert card.reps == 1

        # Edit that answer in the notes (same line, so no other card moves) and re-export
        # straight away: within the same second as the first export.
        note_file = notes_copy / NOTE_FILE
        lines = note_file.read_text(encoding="utf-8").split("\n")
        line = lines[bert["source"]["line"] - 1]
        assert "양방향 문맥 학습" in line, line
        lines[bert["source"]["line"] - 1] = line.replace("양방향 문맥 학습", "양방향 문맥 학습, 수정됨")
        note_file.write_text("\n".join(lines), encoding="utf-8")
        edited = find_card(cards_json(notedeck, notes_copy), lambda c: c["id"] == bert["id"])
        assert "수정됨" in edited["back"]
        export(notedeck, notes_copy, out)

        log = import_package(col, out)
        assert [n.id.nid for n in log.updated] == [nid]
        assert not log.new and not log.conflicting
        assert col.note_count() == notes_before
        assert col.card_count() == cards_before
        note = col.get_note(nid)
        assert "수정됨" in note["Back"]
        assert review_state(card) == reviewed

        # An edit made inside Anki survives an unchanged re-export.
        other = find_card(cards, lambda c: c["id"] != bert["id"] and c["kind"] == "basic")
        other_note = col.get_note(note_id(col, other["id"]))
        other_note["Back"] = "Anki 안에서 고친 답"
        col.update_note(other_note)

        export(notedeck, notes_copy, out)
        log = import_package(col, out)
        assert not log.updated and not log.new
        assert col.get_note(other_note.id)["Back"] == "Anki 안에서 고친 답"
        assert col.note_count() == notes_before
    finally:
        col.close()


def test_a_card_written_again_without_a_slip_keeps_its_note_and_review_state(notedeck, tmp_path):
    """A card showing an expansion lint reports is exported without it: export writes its note
    a second time once every note's terms are known. Anki takes it as one note with its id, and
    once the slip is fixed the same note shows the expansion, its review state kept."""
    notes = tmp_path / "notes"
    notes.mkdir()
    slip = (
        "# 딥러닝\n\n## Transformer\n\n### 장점\n\n"
        "- **병렬화**: GRU (Gated Recurrant Unit)나 LSTM처럼 시점을 하나씩 처리하지 않음\n"
        "- **장거리 의존성**: 모든 토큰 쌍이 한 층에서 바로 연결됨\n"
    )
    (notes / "a.md").write_text(slip, encoding="utf-8")
    (notes / "b.md").write_text(
        "# RNN\n\n## GRU (Gated Recurrent Unit)\n\n- **구조**: 게이트 2개\n", encoding="utf-8"
    )
    cards = cards_json(notedeck, notes)
    advantages = find_card(cards, lambda c: "LSTM처럼" in c["back"])
    assert "Recurrant" not in advantages["back"]
    out, col = export_and_open(notedeck, notes, tmp_path)
    try:
        import_package(col, out)
        assert col.note_count() == len(cards)
        nid = note_id(col, advantages["id"])
        note = col.get_note(nid)
        assert "GRU나 LSTM처럼" in note["Back"], note["Back"]
        assert "Recurrant" not in note["Back"]
        card = note.cards()[0]
        reviewed = answer_good(col, card)
        assert card.reps == 1

        (notes / "a.md").write_text(slip.replace("Recurrant", "Recurrent"), encoding="utf-8")
        export(notedeck, notes, out)
        log = import_package(col, out)
        assert nid in [n.id.nid for n in log.updated]
        assert "GRU (Gated Recurrent Unit)나" in col.get_note(nid)["Back"]
        assert review_state(card) == reviewed
    finally:
        col.close()


def test_images_are_bundled_and_missing_ones_are_warnings(notedeck, tmp_path):
    notes = tmp_path / "notes"
    (notes / "그림 a").mkdir(parents=True)
    (notes / "그림 b").mkdir()
    (notes / "그림 a" / "image.png").write_bytes(PNG_1X1)
    # A different picture with the same file name must not collide.
    (notes / "그림 b" / "image.png").write_bytes(PNG_1X1 + b"\x00")
    note = notes / "cam.md"
    note.write_text(
        "# 이미지 테스트\n\n"
        "### 문제9\n\n"
        "## **1. Grad-CAM (Gradient-weighted Class Activation Mapping)**\n\n"
        "- **구조**: 마지막 conv 층의 gradient로 가중치 계산 "
        "![image.png](%EA%B7%B8%EB%A6%BC%20a/image.png)\n"
        "- **결과**: 히트맵 ![image.png](%EA%B7%B8%EB%A6%BC%20b/image.png)\n"
        "- **한계**: 해상도가 낮음 ![image.png](%EC%97%86%EC%9D%8C/image%201.png)\n",
        encoding="utf-8",
    )
    cards = cards_json(notedeck, note)
    assert any(c["kind"] == "basic" for c in cards)
    out = tmp_path / "cam.apkg"
    proc = export(notedeck, note, out)
    missing_line = 9
    assert f"cam.md:{missing_line}: image not found" in proc.stderr
    assert "2 media files" in proc.stdout

    col = open_collection(tmp_path / "anki" / "collection.anki2")
    try:
        log = import_package(col, out)
        assert len(log.new) == len(cards)
        media = sorted(os.listdir(col.media.dir()))
        assert len(media) == 2 and all(m.endswith(".png") for m in media)
        srcs = set()
        for nid in col.find_notes(""):
            srcs.update(re.findall(r'src="([^"]+)"', col.get_note(nid)["Back"]))
        assert srcs == set(media)
        check = col.media.check()
        assert not check.missing and not check.unused
        problems, ok = col.fix_integrity()
        assert ok, problems
    finally:
        col.close()


def test_a_pinned_card_moved_to_another_topic_stays_the_same_note(notedeck, notes_copy, tmp_path):
    note_file = notes_copy / NOTE_FILE
    lines = note_file.read_text(encoding="utf-8").split("\n")
    cards = cards_json(notedeck, notes_copy)
    bert = find_card(cards, bert_structure)
    at = bert["source"]["line"] - 1
    lines[at] += " <!-- id: bert-structure -->"
    note_file.write_text("\n".join(lines), encoding="utf-8")
    pinned = find_card(cards_json(notedeck, notes_copy), lambda c: c["id"] == "bert-structure")
    assert pinned["source"]["line"] == at + 1

    out = tmp_path / "notes.apkg"
    export(notedeck, notes_copy, out)
    col = open_collection(tmp_path / "anki" / "collection.anki2")
    try:
        import_package(col, out)
        nid = note_id(col, "bert-structure")
        count = col.note_count()

        # Move the pinned bullet under SpanBERT: a new heading path, the same identity.
        moved = lines.pop(at)
        target = next(
            i for i, line in enumerate(lines) if "SpanBERT" in line and line.startswith("#")
        )
        lines.insert(target + 2, moved)
        note_file.write_text("\n".join(lines), encoding="utf-8")
        card = find_card(cards_json(notedeck, notes_copy), lambda c: c["id"] == "bert-structure")
        assert "SpanBERT" in card["front"] + " ".join(card.get("path", []))
        export(notedeck, notes_copy, out)

        log = import_package(col, out)
        assert [n.id.nid for n in log.updated] == [nid]
        assert "SpanBERT" in col.get_note(nid)["Front"] + col.get_note(nid)["Context"]
        # The comparison table's `BERT › 구조` cell (line 109) was one card with the bullet
        # (the fact is carded once); with the bullet moved under SpanBERT the cell is that
        # fact's only card again, asked beside GPT's as the table compares the models side by
        # side: the row comes back as the one new note (the import log shows fields as text).
        assert [tuple(n.fields[:2]) for n in log.new] == [
            ("BERT / GPT › 구조", "BERT: Encoder만GPT: Decoder만")
        ]
        assert col.note_count() == count + 1
    finally:
        col.close()
