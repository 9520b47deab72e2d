"""Every test runs with its own APPRAISAL_HOME (read by `paths.resolve()`, as a face does at start), so no test
ever touches a real user's drafts. `model`: the OpenAI-speaking test server on 127.0.0.1 for the drafting-help
tests."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from openai_server import Model, serve

from appraisal import paths
from appraisal.app import warm_start


def pytest_configure(config: pytest.Config) -> None:
    """A full garbage collection (one walk of every object the process holds) at most every 100 younger ones
    instead of every 10. Each Pilot test leaves an app's worth of objects in cycles, and the default made about
    one full collection per test: tests/tui in one process spent 47 of its 133 s of CPU collecting. With this,
    22 of 108 s; the peak memory of a process that ran 69 of them 191 -> 210 MB. A young collection every 5,000
    allocations instead of 700 (a Pilot test allocates millions): three TUI modules, 52 tests in one process,
    collecting 4.0 -> 2.8 s and 23.7 -> 21.2 s of CPU in all (two runs each, interleaved, load 5), peak memory
    202 -> 270 MB."""
    _young, middle, _old = gc.get_threshold()
    gc.set_threshold(5000, middle, 100)


def pytest_unconfigure(config: pytest.Config) -> None:
    """pytest ends each process with five full garbage collections, so that an exception raised in a finaliser
    (an "unraisable" one) is reported: each walks every object a worker still holds, several hundred MB after the
    TUI tests, while the run waits for its slowest worker. Collected here until a collection finds nothing more
    (what five would find, in as many as it takes, at most five), then the survivors are frozen: pytest's five
    collections that follow walk only what is made after this. Its hook still reports what these collections
    raise."""
    for _ in range(5):
        if not gc.collect():
            break
    gc.freeze()


@pytest.fixture(autouse=True, scope="session")
def no_warm_start() -> None:
    """The faces called in this process (`cli.main`) keep nothing between runs: a test sees what a first run
    does, and the process does not write into the first test's home when it ends (tests/app/test_warm_start.py
    runs the command line in new interpreters to see what is kept)."""
    warm_start._started = True


@pytest.fixture(autouse=True, scope="session")
def checker_models(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The checker's two models, loaded once per process at its start from prebuilt copies made once per run
    (by the first worker; the others wait for it and map its copies). Without this, each worker parsed them from
    their data files in its first check (~1.3 s of CPU each, several seconds at load 7): inside a Pilot test's
    wait for an export's check, that failed test_long_work under load. Tests of the loading itself empty the
    per-process caches and load in their own home, as before."""
    import contextlib
    import os

    from appraisal.checks import char_ngrams, language

    run = tmp_path_factory.getbasetemp()
    folder = (run.parent if os.environ.get("PYTEST_XDIST_WORKER") else run) / "checker-models"
    folder.mkdir(exist_ok=True)
    with contextlib.ExitStack() as stack, pytest.MonkeyPatch.context() as patch:
        try:
            import fcntl
        except ImportError:  # no lock: each process may make the copies (written atomically)
            pass
        else:
            lock = stack.enter_context((folder / "lock").open("w"))
            fcntl.flock(lock, fcntl.LOCK_EX)
        patch.setenv("APPRAISAL_HOME", str(folder))
        paths.resolve()
        char_ngrams.char_ngrams()
        language.language()
    paths.resolve()


@pytest.fixture(autouse=True)
def appraisal_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("appraisal-home")
    monkeypatch.setenv("APPRAISAL_HOME", str(home))
    paths.resolve()  # as a face does at start
    return home


@pytest.fixture
def model() -> Iterator[tuple[Model, str]]:
    """The test server (`openai_server`): what it does next and what it was sent, and its base_url."""
    with serve() as running:
        yield running
