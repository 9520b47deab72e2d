"""SHA-1 for the names and checksums of what the program keeps in its cache folder (the warm-start file, the
prebuilt copies, the parses of its data files), without `hashlib`: importing it loads OpenSSL, 3–5 ms of every
start. CPython's own SHA-1 module gives the same digests; `hashlib` stands in where that module is missing."""

from __future__ import annotations

from typing import Any

try:
    from _sha1 import sha1 as _sha1  # CPython's built-in implementation (what hashlib falls back to)
except ImportError:  # another interpreter
    _sha1 = None


def sha1(data: bytes) -> Any:
    """A SHA-1 hash object of `data` (`digest()`, `hexdigest()`), not for security."""
    if _sha1 is not None:
        return _sha1(data, usedforsecurity=False)
    import hashlib

    return hashlib.sha1(data, usedforsecurity=False)
