"""Prebuilt copies of the checker's data in the cache folder: what the language model (`appraisal.checks.language`)
and the character counts (`appraisal.checks.char_ngrams`) load in ~20 ms instead of parsing their data files
(0.6–0.7 s). A copy is named by its kind, its format, the Python version and the data files it was made from; an
unreadable or damaged copy is made again, and copies made for other data or another Python are removed.

A copy of large sorted tables (`keep_mapped`) holds them as raw machine arrays after a marshalled head: they are
mapped into memory (`read_mapped`), not read, so a check touches only the pages its look-ups land on. Reading,
unmarshalling and copying the 7 MB of the character counts took ~20 ms of every cold `check` (fresh memory).

A table of strings (a dict of str to str, kept as it is or as an item of a kept tuple) is written as two UTF-16
texts, its keys and its values one a line, and read back with one decoding and one split each: marshal decodes each
string from UTF-8 on its own (the 36,000 entries of real_word's span words took ~15 ms of every cold `check`)."""

from __future__ import annotations

import contextlib
import logging
import marshal
import mmap
import os
import sys
from collections.abc import Callable
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar

from appraisal import paths
from appraisal.errors import AppraisalError
from appraisal.fileio import atomic_write_bytes
from appraisal.text.digest import sha1

log = logging.getLogger(__name__)
T = TypeVar("T")
STRINGS = "appraisal.prebuilt.strings/1"  # the tag of a table of strings packed as two texts (`_packed`)


def data_key(files: list[Traversable]) -> str:
    """What names the prebuilt copy made from `files`: their sizes and modification times, read without reading
    the 1.9 MB (hashing them took 3–7 ms of every check); a rebuilt dictionary or a new installation gets a new
    name. Files that are not on disk (a zip) are named by their bytes."""
    try:
        stats = [os.stat(str(file)) for file in files if isinstance(file, Path)]
    except OSError:
        stats = []
    if len(stats) == len(files):
        named = "|".join(f"{file}:{stat.st_size}:{stat.st_mtime_ns}" for file, stat in zip(files, stats, strict=True))
        return sha1(named.encode()).hexdigest()[:16]
    return sha1(b"".join(file.read_bytes() for file in files)).hexdigest()[:16]


def copy_path(kind: str, format_: int, files: list[Traversable]) -> Path:
    """Where the prebuilt copy of `kind` made from `files` is kept."""
    python = f"{sys.version_info[0]}.{sys.version_info[1]}"
    return paths.cache_dir() / f"{kind}-{format_}-{python}-{data_key(files)}.marshal"


def read(path: Path, what: str, make: Callable[[Any], T | None]) -> T | None:
    """`make` of the unmarshalled copy at `path` (None from `make`: not a copy of this kind), or None when there is
    none yet or it cannot be read or made into the model (logged: it is made again)."""
    try:
        return make(_unpacked(marshal.loads(path.read_bytes())))
    except OSError:
        return None  # none yet, or unreadable
    except Exception:  # a damaged copy (a full disk, another version)
        log.warning("the prebuilt %s %s could not be read; building it again", what, path, exc_info=True)
        return None


ALIGN = 8  # each array starts at a multiple of this (the largest item: a 64-bit integer)


def read_mapped(path: Path, what: str, make: Callable[[Any, list[memoryview]], T | None]) -> T | None:
    """`make` of the marshalled head of the copy at `path` and of its arrays (bytes mapped from the file), or None
    as `read`. The mapping stays while an array is in use; a copy is replaced by renaming, never rewritten in
    place, so the file under a mapping never changes."""
    try:
        with path.open("rb") as handle:
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except OSError:
        return None  # none yet, or unreadable
    except ValueError:  # an empty file
        log.warning("the prebuilt %s %s is empty; building it again", what, path)
        return None
    try:
        whole = memoryview(mapped)
        size = int.from_bytes(whole[:ALIGN], "little")
        head, lengths = marshal.loads(whole[ALIGN : ALIGN + size])
        head = _unpacked(head)
        arrays = []
        at = _aligned(ALIGN + size)
        for length in lengths:
            if not isinstance(length, int) or length < 0 or at + length > len(whole):
                raise ValueError("the arrays run past the end of the file")
            arrays.append(whole[at : at + length])
            at = _aligned(at + length)
        return make(head, arrays)
    except Exception:  # a damaged copy, or one of another format
        log.warning("the prebuilt %s %s could not be read; building it again", what, path, exc_info=True)
        return None


def keep_mapped(path: Path, kind: str, head: Any, arrays: list[bytes]) -> None:
    """Write `head` (marshalled) and `arrays` as the copy at `path` that `read_mapped` maps; as `keep`."""
    packed = marshal.dumps((_packed(head), [len(blob) for blob in arrays]))
    parts = [len(packed).to_bytes(ALIGN, "little"), packed]
    at = ALIGN + len(packed)
    for blob in arrays:
        parts.append(bytes(_aligned(at) - at))
        parts.append(blob)
        at = _aligned(at) + len(blob)
    _write(path, kind, b"".join(parts))


def _aligned(at: int) -> int:
    return -(-at // ALIGN) * ALIGN


def keep(path: Path, kind: str, value: Any) -> None:
    """Write `value` as the copy at `path` for the next process and remove the other copies of `kind`; on a
    read-only or full disk nothing is kept (the next process parses again)."""
    _write(path, kind, marshal.dumps(_packed(value)))


def _packed(value: Any) -> Any:
    """`value` with each table of strings in it (the value itself, or an item of a tuple) as (STRINGS, keys,
    values): the keys and the values each one UTF-16 text, one a line."""
    if isinstance(value, tuple):
        return tuple(_packed_table(item) for item in value)
    return _packed_table(value)


def _packed_table(value: Any) -> Any:
    if not (isinstance(value, dict) and value and all(type(k) is str and type(v) is str for k, v in value.items())):
        return value
    keys, values = "\n".join(value), "\n".join(value.values())
    if not keys.count("\n") == values.count("\n") == len(value) - 1:
        return value  # a line break inside a string: kept as marshal writes it
    return (STRINGS, keys.encode("utf-16-le", "surrogatepass"), values.encode("utf-16-le", "surrogatepass"))


def _unpacked(value: Any) -> Any:
    """`value` as it was before `_packed` (a copy written before tables were packed is read as it is)."""
    if _is_table(value):
        return _table(value)
    if isinstance(value, tuple):
        return tuple(_table(item) if _is_table(item) else item for item in value)
    return value


def _is_table(value: Any) -> bool:
    return isinstance(value, tuple) and len(value) == 3 and value[0] == STRINGS


def _table(packed: tuple[str, bytes, bytes]) -> dict[str, str]:
    _tag, keys, values = packed
    words = keys.decode("utf-16-le", "surrogatepass").split("\n")
    meanings = values.decode("utf-16-le", "surrogatepass").split("\n")
    if len(words) != len(meanings):
        raise ValueError("a kept table's keys and values differ in number")
    return dict(zip(words, meanings, strict=True))


def _write(path: Path, kind: str, blob: bytes) -> None:
    with contextlib.suppress(OSError, AppraisalError):
        folder = paths.ensure_private_dir(path.parent)
        atomic_write_bytes(folder / path.name, blob)
        for stale in folder.glob(f"{kind}-*.marshal"):
            if stale.name != path.name:
                stale.unlink()  # made for other data or another Python: never read again
