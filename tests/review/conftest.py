"""A small folder of generated reports (tests/review_corpus.py), made once for the review tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from review_corpus import PLANTED, Report, make_folder, plant

from appraisal.review import Review, ReviewSettings, review


@pytest.fixture(scope="session")
def unit(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Report]]:
    """Nine reports (three each .docx, .txt, .md, some in sub-folders, some with defects); reports 1 and 7 hold the
    planted 150-字 paragraph."""
    folder = tmp_path_factory.mktemp("unit") / "报告"
    reports = make_folder(folder, 9, seed=11, defect_rate=0.5)
    plant(reports, PLANTED, 1, 7)
    return folder, reports


@pytest.fixture(scope="session")
def reviewed(unit: tuple[Path, list[Report]], tmp_path_factory: pytest.TempPathFactory) -> Review:
    """The unit's folder with a broken .docx added, reviewed for 2026 in one process."""
    folder = tmp_path_factory.mktemp("reviewed") / "报告"
    shutil.copytree(unit[0], folder)
    (folder / "损坏.docx").write_bytes(b"PK\x03\x04")
    return review([folder], ReviewSettings(year=2026), jobs=1)
