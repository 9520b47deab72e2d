"""TOML from users is parsed with its nesting bounded (issue 23 item 6): a shared template or a config.toml with an
array nested 2,000 deep gave RecursionError tracebacks in `templates`, `import`, `check` and `export`, and ended
the start screen. Now each says one Chinese sentence naming the file, and the other templates still work."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from appraisal import toml_data
from appraisal.draft import Draft
from appraisal.store import create_draft
from appraisal.templates import load_template

DEEP = 2000
SENTENCE = "嵌套层数过多（超过 32 层），无法读取，请检查其中的方括号和花括号是否成对"


def deep_array() -> str:
    return "x = " + "[" * DEEP + "]" * DEEP + "\n"


def deep_table() -> str:
    return "x = " + "{a = " * DEEP + "1" + "}" * DEEP + "\n"


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ('a = "[[[[{{{{"\nb = [1, [2]]', 2),
        ("a = '[[[[['  # [[[[[[\nb = {c = [1]}", 2),
        ('a = """\n[[[[[\n"""\n[[sections]]\nid = "x"', 2),
        ('a = "\\"[[["', 0),
        ("a = '''[[[''' \nb = [[[[1]]]]", 4),
        ("[unclosed", 1),
    ],
)
def test_brackets_inside_strings_and_comments_do_not_count(text: str, depth: int) -> None:
    assert toml_data.bracket_depth(text) == depth


@pytest.mark.parametrize("text", [deep_array(), deep_table(), "[" + ".".join(["a"] * DEEP) + "]\nx = 1\n"])
def test_text_nesting_deeper_than_the_bound_is_refused_before_the_parser_recurses(text: str) -> None:
    with pytest.raises(toml_data.TooDeep):
        toml_data.loads(text)


def test_every_shipped_template_is_well_inside_the_bound() -> None:
    for template in Path("prompts").glob("*/template.toml"):
        assert toml_data.value_depth(toml_data.loads(template.read_text(encoding="utf-8"))) < 10


def deep_template(home: Path, text: str = "") -> Path:
    folder = home / "config" / "templates" / "deep"
    folder.mkdir(parents=True)
    path = folder / "template.toml"
    path.write_text(text or deep_array(), encoding="utf-8")
    return path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """The command in a child process, as a user runs it (a RecursionError there is a real one)."""
    return subprocess.run(
        [sys.executable, "-m", "appraisal.cli", *args], capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.parametrize("make", [deep_array, deep_table])
def test_templates_import_check_name_the_deep_template_and_go_on(appraisal_home: Path, tmp_path: Path, make) -> None:  # type: ignore[no-untyped-def]
    path = deep_template(appraisal_home, make())
    document = tmp_path / "总结.txt"
    document.write_text("2025年度个人总结\n一、思想政治方面\n认真学习党的理论。\n", encoding="utf-8")
    for args in (["templates"], ["import", str(document)], ["check", str(document)]):
        done = run(*args)
        assert "Traceback" not in done.stderr and "RecursionError" not in done.stderr, args
        named = [line for line in (done.stdout + done.stderr).splitlines() if str(path) in line]
        assert len(named) == 1 and SENTENCE in named[0] and named[0].count("。") == 1, (args, done.stderr)
        assert done.returncode in (0, 1), (args, done.stderr)
    assert "cadre-annual" in run("templates").stdout  # the other templates are still listed


def test_a_draft_of_the_deep_template_is_refused_in_one_sentence(appraisal_home: Path, tmp_path: Path) -> None:
    path = deep_template(appraisal_home)
    draft = Draft.new(load_template("cadre-annual"), name="张三", year=2025)
    draft_path = create_draft(draft)
    data = json.loads(draft_path.read_text(encoding="utf-8"))
    data["template"] = "deep"
    draft_path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    for args in (["export", str(draft_path), "--to", "txt", "-o", str(tmp_path / "出")], ["check", str(draft_path)]):
        done = run(*args)
        assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
        assert str(path) in done.stderr and SENTENCE in done.stderr and done.stderr.count("。") == 1, done.stderr


def test_a_deep_config_file_is_one_sentence_naming_it(appraisal_home: Path, tmp_path: Path) -> None:
    config = appraisal_home / "config" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("[checks]\n" + deep_array(), encoding="utf-8")
    document = tmp_path / "总结.txt"
    document.write_text("认真学习党的理论。\n", encoding="utf-8")
    done = run("check", str(document))
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    message = done.stderr.strip()
    assert message.startswith(f"设置文件 {config} ") and SENTENCE in message and message.count("。") == 1


def test_shipped_data_is_parsed_once_and_each_caller_gets_its_own_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    import tomllib

    monkeypatch.setattr(toml_data, "_kept", {})
    monkeypatch.setattr(toml_data, "_new", {})
    monkeypatch.setattr(toml_data, "_keeping", False)
    text = '[[entry]]\nwrong = "坐阵"\nright = ["坐镇"]\n'
    toml_data.use_kept_tables({})
    first = toml_data.loads_shipped(text)
    kept = toml_data.new_kept_tables()
    assert len(kept) == 1

    parsed: list[str] = []
    real = tomllib.loads
    monkeypatch.setattr(tomllib, "loads", lambda t: parsed.append(t) or real(t))
    monkeypatch.setattr(toml_data, "_new", {})
    toml_data.use_kept_tables(kept)  # as the next process does
    again = toml_data.loads_shipped(text)
    assert again == first and parsed == []
    again["entry"][0]["right"].append("x")  # a caller changing its copy changes no one else's
    assert toml_data.loads_shipped(text) == first
    assert toml_data.loads_shipped(text + "# changed\n") == first and len(parsed) == 1  # another text: parsed
    assert toml_data.loads_shipped("day = 2026-12-07\n")["day"].year == 2026  # a date: parsed, not kept
    assert len(toml_data.new_kept_tables()) == 1
