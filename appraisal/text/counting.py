"""Counting 字 as offices count them: one home for the count the status bar, the checker, the export and the CLI
all show."""

from __future__ import annotations

from appraisal.text.lazy_regex import lazy_compile

NOT_ZI = lazy_compile(r"[\W_]+")
"""What is not a 字: punctuation, white space, symbols (and `_`); also used to compare texts ignoring them."""


LONG = 20_000
"""Characters from which a text is a pasted document rather than typing. It is counted line by line, each line's
count kept: the status bar and the section list count the section on every pause in typing, and a pasted document
of 1.6 million 字 took ~0.2 s each time while one line had changed. The editor checks such a section with the fast
rules in a worker (`tui.screens.editor_findings`: ~0.1 s there)."""
_KEPT_CHARS = 8_000_000  # the kept lines' characters at most (then they are forgotten and counted again)
_line_counts: dict[str, int] = {}
_kept_chars = 0


def count_zi(text: str) -> int:
    r"""字数 as offices count it: CJK characters, letters and digits (`str.isalnum`); not punctuation or white
    space. Done by the regex engine (`\w` is `isalnum` plus `_`): the same count in a third of the time, which
    matters when every sentence of the draft is counted on each pause in typing. A long text is counted by its
    lines (a line break is not a 字), each line's count remembered, so that counting it again after an edit
    counts only the lines that changed."""
    if len(text) < LONG:
        return len(NOT_ZI.sub("", text))
    global _kept_chars
    counts = _line_counts
    total = 0
    for line in text.split("\n"):
        count = counts.get(line)
        if count is None:
            count = len(NOT_ZI.sub("", line))
            if _kept_chars + len(line) > _KEPT_CHARS:
                counts.clear()
                _kept_chars = 0
            counts[line] = count
            _kept_chars += len(line)
        total += count
    return total
