"""Plain mode (`appraisal fill`): line prompts, `.` ends an answer, `.` alone keeps the text, EOF stops and saves."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from appraisal.cli import main
from appraisal.draft import Draft
from appraisal.plainfill import fill_plain
from appraisal.store import create_draft, list_history, load_draft
from appraisal.templates import load_template


def new_draft(**sections: str) -> Path:
    draft = Draft.new(load_template("cadre-annual"), name="陈静", year=2025)
    draft.sections.update(sections)
    return create_draft(draft)


def test_answers_go_to_sections_in_order_and_dot_keeps_text() -> None:
    path = new_draft(intro="原有开头语")
    answers = "\n".join(
        [
            ".",  # intro: keep
            "第一段品行修养。",
            "第二段品行修养。",
            ".",
            "理论学习一段。",
            ".",
        ]
    )
    out = io.StringIO()
    changed = fill_plain(path, io.StringIO(answers + "\n"), out)
    draft = load_draft(path)
    assert draft.sections["intro"] == "原有开头语"
    assert draft.sections["conduct"] == "第一段品行修养。\n第二段品行修养。"
    assert draft.sections["study"] == "理论学习一段。"
    assert changed == 2
    text = out.getvalue()
    assert "[1/12] 开头语" in text
    assert "当前 5 字" in text  # intro's current length is shown
    assert "[4/12] 四项主要工作实绩 › 服务中心实绩" in text  # asked, then input ended
    assert "[5/12]" not in text
    assert "输入已结束" in text


def test_saves_after_each_section() -> None:
    path = new_draft()
    before = len(list_history(path))
    fill_plain(path, io.StringIO(".\n品行一段\n.\n学习一段\n.\n"), io.StringIO())
    assert len(list_history(path)) - before == 2


def test_eof_in_the_middle_of_an_answer_keeps_what_was_typed() -> None:
    path = new_draft()
    fill_plain(path, io.StringIO(".\n写到一半没有结束符"), io.StringIO())
    assert load_draft(path).sections["conduct"] == "写到一半没有结束符"
    assert not path.with_name(f".{path.name}.lock").exists()


def test_only_selected_sections() -> None:
    path = new_draft()
    out = io.StringIO()
    fill_plain(path, io.StringIO("依法行政一段\n.\n"), out, only=["law"])
    assert load_draft(path).sections["law"] == "依法行政一段"
    assert "[1/1] 依法行政" in out.getvalue()


def test_cli_fill_with_piped_input_and_no_textual(tmp_path: Path) -> None:
    path = new_draft()
    script = (
        "import sys\n"
        "from appraisal.cli import main\n"
        "code = main(['fill', sys.argv[1], '--plain'])\n"
        "assert 'textual' not in sys.modules, 'fill imported textual'\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        input=".\n坚持原则，敢于担当。\n.\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=os.environ.copy(),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "品行修养" in result.stdout
    assert load_draft(path).sections["conduct"] == "坚持原则，敢于担当。"


def test_each_answer_is_checked(appraisal_home: Path) -> None:
    path = new_draft()
    study = "".join(f"第{chinese}次集中学习围绕党的创新理论展开，记录心得体会。" for chinese in "一二三四五六七八九十")
    answers = ["全年办理行政复议案件XX件,均未被纠错。", ".", "品行端正。", ".", study, "."]
    out = io.StringIO()
    fill_plain(path, io.StringIO("\n".join(answers) + "\n"), out, only=["intro", "conduct", "study"])
    text = out.getvalue()
    intro = text[text.index("[1/3]") : text.index("[2/3]")]
    assert "本栏有 2 处需要注意：" in intro
    assert "  错误 第1段第11字：“XX”是未填写的占位符" in intro
    assert "  提示 第1段第14字：" in intro, "the half-width comma"
    conduct = text[text.index("[2/3]") : text.index("[3/3]")]
    assert "  提示 “品行修养”只有 4 字" in conduct, "a finding about the whole section has no place"
    assert "本栏未发现问题。" in text[text.index("[3/3]") :]


def test_answers_are_checked_with_the_users_settings(
    appraisal_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (appraisal_home / "config").mkdir(exist_ok=True)
    (appraisal_home / "config" / "config.toml").write_text('[checks]\ndisabled = ["placeholder"]\n', encoding="utf-8")
    path = new_draft()
    monkeypatch.setattr(sys, "stdin", io.StringIO("全年办理行政复议案件XX件。\n.\n"))
    code = main(["fill", str(path), "--plain", "--section", "intro"])  # the face reads the settings, as a user's run
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "本栏未发现问题。" in out and "占位符" not in out
