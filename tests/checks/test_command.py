"""`appraisal check` from the command line: output formats, exit codes, bad input, --fix, config, no Textual."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from appraisal import paths
from appraisal.cli import main
from appraisal.draft import Draft
from appraisal.store import create_draft, list_history, load_draft
from appraisal.templates import load_template

from .report import DRAFT, TEXT


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def report_txt(tmp_path: Path) -> Path:
    path = tmp_path / "总结.txt"
    shutil.copyfile(TEXT, path)
    return path


@pytest.fixture
def report_json(tmp_path: Path) -> Path:
    path = tmp_path / "草稿.json"
    shutil.copyfile(DRAFT, path)
    return path


def clean_draft() -> Draft:
    """A draft with nothing wrong: every section at its minimum, each with its own wording."""
    template = load_template("cadre-annual")
    draft = Draft.new(template, name="周明远", unit="某区商务局", position="副局长", year=2025)
    for section, filler in zip(template.text_sections(), "认真学习贯彻落实各项部署", strict=True):
        draft.sections[section.id] = filler * max(section.min_chars, 10) + "。"
    return draft


def test_concise_output_like_a_compiler(capsys: pytest.CaptureFixture[str], report_txt: Path) -> None:
    code, out, err = run_cli(capsys, "--format", "concise", str(report_txt))
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert len(lines) == 14
    assert (
        lines[0]
        == f"{report_txt}:3:3: warning year-mismatch 这里指的是本年度，但写的是“2024年”，与考核年度 2025 年不符。"
    )
    assert f"{report_txt}:10:7: error placeholder “XX”是未填写的占位符，请填上实际内容。" in lines


def test_concise_output_for_a_draft_names_the_section(capsys: pytest.CaptureFixture[str], report_json: Path) -> None:
    code, out, _err = run_cli(capsys, "--format", "concise", str(report_json))
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == f"{report_json}:1:1: error profile-incomplete 草稿尚未填写单位。"
    assert f"{report_json}#study:2:5: error placeholder 「理论学习」“XX”是未填写的占位符，请填上实际内容。" in lines
    assert f"{report_json}#law:1:1: warning section-too-short “依法行政”只有 68 字，建议不少于 100 字。" in lines


def test_json_output(capsys: pytest.CaptureFixture[str], report_txt: Path, report_json: Path) -> None:
    code, out, err = run_cli(capsys, "--format", "json", str(report_txt), str(report_json))
    assert (code, err) == (1, "")
    data = json.loads(out)
    assert [entry["path"] for entry in data["files"]] == [str(report_txt), str(report_json)]
    first = data["files"][0]["findings"][0]
    assert first == {
        "rule": "year-mismatch",
        "severity": "warning",
        "section": "intro",
        "line": 3,
        "column": 3,
        "end_column": 8,
        "message": "这里指的是本年度，但写的是“2024年”，与考核年度 2025 年不符。",
        "fix": None,
    }
    assert len(data["files"][1]["findings"]) == 15
    fixes = [f for f in data["files"][1]["findings"] if f["fix"]]
    assert [(f["rule"], f["section"], f["fix"]) for f in fixes] == [
        ("typo", "conduct", "部署"),
        ("halfwidth-punctuation", "conduct", "，"),
        ("number-usage", "results.service", "1800"),
    ]
    ellipsis = [f for f in data["files"][1]["findings"] if f["rule"] == "punctuation"]
    assert [(f["section"], f["fix"]) for f in ellipsis] == [("results.innovation", "")]  # `扰民...等`: drop the dots


def test_exit_0_without_errors_even_with_warnings(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    draft = clean_draft()
    path = create_draft(draft, tmp_path / "clean.json")
    assert run_cli(capsys, "--format", "concise", str(path)) == (0, "", "")
    assert run_cli(capsys, str(path)) == (0, f"草稿 {path}\n未发现问题。\n", "")
    draft.sections["conduct"] += "坚持问题导向,把调查研究作为基本功。"
    path = create_draft(draft, tmp_path / "warned.json")
    code, out, _err = run_cli(capsys, "--format", "concise", str(path))
    assert code == 0 and "warning halfwidth-punctuation" in out
    code, out, _err = run_cli(capsys, str(path))
    assert code == 0 and out.endswith("共 1 处：错误 0 处，提示 1 处，其中 1 处可用 --fix 自动修正。\n")


def test_draft_by_name(capsys: pytest.CaptureFixture[str]) -> None:
    draft = clean_draft()
    draft.sections["law"] += "全年办理复议案件XX件。"
    path = create_draft(draft)
    code, out, _err = run_cli(capsys, "--format", "concise", "周明远")
    assert code == 1
    assert out.startswith(f"{path}#law:1:")
    assert "placeholder" in out


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "文件 {path} 是空的，没有可检查的内容。\n"),
        ("junk.txt", bytes(range(256)) * 8, "{path} 不是文本文件，无法检查，请检查 .txt、.md 或 .docx 文档。\n"),
        (
            "old.doc",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512,
            "{path} 是旧版 Word/WPS 格式（.doc 或 .wps），无法直接检查，"
            "请用 Word 或 WPS 打开后“另存为” .docx 格式再检查。\n",
        ),
        ("empty.json", b"", "草稿 {path} 无法读取（文件是空的），文件未作任何改动；历史记录中没有可用的版本。\n"),
        ("data.bin", b"\x00\x01", "无法检查 {path}：只能检查草稿（.json）和 .txt、.md、.docx 文档。\n"),
    ],
)
def test_unreadable_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    code, out, err = run_cli(capsys, str(path))
    assert (code, out) == (2, "")
    assert err == message.format(path=path)
    assert "Traceback" not in err


def test_missing_file_and_directory(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run_cli(capsys, str(tmp_path / "不存在.txt"), str(tmp_path), "没有这份草稿")
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"找不到文件 {tmp_path / '不存在.txt'}，请检查文件名和路径是否正确。",
        f"{tmp_path} 是一个文件夹，请指定要检查的草稿或 .txt、.md、.docx 文档。",
        "找不到草稿“没有这份草稿”：既不是文件路径，也不是已保存草稿的名称或编号。",
    ]


def test_other_files_are_still_checked(capsys: pytest.CaptureFixture[str], tmp_path: Path, report_txt: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, err = run_cli(capsys, "--format", "json", str(empty), str(report_txt))
    assert code == 2
    assert err == f"文件 {empty} 是空的，没有可检查的内容。\n"
    data = json.loads(out)
    assert data["files"][0] == {"path": str(empty), "error": err.strip(), "findings": []}
    assert len(data["files"][1]["findings"]) == 14


def test_fix_a_document_writes_a_fixed_copy(capsys: pytest.CaptureFixture[str], report_txt: Path) -> None:
    before = report_txt.read_bytes()
    code, out, err = run_cli(capsys, "--fix", "--format", "concise", str(report_txt))
    copy = report_txt.with_name("总结.fixed.txt")
    assert err == f"{report_txt}：已修正 4 处，修正后的副本保存为 {copy}，原文件未改动。\n"
    assert report_txt.read_bytes() == before
    fixed = before.decode("utf-8")
    for wrong, right in (
        ("问题导向,把", "问题导向，把"),
        ("决策布署", "决策部署"),
        ("1.8千万元", "1800万元"),
        ("扰民...等", "扰民等"),  # GB/T 15834: an ellipsis and 等 are not used together
    ):
        assert fixed.count(wrong) == 1
        fixed = fixed.replace(wrong, right)
    assert copy.read_bytes() == fixed.encode("utf-8")
    assert code == 1  # errors remain: they cannot be fixed automatically
    lines = out.splitlines()
    assert len(lines) == 10 and all(line.startswith(f"{copy}:") for line in lines)
    assert "halfwidth-punctuation" not in out
    assert not {"typo", "number-usage", "punctuation"} & {line.split()[2] for line in lines}


def test_fix_a_draft_saves_a_new_revision(capsys: pytest.CaptureFixture[str], report_json: Path) -> None:
    revision = load_draft(report_json).revision
    code, out, err = run_cli(capsys, "--fix", "--format", "json", str(report_json))
    assert code == 1
    assert err == f"{report_json}：已修正 4 处，保存为第 {revision + 1} 版。\n"
    draft = load_draft(report_json)
    assert draft.revision == revision + 1
    assert "坚持问题导向，把调查研究" in draft.sections["conduct"]
    assert [entry.revision for entry in list_history(report_json)] == [revision + 1]
    data = json.loads(out)
    assert [f["rule"] for f in data["files"][0]["findings"]].count("halfwidth-punctuation") == 0
    assert len(data["files"][0]["findings"]) == 11
    assert "决策部署" in draft.sections["conduct"]
    # Nothing left to fix: no new revision.
    run_cli(capsys, "--fix", str(report_json))
    assert load_draft(report_json).revision == revision + 1


def test_fix_refuses_a_draft_open_elsewhere(capsys: pytest.CaptureFixture[str], report_json: Path) -> None:
    from appraisal.store import OpenDraft

    opened = OpenDraft(report_json)
    try:
        code, out, err = run_cli(capsys, "--fix", str(report_json))
    finally:
        opened.close()
    assert (code, out) == (2, "")
    assert err.startswith(f"草稿 {report_json} 已在本窗口中打开") or "正由" in err


def test_rules_switched_off_in_config(capsys: pytest.CaptureFixture[str], report_txt: Path) -> None:
    config = paths.config_dir() / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(
        '[checks]\ndisabled = ["placeholder", "halfwidth-punctuation", "no-such-rule"]\n', encoding="utf-8"
    )
    code, out, err = run_cli(capsys, "--format", "concise", str(report_txt))
    assert err == "设置中停用的检查规则“no-such-rule”不存在，已忽略。\n"
    assert "placeholder" not in out and "halfwidth-punctuation" not in out
    assert len(out.splitlines()) == 11
    assert code == 1  # missing-figure errors remain


def test_usage_error_is_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["check"])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.startswith("参数有误：")


def test_check_never_imports_textual(report_txt: Path, report_json: Path, tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import sys
        from appraisal.cli import main
        codes = [main(["check", "--format", "concise", {str(report_txt)!r}, {str(report_json)!r}]),
                 main(["check", "--format", "json", "--fix", {str(report_txt)!r}])]
        assert codes == [1, 1], codes
        sys.exit(3 if "textual" in sys.modules else 0)
        """
    )
    env = {"APPRAISAL_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    assert "warning year-mismatch" in result.stdout


def test_user_word_lists_in_config(capsys: pytest.CaptureFixture[str], report_txt: Path) -> None:
    """`[checks] extra_words` adds user-word findings; `allowed_words` silences the rules inside those words."""
    _code, out, _err = run_cli(capsys, "--format", "json", str(report_txt))
    before = json.loads(out)["files"][0]["findings"]
    assert "year-mismatch" in {f["rule"] for f in before}
    config = paths.config_dir() / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(
        '[checks]\nextra_words = { "坚强领导" = "“坚强领导”是套话" }\nallowed_words = ["2024年"]\n', encoding="utf-8"
    )
    code, out, _err = run_cli(capsys, "--format", "json", str(report_txt))
    assert code == 1
    after = json.loads(out)["files"][0]["findings"]
    users = [f for f in after if f["rule"] == "user-word"]
    assert users and all(f["message"] == "“坚强领导”是套话。" for f in users)
    assert [f for f in after if f["rule"] not in ("user-word", "year-mismatch")] == [
        f for f in before if f["rule"] != "year-mismatch"
    ]
    assert "year-mismatch" not in {f["rule"] for f in after}


def test_an_unrecognised_document_gets_only_the_content_rules_unless_a_template_is_given(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "讲话.txt"
    path.write_text("同志们：\n今天我向大家汇报一些情况。\n我们做了很多工作，完成税收亿元。\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "--format", "concise", str(path))
    assert code == 1
    assert out == f"{path}:3:14: error missing-figure “完成税收亿元”中缺少具体数字。\n"
    assert err == (
        f"{path}：未能确定文档所用的模板，只检查了内容，未检查各栏目是否齐全和字数（可用 --template 指定模板）。\n"
    )
    code, out, err = run_cli(capsys, "--format", "concise", "--template", "cadre-annual", str(path))
    assert "error section-empty 文档中没有“品行修养”这一部分" in out
    assert err == ""
