"""`number-usage` (GB/T 15835): digits among Chinese numerals in a year, shortened years, digits mixed with 千/百,
inconsistent range marks. Positives and hard negatives in the style of real reports."""

from __future__ import annotations

import pytest

from appraisal.checks import RULES, apply_fixes, check_section

from .marks import draft_with, spans_of, template

POSITIVES = [
    "⟦二0二五⟧年十二月八日",
    "落款日期为⟦二○二五⟧年十二月。",
    "⟦二零二五⟧年度个人总结已报送。",
    "⟦一九九O⟧年出生，中共党员。",
    "⟦24⟧年度考核为优秀等次。",
    "⟦25⟧年12月，完成了年度目标任务。",
    "力争⟦’26⟧年实现营收翻番。",
    "完成固定资产投资⟦3千⟧万元。",
    "全年培训基层干部⟦5百⟧余人次。",
    "争取专项资金⟦1.5千⟧万元。",
    "办理时限由3～5个工作日压缩到1⟦-⟧2个工作日。",
    "增幅保持在5%～8%，利润率提高2⟦-⟧3个百分点。",
    "协调解决邻里纠纷⟦二0⟧余起。",  # a digit zero among Chinese numerals, not in a year
    "新建服务点⟦三0⟧个，覆盖⟦五0⟧个村。",
    "⟦26⟧年全年完成投资12亿元。",  # a shortened year before 全年 or a quarter
    "⟦26⟧年第一季度，完成签约项目3个。",
    # A range with the short hyphen (GB/T 15835 gives only ～ and —): the start and end of a time, a range of values.
    "全年召开调度会3⟦-⟧5次，督办事项7⟦-⟧9件。",
    "前三季度即1⟦-⟧9月，累计接待来访群众412人次。",
    "规划期为2021⟦－⟧2025年，每户补助2⟦-⟧3万元。",
    "全市排名第4⟦-⟧6位，连续三年进入前十。",
    # One date, two kinds of numeral (GB/T 15835 4.3, 同类别同形式).
    "⟦2025年十一月⟧完成项目验收。",
    "落款：⟦二〇二五年12月⟧",
    "于⟦10月二十日⟧前报送材料。",
    # 余 and 多 after a figure that is exact, or after 约 / 近 as well.
    "开展入户走访⟦37余⟧次，发放资料⟦1523多⟧份。",
    "新增绿化面积⟦4.5余⟧亩。",
    "全年接待游客⟦约300余⟧万人次，⟦近20多⟧个团队。",
    # Which form of numeral (GB/T 15835 4.2, 4.3; `numeral_forms`): a fixed word, 几, a counted zero, a percentage.
    "严格落实中央⟦8项规定⟧精神，⟦星期3⟧下午集中学习。",
    "覆盖⟦10几⟧个村，带动⟦几10⟧户群众，增收⟦20几⟧万元。",
    "全年办结信访件一百⟦〇⟧八件。",
    "群众满意率达⟦九十五%⟧，较上年提高⟦百分之2⟧。",
    "1月⟦-⟧6月累计完成投资3亿元，2021年⟦－⟧2025年。",
]

NEGATIVES = [
    "二〇二五年十二月八日",
    "全年完成投资3000万元，同比增长3.5%，营收突破3.5亿元。",
    "新建道路5千米，光伏装机3千瓦，提高了2个百分点。",
    "在基层工作25年，先后在3个乡镇任职。",
    "编制《区商贸流通业发展规划（2025—2030年）》，办理时限为3～5个工作日。",
    "会议于2025-12-01召开，联系电话0571-88886666。",
    "2024年度考核为优秀等次，2025年12月完成审计。",
    "五百余人参加，三千万元资金到位。",
    "第3百货商店完成改造。",
    "全年召开调度会3～5次，督办事项7～9件；1—11月累计办结41件。",  # 一字线 for a time, 浪纹线 for values
    "按照GB/T 15835-2011和GB/T 1.1-2009的规定，执行15-3号文件，联系电话0571-8888666。",
    "节约资金100余万元，最近10余年来，附近20多个村，签约30余个项目。",  # 节约, 最近: other words
    "推进12多元化主体参与，完成20余次、300多人次、1.5万余元。",
    "2025年一二月份走访企业，二〇二五年十二月三十一日前完成，2025年12月31日报送。",
    "全年学习十二次，撰写心得体会六篇，整理档案3200卷。",  # a count in words beside figures is the writer's choice
    "百分之三十的村实现集体经济收入翻番。",
    "全市统一0时启动应急响应，唯一0投诉的窗口。",  # 一 ends a word before the digit
    "在基层工作26年，全年无休；完成20余起调解。",
    "严格落实中央八项规定精神，研究18项规定动作，星期三下午学习，第3星期，星期30天。",
    "覆盖十几个村，带动几十户群众，增收二十几万元，110几，呈几何级增长。",
    "二〇二六年一月，一百零八件，第一〇八号。",
    "满意率达95%，较上年提高2个百分点，九十五分。",
    "2025-12-01开会，2025年1月—6月，2025年1月至6月，联系电话0571-88886666。",
]


