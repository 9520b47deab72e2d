"""The line-breaking hook: Textual's WrappedDocument, wrapping by the Chinese rules (appraisal.text.line_breaking).

Textual's `WrappedDocument.wrap` and `wrap_range` call `compute_wrap_offsets` by its global name; these are the
same functions (same code object) run with that one name bound to our `wrap_offsets` (same signature), so
Textual's incremental rewrapping stays as it is and only where a line may break changes.
"""

from __future__ import annotations

import functools
import types
from collections.abc import Callable
from typing import Any

from textual.document._wrapped_document import WrappedDocument

from appraisal.text.line_breaking import wrap_offsets


def _with_line_breaking(method: Callable[..., Any]) -> Any:
    """`method` of Textual's WrappedDocument, run with our 禁则 `wrap_offsets` where it calls Textual's
    `compute_wrap_offsets`."""
    names = dict(method.__globals__, compute_wrap_offsets=wrap_offsets)
    function = types.FunctionType(method.__code__, names, method.__name__, method.__defaults__, method.__closure__)
    function.__kwdefaults__ = method.__kwdefaults__
    return functools.update_wrapper(function, method)


class ChineseWrappedDocument(WrappedDocument):
    """The section's text wrapped by the rules of Chinese line breaking."""

    wrap = _with_line_breaking(WrappedDocument.wrap)
    wrap_range = _with_line_breaking(WrappedDocument.wrap_range)


def chinese_wrapped(value: WrappedDocument) -> WrappedDocument:
    """`value` as a ChineseWrappedDocument (TextArea builds a plain one, still unwrapped, for every new text)."""
    if isinstance(value, ChineseWrappedDocument):
        return value
    return ChineseWrappedDocument(value.document, value._width, value._tab_width)
