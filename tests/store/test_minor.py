"""The minor breaks of issue 13: a negative revision, duplicate JSON keys, English in config errors, files read
without a regular-file check (a FIFO would block for ever)."""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from appraisal import paths
from appraisal.app import ui_state
from appraisal.config import config_path, load_config
from appraisal.draft import Draft
from appraisal.errors import AppraisalError
from appraisal.store import DraftUnreadableError, OpenDraft, list_history, load_draft
from appraisal.templates import load_template


def draft_json(**changes: object) -> dict[str, object]:
    draft = Draft.new(load_template("cadre-annual"), name="张三", unit="规划局", position="副局长", year=2026)
    draft.sections["conduct"] = "正文"
    data = draft.to_json_dict()
    data.update(changes)
    return data


def test_a_negative_revision_still_gets_a_history(tmp_path: Path) -> None:
    path = tmp_path / "总结.json"
    path.write_text(json.dumps(draft_json(revision=-5), ensure_ascii=False), encoding="utf-8")
    opened = OpenDraft(path)
    opened.draft.sections["conduct"] = "改过"
    opened.save()
    opened.close()
    entries = list_history(path)
    assert len(entries) == 1 and entries[0].revision >= 1
    assert entries[0].load().sections["conduct"] == "改过"


def test_duplicate_keys_are_refused_naming_the_key_never_silently_dropped(tmp_path: Path) -> None:
    path = tmp_path / "总结.json"
    text = json.dumps(draft_json(), ensure_ascii=False, indent=2)
    text = text.replace('"conduct": "正文"', '"conduct": "先写的一段", "conduct": "正文"')
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(DraftUnreadableError) as caught:
        load_draft(path)
    assert "重复" in caught.value.message and "conduct" in caught.value.message
    assert path.read_bytes() == before


ENGLISH = re.compile(r"[A-Za-z]{4,}")


def english_words(message: str, path: Path, content: str | bytes = "") -> list[str]:
    """English words in `message` other than the path and the names the user's file itself holds."""
    own = set(ENGLISH.findall(content if isinstance(content, str) else content.decode("latin-1")))
    return [word for word in ENGLISH.findall(message.replace(str(path), "")) if word not in own]


@pytest.mark.parametrize(
    "content",
    ["[checks\ndisabled = 1", 'checks = "全部"', "[checks]\ndisabled = [1, 2]", b"\xff\xfe[checks]"],
    ids=["toml-syntax", "wrong-type", "wrong-item-type", "not-utf8"],
)
def test_config_errors_are_chinese_only(content: str | bytes) -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(AppraisalError) as caught:
        load_config()
    assert english_words(caught.value.message, path, content) == [], caught.value.message


def test_a_config_path_that_is_a_folder_is_said_in_chinese() -> None:
    path = config_path()
    path.mkdir(parents=True)
    with pytest.raises(AppraisalError) as caught:
        load_config()
    assert english_words(caught.value.message, path) == [], caught.value.message


def returns_promptly(call: Callable[[], object]) -> bool:
    worker = threading.Thread(target=call, daemon=True)
    worker.start()
    worker.join(5)
    return not worker.is_alive()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs")
def test_a_fifo_in_place_of_the_ui_state_is_not_read(tmp_path: Path) -> None:
    state = paths.data_dir() / ui_state.STATE_FILE
    state.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(state)
    assert returns_promptly(lambda: ui_state.load_position(tmp_path / "d.json"))
    assert ui_state.load_position(tmp_path / "d.json") is None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs")
def test_a_fifo_in_place_of_the_config_is_one_sentence() -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    errors: list[str] = []

    def load() -> None:
        try:
            load_config()
        except AppraisalError as exc:
            errors.append(exc.message)

    assert returns_promptly(load)
    assert errors and "不是普通文件" in errors[0]
