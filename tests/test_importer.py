"""Importing documents into drafts: headings in every form SPEC §4 lists, encodings, Word files, the 落款, and the
promise that nothing the user wrote is lost (hypothesis)."""

from __future__ import annotations

import codecs
import re
from collections import Counter
from pathlib import Path

import pytest
from fuzzing import assert_nothing_lost, field_places
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from appraisal.errors import AppraisalError
from appraisal.importing import Document, ImportResult, import_document, import_summary, parse_document, read_document
from appraisal.importing.headings import FormMatcher, title_forms
from appraisal.importing.reader import split_lines
from appraisal.templates import Template, list_templates, load_template

CADRE = load_template("cadre-annual")

CONDUCT = "本人始终坚持把政治建设摆在首位，严守政治纪律和政治规矩，自觉在思想上政治上行动上同党中央保持高度一致。"
STUDY = "一是加强理论学习，全年参加中心组学习12次，撰写心得体会4篇。\n二是坚持学用结合，用理论指导实践。"
INTEGRITY = "严格遵守中央八项规定精神，从未收受礼品礼金，管好身边工作人员。"


def parse(text: str, kind: str = "txt", template: str | None = None) -> ImportResult:
    return parse_document(Document(None, kind, split_lines(text)), template)


def assert_origin_points_at_text(result: ImportResult) -> None:
    """The contract's invariant: each line of each field is found at its origin in the document."""
    field_places(result)


# ---------------------------------------------------------------- heading forms


HEADING_STYLES = {
    "chinese numeral": ("一、{t}", "二、{t}", "六、{t}"),
    "full-width parenthesis": ("（一）{t}", "（二）{t}", "（六）{t}"),
    "half-width parenthesis": ("(一){t}", "(二){t}", "(六){t}"),
    "digit and dot": ("1.{t}", "2. {t}", "6．{t}"),
    "digit and comma": ("1、{t}", "2、{t}", "6、{t}"),
    "hash": ("# {t}", "# {t}", "# {t}"),
    "unnumbered": ("{t}", "{t}", "{t}"),
    "mis-numbered": ("、{t}", "、{t}", "、{t}"),
    "comma instead of 、": ("一，{t}", "二，{t}", "六，{t}"),
    "numeral and space": ("一 {t}", "二　{t}", "六\t{t}"),
    "part": ("第一部分 {t}", "第二部分：{t}", "第六部分　{t}"),
    "bold markdown": ("**一、{t}**", "**二、{t}**", "**六、{t}**"),
    "indented with trailing colon": ("　　一、{t}：", "　　二、{t}：", "　　六、{t}："),
}


@pytest.mark.parametrize("style", HEADING_STYLES)
def test_every_heading_style_of_spec_is_recognised(style: str) -> None:
    first, second, third = HEADING_STYLES[style]
    text = "\n".join(
        [
            first.format(t="品行修养"),
            CONDUCT,
            second.format(t="理论学习"),
            STUDY,
            third.format(t="廉政建设"),
            INTEGRITY,
        ]
    )
    result = parse(text, template="cadre-annual")
    assert result.draft.sections["conduct"] == CONDUCT
    assert result.draft.sections["study"] == STUDY
    assert result.draft.sections["integrity"] == INTEGRITY
    assert result.draft.sections["intro"] == ""
    assert result.draft.unmatched == ""
    assert [span.section for span in result.headings()] == ["conduct", "study", "integrity"]
    assert_origin_points_at_text(result)


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("七、最需要提高的一个方面能力", "weakness.ability"),  # an alias
        ("六、廉政建设方面", "integrity"),  # filler word
        ("四、在党建工作方面", "party"),
        ("四、党建工作开展", "party"),  # fuzzy, no alias
        ("五、依法行政工作", "law"),
        ("二、政治理论学习", "study"),
        ("（四）有潜在长远效应的基础工作实绩", "results.foundation"),
        ("（四）有潜在、长远效应的基础工作实绩", "results.foundation"),
        ("（二）分管业务工作实绩", "results.duties"),
        ("（一）关于服务中心工作", "results.service"),
        ("一、2026年度党建工作情况", "party"),
    ],
)
def test_reworded_headings_are_matched(heading: str, section: str) -> None:
    result = parse(f"{heading}\n　　这一部分的正文内容，写得很具体。", template="cadre-annual")
    assert result.draft.sections[section] == "这一部分的正文内容，写得很具体。"
    assert [span.section for span in result.headings()] == [section]


