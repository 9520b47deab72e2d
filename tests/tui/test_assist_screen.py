"""Drafting help in the editor (Ctrl+T), against the real OpenAI-speaking test server on 127.0.0.1: what will be
sent is shown first, the answer streams in, Esc cancels, the proposal highlights what is unverified, Enter puts it
in the section (saved as a new revision), and errors leave the text as it was."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from openai_server import ANSWER, Model, answering, configure, serve
from textual.pilot import Pilot

from appraisal.draft import Draft
from appraisal.store import create_draft, load_draft
from appraisal.templates import load_template
from appraisal.tui.screens.assist import AssistScreen
from appraisal.tui.screens.editor import EditorScreen

from .helpers import editor_ready, make_app, wait_until

CURRENT = "本人牵头推进营商环境优化工作，全年走访企业86家，协调解决融资难题21个。"


@pytest.fixture
def model() -> Iterator[tuple[Model, str]]:
    with serve() as running:
        yield running


def _draft() -> Path:
    draft = Draft.new(load_template("cadre-annual"), name="张三", year=2026)
    draft.sections["results.service"] = CURRENT
    return create_draft(draft)


@asynccontextmanager
async def assisting(path: Path) -> AsyncIterator[tuple[Pilot[object], EditorScreen, AssistScreen]]:
    """The draft at `path` open in the editor at 120x40, on its section of work results, with Ctrl+T pressed."""
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await editor_ready(pilot.app)
        await wait_until(lambda: editor.started)
        editor.go_to("results.service")
        await pilot.pause()
        await pilot.press("ctrl+t")
        await wait_until(lambda: isinstance(pilot.app.screen, AssistScreen))
        screen = pilot.app.screen
        assert isinstance(screen, AssistScreen)
        yield pilot, editor, screen


def _body(screen: AssistScreen) -> str:
    return str(screen.query_one("#assist-body").render())


async def test_polish_shown_sent_streamed_and_accepted(model: tuple[Model, str], appraisal_home: Path) -> None:
    state, url = answering(model, appraisal_home)
    path = _draft()
    revision = load_draft(path).revision
    async with assisting(path) as (pilot, editor, screen):
        await pilot.press("enter")  # the first task: polish
        await wait_until(lambda: screen.stage == "confirm")
        assert "将发送给 " + url in _body(screen) and CURRENT in _body(screen)
        assert state.requests == []  # nothing sent before the user says so
        await pilot.press("enter")
        await wait_until(lambda: screen.stage == "proposal")
        assert len(state.requests) == 1
        assert screen.streamed == "".join(ANSWER)
        flagged = {(u.kind, u.text) for u in screen.proposal.unverified}  # type: ignore[union-attr]
        assert ("数字", "120家") in flagged and ("单位", "省商务厅") in flagged
        assert "未经核实 5 处" in _body(screen)
        assert editor.editor.text == CURRENT  # not yet accepted
        await pilot.press("enter")
        await wait_until(lambda: pilot.app.screen is editor)
        assert editor.editor.text == "".join(ANSWER)
        saved = load_draft(path)
        assert saved.sections["results.service"] == "".join(ANSWER)
        assert saved.revision == revision + 1
        editor.editor.focus()
        await pilot.press("ctrl+z")  # one edit: undone at once
        assert editor.editor.text == CURRENT


async def test_esc_while_streaming_cancels_and_changes_nothing(model: tuple[Model, str], appraisal_home: Path) -> None:
    state, url = model  # the server holds back the rest of the answer until told
    configure(appraisal_home, url)
    path = _draft()
    before = path.read_bytes()
    async with assisting(path) as (pilot, editor, screen):
        await pilot.press("enter", "enter")
        await wait_until(lambda: screen.streamed == ANSWER[0])  # the first piece is on screen
        await pilot.press("escape")
        await wait_until(lambda: pilot.app.screen is editor)
        state.first_piece_seen.set()  # let the server go on: the cancelled request must not reach the text
        await pilot.pause(0.3)
        assert editor.editor.text == CURRENT
        assert path.read_bytes() == before


@pytest.mark.parametrize(("mode", "message"), [("429", "429"), ("cut", "中途断开"), ("html", "不是 OpenAI 兼容格式")])
async def test_an_error_is_one_sentence_and_the_text_stays(
    mode: str, message: str, model: tuple[Model, str], appraisal_home: Path
) -> None:
    answering(model, appraisal_home, mode)
    path = _draft()
    before = path.read_bytes()
    async with assisting(path) as (pilot, editor, screen):
        await pilot.press("enter", "enter")
        await wait_until(lambda: screen.stage == "error")
        assert message in _body(screen)
        await pilot.press("escape")
        await wait_until(lambda: pilot.app.screen is editor)
        assert editor.editor.text == CURRENT
        assert path.read_bytes() == before


async def test_without_configuration_it_says_how_and_sends_nothing(appraisal_home: Path) -> None:
    async with assisting(_draft()) as (pilot, _editor, screen):
        await pilot.press("enter")
        await wait_until(lambda: screen.stage == "error")
        assert "还没有配置写作助手，未发送任何内容" in _body(screen)
        assert "[assist]" in _body(screen)
