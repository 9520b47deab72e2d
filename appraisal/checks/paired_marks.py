"""The shortcut the rules that read a line's quotes and brackets take first: marks in pairs one after another,
none inside another (`“…”…（…）`), is how most lines hold them — nothing is left open or turned, and the marks need
not be read one by one (`broken-line` for a quote left open at a line's end, `unbalanced-quote`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from appraisal.text.lazy_regex import lazy_compile


def in_turn(pairs: Iterable[str]) -> Callable[[Sequence[str]], bool]:
    """A test of a line's marks (in order, as `findall` gives them) for `pairs` (each an opening mark and its
    closing one, `“”`) closed one after another."""
    pattern = lazy_compile("(?:" + "|".join(pairs) + ")*")

    def test(marks: Sequence[str]) -> bool:
        return pattern.fullmatch("".join(marks)) is not None

    return test
