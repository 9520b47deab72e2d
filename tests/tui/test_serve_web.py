"""The app as a browser tab runs it (`appraisal serve`: Textual's web driver, no terminal), in Pilot."""

from __future__ import annotations

import pytest

from appraisal.tui import external
from appraisal.tui.screens.dialogs import MessageScreen
from appraisal.tui.screens.editor_dialogs import IN_BROWSER_EDITOR_MESSAGE

from .editing import editing


async def test_external_editor_is_refused_in_a_browser_tab(monkeypatch: pytest.MonkeyPatch) -> None:
    """F8 in the browser once started vim on the tab's own pipes: it ate the keys and the tab hung."""
    from textual.drivers.headless_driver import HeadlessDriver

    monkeypatch.setattr(HeadlessDriver, "is_web", property(lambda self: True))
    monkeypatch.setenv("EDITOR", "vi")
    started: list[object] = []
    monkeypatch.setattr(external.subprocess, "run", lambda *args, **kwargs: started.append(args))
    async with editing({"law": "原文"}, on="law") as e:
        await e.pilot.press("f8")
        await e.pilot.pause()
        assert isinstance(e.app.screen, MessageScreen)
        assert e.app.screen.message == IN_BROWSER_EDITOR_MESSAGE
        await e.pilot.press("enter")
        await e.pilot.pause()
        assert e.app.screen is e.screen
        assert e.screen.editor.text == "原文"
    assert started == []
