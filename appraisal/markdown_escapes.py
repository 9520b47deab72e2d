"""Backslash escapes in the Markdown files we write and read.

A paragraph of the user's text written into a .md file must show as typed in any Markdown viewer (`**` stays two
stars, `1. ` stays a number, `<b>` stays text), and importing that file must give back the very same characters.
So the exporter escapes only the characters that would otherwise be read as Markdown (`escape_paragraph`), and the
importer takes escapes out again (`unescape`), saying where they were so that positions still point into the file.

Escaped, anywhere in the text: `\\` before ASCII punctuation, `` ` ``, `*`, `_`, `[`, `<` before a tag or an address,
`&` before an entity (`&amp;`), and `~` or `$` when a line has two of them (strike-through, formulas); at the start
of a paragraph: `#`, `>`, a `-` or `+` that starts a list or a rule, the `.` or `)` of a list number (`1. `).
Nothing else: `3~5个`, `增长率<5%`, `-3.2%` and `1.加强学习` stay as they are.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from appraisal.text.lazy_regex import lazy_compile

ASCII_PUNCTUATION = r"""!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~"""
_ALWAYS = lazy_compile(rf"\\(?=[{ASCII_PUNCTUATION}])|[`*_\[]|<(?=[A-Za-z/!?])|&(?=#?[0-9A-Za-z]+;)")
_PAIRED = "~$"  # active only in pairs
_LIST_NUMBER = lazy_compile(r"\d{1,9}(?=[.)](?:[ \t]|$))")
_BULLET = lazy_compile(r"[-+](?=[ \t]|$)|(?:-[ \t]*){3,}$")
_ESCAPE = lazy_compile(rf"\\([{ASCII_PUNCTUATION}])|(`+)")


def escape_inline(text: str) -> str:
    """`text` with the characters escaped that Markdown would read as markup inside a line."""
    escaped = _ALWAYS.sub(lambda m: "\\" + m.group(), text)
    for mark in _PAIRED:
        if text.count(mark) > 1:
            escaped = escaped.replace(mark, "\\" + mark)
    return escaped


def escape_paragraph(text: str) -> str:
    """One line of the user's text as one Markdown paragraph that shows exactly `text`."""
    escaped = escape_inline(text)
    number = _LIST_NUMBER.match(escaped)
    if number:
        return escaped[: number.end()] + "\\" + escaped[number.end() :]
    if escaped[:1] in ("#", ">") or _BULLET.match(escaped):
        return "\\" + escaped
    return escaped


def escape_heading(text: str) -> str:
    """The words of a `#` heading: as a paragraph, and no `#` that could close the heading."""
    return escape_inline(text).replace("#", "\\#")


def unescape(text: str) -> tuple[str, tuple[int, ...]]:
    """`text` with its backslash escapes taken out (none inside a code span), and the positions in the result of
    the characters that were escaped (each one stood one column further right in the file, behind its `\\`)."""
    if "\\" not in text:
        return text, ()
    out: list[str] = []
    escaped: list[int] = []
    length = 0  # of the result so far
    position = 0
    while True:
        match = _ESCAPE.search(text, position)
        if match is None:
            break
        before = text[position : match.start()]
        out.append(before)
        length += len(before)
        if match.group(1) is not None:
            out.append(match.group(1))
            escaped.append(length)
            length += 1
            position = match.end()
            continue
        # A code span: copied as it is, up to a closing run of as many backticks.
        ticks = match.group(2)
        closing = re.compile(rf"(?<!`){ticks}(?!`)").search(text, match.end())
        end = closing.end() if closing else match.end()
        out.append(text[match.start() : end])
        length += end - match.start()
        position = end
    out.append(text[position:])
    return "".join(out), tuple(escaped)


def file_column(column: int, escaped: tuple[int, ...]) -> int:
    """Where a column of unescaped text lies in the escaped line (0-based, relative to the line's start): every
    escaped character before it adds its backslash. An escaped character itself maps to its backslash, so a span
    that starts or ends on one takes the backslash with it."""
    return column + bisect_left(escaped, column)
