"""Where drafts live and how they are kept safe: atomic saves, history, one lock per draft, migration.

A draft at `<dir>/<name>.json` keeps its history in `<dir>/.appraisal-history/<name>/<draft id>/` and its lock in
`<dir>/.<name>.lock`, so a draft the user keeps anywhere carries its safety net with it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import getpass
import hashlib
import json
import os
import re
import socket
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

from appraisal import paths
from appraisal.draft import SCHEMA_VERSION, Draft, now_iso
from appraisal.errors import AppraisalError, describe_validation_error
from appraisal.fileio import atomic_write_bytes, describe_os_error, write_temp_file
from appraisal.paths import ensure_private_dir

HISTORY_DIR = ".appraisal-history"
HISTORY_RECENT = 20  # every one of the newest revisions is kept (the spec asks for at least 20)
HISTORY_MAX = 120  # beyond the recent ones: one an hour for two days, then one a day, up to this many in all
DRAFT_SUFFIX = ".json"
MAX_NESTING = 100  # levels of lists and objects a draft may hold (unknown fields are kept as they are)
MAX_DRAFT_BYTES = 16 * 1024 * 1024  # a report is tens of KB; a 100 MB draft took 20 s to save
MAX_SECTION_CHARS = 3_000_000  # characters in a section (or the unmatched text): as in an imported document
LOCK_MAX_BYTES = 4096  # a lock file holds one short JSON object


class DraftUnreadableError(AppraisalError):
    """The file exists but is not a draft we can read; it must never be overwritten."""

    def __init__(self, message: str, path: Path, good_revision: HistoryEntry | None) -> None:
        super().__init__(message)
        self.path = path
        self.good_revision = good_revision


class DraftLockedError(AppraisalError):
    def __init__(self, message: str, holder: LockInfo) -> None:
        super().__init__(message)
        self.holder = holder


class DraftChangedOnDiskError(AppraisalError):
    """Someone else wrote the file since we loaded it: saving would silently overwrite their text."""


# ---------------------------------------------------------------- serialisation and migration


def _json_dict(draft: Draft) -> dict[str, Any]:
    """`Draft.to_json_dict`; pydantic cannot serialise a lone surrogate in a key of a field it does not know (kept
    from a hand-edited file), so such a draft is put in the same order from its plain Python form."""
    try:
        return draft.to_json_dict()
    except UnicodeEncodeError:
        data = draft.model_dump(by_alias=True, mode="python")
        first = ("schema", "id", "template", "profile", "title", "sections", "unmatched", "created", "updated")
        ordered = {key: data.pop(key) for key in (*first, "revision")}
        ordered.update(sorted(data.items()))
        return ordered


def dump_draft(draft: Draft) -> bytes:
    """Readable UTF-8 JSON. Text with lone surrogates (possible from a paste or a hand-edited file) cannot be
    UTF-8: such a draft is written with \\u escapes instead, which still round-trips exactly."""
    data = _json_dict(draft)
    try:
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(data, ensure_ascii=True, indent=2) + "\n").encode("ascii")


def _migrate_0_to_1(data: dict[str, Any]) -> dict[str, Any]:
    """Pre-release drafts kept the profile at the top level and sections as a list of {id, text}."""
    profile = dict(data.pop("profile", {}) or {})
    for key in ("name", "unit", "position", "year"):
        if key in data:
            profile.setdefault(key, data.pop(key))
    data["profile"] = profile
    sections = data.get("sections")
    if isinstance(sections, list):
        data["sections"] = {str(item["id"]): str(item.get("text", "")) for item in sections if isinstance(item, dict)}
    data["schema"] = 1
    return data


MIGRATIONS = {0: _migrate_0_to_1}


def _migrate(data: dict[str, Any]) -> dict[str, Any]:
    version = data.get("schema", 0)
    while isinstance(version, int) and version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version = data["schema"]
    return data


def _nesting(data: object) -> int:
    """How deep lists and objects nest in parsed JSON (a draft itself needs 3 levels)."""
    deepest = 0
    stack: list[tuple[object, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else None
        if children is None:
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_NESTING:
            break
        stack.extend((child, depth + 1) for child in children)
    return deepest


def _is_newer(raw: bytes) -> bool:
    """Whether `raw` is a draft written by a newer version of the program (a schema above ours)."""
    with contextlib.suppress(ValueError, RecursionError):
        data = json.loads(raw.decode("utf-8-sig"))
        schema = data.get("schema") if isinstance(data, dict) else None
        return isinstance(schema, int) and not isinstance(schema, bool) and schema > SCHEMA_VERSION
    return False


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """json.loads keeps the last of two equal keys and drops the first without a word; a hand-edited draft with
    `"conduct"` twice would lose a section's text on the next save."""
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise _DuplicateKeyError(key[:40])
        data[key] = value
    return data


