"""Small things a new user noticed, each reached by keys: the note toast spaced as every other 第N (第1条, not
第 1 条); history rows whose times line up past 第9版; the .txt 落款 pushed right by full-width spaces only."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from appraisal.tui.screens.dialogs import ConfirmScreen
from appraisal.tui.screens.history import HistoryScreen

from .editing import editing
from .helpers import wait_until
from .test_confirm_keys import export_to

INTRO = "本人XX年来认真履职。"


async def test_note_toast_says_di_1_tiao_without_spaces() -> None:
    async with editing({"intro": INTRO}, size=(80, 24), started=True) as e:
        app, pilot, editor = e.app, e.pilot, e.screen
        app.clear_notifications()
        await pilot.press("ctrl+n")
        await wait_until(lambda: app.screen is not editor)
        await pilot.press(*"带头开展谈心谈话12人次", "enter")
        await wait_until(lambda: any("素材" in n.message for n in app._notifications))
        said = " ".join(n.message for n in app._notifications)
        assert "素材第1条" in said, said


async def test_history_rows_line_up_past_the_ninth_revision() -> None:
    async with editing({"intro": INTRO}, size=(100, 30), started=True) as e:
        app, pilot, editor = e.app, e.pilot, e.screen
        for char in "一二三四五六七八九十甲":
            await pilot.press(char, "ctrl+s")
            await pilot.pause()
        await wait_until(lambda: editor.session.draft.revision >= 11)
        await pilot.press("f7")
        await wait_until(lambda: isinstance(app.screen, HistoryScreen) and isinstance(app.focused, OptionList))
        options = app.screen.query_one("#history-list", OptionList)
        rows = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        starts = {row.index("-") for row in rows}  # where the date begins (2026-12-07: its first dash)
        assert len(starts) == 1, rows
        assert any(row.startswith("第9版 ") for row in rows) and any(row.startswith("第10版") for row in rows)


async def test_txt_signature_is_pushed_right_by_full_width_spaces_only(tmp_path: Path) -> None:
    async with editing({"intro": INTRO}, size=(80, 24), started=True) as e:
        app, pilot = e.app, e.pilot
        await export_to(pilot, tmp_path)
        await wait_until(lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_until(lambda: any(tmp_path.glob("*.txt")))
        lines = next(tmp_path.glob("*.txt")).read_text(encoding="utf-8-sig").splitlines()
        signature = lines[lines.index("") + 1 :][-3:]
        assert all(line.startswith("\u3000") for line in signature), signature
        assert all(" " not in line[: len(line) - len(line.lstrip())] for line in signature), signature