def test_inline_heading_is_cut_off_and_body_kept() -> None:
    text = "（一）服务中心实绩。一年来，我紧紧围绕全局中心工作，完成重点项目12个。\n第二段。"
    result = parse(text, template="cadre-annual")
    assert result.draft.sections["results.service"] == "一年来，我紧紧围绕全局中心工作，完成重点项目12个。\n第二段。"
    assert result.origin["results.service"] == [(1, 10), (2, 0)]
    (span,) = result.headings()
    assert (span.line, span.start, span.end) == (1, 0, 10)


@pytest.mark.parametrize(
    "line",
    [
        "一、品行修养：本人政治立场坚定。",
        "一、品行修养　本人政治立场坚定。",
        "## 一、品行修养：本人政治立场坚定。",
        "1. 品行修养，本人政治立场坚定。",
    ],
)
def test_inline_heading_separators(line: str) -> None:
    result = parse(line, template="cadre-annual")
    assert result.draft.sections["conduct"] == "本人政治立场坚定。"


def test_body_sentences_that_start_like_headings_stay_body() -> None:
    text = "\n".join(
        [
            "二、理论学习",
            "一是加强理论学习，提高政治素养。",
            "（一）加强政治理论学习，全年自学32次。",
            "理论学习。",
            "三、四项主要工作实绩",
            "（二）分管工作实绩",
            "1. 加强政治理论学习，组织科室学习28次。",
            "（二）依法履职方面，全年审核合同40份。",
            "十分重视依法行政工作。",
            "五、依法行政",
            "坚持依法决策。",
        ]
    )
    result = parse(text, template="cadre-annual")
    sections = result.draft.sections
    assert sections["study"] == "一是加强理论学习，提高政治素养。\n（一）加强政治理论学习，全年自学32次。\n理论学习。"
    assert sections["results.duties"] == (
        "1. 加强政治理论学习，组织科室学习28次。\n（二）依法履职方面，全年审核合同40份。\n十分重视依法行政工作。"
    )
    assert sections["law"] == "坚持依法决策。"
    assert [s.section for s in result.headings()] == ["study", "results", "results.duties", "law"]


def test_sub_point_with_an_alias_does_not_steal_a_later_section() -> None:
    """`（二）依法履职` is an alias of 依法行政, but the real heading comes later: the order of the template wins."""
    text = "\n".join(
        [
            "一、品行修养",
            "甲。",
            "（二）分管工作实绩",
            "乙。",
            "（二）依法履职",
            "丙。",
            "（三）创新创优实绩",
            "丁。",
            "四、党建工作",
            "戊。",
            "五、依法行政",
            "己。",
        ]
    )
    result = parse(text, template="cadre-annual")
    assert result.draft.sections["results.duties"] == "乙。\n（二）依法履职\n丙。"
    assert result.draft.sections["law"] == "己。"


def test_a_top_level_heading_naming_no_section_opens_the_main_section_and_the_summary_says_so() -> None:
    text = "一、品行修养\n甲。\n二、其他需要说明的情况\n乙。\n三、廉政建设\n丙。"
    result = parse(text, template="cadre-annual")
    assert result.draft.sections["conduct"] == "甲。"
    assert result.draft.sections["results.duties"] == "其他需要说明的情况\n乙。"
    assert result.draft.sections["integrity"] == "丙。"
    assert "第 3 行“二、其他需要说明的情况”（标题未提及其他栏目，归入主体栏目）" in import_summary(result)


def test_sections_out_of_template_order_are_still_found() -> None:
    text = "一、理论学习\n甲。\n二、品行修养\n乙。\n三、廉政建设\n丙。"
    result = parse(text, template="cadre-annual")
    assert result.draft.sections["study"] == "甲。"
    assert result.draft.sections["conduct"] == "乙。"
    assert result.draft.sections["integrity"] == "丙。"


def test_group_heading_text_goes_to_first_child_and_summary_says_so() -> None:
    text = (
        "三、四项主要工作实绩\n今年以来，主要做了以下工作：\n（一）服务中心实绩\n完成项目12个。\n"
        "（二）分管工作实绩\n运转顺畅。"
    )
    result = parse(text, template="cadre-annual")
    assert result.draft.sections["results.service"] == "今年以来，主要做了以下工作：\n完成项目12个。"
    assert result.draft.sections["results.duties"] == "运转顺畅。"
    assert "「四项主要工作实绩」标题下" in import_summary(result)
    assert "「服务中心实绩」的开头" in import_summary(result)


def test_group_without_child_headings_keeps_all_its_text_in_first_child() -> None:
    text = "三、四项主要工作实绩。全年完成项目12个。\n推行一网通办。\n四、党建工作\n落实三会一课。"
    result = parse(text, template="cadre-annual")
    assert result.draft.sections["results.service"] == "全年完成项目12个。\n推行一网通办。"
    assert result.draft.sections["party"] == "落实三会一课。"


# ---------------------------------------------------------------- title, intro, profile, 落款


