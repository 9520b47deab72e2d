"""SVG snapshots of the main screens at 80×24 and 120×40. Deterministic: a template and guidance written here
(so edits to the shipped guidance do not move them), fixed dates, a fixed clock, no cursor blink.

Update after an intended change with `uv run pytest tests/tui/test_snapshots.py --snapshot-update` and look at
the SVGs before committing them."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from appraisal.tui.screens.editor import EditorScreen

from .helpers import FakeMonotonic, dated_draft, editor_ready, make_app, user_template

TEMPLATE_TOML = """\
id = "snap"
name = "快照测试模板（四项实绩）"
title = "{year}年度个人总结"
max_chars = 6000

[[sections]]
id = "intro"
title = "开头语"
heading = false
max_chars = 400

[[sections]]
id = "conduct"
title = "品行修养"
required = true
min_chars = 150
max_chars = 800

[[sections]]
id = "results"
title = "四项主要工作实绩"

  [[sections.children]]
  id = "results.service"
  title = "服务中心实绩"
  required = true
  min_chars = 300
  max_chars = 1500

  [[sections.children]]
  id = "results.foundation"
  title = "有潜在、长远效应基础工作实绩"
  required = true
  min_chars = 200
  max_chars = 1200

[[sections]]
id = "integrity"
title = "廉政建设"
required = true
min_chars = 150
max_chars = 800
"""

GUIDANCE = """\
## 品行修养写什么

写政治立场、道德品行和工作作风，用具体事例说话。

- 今年参加了哪些主题教育或专题学习？
- 有没有在急难险重任务中挺身而出的事例？
- 群众和同事对你有哪些评价？
"""

LONG_TEXT = (
    "本人始终坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大和二十届历次全会精神，"
    "牢固树立“四个意识”，坚定“四个自信”，坚决做到“两个维护”，在思想上政治上行动上始终同党中央保持高度一致。"
    "一年来，认真参加局党组理论学习中心组学习和支部“三会一课”，撰写学习体会文章三篇，在全局交流发言两次。\n"
    "坚持把纪律和规矩挺在前面，严格遵守中央八项规定及其实施细则精神，自觉接受组织和群众监督，"
    "在防汛抢险、疫情防控等急难险重任务中主动请缨、冲锋在前，带领科室同志连续奋战二十余天，圆满完成各项任务。"
)


@pytest.fixture
def snap_home(utc: None) -> Path:
    return user_template("snap", TEMPLATE_TOML, conduct=GUIDANCE)


def snap_draft(name: str, year: int, mtime: int, **sections: str) -> Path:
    return dated_draft("snap", f"snap{year}{mtime}", name, year, mtime, **sections)


def editor_on(section_id: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot[object]) -> None:
        screen = await editor_ready(pilot.app)
        screen.go_to(section_id)
        await pilot.pause()

    return run_before


def test_start_screen_80x24(snap_compare, snap_home: Path) -> None:  # type: ignore[no-untyped-def]
    snap_draft("李明", 2024, 1_733_000_000)
    snap_draft("李明", 2025, 1_764_560_000, conduct="好" * 200)
    assert snap_compare(make_app(), terminal_size=(80, 24))


def test_new_draft_form_80x24(snap_compare, snap_home: Path) -> None:  # type: ignore[no-untyped-def]
    snap_draft("李明", 2024, 1_733_000_000)  # the start screen behind the form lists it (no temp path shown)

    async def run_before(pilot: Pilot[object]) -> None:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        pilot.app.screen.query_one("#year", Input).value = "2025"
        pilot.app.screen.query_one("#name", Input).value = "王芳"
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def test_editor_long_chinese_120x40(snap_compare, snap_home: Path) -> None:  # type: ignore[no-untyped-def]
    path = snap_draft("李明", 2025, 1_764_560_000, conduct=LONG_TEXT, intro="现将本人一年来的情况报告如下。")
    assert snap_compare(make_app(path), terminal_size=(120, 40), run_before=editor_on("conduct"))


def test_editor_long_chinese_80x24(snap_compare, snap_home: Path) -> None:  # type: ignore[no-untyped-def]
    path = snap_draft("李明", 2025, 1_764_560_000, conduct=LONG_TEXT)
    assert snap_compare(make_app(path), terminal_size=(80, 24), run_before=editor_on("conduct"))


def test_editor_80x24_with_guidance_shown(snap_compare, snap_home: Path) -> None:  # type: ignore[no-untyped-def]
    path = snap_draft("李明", 2025, 1_764_560_000, conduct=LONG_TEXT)
    assert snap_compare(make_app(path), terminal_size=(80, 24), press=["f9"], run_before=editor_on("conduct"))


def test_editor_after_typing_shows_saved_time(snap_compare, snap_home: Path) -> None:  # type: ignore[no-untyped-def]
    path = snap_draft("李明", 2025, 1_764_560_000)
    clock = FakeMonotonic()

    async def run_before(pilot: Pilot[object]) -> None:
        await editor_on("integrity")(pilot)
        await pilot.press(*"严守八项规定")
        await pilot.pause()
        clock.advance(1.0)  # past the (test) autosave delay
        editor = pilot.app.screen
        assert isinstance(editor, EditorScreen)
        editor.run_due()
        await pilot.pause()

    assert snap_compare(make_app(path, monotonic=clock), terminal_size=(120, 40), run_before=run_before)


def test_review_screen_120x40(snap_compare, snap_home: Path) -> None:  # type: ignore[no-untyped-def]
    path = snap_draft("李明", 2025, 1_764_560_000, conduct="参加XX局组织的培训,收获很大", integrity="廉洁,自律")
    assert snap_compare(make_app(path), terminal_size=(120, 40), press=["f5"])


# Closing marks, quotes, brackets, numbers with units and Latin words at many places: the snapshots below show
# them never starting (closing marks) or ending (opening marks) a line, nor split, at three sizes.
LINE_BREAKING_TEXT = (
    "一年来，本人认真学习，积极工作，按时完成任务。全年撰写报告12篇，组织培训8次，参训人员达到860人次，"
    "满意率98.5%。牵头“数据质量提升年”活动，建立“三审三校”机制，全市新增高标准农田2860亩。\n"
    "坚持用Python和Excel处理普查数据，编写《统计数据质量手册》，获得“优秀”评价；在全局交流发言两次。"
    "（以上数据均来自年度统计报表。）其中，上报及时率100%，差错率下降到0.3%，群众满意度明显提升。\n"
    "严格遵守中央八项规定及其实施细则精神，自觉接受组织和群众监督，在防汛抢险、疫情防控等急难险重任务中"
    "主动请缨、冲锋在前，带领科室同志连续奋战二十余天，圆满完成各项任务，受到市委、市政府通报表扬。"
)


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (140, 40)], ids=["80x24", "100x30", "140x40"])
def test_editor_line_breaking(snap_compare, snap_home: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    path = snap_draft("李明", 2025, 1_764_560_000, conduct=LINE_BREAKING_TEXT)
    assert snap_compare(make_app(path), terminal_size=size, run_before=editor_on("conduct"))
