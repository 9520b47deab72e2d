"""Rich renderables that break lines by the Chinese rules (appraisal.text.line_breaking) instead of Rich's own
wrapping, which folds a line of Chinese wherever it is full (a line may then start with "，" or split "12.5%").

`ChineseText` wraps a `rich.text.Text`. Used for the guidance panel, last year's text, the findings, the review
and help (Markdown: `chinese_markdown.py`, kept apart because importing Rich's Markdown costs more than the
editor's first frame, which does not need it).
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text
from textual.css.styles import RulesMap
from textual.visual import RichVisual
from textual.widget import Widget

from appraisal.text.line_breaking import wrap_offsets


class ChineseText:
    """`text`, each of its lines broken to the width it is drawn at, by the Chinese rules. Styles are kept."""

    def __init__(self, text: Text | str) -> None:
        self.text = text if isinstance(text, Text) else Text(text)

    def __str__(self) -> str:
        return str(self.text)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        for paragraph in self.text.split("\n", allow_blank=True):
            for line in paragraph.divide(wrap_offsets(paragraph.plain, width)):
                line.no_wrap = True
                line.overflow = "crop"  # only a hanging space can be wider than the line
                line.end = "\n"
                yield line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)

    def height(self, width: int) -> int:
        """How many lines it is drawn in at `width`: the lines `__rich_console__` yields, counted without drawing."""
        return sum(len(wrap_offsets(paragraph, width)) + 1 for paragraph in self.text.plain.split("\n"))


class ChineseTextVisual(RichVisual):
    """What `Static.update` takes to show a ChineseText; its str() is the text, as a Text's would be."""

    def __init__(self, widget: Widget, text: Text | str) -> None:
        self.text = ChineseText(text)
        super().__init__(widget, self.text)

    def __str__(self) -> str:
        return str(self.text)

    def get_height(self, rules: RulesMap, width: int) -> int:
        """Textual asks every option of a list for its height on each layout: RichVisual draws it to count its
        lines (the finder's 500 places took ~0.7 s a layout, 2–3 s a key typed); the line breaks are counted."""
        return self.text.height(width)
