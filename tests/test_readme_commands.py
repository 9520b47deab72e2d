"""Every `uv run appraisal …` line of the README's examples is a command line the program accepts (same parser,
same options), and `assist --help` says that --task, --apply and --confirm are separate runs, as the README does:
the README may not drift from `--help` the way SPEC §8 (`--task … [--apply]`) did."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from appraisal.cli import build_parser, main

README = Path(__file__).resolve().parent.parent / "README.md"


def readme_commands() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    lines = [line.split("#", 1)[0].strip() for block in blocks for line in block.splitlines()]
    return [line.removeprefix("uv run appraisal").strip() for line in lines if line.startswith("uv run appraisal")]


def test_the_readme_shows_commands() -> None:
    assert len(readme_commands()) >= 20


@pytest.mark.parametrize("line", readme_commands())
def test_each_command_of_the_readme_is_accepted(line: str) -> None:
    args = build_parser().parse_args(shlex.split(line))  # argparse exits on anything it does not accept
    assert args.command or not line


def test_assist_help_says_the_three_steps_are_separate_runs(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["assist", "--help"])
    out = capsys.readouterr().out.replace("\n", "")
    assert "(--task 任务 | --apply | --confirm [内容 ...])" in out  # the usage line: one of the three
    assert "每次运行只做一步" in out and "另行运行 --apply" in out and "--confirm 确认" in out
    with pytest.raises(SystemExit) as refused:
        main(["assist", "张三", "--section", "study", "--task", "polish", "--apply"])
    assert refused.value.code == 2 and "不能与 --task 同时使用" in capsys.readouterr().err
