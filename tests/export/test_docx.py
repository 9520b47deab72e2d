"""Word export: open the produced .docx (python-docx and the raw XML) and check it against GB/T 9704."""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
from typing import Any

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Length, Pt

from appraisal.draft import Draft
from appraisal.export import ExportOptions, render
from appraisal.templates import Template

from .samples import deep_template

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’—…]")


def open_docx(data: bytes) -> Any:
    return Document(io.BytesIO(data))


@pytest.fixture
def data(draft: Draft, template: Template, options: ExportOptions) -> bytes:
    return render(draft, template, "docx", options)


@pytest.fixture
def document(data: bytes) -> Any:
    return open_docx(data)


def east_asia(run: Any) -> str | None:
    fonts = run._element.find(qn("w:rPr") + "/" + qn("w:rFonts"))
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def latin(run: Any) -> tuple[str | None, str | None]:
    fonts = run._element.find(qn("w:rPr") + "/" + qn("w:rFonts"))
    return (fonts.get(qn("w:ascii")), fonts.get(qn("w:hAnsi"))) if fonts is not None else (None, None)


def resolved(style: Any, read: Any) -> Any:
    """A style property, following `basedOn` like Word does."""
    while style is not None:
        value = read(style)
        if value is not None:
            return value
        style = style.base_style
    return None


def size_of(paragraph: Any, run: Any) -> Length | None:
    return run.font.size or resolved(paragraph.style, lambda s: s.font.size)


def paragraph_with(document: Any, text: str) -> Any:
    return next(p for p in document.paragraphs if p.text == text)


def assert_close_mm(actual: Length, expected_mm: float) -> None:
    assert abs(actual.mm - expected_mm) <= 0.5, f"{actual.mm:.2f} mm, expected {expected_mm} mm"


# ---------------------------------------------------------------- page


def test_a4_page_and_margins(document: Any) -> None:
    section = document.sections[0]
    assert_close_mm(section.page_width, 210)
    assert_close_mm(section.page_height, 297)
    assert_close_mm(section.top_margin, 37)
    assert_close_mm(section.bottom_margin, 35)
    assert_close_mm(section.left_margin, 28)
    assert_close_mm(section.right_margin, 26)
    text_width = section.page_width - section.left_margin - section.right_margin
    text_height = section.page_height - section.top_margin - section.bottom_margin
    assert_close_mm(Length(text_width), 156)
    assert_close_mm(Length(text_height), 225)


def test_grid_gives_22_lines_of_28_characters(document: Any) -> None:
    section = document.sections[0]
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "linesAndChars"
    line_pitch = Pt(int(grid.get(qn("w:linePitch"))) / 20)
    assert line_pitch == Pt(28.95)
    text_height = section.page_height - section.top_margin - section.bottom_margin
    assert 22 * line_pitch <= text_height < 23 * line_pitch
    # Character pitch: the Normal font size plus charSpace/4096 pt (ECMA-376 17.6.5): 28 fit a line, 29 do not.
    normal_size = document.styles["Normal"].font.size.pt
    pitch = Pt(normal_size + int(grid.get(qn("w:charSpace"))) / 4096)
    text_width = section.page_width - section.left_margin - section.right_margin
    assert 28 * pitch <= text_width < 29 * pitch
    # Paragraphs do not snap to that grid (LibreOffice would give each 16-pt character two cells); the body is
    # condensed instead, to the same effect in every word processor.
    normal = document.styles["Normal"].element
    assert normal.find(f"{qn('w:pPr')}/{qn('w:snapToGrid')}").get(qn("w:val")) == "0"
    condensed = int(normal.find(f"{qn('w:rPr')}/{qn('w:spacing')}").get(qn("w:val")))
    char_width = Pt(normal_size + condensed / 20)
    assert 28 * char_width <= text_width < 29 * char_width


# ---------------------------------------------------------------- fonts, sizes, spacing


