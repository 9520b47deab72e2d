"""The command palette (Ctrl+P): in Chinese, and built from the screens' key bindings.

A screen lists its commands in `PALETTE` (action → title and help text); the keys that run each one are read
from its `BINDINGS`, so a key changed there is changed in the palette too. The palette screen itself is in
`textual_compat/command_palette.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from textual.app import SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode

_KEY_NAMES = {
    "ctrl": "Ctrl",
    "alt": "Alt",
    "shift": "Shift",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "enter": "回车",
    "escape": "Esc",
    "home": "Home",
    "end": "End",
    "tab": "Tab",
}


def key_label(key: str) -> str:
    """'ctrl+pagedown' → 'Ctrl+PgDn', 'f5' → 'F5', 'r' → 'R': how the help text and the palette name a key."""
    return "+".join(_KEY_NAMES.get(part, part.upper()) for part in key.split("+"))


def bound_keys(node: DOMNode) -> dict[str, list[str]]:
    """action → the keys bound to it on `node` (its class's BINDINGS), in the order they are declared."""
    keys: dict[str, list[str]] = {}
    for binding in Binding.make_bindings(type(node).BINDINGS):
        keys.setdefault(binding.action, []).append(key_label(binding.key))
    return keys


def commands(node: DOMNode, table: Mapping[str, tuple[str, str]]) -> Iterator[SystemCommand]:
    """One palette command per entry of `table` (action → title, help), its keys appended to the help."""
    keys = bound_keys(node)
    for action, (title, help_text) in table.items():
        callback: Callable[[], object] = getattr(node, f"action_{action}")
        named = "或".join(keys.get(action, []))
        yield SystemCommand(title, f"{help_text}（{named}）" if named else help_text, callback)
