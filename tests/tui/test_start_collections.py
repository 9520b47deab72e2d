"""The editor and the start screen go back to the usual collections of garbage once their first frame is drawn
(`appraisal.app.garbage`: the console script starts them with seldom collections)."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator

import pytest

from appraisal.app import garbage
from appraisal.tui.screens.start import StartScreen

from .helpers import editor_ready, make_app, make_draft, wait_until

pytestmark = pytest.mark.skipif(sys.implementation.name != "cpython", reason="CPython's collector")


@pytest.fixture
def seldom() -> Iterator[tuple[int, int, int]]:
    """Seldom collections, as the console script starts the editor; the test process's thresholds put back."""
    before = gc.get_threshold()
    garbage.collect_seldom()
    yield before
    gc.set_threshold(*before)
    garbage._usual = None


async def test_the_editor_collects_as_usual_once_its_text_shows(seldom: tuple[int, int, int]) -> None:
    app = make_app(make_draft(sections={"conduct": "本人认真履行职责。"}))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await editor_ready(app)
        await wait_until(lambda: gc.get_threshold() == seldom)


async def test_the_start_screen_collects_as_usual_once_it_shows(seldom: tuple[int, int, int]) -> None:
    make_draft()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        await wait_until(lambda: gc.get_threshold() == seldom)
