"""`appraisal check` is a short command (`appraisal.app.short_command`): it collects garbage seldom and ends its
process at once, with the same output and exit status, the warm-start file still written and no teardown of the
interpreter; other commands, and `main` called in a process of its own, are as before."""

from __future__ import annotations

import contextlib
import gc
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from appraisal import cli, paths
from appraisal.app import garbage

pytestmark = pytest.mark.xdist_group("warm-start")  # new interpreters, as tests/app/test_warm_start.py

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "tests" / "fixtures" / "check" / "report.txt"
# Runs the console script's `entry()` with an object whose finaliser says when the interpreter is taken apart; says
# every exit hook registered while the command runs and the collector's thresholds when the command is done.
PROBE = """
import atexit, gc, os, sys
class Teardown:
    def __del__(self, write=os.write):
        write(2, b"TORN DOWN\\n")
torn = Teardown()
register = atexit.register
def registering(function, *args, **kwargs):
    sys.stderr.write(f"HOOK {function.__module__}.{function.__qualname__}\\n")
    return register(function, *args, **kwargs)
atexit.register = registering
sys.argv = ["appraisal", *sys.argv[1:]]
from appraisal import cli
run = cli.main
def main(argv=None):
    code = run(argv)
    sys.stderr.write(f"GC {gc.get_threshold()}\\n")
    return code
cli.main = main
cli.entry()
"""


def _run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        env={**os.environ, "APPRAISAL_HOME": str(home)},
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def _in_process(home: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[str, int]:
    monkeypatch.setenv("APPRAISAL_HOME", str(home))
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            code = cli.main(list(args))
    finally:
        monkeypatch.delenv("APPRAISAL_HOME")
        paths.resolve()
    return out.getvalue(), code


def test_check_ends_at_once_with_the_same_output_and_status(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    done = _run(tmp_path / "home", "check", "--format", "json", str(REPORT))
    expected, code = _in_process(tmp_path / "other", monkeypatch, "check", "--format", "json", str(REPORT))
    assert (done.stdout, done.returncode) == (expected, code)
    assert code == 1  # the report has errors: a status other than 0 goes through too
    assert "TORN DOWN" not in done.stderr  # the interpreter was not taken apart
    assert f"GC {(garbage.YOUNGEST, garbage.OLDER, garbage.OLDER)}" in done.stderr
    assert list((tmp_path / "home" / "cache").glob("warm-*.marshal"))  # what the exit hook wrote is written


def test_every_exit_hook_of_a_check_is_one_the_quick_exit_runs(tmp_path: Path) -> None:
    """A hook registered by new code would be skipped by `os._exit`: `short_command.leave` must run it itself."""
    done = _run(tmp_path / "home", "check", str(REPORT))
    hooks = {line.removeprefix("HOOK ") for line in done.stderr.splitlines() if line.startswith("HOOK ")}
    assert hooks == {"logging.shutdown", "appraisal.app.warm_start._at_exit"}


def test_other_commands_exit_as_before(tmp_path: Path) -> None:
    done = _run(tmp_path / "home", "list")
    assert done.returncode == 0
    assert "TORN DOWN" in done.stderr
    fresh = subprocess.run(
        [sys.executable, "-c", "import gc; print(gc.get_threshold())"], capture_output=True, text=True
    )
    assert f"GC {fresh.stdout.strip()}" in done.stderr  # the collector as Python sets it


def test_main_called_in_a_process_keeps_its_collector(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = gc.get_threshold()
    _in_process(tmp_path / "home", monkeypatch, "check", str(REPORT))
    assert gc.get_threshold() == before


def test_a_closed_output_pipe_ends_as_before(tmp_path: Path) -> None:
    """stdout closed before the findings are written (a pager quit early): status 0 and not a word, as before."""
    reader, writer = os.pipe()
    os.close(reader)
    with os.fdopen(writer, "w") as closed:
        done = subprocess.run(
            [sys.executable, "-c", PROBE, "check", str(REPORT)],
            env={**os.environ, "APPRAISAL_HOME": str(tmp_path / "home")},
            stdout=closed,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            timeout=120,
        )
    assert done.returncode == 0
    assert [line for line in done.stderr.splitlines() if not line.startswith(("HOOK ", "GC "))] == []


def test_check_fix_of_a_draft_saves_and_unlocks_before_the_quick_exit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`check --fix` on a draft: the fixed revision is on disk and the draft's lock is gone when the process ends
    at once (the lock is released by the command itself, nothing is left for the teardown)."""
    from appraisal.draft import Draft
    from appraisal.store import create_draft, load_draft
    from appraisal.templates import load_template

    home = tmp_path / "home"
    monkeypatch.setenv("APPRAISAL_HOME", str(home))
    paths.resolve()
    try:
        draft = Draft.new(load_template("cadre-annual"), name="李明", unit="某市统计局", position="科长", year=2025)
        draft.sections["conduct"] = "本人认真履行职责,按时完成任务。"  # a half-width comma: a safe fix
        path = create_draft(draft)
        revision = load_draft(path).revision
    finally:
        monkeypatch.delenv("APPRAISAL_HOME")
        paths.resolve()
    done = _run(home, "check", "--fix", str(path))
    assert "TORN DOWN" not in done.stderr and "已修正" in done.stderr
    saved = load_draft(path)
    assert saved.revision > revision and "，按时" in saved.sections["conduct"]
    assert not [lock for lock in path.parent.iterdir() if lock.name.endswith(".lock")]


def test_a_failing_warm_start_write_leaves_the_status_of_the_command(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """What an exit hook raised was said and the exit status stood; so it stays when `leave` writes the file."""
    import logging

    from appraisal.app import short_command, warm_start

    def failing() -> None:
        raise RuntimeError("disk gone odd")

    ended: list[int] = []
    monkeypatch.setattr(short_command, "_started", True)
    monkeypatch.setattr(warm_start, "finish", failing)
    monkeypatch.setattr(logging, "shutdown", lambda: None)  # the test process keeps its log handlers
    monkeypatch.setattr(short_command.os, "_exit", ended.append)
    with caplog.at_level(logging.ERROR, logger="appraisal"):
        short_command.leave(2)  # type: ignore[unreachable]
    assert ended == [2]
    assert "warm-start file was not written" in caplog.text
