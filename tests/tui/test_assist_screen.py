"""Drafting help in the editor (Ctrl+T), against the real OpenAI-speaking test server on 127.0.0.1: what will be
sent is shown first, the answer streams in, Esc cancels, the proposal highlights what is unverified, Enter puts it
in the section (saved as a new revision), and errors leave the text as it was."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from assisting import CURRENT, section_draft
from openai_server import ANSWER, ESCAPED_TEXT, Model, answering, configure
from textual.pilot import Pilot
from textual.widgets import OptionList

from appraisal.logs import LOG_FILE
from appraisal.store import load_draft
from appraisal.tui.screens.assist import AssistScreen
from appraisal.tui.screens.editor import EditorScreen

from .helpers import editor_ready, make_app, wait_until


@asynccontextmanager
async def assisting(
    path: Path, size: tuple[int, int] = (120, 40)
) -> AsyncIterator[tuple[Pilot[object], EditorScreen, AssistScreen]]:
    """The draft at `path` open in the editor (120x40 unless said), on its section of work results, with Ctrl+T
    pressed."""
    app = make_app(path)
    async with app.run_test(size=size) as pilot:
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
    path = section_draft()
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
    path = section_draft()
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
    path = section_draft()
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
    async with assisting(section_draft()) as (pilot, _editor, screen):
        await pilot.press("enter")
        await wait_until(lambda: screen.stage == "error")
        assert "还没有配置写作助手，未发送任何内容" in _body(screen)
        assert "[assist]" in _body(screen)


# ---------------------------------------------------------------- issue 19 item 3, issue 23 item 5


def _flagged(editor: EditorScreen) -> list[str]:
    """The text each `unverified-fact` finding of the section points at."""
    lines = editor.editor.text.split("\n")
    found = editor.findings.get("results.service", [])
    return [lines[f.line - 1][f.column - 1 : f.end_column - 1] for f in found if f.rule == "unverified-fact"]


async def test_accepted_unverified_facts_stay_flagged_in_the_editor(
    model: tuple[Model, str], appraisal_home: Path
) -> None:
    answering(model, appraisal_home)
    path = section_draft()
    async with assisting(path) as (pilot, editor, screen):
        await pilot.press("enter", "enter")
        await wait_until(lambda: screen.stage == "proposal")
        await pilot.press("enter")
        await wait_until(lambda: pilot.app.screen is editor)
        assert _flagged(editor) == ["120家", "35亿元", "2026年5月", "省商务厅", "“满意窗口”"]
    saved = load_draft(path)
    assert [f.text for f in saved.unverified["results.service"]] == [
        "120家",
        "35亿元",
        "2026年5月",
        "省商务厅",
        "“满意窗口”",
    ]


async def test_confirming_adopted_facts_by_keys(appraisal_home: Path) -> None:
    text = "".join(ANSWER)
    path = section_draft(text, (("数字", "120家"), ("数字", "35亿元"), ("单位", "省商务厅")))
    async with assisting(path) as (pilot, editor, screen):
        await pilot.press("end", "enter")  # the last task: 核实
        await wait_until(lambda: screen.stage == "verify")
        facts = screen.query_one("#assist-facts", OptionList)
        assert facts.option_count == 3
        assert str(facts.get_option_at_index(0).prompt) == "数字“120家”：…企业86家、回访120家，协调解决融资难…"
        assert str(facts.get_option_at_index(2).prompt) == "单位“省商务厅”：…2026年5月，获省商务厅通报表扬，所在窗…"
        await pilot.press("down", "enter")  # confirm 35亿元 only
        await wait_until(lambda: facts.option_count == 2)
        await pilot.press("escape")
        await wait_until(lambda: pilot.app.screen is editor)
        await wait_until(lambda: _flagged(editor) == ["120家", "省商务厅"])
        assert editor.editor.text == text  # confirming changes no text
    assert [f.text for f in load_draft(path).unverified["results.service"]] == ["120家", "省商务厅"]


async def test_a_proposal_that_drops_figures_needs_y_not_enter(model: tuple[Model, str], appraisal_home: Path) -> None:
    state, _ = answering(model, appraisal_home)
    state.answer = ["本人牵头推进营商环境优化工作，", "带动投资35亿元，成效明显。"]
    path = section_draft()
    async with assisting(path) as (pilot, editor, screen):
        await pilot.press("enter", "enter")
        await wait_until(lambda: screen.stage == "proposal")
        body = _body(screen)
        assert "注意：建议删去了原文中的 2 处事实：数字“86家”、数字“21个”" in body
        assert body.index("删去了原文") < body.index("本人牵头推进")  # said before the proposal itself
        await pilot.press("enter")  # the habitual Enter does not accept it
        await pilot.pause(0.2)
        assert pilot.app.screen is screen and editor.editor.text == CURRENT
        await pilot.press("y")
        await wait_until(lambda: pilot.app.screen is editor)
        assert editor.editor.text == "".join(state.answer)


@pytest.mark.parametrize("key", ["# 单位模型的密钥\nsk-Zq8wSECRETkey4711", "“sk-Zq8wSECRETkey4711”"])
async def test_a_malformed_key_never_ends_the_app_nor_reaches_the_screen_or_log(
    key: str, model: tuple[Model, str], appraisal_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    state, _ = answering(model, appraisal_home, api_key_env="UNIT_KEY")
    monkeypatch.setenv("UNIT_KEY", key)
    path = section_draft()
    async with assisting(path) as (pilot, editor, screen):
        await pilot.press("enter", "enter")
        await wait_until(lambda: screen.stage == "error")
        assert "密钥含有不能用于请求的字符" in _body(screen)
        assert "sk-Zq8wSECRETkey4711" not in _body(screen)
        await pilot.press("escape")
        await wait_until(lambda: pilot.app.screen is editor)
        await pilot.press("a")  # the app is alive and takes typing
        await wait_until(lambda: "a" in editor.editor.text)
        assert pilot.app.is_running
    assert state.requests == []
    log = appraisal_home / LOG_FILE
    assert "sk-Zq8wSECRETkey4711" not in (log.read_text(encoding="utf-8") if log.exists() else "")


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (140, 40)])
async def test_the_dialog_leaves_the_status_line_and_key_bar_in_view(
    size: tuple[int, int], model: tuple[Model, str], appraisal_home: Path
) -> None:
    answering(model, appraisal_home)
    async with assisting(section_draft(), size) as (pilot, editor, screen):
        status = editor.query_one("#status").region
        keys = editor.query_one("KeyBar").region
        assert status.height == 1 and keys.height == 1 and keys.bottom == size[1]
        for press, stage in (("enter", "confirm"), ("enter", "proposal")):  # what will be sent; the proposal
            await pilot.press(press)
            await wait_until(lambda stage=stage: screen.stage == stage)  # type: ignore[misc]
            await pilot.pause()
            dialog = screen.query_one(".assist-dialog").region
            assert dialog.y >= status.bottom and dialog.bottom <= keys.y, (stage, dialog, status, keys)
            assert dialog.height == size[1] - 2  # every row between them, for text to read


async def test_escape_sequences_from_the_model_never_reach_the_dialog_or_the_text(
    model: tuple[Model, str], appraisal_home: Path
) -> None:
    answering(model, appraisal_home, "escapes")
    path = section_draft()
    async with assisting(path) as (pilot, editor, screen):
        await pilot.press("enter", "enter")
        await wait_until(lambda: screen.stage == "proposal")
        assert screen.streamed.strip() == ESCAPED_TEXT
        assert "\x1b" not in _body(screen) and "\x07" not in _body(screen)
        await pilot.press("enter")
        await wait_until(lambda: pilot.app.screen is editor)
        assert editor.editor.text == ESCAPED_TEXT
    assert load_draft(path).sections["results.service"] == ESCAPED_TEXT