def test_title_and_intro() -> None:
    text = "2026年度个人总结\n\n　　2026年，本人在局党组领导下认真履职。\n　　现总结如下。\n一、品行修养\n" + CONDUCT
    result = parse(text)
    assert result.draft.title == "2026年度个人总结"
    assert result.draft.profile.year == 2026
    assert result.draft.sections["intro"] == "2026年，本人在局党组领导下认真履职。\n现总结如下。"
    assert result.origin["title"] == [(1, 0)]
    assert result.origin["intro"] == [(3, 2), (4, 2)]


def test_chinese_numeral_year_in_title() -> None:
    result = parse("二〇二五年度述职报告\n一、品行修养\n甲。")
    assert result.draft.profile.year == 2025
    assert result.draft.title == "二〇二五年度述职报告"


def test_without_a_title_the_template_default_is_used() -> None:
    result = parse("一、品行修养\n" + CONDUCT, template="cadre-annual")
    assert result.draft.title == CADRE.default_title(result.draft.profile.year)
    assert "title" not in result.origin


def test_signature_goes_to_profile_not_last_section() -> None:
    text = "\n".join(
        [
            "2026年度个人总结",
            "六、廉政建设",
            INTEGRITY,
            "",
            "　　　　　　　　　　　　　　　　办公室　张三",
            "　　　　　　　　　　　　　　　　2027年1月10日",
        ]
    )
    result = parse(text)
    assert result.draft.sections["integrity"] == INTEGRITY
    assert result.draft.profile.name == "张三"
    assert result.draft.profile.unit == "办公室"
    assert (result.draft.profile.model_extra or {})["date"] == "2027年1月10日"
    assert result.draft.unmatched == ""
    summary = import_summary(result)
    assert "姓名：张三" in summary
    assert "落款日期：2027年1月10日" in summary


@pytest.mark.parametrize(
    ("lines", "name", "year"),
    [
        (["述职人：李四", "2026年12月20日"], "李四", 2026),
        (["王五", "二〇二七年一月"], "王五", 2026),
        (["赵六　2026.12.28"], "赵六", 2026),
        (["欧阳娜娜", "2026-12-01"], "欧阳娜娜", 2026),
        (["报告人：买买提·艾力"], "买买提·艾力", None),
    ],
)
def test_signature_forms(lines: list[str], name: str, year: int | None) -> None:
    text = "\n".join(["一、品行修养", CONDUCT, *lines])
    result = parse(text, template="cadre-annual")
    assert result.draft.sections["conduct"] == CONDUCT
    assert result.draft.profile.name == name
    if year is not None:
        assert result.draft.profile.year == year


def test_title_year_wins_over_signature_date() -> None:
    result = parse("2025年度个人总结\n一、品行修养\n甲。\n张三\n2026年12月20日")
    assert result.draft.profile.year == 2025


def test_the_same_name_in_form_and_signature_is_the_name() -> None:
    result = parse("姓名：张三\n一、品行修养\n甲。\n张三\n2026年12月20日", template="cadre-annual")
    assert result.draft.profile.name == "张三"
    assert result.draft.unmatched == ""
    assert result.draft.sections["conduct"] == "甲。"


def test_a_different_second_name_in_the_signature_is_kept_in_unmatched() -> None:
    text = "姓名：张三\n一、品行修养\n甲。\n述职人：李四\n2026年12月20日"
    result = parse(text, template="cadre-annual")
    assert result.draft.profile.name == "张三"
    assert result.draft.unmatched == "述职人：李四"
    summary = import_summary(result)
    assert "未归类内容" in summary
    assert "第 4 行　述职人：李四" in summary
    assert_origin_points_at_text(result)


def test_short_last_line_without_date_or_label_stays_in_text() -> None:
    text = "一、品行修养\n甲。\n特此报告"
    result = parse(text, template="cadre-annual")
    assert result.draft.sections["conduct"] == "甲。\n特此报告"
    assert result.draft.profile.name == ""


def test_labelled_particulars_under_the_title() -> None:
    text = "2026年度个人总结\n姓名：张三　　单位：XX市财政局　　职务：科长\n一、品行修养\n甲。"
    result = parse(text)
    profile = result.draft.profile
    assert (profile.name, profile.unit, profile.position) == ("张三", "XX市财政局", "科长")
    assert result.draft.sections["intro"] == ""


# ---------------------------------------------------------------- no headings, template choice, closing


def test_document_without_headings_keeps_everything_in_intro() -> None:
    body = ["今年以来，本人认真学习，努力工作。", "完成各项任务，得到领导肯定。", "存在的问题是学习不够深入。"]
    result = parse("\n\n".join(body))
    assert result.template.id == "cadre-annual"
    assert result.draft.sections["intro"] == "\n".join(body)
    assert result.headings() == []
    assert "没有找到模板的栏目标题" in import_summary(result)
    assert result.matched_template_score == 0.0


