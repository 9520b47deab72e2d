"""Recognising real-looking reports (SPEC §4, issue 11): which template and how sure, headings in other words,
free-form headings placed by their words, decorated numbering, the year from the document. Every fixture here is
written for this project; the patterns are those of real reports."""

from __future__ import annotations

from pathlib import Path

from fuzzing import assert_nothing_lost

from appraisal.checks.documents import check_document
from appraisal.importing import Document, ImportResult, import_summary, parse_document
from appraisal.importing.reader import split_lines


def parse(text: str, template: str | None = None) -> ImportResult:
    result = parse_document(Document(None, "txt", split_lines(text)), template)
    assert_nothing_lost(result)
    return result


DUTY_BY_TITLE = (
    "关于2019年度履职情况的述职述廉报告\n"
    "各位领导、同志们：\n"
    "一年来，本人在局党组的领导下，认真履行职责。现将有关情况报告如下：\n"
    "一、把学习当作第一需要\n"
    "本人全年参加集中学习二十次。\n"
    "二、扭住项目建设这个牛鼻子\n"
    "全年推进项目十二个。\n"
    "三、存在的问题和不足\n"
    "调查研究还不够深入。\n"
    "四、下一步工作打算\n"
    "本人将继续加强学习。\n"
)


def test_the_title_names_the_template_and_the_summary_says_why() -> None:
    result = parse(DUTY_BY_TITLE)
    assert result.template.id == "duty-report"
    assert result.confident
    assert "标题含“述职述廉”" in result.reasons
    assert "识别依据：标题含“述职述廉”" in import_summary(result)


def test_free_form_headings_go_where_their_words_say_and_their_words_are_kept() -> None:
    """The number of such a heading is structure: the exporter numbers the section again (一、述德 over 一、把学习…)."""
    result = parse(DUTY_BY_TITLE)
    sections = result.draft.sections
    assert sections["politics"].startswith("把学习当作第一需要\n本人全年参加集中学习二十次。")
    assert sections["shortcomings"] == "调查研究还不够深入。"
    assert sections["plans"] == "本人将继续加强学习。"
    assert "第 4 行“一、把学习当作第一需要”（按“学习”一词归入）" in import_summary(result)
    # The second free-form heading names no section: in a report whose headings are its own it is about the work
    # (the main section), not about 学习 before it.
    assert sections["politics"] == "把学习当作第一需要\n本人全年参加集中学习二十次。"
    assert sections["duties"] == "扭住项目建设这个牛鼻子\n全年推进项目十二个。"
    assert "第 6 行“二、扭住项目建设这个牛鼻子”（标题未提及其他栏目，归入主体栏目）" in import_summary(result)


def test_a_chain_of_free_form_headings_keeps_its_numbering() -> None:
    """`三、守住廉洁底线` after a free heading that named no section is still the third top-level heading."""
    text = DUTY_BY_TITLE.replace(
        "三、存在的问题和不足\n调查研究还不够深入。\n四、下一步工作打算",
        "三、守住廉洁底线\n未发生违规问题。\n四、下一步工作打算",
    )
    sections = parse(text).draft.sections
    assert sections["duties"] == "扭住项目建设这个牛鼻子\n全年推进项目十二个。"
    assert sections["integrity"] == "守住廉洁底线\n未发生违规问题。"
    assert sections["plans"] == "本人将继续加强学习。"


def test_a_list_restarting_at_one_inside_a_section_is_not_a_new_heading() -> None:
    text = (
        "2020年度述职报告\n一、履职情况\n完成任务。\n二、存在的问题和不足\n"
        "一、学习不够深入。\n二、廉洁意识有待加强。\n三、下一步工作打算\n继续努力。\n"
    )
    result = parse(text)
    assert result.draft.sections["shortcomings"] == "一、学习不够深入。\n二、廉洁意识有待加强。"


UNIT_REPORT = (
    "🌟某某县2016年工作报告\n"
    "尊敬的各位领导：\n"
    "我们全县上下团结一心，现将有关情况汇报如下。\n"
    "🌟一、20**年工作回顾与思考\n"
    "全县完成投资十亿元，我们新建道路三十公里。\n"
    "🌟二、存在的问题和不足\n"
    "全县产业结构仍需优化。\n"
    "🌟三、2016年工作展望\n"
    "我们将继续推进项目建设。\n"
)


def test_decorated_numbering_and_a_year_placeholder_in_a_heading() -> None:
    result = parse(UNIT_REPORT)
    assert result.template.id == "unit-summary"
    assert result.confident
    assert result.draft.sections["work"] == "全县完成投资十亿元，我们新建道路三十公里。"
    assert result.draft.sections["problems"] == "全县产业结构仍需优化。"
    assert result.draft.sections["plans"] == "我们将继续推进项目建设。"
    assert "第 4 行“🌟一、20**年工作回顾与思考”" in import_summary(result)


