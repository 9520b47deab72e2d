"""History: every save keeps a revision beside the draft, in
`<dir>/.appraisal-history/<name>/<draft id>/`, thinned out over time; best effort, never failing a save."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from appraisal.draft import Draft
from appraisal.errors import AppraisalError
from appraisal.fileio import atomic_write_bytes
from appraisal.paths import ensure_private_dir
from appraisal.store.codec import parse, read_bounded
from appraisal.text.lazy_regex import lazy_compile

HISTORY_DIR = ".appraisal-history"
HISTORY_RECENT = 20  # every one of the newest revisions is kept (the spec asks for at least 20)
HISTORY_MAX = 120  # beyond the recent ones: one an hour for two days, then one a day, up to this many in all


@dataclass(frozen=True)
class HistoryEntry:
    revision: int
    saved: str
    path: Path

    def load(self) -> Draft:
        draft, reason = parse(self.path.read_bytes())
        if draft is None:
            raise AppraisalError(f"历史版本 {self.path} 无法读取：{reason}。")
        return draft


_REV_NAME = lazy_compile(r"^(\d{6,})-(\d{8}T\d{6}(?:\d{6})?)\.json$")
_SAFE_ID = lazy_compile(r"^[A-Za-z0-9_-]{1,64}$")
_ID_IN_TEXT = re.compile(rb'"id"\s*:\s*"((?:[^"\\]|\\.){1,200})"')


def _is_linked(folder: Path) -> bool:
    """Whether the history folder, or a folder between it and the draft's folder, is a symbolic link. History is
    never written, listed or pruned through a link: it could lead anywhere, and pruning would delete files there."""
    base = folder
    while base.name != HISTORY_DIR and base != base.parent:
        base = base.parent
    return any(part.is_symlink() for part in (folder, *folder.parents) if len(part.parts) >= len(base.parts))


def _is_our_file(item: Path) -> bool:
    """A regular file (not a link, nor a device): only such a file can be a revision we wrote."""
    try:
        return stat.S_ISREG(item.lstat().st_mode)
    except OSError:
        return False


def _history_root(draft_path: Path) -> Path:
    """Where the histories of the drafts that have been at this path are kept, one folder per draft id."""
    return draft_path.parent / HISTORY_DIR / draft_path.stem


def _id_folder(draft_id: str) -> str:
    """A folder name for a draft id: the id itself when it is a plain one (ours are 12 hex digits), else a hash,
    since a hand-edited id may hold any text (`../x`)."""
    if _SAFE_ID.match(draft_id):
        return draft_id
    return "id-" + hashlib.sha256(draft_id.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _id_of(raw: bytes) -> str | None:
    """The draft id in a draft file's bytes; also from a damaged file, when the id itself is still legible."""
    draft, _reason = parse(raw)
    if draft is not None:
        return draft.id
    match = _ID_IN_TEXT.search(raw[:4096])
    if match is None:
        return None
    try:
        value = json.loads(b'"' + match.group(1) + b'"')
    except ValueError:
        return None
    return value if isinstance(value, str) else None


def _migrate_history(root: Path) -> None:
    """History used to be kept by file name alone, the revisions of every draft that had that name mixed in one
    folder: move each revision into its own draft's folder. A revision whose id cannot be read stays where it is
    (it could not be restored before either); nothing is ever deleted here."""
    try:
        items = [item for item in root.iterdir() if _REV_NAME.match(item.name) and _is_our_file(item)]
    except (OSError, ValueError):  # no such folder; a NUL in the name
        return
    for item in items:
        try:
            draft_id = _id_of(item.read_bytes())
            if draft_id is None:
                continue
            target = root / _id_folder(draft_id) / item.name
            ensure_private_dir(target.parent)
            if not target.exists():
                os.rename(item, target)
        except OSError:
            continue  # best effort, like all of history: the revision stays where it was


