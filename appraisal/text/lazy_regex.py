"""Regular expressions compiled on first use, and compiled once per installation rather than once per process.

Python compiles a regular expression in Python code: 0.1–7 ms a pattern, a Han character class the dearest (the
compiler walks the 20,000 code points of the range). A module that writes `NAME = lazy_compile(r"…")` instead of
`re.compile(r"…")` pays for a pattern only when the pattern is first used, so a command pays for the rules and
importer paths it runs, not for every pattern of every module it imports (`appraisal check` compiled ~450
patterns, 80–100 ms, before it looked at the text).

The object stands in for the compiled pattern wherever a pattern's methods and attributes are used (`search`,
`finditer`, `sub`, `groups`, …); after the first use each is taken straight from the compiled pattern. It is not a
`re.Pattern`: give `re.sub` and friends its `pattern` source, or call its own methods (as every module here does).

Compiled forms. What the compiler makes of a pattern (the matcher's code, its groups) depends only on the pattern,
its flags and the interpreter. A face may hand this module the forms kept from an earlier run
(`use_compiled_forms`, read and written by `appraisal.app.compiled_patterns`); a pattern found there is made from
its form without compiling (microseconds instead of milliseconds). A form is kept only after the pattern made from
it compared equal — code, flags, groups — to the one `re.compile` made, and only for the interpreter build that
made it (`FORMS_TAG`). Where CPython's compiler internals differ (another implementation, a future version), this
module compiles with `re.compile` as usual.
"""

from __future__ import annotations

import re
import sys
from typing import Any, cast

from appraisal.text.digest import sha1

__all__ = ["FORMS_TAG", "lazy_compile", "new_compiled_forms", "use_compiled_forms"]

Form = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
"""What `_sre.compile` takes after the pattern: final flags, code, groups - 1, group index, index → group name."""

try:  # CPython's compiler, as `re._compiler.compile` uses it (3.11–3.13)
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _MAKE = _sre.compile
    _PARSE, _CODE = _parser.parse, _compiler._code
    _BUILD = f"{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}|{sys.implementation.cache_tag}"
    FORMS_TAG = sha1(_BUILD.encode()).hexdigest()[:16]
except (ImportError, AttributeError):  # not CPython, or its internals moved: patterns compile as usual
    _MAKE = _PARSE = _CODE = None
    FORMS_TAG = ""

_known: dict[tuple[str, int], Form] = {}  # forms handed in by `use_compiled_forms`
_made: dict[tuple[str, int], Form] = {}  # forms of the patterns compiled in this process (once asked to keep them)
_keeping = False


def use_compiled_forms(forms: dict[tuple[str, int], Form]) -> None:
    """Make patterns from `forms` (kept by an earlier run of this interpreter build) instead of compiling them, and
    from now on note the forms of the patterns that still have to be compiled (`new_compiled_forms`)."""
    global _keeping
    if FORMS_TAG:
        _known.update(forms)
        _keeping = True


def new_compiled_forms() -> dict[tuple[str, int], Form]:
    """The forms of the patterns this process had to compile since `use_compiled_forms`: worth keeping."""
    return dict(_made)


def _compile(source: str, flags: int) -> re.Pattern[str]:
    key = (source, int(flags))
    form = _known.get(key)
    if form is not None:
        try:
            return cast("re.Pattern[str]", _MAKE(source, *form))
        except Exception:  # a form the matcher refuses: compiled again below (and not kept)
            _known.pop(key, None)
    compiled = re.compile(source, flags)
    if _keeping:
        made = _form_of(source, int(flags))
        if made is not None and _same(made[1], compiled):
            _made[key] = made[0]
    return compiled


def _form_of(source: str, flags: int) -> tuple[Form, re.Pattern[str]] | None:
    """The compiled form of a pattern, and the pattern made from it; None where CPython's internals differ."""
    try:
        parsed = _PARSE(source, flags)
        code = [int(op) for op in _CODE(parsed, flags)]
        state = parsed.state
        index: list[str | None] = [None] * state.groups
        for name, number in state.groupdict.items():
            index[number] = name
        form: Form = (int(flags | state.flags), code, state.groups - 1, dict(state.groupdict), tuple(index))
        return form, cast("re.Pattern[str]", _MAKE(source, *form))
    except Exception:  # another interpreter's compiler: nothing kept
        return None


def _same(made: re.Pattern[str], compiled: re.Pattern[str]) -> bool:
    """Whether two patterns match alike: `==` compares source, flags and the matcher's code."""
    return made == compiled and made.groupindex == compiled.groupindex and made.groups == compiled.groups


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
            compiled = self._compiled = _compile(self.pattern, self._flags)
        value = getattr(compiled, name)
        self.__dict__[name] = value  # the next look-up finds it at once, without coming here
        return value

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r}{f', {self._flags!r}' if self._flags else ''})"


def lazy_compile(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, done the first time the pattern is used (typed as the pattern it stands for)."""
    return cast("re.Pattern[str]", LazyPattern(source, flags))
