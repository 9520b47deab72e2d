"""The app as a browser tab runs it (`appraisal serve`: Textual's web driver, no terminal), in Pilot."""

from __future__ import annotations

import pytest

from appraisal.tui import external
from appraisal.tui.screens.dialogs import MessageScreen
from appraisal.tui.screens.editor import IN_BROWSER_EDITOR_MESSAGE

from .helpers import editor_ready, make_app, make_draft


async def test_external_editor_is_refused_in_a_browser_tab(monkeypatch: pytest.MonkeyPatch) -> None:
    """F8 in the browser once started vim on the tab's own pipes: it ate the keys and the tab hung."""
    from textual.drivers.headless_driver import HeadlessDriver

    monkeypatch.setattr(HeadlessDriver, "is_web", property(lambda self: True))
    monkeypatch.setenv("EDITOR", "vi")
    started: list[object] = []
    monkeypatch.setattr(external.subprocess, "run", lambda *args, **kwargs: started.append(args))
    app = make_app(make_draft(sections={"law": "原文"}))
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await editor_ready(app)
        editor.go_to("law")
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen)
        assert app.screen.message == IN_BROWSER_EDITOR_MESSAGE
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is editor
        assert editor.editor.text == "原文"
    assert started == []
