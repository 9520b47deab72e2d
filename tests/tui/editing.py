"""A draft open in the editor for a Pilot test, and what the terminal shows: the layout tests share these."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.widget import Widget

from appraisal.tui.screens.editor import EditorScreen

from .helpers import editor_ready, make_app, make_draft, wait_until


@dataclass
class Editing:
    app: App[Any]
    pilot: Pilot[Any]
    screen: EditorScreen
    path: Path


@asynccontextmanager
async def editing(
    sections: dict[str, str] | None = None,
    *,
    on: str | None = None,
    size: tuple[int, int] = (80, 24),
    notifications: bool = False,
    started: bool = False,
    settings: dict[str, Any] | None = None,
    **draft: Any,
) -> AsyncIterator[Editing]:
    """A new draft with `sections`, open in the editor at `size`, showing section `on` (when given). With
    `started`, the work the editor defers past its first frame (guidance tabs, findings, last year) is done first.
    `settings`: overrides of the tests' quick settings (`fast_settings`)."""
    path = make_draft(sections=sections, **draft)
    app = make_app(path, **(settings or {}))
    async with app.run_test(size=size, notifications=notifications) as pilot:
        await pilot.pause()
        screen = await editor_ready(app)
        if started:
            await wait_until(lambda: screen.started)
        if on is not None:
            screen.go_to(on)
            await pilot.pause()
        yield Editing(app, pilot, screen, path)


def visible_lines(app: App[Any], widget: Widget) -> list[str]:
    """What the terminal shows inside the widget's content area, row by row (cells, as drawn)."""
    region = widget.content_region
    strips = app.screen._compositor.render_strips()
    return [strips[y].crop(region.x, region.right).text.rstrip() for y in range(region.y, region.bottom)]


def screen_lines(app: App[Any]) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def notices(app: App[Any]) -> list[str]:
    return [n.message for n in app._notifications]
