"""How fast the editor takes keys in a long section (3,000 字), and what the checks after a pause cost.

    uv run python benchmarks/tui_typing.py

Prints figures; not a pass/fail test. Keys are driven through Textual's Pilot (headless), so the per-key time
includes Textual's own key handling and a screen refresh, as a user would see it.
"""

from __future__ import annotations

import asyncio
import statistics
import time

from long_draft import long_draft  # this folder is on the path


async def main() -> None:
    paragraph = "围绕全市经济社会发展大局，牵头完成第五次全国经济普查数据审核，按期上报率达到百分之百，" * 8
    path, text = long_draft(paragraph, 9)
    from appraisal.app.tui_settings import TuiSettings
    from appraisal.service import Service
    from appraisal.store import load_draft
    from appraisal.templates import load_template
    from appraisal.tui.app import AppraisalApp
    from appraisal.tui.screens.editor import EditorScreen

    template = load_template("cadre-annual")
    draft = load_draft(path)

    samples = []
    for _ in range(20):
        start = time.perf_counter()
        Service().check_section(draft, template, "results.service")
        samples.append(time.perf_counter() - start)
    print(f"check_section: median {statistics.median(samples) * 1000:.1f} ms, max {max(samples) * 1000:.1f} ms")

    app = AppraisalApp(path, settings=TuiSettings(cursor_blink=False))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        editor.go_to("results.service")
        await pilot.pause()
        editor.editor.move_cursor(editor.editor.document.end)
        per_key = await type_keys(pilot)
        await pilot.pause(1.5)
    report("appraisal editor", per_key)

    # The same keys into a bare TextArea holding the same text: what Textual itself costs.
    from textual.app import App, ComposeResult
    from textual.widgets import TextArea

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield TextArea(text, soft_wrap=True)

    bare = Bare()
    async with bare.run_test(size=(120, 40)) as pilot:
        area = bare.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)
        await pilot.pause()
        report("bare TextArea (baseline)", await type_keys(pilot))


async def type_keys(pilot: object) -> list[float]:
    """CPU time per key (the pilot's waiting for idle is not counted: a user's terminal does not wait)."""
    per_key = []
    for char in "深入基层调研二十次形成调研报告两篇" * 3:
        start = time.process_time()
        await pilot.press(char)  # type: ignore[attr-defined]
        per_key.append(time.process_time() - start)
    return per_key


def report(label: str, per_key: list[float]) -> None:
    p95 = sorted(per_key)[int(len(per_key) * 0.95)]
    print(
        f"{label}: {len(per_key)} keys at 120x40, CPU median {statistics.median(per_key) * 1000:.1f} ms a key, "
        f"95th percentile {p95 * 1000:.1f} ms"
    )


if __name__ == "__main__":
    asyncio.run(main())
