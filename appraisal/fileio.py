"""Atomic, private file writes: a crash at any instant leaves either the old or the new file, never a torn one."""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import stat
import tempfile
from pathlib import Path

from appraisal.errors import AppraisalError
from appraisal.paths import ensure_private_dir

FILE_MODE = 0o600
NAME_MAX_BYTES = 255
"""The longest file name most file systems take (ext4, APFS, Btrfs: 255 bytes; NTFS: 255 UTF-16 units, never
fewer characters than bytes here). A legal draft name of 80 汉字 is 245 bytes: the lock, temp and copy names made
from it must be shortened."""
_TEMP_RANDOM = "x" * 8  # what `tempfile.mkstemp` puts between prefix and suffix


def fit_name(name: str, *around: str) -> str:
    """`name` when it fits in one file name together with the texts `around` it; else its beginning, cut at a
    character, then `~` and 8 hex digits of a hash of the whole name: short enough, and still one per name."""
    whole = name.encode("utf-8", "surrogateescape")
    room = NAME_MAX_BYTES - sum(len(text.encode("utf-8", "surrogateescape")) for text in around)
    if len(whole) <= room:
        return name
    import hashlib  # OpenSSL, 3–5 ms: loaded only for a name that must be shortened

    digest = hashlib.sha256(whole).hexdigest()[:8]
    return whole[: max(0, room - 9)].decode("utf-8", "ignore") + "~" + digest


def temp_prefix(path: Path) -> str:
    """The start of the name of every temp file written for `path` (`.name.` + 8 random characters + `.tmp`):
    leftovers of a killed save are found by it."""
    return f".{fit_name(path.name, '.', '.', _TEMP_RANDOM, '.tmp')}."


_REASONS = {
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "磁盘配额已满",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.EROFS: "所在磁盘是只读的",
    errno.ENOENT: "文件或目录不存在",
    errno.EISDIR: "这是一个目录",
    errno.ENOTDIR: "路径中有一项不是目录",
    errno.ENAMETOOLONG: "文件名太长",
}


def os_error_reason(exc: OSError) -> str:
    """Why, in Chinese words (`磁盘空间不足`), for the OS errors a user can meet while saving or reading."""
    return _REASONS.get(exc.errno or 0, exc.strerror or str(exc))


def describe_os_error(exc: OSError, path: Path, action: str) -> str:
    """One Chinese sentence for the OS errors a user can meet while saving or reading."""
    return f"{action} {path} 失败：{os_error_reason(exc)}。"


def read_regular_file(path: Path, action: str, limit: int = 16 * 1024 * 1024) -> bytes:
    """The bytes of a file we read on our own (settings, UI state): only a regular file, so a FIFO put in its place
    cannot block us for ever nor a device fill the memory; at most `limit` bytes. FileNotFoundError passes
    through (a missing file usually means defaults); every other problem is an AppraisalError."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise AppraisalError(describe_os_error(exc, path, action)) from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise AppraisalError(f"{action} {path} 失败：它不是普通文件。")
        with os.fdopen(os.dup(fd), "rb") as handle:
            return handle.read(limit)
    except OSError as exc:
        raise AppraisalError(describe_os_error(exc, path, action)) from exc
    finally:
        os.close(fd)


@functools.cache
def shared_mode() -> int:
    """The mode of a file meant to be shared (an export, a fixed copy): 0644 as any editor would create it under
    the usual umask 022, but no more open than the user's umask allows (umask 077 gives 0600). Read once, at the
    first write, while no other thread of ours creates files."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask & 0o644


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_temp_file(path: Path, data: bytes, *, private: bool = True) -> Path:
    """A new temp file beside `path` holding all of `data`, flushed to the disk: the first half of an atomic
    write, and what a lock file is linked from. On any error nothing is left behind and an AppraisalError says why.
    """
    folder = path.parent
    try:
        if private:
            ensure_private_dir(folder)
        else:
            folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=temp_prefix(path), suffix=".tmp", dir=folder)
    except OSError as exc:
        raise AppraisalError(describe_os_error(exc, path, "保存")) from exc
    except ValueError as exc:  # a NUL in the name (pasted into a dialog): no system call accepts it
        raise AppraisalError(f"保存 {path} 失败：文件名中有不能使用的字符。") from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if os.name == "posix":
            os.chmod(tmp, FILE_MODE if private else shared_mode())
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise AppraisalError(describe_os_error(exc, path, "保存")) from exc
    return tmp


def atomic_write_bytes(path: Path, data: bytes, *, private: bool = True) -> None:
    """Write `data` to `path` via a temp file in the same folder, fsync, then `os.replace`.

    On any error the temp file is removed, the old file is left as it was, and an AppraisalError says why.
    """
    tmp = write_temp_file(path, data, private=private)
    try:
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise AppraisalError(describe_os_error(exc, path, "保存")) from exc
    _fsync_dir(path.parent)


def atomic_write_text(path: Path, text: str, *, private: bool = True) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), private=private)
