"""Reports in pinyin order, as a 花名册 lists them, in every output and after a click on a column of the page;
a surname read as a surname (单 shàn, 曾 zēng)."""

from __future__ import annotations

from pathlib import Path

from appraisal.review import FORMATS, ReviewSettings, find_reports, review
from appraisal.review.collation import pinyin_key

NAMES = ["张三", "曾明", "王五", "单丽", "李四", "阿红"]
PINYIN_ORDER = ["阿红", "李四", "单丽", "王五", "曾明", "张三"]  # a, li, shan, wang, zeng, zhang


def test_names_sort_by_pinyin_and_a_surname_reads_as_a_surname() -> None:
    assert sorted(NAMES) != PINYIN_ORDER  # code-point order: 单 U+5355 … 阿 U+963F
    assert sorted(NAMES, key=lambda n: pinyin_key(n, name=True)) == PINYIN_ORDER
    assert pinyin_key("李明") == "li3 ming2"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "报告"
    folder.mkdir()
    for name in NAMES:
        (folder / f"{name}.txt").write_text(f"2026年度个人总结\n本人认真学习。\n{name}\n2026年12月20日\n", "utf-8")
    return folder


def test_reports_are_listed_in_pinyin_order(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    assert [shown for _, shown in find_reports([folder])] == [f"{n}.txt" for n in PINYIN_ORDER]
    table = FORMATS["table"].write(review([folder], ReviewSettings(), jobs=1)).decode("utf-8")
    shown = [line.split()[1] for line in table.splitlines()[1:] if line.split()[1:2] and ".txt" in line]
    assert shown == [f"{n}.txt" for n in PINYIN_ORDER]


def test_a_click_on_the_name_column_sorts_by_pinyin(tmp_path: Path, browser: object) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.remote.webdriver import WebDriver

    assert isinstance(browser, WebDriver)
    page = tmp_path / "审阅结果.html"
    page.write_bytes(FORMATS["html"].write(review([_folder(tmp_path)], ReviewSettings(), jobs=1)))
    browser.get(page.as_uri())
    heading = browser.find_elements(By.CSS_SELECTOR, "thead th")[2]
    names = lambda: [  # noqa: E731
        row.find_elements(By.TAG_NAME, "td")[2].text for row in browser.find_elements(By.CSS_SELECTOR, "tbody tr")
    ]
    heading.click()
    assert names() == PINYIN_ORDER
    heading.click()
    assert names() == PINYIN_ORDER[::-1]