CIVIL = (
    "2026年度个人总结\n一、德\n政治坚定。\n二、能\n业务熟练。\n三、勤\n工作勤勉。\n四、绩\n完成任务。\n"
    "五、廉\n廉洁自律。\n六、存在不足和努力方向\n不足。"
)
DUTY = (
    "2026年度述职述廉报告\n各位领导：\n一、述德（政治表现）\n政治坚定。\n二、履职情况\n完成任务。\n三、述廉\n廉洁。\n"
    "四、述法\n守法。\n五、存在不足及原因\n不足。\n六、下步打算\n打算。\n特此报告，请予评议。\n张三\n2026年12月20日"
)
UNIT = (
    "2026年工作总结和2027年工作计划\n一、主要工作及成效\n成效显著。\n二、存在的主要问题\n问题。\n"
    "三、下一年工作安排\n安排。"
)


UNIT_BY_YEAR = "一、2026年工作总结\n成效显著。\n二、存在的问题和不足\n问题。\n三、2027年工作计划\n安排。"


@pytest.mark.parametrize(
    ("text", "template_id"),
    [(CIVIL, "civil-servant"), (DUTY, "duty-report"), (UNIT, "unit-summary"), (UNIT_BY_YEAR, "unit-summary")],
)
def test_best_matching_template_is_chosen(text: str, template_id: str) -> None:
    result = parse(text)
    assert result.template.id == template_id
    assert result.template_chosen
    assert result.matched_template_score == 1.0
    assert "（自动识别）" in import_summary(result)


def test_duty_report_closing_and_signature() -> None:
    result = parse(DUTY)
    assert result.draft.sections["intro"] == "各位领导："
    assert result.draft.sections["plans"] == "打算。"
    assert result.draft.sections["closing"] == "特此报告，请予评议。"
    assert result.draft.profile.name == "张三"


def test_given_template_is_used_even_when_another_fits_better() -> None:
    result = parse(CIVIL, template="cadre-annual")
    assert result.template.id == "cadre-annual"
    assert not result.template_chosen
    # Its headings name no section of the given template: they are the body (its main section), never the opening.
    assert result.draft.sections["intro"] == ""
    assert result.draft.sections["results.duties"].startswith("德\n政治坚定。")
    assert result.draft.sections["integrity"] == "廉\n廉洁自律。"


def test_title_forms_are_unambiguous_within_each_template() -> None:
    """A title or alias naming two sections would make the importer's choice arbitrary."""
    templates, _ = list_templates()
    for template in templates:
        owners: dict[str, set[str]] = {}
        for form, section in title_forms(template):
            owners.setdefault(form, set()).add(section.id)
        clashes = {form: ids for form, ids in owners.items() if len(ids) > 1}
        assert clashes == {}, template.id


# ---------------------------------------------------------------- Markdown


def test_markdown_title_headings_closing_break_and_unknown_heading() -> None:
    text = "\n".join(
        [
            "# 2026年度述职述廉报告",
            "",
            "各位领导：",
            "",
            "## 一、述德（政治表现）",
            "",
            "政治坚定。",
            "",
            "## 其他需要说明的事项",
            "",
            "#1号楼项目已完工。",
            "",
            "## 二、下步打算",
            "",
            "继续努力。",
            "",
            "---",
            "",
            "以上述职，请各位评议。",
        ]
    )
    result = parse(text, kind="md", template="duty-report")
    sections = result.draft.sections
    assert result.draft.title == "2026年度述职述廉报告"
    assert sections["intro"] == "各位领导："
    assert sections["politics"] == "政治坚定。"
    assert sections["duties"] == "其他需要说明的事项\n#1号楼项目已完工。"
    assert sections["plans"] == "继续努力。"
    assert sections["closing"] == "以上述职，请各位评议。"
    assert "第 9 行“## 其他需要说明的事项”（标题未提及其他栏目，归入主体栏目）" in import_summary(result)
    assert_origin_points_at_text(result)


# ---------------------------------------------------------------- round trips with the export formats


def sample_draft_texts(template: Template) -> dict[str, str]:
    texts = {}
    for number, section in enumerate(template.text_sections(), start=1):
        if section.id == "closing":
            texts[section.id] = "特此报告，请予评议。"
        else:
            texts[section.id] = (
                f"关于{section.title}，全年完成重点任务{number}项，同比增长{number * 3}%。\n"
                f"二是坚持问题导向，“{section.title}”工作取得新进展（见附表{number}）。\n"
                "三是加强队伍建设。"
            )
    return texts


