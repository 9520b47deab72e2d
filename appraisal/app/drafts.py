"""Drafts by path, for both faces: find one, list them, create a new or an imported one, list and restore its
history, take over its lock. Each workflow is written once here; the CLI and the TUI only ask and tell."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from appraisal.draft import Draft
from appraisal.errors import AppraisalError
from appraisal.store import (
    DraftFolderReadOnlyError,
    DraftLock,
    DraftLockedError,
    HistoryEntry,
    LockInfo,
    Restored,
    create_draft,
    draft_files,
    list_history,
    load_draft,
    lock_path,
    most_recent_draft,
    new_draft_path,
    read_lock,
    resolve_draft,
    restore_revision,
    set_aside_files,
)
from appraisal.templates import DEFAULT_TEMPLATE, Template, load_template

if TYPE_CHECKING:
    from appraisal.importing import ImportResult

__all__ = [
    "DraftFolderReadOnlyError",
    "DraftLockedError",
    "HistoryEntry",
    "LockInfo",
    "Restored",
    "create",
    "draft_files",
    "find",
    "history",
    "load_fitted",
    "lock_holder",
    "most_recent_draft",
    "new",
    "restore",
    "set_aside_files",
    "take_over_lock",
    "unlock",
]

find = resolve_draft  # a draft named by path, file name, id, or the writer's name (when that picks one)
history = list_history  # a draft's revisions, newest first
lock_holder = read_lock  # who holds a draft's lock (None: nobody, or the lock is unreadable)


def load_fitted(path: Path) -> tuple[Draft, Template]:
    """A draft read (not locked) with its template, fitted to it: for checking, exporting, reading."""
    draft = load_draft(path)
    template = load_template(draft.template)
    draft.fit_to(template)
    return draft, template


def create(draft: Draft, output: Path | None = None) -> Path:
    """Save a new draft (a new or an imported one): at `output`, or under a new name in it when it is a folder,
    else in the drafts folder. Never over an existing file."""
    if output is not None and output.is_dir():
        output = new_draft_path(draft, output)
    return create_draft(draft, output)


def new(
    template_id: str | None,
    *,
    name: str,
    unit: str,
    position: str,
    year: int | None,
    title: str | None = None,
    output: Path | None = None,
) -> Path:
    """A new draft from a template, saved (see `create`)."""
    template = load_template(template_id or DEFAULT_TEMPLATE)
    draft = Draft.new(template, name=name, unit=unit, position=position, year=year, title=title)
    return create(draft, output)


def same_text_drafts(draft: Draft) -> list[Path]:
    """The drafts already in the data folder with `draft`'s template and the same text in every section: what
    importing the same document again finds (unreadable drafts are passed over)."""
    found = []
    for path in draft_files():
        try:
            other = load_draft(path)
        except AppraisalError:
            continue
        if other.template == draft.template and other.sections == draft.sections:
            found.append(path)
    return found


def create_imported(result: ImportResult, output: Path | None = None) -> Path:
    """The draft an import made, saved (see `create`)."""
    return create(result.draft, output)


def restore(path: Path, revision: int) -> Restored:
    """Make an earlier revision of a draft that is not open current (`appraisal history --restore`), under its
    lock: a DraftLockedError when it is open elsewhere. An open draft restores through its EditSession."""
    with DraftLock(path):
        return restore_revision(path, revision)


def take_over_lock(path: Path, holder: LockInfo) -> None:
    """Take the lock `holder` (on another computer) holds, as the user confirmed after being told who and since
    when; then leave the draft unlocked for whoever opens it. DraftLockedError when the lock has changed since."""
    lock = DraftLock(path)
    lock.take_over(holder)
    lock.release()


@dataclass(frozen=True)
class Unlocked:
    """What `unlock` found: `done` when the lock is gone (or there was none); otherwise the holder on another
    computer, whose lock only the user may take over (`take_over_lock`)."""

    done: bool
    message: str
    holder: LockInfo | None = None
    lock_file: Path | None = None


def unlock(path: Path) -> Unlocked:
    """Remove a lock that is stale or unreadable. A live lock of this computer raises DraftLockedError; a lock
    naming another computer is left for the user to decide on (returned, not done)."""
    import socket

    holder = read_lock(path)
    lock = DraftLock(path)
    if holder is None:
        if not lock_path(path).exists():
            return Unlocked(True, f"草稿 {path} 没有被锁定。")
        lock.acquire()  # an unreadable lock is stale: acquire replaces it
        lock.release()
        return Unlocked(True, f"已解除草稿 {path} 的锁定（锁文件已损坏）。")
    if holder.host == socket.gethostname():
        lock.acquire()  # a stale lock of this computer is replaced; a live one raises
        lock.release()
        return Unlocked(True, f"已解除草稿 {path} 的锁定（原先锁定它的程序已不在运行）。")
    return Unlocked(False, "", holder, lock.path)
