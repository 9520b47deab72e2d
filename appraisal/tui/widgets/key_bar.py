"""The key bar at the bottom of every screen: the keys the user can press now, as Textual's Footer shows them.

One widget drawing one line, instead of Footer's widget per key: Footer rebuilds all of them (styles and all) each
time the keys change, which cost more than the rest of the editor's start. And where the line is too narrow (80
columns), the ones a user must always find — 帮助, 退出 and the command palette — stay on the right, the keys are
set closer together, and the screen's own keys (most important first) are cut at the last one that fits, never in
the middle of a word.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

# (start cell, end cell, key) of each key drawn, for clicks.
Spans = list[tuple[int, int, str]]


class KeyBar(Widget, can_focus=False):
    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-bar--key", "key-bar--description", "key-bar--separator"}

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .key-bar--separator {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._spans: Spans = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen:
            self.refresh()

    def _keys(self) -> tuple[list[tuple[Binding, bool]], list[tuple[Binding, bool]], tuple[Binding, bool] | None]:
        """The keys as Footer shows them, one per action, each with whether it is enabled now: (the screen's and
        the focused widget's, the app's, the command palette's)."""
        own: list[tuple[Binding, bool]] = []
        app_keys: list[tuple[Binding, bool]] = []
        palette: tuple[Binding, bool] | None = None
        seen: set[str] = set()
        for node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.key == self.app.COMMAND_PALETTE_BINDING:
                if self.app.ENABLE_COMMAND_PALETTE:
                    palette = (binding, enabled)
                continue
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            (app_keys if node is self.app else own).append((binding, enabled))
        return own, app_keys, palette

    def _piece(self, binding: Binding, enabled: bool, *, lead: str = " ", compact: bool = False) -> Text:
        piece = Text.assemble(
            (f"{lead}{self.app.get_key_display(binding)} ", self.get_component_rich_style("key-bar--key")),
            (binding.description + ("" if compact else " "), self.get_component_rich_style("key-bar--description")),
        )
        if not enabled:
            piece.stylize("dim")
        return piece

    def render(self) -> Text:
        """[the screen's keys that fit][the app's keys] … [▏palette], as Footer lays them out. Where the screen's
        keys do not all fit (80 columns), one space between keys instead of two makes room for more of them."""
        line, spans, all_fit = self._layout(compact=False)
        if not all_fit:
            line, spans, _ = self._layout(compact=True)
        self._spans = spans
        return line

    def _layout(self, *, compact: bool) -> tuple[Text, Spans, bool]:
        own, app_keys, palette = self._keys()
        width = self.size.width
        tail = Text()
        tail_keys: Spans = []
        for binding, enabled in app_keys:
            piece = self._piece(binding, enabled, compact=compact)
            tail_keys.append((tail.cell_len, tail.cell_len + piece.cell_len, binding.key))
            tail.append_text(piece)
        right = Text()
        if palette is not None:
            right.append("▏", style=self.get_component_rich_style("key-bar--separator"))
            right.append_text(self._piece(*palette, lead="", compact=compact))
        line = Text()
        spans: Spans = []
        room = width - tail.cell_len - right.cell_len
        all_fit = True
        for binding, enabled in own:
            piece = self._piece(binding, enabled, compact=compact)
            if line.cell_len + piece.cell_len > room:
                all_fit = False
                break  # a whole key or none: F1 lists them all
            spans.append((line.cell_len, line.cell_len + piece.cell_len, binding.key))
            line.append_text(piece)
        spans.extend((line.cell_len + start, line.cell_len + end, key) for start, end, key in tail_keys)
        line.append_text(tail)
        line.append(" " * max(0, width - line.cell_len - right.cell_len))
        if palette is not None:
            spans.append((line.cell_len, line.cell_len + right.cell_len, palette[0].key))
        line.append_text(right)
        line.truncate(max(0, width))
        return line, spans, all_fit

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                event.stop()
                self.app.simulate_key(key)
                return
