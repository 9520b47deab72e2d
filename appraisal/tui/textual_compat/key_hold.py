"""Keys typed right after a shortcut that opens a screen are held until that screen has its focus, then given to it
in order: a terminal delivers a burst of keys at once (fast typing, an input method's word), and Textual sends
each key to the widget focused when the app takes it from its queue. A dialog pushed by Ctrl+N has no focused
input line for a moment (it is still mounting), so the keys typed after Ctrl+N went to the screen and were lost;
with a screen binding that is not a priority one they went to the text below before the dialog was even pushed
(the shortcuts that open screens are priority bindings for that reason, as dialogs' Tab is).

The hold starts when a screen is pushed while the app handles a key, or when a shortcut says a screen is coming
(`hold_keys`: the start screen asks the app for it by a message; the app at start-up, for the editor it opens);
it ends when the new screen has a focused widget, or after HOLD_LIMIT seconds (START_HOLD_LIMIT at start-up) in
any case: a key is never kept for long, never dropped, never reordered.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from textual import events

from appraisal.tui.textual_compat import patches_on

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

HOLD_LIMIT = 0.5  # seconds: a screen that never takes the focus (or never comes) gets the keys after this
START_HOLD_LIMIT = 5.0  # the same for the first screen: opening a draft on a busy machine can take a second or two
_POLL = 0.01


class KeyHold:
    """One app's held keys (see the module)."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.held: list[events.Event] = []
        self.holding = False
        self.target: Screen[object] | None = None  # the screen the keys wait for, once pushed
        self.in_key = 0  # depth of key events the app is handling
        self.since = 0.0  # time.monotonic() when the hold started
        self.limit = HOLD_LIMIT  # seconds this hold lasts at most

    def take(self, event: events.Event) -> bool:
        """Hold a key or paste from the terminal while a new screen is not ready; True when held."""
        if self.holding and isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            self.held.append(event)
            return True
        return False

    def start(self, limit: float = HOLD_LIMIT) -> None:
        """Hold the keys from now until the next screen pushed is ready (or `limit` seconds)."""
        if self.holding:
            return
        self.holding, self.target, self.since, self.limit = True, None, time.monotonic(), limit
        self.app.set_timer(_POLL, self._release_when_ready)

    def pushed(self, screen: Screen[object]) -> None:
        """A screen is being pushed: when a key did it, hold the keys after it until the screen is ready."""
        if self.in_key:
            self.start()
        if self.holding and self.target is None:
            self.target = screen

    async def _release_when_ready(self) -> None:
        if not self.app.screen_stack:  # the app has closed (Ctrl+Q in the first instant): no screen to give keys to
            self.held, self.holding, self.target = [], False, None
            return
        target = self.target
        ready = target is not None and (self.app.screen is not target or target.focused is not None)
        if not ready and time.monotonic() - self.since < self.limit:
            self.app.set_timer(_POLL, self._release_when_ready)
            return
        held, self.held, self.holding, self.target = self.held, [], False, None
        for number, event in enumerate(held):
            if self.holding:  # a held key opened another screen: the rest wait for that one, in order
                self.held[:0] = held[number:]
                return
            await self.app.on_event(event)


def hold_keys(app: App[Any], limit: float = HOLD_LIMIT) -> None:
    """Called by a shortcut whose screen the app pushes a moment later: the keys typed meanwhile wait for it."""
    hold = getattr(app, "_key_hold", None)
    if patches_on() and isinstance(hold, KeyHold):  # with the patches off nothing would take or release the keys
        hold.start(limit)
