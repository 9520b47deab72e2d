"""Every test runs with its own APPRAISAL_HOME, so no test ever touches a real user's drafts."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def appraisal_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("appraisal-home")
    monkeypatch.setenv("APPRAISAL_HOME", str(home))
    return home
