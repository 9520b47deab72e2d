"""Partial screen updates that never write half of a 字.

Textual redraws only what changed: for each changed line it writes the widgets' pieces ("chops") that meet the
changed span, and crops the last one at the span's right edge. When that edge falls in the middle of a 字 (when a
toast, which ends two columns from the right, goes away over text that reaches under its edge), Textual writes a
space for the left half of the 字 and leaves its right half alone. No terminal can show half a glyph: writing into
either cell of a 字 erases all of it, so the 字 stays missing until the whole screen is drawn again (seen in tmux:
six Ctrl+S toasts over the 结束语 guidance at 140x40 left six 字 missing). Upstream: Textualize/textual#6357 (open).

The fix: when the crop would cut a 字, write one more cell, so the whole 字 is sent. That cell belongs to the same
chop, so what is written is exactly what the compositor holds. `ChopsUpdate.render_segments` below is Textual
8.2.8's, with only that change; tests/tui/test_whole_glyphs.py pins its source so an upgrade is looked at.
"""

from __future__ import annotations

from rich.cells import cell_len, get_character_cell_size
from rich.console import Console, RenderableType
from rich.control import Control
from textual._compositor import ChopsUpdate
from textual.strip import Strip


def cuts_a_glyph(strip: Strip, cut: int) -> bool:
    """True when the cell boundary `cut` (counted from the strip's start) falls inside a wide character."""
    position = 0
    for segment in strip:
        width = cell_len(segment.text)
        if position + width <= cut:
            position += width
            continue
        for char in segment.text:
            if position >= cut:
                return False
            position += get_character_cell_size(char)
            if position > cut:
                return True
        return False
    return False


class WholeGlyphChopsUpdate(ChopsUpdate):
    """Textual's partial update, cropping a line's last piece after a 字 rather than through it."""

    @classmethod
    def of(cls, update: ChopsUpdate) -> WholeGlyphChopsUpdate:
        return cls(update.chops, update.spans, update.chop_ends)

    def render_segments(self, console: Console) -> str:
        sequences: list[str] = []
        append = sequences.append
        move_to = Control.move_to
        chops = self.chops
        chop_ends = self.chop_ends
        last_y = self.spans[-1][0]
        for y, x1, x2 in self.spans:
            line = chops[y]
            ends = chop_ends[y]
            for end, (x, strip) in zip(ends, line.items(), strict=False):
                if strip is None or x > x2 or end <= x1:
                    continue
                if x2 > x >= x1 and end <= x2:
                    append(move_to(x, y).segment.text)
                    append(strip.render(console))
                    continue
                cut = min(end, x2) - x
                if cut < end - x and cuts_a_glyph(strip, cut):
                    cut += 1  # the rest of the 字: a terminal erases a 字 whose half is written
                append(move_to(x, y).segment.text)
                append(strip.crop(0, cut).render(console))
            if y != last_y:
                append("\n")
        return "".join(sequences)


def whole_glyphs(renderable: RenderableType | None) -> RenderableType | None:
    """The update to write: Textual's partial update made safe for wide characters; anything else unchanged."""
    if type(renderable) is ChopsUpdate:
        return WholeGlyphChopsUpdate.of(renderable)
    return renderable
