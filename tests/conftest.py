"""Every test runs with its own APPRAISAL_HOME (read by `paths.resolve()`, as a face does at start), so no test
ever touches a real user's drafts. `model`: the OpenAI-speaking test server on 127.0.0.1 for the drafting-help
tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openai_server import Model, serve

from appraisal import paths


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
