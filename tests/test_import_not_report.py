"""A text that is no report of one's work — a news story, a how-to — is said to be one, with its marks: the import
asks on a terminal, refuses without --template otherwise, and never fills the sections silently. A first-person
report that mentions reporters or clicks is still a report."""

from __future__ import annotations

from pathlib import Path

import pytest
from fuzzing import assert_nothing_lost

from appraisal.cli import main
from appraisal.importing import Document, import_summary, parse_document
from appraisal.importing.reader import split_lines
from appraisal.store import draft_files, load_draft

NEWS = """\
我县召开2025年度重点项目推进会
本报讯（记者 王明 通讯员 李华）12月5日，我县召开2025年度重点项目推进会，总结全年项目建设情况，部署下一阶段工作。
会上，县发改局通报了全县重点项目进展情况，各乡镇作了交流发言。据介绍，今年全县实施重点项目86个，完成投资120亿元。
县委书记张强出席会议并讲话。他表示，要坚持项目为王，抓好要素保障，确保项目早开工、早投产。
"""

HOW_TO = """\
如何在网上填报年度考核登记表
第一步：打开浏览器，登录单位的考核系统。
第二步：点击左侧的“考核填报”菜单，进入填报页面。
第三步：在下拉框中选择考核年度，填写个人总结后，单击“保存”按钮。
第四步：确认无误后提交，等待审核。
"""

# The kind of text a reader would call a news story, whatever its title names.
FEATURE = """\
全市纪检监察系统2025年度述职述责述廉会议侧记
本报讯 12月14日，全市纪检监察系统2025年度述职述责述廉会议召开。各县区纪委书记逐一述职，市纪委常委现场点评。
据了解，今年全市共查处群众身边不正之风和腐败问题320件。会上，与会人员还观看了警示教育片。
"""

# A report of one's own that mentions reporters, clicks and menus: a report.
PRESS_OFFICER = """\
2025年度个人述职报告
本人2025年任县委宣传部副部长，分管新闻宣传工作。
一是抓好对外宣传。全年接待中央和省市媒体记者采访42批次，我牵头策划的专题报道网上点击量超过1000万次。
二是抓好阵地建设。本人组织改版县融媒体客户端，新增“政务服务”菜单和“一键反映”按钮。
三是抓好队伍建设。我组织通讯员培训4期，培训120人次。
"""

UNIT_FROM_A_WEBSITE = """\
某县农业农村局2025年工作总结
发布时间：2026-01-10　来源：县农业农村局
一、主要工作及成效
全年粮食播种面积稳定在52万亩，总产量达到21万吨。我局会上部署了秋粮收购工作。
二、存在的主要问题
农业基础设施仍然薄弱。
三、下一年工作安排
继续抓好粮食生产。
"""


def parse(text: str, template: str | None = None):  # type: ignore[no-untyped-def]
    result = parse_document(Document(None, "txt", split_lines(text)), template)
    assert_nothing_lost(result)
    return result


@pytest.mark.parametrize(("text", "kind"), [(NEWS, "新闻报道"), (FEATURE, "新闻报道"), (HOW_TO, "操作说明")])
def test_a_news_story_or_a_how_to_is_said_to_be_no_report(text: str, kind: str) -> None:
    result = parse(text)
    assert result.not_a_report == kind and not result.confident and result.fits_no_template
    assert result.reasons[0].startswith(f"像是{kind}（有“") and result.reasons[0].endswith("等）")
    assert "正文中没有本人、我、我们、我局等第一人称" in result.reasons or kind == "新闻报道"
    assert f"该文档不像个人总结或述职报告（像是{kind}），正文已放入「" in import_summary(result)


@pytest.mark.parametrize("text", [PRESS_OFFICER, UNIT_FROM_A_WEBSITE])
def test_a_report_that_mentions_reporters_or_menus_is_a_report(text: str) -> None:
    result = parse(text)
    assert result.not_a_report == "" and not result.fits_no_template
    assert "不像个人总结或述职报告" not in import_summary(result)


def test_without_a_terminal_import_refuses_unless_a_template_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("APPRAISAL_HOME", str(tmp_path / "home"))
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    source = tmp_path / "新闻.txt"
    source.write_text(NEWS, encoding="utf-8")
    assert main(["import", str(source)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and not draft_files()
    assert err.startswith(f"{source} 看起来不是个人总结或述职报告：像是新闻报道（有“本报讯”“记者”")
    assert err.endswith("未导入；如确要导入，请用 --template 指定模板。\n")
    assert main(["import", str(source), "--template", "unit-summary", "-o", str(tmp_path / "d.json")]) == 0
    out, _err = capsys.readouterr()
    assert "该文档不像个人总结或述职报告（像是新闻报道）" in out  # said again in the summary
    assert "12月5日" in load_draft(tmp_path / "d.json").sections["work"]


def test_on_a_terminal_import_asks_and_enter_takes_the_guess(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("APPRAISAL_HOME", str(tmp_path / "home"))
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    asked: list[str] = []
    monkeypatch.setattr("builtins.input", lambda prompt="": asked.append(prompt) or "")
    source = tmp_path / "教程.txt"
    source.write_text(HOW_TO, encoding="utf-8")
    assert main(["import", str(source), "-o", str(tmp_path / "d.json")]) == 0
    out, err = capsys.readouterr()
    question = err.splitlines()[0]
    assert question.startswith("该文档看起来不是个人总结或述职报告：像是操作说明（有“第一步”")
    assert question.endswith("（直接回车使用推测的模板，按 Ctrl+C 放弃）：") and asked == ["模板编号："]
    assert "该文档不像个人总结或述职报告（像是操作说明）" in out


# Nobody speaks, nothing says what it is: a plan, rules, an explainer — or a report's excerpt. Asked, not filed.
FACELESS = """\
街道城市管理工作要点
一是加强市容环境整治，开展占道经营专项治理。
二是推进垃圾分类，新增分类投放点40个。
三是完善网格化管理，落实门前三包责任制。
"""


def test_a_text_where_nobody_speaks_and_nothing_says_what_it_is_is_asked_about() -> None:
    result = parse(FACELESS)
    assert not result.confident and not result.not_a_report
    assert "正文中没有本人、我、我们、我局等第一人称" in result.reasons
    assert "标题和开头也没有说是总结、述职还是报告" in result.reasons
    titled = parse("2025年工作总结\n" + FACELESS.split("\n", 1)[1])  # the title says what it is
    assert "标题和开头也没有说是总结、述职还是报告" not in titled.reasons
