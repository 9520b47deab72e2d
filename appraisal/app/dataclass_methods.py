"""The methods `dataclasses` writes for each dataclass, compiled once per installation rather than once per process.

`@dataclass` writes the source of `__init__`, `__repr__`, `__eq__`… of each class and compiles it with `exec`: about
0.1 ms a method, 500 methods and 45 ms of every `appraisal check` (the program's own 56 dataclasses and those of the
libraries it imports). The source of a method depends only on the class's fields and options, so the code compiled
from it can be kept: `use_kept_code` gives `dataclasses` an `exec` that runs the code kept for a source (by an
earlier run, `appraisal.app.warm_start`) and compiles the others as `exec` does, noting them for the next run
(`new_code`).

What it runs is what `exec` would have run: `exec` of a source compiles it as the file "<string>" with the future
features of the code calling it, and the kept code is compiled as "<string>" with none; the `exec` is given to
`dataclasses` only where its own code uses no future feature and writes its methods with `exec` (CPython 3.11–3.13).
The kept file is per interpreter build (its tag names the version), checksummed and private to the user, as the
bytecode Python caches beside a module.
"""

from __future__ import annotations
import __future__

import builtins
import dataclasses
from types import CodeType
from typing import Any

__all__ = ["new_code", "use_kept_code"]

_FUTURE_FLAGS = 0
for _feature in __future__.all_feature_names:
    _FUTURE_FLAGS |= getattr(__future__, _feature).compiler_flag

_known: dict[str, CodeType] = {}  # handed in by `use_kept_code`
_made: dict[str, CodeType] = {}  # compiled in this process, for the next run
_real_exec = builtins.exec


def _writes_with_exec() -> bool:
    """Whether `dataclasses` compiles its methods with the builtin `exec` and no future feature of its own."""
    maker = getattr(dataclasses, "_create_fn", None) or getattr(dataclasses, "_FuncBuilder", None)
    code = getattr(getattr(maker, "add_fns_to_class", maker), "__code__", None)
    return (
        isinstance(code, CodeType)
        and "exec" in code.co_names
        and not code.co_flags & _FUTURE_FLAGS
        and vars(dataclasses).get("exec", _exec) is _exec  # nobody else gave it an `exec`
    )


def _exec(source: object, globals_: dict[str, Any] | None = None, locals_: Any = None) -> None:
    """`exec` for `dataclasses`: the code kept for a source, or the source compiled as `exec` compiles it."""
    if type(source) is not str:
        _real_exec(source, globals_, locals_)  # type: ignore[arg-type]
        return
    code = _known.get(source) or _made.get(source)
    if code is None:
        code = _made[source] = compile(source, "<string>", "exec", dont_inherit=True)
    _real_exec(code, globals_, locals_)


def use_kept_code(kept: dict[Any, Any]) -> None:
    """Write dataclasses' methods from `kept` (source → code, from an earlier run of this interpreter build) from
    now on, and note the code of the others (`new_code`); nothing changes where `dataclasses` works otherwise."""
    if not _writes_with_exec():
        return
    _known.update((source, code) for source, code in kept.items() if type(source) is str and type(code) is CodeType)
    dataclasses.exec = _exec  # type: ignore[attr-defined]  # found before the builtin by `dataclasses`' own code


def new_code() -> dict[str, CodeType]:
    """The methods compiled in this process that were not kept."""
    return dict(_made)
