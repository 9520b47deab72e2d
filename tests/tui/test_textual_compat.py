"""The Textual patches' manifest: every patch listed, the pinned versions installed and required, every Textual
source a patch copies or relies on unchanged; and with another Textual installed, the app starts on Textual's
stock behaviour and says so in one log line."""

from __future__ import annotations

import hashlib
import importlib
import inspect
import logging
import re
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from textual import events
from textual.geometry import Size

from appraisal.tui import textual_compat
from appraisal.tui.textual_compat.manifest import PATCHES, TEXTUAL, TEXTUAL_SERVE

ROOT = Path(__file__).resolve().parents[2]
FOLDER = Path(textual_compat.__file__).parent


def source_of(target: str) -> str:
    module_name, qualified = target.split(":")
    found: object = importlib.import_module(module_name)
    for part in filter(None, qualified.split(".")):  # "module:" is the whole module
        found = getattr(found, part)
    if isinstance(found, property):
        found = found.fget
    return inspect.getsource(found)  # type: ignore[arg-type]


def test_every_patch_is_in_the_manifest_pinned_to_the_installed_versions_and_its_sources_unchanged() -> None:
    """When this fails after an upgrade: compare each named copy or override with the new original, carry its fixes
    over (or drop the patch), then put the new hash and version in the manifest and pyproject.toml."""
    modules = {path.stem for path in FOLDER.glob("*.py")} - {"__init__", "manifest"}
    assert sorted(patch.module for patch in PATCHES) == sorted(modules)
    assert version("textual") == TEXTUAL
    assert version("textual-serve") == TEXTUAL_SERVE
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert f"textual=={TEXTUAL}" in project["project"]["dependencies"]
    assert any(d.startswith(f"textual-serve=={TEXTUAL_SERVE}") for d in project["project"]["dependencies"])
    lock = (ROOT / "uv.lock").read_text(encoding="utf-8")
    for name, pinned in (("textual", TEXTUAL), ("textual-serve", TEXTUAL_SERVE)):
        assert re.search(rf'\[\[package\]\]\nname = "{name}"\nversion = "{re.escape(pinned)}"', lock), name
    changed = []
    for patch in PATCHES:
        assert patch.version == {"textual": TEXTUAL, "textual-serve": TEXTUAL_SERVE}[patch.package]
        assert patch.what and patch.why and patch.upstream and patch.when_off and patch.sources, patch.module
        for target, digest in patch.sources.items():
            if hashlib.sha256(source_of(target).encode()).hexdigest() != digest:
                changed.append(f"{patch.module}: {target}")
    assert changed == []


