"""TOML written by users (templates, `config.toml`), parsed with its nesting bounded; and the program's own data
files, parsed once per installation.

Python's `tomllib` parses arrays and inline tables by recursion: a shared template holding an array nested 2,000
deep ended `templates`, `import`, `check` and `export` in a RecursionError traceback, and the start screen with
them. The text is scanned for its deepest bracket before it is parsed, and the parsed value measured again (table
headers and dotted keys nest without brackets), so nothing deeper than MAX_NESTING reaches the parser or the
validation behind it.

The word lists and facts shipped under `appraisal/checks/data/` (`loads_shipped`) took 10–15 ms of every `check`
to parse. A face may hand this module the parses kept by an earlier run (`use_kept_tables`, read and written by
`appraisal.app.warm_start`), found by the SHA-1 of the text: a changed file is parsed again. Only shipped files go
there, never a user's (a `config.toml` may hold an API key).
"""

from __future__ import annotations

import contextlib
import marshal
import re
from typing import TYPE_CHECKING, Any

from appraisal.text.digest import sha1
from appraisal.text.lazy_regex import lazy_compile

if TYPE_CHECKING:
    from tomllib import TOMLDecodeError as TOMLDecodeError

MAX_NESTING = 32
"""Deeper than any template or setting needs (a template's sections nest three levels), far below the
interpreter's recursion limit."""

_TOKEN = lazy_compile(r'"""|\'\'\'|"|\'|#|[\[\]{}]')
_ENDS = {'"""': lazy_compile(r'(?:[^"\\]|\\.|"(?!""))*"""', re.S), "'''": lazy_compile(r".*?'''", re.S)}
_ENDS['"'] = lazy_compile(r'(?:[^"\\\n]|\\.)*(?:"|$)', re.M)
_ENDS["'"] = lazy_compile(r"[^'\n]*(?:'|$)", re.M)
_ENDS["#"] = lazy_compile(r"[^\n]*")


class TooDeep(ValueError):
    """The text nests arrays or tables deeper than MAX_NESTING."""


def bracket_depth(text: str) -> int:
    """The deepest nesting of `[` and `{` in `text`, outside strings and comments (a rough reading of malformed
    text is enough: the parser says what is wrong with it)."""
    depth = deepest = 0
    position = 0
    while match := _TOKEN.search(text, position):
        token, position = match.group(), match.end()
        if token in _ENDS:
            end = _ENDS[token].match(text, position)
            position = end.end() if end else len(text)
        elif token in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth = max(0, depth - 1)
    return deepest


def value_depth(value: object) -> int:
    """How deep tables and arrays nest in a parsed value, measured without recursion."""
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: list[object] = list(item.values())
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth + 1)
        if deepest > MAX_NESTING:
            return deepest
        stack.extend((child, depth + 1) for child in children)
    return deepest


def loads(text: str) -> dict[str, Any]:
    """`tomllib.loads`, raising TooDeep before parsing text that nests too deep (and TOMLDecodeError as usual)."""
    if bracket_depth(text) > MAX_NESTING:
        raise TooDeep
    try:
        import tomllib  # ~8 ms: a check whose templates and data were kept parses no TOML

        data = tomllib.loads(text)
    except RecursionError as exc:  # not expected after the scan; never a traceback all the same
        raise TooDeep from exc
    if value_depth(data) > MAX_NESTING:
        raise TooDeep
    return data


def too_deep_message(kind: str, path: object) -> str:
    """One sentence naming the file (`kind`: 模板文件, 设置文件)."""
    return f"{kind} {path} 嵌套层数过多（超过 {MAX_NESTING} 层），无法读取，请检查其中的方括号和花括号是否成对。"


_kept: dict[bytes, bytes] = {}  # SHA-1 of a shipped file's text → its parsed value, marshalled
_new: dict[bytes, bytes] = {}  # parsed in this process since `use_kept_tables`
_keeping = False


def use_kept_tables(tables: dict[bytes, bytes]) -> None:
    """Answer `loads_shipped` from `tables` (kept by an earlier run), and note what still has to be parsed."""
    global _keeping
    _kept.update(tables)
    _keeping = True


def new_kept_tables() -> dict[bytes, bytes]:
    """The parses `loads_shipped` made since `use_kept_tables`: worth keeping."""
    return dict(_new)


def loads_shipped(text: str) -> dict[str, Any]:
    """`tomllib.loads` of a data file shipped with the program: a fresh copy of the parse kept for the same text
    when there is one."""
    key = sha1(text.encode("utf-8")).digest()
    kept = _kept.get(key)
    if kept is not None:
        with contextlib.suppress(Exception):  # a damaged parse: parsed again below
            value = marshal.loads(kept)
            if isinstance(value, dict):
                return value
        _kept.pop(key, None)
    import tomllib

    data = tomllib.loads(text)
    if _keeping:
        with contextlib.suppress(ValueError):  # a value marshal cannot hold (a TOML date): not kept
            _new[key] = marshal.dumps(data)
    return data


def __getattr__(name: str) -> Any:
    """`TOMLDecodeError`, importing `tomllib` only when asked (an `except toml_data.TOMLDecodeError` clause asks
    when an exception passes it, not when the code around it runs)."""
    if name == "TOMLDecodeError":
        import tomllib

        return tomllib.TOMLDecodeError
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
