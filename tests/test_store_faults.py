"""Faults around the draft's lock and every write path of the store: a full or read-only disk is one Chinese
sentence, never a traceback, and leaves nothing behind that would lock the user out afterwards."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from appraisal.draft import Draft
from appraisal.errors import AppraisalError
from appraisal.store import DraftLock, OpenDraft, create_draft, load_draft, lock_path
from appraisal.templates import load_template


def make_draft(**sections: str) -> Draft:
    draft = Draft.new(load_template("cadre-annual"), name="张三", unit="规划局", position="副局长", year=2026)
    draft.sections.update(sections)
    return draft


class FullHandle:
    """A file object on a full disk: every write raises ENOSPC."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def __enter__(self) -> FullHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.inner.close()

    def write(self, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """Call it to fill the disk: from then on every write through a file object and `os.write` fails."""
    real_fdopen = os.fdopen

    def fill() -> None:
        def no_space(*args: object, **kwargs: object) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: FullHandle(real_fdopen(fd, *a, **k)))
        monkeypatch.setattr(os, "write", no_space)

    return fill


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
