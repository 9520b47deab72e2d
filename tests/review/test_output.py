"""The review's outputs: a terminal table within 100 columns sorted by verdict, a CSV that a csv reader (and so
Excel/WPS) reads with its BOM, JSON in SPEC §10's shape, and HTML rendered in headless Chromium."""

from __future__ import annotations

import base64
import csv
import io
import json
import os
import re
import shutil
from pathlib import Path

from appraisal.review import FORMATS, PASS, RETURN, Review
from appraisal.review.output import cells


def test_the_table_fits_100_columns_sent_back_first(reviewed: Review) -> None:
    lines = FORMATS["table"].write(reviewed).decode("utf-8").splitlines()
    assert max(cells(line) for line in lines) <= 100
    assert lines[0].split() == ["结论", "文件", "姓名", "模板", "年度", "错误", "提示"]
    verdicts = [line.split()[0] for line in lines[1:] if line.startswith((RETURN, PASS))]
    assert len(verdicts) == len(reviewed.rows)
    assert verdicts == sorted(verdicts, key=lambda v: v != RETURN)
    assert sum("：相同段落 1 处，共 " in line for line in lines) == 1
    assert lines[-1].startswith(f"共 {len(reviewed.rows)} 份：需退回修改 ")


def test_csv_is_read_by_a_csv_reader_with_its_bom(reviewed: Review) -> None:
    data = FORMATS["csv"].write(reviewed)
    assert data.startswith(b"\xef\xbb\xbf")  # what tells Excel and WPS the file is UTF-8
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == len(reviewed.rows)
    by_file = {row["文件"]: row for row in rows}
    broken = by_file["损坏.docx"]
    assert broken["结论"] == RETURN and broken["原因"].startswith("无法读取：损坏.docx")
    for row in reviewed.rows:
        written = by_file[row.file]
        assert (written["结论"], written["姓名"]) == (row.verdict, row.name)
        if row.error is None:
            assert int(written["错误"]) == row.errors and int(written["提示"]) == row.warnings
            assert int(written["标点（提示）"]) == row.families.get("punctuation", (0, 0))[1]


def test_json_has_the_shape_of_spec_10(reviewed: Review) -> None:
    data = json.loads(FORMATS["json"].write(reviewed))
    assert set(data) >= {"reports", "shared"}
    for entry in data["reports"]:
        assert set(entry) >= {"file", "name", "template", "year", "errors", "warnings", "findings", "verdict"}
    assert [e for e in data["reports"] if e["file"] == "损坏.docx"][0]["error"].startswith("损坏.docx")
    (passage,) = data["shared"]
    assert len(passage["files"]) == 2 and passage["chars"] >= 140 and passage["text"].startswith("针对辖区老旧厂房")


# ---------------------------------------------------------------- html in a browser


def test_html_renders_sorts_links_and_prints_on_a4(reviewed: Review, browser: object, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.remote.webdriver import WebDriver

    assert isinstance(browser, WebDriver)
    page = tmp_path / "审阅结果.html"
    page.write_bytes(FORMATS["html"].write(reviewed))
    browser.get(page.as_uri())
    assert browser.title == "考核总结审阅结果"
    cells_of = lambda column: [  # noqa: E731
        row.find_elements(By.TAG_NAME, "td")[column].text for row in browser.find_elements(By.CSS_SELECTOR, "tbody tr")
    ]
    assert len(cells_of(1)) == len(reviewed.rows)
    assert cells_of(0) == sorted(cells_of(0), key=lambda v: v != RETURN)  # sent back first
    heading = browser.find_elements(By.CSS_SELECTOR, "thead th")[1]
    in_order = """return Array.from(document.querySelectorAll("tbody tr td:nth-child(2)"), c => c.textContent)
        .every((v, i, all) => i === 0 || all[i - 1].localeCompare(v, "zh-CN") * arguments[0] <= 0);"""
    assert not browser.execute_script(in_order, 1)  # sorted by verdict, not by file, before the click
    heading.click()
    assert heading.get_attribute("aria-sort") == "ascending" and browser.execute_script(in_order, 1)
    heading.click()
    assert heading.get_attribute("aria-sort") == "descending" and browser.execute_script(in_order, -1)
    # every report in the table links to its findings, every shared passage to the reports holding it
    for link in browser.find_elements(By.CSS_SELECTOR, "tbody a, section.passage a"):
        target = link.get_attribute("href").split("#")[1]
        assert browser.find_elements(By.ID, target), target
    passage = browser.find_element(By.CSS_SELECTOR, "section.passage blockquote").text
    assert passage.startswith("针对辖区老旧厂房")
    browser.save_screenshot(str(tmp_path / "review.png"))
    if os.environ.get("REVIEW_SCREENSHOT"):
        shutil.copy(tmp_path / "review.png", os.environ["REVIEW_SCREENSHOT"])
    printed = browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})  # the page's @page: A4
    pdf = base64.b64decode(printed["data"])
    assert pdf.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]", pdf)
    assert boxes and all((round(float(w)), round(float(h))) == (595, 842) for w, h in boxes)  # A4 in points
    if os.environ.get("REVIEW_PDF"):
        Path(os.environ["REVIEW_PDF"]).write_bytes(pdf)