def test_title(document: Any) -> None:
    title = document.paragraphs[0]
    assert title.text == "2026年度个人总结"
    assert title.style.name == "Title"
    assert resolved(title.style, lambda s: s.paragraph_format.alignment) == WD_ALIGN_PARAGRAPH.CENTER
    assert [east_asia(run) for run in title.runs] == ["方正小标宋简体"]
    assert size_of(title, title.runs[0]) == Pt(22)
    assert resolved(title.style, lambda s: s.paragraph_format.first_line_indent) == 0
    assert document.paragraphs[1].text == "", "one blank line below the title"


def test_body_paragraphs(document: Any, draft: Draft) -> None:
    body = paragraph_with(document, draft.sections["intro"])
    assert body.style.name == "Normal"
    assert [east_asia(run) for run in body.runs] == ["仿宋_GB2312"]
    assert latin(body.runs[0]) == ("Times New Roman", "Times New Roman")
    assert size_of(body, body.runs[0]) == Pt(16)
    normal = document.styles["Normal"].paragraph_format
    assert normal.first_line_indent == Pt(32), "2 字 of 3号"
    first_line_chars = document.styles["Normal"].element.find(f"{qn('w:pPr')}/{qn('w:ind')}")
    assert first_line_chars.get(qn("w:firstLineChars")) == "200"
    assert normal.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert normal.line_spacing == Pt(28.95)
    assert normal.space_before == 0 and normal.space_after == 0
    assert normal.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    # The paragraph itself overrides none of it.
    assert body.paragraph_format.first_line_indent is None and body.paragraph_format.line_spacing is None


@pytest.mark.parametrize(
    ("level", "label", "font"),
    [
        (1, "一、主要工作", "黑体"),
        (2, "（一）经济工作", "楷体_GB2312"),
        (3, "1.项目建设", "仿宋_GB2312"),
        (4, "（1）重点项目", "仿宋_GB2312"),
    ],
)
def test_heading_levels(level: int, label: str, font: str) -> None:
    template = deep_template()
    draft = Draft.new(template, name="张三", year=2026)
    draft.sections["work.a.x.one"] = "正文。"
    document = open_docx(render(draft, template, "docx", ExportOptions(run_in_headings=False)))
    heading = paragraph_with(document, label)
    assert heading.style.name == f"Heading {level}"
    assert [east_asia(run) for run in heading.runs] == [font]
    assert latin(heading.runs[0]) == ("Times New Roman", "Times New Roman")
    assert size_of(heading, heading.runs[0]) == Pt(16)
    assert resolved(heading.style, lambda s: s.font.bold) is False
    assert resolved(heading.style, lambda s: s.paragraph_format.first_line_indent) == Pt(32), "indented like body"
    assert resolved(heading.style, lambda s: s.paragraph_format.line_spacing) == Pt(28.95)
    style_fonts = heading.style.element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    assert style_fonts.get(qn("w:eastAsia")) == font, "the style names the East Asian font too"
    assert not any("Theme" in name for name in style_fonts.attrib), "no theme fonts overriding the names"


def test_styles_name_east_asian_fonts(document: Any) -> None:
    styles = document.styles.element
    defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    assert defaults.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert defaults.get(qn("w:ascii")) == "Times New Roman"
    for name, font in [("Normal", "仿宋_GB2312"), ("Title", "方正小标宋简体"), ("Footer", "宋体")]:
        fonts = document.styles[name].element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        assert fonts.get(qn("w:eastAsia")) == font, name
    assert not [f for f in styles.iter(qn("w:rFonts")) if any("Theme" in name for name in f.attrib)], "no theme fonts"


