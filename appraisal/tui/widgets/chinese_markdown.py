"""Rich's Markdown with its paragraphs (also those in list items) broken by the Chinese rules, for the guidance
panel and help. Imported only when Markdown is drawn: Rich's Markdown parser and its highlighter are slow to
import, and the editor's first frame shows no Markdown."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Console, ConsoleOptions, RenderResult
from rich.markdown import Markdown, MarkdownElement, Paragraph

from appraisal.tui.widgets.chinese_text import ChineseText


class _ChineseParagraph(Paragraph):
    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        self.text.justify = self.justify
        yield ChineseText(self.text)


class ChineseMarkdown(Markdown):
    """Rich's Markdown with its paragraphs broken by the Chinese rules."""

    elements: ClassVar[dict[str, type[MarkdownElement]]] = {**Markdown.elements, "paragraph_open": _ChineseParagraph}
