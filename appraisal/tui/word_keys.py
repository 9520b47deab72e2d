"""Keys a Word or WPS user knows as something else than the shell does. Textual's text widgets bind the shell's
deleting keys: Ctrl+U (Word: underline), Ctrl+K (a link) and Ctrl+W (close) silently cut the line on screen or the
word before the cursor. The editor and every dialog line leave them unbound; their other keys (Ctrl+Backspace,
Ctrl+Shift+K …) stay."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from textual.binding import Binding, BindingType

SHELL_KEYS = frozenset({"ctrl+u", "ctrl+k", "ctrl+w"})


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