def test_every_run_of_chinese_text_names_an_east_asian_font(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = [name for name in package.namelist() if re.fullmatch(r"word/(document|footer\d+)\.xml", name)]
        assert len(parts) == 3
        checked = 0
        for name in parts:
            xml = package.read(name).decode("utf-8")
            for run in re.findall(r"<w:r>.*?</w:r>", xml, flags=re.S):
                text = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", run))
                if CJK.search(text):
                    checked += 1
                    assert re.search(r'w:eastAsia="[^"]+"', run), f"{name}: {text!r} has no East Asian font"
                    assert 'w:hint="eastAsia"' in run, f"{name}: {text!r} would set “” in a Latin font"
        assert checked > 20


def test_run_in_heading_is_a_kaiti_run_before_body(draft: Draft, template: Template, options: ExportOptions) -> None:
    document = open_docx(render(draft, template, "docx", dataclasses.replace(options, run_in_headings=True)))
    paragraph = next(p for p in document.paragraphs if p.text.startswith("（一）服务中心实绩。"))
    assert paragraph.style.name == "Normal"
    assert [(run.text, east_asia(run)) for run in paragraph.runs] == [
        ("（一）服务中心实绩。", "楷体_GB2312"),
        (draft.sections["results.service"].splitlines()[0], "仿宋_GB2312"),
    ]
    assert not any(p.style.name == "Heading 2" for p in document.paragraphs)


# ---------------------------------------------------------------- page numbers


def footer_runs(footer: Any) -> tuple[Any, list[Any]]:
    (paragraph,) = footer.paragraphs
    return paragraph, paragraph._p.findall(qn("w:r"))


@pytest.mark.parametrize(("which", "side"), [("footer", "right"), ("even_page_footer", "left")])
def test_page_number_field_with_dashes(document: Any, which: str, side: str) -> None:
    assert document.settings.odd_and_even_pages_header_footer is True, "w:evenAndOddHeaders"
    footer = getattr(document.sections[0], which)
    assert not footer.is_linked_to_previous
    paragraph, runs = footer_runs(footer)
    pieces = []
    for run in runs:
        fld = run.find(qn("w:fldChar"))
        instr = run.find(qn("w:instrText"))
        text = run.find(qn("w:t"))
        if fld is not None:
            pieces.append(f"[{fld.get(qn('w:fldCharType'))}]")
        elif instr is not None:
            pieces.append(f"[{instr.text.strip()}]")
        else:
            pieces.append(text.text)
        fonts = run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        assert fonts.get(qn("w:eastAsia")) == "宋体" and fonts.get(qn("w:ascii")) == "宋体"
    assert "".join(pieces) == "— [begin][PAGE][separate]1[end] —"
    alignment = WD_ALIGN_PARAGRAPH.RIGHT if side == "right" else WD_ALIGN_PARAGRAPH.LEFT
    assert paragraph.alignment == alignment, "odd pages right, even pages left"
    indent = paragraph.paragraph_format.right_indent if side == "right" else paragraph.paragraph_format.left_indent
    assert indent == Pt(14), "one 4号 character in from the edge"
    assert size_of(paragraph, footer.paragraphs[0].runs[0]) == Pt(14)
    assert resolved(paragraph.style, lambda s: s.paragraph_format.first_line_indent) == 0


def test_page_number_sits_7_mm_below_the_text_block(document: Any) -> None:
    """The footer line is one 4号 character high; its middle (the 一字线) is 7 mm below the text block."""
    section = document.sections[0]
    line = resolved(document.styles["Footer"], lambda s: s.paragraph_format.line_spacing)
    assert line == Pt(14)
    dash_mm = section.footer_distance.mm + line.mm / 2
    assert abs(section.bottom_margin.mm - 7 - dash_mm) < 0.3


# ---------------------------------------------------------------- 落款 and properties


def test_signature_name_over_date(template: Template, options: ExportOptions) -> None:
    draft = Draft.new(template, name="李明", year=2026)  # no unit: the name over the date
    *_, blank, name, date = open_docx(render(draft, template, "docx", options)).paragraphs
    assert blank.text == "" and name.text == "李明" and date.text == "2026年12月8日"
    for paragraph in (name, date):
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.RIGHT
        assert [east_asia(run) for run in paragraph.runs] == ["仿宋_GB2312"]
        assert paragraph.paragraph_format.first_line_indent == 0
    date_ind = date._p.pPr.find(qn("w:ind"))
    assert date_ind.get(qn("w:rightChars")) == "400", "4 字 from the right edge"
    assert date.paragraph_format.right_indent == Pt(64)
    # 李明 (2 字) is centred over 2026年12月8日 (3 字 + 7 half-width digits = 6.5 字).
    assert name._p.pPr.find(qn("w:ind")).get(qn("w:rightChars")) == "625"


def test_signature_unit_name_and_date(document: Any) -> None:
    """The unit above the name, so that `appraisal import` of the file finds the writer's unit again."""
    *_, blank, unit, name, date = document.paragraphs
    assert (blank.text, unit.text, name.text, date.text) == ("", "某区发展和改革局", "李明", "2026年12月8日")
    # The unit (8 字) is the widest: 4 字 from the right edge; the name and the date are centred under it.
    indents = [p._p.pPr.find(qn("w:ind")).get(qn("w:rightChars")) for p in (unit, name, date)]
    assert indents == ["400", "700", "475"]


def test_today_is_the_default_date(draft: Draft, template: Template) -> None:
    import datetime as dt

    document = open_docx(render(draft, template, "docx", ExportOptions()))
    today = dt.date.today()
    assert document.paragraphs[-1].text == f"{today.year}年{today.month}月{today.day}日"


def test_document_properties_and_no_other_personal_data(data: bytes, document: Any) -> None:
    properties = document.core_properties
    assert properties.title == "2026年度个人总结"
    assert properties.author == "李明"
    assert properties.last_modified_by == ""
    assert properties.comments == "" and properties.subject == "" and properties.keywords == ""
    assert properties.revision == 1
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = package.namelist()
        assert not any("comments" in name or "thumbnail" in name or "customXml" in name for name in names)
        for name in names:
            content = package.read(name)
            assert b"python-docx" not in content, name
            expected = 1 if name == "word/document.xml" else 0
            assert content.count("某区发展和改革局".encode()) == expected, f"{name}: the unit is only in the 落款"


def test_awkward_text_survives(template: Template) -> None:
    draft = Draft.new(template, name="张<三>&", year=2026)
    draft.sections["conduct"] = "甲\t乙\x0b丙\x00丁 <w:t> & “引号” ]]> \U0001f600"
    document = open_docx(render(draft, template, "docx", ExportOptions()))
    paragraph = paragraph_with(document, "甲\t乙")
    assert paragraph._p.find(f"{qn('w:r')}/{qn('w:tab')}") is not None
    assert paragraph_with(document, "丙丁 <w:t> & “引号” ]]> \U0001f600")
    assert document.paragraphs[-2].text == "张<三>&"  # no unit: the name over the date
    assert document.core_properties.author == "张<三>&"


def test_a_long_draft_still_renders(template: Template) -> None:
    draft = Draft.new(template, name="张三", year=2026)
    for section_id in template.text_section_ids():
        draft.sections[section_id] = "\n".join(["全年完成各项任务，同比增长8.3%。" * 20] * 8)
    document = open_docx(render(draft, template, "docx", ExportOptions()))
    assert len(document.paragraphs) > 100
    assert document.paragraphs[-1].text.endswith("日")


def test_a_paragraph_longer_than_one_xml_text_node_is_exported_whole(
    draft: Draft, template: Template, options: ExportOptions
) -> None:
    """lxml refuses a text node over 10 MB ('Text node too long'): about 3.3 million CJK characters, or a tab-free
    paragraph pasted from elsewhere. The exporter splits the text over several runs; Word shows one paragraph."""
    long_paragraph = "一年来坚持学习严守纪律完成各项任务" * 200_000  # 3.4 million characters, one line
    draft.sections["conduct"] = long_paragraph
    exported = open_docx(render(draft, template, "docx", options))
    paragraph = next(p for p in exported.paragraphs if p.text.startswith("一年来坚持学习"))
    assert paragraph.text == long_paragraph
    assert len(paragraph.runs) > 1
    assert all(east_asia(run) == "仿宋_GB2312" for run in paragraph.runs)
