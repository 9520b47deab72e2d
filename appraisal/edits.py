"""Replacing ranges of lines of text: the one place that decides which fixes apply and applies them.

A draft's section, a line of a text file and a Word paragraph are all fixed the same way: the edits of a line are
applied right to left, so the positions of those still to come stay true, and an edit that overlaps one already
applied (or lies outside the line) is skipped rather than guessed at.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Edit:
    """Replace [column, end_column) of line `line` (all 1-based, as findings count) with `text`."""

    line: int
    column: int
    end_column: int
    text: str


def plan(
    edits: Iterable[Edit], lines: Sequence[str], allowed: Callable[[Edit], bool] | None = None
) -> dict[int, list[Edit]]:
    """Per line number, the edits to apply, right to left: inside the line, not overlapping one another (the
    rightmost wins), and `allowed` when given (a Word paragraph only lets text-run characters change)."""
    planned: dict[int, list[Edit]] = {}
    ordered = sorted(
        (e for e in edits if 1 <= e.line <= len(lines)), key=lambda e: (e.line, e.column, e.end_column), reverse=True
    )
    limit: dict[int, int] = {}  # per line: the leftmost column already rewritten
    for edit in ordered:
        end = limit.get(edit.line, len(lines[edit.line - 1]) + 1)
        if not 1 <= edit.column <= edit.end_column <= end:
            continue
        if allowed is not None and not allowed(edit):
            continue
        planned.setdefault(edit.line, []).append(edit)
        limit[edit.line] = edit.column
    return planned


def splice(line: str, edits: Sequence[Edit]) -> str:
    """`line` with `edits` (as `plan` gives them for it: right to left, not overlapping) applied."""
    for edit in edits:
        line = line[: edit.column - 1] + edit.text + line[edit.end_column - 1 :]
    return line


def apply(text: str, edits: Iterable[Edit]) -> tuple[str, int]:
    """`text` (lines joined by "\\n") with the edits that fit applied, and how many did."""
    lines = text.split("\n")
    planned = plan(edits, lines)
    for number, line_edits in planned.items():
        lines[number - 1] = splice(lines[number - 1], line_edits)
    return "\n".join(lines), sum(len(e) for e in planned.values())
