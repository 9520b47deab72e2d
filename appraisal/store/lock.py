"""One editor per draft: the lock file `<dir>/.<name>.lock`, who holds it, and when a lock is stale."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import getpass
import json
import os
import socket
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

from appraisal.draft import now_iso
from appraisal.errors import AppraisalError
from appraisal.fileio import describe_os_error, fit_name, os_error_reason, write_temp_file

LOCK_MAX_BYTES = 4096  # a lock file holds one short JSON object


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


class DraftLockedError(AppraisalError):
    def __init__(self, message: str, holder: LockInfo) -> None:
        super().__init__(message)
        self.holder = holder


class DraftFolderReadOnlyError(AppraisalError):
    """The lock cannot be made: the draft's folder cannot be written (a read-only disk, no permission). The draft
    can still be read, so it is offered read-only, as a draft locked elsewhere is."""


# Why a folder cannot be written at all (a full disk or a quota is a passing state, said as it is).
_NOT_WRITABLE = {errno.EROFS, errno.EACCES, errno.EPERM}


def lock_path(draft_path: Path) -> Path:
    return draft_path.with_name(f".{fit_name(draft_path.name, '.', '.lock')}.lock")


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
        try:
            tmp = write_temp_file(self.path, payload)  # a full or read-only disk: AppraisalError, nothing left
        except AppraisalError as exc:
            cause = exc.__cause__
            if isinstance(cause, OSError) and cause.errno in _NOT_WRITABLE:
                folder, reason = self.draft_path.parent, os_error_reason(cause)
                raise DraftFolderReadOnlyError(
                    f"草稿所在的文件夹 {folder} 不能写入（{reason}），可以只读方式打开；"
                    "要修改，请打开后用“另存为”保存到可以写入的位置。"
                ) from exc
            raise
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
