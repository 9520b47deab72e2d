"""`unbalanced-quote`: quotes, book-title marks and parentheses that do not pair up within a paragraph."""

from __future__ import annotations

import pytest

from appraisal.checks import RULES, check_section

from .marks import draft_with, spans_of, template

POSITIVES = [
    "深刻领悟⟦“⟧两个确立的决定性意义，坚决做到“两个维护”。",
    "深刻领悟“两个确立⟦“⟧的决定性意义。",
    "深刻领悟⟦”⟧两个确立”的决定性意义。",
    "认真研读《习近平谈治国理政》第五卷和⟦《⟧习近平关于调查研究论述摘编等书目。",
    "认真研读习近平谈治国理政⟦》⟧第五卷。",
    "坚持⟦‘⟧两手抓，两手都要硬。",
    "全年办结案件120件⟦（⟧其中简易程序办结86件。",
    "全年办结案件120件，其中简易程序办结86件⟦）⟧。",
    "开展“诚信经营示范店⟦“⟧创建活动，落实⟦“⟧三重一大制度。",
    "学习“关于⟦“⟧三重一大”决策制度的实施意见”。",
    "制定《关于⟦《⟧条例》的实施细则》，细化工作流程。",
    "贯彻⟦（⟧一加强领导的要求（二）完善机制。",
]

NEGATIVES = [
    "深刻领悟“两个确立”的决定性意义，坚决做到“两个维护”。",
    "认真研读《习近平谈治国理政》第五卷和《习近平关于调查研究论述摘编》等书目。",
    "带头落实“三会一课”（含主题党日）制度，讲专题党课2次。",
    "他在会上说：“要把‘群众满意’作为第一标准。”",
    "按照Xi’an会议精神和O’Brien教授的建议推进合作。",
    "推进f(x)模型优化，形成1)2)3)三类方案。",
    "全年办结案件120件（其中简易程序办结86件)。",
    "编制《区商贸流通业发展规划（2025—2030年）》。",
    "深入学习《〈中华人民共和国行政处罚法〉释义》。",
    "详见 http://www.example.gov.cn/a 中“附件”的说明。",
    "开展“我为群众办实事”实践活动，解决“急难愁盼”问题56件。",
    "一、加强政治理论学习（二）",
    "1）加强学习；2）改进作风；a）其他。",
]


@pytest.mark.parametrize("marked", POSITIVES)
def test_unbalanced_found(marked: str) -> None:
    found, expected = spans_of("unbalanced-quote", marked)
    assert expected
    assert found == expected


@pytest.mark.parametrize("marked", NEGATIVES)
def test_unbalanced_not_found(marked: str) -> None:
    found, expected = spans_of("unbalanced-quote", marked)
    assert expected == []
    assert found == []


def test_enough_cases() -> None:
    assert len(POSITIVES) >= 10 and len(NEGATIVES) >= 10


def test_each_paragraph_is_checked_on_its_own() -> None:
    draft = draft_with("conduct", "坚持“两个确立\n全面落实各项部署。\n”的决定性意义。")
    found = [f for f in check_section(draft, template(), "conduct") if f.rule == "unbalanced-quote"]
    assert [(f.line, f.column, f.end_column) for f in found] == [(1, 3, 4), (3, 1, 2)]
    assert found[0].message == "左引号“没有对应的右引号”。"
    assert found[1].message == "右引号”没有对应的左引号“。"


def test_a_quotation_broken_across_two_paragraphs_is_a_broken_line() -> None:
    draft = draft_with("conduct", "坚持“两个确立\n”的决定性意义。")
    found = [(f.rule, f.line, f.column) for f in check_section(draft, template(), "conduct") if f.line]
    assert [f for f in found if f[0] in ("unbalanced-quote", "broken-line", "punctuation")] == [("broken-line", 1, 3)]


def test_a_quotation_of_several_paragraphs_opens_each_and_closes_the_last() -> None:
    """GB/T 15834: a quotation of several paragraphs opens every paragraph with “ and closes only the last one."""
    quoted = (
        "书记提出三点要求：\n“一要把学习抓在日常。\n“二要把调研做在基层。\n“三要把落实放在首位。”\n我们逐条抓了落实。"
    )
    draft = draft_with("conduct", quoted)
    assert [f for f in check_section(draft, template(), "conduct") if f.rule == "unbalanced-quote"] == []
    never_closed = "书记提出两点要求：\n“一要把学习抓在日常。\n“二要把调研做在基层。\n我们逐条抓了落实。"
    draft = draft_with("conduct", never_closed)
    found = [(f.line, f.column) for f in check_section(draft, template(), "conduct") if f.rule == "unbalanced-quote"]
    assert found == [(2, 1), (3, 1)]


def test_messages_say_what_is_wrong() -> None:
    draft = draft_with("conduct", "领悟“两个确立“的意义，学习“关于“三重一大”制度”。")
    found = [f for f in check_section(draft, template(), "conduct") if f.rule == "unbalanced-quote"]
    assert [(f.column, f.message) for f in found] == [
        (8, "这里应为右引号”，写成了左引号“。"),
        (18, "双引号里面又用了双引号，里层应改用单引号‘’。"),
    ]


def test_rule_is_a_warning() -> None:
    assert (RULES["unbalanced-quote"].severity, RULES["unbalanced-quote"].fixable) == ("warning", False)
