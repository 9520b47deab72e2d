"""Putting an earlier revision back, as a new revision; an unreadable current file is moved aside whole."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from appraisal import paths
from appraisal.draft import Draft
from appraisal.errors import AppraisalError
from appraisal.fileio import atomic_write_bytes, describe_os_error, fit_name
from appraisal.store.errors import DraftUnreadableError
from appraisal.store.files import DRAFT_SUFFIX, SET_ASIDE_MARK, load_draft, save_draft
from appraisal.store.history import list_history


@dataclass(frozen=True)
class Restored:
    """What a restore did: the draft now current, and where the unreadable file it replaced was moved (if any)."""

    draft: Draft
    set_aside: Path | None = None


def _aside_path(path: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    stem = fit_name(path.stem, SET_ASIDE_MARK, stamp, "-999", path.suffix)
    aside = path.with_name(f"{stem}{SET_ASIDE_MARK}{stamp}{path.suffix}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{stem}{SET_ASIDE_MARK}{stamp}-{n}{path.suffix}")
    return aside


def restore_revision(path: Path, revision: int) -> Restored:
    """Make an earlier revision the current one, as a new revision (so the restore itself can be undone).

    A current file that cannot be read (damaged, or written by a newer version) is first copied aside as
    `<name>.unreadable-<time>.json`, never destroyed; `Restored.set_aside` says where, for the user.
    """
    entry = next((e for e in list_history(path) if e.revision == revision), None)
    if entry is None:
        raise AppraisalError(f"草稿 {path} 的历史记录中没有第 {revision} 版。")
    restored = entry.load()
    current_revision = revision
    aside: Path | None = None
    if path.exists():
        try:
            current_revision = load_draft(path).revision
        except DraftUnreadableError:
            aside = _aside_path(path)
            try:
                atomic_write_bytes(aside, path.read_bytes())
            except OSError as exc:
                raise AppraisalError(describe_os_error(exc, aside, "备份")) from exc
            current_revision = max(e.revision for e in list_history(path))
    restored.revision = max(current_revision, restored.revision)
    save_draft(restored, path)
    return Restored(restored, aside)


def set_aside_files(folder: Path | None = None) -> list[Path]:
    """Files a restore moved aside (unreadable, kept whole), newest first: `list` shows them."""
    folder = folder or paths.drafts_dir()
    if not folder.is_dir():
        return []
    files = [p for p in folder.glob(f"*{SET_ASIDE_MARK}*{DRAFT_SUFFIX}") if p.is_file()]
    return sorted(files, key=lambda p: p.name, reverse=True)
