"""`appraisal import` from the command line: the draft on disk, the summary, and one clear sentence for bad input."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from appraisal import paths
from appraisal.cli import main
from appraisal.importing.reader import MAX_TEXT_BYTES
from appraisal.store import draft_files, load_draft

REPORT = """2026年度个人总结

　　2026年，在局党组的坚强领导下，本人认真履行岗位职责，现将一年来的情况总结如下。
一、品行修养
　　本人始终坚持把政治建设摆在首位，严守政治纪律和政治规矩。
二、理论学习
　　一是加强理论学习，全年参加中心组学习12次。二是学用结合。
三、四项主要工作实绩
（一）服务中心实绩。一年来，我紧紧围绕全局中心工作，完成重点项目12个，完成投资3.5亿元。
（二）分管工作实绩
　　分管的办公室工作运转顺畅。
六、廉政建设
　　严格遵守中央八项规定精神。
七、最不满意的一项工作和急需提高的一个方面能力
（二）最需要提高的一个方面能力
　　统筹协调能力有待提高。

　　　　　　　　　　　　　　　　　　办公室　张三
　　　　　　　　　　　　　　　　　　2027年1月10日
"""


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_saves_a_draft_in_the_data_dir_and_prints_a_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "去年的总结.txt"
    source.write_text(REPORT, encoding="utf-8")
    code, out, err = run_cli(capsys, "import", str(source))
    assert (code, err) == (0, "")
    (saved,) = draft_files()
    assert saved.parent == paths.drafts_dir()
    draft = load_draft(saved)
    assert draft.template == "cadre-annual"
    assert draft.title == "2026年度个人总结"
    assert (draft.profile.name, draft.profile.unit, draft.profile.year) == ("张三", "办公室", 2026)
    assert draft.sections["results.service"].startswith("一年来，我紧紧围绕全局中心工作")
    assert draft.sections["weakness.ability"] == "统筹协调能力有待提高。"
    assert draft.sections["integrity"] == "严格遵守中央八项规定精神。"
    assert "张三" not in draft.sections["weakness.ability"]
    assert "已导入 去年的总结.txt" in out
    assert "模板：干部年度考核个人总结（四项实绩）（自动识别）" in out
    assert "品行修养　26 字" in out
    # A name with a 、 of its own: every name in 「」, so that none reads as two
    empty = "「创新创优实绩」「有潜在、长远效应基础工作实绩」「党建工作」「依法行政」「最不满意的一项工作」"
    assert f"没有内容的栏目：{empty}" in out
    assert f"草稿已保存到 {saved}" in out


def test_import_to_a_chosen_path_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "a.md"
    source.write_text("# 述职报告\n\n## 一、述德\n\n政治坚定。\n", encoding="utf-8")
    target = tmp_path / "out" / "mine.json"
    code, out, _ = run_cli(capsys, "import", str(source), "--template", "duty-report", "-o", str(target))
    assert code == 0
    assert load_draft(target).sections["politics"] == "政治坚定。"
    assert "模板：领导干部述职述廉报告（导入时指定）" in out
    before = target.read_bytes()
    code, out, err = run_cli(capsys, "import", str(source), "-o", str(target))
    assert code == 2
    assert out == ""
    assert err == f"{target} 已存在，不会覆盖，请换一个文件名。\n"
    assert target.read_bytes() == before


def test_import_into_a_folder_names_the_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "r.txt"
    source.write_text(REPORT, encoding="utf-8")
    folder = tmp_path / "drafts"
    folder.mkdir()
    code, _, _ = run_cli(capsys, "import", str(source), "-o", str(folder))
    assert code == 0
    (saved,) = folder.glob("*.json")
    assert saved.name.startswith("2026-张三-cadre-annual-")


def test_unknown_template_is_one_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "r.txt"
    source.write_text(REPORT, encoding="utf-8")
    code, _, err = run_cli(capsys, "import", str(source), "--template", "nope")
    assert code == 2
    assert err.startswith("没有名为 nope 的模板")
    assert draft_files() == []


def test_unmatched_text_is_shown_to_the_user(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "r.txt"
    source.write_text("姓名：张三\n一、品行修养\n严守纪律。\n述职人：李四\n2026年12月20日\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "import", str(source))
    assert code == 0
    assert "未归入栏目的文字：5 字，已原样保存在草稿的“未归类内容”中" in out
    assert "　　第 4 行　述职人：李四" in out
    (saved,) = draft_files()
    assert load_draft(saved).unmatched == "述职人：李四"


def test_five_megabyte_file_is_imported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Timing figures are in benchmarks/import_speed.py; here: it works, and every paragraph arrives."""
    block = "一、品行修养\n　　本人始终坚持把政治建设摆在首位，严守政治纪律和政治规矩，做到令行禁止。\n"
    paragraph = "　　全年完成重点项目12个，完成投资3.5亿元，同比增长12%，群众满意度持续提升。\n"
    text = block + paragraph * (5 * 1024 * 1024 // len(paragraph.encode()))
    source = tmp_path / "big.txt"
    source.write_text(text, encoding="utf-8")
    assert source.stat().st_size > 5 * 1000 * 1000
    code, _, err = run_cli(capsys, "import", str(source))
    assert (code, err) == (0, "")
    (saved,) = draft_files()
    assert load_draft(saved).sections["conduct"].count("全年完成重点项目12个") == text.count("全年完成重点项目12个")


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _zip_that_is_not_docx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "这不是 Word 文档")
    return path


