"""Import that generalises (issue 21): the patterns real reports have, in texts of our own — a template given by
the user works as well as a recognised one, headings that name no section are the body (never the opening), Word
heading styles are structure, the voice decides between a person's and a unit's template, a speech fits none, the
year placeholder and the 落款 date are kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from fuzzing import assert_nothing_lost

from appraisal.cli import main
from appraisal.export import ExportOptions
from appraisal.export.outline import build_outline
from appraisal.importing import Document, ImportResult, import_document, import_summary, parse_document
from appraisal.importing.reader import split_lines
from appraisal.store import load_draft
from appraisal.templates import load_template


def parse(text: str, template: str | None = None, kind: str = "txt") -> ImportResult:
    result = parse_document(Document(None, kind, split_lines(text)), template)
    assert_nothing_lost(result)
    return result


# A 述职述廉报告 whose headings are the writer's own: none names a section of the template.
OWN_HEADINGS = """\
2025年度述职述廉报告
尊敬的各位领导：
现将本人一年来的履职情况报告如下。
一、全年重点工作回眸
牵头推进城区供水管网改造，新建管网十二公里。
二、当好决策参谋
起草调研报告五篇，两篇获领导批示。
三、守住廉洁底线
严格遵守中央八项规定精神，没有违规收受礼品。
"""


def test_a_given_template_places_free_headings_as_the_recognised_one_does() -> None:
    recognised = parse(OWN_HEADINGS)
    given = parse(OWN_HEADINGS, template="duty-report")
    assert recognised.template.id == "duty-report"
    assert given.draft.sections == recognised.draft.sections
    sections = given.draft.sections
    assert sections["intro"] == "尊敬的各位领导：\n现将本人一年来的履职情况报告如下。"  # only what precedes 一、
    assert "新建管网十二公里" in sections["duties"] and "起草调研报告五篇" in sections["duties"]
    assert "没有违规收受礼品" in sections["integrity"]  # 廉 names 述廉
    summary = import_summary(given)
    # None of its headings names a section, and yet all three were placed: the count says so, and lists each one.
    assert "识别出 0/6 个栏目标题，另有 3 个自拟标题已归入相应栏目。" in summary
    assert "第 4 行“一、全年重点工作回眸”" in summary and "第 6 行“二、当好决策参谋”" in summary
    assert "第 8 行“三、守住廉洁底线”（按“廉”一词归入）" in summary


def test_the_summary_counts_and_lists_every_heading_of_the_writers_own() -> None:
    summary = import_summary(parse(SEASONS))
    assert "识别出 0/13 个栏目标题，另有 3 个自拟标题已归入相应栏目。" in summary
    for line, heading in ((3, "一、春季"), (5, "二、夏季"), (7, "三、秋冬")):
        assert f"第 {line} 行“{heading}”（标题未提及其他栏目，归入主体栏目）" in summary
    assert "文档开头、第一个栏目标题之前的文字" in summary


def test_only_the_opening_is_said_to_come_from_the_start_of_the_document() -> None:
    text = OWN_HEADINGS + "特此报告，请予评议。\n"
    summary = import_summary(parse(text, template="duty-report"))
    assert summary.count("文档开头、第一个栏目标题之前的文字") == 1


SEASONS = (
    "2025年度个人总结\n"
    "本人2025年任某镇副镇长，分管农业农村工作，现将一年来的情况总结如下。\n"
    "一、春季\n" + "组织春耕生产，落实种粮补贴，协调农资供应，走访种粮大户。" * 8 + "\n"
    "二、夏季\n" + "抓好防汛抗旱，排查山塘水库隐患，组织抢收抢种。" * 8 + "\n"
    "三、秋冬\n" + "推进秋收秋种和冬季农田水利建设，完成高标准农田验收。" * 8 + "\n"
)


def test_a_long_report_with_period_headings_is_body_not_opening() -> None:
    result = parse(SEASONS)
    assert result.template.id == "cadre-annual"
    sections = result.draft.sections
    assert sections["intro"] == "本人2025年任某镇副镇长，分管农业农村工作，现将一年来的情况总结如下。"
    duties = sections["results.duties"]  # the template's main section (template.toml: main_section)
    assert duties.startswith("春季\n组织春耕生产") and "\n夏季\n" in duties and "\n秋冬\n" in duties
    assert "（标题未提及其他栏目，归入主体栏目）" in import_summary(result)


def test_a_long_report_without_any_heading_is_body_not_opening() -> None:
    body = "本人一年来认真履行分管职责，" + "推动重点项目建设，协调解决企业用地和融资难题，" * 30 + "完成全年任务。"
    result = parse("2025年度个人总结\n" + body)
    assert result.draft.sections["intro"] == ""
    assert result.draft.sections["results.duties"] == body
    assert "正文已全部放入主体栏目「分管工作实绩」" in import_summary(result)


UNIT_BODY = """\
2025年工作总结
一、主要工作及成效
{who}全年完成固定资产投资二十亿元，{who}新引进企业十二家。
二、存在的主要问题
{who}在项目储备上还有差距。
三、下一年工作安排
{who}将继续抓好招商引资。
"""


def test_the_collective_voice_is_a_unit_summary_with_confidence() -> None:
    result = parse(UNIT_BODY.format(who="我局"))
    assert result.template.id == "unit-summary"
    assert result.confident
    assert any("单位口吻" in reason for reason in result.reasons)


def test_a_first_person_report_is_never_silently_a_unit_summary() -> None:
    result = parse(UNIT_BODY.format(who="本人"))
    assert not result.confident  # asked on a terminal, said in the summary otherwise
    assert any("个人口吻" in reason for reason in result.reasons)
    if result.template.voice == "collective":
        assert any("是单位用的模板" in reason for reason in result.reasons)
    assert "未能确定文档所用的模板，暂按「" in import_summary(result)


def test_a_speech_fits_no_template_and_goes_to_the_chosen_templates_body() -> None:
    text = (
        "在全县招商引资工作会议上的讲话\n同志们：\n"
        + "今天召开这次会议，主要是总结工作、部署任务。我们要坚定信心，抓好项目落地。" * 12
        + "\n谢谢大家！"
    )
    result = parse(text)
    assert result.fits_no_template
    assert not result.confident
    assert result.draft.title == "在全县招商引资工作会议上的讲话"
    assert "不符合任何模板" in import_summary(result)
    given = parse(text, template="duty-report")  # the template the user chose when asked
    assert given.fits_no_template and given.confident
    assert "今天召开这次会议" in given.draft.sections["duties"]
    assert "该文档不符合任何模板，正文已放入「述职（履职情况）」" in import_summary(given)


def test_a_docx_with_heading_styles_and_no_numbering(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_paragraph("2025年度个人总结", style="Title")
    word.add_paragraph("本人2025年任某局副局长，分管项目建设，现将一年来的情况总结如下。")
    word.add_paragraph("抓项目建设", style="Heading 1")  # Word numbers it; the text has no 一、
    word.add_paragraph("重点项目", style="Heading 2")
    word.add_paragraph("推动重点项目八个，完成投资十亿元。")
    word.add_paragraph("优化营商环境", style="Heading 1")
    word.add_paragraph("办理企业诉求一百二十件。")
    word.add_paragraph("廉政建设", style="Heading 1")
    word.add_paragraph("严格遵守中央八项规定精神。")
    path = tmp_path / "总结.docx"
    word.save(str(path))
    result = import_document(path)
    assert_nothing_lost(result)
    sections = result.draft.sections
    main = result.template.main_section  # 分管工作实绩 or 绩: both templates fit this title
    assert main is not None
    assert sections["intro"] == "本人2025年任某局副局长，分管项目建设，现将一年来的情况总结如下。"
    assert sections[main] == (
        "抓项目建设\n重点项目\n推动重点项目八个，完成投资十亿元。\n优化营商环境\n办理企业诉求一百二十件。"
    )
    assert sections["integrity"] == "严格遵守中央八项规定精神。"
    assert import_document(path, result.template.id).draft.sections == sections  # given: the same placement


def test_a_title_with_a_year_placeholder_keeps_it() -> None:
    result = parse("20**年个人工作总结\n本人一年来认真学习。\n一、加强学习\n学习。\n二、做好工作\n工作。")
    assert result.draft.title == "20**年个人工作总结"
    without_title = parse("一、品行修养\n甲。")
    assert without_title.draft.title == "20**年度个人总结"  # no year known: its place is kept, never eaten


def test_the_imported_signing_date_is_kept_and_used_by_export_unless_changed() -> None:
    result = parse(OWN_HEADINGS + "张三\n2025年12月20日\n")
    draft, template = result.draft, load_template("duty-report")
    assert draft.profile.signed == "2025年12月20日"
    assert build_outline(draft, template).date_text == "2025年12月20日"
    chosen = ExportOptions(date=dt.date(2026, 1, 5))
    assert build_outline(draft, template, chosen).date_text == "2026年1月5日"


@pytest.mark.parametrize(
    ("written", "printed"),
    [
        ("2025年12月", "2025年12月"),
        ("二〇二五年十二月", "2025年12月"),
        ("2025.12", "2025年12月"),
        ("2025.12.20", "2025年12月20日"),
    ],
)
def test_a_signing_date_without_a_day_is_exported_as_written_never_with_a_day_made_up(
    written: str, printed: str
) -> None:
    result = parse(OWN_HEADINGS + "张三\n" + written + "\n")
    draft, template = result.draft, load_template("duty-report")
    assert draft.profile.signed == written
    assert build_outline(draft, template).date_text == printed


def test_export_prints_the_month_as_written_and_says_how_to_name_the_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("APPRAISAL_HOME", str(tmp_path / "home"))
    source = tmp_path / "述职.txt"
    source.write_text(OWN_HEADINGS + "张三\n2025年12月\n", encoding="utf-8")
    assert main(["import", str(source), "-o", str(tmp_path / "d.json")]) == 0
    capsys.readouterr()
    assert main(["export", str(tmp_path / "d.json"), "--to", "txt", "-o", str(tmp_path / "out.txt")]) == 0
    err = capsys.readouterr().err
    lines = (tmp_path / "out.txt").read_text(encoding="utf-8-sig").splitlines()
    assert lines[-1].strip() == "2025年12月"
    assert "落款日期只写到月，导出为“2025年12月”，没有补上日" in err and "--date" in err
    assert (
        main(
            ["export", str(tmp_path / "d.json"), "--to", "txt", "-o", str(tmp_path / "o2.txt"), "--date", "2025-12-20"]
        )
        == 0
    )
    assert "落款日期只写到月" not in capsys.readouterr().err
    assert (tmp_path / "o2.txt").read_text(encoding="utf-8-sig").splitlines()[-1].strip() == "2025年12月20日"


def test_on_a_terminal_the_question_carries_the_evidence_and_otherwise_the_default_is_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "总结.txt"
    source.write_text(UNIT_BODY.format(who="本人"), encoding="utf-8")
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    asked: list[str] = []
    monkeypatch.setattr("builtins.input", lambda prompt="": asked.append(prompt) or "")
    assert main(["import", str(source), "-o", str(tmp_path / "问.json")]) == 0
    out, err = capsys.readouterr()
    question = next(line for line in err.splitlines() if line.startswith("未能确定文档所用的模板"))
    assert "个人口吻" in question  # the evidence, in the question's one line
    assert asked == ["模板编号："]

    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["import", str(source), "-o", str(tmp_path / "默认.json")]) == 0
    out, err = capsys.readouterr()
    assert err == ""  # nothing asked
    guess = load_draft(tmp_path / "默认.json").template
    assert f"未能确定文档所用的模板，暂按「{load_template(guess).name}」导入" in out


def test_word_numbering_without_heading_styles_is_structure_and_list_items_stay_text(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_paragraph("2025年度个人总结", style="Title")
    word.add_paragraph("本人2025年任某局副局长，现将一年来的情况总结如下。")
    word.add_paragraph("抓项目建设", style="List Number")  # Word draws 1. 2. 3.: the file's text has no number
    word.add_paragraph("推动重点项目八个，完成投资十亿元。")
    word.add_paragraph("廉政建设", style="List Number")
    word.add_paragraph("严格遵守中央八项规定精神。")
    word.add_paragraph("不足和打算", style="List Number")
    word.add_paragraph("调查研究还不够深入。", style="List Number")  # a numbered sentence is a list item
    path = tmp_path / "编号.docx"
    word.save(str(path))
    result = import_document(path)
    assert_nothing_lost(result)
    sections = result.draft.sections
    main = result.template.main_section
    assert main is not None
    assert sections["intro"] == "本人2025年任某局副局长，现将一年来的情况总结如下。"
    assert sections[main] == "抓项目建设\n推动重点项目八个，完成投资十亿元。"
    assert sections["integrity"] == "严格遵守中央八项规定精神。"
    # the list item keeps the number Word draws; the headings' numbers are structure, as typed ones are
    assert "不足和打算\n4.调查研究还不够深入。" in "\n".join(sections.values())


def test_a_heading_in_two_parts_is_placed_by_its_words() -> None:
    text = (
        "2025年度个人总结\n一年来，较好地完成了领导交办的工作任务。\n"
        "一、坚持学习，不断提高政治水平和业务素质\n认真学习党的二十大报告，撰写心得三篇。\n"
        "二、认真负责，努力完成各项工作任务\n组织开展演讲比赛一次。\n"
    )
    result = parse(text, template="cadre-annual")
    study = "坚持学习，不断提高政治水平和业务素质\n认真学习党的二十大报告，撰写心得三篇。"
    assert result.draft.sections["study"] == study
    assert result.draft.sections["results.duties"] == "认真负责，努力完成各项工作任务\n组织开展演讲比赛一次。"


def test_on_a_real_terminal_the_question_is_asked_and_enter_keeps_the_guess(tmp_path: Path) -> None:
    """`appraisal import` in a pseudo-terminal, as a user runs it: the question with its evidence, then Enter."""
    import os
    import pty
    import select
    import subprocess
    import sys

    source = tmp_path / "总结.txt"
    source.write_text(UNIT_BODY.format(who="本人"), encoding="utf-8")
    target = tmp_path / "终端.json"
    leader, follower = pty.openpty()
    code = "from appraisal.cli import main; raise SystemExit(main())"
    process = subprocess.Popen(
        [sys.executable, "-c", code, "import", str(source), "-o", str(target)],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        close_fds=True,
        cwd=tmp_path,  # the installed package, not whatever `appraisal` the current folder holds
    )
    os.close(follower)
    seen = b""
    try:
        while "模板编号：".encode() not in seen:
            ready, _, _ = select.select([leader], [], [], 30)
            assert ready, seen.decode(errors="replace")
            seen += os.read(leader, 4096)
        os.write(leader, b"\r")
        assert process.wait(timeout=30) == 0
        while select.select([leader], [], [], 0.5)[0]:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        process.kill()
        os.close(leader)
    shown = seen.decode(errors="replace")
    assert "未能确定文档所用的模板（依据：" in shown and "个人口吻" in shown
    assert "（推测）" in shown
    assert f"草稿已保存到 {target}" in shown.replace("\r\n", "\n").replace("\n", "")


def test_a_text_opening_with_tongzhimen_is_a_speech_whatever_it_names() -> None:
    text = "同志们：\n今天我们在这里召开党支部书记抓党建工作述职会议，" + "听取述职，总结成绩，查找不足。" * 10
    result = parse(text)
    assert result.fits_no_template
    duty = parse("2025年度述职报告\n各位领导、同志们：\n" + "本人认真履行职责，" * 10 + "\n一、述德\n政治坚定。")
    assert not duty.fits_no_template  # a report delivered to colleagues is no speech


def test_a_heading_run_on_after_a_title_and_a_space_is_cut_but_a_list_of_quarters_is_not() -> None:
    result = parse("2024年社区文明创建工作总结 一、工作回顾 我们完成了一、二季度的目标任务，全年 一、二季度均达标。")
    assert result.draft.title == "2024年社区文明创建工作总结"
    assert result.draft.sections["work"] == "我们完成了一、二季度的目标任务，全年 一、二季度均达标。"
