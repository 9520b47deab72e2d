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


# ------------------------------------------------------------------------------------------ caps where text is written
# Issue 23 item 13: `fill` (and a paste) saved a section over the 3 M 字 cap that the program then refused to open,
# and three `note import`s wrote a notes file over the 20 MB cap that `note` then refused. The same caps now apply
# when saving: what is over them is not saved, the user is told in one sentence, and the file keeps what it had.


def test_fill_over_the_section_cap_saves_nothing_and_the_draft_still_opens(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import sys

    from appraisal import cli
    from appraisal.store import create_draft

    draft = Draft.new(load_template("cadre-annual"), name="张三", year=2026)
    draft.sections["intro"] = "原有开头语。"
    path = create_draft(draft)
    before = path.read_bytes()
    monkeypatch.setattr(sys, "stdin", io.StringIO("字" * (MAX_SECTION_CHARS + 1) + "\n.\n"))
    assert cli.main(["fill", str(path), "--section", "intro"]) == 2
    message = capsys.readouterr().err.strip()
    assert "超过 300 万字的上限" in message and "无法再打开" in message and message.count("。") == 1, message
    assert path.read_bytes() == before
    assert load_draft(path).sections["intro"] == "原有开头语。"


def test_a_section_at_the_cap_is_saved_and_opens_again(tmp_path: Path) -> None:
    from appraisal.store import save_draft

    draft = Draft.new(load_template("cadre-annual"), name="张三", year=2026)
    draft.sections["intro"] = "字" * MAX_SECTION_CHARS
    save_draft(draft, tmp_path / "满.json")
    assert load_draft(tmp_path / "满.json").sections["intro"] == draft.sections["intro"]


def test_a_draft_over_the_byte_cap_is_not_saved_and_the_saved_one_is_untouched(tmp_path: Path) -> None:
    from appraisal.store import save_draft

    path = tmp_path / "大.json"
    draft = Draft.new(load_template("cadre-annual"), name="张三", year=2026)
    save_draft(draft, path)
    before = path.read_bytes()
    for section_id in list(draft.sections)[:6]:  # each under the 字 cap, together 18 MB of UTF-8
        draft.sections[section_id] = "字" * 1_000_000
    with pytest.raises(AppraisalError) as caught:
        save_draft(draft, path)
    assert f"超过 {MAX_DRAFT_BYTES // 1024 // 1024} MB 的上限" in caught.value.message
    assert caught.value.message.count("。") == 1
    assert path.read_bytes() == before and load_draft(path).revision == 1


def test_three_note_imports_over_the_notes_cap_keep_the_notes_file_readable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from appraisal import cli
    from appraisal.notes import MAX_NOTES_BYTES, notes_path

    line = "2026-03-05 " + "牵头完成全市经济普查数据审核按期上报" * 80 + "\n"  # 1,440 字 a note
    source = tmp_path / "素材.txt"
    source.write_text(line * (MAX_NOTES_BYTES // 3 // len(line.encode())), encoding="utf-8")  # 2 fit, 3 do not
    for _ in range(2):
        assert cli.main(["note", "import", str(source), "--section", "study"]) == 0
    capsys.readouterr()
    kept = notes_path(2026).read_bytes()
    assert cli.main(["note", "import", str(source), "--section", "study"]) == 2
    message = capsys.readouterr().err.strip()
    assert "20 MB 的上限" in message and "已记下的素材未作改动" in message and message.count("。") == 1, message
    assert notes_path(2026).read_bytes() == kept
    assert cli.main(["note", "list", "--year", "2026"]) == 0