def test_the_year_comes_from_the_document_not_from_today() -> None:
    text = (
        "一、主要工作\n2015年，我们完成了全部任务，2015年底通过验收。\n"
        "二、存在的问题\n问题。\n三、2016年工作计划\n安排。"
    )
    result = parse(text)
    assert result.template.id == "unit-summary"
    assert result.draft.profile.year == 2015
    assert "文中没有找到考核年度" not in import_summary(result)


def test_a_document_without_any_year_leaves_the_year_to_the_user() -> None:
    result = parse("一、品行修养\n甲。\n二、理论学习\n乙。")
    assert result.draft.profile.year is None
    assert result.draft.title == "20**年度个人总结"  # the year's place is kept, never eaten
    assert "考核年度：未识别" in import_summary(result)
    assert "文中没有找到考核年度，草稿中的考核年度暂空，请在编辑时填写。" in import_summary(result)


UNSURE = "同志们：\n今天我向大家汇报一些情况。\n我们做了很多工作。\n谢谢大家。\n"


def test_an_unrecognised_document_says_so_and_check_runs_only_the_content_rules(tmp_path: Path) -> None:
    result = parse(UNSURE)
    assert not result.confident
    assert result.fits_no_template  # 同志们…谢谢大家: a speech
    assert "该文档不符合任何模板" in import_summary(result)
    path = tmp_path / "讲话.txt"
    path.write_text(UNSURE + "完成税收亿元。\n", encoding="utf-8")
    checked = check_document(path)
    assert not checked.sections_checked
    rules = {f.rule for f in checked.findings}
    assert "missing-figure" in rules
    assert "section-empty" not in rules
    given = check_document(path, template="cadre-annual")
    assert given.sections_checked
    assert "section-empty" in {f.rule for f in given.findings}


def test_words_of_a_speech_in_a_reports_sentences_do_not_make_it_a_speech() -> None:
    """交流, 体会, 发言 in the opening sentences are things the writer did; before, the first line was read for the
    kind like a title and the report was said to fit no template (and put into one section)."""
    report = "本人今年积极参加业务交流，认真撰写学习体会。\n全年完成各项工作任务，群众满意。\n今后将继续努力。\n"
    assert not parse(report).fits_no_template
    run_in = "在全县年度工作述职评议会议上的讲话同志们:今天我们召开述职评议会议。各位书记逐一述职。\n"
    assert parse(run_in).fits_no_template  # a title run into its text still names a speech
    with_comma = "真抓实干，奋力谱写新篇章——在全县经济工作会议上的讲话\n同志们：\n今天召开会议。\n"
    assert parse(with_comma).fits_no_template  # a speech's title may have a comma
    named_first = "张三\n本人一年来积极参加各类业务交流活动，认真撰写学习体会，全年完成各项工作任务，群众满意。\n"
    assert not parse(named_first).fits_no_template


def test_run_in_headings_with_and_without_a_separator() -> None:
    text = (
        "2025年度个人总结\n一、品行修养\n甲。\n二、理论学习\n乙。\n三、四项主要工作实绩\n"
        "（一）服务中心实绩。一年来，完成区委交办的任务八项。\n"
        "（二）分管工作实绩二是全年推进项目十二个，完成投资三亿元。\n"
        "（三）创新创优实绩一是首创“企业服务日”，受到企业好评。\n"
    )
    result = parse(text, "cadre-annual")
    sections = result.draft.sections
    assert sections["results.service"] == "一年来，完成区委交办的任务八项。"
    assert sections["results.duties"] == "二是全年推进项目十二个，完成投资三亿元。"
    assert sections["results.innovation"] == "一是首创“企业服务日”，受到企业好评。"


def test_a_title_that_goes_on_with_its_title_words_is_not_cut() -> None:
    result = parse("2025年度个人总结\n一、存在不足和努力方向\n不足。", "civil-servant")
    assert result.draft.sections["improvement"] == "不足。"


def test_a_title_run_into_the_salutation() -> None:
    text = (
        "某某县发展改革局副局长2017年度述职报告尊敬的各位领导：本人于三月到任，分管项目工作。\n"
        "一、履职情况\n全年推进项目十二个。\n二、存在的问题和不足\n调研不够。\n"
    )
    result = parse(text)
    assert result.template.id == "duty-report"
    assert result.draft.title == "某某县发展改革局副局长2017年度述职报告"
    assert result.draft.profile.year == 2017
    assert result.salutation == "尊敬的各位领导："
    assert result.draft.sections["intro"] == "尊敬的各位领导：本人于三月到任，分管项目工作。"
    assert "含称谓“尊敬的各位领导：”" in import_summary(result)


