"""Pilot tests save on every section change and autosave often; fsync makes that slow on a shared test machine
and proves nothing here (durability is exercised by the store's own tests and by tmux_drive.sh with SIGKILL)."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(autouse=True)
def no_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "fsync", lambda fd: None)


@pytest.fixture(autouse=True)
def restore_timezone() -> object:
    """Snapshot tests pin TZ=UTC; put the process's zone back afterwards (monkeypatch restores the variable)."""
    import time

    yield
    time.tzset()


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch) -> None:
    """Local time is UTC: "最后保存" shows file times in local time, so the snapshots then match anywhere."""
    import time

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
