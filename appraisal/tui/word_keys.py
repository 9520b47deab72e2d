"""Keys a Word or WPS user knows as something else than the shell does. Textual's text widgets bind the shell's
deleting keys: Ctrl+U (Word: underline), Ctrl+K (a link) and Ctrl+W (close) silently cut the line on screen or the
word before the cursor. The editor and every dialog line leave them unbound; their other keys (Ctrl+Backspace,
Ctrl+Shift+K …) stay."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from textual import events
from textual.binding import Binding, BindingType

SHELL_KEYS = frozenset({"ctrl+u", "ctrl+k", "ctrl+w"})

# Spaces typed as text that Python does not call printable, so Textual's text widgets dropped them when typed (a
# paste kept them): the full-width space (U+3000), which many writers type twice to indent a paragraph.
TYPED_SPACES = frozenset({"\u3000"})


def typed_character(event: events.Key) -> str | None:
    """The character a key types into a text, or None: Textual's printable keys and the typed spaces above."""
    if event.is_printable or event.character in TYPED_SPACES:
        return event.character
    return None


def types_unprintable(event: events.Key) -> bool:
    """A key that types a character Textual's text widgets drop (it is not `is_printable`): theirs to insert."""
    return not event.is_printable and event.character in TYPED_SPACES


def without_keys(
    bindings: Iterable[BindingType], keys: Iterable[str], *, actions: Iterable[str] = ()
) -> list[BindingType]:
    """`bindings` without `keys` (a binding left with no key goes) and without the bindings of `actions`."""
    dropped, dropped_actions = frozenset(keys), frozenset(actions)
    kept: list[BindingType] = []
    for binding in bindings:
        if not isinstance(binding, Binding):
            kept.append(binding)
            continue
        left = [key for key in binding.key.split(",") if key.strip() not in dropped]
        if left and binding.action not in dropped_actions:
            kept.append(dataclasses.replace(binding, key=",".join(left)))
    return kept
