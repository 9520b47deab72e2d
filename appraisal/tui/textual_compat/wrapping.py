"""The line-breaking hook: Textual's WrappedDocument, wrapping by the Chinese rules (appraisal.text.line_breaking).

Textual's `WrappedDocument.wrap` and `wrap_range` call `compute_wrap_offsets` by its global name; these are the
same functions (same code object) run with that one name bound to our `wrap_offsets` (same signature), so
Textual's incremental rewrapping stays as it is and only where a line may break changes.

`height` is also Textual's, counted in O(1): Textual sums the breaks of every line of the document, and TextArea
asks for it for every line it draws (1.6 million 字 in a section: about 3 ms a line, 0.1 s a frame). `wrap` and
`wrap_range` keep one entry in `_offset_to_line_info` per wrapped line, so its length is the same number.
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

    @property
    def height(self) -> int:
        """The height of the wrapped document: one entry of `_offset_to_line_info` per wrapped line."""
        return len(self._offset_to_line_info)


def chinese_wrapped(value: WrappedDocument) -> WrappedDocument:
    """`value` as a ChineseWrappedDocument (TextArea builds a plain one, still unwrapped, for every new text)."""
    if isinstance(value, ChineseWrappedDocument):
        return value
    return ChineseWrappedDocument(value.document, value._width, value._tab_width)
