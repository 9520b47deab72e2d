"""The 落款: every format ends with the same one, as the template lays it out, and `import` reads it back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from appraisal.draft import Draft
from appraisal.export import ExportOptions, render
from appraisal.export.outline import build_outline
from appraisal.importing import import_document
from appraisal.templates import load_template, template_ids

DATE = dt.date(2027, 1, 6)


def sample(template_id: str) -> Draft:
    template = load_template(template_id)
    draft = Draft.new(template, name="周明远", unit="某市统计局", position="副局长", year=2026)
    sections = template.text_sections()
    for number, section in enumerate(sections, start=1):
        draft.sections[section.id] = f"第{number}部分：围绕中心工作扎实推进各项任务，取得了阶段性成效。"
    if not sections[-1].heading:  # a closing without heading (结束语) is known by its words in txt and Word
        draft.sections[sections[-1].id] = "特此报告，请予评议。"
    return draft


@pytest.mark.parametrize("template_id", template_ids())
def test_signature_follows_the_template(template_id: str) -> None:
    template = load_template(template_id)
    outline = build_outline(sample(template_id), template, ExportOptions(date=DATE))
    if template.voice == "collective":
        assert outline.signature_lines == ["某市统计局", "2027年1月6日"], "a unit's report is signed by the unit"
    else:
        assert outline.signature_lines == ["某市统计局", "周明远", "2027年1月6日"]


def test_a_units_report_without_its_unit_is_signed_by_the_writer() -> None:
    draft = sample("unit-summary")
    draft.profile.unit = ""
    outline = build_outline(draft, load_template("unit-summary"), ExportOptions(date=DATE))
    assert outline.signature_lines == ["周明远", "2027年1月6日"]


def test_a_template_may_lay_out_its_own_signature() -> None:
    template = load_template("cadre-annual").model_copy(update={"signature": ("name",)})
    outline = build_outline(sample("cadre-annual"), template, ExportOptions(date=DATE))
    assert outline.signature_lines == ["周明远", "2027年1月6日"]


@pytest.mark.parametrize("fmt", ["md", "txt", "docx"])
@pytest.mark.parametrize("template_id", template_ids())
def test_import_finds_the_writer_again(tmp_path: Path, template_id: str, fmt: str) -> None:
    """Exported, then imported: the unit and (for a personal report) the name come back, the 落款 stays out of
    the sections, and every section's text is as it was."""
    template = load_template(template_id)
    draft = sample(template_id)
    path = tmp_path / f"总结.{fmt}"
    path.write_bytes(render(draft, template, fmt, ExportOptions(date=DATE)))
    result = import_document(path, template_id)
    assert result.draft.profile.unit == "某市统计局"
    if template.voice == "personal":
        assert result.draft.profile.name == "周明远"
    assert result.draft.profile.year == 2026
    assert not result.draft.unmatched
    for section in template.text_sections():
        assert result.draft.sections[section.id] == draft.sections[section.id], section.id


def test_markdown_ends_with_the_same_signature_as_word_and_html() -> None:
    template = load_template("duty-report")
    draft = sample("duty-report")
    options = ExportOptions(date=DATE)
    markdown = render(draft, template, "md", options).decode("utf-8")
    assert markdown.endswith("\n\n某市统计局\n\n周明远\n\n2027年1月6日\n")
    html = render(draft, template, "html", options).decode("utf-8")
    assert '<div class="signature"><div><p>某市统计局</p><p>周明远</p><p>2027年1月6日</p></div></div>' in html
    assert html.count("2027年1月6日") == 1, "the page's Markdown body does not repeat the 落款"
