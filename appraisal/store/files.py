"""Loading and saving one draft file: atomic writes through links, a new revision on every save, and an
unreadable file reported (with its newest good revision) instead of overwritten."""

from __future__ import annotations

import os
from pathlib import Path

from appraisal.draft import Draft, now_iso
from appraisal.errors import AppraisalError
from appraisal.fileio import atomic_write_bytes, describe_os_error
from appraisal.store.codec import dump_draft, is_newer, parse, read_bounded, refuse_unopenable
from appraisal.store.errors import DraftUnreadableError
from appraisal.store.history import newest_good_revision, newest_revision, record_history

DRAFT_SUFFIX = ".json"
SET_ASIDE_MARK = ".unreadable-"  # in the name of a file a restore moved aside (see restore.py)


def signature(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def load_draft(path: Path) -> Draft:
    """Read a draft. Never writes: an unreadable file raises DraftUnreadableError naming the good revision."""
    if path.exists() and not path.is_file() and not path.is_dir():
        # A FIFO would block for ever, /dev/zero (or a link to it) fill the memory.
        raise AppraisalError(f"{path} 不是普通文件，不是草稿文件。")
    try:
        raw = read_bounded(path)
    except IsADirectoryError as exc:
        raise AppraisalError(f"{path} 是一个目录，不是草稿文件。") from exc
    except OSError as exc:
        raise AppraisalError(describe_os_error(exc, path, "读取草稿")) from exc
    draft, reason = parse(raw)
    if draft is None:
        found = newest_good_revision(path)
        good = found[0] if found else None
        hint = "历史记录中没有可用的版本"
        if found:
            entry, kept = found
            hint = (
                f"历史记录中最近的完好版本是第 {entry.revision} 版（{kept.display_name()}，"
                f"{kept.total_chars()} 字，保存于 {entry.saved}），"
                f"可用“appraisal history {path} --restore {entry.revision}”恢复"
            )
            if is_newer(raw):  # restoring would put older text in place of the newer version's
                hint += (
                    f"，但恢复前当前文件会被移到 {path.stem}{SET_ASIDE_MARK}<时间>{path.suffix}，"
                    "其中较新的内容只有升级后才能打开"
                )
        raise DraftUnreadableError(f"草稿 {path} 无法读取（{reason}），文件未作任何改动；{hint}。", path, good)
    return draft


def through_link(path: Path) -> Path:
    """Where saving `path` writes: a draft that is a symbolic link (into a synced folder, say) is saved as editors
    do, by writing the file it points to (atomically, beside it), so the link stays and the target gets the text."""
    try:
        linked = path.is_symlink()
    except ValueError:  # a NUL in the name: the write itself says so
        return path
    return Path(os.path.realpath(path)) if linked else path


def save_draft(draft: Draft, path: Path) -> None:
    """Write a new revision atomically, then record it in history; nothing is written that could not be opened
    again (`refuse_unopenable`)."""
    previous = (draft.revision, draft.updated)
    # Above every revision in the draft's history, so that an older copy put back over the draft never
    # repeats a revision number.
    draft.revision = max(draft.revision, newest_revision(path, draft.id)) + 1
    draft.updated = now_iso()
    data = dump_draft(draft)
    try:
        refuse_unopenable(draft, data, path)
        atomic_write_bytes(through_link(path), data)
    except AppraisalError:
        draft.revision, draft.updated = previous
        raise
    record_history(path, draft, data)
