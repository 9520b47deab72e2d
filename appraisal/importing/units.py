"""A document cut into units — its non-blank stretches — and each unit taken apart as a possible heading.

Text copied from a PDF or a web page often has no line ends (`…汇报如下。一、基本概况…`, `…总结 一、工作回顾 …`), and a
title may run into the salutation (`…述职报告尊敬的各位领导：`): units are cut there too.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from appraisal.importing.document import Document
from appraisal.importing.headings import LineShape, has_sentence_punctuation, normalise, numbered_shape, shape
from appraisal.text.chars import HAN
from appraisal.text.lazy_regex import lazy_compile

UNNUMBERED_MAX_CHARS = 25
"""An unnumbered line longer than this (in 字) is no heading, unless Word styles it as one."""
TITLE_MAX_CHARS = 40

# A sentence (or a title and a space), then `二、` on the same line: a heading run on after it (`一、二季度` is
# no heading).
_RUN_ON_HEADING = lazy_compile(
    rf"(?:[。！？；!?;：:][ \t\u3000]*|(?<=[{HAN}）)”])[ \t\u3000]+)"
    r"(?=[一二三四五六七八九十]{1,3}、(?![一二三四五六七八九十]))"
)
# A title run into the salutation: `…述职报告尊敬的各位领导：本人于三月…`.
SALUTATION = r"(?:尊敬的[^：:。，,\n]{1,24}|各位(?:领导|代表|委员|同事|同志|党员)[^：:。\n]{0,24}|同志们|领导们)[：:]"
_TITLE_THEN_SALUTATION = lazy_compile(rf"(?:报告|总结|计划|汇报|材料|小结)(?={SALUTATION})")
MARKDOWN_HEADING = lazy_compile(r"#{1,6}[ \t]+")  # CommonMark: `#` then a space; `#1号楼` is text
THEMATIC_BREAK = lazy_compile(r"(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}")
_MARKER_START = set("#一二三四五六七八九十第（(0123456789０１２３４５６７８９①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳、，,*_")


@dataclass(frozen=True)
class Unit:
    """A non-blank stretch of a document line, without the white space around it."""

    line: int
    start: int
    text: str


def units_of(document: Document) -> list[Unit]:
    """The document's non-blank stretches: its lines (and the lines inside a Word paragraph), each cut again
    before a top-level numbered heading that follows a sentence on the same line (text copied from a PDF or a
    web page often has no line ends: `…汇报如下。一、基本概况…`)."""
    units: list[Unit] = []
    for number, line in enumerate(document.lines, start=1):
        position = 0
        for piece in line.split("\n") if "\n" in line else (line,):
            cuts = [0, *(m.end() for m in _RUN_ON_HEADING.finditer(piece)), len(piece)]
            title = _TITLE_THEN_SALUTATION.search(piece, 0, TITLE_MAX_CHARS + 8)
            if title is not None:
                cuts = sorted({*cuts, title.end()})
            for start, end in itertools.pairwise(cuts):
                part = piece[start:end]
                left = part.lstrip()
                text = left.rstrip()
                if text:
                    units.append(Unit(number, position + start + len(part) - len(left), text))
            position += len(piece) + 1
    return units


def heading_shape(unit: Unit, document: Document) -> LineShape | None:
    """The unit taken apart as a possible heading; None when it cannot be one (a long or punctuated line with no
    numbering, Markdown or Word heading style) — most lines of a report, skipped before any title matching."""
    text = unit.text
    if (
        text[0] not in _MARKER_START
        and unit.line not in document.outline
        and (len(text) > 3 * UNNUMBERED_MAX_CHARS or has_sentence_punctuation(text))
    ):
        return None
    line_shape = shape(text) or numbered_shape(text)
    if line_shape is None or line_shape.numbered or unit.line in document.outline:
        return line_shape
    if len(normalise(text)) > UNNUMBERED_MAX_CHARS or has_sentence_punctuation(text):
        return None
    return line_shape
