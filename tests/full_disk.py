"""A full disk for tests: every write through a file object (and `os.write`) raises ENOSPC, wherever it is made."""

from __future__ import annotations

import errno
import os
from typing import Any

import pytest


class FullHandle:
    """A file object on a full disk: every write raises ENOSPC."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def __enter__(self) -> FullHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.inner.close()

    def write(self, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def fill_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on (until `monkeypatch` is undone) the disk is full, for every module that writes through `os`."""
    real_fdopen = os.fdopen

    def no_space(*args: object, **kwargs: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: FullHandle(real_fdopen(fd, *a, **k)))
    monkeypatch.setattr(os, "write", no_space)
