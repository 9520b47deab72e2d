"""Alt+letter typed the letter into the text: a Word user pressing Alt+E (edit menu) or Alt+V (view) got an `e`
or a `v` in the report, unseen. The key now types nothing and says there is no menu bar (Ctrl+P, F1). The keys
are what a terminal sends (Esc, then the character, read as the terminal driver reads them)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from textual._xterm_parser import XTermParser
from textual.widgets import Input

from appraisal.tui.app import ALT_DOES_NOTHING

from .editing import editing, notices
from .helpers import wait_until


def send(app: Any, typed: str) -> None:
    """What the terminal driver does with bytes the terminal sent: parse them (a lone Esc and its character are
    told apart from an escape sequence by a pause, as the driver does) and post each key to the app."""
    parser = XTermParser()
    keys = list(parser.feed(typed))
    time.sleep(0.15)
    keys += parser.tick()
    for key in keys:
        app._driver.process_message(key)


async def test_alt_letters_type_nothing_and_say_there_is_no_menu() -> None:
    async with editing({"conduct": "坚持学习。"}, on="conduct", notifications=True) as e:
        e.screen.editor.move_cursor(e.screen.editor.document.end)
        for typed in ("\x1be", "\x1bF", "\x1bv"):  # Alt+E, Alt+Shift+F, Alt+V
            send(e.app, typed)
        send(e.app, "好")
        await wait_until(lambda: e.screen.editor.text == "坚持学习。好")
        assert notices(e.app) == [ALT_DOES_NOTHING.format(key="Alt+E")]  # once while its notice is up


async def test_esc_then_a_character_from_an_input_method_is_still_typed() -> None:
    """An input method's 字 right after Esc reads as Alt+字: it is typing and stays so."""
    async with editing({"conduct": "坚持学习。"}, on="conduct") as e:
        e.screen.editor.move_cursor(e.screen.editor.document.end)
        send(e.app, "\x1b中")
        await wait_until(lambda: e.screen.editor.text == "坚持学习。中")


async def test_alt_letter_in_a_dialog_line_types_nothing() -> None:
    async with editing({"conduct": "坚持学习。"}, on="conduct") as e:
        await e.pilot.press("ctrl+n")
        await wait_until(lambda: isinstance(e.app.focused, Input))
        send(e.app, "\x1bd")  # Alt+D (Alt+F reads as Ctrl+→ in Textual: it moves a word, typing nothing)
        send(e.app, "课")
        await wait_until(lambda: isinstance(e.app.focused, Input) and e.app.focused.value == "课")


async def test_alt_digits_and_signs_type_nothing_and_say_so() -> None:
    """Textual's key table reads Esc 1 … Esc 0, Esc -, Esc = as the characters macOS types with Option: a Word
    user's Alt+1 typed ¡ and Alt+= typed ≠ into the report; Alt+, lost its Alt and typed a comma."""
    async with editing({"conduct": "坚持学习。"}, on="conduct", notifications=True) as e:
        e.screen.editor.move_cursor(e.screen.editor.document.end)
        for typed in ("\x1b1", "\x1b0", "\x1b-", "\x1b=", "\x1b,", "\x1b."):
            send(e.app, typed)
        send(e.app, "好")
        await wait_until(lambda: e.screen.editor.text == "坚持学习。好")
        assert notices(e.app) == [ALT_DOES_NOTHING.format(key="Alt+1")]  # once while its notice is up


async def test_alt_minus_says_its_own_name() -> None:
    async with editing({"conduct": "坚持学习。"}, on="conduct", notifications=True) as e:
        send(e.app, "\x1b-")
        await wait_until(lambda: bool(notices(e.app)))
        assert notices(e.app) == [ALT_DOES_NOTHING.format(key="Alt+-")]


async def test_alt_digit_in_a_dialog_line_types_nothing() -> None:
    async with editing({"conduct": "坚持学习。"}, on="conduct") as e:
        await e.pilot.press("ctrl+n")
        await wait_until(lambda: isinstance(e.app.focused, Input))
        send(e.app, "\x1b2")  # Alt+2: ™ before
        send(e.app, "课")
        await wait_until(lambda: isinstance(e.app.focused, Input) and e.app.focused.value == "课")


async def test_backspace_keys_do_in_a_dialog_line_what_they_do_in_the_editor() -> None:
    """Alt+Backspace (Esc DEL, or Esc ^H) read as Ctrl+W, unbound: it deleted nothing in the editor and in a dialog
    line (where it had deleted the word). It deletes the word before the cursor in both now, as Ctrl+Backspace does
    where the terminal sends it as such (kitty's CSI u); ^W (Ctrl+W, or Ctrl+Backspace in some terminals) deletes
    nothing, and ^H (Backspace, or Ctrl+Backspace in others) one character, in both."""
    cases = [
        ("\x1b\x7f", "坚持学习 data "),  # Alt+Backspace
        ("\x1b\x08", "坚持学习 data "),  # Alt+Backspace where Backspace sends ^H
        ("\x1b[127;5u", "坚持学习 data "),  # Ctrl+Backspace, kitty keyboard protocol
        ("\x17", "坚持学习 data quality"),  # Ctrl+W
        ("\x08", "坚持学习 data qualit"),  # ^H
    ]
    async with editing({"conduct": "坚持学习。"}, on="conduct") as e:

        async def each_case(text: Callable[[], str]) -> None:
            """In the widget with the focus (whose text `text` reads): each case's bytes after the same words."""
            for typed, left in cases:
                await e.pilot.press("ctrl+a", *"坚持学习", "space", *"data", "space", *"quality")
                await wait_until(lambda: text() == "坚持学习 data quality")
                send(e.app, typed)
                send(e.app, "好")
                await wait_until(lambda: text().endswith("好"))
                assert text() == left + "好", typed

        editor = e.screen.editor
        await each_case(lambda: editor.text)
        await e.pilot.press("ctrl+n")
        await wait_until(lambda: isinstance(e.app.focused, Input))
        line = e.app.focused
        assert isinstance(line, Input)
        await each_case(lambda: line.value)
