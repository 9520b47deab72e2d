"""`halfwidth-punctuation`: half-width `, ; : ? ! ( )` in Chinese text, and its fix."""

from __future__ import annotations

import pytest

from appraisal.checks import RULES, CheckOptions, apply_fixes, check_draft, check_section, fix_draft

from .marks import draft_with, spans_of, template

POSITIVES = [
    "坚持问题导向⟦,⟧把调查研究作为履职尽责的基本功。",
    "主要做了以下几方面工作⟦:⟧",
    "一是加强学习⟦;⟧二是改进作风⟦;⟧三是狠抓落实。",
    "如何把群众满意作为工作标准⟦?⟧这是我一直思考的问题。",
    "撸起袖子加油干⟦!⟧",
    "统计时间⟦:⟧2025年1月至11月。",
    "在2025年⟦(⟧含⟦)⟧以前完成改造。",
    "⟦(⟧一⟦)⟧加强政治理论学习",
    "推动GDP⟦(⟧地区生产总值⟦)⟧稳步增长。",
    "例如⟦: ⟧走访企业、召开座谈会、发放问卷。",
    "企业反映的问题⟦ , ⟧都已协调解决。",
    "“放管服”改革⟦,⟧取得明显成效。",
    "全年办结（含转办⟦)⟧案件120件。",
    "圆满完成年度目标任务⟦.⟧下一步将继续巩固提升。",
    "群众满意度持续提升⟦.⟧",
    "社会消费品零售总额下降3.4%⟦;⟧全年新增限上企业23家。",
    "全年新增就业1260人⟦,⟧完成目标任务的105%。",
    "推动GDP⟦,⟧税收收入稳步增长。",
    "完成投资XX亿元，同比增长XX⟦,⟧高于全市平均水平。",
    "在2025年（含⟦)⟧⟦,⟧各项指标全面完成。",
    "严格落实中央八项规定精神⟦,,⟧驰而不息纠治“四风”。",
    "一⟦.⟧加强政治理论学习",
]

NEGATIVES = [
    "全年完成外贸进出口总额1,234,567万元。",
    "每天上午8:30至12:00在窗口值班。",
    "按1:1比例安排区级配套资金。",
    "推广应用Python, Java等编程语言开发的系统。",
    "详见 http://www.example.gov.cn/news?id=1,2;3 的公告。",
    "推进f(x)模型和(1)号方案的比选。",
    "Hello, world! 是培训中的第一个程序。",
    "联系邮箱 zhou.my@example.com, 欢迎来信。",
    "建成“15分钟便民生活圈”，比例达到3:2。",
    "学习强国积分排名第1, 第2名分别为科室同志。",
    "the term (digital trade) was discussed.",
    "组织开展“三会一课”，全年共12次。",
    "详见[区商务局网站](#工作动态)。",
    "全年完成投资3.5亿元，同比增长12.6%。",
    "相关材料已整理为工作总结.docx和台账.xlsx报送。",
    "同比增长8.5%, 9.2%和10.1%分别是三个季度的增速。",
    "推广使用Python,Java等语言开发的政务系统。",
    "1. 加强政治理论学习",
    "各类会议……全年共召开12次...",
    "版本号为v2.3.1，运行稳定。",
]


@pytest.mark.parametrize("marked", POSITIVES)
def test_halfwidth_found(marked: str) -> None:
    found, expected = spans_of("halfwidth-punctuation", marked)
    assert expected
    assert found == expected


@pytest.mark.parametrize("marked", NEGATIVES)
def test_halfwidth_not_found(marked: str) -> None:
    found, expected = spans_of("halfwidth-punctuation", marked)
    assert expected == []
    assert found == []


def test_enough_cases() -> None:
    assert len(POSITIVES) >= 10 and len(NEGATIVES) >= 10


def test_fix_replaces_the_mark_and_its_spaces() -> None:
    text = "坚持问题导向 , 把调查研究作为基本功:\n在2025年(含)以前完成,时间:8:30。"
    draft = draft_with("conduct", text)
    found = [f for f in check_section(draft, template(), "conduct") if f.rule == "halfwidth-punctuation"]
    assert [(f.line, f.column, f.end_column, f.fix) for f in found] == [
        (1, 7, 10, "，"),
        (1, 20, 21, "："),
        (2, 7, 8, "（"),
        (2, 9, 10, "）"),
        (2, 14, 15, "，"),
        (2, 17, 18, "："),
    ]
    assert found[0].message == "中文里的半角“,”应改为全角“，”。"
    assert apply_fixes(text, found) == "坚持问题导向，把调查研究作为基本功：\n在2025年（含）以前完成，时间：8:30。"


def test_fix_of_glued_doubled_and_dotted_marks() -> None:
    text = "一.加强学习\n社会消费品零售总额下降3.4%;全年新增限上企业23家,,完成目标任务.下一步继续努力!!"
    draft = draft_with("conduct", text)
    found = [f for f in check_section(draft, template(), "conduct") if f.rule == "halfwidth-punctuation"]
    assert [f.fix for f in found] == ["、", "；", "，", "。", "！！"]
    assert found[2].message == "半角“,,”重复，应改为一个全角“，”。"
    assert found[0].message == "中文序号后的半角“.”应改为顿号“、”。"
    assert (
        apply_fixes(text, found)
        == "一、加强学习\n社会消费品零售总额下降3.4%；全年新增限上企业23家，完成目标任务。下一步继续努力！！"
    )


def test_the_title_is_checked_and_fixed() -> None:
    draft = draft_with("conduct", "坚持问题导向，把调查研究作为基本功。")
    draft.title = "2025年度个人总结(区商务局)"
    found = [(f.section, f.column, f.fix) for f in check_draft(draft, template()) if f.rule == "halfwidth-punctuation"]
    assert found == [(None, 11, "（"), (None, 16, "）")]
    assert fix_draft(draft, template()) == 2
    assert draft.title == "2025年度个人总结（区商务局）"


def test_fix_draft_fixes_every_section_in_place() -> None:
    draft = draft_with("conduct", "坚持问题导向,把调查研究作为基本功。", study="学习《条例》;撰写心得。")
    assert fix_draft(draft, template()) == 2
    assert draft.sections["conduct"] == "坚持问题导向，把调查研究作为基本功。"
    assert draft.sections["study"] == "学习《条例》；撰写心得。"
    assert fix_draft(draft, template()) == 0


def test_fix_draft_respects_disabled_rules() -> None:
    draft = draft_with("conduct", "坚持问题导向,把调查研究作为基本功。")
    assert fix_draft(draft, template(), CheckOptions(disabled=frozenset({"halfwidth-punctuation"}))) == 0
    assert "," in draft.sections["conduct"]


def test_apply_fixes_skips_overlapping_and_stale_fixes() -> None:
    from appraisal.checks import Finding

    text = "甲,乙"
    first = Finding("halfwidth-punctuation", "warning", "conduct", 1, 2, 3, "", "，")
    overlapping = Finding("halfwidth-punctuation", "warning", "conduct", 1, 1, 3, "", "X")
    beyond = Finding("halfwidth-punctuation", "warning", "conduct", 3, 1, 2, "", "，")
    assert apply_fixes(text, [first, overlapping, beyond]) == "甲，乙"


def test_rule_is_a_fixable_warning() -> None:
    assert (RULES["halfwidth-punctuation"].severity, RULES["halfwidth-punctuation"].fixable) == ("warning", True)
