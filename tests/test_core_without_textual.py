"""The core never imports Textual: every module outside appraisal.tui loads with textual absent from sys.modules."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import appraisal


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(appraisal.__path__, prefix="appraisal."):
        if info.name == "appraisal.tui" or info.name.startswith("appraisal.tui."):
            continue
        names.append(info.name)
    return sorted(names)


def test_core_modules_are_found() -> None:
    names = core_modules()
    for expected in ("appraisal.cli", "appraisal.store", "appraisal.plainfill", "appraisal.commands.fill"):
        assert expected in names


def test_no_core_module_imports_textual() -> None:
    modules = [m for m in core_modules() if m.isascii() and all(part.isidentifier() for part in m.split("."))]
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "    if 'textual' in sys.modules:\n"
        "        print(name); sys.exit(1)\n"
        "from appraisal.cli import build_parser\n"
        "build_parser()\n"
        "sys.exit(1 if 'textual' in sys.modules else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"textual imported by {result.stdout.strip() or 'build_parser'}: {result.stderr}"