@pytest.mark.parametrize("marked", POSITIVES)
def test_number_usage_found(marked: str) -> None:
    found, expected = spans_of("number-usage", marked)
    assert expected
    assert found == expected


@pytest.mark.parametrize("marked", NEGATIVES)
def test_number_usage_not_found(marked: str) -> None:
    found, expected = spans_of("number-usage", marked)
    assert expected == []
    assert found == []


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("严格落实中央8项规定，3会1课，星期3。", "严格落实中央八项规定，三会一课，星期三。"),
        ("覆盖10几个村，带动几10户，增收20几万元。", "覆盖十几个村，带动几十户，增收二十几万元。"),
        ("办结一百〇八件。", "办结一百零八件。"),
        ("满意率九十五%，提高百分之2。", "满意率95%，提高2%。"),
        ("1月-6月完成。", "1月—6月完成。"),
    ],
)
def test_numeral_forms_are_fixed(text: str, fixed: str) -> None:
    draft = draft_with("results.service", text)
    found = [f for f in check_section(draft, template(), "results.service") if f.rule == "number-usage"]
    assert apply_fixes(text, found) == fixed


def test_fixes() -> None:
    text = "二0二五年十二月，25年度完成投资3千万元，5百余人参加。"
    draft = draft_with("results.service", text)
    found = [f for f in check_section(draft, template(), "results.service") if f.rule == "number-usage"]
    assert [f.fix for f in found] == ["二〇二五", "2025", "3000", "500"]
    assert apply_fixes(text, found) == "二〇二五年十二月，2025年度完成投资3000万元，500余人参加。"
    assert found[0].message == "用汉字数字书写年份时，“零”应写作“〇”（GB/T 15835）：“二0二五”应为“二〇二五”。"


def test_a_far_shortened_year_is_reported_without_a_fix() -> None:
    draft = draft_with("results.service", "98年度的档案已整理归档。")
    found = [f for f in check_section(draft, template(), "results.service") if f.rule == "number-usage"]
    assert [(f.column, f.end_column, f.fix) for f in found] == [(1, 3, None)]


def test_the_range_mark_is_the_first_one_in_the_draft() -> None:
    found, expected = spans_of(
        "number-usage", "压缩到1⟦～⟧2个工作日。", section="results.service", conduct="时限为3—5个工作日。"
    )
    assert found == expected


def test_a_hyphen_range_does_not_set_the_mark_the_draft_keeps_to() -> None:
    """The hyphen is reported on its own; the ～ after it is the first right mark, not an inconsistent one."""
    found, expected = spans_of("number-usage", "压缩到1～2个工作日。", conduct="时限为3-5个工作日。")
    assert found == expected == []


def test_spans_of_time_and_ranges_of_values_keep_their_own_marks() -> None:
    """GB/T 15834: 1—11月 (a time) beside 3～5个 (values) is right; a second kind of mark for values is not."""
    found, expected = spans_of("number-usage", "1—11月完成3～5个项目，另有2⟦—⟧4个在建。")
    assert found == expected


def test_hyphen_ranges_are_fixed_with_the_mark_for_their_kind() -> None:
    text = "1-11月新增就业30-50人，第2-3名。"
    draft = draft_with("results.service", text)
    found = [f for f in check_section(draft, template(), "results.service") if f.rule == "number-usage"]
    assert [f.fix for f in found] == ["—", "～", "—"]
    assert apply_fixes(text, found) == "1—11月新增就业30～50人，第2—3名。"
    assert "宜写作“30～50人”" in found[1].message


def test_percent_in_words_is_written_with_the_sign_the_report_uses() -> None:
    text = "完成率百分之九十八点五，较上年提高3%。"
    draft = draft_with("results.service", text)
    (finding,) = [f for f in check_section(draft, template(), "results.service") if f.rule == "number-usage"]
    assert (finding.column, finding.end_column, finding.fix) == (4, 12, "98.5%")


def test_percent_in_words_is_left_alone_in_a_paragraph_without_a_percent_sign() -> None:
    found, expected = spans_of("number-usage", "完成率百分之九十八点五，百分之百完成任务。\n同比增长3%。")
    assert found == expected == []


def test_a_figure_split_from_its_measure_word_across_two_lines() -> None:
    found, expected = spans_of("number-usage", "全年收集群众诉求⟦45⟧\n条，均已办结。\n全年办结\n45件。\n2025\n年度目标")
    assert found == expected


def test_rule_is_a_fixable_warning() -> None:
    assert (RULES["number-usage"].severity, RULES["number-usage"].fixable) == ("warning", True)
