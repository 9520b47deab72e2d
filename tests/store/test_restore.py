"""Restoring over a draft written by a newer version: the newer file is moved aside, never lost, and the user is
told so before (in the hint) and after (where it went); `list` shows the files set aside."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from appraisal import cli
from appraisal.draft import Draft
from appraisal.store import DraftUnreadableError, create_draft, load_draft, save_draft
from appraisal.templates import load_template


def future_draft() -> tuple[Path, bytes]:
    draft = Draft.new(load_template("cadre-annual"), name="张三", unit="规划局", position="副局长", year=2026)
    draft.sections["conduct"] = "旧版本的文字"
    path = create_draft(draft)
    draft.sections["conduct"] = "第二版的文字"
    save_draft(draft, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["schema"] = 7  # a newer version of the program wrote it, with text this version cannot read
    data["新版字段"] = "新版本才有的文字"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path, path.read_bytes()


def test_the_hint_for_a_newer_drafts_file_warns_that_a_restore_moves_it_aside() -> None:
    path, _ = future_draft()
    with pytest.raises(DraftUnreadableError) as caught:
        load_draft(path)
    message = caught.value.message
    assert "升级" in message
    assert "--restore 2" in message and "移到" in message and ".unreadable-" in message


def test_restore_over_a_newer_drafts_file_says_where_it_went_and_list_shows_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, newer = future_draft()
    assert cli.main(["history", str(path), "--restore", "1"]) == 0
    out = capsys.readouterr().out
    aside = [p for p in path.parent.iterdir() if ".unreadable-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == newer  # nothing of the newer text lost
    assert str(aside[0]) in out
    assert load_draft(path).sections["conduct"] == "旧版本的文字"

    assert cli.main(["list"]) == 0
    listed = capsys.readouterr().out
    assert aside[0].name in listed
