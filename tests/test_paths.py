"""Where things live: the environment is read once, at the top of a face, not on every call."""

from __future__ import annotations

from pathlib import Path

import pytest

from appraisal import cli, paths


def test_the_environment_is_read_when_a_face_starts_not_on_every_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], appraisal_home: Path
) -> None:
    assert paths.drafts_dir() == appraisal_home / "drafts"
    other = tmp_path / "另一个数据目录"
    monkeypatch.setenv("APPRAISAL_HOME", str(other))
    assert paths.drafts_dir() == appraisal_home / "drafts"  # resolved once: a later change is not followed
    assert cli.main(["new", "--name", "张三", "--year", "2026", "--no-edit"]) == 0  # the CLI resolves at start
    (created,) = (other / "drafts").glob("*.json")
    assert capsys.readouterr().out.strip() == str(created)
    assert paths.places() == paths.Places(other, other / "config", other / "cache", other / "exports")
