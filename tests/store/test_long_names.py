"""A legal long name (80 汉字: 245 bytes with `.json`) can be edited and exported to (issue 23 item 14). The lock
(`.<name>.lock`), the temp file of every atomic write (`.<name>.<random>.tmp`) and the copies made beside a file
passed the 255-byte limit of one file name, so the draft could not be opened for editing nor a file of that name
written. Names made from a long one are now cut and marked with a hash of the whole: legal, and one per name."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from appraisal import cli
from appraisal.draft import Draft
from appraisal.fileio import NAME_MAX_BYTES, fit_name, temp_prefix
from appraisal.store import OpenDraft, create_draft, load_draft, lock_path
from appraisal.templates import load_template

LONG = ("关于进一步加强和改进干部年度考核个人总结撰写工作的若干意见及其配套实施细则的学习体会与实践总结报告" * 2)[:80]


def long_draft(folder: Path, name: str = LONG) -> Path:
    draft = Draft.new(load_template("cadre-annual"), name="张三", year=2026)
    draft.sections["intro"] = "原有开头语。"
    return create_draft(draft, folder / f"{name}.json")


def test_a_draft_with_an_80_character_name_is_locked_saved_and_released(tmp_path: Path) -> None:
    path = long_draft(tmp_path)
    assert len(path.name.encode()) == 245
    opened = OpenDraft(path)
    try:
        assert lock_path(path).exists() and len(lock_path(path).name.encode()) <= NAME_MAX_BYTES
        opened.draft.sections["intro"] = "改过的开头语。"
        opened.save()
    finally:
        opened.close()
    assert not lock_path(path).exists()
    assert load_draft(path).sections["intro"] == "改过的开头语。"


def test_fill_and_export_to_an_80_character_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = long_draft(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.StringIO("新的开头语。\n.\n"))
    assert cli.main(["fill", str(path), "--section", "intro"]) == 0
    assert load_draft(path).sections["intro"] == "新的开头语。"
    for suffix in (".docx", ".txt", ".md", ".html"):
        target = tmp_path / "导出" / f"{LONG}{suffix}"
        target.parent.mkdir(exist_ok=True)
        assert cli.main(["export", str(path), "-o", str(target)]) == 0, capsys.readouterr().err
        assert target.stat().st_size > 0
    assert not [p for p in (tmp_path / "导出").iterdir() if p.name.endswith(".tmp")]


def test_names_made_from_long_names_stay_legal_and_distinct() -> None:
    first, second = LONG + "甲" * 5, LONG + "乙" * 5  # 85 字, the same first 80
    for made in (
        lambda n: lock_path(Path(f"{n}.json")).name,
        lambda n: temp_prefix(Path(f"{n}.json")) + "abcdefgh.tmp",
        lambda n: fit_name(n, ".恢复-20260101-120000.json") + ".恢复-20260101-120000.json",
    ):
        a, b = made(first), made(second)
        assert len(a.encode()) <= NAME_MAX_BYTES and len(b.encode()) <= NAME_MAX_BYTES
        assert a != b
    assert lock_path(Path("总结.json")).name == ".总结.json.lock"  # short names are as they were
    assert temp_prefix(Path("总结.json")) == ".总结.json."


async def test_the_editor_opens_and_saves_a_draft_with_an_80_character_name(tmp_path: Path) -> None:
    from tests.tui.helpers import editor_ready, make_app, wait_until

    path = long_draft(tmp_path)
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await editor_ready(app)
        screen.go_to("intro")
        await pilot.pause()
        await pilot.press("end", *"补充")
        await pilot.press("ctrl+s")
        await wait_until(lambda: load_draft(path).sections["intro"] == "原有开头语。补充")
