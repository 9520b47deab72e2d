"""Positions as the writer counts paragraphs: two stray blank lines typed before a paragraph do not make it 第3段."""

from __future__ import annotations

from textual.widgets import OptionList

from .editing import editing
from .helpers import wait_until


async def test_findings_count_only_visible_paragraphs() -> None:
    async with editing({"intro": ""}, size=(80, 24), on="intro", started=True) as e:
        app, pilot, editor = e.app, e.pilot, e.screen
        await pilot.press("enter", "enter", *"本人XX年来认真履职")
        await pilot.pause()
        assert editor.editor.text == "\n\n本人XX年来认真履职", repr(editor.editor.text)
        await wait_until(lambda: bool(editor.guidance.findings))
        await pilot.press("f4")
        await wait_until(lambda: isinstance(app.focused, OptionList))
        options = editor.guidance.query_one("#findings-list", OptionList)
        prompt = str(options.get_option_at_index(0).prompt)
        assert "第1段第3字" in prompt, prompt
