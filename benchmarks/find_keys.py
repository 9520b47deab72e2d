"""How long each key typed in the finder (Ctrl+F) holds the screen, with a pasted section of ~1.6 million 字.

    uv run python benchmarks/find_keys.py

Prints figures; not a pass/fail test. Each key is posted to the app as the terminal driver posts it; "key to
screen" is from then until the first frame drawn (App._display) after the word's line holds the character: what
a user waits for. "places shown" is from the last key until the list names the places of the whole word.
"""

from __future__ import annotations

import asyncio
import statistics
import time

from long_draft import long_draft  # this folder is on the path

WORD = "帮助企业"


async def main() -> None:
    from textual import events
    from textual.widgets import Input, Static

    from appraisal.app.tui_settings import TuiSettings
    from appraisal.tui.app import AppraisalApp
    from appraisal.tui.screens.editor import EditorScreen
    from appraisal.tui.screens.find import FindScreen

    paragraph = "坚持问题导向，把调查研究作为履职尽责的基本功，全年走访企业63家次，帮助企业解决困难41个。" * 20
    path, _text = long_draft(paragraph, 1700)
    print(f"word typed: {WORD}")

    app = AppraisalApp(path, settings=TuiSettings(cursor_blink=False))
    frames = [0.0]
    display = app._display

    def counted(*args: object) -> None:
        display(*args)  # type: ignore[arg-type]
        frames.append(time.perf_counter())

    app._display = counted  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        for round_ in range(3):
            await asyncio.sleep(3)  # the editor's check of the long section, in a thread, is done by then
            await pilot.press("ctrl+f")
            while not isinstance(app.screen, FindScreen):
                await asyncio.sleep(0.01)
            await pilot.pause()
            samples = []
            line = app.screen.query_one("#find-word", Input)
            for character in WORD:
                start = time.perf_counter()
                expected = line.value + character
                app.post_message(events.Key(character, character))
                while line.value != expected:
                    await asyncio.sleep(0.001)
                typed = time.perf_counter()
                while frames[-1] < typed:
                    await asyncio.sleep(0.001)
                samples.append(frames[-1] - start)
            summary = app.screen.query_one("#find-summary", Static)
            while f"“{WORD}”" not in str(summary.render()):
                await asyncio.sleep(0.005)
            shown = time.perf_counter() - start
            keys = ", ".join(f"{s * 1000:.0f}" for s in samples)
            print(
                f"round {round_ + 1}: key to screen {keys} ms (median {statistics.median(samples) * 1000:.0f}); "
                f"places shown {shown * 1000:.0f} ms after the last key: {summary.render()}"
            )
            await pilot.press("escape")
            while isinstance(app.screen, FindScreen):
                await asyncio.sleep(0.01)


if __name__ == "__main__":
    asyncio.run(main())