def history_dir(draft_path: Path, draft_id: str | None = None) -> Path | None:
    """The history folder of the draft at `draft_path`. Without `draft_id`, the id is read from the file; when
    the file is too damaged to say, the history most recently written at this path is the one meant."""
    root = _history_root(draft_path)
    if _is_linked(root):
        return None
    _migrate_history(root)
    if draft_id is None:
        with contextlib.suppress(OSError, ValueError, AppraisalError):
            draft_id = _id_of(read_bounded(draft_path))
    if draft_id is not None:
        return root / _id_folder(draft_id)
    try:
        folders = [item for item in root.iterdir() if item.is_dir() and not item.is_symlink()]
    except (OSError, ValueError):
        return None
    return max(folders, key=lambda f: (f.stat().st_mtime_ns, f.name), default=None)


def list_history(draft_path: Path, draft_id: str | None = None) -> list[HistoryEntry]:
    """Revisions kept for the draft, newest first."""
    folder = history_dir(draft_path, draft_id)
    if folder is None or _is_linked(folder) or not folder.is_dir():
        return []
    entries = []
    for item in folder.iterdir():
        match = _REV_NAME.match(item.name)
        if match and _is_our_file(item):
            stamp = dt.datetime.strptime(match.group(2)[:15], "%Y%m%dT%H%M%S")
            entries.append(HistoryEntry(int(match.group(1)), stamp.strftime("%Y-%m-%d %H:%M:%S"), item))
    entries.sort(key=lambda e: (e.revision, e.path.name), reverse=True)
    return entries


def newest_revision(draft_path: Path, draft_id: str) -> int:
    """The highest revision number in the draft's history (0 if none): read from the names alone, as every save
    asks."""
    folder = _history_root(draft_path) / _id_folder(draft_id)
    try:
        names = os.listdir(folder)
    except (OSError, ValueError):
        return 0
    return max((int(m.group(1)) for m in map(_REV_NAME.match, names) if m), default=0)


def newest_good_revision(draft_path: Path) -> tuple[HistoryEntry, Draft] | None:
    for entry in list_history(draft_path):
        with contextlib.suppress(OSError, AppraisalError):
            return entry, entry.load()
    return None


def record_history(draft_path: Path, draft: Draft, data: bytes) -> None:
    """Keep a copy of this revision and prune the oldest. History is best effort: a failure here never
    fails the save of the draft itself, which has already succeeded."""
    folder = _history_root(draft_path) / _id_folder(draft.id)
    if _is_linked(folder):
        return
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S%f")
    with contextlib.suppress(AppraisalError, OSError):
        atomic_write_bytes(folder / f"{draft.revision:06d}-{stamp}.json", data)
        entries = list_history(draft_path, draft.id)
        kept = history_to_keep(entries, dt.datetime.now())
        for old in entries:
            if old not in kept:
                old.path.unlink(missing_ok=True)


def history_to_keep(entries: list[HistoryEntry], now: dt.datetime) -> set[HistoryEntry]:
    """Autosave writes a revision every few seconds of typing, so keeping only the last N would cover
    minutes. Keep the newest HISTORY_RECENT, then the newest of each hour for two days, then of each day."""
    kept = set(entries[:HISTORY_RECENT])
    buckets: set[str] = set()
    # `saved` is always "%Y-%m-%d %H:%M:%S" (list_history writes it): as text it sorts as the time it names, so
    # "saved less than two days ago" is one comparison of text, not a strptime per entry (40 days of autosaves
    # every 30 s: 115,200 entries).
    two_days_ago = (now - dt.timedelta(days=2)).strftime("%Y-%m-%d %H:%M:%S")
    for entry in entries[HISTORY_RECENT:]:
        if len(kept) >= HISTORY_MAX:
            break
        bucket = entry.saved[:13] if entry.saved > two_days_ago else entry.saved[:10]
        if bucket not in buckets:
            buckets.add(bucket)
            kept.add(entry)
    return kept
