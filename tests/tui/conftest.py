"""Pilot tests save on every section change and autosave often; fsync makes that slow on a shared test machine
and proves nothing here (durability is exercised by the store's own tests and by tmux_drive.sh with SIGKILL)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

import pytest


@pytest.fixture(autouse=True)
def no_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "fsync", lambda fd: None)


@pytest.fixture(autouse=True)
def steady_line_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    """A dialog's line (Textual's Input) shows its cursor steadily, as the editor does with the test settings'
    `cursor_blink=False`: its blink timer hid the cursor every other 0.5 s, so a snapshot taken more than 0.5 s
    after the last key (a loaded machine) lost it (test_new_draft_form_80x24 failed so at load 10). Focus, keys
    and blur still show and hide it as without blinking. `Input._toggle_cursor` is Textual's timer callback."""
    from textual.widgets import Input

    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)


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


async def _quick_idle(min_sleep: float = 0, max_sleep: float = 1, pending: Callable[[], bool] = lambda: False) -> None:
    """Textual's `wait_for_idle` (the process is idle when its CPU time stands still while it sleeps: under 1 ms in
    a 20-ms step, 5%) in steps of 2 ms at the same ratio; with `pending`, idle only once that says no."""
    import asyncio
    import time

    start = time.monotonic()
    while True:
        cpu = time.process_time()
        await asyncio.sleep(0.002)
        elapsed = time.monotonic() - start
        if elapsed >= max_sleep or (elapsed > min_sleep and time.process_time() - cpu < 0.0001 and not pending()):
            return


def _app_pending() -> bool:
    """Work the app has asked for that a quiet instant does not show: a frame not yet drawn (a refresh resumes the
    screen's update timer, which draws within 1/60 s), a resize not yet applied (Textual applies it 1/120 s
    later), keys held for a screen still mounting (tui/textual_compat/key_hold.py polls every 10 ms), or an
    animation running. Textual's 20-ms idle step let each of these happen inside the step; a 2-ms step needs
    them asked."""
    from textual._context import active_app
    from textual.app import ScreenStackError, UnknownModeError

    try:
        app = active_app.get()
    except LookupError:  # no app
        return False
    try:
        screen = app.screen
    except (ScreenStackError, UnknownModeError):  # no screen yet (starting) or any more (closing)
        return False
    timer = screen._Screen__update_timer  # type: ignore[attr-defined]
    hold = getattr(app, "_key_hold", None)
    return bool(
        (timer is not None and timer._active.is_set())
        or app._resize_timer is not None
        or (hold is not None and hold.held)
        or app.animator._animations
    )


async def _settled(min_sleep: float = 0, max_sleep: float = 1) -> None:
    """Idle in 2-ms steps (`_quick_idle`), and only once nothing the app asked for is pending (`_app_pending`)."""
    await _quick_idle(min_sleep, max_sleep, _app_pending)


@pytest.fixture(autouse=True)
def quick_settle(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pilot's waits for the app to settle (after the last key of a press, in `pause()`) end 2 ms after the app's
    work does instead of 20 ms, and only once nothing it asked for is pending (`_settled`): what "settled" meant
    with the 20-ms step, without sleeping out the step. Four TUI modules in one process (62 tests, interleaved,
    load 7-12): 136.3 -> 99.7 s. Textual's waits are pinned by tests/tui/test_textual_compat.py."""
    import textual.app
    import textual.pilot

    monkeypatch.setattr(textual.app, "wait_for_idle", _settled)
    monkeypatch.setattr(textual.pilot, "wait_for_idle", _settled)


@pytest.fixture(autouse=True)
def quick_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pilot waits twice after every key until the process looks idle, in steps of 20 ms: typing a path of 60
    characters slept 2.4 s. Every key but the last now waits in steps of 2 ms; the last waits as `pause()` does
    (`quick_settle`), so each press still returns settled. Every key is still delivered, in order, through the
    same queue. `App._press_keys` is pinned by tests/tui/test_textual_compat.py."""
    import textual.app

    press_keys = textual.app.App._press_keys

    async def quick_press_keys(self: textual.app.App[object], keys: Iterable[str]) -> None:
        keys = list(keys)
        settle = textual.app.wait_for_idle
        if len(keys) > 1:
            textual.app.wait_for_idle = _quick_idle  # used by `_press_keys` only
            try:
                await press_keys(self, keys[:-1])
            finally:
                textual.app.wait_for_idle = settle
        await press_keys(self, keys[-1:])

    monkeypatch.setattr(textual.app.App, "_press_keys", quick_press_keys)