def render_markdown(title: str, template: Template, texts: dict[str, str]) -> str:
    """The Markdown export's layout (SPEC §5): `# title`, `##`/`###` numbered headings, blank-line paragraphs."""
    numerals = "一二三四五六七八九十"
    blocks = [f"# {title}"]
    counters = [0, 0]
    for placed in template.walk():
        section = placed.section
        if section.heading:
            counters[placed.level - 1] += 1
            if placed.level == 1:
                counters[1] = 0
                label = f"{numerals[counters[0] - 1]}、{section.title}"
            else:
                label = f"（{numerals[counters[1] - 1]}）{section.title}"
            blocks.append(f"{'#' * (placed.level + 1)} {label}")
        elif placed.level == 1 and section.id != "intro":
            blocks.append("---")
        if not section.is_group:
            blocks.extend(texts[section.id].split("\n"))
    return "\n\n".join(blocks) + "\n"


def render_text(title: str, template: Template, texts: dict[str, str], *, run_in: bool) -> str:
    """The plain-text export's layout: title, blank line, headings and paragraphs indented with `　　`."""
    numerals = "一二三四五六七八九十"
    lines = [title, ""]
    counters = [0, 0]
    for placed in template.walk():
        section = placed.section
        label = ""
        if section.heading:
            counters[placed.level - 1] += 1
            if placed.level == 1:
                counters[1] = 0
                label = f"{numerals[counters[0] - 1]}、{section.title}"
            else:
                label = f"（{numerals[counters[1] - 1]}）{section.title}"
        paragraphs = [] if section.is_group else texts[section.id].split("\n")
        if label and run_in and placed.level == 2 and paragraphs:
            paragraphs[0] = f"{label}。{paragraphs[0]}"
        elif label:
            lines.append("　　" + label)
        lines.extend("　　" + paragraph for paragraph in paragraphs)
    return "\r\n".join(lines) + "\r\n"


BUILTIN = [t.id for t in list_templates()[0]]


@pytest.mark.parametrize("template_id", BUILTIN)
def test_markdown_layout_round_trips(template_id: str) -> None:
    template = load_template(template_id)
    texts = sample_draft_texts(template)
    result = parse(render_markdown("2026年度个人总结", template, texts), kind="md")
    assert result.template.id == template_id
    assert result.draft.sections == texts
    assert result.draft.title == "2026年度个人总结"
    assert result.draft.unmatched == ""
    assert_origin_points_at_text(result)


@pytest.mark.parametrize("run_in", [False, True])
@pytest.mark.parametrize("template_id", BUILTIN)
def test_text_layout_round_trips(tmp_path: Path, template_id: str, run_in: bool) -> None:
    template = load_template(template_id)
    texts = sample_draft_texts(template)
    path = tmp_path / "export.txt"
    path.write_bytes(codecs.BOM_UTF8 + render_text("我的总结", template, texts, run_in=run_in).encode("utf-8"))
    result = import_document(path)
    assert result.template.id == template_id
    assert result.draft.sections == texts
    assert result.draft.title == "我的总结"
    assert result.draft.unmatched == ""
    assert_origin_points_at_text(result)


@pytest.mark.parametrize("fmt", ["md", "txt", "docx"])
@pytest.mark.parametrize("template_id", BUILTIN)
def test_real_exporter_round_trips(tmp_path: Path, template_id: str, fmt: str) -> None:
    """The same promise against the exporter itself; its Word file also carries the 落款 (name and date)."""
    pytest.importorskip(
        {"md": "appraisal.export.markdown", "txt": "appraisal.export.text"}.get(fmt, "appraisal.export.docx")
    )
    import datetime as dt

    from appraisal.draft import Draft
    from appraisal.export import ExportOptions, render

    template = load_template(template_id)
    draft = Draft.new(template, name="张三", year=2026)
    draft.sections.update(sample_draft_texts(template))
    for run_in in (False, True):
        path = tmp_path / f"export-{run_in}.{fmt}"
        options = ExportOptions(run_in_headings=run_in, date=dt.date(2027, 1, 8))
        path.write_bytes(render(draft, template, fmt, options))
        result = import_document(path)
        assert result.template.id == template_id
        assert result.draft.sections == draft.sections
        assert result.draft.title == draft.title
        assert result.draft.unmatched == ""
        if fmt == "docx":
            assert result.draft.profile.name == "张三"
            assert (result.draft.profile.model_extra or {})["date"] == "2027年1月8日"
            assert result.draft.profile.year == 2026


# ---------------------------------------------------------------- reading files


