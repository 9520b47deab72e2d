from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cadre import CADRE_TEXT_IDS

from appraisal import paths
from appraisal.cli import main
from appraisal.store import load_draft, save_draft

NEW_ARGS = ["new", "--template", "cadre-annual", "--name", "张三", "--unit", "规划局", "--position", "副局长"]


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_templates_lists_four_with_section_counts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "templates")
    assert code == 0
    lines = out.splitlines()
    assert [line.split("\t")[0] for line in lines] == ["cadre-annual", "civil-servant", "duty-report", "unit-summary"]
    assert "8 个栏目，12 个填写项" in lines[0]


def test_new_prints_path_of_a_private_json_draft(capsys: pytest.CaptureFixture[str], appraisal_home: Path) -> None:
    code, out, err = run_cli(capsys, *NEW_ARGS, "--year", "2026", "--no-edit")
    assert code == 0, err
    path = Path(out.strip())
    assert path.is_relative_to(appraisal_home)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["template"] == "cadre-annual"
    assert list(data["sections"]) == CADRE_TEXT_IDS
    assert data["profile"] == {"name": "张三", "unit": "规划局", "position": "副局长", "year": 2026}
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600

    draft = load_draft(path)
    draft.sections["conduct"] = "字" * 200
    save_draft(draft, path)
    code, out, _ = run_cli(capsys, "list")
    assert code == 0
    assert str(path) in out and "张三" in out and "2026年度" in out and "已写 1/12 栏" in out


def test_new_with_output_never_overwrites(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "mine.json"
    target.write_text("不是草稿", encoding="utf-8")
    code, out, err = run_cli(capsys, *NEW_ARGS, "-o", str(target), "--no-edit")
    assert code == 2 and out == ""
    assert "已存在" in err and "Traceback" not in err
    assert target.read_text(encoding="utf-8") == "不是草稿"


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["new", "--template", "nope", "--no-edit"], "没有名为 nope 的模板"),
        (["new", "--year", "3000", "--no-edit"], "不在合理范围内"),
        (["new", "--year", "明年"], "参数有误"),
        (["history", "谁也不是"], "找不到草稿"),
        (["frobnicate"], "参数有误"),
    ],
)
def test_errors_are_one_chinese_sentence_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], needle: str
) -> None:
    try:
        code = main(args)
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    _, err = capsys.readouterr()
    assert code == 2
    assert needle in err
    assert len(err.strip().splitlines()) == 1


