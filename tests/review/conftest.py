"""A small folder of generated reports (tests/review_corpus.py), made once for the review tests; a headless Chromium
for the HTML page."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
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


CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"


@pytest.fixture
def browser() -> Iterator[object]:
    missing = [path for path in (CHROMIUM, CHROMEDRIVER) if not shutil.which(path)]
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the browser test may not skip under CI: not installed: {missing}")
        pytest.skip(f"not installed: {missing}")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
