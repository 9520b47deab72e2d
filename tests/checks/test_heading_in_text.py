"""`heading-in-text`: a template heading pasted into section text."""

from __future__ import annotations

import pytest

from appraisal.checks import RULES, check_section

from .marks import draft_with, spans_of, template

POSITIVES = [
    "⟦三、四项主要工作实绩⟧",
    "⟦（一）服务中心实绩。⟧一年来，紧紧围绕区委中心工作，全力稳住消费基本盘。",
    "紧紧围绕中心工作。\n⟦五、党建工作⟧\n认真履行“一岗双责”。",
    "⟦党建工作⟧",
    "⟦二、品行修养方面⟧",
    "⟦(四)有潜在、长远效应基础工作实绩⟧",
    "⟦## 廉政建设⟧",
    "⟦（2）最需要提高的一个方面能力：⟧运用数字化手段分析研判的能力还不够强。",
    "　　⟦六、依法行政⟧",
    "⟦第七部分 廉政建设⟧",
    "⟦1.分管工作实绩⟧",
    "⟦八、最不满意的一项工作和急需提高的一个方面能力⟧",
    "⟦四、党风廉政建设⟧",
]

NEGATIVES = [
    "一、加强政治理论武装，筑牢思想根基",
    "1.加强学习",  # an alias too short to tell from the writer's own point
    "（一）廉洁自律",
    "在党建工作方面，我始终坚持“一岗双责”。",
    "三是抓好廉政建设。",
    "党建工作是一切工作的根本保证。",
    "（二）坚持以人民为中心的发展思想",
    "二、存在不足",
    "廉政建设：严格落实中央八项规定精神。",
    "开头语",  # the intro has no printed heading
    "依法行政，是对每一名公务员的基本要求。",
    "理论学习中心组全年集体学习14次。",
]


@pytest.mark.parametrize("marked", POSITIVES)
def test_heading_found(marked: str) -> None:
    found, expected = spans_of("heading-in-text", marked, section="party")
    assert expected
    assert found == expected


@pytest.mark.parametrize("marked", NEGATIVES)
def test_heading_not_found(marked: str) -> None:
    found, expected = spans_of("heading-in-text", marked, section="party")
    assert expected == []
    assert found == []


def test_enough_cases() -> None:
    assert len(POSITIVES) >= 10 and len(NEGATIVES) >= 10


def test_message() -> None:
    draft = draft_with("party", "五、党建工作\n认真履行“一岗双责”。")
    found = [f for f in check_section(draft, template(), "party") if f.rule == "heading-in-text"]
    assert [(f.line, f.column, f.end_column) for f in found] == [(1, 1, 7)]
    assert found[0].message == "“五、党建工作”像是模板的栏目标题，导出时会自动加上标题，正文中不必再写。"


def test_rule_is_a_warning() -> None:
    assert (RULES["heading-in-text"].severity, RULES["heading-in-text"].fixable) == ("warning", False)