def test_history_lists_and_restores(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(capsys, *NEW_ARGS, "--year", "2026", "--no-edit")
    path = Path(out.strip())
    draft = load_draft(path)
    draft.sections["conduct"] = "第二稿"
    save_draft(draft, path)
    draft.sections["conduct"] = ""
    save_draft(draft, path)
    code, out, _ = run_cli(capsys, "history", str(path))
    assert code == 0
    assert [line.split("\t")[0] for line in out.splitlines()] == ["第 3 版", "第 2 版", "第 1 版"]
    code, out, _ = run_cli(capsys, "history", "张三", "--restore", "2")
    assert code == 0 and "第 2 版" in out
    assert load_draft(path).sections["conduct"] == "第二稿"


def test_list_with_no_drafts_says_what_to_do(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "list")
    assert code == 0 and "appraisal new" in out


def test_version_and_no_textual_import() -> None:
    code = (
        "import sys\n"
        "from appraisal.cli import main\n"
        "for args in (['templates'], ['list'], ['new', '--no-edit', '--name', '甲'], ['history', '甲']):\n"
        "    main(args)\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=os.environ.copy())
    assert result.returncode == 0, result.stderr
    version = subprocess.run([sys.executable, "-m", "appraisal.cli", "--version"], capture_output=True, text=True)
    assert version.stdout.startswith("appraisal ")


def test_a_command_loads_its_own_module_alone() -> None:
    """`appraisal check …` builds the parser of `check` only: the other command modules are not loaded (their
    parsers cost every command ~10 ms); `--help` and a slip still see every command."""
    from fresh_interpreter import loaded_after

    from appraisal.cli import COMMANDS, build_parser, command_typed

    modules = [f"appraisal.commands.{name}" for name in COMMANDS]
    for name in COMMANDS:  # the module of a command is named by the command
        assert name.rstrip("_") == __import__(f"appraisal.commands.{name}", fromlist=["NAME"]).NAME
    assert command_typed(["import", "a.txt"]) == "import" and command_typed(["check"]) == "check"
    assert command_typed(["--help", "check"]) is None and command_typed(["chek"]) is None and command_typed([]) is None
    checked = loaded_after("from appraisal.cli import build_parser\nbuild_parser('check')\n", modules)
    assert checked == ["appraisal.commands.check"]
    assert loaded_after("from appraisal.cli import build_parser\nbuild_parser()\n", modules) == sorted(modules)
    one = build_parser("check")
    args = one.parse_args(["check", "a.txt", "--format", "json"])
    assert args.files == ["a.txt"] and args.format == "json" and args.run.__module__ == "appraisal.commands.check"


def test_a_slip_in_the_command_is_answered_from_the_whole_list(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["chek", "a.txt"])
    assert "check" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("uv") is None, reason="uv builds the wheel")
def test_installed_wheel_finds_its_templates(tmp_path: Path) -> None:
    """Templates ship inside the wheel: an install outside the checkout lists all four."""
    root = Path(__file__).resolve().parent.parent
    wheels = tmp_path / "dist"
    subprocess.run(["uv", "build", "--wheel", "-q", "-o", str(wheels)], cwd=root, check=True)
    wheel = next(wheels.glob("appraisal-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run(["uv", "venv", "-q", str(venv)], cwd=tmp_path, check=True)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    subprocess.run(["uv", "pip", "install", "-q", "--python", str(python), str(wheel)], cwd=tmp_path, check=True)
    env = {**os.environ, "APPRAISAL_HOME": str(tmp_path / "home")}
    env.pop("VIRTUAL_ENV", None)
    exe = venv / ("Scripts/appraisal.exe" if os.name == "nt" else "bin/appraisal")
    result = subprocess.run([str(exe), "templates"], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert [line.split("\t")[0] for line in result.stdout.splitlines()] == [
        "cadre-annual",
        "civil-servant",
        "duty-report",
        "unit-summary",
    ]
    where = subprocess.run(
        [str(python), "-c", "import appraisal.templates as t; print(t.builtin_dir())"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
    )
    assert "_prompts" in where.stdout and str(root) not in where.stdout


def test_list_shows_the_id_that_names_a_draft(capsys: pytest.CaptureFixture[str]) -> None:
    run_cli(capsys, *NEW_ARGS, "--no-edit")
    draft = load_draft(next(paths.drafts_dir().glob("*.json")))
    code, out, _ = run_cli(capsys, "list")
    assert code == 0 and f"\t编号 {draft.id}\t张三\t" in out
    code, out, _ = run_cli(capsys, "check", draft.id)
    assert code in (0, 1) and out, "the 编号 shown names the draft"


def test_an_ambiguous_name_lists_each_draft_with_its_id_and_time(capsys: pytest.CaptureFixture[str]) -> None:
    run_cli(capsys, *NEW_ARGS, "--year", "2025", "--no-edit")
    run_cli(capsys, *NEW_ARGS, "--year", "2026", "--no-edit")
    drafts = [load_draft(path) for path in sorted(paths.drafts_dir().glob("*.json"))]
    code, out, err = run_cli(capsys, "check", "张三")
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert lines[0] == "“张三”对应 2 份草稿，请用编号或文件路径指明是哪一份："
    for draft in drafts:
        entry = next(line for line in lines[1:] if draft.id in line)
        assert entry.startswith(f"  编号 {draft.id}  张三·{draft.profile.year}年度")
        assert re.search(r"保存于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$", entry)
    code, _out, err = run_cli(capsys, "export", "张三", "--to", "txt")
    assert code == 2 and "对应 2 份草稿" in err
