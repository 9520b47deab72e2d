"""The draft being edited, without any UI: its file and lock, its template, and whether it is saved.

The editor screen owns one EditSession. Saving never raises: a failed save keeps the text in memory, records
the reason (one Chinese sentence) and leaves the session dirty so the next save tries again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from appraisal.app.recovery import recovery_folders, recovery_name
from appraisal.draft import Draft
from appraisal.errors import AppraisalError
from appraisal.fileio import atomic_write_bytes
from appraisal.store import DraftChangedOnDiskError, OpenDraft, dump_draft, read_lock
from appraisal.templates import Template, load_template

Clock = Callable[[], dt.datetime]


class SaveConflict(StrEnum):
    """Why the last save was refused (EditSession.conflict): the draft file is not ours to write any more."""

    DELETED = "deleted"  # another program deleted it
    CHANGED = "changed"  # another program wrote it


def system_clock() -> dt.datetime:
    return dt.datetime.now()


class EditSession:
    """One open draft: holds the lock (unless read-only) and tracks unsaved changes."""

    def __init__(self, path: Path, *, read_only: bool = False, clock: Clock = system_clock) -> None:
        self.clock = clock
        self.opened = OpenDraft(path, read_only=read_only)
        try:
            self.template: Template = load_template(self.opened.draft.template)
        except AppraisalError as exc:
            self.opened.close()
            raise AppraisalError(f"草稿 {path} 使用的模板无法加载：{exc.message}") from exc
        self.opened.draft.fit_to(self.template)
        self.dirty = False
        self.saved_at: dt.datetime | None = None
        self.error: str | None = None
        self.conflict: SaveConflict | None = None

    # ------------------------------------------------------------ state

    @property
    def draft(self) -> Draft:
        return self.opened.draft

    @property
    def path(self) -> Path:
        return self.opened.path

    @property
    def read_only(self) -> bool:
        return self.opened.read_only

    def text(self, section_id: str) -> str:
        return self.draft.sections.get(section_id, "")

    def set_text(self, section_id: str, text: str) -> bool:
        """Record the editor's text for a section; True when it differs from what we had."""
        if self.draft.sections.get(section_id) == text:
            return False
        self.draft.sections[section_id] = text
        if not self.read_only:
            self.dirty = True
        return True

    def mark_changed(self) -> None:
        """The draft was changed in place (fixes applied, profile edited): it needs saving."""
        if not self.read_only:
            self.dirty = True

    def save_label(self) -> str:
        """What the status bar says about saving: 已保存 hh:mm:ss, 未保存, 保存失败 or 只读."""
        if self.read_only:
            return "只读"
        if self.error is not None:
            return "保存失败"
        if self.dirty:
            return "未保存"
        if self.saved_at is not None:
            return f"已保存 {self.saved_at:%H:%M:%S}"
        return "已保存"

    # ------------------------------------------------------------ saving

    def save(self) -> bool:
        """Write the draft if it changed. False (and `error` set) when it could not be written."""
        if self.read_only or not self.dirty:
            return True
        try:
            self.opened.save()
        except DraftChangedOnDiskError:
            if self.path.exists():
                self.conflict, self.error = (
                    SaveConflict.CHANGED,
                    f"草稿 {self.path} 已被其他程序修改，为免覆盖没有保存。",
                )
            else:
                self.conflict, self.error = SaveConflict.DELETED, f"草稿 {self.path} 已被其他程序删除。"
            return False
        except AppraisalError as exc:
            self.conflict, self.error = None, exc.message
            return False
        except OSError as exc:  # defensive: the store turns OS errors into AppraisalError
            self.conflict, self.error = None, f"保存草稿 {self.path} 失败：{exc.strerror or exc}。"
            return False
        self._saved()
        return True

    def _saved(self) -> None:
        self.dirty = False
        self.error = None
        self.conflict = None
        self.saved_at = self.clock()

    def save_as(self, path: Path) -> None:
        """Save under a new file (after a conflict or on a read-only disk); raises AppraisalError."""
        self.opened.save_as(path)
        self._saved()

    def save_here(self) -> None:
        """After another program deleted the draft, write it again where it was (never over a file that has
        appeared there since: that is someone else's); raises AppraisalError."""
        if self.path.exists():
            self.conflict = SaveConflict.CHANGED
            self.error = f"草稿 {self.path} 已被其他程序修改，为免覆盖没有保存。"
            raise AppraisalError(f"{self.path} 处又有了一份文件，为免覆盖没有保存，请另存为新文件。")
        self.opened.save(force=True)
        lock = self.opened.lock
        if lock.held and read_lock(self.path) is None:  # the folder went too, lock file and all: lock again
            lock.held = False
            with contextlib.suppress(AppraisalError):
                lock.acquire()
        self._saved()

    def restore(self, revision: int) -> None:
        """Make an earlier revision current, as a new revision; raises AppraisalError."""
        try:
            self.opened.restore(revision)
        except DraftChangedOnDiskError as exc:
            self.conflict = SaveConflict.CHANGED if self.path.exists() else SaveConflict.DELETED
            self.error = exc.message
            raise
        self.draft.fit_to(self.template)
        self._saved()

    def rescue(self) -> Path | None:
        """The app is ending on an error: save if there is anything to save; if that fails, write a recovery
        copy (next to the draft, else in the home folder, else the temp folder). Where the text is now (None for
        a read-only draft: nothing of the user's is only in memory). Never raises."""
        if self.read_only:
            return None
        if self.conflict is None and self.save():
            return self.path
        name = recovery_name(self.path, self.clock())
        data = dump_draft(self.draft)
        for folder in recovery_folders(self.path):
            try:
                atomic_write_bytes(folder / name, data)
            except (AppraisalError, OSError):
                continue
            return folder / name
        return None

    def close(self) -> None:
        self.opened.close()
