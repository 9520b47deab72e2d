"""The export contract: the registry, file names, and writing without ever replacing a file nobody named."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from appraisal.draft import Draft
from appraisal.errors import AppraisalError
from appraisal.export import FORMATS, SUFFIX_FORMATS, ExportOptions, default_filename, export_to, format_named, render
from appraisal.templates import Template


def test_registry(draft: Draft, template: Template, options: ExportOptions) -> None:
    assert list(FORMATS) == ["docx", "txt", "md", "html"]
    assert [f.suffix for f in FORMATS.values()] == [".docx", ".txt", ".md", ".html"]
    assert all(f.label for f in FORMATS.values())
    assert SUFFIX_FORMATS == {
        ".docx": "docx",
        ".txt": "txt",
        ".md": "md",
        ".markdown": "md",
        ".html": "html",
        ".htm": "html",
    }
    assert [format_named(text) for text in ("DOCX", ".docx", "word", "markdown", "text", "htm", "pdf")] == [
        "docx",
        "docx",
        "docx",
        "md",
        "txt",
        "html",
        None,
    ]
    assert render(draft, template, "docx", options)[:2] == b"PK"
    with pytest.raises(AppraisalError, match="不支持导出为 pdf"):
        render(draft, template, "pdf", options)


def test_default_filename(draft: Draft, template: Template) -> None:
    assert default_filename(draft, template, "docx") == "李明-2026年度个人总结.docx"
    draft.profile.name = ""
    assert default_filename(draft, template, "txt") == "2026年度个人总结.txt"
    draft.profile.name = "李明"
    draft.title = '2026/年度:总结*?"<>| '
    assert default_filename(draft, template, "md") == "李明-2026年度总结.md", "no characters Windows refuses"
    draft.title = "李明2026年度述职报告"
    assert default_filename(draft, template, "html") == "李明2026年度述职报告.html", "the name is not repeated"
    draft.title = ""
    assert default_filename(draft, template, "docx") == "李明-2026年度个人总结.docx"


def test_export_into_a_folder_never_replaces_a_file(
    tmp_path: Path, draft: Draft, template: Template, options: ExportOptions
) -> None:
    first = export_to(draft, template, "txt", folder=tmp_path, options=options)
    assert first == tmp_path / "李明-2026年度个人总结.txt"
    first.write_text("别人的文件", encoding="utf-8")
    second = export_to(draft, template, "txt", folder=tmp_path, options=options)
    third = export_to(draft, template, "txt", folder=tmp_path, options=options)
    assert (second.name, third.name) == ("李明-2026年度个人总结(2).txt", "李明-2026年度个人总结(3).txt")
    assert first.read_text(encoding="utf-8") == "别人的文件"
    assert second.read_bytes() == render(draft, template, "txt", options)
    if os.name == "posix":
        assert second.stat().st_mode & 0o777 == 0o644, "an exported file is for sharing, not private"
    assert {p.name for p in tmp_path.iterdir()} == {first.name, second.name, third.name}, "no temp files left"


def test_default_folder_is_the_current_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, draft: Draft, template: Template, options: ExportOptions
) -> None:
    monkeypatch.chdir(tmp_path)
    assert export_to(draft, template, "md", options=options) == tmp_path / "李明-2026年度个人总结.md"


def test_a_named_path_is_replaced_only_when_allowed(
    tmp_path: Path, draft: Draft, template: Template, options: ExportOptions
) -> None:
    target = tmp_path / "交材料" / "总结.docx"
    assert export_to(draft, template, "docx", path=target, options=options) == target
    target.write_bytes(b"old")
    with pytest.raises(AppraisalError, match="已存在，未覆盖"):
        export_to(draft, template, "docx", path=target, options=options)
    assert target.read_bytes() == b"old"
    export_to(draft, template, "docx", path=target, overwrite=True, options=options)
    assert target.read_bytes()[:2] == b"PK"


def test_unwritable_places_are_one_sentence(
    tmp_path: Path, draft: Draft, template: Template, options: ExportOptions
) -> None:
    (tmp_path / "文件").write_text("x", encoding="utf-8")
    with pytest.raises(AppraisalError) as caught:
        export_to(draft, template, "txt", path=tmp_path / "文件" / "总结.txt", options=options)
    assert caught.value.message == f"无法导出到 {tmp_path / '文件' / '总结.txt'}：{tmp_path / '文件'} 不是文件夹。"
    with pytest.raises(AppraisalError, match="是一个文件夹"):
        export_to(draft, template, "txt", path=tmp_path, options=options)


def unwritable_folder(tmp_path: Path) -> Path:
    """A folder this process cannot write to, or a skip where none can be made (root ignores permissions)."""
    folder = tmp_path / "只读"
    folder.mkdir()
    folder.chmod(0o500)
    probe = folder / "probe"
    try:
        probe.write_text("x")
    except PermissionError:
        return folder
    probe.unlink()
    for candidate in (Path("/sys"), Path("/proc")):
        try:
            (candidate / "appraisal-probe").write_text("x")
        except PermissionError:
            return candidate
        except OSError:
            continue
        (candidate / "appraisal-probe").unlink()
    pytest.skip("no unwritable folder available")


def test_permission_denied(tmp_path: Path, draft: Draft, template: Template, options: ExportOptions) -> None:
    folder = unwritable_folder(tmp_path)
    with pytest.raises(AppraisalError) as caught:
        export_to(draft, template, "docx", path=folder / "总结.docx", options=options)
    assert caught.value.message == f"导出到 {folder / '总结.docx'} 失败：没有权限。"


@pytest.mark.parametrize("template_id", ["cadre-annual", "civil-servant", "duty-report", "unit-summary"])
@pytest.mark.parametrize("fmt", ["docx", "txt", "md", "html"])
def test_every_template_exports_empty_and_filled(template_id: str, fmt: str) -> None:
    from appraisal.templates import load_template

    template = load_template(template_id)
    empty = Draft.new(template, year=2026)
    assert render(empty, template, fmt, ExportOptions())
    filled = Draft.new(template, name="赵六", year=2026)
    for section_id in template.text_section_ids():
        filled.sections[section_id] = f"{template.section(section_id).title}的内容。\n第二段。"
    data = render(filled, template, fmt, ExportOptions(run_in_headings=True))
    text = data.decode("utf-8-sig") if fmt != "docx" else ""
    if fmt in ("txt", "md", "html"):
        for section_id in template.text_section_ids():
            assert f"{template.section(section_id).title}的内容。" in text
