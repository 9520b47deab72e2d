"""A draft open for editing: its lock held, and a save refused when another program changed the file."""

from __future__ import annotations

import contextlib
import glob
from pathlib import Path

from appraisal.errors import AppraisalError
from appraisal.fileio import temp_prefix
from appraisal.store.errors import DraftChangedOnDiskError
from appraisal.store.files import load_draft, save_draft, signature, through_link
from appraisal.store.lock import DraftLock
from appraisal.store.restore import Restored, restore_revision


def _remove_stale_temp_files(path: Path) -> None:
    """Temp files left by a save that was killed mid-write. Only called while holding the lock, so no
    save of ours is under way."""
    for written in {path, through_link(path)}:
        for leftover in written.parent.glob(f"{glob.escape(temp_prefix(written))}*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()


class OpenDraft:
    """A draft being edited: it holds the lock (unless read-only) and refuses to overwrite a file that
    another program changed since it was loaded."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self.lock = DraftLock(path)
        if not read_only:
            self.lock.acquire()
        try:
            self.draft = load_draft(path)
        except AppraisalError:
            self.lock.release()
            raise
        self._disk = signature(path)
        if not read_only:
            _remove_stale_temp_files(path)

    def changed_on_disk(self) -> bool:
        return signature(self.path) != self._disk

    def save(self, *, force: bool = False) -> None:
        if self.read_only:
            raise AppraisalError("此草稿以只读方式打开，不能保存。")
        if not force and self.changed_on_disk():
            raise DraftChangedOnDiskError(
                f"草稿 {self.path} 已被其他程序修改或删除；为免覆盖，本次未保存，请另存为新文件。"
            )
        save_draft(self.draft, self.path)
        self._disk = signature(self.path)

    def restore(self, revision: int) -> Restored:
        """Make an earlier revision current, as a new revision (restore_revision), and hold it as the draft being
        edited. Refused like a save when another program changed the file since it was loaded."""
        if self.read_only:
            raise AppraisalError("此草稿以只读方式打开，不能恢复历史版本。")
        if self.changed_on_disk():
            raise DraftChangedOnDiskError(
                f"草稿 {self.path} 已被其他程序修改或删除；为免覆盖，没有恢复，请另存为新文件。"
            )
        restored = restore_revision(self.path, revision)
        self.draft = restored.draft
        self._disk = signature(self.path)
        return restored

    def save_as(self, path: Path) -> None:
        """Save under a new name (after a conflict): the new file gets its own lock."""
        if path.exists():
            raise AppraisalError(f"{path} 已存在，不会覆盖，请换一个文件名。")
        new_lock = DraftLock(path)
        new_lock.acquire()
        try:
            save_draft(self.draft, path)
        except AppraisalError:
            new_lock.release()
            raise
        self.lock.release()
        self.lock, self.path, self.read_only = new_lock, path, False
        self._disk = signature(path)

    def close(self) -> None:
        self.lock.release()
