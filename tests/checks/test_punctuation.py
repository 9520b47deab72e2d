"""`punctuation` (GB/T 15834): ellipses, doubled marks, wrong quote glyphs, a paragraph opening with a mark, page
numbers inside the text, spaces inside Chinese. Positives and hard negatives in the style of real reports."""

from __future__ import annotations

import pytest

from appraisal.checks import RULES, apply_fixes, check_draft, check_section

from .marks import draft_with, spans_of, template

POSITIVES = [
    "开展了走访企业、召开座谈会⟦...⟧等一系列活动。",
    "开展了走访企业、召开座谈会⟦……⟧等一系列活动。",  # GB/T 15834: an ellipsis and 等 are not used together
    "全面推进各项工作⟦。。。⟧",
    "包括内贸、外贸、电商⟦…⟧各个领域。",
    "圆满完成了全年目标任务⟦。。⟧下一步将继续努力。",
    "深化“放管服”改革⟦，，⟧优化营商环境。",
    '开展⟦"⟧放管服⟦"⟧改革，群众满意度明显提升。',
    "落实⟦„⟧一岗双责⟦‟⟧要求。",
    "⟦，⟧全年完成投资12亿元。",
    "　　⟦。⟧下一步，将继续抓好落实。",
    "全年共办理行政许可⟦ - 2 - ⟧事项126件，按期办结率100%。",
    "⟦— 3 —⟧",
    "全面⟦ ⟧推进商贸流通体系建设。",
    "各项工作⟦ ⟧，稳步推进。",
    "坚持问题导向。⟦　⟧深入开展调查研究。",
]

NEGATIVES = [
    "根据区政府〔…〕号文件要求，填写【…】。",  # a blank in brackets: placeholder reports it
    "根据区政府〔 … 〕号文件要求，填写【 …】。",  # the same with spaces (placeholder's brackets of blanks)
    "以上报告，请予评议。县发展和改革局局长　刘建国",
    "报告人：局长　王德明，二〇二六年十二月十八日",
    "全年完成投资3.5亿元，同比增长12.6%。",
    "We discussed the plan etc... and more.",
    "坚持“两个确立”、做到“两个维护”。",
    "“一岗双责”落实到位。",
    "——全年完成投资12亿元。",
    "（一）服务中心实绩",
    "会议于2025-12-01召开，办理时限3-5个工作日。",
    "使用 Python 开发了统计系统，支持 Excel 导入。",
    "全年增长 12%，高于全市 2 个百分点。",
    "述 职 报 告",
    "姓　　名：周明远",
    "“一带一路”倡议…………是重大举措。",
]


@pytest.mark.parametrize("marked", POSITIVES)
def test_punctuation_found(marked: str) -> None:
    found, expected = spans_of("punctuation", marked)
    assert expected
    assert found == expected


@pytest.mark.parametrize("marked", NEGATIVES)
def test_punctuation_not_found(marked: str) -> None:
    found, expected = spans_of("punctuation", marked)
    assert expected == []
    assert found == []


def test_fixes() -> None:
    text = '开展"放管服"改革...全面 推进。。下一步„落实‟'
    draft = draft_with("results.service", text)
    found = [f for f in check_section(draft, template(), "results.service") if f.rule == "punctuation"]
    assert apply_fixes(text, found) == "开展“放管服”改革……全面推进。下一步“落实“"
    assert found[0].message == '中文里应使用中文引号“”，不用直引号"。'


def test_unpaired_straight_quote_is_reported_without_a_fix() -> None:
    draft = draft_with("results.service", '开展"放管服改革。')
    found = [f for f in check_section(draft, template(), "results.service") if f.rule == "punctuation"]
    assert [(f.column, f.fix) for f in found] == [(3, None)]


def test_opening_mark_and_page_number_have_no_fix() -> None:
    draft = draft_with("results.service", "，全年完成投资。\n— 3 —")
    found = [f for f in check_draft(draft, template()) if f.rule == "punctuation"]
    assert [(f.line, f.fix) for f in found] == [(1, None), (2, None)]
    assert found[1].message == "这一行像是从文档中带过来的页码，应删除。"


def test_rule_is_a_fixable_warning() -> None:
    assert (RULES["punctuation"].severity, RULES["punctuation"].fixable) == ("warning", True)


def test_real_report_patterns() -> None:
    """Patterns seen in real reports: a page number at the end of a broken line, a mark after a bracketed number,
    and lines that are not prose (a list of names, a signature) whose spaces are layout."""
    found, expected = spans_of("punctuation", "最根本的就是⟦-1-⟧")
    assert found == expected
    found, expected = spans_of("punctuation", "（一）⟦、⟧农业生产喜获丰收，农村工作取得重大进展。")
    assert found == expected
    for layout in ("组 员：汪 峰 张传东 郑 钧", "魏庄镇人民政府镇长 杨杰"):
        assert spans_of("punctuation", layout) == ([], [])