def _parse(raw: bytes) -> tuple[Draft | None, str]:
    """A draft from bytes, or None and the reason (in Chinese) it is not one."""
    if not raw.strip():
        return None, "文件是空的"
    try:
        data = json.loads(raw.decode("utf-8-sig"), object_pairs_hook=_refuse_duplicate_keys)
    except _DuplicateKeyError as exc:
        return None, f"键“{exc.key}”重复出现，为免丢掉其中一处的内容，不予读取"
    except UnicodeDecodeError:
        return None, "文件不是 UTF-8 文本"
    except json.JSONDecodeError as exc:
        return None, f"JSON 格式损坏（第 {exc.lineno} 行第 {exc.colno} 列）"
    except (ValueError, RecursionError):  # a number of thousands of digits, arrays nested thousands deep
        return None, "JSON 内容异常（数字过长或嵌套过深）"
    if not isinstance(data, dict):
        return None, "内容不是草稿对象"
    if _nesting(data) > MAX_NESTING:  # it would load, but no save could ever write it back (pydantic stops at 255)
        return None, f"内容嵌套过深（超过 {MAX_NESTING} 层）"
    schema = data.get("schema", 0)
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 0:
        return None, "schema 字段无效"
    if schema > SCHEMA_VERSION:
        return None, f"它由更新版本的考核自评助手创建（格式版本 {schema}），请升级后再打开"
    if "template" not in data:
        return None, "缺少 template 字段"
    try:
        data = _migrate(data)
        draft = Draft.model_validate(data)
    except (ValidationError, KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, ValidationError):
            return None, describe_validation_error(exc)
        return None, "内容不符合草稿格式"
    for section_id, text in (*draft.sections.items(), ("unmatched", draft.unmatched)):
        if len(text) > MAX_SECTION_CHARS:
            return None, f"栏目 {section_id} 超过 {MAX_SECTION_CHARS // 10000} 万字，不像是一份个人总结"
    return draft, ""


# ---------------------------------------------------------------- history


@dataclass(frozen=True)
class HistoryEntry:
    revision: int
    saved: str
    path: Path

    def load(self) -> Draft:
        draft, reason = _parse(self.path.read_bytes())
        if draft is None:
            raise AppraisalError(f"历史版本 {self.path} 无法读取：{reason}。")
        return draft


_REV_NAME = re.compile(r"^(\d{6,})-(\d{8}T\d{6}(?:\d{6})?)\.json$")
_SAFE_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
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
    draft, _reason = _parse(raw)
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
            draft_id = _id_of(_read_bounded(draft_path))
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


def _newest_revision(draft_path: Path, draft_id: str) -> int:
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


def _record_history(draft_path: Path, draft: Draft, data: bytes) -> None:
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
    for entry in entries[HISTORY_RECENT:]:
        if len(kept) >= HISTORY_MAX:
            break
        saved = dt.datetime.strptime(entry.saved, "%Y-%m-%d %H:%M:%S")
        bucket = entry.saved[:13] if now - saved < dt.timedelta(days=2) else entry.saved[:10]
        if bucket not in buckets:
            buckets.add(bucket)
            kept.add(entry)
    return kept


# ---------------------------------------------------------------- load and save


def _read_bounded(path: Path) -> bytes:
    """A draft file's bytes; AppraisalError when it is too big to be a draft (read no further than the cap)."""
    with path.open("rb") as handle:
        raw = handle.read(MAX_DRAFT_BYTES + 1)
    if len(raw) > MAX_DRAFT_BYTES:
        raise AppraisalError(
            f"草稿 {path} 过大（超过 {MAX_DRAFT_BYTES // 1024 // 1024} MB），不像是一份个人总结，文件未作任何改动。"
        )
    return raw


