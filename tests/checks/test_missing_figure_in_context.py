"""`missing-figure-in-context`: a measure word with no numeral, found by the language model. Positives written for
this test (not taken from the measuring sets); hard negatives where the measure word has its numeral, a demonstrative
or a question word before it, or is part of a word the dictionary or the character model knows."""

from __future__ import annotations

import pytest

from appraisal.checks import RULES, check_section

from .marks import draft_with, spans_of, template

RULE = "missing-figure-in-context"

POSITIVES = [
    "督促整改安全隐患，向镇党委提交专题报告⟦篇⟧。",
    "各村签订环境卫生责任书⟦份⟧。",
    "城区⟦座⟧老旧泵站完成改造。",
    "走访联系村⟦次⟧，帮助解决实际困难。",
    "配备专职网格员⟦名⟧，实现全覆盖。",
]

NEGATIVES = [
    # present-day 公文 words the dictionary lacked (gongwen_words.txt): 进位, 楼栋 and 等次 are no blanks
    "坚持争先进位，争先进位取得新突破，推行楼栋长制度，加强楼栋党建，优秀等次单位比例提高，考核等次评定办法印发。",
    "坚持以人民为中心，建设人与自然和谐共生的现代化。",  # 人 before a preposition is a noun
    "个别同志对个人有关事项报告不够重视。",  # 个别, 个人: words
    "这个项目检查了多少家企业，各项指标是否达标。",  # a demonstrative, a question word
    "年度考核连续被确定为优秀等次，业务条线运转顺畅。",  # 等次, 条线: words the dictionary lacks
    "做到件件有回音、事事有着落，其余人员按期到岗。",  # a reduplication, 其余
    "全年门急诊量达3万人次，手术2.1万台次。",  # compound units
    "派出所、交易所和企业家代表参加座谈会。",  # measure words ending words
    "帮助群众办个执照要跑好几趟。",  # spoken 个 after a one-character verb
    "民营企业家座谈会每季度召开一次，名单已报送。",
    "不断提升干部队伍素质，部署各项工作任务。",
    "依托所属单位开展培训，所列数据均来自统计部门。",  # 所 before a verb is a particle
    "全镇12个行政村全部建成综合服务站，三所中学完成改造。",  # the numerals are there
    "他骑着辆旧自行车下乡，为群众做了件大好事，有位客商专程来致谢。",  # 一 left out after a short verb
]


@pytest.mark.parametrize("marked", POSITIVES)
def test_found(marked: str) -> None:
    found, expected = spans_of(RULE, marked)
    assert expected
    assert found == expected


@pytest.mark.parametrize("marked", NEGATIVES)
def test_not_found(marked: str) -> None:
    found, expected = spans_of(RULE, marked)
    assert expected == []
    assert found == []


def test_a_place_missing_figure_reports_is_not_reported_again() -> None:
    text = "全年新增⟦家⟧规上企业，累计召开党组会议⟦次⟧。"
    assert spans_of("missing-figure", text)[0] == spans_of("missing-figure", text)[1]
    assert spans_of(RULE, text)[0] == []


def test_the_message_and_the_gap() -> None:
    draft = draft_with("results.duties", "各村签订环境卫生责任书份。")
    found = [f for f in check_section(draft, template(), "results.duties") if f.rule == RULE]
    assert [(f.line, f.column, f.end_column, f.fix) for f in found] == [(1, 12, 13, None)]
    assert found[0].message == "“责任书份”中缺少具体数字。"
    assert RULES[RULE].marks_gap and RULES[RULE].family == RULES["missing-figure"].family
