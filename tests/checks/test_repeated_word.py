"""`repeated-word`: a word typed twice by accident, with the doublings the language uses exempt."""

from __future__ import annotations

import pytest

from appraisal.checks import apply_fixes, check_section

from .marks import draft_with, template, unmark

RULE = "repeated-word"


def found(text: str) -> list[tuple[int, int, str | None]]:
    draft = draft_with("results.service", text)
    return [
        (f.column, f.end_column, f.fix) for f in check_section(draft, template(), "results.service") if f.rule == RULE
    ]


@pytest.mark.parametrize(
    "marked",
    [
        "要进一步⟦进一步⟧加强管理。",
        "这是我们的⟦的⟧工作重点。",
        "我们在⟦在⟧工作中发现了问题。",
        "迈上新的⟦的⟧起点。",
    ],
)
def test_a_doubled_word_is_found_and_the_second_copy_dropped(marked: str) -> None:
    text, spans = unmark(marked)
    (_rule, _line, column, end) = spans[0]
    assert found(text) == [(column, end, "")]
    draft = draft_with("results.service", text)
    mine = [f for f in check_section(draft, template(), "results.service") if f.rule == RULE]
    assert apply_fixes(text, mine) == text[: column - 1] + text[end - 1 :]


@pytest.mark.parametrize(
    "text",
    [
        "我们要讨论讨论这个问题，研究研究下一步工作。",  # a verb said twice
        "把问题说得清清楚楚，的的确确是这样。",  # AABB and doubled characters inside a word
        "决不能不了了之，要一步一步地推进，一次一次地督促。",
        "天天向上，人人参与，家家户户，方方面面，上上下下。",
        "常常、刚刚、慢慢地、是是非非。",
        "但是是否可行还要研究。",
        "说了了解情况，高高兴兴上班。",
    ],
)
def test_hard_negatives_stay_silent(text: str) -> None:
    assert found(text) == []
