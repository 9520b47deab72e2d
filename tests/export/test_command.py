"""`appraisal export`: formats, destinations, --strict, and errors as one sentence with exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from appraisal.cli import main
from appraisal.draft import Draft
from appraisal.store import create_draft

NAME = "李明-2026年度个人总结"


@pytest.fixture
def draft_path(draft: Draft) -> Path:
    return create_draft(draft)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def export(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    code = main(["export", *args, "--date", "2026-12-8"])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def txt(path: Path) -> str:
    return path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")


def test_default_is_word_in_the_current_folder(
    capsys: pytest.CaptureFixture[str], workdir: Path, draft_path: Path
) -> None:
    code, out, err = export(capsys, str(draft_path))
    assert (code, err) == (0, "")
    assert out == [str(workdir / f"{NAME}.docx")]
    assert (workdir / f"{NAME}.docx").read_bytes()[:2] == b"PK"


def test_draft_named_by_the_writer_and_several_formats(
    capsys: pytest.CaptureFixture[str], workdir: Path, draft_path: Path
) -> None:
    code, out, _ = export(capsys, "李明", "--to", "docx", "txt", "--to", "md,html")
    assert code == 0
    assert out == [str(workdir / f"{NAME}{suffix}") for suffix in (".docx", ".txt", ".md", ".html")]
    code, out, _ = export(capsys, "李明", "--to", "txt")
    assert out == [str(workdir / f"{NAME}(2).txt")], "the earlier file is kept"


def test_output_file_names_the_format(capsys: pytest.CaptureFixture[str], workdir: Path, draft_path: Path) -> None:
    code, out, _ = export(capsys, str(draft_path), "-o", "交材料/总结.md")
    assert (code, out) == (0, ["交材料/总结.md"])
    assert (workdir / "交材料" / "总结.md").read_text(encoding="utf-8").startswith("# 2026年度个人总结\n")
    # The user named this path: exporting again replaces it.
    (workdir / "交材料" / "总结.md").write_text("旧内容", encoding="utf-8")
    assert export(capsys, str(draft_path), "-o", "交材料/总结.md")[0] == 0
    assert (workdir / "交材料" / "总结.md").read_text(encoding="utf-8").startswith("# 2026年度个人总结\n")


def test_output_without_suffix_gets_one(capsys: pytest.CaptureFixture[str], workdir: Path, draft_path: Path) -> None:
    code, out, _ = export(capsys, str(draft_path), "--to", "txt", "-o", "登记表")
    assert (code, out) == (0, ["登记表.txt"])


def test_output_base_name_for_several_formats(
    capsys: pytest.CaptureFixture[str], workdir: Path, draft_path: Path
) -> None:
    code, out, _ = export(capsys, str(draft_path), "--to", "docx", "txt", "-o", "输出/总结.docx")
    assert (code, out) == (0, ["输出/总结.docx", "输出/总结.txt"])


@pytest.mark.parametrize("output", ["已有文件夹", "新文件夹/"])
def test_output_folder(capsys: pytest.CaptureFixture[str], workdir: Path, draft_path: Path, output: str) -> None:
    (workdir / "已有文件夹").mkdir()
    code, out, _ = export(capsys, str(draft_path), "--to", "txt", "md", "-o", output)
    folder = output.rstrip("/")
    assert (code, out) == (0, [f"{folder}/{NAME}.txt", f"{folder}/{NAME}.md"])


def test_run_in_flag(capsys: pytest.CaptureFixture[str], workdir: Path, draft_path: Path) -> None:
    export(capsys, str(draft_path), "--to", "txt", "-o", "接排.txt", "--run-in")
    export(capsys, str(draft_path), "--to", "txt", "-o", "单列.txt", "--no-run-in")
    assert "\n　　（一）服务中心实绩。一年来，" in txt(workdir / "接排.txt")
    assert "\n　　（一）服务中心实绩\n　　一年来，" in txt(workdir / "单列.txt")


def test_config_file_sets_run_in(
    capsys: pytest.CaptureFixture[str], workdir: Path, draft_path: Path, appraisal_home: Path
) -> None:
    (appraisal_home / "config").mkdir(exist_ok=True)
    (appraisal_home / "config" / "config.toml").write_text("[export]\nrun_in_headings = true\n", encoding="utf-8")
    export(capsys, str(draft_path), "--to", "txt", "-o", "a.txt")
    export(capsys, str(draft_path), "--to", "txt", "-o", "b.txt", "--no-run-in")
    assert "　　（一）服务中心实绩。一年来" in txt(workdir / "a.txt")
    assert "　　（一）服务中心实绩\n" in txt(workdir / "b.txt")


def test_signature_date(capsys: pytest.CaptureFixture[str], workdir: Path, draft_path: Path) -> None:
    assert main(["export", str(draft_path), "--to", "html", "--date", "2027年1月5日"]) == 0
    assert "<p>2027年1月5日</p>" in (workdir / f"{NAME}.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--to", "pdf"], "不支持导出为“pdf”，可选的格式有：docx、txt、md、html。\n"),
        (["-o", "总结.txt", "--to", "docx"], "输出文件 总结.txt 的扩展名与导出格式 docx 不符，请改用 总结.docx。\n"),
        (["--date", "明天"], "落款日期“明天”无法识别，请写成 2026-12-8 这样的形式。\n"),
    ],
)
def test_usage_errors(
    capsys: pytest.CaptureFixture[str], workdir: Path, draft_path: Path, args: list[str], message: str
) -> None:
    assert main(["export", str(draft_path), *args]) == 2
    out, err = capsys.readouterr()
    assert (out, err) == ("", message)
    assert list(workdir.iterdir()) == []


def test_unknown_draft(capsys: pytest.CaptureFixture[str], workdir: Path) -> None:
    assert main(["export", "没有这个人"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_unwritable_path_is_one_sentence(capsys: pytest.CaptureFixture[str], workdir: Path, draft_path: Path) -> None:
    (workdir / "一个文件").write_text("x", encoding="utf-8")
    code, out, err = export(capsys, str(draft_path), "-o", "一个文件/总结.docx")
    assert (code, out) == (2, [])
    assert err == "无法导出到 一个文件/总结.docx：一个文件 不是文件夹。\n"


def test_unmatched_text_is_mentioned(capsys: pytest.CaptureFixture[str], workdir: Path, draft: Draft) -> None:
    draft.unmatched = "一段没有归属的文字。"
    path = create_draft(draft)
    code, _, err = export(capsys, str(path), "--to", "txt")
    assert code == 0
    assert "未归入任何栏目的文字，未导出" in err


# ---------------------------------------------------------------- --strict


def test_strict_refuses_a_draft_with_errors(capsys: pytest.CaptureFixture[str], workdir: Path, draft: Draft) -> None:
    pytest.importorskip("appraisal.checks")
    draft.sections["conduct"] = ""  # required: section-empty
    draft.sections["law"] = "严格依法履职，全年办理行政复议案件XX件，均未被纠错。"  # placeholder
    path = create_draft(draft)
    code, out, err = export(capsys, str(path), "--strict", "--to", "docx", "txt")
    assert (code, out) == (1, [])
    lines = err.splitlines()
    assert lines[0].startswith("草稿还有 ") and lines[0].endswith("处错误，按 --strict 的要求未导出：")
    assert any("品行修养" in line and "section-empty" in line for line in lines[1:])
    assert any("依法行政" in line and "placeholder" in line for line in lines[1:])
    assert list(workdir.iterdir()) == [], "nothing written"
    # Without --strict the same draft is exported, with a reminder.
    code, out, err = export(capsys, str(path), "--to", "txt")
    assert code == 0 and len(out) == 1
    assert "处错误，可用“appraisal check”查看" in err


def test_strict_exports_a_clean_draft(capsys: pytest.CaptureFixture[str], workdir: Path, draft_path: Path) -> None:
    pytest.importorskip("appraisal.checks")
    code, out, err = export(capsys, str(draft_path), "--strict", "--to", "txt")
    assert (code, err) == (0, "")
    assert out == [str(workdir / f"{NAME}.txt")]


def test_strict_lists_the_checkers_errors(
    capsys: pytest.CaptureFixture[str], workdir: Path, draft_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The listing, against a stand-in for the checker: only errors, each with its section and place."""
    from appraisal import service
    from appraisal.checks import ALL_TIERS, CheckOptions, Finding, Severity, Tier

    def check_draft(
        draft: Draft,
        template: object,
        options: CheckOptions,
        last_year: Draft | None = None,
        tiers: frozenset[Tier] = ALL_TIERS,
    ) -> list[Finding]:
        return [
            Finding("placeholder", Severity.ERROR, "law", 1, 15, 17, "“XX”是待填写的占位符。"),
            Finding("section-too-short", Severity.WARNING, "study", 1, 1, 1, "偏短。"),
            Finding("profile-incomplete", Severity.ERROR, None, 1, 1, 1, "未填写单位。"),
        ]

    monkeypatch.setattr(service, "check_draft", check_draft)
    code, out, err = export(capsys, str(draft_path), "--strict")
    assert (code, out) == (1, [])
    assert err == (
        "草稿还有 2 处错误，按 --strict 的要求未导出：\n"
        "  依法行政 第1段第15字：“XX”是待填写的占位符。（placeholder）\n"
        "  未填写单位。（profile-incomplete）\n"
    )
    assert list(workdir.iterdir()) == []


