"""Work done by a key that must come after the keys read before it: a priority binding (Alt+↓, a form's Enter)
runs as the app reads its key, while the keys the app read just before it and already passed on may still wait in
the widgets' own queues; so may the last keys typed before SIGHUP. Done at once, that work runs ahead of them (the
last words typed before Alt+↓ went into the next section; a form submitted without the characters typed into its
fields in the same burst). Queued behind them, it runs after them.

The other half of keeping keys in order is `textual_compat.key_hold`: the keys read after a key that opens a screen
wait for that screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.message_pump import MessagePump


def after_queued_keys(widget: MessagePump, callback: Callable[[], object]) -> None:
    """Run `callback` once `widget` has handled what is queued to it now, on the widget's own queue: then it also
    runs before any key the app passes to the widget afterwards (a section change lands between the words typed
    before and after Alt+↓)."""
    widget.call_later(callback)


def on_app_after_queued_keys(widgets: Sequence[MessagePump], callback: Callable[[], object]) -> None:
    """Run `callback` on the app's queue once each of `widgets` has handled what is queued to it now: for work that
    may remove them (a form's submission closes the form), which a widget's own task should not do."""
    app = widgets[0].app
    waiting = set(range(len(widgets)))

    def through(number: int) -> None:
        waiting.discard(number)
        if not waiting:
            app.call_later(callback)

    for number, widget in enumerate(widgets):
        widget.call_later(through, number)
