"""Render an exported .docx with LibreOffice and measure its layout against GB/T 9704.

    uv run python benchmarks/render_docx.py [OUT_DIR]

Writes `render.docx`, `render.pdf` and `render-N.png` (one per page) to OUT_DIR (default: a temp folder) and prints,
per page, the body lines, the characters on a full body line, and the page number's text, side and distance below
the text block. Look at the PNGs too. Needs `soffice` and poppler's `pdftoppm`/`pdftotext`; without them it says so
and exits 0. The machine may lack 仿宋_GB2312: LibreOffice substitutes a font, so judge the grid, not the glyphs.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from appraisal.draft import Draft
from appraisal.export import ExportOptions, render
from appraisal.templates import load_template

MM_PER_PT = 25.4 / 72
PAGE_HEIGHT_MM = 297
TEXT_TOP_MM, TEXT_BOTTOM_MM = 37, 297 - 35
TEXT_LEFT_MM, TEXT_RIGHT_MM = 28, 210 - 26

# One paragraph of plain CJK prose (no digits or punctuation mixed in), so a full line shows the grid's 28 字.
RULER = (
    "坚持以人民为中心的发展思想，围绕全区经济社会发展大局，扎实推进各项重点工作落地见效，"
    "着力解决群众急难愁盼问题，不断提升服务企业和群众的能力水平，推动各项工作取得新进展新成效。"
)


def sample_draft() -> tuple[Draft, object]:
    template = load_template("cadre-annual")
    draft = Draft.new(template, name="李明", unit="某区发展和改革局", position="副局长", year=2026)
    filler = RULER * 2
    for index, section_id in enumerate(template.text_section_ids()):
        draft.sections[section_id] = "\n".join(
            [f"全年完成项目投资142.6亿元，同比增长8.3%，推动“承诺制+标准地”改革。{RULER}", filler][: 1 + index % 2]
        )
    return draft, template


@dataclass
class Line:
    page: int
    top_mm: float
    left_mm: float
    right_mm: float
    text: str


def read_lines(pdf: Path) -> list[Line]:
    """Every text line of the PDF with its position: `pdftotext -bbox` words grouped by their top edge."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    html = re.sub(r"<!DOCTYPE[^>]*>", "", html)
    root = ElementTree.fromstring(html.replace("&nbsp;", " "))
    xhtml = "{http://www.w3.org/1999/xhtml}"
    lines: list[Line] = []
    for number, page in enumerate(root.iter(f"{xhtml}page"), start=1):
        rows: dict[int, list[tuple[float, float, str]]] = {}
        for word in page.iter(f"{xhtml}word"):
            top = float(word.get("yMin", 0)) * MM_PER_PT
            rows.setdefault(round(top / 2), []).append(
                (float(word.get("xMin", 0)) * MM_PER_PT, float(word.get("xMax", 0)) * MM_PER_PT, word.text or "")
            )
        for key in sorted(rows):
            words = sorted(rows[key])
            text = "".join(w[2] for w in words)
            lines.append(Line(number, key * 2, words[0][0], words[-1][1], text))
    return lines


def dash_below_block(pdf: Path, page: int, folder: Path) -> float | None:
    """How far (mm) the top of the page number's first 一字线 lies below the text block, measured in pixels."""
    dpi = 254  # 10 pixels a millimetre
    stem = folder / f"measure-{page}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-gray", pdf, stem], check=True)
    image = next(folder.glob(f"measure-{page}*.pgm"))
    _magic, size, _maxval, data = image.read_bytes().split(b"\n", 3)
    width, _height = map(int, size.split())
    image.unlink()
    per_mm = dpi / 25.4
    ink = [
        (x / per_mm, y / per_mm)
        for y in range(int(TEXT_BOTTOM_MM * per_mm) + 5, int(PAGE_HEIGHT_MM * per_mm) - 1)
        for x in range(width)
        if data[y * width + x] < 128
    ]
    if not ink:
        return None
    left = min(x for x, _ in ink)
    dash = [y for x, y in ink if x < left + 3]
    return min(dash) - TEXT_BOTTOM_MM


def report(lines: list[Line]) -> None:
    pages = sorted({line.page for line in lines})
    for page in pages:
        on_page = [line for line in lines if line.page == page]
        body = [line for line in on_page if TEXT_TOP_MM - 3 <= line.top_mm < TEXT_BOTTOM_MM]
        footer = [line for line in on_page if line.top_mm >= TEXT_BOTTOM_MM]
        cjk_counts = [len(re.findall(r"[\u4e00-\u9fff，。、“”：；]", line.text)) for line in body]
        full = [
            count
            for line, count in zip(body, cjk_counts, strict=True)
            if line.left_mm < TEXT_LEFT_MM + 2 and line.right_mm > TEXT_RIGHT_MM - 2
        ]
        print(f"第{page}页：正文 {len(body)} 行；顶格排满的行各有汉字和标点 {sorted(set(full))} 个")
        if len(body) > 1:
            pitch = (body[-1].top_mm - body[0].top_mm) / (len(body) - 1)
            print(f"  行距 {pitch:.2f} mm（应为 {225 / 22:.2f} mm），首行顶 {body[0].top_mm:.1f} mm")
        for line in footer:
            side = "右" if line.right_mm > 105 else "左"
            print(
                f"  页码“{line.text}”在{side}侧：距左边缘 {line.left_mm:.1f} mm，距右边缘 {210 - line.right_mm:.1f} mm"
                f"（版心左右为 {TEXT_LEFT_MM} / {210 - TEXT_RIGHT_MM} mm）"
            )


def main() -> int:
    missing = [tool for tool in ("soffice", "pdftoppm", "pdftotext") if shutil.which(tool) is None]
    if missing:
        print(f"跳过：没有 {'、'.join(missing)}。")
        return 0
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="appraisal-render-"))
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("APPRAISAL_HOME", str(out / "home"))
    draft, template = sample_draft()
    docx = out / "render.docx"
    docx.write_bytes(render(draft, template, "docx", ExportOptions(date=dt.date(2026, 12, 8))))  # type: ignore[arg-type]
    profile = (out / "lo-profile").resolve().as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", out, docx],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = out / "render.pdf"
    subprocess.run(["pdftoppm", "-r", "70", "-png", pdf, out / "render"], check=True)
    print(f"输出目录：{out}")
    report(read_lines(pdf))
    for page in (1, 2):
        offset = dash_below_block(pdf, page, out)
        if offset is not None:
            print(f"第{page}页页码的一字线上距版心下边缘 {offset:.1f} mm（标准为 7 mm）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