@pytest.mark.skipif(sys.platform == "win32", reason="the POSIX driver is part of what is compared")
@pytest.mark.parametrize("installed", ["pinned", "other"])
async def test_with_another_textual_the_app_starts_on_stock_behaviour_and_logs_one_line(
    installed: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Every patch asks `patches_on()` when it acts, so another installed version is simulated in this process by
    changing the version the patches were made for. (A real one: Textual 8.1.1 in a scratch venv, see the README.)"""
    from textual import constants
    from textual._compositor import Compositor
    from textual.document._wrapped_document import WrappedDocument
    from textual.drivers.linux_driver import LinuxDriver

    from .helpers import editor_ready, make_app, make_draft

    monkeypatch.setattr(textual_compat, "_decided", {})  # decided afresh, and logged, in this test
    if installed == "other":
        monkeypatch.setitem(textual_compat.PINNED, "textual", "8.0.0")  # as if made for another Textual
    monkeypatch.setattr(constants, "DRIVER", None)  # the driver class is part of what is compared
    caplog.set_level(logging.INFO, logger="appraisal")
    app = make_app(make_draft())
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await editor_ready(app)
        await pilot.press(*"今年")
        await pilot.pause()
        stock = (
            type(app.screen._compositor) is Compositor,
            type(editor.editor.wrapped_document) is WrappedDocument,
            app.get_driver_class() is LinuxDriver,
        )
        assert editor.editor.text.endswith("今年")
    off = installed == "other"
    assert stock == (off, off, off)
    guard = [r.getMessage() for r in caplog.records if r.name == "appraisal.tui.textual_compat"]
    if off:
        assert guard == [
            f"textual {TEXTUAL} is installed, the patches in appraisal.tui.textual_compat were made for 8.0.0: they "
            "are off, textual runs as it comes"
        ]
    else:
        assert guard == []


def test_with_another_textual_serve_the_browser_server_refuses_to_start(monkeypatch: pytest.MonkeyPatch) -> None:
    """The browser server's patch is its secret: with another textual-serve it is not served unguarded."""
    import socket

    from appraisal.errors import AppraisalError
    from appraisal.tui.serve import browser_server

    async def announce(address: str) -> None:
        raise AssertionError("nothing may be announced")

    monkeypatch.setattr(textual_compat, "_decided", {})
    monkeypatch.setitem(textual_compat.PINNED, "textual-serve", "1.0.0")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        with pytest.raises(AppraisalError) as refused:
            browser_server(sock, announce=announce)
    assert refused.value.message == (
        f"浏览器模式需要 textual-serve 1.0.0，当前安装的是 {TEXTUAL_SERVE}，为免在没有密钥保护的情况下提供服务，"
        "未启动；请按 pyproject.toml 重新安装依赖。"
    )
    monkeypatch.setattr(textual_compat, "_decided", {})
    monkeypatch.setitem(textual_compat.PINNED, "textual-serve", TEXTUAL_SERVE)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        assert browser_server(sock, announce=announce).secret  # the pinned version: served behind its secret


# The test-only speed-up in tests/tui/conftest.py (quick_keys) swaps `textual.app.wait_for_idle` while it calls
# `App._press_keys`: it is no patch of the product, so it is pinned here rather than in the manifest.
PRESS_KEYS_8_2_8 = "1999a9a2751290aed8e0b7b240f9bba43f6efff1559fb1feaf8d59ed326c52ed"


def test_the_quick_keys_fixture_relies_on_an_unchanged_press_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """When this fails after an upgrade: check that `App._press_keys` still waits through the module-level
    `wait_for_idle` between keys (what quick_keys replaces), then put the new hash here."""
    monkeypatch.undo()  # Textual's own method, not the fixture's stand-in
    source = source_of("textual.app:App._press_keys")
    assert "wait_for_idle(" in source
    assert hashlib.sha256(source.encode()).hexdigest() == PRESS_KEYS_8_2_8


def test_the_quick_settle_fixture_copies_textuals_idle_wait() -> None:
    """When this fails after an upgrade: tests/tui/conftest.py's `_settled` copies Textual's idle test (a 20-ms
    step, idle under 1 ms of CPU) and stands in for the module-level `wait_for_idle` these call; check both."""
    import textual._wait
    from textual.pilot import Pilot

    assert (textual._wait.SLEEP_GRANULARITY, textual._wait.SLEEP_IDLE) == (1 / 50, 1 / 1000)
    for method in (Pilot.pause, Pilot.wait_for_scheduled_animations):
        assert "wait_for_idle(" in inspect.getsource(method)


@pytest.mark.parametrize("size", [(30, 4), (20, 3)])
async def test_the_quick_settle_fixture_returns_once_a_frame_asked_for_is_drawn(size: tuple[int, int]) -> None:
    """What Textual's 20-ms step waited for by sleeping through it (the 60-fps frame, the 1/120-s resize) is
    waited for by asking: the text changed, then only `_settled` (no `pause()`, which draws a frame itself)."""
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    from .conftest import _settled

    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("一", id="one")

    app = One()
    async with app.run_test(size=(20, 3)) as pilot:
        await pilot.pause()
        for text in "二三四五":
            app.query_one("#one", Static).update(text)
            await _settled()
            assert app.screen._compositor.render_strips()[0].text.startswith(text)
        app._driver._size = size  # type: ignore[union-attr]  # as Pilot.resize_terminal does, without its pause
        app.post_message(events.Resize(Size(*size), Size(*size)))
        await _settled()
        assert app.size == size and len(app.screen._compositor.render_strips()) == size[1]


async def test_a_closed_dialogs_render_caches_go_with_it() -> None:
    """Textual kept each widget's StylesCache (with the lines it drew) in an lru_cache keyed by it: the last 1,024
    stayed alive after their widgets had gone (Textualize/textual#6665). Every dialog of a long session left
    its own behind; with styles_cache they go with the dialog."""
    import gc
    import weakref

    from .editing import editing
    from .helpers import wait_until

    async with editing({"intro": "本人认真履职。"}, size=(80, 24), started=True) as e:
        app, pilot, editor = e.app, e.pilot, e.screen
        refs = []
        for _ in range(3):
            await pilot.press("ctrl+n")
            await wait_until(lambda: app.screen is not editor)
            await pilot.pause()
            dialog = app.screen
            refs += [weakref.ref(node._styles_cache) for node in (dialog, *dialog.walk_children())]
            del dialog
            await pilot.press("escape")
            await wait_until(lambda: app.screen is editor)
            await pilot.pause()
        assert refs

        def all_gone() -> bool:
            gc.collect()
            return [ref for ref in refs if ref() is not None] == []

        # A loaded machine may run a closed dialog's last callbacks a moment later; kept by Textual's cache they
        # would never go (failed 2 of ~11 module runs at load 10 with a single collect).
        await wait_until(all_gone)
