"""Where a line of Chinese text may be broken when it is wrapped (禁则), measured in terminal cells.

- no line starts with a closing mark (，。、；：？！）】》」』” …) and none ends with an opening one (（【《「『“ …);
- a number stays with its unit or per cent sign (`12.5%`, `2860亩`, `860人次`);
- runs of Latin letters, digits and ASCII punctuation (words, numbers, dates, addresses) are not split, nor is a
  file path (`/home/li/文档/总结.docx`, `C:\\…`), 字 and all;
- a space may hang past the end of a line (a line never starts with one);
- where nothing allowed fits (a word wider than the line), the line is folded where it is full, so every character
  stays visible: a CJK character is two cells wide and is never half on a line.

`wrap_offsets` has the signature of Textual's `compute_wrap_offsets`, so the editor's wrapped document can use it.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Sequence

from rich.cells import get_character_cell_size

from appraisal.text.lazy_regex import lazy_compile

NO_LINE_START = frozenset("，。、；：？！）］】》」』”’〕〉〗〙〛｝％‰℃,.;:?!)]}%")
NO_LINE_END = frozenset("（［【《「『“‘〔〈〖〘〚｛([{")
# Two dashes or two ellipsis marks are one mark (——, ……): never split.
_PAIRED = frozenset("—…")

# A unit right after a digit stays with it: 12.5% 2860亩 860人次 2860万元 3个 5平方公里 2025年.
_UNIT_AFTER_NUMBER = lazy_compile(
    r"(?<=[0-9０-９])(?:[%％‰℃]|[万亿千百]?[元亩人次个项家户件篇场期名所座条台辆套吨年月日天倍岁册本份平方公顷里米斤克]{1,3}|[万亿])"
)
# The same unit written after a space, as messages put a figure between spaces (删去 44 字, 第 2 版, 共 3 处).
_UNIT_AFTER_NUMBER_AND_SPACE = lazy_compile(r"(?<=[0-9０-９] )[字处条版个项篇次人]")

_FULL_WIDTH_MARKS = "，。、；：？！（）【】《》「」『』“”‘’"
_STRAY_SPACE = lazy_compile(rf"(?<=[{_FULL_WIDTH_MARKS}]) +| +(?=[{_FULL_WIDTH_MARKS}])")


def drop_stray_spaces(text: str) -> str:
    """Without the ASCII spaces beside full-width marks (`起） 编辑` → `起）编辑`): a message put together from
    parts (a name, a path, a number) keeps a space around each part, which reads as a gap in a Chinese sentence
    where the part ends at a mark that carries its own space."""
    return _STRAY_SPACE.sub("", text) if " " in text else text


_DIGIT = lazy_compile(r"[0-9０-９]")
# A file path (which may hold 字: /home/li/文档/2026年度总结.docx) is kept whole where it fits on a line.
_PATH = lazy_compile(r"(?:[A-Za-z]:\\|~?/)[^\s，。；：、“”（）【】《》]+")


def _glued_positions(text: str) -> set[int]:
    """Indices i where a break before text[i] would split a number from its unit, or a path."""
    glued: set[int] = set()
    if "/" in text or "\\" in text:
        for match in _PATH.finditer(text):
            glued.update(range(match.start() + 1, match.end()))
    if not _DIGIT.search(text):  # no number, no unit to keep with it
        return glued
    for match in _UNIT_AFTER_NUMBER.finditer(text):
        glued.update(range(match.start(), match.end()))
    glued.update(match.start() for match in _UNIT_AFTER_NUMBER_AND_SPACE.finditer(text))
    return glued


def _may_break_before(text: str, index: int, glued: set[int], *, keep_words: bool = True) -> bool:
    """May a line end between text[index - 1] and text[index]? With `keep_words` False only the punctuation
    rules apply (for a word with its unit and marks that is wider than the whole line)."""
    char = text[index]
    before = text[index - 1]
    if char in NO_LINE_START or before in NO_LINE_END or char.isspace():
        return False
    if char == before and char in _PAIRED:
        return False
    if not keep_words:
        return True
    # Latin words, numbers, dates, file names: no break between two visible ASCII characters.
    return index not in glued and not (char.isascii() and before.isascii() and not before.isspace())


def _break_before(text: str, line_start: int, index: int, glued: set[int]) -> int:
    """Where to end the line that runs from `line_start` and overflows at `index`: the last place allowed by
    all the rules; else by the punctuation rules alone; else where the line is full."""
    for keep_words in (True, False):
        cut = index
        while cut > line_start and not _may_break_before(text, cut, glued, keep_words=keep_words):
            cut -= 1
        if cut > line_start:
            return cut
    return index


def _cell_widths(text: str, tab_sections: Sequence[tuple[str, int]] | None) -> list[int]:
    widths = list(map(get_character_cell_size, text))
    if tab_sections and "\t" in text:
        tab_widths = iter(width for _, width in tab_sections)
        for index, char in enumerate(text):
            if char == "\t":
                widths[index] = next(tab_widths, 1)
    return widths


def wrap_offsets(
    text: str,
    width: int,
    tab_size: int = 4,
    fold: bool = True,
    precomputed_tab_sections: Sequence[tuple[str, int]] | None = None,
) -> list[int]:
    """The indices (code points) where `text` is broken to fit lines `width` cells wide, by the rules above.

    `tab_size` and `fold` are accepted for compatibility with Textual's function: tabs are measured from
    `precomputed_tab_sections` (Textual's `get_tab_widths`), and an over-long word is always folded.

    The characters that fit are skipped by a binary search on the running total of cell widths, so only the
    places where a line overflows are looked at one by one (the editor wraps a 20,000-字 section at each start)."""
    if width <= 0 or not text:
        return []
    widths = _cell_widths(text, precomputed_tab_sections)
    ends = list(itertools.accumulate(widths))  # ends[i]: the cells of text[: i + 1]
    breaks: list[int] = []
    glued: set[int] | None = None
    line_start = 0
    index = 0
    length = len(text)
    while index < length:
        before = ends[line_start - 1] if line_start else 0  # the cells of the lines above
        index = bisect_right(ends, before + width, index)  # the first character that does not fit
        if index >= length:
            break
        used = ends[index - 1] - before if index > line_start else 0
        if index == line_start or (text[index] == " " and used <= width):
            index += 1  # the line's first character, however wide; or a space hanging at the end
            continue
        if glued is None:
            glued = _glued_positions(text)
        cut = _break_before(text, line_start, index, glued)
        breaks.append(cut)
        line_start = cut
    return breaks


def break_lines(text: str, width: int) -> list[str]:
    """`text` (one paragraph, no newline) as the lines it wraps into at `width` cells."""
    offsets = wrap_offsets(text, width)
    bounds = [0, *offsets, len(text)]
    return [text[start:end] for start, end in itertools.pairwise(bounds)]
