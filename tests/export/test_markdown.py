"""Markdown: exact layout, verbatim text, the `---` before a closing section, and the round trip through import."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from appraisal.draft import Draft
from appraisal.export import ExportOptions, render
from appraisal.export.markdown import escape
from appraisal.export.outline import paragraphs_of
from appraisal.templates import Template, load_template

EXPECTED = """# 2026年度个人总结

2026年，在局党组的坚强领导下，我认真履行副局长职责，分管项目服务、价格和信用体系建设工作，现将一年来的情况报告如下。

## 一、品行修养

始终把政治标准放在首位，自觉在思想上政治上行动上同党中央保持高度一致，坚决落实区委、区政府各项决策部署。

严格遵守中央八项规定及其实施细则精神，带头执行“三重一大”集体决策制度，重大事项及时向主要负责同志请示报告。

## 二、理论学习

全年参加局党组理论学习中心组学习12次，撰写心得体会4篇，在全局干部大会上作专题辅导1次。坚持带着问题学，围绕优化营商环境、扩大有效投资等重点课题开展调研，形成调研报告2篇，其中1篇获区领导批示。

## 三、四项主要工作实绩

### （一）服务中心实绩

一年来，牵头推进全区重点项目建设，全年共安排区级重点项目86个，完成投资142.6亿元，同比增长8.3%。

建立项目“周调度、月通报”机制，协调解决用地、用能、审批等问题57个，推动12个项目提前开工。

### （二）分管工作实绩

分管的价格工作平稳有序，全年开展成本监审3项，完成居民阶梯水价调整听证1次，未发生价格异常波动。信用体系建设扎实推进，归集各类信用信息31万条，办理信用修复申请214件，区城市信用监测排名较上年提升6位。

### （三）创新创优实绩

探索推行企业投资项目“承诺制+标准地”改革，将一般工业项目从拿地到开工的时间压缩至45个工作日以内，相关做法被市发展改革委转发推广。

### （四）有潜在、长远效应基础工作实绩

着眼长远，组织编制全区“十五五”重大项目储备库，首批入库项目210个，总投资约1260亿元；梳理完善项目审批服务事项清单，为今后项目谋划和储备打下基础。

## 四、党建工作

认真履行“一岗双责”，定期研究分管科室党建工作，参加所在支部组织生活会，讲专题党课1次，指导分管科室党员开展志愿服务12次。

## 五、依法行政

严格依法履职，分管领域行政规范性文件全部经过合法性审查；全年办理行政复议和诉讼案件各1件，均未被纠错。

## 六、廉政建设

严格落实党风廉政建设责任制，与分管科室负责人签订廉政责任书，对项目审批、资金安排等关键环节开展廉政风险排查，排查风险点18个，制定防控措施26条。本人及家属无违规经商办企业情况。

## 七、最不满意的一项工作和急需提高的一个方面能力

### （一）最不满意的一项工作

最不满意的是部分重点项目前期工作进度偏慢，有3个项目因征迁问题未能按计划开工。

### （二）急需提高的一个方面能力

最需要提高的是运用数字化手段分析研判经济运行的能力，今后将加强数据分析方面的学习。

某区发展和改革局

李明

2026年12月8日
"""

# Characters that mean something to Markdown, typed as ordinary text.
SPECIAL = "1. 本段以数字加点开头，*星号*、_下划线_、# 井号、<b>尖括号</b>、C:\\新建文件夹\\、`反引号`、&amp; 都照原样。"


def test_whole_markdown(draft: Draft, template: Template, options: ExportOptions) -> None:
    data = render(draft, template, "md", options)
    assert not data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8") == EXPECTED


def test_markdown_never_runs_headings_in(draft: Draft, template: Template, options: ExportOptions) -> None:
    run_in = render(draft, template, "md", dataclasses.replace(options, run_in_headings=True))
    assert run_in.decode("utf-8") == EXPECTED


def test_text_shows_as_typed_in_a_markdown_viewer(draft: Draft, template: Template, options: ExportOptions) -> None:
    """Only what a viewer would read as markup is escaped: `**` stays two stars, `1. ` a number, `<b>` text."""
    from markdown_it import MarkdownIt

    draft.sections["study"] = SPECIAL + "\n**同志在20**年完成了任务，增长3~5个百分点，增长率<5%。"
    text = render(draft, template, "md", options).decode("utf-8")
    written = [
        "1\\. 本段以数字加点开头，\\*星号\\*、\\_下划线\\_、# 井号、\\<b>尖括号\\</b>、C:\\新建文件夹\\、\\`反引号\\`、"
        "\\&amp; 都照原样。",
        "\\*\\*同志在20\\*\\*年完成了任务，增长3~5个百分点，增长率<5%。",
    ]
    assert f"## 二、理论学习\n\n{written[0]}\n\n{written[1]}\n\n## 三、" in text
    shown = MarkdownIt("commonmark").enable("strikethrough").render("\n\n".join(written))
    assert shown == (
        "<p>1. 本段以数字加点开头，*星号*、_下划线_、# 井号、&lt;b&gt;尖括号&lt;/b&gt;、C:\\新建文件夹\\、`反引号`、"
        "&amp;amp; 都照原样。</p>\n<p>**同志在20**年完成了任务，增长3~5个百分点，增长率&lt;5%。</p>\n"
    )


def test_closing_section_follows_a_thematic_break() -> None:
    template = load_template("duty-report")
    draft = Draft.new(template, name="王芳", year=2026)
    draft.sections.update({"intro": "导言。", "plans": "明年打算。", "closing": "特此报告，请予评议。"})
    text = render(draft, template, "md", ExportOptions(date=dt.date(2027, 1, 5))).decode("utf-8")
    assert text.startswith("# 2026年度述职述廉报告\n\n导言。\n\n## 一、述德（政治表现）\n\n## 二、")
    assert text.endswith("## 六、下步打算\n\n明年打算。\n\n---\n\n特此报告，请予评议。\n\n王芳\n\n2027年1月5日\n")


def test_escape_for_the_renderer_covers_every_ascii_punctuation_character() -> None:
    assert escape("a*b_c#1.<>\\") == "a\\*b\\_c\\#1\\.\\<\\>\\\\"
    assert escape("中文，全角＊不变") == "中文，全角＊不变"


def test_round_trip_through_import(tmp_path: Path, draft: Draft, template: Template, options: ExportOptions) -> None:
    """`appraisal import` gives back every section's text and the title from the exported Markdown."""
    from appraisal.importing import import_document

    draft.sections["study"] = draft.sections["study"] + "\n" + SPECIAL
    path = tmp_path / "总结.md"
    path.write_bytes(render(draft, template, "md", options))
    result = import_document(path, template.id)
    assert result.draft.title == draft.title
    for section_id, text in draft.sections.items():
        assert result.draft.sections.get(section_id, "") == "\n".join(paragraphs_of(text)), section_id
    assert not result.draft.unmatched


def test_round_trip_with_a_closing_section(tmp_path: Path) -> None:
    from appraisal.importing import import_document

    template = load_template("duty-report")
    draft = Draft.new(template, name="王芳", year=2026)
    draft.sections.update(
        {section_id: f"{section_id}的内容。" for section_id in template.text_section_ids()}
        | {"closing": "特此报告，请予评议。"}
    )
    path = tmp_path / "述职.md"
    path.write_bytes(render(draft, template, "md", ExportOptions()))
    result = import_document(path, template.id)
    assert result.draft.sections == draft.sections
