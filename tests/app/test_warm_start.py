"""What is kept between runs to start fast (compiled regular expressions, parsed data files): written at exit, read
by the next process, a damaged file ignored and written again."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from appraisal.text import lazy_regex

pytestmark = [
    pytest.mark.skipif(not lazy_regex.FORMS_TAG, reason="not CPython's regex compiler"),
    pytest.mark.xdist_group("warm-start"),  # one worker makes the module's two runs for every test
]

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "tests" / "fixtures" / "check" / "report.txt"
# Counts the program's patterns (`lazy_compile`) that `re.compile` compiles and the data files `tomllib` parses
# while the command runs; what was kept makes the others.
PROBE = """
import builtins, re, sys, tomllib
real, parse, compile_source = re.compile, tomllib.loads, builtins.compile
count = [0]
methods = [0]
def compiling(*args, **kwargs):
    methods[0] += sys._getframe(1).f_code.co_name == "_exec"  # a dataclass method (`dataclass_methods`)
    return compile_source(*args, **kwargs)
def counting(*args, **kwargs):
    count[0] += sys._getframe(1).f_code.co_filename.endswith("lazy_regex.py")
    return real(*args, **kwargs)
def parsing(*args, **kwargs):
    count[0] += sys._getframe(1).f_code.co_name == "loads_shipped"
    return parse(*args, **kwargs)
re.compile, tomllib.loads, builtins.compile = counting, parsing, compiling
from appraisal.cli import main
code = main(sys.argv[1:])
print("MADE", count[0], methods[0], file=sys.stderr)
sys.exit(code)
"""


def _check(home: Path, *extra: str) -> tuple[str, int]:
    """The JSON findings of `check` run in a new interpreter, and how many patterns, data files and dataclass
    methods it had to make itself."""
    out, patterns, methods = _check_counting(home, *extra)
    return out, patterns + methods


def _check_counting(home: Path, *extra: str) -> tuple[str, int, int]:
    """The JSON findings, the patterns and data files made, the dataclass methods compiled."""
    env = {**os.environ, "APPRAISAL_HOME": str(home)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "check", "--format", "json", str(REPORT), *extra],
        env=env,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    compiled = [line for line in done.stderr.splitlines() if line.startswith("MADE")]
    _made, patterns, methods = compiled[-1].split()
    return done.stdout, int(patterns), int(methods)


def _kept(home: Path) -> list[Path]:
    return sorted((home / "cache").glob("warm-*.marshal"))


@dataclass
class TwoRuns:
    """`check` run twice in one home whose cache first held a form file of another interpreter build: the home
    after both, the findings, patterns and data files made, dataclass methods compiled, and the kept files after
    the first run."""

    home: Path
    first: str
    patterns_first: int
    methods_first: int
    second: str
    patterns_second: int
    methods_second: int
    kept_after_first: list[Path]
    kept_mode: int  # of the first kept file, just after the first run
    stale: Path


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory: pytest.TempPathFactory) -> TwoRuns:
    """The first and second run every test here asks about, made once for the module (each run is a new
    interpreter: 1-2 s of CPU)."""
    home = tmp_path_factory.mktemp("two-runs")
    (home / "cache").mkdir(mode=0o700)
    stale = home / "cache" / "warm-0000000000000000.marshal"
    stale.write_bytes(b"old")
    first, patterns_first, methods_first = _check_counting(home)
    kept_after_first = _kept(home)
    kept_mode = kept_after_first[0].stat().st_mode & 0o777 if kept_after_first else 0
    second, patterns_second, methods_second = _check_counting(home)
    return TwoRuns(
        home,
        first,
        patterns_first,
        methods_first,
        second,
        patterns_second,
        methods_second,
        kept_after_first,
        kept_mode,
        stale,
    )


def test_the_second_run_makes_its_patterns_from_the_kept_forms(two_runs: TwoRuns) -> None:
    kept = two_runs.kept_after_first
    assert len(kept) == 1
    assert two_runs.kept_mode == 0o600
    assert json.loads(two_runs.second) == json.loads(two_runs.first)  # the same findings
    assert two_runs.patterns_first > 50  # patterns and data files, apart from the dataclass methods tested below
    assert two_runs.patterns_second == 0


def test_the_second_run_compiles_no_dataclass_method(two_runs: TwoRuns) -> None:
    assert json.loads(two_runs.second) == json.loads(two_runs.first)
    assert two_runs.methods_first > 100  # the program's dataclasses and its libraries' made after the start
    assert two_runs.methods_second == 0


def test_a_damaged_file_is_ignored_and_written_again(two_runs: TwoRuns, tmp_path: Path) -> None:
    home = tmp_path / "home"
    shutil.copytree(two_runs.home, home)  # a home whose kept file a run has written
    clean = two_runs.first
    kept = _kept(home)[0]
    data = bytearray(kept.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte: the checksum no longer holds
    kept.write_bytes(bytes(data))
    again, compiled = _check(home)
    assert json.loads(again) == json.loads(clean)
    assert compiled > 50  # compiled and parsed, not made from the damaged file
    _, compiled_after = _check(home)
    assert compiled_after == 0  # written anew at the end of the damaged run
    kept.write_bytes(b"not marshal at all")
    assert json.loads(_check(home)[0]) == json.loads(clean)


def test_forms_of_another_interpreter_build_are_removed(two_runs: TwoRuns) -> None:
    assert not two_runs.stale.exists() and len(two_runs.kept_after_first) == 1


def test_a_file_that_cannot_be_written_is_logged_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """At exit, a cache folder that cannot be made or written costs the next run its head start, never this run
    its result: said in the log (before, nothing said why every run compiled again)."""
    import logging

    from appraisal.app import warm_start

    monkeypatch.setattr(lazy_regex, "new_compiled_forms", lambda: {("x", 0): b"form"})
    (tmp_path / "cache").write_text("a file where the folder should be", encoding="utf-8")
    path = tmp_path / "cache" / "warm-0000000000000000.marshal"
    with caplog.at_level(logging.WARNING, logger="appraisal"):
        warm_start._write(path, {})
    (record,) = [r for r in caplog.records if r.name == "appraisal.app.warm_start"]
    assert str(path) in record.getMessage() and "not written" in record.getMessage()
