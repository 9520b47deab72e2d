"""The draft's life as both faces call it (appraisal.app): restore through the open session, refused over another
program's writing; new drafts placed where asked; what `unlock` finds and does to each kind of lock."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from appraisal.app import drafts
from appraisal.app.session import EditSession, SaveConflict
from appraisal.draft import Draft
from appraisal.errors import AppraisalError
from appraisal.store import create_draft, list_history, load_draft, lock_path, save_draft
from appraisal.templates import load_template


def two_revisions() -> Path:
    draft = Draft.new(load_template("cadre-annual"), name="张三", unit="规划局", position="副局长", year=2025)
    draft.sections["conduct"] = "第一稿"
    path = create_draft(draft)
    draft.sections["conduct"] = "第二稿"
    save_draft(draft, path)
    return path


def test_an_open_draft_restores_an_earlier_revision_as_a_new_one() -> None:
    path = two_revisions()
    session = EditSession(path)
    try:
        session.restore(1)
        assert session.draft.sections["conduct"] == "第一稿"
        assert not session.dirty and session.error is None and session.saved_at is not None
        assert session.draft.sections.keys() >= {s.id for s in session.template.text_sections()}  # fitted
        on_disk = load_draft(path)
        assert (on_disk.sections["conduct"], on_disk.revision) == ("第一稿", 3)
        assert [e.revision for e in list_history(path)] == [3, 2, 1]
        session.set_text("conduct", "第一稿，接着写")
        assert session.save()  # the session knows the file it wrote: no false conflict afterwards
        assert load_draft(path).sections["conduct"] == "第一稿，接着写"
    finally:
        session.close()


def test_restore_is_refused_over_another_programs_writing() -> None:
    path = two_revisions()
    session = EditSession(path)
    try:
        theirs = load_draft(path)
        theirs.sections["conduct"] = "别的程序写的"
        save_draft(theirs, path)
        with pytest.raises(AppraisalError):
            session.restore(1)
        assert session.conflict is SaveConflict.CHANGED and session.error
        assert load_draft(path).sections["conduct"] == "别的程序写的"
    finally:
        session.close()


def test_a_new_draft_given_a_folder_gets_a_new_name_in_it(tmp_path: Path) -> None:
    path = drafts.new("cadre-annual", name="李明", unit="某市统计局", position="科长", year=2025, output=tmp_path)
    assert path.parent == tmp_path and path.suffix == ".json"
    assert load_draft(path).profile.name == "李明"
    with pytest.raises(AppraisalError):
        drafts.create(load_draft(path), path)  # never over an existing file


def test_unlock_removes_stale_and_broken_locks_and_leaves_another_computers_to_the_user() -> None:
    path = two_revisions()
    assert drafts.unlock(path).done  # no lock at all
    lock_path(path).write_text("{not json", encoding="utf-8")
    found = drafts.unlock(path)
    assert found.done and "损坏" in found.message and not lock_path(path).exists()
    theirs = {"user": "李四", "host": "办公室电脑", "pid": 4242, "since": "2025-11-30T17:05:00+08:00"}
    lock_path(path).write_text(json.dumps(theirs, ensure_ascii=False), encoding="utf-8")
    found = drafts.unlock(path)
    assert not found.done and found.holder is not None and found.holder.host == "办公室电脑"
    assert lock_path(path).exists()  # only the user decides on another computer's lock
    drafts.take_over_lock(path, found.holder)
    assert not lock_path(path).exists()