def test_gb18030_file_is_detected(tmp_path: Path) -> None:
    text = "2026年度个人总结\r\n一、品行修养\r\n　　坚持学习䶮字库外的生僻字也要保留，€符号。\r\n"
    path = tmp_path / "旧电脑.txt"
    path.write_bytes(text.encode("gb18030"))
    result = import_document(path)
    assert result.draft.sections["conduct"] == "坚持学习䶮字库外的生僻字也要保留，€符号。"
    assert result.document.lines[2].startswith("　　坚持")
    assert result.origin["conduct"] == [(3, 2)]


def test_gbk_file_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("一、廉政建设\n严守纪律。\n".encode("gbk"))
    assert import_document(path).draft.sections["integrity"] == "严守纪律。"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_unicode_files(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "u.txt"
    path.write_bytes("一、廉政建设\n严守纪律。\n".encode(encoding))
    result = import_document(path)
    assert result.document.lines == ["一、廉政建设", "严守纪律。"]
    assert result.draft.sections["integrity"] == "严守纪律。"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text",
    [
        "一、廉政建设\n严守纪律，全年一次也没有违规。\n",  # 一 (U+4E00) gives a NUL in the low byte too
        "2026年度考核个人总结\n二、廉政建设\n严守纪律。\n",
    ],
)
def test_utf16_without_a_byte_order_mark(tmp_path: Path, encoding: str, text: str) -> None:
    path = tmp_path / "u.txt"
    path.write_bytes(text.encode(encoding))
    result = import_document(path)
    assert "\n".join(result.document.lines) == text.rstrip("\n")
    assert (result.document.encoding, result.document.bom) == (encoding, b"")


