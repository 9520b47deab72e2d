"""`year-mismatch`: a year that the context ties to the year under review (2025 here) but that is another year."""

from __future__ import annotations

from pathlib import Path

import pytest

from appraisal.checks import RULES, check_draft
from appraisal.checks.documents import check_document

from .marks import draft_with, spans_of, template

INTRO_POSITIVES = [  # the report's opening paragraph
    "⟦2024年⟧，在区委、区政府和局党组的坚强领导下，我认真履行岗位职责。",
    "⟦2024年度⟧，我在局党组的领导下，分管内贸流通和对外贸易工作。",
    "⟦2023年⟧是全面贯彻党的二十大精神的开局之年，一年来我认真履职。",
]

POSITIVES = [
    # A sentence inside a paragraph that opens with last year and goes on to a deed, no comma (issue 19 item 9).
    "老旧小区改造惠及居民4200余户。⟦2024年⟧共组织专家论证会21次，形成改造方案16套。",
    "整治背街小巷38条。⟦2023年⟧累计办理群众诉求1260件。",
    "全年完成各项任务。⟦2024年⟧12月，牵头完成了商贸流通领域安全生产专项整治。",
    "⟦2024年度⟧，本人分管的对外贸易工作取得新进展。",
    "⟦2023年⟧3月，组织开展“消费促进月”活动，带动销售额1.2亿元。",
    "⟦2024年⟧上半年，全区社会消费品零售总额增长6.1%。",
    "⟦2024年⟧12月，起草了《关于促进消费的若干措施》，获得市级专项资金支持。",
    "⟦2023年度⟧，组织开展商务系统经验交流活动4次。",
    "今年（⟦2024年⟧）以来，全区消费市场持续回暖。",
    "今年即⟦2024年⟧，全区外贸进出口总额86.4亿元。",
    "本年度（⟦2023年度⟧）共办理行政处罚案件11件。",
    "现将本人⟦2023年度⟧工作总结如下。",
    "按照⟦2021年度⟧工作总结中的部署逐项抓好落实。",
    "⟦2022年度⟧述职报告中提出的目标已经全部完成。",
    "本年（⟦2024年⟧）全区新增市场主体3200户。",
    "今年（⟦２０２４年⟧）新增限额以上企业37家。",
    "⟦2023年度⟧个人总结已按要求报送组织人事科。",
    "本年度(⟦2024 年⟧)办理群众来信来访46件。",
    # Last or next year named with its number, and the number is another year.
    "明年（⟦2025年⟧）将重点抓好招商引资和项目建设。",
    "去年即⟦2025年⟧，全区外贸进出口总额86.4亿元。",
    # What the writer will do, dated with the year under review: last year's plans left in.
    "存在的不足已逐项整改。⟦2025年⟧，我将继续围绕全区中心工作，抓好招商引资。",
    "⟦2024年⟧，我们要坚持稳中求进，力争外贸进出口增长8%。",
]

NEGATIVES = [
    "老旧小区改造惠及居民4200余户。2024年是全区城市更新的起步之年，2024年同期仅完成12个小区。",
    "全区新增市场主体3200户。2024年共新增2800户，今年增长14.3%。",
    "2024年以来累计建成口袋公园12个。2024年底前完成的项目已全部验收。",
    "2025年12月，牵头完成了商贸流通领域安全生产专项整治。",
    "2026年，我将继续围绕全区中心工作，抓好招商引资。",
    "2021年，我调任区商务局副局长，分管内贸流通工作。",
    "2023年9月，被评为全市商务系统先进个人。",
    "2019年以来，累计引进外资企业23家。",
    "比2024年增长12.6%，较上年提高3个百分点。",
    "与2024年相比，全区外贸依存度有所下降。",
    "2019年以来，连续多年年度考核被确定为优秀等次。",
    "2024年度考核被确定为优秀等次，2021年度考核为称职。",
    "全年外贸进出口总额较2024年增长9.2%。",
    "2026年度工作计划已报局党组审定。",
    "在2024年度工作基础上，进一步完善工作机制。",
    "编制《区商贸流通业发展规划（2025—2030年）》。",
    "2021年被评为全市优秀共产党员。",
    "截至2025年11月底，累计完成投资78.6亿元。",
    "今年以来，全区消费市场持续回暖，2024年同期为负增长。",
    "自2018年参加工作以来，我始终坚守岗位。",
    "2024年，我局被评为全省商务系统先进集体。",  # not the opening paragraph: history
    "明年（2026年）将重点抓好招商引资，去年（2024年）同期仅完成12个项目。",
    "2026年，我将继续围绕全区中心工作；2025年将军山景区接待游客12万人次。",
    "今年（2025年）以来，全区消费市场持续回暖。",
    "2025年全年完成外贸进出口总额86.4亿元。",
    "2024年全年外贸进出口总额为80.1亿元，今年继续保持增长。",
    "对照2021年度工作计划逐项抓好落实。",
    "连续在2021年度、2022年度工作考核中被评为优秀等次。",
]


@pytest.mark.parametrize("marked", INTRO_POSITIVES)
def test_opening_year_found(marked: str) -> None:
    found, expected = spans_of("year-mismatch", marked, section="intro")
    assert expected
    assert found == expected


@pytest.mark.parametrize("marked", POSITIVES)
def test_year_mismatch_found(marked: str) -> None:
    found, expected = spans_of("year-mismatch", marked, intro="现将一年来的工作情况报告如下。")
    assert expected
    assert found == expected