def _too_big(path: Path) -> Path:
    with path.open("wb") as handle:
        handle.truncate(MAX_TEXT_BYTES + 1)  # sparse: refused before it is read
    return path


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504

BAD_INPUTS = {
    "empty": (lambda d: _write(d / "空.txt", b""), "是空的"),
    "blank lines": (lambda d: _write(d / "白.txt", b" \r\n\t\r\n"), "是空的"),
    "white space only": (lambda d: _write(d / "全角.txt", "　　\r\n".encode()), "只有空白"),
    "binary junk": (lambda d: _write(d / "junk.txt", bytes(range(256)) * 40), "不是文本文件"),
    "random bytes": (lambda d: _write(d / "random.md", os.urandom(4096) + b"\x00"), "不是文本文件"),
    "too big": (lambda d: _too_big(d / "大.txt"), "超过导入上限 20 MB"),
    "old .doc": (lambda d: _write(d / "旧.doc", OLE), "另存为” .docx"),
    "old .wps": (lambda d: _write(d / "旧.wps", b"not even OLE"), "另存为” .docx"),
    ".doc renamed .docx": (lambda d: _write(d / "改名.docx", OLE), "另存为” .docx"),
    "missing": (lambda d: d / "没有这个文件.txt", "找不到文件"),
    "directory": (lambda d: d, "是一个文件夹"),
    "undecodable": (
        lambda d: _write(d / "乱码.txt", "第一行\n".encode() + b"\x80\x81\xff\xfe\xa1"),
        "文字编码无法识别",
    ),
    "corrupt docx": (lambda d: _zip_that_is_not_docx(d / "坏.docx"), "不是有效的 Word（.docx）文档"),
    "truncated docx": (lambda d: _write(d / "半截.docx", b"PK\x03\x04" + b"\x00" * 40), "不是有效的 Word（.docx）文档"),
    "pdf": (lambda d: _write(d / "总结.pdf", b"%PDF-1.7\n..."), "是 PDF 文件"),
    "empty docx": (lambda d: _write(d / "空.docx", b""), "是空的"),  # not "可能已损坏": there is nothing in it
    # Shift-JIS decodes as GB18030 into Han characters no Chinese text uses (`擭搙曬崘彂`): refused, not imported
    "japanese shift-jis": (
        lambda d: _write(d / "日文.txt", "年度報告書\nこれは日本語のテキストです。\n".encode("shift_jis")),
        "文字编码无法识别",
    ),
}


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_is_one_clear_sentence_and_exit_2(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, expected = BAD_INPUTS[case]
    path = make(tmp_path)
    code, out, err = run_cli(capsys, "import", str(path))
    assert code == 2
    assert out == ""
    assert expected in err
    assert "Traceback" not in err
    assert err.endswith("。\n") and err.count("。") == 1 and err.count("\n") == 1
    assert draft_files() == []


def test_docx_with_no_text_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import docx

    path = tmp_path / "空白.docx"
    docx.Document().save(str(path))
    code, _, err = run_cli(capsys, "import", str(path))
    assert code == 2
    assert err == f"Word 文档 {path} 中没有文字，没有可导入的内容。\n"


def test_excel_file_is_named_as_such(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content_types = (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'
    )
    rels = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    path = tmp_path / "表格.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("xl/workbook.xml", "<workbook/>")
    code, _, err = run_cli(capsys, "import", str(path))
    assert code == 2
    assert "不是 Word 文档（可能是 Excel 或 PowerPoint 文件）" in err


UNSURE = "同志们：\n今天我向大家汇报一些情况。\n我们做了很多工作。\n谢谢大家。\n"


def test_an_unrecognised_document_is_imported_with_the_guess_and_the_summary_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    source = tmp_path / "讲话.txt"
    source.write_text(UNSURE, encoding="utf-8")
    code, out, _err = run_cli(capsys, "import", str(source), "-o", str(tmp_path / "草稿.json"))
    assert code == 0
    assert "（推测），识别出" in out  # 同志们…谢谢大家 is a speech; the guess is used and said
    assert "该文档不符合任何模板，正文已放入「" in out
    assert "识别依据：" in out


def test_on_a_terminal_import_asks_for_the_template_when_unsure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    answers = iter(["9", "3"])
    monkeypatch.setattr("builtins.input", lambda _prompt="": next(answers))
    source = tmp_path / "讲话.txt"
    source.write_text(UNSURE, encoding="utf-8")
    target = tmp_path / "草稿.json"
    code, out, err = run_cli(capsys, "import", str(source), "-o", str(target))
    assert code == 0
    question = next(line for line in err.splitlines() if line.startswith("该文档不符合任何模板"))
    assert "（依据：像是讲话类材料" in question and question.endswith("（直接回车使用推测的模板）：")  # one line
    assert "请输入 1 到 4 之间的数字。" in err
    assert load_draft(target).template == "duty-report"
    assert "模板：领导干部述职述廉报告（您选择；自动识别时推测为「" in out
