"""Counting 字 as offices count them: one home for the count the status bar, the checker, the export and the CLI
all show."""

from __future__ import annotations

from appraisal.text.lazy_regex import lazy_compile

NOT_ZI = lazy_compile(r"[\W_]+")
"""What is not a 字: punctuation, white space, symbols (and `_`); also used to compare texts ignoring them."""


def count_zi(text: str) -> int:
    r"""字数 as offices count it: CJK characters, letters and digits (`str.isalnum`); not punctuation or white
    space. Done by the regex engine (`\w` is `isalnum` plus `_`): the same count in a third of the time, which
    matters when every sentence of the draft is counted on each pause in typing."""
    return len(NOT_ZI.sub("", text))
