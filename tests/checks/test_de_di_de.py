"""`de-di-de`: 的/地/得 mixed up, each shape with hard negatives beside it; the marks (`⟦…⟧`) say where."""

from __future__ import annotations

import pytest

from appraisal.checks import apply_fixes, check_section

from .marks import draft_with, template, unmark

RULE = "de-di-de"


def found(text: str) -> list[tuple[int, int, str | None]]:
    draft = draft_with("results.service", text)
    return [
        (f.column, f.end_column, f.fix) for f in check_section(draft, template(), "results.service") if f.rule == RULE
    ]


@pytest.mark.parametrize(
    ("marked", "right"),
    [
        ("我们要认真⟦的⟧落实各项政策。", "地"),  # adverbial before a verb that takes its object
        ("扎扎实实⟦的⟧开展了主题教育。", "地"),
        ("积极主动⟦的⟧配合各部门工作。", "地"),
        ("各项工作完成⟦的⟧很好。", "得"),  # complement of degree at the end of a clause
        ("个别问题整改落实⟦的⟧不到位，仍需加强。", "得"),
        ("这里有美丽⟦地⟧风景。", "的"),  # before a plain noun
    ],
)
def test_a_mixed_up_de_is_found_and_fixed(marked: str, right: str) -> None:
    text, spans = unmark(marked)
    (_rule, _line, column, end) = spans[0]
    assert found(text) == [(column, end, right)]
    draft = draft_with("results.service", text)
    mine = [f for f in check_section(draft, template(), "results.service") if f.rule == RULE]
    assert apply_fixes(text, mine) == text[: column - 1] + right + text[column:]


@pytest.mark.parametrize(
    "text",
    [
        "我们要认真地落实各项政策。",  # the right forms
        "各项工作完成得很好。",
        "认真的学习态度值得肯定。",  # 的 before a noun-verb used as a noun
        "努力实现全面的发展。",
        "取得了很大的成绩。",
        "有计划地组织学习，热情地服务群众。",
        "深入基层，实地调研，了解当地群众的困难，推动土地流转。",
        "他是个认真的人。",
        "这是我们的不足。",
        "取得的成绩很好。",  # 的 after a verb that makes a noun phrase, then a clause of its own
        "群众的满意度很高。",
        "班子的凝聚力不够。",
        "坚定的理想信念是干部的立身之本。",
    ],
)
def test_hard_negatives_stay_silent(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("marked", "right"),
    [("发展取⟦的⟧新成效。", "得"), ("我觉⟦的⟧很好。", "得"), ("这是值⟦的⟧肯定的做法。", "得")],
)
def test_de_written_for_the_de_of_a_word(marked: str, right: str) -> None:
    text, spans = unmark(marked)
    assert found(text) == [(spans[0][2], spans[0][3], right)]


@pytest.mark.parametrize(
    "text", ["所获的荣誉。", "把他不懂的问题再教给他。", "学到最难的课。", "他说的话很对。", "快快乐乐地过日子。"]
)
def test_de_after_a_word_of_its_own_is_right(text: str) -> None:
    assert found(text) == []
