"""Rich's Markdown with its paragraphs (also those in list items) broken by the Chinese rules, for the guidance
panel and help. Imported only when Markdown is drawn: Rich's Markdown parser and its highlighter are slow to
import, and the editor's first frame shows no Markdown."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import ClassVar

from markdown_it.token import Token
from rich.console import Console, ConsoleOptions, RenderResult
from rich.markdown import Markdown, MarkdownElement, Paragraph

from appraisal.tui.widgets.chinese_text import ChineseText


class _ChineseParagraph(Paragraph):
    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        self.text.justify = self.justify
        yield ChineseText(self.text)


def _joins_latin(before: str, after: str) -> bool:
    """A line break in the source between these two characters reads as a space: both are Latin (ASCII)."""
    return before.isascii() and after.isascii()


class ChineseMarkdown(Markdown):
    """Rich's Markdown with its paragraphs broken by the Chinese rules. A line break inside a paragraph of the
    source is a space only between Latin words (Rich made every one a space: “按 N 新建， 按 I 导入”)."""

    elements: ClassVar[dict[str, type[MarkdownElement]]] = {**Markdown.elements, "paragraph_open": _ChineseParagraph}

    def _flatten_tokens(self, tokens: Iterable[Token]) -> Iterable[Token]:
        flat = list(super()._flatten_tokens(tokens))
        return _without_chinese_softbreaks(flat)


def _without_chinese_softbreaks(tokens: list[Token]) -> Iterator[Token]:
    for index, token in enumerate(tokens):
        if token.type == "softbreak":
            before = next((t.content for t in reversed(tokens[:index]) if t.type == "text" and t.content), "")
            after = next((t.content for t in tokens[index + 1 :] if t.type == "text" and t.content), "")
            if before and after and not _joins_latin(before[-1], after[0]):
                continue
        yield token