@pytest.mark.parametrize("marked", NEGATIVES)
def test_year_mismatch_not_found(marked: str) -> None:
    found, expected = spans_of("year-mismatch", marked, intro="现将一年来的工作情况报告如下。")
    assert expected == []
    assert found == []


def test_enough_cases() -> None:
    assert len(INTRO_POSITIVES) + len(POSITIVES) >= 10 and len(NEGATIVES) >= 10


@pytest.mark.parametrize(
    "opening",
    [
        "2021年，我调任区商务局副局长，分管内贸流通工作。",
        "2019年以来，我先后在两个科室工作，今年转岗到办公室。",
        "2021年3月，组织安排我到区商务局工作。",
    ],
)
def test_an_opening_that_tells_history_is_fine(opening: str) -> None:
    found, _expected = spans_of("year-mismatch", opening, section="intro")
    assert found == []


def test_opening_is_the_first_paragraph_of_the_first_section_with_text() -> None:
    """Without an intro, the opening is the first line of 品行修养."""
    found, expected = spans_of("year-mismatch", "⟦2024年⟧，我始终把政治建设摆在首位。", section="conduct")
    assert found == expected == [(1, 1, 6)]
    found, expected = spans_of("year-mismatch", "⟦2026年⟧，我始终把政治建设摆在首位。", section="conduct")
    assert found == expected == [(1, 1, 6)]
    # Later paragraphs are not the opening: the year after (a plan) is fine there; a year before is a dated
    # paragraph left over from last year's text (SPEC §3), reported with its own message.
    found, expected = spans_of("year-mismatch", "坚持政治建设。\n2026年，我始终把政治建设摆在首位。", section="conduct")
    assert found == expected == []
    draft = draft_with("conduct", "坚持政治建设。\n2024年，我始终把政治建设摆在首位。")
    found_all = [f for f in check_draft(draft, template()) if f.rule == "year-mismatch"]
    assert [(f.line, f.column, f.end_column) for f in found_all] == [(2, 1, 6)]
    assert found_all[0].message == "这句以“2024年”开头，与考核年度 2025 年不符，可能是往年的内容没有改。"


def test_messages() -> None:
    draft = draft_with("results.service", "今年（2024年）以来，消费回暖。\n现将本人2023年度工作总结如下。")
    found = [f for f in check_draft(draft, template()) if f.rule == "year-mismatch"]
    assert [(f.line, f.column, f.end_column) for f in found] == [(1, 4, 9), (2, 5, 11)]
    assert found[0].message == "这里指的是本年度，但写的是“2024年”，与考核年度 2025 年不符。"
    assert found[1].message == "“2023年度工作总结”与考核年度 2025 年不符。"


def test_title_year() -> None:
    draft = draft_with("conduct", "坚持政治建设。")
    draft.title = "2024年度个人总结"
    found = [f for f in check_draft(draft, template()) if f.rule == "year-mismatch"]
    assert [(f.section, f.line, f.column, f.end_column) for f in found] == [(None, 1, 1, 7)]
    assert found[0].message == "标题中的“2024年度”与考核年度 2025 年不符。"
    draft.title = "2025年工作总结和2026年工作计划"
    assert [f for f in check_draft(draft, template()) if f.rule == "year-mismatch"] == []


def test_no_year_in_the_profile_no_finding() -> None:
    found, _expected = spans_of("year-mismatch", "今年（2024年）以来，全区消费市场持续回暖。", year=None)
    assert found == []


def test_rule_is_a_warning() -> None:
    assert (RULES["year-mismatch"].severity, RULES["year-mismatch"].fixable) == ("warning", False)


def _document_findings(tmp_path: Path, text: str) -> list[tuple[int, int]]:
    path = tmp_path / "报告.txt"
    path.write_text(text, encoding="utf-8")
    return [(f.line, f.column) for f in check_document(path).findings if f.rule == "year-mismatch"]


def test_a_document_that_says_it_reviews_the_year_before_is_not_reported(tmp_path: Path) -> None:
    """A report given in January under the new year's title reviews the year before: its sentences dated that
    year are its subject, not last year's text left in (a 2026 speech `总结2025年…工作`, `一、2025年工作回顾`)."""
    speech = "2026年全县工作会议讲话\n今天的会议总结2025年全县工作。\n2025年，全县完成地区生产总值87.4亿元。\n"
    assert _document_findings(tmp_path, speech) == []
    report = "2026年学校工作报告\n各位代表：\n一、2025年工作回顾\n2025年，学校完成了年度目标任务。\n"
    assert _document_findings(tmp_path, report) == []  # the heading the importer took out of the text counts
    plan = "2026年县政府工作报告\n各位代表：\n一、2025年及“十四五”工作回顾\n2025年，县政府坚持稳中求进。\n"
    assert _document_findings(tmp_path, plan) == []
    plain = "2026年全县工作会议讲话\n今天的会议部署全县工作。\n一、主要工作\n2025年，全县完成地区生产总值87.4亿元。\n"
    assert _document_findings(tmp_path, plain) == [(4, 1)]
    older = "2026年全县工作会议讲话\n一、2025年工作回顾\n2024年，全县完成地区生产总值87.4亿元。\n"
    assert _document_findings(tmp_path, older) == [(3, 1)]  # the year before the reviewed one is still reported


def test_a_half_year_summary_plans_the_rest_of_its_own_year() -> None:
    found, expected = spans_of("year-mismatch", "2025年，我将继续抓好招商引资。", conduct="上半年工作完成情况良好。")
    assert found == expected == []