def _signature(path: Path) -> tuple[int, int] | None:
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
        raw = _read_bounded(path)
    except IsADirectoryError as exc:
        raise AppraisalError(f"{path} 是一个目录，不是草稿文件。") from exc
    except OSError as exc:
        raise AppraisalError(describe_os_error(exc, path, "读取草稿")) from exc
    draft, reason = _parse(raw)
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
            if _is_newer(raw):  # restoring would put older text in place of the newer version's
                hint += (
                    f"，但恢复前当前文件会被移到 {path.stem}{SET_ASIDE_MARK}<时间>{path.suffix}，"
                    "其中较新的内容只有升级后才能打开"
                )
        raise DraftUnreadableError(f"草稿 {path} 无法读取（{reason}），文件未作任何改动；{hint}。", path, good)
    return draft


def _through_link(path: Path) -> Path:
    """Where saving `path` writes: a draft that is a symbolic link (into a synced folder, say) is saved as editors
    do, by writing the file it points to (atomically, beside it), so the link stays and the target gets the text."""
    try:
        linked = path.is_symlink()
    except ValueError:  # a NUL in the name: the write itself says so
        return path
    return Path(os.path.realpath(path)) if linked else path


def save_draft(draft: Draft, path: Path) -> None:
    """Write a new revision atomically, then record it in history."""
    previous = (draft.revision, draft.updated)
    # Above every revision in the draft's history, so that an older copy put back over the draft never
    # repeats a revision number.
    draft.revision = max(draft.revision, _newest_revision(path, draft.id)) + 1
    draft.updated = now_iso()
    data = dump_draft(draft)
    try:
        atomic_write_bytes(_through_link(path), data)
    except AppraisalError:
        draft.revision, draft.updated = previous
        raise
    _record_history(path, draft, data)


@dataclass(frozen=True)
class Restored:
    """What a restore did: the draft now current, and where the unreadable file it replaced was moved (if any)."""

    draft: Draft
    set_aside: Path | None = None


SET_ASIDE_MARK = ".unreadable-"


def _aside_path(path: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}{SET_ASIDE_MARK}{stamp}{path.suffix}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.stem}{SET_ASIDE_MARK}{stamp}-{n}{path.suffix}")
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


# ---------------------------------------------------------------- lock


@dataclass(frozen=True)
class LockInfo:
    user: str
    host: str
    pid: int
    since: str

    def describe(self) -> str:
        return f"{self.user}@{self.host}（进程 {self.pid}，自 {self.since_text()} 起）"

    def since_text(self) -> str:
        """When the lock was taken, as the user reads a time (`2026-11-30 17:05`), in the lock's own zone."""
        try:
            return dt.datetime.fromisoformat(self.since).strftime("%Y-%m-%d %H:%M")
        except ValueError:
            return self.since


def lock_path(draft_path: Path) -> Path:
    return draft_path.with_name(f".{draft_path.name}.lock")


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except (OSError, OverflowError):
        return False
    return True


PID_REUSE_SLACK = 120.0  # seconds: a process that started this much after the lock was taken cannot hold it


