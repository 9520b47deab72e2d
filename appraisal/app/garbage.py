"""Collections of garbage while a face starts: seldom, as mypy runs (`mypy.gc.tune_gc`: 200,000 allocations
between collections of the youngest objects instead of CPython's 700), until the face is up.

Starting makes hundreds of thousands of objects that stay (modules, classes, the editor's widgets, the language
model) and the collector walked them again and again, finding nothing: ~20% of the CPU `appraisal edit` spent
before its text was on the screen. A short command (`appraisal check`, `appraisal.app.short_command`) keeps the
seldom collections to its end; the editor goes back to the usual ones once its first frame is drawn
(`collect_as_usual`), so a long session collects as before."""

from __future__ import annotations

import gc
import sys

YOUNGEST = 200_000  # allocations between collections of the youngest objects (CPython's default: 700)
OLDER = 30  # collections of one generation between collections of the next (default: 10)

_usual: tuple[int, int, int] | None = None  # the thresholds to go back to, while collections are seldom


def collect_seldom() -> None:
    """Collect garbage seldom from now on (CPython only: another collector has other thresholds)."""
    global _usual
    if sys.implementation.name == "cpython" and _usual is None:
        _usual = gc.get_threshold()
        gc.set_threshold(YOUNGEST, OLDER, OLDER)


def collect_as_usual() -> None:
    """Back to the thresholds as they were before `collect_seldom` (nothing when it was not called)."""
    global _usual
    if _usual is not None:
        gc.set_threshold(*_usual)
        _usual = None
