"""Keys typed right after a shortcut that opens a dialog go to the dialog, however fast they come: a user who
presses Ctrl+N and types at once has the note in the note's line, not its first characters in the draft.

A terminal delivers a burst of keys (typed fast, or an input method's word) to the app at once, with no pause for
the app to settle between them; `burst` makes Pilot's `press` do the same, so the shortcut and the characters
can be pressed in one call."""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

import pytest
import textual.app
from textual import events
from textual.widgets import Input

import appraisal.tui.app
from appraisal.notes import load_notes
from appraisal.store import draft_files
from appraisal.tui.app import AppraisalApp
from appraisal.tui.screens.import_document import ImportScreen
from appraisal.tui.screens.profile import ProfileScreen
from appraisal.tui.screens.start import StartScreen
from appraisal.tui.textual_compat.key_hold import HOLD_LIMIT, hold_keys

from .editing import editing
from .helpers import editor_ready, fast_settings, make_app, make_draft, wait_until

INTRO = "本人2025年任某局副局长。"


@pytest.fixture
def burst(monkeypatch: pytest.MonkeyPatch) -> None:
    """`press` sends every key to the app's queue at once, as the terminal driver does; then waits as Pilot does."""
    settle = textual.app.App._press_keys

    async def press_at_once(self: textual.app.App[object], keys: Iterable[str]) -> None:
        keys = list(keys)
        driver = self._driver
        assert driver is not None
        for key in keys[:-1]:
            char = key if len(key) == 1 else None
            event = events.Key(key, char)
            event.set_sender(self)
            driver.send_message(event)
        await settle(self, keys[-1:])

    monkeypatch.setattr(textual.app.App, "_press_keys", press_at_once)


@pytest.mark.usefixtures("burst")
async def test_keys_pressed_with_ctrl_n_in_one_press_go_to_the_note() -> None:
    async with editing({"intro": INTRO}, size=(80, 24), started=True) as e:
        app, pilot, editor = e.app, e.pilot, e.screen
        await pilot.press("ctrl+n", *"全年走访企业", "enter")
        await wait_until(lambda: app.screen is editor)
        await wait_until(lambda: bool(load_notes(2025).notes))
        assert [note.text for note in load_notes(2025).notes] == ["全年走访企业"]
        assert editor.editor.text == INTRO  # nothing leaked into the text


@pytest.mark.usefixtures("burst")
async def test_keys_pressed_with_f3_go_to_the_form_not_the_text() -> None:
    async with editing({"intro": INTRO}, size=(80, 24), started=True) as e:
        app, pilot, editor = e.app, e.pilot, e.screen
        await pilot.press("f3", *"王", "tab")
        await wait_until(lambda: isinstance(app.screen, ProfileScreen))
        screen = app.screen
        assert isinstance(screen, ProfileScreen)
        assert screen.query_one(f"#{screen.ID_PREFIX}name", Input).value.endswith("王")
        assert editor.editor.text == INTRO


@pytest.mark.usefixtures("burst")
async def test_a_path_typed_at_once_after_i_goes_into_the_import_line(tmp_path: Path) -> None:
    make_draft()  # the app opens on the start screen
    source = tmp_path / "report.txt"  # its n and r would start other actions in the list
    source.write_text("2025年度个人总结\n一、品行修养\n本人严守纪律。\n", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(lambda: isinstance(app.screen, StartScreen))
        await pilot.pause()
        await pilot.press("i", *str(source), "tab")
        await wait_until(lambda: isinstance(app.screen, ImportScreen))
        assert app.screen.query_one("#path", Input).value == str(source)
        assert len(draft_files()) == 1  # nothing else was started by the letters of the path


async def test_keys_held_for_a_screen_that_never_comes_are_given_on_within_the_limit() -> None:
    async with editing({"intro": INTRO}, size=(80, 24), started=True) as e:
        app, editor = e.app, e.screen
        hold_keys(app)  # as a shortcut does when its screen is pushed a moment later; here none is
        since = app._key_hold.since  # when the hold began
        for key in "全年":  # from the terminal, at once
            event = events.Key(key, key)
            event.set_sender(app)
            app._driver.send_message(event)  # type: ignore[union-attr]
        changed: list[float] = []  # when the text was first seen changed: never before the keys were given on

        def given_on() -> bool:
            if editor.editor.text != INTRO and not changed:
                changed.append(time.monotonic())
            return editor.editor.text == INTRO + "全年"

        await wait_until(given_on)  # not dropped, in order
        assert HOLD_LIMIT <= changed[0] - since < 2.0  # held the whole limit (0.5 s), given on after it (loaded)


async def test_keys_typed_while_the_program_starts_wait_for_the_editor() -> None:
    """Issue 22: the terminal hands the app the keys typed while the program starts as soon as the app reads it,
    before the editor is open. They went to the blank first screen and were lost (in a real terminal on a busy
    machine, every key typed in the first second); now they wait for the editor and go into the text, in order."""
    path = make_draft(sections={"intro": INTRO})

    class TypedEarly(AppraisalApp):
        CSS_PATH = Path(appraisal.tui.app.__file__).with_name("app.tcss")  # a relative one is read beside the test

        def on_mount(self) -> None:
            super().on_mount()
            for key in "早打的字":  # read from the terminal before the blank first screen was laid out
                event = events.Key(key, key)
                event.set_sender(self)
                self.post_message(event)  # the app's queue, before the Ready that opens the editor

    app = TypedEarly(path, settings=fast_settings())
    async with app.run_test(size=(80, 24)):
        editor = await editor_ready(app)
        await wait_until(lambda: "早打的字" in editor.editor.text)
        assert editor.editor.text.replace("早打的字", "", 1) == INTRO


async def test_a_hold_still_waiting_when_the_app_has_closed_ends_quietly() -> None:
    """The app holds the keys for the editor it opens at start-up; a Pilot that leaves at once (or Ctrl+Q in the
    first instant) closes the app while the hold waits. Its next look, after the last screen had gone, raised
    ScreenStackError and the app ended on an unexpected error (seen once in a full run under load, in
    test_app.py::test_closing_the_app_while_the_editor_mounts_leaves_no_error_and_no_lock). Here that look is made
    after the app has closed: the hold ends, with nothing to give the keys to."""
    app = make_app(make_draft(sections={"intro": INTRO}))
    async with app.run_test(size=(80, 24)):
        editor = await editor_ready(app)
    assert app.screen_stack == []  # closed: no screen left
    hold = app._key_hold
    hold.holding, hold.target, hold.since = True, editor, time.monotonic()  # waiting for a screen without focus
    await hold._release_when_ready()
    assert not hold.holding
