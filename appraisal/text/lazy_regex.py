"""Regular expressions compiled on first use.

Python compiles a regular expression in Python code: 0.1–2 ms a pattern, a Han character class the dearest (it
walks the 20,000 code points of the range). A module that writes `NAME = lazy_compile(r"…")` instead of
`re.compile(r"…")` pays for a pattern only when the pattern is first used, so a command pays for the rules and
importer paths it runs, not for every pattern of every module it imports (`appraisal check` imported ~370 patterns
at start, 80–100 ms).

The object stands in for the compiled pattern wherever a pattern's methods and attributes are used (`search`,
`finditer`, `sub`, `groups`, …); after the first use each is taken straight from the compiled pattern. It is not a
`re.Pattern`: give `re.sub` and friends its `pattern` source, or call its own methods (as every module here does).
"""

from __future__ import annotations

import re
from typing import Any, cast

__all__ = ["lazy_compile"]


class LazyPattern:
    """A pattern's source and flags; compiled by the first attribute asked for that the source cannot answer."""

    def __init__(self, source: str, flags: int = 0) -> None:
        self.pattern = source  # as `re.Pattern.pattern`, and readable without compiling (to build larger patterns)
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # copy, pickle and friends ask for dunders: never compile for them
            raise AttributeError(name)
        compiled = self._compiled
        if compiled is None:  # two threads racing here compile the same pattern twice: harmless
            compiled = self._compiled = re.compile(self.pattern, self._flags)
        value = getattr(compiled, name)
        self.__dict__[name] = value  # the next look-up finds it at once, without coming here
        return value

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r}{f', {self._flags!r}' if self._flags else ''})"


def lazy_compile(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, done the first time the pattern is used (typed as the pattern it stands for)."""
    return cast("re.Pattern[str]", LazyPattern(source, flags))
