"""The App's hooks into Textual's private methods: every screen and every frame with whole 字 (whole_glyphs), the
terminal driver that knows a closed window (terminal_driver), keys typed after a shortcut held for the screen it
opens (key_hold), and Textual's traceback kept from the user's terminal after a crash (the app prints where each
draft's text is instead).

With another Textual installed (`patches_on()` false) each hook passes straight to Textual's own method; the
crash rescue still runs (`before_crash`), since it only saves the user's text and then calls Textual's.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from rich.console import RenderableType
from textual import events
from textual.app import App, ReturnType
from textual.driver import Driver
from textual.screen import Screen
from textual.widget import AwaitMount

from appraisal.tui.textual_compat import patches_on

if TYPE_CHECKING:
    from appraisal.tui.textual_compat.terminal_driver import TerminalDriver


class PatchedApp(App[ReturnType]):
    """Textual's App with this folder's patches, when the installed Textual is the one they were made for."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from appraisal.tui.textual_compat.alt_keys import read_alt_as_a_key
        from appraisal.tui.textual_compat.key_hold import KeyHold
        from appraisal.tui.textual_compat.styles_cache import keep_no_render_caches
        from appraisal.tui.textual_compat.toast import use_chinese_toasts

        use_chinese_toasts()
        keep_no_render_caches()
        read_alt_as_a_key()
        super().__init__(*args, **kwargs)
        self._key_hold = KeyHold(self)

    async def on_event(self, event: events.Event) -> None:
        """Keys after a shortcut that opened a screen wait for that screen's focus (key_hold)."""
        if not patches_on() or not isinstance(event, (events.Key, events.Paste)):
            await super().on_event(event)
            return
        if self._key_hold.take(event):
            return
        self._key_hold.in_key += 1
        try:
            await super().on_event(event)
        finally:
            self._key_hold.in_key -= 1

    def get_driver_class(self) -> type[Driver]:
        """In a POSIX terminal, Textual's driver told what a closed window means (terminal_driver); otherwise
        Textual's own (Windows, the driver TEXTUAL_DRIVER names: the browser's, or another Textual)."""
        from textual import constants

        if sys.platform == "win32" or constants.DRIVER is not None or not patches_on():
            return super().get_driver_class()
        from appraisal.tui.textual_compat.terminal_driver import TerminalDriver

        return TerminalDriver

    def terminal_driver(self) -> TerminalDriver | None:
        """The running driver when it is ours (it can say when every key it read has been posted)."""
        if sys.platform == "win32" or not patches_on():
            return None
        from appraisal.tui.textual_compat.terminal_driver import TerminalDriver

        driver = self._driver
        return driver if isinstance(driver, TerminalDriver) else None

    def running_driver(self) -> Driver | None:
        return self._driver

    def get_default_screen(self) -> Screen[Any]:
        return _whole_glyph_screen(super().get_default_screen())

    def _get_screen(self, screen: Screen[Any] | str) -> tuple[Screen[Any], AwaitMount]:
        """Every screen, ours or Textual's (palette, dialogs), passes here before its first frame."""
        installed, await_mount = super()._get_screen(screen)
        wrapped = _whole_glyph_screen(installed)
        if patches_on():
            self._key_hold.pushed(wrapped)
        return wrapped, await_mount

    def _display(self, screen: Screen[Any], renderable: RenderableType | None) -> None:
        """Every frame goes out with whole 字 only: Textual's partial updates can cut one at their right edge,
        and the terminal then erases it (see whole_glyphs)."""
        if patches_on():
            from appraisal.tui.textual_compat.whole_glyphs import whole_glyphs

            renderable = whole_glyphs(renderable)
        super()._display(screen, renderable)

    def before_crash(self, error: Exception) -> None:
        """Called with an exception nothing caught, before Textual ends the app: save what can be saved."""

    def _handle_exception(self, error: Exception) -> None:
        self.before_crash(error)
        super()._handle_exception(error)
        if patches_on():
            self._exit_renderables.clear()  # Textual's traceback: the user gets the app's sentences instead


def _whole_glyph_screen(screen: Screen[Any]) -> Screen[Any]:
    if not patches_on():
        return screen
    from appraisal.tui.textual_compat.whole_glyphs import whole_glyph_screen

    return whole_glyph_screen(screen)
