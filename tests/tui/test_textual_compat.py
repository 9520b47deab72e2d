"""The Textual patches' manifest: every patch listed, the pinned versions installed and required, every Textual
source a patch copies or relies on unchanged; and with another Textual installed, the app starts on Textual's
stock behaviour and says so in one log line."""

from __future__ import annotations

import hashlib
import importlib
import inspect
import json
import os
import re
import subprocess
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest

from appraisal.tui import textual_compat
from appraisal.tui.textual_compat.manifest import PATCHES, TEXTUAL, TEXTUAL_SERVE

ROOT = Path(__file__).resolve().parents[2]
FOLDER = Path(textual_compat.__file__).parent


def source_of(target: str) -> str:
    module_name, qualified = target.split(":")
    found: object = importlib.import_module(module_name)
    for part in qualified.split("."):
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


START = """
import asyncio, json, logging, sys
from pathlib import Path
from appraisal.tui import textual_compat
if sys.argv[1] == "other":
    textual_compat.PINNED["textual"] = "8.0.0"  # as if the patches had been made for another Textual
lines = []
handler = logging.Handler()
handler.emit = lambda record: lines.append(record.getMessage())
logging.getLogger("appraisal").addHandler(handler)
logging.getLogger("appraisal").setLevel(logging.INFO)
from textual._compositor import Compositor
from textual.document._wrapped_document import WrappedDocument
from textual.drivers.linux_driver import LinuxDriver
from appraisal.draft import Draft
from appraisal.store import create_draft
from appraisal.templates import load_template
from appraisal.tui.app import AppraisalApp
from appraisal.tui.screens.editor import EditorScreen

draft = Draft.new(load_template("cadre-annual"), name="李明", unit="某市统计局", position="科长", year=2025)
path = create_draft(draft, Path(sys.argv[2]) / "d.json")

async def main():
    app = AppraisalApp(path)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(500):
            screen = app.screen
            if isinstance(screen, EditorScreen) and screen.is_mounted and app.focused is screen.editor:
                break
            await pilot.pause(0.02)
        await pilot.press(*"今年")
        await pilot.pause()
        editor = app.screen.editor
        print(json.dumps({
            "editor": isinstance(app.screen, EditorScreen),
            "text": editor.text,
            "stock_compositor": type(app.screen._compositor) is Compositor,
            "stock_wrapping": type(editor.wrapped_document) is WrappedDocument,
            "stock_driver": app.get_driver_class() is LinuxDriver,
            "log": lines,
        }))

asyncio.run(main())
"""


@pytest.mark.skipif(sys.platform == "win32", reason="the POSIX driver is part of what is compared")
@pytest.mark.parametrize("installed", ["pinned", "other"])
def test_with_another_textual_the_app_starts_on_stock_behaviour_and_logs_one_line(
    installed: str, tmp_path: Path
) -> None:
    env = {**os.environ, "APPRAISAL_HOME": str(tmp_path / "home")}
    env.pop("TEXTUAL_DRIVER", None)
    done = subprocess.run(
        [sys.executable, "-c", START, installed, str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["editor"] and seen["text"] == "今年"
    off = installed == "other"
    assert (seen["stock_compositor"], seen["stock_wrapping"], seen["stock_driver"]) == (off, off, off)
    guard = [line for line in seen["log"] if "textual_compat" in line]
    if off:
        assert guard == [
            f"textual {TEXTUAL} is installed, the patches in appraisal.tui.textual_compat were made for 8.0.0: they "
            "are off, textual runs as it comes"
        ]
    else:
        assert guard == []
