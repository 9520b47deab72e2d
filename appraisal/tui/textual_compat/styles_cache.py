"""Render caches that go with their widget: Textual's `StylesCache.get_inner_outer` is an `lru_cache` on a method,
so its key holds the widget's `StylesCache` (and every line it drew) alive after the widget is gone: the last 1,024
of them, for the whole run (Textualize/textual#6665). A dialog opened and closed, a toast, a rebuilt panel each
leave theirs behind. The method never reads its instance: the same two styles are kept here by the two colours
alone, so a widget's cache goes when the widget goes.

`keep_no_render_caches()` puts this method on StylesCache (once the installed Textual is the one it was made for;
Textual's own otherwise).
"""

from __future__ import annotations

from functools import lru_cache

from textual._styles_cache import StylesCache
from textual.color import Color
from textual.style import Style

from appraisal.tui.textual_compat import patches_on

TEXTUAL_GET_INNER_OUTER = StylesCache.get_inner_outer
"""Textual's own method, as it was before the patch (the manifest pins its source through this name: once an app
has started, StylesCache's attribute is ours)."""


@lru_cache(1024)
def _inner_outer(base_background: Color, background: Color) -> tuple[Style, Style]:
    """Textual's get_inner_outer: the inner and outer background styles."""
    return (
        Style(background=base_background + background),
        Style(background=base_background),
    )


def get_inner_outer(self: StylesCache, base_background: Color, background: Color) -> tuple[Style, Style]:
    """StylesCache.get_inner_outer, kept by the colours only (not by the StylesCache asking)."""
    return _inner_outer(base_background, background)


get_inner_outer.cache_clear = _inner_outer.cache_clear  # type: ignore[attr-defined]  # as Textual's lru_cache had


def keep_no_render_caches() -> None:
    """Every StylesCache from now on asks `get_inner_outer` here (when the patches are on)."""
    if patches_on():
        StylesCache.get_inner_outer = get_inner_outer  # type: ignore[method-assign,assignment]
