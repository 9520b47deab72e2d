"""The mark helper itself: positions in code points, 1-based, end exclusive, per line."""

from __future__ import annotations

from .marks import unmark


def test_unmark_counts_code_points_per_line() -> None:
    text, spans = unmark("同比增长⟦%⟧，\n投资⟦missing-figure:万元⟧和⟦⟧")
    assert text == "同比增长%，\n投资万元和"
    assert spans == [(None, 1, 5, 6), ("missing-figure", 2, 3, 5), (None, 2, 6, 6)]


def test_unmark_astral_characters_count_once() -> None:
    text, spans = unmark("𠀀𠀁⟦XX⟧")
    assert text == "𠀀𠀁XX"
    assert spans == [(None, 1, 3, 5)]
