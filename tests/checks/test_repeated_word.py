"""`repeated-word`: a word typed twice by accident, with the doublings the language uses exempt."""

from __future__ import annotations

from typing import Any

import pytest

from appraisal.checks import apply_fixes, check_section
from appraisal.checks.lexicon import load_data

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
        "要切实⟦切实⟧加强管理。",  # an adverb never doubles
        "确保⟦确保⟧安全生产形势稳定。",  # nor a verb of result
        "认真⟦认真⟧学习党的理论。",  # an adjective doubles AABB (认认真真), never ABAB
        "不断⟦不断⟧提升服务水平。",
        "以及⟦以及⟧各类风险。",  # a conjunction
        "我们⟦我们⟧要做好工作。",  # a pronoun
        "能够⟦能够⟧按时完成。",  # a modal verb
        "我们⟦们⟧一定按时完成。",  # a word's last character typed once more
        "按照⟦照⟧上级要求抓好落实。",
        "各位领导、同志⟦志⟧们：",
        "他被⟦被⟧打了一顿。",  # a passive doubled before a verb alone
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
        "这件事再商量商量，学习学习先进经验，看看效果。",  # 商量 is a noun in the dictionary
        "把环境打扫得干干净净，考虑方方面面，常常、天天、一个一个地解决。",
        "学习学习再学习，周末让大家高兴高兴。",
        "大家看着看着笑了起来，说着说着就到了。",  # V着V着
        "以资本增值为目的的经营，也可以以某种方式到达，认为为时尚早。",  # a particle or preposition after the word
        "衣服一件件地脱，一块块碧绿的草坪，逗逗乐乐，喘喘气。",
        "按照照片上的样子布置，学习习近平总书记重要讲话。",
        # a word's last character that stands as a word or begins the next one (clean public reports)
        "对全年工作作总点评。",
        "我省省文明单位创建工作。",
        "整治集镇镇容镇貌。",
        "解决收入不平等等问题。",
        "省示范性高中中是唯一的。",
        "十里八乡的百姓家家都有种植牡丹的传统，贫困村村平集体经济收入达3万元。",  # 家家, 村村: every
        "提出审计建议86条，均被被审计单位采纳。",  # 被审计单位, the unit audited (flagged before)
    ],
)
def test_hard_negatives_stay_silent(text: str) -> None:
    assert found(text) == []


ENTRIES = load_data("reduplication")


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["kind"] for e in ENTRIES])
def test_reduplication_entry(entry: dict[str, Any]) -> None:
    """Every listed word said twice is silent; each entry's example (a word off the list) is found."""
    assert found(entry["negative"]) == []
    for word in entry["words"]:
        assert len(word) == 2 and word[0] != word[1]
        assert found(f"我们要{word}{word}。") == [], word
    assert len(found(entry["example"])) == 1


def test_a_doubled_noun_is_reported_without_a_fix() -> None:
    assert found("落实党委主体主体责任。") == [(7, 9, None)]