def test_a_title_over_two_lines() -> None:
    text = "某某区商务局副局长　王某某\n2019年度述职述廉报告\n各位领导：\n一、履职情况\n完成任务。\n"
    result = parse(text)
    assert result.draft.title == "某某区商务局副局长　王某某\n2019年度述职述廉报告"
    assert result.draft.profile.year == 2019
    subtitle = parse("2019年度述职述廉报告\n——在区商务局干部大会上\n一、履职情况\n完成任务。\n")
    assert subtitle.draft.title == "2019年度述职述廉报告\n——在区商务局干部大会上"


def test_headings_run_on_in_a_text_without_line_ends() -> None:
    """Text copied from a PDF or a web page: the whole report on one line."""
    text = (
        "某某镇2018年工作总结各位代表：现将工作报告如下。一、2018年工作回顾全镇完成投资三亿元。"
        "二、存在的问题产业结构单一。三、2019年工作计划继续推进项目建设。"
    )
    result = parse(text)
    assert result.template.id == "unit-summary"
    assert result.draft.title == "某某镇2018年工作总结"
    assert "2018年工作回顾全镇完成投资三亿元。" in result.draft.sections["work"]
    assert result.draft.sections["intro"] == "各位代表：现将工作报告如下。"


def test_a_word_table_stays_with_the_section_it_sits_in(tmp_path: Path) -> None:
    import docx

    from appraisal.importing import import_document

    document = docx.Document()
    document.add_paragraph("2025年工作总结和2026年工作计划")
    document.add_paragraph("一、主要工作及成效")
    document.add_paragraph("全年完成以下指标：")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "指标"
    table.cell(0, 1).text = "完成"
    table.cell(1, 0).text = "税收"
    table.cell(1, 1).text = "3.2亿元"
    document.add_paragraph("二、存在的主要问题")
    document.add_paragraph("问题。")
    path = tmp_path / "总结.docx"
    document.save(str(path))
    result = import_document(path)
    assert_nothing_lost(result)
    assert result.draft.sections["work"] == "全年完成以下指标：\n指标　完成\n税收　3.2亿元"  # a paragraph a row
    assert result.draft.sections["problems"] == "问题。"


def test_a_word_table_under_a_free_form_heading_stays_in_its_section(tmp_path: Path) -> None:
    """A table before the first heading the template names is body text when the report is not written into a
    form (it went to 未归类内容 as if it were the 登记表 around the report)."""
    import docx

    from appraisal.importing import import_document

    document = docx.Document()
    for line in (
        "2025年度述职述廉报告",
        "尊敬的各位领导：",
        "现将一年来的情况报告如下。",
        "一、扭住项目建设这个牛鼻子",
    ):
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "产业园"
    table.cell(0, 1).text = "四亿元"
    for line in ("二、存在的问题和不足", "调查研究不够深入。"):
        document.add_paragraph(line)
    path = tmp_path / "述职.docx"
    document.save(str(path))
    result = import_document(path)
    assert_nothing_lost(result)
    assert result.draft.sections["duties"] == "扭住项目建设这个牛鼻子\n产业园　四亿元"
    assert result.draft.unmatched == ""


def test_a_heading_naming_a_section_loses_its_number_the_first_time_and_stays_whole_when_repeated() -> None:
    """`三、工作方面。…` placed in 绩 by its words is the writer's heading: its number goes, as `一、品行方面。…`'s
    does (it stayed, `三、` alone in the draft). `五、党建工作` under `四、党建工作`, whose heading was already
    found, is the title repeated in the text: it stays whole for `heading-in-text` to show."""
    text = (
        "2025年度个人总结\n本人2025年在某局任科长，现将一年来的情况总结如下。\n"
        "一、品行方面。坚定理想信念，对党忠诚。\n二、学习方面。认真学习党的二十大精神。\n"
        "三、工作方面。推动重点项目八个，按月通报进度。\n四、廉洁方面。严格遵守中央八项规定精神。\n"
    )
    document = Document(None, "txt", text.splitlines())
    sections = parse_document(document, "civil-servant").draft.sections
    assert sections["achievements"] == "工作方面。推动重点项目八个，按月通报进度。"
    assert sections["virtue"] == "品行方面。坚定理想信念，对党忠诚。"  # 品行 is 德 (went to 绩, the main section)
    repeated = "2025年度个人总结\n四、党建工作\n抓好支部建设。\n五、党建工作\n开展主题党日十二次。\n"
    result = parse_document(Document(None, "txt", repeated.splitlines()), "cadre-annual")
    assert result.draft.sections["party"] == "抓好支部建设。\n五、党建工作\n开展主题党日十二次。"
