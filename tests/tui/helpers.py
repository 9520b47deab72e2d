"""Shared helpers for the TUI tests: short autosave delays, a fixed clock, drafts in the test's APPRAISAL_HOME."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App
from textual.css.query import NoMatches
from textual.pilot import Pilot

from appraisal import paths
from appraisal.app.tui_settings import TuiSettings
from appraisal.draft import Draft
from appraisal.store import create_draft
from appraisal.templates import load_template
from appraisal.tui.app import AppraisalApp
from appraisal.tui.screens.editor import EditorScreen

FIXED_NOW = dt.datetime(2025, 12, 1, 9, 30, 15)


def fixed_clock() -> dt.datetime:
    return FIXED_NOW


async def wait_until(condition: Callable[[], object], timeout: float = 30.0) -> None:
    """Wait for something the app does in its own time (a worker, a timer): poll, never a fixed sleep. The deadline
    only ends a test that fails anyway; 4 s was too short for a worker on a loaded machine (a restore from F7
    under `-n 2` with other jobs running), and so was 10 s (an export's check at load 7, test_long_work, which
    took 35 s in all)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.02)


async def editor_ready(app: App[Any]) -> EditorScreen:
    """The editor once it has been mounted and has built its section list. On a loaded machine the first
    `pilot.pause()` can return while the editor screen is pushed but not yet mounted. Looked for in the whole
    screen stack: a question the editor asks once its first frame is drawn (a recovery copy, words kept from a
    closed window) may be on top of it before this looks (seen at -n 3 under load 14: 10 s waiting for an editor
    that was there, under the question)."""

    def editor() -> EditorScreen | None:
        screens = [screen for screen in app.screen_stack if isinstance(screen, EditorScreen)]
        return screens[-1] if screens else None

    def ready() -> bool:
        screen = editor()
        if screen is None:
            return False
        try:
            return screen.section_list.option_count > 0
        except NoMatches:
            return False

    await wait_until(ready)
    screen = editor()
    assert screen is not None
    return screen


class FakeMonotonic:
    """An elapsed-time clock that moves only when told: autosave timing is tested without sleeping. The editor
    still sets its real timer, which finds nothing due until the test advances this clock and calls run_due()."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def fast_settings(**overrides: object) -> TuiSettings:
    values: dict[str, object] = {
        "autosave_delay": 0.2,
        "autosave_max": 0.6,
        "check_delay": 0.05,
        "retry_delay": 0.3,
        "clock": fixed_clock,
        "cursor_blink": False,
    }
    values.update(overrides)
    return TuiSettings(**values)  # type: ignore[arg-type]


def make_draft(
    *,
    template: str = "cadre-annual",
    name: str = "李明",
    year: int = 2025,
    sections: dict[str, str] | None = None,
    path: Path | None = None,
) -> Path:
    draft = Draft.new(load_template(template), name=name, unit="某市统计局", position="科长", year=year)
    draft.id = f"fixed{year}{len(name)}"
    for key, value in (sections or {}).items():
        draft.sections[key] = value
    return create_draft(draft, path)


def user_template(template_id: str, toml: str, **guidance: str) -> Path:
    """A template of the test's own in the user's template folder: `toml` and each section's guidance Markdown."""
    folder = paths.user_templates_dir() / template_id
    folder.mkdir(parents=True)
    (folder / "template.toml").write_text(toml, encoding="utf-8")
    for section_id, text in guidance.items():
        (folder / f"{section_id}.md").write_text(text, encoding="utf-8")
    return folder


def dated_draft(template: str, draft_id: str, name: str, year: int, mtime: int, **sections: str) -> Path:
    """A draft whose id, times and file time are fixed, so that a snapshot showing them is the same every run."""
    draft = Draft.new(load_template(template), name=name, unit="某市统计局", position="科长", year=year)
    draft.id = draft_id
    draft.created = draft.updated = "2025-12-01T09:00:00+08:00"
    draft.sections.update(sections)
    path = create_draft(draft, paths.drafts_dir() / f"{year}-{name}.json")
    os.utime(path, (mtime, mtime))
    return path


def make_app(path: Path | None = None, **overrides: object) -> AppraisalApp:
    return AppraisalApp(path, settings=fast_settings(**overrides))


async def expire_toasts(pilot: Pilot[Any]) -> None:
    """Each toast goes as when its time is up (Toast._expire, what its timer calls), oldest first, a frame each:
    no test waits on the clock, which a loaded machine stretches."""
    from textual.widgets._toast import Toast

    screen = pilot.app.screen
    while toasts := list(screen.query(Toast)):
        await expire(pilot, toasts[0])


async def expire(pilot: Pilot[Any], toast: Any) -> None:
    """One toast goes, as when its time is up."""
    toast._expire()
    await wait_until(lambda: not toast.is_attached)
    await pilot.pause()
