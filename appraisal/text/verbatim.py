"""Text quoted as it was written elsewhere: a cited title (`《关于…的规划（2021-2025年）》`) and a short quoted name
or slogan (`“马上就办 真抓实干”`, `“一镇(乡)一品”`). A title is quoted as issued, so no rule rewrites inside it
(`1—11月` is right in the writer's own words, not in a title issued with `2021-2025年`); a name or slogan likewise.

A quoted name is short and holds no sentence: a quotation with a clause mark in it (`“打造生态魏庄,共建美丽家园”`)
is the writer's own sentence and is not covered.
"""

from __future__ import annotations

from appraisal.text.lazy_regex import lazy_compile

_TITLE_LONGEST = 100  # a 《 closed further on than this is a slip, not a title
_NAME_LONGEST = 16
_SPANS = lazy_compile(
    rf"《(?P<title>[^《》\n]{{1,{_TITLE_LONGEST}}})》"
    rf"|“(?P<name>[^“”\n，。；：！？,.;:!?]{{1,{_NAME_LONGEST}}})”"
    rf"|‘(?P<inner>[^‘’\n，。；：！？,.;:!?]{{1,{_NAME_LONGEST}}})’"
)
_OPENERS = ("《", "“", "‘")


def verbatim_spans(line: str) -> list[tuple[int, int]]:
    """[start, end) of the text inside each cited title and quoted name of `line` (the marks left out), in order,
    none overlapping."""
    if not any(opener in line for opener in _OPENERS):
        return []
    return [match.span(match.lastgroup or 0) for match in _SPANS.finditer(line)]
