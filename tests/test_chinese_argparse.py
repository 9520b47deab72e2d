"""The command line speaks Chinese: help, usage, section titles and every usage error; help fits the terminal."""

from __future__ import annotations

import argparse
import importlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from appraisal.chinese_argparse import cells, translate, wrap
from appraisal.cli import COMMANDS, build_parser, main
from appraisal.commands.check import FORMATS as CHECK_FORMATS

COMMAND_NAMES = [importlib.import_module(f"appraisal.commands.{module}").NAME for module in COMMANDS]
NOTE_ACTIONS = [["note", action] for action in ("add", "list", "import", "move")]
# Words that are names the user types (the program, file formats, a template id), never English prose; the
# options, their choices and the commands are added from the parser itself (`names_in_the_parser`).
NAMES = {
    "appraisal",
    "docx",
    "txt",
    "md",
    "html",
    "Word",
    "Markdown",
    "HTML",
    "cadre-annual",
    "json",
    "WPS",
    "Excel",
}  # product names the review help names
ENGLISH = ("usage", "options", "positional", "arguments", "show this", "invalid", "required", "expected", "argument")


def names_in_the_parser() -> set[str]:
    """Every option string, choice and command name of the parser and its subparsers, split into words."""
    found: set[str] = set()
    parsers = [build_parser()]
    while parsers:
        parser = parsers.pop()
        for action in parser._actions:
            found.update(words(" ".join(action.option_strings)))
            if isinstance(action, argparse._SubParsersAction):
                found.update(action.choices)
                parsers.extend(action.choices.values())
            elif action.choices:
                found.update(str(choice) for choice in action.choices)
    return found


def words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z][A-Za-z-]+", text))


def usage_error(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    assert exit_info.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1, "one sentence"
    return err


@pytest.mark.parametrize("command", [[], *([name] for name in COMMAND_NAMES), *NOTE_ACTIONS])
def test_help_is_chinese_and_fits_80_columns(
    command: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    with pytest.raises(SystemExit) as exit_info:
        main([*command, "--help"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith("用法：appraisal")
    assert "选项：" in text and "显示本帮助并退出" in text
    assert not any(phrase in text.lower() for phrase in ENGLISH), text
    allowed = NAMES | names_in_the_parser()
    assert words(text) <= allowed, words(text) - allowed
    assert max(cells(line) for line in text.splitlines()) <= 78


def test_top_level_help_lists_every_command_at_one_level(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    assert "命令：" in text and "显示版本号并退出" in text
    listed = [line.split()[0] for line in text.splitlines() if line.startswith("  ") and not line.startswith("  -")]
    assert listed == COMMAND_NAMES
    assert len(COMMANDS) == len(COMMAND_NAMES)


def test_help_columns_line_up_in_cells(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["history", "--help"])
    lines = capsys.readouterr().out.splitlines()
    starts = {
        cells(line[: line.index(help_text)])
        for line, help_text in (
            (next(line for line in lines if line.startswith("  草稿")), "草稿路径"),
            (next(line for line in lines if "--restore 版本号 " in line), "把这一版"),
            (next(line for line in lines if line.startswith("  -h")), "显示本帮助"),
        )
    }
    assert len(starts) == 1, starts


@pytest.mark.parametrize(
    ("typed", "suggested"), [("chekc", "check"), ("exprot", "export"), ("lsit", "list"), ("histroy", "history")]
)
def test_unknown_command_suggests_the_nearest(capsys: pytest.CaptureFixture[str], typed: str, suggested: str) -> None:
    err = usage_error(capsys, typed)
    hint = f"您是不是要输入 appraisal {suggested}？"
    assert err == f"参数有误：没有“{typed}”这个命令。{hint}用“appraisal --help”查看所有命令。\n"


def test_unknown_command_without_a_near_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert usage_error(capsys, "zzzz") == "参数有误：没有“zzzz”这个命令。用“appraisal --help”查看所有命令。\n"


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["history"], "缺少必需的参数：草稿"),
        (["history", "李明", "--restore", "abc"], "参数 --restore：“abc”不是整数"),
        (["check", "--format", "xml", "a"], f"参数 --format：“xml”不是可选的值，可选的有：{'、'.join(CHECK_FORMATS)}"),
        (["new", "--year"], "参数 --year：后面需要跟一个值"),
        (["check"], "缺少必需的参数：文件"),
        (["new", "--year", "二〇二五"], "参数 --year：“二〇二五”不是整数"),
        (["list", "--bogus"], "无法识别的参数：--bogus"),
    ],
)
def test_usage_errors_are_one_chinese_sentence(
    capsys: pytest.CaptureFixture[str], args: list[str], reason: str
) -> None:
    # An unrecognized argument is found after the command's parser is done, so the main parser reports it.
    prog = "appraisal" if "--bogus" in args else f"appraisal {args[0]}"
    assert usage_error(capsys, *args) == f"参数有误：{reason}。用“{prog} --help”查看用法。\n"


def test_every_argparse_message_is_translated() -> None:
    """The messages argparse builds (Python 3.11–3.13 wording), each into Chinese."""
    messages = [
        "argument --to: expected at least one argument",
        "argument --x: expected at most one argument",
        "argument --x: expected 2 arguments",
        "argument --no-run-in: not allowed with argument --run-in",
        "argument --strict: ignored explicit argument 'yes'",
        "ambiguous option: --r could match --run-in, --restore",
        "one of the arguments --a --b is required",
        "argument 命令: invalid choice: 'x' (choose from new, edit)",
        "argument --n: invalid float value: 'x'",
    ]
    for message in messages:
        chinese = translate(message)
        assert words(chinese) <= {"to", "x", "no-run-in", "run-in", "strict", "yes", "r", "restore", "a", "b", "n"} | {
            "new",
            "edit",
        }, chinese


def test_wrap_keeps_words_and_punctuation_rules() -> None:
    lines = wrap("导出一种格式时是文件名；导出几种时是文件夹或 Markdown 文件名，如 --to docx txt。", 20)
    assert all(cells(line) <= 20 for line in lines)
    assert (
        "".join(lines).replace(" ", "") == "导出一种格式时是文件名；导出几种时是文件夹或Markdown文件名，如--todocxtxt。"
    )
    assert not any(line[0] in "，。；" for line in lines)
    assert any("Markdown" in line for line in lines), "a Latin word is not split"


def test_parser_knows_the_command_names() -> None:
    assert build_parser().command_names == COMMAND_NAMES  # type: ignore[attr-defined]


def test_the_parser_costs_nothing_unless_help_is_shown(tmp_path: Path) -> None:
    """Help is laid out with rich's cell widths and the editor's line breaking, loaded only to show help."""
    script = (
        "import sys\n"
        "from appraisal.cli import main\n"
        "main(['list'])\n"
        "sys.exit(3 if {'rich', 'textual'} & set(sys.modules) else 0)\n"
    )
    env = {"APPRAISAL_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
