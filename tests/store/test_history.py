"""History belongs to a draft's identity (its id), not to its file name: a path reused by another draft, or an
older copy put back over the draft, never mixes revisions, and the restore hint names what it restores."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from appraisal.draft import Draft
from appraisal.store import (
    HISTORY_DIR,
    DraftUnreadableError,
    dump_draft,
    list_history,
    load_draft,
    restore_revision,
    save_draft,
)
from appraisal.templates import load_template


def make_draft(name: str, **sections: str) -> Draft:
    draft = Draft.new(load_template("cadre-annual"), name=name, unit="规划局", position="副局长", year=2026)
    draft.sections.update(sections)
    return draft


def saved_times(draft: Draft, path: Path, times: int, word: str) -> None:
    for n in range(times):
        draft.sections["conduct"] = f"{word}第{n + 1}次"
        save_draft(draft, path)


def history_files(path: Path) -> list[Path]:
    return sorted(p for p in (path.parent / HISTORY_DIR).rglob("*.json") if p.is_file())


def test_a_reused_path_shows_only_the_new_drafts_history(tmp_path: Path) -> None:
    path = tmp_path / "总结.json"
    old = make_draft("张三")
    saved_times(old, path, 26, "旧稿")
    path.unlink()  # the user deletes the draft and starts another under the same name
    new = make_draft("李四")
    saved_times(new, path, 15, "新稿")

    entries = list_history(path)
    assert [e.revision for e in entries] == list(range(15, 0, -1))  # all of them, once each, newest first
    assert {e.load().id for e in entries} == {new.id}
    assert entries[0].load().sections["conduct"] == "新稿第15次"


def test_the_restore_hint_offers_the_drafts_own_revision_and_names_it(tmp_path: Path) -> None:
    path = tmp_path / "总结.json"
    saved_times(make_draft("张三"), path, 26, "旧稿")
    path.unlink()
    saved_times(make_draft("李四"), path, 5, "新稿")
    path.write_text('{"schema": 1, "id": "' + load_draft_id(path) + '", "templ', encoding="utf-8")  # torn by hand

    with pytest.raises(DraftUnreadableError) as caught:
        load_draft(path)
    good = caught.value.good_revision
    assert good is not None and good.revision == 5
    message = caught.value.message
    assert "第 5 版" in message and "李四" in message and "张三" not in message
    restored = restore_revision(path, 5).draft
    assert restored.profile.name == "李四" and restored.sections["conduct"] == "新稿第5次"


def load_draft_id(path: Path) -> str:
    return load_draft(path).id


def test_an_older_copy_put_back_never_repeats_a_revision_number(tmp_path: Path) -> None:
    path = tmp_path / "总结.json"
    draft = make_draft("张三")
    saved_times(draft, path, 3, "早")
    backup = tmp_path / "backup.json"
    shutil.copy(path, backup)
    saved_times(draft, path, 5, "晚")  # revisions 4..8
    shutil.copy(backup, path)  # the user puts the older copy back
    again = load_draft(path)
    assert again.revision == 3
    again.sections["conduct"] = "放回后再写"
    save_draft(again, path)

    revisions = [e.revision for e in list_history(path)]
    assert len(revisions) == len(set(revisions)) == 9
    assert list_history(path)[0].load().sections["conduct"] == "放回后再写"


def test_history_kept_by_file_name_is_moved_to_each_drafts_own_and_nothing_is_lost(tmp_path: Path) -> None:
    path = tmp_path / "总结.json"
    old_style = tmp_path / HISTORY_DIR / "总结"  # how history was kept before: by file name, drafts mixed
    old_style.mkdir(parents=True)
    first, second = make_draft("张三"), make_draft("李四")
    for n, draft in enumerate((first, first, second, second, second)):
        draft.revision = n + 1
        draft.sections["conduct"] = f"第{n}份"
        (old_style / f"{draft.revision:06d}-20261201T1000{n:02d}000000.json").write_bytes(dump_draft(draft))
    (old_style / "000009-20261201T100100000000.json").write_text("{损坏的历史", encoding="utf-8")
    path.write_bytes(dump_draft(second))
    before = sorted(p.read_bytes() for p in history_files(path))

    assert [e.revision for e in list_history(path)] == [5, 4, 3]
    assert {e.load().id for e in list_history(path)} == {second.id}
    assert sorted(p.read_bytes() for p in history_files(path)) == before  # every file kept, byte for byte
