"""Pilot tests save on every section change and autosave often; fsync makes that slow on a shared test machine
and proves nothing here (durability is exercised by the store's own tests and by tmux_drive.sh with SIGKILL)."""

from __future__ import annotations

import os
from collections.abc import Iterable

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


async def _quick_idle(min_sleep: float = 0, max_sleep: float = 1) -> None:
    """Textual's `wait_for_idle` (the process is idle when its CPU time stands still while it sleeps) in steps of
    2 ms instead of 20 ms."""
    import asyncio
    import time

    start = time.monotonic()
    while True:
        cpu = time.process_time()
        await asyncio.sleep(0.002)
        elapsed = time.monotonic() - start
        if elapsed >= max_sleep or (elapsed > min_sleep and time.process_time() - cpu < 0.0001):
            return


@pytest.fixture(autouse=True)
def quick_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pilot waits twice after every key until the process looks idle, in steps of 20 ms: typing a path of 60
    characters slept 2.4 s. Every key but the last now waits in steps of 2 ms; the last waits as before, so each
    press still returns as settled as it did (and `pause()` is unchanged). Every key is still delivered, in order,
    through the same queue. `App._press_keys` is pinned by tests/tui/test_textual_compat.py."""
    import textual.app

    press_keys = textual.app.App._press_keys
    settle = textual.app.wait_for_idle

    async def quick_press_keys(self: textual.app.App[object], keys: Iterable[str]) -> None:
        keys = list(keys)
        if len(keys) > 1:
            textual.app.wait_for_idle = _quick_idle  # used by `_press_keys` only
            try:
                await press_keys(self, keys[:-1])
            finally:
                textual.app.wait_for_idle = settle
        await press_keys(self, keys[-1:])

    monkeypatch.setattr(textual.app.App, "_press_keys", quick_press_keys)
