"""The compiled forms of the program's regular expressions, kept in the cache folder between runs.

Compiling the patterns a `check` uses took 60–90 ms of every run; made from their kept forms they take ~1 ms
(see `appraisal.text.lazy_regex`). The faces call `keep_compiled_patterns()` once at start. The file holds a
marshal dump and its SHA-1, one file per interpreter build (`lazy_regex.FORMS_TAG`); a damaged, foreign or
unreadable file is ignored and written again; the forms a run had to compile are added when the process ends.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import logging
import marshal
from pathlib import Path

from appraisal import paths
from appraisal.errors import AppraisalError
from appraisal.fileio import atomic_write_bytes
from appraisal.text import lazy_regex
from appraisal.text.lazy_regex import Form

log = logging.getLogger(__name__)

MAX_FORMS = 5000  # far more than the program has (~450): a bound against a file that only grows
_started = False


def keep_compiled_patterns() -> None:
    """Make this process's patterns from the forms kept in the cache folder, and keep the new ones at exit."""
    global _started
    if _started or not lazy_regex.FORMS_TAG:
        return
    _started = True
    path = paths.cache_dir() / f"patterns-{lazy_regex.FORMS_TAG}.marshal"
    known = _read(path)
    lazy_regex.use_compiled_forms(known)
    atexit.register(_write, path, known)


def _read(path: Path) -> dict[tuple[str, int], Form]:
    try:
        digest, blob = marshal.loads(path.read_bytes())
        if digest != hashlib.sha1(blob, usedforsecurity=False).digest():
            raise ValueError("checksum")
        forms = marshal.loads(blob)
        if not isinstance(forms, dict):
            raise ValueError("not a table of forms")
        return forms
    except FileNotFoundError:
        return {}
    except Exception:  # damaged, cut short, unreadable: compiled again and written anew
        log.warning("kept regular expressions %s unreadable; compiling them again", path, exc_info=True)
        return {}


def _write(path: Path, known: dict[tuple[str, int], Form]) -> None:
    new = lazy_regex.new_compiled_forms()
    if not new:
        return
    forms = {**known, **new}
    if len(forms) > MAX_FORMS:
        forms = new
    blob = marshal.dumps(forms)
    with contextlib.suppress(OSError, AppraisalError):  # a read-only or full disk: the next run compiles again
        folder = paths.ensure_private_dir(path.parent)
        digest = hashlib.sha1(blob, usedforsecurity=False).digest()
        atomic_write_bytes(folder / path.name, marshal.dumps((digest, blob)))
        for stale in folder.glob("patterns-*.marshal"):
            if stale.name != path.name:
                stale.unlink()  # another interpreter build's: never read again
