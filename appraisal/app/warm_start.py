"""What the program keeps in the cache folder to start fast: the compiled forms of its regular expressions, the
parsed data files it ships and the compiled methods of its dataclasses.

Compiling the patterns a `check` uses took 60–90 ms of every run and parsing the word lists 10–15 ms; made from
what an earlier run kept they take ~1 ms (`appraisal.text.lazy_regex`, `appraisal.toml_data.loads_shipped`);
compiling the methods of the dataclasses made after the start took ~45 ms (`appraisal.app.dataclass_methods`). The
faces call `warm_start()` once at start. The file holds a marshal dump and its CRC-32 (against a file cut short
or damaged, not against tampering: the cache folder is the user's own; SHA-1 of its 0.7 MB took 2–8 ms of every
start), one file per interpreter build; a damaged, foreign or unreadable file is ignored and written again; what a
run had to make itself is added when the process ends.
"""

from __future__ import annotations

import atexit
import logging
import marshal
import sys
import zlib
from pathlib import Path
from typing import Any

from appraisal import paths, toml_data
from appraisal.app import dataclass_methods
from appraisal.errors import AppraisalError
from appraisal.fileio import atomic_write_bytes
from appraisal.text import lazy_regex
from appraisal.text.digest import sha1

log = logging.getLogger(__name__)

FORMAT = 2  # of the file: a new number when what it holds changes
MAX_ENTRIES = 5000  # far more than the program has (~450 patterns, 6 data files, ~500 methods): a bound
# on a file that only grows
_TAG = sha1(f"{FORMAT}|{sys.version}|{lazy_regex.FORMS_TAG}".encode()).hexdigest()[:16]
_started = False
_pending: tuple[Path, dict[str, dict[Any, Any]]] | None = None  # what the exit hook writes, and where


def warm_start() -> None:
    """Make this process's patterns and data tables from what the last run kept, and keep the new ones at exit."""
    global _started
    if _started:
        return
    _started = True
    path = paths.cache_dir() / f"warm-{_TAG}.marshal"
    kept = _read(path)
    lazy_regex.use_compiled_forms(kept.get("patterns", {}))
    toml_data.use_kept_tables(kept.get("tables", {}))
    dataclass_methods.use_kept_code(kept.get("methods", {}))
    global _pending
    _pending = (path, kept)
    atexit.register(_at_exit)


def _at_exit() -> None:
    if _pending is not None:
        _write(*_pending)


def finish() -> None:
    """Keep now what this run made, as the exit hook would (for a process that ends without the interpreter's own
    exit: `appraisal.app.short_command`)."""
    global _pending
    atexit.unregister(_at_exit)
    if _pending is not None:
        path, kept = _pending
        _pending = None
        _write(path, kept)


def _read(path: Path) -> dict[str, dict[Any, Any]]:
    try:
        checksum, blob = marshal.loads(path.read_bytes())
        if checksum != zlib.crc32(blob):
            raise ValueError("checksum")
        kept = marshal.loads(blob)
        if not (isinstance(kept, dict) and all(isinstance(part, dict) for part in kept.values())):
            raise ValueError("not the tables kept")
        return kept
    except FileNotFoundError:
        return {}
    except Exception:  # damaged, cut short, unreadable: made again and written anew
        log.warning("%s unreadable; compiling and parsing again", path, exc_info=True)
        return {}


def _write(path: Path, kept: dict[str, dict[Any, Any]]) -> None:
    new: dict[str, dict[Any, Any]] = {
        "patterns": lazy_regex.new_compiled_forms(),
        "tables": toml_data.new_kept_tables(),
        "methods": dataclass_methods.new_code(),
    }
    if not any(new.values()):
        return
    merged = {name: {**kept.get(name, {}), **part} for name, part in new.items()}
    if sum(len(part) for part in merged.values()) > MAX_ENTRIES:
        merged = new
    blob = marshal.dumps(merged)
    try:
        folder = paths.ensure_private_dir(path.parent)
        atomic_write_bytes(folder / path.name, marshal.dumps((zlib.crc32(blob), blob)))
    except (OSError, AppraisalError) as exc:  # a read-only or full disk: the next run makes them again
        log.warning("%s not written, the next run compiles and parses again: %s", path, exc)
        return
    try:
        for stale in [*folder.glob("warm-*.marshal"), *folder.glob("patterns-*.marshal")]:
            if stale.name != path.name:
                stale.unlink()  # another interpreter build's or format's: never read again
    except OSError as exc:
        log.warning("old warm-start files in %s not removed: %s", folder, exc)
