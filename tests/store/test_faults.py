"""Faults around the draft's lock and every write path of the store: a full or read-only disk is one Chinese
sentence, never a traceback, and leaves nothing behind that would lock the user out afterwards."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from full_disk import fill_disk

from appraisal.draft import Draft
from appraisal.errors import AppraisalError
from appraisal.store import DraftLock, OpenDraft, create_draft, list_history, load_draft, lock_path
from appraisal.templates import load_template


def make_draft(**sections: str) -> Draft:
    draft = Draft.new(load_template("cadre-annual"), name="张三", unit="规划局", position="副局长", year=2026)
    draft.sections.update(sections)
    return draft


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """Call it to fill the disk: from then on every write through a file object and `os.write` fails."""
    return lambda: fill_disk(monkeypatch)


def test_full_disk_while_taking_the_lock_is_one_sentence_and_leaves_no_lock(
    tmp_path: Path, full_disk: Callable[[], None]
) -> None:
    path = create_draft(make_draft(conduct="已有的文字"), tmp_path / "d.json")
    full_disk()
    with pytest.raises(AppraisalError) as caught:
        DraftLock(path).acquire()
    assert "磁盘空间不足" in caught.value.message and caught.value.message.count("。") == 1
    with pytest.raises(AppraisalError, match="磁盘空间不足"):
        OpenDraft(path)  # opening a draft for editing, `fill`, `check --fix`
    assert not lock_path(path).exists()  # an empty lock left behind would look like someone else's
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".") and p.is_file()] == []


def test_full_disk_at_save_as_keeps_the_draft_open_where_it_was(tmp_path: Path, full_disk: Callable[[], None]) -> None:
    path = create_draft(make_draft(conduct="已有的文字"), tmp_path / "d.json")
    opened = OpenDraft(path)
    opened.draft.sections["conduct"] = "磁盘满后写的字"
    full_disk()
    target = tmp_path / "副本.json"
    with pytest.raises(AppraisalError, match="磁盘空间不足"):
        opened.save_as(target)
    assert opened.path == path and opened.lock.held
    assert opened.draft.sections["conduct"] == "磁盘满后写的字"
    assert not target.exists() and not lock_path(target).exists()
    assert lock_path(path).exists()
    opened.close()
    assert load_draft(path).sections["conduct"] == "已有的文字"


def test_full_disk_when_handing_a_section_to_the_external_editor_is_one_sentence(
    full_disk: Callable[[], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    import contextlib

    from appraisal.tui import external

    monkeypatch.setenv("EDITOR", "true")
    full_disk()
    with pytest.raises(AppraisalError) as caught:
        external.edit_text("本栏的文字", contextlib.nullcontext)
    assert "磁盘空间不足" in caught.value.message and caught.value.message.count("。") == 1


def nested(depth: int) -> str:
    """JSON text of lists and objects nested `depth` deep (written out: json.dumps itself recurses)."""
    opening = "".join('{"层": ' if n % 2 else "[" for n in range(depth))
    closing = "".join("}" if n % 2 else "]" for n in reversed(range(depth)))
    return opening + '"值"' + closing


def with_field(text: str, where: str) -> str:
    """A draft's JSON with a field "备注" holding `text`, at the top or in the profile."""
    data = json.dumps(make_draft(conduct="正文").to_json_dict(), ensure_ascii=False)
    if where == "top":
        return data[:-1] + ', "备注": ' + text + "}"
    return data.replace('"profile": {', '"profile": {"备注": ' + text + ", ", 1)


@pytest.mark.parametrize("where", ["top", "profile"])
@pytest.mark.parametrize("depth", [256, 300, 995])
def test_a_draft_nested_too_deep_to_save_is_refused_at_load_untouched(tmp_path: Path, where: str, depth: int) -> None:
    from appraisal.store import DraftUnreadableError

    path = tmp_path / "深.json"
    path.write_text(with_field(nested(depth), where), encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(DraftUnreadableError) as caught:
        OpenDraft(path)
    assert "嵌套" in caught.value.message and caught.value.message.count("。") == 1
    assert path.read_bytes() == before
    assert not lock_path(path).exists()


def test_an_unknown_field_nested_a_little_is_kept_and_saved(tmp_path: Path) -> None:
    path = tmp_path / "浅.json"
    path.write_text(with_field(nested(60), "top"), encoding="utf-8")
    opened = OpenDraft(path)
    opened.draft.sections["conduct"] = "改过的正文"
    opened.save()
    opened.close()
    assert json.loads(path.read_text(encoding="utf-8"))["备注"] == json.loads(nested(60))


# ---------------------------------------------------------------- symbolic links


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_draft_that_is_a_link_is_saved_through_the_link(tmp_path: Path) -> None:
    synced = tmp_path / "同步盘"
    synced.mkdir()
    target = create_draft(make_draft(conduct="同步盘里的文字"), synced / "总结.json")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    link = drafts / "总结.json"
    link.symlink_to(target)

    opened = OpenDraft(link)
    opened.draft.sections["conduct"] = "通过链接改的文字"
    opened.save()
    opened.draft.sections["conduct"] = "再改一次"
    opened.save()
    opened.close()
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert load_draft(target).sections["conduct"] == "再改一次"
    assert target.stat().st_mode & 0o777 == 0o600
    leftovers = [p for folder in (synced, drafts) for p in folder.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
@pytest.mark.parametrize("linked", ["history", "draft-folder", "id-folder"])
def test_history_never_follows_a_link_out_of_its_folder_nor_deletes_what_it_did_not_write(
    tmp_path: Path, linked: str
) -> None:
    from appraisal.store import HISTORY_DIR, HISTORY_RECENT, save_draft

    elsewhere = tmp_path / "别处"
    elsewhere.mkdir()
    theirs = {f"{n:06d}-20250101T000000.json": f"别人的文件{n}" for n in range(1, 40)}
    for name, text in theirs.items():
        (elsewhere / name).write_text(text, encoding="utf-8")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    path = drafts / "总结.json"
    draft = make_draft(conduct="第一版")
    history = drafts / HISTORY_DIR
    if linked == "history":
        history.symlink_to(elsewhere)
    elif linked == "draft-folder":
        history.mkdir()
        (history / "总结").symlink_to(elsewhere)
    else:
        (history / "总结").mkdir(parents=True)
        (history / "总结" / draft.id).symlink_to(elsewhere)

    for n in range(HISTORY_RECENT + 15):  # enough saves to prune
        draft.sections["conduct"] = f"第{n}版"
        save_draft(draft, path)
    assert load_draft(path).sections["conduct"] == f"第{HISTORY_RECENT + 14}版"
    assert {p.name: p.read_text(encoding="utf-8") for p in elsewhere.iterdir()} == theirs
    assert list_history(path) == []


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_link_among_the_revisions_is_neither_listed_nor_deleted(tmp_path: Path) -> None:
    from appraisal.store import HISTORY_DIR, HISTORY_RECENT, save_draft

    path = tmp_path / "总结.json"
    draft = make_draft(conduct="第一版")
    save_draft(draft, path)
    mine = tmp_path / "我的文件.txt"
    mine.write_text("不是历史版本", encoding="utf-8")
    planted = tmp_path / HISTORY_DIR / "总结" / draft.id / "000000-20200101T000000.json"
    planted.symlink_to(mine)
    for n in range(HISTORY_RECENT + 5):
        draft.sections["conduct"] = f"第{n}版"
        save_draft(draft, path)
    assert all(not e.path.is_symlink() for e in list_history(path))
    assert mine.read_text(encoding="utf-8") == "不是历史版本"