@pytest.mark.parametrize(
    "raw", [b"\x00\x01\x02\x03", "一、廉政建设\n".encode("utf-16-le") + b"\x00", bytes(range(256))]
)
def test_nuls_that_are_no_utf16_text_are_no_text(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "b.txt"
    path.write_bytes(raw)
    with pytest.raises(AppraisalError, match="不是文本文件"):
        import_document(path)


def test_line_ends_of_every_kind_count_as_editors_count_them(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes("一、品行修养\r\n甲。\r乙。\n\n丙。".encode())
    result = import_document(path)
    assert result.document.lines == ["一、品行修养", "甲。", "乙。", "", "丙。"]
    assert result.origin["conduct"] == [(2, 0), (3, 0), (5, 0)]


def _docx_with_table(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("2026年度个人总结")
    document.add_paragraph("一、品行修养", style="Heading 1")
    document.add_paragraph(CONDUCT)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "二、理论学习"
    table.cell(0, 1).text = "全年自学32次。"
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "撰写心得4篇。"
    # Without its Word heading style this reworded line would be too far from 党建工作 to count as a heading.
    document.add_paragraph("党建工作开展", style="Heading 2")
    document.add_paragraph("落实三会一课。")
    paragraph = document.add_paragraph("六、廉政建设")
    run = paragraph.add_run()
    run.add_break()
    run.add_text("严守纪律，")
    run.add_tab()
    run.add_text("从不收礼。")
    document.save(str(path))


def test_docx_paragraphs_tables_and_breaks(tmp_path: Path) -> None:
    path = tmp_path / "总结.docx"
    _docx_with_table(path)
    result = import_document(path)
    lines = result.document.lines
    assert result.document.kind == "docx"
    assert lines[:4] == ["2026年度个人总结", "一、品行修养", CONDUCT, "二、理论学习"]
    assert lines.count("撰写心得4篇。") == 1  # merged cells are not read twice
    sections = result.draft.sections
    assert result.draft.title == "2026年度个人总结"
    assert sections["study"] == "全年自学32次。\n撰写心得4篇。"
    assert sections["integrity"] == "严守纪律，\t从不收礼。"
    assert sections["conduct"] == CONDUCT
    assert sections["party"] == "落实三会一课。"
    assert result.document.outline == {2: 1, lines.index("党建工作开展") + 1: 2}
    paragraph = lines.index("六、廉政建设\n严守纪律，\t从不收礼。") + 1
    assert result.origin["integrity"] == [(paragraph, len("六、廉政建设\n"))]
    assert_origin_points_at_text(result)


def _registration_form(path: Path) -> None:
    """A 年度考核登记表: the report sits in one big cell among the form's cells."""
    import docx

    document = docx.Document()
    document.add_paragraph("公务员年度考核登记表")
    table = document.add_table(rows=4, cols=4)
    for column, text in enumerate(["姓 名", "张三", "性别", "男"]):
        table.cell(0, column).text = text
    table.cell(1, 0).text = "单位及职务"
    table.cell(1, 1).merge(table.cell(1, 3)).text = "XX市财政局预算科科长"
    table.cell(2, 0).text = "个人总结"
    report = table.cell(2, 1).merge(table.cell(2, 3))
    report.text = "2026年度个人总结"
    for text in ["一、品行修养", CONDUCT, "六、廉政建设", INTEGRITY]:
        report.add_paragraph(text)
    inner = report.add_table(rows=1, cols=2)  # a table inside the report is part of it
    inner.cell(0, 0).text = "项目"
    inner.cell(0, 1).text = "完成12个"
    report.add_paragraph("张三")
    report.add_paragraph("2027年1月10日")
    table.cell(3, 0).text = "主管领导评语"
    table.cell(3, 1).merge(table.cell(3, 3)).text = "签名：　　　年　月　日"
    document.save(str(path))


def test_report_in_a_registration_form_table(tmp_path: Path) -> None:
    path = tmp_path / "登记表.docx"
    _registration_form(path)
    result = import_document(path)
    draft = result.draft
    assert result.document.cells  # table paragraphs carry their (row, cell)
    assert draft.title == "公务员年度考核登记表"
    assert draft.profile.name == "张三"
    assert (draft.profile.model_extra or {})["date"] == "2027年1月10日"
    assert draft.sections["intro"] == "2026年度个人总结"
    assert draft.sections["conduct"] == CONDUCT
    assert draft.sections["integrity"] == INTEGRITY + "\n项目　完成12个"  # the inner table's row, read as a row
    assert draft.unmatched.split("\n") == [  # the form's rows too; the big cell's row keeps its paragraphs
        "性别　男",
        "单位及职务　XX市财政局预算科科长",
        "个人总结",
        "主管领导评语　签名：　　　年　月　日",
    ]
    assert_origin_points_at_text(result)


def test_docx_tracked_insertions_are_read_and_deletions_are_not(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("一、廉政建设")
    paragraph = document.add_paragraph("严守")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraph._p.append(parse_xml(f'<w:ins {w} w:id="1" w:author="a"><w:r><w:t>纪律</w:t></w:r></w:ins>'))
    paragraph._p.append(parse_xml(f'<w:del {w} w:id="2" w:author="a"><w:r><w:delText>删掉</w:delText></w:r></w:del>'))
    path = tmp_path / "修订.docx"
    document.save(str(path))
    assert import_document(path).draft.sections["integrity"] == "严守纪律"


def test_read_document_refuses_a_zip_that_is_not_a_word_file(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "坏.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "不是 Word")
    with pytest.raises(AppraisalError, match="不是有效的 Word"):
        read_document(path)


# ---------------------------------------------------------------- properties


TITLE_CHARS = "品行修养理论学习工作实绩服务中心分管创新创优党建依法行政廉政建设能力提高"
BODY_ALPHABET = TITLE_CHARS + "本人年度坚持加强完成项目同比增长万元亿的了和在是我们全年推进落实，、；“”（）%0123456789"
FIRST_CHARS = "本人年度坚持加强完成项目同比增长全年推进落实我们在"

paragraph = st.builds(
    lambda first, rest: first + rest + "。",
    st.sampled_from(FIRST_CHARS),
    st.text(alphabet=BODY_ALPHABET, max_size=40),
)
section_text = st.lists(paragraph, min_size=1, max_size=3).map("\n".join)
NUMERALS = "一二三四五六七八九十"
STYLES = ["cn", "pcn", "paren", "num", "numcomma", "hash", "none", "bare", "part"]


def heading_line(style: str, number: int, title: str, level: int) -> str:
    numeral = NUMERALS[(number - 1) % 10]
    return {
        "cn": f"{numeral}、{title}",
        "pcn": f"（{numeral}）{title}",
        "paren": f"({numeral}){title}",
        "num": f"{number}.{title}",
        "numcomma": f"{number}、{title}",
        "hash": f"{'#' * (level + 1)} {title}",
        "none": title,
        "bare": f"、{title}",
        "part": f"第{numeral}部分 {title}",
    }[style]


@st.composite
def documents(draw: st.DrawFn) -> tuple[Template, str, str, dict[str, str], str | None]:
    """A template, a document kind, its text, the section texts it holds, and its title."""
    templates, _ = list_templates()
    template = draw(st.sampled_from(sorted(templates, key=lambda t: t.id)))
    kind = draw(st.sampled_from(["txt", "md"]))
    blank = "\n\n" if kind == "md" else "\n"
    indent = draw(st.sampled_from(["", "　　", "  ", "\t"]))
    title = draw(st.one_of(st.none(), st.just("2026年度个人总结")))
    lines: list[str] = [f"# {title}" if kind == "md" else title] if title else []
    texts: dict[str, str] = {}
    number = 0
    for placed in template.walk():
        section = placed.section
        present = draw(st.booleans()) if section.heading else True
        if section.is_group:
            if not present:
                continue
        elif not present:
            continue
        text = "" if section.is_group else draw(st.one_of(st.just(""), section_text))
        if section.id == "closing":
            if not text:
                continue
            if kind == "md":
                lines.append("---")
            else:
                text = "特此报告，请予审议。"
        if not section.is_group:
            texts[section.id] = text
        paragraphs = text.split("\n") if text else []
        if section.heading:
            number += 1
            style = draw(st.sampled_from(STYLES))
            name = draw(st.sampled_from([section.title, *section.aliases]))
            heading = heading_line(style, number, name, placed.level)
            if paragraphs and style != "none" and draw(st.booleans()):
                lines.append(indent + heading + draw(st.sampled_from(["。", "：", "　"])) + paragraphs.pop(0))
            else:
                lines.append(indent + heading)
        lines.extend(indent + p for p in paragraphs)
    return template, kind, blank.join(lines) + "\n", texts, title


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_sections_assembled_with_random_heading_styles_are_recovered(
    case: tuple[Template, str, str, dict[str, str], str | None],
) -> None:
    template, kind, text, texts, title = case
    result = parse(text, kind=kind, template=template.id)
    expected = {section_id: "" for section_id in template.text_section_ids()} | texts
    assert result.draft.sections == expected
    assert result.draft.unmatched == ""
    if title:
        assert result.draft.title == title
    assert_origin_points_at_text(result)


LINE_PIECES = st.sampled_from(
    [
        "一、",
        "（二）",
        "3.",
        "## ",
        "# ",
        "、",
        "品行修养",
        "理论学习",
        "廉政建设",
        "最需要提高的一个方面能力",
        "姓名：",
        "张三",
        "单位：",
        "办公室",
        "2026年12月20日",
        "二〇二七年一月",
        "特此报告",
        "---",
        "。",
        "，",
        "：",
        " ",
        "　",
        "\t",
        "**",
        "2026年度个人总结",
        "述德（政治表现）",
    ]
)
any_line = st.one_of(
    st.lists(LINE_PIECES, max_size=5).map("".join),
    st.text(max_size=30),
    st.text(alphabet=BODY_ALPHABET + " 　#*-、一二（）.", max_size=30),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(any_line, max_size=25),
    st.sampled_from(["txt", "md", "docx"]),
    st.sampled_from([None, "cadre-annual", "duty-report"]),
)
def test_every_character_ends_up_in_the_draft(lines: list[str], kind: str, template_id: str | None) -> None:
    if kind == "docx":
        lines = ["\n".join(lines[i : i + 2]) for i in range(0, len(lines), 2)]  # soft breaks inside paragraphs
    else:
        lines = [re.sub(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]", "", line) for line in lines]
    document = Document(None, kind, lines)
    result = parse_document(document, template_id)
    # Each character is either copied into a field (origin) or named as structure (heading, marker, profile …):
    assert_nothing_lost(result)
    # … and in characters: the draft holds every non-space character of the body, profile included.
    fields = {"title": result.draft.title, "unmatched": result.draft.unmatched, **result.draft.sections}
    # A profile value counts once for each place it was read from (the same name in the form and the 落款).
    kept = Counter(ch for text in fields.values() for ch in text if not ch.isspace())
    kept.update(
        ch
        for span in result.structure
        if span.role.startswith("profile.")
        for ch in lines[span.line - 1][span.start : span.end]
    )
    structural = {
        (span.line, column)
        for span in result.structure
        if not span.role.startswith("profile.")
        for column in range(span.start, span.end)
    }
    body = Counter(
        ch
        for number, line in enumerate(lines, start=1)
        for column, ch in enumerate(line)
        if not ch.isspace() and (number, column) not in structural
    )
    assert not body - kept
    for span in result.headings():
        assume(span.section)
        assert span.end - span.start <= 60


def test_a_long_document_of_many_sections_is_parsed_linearly() -> None:
    """Quadratic behaviour would show as a timeout here long before it hurt a user (benchmarks/ has figures)."""
    block = "一、品行修养\n" + CONDUCT + "\n二、理论学习\n" + STUDY + "\n"
    result = parse(block * 3000, template="cadre-annual")
    assert result.draft.sections["conduct"] == CONDUCT
    assert result.draft.sections["study"].count("一是加强理论学习") == 3000


def test_form_matcher_finds_rewording_and_ignores_strangers() -> None:
    matcher = FormMatcher.for_templates([CADRE])
    assert matcher.similar("急需提高的一个方面能力")["急需提高的一个方面能力"] == 1.0
    assert matcher.similar("最需要提高的一方面能力")["最需要提高的一个方面能力"] > 0.9
    assert matcher.similar("今天天气很好") == {}
