"""Plain text for the 登记表: exact output, indent, encoding and line ends."""

from __future__ import annotations

import dataclasses

from appraisal.draft import Draft
from appraisal.export import ExportOptions, render
from appraisal.templates import Template, load_template

from .samples import EXPORT_DATE

EXPECTED_RUN_IN = """2026年度个人总结

　　2026年，在局党组的坚强领导下，我认真履行副局长职责，分管项目服务、价格和信用体系建设工作，现将一年来的情况报告如下。
　　一、品行修养
　　始终把政治标准放在首位，自觉在思想上政治上行动上同党中央保持高度一致，坚决落实区委、区政府各项决策部署。
　　严格遵守中央八项规定及其实施细则精神，带头执行“三重一大”集体决策制度，重大事项及时向主要负责同志请示报告。
　　二、理论学习
　　全年参加局党组理论学习中心组学习12次，撰写心得体会4篇，在全局干部大会上作专题辅导1次。坚持带着问题学，围绕优化营商环境、扩大有效投资等重点课题开展调研，形成调研报告2篇，其中1篇获区领导批示。
　　三、四项主要工作实绩
　　（一）服务中心实绩。一年来，牵头推进全区重点项目建设，全年共安排区级重点项目86个，完成投资142.6亿元，同比增长8.3%。
　　建立项目“周调度、月通报”机制，协调解决用地、用能、审批等问题57个，推动12个项目提前开工。
　　（二）分管工作实绩。分管的价格工作平稳有序，全年开展成本监审3项，完成居民阶梯水价调整听证1次，未发生价格异常波动。信用体系建设扎实推进，归集各类信用信息31万条，办理信用修复申请214件，区城市信用监测排名较上年提升6位。
　　（三）创新创优实绩。探索推行企业投资项目“承诺制+标准地”改革，将一般工业项目从拿地到开工的时间压缩至45个工作日以内，相关做法被市发展改革委转发推广。
　　（四）有潜在、长远效应基础工作实绩。着眼长远，组织编制全区“十五五”重大项目储备库，首批入库项目210个，总投资约1260亿元；梳理完善项目审批服务事项清单，为今后项目谋划和储备打下基础。
　　四、党建工作
　　认真履行“一岗双责”，定期研究分管科室党建工作，参加所在支部组织生活会，讲专题党课1次，指导分管科室党员开展志愿服务12次。
　　五、依法行政
　　严格依法履职，分管领域行政规范性文件全部经过合法性审查；全年办理行政复议和诉讼案件各1件，均未被纠错。
　　六、廉政建设
　　严格落实党风廉政建设责任制，与分管科室负责人签订廉政责任书，对项目审批、资金安排等关键环节开展廉政风险排查，排查风险点18个，制定防控措施26条。本人及家属无违规经商办企业情况。
　　七、最不满意的一项工作和急需提高的一个方面能力
　　（一）最不满意的一项工作。最不满意的是部分重点项目前期工作进度偏慢，有3个项目因征迁问题未能按计划开工。
　　（二）急需提高的一个方面能力。最需要提高的是运用数字化手段分析研判经济运行的能力，今后将加强数据分析方面的学习。

　　　　　　　　　　　　　　　　某区发展和改革局
　　　　　　　　　　　　　　　　　　　李明
　　　　　　　　　　　　　　　　　2026年12月8日
"""
# The 落款 ends a 28-字 line as in Word: the unit (8 字, the widest) 4 字 from the end, 李明 and the date (6.5 字)
# centred over it.


def text_of(data: bytes) -> str:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark, for old Windows Notepad"
    text = data[3:].decode("utf-8")
    assert "\n" not in text.replace("\r\n", ""), "every line ends with CRLF"
    return text.replace("\r\n", "\n")


def test_whole_text_with_run_in_headings(draft: Draft, template: Template, options: ExportOptions) -> None:
    data = render(draft, template, "txt", dataclasses.replace(options, run_in_headings=True))
    assert text_of(data) == EXPECTED_RUN_IN


def test_headings_on_their_own_lines_without_run_in(draft: Draft, template: Template, options: ExportOptions) -> None:
    lines = text_of(render(draft, template, "txt", options)).splitlines()
    start = lines.index("　　三、四项主要工作实绩")
    assert lines[start : start + 4] == [
        "　　三、四项主要工作实绩",
        "　　（一）服务中心实绩",
        "　　一年来，牵头推进全区重点项目建设，全年共安排区级重点项目86个，完成投资142.6亿元，同比增长8.3%。",
        "　　建立项目“周调度、月通报”机制，协调解决用地、用能、审批等问题57个，推动12个项目提前开工。",
    ]
    assert lines[-4:] == ["", "　" * 16 + "某区发展和改革局", "　" * 19 + "李明", "　" * 17 + "2026年12月8日"]


def test_user_spacing_is_replaced_by_one_indent_and_blank_lines_dropped() -> None:
    template = load_template("duty-report")
    draft = Draft.new(template, name="王芳", year=2026, title="2026年度述职述廉报告")
    draft.sections.update(
        {
            "intro": "　　根据安排，现将履职情况报告如下。\r\n\r\n",
            "politics": "  坚定理想信念。\n\n\n\t加强党性修养。  ",
            "closing": "特此报告，请予评议。",
        }
    )
    text = text_of(render(draft, template, "txt", ExportOptions(run_in_headings=False, date=EXPORT_DATE)))
    assert text == (
        "2026年度述职述廉报告\n"
        "\n"
        "　　根据安排，现将履职情况报告如下。\n"
        "　　一、述德（政治表现）\n"
        "　　坚定理想信念。\n"
        "　　加强党性修养。\n"
        "　　二、述职（履职情况）\n"
        "　　三、述廉\n"
        "　　四、述法\n"
        "　　五、存在不足及原因\n"
        "　　六、下步打算\n"
        "　　特此报告，请予评议。\n"
        "\n"
        f"{'　' * 20}王芳\n"  # centred over the date: 19.75 字 from the start of the line, to the nearest 字
        f"{'　' * 18}2026年12月8日\n"  # 4 字 from the end of a 28-字 line (17.5 字 in): full-width spaces only
    )
