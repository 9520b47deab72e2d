"""Screen updates that never cut a 字 in two.

Textual cuts every line of the screen at each widget's edges ("cuts") and draws it in pieces ("chops"), one per
stretch between two cuts, each taken from the front-most widget there. Two things go wrong with wide characters:

- Its own text. A toast is cut at the edges of every widget beneath it too (at 100 columns: the guidance panel's
  border, padding and scroll bar). Where such a cut falls in the middle of a 字 of the toast, both halves become
  spaces: "已导出：/tmp/  三-2025年度…", "某市统    年度考核" (Pilot shows it; Textualize/textual#6357, open).
  `WholeGlyphCompositor` cuts a widget's line after such a 字 instead, when the widget is in front on both sides
  of the cut: the piece on the left ends one cell later, the one on the right (a `LateStrip`) starts one later.
- What is under it, in a real terminal. A partial update writes the pieces that meet the changed span and crops
  the last one at the span's right edge. When that edge falls in the middle of a 字 (a toast ending two columns
  from the right goes away over text that reaches under its edge), Textual writes a space for the left half and
  leaves the right half alone; no terminal can show half a glyph, so writing either cell of a 字 erases all of it,
  and the 字 stays missing until the whole screen is drawn again (seen in tmux: six Ctrl+S toasts over the 结束语
  guidance at 140x40 left six 字 missing). `WholeGlyphChopsUpdate` writes the rest of the 字 too, and puts each
  late piece one cell later.

Both are copies of Textual 8.2.8's `Compositor._render_chops` and `ChopsUpdate.render_segments` with only these
changes; manifest.py pins the originals' source, so an upgrade makes someone compare them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import pairwise
from typing import Any, cast

from rich.cells import cell_len, get_character_cell_size
from rich.console import Console, RenderableType
from rich.control import Control
from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region
from textual.screen import Screen
from textual.strip import Strip


class LateStrip(Strip):
    """The piece of a line after a cut that a 字 of the same widget crosses: it starts `late` cells after its cut."""

    __slots__ = ("late",)

    def __init__(self, strip: Strip, late: int) -> None:
        super().__init__(strip._segments, strip.cell_length)
        self.late = late


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


def divide_whole(strip: Strip, cuts: list[int], joinable: list[bool]) -> list[Strip]:
    """`strip.divide(cuts)`, except that a cut inside a 字 where `joinable` (the widget is in front on both sides)
    moves one cell right: the 字 stays whole in the piece on the left, and the next piece is late by one."""
    moved = [
        cut + 1 if can_join and cuts_a_glyph(strip, cut) else cut
        for cut, can_join in zip(cuts, [*joinable, False], strict=False)
    ]
    pieces = list(strip.divide(moved))
    for index, (cut, was) in enumerate(zip(moved[:-1], cuts[:-1], strict=False)):
        if cut != was and index + 1 < len(pieces):
            pieces[index + 1] = LateStrip(pieces[index + 1], cut - was)
    return pieces


class WholeGlyphCompositor(Compositor):
    """Textual's compositor, dividing each widget's line so that a 字 it shows is never cut by a cut beneath it."""

    def _render_chops(
        self,
        crop: Region,
        is_rendered_line: Callable[[int], bool],
    ) -> Sequence[Mapping[int, Strip]]:
        cuts = self.cuts
        fromkeys = cast("Callable[[list[int]], dict[int, Strip | None]]", dict.fromkeys)
        chops: list[dict[int, Strip | None]] = [fromkeys(cut_set[:-1]) for cut_set in cuts]
        renders = self._get_renders(crop)
        intersection = Region.intersection
        for region, clip, strips in renders:
            render_region = intersection(region, clip)
            render_x = render_region.x
            first_cut, last_cut = render_region.column_span
            for y, strip in zip(render_region.line_range, strips, strict=False):
                if not is_rendered_line(y):
                    continue
                chops_line = chops[y]
                final_cuts = [cut for cut in cuts[y] if (last_cut >= cut >= first_cut)]
                relative_cuts = [cut - render_x for cut in final_cuts[1:]]
                cut_strips: Iterable[Strip]
                if len(final_cuts) > 2 and not strip.text.isascii():
                    # Painting front to back, the first piece for a cut wins: this widget is in front where free.
                    free = [chops_line.get(cut) is None for cut in final_cuts[:-1]]
                    cut_strips = divide_whole(strip, relative_cuts, [a and b for a, b in pairwise(free)])
                else:  # nothing to join: a single piece, or no wide character
                    cut_strips = strip.divide(relative_cuts)
                get_chops_line = chops_line.get
                for cut, piece in zip(final_cuts, cut_strips, strict=False):
                    if get_chops_line(cut) is None:
                        chops_line[cut] = piece
        return cast("Sequence[Mapping[int, Strip]]", chops)


class WholeGlyphChopsUpdate(ChopsUpdate):
    """Textual's partial update, writing late pieces where they start and cropping after a 字, not through it."""

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
                start = x + (strip.late if isinstance(strip, LateStrip) else 0)
                append(move_to(start, y).segment.text)
                if x2 > x >= x1 and end <= x2:
                    append(strip.render(console))
                    continue
                cut = max(0, min(end, x2) - start)
                if cut < strip.cell_length and cuts_a_glyph(strip, cut):
                    cut += 1  # the rest of the 字: a terminal erases a 字 whose half is written
                append(strip.crop(0, cut).render(console))
            if y != last_y:
                append("\n")
        return "".join(sequences)


def whole_glyph_screen(screen: Screen[Any]) -> Screen[Any]:
    """The screen, laying out its lines without cutting a 字 in two (WholeGlyphCompositor adds no state to
    Textual's, so the class of the screen's compositor can change before its first frame)."""
    if type(screen._compositor) is Compositor:
        screen._compositor.__class__ = WholeGlyphCompositor
    return screen


def whole_glyphs(renderable: RenderableType | None) -> RenderableType | None:
    """The update to write: Textual's partial update made safe for wide characters; anything else unchanged."""
    if type(renderable) is ChopsUpdate:
        return WholeGlyphChopsUpdate.of(renderable)
    return renderable