def test_permission_denied_message(capsys: pytest.CaptureFixture[str], tmp_path: Path, draft_path: Path) -> None:
    from .test_package import unwritable_folder

    folder = unwritable_folder(tmp_path)
    code, out, err = export(capsys, str(draft_path), "-o", str(folder / "总结.docx"))
    assert (code, out) == (2, [])
    assert err == f"导出到 {folder / '总结.docx'} 失败：没有权限。\n"


def test_draft_after_the_format_list(capsys: pytest.CaptureFixture[str], workdir: Path, draft_path: Path) -> None:
    code, out, _ = export(capsys, "--to", "txt", "md", "李明")
    assert (code, out) == (0, [str(workdir / f"{NAME}.txt"), str(workdir / f"{NAME}.md")])
    assert main(["export", "--to", "txt"]) == 2
    assert capsys.readouterr().err == "请指明要导出的草稿：文件路径，或草稿的名称、编号（见 appraisal list）。\n"


def test_rules_switched_off_in_config_do_not_stop_strict_export(
    capsys: pytest.CaptureFixture[str], workdir: Path, draft: Draft, appraisal_home: Path
) -> None:
    """The settings are read once, for both commands: a rule the user switched off neither shows in `check` nor
    stops `export --strict` (it used to: export ran the checker without the user's settings)."""
    draft.sections["law"] = "严格依法履职，全年办理行政复议案件XX件，均未被纠错。"  # placeholder: an error
    path = create_draft(draft)
    code, out, err = export(capsys, str(path), "--strict", "--to", "txt")
    assert code == 1 and "placeholder" in err, "the error is there while the rule is on"

    (appraisal_home / "config").mkdir(exist_ok=True)
    (appraisal_home / "config" / "config.toml").write_text('[checks]\ndisabled = ["placeholder"]\n', encoding="utf-8")
    assert main(["check", str(path)]) == 0
    out_check, err_check = capsys.readouterr()
    assert "placeholder" not in out_check and err_check == ""
    code, out, err = export(capsys, str(path), "--strict", "--to", "txt")
    assert (code, err) == (0, "")
    assert out == [str(workdir / f"{NAME}.txt")]
    assert "行政复议案件XX件" in txt(workdir / f"{NAME}.txt")
