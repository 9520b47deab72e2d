"""A terminal's grid of cells, fed the bytes Textual writes, to see what a real terminal would show.

Pilot has no terminal: it reads what Textual *means* to draw (the compositor), not what a terminal shows after the
partial updates Textual sends. The two differ when an update writes half of a wide character (a 字 takes two cells):
a terminal cannot show half a glyph, so writing either cell of a 字 erases the whole of it, and the other cell goes
blank. This model does what tmux does (screen_write_overwrite: the rest of an overwritten wide character is cleared
to spaces), so a test can compare the terminal's screen with the compositor's after every frame.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rich.cells import cell_len

_ESCAPE = re.compile(
    r"\x1b\[(?P<params>[0-9;?<>=]*)(?P<final>[@-~])"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC
    r"|\x1b[PX^_][^\x1b]*\x1b\\"  # DCS, SOS, PM, APC
    r"|\x1b[()][0-9A-Za-z]"  # character set
    r"|\x1b[^\[\]]"  # any other two-byte escape
)

BLANK = " "
RIGHT_HALF = ""  # the second cell of a wide character holds no text of its own


@dataclass
class TerminalCells:
    """What each cell of the terminal shows: a character, or RIGHT_HALF for the second cell of a wide one."""

    width: int
    height: int
    cells: list[list[str]] = field(init=False)
    x: int = 0
    y: int = 0

    def __post_init__(self) -> None:
        self.cells = [[BLANK] * self.width for _ in range(self.height)]

    def feed(self, data: str) -> None:
        """Apply what the application wrote: cursor moves, line feeds and text (styles do not matter here)."""
        position = 0
        for match in _ESCAPE.finditer(data):
            self._text(data[position : match.start()])
            if match.group("final") == "H":
                row, _, column = (match.group("params") or "1;1").partition(";")
                self.y = int(row or 1) - 1
                self.x = int(column or 1) - 1
            elif match.group("final") == "J" and match.group("params") == "2":
                self.__post_init__()
            position = match.end()
        self._text(data[position:])

    def _text(self, text: str) -> None:
        for char in text:
            if char == "\n":
                self.y = min(self.y + 1, self.height - 1)
            elif char == "\r":
                self.x = 0
            elif char >= " ":
                self._put(char)

    def _put(self, char: str) -> None:
        width = cell_len(char)
        if width == 0:  # a combining mark joins the character before it
            if self.x > 0:
                self.cells[self.y][self.x - 1] += char
            return
        if self.x + width > self.width:  # Textual never writes past the right edge; a terminal would wrap
            raise AssertionError(f"wrote {char!r} past the right edge at row {self.y}, column {self.x}")
        row = self.cells[self.y]
        for column in range(self.x, self.x + width):
            self._erase_wide_at(row, column)
        row[self.x] = char
        if width == 2:
            row[self.x + 1] = RIGHT_HALF
        self.x += width

    def _erase_wide_at(self, row: list[str], column: int) -> None:
        """Writing over either cell of a wide character clears the whole character, as terminals do."""
        if row[column] == RIGHT_HALF:
            row[column - 1] = BLANK
            row[column] = BLANK
        elif column + 1 < self.width and row[column + 1] == RIGHT_HALF:
            row[column] = BLANK
            row[column + 1] = BLANK

    def lines(self) -> list[str]:
        """Each row as text, as `tmux capture-pane` shows it (without trimming)."""
        return ["".join(row) for row in self.cells]