def _boot_time() -> float | None:
    """When this machine last booted (Linux: `btime` in /proc/stat); None elsewhere."""
    try:
        with open("/proc/stat", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("btime "):
                    return float(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


def _process_state(pid: int) -> tuple[str, float] | None:
    """A running process's state letter (`Z` for a zombie) and start time (seconds since the epoch), from
    /proc/PID/stat (Linux); None where there is no /proc."""
    boot = _boot_time()
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8", errors="replace") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return fields[0], (boot or 0.0) + int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def _seconds(since: str) -> float | None:
    try:
        return dt.datetime.fromisoformat(since).timestamp()
    except (ValueError, OverflowError, OSError):
        return None


def _current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getuser raises various errors when no user name is set
        return "未知用户"


def _read_lock_bytes(path: Path) -> tuple[bytes, tuple[int, int]] | None:
    """The lock file's content and identity (device, inode), or None when there is none. Only a regular file is
    read: a FIFO put in its place would block for ever, a link could lead anywhere."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise AppraisalError(f"锁文件 {path} 不是普通文件（是一个链接），请检查后删除它。") from exc
        raise AppraisalError(describe_os_error(exc, path, "读取锁文件")) from exc
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise AppraisalError(f"锁文件 {path} 不是普通文件，请检查后删除它。")
        return os.read(fd, LOCK_MAX_BYTES), (st.st_dev, st.st_ino)
    except OSError as exc:
        raise AppraisalError(describe_os_error(exc, path, "读取锁文件")) from exc
    finally:
        os.close(fd)


def _parse_lock(raw: bytes) -> LockInfo | None:
    try:
        data = json.loads(raw.decode("utf-8"))
        return LockInfo(str(data["user"]), str(data["host"]), int(data["pid"]), str(data["since"]))
    except (ValueError, KeyError, TypeError):
        return None


def read_lock(draft_path: Path) -> LockInfo | None:
    """Who holds the draft's lock, or None when there is no lock or it is unreadable."""
    try:
        found = _read_lock_bytes(lock_path(draft_path))
    except AppraisalError:
        return None
    return _parse_lock(found[0]) if found else None


def _lock_is_stale(info: LockInfo | None) -> bool:
    """A lock left by a process on this machine that no longer runs (a crash) may be taken over. So may one whose
    pid is running again but is not its holder: a zombie, or a process that started after the lock was taken
    (the pid was reused, after a power cut and reboot most often: a lock taken before the last boot is stale
    whatever its pid). A lock naming another computer is never judged here: only the user can (take_over)."""
    if info is None:
        return True
    if info.host != socket.gethostname():
        return False
    if not _pid_alive(info.pid):
        return True
    state = _process_state(info.pid)
    since = _seconds(info.since)
    if state is None or since is None:
        return False
    letter, started = state
    boot = _boot_time()
    return letter in ("Z", "X") or (boot is not None and since < boot) or since < started - PID_REUSE_SLACK


@contextlib.contextmanager
def _folder_guard(folder: Path) -> Iterator[None]:
    """Only one process at a time may take over a stale lock in a folder: without this, two that both found the
    same stale lock could each remove it, the second removing the lock the first had just taken. flock on the
    folder itself leaves no file behind and is released by the system when its process dies, so it can never be
    stale itself. Where there is no flock (Windows) or the folder refuses it (some network file systems), the
    take-over runs unguarded, as it did before; taking a free lock never needs the guard."""
    if fcntl is None:
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield  # the folder cannot be opened for the guard; the link below still fails safe
        return
    try:
        with contextlib.suppress(OSError):  # unsupported here: unguarded, see above
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the flock


# Errors of os.link where the file system has no hard links (FAT, exFAT, some network and FUSE mounts).
_NO_HARD_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS, errno.EMLINK, errno.EXDEV}


class DraftLock:
    """One editor per draft: an exclusive lock file holding who took it.

    The lock file appears with its content already in it: the content is written to a temp file, which is then
    hard-linked to the lock's name (`link` fails when the name exists, atomically). A reader therefore never sees
    an empty lock that it might take for a crashed one. Taking over a stale lock happens under `_folder_guard`
    and only removes the very file (same inode, same content) that was judged stale.
    """

    def __init__(self, draft_path: Path) -> None:
        self.draft_path = draft_path
        self.path = lock_path(draft_path)
        self.held = False

    def acquire(self) -> None:
        me = LockInfo(_current_user(), socket.gethostname(), os.getpid(), now_iso())
        payload = json.dumps(me.__dict__, ensure_ascii=False).encode("utf-8")
        for _attempt in range(3):
            if self._place(payload):
                self.held = True
                return
            found = _read_lock_bytes(self.path)
            if found is None:
                continue  # released meanwhile
            holder = _parse_lock(found[0])
            if holder is not None and holder.pid == os.getpid() and holder.host == me.host:
                raise DraftLockedError(f"草稿 {self.draft_path} 已在本窗口中打开。", holder)
            if not _lock_is_stale(holder):
                assert holder is not None
                raise DraftLockedError(self._locked_message(holder), holder)
            self._remove_if_unchanged(found)
        raise AppraisalError(f"无法锁定草稿 {self.draft_path}，请稍后再试。")

    def _locked_message(self, holder: LockInfo) -> str:
        if holder.host == socket.gethostname():
            return f"草稿 {self.draft_path} 正由 {holder.describe()} 编辑，可以只读方式打开。"
        return (
            f"草稿 {self.draft_path} 正由另一台电脑上的 {holder.describe()} 编辑（锁文件 {self.path}），"
            f"可以只读方式打开；若那台电脑已不再编辑，可用“appraisal unlock {self.draft_path}”确认后接手。"
        )

    def take_over(self, holder: LockInfo) -> None:
        """Take the lock from `holder`, as the user confirmed after being told who and since when (a lock that
        names another computer: a drafts folder copied or synced while open). Raises DraftLockedError, naming
        the holder now, when the lock is no longer the one the user was shown."""
        self.break_for(holder)
        self.acquire()

    def break_for(self, holder: LockInfo) -> None:
        """Remove the lock `holder` holds (see take_over), for whoever opens the draft next."""
        found = _read_lock_bytes(self.path)
        if found is not None:
            current = _parse_lock(found[0])
            if current != holder:
                raise DraftLockedError(
                    f"草稿 {self.draft_path} 的锁已有变化，现由 {current.describe() if current else '未知程序'} "
                    "持有，没有接手。",
                    current or holder,
                )
            self._remove_if_unchanged(found)

    def _place(self, payload: bytes) -> bool:
        """Put our lock file in place; False when there already is one."""
        tmp = write_temp_file(self.path, payload)  # a full or read-only disk: AppraisalError, nothing left behind
        try:
            os.link(tmp, self.path)
        except FileExistsError:
            return False
        except OSError as exc:
            if exc.errno in _NO_HARD_LINKS:
                return self._place_without_link(payload)
            raise AppraisalError(describe_os_error(exc, self.path, "锁定草稿")) from exc
        finally:
            with contextlib.suppress(OSError):
                tmp.unlink()
        return True

    def _place_without_link(self, payload: bytes) -> bool:
        """Where there are no hard links: create the lock exclusively and write it under the folder guard, which
        every take-over also holds, so no one judges it while it is still empty."""
        with _folder_guard(self.path.parent):
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                return False
            except OSError as exc:
                raise AppraisalError(describe_os_error(exc, self.path, "锁定草稿")) from exc
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(payload)
                    handle.flush()
                    os.fsync(handle.fileno())
            except OSError as exc:
                with contextlib.suppress(OSError):
                    self.path.unlink()
                raise AppraisalError(describe_os_error(exc, self.path, "锁定草稿")) from exc
        return True

    def _remove_if_unchanged(self, seen: tuple[bytes, tuple[int, int]]) -> None:
        """Remove the stale lock we looked at, unless another process has replaced it since."""
        with _folder_guard(self.path.parent):
            if _read_lock_bytes(self.path) == seen:
                with contextlib.suppress(FileNotFoundError):
                    self.path.unlink()

    def release(self) -> None:
        if self.held:
            info = read_lock(self.draft_path)
            if info is not None and info.pid == os.getpid():
                with contextlib.suppress(OSError):
                    self.path.unlink()
            self.held = False

    def __enter__(self) -> DraftLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


# ---------------------------------------------------------------- an open draft


def _remove_stale_temp_files(path: Path) -> None:
    """Temp files left by a save that was killed mid-write. Only called while holding the lock, so no
    save of ours is under way."""
    for written in {path, _through_link(path)}:
        for leftover in written.parent.glob(f".{written.name}.*.tmp"):
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
        self._disk = _signature(path)
        if not read_only:
            _remove_stale_temp_files(path)

    def changed_on_disk(self) -> bool:
        return _signature(self.path) != self._disk

    def save(self, *, force: bool = False) -> None:
        if self.read_only:
            raise AppraisalError("此草稿以只读方式打开，不能保存。")
        if not force and self.changed_on_disk():
            raise DraftChangedOnDiskError(
                f"草稿 {self.path} 已被其他程序修改或删除；为免覆盖，本次未保存，请另存为新文件。"
            )
        save_draft(self.draft, self.path)
        self._disk = _signature(self.path)

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
        self._disk = _signature(path)

    def close(self) -> None:
        self.lock.release()


# ---------------------------------------------------------------- the drafts folder


# Separators, characters Windows forbids, controls, lone surrogates, invisible format characters.
_UNSAFE_IN_NAME = re.compile(r'[\\/:*?"<>|\s\x00-\x1f\x7f\ud800-\udfff\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]+')


def _safe_stem(text: str, max_bytes: int = 90) -> str:
    """A part of a file name: unsafe characters dropped, cut to `max_bytes` of UTF-8 (file names are limited
    to 255 bytes, and the lock, temp and set-aside files add their own parts to the draft's name)."""
    return _UNSAFE_IN_NAME.sub("", text).encode("utf-8")[:max_bytes].decode("utf-8", "ignore")


def new_draft_path(draft: Draft, folder: Path | None = None) -> Path:
    """A new file name in `folder` from the draft's year, name, template and id. Every part is cleaned: a draft
    read from a file may carry any text in them (`../../x`), and the file must stay inside `folder`."""
    folder = folder or paths.drafts_dir()
    parts = [
        str(draft.profile.year or ""),
        _safe_stem(draft.profile.name),
        _safe_stem(draft.template, 40),
        _safe_stem(draft.id)[:6],
    ]
    return folder / ("-".join(p for p in parts if p) + DRAFT_SUFFIX)


def create_draft(draft: Draft, path: Path | None = None) -> Path:
    """Save a new draft; never over an existing file."""
    path = path or new_draft_path(draft)
    if path.exists():
        raise AppraisalError(f"{path} 已存在，不会覆盖，请换一个文件名。")
    save_draft(draft, path)
    return path


def draft_files(folder: Path | None = None) -> list[Path]:
    """Drafts in the data dir, most recently saved first."""
    folder = folder or paths.drafts_dir()
    if not folder.is_dir():
        return []
    files = [p for p in folder.glob(f"*{DRAFT_SUFFIX}") if p.is_file() and not p.name.startswith(".")]
    files = [p for p in files if SET_ASIDE_MARK not in p.name]
    return sorted(files, key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)


def most_recent_draft() -> Path | None:
    files = draft_files()
    return files[0] if files else None


def resolve_draft(ref: str) -> Path:
    """A draft named by path, file name, id, or the writer's name (when that picks one draft)."""
    candidate = Path(ref).expanduser()
    if candidate.exists():
        return candidate
    files = draft_files()
    for path in files:
        if ref in (path.name, path.stem):
            return path
    matches: list[tuple[Path, Draft | None]] = []
    for path in files:
        try:
            draft = load_draft(path)
        except AppraisalError:
            # An unreadable draft can still be named by its file name's parts (year-name-template-id),
            # so that `appraisal history 张三 --restore N` reaches it.
            if ref in path.stem.split("-"):
                matches.append((path, None))
            continue
        if ref in (draft.id, draft.profile.name) or path.stem.endswith(ref):
            matches.append((path, draft))
    if len(matches) == 1:
        return matches[0][0]
    if len(matches) > 1:
        listing = "\n".join(f"  {_identify(path, draft)}" for path, draft in matches)
        raise AppraisalError(f"“{ref}”对应 {len(matches)} 份草稿，请用编号或文件路径指明是哪一份：\n{listing}")
    raise AppraisalError(f"找不到草稿“{ref}”：既不是文件路径，也不是已保存草稿的名称或编号。")


def _identify(path: Path, draft: Draft | None) -> str:
    """`编号 3f2a9c1b0d4e  李明·2025年度个人总结  保存于 2026-12-01 19:24`: enough to tell two drafts apart."""
    try:
        saved = dt.datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    except OSError:
        saved = "时间不详"
    if draft is None:
        return f"{path}（无法读取）  保存于 {saved}"
    return f"编号 {draft.id}  {draft.display_name()}  保存于 {saved}"
