"""Caps on what we read, each with one clear Chinese sentence: the XML inside a .docx (a 681 KB file can hold
190 MB of it), the text of any document, a draft file and one section of it. Without them `import` and `check`
ran for a minute and took gigabytes, and a 100 MB draft took 20 s to save."""

from __future__ import annotations

import json
import time
import zipfile
from pathlib import Path

import pytest

from appraisal.draft import Draft
from appraisal.errors import AppraisalError
from appraisal.importing.reader import MAX_DOCUMENT_CHARS, read_document
from appraisal.store import MAX_DRAFT_BYTES, MAX_SECTION_CHARS, OpenDraft, load_draft
from appraisal.templates import load_template

PARAGRAPH = "<w:p><w:r><w:t>" + "一年来坚持学习严守纪律完成各项任务。" * 20 + "</w:t></w:r></w:p>"


def docx_with_xml(path: Path, megabytes: float) -> Path:
    """A small .docx (the XML compresses well) whose document part unpacks to `megabytes` MB."""
    count = int(megabytes * 1024 * 1024 / len(PARAGRAPH.encode("utf-8"))) + 1
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        + PARAGRAPH * count
        + "</w:body></w:document>"
    )
    types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/></Relationships>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/document.xml", document)
    return path


def test_a_small_docx_holding_a_huge_xml_part_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    path = docx_with_xml(tmp_path / "总结.docx", 40)
    assert path.stat().st_size < 1024 * 1024
    started = time.monotonic()
    with pytest.raises(AppraisalError) as caught:
        read_document(path)
    assert time.monotonic() - started < 5
    assert "过大" in caught.value.message and caught.value.message.count("。") == 1


def test_a_document_with_more_text_than_any_report_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "总结.txt"
    line = "一年来坚持学习严守纪律完成各项任务。" * 10 + "\n"
    path.write_text(line * (MAX_DOCUMENT_CHARS // len(line) + 10), encoding="utf-8")
    with pytest.raises(AppraisalError) as caught:
        read_document(path)
    assert "万字" in caught.value.message and caught.value.message.count("。") == 1


def test_a_document_just_under_the_cap_is_read(tmp_path: Path) -> None:
    path = tmp_path / "总结.txt"
    line = "一年来坚持学习严守纪律完成各项任务。" * 10 + "\n"
    path.write_text(line * (MAX_DOCUMENT_CHARS // len(line) - 10), encoding="utf-8")
    assert len(read_document(path).lines) > 1000


def draft_data(**sections: str) -> dict[str, object]:
    draft = Draft.new(load_template("cadre-annual"), name="张三", unit="规划局", position="副局长", year=2026)
    draft.sections.update(sections)
    return draft.to_json_dict()


def test_a_draft_file_too_big_to_be_a_report_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "大.json"
    data = draft_data()
    data["附件"] = "字" * (MAX_DRAFT_BYTES // 3 + 10)  # an unknown field: no section is too long
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = path.stat().st_mtime_ns
    with pytest.raises(AppraisalError) as caught:
        OpenDraft(path)
    assert "过大" in caught.value.message and caught.value.message.count("。") == 1
    assert path.stat().st_mtime_ns == before


def test_a_draft_with_a_section_too_long_to_edit_is_refused_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "长.json"
    path.write_text(json.dumps(draft_data(conduct="字" * (MAX_SECTION_CHARS + 1)), ensure_ascii=False), "utf-8")
    with pytest.raises(AppraisalError) as caught:
        load_draft(path)
    assert "conduct" in caught.value.message and "万字" in caught.value.message
